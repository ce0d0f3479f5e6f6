"""What `assembler build` and `assembler letter` write: a draft in its stage's face, with or
without its covering letters, in the format the output's extension names. Everything is
built in memory first, so a failure (bad stage, missing field, failing template, no
LibreOffice) leaves nothing on disk."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .errors import AssemblerError
from .lang import language_of
from .layout import Layout
from .model import Draft
from .stages import StageError, masthead_for, with_overrides

OPTIONS = ("stage", "symbol", "date", "job-number")  # metadata `assembler build` can override


def metadata_line(draft_path: Path | None, key: str) -> int | None:
    """The line of `key:` in the draft's metadata block, for messages."""
    if not draft_path:
        return None
    from .fs.read import read_head
    return next((line for line, k, _ in read_head(draft_path) if k == key), None)


def checked(draft: Draft, draft_path: Path | None, overridden: set[str] = frozenset()) -> Draft:
    """The draft if its language and stage can be built; else an error naming the field
    (and its line)."""
    try:
        language_of(draft.metadata)
    except AssemblerError as err:
        err.file = str(draft_path) if draft_path else None
        err.line = metadata_line(draft_path, "language")
        raise
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
    from .writers import writer_for
    write = writer_for("letters" if letters_only else "draft", output)  # fail before any work
    if template is not None and Path(output).suffix.lower() not in (".html", ".htm"):
        raise AssemblerError("--template shapes HTML output only", file=str(output),
                             hint="write .html, or leave --template out")
    letters = _letters(draft, draft_path, letter_data) if (with_letter or letters_only) else []
    if letters_only:
        return write(draft, letters, layout)
    return write(draft, layout, letters=letters, template=template)
