"""Comparison and concordance tables as one self-contained HTML page (templates/compare.html.j2):
bold insertions, struck-out deletions, a header row that sticks while scrolling, from file://."""
from __future__ import annotations

from markupsafe import Markup, escape

from ...compare.concordance import ConcordanceTable
from ...compare.table import ComparisonTable
from ...compare.wording import change_word, document_language, kind_name, say
from ...layout import TEMPLATES, Layout, load_layout
from .. import templating
from .printing import page_rule


def environment():
    """The template environment (templating.py) of the tables and reports (templates/,
    written without trimmed block lines); the survey and lineage reports render in it."""
    return templating.environment(TEMPLATES, trim=False)


def compare_html(table: ComparisonTable | None, concordances: list[ConcordanceTable] = (),
                 title: str = "", layout: Layout | None = None) -> bytes:
    lang = document_language(table, concordances)
    title = title or (table.title if table else "") or say(lang, "title")
    legend = Markup(escape(lang.comparison["legend"])).format(
        bold=Markup("<ins>%s</ins>") % say(lang, "bold"),
        struck=Markup("<del>%s</del>") % say(lang, "struck"))
    page = environment().get_template("compare.html.j2").render(
        title=title, table=table, page_rule=printed_page(layout), concordances=list(concordances), lang=lang, legend=legend,
        say=lambda key, **fields: say(lang, key, **fields),
        change=lambda c: change_word(lang, c), kind_name=lambda k: kind_name(lang, k))
    return page.encode("utf-8")


def write_comparison(table: ComparisonTable | None, concordances: list[ConcordanceTable], *,
                     layout=None, title: str = "") -> bytes:
    return compare_html(table, concordances, title=title, layout=layout)


def printed_page(layout: Layout | None) -> Markup:
    """The Word comparison's page: [page] turned to landscape, [compare] margin_cm."""
    layout = layout or load_layout()
    return page_rule(layout, landscape=True,
                     margin_cm=layout.section("compare").get("margin_cm", 1.5))
