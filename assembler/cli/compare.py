"""Verbs for archivists: compare (versions side by side), concordance, history."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import AssemblerError
from ..files import check_output_path, write_atomic
from .common import app, plural, say, verb


def _progress():
    return say if sys.stderr.isatty() else None


def _versions(specs: List[str]):
    """Version files in the order given, or a negotiation (name or folder) for all of its
    versions in based_on order; with the negotiation they belong to."""
    from ..negotiation import Negotiation, load_versions
    if len(specs) == 1 and not specs[0].endswith(".draft"):
        negotiation = Negotiation.named(specs[0])
        return negotiation.versions(), negotiation
    versions = load_versions(specs)
    return versions, Negotiation.of(Path(versions[0].source), versions[0].draft)


def _table(versions, negotiation, proposals: bool, title: str = "", lang=None):
    from ..compare.provenance import version_record
    from ..compare.table import build_table
    records = None
    if proposals:
        facts = negotiation.proposal_facts(warn=say)
        records = [version_record(v, facts) for v in versions]
    title = title or versions[-1].draft.metadata.title
    return build_table(versions, records, title=title, progress=_progress(), lang=lang)


def _concordances(table, pairs: str):
    from ..compare.concordance import build_concordance
    n = len(table.columns)
    if n < 2:
        return []
    if pairs == "last":
        return [build_concordance(table, n - 2, n - 1)]
    if pairs == "each":
        return [build_concordance(table, k - 1, k) for k in range(1, n)]
    if pairs == "first-last":
        return [build_concordance(table, 0, n - 1)]
    raise AssemblerError(f"unknown --pairs '{pairs}'", hint="use last, each or first-last")


@app.command()
@verb
def compare(
    versions: List[str] = typer.Argument(..., metavar="VERSIONS...", help="version files, oldest first (or one "
                                                   "negotiation name: all its versions)"),
    output: Path = typer.Option(..., "-o", "--output", help="the table to write: .docx, .html, "
                                                            ".csv or .xlsx"),
    proposals: bool = typer.Option(True, "--proposals/--no-proposals",
                                   help="columns for the proposals, proposers and status "
                                        "behind each change"),
    concordance: bool = typer.Option(True, "--concordance/--no-concordance",
                                     help="add concordance tables after the comparison "
                                          "(.docx, .html, .xlsx)"),
    pairs: str = typer.Option("each", help="which concordances: each (every version against "
                                           "the one before), last, first-last"),
    title: str = typer.Option("", help="title over the table (default: the draft's title)"),
    changed_only: bool = typer.Option(False, "--changed-only",
                                      help="leave out the units no version changed"),
):
    """Every version side by side, one row per unit, changes marked, proposers named.

    Example: assembler compare drafts/gcm-modalities/first-draft.draft drafts/gcm-modalities/rev1.draft drafts/gcm-modalities/rev2.draft -o build/comparison.xlsx
    """
    from ..writers import check_format, writer_for
    suffix = check_format("comparison", output)
    check_output_path(output)
    vs, negotiation = _versions(versions)
    if len(vs) < 2:
        raise AssemblerError("a comparison needs two or more versions", file=vs[0].source,
                             hint="name the versions oldest first")
    table = _table(vs, negotiation, proposals, title)
    concs = _concordances(table, pairs) if concordance and suffix != ".csv" else []
    if changed_only:
        table = table.changed_only()
    write_atomic(output, writer_for("comparison", output)(table, concs))
    say(f"wrote {output}: {plural(len(table.rows), 'row')} x {plural(len(table.columns), 'version')}"
        + (f", {plural(len(concs), 'concordance table')}" if concs else ""))


@app.command("concordance")
@verb
def concordance_(
    versions: List[str] = typer.Argument(..., metavar="VERSIONS...", help="version files, oldest first (or one "
                                                   "negotiation name)"),
    output: Path = typer.Option(..., "-o", "--output", help=".docx, .html, .csv or .xlsx"),
    pairs: str = typer.Option("last", help="which versions to set against each other: last "
                                           "(the newest against the one before), each "
                                           "(every version against the one before), "
                                           "first-last"),
):
    """Each paragraph number of the newer version against the numbers it came from, with
    the proposers who contributed (as UNFCCC facilitators publish).

    Example: assembler concordance drafts/gcm-modalities/rev1.draft drafts/gcm-modalities/rev2.draft -o build/concordance.html
    """
    from ..compare.wording import say as say_words
    from ..writers import check_format, writer_for
    suffix = check_format("comparison", output)
    check_output_path(output)
    vs, negotiation = _versions(versions)
    if len(vs) < 2:
        raise AssemblerError("a concordance needs two or more versions", file=vs[0].source)
    table = _table(vs, negotiation, True)
    concs = _concordances(table, pairs)
    if suffix == ".csv" and len(concs) > 1:
        raise AssemblerError("a .csv file holds one table", file=str(output),
                             hint="use --pairs last or first-last, or write .xlsx")
    title = say_words(table.lang, "concordance-of", title=table.title) if table.title else ""
    write_atomic(output, writer_for("comparison", output)(None, concs, title=title))
    say(f"wrote {output}: {plural(sum(len(c.rows) for c in concs), 'row')}")


@app.command()
@verb
def history(
    negotiation: str = typer.Argument(..., help="a negotiation name under drafts/ or its folder"),
    unit: str = typer.Argument(..., help="a unit id (op14.a) or a number as a version "
                                         "printed it ('OP 14 (a)', 'PP 3')"),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="also write it: .txt, .docx, .html, .csv, .xlsx"),
):
    """The life of one paragraph through every version: each change and who made it.

    Example: assembler history gcm-modalities "OP 6 (b)"
    """
    from ..compare.history import history_text, unit_history
    from ..lang import ENGLISH
    from ..negotiation import Negotiation
    if output is not None and output.suffix.lower() not in (".txt", ".md"):
        from ..writers import check_format
        check_format("comparison", output)
    if output is not None:
        check_output_path(output)
    neg = Negotiation.named(negotiation)
    # on the terminal, the words of CLI output (English); in a file, the drafts' language
    table = _table(neg.versions(), neg, True, lang=ENGLISH if output is None else None)
    story = unit_history(table, unit, str(neg.folder))
    text = history_text(story)
    if output is None:
        typer.echo(text)
        return
    if output.suffix.lower() in (".txt", ".md"):
        write_atomic(output, text.encode("utf-8"))
    else:
        from ..writers import writer_for
        write_atomic(output, writer_for("comparison", output)(story, []))
    say(f"wrote {output}")
