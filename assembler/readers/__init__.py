"""Readers: every input format becomes a Draft. `read_any` picks one by file extension."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import AssemblerError
from .untext import ImportResult, import_untext


def read_any(path: Path, **meta: str) -> ImportResult:
    suffix = path.suffix.lower()
    if suffix in READERS:
        return READERS[suffix](path, **meta)
    raise AssemblerError(f"cannot import '{suffix or 'a file without extension'}'",
                         file=str(path), hint=f"known: {', '.join(sorted(READERS))}")


def _read_text(path: Path, **meta: str) -> ImportResult:
    from ..source import read_text
    text = read_text(path, "the text of a draft", "give the draft's text as UTF-8 (.txt or .md, "
                     "e.g. as extracted from its PDF); Word files are read as .docx", kind="text")
    return import_text(text, str(path), **meta)


def import_text(text: str, file: str = "<text>", **meta: str) -> ImportResult:
    """Text as published: the marked-up web form (list lines "- 1. ...", <sup>n</sup>) goes
    to untext.py; a printed page's text (a PDF's text layer, this tool's .txt) to the
    structurer."""
    if _marked_up(text):
        return import_untext(text, file, **meta)
    from .extracted import printed_from_text
    doc, warnings = printed_from_text(text, file)
    return _structured(doc, warnings, **meta)


def _structured(doc, warnings: list, **meta: str) -> ImportResult:
    """A printed document (from a PDF's page or its extracted text) as a draft: structured,
    then "paragraphs 14 and 19" made to point at this draft's paragraphs, as in a Word file."""
    from .docx_text import foreign_cross_refs
    from .structure import structure
    result = structure(doc, **meta)
    result.warnings[:0] = warnings
    result.draft = foreign_cross_refs(result.draft)
    return result


def _marked_up(text: str) -> bool:
    return "<sup>" in text or len(re.findall(r"^ *- \S", text, re.M)) >= 3


def _read_docx(path: Path, **meta: str) -> ImportResult:
    from .docx import read_docx_draft
    return read_docx_draft(path, **meta)


def _read_doc(path: Path, **meta: str) -> ImportResult:
    """A Word 97-2003 file (the Official Document System still serves them): converted to
    .docx by LibreOffice, then read as a .docx."""
    from ..writers.pdf.libreoffice import convert
    from .docx import interpret, read_docx
    from ..fs.read import read_bytes
    data = convert(read_bytes(path, "docx", what="a Word file (.doc)"), "doc", "docx")
    return interpret(read_docx(data), str(path), **meta)


def _read_pdf(path: Path, **meta: str) -> ImportResult:
    """A PDF: the page's own facts (fonts, positions, rules) into the same structurer."""
    from .pdf import printed_from_pdf
    doc, warnings = printed_from_pdf(path)
    return _structured(doc, warnings, **meta)


def _read_akn(path: Path, **meta: str) -> ImportResult:
    from .akn import read_akn
    return read_akn(path, **meta)


READERS = {".txt": _read_text, ".md": _read_text, ".docx": _read_docx, ".doc": _read_doc,
           ".xml": _read_akn, ".pdf": _read_pdf}
