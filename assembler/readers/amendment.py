"""An issued amendment document (.txt as the UN's text extraction gives it, .pdf, or .docx)
read into its printed lines and masthead, for amendments/document.py to take its instructions
from. The masthead is read by the one masthead reader (readers/masthead.py)."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import AssemblerError
from .furniture import guess_furniture
from .masthead import Masthead, read_masthead
from .printed import PrintedLine, Span

SUFFIXES = (".txt", ".pdf", ".docx")


def read_amendment_lines(path: Path) -> tuple[list[PrintedLine], Masthead]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from ..fs.read import read_text_of
        from .extracted import printed_from_text
        text = read_text_of(path, "text", what="the text of an amendment")
        lines = printed_from_text(text, str(path))[0].lines
    elif suffix == ".pdf":
        from .pdf import printed_from_pdf
        lines = [_with_markup(line) for line in printed_from_pdf(path)[0].lines]
    elif suffix == ".docx":
        lines = _docx_lines(path)
    else:
        raise AssemblerError(f"cannot import an amendment from '{suffix or 'no extension'}'",
                             file=str(path), hint="give its PDF, its text (.txt) or its Word "
                                                  "file (.docx)")
    masthead = read_masthead(lines)
    return _furniture_marked(lines, masthead), masthead


def _furniture_marked(lines: list[PrintedLine], masthead: Masthead) -> list[PrintedLine]:
    """The running header and footer of pages after the first (the symbol, the job number,
    "2/2") marked as such, so that a paragraph an instruction brings reads on over the page."""
    found = guess_furniture(lines, masthead.end, masthead.values.get("symbol", ""), "")
    return [replace(line, region="header") if k in found.lines and line.region == "body"
            else line for k, line in enumerate(lines)]


def _docx_lines(path: Path) -> list[PrintedLine]:
    """Each paragraph of the Word file a line, in reading order (a masthead frame's cells row
    by row, as the page prints them), each a block of its own as a Word paragraph is; only
    the agenda items' titles (bold, under the "Agenda item" line) run on as one block, as the
    masthead reader expects them."""
    from ..ooxml.reader import WParagraph, WTable, read_docx
    doc = read_docx(path)
    paragraphs: list = []
    for block in doc.blocks:
        if isinstance(block, WParagraph):
            paragraphs.append(block)
        elif isinstance(block, WTable):
            for row in block.rows:
                for cell in row.cells:
                    paragraphs += list(cell.paragraphs)
    out: list[PrintedLine] = []
    in_titles = False
    for n, p in enumerate(paragraphs, 1):
        text = _marked(p).replace("\t", " ").strip()
        if not text:
            continue
        bold = all(r.bold for r in p.runs if r.text.strip())
        runs_on = in_titles and bold and not _SPONSORS.search(text)
        out.append(PrintedLine((Span(text),), 1, n, gap_before=0.0 if runs_on else 1.0))
        in_titles = (runs_on or _AGENDA.match(text) is not None)
    return out


_AGENDA = re.compile(r"^Agenda items? ")
_SPONSORS = re.compile(r":\*?\s*(?:amendments?|(?:revised\s+)?draft)\b", re.I)


def _marked(p) -> str:
    """A paragraph's text with its italic words in the draft source's markup (*Decides*),
    as the writer set the markup of quoted text in italics."""
    from itertools import groupby
    out = []
    for italic, runs in groupby((r for r in p.runs if r.footnote is None and not r.line_break),
                                key=lambda r: r.italic):
        text = "".join(r.text for r in runs)
        if italic and text.strip():
            lead = text[:len(text) - len(text.lstrip())]
            tail = text[len(text.rstrip()):]
            text = f"{lead}*{text.strip()}*{tail}"
        out.append(text)
    return "".join(out)


def _with_markup(line: PrintedLine) -> PrintedLine:
    """A PDF line with its italic words in the draft source's markup, as one span."""
    if not any(sp.italic for sp in line.spans):
        return line
    text = "".join(f"*{sp.text}*" if sp.italic and sp.text.strip() else sp.text
                   for sp in line.spans).replace("**", "")
    return replace(line, spans=(Span(text),))
