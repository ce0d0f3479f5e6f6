"""`build` and `letter` as one HTML page: the draft (through the user's template if given),
the covering letters before it, or the letters alone."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ...lang import language_of
from ...layout import Layout
from ...model import Draft
from ..letters import LETTER_CSS, Letter, letters_html
from .draft import build_html, draft_context, render, render_document


def write_draft(draft: Draft, layout: Layout, *, letters: list[Letter] = (),
                template: Path | None = None) -> bytes:
    if not letters:
        return build_html(draft, layout, template)
    ctx = draft_context(draft, layout)
    ctx["letters"] = letters_html(letters)
    ctx["css_extra"] = Markup(LETTER_CSS)
    return render("draft.html.j2", ctx, template).encode("utf-8")


def write_letters(draft: Draft, letters: list[Letter], layout: Layout) -> bytes:
    lang = language_of(draft.metadata)
    return render_document(lang.letters["title"], letters_html(letters), layout,
                           css_extra=LETTER_CSS, lang=lang.html).encode("utf-8")
