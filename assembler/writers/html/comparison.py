"""Comparison and concordance tables as one self-contained HTML page (templates/compare.html.j2):
bold insertions, struck-out deletions, a header row that sticks while scrolling, from file://."""
from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ...compare.concordance import ConcordanceTable
from ...compare.table import ComparisonTable
from ...compare.unittext import KIND_NAMES
from ...layout import TEMPLATES

_env: Environment | None = None


def environment() -> Environment:
    global _env
    if _env is None:
        _env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                           autoescape=select_autoescape(default=True, default_for_string=True),
                           undefined=StrictUndefined, trim_blocks=False)
    return _env


def compare_html(table: ComparisonTable | None, concordances: list[ConcordanceTable] = (),
                 title: str = "") -> bytes:
    title = title or (table.title if table else "") or "Comparison of versions"
    page = environment().get_template("compare.html.j2").render(
        title=title, table=table, concordances=list(concordances), kind_names=KIND_NAMES)
    return page.encode("utf-8")


def write_comparison(table: ComparisonTable | None, concordances: list[ConcordanceTable], *,
                     layout=None, title: str = "") -> bytes:
    return compare_html(table, concordances, title=title)
