"""PDF: each product's Word file, converted by LibreOffice."""
from __future__ import annotations

from ...layout import Layout
from ...model import Draft
from ..docx import publish
from ..docx.redline import write_redline as redline_docx
from ..letters import Letter
from .libreoffice import docx_to_pdf, join_pdfs


def write_draft(draft: Draft, layout: Layout, *, letters: list[Letter] = (),
                template=None) -> bytes:
    if letters:
        # LibreOffice does not count a section's own pages (SECTIONPAGES): render the
        # letters and the text apart, then join them, each numbered on its own
        return join_pdfs([docx_to_pdf(publish.write_letters(draft, letters, layout)),
                          docx_to_pdf(publish.write_draft(draft, layout))])
    return docx_to_pdf(publish.write_draft(draft, layout, letters=letters))


def write_letters(draft: Draft, letters: list[Letter], layout: Layout) -> bytes:
    return docx_to_pdf(publish.write_letters(draft, letters, layout))


def write_redline(redline, *, visual: bool = True, comments: dict | None = None) -> bytes:
    return docx_to_pdf(redline_docx(redline, visual=True, comments=comments))


def write_amendment(doc, layout=None) -> bytes:
    from ..docx.amendment import write_amendment as amendment_docx
    return docx_to_pdf(amendment_docx(doc, layout))
