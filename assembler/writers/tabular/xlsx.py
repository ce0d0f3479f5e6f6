"""Comparison and concordance tables as an .xlsx workbook (openpyxl): one sheet per table,
header row frozen, text wrapped, columns wide enough to read, rows tall enough for their
text, each version's changes marked inside its text cell (bold inserted, struck out
deleted, as in the .docx). Printed on A4 in landscape, the header row and the row's id on
every page, one page wide: the versions' texts side by side, the columns after them
(changes, notes, proposals) for reading on screen."""
from __future__ import annotations

import io
import re

import textwrap

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ...compare.concordance import ConcordanceTable
from ...compare.table import ComparisonTable
from ...compare.wording import say
from .csv import CONCORDANCE_FIELDS, concordance_records, table_fields, table_records

_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_WRAP = Alignment(wrap_text=True, vertical="top")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters a worksheet cannot hold
BODY_FONT = "Calibri"  # one font for every cell, plain and marked
BODY_PT = 11
LINE_PT = 15          # one wrapped line of 11 pt text
MAX_ROW_PT = 409      # the tallest row a worksheet allows
# Characters of 11 pt Calibri a width unit holds: a unit is the width of a digit, the
# average letter narrower; a little short of it, so that Calc and Excel both fit the lines
# we count (bold header words are wider still)
CHARS_PER_UNIT = 1.2
BOLD_CHARS_PER_UNIT = 1.0


# Readable widths (in characters) by what a column holds: wide for text, narrow for codes
# and numbers (9, the rest).
_TABLE_WIDTHS = {"text": 42, "proposers": 16, "proposals": 16, "note": 14, "status": 14,
                 "change": 11, "row": 8}   # 11: "unchanged"
_CONCORDANCE_WIDTHS = {"rationale": 50, "proposers": 16, "proposals": 16}


def _sheet_name(wb: Workbook, name: str) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "-", name)[:31]
    base, i = name, 2
    while name in wb.sheetnames:
        suffix = f" ({i})"
        name = base[:31 - len(suffix)] + suffix
        i += 1
    return name


def side_by_side(fields: list[str]) -> list[int]:
    """The comparison's column order (0-based, into `fields`): row and kind, each version's
    number and text side by side, then each version's change, note and proposals, so that
    the printed page (up to the last text) holds the versions beside each other."""
    texts = [i for i, f in enumerate(fields) if f in ("number", "text")]
    return [0, 1] + texts + [i for i in range(2, len(fields)) if i not in texts]


def add_sheet(wb: Workbook, name: str, records: list[list[str]], fields: list[str],
              rich: dict[tuple[int, int], CellRichText] | None = None,
              sizes: dict[str, int] | None = None) -> None:
    """One table as a sheet, `fields` naming what each column holds (csv.table_fields or
    CONCORDANCE_FIELDS, or any with their `sizes`); `rich` holds (row, column) cells
    (1-based) with change marks. Numbers stay numbers, so that they sort as such. A
    comparison's versions stand side by side (`side_by_side`). Printed landscape, one page
    wide, the header row on every page."""
    comparison = fields[0] == "row"
    if comparison:
        order = side_by_side(fields)
        where = {old + 1: new for new, old in enumerate(order, 1)}
        records = [[line[i] for i in order] for line in records]
        fields = [fields[i] for i in order]
        rich = {(r, where[c]): v for (r, c), v in (rich or {}).items()}
    ws = wb.create_sheet(_sheet_name(wb, name))
    for line in records:
        ws.append([_ILLEGAL.sub("", v) if isinstance(v, str) else v for v in line])
    for (r, c), value in (rich or {}).items():
        ws.cell(row=r, column=c).value = value
    header = records[0]
    sizes = sizes or (_TABLE_WIDTHS if comparison else _CONCORDANCE_WIDTHS)
    # every cell's longest word whole on a line of its own: no word is broken
    widths = [max(sizes.get(f, 9), whole_word_width(str(h or ""), bold=True),
                  *(whole_word_width(str(line[i] or "")) for line in records[1:]))
              for i, (f, h) in enumerate(zip(fields, header))]
    plain, bold = Font(name=BODY_FONT, size=BODY_PT), Font(name=BODY_FONT, size=BODY_PT, bold=True)
    for i, h in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths[i - 1]
        cell = ws.cell(row=1, column=i)
        cell.font = bold
        cell.fill = _HEAD_FILL
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = _WRAP
            if cell.row > 1:
                cell.font = plain
    printed = len(fields)
    if comparison:   # the page holds the versions' numbers and texts, their marks inside
        printed = max(i for i, f in enumerate(fields, 1) if f == "text")
    # Calc and Excel do not grow a row for wrapped text they did not lay out themselves
    ws.row_dimensions[1].height = row_height(header[:printed], widths, bold=True)
    for r, line in enumerate(records[1:], 2):
        ws.row_dimensions[r].height = row_height(line[:printed], widths)
    ws.freeze_panes = "C2" if comparison else "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.print_title_rows = "1:1"
    ws.print_area = f"A1:{get_column_letter(printed)}{len(records)}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "&P/&N"  # page numbers


