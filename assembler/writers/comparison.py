"""Comparison tables by output suffix: .docx, .html, .csv, .xlsx (one place to pick a writer)."""
from __future__ import annotations

from pathlib import Path

from ..compare.concordance import ConcordanceTable
from ..compare.table import ComparisonTable
from ..errors import AssemblerError
from ..layout import Layout

FORMATS = (".docx", ".html", ".csv", ".xlsx")


def check_format(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".htm":
        suffix = ".html"
    if suffix not in FORMATS:
        raise AssemblerError(f"cannot write a comparison as '{suffix or 'a file without extension'}'",
                             file=str(path), hint=f"use one of {', '.join(FORMATS)}")
    return suffix


def render(path: Path, table: ComparisonTable | None, concordances: list[ConcordanceTable],
           layout: Layout | None = None, title: str = "") -> bytes:
    """The bytes of `path` holding the table and concordances. CSV holds one table: the
    comparison if there is one, else the first concordance."""
    suffix = check_format(path)
    if suffix == ".docx":
        from .compare_docx import compare_docx
        return compare_docx(table, concordances, title=title, layout=layout)
    if suffix == ".html":
        from .compare_html import compare_html
        return compare_html(table, concordances, title=title)
    if suffix == ".xlsx":
        from .compare_xlsx import compare_xlsx, concordance_xlsx
        return compare_xlsx(table, concordances) if table else concordance_xlsx(concordances)
    from .compare_csv import compare_csv, concordance_csv
    if table is not None:
        return compare_csv(table)
    return concordance_csv(concordances[0])
