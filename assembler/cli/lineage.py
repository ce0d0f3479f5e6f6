"""The lineage verb: a session's resolutions linked to the ones they continue, and what
changed."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import AssemblerError, ProblemsFound
from .common import app, progress_bar, say, verb

REPORTS = (".html", ".csv", ".xlsx")


@app.command()
@verb
def lineage(
    paths: List[Path] = typer.Argument(..., help="resolutions of several sessions (.pdf, .txt, "
                                                 ".json text layers, .docx) or folders"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="the report: .html "
                                          "(one sortable page with a plot), .csv or .xlsx"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="processes (default: every core)"),
    redlines: Optional[Path] = typer.Option(None, "--redlines", metavar="FOLDER",
                                            help="write each link's redline and comparison "
                                                 "table there (the report links to them)"),
    redline_format: str = typer.Option("html", "--redline-format", metavar="html|docx",
                                       help="the redlines' format"),
    cache: Optional[Path] = typer.Option(None, "--cache", metavar="FOLDER",
                                         help="drafts read once, kept by content hash "
                                              "(default: .assembler-cache beside the report)"),
    every: bool = typer.Option(False, "--all", help="list every link, not only the doubtful"),
):
    """Link each resolution to the one of an earlier session it continues, and say what
    changed.

    The evidence is what the documents carry: the same or a similar title, the same agenda
    item, the earlier resolution recalled by number in the first preambular paragraphs,
    shared wording. Each link is sure, likely or doubtful, its evidence and doubts written
    out; a resolution with no predecessor among the documents is unlinked (a new topic, or
    one whose predecessor was not given: the latest resolution it recalls is named). Exit 0,
    or 1 when a document could not be read.

    Example: assembler lineage ../shared/real/more ../shared/real/pdf -o build/lineage.html --redlines build/lineage
    """
    from ..corpus import collect
    from ..files import check_output_path, write_atomic
    from ..lineage.report import Entry, screen_lines, to_csv, to_html, to_xlsx
    from ..lineage.run import compare_all, links_of, read_all
    if output is not None:
        if output.suffix.lower() not in REPORTS:
            raise AssemblerError("the report is written as .html, .csv or .xlsx",
                                 file=str(output))
        check_output_path(output)
    if redline_format not in ("html", "docx"):
        raise AssemblerError(f"--redline-format {redline_format}: give html or docx")
    if jobs < 0:
        raise AssemblerError(f"--jobs {jobs}: give a number of processes, or 0 for every core")
    docs = collect(paths, "link")
    folder = cache or (output.parent if output is not None else Path(".")) / ".assembler-cache"
    with progress_bar("reading", len(docs), "from the cache") as tick:
        reads = read_all(docs, folder, jobs, lambda r: tick(r.cached))
    failed = [r for r in reads if r.error]
    say(f"read {len(reads)} documents, {sum(r.cached for r in reads)} of them from the cache "
        f"{folder}")
    for r in failed:
        say(f"error: {r.error}")
    links = links_of(reads)
    with progress_bar("comparing", sum(l.linked for l in links)) as tick:
        compared = compare_all(links, reads, folder, jobs, redlines, f".{redline_format}",
                               lambda c: tick())
    pages = (redlines.resolve() if redlines else None)
    base = (output.parent.resolve() if output is not None else Path.cwd())
    entries = []
    for link in links:
        c = compared.get(link.document.name)
        entries.append(Entry(link, c.change if c else None,
                             _relative(pages, c.comparison, base) if c else "",
                             _relative(pages, c.redline, base) if c else "",
                             c.error if c else ""))
    for line in screen_lines(entries, every):
        say(line)
    if output is not None:
        suffix = output.suffix.lower()
        data = to_html(entries) if suffix == ".html" else \
            to_csv(entries) if suffix == ".csv" else to_xlsx(entries)
        write_atomic(output, data)
        say(f"wrote {output}")
    if failed:
        raise typer.Exit(ProblemsFound.exit_code)


def _relative(pages: Path | None, name: str, base: Path) -> str:
    """A page's address as the report links it: relative to the report's folder."""
    if not pages or not name:
        return ""
    import os
    return Path(os.path.relpath(pages / name, base)).as_posix()
