"""The `letter` verb: a draft's covering letters alone."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..files import write_atomic
from ..source import load_draft
from .common import app, rendering, say, verb


@app.command()
@verb
def letter(
    draft: Path = typer.Argument(..., help="the draft the letters cover (.draft)"),
    output: Path = typer.Option(..., "-o", "--output", help="the letters to write (.docx, .pdf, .html, .txt)"),
    letter_data: Optional[Path] = typer.Option(None, "--letter-data", help="the letters' data "
                                               "(default: <version>.letters.toml beside the draft)"),
    layout: Optional[Path] = typer.Option(None, help="a layout .toml (default templates/un-layout.toml)"),
):
    """Write the covering letters of a draft (the co-facilitators' letter, the President's
    transmittal letter) from their data and the templates in templates/letters/.

    Example: assembler letter drafts/gcm-modalities/first-draft.draft -o build/letters.docx
    """
    from ..layout import load_layout
    from ..publish import compose
    with rendering(output):
        data = compose(load_draft(draft), output, load_layout(layout), draft_path=draft,
                       letters_only=True, letter_data=letter_data)
    write_atomic(output, data)
    say(f"wrote {output}")
