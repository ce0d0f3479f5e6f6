"""What PyMuPDF (MuPDF) says of a PDF page, as plain pieces of text with their font and
place, and the rules drawn on it: the only module that speaks MuPDF's dictionaries, so the
geometry in pdf_layout.py and pdf_tables.py stays pure.

A piece is one span of text in one font (MuPDF's span), or one character where a table's
cells need each character's place. Spans are built in C, so a long document costs a few
milliseconds a page instead of a Python object per character.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A font name carries its style ("ABCDEF+TimesNewRomanPS-ItalicMT", "LiberationSerif-Bold").
_ITALIC = re.compile(r"italic|oblique|[-,]it(?:mt)?$", re.I)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
# MuPDF's span flags: bit 0 superscript (its own judgement of a raised run), 1 italic, 4 bold
SUPERSCRIPT, ITALIC, BOLD = 1, 2, 16
# The flags the UN's text layers were made with (PyMuPDF's plain text: ligatures and
# whitespace kept, clipped to the page), so both readings see the same characters.
TEXT_FLAGS = 1 | 2 | 64 | 128
SPACE = 0.25  # a Times space is a quarter of its size: what a span's edge spaces take
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Piece:
    """A run of ink in one font on one baseline. `top`/`bottom` are its box, `base` its
    baseline; `space_before`/`after`: the span had blank space at that edge."""
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    italic: bool = False
    bold: bool = False
    sup: bool = False          # MuPDF's superscript flag
    space_before: bool = False
    space_after: bool = False
    raised: bool = False       # set by the layout: raised and smaller than its line


def font_style(fontname: str, flags: int = 0) -> tuple[bool, bool]:
    """(italic, bold) from a font's name (its subset prefix stripped) or MuPDF's flags."""
    name = fontname.split("+", 1)[-1]
    return (bool(flags & ITALIC) or bool(_ITALIC.search(name)),
            bool(flags & BOLD) or bool(_BOLD.search(name)))


def _upright(line: dict) -> bool:
    dx, dy = line["dir"]
    return dx > 0.99 and abs(dy) < 0.01


def page_pieces(page, chars: bool = False) -> list[Piece]:
    """The page's text as pieces: spans, or characters when `chars` (a table's page)."""
    if chars:
        return _char_pieces(page.get_text("rawdict", flags=TEXT_FLAGS))
    out: list[Piece] = []
    for block in page.get_text("dict", flags=TEXT_FLAGS)["blocks"]:
        for line in block.get("lines", ()):
            if not _upright(line):
                continue  # rotated text (a margin note, a stamp) is no line of the text
            blank = False  # a span of spaces alone (even a raised one) still parts words
            for s in line["spans"]:
                text = s["text"]
                core = text.strip()
                if not core:
                    blank = bool(text)
                    continue
                size = s["size"]
                x0, y0, x1, y1 = s["bbox"]
                lead = len(text) - len(text.lstrip())
                trail = len(text) - len(text.rstrip())
                # the span's box includes its edge spaces; the ink stands inside them
                x0 += lead * SPACE * size
                x1 -= trail * SPACE * size
                italic, bold = font_style(s["font"], s["flags"])
                out.append(Piece(_SPACES.sub(" ", core), x0, max(x1, x0), y0, y1,
                                 s["origin"][1], size, italic, bold,
                                 bool(s["flags"] & SUPERSCRIPT), lead > 0 or blank, trail > 0))
                blank = False
    return out


def _char_pieces(raw: dict) -> list[Piece]:
    out: list[Piece] = []
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            if not _upright(line):
                continue
            blank = False
            for s in line["spans"]:
                italic, bold = font_style(s["font"], s["flags"])
                sup = bool(s["flags"] & SUPERSCRIPT)
                size = s["size"]
                for c in s["chars"]:
                    if not c["c"].strip():
                        blank = True  # a space parts words however tight the line is set
                        continue
                    x0, y0, x1, y1 = c["bbox"]
                    out.append(Piece(c["c"], x0, x1, y0, y1, c["origin"][1], size, italic,
                                     bold, sup, space_before=blank))
                    blank = False
    return out


def char_count(pieces: list[Piece]) -> int:
    return sum(len(p.text) for p in pieces)


@dataclass
class Drawn:
    """Horizontal rules (x0, x1, y) and the count of vertical ones: a page with both may
    hold a ruled table."""
    rules: list[tuple[float, float, float]]
    verticals: int


def page_drawn(page) -> Drawn:
    rules, verticals = [], 0
    for d in page.get_drawings():
        if d.get("color") is None and tuple(d.get("fill") or ()) == (1.0, 1.0, 1.0):
            continue  # white on white (a cleared background behind text): nothing drawn
        for item in d["items"]:
            kind = item[0]
            if kind == "l":
                a, b = item[1], item[2]
                x0, x1, y0, y1 = min(a.x, b.x), max(a.x, b.x), min(a.y, b.y), max(a.y, b.y)
            elif kind == "re":
                r = item[1]
                x0, x1, y0, y1 = r.x0, r.x1, r.y0, r.y1
            else:
                continue
            if y1 - y0 <= 1.5 and x1 - x0 >= 30:
                rules.append((x0, x1, (y0 + y1) / 2))
            elif x1 - x0 <= 1.5 and y1 - y0 >= 5:
                verticals += 1
            elif kind == "re" and x1 - x0 > 1.5 and y1 - y0 > 1.5:
                verticals += 2  # a cell drawn as a box has its sides
    return Drawn(sorted(rules, key=lambda r: r[2]), verticals)


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def page_grids(page, drawn: Drawn) -> list[list[list[Box | None]]]:
    """The cell boxes of the page's ruled tables (MuPDF's table finder over the rules),
    looked for only where rules cross: most pages have none and the finder is slow."""
    if drawn.verticals < 2 or len(drawn.rules) < 2:
        return []
    found = page.find_tables(strategy="lines")
    return [[[tuple(map(float, c)) if c else None for c in row.cells] for row in t.rows]
            for t in found.tables]
