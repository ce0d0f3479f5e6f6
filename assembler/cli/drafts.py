"""Verbs on one draft: import, check, build."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..check import check_draft
from ..errors import AssemblerError
from ..files import write_atomic
from ..source import dump_draft, load_draft, read_text
from .app import app, say, verb


@app.command("import")
@verb
def import_(
    source: Path = typer.Argument(..., help="the draft as text (.txt, .md), e.g. the seed"),
    output: Path = typer.Option(..., "-o", "--output", help="the draft source to write (.draft)"),
    negotiation: str = typer.Option("", help="negotiation name (default: the output's folder)"),
    version: str = typer.Option("", help="version name (default: the output's file name)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="do not list warnings"),
):
    """Read a UN draft into a draft source, keeping every word.

    Example: assembler import ../shared/seed/000_97f5620c005065cf.txt -o drafts/gcm-modalities/first-draft.draft
    """
    from ..readers import read_any
    result = read_any(source, negotiation=negotiation or output.resolve().parent.name,
                      version=version or output.stem)
    write_atomic(output, dump_draft(result.draft).encode("utf-8"))
    if not quiet:
        for warning in result.warnings:
            say(str(warning))
    d = result.draft
    say(f"wrote {output}: {len(d.preamble)} preambular, {len(d.operative_paragraphs())} "
        f"operative paragraphs, {len(d.footnotes)} footnotes, {len(result.warnings)} warnings")


@app.command()
@verb
def check(
    draft: Path = typer.Argument(..., help="a draft source (.draft)"),
    strict: bool = typer.Option(False, help="count style notes as problems too"),
):
    """Validate a draft source: exit 0 valid, 1 problems found, 2 unreadable.

    Example: assembler check drafts/gcm-modalities/first-draft.draft
    """
    from ..source import load_draft_with_map
    d, where = load_draft_with_map(draft)
    findings = check_draft(d)
    problems = 0
    for f in findings:
        line = where.line_of(f.unit) if f.unit else None
        loc = f"{draft}:{line}" if line else str(draft)
        typer.echo(f"{loc}: {f}")
        problems += f.problem or strict
    if problems:
        say(f"{draft}: {problems} problem(s) found")
        raise typer.Exit(1)
    typer.echo(f"{draft}: valid ({sum(1 for _ in d.units())} units)")


@app.command()
@verb
def build(
    draft: Path = typer.Argument(..., help="a draft source (.draft)"),
    output: Path = typer.Option(..., "-o", "--output", help="the document to write (.docx)"),
    layout: Optional[Path] = typer.Option(None, help="a layout .toml (default templates/un-layout.toml)"),
):
    """Build a UN-format document from a draft source; the format follows the extension.

    Example: assembler build drafts/gcm-modalities/first-draft.draft -o build/first-draft.docx
    """
    from ..layout import load_layout
    from ..writers import writer_for
    write = writer_for(output)
    d = load_draft(draft)
    data = write(d, load_layout(layout))
    write_atomic(output, data)
    say(f"wrote {output}")
