"""The survey verb: read many documents and say which readings are exact."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import AssemblerError, ProblemsFound
from .common import app, progress_bar, say, verb


@app.command()
@verb
def survey(
    paths: List[Path] = typer.Argument(..., help="documents (.pdf, .txt, .json text layers, "
                                                 ".docx) or folders holding them"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="the report: .html "
                                          "(one sortable page) or .csv"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="processes (default: every core)"),
    every: bool = typer.Option(False, "--all", help="list exact documents too"),
):
    """Import every document and judge each reading against what the document proves.

    A document's PDF and its text layer (same name) are read both and must agree. A reading
    is exact when its printed numbers and labels, footnotes, words, paragraph starts and
    references all check out; otherwise it is to review, each failed check with its page
    and line. Exit 0 when every document is exact, 1 when some are to review.

    Example: assembler survey ../shared/real/pdf ../shared/real/more -o build/survey.html
    """
    from ..files import write_atomic
    from ..survey.report import screen_lines, to_csv, to_html
    from ..corpus import collect
    from ..survey.run import survey as run
    if output is not None and output.suffix.lower() not in (".html", ".csv"):
        raise AssemblerError("the report is written as .html or .csv", file=str(output))
    if jobs < 0:
        raise AssemblerError(f"--jobs {jobs}: give a number of processes, or 0 for every core")
    docs = collect(paths)
    with progress_bar("surveying", len(docs), "to review") as tick:
        rows = run(docs, jobs, lambda row: tick(row.verdict != "exact"))
    for line in screen_lines(rows, every):
        say(line)
    if output is not None:
        data = to_html(rows) if output.suffix.lower() == ".html" else to_csv(rows)
        write_atomic(output, data)
        say(f"wrote {output}")
    if any(r.verdict != "exact" for r in rows):
        raise typer.Exit(ProblemsFound.exit_code)
