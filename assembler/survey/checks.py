"""Judge an import against what the document itself proves.

A reading is `exact` only when every check below passes; each failed check is a Finding with
the page and line it concerns. The checks ask the document, not the structurer: the numbers
and labels printed at each unit's start, the footnote numbers under the rule, every word of
the page. So a wrong guess of the structurer shows up here, whatever rule made it.

- masthead: the symbol read; an enacting formula wherever the text prints one; the closing
  ("Nth plenary meeting") of an adopted resolution.
- numbers: operative paragraphs printed 1..N, each once, in order; sub-paragraph labels as
  their place computes them; annex paragraphs' numbers continuous.
- footnotes: the notes under the rule numbered 1..N, each read, each marked once in the text,
  markers in order.
- words: every word of the text (numbers included) is in the draft as printed or on a line
  dropped by a named rule (running header, footnote rule, closing ...), and the draft prints
  no word the page does not.
- starts: no paragraph starts mid-sentence (the rest of a paragraph broken across a page); no
  line inside a preambular paragraph opens like the next one (two paragraphs merged); no
  paragraph holds the next one's number, no annex paragraph ends with a heading's words
  after its full stop, no heading ends as a paragraph does.
- tables: figures alone on their lines (a table's cells) are not read as paragraph text; on a
  page, no paragraph of the resolution holds lines set outside its text's column (a table
  printed inside an operative paragraph, its cells read as the paragraph's words).
- references: a live cross-reference only where the text says it speaks of its own
  paragraphs ("paragraph 8 above", "paragraph 3 of the present resolution").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..inline import plain
from ..leads import lead_length
from ..model import CrossRef, Draft, FootnoteRef, Text, contents_of
from ..numbering import compute_labels
from ..readers.masthead import CLOSING, FORMULA, SYMBOL
from ..readers.footnotes import INSIDE_REFERENCE
from ..readers.reading import Reading
from ..readers.untext import speaks_of_itself

CHECKS = ("masthead", "numbers", "footnotes", "words", "starts", "tables", "references",
          "agreement")

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_FURNITURE = re.compile(r"^(?:\d{1,3}/\d{1,3}|\d{2}-\d{5}\*{0,2}(?: ?\([A-Z]\))?(?:\s+\d{6}){0,2}|\*\d{7,9}\*|\d{6})$")
_NOTE_START = re.compile(r"^\s*(\d{1,3})\s+\S")
_SENTENCE_END = (",", ";", ":", ".")


@dataclass(frozen=True)
class Finding:
    """One failed check: which, what the document shows, where (page, source line)."""
    check: str
    message: str
    page: int | None = None
    line: int | None = None
    doubt: bool = False  # a guess nothing in this reading confirms (another reading may)

    def __str__(self) -> str:
        where = ", ".join(x for x in (f"page {self.page}" if self.page else "",
                                      f"line {self.line}" if self.line else "") if x)
        return f"{self.check}: {self.message}" + (f" ({where})" if where else "")


def tokens(text: str) -> list[str]:
    """Words and numbers, punctuation and case aside: "Nations1" is "nations", "1"."""
    return [t.lower() for t in _TOKEN.findall(text)]


def judge(draft: Draft, reading: Reading | None) -> list[Finding]:
    """Every failed check of `draft` read from `reading`; [] means exact."""
    out: list[Finding] = []
    out += _masthead(draft, reading)
    out += _numbers(draft, reading)
    out += _footnotes(draft, reading)
    if reading is not None:
        out += _words(draft, reading)
        out += _starts(draft, reading)
        out += _tables(reading)
        out += _set_apart(draft, reading)
        for index, check, message in reading.doubts:
            out.append(Finding(check, message, *reading.where(index), doubt=True))
    out += _references(draft)
    return out


# ------------------------------------------------------------------ masthead

def _masthead(draft: Draft, reading: Reading | None) -> list[Finding]:
    meta = draft.metadata
    out = []
    if not meta.symbol and not meta.stage:
        out.append(Finding("masthead", "no symbol and no stage read from the masthead"))
    if meta.stage:
        # the masthead read must print again: what its face needs was all found (an
        # adoption line broken before its date once left "adopted-by: General Assembly on")
        from ..stages import StageError, masthead_for
        try:
            masthead_for(meta)
        except StageError as e:
            out.append(Finding("masthead", f"the masthead read cannot be printed again: "
                                           f"{e.message}"))
    if reading is None:
        return out
    texts = [l.text.strip() for l in reading.lines]
    formula = next((i for i, t in enumerate(texts) if FORMULA.match(t)), None)
    if formula is not None and not meta.formula:
        page, line = reading.where(formula)
        out.append(Finding("masthead", f"the text prints the enacting formula "
                                       f"'{texts[formula]}' but none was read", page, line))
    closing = next((i for i, t in enumerate(texts) if CLOSING.match(t)), None)
    if closing is not None and not meta.closing:
        page, line = reading.where(closing)
        out.append(Finding("masthead", f"the text prints the closing '{texts[closing]}' but "
                                       f"none was read", page, line))
    if "/RES/" in meta.symbol and meta.formula and not meta.closing:
        out.append(Finding("masthead", "an adopted resolution without its closing "
                                       "('Nth plenary meeting') read"))
    if meta.symbol and not any(t.rstrip("*") == meta.symbol
                               for t in texts[:max(reading.masthead_end, 12)]):
        out.append(Finding("masthead", f"the symbol read ({meta.symbol}) is not printed at "
                                       f"the top of page 1"))
    return out


# ------------------------------------------------------------------ numbers and labels

def _numbers(draft: Draft, reading: Reading | None) -> list[Finding]:
    if reading is None:
        return []
    out = []
    labels = compute_labels(draft)
    ops = draft.operative_paragraphs()
    printed = [(op, reading.marks.get(op.id)) for op in ops]
    numbered = [(op, m) for op, m in printed if m is not None and m.kind == "num"]
    if numbered:
        bare = [(n, m) for n, (op, m) in enumerate(printed, 1)
                if (m is None or m.kind != "num") and labels[op.id].mark]  # a part's only one
        if bare:
            n, m = bare[0]
            page, line = reading.where(m.index if m else None)
            out.append(Finding("numbers", f"{len(bare)} operative paragraph(s) without a printed "
                                          f"number among numbered ones, the first OP {n}",
                               page, line))
        for op, m in printed:
            if m is None or m.kind != "num":
                continue
            place = labels[op.id].number  # counted from 1 again in each part of a resolution
            if m.text != place:
                page, line = reading.where(m.index)
                out.append(Finding("numbers", f"the page numbers it {m.text}, its place "
                                              f"{place}", page, line))
                break  # one shift explains the rest
    for unit in draft.units():
        if unit.kind != "sub":
            continue
        m = reading.marks.get(unit.id)
        want = labels[unit.id].mark
        if m is not None and m.kind == "label" and m.text.strip("().") != want.strip("()."):
            page, line = reading.where(m.index)
            out.append(Finding("numbers", f"sub-paragraph printed {m.text} stands where "
                                          f"{want} belongs", page, line))
    for annex in draft.annexes:
        expected, again = 1, False
        for p in annex.body:
            m = reading.marks.get(p.id)
            if m is not None and m.kind == "item":
                again = True  # "Rule 8": its paragraphs number from 1 again, or go on
            if m is None or m.kind != "num":
                continue
            if again and m.text == "1":
                expected = 1
            again = False
            if m.text != str(expected):
                page, line = reading.where(m.index)
                out.append(Finding("numbers", f"annex paragraph printed {m.text} where "
                                              f"{expected} comes next", page, line))
                break
            expected += 1
    return out


# ------------------------------------------------------------------ footnotes

def _footnotes(draft: Draft, reading: Reading | None) -> list[Finding]:
    out = []
    marked: Counter = Counter()
    order: list[str] = []
    for unit in draft.units():
        for content in contents_of(unit):
            for k, item in enumerate(content):
                if not isinstance(item, FootnoteRef):
                    continue
                marked[item.footnote] += 1
                if item.footnote not in order:
                    order.append(item.footnote)
                before = content[k - 1] if k else None
                if isinstance(before, Text) and INSIDE_REFERENCE.search(before.text):
                    out.append(Finding("footnotes", f"footnote {item.footnote[2:]}'s marker in "
                                                    f"{unit.id} stands inside a reference "
                                                    f"('{before.text[-20:]}')"))
    ids = [fn.id for fn in draft.footnotes]
    for fid in ids:
        if marked[fid] == 0:
            out.append(Finding("footnotes", f"footnote {fid[2:]} is marked nowhere in the text"))
    numbered = [f for f in order if f in ids]
    if numbered != [f for f in ids if f in numbered]:
        out.append(Finding("footnotes", "footnote markers are not in the order of their notes"))
    if reading is not None:
        printed = _printed_notes(reading)
        read = reading.notes
        if printed != read:
            out.append(Finding("footnotes", f"the page prints notes 1 to {printed} under its "
                                            f"rules; {read} read"))
    return out


def _printed_notes(reading: Reading) -> int:
    """How many notes the footnote zones number in sequence (1, 2, 3 ... at a line start)."""
    expected = 1
    for i in sorted(k for k, rule in reading.dropped.items() if rule == "footnote"):
        m = _NOTE_START.match(reading.lines[i].text)
        if m and int(m.group(1)) == expected:
            expected += 1
    return expected - 1


# ------------------------------------------------------------------ words

def printed_words(draft: Draft, notes: int | None = None) -> Counter:
    """The words of the draft's text as the page prints it: the formula, every unit with its
    number or label, annex titles, footnotes with their numbers. `notes`: how many numbered
    notes the page prints under its rules, where known."""
    labels = compute_labels(draft)
    texts = {fn.id: fn.content for fn in draft.footnotes}
    number = lambda uid: labels[uid].number if uid in labels else ""  # noqa: E731
    # The page numbers its notes by their markers, 1, 2, 3 ...: a footnote marked twice
    # (read as one, shared) is printed twice, under two numbers; unless the page printed
    # no more notes than there are footnotes: then it marked the one note twice with its
    # one number ("1949,2" on page 1 and again on page 2, A/RES/78/11).
    numbered = sum(1 for fn in draft.footnotes if fn.id[2:].isdigit())
    shared = notes is not None and notes == numbered
    marked: list[str] = []

    def note(fid: str) -> str:
        if not fid[2:].isdigit():
            return " "
        if shared and fid in marked:
            return f" {marked.index(fid) + 1} "
        marked.append(fid)
        return f" {len(marked)} "
    parts = [draft.metadata.formula]
    for unit in draft.units():
        if unit.kind == "fn":
            continue  # below, with their numbers
        if unit.kind in ("pp", "op", "sub", "heading"):
            parts.append(labels[unit.id].mark)
        for content in contents_of(unit):
            parts.append(plain(content, number, note=note))
    for n, fid in enumerate(marked, 1):
        parts.append(f"{n} " + plain(texts.get(fid, ()), number))
    for fn in draft.footnotes:
        if fn.id not in marked:  # a note marked nowhere: its own number
            parts.append((fn.id[2:] if fn.id[2:].isdigit() else "") + " "
                         + plain(fn.content, number))
    for key in ("sponsors-footnote", "reissued"):  # notes read into the masthead's facts
        parts.append(draft.metadata.get(key) or "")
    return Counter(tokens(" ".join(parts)))


def _words(draft: Draft, reading: Reading) -> list[Finding]:
    page_words: Counter = Counter()
    where: dict[str, int] = {}
    title = set(tokens(draft.metadata.title))
    for i in range(reading.masthead_end, len(reading.lines)):
        rule = reading.dropped.get(i, "footnote")
        if rule != "footnote" and (rule != "running header or footer"
                                   or _furniture_like(reading.lines[i].text, draft, title)):
            continue  # dropped by a named rule; footnote lines are read into the notes
        for t in tokens(reading.lines[i].text):
            page_words[t] += 1
            where.setdefault(t, i)
    for text in reading.table_words:
        page_words.update(tokens(text))
    # the enacting formula may close the masthead: its words are then the draft's formula
    if not any(FORMULA.match(reading.lines[i].text.strip())
               for i in range(reading.masthead_end, len(reading.lines))):
        page_words.update(tokens(draft.metadata.formula))
    draft_words = printed_words(draft, reading.notes)
    lost = page_words - draft_words
    added = draft_words - page_words
    _fused(lost, added)
    out = []
    if lost:
        first = min(lost, key=lambda t: where.get(t, 0))
        page, line = reading.where(where.get(first))
        out.append(Finding("words", f"{sum(lost.values())} word(s) of the page not in the "
                                    f"draft: {_sample(lost)}", page, line))
    if added:
        out.append(Finding("words", f"{sum(added.values())} word(s) in the draft the page does "
                                    f"not print: {_sample(added)}"))
    return out


def _fused(lost: Counter, added: Counter) -> None:
    """A footnote marker printed against a number ("2005" and marker 2 as "20052"): the
    page's one token is the draft's two."""
    for token in [t for t in lost if t.isdigit()]:
        for _ in range(lost[token]):
            split = next(((token[:k], token[k:]) for k in range(1, len(token))
                          if added[token[:k]] > 0 and added[token[k:]] > 0
                          and token[:k] != token[k:]), None)
            if split is None:
                break
            lost[token] -= 1
            added[split[0]] -= 1
            added[split[1]] -= 1
    lost += Counter()  # drop the zeros
    added += Counter()


def _furniture_like(text: str, draft: Draft, title: set[str]) -> bool:
    """Is a line dropped as running header or footer really one: the symbol, a job number,
    "n/N", a barcode, a date code, or words of the running title?"""
    t = text.strip()
    symbol = draft.metadata.symbol
    if not t or (symbol and not t.replace(symbol, "")) or _FURNITURE.match(t) \
            or SYMBOL.match(t):
        return True  # the symbol twice over too ("A/RES/78/18A/RES/78/18", a layer drawn twice)
    words = tokens(t)
    return bool(words) and all(w in title for w in words)


def _sample(words: Counter) -> str:
    shown = [f"'{w}'" + (f" x{n}" if n > 1 else "") for w, n in words.most_common(5)]
    return ", ".join(shown) + (" ..." if len(words) > 5 else "")


# ------------------------------------------------------------------ paragraph starts

# words after which a number ends a sentence as a number ("... in paragraph 23. The ...")
_NAMES_A_NUMBER = frozenset("paragraph paragraphs para. paras. resolution resolutions section "
                            "article articles chapter annex page pages no. and or to goal "
                            "target rule principle decision".split())
_LABEL_ONLY = re.compile(r"(?:(?:Item|Article|Chapter|Part|Section|Rule) )?\(?[0-9A-Za-z]{1,5}[.)]?")
_SWALLOWED = re.compile(r"([.;])\s+([A-Z][^.;:,!?\u201d\")]*[A-Za-z])$")


def _starts(draft: Draft, reading: Reading) -> list[Finding]:
    out = []
    for unit in draft.units():
        if unit.kind not in ("pp", "op", "p"):
            continue
        text = plain(unit.content).lstrip()
        if unit.kind == "pp" and re.match(r"^\((?:[a-z]{1,2}|[ivxl]{1,5})\)\s", text):
            m = reading.marks.get(unit.id)
            page, line = reading.where(m.index if m else None)
            out.append(Finding("starts", f"{_name(unit)} is a lettered item ('{text[:12]}') of "
                                         f"the paragraph before, read as a paragraph of its "
                                         f"own with its label", page, line))
            continue
        if unit.kind == "p":  # an annex paragraph keeps its printed number or label
            # (a table's lettered notes too: "a See A/79/555."), and the first label of a
            # list it opens ("(a) (i) The conversion", A/RES/79/243)
            text = re.sub(r"^(?:\(?[0-9A-Za-z]{1,5}[.)]|Item \d{1,3}\.|[a-z](?= [A-Z]))\s+"
                          r"(?:\((?:[a-z]{1,2}|[ivxl]{1,5})\)\s+)?", "", text)
        text = text.lstrip("\u201c\"'(")
        if text[:1].islower():
            m = reading.marks.get(unit.id)
            page, line = reading.where(m.index if m else None)
            out.append(Finding("starts", f"{_name(unit)} starts mid-sentence ('{text[:30]}'): "
                                         f"the rest of a paragraph broken across a page?",
                               page, line))
    for unit in draft.units():
        # a heading swallowed by the paragraph before it, across a page's foot ("...
        # levels; Call to action", a text layer of A/RES/78/3's annex)
        text = plain(getattr(unit, "content", ())).rstrip()
        m = _SWALLOWED.search(text) if unit.kind == "p" else None  # (an operative
        # paragraph's end is checked below)
        if m and len(m.group(2).split()) <= 10 \
                and not _LABEL_ONLY.fullmatch(text[:m.start() + 1]):
            # (a heading's own "I. Global context" or "Rule 1. Composition of delegations"
            # has no sentence before its numeral)
            mark = reading.marks.get(unit.id)
            page, line = reading.where(mark.index if mark else None)
            out.append(Finding("starts", f"{_name(unit)} ends with '{m.group(2)}' after its "
                                         f"closing '{m.group(1)}': a heading swallowed?",
                               page, line))
    labels = compute_labels(draft)
    for unit in draft.units():
        # the next paragraph's number inside this one, after a sentence: two paragraphs
        # read as one ("... of Action. III. Conclusion ... 23. We declare ...")
        if unit.kind == "p":
            own = re.match(r"^(\d{1,3})\.\s", plain(unit.content))
            number = int(own.group(1)) if own else None
        elif unit.kind == "op" and unit.id in labels and labels[unit.id].number.isdigit():
            number = int(labels[unit.id].number)
        else:
            continue
        if number is not None and any(
                m.group(1).lower().strip("(,") not in _NAMES_A_NUMBER for m in re.finditer(
                    rf"(\S+)\s+{number + 1}\.\s+[A-Z\u201c\"]", plain(unit.content))):
            mark = reading.marks.get(unit.id)
            page, line = reading.where(mark.index if mark else None)
            out.append(Finding("starts", f"{_name(unit)} holds the number {number + 1}. of the "
                                         f"paragraph after it: two paragraphs read as one?",
                               page, line))
    paragraphs = [u for u in draft.units() if u.kind in ("pp", "op")]
    for k, unit in enumerate(paragraphs):
        if not draft.metadata.formula:
            continue  # an amendment's instructions end as they please
        if unit.content and isinstance(unit.content[-1], FootnoteRef):
            continue  # a marker closes it: the page's own end ("... for 2022 1", A/RES/78/8)
        if plain(unit.content).rstrip().endswith("\u201d"):
            continue  # a quotation closes it (a title quoted after "will be:")
        nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if reading.layout and unit.kind == "pp" and nxt is not None and nxt.kind == "pp" \
                and _printed_lead(unit) and _printed_lead(nxt):
            continue  # the page sets this paragraph's lead and the next one's in italics:
            # each starts there (no heading), and the missing comma is the document's own
            # ("... on 3 and 4 December 2020")
        if reading.layout and unit.kind == "op" and nxt is not None and nxt.kind == "op" \
                and _printed_lead(nxt, "op"):
            continue  # on a page a heading stands apart (a gap, or a page's top that the
            # joining rule keeps apart), never run into the paragraph above it: a word at the
            # end of a paragraph the next printed number follows is the document's own
            # ("... in the high-level meeting" then "11. Encourages", A/RES/79/333)
        end = re.sub(r"[\s\u201d\u2019\"')]+$", "", plain(unit.content))[-1:]
        # an operative paragraph ends where the next printed number stands (the numbers
        # check holds each to its place): any punctuation there is the document's own, as
        # the UN printed it ("..., Framework," in A/RES/79/264); a word is a heading or a
        # cut swallowed
        closes = (",", ";", ":") if unit.kind == "pp" else (";", ".", ":", ",", "?", "!")
        if end and end not in closes and not (unit.kind == "pp" and end == "."):
            m = reading.marks.get(unit.id)
            page, line = reading.where(m.index if m else None)
            out.append(Finding("starts", f"{_name(unit)} ends with '{end}', not as a paragraph "
                                         f"ends: a heading, or a paragraph cut short?",
                               page, line))
    for unit in draft.preamble + draft.operative:
        if unit.kind == "heading" and plain(unit.content).rstrip().endswith((",", ";")):
            m = reading.marks.get(unit.id)
            page, line = reading.where(m.index if m else None)
            out.append(Finding("starts", f"heading '{plain(unit.content)[:30]}' ends as a "
                                         f"paragraph does: a paragraph read as a heading?",
                               page, line))
    if draft.metadata.formula and draft.preamble and not draft.operative_paragraphs():
        out.append(Finding("starts", "a preamble and no operative paragraph: the resolution's "
                                     "single paragraph read as preambular?"))
    # a line inside a preambular paragraph that opens like a preambular paragraph, after a
    # line that closes one: two paragraphs read as one
    kinds = {u.id: u.kind for u in draft.units()}
    starts = sorted((m.index, uid) for uid, m in reading.marks.items() if uid in kinds)
    for k, (index, uid) in enumerate(starts):
        if kinds.get(uid) != "pp":
            continue
        end = starts[k + 1][0] if k + 1 < len(starts) else len(reading.lines)
        body = [i for i in range(index + 1, end) if i not in reading.dropped]
        for prev, i in zip([index] + body, body):
            before = reading.lines[prev].text.rstrip()
            before = re.sub(r"\s*\d{1,3}$", "", before)  # a footnote marker after the comma
            t = reading.lines[i].text.strip()
            apart = (reading.lines[i].gap_before or 0) >= (0.5 if reading.layout else 1)
            if apart and before.endswith((",", ";")) and lead_length(t, "pp") and _lead_word(t):
                page, line = reading.where(i)
                out.append(Finding("starts", f"a line inside preambular paragraph "
                                             f"{uid[2:]} opens like the next one ('{t[:30]}')",
                                   page, line))
                break
    return out


def _lead_word(t: str) -> bool:
    """A preambular lead is a participle or an adjective phrase: "Recalling", "Deeply
    concerned", "Mindful"; a capitalised noun after a comma ("Member States") is not."""
    first = t.split()[0] if t.split() else ""
    return first.endswith(("ing", "ed")) or first in ("Mindful", "Aware", "Conscious", "Bearing",
                                                      "Cognizant", "Guided", "Convinced")


