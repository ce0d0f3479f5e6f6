"""Tables a PDF page draws with rules, read cell by cell: pure geometry over the cell
rectangles the PDF library finds from the ruling lines and the characters inside them (a
table's page is read character by character: pdf_pieces.py).

A table is read only when every character inside it falls in one of its cells and every row
has a rectangle for every column; otherwise its words stay on the page as lines and the
reader says so. A table that runs on to the next page (same columns, nothing between) is one
table, its repeated header row read once.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .pdf_layout import RawLine, page_lines
from .pdf_pieces import Piece
from .printed import PrintedCell, PrintedTable

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class RawTable:
    page: int
    top: float
    bottom: float
    columns: tuple[float, ...]
    rows: list[tuple[PrintedCell, ...]]
    landscape: bool = False
    after: int = 0
    pages: list[int] = field(default_factory=list)
    ruled: bool = True  # False: found by its columns of figures (pdf_unruled.py)
    header: int = 0     # its first rows that are its header, where the finder knows


def _inside(c: Piece, box: Box) -> bool:
    x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def page_tables(grids: list[list[list[Box | None]]], chars: list[Piece], page: int,
                landscape: bool, headers: list[int] | None = None
                ) -> tuple[list[RawTable], list[Piece], list[str]]:
    """The page's tables, the characters left for its lines, and why a table was not read
    (each a message naming the page). `headers`: each grid's header rows, where known."""
    tables, said = [], []
    left = chars
    for n, grid in enumerate(grids):
        boxes = [b for row in grid for b in row]
        if not grid or any(b is None for b in boxes) or len({len(r) for r in grid}) != 1:
            said.append(f"page {page}: a table with merged or missing cells; its words kept "
                        f"as text")
            continue
        outer = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                 max(b[2] for b in boxes), max(b[3] for b in boxes))
        within = [c for c in left if _inside(c, outer) and c.text.strip()]
        placed = [[[c for c in within if _inside(c, b)] for b in row] for row in grid]
        if sum(len(c) for row in placed for c in row) != len(within):
            said.append(f"page {page}: a table whose words stand across its cells' rules; "
                        f"its words kept as text")
            continue
        if not within:
            continue  # a ruled box with nothing in it: a frame, not a table
        cols = len(grid[0])
        lines = [[page_lines(cell, page) for cell in row] for row in placed]
        # the cell's inner right edge: its rule less the narrowest margin any line leaves
        pads = [min((b[2] - max(ln.x1 for ln in cell) for b, cell in
                     ((row[k], lines[r][k]) for r, row in enumerate(grid)) if cell),
                    default=0.0) for k in range(cols)]
        rows = [tuple(_cell(cell, placed[r][k], grid[r][k][2] - pads[k])
                      for k, cell in enumerate(row)) for r, row in enumerate(lines)]
        tables.append(RawTable(page, outer[1], outer[3],
                               tuple(round(b[0]) for b in grid[-1]) + (round(outer[2]),),
                               rows, landscape, pages=[page],
                               header=headers[n] if headers else 0))
        ids = {id(c) for c in within}
        left = [c for c in left if id(c) not in ids]
    return tables, left, said


def _first_word(chars: list[Piece], ln: RawLine) -> float:
    """The printed width of a line's first word."""
    mine = sorted((c for c in chars if ln.top <= (c.top + c.bottom) / 2 <= ln.bottom
                   and c.x0 >= ln.x0 - 0.5), key=lambda c: c.x0)
    end = ln.x0
    for c in mine:
        if not c.text.strip() or c.x0 - end > 0.2 * c.size:
            break
        end = c.x1
    return end - ln.x0


def _cell(lines: list[RawLine], chars: list[Piece], right: float) -> PrintedCell:
    """A line that stops short of where the next line's first word would still fit ends
    with a break the text made (the space's width and a point's play allowed)."""
    breaks = [False]
    for a, b in zip(lines, lines[1:]):
        breaks.append(a.x1 + 0.25 * b.size + _first_word(chars, b) < right - 1.0)
    return PrintedCell(tuple(ln.spans for ln in lines), tuple(breaks))


def _key(row: tuple[PrintedCell, ...]) -> tuple[str, ...]:
    return tuple(" ".join("".join(s.text for s in ln) for ln in c.lines) for c in row)


def _bold(row: tuple[PrintedCell, ...]) -> bool:
    spans = [s for c in row for ln in c.lines for s in ln if s.text.strip()]
    return bool(spans) and all(s.bold for s in spans)


def join_tables(tables: list[RawTable], pages: list[list[RawLine]]) -> list[PrintedTable]:
    """Tables placed after the page's lines above them; one running over pages is one."""
    by_page = {lines[0].page: lines for lines in pages if lines}
    out: list[RawTable] = []
    for t in tables:
        lines = by_page.get(t.page, [])
        t.after = max((ln.line for ln in lines if ln.bottom <= t.top), default=0)
        prev = out[-1] if out else None
        if prev is not None and prev.pages[-1] == t.page - 1 and prev.columns == t.columns \
                and not any(ln.region in ("body", "footnote") and ln.top >= prev.bottom
                            for ln in by_page.get(prev.pages[-1], [])) \
                and not any(ln.region == "body" and ln.bottom <= t.top for ln in lines):
            again = 0  # the header rows repeated on the new page
            while again < max(t.header, 1) and again < len(t.rows) \
                    and _key(t.rows[again]) == _key(prev.rows[again]):
                again += 1
            t.rows = t.rows[again:]
            prev.rows.extend(t.rows)
            prev.pages.append(t.page)
            prev.bottom = t.bottom
            continue
        out.append(t)
    found = []
    for t in out:
        repeated = len(t.pages) > 1 and _bold(t.rows[0])
        header = t.header or (1 if repeated or (_bold(t.rows[0])
                                                and not all(_bold(r) for r in t.rows)) else 0)
        found.append(PrintedTable(t.page, t.after, tuple(t.rows), header, tuple(t.pages),
                                  t.landscape, t.ruled))
    return found

