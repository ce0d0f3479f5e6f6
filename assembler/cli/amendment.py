"""The amendment document both ways: amendment-doc writes the document that tables a
proposal; import_amendment (through `import ... -o NAME.yaml --base DRAFT`) reads one back."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import AssemblerError
from ..files import write_atomic
from ..source import load_draft
from .common import app, say, verb


@app.command("amendment-doc")
@verb
def amendment_doc(
    proposal: Path = typer.Argument(..., help="the proposal (.yaml, .md or .txt)"),
    base: Path = typer.Option(..., "--base", help="the draft it amends (.draft, with a symbol)"),
    output: Path = typer.Option(..., "-o", "--output", help="the document (.docx, .pdf, .html)"),
    symbol: str = typer.Option("", "--symbol", help="the amendment's own symbol, e.g. "
                                                    "A/C.3/80/L.99 (default: the "
                                                    "proposal's, when it was imported)"),
    date: str = typer.Option("", help="its date (default: the proposal's)"),
    job_number: str = typer.Option("", "--job-number", help="its job number, e.g. 25-18382"),
):
    """Write a proposal as the UN issues an amendment: masthead, proposers, title, instructions.

    The proposers' line reads "X: amendment to draft resolution A/..."; the numbered
    instructions are in UN prose.

    Example: assembler amendment-doc amendments/gcm-modalities/rev1/P-14.md --base drafts/gcm-modalities/l-document.draft --symbol A/71/L.60 -o build/P-14.docx
    """
    from ..amendments.document import document_for
    from ..amendments.yamlio import load_proposal
    from ..writers import writer_for
    write = writer_for("amendment", output)
    draft = load_draft(base)
    prop = load_proposal(proposal)
    if prop.base != draft.metadata.version:
        raise AssemblerError(f"the proposal is against '{prop.base}', not "
                             f"'{draft.metadata.version}'", file=str(proposal),
                             hint=f"give --base the draft of version '{prop.base}'")
    doc = document_for(prop, draft, symbol=symbol, date=date, job_number=job_number)
    write_atomic(output, write(doc))
    say(f"wrote {output}: {doc.symbol}, {len(doc.instructions)} instruction(s) by "
        f"{doc.submitted.split(':')[0]}")


def import_amendment(source: Path, output: Path, base: Optional[Path], pid: str,
                     replace: bool) -> None:
    """`assembler import AMENDMENT -o P.yaml --base DRAFT`: the proposal an issued amendment
    makes, written whole or not at all."""
    from ..amendments.document import proposal_from_document, read_document
    from ..amendments.prose import change_to_prose
    from ..amendments.targets import UnitIndex
    from ..amendments.yamlout import dump_proposal
    from ..fs.names import check_name
    from ..readers.amendment import read_amendment_lines
    if base is None:
        raise AssemblerError("importing an amendment needs --base DRAFT, the draft it amends",
                             file=str(source))
    draft = load_draft(base)
    lines, masthead = read_amendment_lines(source)
    doc = read_document(lines, masthead, str(source))
    symbol = doc.values.get("symbol", "")
    pid = check_name(pid or symbol.replace("/", "-") or output.stem, "a proposal id", "--id")
    prop = proposal_from_document(doc, draft, pid, str(source))
    index = UnitIndex(draft)
    head = [f"# {symbol or source.name}: amendment read from {source.name}", "# In UN prose:"]
    head += [f"#   {i}. {change_to_prose(c, index)}" for i, c in enumerate(prop.changes, 1)]
    head[1] = (f"# In UN prose, a change a line ({len(prop.instructions)} instruction(s) as "
               "issued under 'instructions:'):")
    write_atomic(output, ("\n".join(head) + "\n" + dump_proposal(prop)).encode("utf-8"),
                 replace=replace, replace_hint="add --replace to replace it")
    for line, note in doc.notes:
        say(f"note: {source}:{line}: {note}" if line else f"note: {source}: {note}")
    say(f"wrote {output}: {prop.proposer}"
        f"{' and ' + str(len(prop.co_sponsors)) + ' co-sponsor(s)' if prop.co_sponsors else ''}"
        f", {len(prop.changes)} change(s) against {prop.base}")
