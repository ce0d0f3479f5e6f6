"""Comparison and concordance tables as an .xlsx workbook (openpyxl): one sheet per table,
header row frozen, text wrapped, columns wide enough to read, rows tall enough for their
text, each version's changes marked inside its text cell (bold inserted, struck out
deleted, as in the .docx). Printed on A4 in landscape, the header row and the row's id on
every page, as many pages across as the columns need at a readable size."""
from __future__ import annotations

import io
import re

import textwrap

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from ...compare.concordance import ConcordanceTable
from ...compare.table import ComparisonTable
from ...compare.wording import say
from .csv import CONCORDANCE_FIELDS, concordance_records, table_fields, table_records

_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_WRAP = Alignment(wrap_text=True, vertical="top")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters a worksheet cannot hold
BODY_FONT = "Calibri"  # the workbook's default, which plain cells use
LINE_PT = 15          # one wrapped line of 11 pt text
MAX_ROW_PT = 409      # the tallest row a worksheet allows
PAGE_WIDTH = 95       # column-width units across landscape A4 at 100 %


# Readable widths (in characters) by what a column holds: wide for text, narrow for codes
# and numbers (9, the rest).
_TABLE_WIDTHS = {"text": 50, "proposers": 16, "proposals": 16, "note": 14, "status": 14,
                 "change": 11}   # 11: "unchanged"
_CONCORDANCE_WIDTHS = {"rationale": 50, "proposers": 16, "proposals": 16}


def _sheet_name(wb: Workbook, name: str) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "-", name)[:31]
    base, i = name, 2
    while name in wb.sheetnames:
        suffix = f" ({i})"
        name = base[:31 - len(suffix)] + suffix
        i += 1
    return name


def add_sheet(wb: Workbook, name: str, records: list[list[str]], fields: list[str],
              rich: dict[tuple[int, int], CellRichText] | None = None,
              sizes: dict[str, int] | None = None) -> None:
    """One table as a sheet, `fields` naming what each column holds (csv.table_fields or
    CONCORDANCE_FIELDS, or any with their `sizes`); `rich` holds (row, column) cells
    (1-based) with change marks. Numbers stay numbers, so that they sort as such."""
    ws = wb.create_sheet(_sheet_name(wb, name))
    for line in records:
        ws.append([_ILLEGAL.sub("", v) if isinstance(v, str) else v for v in line])
    for (r, c), value in (rich or {}).items():
        ws.cell(row=r, column=c).value = value
    header = records[0]
    comparison = fields[0] == "row"
    sizes = sizes or (_TABLE_WIDTHS if comparison else _CONCORDANCE_WIDTHS)
    widths = [sizes.get(f, 9) for f in fields]
    for i, h in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths[i - 1]
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = _WRAP
    # Calc and Excel do not grow a row for wrapped text they did not lay out themselves
    for r, line in enumerate(records, 1):
        ws.row_dimensions[r].height = row_height(line, widths)
    ws.freeze_panes = "C2" if comparison else "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    if comparison:
        # one version's columns a page across, the row's id and kind repeated on each
        ws.print_title_cols = "A:B"
        starts = [i for i, f in enumerate(fields, 1) if f == "number"]
        for start in starts[1:]:
            ws.col_breaks.append(Break(id=start - 1))
        group = max(sum(widths[a - 1:b - 1]) for a, b in zip(starts, starts[1:] + [len(widths) + 1]))
        ws.page_setup.scale = min(100, int(100 * PAGE_WIDTH / (sum(widths[:2]) + group)))
    else:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "&P/&N"  # page numbers


def row_height(line: list[str], widths: list[float]) -> float:
    """Points enough for the cell that wraps to the most lines, wrapped at words as a
    spreadsheet does (about a character a width unit)."""
    lines = 1
    for text, width in zip(line, widths):
        per_line = max(int(width * 1.1) - 1, 4)
        lines = max(lines, sum(len(textwrap.wrap(part, per_line)) or 1
                               for part in str(text or "").split("\n")))
    return min(MAX_ROW_PT, lines * LINE_PT)


def marked_text(segments: tuple) -> CellRichText | None:
    """A version's text with its changes: inserted words bold, deleted ones struck out,
    the text's own italics kept. None when it is plain text with nothing changed."""
    if not any(op != "=" or italic for op, _, italic in segments):
        return None
    blocks = []
    for op, text, italic in segments:
        font = InlineFont(rFont=BODY_FONT, sz=11, b=op == "+" or None,
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
