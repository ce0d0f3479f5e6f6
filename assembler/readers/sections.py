"""Where a printed body divides: the parts of a resolution in parts, headings among
paragraphs, the preamble a page prints without its enacting formula, the line after a
table. Predicates over the blocks (blocks.py) the structurer (structure.py) asks as it
reads; each names the document it was learnt from."""
from __future__ import annotations

import re

from .blocks import STARS, Block, closing_mark, lead_length, unpunctuated
from .printed import PrintedLine
from .untext import roman_value


def after_tables(lines: list[PrintedLine], tables) -> frozenset:
    """The first line printed after each table: after its place, or, for a table running on
    over pages, the first line of text on its last page (nothing stands above a table that
    runs on)."""
    out = {at for at, _ in tables}
    for _, t in tables:
        for page in t.pages[1:]:
            out.update(next(([i] for i, l in enumerate(lines) if l.page == page
                             and l.region == "body"), []))
    return frozenset(out)


def preamble_unannounced(blocks: list[Block], values: dict, warn) -> bool:
    """A resolution printed without its enacting formula (A/RES/78/225): paragraphs that
    open with a preambular lead before the first "1." are its preamble all the same."""
    first_num = next((k for k, b in enumerate(blocks) if b.kind == "num"), None)
    if "/RES/" not in values.get("symbol", "") or not first_num \
            or not all(b.kind == "plain" and lead_length(b.text, "pp")
                       and closing_mark(b.text) in (",", ";") for b in blocks[:first_num]):
        return False
    warn(blocks[0].index, "no enacting formula printed; the paragraphs before '1.' open "
                          "with preambular leads and are read as the preamble")
    return True


def opens_part(b: Block, nxt: Block | None) -> bool:
    """Does a section numeral open a part with preambular paragraphs of its own?"""
    return nxt is not None and nxt.kind == "plain" and bool(lead_length(nxt.text, "pp")) \
        and not lead_length(nxt.text, "sub") and bool(b.text.strip())


def count_goes_on(blocks: list[Block], i: int, operative: list) -> bool:
    """Does the next numbered paragraph after a heading go on with the operative count?"""
    last = next((u.block.mark for u in reversed(operative) if u.kind == "op"
                 and u.block.kind == "num"), None)
    nxt = next((b for b in blocks[i:] if b.kind == "num"), None)
    return last is not None and last.isdigit() and nxt is not None \
        and nxt.mark == str(int(last) + 1)


def next_part(b: Block, units: list) -> bool:
    """Is a section numeral the next of parts already read ("XIX" after part "XVIII")?"""
    parts = sum(1 for u in units if u.kind == "part")
    return bool(parts) and bool(re.fullmatch(r"[IVXL]+", b.mark)) \
        and roman_value(b.mark.lower()) == parts + 1


def _heading_words(t: str, before) -> bool:
    """A short line without closing punctuation or a lead, after a preambular paragraph
    that closed: a heading's words."""
    return before is not None and before.kind == "pp" \
        and closing_mark(before.text) in (",", ";") and unpunctuated(t) \
        and len(t.split()) <= 12 and not lead_length(t, "pp") and t[:1].isupper()


def operative_heading(text: str, before, nxt: Block | None) -> bool:
    """A heading over the operative part where only the words show it (a text layer;
    A/RES/79/327's "Role and authority of the General Assembly"), before "1."."""
    return _heading_words(text.strip(), before) and nxt is not None and nxt.kind == "num" \
        and nxt.mark == "1"


def preamble_heading(text: str, before, nxt: Block | None) -> bool:
    """A heading among preambular paragraphs (A/RES/78/148's "Transport and transit
    corridors", or "* * *"), before a paragraph that opens with a lead."""
    t = text.strip()
    if STARS.match(t):
        return True
    return _heading_words(t, before) and nxt is not None and nxt.kind == "plain" \
        and bool(lead_length(nxt.text, "pp"))
