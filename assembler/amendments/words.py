"""The words of one unit as a proposer reads them, and edits on them that keep formatting.

A unit's content is split into cells: one per character of text (keeping its italic, bold,
superscript), one per footnote marker (it reads as nothing), one per cross-reference (it
reads as the number of the unit it points at, "14", as printed in the base version). Anchors
are found in that reading; edits replace runs of cells, so a lead phrase stays italic and a
footnote marker next to changed words stays in place.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, groupby
from dataclasses import dataclass
from typing import Callable

from ..diff import nearest
from ..errors import AssemblerError
from ..inline import normalize, plain
from ..model import Break, Content, CrossRef, Text
from ..source.markup import parse_inline

_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u202f": " "})
# What quoted words may differ from the text by, as typed from a printed document: hyphens and
# dashes of every kind, spaces of every width, footnote markers ("Court*", "Development**").
_TYPO = {**{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"},
         **{c: " " for c in "\u00a0\u202f\u2007\u2009\u200a\t\n"},
         "“": '"', "”": '"', "‘": "'", "’": "'", "\u00ad": ""}
_MARKS = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰"
_NAMES = {"-": "hyphen", "\u2010": "hyphen", "\u2011": "non-breaking hyphen",
          "\u2012": "figure dash", "\u2013": "en dash", "\u2014": "em dash",
          "\u2212": "minus sign", " ": "space", "\u00a0": "no-break space",
          "\u202f": "narrow no-break space", '"': "straight quote", "'": "straight quote",
          "“": "curly quote", "”": "curly quote", "‘": "curly quote", "’": "curly apostrophe"}
_OPENERS = "([“‘\"'"
_STOPS = ",;:."          # punctuation an edit must not double
_ENDS = ".;"            # punctuation that ends a paragraph or clause and wins over a comma
_CLOSERS = ",;.:)]”’\"'"


@dataclass(frozen=True)
class Edit:
    """Replace cells [i, j) with `cells`; s, e locate it in the reading of the base text."""
    i: int
    j: int
    cells: tuple
    s: int
    e: int
    deleted: str
    inserted: str
    note: str = ""    # how the quoted words differ from the text they were found in

    @property
    def point(self) -> bool:
        return self.i == self.j


def ends_with_mark(words: str) -> bool:
    """Whether quoted words end with a footnote mark ("Development**")."""
    return words.rstrip()[-1:] in _MARKS if words.strip() else False


class UnitWords:
    """Cells: a (char, italic, bold, sup) tuple per character of text (cheap to make and
    compare), the inline object itself for markers, references and breaks."""

    def __init__(self, content: Content, ref: Callable[[str], str]):
        cells: list = []
        shown: list[str] = []
        widths: list[int] = []
        for item in content:
            if isinstance(item, Text):
                fmt = (item.italic, item.bold, item.sup)
                cells.extend((ch,) + fmt for ch in item.text)
                shown.append(item.text)
                widths.extend([1] * len(item.text))
            else:
                cells.append(item)
                s = ref(item.target) if isinstance(item, CrossRef) else \
                    "\n" if isinstance(item, Break) else ""
                shown.append(s)
                widths.append(len(s))
        self.cells = cells
        self.ends = list(accumulate(widths))
        self.starts = [e - w for e, w in zip(self.ends, widths)]
        self.text = "".join(shown)

    # ------------------------------------------------------------ finding words
    def occurrences(self, words: str) -> list[int]:
        """Where the words start. Curly and straight quotes and apostrophes, and no-break
        spaces, count as the same (one character for one, so positions do not shift)."""
        folded = getattr(self, "_folded", None)
        if folded is None:
            folded = self._folded = self.text.translate(_FOLD)
        words = words.translate(_FOLD)
        out, i = [], folded.find(words)
        while i >= 0 and words:
            out.append(i)
            i = folded.find(words, i + 1)
        return out

    def locate(self, words: str, occurrence: int = 0) -> tuple[int, int]:
        """The span of the words (the `occurrence`-th when given), or an error saying why."""
        s, e, _ = self.find(words, occurrence)
        return s, e

    def find(self, words: str, occurrence: int = 0) -> tuple[int, int, str]:
        """The span of the words and a note when they match only through typographic
        differences (the text's own characters are kept; the note says what differed)."""
        if not words:
            raise AssemblerError("no words are given to anchor the change",
                                 hint="quote the words of the paragraph it changes")
        found = self.occurrences(words)
        if not found:
            spans = typographic(self.text, words)
            if spans:
                s, e = self._pick(words, [a for a, _ in spans], occurrence, dict(spans))
                return s, e, differences(words, self.text[s:e])
        s, e = self._pick(words, found, occurrence)
        return s, e, ""

    def _pick(self, words: str, found: list[int], occurrence: int,
              ends: dict | None = None) -> tuple[int, int]:
        if not found:
            raise AssemblerError(f"the words “{words}” are not in the text{_near(self.text, words)}",
                                 hint="quote them exactly as the base version has them")
        if occurrence:
            if occurrence > len(found):
                raise AssemblerError(f"occurrence {occurrence} of “{words}” asked for, but the "
                                     f"words occur {len(found)} time(s)",
                                     hint=f"give an occurrence from 1 to {len(found)}")
            s = found[occurrence - 1]
        elif len(found) > 1:
            raise AssemblerError(f"the words “{words}” occur {len(found)} times",
                                 hint="say which with 'occurrence: N' (1 = first), or quote "
                                      "more words around them")
        else:
            s = found[0]
        return s, (ends[s] if ends else s + len(words))

    def reading_near(self, words: str) -> str:
        """What the text reads where the words most nearly are ("" when nowhere near)."""
        loc = nearest(self.text, words)
        return self.text[loc:loc + len(words)] if loc >= 0 else ""

    # ------------------------------------------------------------ making edits
    def edit(self, s: int, e: int, text: str, *, exact: bool = False, delete: bool = False,
             past_marks: bool = False) -> Edit:
        """Replace the reading [s, e) by `text` (inline markup). Unless exact, a deletion takes
        one neighbouring space with it and an insertion gets the space it needs, and new
        words written without formatting take the format of the words they join."""
        t = self.text
        new = parse_inline(text) if text else ()
        if not exact and new:
            new = _no_doubled_punctuation(new, t[s - 1] if s else "", t[e:e + 1])
        if not exact:
            if s == e and new:
                shown = plain(new)
                if s > 0 and not t[s - 1].isspace() and t[s - 1] not in _OPENERS \
                        and shown[:1] and (shown[0].isalnum() or shown[0] in _OPENERS):
                    new = (Text(" "),) + new
                if s < len(t) and (t[s].isalnum() or t[s] in "([“") and shown[-1:] \
                        and not shown[-1].isspace():
                    new = new + (Text(" "),)
            elif not new:
                if s > 0 and t[s - 1] == " " and (e == len(t) or t[e] == " " or t[e] in _CLOSERS):
                    s -= 1
                elif s == 0 and e < len(t) and t[e] == " ":
                    e += 1
                # no doubled punctuation where the words were: "States, , to" or "health, ."
                if 0 < s and e < len(t) and t[s - 1] in _STOPS and t[e] in _STOPS:
                    if t[s - 1] == t[e] or t[e] in _ENDS:
                        s -= 1
                    else:
                        e += 1
        i, j = self.cell_span(s, e)
        if past_marks and i == j:   # after words quoted with their footnote mark: after it
            while i < len(self.cells) and self.starts[i] == self.ends[i] == s and \
                    not isinstance(self.cells[i], (tuple, Break, CrossRef)):
                i += 1
            j = i
        cells = explode(new)
        if not exact and cells and all(isinstance(c, tuple) and not (c[1] or c[2] or c[3])
                                       for c in cells):
            model = self._neighbour(i, j)
            if model is not None and (model[1] or model[2]):
                cells = [(c[0], model[1], model[2], False) for c in cells]
        return Edit(i, j, tuple(cells), s, e, t[s:e], plain(to_content(cells)))

    def cell_span(self, s: int, e: int) -> tuple[int, int]:
        if s == e:
            i = bisect_left(self.starts, s)
            return i, i
        return bisect_right(self.ends, s), bisect_left(self.starts, e)

    def _neighbour(self, i: int, j: int):
        for k in ((i,) if j > i else ()) + (i - 1, i):
            if 0 <= k < len(self.cells) and isinstance(self.cells[k], tuple) \
                    and not self.cells[k][0].isspace():
                return self.cells[k]
        return None

    def apply(self, edits: list[Edit]) -> Content:
        """All edits at once, against this base text; they must not overlap (conflicts.py)."""
        out: list = []
        prev = 0
        for ed in sorted(edits, key=lambda x: (x.i, x.j)):
            out.extend(self.cells[prev:ed.i])
            out.extend(ed.cells)
            prev = max(prev, ed.j)
        out.extend(self.cells[prev:])
        return to_content(out)


def _no_doubled_punctuation(new: Content, before: str, after: str) -> Content:
    """New words as they sit between `before` and `after` without doubling punctuation: a
    trailing comma before the text's own comma or full stop goes, as does a leading comma
    after the text's comma (an editor's reading of "after “health” insert “, in accordance
    with ...,”" where the text reads "health, education")."""
    shown = plain(new)
    if shown[-1:] in _STOPS and after and after in _STOPS and \
            (shown[-1] == after or after in _ENDS or shown[-1] == ","):
        new = _trim(new, last=True)
    shown = plain(new)
    if shown[:1] in _STOPS and before and before in _STOPS and shown[0] == before:
        new = _trim(new, last=False)
    return new


def _trim(content: Content, *, last: bool) -> Content:
    """Content without its last (or first) character of text."""
    items = list(content)
    order = range(len(items) - 1, -1, -1) if last else range(len(items))
    for k in order:
        item = items[k]
        if isinstance(item, Text) and item.text:
            text = item.text[:-1] if last else item.text[1:]
            items[k] = Text(text, item.italic, item.bold, item.sup)
            break
    return normalize(items)


def _typo_fold(text: str, marks: bool) -> tuple[str, list[int]]:
    """`text` with typographic variants made one (and footnote markers dropped when
    `marks`), spaces collapsed; and for each character kept, where it stood in `text`."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if marks and ch in _MARKS:
            continue
        ch = _TYPO.get(ch, ch)
        if not ch or (ch == " " and out and out[-1] == " "):
            continue
        out.append(ch)
        where.append(i)
    return "".join(out), where


def typographic(text: str, words: str) -> list[tuple[int, int]]:
    """Spans of `text` that read as `words` once hyphens, dashes, quotes, spaces and
    footnote markers are set aside."""
    folded, where = _typo_fold(text, False)
    want, _ = _typo_fold(words.strip() if words.strip() else words, True)
    out, i = [], folded.find(want) if want else -1
    while i >= 0:
        out.append((where[i], where[i + len(want) - 1] + 1))
        i = folded.find(want, i + 1)
    return out


def differences(quoted: str, text: str) -> str:
    """What the quoted words and the text's words differ by, in a few words."""
    kinds = []
    if any(c in _MARKS for c in quoted):
        kinds.append("a footnote marker the text does not carry there")
    pairs = set()
    for a, b in zip(_no_marks(quoted), text):
        if a != b and _TYPO.get(a, a) == _TYPO.get(b, b):
            pairs.add((_NAMES.get(a, repr(a)), _NAMES.get(b, repr(b))))
    kinds += [f"{a} for {b}" for a, b in sorted(pairs) if a != b]
    if " ".join(_no_marks(quoted).split()) != _no_marks(quoted) and not pairs:
        kinds.append("spacing")
    return ("the quoted words match the text only through typographic differences ("
            + ", ".join(kinds or ["spacing"]) + "); the text's own characters are kept")


def _no_marks(s: str) -> str:
    return "".join(c for c in s if c not in _MARKS)


def explode(content: Content) -> list:
    cells: list = []
    for item in content:
        if isinstance(item, Text):
            fmt = (item.italic, item.bold, item.sup)
            cells.extend((ch,) + fmt for ch in item.text)
        else:
            cells.append(item)
    return cells


def to_content(cells) -> Content:
    """Cells back into runs (the canonical form: equal formats merged, nothing empty)."""
    out: list = []
    for is_text, group in groupby(cells, key=lambda c: isinstance(c, tuple)):
        if not is_text:
            out.extend(group)
            continue
        for fmt, chars in groupby(group, key=lambda c: c[1:]):
            out.append(Text("".join(c[0] for c in chars), *fmt))
    return normalize(out)


def _near(text: str, words: str) -> str:
    """A hint at what the proposer may have meant, by fuzzy matching (diff-match-patch)."""
    loc = nearest(text, words, 0.4)
    if loc < 0:
        return ""
    return f" (the nearest reads “{text[loc:loc + len(words)]}”)"
