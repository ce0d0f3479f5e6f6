"""Printed lines into blocks: the paragraphs as the page sets them out, each with the number
or label it was printed with (numbers alone on a line or inline, sub-paragraph labels,
section numerals, headings), paragraphs broken across pages joined, lists run inline kept
whole. The structurer (structure.py) then makes units of the blocks. Facts the page gave
(a PDF: gaps, page starts, italics, superscripts) are honoured; a text's are guessed, and
each guess is a warning naming the page and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..leads import lead_length as _lead_length
from ..numbering import format_mark
from .content import END, ITALIC, SUP
from .footnotes import CLOSE, OPEN
from .printed import PrintedLine
from .untext import roman_value
from .wrap import join_wrapped

_NUM_ALONE = re.compile(r"^(\d{1,4})\.$")  # four digits: a 2,000-paragraph text
_NUM_BARE = re.compile(r"^(\d{1,3})$")  # "26" alone, its full stop left out by the printer
_NUM_BARE_INLINE = re.compile(r"^(\d{1,3})\s+(\ue002?[A-Z].*)$")  # "26 Condemns ..."
# (an italic lead, as a PDF marks it, may open the text: "2. " then italic "Also commends")
_NUM_INLINE = re.compile(r"^(\d{1,3})\.\s+(\ue002?[\"\u201c(A-Z].*)$")
_NUM_ANY = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")  # after a blank line, whatever follows
_LABEL_ALONE = re.compile(r"^(\((?:[a-z]{1,2}|[ivxl]{1,6})\))$")
_LABEL_INLINE = re.compile(r"^(\((?:[a-z]{1,2}|[ivxl]{1,6})\))\s+(\S.*)$")
# "a.", "A)", "i." labels (other list styles) only where a paragraph opens
# ... and alone, where a PDF sets it apart from its text with a tab ("A." stays a heading)
_STYLED_ALONE = re.compile(r"^((?:[a-z]{1,2}|[A-Z]{1,2}|[ivxl]{1,6})\.|(?:[a-z]{1,2}|[A-Z]{1,2}|[ivxl]{1,6})\))$")
_STYLED_LABEL = re.compile(r"^((?:[a-z]{1,2}|[A-Z]{1,2}|[ivxl]{1,6})[.)])\s+(\S.*)$")
_ROMAN_ALONE = re.compile(r"^([IVXL]{1,6}|[A-H])\.$")  # "II." or "B." over a section
_ROMAN_BARE = re.compile(r"^([IVX]{1,5})$")
_ROMAN_INLINE = re.compile(r"^([IVXL]{1,6})\.\s+([A-Z].*)$")
# (in italics too, as a PDF marks them: a treaty's "Article 9", A/RES/79/243)
_ITEM_ALONE = re.compile(r"^\ue002?((?:Item|Article|Chapter|Part|Section|Rule) "
                         r"(?:\d{1,3}|[IVXL]{1,6}))\.?\ue004?$")
STARS = re.compile(r"^\*(?:\s*\*){2,}$")  # "* * *" between groups of paragraphs
ANNEX = re.compile(r"^Annex(?:\s+[IVXL]{1,5}|\s+\d{1,2})?$")


@dataclass
class Block:
    """A paragraph as printed: its number or label, its lines, where it starts."""
    kind: str                 # num, label, roman, item, plain
    mark: str                 # "12", "a", "II", "Item 3", ""
    index: int                # first printed line (index into the document's lines)
    lines: list[str] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    waiting: bool = False     # its mark stood alone; its text comes on the next line
    dot: bool = True          # a roman mark or an item printed with its full stop ("II.",
    # "Article 3."; not "II", "Part I")
    nested: bool = False      # a "1." numbering an item of a paragraph's list, not a paragraph

    @property
    def text(self) -> str:
        return join_wrapped(self.lines)

    @property
    def printed_mark(self) -> str:
        return {"num": f"{self.mark}.", "label": self.mark,
                "roman": f"{self.mark}." if self.dot else self.mark,
                "item": f"{self.mark}." if self.dot else self.mark}.get(self.kind, "")


def read_blocks(lines: list[PrintedLine], body: list[int], warn, layout: bool,
                doubt=None, after_tables: frozenset = frozenset()) -> list[Block]:
    """`after_tables`: the lines printed just after a table, which go on with no paragraph
    above them (a table's notes, the text after it)."""
    blocks: list[Block] = []
    expected = 1
    inner = 0  # items so far of a numbered list inside a paragraph ("agenda:" then "1.")

    def following_of(n: int) -> str:
        return _text(lines[body[n + 1]]).strip() if n + 1 < len(body) else ""

    listed = False  # a numbered or labelled paragraph came before
    restart = False  # a section numeral came: a resolution in parts may count from 1 again
    prev_page = None
    for n, i in enumerate(body):
        line = lines[i]
        t = _text(line).strip()
        page = warn.pages[i]
        gap = (line.gap_before or 0) >= (0.5 if layout else 1)
        page_break = prev_page is not None and page != prev_page
        prev_page = page
        cur = blocks[-1] if blocks else None
        listed = listed or (cur is not None and cur.kind in ("num", "label"))
        if cur is not None and cur.waiting and cur.kind == "item" and not cur.lines \
                and (_NUM_ALONE.match(t) or _NUM_INLINE.match(t)):
            cur.waiting = False  # "Article 2" without a title, then its "1." (A/RES/79/243)
        if cur is not None and cur.waiting:
            cur.lines.append(t)
            cur.pages.add(page)
            cur.waiting = False
            continue
        prev_end = closing_mark(cur.lines[-1]) if cur is not None and cur.lines else ""
        opened = gap or page_break or prev_end in (".", ";", ":") or cur is None \
            or (cur.kind in ("plain", "roman") and _heading_like(cur.text))
        m = _NUM_ALONE.match(t) or _NUM_INLINE.match(t)
        if m and opened and _nests(int(m.group(1)), expected, inner, prev_end):
            # "Approves the following provisional agenda ...:" then "1." to "7.": a list of
            # the paragraph's own, whose numbers the paragraphs' count goes on after
            inner = int(m.group(1))
            rest = [m.group(2)] if m.re is _NUM_INLINE else []
            blocks.append(Block("num", m.group(1), i, rest, {page}, waiting=not rest,
                                nested=True))
            continue
        if m and restart and int(m.group(1)) == 1:
            expected = 1  # a part's first paragraph (A/RES/78/247, "II", then "1.")
        m = _NUM_ALONE.match(t)
        if m and int(m.group(1)) != expected and cur is not None and cur.lines \
                and prev_end not in (".", ";", ":") and not page_break:
            m = None  # "... until 13 December" then "2028.": the text goes on
        if m and layout and int(m.group(1)) != expected and not restart and cur is not None \
                and cur.kind in ("num", "plain") and prev_end == ":" and _set_in(lines, body, n):
            # a paragraph quoted in the one above, set in from the margin on every line
            # ("the following amendment ...: Article 9, new paragraph 4:" then "4. In
            # hearing ...", A/RES/78/248): its number is the quotation's, not the count's
            cur.lines.append(t)
            continue
        if m:
            blocks.append(Block("num", m.group(1), i, [], {page}, waiting=True))
            expected, inner, restart = int(m.group(1)) + 1, 0, False
            continue
        m = _NUM_BARE.match(t)
        if m and int(m.group(1)) == expected > 1 and gap and not page_break \
                and prev_end in (".", ";", ":") and _opens_paragraph(following_of(n)):
            # a page that printed "26" without its full stop, then the paragraph: the number
            # the count expects, alone after a blank, before a capital; the numbers check
            # confirms the count
            warn(i, f"'{t}' printed without its full stop: read as paragraph {t}")
            blocks.append(Block("num", m.group(1), i, [], {page}, waiting=True))
            expected += 1
            continue
        m = _NUM_BARE_INLINE.match(t)
        if m and int(m.group(1)) == expected > 1 and gap and not page_break \
                and prev_end in (".", ";", ":") and lead_length(m.group(2), "op"):
            warn(i, f"'{m.group(1)}' printed without its full stop: read as paragraph "
                    f"{m.group(1)}")
            blocks.append(Block("num", m.group(1), i, [m.group(2)], {page}))
            expected += 1
            continue
        m = _NUM_INLINE.match(t) or (gap and _NUM_ANY.match(t))
        if m and int(m.group(1)) == expected and opened:
            blocks.append(Block("num", m.group(1), i, [m.group(2)], {page}))
            expected, inner, restart = expected + 1, 0, False
            continue
        m = _LABEL_ALONE.match(t)
        if not m and layout and listed:
            m = _STYLED_ALONE.match(t)
        if m:
            blocks.append(Block("label", m.group(1), i, [], {page}, waiting=True))
            continue
        m = _LABEL_INLINE.match(t)
        if m and cur is not None and _runs_inline(cur.text, m.group(1)):
            m = None  # "... by (a) providing ...; (b) investing ...;" then "(c) eradicating"
        if m and opened and (gap or page_break or prev_end in (";", ":", ".")):
            blocks.append(Block("label", m.group(1), i, [m.group(2)], {page}))
            continue
        m = _STYLED_LABEL.match(t)
        if m and gap and listed \
                and not (m.group(1)[-1] == "." and m.group(1)[0].isupper()
                         and _heading_like(m.group(2))):
            blocks.append(Block("label", m.group(1), i, [m.group(2)], {page}))
            continue
        m = _ROMAN_ALONE.match(t) or _ITEM_ALONE.match(t)
        if m:
            kind = "roman" if _ROMAN_ALONE.match(t) else "item"
            blocks.append(Block(kind, m.group(1), i, [], {page}, waiting=True,
                                dot=kind == "roman" or t.endswith(".")))
            # a section's or a part's paragraphs may number from 1 again (a rule's, an
            # article's), or go on ("Part I", "Section 1", then "34.": A/RES/79/257)
            restart = True
            continue
        m = _ROMAN_BARE.match(t)
        if m and (((gap or page_break) and cur is not None and prev_end in (",", ".", ";", ":"))
                  or (cur is None and m.group(1) == "I")):
            # "I" alone over a section, its title below: printed without a full stop (the
            # first line after the enacting formula, or after a paragraph that closed)
            blocks.append(Block("roman", m.group(1), i, [], {page}, waiting=True, dot=False))
            restart = True
            continue
        m = _ROMAN_INLINE.match(t)
        if m and (gap or page_break or cur is None):
            blocks.append(Block("roman", m.group(1), i, [m.group(2)], {page}))
            restart = True
            continue
        if ANNEX.match(t) or (cur is not None and ANNEX.match(cur.text) and cur.kind == "plain"):
            blocks.append(Block("plain", "", i, [t], {page}))
            if ANNEX.match(t):
                expected = 1  # an annex numbers its paragraphs from 1 again
            continue
        if layout and gap and t[:1].islower() and cur is not None and cur.kind in ("num", "label"):
            # words set apart after a list ("; and demands that ...") go on with its
            # paragraph, as a text reading joins them; the model has no text after a list
            warn(i, "a line in lower case after a gap: joined to the paragraph above")
            gap = False
        if cur is None or (gap and not page_break) or (page_break and line.opens) \
                or i in after_tables or STARS.match(t) or STARS.match(cur.text.strip()):
            # "* * *" between groups of paragraphs stands on its own, set apart or not
            blocks.append(Block("plain", "", i, [t], {page}))
            continue
        if not layout and not page_break and cur.kind == "plain" and prev_end == "," \
                and lead_length(t, "pp", listed=True) and lead_length(cur.text, "pp"):
            # a text layer that lost the blank line between two preambular paragraphs: a
            # lead of the table after a paragraph's comma opens the next (not any participle:
            # "..., Production," then "Stockpiling and Use of Chemical Weapons" goes on); a
            # guess the page can settle
            blocks.append(Block("plain", "", i, [t], {page}))
            if doubt is not None:
                doubt(i, f"no blank line before '{t[:40]}': a new preambular paragraph read "
                         f"from its lead", "starts")
            continue
        following = _text(lines[body[n + 1]]).strip() if n + 1 < len(body) else ""
        if page_break and not _goes_on(cur, t, following):
            blocks.append(Block("plain", "", i, [t], {page}))
            continue
        if page_break:
            warn(i, f"a paragraph broken across the page: line joined to the paragraph on "
                    f"page {max(cur.pages)}")
        cur.lines.append(t)
        cur.pages.add(page)
    for b in blocks:
        if b.waiting:
            warn(b.index, f"'{b.printed_mark}' with no text after it; kept as text")
            b.lines, b.kind, b.waiting = [b.printed_mark], "plain", False
    return blocks


def _goes_on(cur: Block, after: str, following: str) -> bool:
    """Does the first line of a new page go on with the paragraph the last page ended?
    Among numbered paragraphs a line without number does, unless it is a heading over the
    next number; elsewhere, unless it opens with a lead ("Recalling", "Decides")."""
    end = closing_mark(cur.text)
    if after[:1].islower() or after[:1].isdigit() or end not in (".", ";", ":", ","):
        return True
    if cur.kind in ("num", "label"):
        return not (_heading_like(after) and bool(_NUM_ALONE.match(following)
                                                  or _NUM_INLINE.match(following)))
    return not lead_length(after, "pp") and not lead_length(after, "op")


def _runs_inline(text: str, label: str) -> bool:
    """Does `text` already run a list inline ("by (a) providing ...; (b) investing") whose
    next item is `label`? Then a line opening with `label` goes on with that text."""
    core = label.strip("()")
    if len(core) == 1 and core.isalpha() and core not in "ai":
        before = f"({chr(ord(core) - 1)}) "
    else:
        value = roman_value(core) if re.fullmatch(r"[ivxl]+", core) else 0
        if value < 2:
            return False
        before = format_mark("(i)", value - 1) + " "
    return bool(re.search(r"\S\s+" + re.escape(before), text))


_MARKER_END = re.compile(r"(?<=[,;:.])\s*(?:\d{1,3}|\*{1,3}|" + re.escape(OPEN) + r"[^"
                         + re.escape(CLOSE) + r"]*" + re.escape(CLOSE) + r")\s*$")


def closing_mark(text: str) -> str:
    """The punctuation a line ends with, a footnote marker after it aside ("session,1")."""
    return _MARKER_END.sub("", text.rstrip())[-1:]


def lead_length(text: str, kind: str, listed: bool = False) -> int:
    """The lead's length, read past the marks a PDF puts in a line's text (an italic lead
    opens with ITALIC, a marker is OPEN n CLOSE): the words decide, as in a text."""
    return _lead_length(_MARKS.sub("", text), kind, listed=listed)


_MARKS = re.compile("[\ue000-\ue004]")


def _nests(value: int, expected: int, inner: int, prev_end: str) -> bool:
    """Does a printed number go on a list inside a paragraph rather than the paragraphs'
    count? "1." after a paragraph ending with ":" when the count is past 2, and the next
    numbers of that list, while none is the paragraphs' next number."""
    if value == expected:
        return False
    return (inner and value == inner + 1) or (value == 1 and expected > 2 and prev_end == ":")


def _set_in(lines: list[PrintedLine], body: list[int], n: int) -> bool:
    """The paragraph whose number stands alone on body line `n` runs on, after its first
    line, at least two lines set in from the margin (a block quotation's), not back at it."""
    after = [lines[i] for i in body[n + 2:n + 4]]
    return len(after) == 2 and all((ln.indent or 0) > 12 and not _NUM_ALONE.match(_text(ln).strip())
                                   and not _LABEL_INLINE.match(_text(ln).strip()) for ln in after)


def _opens_paragraph(text: str) -> bool:
    """A line a paragraph opens with: a capital, or an italic lead as a PDF marks it."""
    return bool(re.match(r"^\ue002?[\"\u201c(]?[A-Z]", text))


def _heading_like(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t.split()) <= 25 and not t.endswith((".", ",", ";", ":"))


def unpunctuated(text: str) -> bool:
    """Between numbered paragraphs, a block with no closing punctuation is a heading."""
    return not text.strip().endswith((".", ",", ";", ":"))


def title_like(text: str) -> bool:
    """An annex's title: a line or two without closing punctuation ("2025 Political ...")."""
    t = text.strip()
    return bool(t) and len(t.split()) <= 40 and not t.endswith((".", ",", ";", ":"))


def _text(line: PrintedLine) -> str:
    """A line's text with the inline facts the page gave (superscripts, italics) marked."""
    out = []
    for span in line.spans:
        s = span.text.replace("\u2011", "-")
        if span.sup and (s.strip().isdigit() or s.strip() in ("*", "**", "\u2020")):
            out.append(OPEN + s.strip() + CLOSE)
        elif span.sup:
            out.append(SUP + s + END)
        elif span.italic and s.strip():
            out.append(ITALIC + s + END)
        else:
            out.append(s)
    return "".join(out)
