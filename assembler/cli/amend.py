"""Verbs on amendment proposals: proposals, status, apply, compile."""
from __future__ import annotations

import datetime
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import AssemblerError
from ..files import write_atomic
from ..fs.locks import holding
from ..source import load_draft
from .common import app, plural, say, verb, worded

def _negotiation(path: Path, draft):
    from ..negotiation import Negotiation
    return Negotiation.of(path, draft)


def _report_conflicts(err, prefer: bool = False) -> None:
    """Each conflict on its line; the advice in this command line's words: how to decide
    between them and, where the verb takes it, --prefer."""
    for c in err.conflicts:
        typer.echo(str(c))
    if not err.within:
        a, b = err.first
        err.hint = "decide between them (assembler status FILE reject)" + \
            (f", or say which wins: --prefer {a} or --prefer {b}" if prefer else "")


@app.command()
@verb
@holding(shared=("paths",))
def proposals(
    paths: List[Path] = typer.Argument(..., metavar="PROPOSALS...", help="proposal files or folders"),
    base: Optional[Path] = typer.Option(None, help="check every change against this version"),
    prose: bool = typer.Option(False, "--prose", help="print each change as UN prose"),
):
    """Validate proposals and list them: id, proposer, status, changes.

    With --base, every change is resolved against that version (targets, anchor words) and
    conflicts among the proposals still on the table are reported (exit 1).

    Example: assembler proposals amendments/gcm-modalities/rev1 --base drafts/gcm-modalities/first-draft.draft --prose
    """
    from ..amendments.model import STATUS_WORDS
    from ..amendments.prose import change_to_prose
    from ..amendments.targets import UnitIndex
    from ..amendments.yamlio import load_proposals
    props = load_proposals(paths)
    index = None
    if base:
        from ..amendments.apply import apply_proposals
        from ..amendments.conflicts import ConflictsFound
        draft = load_draft(base)
        index = UnitIndex(draft)
        try:
            _, rec = apply_proposals(draft, props, mode="all",
                                     versions=_negotiation(base, draft).version)
            for item in rec.not_applicable + rec.notes:
                say(f"note: {item}")
        except ConflictsFound as err:
            _report_conflicts(err)
            for p in props:
                _list_one(p, index, prose, STATUS_WORDS, change_to_prose)
            raise
    for p in props:
        _list_one(p, index, prose, STATUS_WORDS, change_to_prose)
    say(f"{plural(len(props), 'proposal')}, {plural(sum(len(p.changes) for p in props), 'change')}: "
        f"valid")


def _list_one(p, index, prose, words, to_prose) -> None:
    typer.echo(f"{p.id}  {p.who}  [{words[p.status]}]  {plural(len(p.changes), 'change')}  ({p.file})")
    if prose:
        for c in p.effective_changes:
            target_index = index if index and p.base == index.draft.metadata.version else None
            if target_index is not None:
                uid = target_index.resolve(c.target)
                if uid:
                    from dataclasses import replace
                    c = replace(c, target=uid, destination=target_index.resolve(c.destination)
                                or c.destination)
            typer.echo(f"    {c.id}: {to_prose(c, target_index)}")


@app.command()
@verb
@holding(exclusive=("proposal",))
def status(
    proposal: Path = typer.Argument(..., help="a proposal file (.yaml, or .md in prose)"),
    action: Optional[str] = typer.Argument(None, help="accept, modify, reject, withdraw, "
                                                      "supersede, merge or reopen; none: show"),
    note: str = typer.Option("", help="why, or where it was decided"),
    date: str = typer.Option("", help="the date of the decision (default: today)"),
    by: str = typer.Option("", help="supersede/merge: the proposal that takes it over"),
    text: Optional[str] = typer.Option(None, help="modify: the modified text of a proposal "
                                                  "with one change"),
    change: Optional[List[str]] = typer.Option(None, "--change", metavar="PROSE", help="modify: a modified "
                                               "change in UN prose (repeat for several)"),
):
    """Record a decision on a proposal; impossible transitions are refused.

    Example: assembler status amendments/gcm-modalities/rev1/P-03.yaml accept --note "agreed in informals"
    """
    from ..amendments.model import STATUS_WORDS
    from ..amendments.yamlio import load_proposal
    if action is None:
        prop = load_proposal(proposal)
        typer.echo(f"{prop.id}: {STATUS_WORDS[prop.status]}")
        for e in prop.history:
            extra = f" by {e.by}" if e.by else ""
            typer.echo(f"  {e.date or '-'}  {STATUS_WORDS[e.status]}{extra}  {e.note}")
        return
    from ..negotiation.negotiation import Negotiation
    from ..negotiation.workflow import Decision, decide_on_file
    filed_under = Negotiation.of_proposal(proposal)
    decision = Decision(action, date or datetime.date.today().isoformat(), note, by, text,
                        tuple(change or ()))
    prop, entry = decide_on_file(
        proposal, decision, filed_under.versions() if filed_under else (),
        (lambda: (p.id for p in filed_under.proposals())) if filed_under else None)
    say(f"{prop.id}: {STATUS_WORDS[prop.status]} -> {STATUS_WORDS[entry.status]}")


