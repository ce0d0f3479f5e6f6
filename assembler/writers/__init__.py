"""Writers: a Draft becomes a document. `writer_for` picks one by the output's extension."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import AssemblerError
from ..layout import Layout
from ..model import Draft


def _docx(draft: Draft, layout: Layout) -> bytes:
    from .docx import build_docx
    return build_docx(draft, layout)


def _html(draft: Draft, layout: Layout) -> bytes:
    from .html import build_html
    return build_html(draft, layout)


def _pdf(draft: Draft, layout: Layout) -> bytes:
    from .docx import build_docx
    from .pdf import docx_to_pdf
    return docx_to_pdf(build_docx(draft, layout))


def _txt(draft: Draft, layout: Layout) -> bytes:
    from .text import build_text
    return build_text(draft, layout)


WRITERS: dict[str, Callable[[Draft, Layout], bytes]] = {
    ".docx": _docx, ".html": _html, ".htm": _html, ".pdf": _pdf, ".txt": _txt}


def writer_for(path: Path) -> Callable[[Draft, Layout], bytes]:
    suffix = Path(path).suffix.lower()
    if suffix not in WRITERS:
        raise AssemblerError(f"cannot write '{suffix or 'a file without extension'}'",
                             file=str(path), hint=f"known: {', '.join(sorted(WRITERS))}")
    return WRITERS[suffix]
