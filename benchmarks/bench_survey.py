"""Issue 19: the survey, in documents per second per core, against poppler's pdftotext (a C
program asked only for each PDF's text: the floor) and pdfplumber's extract_text, on the
same files: the 40 PDFs of ../shared/real/pdf/. The survey runs on one process here (so
its figure is per core) and does all its work: each PDF imported, judged against its own
evidence, its text layer (../shared/real/*.txt, more/*.txt) imported and judged too, and the
two readings compared. Rounds interleave the jobs, each in a forked child; medians of the
rounds, ratios against pdftotext in the same run, and each job's peak memory."""
from __future__ import annotations

from pathlib import Path

from harness import interleaved, pdf_text_baselines, ratio_table

HERE = Path(__file__).resolve().parent
REAL = HERE.parent.parent / "shared" / "real"
ROUNDS = 5


def main() -> None:
    from assembler.corpus import collect
    from assembler.survey.run import survey
    pdfs = sorted((REAL / "pdf").glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {REAL / 'pdf'}: nothing to survey")
        return
    texts = sorted(REAL.glob("*.txt")) + sorted((REAL / "more").glob("*.txt"))
    with_texts = collect(pdfs + texts)
    pdf_only = collect(pdfs)
    n = len(pdfs)
    print(f"{n} PDFs ({len(texts)} with their text layers); {ROUNDS} interleaved rounds, "
          f"medians; one process")

    jobs = pdf_text_baselines(pdfs)
    jobs["survey: PDFs, judged"] = lambda: survey(pdf_only, jobs=1)
    jobs["survey: PDFs and text layers, judged, compared"] = lambda: survey(with_texts, jobs=1)
    times, peaks = interleaved(jobs, ROUNDS)
    print("\n".join(ratio_table(times, peaks, n, "docs/s/core")))
