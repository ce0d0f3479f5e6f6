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


WRITERS: dict[str, Callable[[Draft, Layout], bytes]] = {".docx": _docx}


def writer_for(path: Path) -> Callable[[Draft, Layout], bytes]:
    suffix = Path(path).suffix.lower()
    if suffix not in WRITERS:
        raise AssemblerError(f"cannot write '{suffix or 'a file without extension'}'",
                             file=str(path), hint=f"known: {', '.join(sorted(WRITERS))}")
    return WRITERS[suffix]
