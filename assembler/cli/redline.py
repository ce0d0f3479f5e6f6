"""Verbs that show changes: redline (version against version) and preview (a delegation's
proposals applied to a draft, before it submits them). Their typer commands; the work is
redlining.py's."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import AssemblerError
from ..files import write_atomic
from .common import app, plural, say, verb
# the work itself, without typer (light.py runs the redline verb without typer too)
from .redlining import (check_format, load_pair, load_version,  # noqa: F401
                        redline_files, render, summary)

@app.command()
@verb
def redline(
    old: Path = typer.Argument(..., help="the earlier version (.draft)"),
    new: Path = typer.Argument(..., help="the later version (.draft)"),
    output: Path = typer.Option(..., "-o", "--output", help="the redline to write: .docx, .html or .pdf"),
    author: str = typer.Option("", help="who made changes the new version does not attribute "
                                         "(default: the new version's sponsor, its "
                                         "'submitted-by', else Co-facilitators)"),
    date: str = typer.Option("", help="date of those changes (default: the new version's date)"),
    visual: bool = typer.Option(False, "--visual", help=".docx in bold/strike-out instead of tracked changes"),
):
    """Show every change from OLD to NEW: Word tracked changes (.docx), or bold and strike-out
    (.html, .pdf, .docx with --visual).

    Example: assembler redline drafts/gcm-modalities/first-draft.draft drafts/gcm-modalities/rev1.draft -o build/rev1-redline.docx
    """
    redline_files(old, new, output, author, date, visual)


@app.command()
@verb
def preview(
    draft: Path = typer.Argument(..., help="the draft the proposals are written against (.draft)"),
    proposals: List[Path] = typer.Argument(..., metavar="PROPOSALS...",
                                           help="proposal files (.yaml, .md) or folders"),
    output: Path = typer.Option(..., "-o", "--output", help="the preview to write: .docx, .html or .pdf"),
    on_file: Optional[List[Path]] = typer.Option(
        None, "--on-file", metavar="FILE|FOLDER",
        help="proposals already submitted (default: amendments/<negotiation>/); repeatable"),
    visual: bool = typer.Option(False, "--visual", help=".docx in bold/strike-out instead of tracked changes"),
):
    """See what your proposals would do to a draft before you submit them: the draft with
    them applied, as a redline whose changes carry your delegation's name, and every clash
    with a proposal already on file flagged in the margin (Word comments; notes in HTML).

    Example: assembler preview drafts/gcm-modalities/rev1.draft examples/preview/Q-01.yaml -o build/preview.docx
    """
    from ..amendments import load_proposals
    from ..amendments.conflicts import ConflictsFound
    from ..amendments.preview import preview as make_preview
    from ..negotiation import Negotiation
    check_format(output)
    base = load_version(draft)
    mine = load_proposals(proposals)
    if not mine:
        raise AssemblerError("no proposals found", file=str(proposals[0]),
                             hint="give .yaml or .md proposal files, or a folder holding them")
    negotiation = Negotiation.of(draft, base)
    filed = load_proposals(on_file) if on_file else negotiation.proposals(warn=say)
    try:
        pv = make_preview(base, mine, filed, versions=negotiation.version)
    except ConflictsFound as err:  # the previewed proposals collide among themselves
        for c in err.conflicts:
            say(str(c))
        raise
    write_atomic(output, render(pv.redline, output, visual, pv.comments()))
    for c in pv.clashes:
        say(f"conflict: {c}")
    for n in pv.not_applicable:
        say(f"note: {n}")
    say(f"wrote {output}: {summary(pv.redline)}; {plural(len(pv.clashes), 'conflict')} with "
        f"proposals on file")
