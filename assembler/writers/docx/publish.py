"""`build` and `letter` as Word: the draft in its stage's face, the covering letters before
it (in their own section when the draft is an issued face; an informal draft's pages count
on from the letters', since LibreOffice cannot count a section's own pages), or the letters
alone, numbered "1/2"."""
from __future__ import annotations

from ...layout import Layout
from ...model import Draft
from ...stages import masthead_for
from ..letters import Letter, letters_into_docx
from .draft import DraftDocx, page_numbers


def issued(draft: Draft) -> bool:
    return bool(draft.metadata.stage) and masthead_for(draft.metadata).issued


def write_draft(draft: Draft, layout: Layout, *, letters: list[Letter] = (),
                template=None) -> bytes:
    dd = DraftDocx(draft, layout)
    if letters:
        letters_into_docx(dd.builder, letters, layout, own_section=issued(draft))
    return dd.build()


def write_letters(draft: Draft, letters: list[Letter], layout: Layout) -> bytes:
    dd = DraftDocx(draft, layout)  # the draft's page and styles, none of its text
    letters_into_docx(dd.builder, letters, layout)
    return dd.builder.to_bytes(header_footer=page_numbers(dd.builder, layout))
