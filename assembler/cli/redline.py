"""Verbs that show changes: redline (version against version) and preview (a delegation's
proposals applied to a draft, before it submits them)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import AssemblerError
from ..files import check_output_path, write_atomic
from .common import app, plural, rendering, say, verb

def load_version(path: Path):
    """A draft source (.draft), or any document a reader knows (.docx, .txt, .xml)."""
    from ..source import load_draft
    if not path.exists():
        raise AssemblerError("no such file", file=str(path), hint="give the path of a .draft file")
    if path.suffix.lower() == ".draft":
        return load_draft(path)
    from ..readers import READERS, read_any
    if path.suffix.lower() not in READERS:
        raise AssemblerError("is not a draft", file=str(path),
                             hint="give a .draft source (or a .docx/.txt the importer reads)")
    try:
        return read_any(path).draft
    except AssemblerError:
        raise
    except Exception as err:  # a reader choking on a file that is no draft at all
        raise AssemblerError(f"is not a draft that can be read ({type(err).__name__}: {err})",
                             file=str(path), hint="give a .draft source") from None


def load_pair(old: Path, new: Path):
    """The two versions of a redline; Word files share what they have in common, so a
    paragraph the new version kept as it was is read once."""
    from ..ooxml.reader import reading_together
    with reading_together():
        return load_version(old), load_version(new)


def check_format(output: Path) -> str:
    from ..writers import check_format as writable
    suffix = writable("redline", output)
    check_output_path(output)
    return suffix


def render(redline, output: Path, visual: bool, comments: dict | None = None) -> bytes:
    from ..writers import writer_for
    with rendering(output):
        return writer_for("redline", output)(redline, visual=visual, comments=comments)


def summary(redline) -> str:
    from ..compare.align import DELETED, INSERTED, MOVED_AWAY
    units = redline.changed_units()
    counts = {
        "changed": sum(1 for u in units if u.status == "changed" and not u.moved),
        "inserted": sum(1 for u in units if u.status == INSERTED),
        "deleted": sum(1 for u in units if u.status == DELETED),
        "moved": sum(1 for u in units if u.status == MOVED_AWAY),
    }
    notes = sum(1 for (side, _), n in redline.notes.items()
                if side == "new" and any(s.op != "equal" for s in n.contents))
    text = ", ".join(f"{v} {k}" for k, v in counts.items())
    return f"{text}, {plural(notes, 'footnote')} changed"


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
    from ..compare.authors import attribution_from
    from ..compare.redline import build_redline, default_who, iso_date
    from ..negotiation import Negotiation
    check_format(output)
    if date and not iso_date(date):  # else the changes would be dated today, silently
        raise AssemblerError(f"--date {date}: not a date",
                             hint="e.g. --date '13 January 2017' or --date 2017-01-13")
    old_d, new_d = load_pair(old, new)
    default = default_who(new_d, author, date)
    negotiation = Negotiation.of(new, new_d)
    traced = negotiation.provenance_since(new_d, old_d)
    dates = negotiation.proposal_dates(warn=say) if traced.provenance else {}
    attribution = attribution_from(traced, default, dates)
    r = build_redline(old_d, new_d, author, date, attribution)
    write_atomic(output, render(r, output, visual))
    say(f"wrote {output}: {summary(r)}")


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