def whole_word_width(text: str, bold: bool = False) -> int:
    """The width a cell needs for its longest word to stand on one line (up to a text
    column's, which a longer word, a web address, is broken in any case)."""
    longest = max((len(word) for word in text.split()), default=0)
    return min(int(longest / (BOLD_CHARS_PER_UNIT if bold else CHARS_PER_UNIT)) + 2,
               _TABLE_WIDTHS["text"])


def row_height(line: list, widths: list[float], bold: bool = False) -> float:
    """Points enough for the cell that wraps to the most lines, wrapped at words as a
    spreadsheet does."""
    per_unit = BOLD_CHARS_PER_UNIT if bold else CHARS_PER_UNIT
    lines = 1
    for text, width in zip(line, widths):
        per_line = max(int(width * per_unit) - 1, 4)
        lines = max(lines, sum(len(textwrap.wrap(part, per_line, break_long_words=False))
                               or 1 for part in str(text or "").split("\n")))
    return min(MAX_ROW_PT, lines * LINE_PT)


def marked_text(segments: tuple) -> CellRichText | None:
    """A version's text with its changes: inserted words bold, deleted ones struck out,
    the text's own italics kept. None when it is plain text with nothing changed."""
    if not any(op != "=" or italic for op, _, italic in segments):
        return None
    blocks = []
    for op, text, italic in segments:
        font = InlineFont(rFont=BODY_FONT, sz=BODY_PT, b=op == "+" or None,
                          strike=op == "-" or None, i=italic or None)
        blocks.append(TextBlock(font, _ILLEGAL.sub("", text)))
    return CellRichText(blocks)


def table_rich(table: ComparisonTable) -> dict[tuple[int, int], CellRichText]:
    text_columns = [i for i, f in enumerate(table_fields(table), 1) if f == "text"]
    out = {}
    for r, row in enumerate(table.rows, 2):
        for column, cell in zip(text_columns, row.cells):
            value = marked_text(cell.runs())
            if value is not None:
                out[(r, column)] = value
    return out


def add_concordances(wb: Workbook, concordances: list[ConcordanceTable]) -> None:
    for conc in concordances:
        name = say(conc.lang, "sheet-concordance", newer=conc.newer.short,
                   older=conc.older.short)
        add_sheet(wb, name, concordance_records(conc), list(CONCORDANCE_FIELDS))


def compare_xlsx(table: ComparisonTable, concordances: list[ConcordanceTable] = ()) -> bytes:
    wb = Workbook(write_only=False)
    wb.remove(wb.active)
    add_sheet(wb, say(table.lang, "sheet"), table_records(table), table_fields(table),
              table_rich(table))
    add_concordances(wb, concordances)
    if table.title:
        wb.properties.title = table.title
    wb.properties.creator = "assembler"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def records_xlsx(name: str, records: list[list], fields: list[str],
                 sizes: dict[str, int]) -> bytes:
    """Any table as a one-sheet workbook laid out as the comparison's are: `records` with
    its header row first, `sizes` the readable width of each field (9 for the others)."""
    wb = Workbook()
    wb.remove(wb.active)
    add_sheet(wb, name, records, fields, sizes=sizes)
    wb.properties.title = name
    wb.properties.creator = "assembler"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def concordance_xlsx(concordances: list[ConcordanceTable]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    add_concordances(wb, concordances)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_comparison(table: ComparisonTable | None, concordances: list[ConcordanceTable], *,
                     layout=None, title: str = "") -> bytes:
    return compare_xlsx(table, concordances) if table else concordance_xlsx(concordances)
