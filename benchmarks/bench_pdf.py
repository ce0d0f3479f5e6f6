"""Issue 19: importing the UN's own PDFs, in pages per second, against poppler's pdftotext
(a C program asked only for the text: the floor) and pdfplumber's extract_text (the library
the import used before, asked only for its text). The same files for all three: 30 PDFs of
../shared/real/pdf/ and the longest PDF of the development corpus (/work/corpus/pdf/, 59
pages) when it is there. The three run interleaved, round after round, each round in a
forked child (so one's memory does not hide another's); the figure is the median of the
rounds, the ratios are against pdftotext in the same run. The goal: within 10x of pdftotext.
Also: refusing a decompression bomb under the memory ceiling."""
from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from typing import Callable

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


def _once(job: Callable[[], object]) -> tuple[float, float]:
    """Wall time (s) of `job` in a forked child, and the peak memory (MiB) of that child or
    of any process it waited for (the import reads in a bounded grandchild; pdftotext is a
    subprocess): the most any one of them held."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        t0 = time.perf_counter()
        job()
        elapsed = time.perf_counter() - t0
        peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        os.write(w, f"{elapsed} {peak}".encode())
        os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 4096):
        data += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        raise RuntimeError("benchmark job failed in its child process")
    elapsed, peak = map(float, data.split())
    return elapsed, peak / 1024


def main() -> None:
    files = _files()
    if not files:
        print(f"no PDFs in {REAL}: nothing to read")
        return
    pages = _pages(files)
    print(f"{len(files)} PDFs, {pages} pages ({', '.join(f.name for f in files[-1:])} the "
          f"longest); {ROUNDS} interleaved rounds, medians")

    def poppler():
        for f in files:
            subprocess.run(["pdftotext", str(f), "-"], capture_output=True, check=True)

    def plumber():
        import pdfplumber
        for f in files:
            with pdfplumber.open(f) as doc:
                for page in doc.pages:
                    page.extract_text()
                    page.close()

    def ours():
        for f in files:
            read_any(f)

    def facts():
        for f in files:
            printed_from_pdf(f)

    jobs: dict[str, Callable[[], object]] = {}
    if shutil.which("pdftotext"):
        jobs["poppler pdftotext (subprocess)"] = poppler
    try:
        import pdfplumber  # noqa: F401 - the bench extra installs it
        jobs["pdfplumber extract_text"] = plumber
    except ImportError:
        print("pdfplumber is not installed (pip install -e '.[bench]'): its row is left out")
    jobs["assembler: the page facts (printed lines)"] = facts
    jobs["assembler import .pdf -> Draft"] = ours
    times: dict[str, list[float]] = {name: [] for name in jobs}
    peaks: dict[str, float] = {name: 0.0 for name in jobs}
    for _ in range(ROUNDS):
        for name, job in jobs.items():
            s, m = _once(job)
            times[name].append(s)
            peaks[name] = max(peaks[name], m)
    base = statistics.median(times[next(iter(jobs))])
    print(f"{'':<44} {'median':>10} {'pages/s':>9} {'vs first':>9} {'peak RSS':>10}")
    for name in jobs:
        s = statistics.median(times[name])
        print(f"{name:<44} {s * 1000:8.0f} ms {pages / s:9.1f} {s / base:8.1f}x "
              f"{peaks[name]:7.0f} MiB")

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
        s, m = _once(refuse)
        print(f"{'refuse a 3 GiB decompression bomb':<44} {s * 1000:8.0f} ms "
              f"{'':>9} {'':>9} {m:7.0f} MiB")


if __name__ == "__main__":
    main()
