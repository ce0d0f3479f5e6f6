"""The printed page of an HTML output: the size and margins of templates/un-layout.toml's
[page] (informal papers) or [issued_page] (issued faces), as the Word output has them, and
"page/total" at the foot of every page, so that a page printed from a browser is the page
Word prints."""
from __future__ import annotations

from markupsafe import Markup

from ...layout import Layout, load_layout
from ..docx.draft import page_setup


def page_rule(layout: Layout | None = None, *, issued: bool = False, landscape: bool = False,
              margin_cm: float | None = None) -> Markup:
    """An @page rule (to stand inside <style>): the layout's paper, turned for `landscape`,
    with `margin_cm` on every side in place of the layout's margins when given."""
    layout = layout or load_layout()
    p = page_setup(layout, landscape=landscape, issued=issued)
    width, height = sorted((p.width_cm, p.height_cm))
    if landscape:
        width, height = height, width
    margins = ((margin_cm,) * 4 if margin_cm is not None
               else (top_margin(layout, issued), p.right_cm, p.bottom_cm, p.left_cm))
    margin = " ".join(f"{m:g}cm" for m in margins)
    rule = (f"@page {{ size: {width:g}cm {height:g}cm; margin: {margin};\n"
            "  @bottom-right { content: counter(page) \"/\" counter(pages); font-size: 9pt; } }")
    first = layout.section("issued_page").get("print_first_margin_top_cm") if issued else None
    if first is not None and margin_cm is None:
        rule += f"\n@page :first {{ margin-top: {first:g}cm; }}"
    return Markup(rule)


def top_margin(layout: Layout, issued: bool) -> float:
    """Word sets an issued page's text below a running header that stands in a small top
    margin; a browser's page has no such header, so its margin is where that text starts."""
    page = page_setup(layout, issued=issued)
    if issued:
        return layout.section("issued_page").get("print_margin_top_cm", page.top_cm)
    return page.top_cm
