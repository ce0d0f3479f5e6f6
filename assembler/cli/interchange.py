"""Verbs that move drafts between formats and infer proposals: export, diff, and the
proposals side of `import --changes proposals`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import AssemblerError
from ..files import write_atomic
from ..fs.locks import holding
from ..fs.names import check_name, inside, name_from
from ..source import load_draft
from .common import app, plural, say, verb


@app.command()
@verb
def export(
    draft: Path = typer.Argument(..., help="a draft source (.draft)"),
    output: Path = typer.Option(..., "-o", "--output", help="the Akoma Ntoso file (.akn.xml)"),
):
    """Export a draft as Akoma Ntoso 3.0 (AKN4UN statement name="resolution") for archives.

    Example: assembler export drafts/gcm-modalities/first-draft.draft -o build/first-draft.akn.xml
    """
    from ..akn.export import export_akn
    if not output.name.endswith(".xml"):
        raise AssemblerError("an Akoma Ntoso file ends in .akn.xml", file=str(output))
    d = load_draft(draft)
    write_atomic(output, export_akn(d))
    say(f"wrote {output}: Akoma Ntoso, {len(d.preambular_paragraphs())} preambular, "
        f"{plural(len(d.operative_paragraphs()), 'operative paragraph')}")


@app.command()
@verb
@holding(exclusive=("output",))
def diff(
    old: Path = typer.Argument(..., help="the earlier version (.draft, .docx or .akn.xml)"),
    new: Path = typer.Argument(..., help="the later version (.draft, .docx or .akn.xml)"),
    as_proposals: bool = typer.Option(False, "--as-proposals",
                                      help="write the inferred changes as a proposal file"),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="with --as-proposals: the folder for the file"),
    proposer: str = typer.Option("", help="who the changes are attributed to (default: "
                                          "the later version's submitter, else 'Co-facilitators')"),
    proposal_id: str = typer.Option("", "--id", help="the proposal id (default: P-<new version>)"),
    replace: bool = typer.Option(False, "--replace", help="replace a proposal file of that id "
                                 "already in the folder (its decision history is lost)"),
):
    """Infer the changes that turn OLD into NEW and say them in UN prose.

    Example: assembler diff drafts/gcm-modalities/first-draft.draft rev1.draft --as-proposals -o amendments/gcm-modalities/
    """
    from ..amendments.model import Proposal, number_changes
    from ..amendments.targets import UnitIndex
    from ..amendments.infer import infer_changes
    from ..readers import read_any
    # options and the output folder first: nothing printed, then refused
    if as_proposals and output is None:
        raise AssemblerError("--as-proposals needs -o FOLDER")
    if output is not None and not as_proposals:
        raise AssemblerError("-o is for --as-proposals")
    if output is not None:
        _check_folder(output)
    if proposal_id:
        check_name(proposal_id, "a proposal id", "--id")
    base = load_draft(old) if old.suffix == ".draft" else read_any(old).draft
    later = load_draft(new) if new.suffix == ".draft" else read_any(new).draft
    changes, notes = infer_changes(base, later)
    version = later.metadata.version or new.stem
    pid = proposal_id or f"P-{name_from(version)}"
    prop = Proposal(pid, proposer or later.metadata.submitted_by or "Co-facilitators",
                    base.metadata.version or old.stem, number_changes(pid, changes),
                    date=_iso(later.metadata.date),
                    title=f"Changes from {base.metadata.version or old.stem} to {version}")
    index = UnitIndex(base)
    for line in _prose(prop, index):
        typer.echo(line)
    for note in notes:
        say(f"note: {note}")
    if as_proposals:
        path, data = _render(output, prop, index)
        write_atomic(path, data, replace=replace, replace_hint=REPLACE_HINT)
        say(f"wrote {path}: {plural(len(changes), 'change')}")


REPLACE_HINT = "give --replace to replace it; its decision history would be lost"


def proposals_from_word(source: Path, folder: Path, base_path: Path | None, quiet: bool,
                        replace: bool = False) -> None:
    """`import --changes proposals`: one proposal file per author of tracked changes."""
    from ..amendments.targets import UnitIndex
    from ..readers.word_changes import word_proposals
    _check_folder(folder)
    base = load_draft(base_path) if base_path else None
    result = word_proposals(source, base)
    index = UnitIndex(base if base is not None else result.original)
    if not quiet:
        for w in result.warnings:
            say(str(w))
        for note in result.notes:
            say(f"note: {note}")
    # every file is rendered before the first is written: a failure leaves none behind
    files = [(prop, *_render(folder, prop, index)) for prop in result.proposals]
    taken = [path for _, path, _ in files if path.exists()]
    if taken and not replace:
        raise AssemblerError("already exists and is not replaced", file=str(taken[0]),
                             hint=REPLACE_HINT)
    for prop, path, data in files:
        write_atomic(path, data, replace=replace, replace_hint=REPLACE_HINT)
        say(f"wrote {path}: {prop.proposer}, {plural(len(prop.changes), 'change')} against {prop.base}")
        for line in _prose(prop, index):
            typer.echo("  " + line)
    if not result.proposals:
        say(f"{source}: no proposals (the tracked changes change no words)")


def _prose(prop, index) -> list[str]:
    from ..amendments.prose import readers_prose
    return [readers_prose(c, index) for c in prop.changes]


def _render(folder: Path, prop, index) -> tuple[Path, bytes]:
    """A proposal file's path and bytes: its prose as a comment header, then the YAML."""
    from ..amendments.yamlout import dump_proposal
    _check_folder(folder)
    head = [f"# {prop.title}" if prop.title else "# proposal", "# In UN prose:"]
    head += [f"#   {i}. {line}" for i, line in enumerate(_prose(prop, index), 1)]
    return inside(folder, prop.id, ".yaml"), ("\n".join(head) + "\n" + dump_proposal(prop)).encode("utf-8")


def _check_folder(folder: Path) -> None:
    if folder.is_file():
        raise AssemblerError("is a file; give the folder for the proposal file", file=str(folder),
                             hint="the file is named after the proposal's id, e.g. P-rev1.yaml")
    if not folder.is_dir():
        raise AssemblerError(f"the folder '{folder}' does not exist", file=str(folder),
                             hint="create it first")


def _iso(date: str) -> str:
    from ..dates import iso_day
    return iso_day(date) or ""