def _name(unit) -> str:
    if unit.kind == "p":
        return f"annex paragraph {unit.id}"
    return {"pp": "preambular paragraph", "op": "operative paragraph"}[unit.kind] + \
        " " + re.sub(r"\D", "", unit.id)


# ------------------------------------------------------------------ tables

_FIGURE = r"(?:\(?\d{1,3}(?:[ \u00a0,]\d{3})+\)?|[\u2013\u2014-])"
# a cell alone on its line (a text layer), or a row's cells at a line's end (a page's line)
_FIGURES = re.compile(rf"^{_FIGURE}$|\s{_FIGURE}\s+{_FIGURE}$")


def _tables(reading: Reading) -> list[Finding]:
    """Figures alone on their lines ("62 287 400", "(1 323 600)", "–"), or two ending a line,
    are a table's cells; read as the lines of paragraphs, the table is lost."""
    cells = [i for i in range(reading.masthead_end, len(reading.lines))
             if i not in reading.dropped and _FIGURES.search(reading.lines[i].text.strip())]
    if len(cells) < 3:
        return []
    page, line = reading.where(cells[0])
    return [Finding("tables", f"{len(cells)} lines of figures, a table's cells, read as "
                              f"paragraph text ('{reading.lines[cells[0]].text.strip()}')",
                    page, line)]


