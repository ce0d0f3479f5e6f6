"""Survey many documents: read each one (its PDF, its text layer, its Word file), judge every
reading against the document's own evidence (checks.py), and compare the PDF's reading with
the text layer's where both are given. Work is spread over processes, one document at a time
each, so memory stays that of the largest document times the number of workers.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..corpus import ORDER, Document, parallel, read_file
from ..errors import AssemblerError
from ..inline import plain
from ..model import Draft, table_notes
from .checks import Finding, judge

@dataclass
class Judged:
    """One file's reading (its PDF, text layer or Word file), judged."""
    kind: str
    file: str
    counts: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)  # PP, OP, sub, footnotes, annex
    findings: list[Finding] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0
    units: list[tuple[str, str]] = field(default_factory=list)  # (kind, text), for agreement


@dataclass
class Row:
    """A document's verdict: `exact` when every reading passed every check and the readings
    agree, else `review` with each finding."""
    name: str
    symbol: str = ""
    stage: str = ""
    readings: list[Judged] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # what was seen and outweighed: a text layer's faults and differences where the page's
    # own reading passed every check (the page wins); said, never failing the document
    notes: list[Finding] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return "exact" if not self.findings and self.readings else "review"

    @property
    def counts(self) -> tuple[int, ...]:
        return self.readings[0].counts if self.readings else (0, 0, 0, 0, 0)

    @property
    def causes(self) -> list[str]:
        return sorted({f.check for f in self.findings})


def survey_one(doc: Document) -> Row:
    row = Row(doc.name)
    for kind in ORDER:
        if kind not in doc.files:
            continue
        path = doc.files[kind]
        start = time.perf_counter()
        reading = Judged(kind, str(path))
        try:
            result = read_file(path)
        except AssemblerError as err:
            reading.error = str(err)
            reading.findings = [Finding("error", f"{path.name}: {err.message}")]
        except Exception as err:  # a crash on one document must not stop the survey
            reading.error = f"{type(err).__name__}: {err}"
            reading.findings = [Finding("error", f"{path.name}: the reader failed "
                                                 f"({type(err).__name__}: {err})")]
        else:
            draft = result.draft
            reading.counts = counts(draft, result.reading)
            reading.findings = judge(draft, result.reading)
            reading.units = unit_texts(draft)
            row.symbol = row.symbol or draft.metadata.symbol
            row.stage = row.stage or draft.metadata.stage
        reading.seconds = time.perf_counter() - start
        row.readings.append(reading)
    agree = agreement(row.readings)
    page = next((r for r in row.readings if r.kind == "pdf" and not r.error), None)
    page_passed = page is not None and not page.findings
    for reading in row.readings:
        said = [Finding(f.check, f"{reading.kind}: {f.message}", f.page, f.line)
                for f in reading.findings]
        if page_passed and reading is not page and _page_wins(page, reading, agree):
            row.notes += said
        else:
            row.findings += said
    if page_passed and all(_page_wins(page, r, agree) for r in row.readings
                           if r is not page):
        row.notes += [Finding(f.check, f"{f.message}; the page's reading is kept", f.page,
                              f.line) for f in agree]
    else:
        row.findings += agree
    return row


def _page_wins(page: Judged, text: Judged, agree: list[Finding]) -> bool:
    """Where the PDF's reading passed every check, does it outweigh this text layer's?
    When the two agree, the page settles the text's doubts and faults. When they differ
    in words only, or the text's reading failed checks of its own, the text layer is at
    fault (the page's words are checked line by line) and the page wins. So it does where
    the text reads fewer annex paragraphs and all else alike: a text layer loses the blank
    line under an annex's short headings ("Targets:", A/RES/79/233; "As a follow-up ...,
    we:", A/RES/78/4) and runs them into the paragraph before, where the page shows the gap.
    Two readings that each pass every check yet give other differences leave the checks
    blind to one of them: review."""
    if text.error or not agree or page.counts == text.counts:
        return True
    if page.counts[:4] == text.counts[:4] and page.counts[4] > text.counts[4]:
        return True
    return bool(text.findings)


def counts(draft: Draft, reading=None) -> tuple[int, int, int, int, int]:
    """PP, OP, sub-paragraphs, notes and annex paragraphs as the page prints them: a
    printed document's notes as read under its rules (a note printed twice word for word,
    read as one footnote, counts twice), a Word file's as its footnotes; a table counts
    as one, its lettered notes with it."""
    subs = sum(1 for u in draft.units() if u.kind == "sub")
    numbered = reading.notes if reading is not None else \
        sum(1 for f in draft.footnotes if f.id[2:].isdigit())
    notes = numbered + sum(1 for f in draft.footnotes if not f.id[2:].isdigit()) \
        + bool(draft.metadata.get("sponsors-footnote"))
    return (len(draft.preambular_paragraphs()), len(draft.operative_paragraphs()), subs, notes,
            sum(len(a.body) - len(table_notes(a)) for a in draft.annexes))


def unit_texts(draft: Draft) -> list[tuple[str, str]]:
    out = []
    for unit in draft.units():
        content = getattr(unit, "content", None)
        if content is not None:
            out.append((unit.kind, " ".join(plain(content, lambda t: "#",
                                                  note=lambda f: f"[{f}]").split())))
    return out


def agreement(readings: list[Judged]) -> list[Finding]:
    """The page's reading and the text layer's must give the same units and words."""
    done = [r for r in readings if not r.error]
    out = []
    for other in done[1:]:
        first = done[0]
        if first.counts != other.counts:
            out.append(Finding("agreement", f"{first.kind} reads {_counts(first.counts)}, "
                                            f"{other.kind} {_counts(other.counts)}"))
            continue
        for n, (a, b) in enumerate(zip(first.units, other.units), 1):
            if a != b:
                out.append(Finding("agreement", f"unit {n} ({a[0]}) differs: {first.kind} "
                                                f"'{_diff_at(a[1], b[1])}'"))
                break
    return out


def _counts(c: tuple[int, ...]) -> str:
    return "{} PP, {} OP, {} sub, {} notes, {} annex".format(*c)


def _diff_at(a: str, b: str) -> str:
    k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"...{a[max(0, k - 20):k + 20]}' vs '...{b[max(0, k - 20):k + 20]}"


def survey(docs: list[Document], jobs: int = 0,
           tick: Callable[[Row], None] | None = None) -> list[Row]:
    """Survey `docs` on `jobs` processes (0: every core); `tick` is told of each row."""
    rows: list[Row] = []
    for row in parallel(survey_one, docs, jobs):
        rows.append(row)
        if tick:
            tick(row)
    order = {d.name: k for k, d in enumerate(docs)}
    return sorted(rows, key=lambda r: order[r.name])


def summary(rows: list[Row]) -> dict:
    """Documents exact, in review, and in review by cause (a document counts once per cause)."""
    causes: Counter = Counter()
    for r in rows:
        causes.update(r.causes)
    exact = sum(r.verdict == "exact" for r in rows)
    return {"documents": len(rows), "exact": exact, "review": len(rows) - exact,
            "causes": dict(causes.most_common()),
            "page wins": sum(r.verdict == "exact" and bool(r.notes) for r in rows)}