@app.command("apply")
@verb
@holding(exclusive=("output", "record"), shared=("paths", "base"))
def apply_(
    base: Path = typer.Argument(..., help="the version amended (.draft)"),
    paths: List[Path] = typer.Argument(..., metavar="PROPOSALS...", help="proposal files or folders"),
    output: Path = typer.Option(..., "-o", "--output", help="the next version (.draft)"),
    all_: bool = typer.Option(False, "--all", help="apply every change still on the table "
                                                   "(not rejected, withdrawn, superseded or "
                                                   "merged), for a preview"),
    prefer: Optional[List[str]] = typer.Option(None, "--prefer", metavar="PROPOSAL", help="in a conflict, this "
                                               "proposal wins (repeat for several)"),
    name: str = typer.Option("", "--name", help="the new version's name (default: the output's file name)"),
    old_name: str = typer.Option("", "--version", hidden=True),  # its old spelling
    stage: str = typer.Option("rev", help="the new version's stage"),
    revision: str = typer.Option("", help="revision number (default: the base's plus one)"),
    stage_label: str = typer.Option("", help="e.g. 'Revision 1' (default: Rev.N)"),
    date: str = typer.Option("", help="the new version's date, e.g. '13 January 2017'"),
    record: Optional[Path] = typer.Option(None, help="also write what each change did (.json)"),
):
    """Apply the accepted changes and write the next version, recording where it came from
    and which proposal made each change. Conflicts: exit 1, nothing written.

    Example: assembler apply drafts/gcm-modalities/first-draft.draft amendments/gcm-modalities/rev1 -o drafts/gcm-modalities/rev1.draft --date "13 January 2017"
    """
    from ..amendments.conflicts import ConflictsFound
    from ..amendments.yamlio import load_proposals
    from ..negotiation.workflow import next_version, write_version
    if output.resolve() == base.resolve():
        raise AssemblerError("the output is the base version itself", file=str(output),
                             hint="write the next version to a new file")
    if output.suffix != ".draft":
        raise AssemblerError("the next version is a draft source", file=str(output),
                             hint="give an output ending in .draft; build documents from it "
                                  "with 'assembler build'")
    if record and record.suffix.lower() != ".json":
        # the record is JSON: under another name it could replace a draft or a document
        raise AssemblerError("the record of what each change did is JSON", file=str(record),
                             hint="give --record a path ending in .json")
    draft = load_draft(base)
    props = load_proposals(paths)
    negotiation = _negotiation(base, draft)
    try:
        made = next_version(draft, props, name or old_name or output.stem, date=date,
                            stage=stage, revision=revision, stage_label=stage_label,
                            everything=all_, prefer=tuple(prefer or ()),
                            versions=negotiation.version)
    except ConflictsFound as err:
        _report_conflicts(err, prefer=True)
        raise
    except AssemblerError as err:   # the name as this run gave it
        raise worded(err, name="--name" if name else "--version" if old_name else
                     "the output's file name") from None
    rec = made.record
    for item in rec.not_applicable + rec.notes:
        say(f"note: {item}")
    for loser, why in rec.overridden:
        say(f"note: {loser.change.id} ({loser.proposal.proposer}) left out: {why}")
    write_version(made, output, record, versions_folder=negotiation.folder)
    used = {a.proposal.id for a in rec.applied}
    say(f"wrote {output}: {plural(len(rec.applied), 'change')} from {plural(len(used), 'proposal')} applied to "
        f"{draft.metadata.version or base.name}")


@app.command("compile")
@verb
@holding(shared=("paths",))
def compile_(
    base: Path = typer.Argument(..., help="the version the proposals amend (.draft)"),
    paths: List[Path] = typer.Argument(..., metavar="PROPOSALS...", help="proposal files or folders"),
    output: Path = typer.Option(..., "-o", "--output", help="compilation.docx or .html"),
    changed_only: bool = typer.Option(False, "--changed-only", help="leave out the units no "
                                                                   "proposal changes"),
    touched_only: bool = typer.Option(False, "--touched-only", hidden=True),  # its old spelling
):
    """Compile proposals paragraph by paragraph: base text, each proposal (proposer,
    co-sponsors, status, UN prose, the text as it would read), a summary by proposer and status.

    Example: assembler compile drafts/gcm-modalities/first-draft.draft amendments/gcm-modalities/rev1 -o build/compilation.docx --changed-only
    """
    from ..amendments.compile import compile_proposals
    from ..amendments.yamlio import load_proposals
    from ..writers import writer_for
    write = writer_for("compilation", output)
    draft = load_draft(base)
    props = load_proposals(paths)
    comp = compile_proposals(draft, props, versions=_negotiation(base, draft).version,
                             only_touched=changed_only or touched_only)
    write_atomic(output, write(comp))
    say(f"wrote {output}: {plural(len(props), 'proposal')} on {plural(len(comp.rows), 'unit')}, "
        f"{plural(len(comp.conflicts), 'conflict')}")
