"""What `assembler build` and `assembler letter` write: a draft in its stage's face, with or
without its covering letters, in the format the output's extension names. Everything is
built in memory first, so a failure (bad stage, missing field, failing template, no
LibreOffice) leaves nothing on disk."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from markupsafe import Markup

from .errors import AssemblerError
from .fs.read import read_bytes
from .layout import Layout
from .model import Draft
from .stages import StageError, masthead_for, with_overrides

LETTER_FORMATS = (".docx", ".pdf", ".html", ".htm", ".txt")
OPTIONS = ("stage", "symbol", "date", "job-number")  # metadata `assembler build` can override


def metadata_line(draft_path: Path | None, key: str) -> int | None:
    """The line of `key:` in the draft's metadata block, for messages."""
    if not draft_path:
        return None
    try:
        head = read_bytes(draft_path, "head", truncate=True)
    except AssemblerError:
        return None
    lines = head.decode("utf-8", "replace").split("\n\n", 1)[0].splitlines()
    for i, line in enumerate(lines, 1):
        if line.startswith(key + ":"):
            return i
    return None


def checked(draft: Draft, draft_path: Path | None, overridden: set[str] = frozenset()) -> Draft:
    """The draft if its stage can be built; else an error naming the field (and its line)."""
    if not draft.metadata.stage:
        return draft
    try:
        masthead_for(draft.metadata)
    except StageError as err:
        if err.field.replace("-", "_") in overridden:
            err.hint = (err.hint or "") + f"; given by --{err.field}"
        else:
            err.file = str(draft_path) if draft_path else None
            err.line = metadata_line(draft_path, err.field)
            if err.field in OPTIONS and err.hint:
                err.hint += f", or pass --{err.field} for this build"
        raise
    return draft


def override(draft: Draft, **values: str | None) -> Draft:
    return replace(draft, metadata=with_overrides(draft.metadata, **values))


def _letters(draft: Draft, draft_path: Path | None, letter_data: Path | None):
    from .writers.letters import letters_path, load_letter_data, render_letters
    if letter_data is None:
        if draft_path is None:
            raise AssemblerError("letters need their data file", hint="pass --letter-data")
        letter_data = letters_path(draft_path)
    return render_letters(draft, load_letter_data(letter_data), letter_data)


def compose(draft: Draft, output: Path, layout: Layout, *, draft_path: Path | None = None,
            with_letter: bool = False, letters_only: bool = False,
            letter_data: Path | None = None, template: Path | None = None) -> bytes:
    suffix = Path(output).suffix.lower()
    from .writers import writer_for
    if not letters_only:
        write = writer_for(output)  # unknown extension: fail before any work
    elif suffix not in LETTER_FORMATS:
        raise AssemblerError(f"cannot write a letter as '{suffix or 'no extension'}'",
                             file=str(output), hint="known: " + ", ".join(LETTER_FORMATS))
    if template is not None and suffix not in (".html", ".htm"):
        raise AssemblerError("--template shapes HTML output only", file=str(output),
                             hint="write .html, or leave --template out")
    letters = _letters(draft, draft_path, letter_data) if (with_letter or letters_only) else []
    if suffix in (".docx", ".pdf"):
        from .writers.docx import DraftDocx
        from .writers.letters import letters_into_docx
        dd = DraftDocx(draft, layout)
        issued = bool(draft.metadata.stage) and masthead_for(draft.metadata).issued
        if letters:
            letters_into_docx(dd.builder, letters, layout, own_section=issued and not letters_only)
        if letters_only:
            data = dd.builder.to_bytes()
        else:
            data = dd.build()
        if suffix == ".pdf":
            from .writers.pdf import docx_to_pdf, join_pdfs
            if letters and issued and not letters_only:
                # LibreOffice does not count a section's own pages (SECTIONPAGES): render the
                # letters and the issued text apart, then join them
                alone = DraftDocx(draft, layout)
                letters_into_docx(alone.builder, letters, layout)
                return join_pdfs([docx_to_pdf(alone.builder.to_bytes()),
                                  docx_to_pdf(DraftDocx(draft, layout).build())])
            data = docx_to_pdf(data)
        return data
    if suffix in (".html", ".htm"):
        from .writers.html import build_html, draft_context, render, render_document
        from .writers.letters import letters_html
        if letters_only:
            return render_document("Covering letters", letters_html(letters), layout,
                                   css_extra=LETTER_CSS).encode("utf-8")
        if not letters:
            return build_html(draft, layout, template)
        ctx = draft_context(draft, layout)
        ctx["letters"] = letters_html(letters)
        ctx["css_extra"] = Markup(LETTER_CSS)
        return render("draft.html.j2", ctx, template).encode("utf-8")
    if suffix == ".txt":
        from .writers.letters import letters_text
        from .writers.text import build_text
        text = letters_text(letters) if letters else ""
        if letters_only:
            return text.encode("utf-8")
        body = build_text(draft, layout).decode("utf-8")
        return ((text + "\f\n" if text else "") + body).encode("utf-8")
    return write(draft, layout)


LETTER_CSS = """
section.letter { margin-bottom: 2cm; font-size: 12pt; }
section.letter p { margin: 0 0 12pt; }
section.letter .letterhead { text-align: center; font-weight: bold; }
section.letter .date { text-align: right; }
section.letter .closing { text-align: left; margin-top: 0; }
section.letter + section.letter { border-top: 1px dashed #bbb; padding-top: 1cm; }
section.letter .body { text-align: justify; text-indent: 1.27cm; }
section.letter .addressee { margin-top: 36pt; }
section.letter .signatures { display: flex; gap: 1cm; margin-top: 36pt; }
section.letter .signatory { flex: 1; }
@media print { section.letter { break-after: page; margin: 0; }
               section.letter + section.letter { border-top: 0; padding-top: 0; } }
"""
