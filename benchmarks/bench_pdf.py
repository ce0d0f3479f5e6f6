"""Issue 19: importing the UN's own PDFs, in pages per second, against poppler's pdftotext
(a C program asked only for the text: the floor) and pdfplumber's extract_text (the library
the import used before, asked only for its text). The same files for all three: 30 PDFs of
../shared/real/pdf/ and the longest PDF of the development corpus (/work/corpus/pdf/, 59
pages) when it is there. The three run interleaved, round after round, each round in a
forked child (so one's memory does not hide another's); the figure is the median of the
rounds, the ratios are against pdftotext in the same run. The goal: within 10x of pdftotext.
Also: refusing a decompression bomb under the memory ceiling."""
from __future__ import annotations

from pathlib import Path

from harness import interleaved, pdf_text_baselines, ratio_table, run_once

from assembler.errors import AssemblerError
from assembler.readers import read_any
from assembler.readers.pdf import printed_from_pdf

HERE = Path(__file__).resolve().parent
REAL = HERE.parent.parent / "shared" / "real" / "pdf"
LONG = Path("/work/corpus/pdf/A_RES_79_144.pdf")  # the most pages among the corpus
ROUNDS = 5


def _files() -> list[Path]:
    files = sorted(REAL.glob("*.pdf"))[:30]
    if LONG.exists():
        files.append(LONG)
    return files


def _pages(files: list[Path]) -> int:
    import pymupdf
    total = 0
    for f in files:
        with pymupdf.open(f) as doc:
            total += doc.page_count
    return total


def main() -> None:
    files = _files()
    if not files:
        print(f"no PDFs in {REAL}: nothing to read")
        return
    pages = _pages(files)
    print(f"{len(files)} PDFs, {pages} pages ({', '.join(f.name for f in files[-1:])} the "
          f"longest); {ROUNDS} interleaved rounds, medians")

    def ours():
        for f in files:
            read_any(f)

    def facts():
        for f in files:
            printed_from_pdf(f)

    jobs = pdf_text_baselines(files)
    jobs["assembler: the page facts (printed lines)"] = facts
    jobs["assembler import .pdf -> Draft"] = ours
    times, peaks = interleaved(jobs, ROUNDS)
    print("\n".join(ratio_table(times, peaks, pages, "pages/s", 44)))

    bomb = HERE / ".." / "tests"
    import sys
    sys.path.insert(0, str(bomb.resolve()))
    import pdffiles
    import tempfile
    with tempfile.TemporaryDirectory() as t:
        path = Path(t) / "bomb.pdf"
        path.write_bytes(pdffiles.inflating(3.0))

        def refuse():
            try:
                printed_from_pdf(path)
            except AssemblerError:
                return
            raise RuntimeError("the bomb was read")
        s, m = run_once(refuse)
        print(f"{'refuse a 3 GiB decompression bomb':<44} {s * 1000:8.0f} ms "
              f"{'':>12} {'':>9} {m:7.0f} MiB")


if __name__ == "__main__":
    main()
