"""Tables a PDF page sets without rules: columns of figures, right-aligned, beside a column
of row labels (the Fifth Committee's appropriation tables, A/RES/79/255's annex). Pure
geometry over the page's pieces: the cell boxes it finds go to the same cell-by-cell reader
as a ruled table's (pdf_tables.page_tables), which refuses a grid that any character
crosses.

A column is at least three figures ("62 287 400", "(1 323 600)", "–") whose right edges
agree within a point; a table, at least two such columns sharing at least three lines. Its
rows are its lines with figures, a row label wrapped over lines above its figures (the line
above runs to the label column's edge), and a label line of its own ("Total assessment for
2025"); the lines over the first row whose words stand over the figure columns are its
header.
"""
from __future__ import annotations

import re

from .pdf_pieces import Box, Piece

_FIGURE = re.compile(r"^\(?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:\.\d+)?\)?$|^[\u2013\u2014-]$")
_PLAY = 1.5       # points two right edges of one column may differ
_MIN_FIGURES = 3


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces on one baseline, top to bottom, each line left to right; a raised note mark
    ("Questions^b") stands on the line it is raised over."""
    rows: list[list[Piece]] = []
    small = []
    for p in sorted(pieces, key=lambda p: (round(p.base, 1), p.x0)):
        if p.sup or p.raised:
            small.append(p)
        elif rows and abs(rows[-1][0].base - p.base) < 1.0:
            rows[-1].append(p)
        else:
            rows.append([p])
    for p in small:
        home = next((r for r in rows if r[0].top - 1 <= p.bottom <= r[0].bottom + 1), None)
        if home is None:
            rows.append([p])
            rows.sort(key=lambda r: r[0].base)
        else:
            home.append(p)
    return [sorted(r, key=lambda p: p.x0) for r in rows]


def _columns(lines: list[list[Piece]]) -> list[float]:
    """The right edges where figures stand in columns."""
    edges = sorted(p.x1 for line in lines for p in line if _FIGURE.match(p.text)
                   and not p.sup)
    columns: list[list[float]] = []
    for x in edges:
        if columns and x - columns[-1][-1] <= _PLAY:
            columns[-1].append(x)
        else:
            columns.append([x])
    return [max(c) for c in columns if len(c) >= _MIN_FIGURES]


def _figures_at(line: list[Piece], columns: list[float]) -> list[int]:
    """Which columns this line has a figure in (by right edge), none if a figure stands
    elsewhere."""
    at = []
    for p in line:
        if _FIGURE.match(p.text) and not p.sup:
            k = next((k for k, x in enumerate(columns) if abs(p.x1 - x) <= _PLAY), None)
            if k is None:
                return []
            at.append(k)
    return at


def unruled_grids(pieces: list[Piece]) -> list[tuple[list[list[Box]], int]]:
    """The cell boxes of the page's tables without rules (none on most pages), each with
    how many of its first rows are its header."""
    lines = _lines([p for p in pieces if p.text.strip()])
    columns = _columns(lines)
    if len(columns) < 2:
        return []
    rows = [k for k, line in enumerate(lines) if len(_figures_at(line, columns)) >= 2]
    if len(rows) < _MIN_FIGURES:
        return []
    # the figure columns' left edge: where the widest figure of the first column starts
    figs = [p for k in rows for p in lines[k] if _FIGURE.match(p.text)]
    first_left = min(p.x0 for p in figs if abs(p.x1 - columns[0]) <= _PLAY)
    label_x0 = min(p.x0 for k in rows for p in lines[k])
    body = list(range(rows[0], rows[-1] + 1))
    if any(min(p.x0 for p in lines[k]) < label_x0 - _PLAY
           or max(p.x1 for p in lines[k]) > columns[-1] + _PLAY for k in body):
        return []  # text beyond the table's edges among its rows: not a table
    bounds = [label_x0 - 1.0, first_left - 2.0]
    for a, b in zip(columns, columns[1:]):
        starts = [p.x0 for k in body for p in lines[k] if abs(p.x1 - b) <= _PLAY]
        bounds.append(min(max(a + 1.0, min(starts) - 2.0), (a + b) / 2 + 10))
    bounds.append(columns[-1] + 2.0)
    header, headings = _above(lines, rows[0], bounds, label_x0, first_left)
    heads = _header_rows(lines, header, bounds)
    groups = heads + [[k] for k in headings] + _row_groups(lines, body, columns, first_left)
    grid = []
    for n, group in enumerate(groups):
        top = min(p.top for k in group for p in lines[k]) - 0.5
        bottom = max(p.bottom for k in group for p in lines[k]) + 0.5
        if n + 1 < len(groups):  # rows meet: nothing falls between them
            nxt = min(p.top for k in groups[n + 1] for p in lines[k]) - 0.5
            bottom = max(bottom, nxt)
        edges = _spanned(lines, group, bounds) if n < len(heads) else bounds
        grid.append([(edges[c], top, edges[c + 1], bottom) for c in range(len(edges) - 1)])
    return [(grid, len(heads))]


def _above(lines, first: int, bounds: list[float], label_x0: float,
           first_left: float) -> tuple[list[int], list[int]]:
    """The header lines over the table's first row of figures (every word over the figure
    columns: "Gross", "Net of staff", "(United States dollars)"), and the row headings
    between them and it ("Total assessment for 2025", in the label column). Row headings
    with no header above them are no part of the table (an annex's title)."""
    headings: list[int] = []
    header: list[int] = []
    k = first
    while k > 0:
        line = lines[k - 1]
        over = all(p.x0 >= first_left - 40 for p in line) \
            and max(p.x1 for p in line) <= bounds[-1] + _PLAY
        if over:
            header.insert(0, k - 1)
        elif not header and abs(line[0].x0 - label_x0) <= 20 \
                and max(p.x1 for p in line) < bounds[1]:
            headings.insert(0, k - 1)
        else:
            break
        k -= 1
    return (header, headings) if header else ([], [])


def _header_rows(lines, header: list[int], bounds: list[float]) -> list[list[int]]:
    """Header lines as rows: lines whose words each stand in one column make one row
    ("Net of staff" over "Gross assessment"); a line across columns ("(United States
    dollars)") is a row of its own."""
    rows: list[list[int]] = []
    for k in header:
        across = any(_column_of(p, bounds) is None for p in lines[k])
        if across or not rows or rows[-1][-1] != k - 1 or any(
                _column_of(p, bounds) is None for p in lines[rows[-1][-1]]):
            rows.append([k])
        else:
            rows[-1].append(k)
    return rows


def _column_of(p: Piece, bounds: list[float]) -> int | None:
    return next((c for c in range(len(bounds) - 1)
                 if bounds[c] <= p.x0 and p.x1 <= bounds[c + 1]), None)


def _spanned(lines, group: list[int], bounds: list[float]) -> list[float]:
    """A header row's column edges, widened so that a heading across columns stands whole
    in the column its middle is in."""
    edges = list(bounds)
    for k in group:
        for p in lines[k]:
            if _column_of(p, bounds) is not None:
                continue
            middle = (p.x0 + p.x1) / 2
            c = next((c for c in range(1, len(bounds) - 1)
                      if bounds[c] <= middle <= bounds[c + 1]), len(bounds) - 2)
            edges[c] = min(edges[c], p.x0 - 1.0)
            edges[c + 1] = max(edges[c + 1], p.x1 + 1.0)
    for c in range(1, len(edges)):  # keep them in order
        edges[c] = max(edges[c], edges[c - 1] + 1.0)
    return edges


def _row_groups(lines, body: list[int], columns: list[float], first_left: float) -> list[list[int]]:
    """The table's rows: each line with figures closes a row; a label line without figures
    opens a row of its own unless it runs to the label column's edge (wrapped: its words go
    on, on the line below)."""
    groups: list[list[int]] = []
    open_row: list[int] = []
    for k in body:
        line = lines[k]
        if _figures_at(line, columns):
            groups.append(open_row + [k])
            open_row = []
        elif max(p.x1 for p in line) >= first_left - 60:
            open_row.append(k)  # a label wrapped on to the next line
        else:
            if open_row:
                groups.append(open_row)
            open_row = []
            groups.append([k])
    if open_row:
        groups.append(open_row)
    return groups
