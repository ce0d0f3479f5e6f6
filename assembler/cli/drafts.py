"""Verbs on one draft: import, check, build."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

import typer

from ..errors import AssemblerError
from ..fs.locks import holding
from .common import app, plural, rendering, say, verb


@app.command("import")
@verb
@holding(exclusive=("output",))
def import_(
    source: Path = typer.Argument(..., help="the draft: text (.txt, .md), Word (.docx) or "
                                            "Akoma Ntoso (.akn.xml)"),
    output: Path = typer.Option(..., "-o", "--output", help="the draft source to write (.draft); "
                                "with --changes proposals, the folder for the proposals; an "
                                "issued amendment (.txt, .docx) is read into a proposal (.yaml)"),
    negotiation: str = typer.Option("", help="negotiation name (default: the output's folder)"),
    name: str = typer.Option("", "--name", help="the version's name (default: the output's file name)"),
    old_name: str = typer.Option("", "--version", hidden=True),  # its old spelling
    changes: str = typer.Option("accept", "--changes", help="tracked changes in a .docx: accept, "
                                "reject, or proposals (one proposal per author)"),
    base: Optional[Path] = typer.Option(None, help="a Word file: the draft source it was made "
                                        "from (a reference typed over without Track Changes is "
                                        "then kept as typed; with --changes proposals, the base "
                                        "of the proposals, default: the file's original text)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="do not list warnings"),
    replace_files: bool = typer.Option(False, "--replace", help="with --changes proposals: replace "
                                 "proposal files of the same ids (their histories are lost)"),
    proposal_id: str = typer.Option("", "--id", help="an amendment read into a proposal: its "
                                    "id (default: from its symbol)"),
):
    """Read a UN draft into a draft source, keeping every word.

    Example: assembler import ../shared/seed/000_97f5620c005065cf.txt -o drafts/gcm-modalities/first-draft.draft

    Example: assembler import zero-draft.docx -o drafts/gcm-modalities/zero-draft.draft

    Example: assembler import returned.docx --changes proposals -o amendments/gcm-modalities/

    Example: assembler import A_C.3_80_L.61.txt --base l20-rev1.draft -o amendments/rights-of-the-child/L-61.yaml
    """
    # imported here, not at the top: `assembler import --help` needs none of them
    from ..check import check_draft
    from ..fs.names import check_name
    from ..readers import read_any
    from ..source import save_draft
    if changes not in ("accept", "reject", "proposals"):
        raise AssemblerError(f"--changes {changes}: use accept, reject or proposals")
    version = name or old_name
    if version:
        check_name(version, "a version name", "--name" if name else "--version")
    if output.suffix.lower() in (".yaml", ".yml"):   # an issued amendment -> a proposal
        from .amendment import import_amendment
        return import_amendment(source, output, base, proposal_id, replace_files)
    if source.suffix.lower() == ".docx" and changes == "proposals":
        from .interchange import proposals_from_word
        return proposals_from_word(source, output, base, quiet, replace_files)
    if output.suffix != ".draft":
        # a draft source under a .docx or .pdf name would fool whoever opens it next
        raise AssemblerError("import writes a draft source", file=str(output),
                             hint="give an output ending in .draft; build documents from it "
                                  "with 'assembler build'")
    if source.suffix.lower() == ".docx":
        from ..readers.docx import read_docx_draft
        from ..source import load_draft
        result = read_docx_draft(source, changes=changes, negotiation=negotiation,
                                 base=load_draft(base) if base else None,
                                 version=version or output.stem)
        if not result.draft.metadata.negotiation:
            result.draft = replace(result.draft, metadata=result.draft.metadata.with_values(
                negotiation=output.resolve().parent.name))
    else:
        result = read_any(source, negotiation=negotiation or output.resolve().parent.name,
                          version=version or output.stem)
    problems = [f for f in check_draft(result.draft) if f.problem]
    if problems:  # never write what `check` would refuse
        raise AssemblerError(f"the text read into a draft that check refuses: {problems[0]}"
                             f"{f' (and {len(problems) - 1} more)' if len(problems) > 1 else ''}",
                             file=str(source), hint="nothing written; fix the source text or "
                                                    "report the file")
    save_draft(result.draft, output)
    if not quiet:
        for warning in result.warnings:
            say(str(warning))
    say(f"wrote {output}: {import_summary(result.draft)}, {plural(len(result.warnings), 'warning')}")
    for line in verdict_lines(result):
        say(line)


def verdict_lines(result) -> list[str]:
    """A printed document's reading judged against its own evidence (as `survey` does): the
    guesses above are confirmed when it is exact, doubted where a check failed."""
    if result.reading is None:
        return []
    from ..survey.checks import judge
    findings = judge(result.draft, result.reading)
    if not findings:
        return [f"verdict: exact (its printed numbers and labels, footnotes and every word "
                f"check out{'; the guesses above are confirmed' if result.warnings else ''})"]
    return [f"verdict: review ({plural(len(findings), 'check')} failed; the reading may be "
            f"wrong there)"] + [f"  doubt: {f}" for f in findings]


def import_summary(d) -> str:
    """What an import found: the face, and how many units of each kind."""
    meta = d.metadata
    face = " ".join(x for x in (meta.stage, meta.symbol) if x)
    subs = sum(1 for u in d.units() if u.kind == "sub")
    annex = sum(len(a.body) for a in d.annexes)
    sponsors = " (and the sponsors footnote)" if meta.get("sponsors-footnote") else ""
    return (f"{face + ', ' if face else ''}{len(d.preambular_paragraphs())} preambular, "
            f"{plural(len(d.operative_paragraphs()), 'operative paragraph')}, "
            f"{plural(subs, 'sub-paragraph')}, {plural(len(d.footnotes), 'footnote')}{sponsors}, "
            f"{plural(len(d.annexes), 'annex', 'annexes')} with {plural(annex, 'paragraph')}")


@app.command()
@verb
def check(
    draft: Path = typer.Argument(..., help="a draft source (.draft)"),
    strict: bool = typer.Option(False, help="count style notes as problems too"),
):
    """Validate a draft source: exit 0 valid, 1 problems found, 2 unreadable.

    Example: assembler check drafts/gcm-modalities/first-draft.draft
    """
    from ..check import check_draft
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
        say(f"{draft}: {plural(problems, 'problem')} found")
        raise typer.Exit(1)
    typer.echo(f"{draft}: valid ({sum(1 for _ in d.units())} units)")


@app.command()
@verb
def build(
    draft: Path = typer.Argument(..., help="a draft source (.draft)"),
    output: Path = typer.Option(..., "-o", "--output", help="the document to write (.docx, .pdf, .html, .txt)"),
    layout: Optional[Path] = typer.Option(None, help="a layout .toml (default templates/un-layout.toml)"),
    stage: Optional[str] = typer.Option(None, help="override the stage for this build: elements, "
                                        "zero, first, rev, final, mapping, L, L-rev, adopted"),
    symbol: Optional[str] = typer.Option(None, help="override the document symbol (A/71/L.58)"),
    date: Optional[str] = typer.Option(None, help="override the date"),
    job_number: Optional[str] = typer.Option(None, "--job-number", help="override the job number (17-05719)"),
    with_letter: bool = typer.Option(False, "--with-letter", help="put the covering letters "
                                     "(<version>.letters.toml beside the draft) before the draft"),
    letter_data: Optional[Path] = typer.Option(None, "--letter-data", help="the letters' data "
                                               "(default: <version>.letters.toml beside the draft)"),
    template: Optional[Path] = typer.Option(None, help="your own HTML template (.j2), rendered "
                                            "sandboxed; may extend draft.html.j2"),
    emblem: Optional[Path] = typer.Option(None, help="the UN emblem (PNG or JPEG) you supply, set "
                                          "in an issued face's masthead as the UN's documents "
                                          "have it (none ships; layout [masthead] emblem)"),
):
    """Build a UN-format document from a draft source; the format follows the extension
    (.docx, .pdf, .html, .txt) and the face follows the draft's stage.

    Example: assembler build drafts/gcm-modalities/first-draft.draft -o build/first-draft.docx

    Example: assembler build drafts/gcm-modalities/l-document.draft --stage L-rev --symbol A/71/L.58/Rev.1 --date "4 April 2017" -o build/l58-rev1.pdf
    """
    from ..dates import checked_day
    from ..files import write_atomic
    from ..layout import load_layout
    from ..publish import checked, compose, override
    from ..source import load_draft
    if date:
        checked_day(date, "--date")
    values = {"stage": stage, "symbol": symbol, "date": date, "job_number": job_number}
    d = override(load_draft(draft), **values)
    d = checked(d, draft, {k for k, v in values.items() if v is not None})
    look = load_layout(layout)
    if emblem is not None:
        look = look.with_emblem(emblem)
    with rendering(output):
        data = compose(d, output, look, draft_path=draft, with_letter=with_letter,
                       letter_data=letter_data, template=template)
    write_atomic(output, data)
    say(f"wrote {output}")