# Where a page sets a line inside a paragraph of the resolution: its text column runs from
# the paragraph's number (0) to about 400 points; a line far left of it, or starting past
# the column's middle without being centred, is a table's (A/RES/79/250's "Level Criterion"
# at -63, A/RES/79/249's "Percentage" at 330). Lines of an annex are left to its tables.
_LEFT, _MIDDLE = -40.0, 200.0


def _set_apart(draft: Draft, reading: Reading) -> list[Finding]:
    if not reading.layout:
        return []
    annex = min((m.index for uid, m in reading.marks.items() if uid.startswith("annex")),
                default=len(reading.lines))
    apart = [i for i in range(reading.masthead_end, annex) if i not in reading.dropped
             and reading.lines[i].region == "body" and reading.lines[i].indent is not None
             and not reading.lines[i].centred
             and not _LEFT <= reading.lines[i].indent <= _MIDDLE]
    if len(apart) < 3:
        return []
    owner = max(((m.index, uid) for uid, m in reading.marks.items() if m.index <= apart[0]),
                default=(0, ""))[1]
    # the paragraph itself, a sub-paragraph's too
    root = next((u for u in draft.units() if u.id == owner.split(".")[0]), None)
    name = _name(root) if root is not None and root.kind in ("pp", "op") else f"unit {owner}"
    page, line = reading.where(apart[0])
    return [Finding("tables", f"{len(apart)} lines set outside the text's column in {name} "
                              f"('{reading.lines[apart[0]].text.strip()[:30]}'): a table "
                              f"printed in the paragraph, read as its words", page, line)]


# ------------------------------------------------------------------ references

def _printed_lead(unit, kind: str = "pp") -> bool:
    """Does the unit open with a lead in italics (as a page read with its fonts shows)?"""
    first = next((c for c in unit.content if not (isinstance(c, Text) and not c.text.strip())),
                 None)
    return isinstance(first, Text) and first.italic and bool(lead_length(first.text, kind))


def _references(draft: Draft) -> list[Finding]:
    out = []
    for unit in draft.units():
        for content in contents_of(unit):
            for k, item in enumerate(content):
                if not isinstance(item, CrossRef):
                    continue
                after = "".join(x.text if isinstance(x, Text) else "#"
                                for x in content[k + 1:] if not isinstance(x, FootnoteRef))
                if not speaks_of_itself(after):
                    before = "".join(x.text for x in content[max(0, k - 2):k]
                                     if isinstance(x, Text))[-30:]
                    out.append(Finding("references", f"'{before}{item.target}{after[:30]}' in "
                                                     f"{unit.id} is read as a reference to this "
                                                     f"text's own paragraph, but the text does "
                                                     f"not say so ('above', 'of the present "
                                                     f"resolution')"))
    return out
