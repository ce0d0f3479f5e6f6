"""Comparison and concordance tables as an .xlsx workbook (openpyxl): one sheet per table,
header row frozen, text wrapped, columns wide enough to read."""
from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ...compare.concordance import ConcordanceTable
from ...compare.table import ComparisonTable
from .csv import concordance_records, table_records

_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_WRAP = Alignment(wrap_text=True, vertical="top")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters a worksheet cannot hold


def _width(header: str) -> float:
    """Readable widths (in characters): wide for text, narrow for codes and numbers."""
    h = header.lower()
    if h.endswith(": text") or h == "rationale":
        return 60
    if h.endswith(("proposers", "proposals")) or "proposers" in h:
        return 24
    if h.endswith((": note", ": status")):
        return 18
    if h.endswith(": number") or "number" in h:
        return 12
    return 11


def _sheet_name(wb: Workbook, name: str) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "-", name)[:31]
    base, i = name, 2
    while name in wb.sheetnames:
        suffix = f" ({i})"
        name = base[:31 - len(suffix)] + suffix
        i += 1
    return name


def add_sheet(wb: Workbook, name: str, records: list[list[str]]) -> None:
    ws = wb.create_sheet(_sheet_name(wb, name))
    for line in records:
        ws.append([_ILLEGAL.sub("", v) for v in line])
    header = records[0]
    for i, h in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = _width(h)
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = _WRAP
    ws.freeze_panes = "C2" if header[:2] == ["row", "kind"] else "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def compare_xlsx(table: ComparisonTable, concordances: list[ConcordanceTable] = ()) -> bytes:
    wb = Workbook(write_only=False)
    wb.remove(wb.active)
    add_sheet(wb, "Comparison", table_records(table))
    for conc in concordances:
        add_sheet(wb, f"Concordance {conc.newer.short} - {conc.older.short}",
                  concordance_records(conc))
    if table.title:
        wb.properties.title = table.title
    wb.properties.creator = "assembler"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def concordance_xlsx(concordances: list[ConcordanceTable]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for conc in concordances:
        add_sheet(wb, f"Concordance {conc.newer.short} - {conc.older.short}",
                  concordance_records(conc))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_comparison(table: ComparisonTable | None, concordances: list[ConcordanceTable], *,
                     layout=None, title: str = "") -> bytes:
    return compare_xlsx(table, concordances) if table else concordance_xlsx(concordances)
