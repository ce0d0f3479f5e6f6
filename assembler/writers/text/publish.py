"""`build` and `letter` as plain text: letters first, a form feed, then the draft."""
from __future__ import annotations

from ...layout import Layout
from ...model import Draft
from ..letters import Letter, letters_text
from .draft import build_text


def write_draft(draft: Draft, layout: Layout, *, letters: list[Letter] = (),
                template=None) -> bytes:
    body = build_text(draft, layout)
    return (letters_text(letters).encode("utf-8") + b"\f\n" + body) if letters else body


def write_letters(draft: Draft, letters: list[Letter], layout: Layout) -> bytes:
    return letters_text(letters).encode("utf-8")
