"""Issue 25: a session's lineage over the 78th and 79th sessions' resolutions of the
development corpus (the 659 text layers A_RES_78_*/A_RES_79_* in ../corpus/txt, beside the
checkout's folder; CI has no corpus and this benchmark then says so and stops). Each run
reads every document (cold: an empty cache; cached: the cache a first run left), links them
all and compares every link. One process, so that the figure is per core, then every core
cold. The baseline, in the same rounds: reading the same files' bytes and hashing them (the
least a cached run must do). Interleaved rounds, medians, peak memory."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from harness import interleaved, ratio_table

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "corpus" / "txt"
ROUNDS = 3


def main() -> None:
    files = sorted(CORPUS.glob("A_RES_78_*.txt")) + sorted(CORPUS.glob("A_RES_79_*.txt")) \
        if CORPUS.is_dir() else []
    if not files:
        print(f"no corpus at {CORPUS} (the 78th and 79th sessions' resolutions): "
              f"nothing to link, benchmark skipped")
        return
    from assembler.corpus import collect
    from assembler.lineage.run import compare_all, links_of, read_all
    docs = collect(files, "link")
    n, cores = len(docs), os.cpu_count() or 1
    warm = Path(tempfile.mkdtemp(prefix="lineage-bench-"))

    def lineage(cache: Path, jobs: int) -> None:
        reads = read_all(docs, cache, jobs)
        compare_all(links_of(reads), reads, cache, jobs)

    def cold(jobs: int):
        def job():
            cache = Path(tempfile.mkdtemp(prefix="lineage-cold-"))
            try:
                lineage(cache, jobs)
            finally:
                shutil.rmtree(cache, ignore_errors=True)
        return job

    def baseline():
        import hashlib
        for f in files:
            hashlib.sha256(f.read_bytes()).hexdigest()

    lineage(warm, 0)  # the cache the cached rows read
    print(f"{n} resolutions (text layers); {ROUNDS} interleaved rounds, medians; "
          f"{cores} cores")
    jobs = {"read and hash every file (baseline)": baseline,
            "lineage, cold cache, one process": cold(1),
            "lineage, cached, one process": lambda: lineage(warm, 1),
            f"lineage, cold cache, every core ({cores})": cold(0)}
    try:
        times, peaks = interleaved(jobs, ROUNDS)
    finally:
        shutil.rmtree(warm, ignore_errors=True)
    print("\n".join(ratio_table(times, peaks, n, "docs/s")))
    every = times[f"lineage, cold cache, every core ({cores})"]
    print(f"per core: cold {n / times['lineage, cold cache, one process']:.1f} docs/s on one "
          f"process, {n / every / cores:.1f} docs/s/core on {cores}; cached "
          f"{n / times['lineage, cached, one process']:.1f} docs/s on one process "
          f"({times['lineage, cold cache, one process'] / times['lineage, cached, one process']:.1f}x "
          f"quicker than cold)")
