"""Text extracted from a printed UN document (the PDF's text layer, or this tool's own .txt)
into printed lines. The text states nothing about the page, so every line is "body" on page
1 and `PrintedDocument.layout` is False: the structurer guesses furniture, footnotes and page
breaks from the words. What this reader does know it keeps: the blank lines above a line, and
columns set side by side with a run of spaces (a masthead: "United Nations   A/71/L.58")
become lines of their own, and leading spaces become an indent (this tool's .txt indents
headings less than preambular paragraphs; a PDF extraction has none to speak of).
"""
from __future__ import annotations

import re

from ..errors import Warning_
from .printed import PrintedDocument, PrintedLine, Span

# The ../shared/real/ files (and similar dumps) open with "# key: value" comment lines and
# a "# ----" line before the text as extracted.
COLUMN = 6.0  # points: one column of a monospaced 10-point page, for leading spaces
_COMMENT_END = re.compile(r"^#\s*-{3,}\s*$")


def printed_from_text(text: str, file: str = "<text>") -> tuple[PrintedDocument, list[Warning_]]:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    warnings: list[Warning_] = []
    start = _comment_header(raw)
    if start:
        warnings.append(Warning_(f"lines 1-{start}: a comment header before the document's "
                                 f"text; not read as text", 1, file))
    lines: list[PrintedLine] = []
    gap = 0
    # PyMuPDF ends each page with an empty line, and writes a blank line inside a page as a
    # space: where a text has both, its pages are known
    paged = "" in raw[start:-1] and any(l and not l.strip() for l in raw[start:])
    page = 1
    for number, line in enumerate(raw[start:], start + 1):
        if not line.strip():
            gap += 1
            if paged and line == "" and lines:
                page += 1
            continue
        indent = COLUMN * (len(line) - len(line.lstrip(" ")))
        for k, part in enumerate(_columns(line.strip())):
            lines.append(PrintedLine((Span(part),), page, number,
                                     gap_before=float(gap if k == 0 else 0),
                                     indent=indent if k == 0 else None))
        gap = 0
    return PrintedDocument(lines, file), warnings


def _comment_header(raw: list[str]) -> int:
    """How many lines the comment header takes (0 when there is none)."""
    for i, line in enumerate(raw[:12]):
        if _COMMENT_END.match(line):
            return i + 1
        if not line.startswith("#"):
            return 0
    return 0


def _columns(line: str) -> list[str]:
    """'United Nations        A/71/L.58' -> two lines; ordinary text keeps single spaces."""
    parts = re.split(r"\s{3,}", line)
    return [p for p in parts if p] or [line]
