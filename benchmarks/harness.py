"""Measuring time and peak memory: each measurement runs in a forked child, so one job's
memory does not hide another's. Report figures as ratios against a baseline of the same run."""
from __future__ import annotations

import os
import resource
import time
from typing import Any, Callable


def _in_child(job: Callable[[], object]) -> tuple[float, float, float]:
    """Run `job` once in a forked child: its wall time (s), the memory it added to the child
    (MiB), and the peak memory of the child or of any process it waited for (MiB)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        job()
        elapsed = time.perf_counter() - t0
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        waited = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        os.write(w, f"{elapsed} {own - base} {max(own, waited)}".encode())
        os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 4096):
        data += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        raise RuntimeError("benchmark job failed in its child process")
    elapsed, extra, peak = map(float, data.split())
    return elapsed, extra / 1024, peak / 1024


def measure(job: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Best wall time (s) over `repeat` runs and peak extra memory (MiB) of one run."""
    runs = [_in_child(job) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def row(name: str, seconds: float, mib: float, base_s: float | None = None,
        base_mib: float | None = None) -> str:
    ratio = f"{seconds / base_s:6.2f}x" if base_s else "   base"
    mratio = f"{mib / base_mib:6.2f}x" if base_mib else ""
    return f"{name:<44} {seconds * 1000:10.1f} ms {ratio}   {mib:8.1f} MiB {mratio}"


def run_once(job: Callable[[], object]) -> tuple[float, float]:
    """Wall time (s) of one run of `job` in a forked child, and the peak memory (MiB) of that
    child or of any process it waited for (a PDF is read in a bounded grandchild; pdftotext
    is a subprocess): the most any one of them held. For interleaved rounds."""
    elapsed, _, peak = _in_child(job)
    return elapsed, peak


def interleaved(jobs: dict[str, Any], rounds: int, run: Callable = run_once, warm: bool = False
                ) -> tuple[dict[str, float], dict[str, float]]:
    """Run every job once per round, round after round (so a busy machine slows all alike),
    each by `run` (default: in a forked child; run_command for a command line), after one
    warm-up run of each when `warm`: the median time (s) and the peak memory (MiB) of each."""
    import statistics
    for job in jobs.values() if warm else ():
        run(job)
    times: dict[str, list[float]] = {name: [] for name in jobs}
    peaks: dict[str, float] = {name: 0.0 for name in jobs}
    for _ in range(rounds):
        for name, job in jobs.items():
            s, m = run(job)
            times[name].append(s)
            peaks[name] = max(peaks[name], m)
    return {name: statistics.median(t) for name, t in times.items()}, peaks


def pdf_text_baselines(files: list) -> dict[str, Callable[[], object]]:
    """The floors a PDF reader is measured against, on `files`: poppler's pdftotext (a C
    program asked only for the text) and pdfplumber's extract_text (the library the import
    used before; the bench extra installs it). Those not installed are left out, said so."""
    import shutil
    import subprocess
    jobs: dict[str, Callable[[], object]] = {}

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
    if shutil.which("pdftotext"):
        jobs["poppler pdftotext (subprocess)"] = poppler
    else:
        print("pdftotext is not installed (make sysdeps): its row is left out")
    from importlib.util import find_spec
    if find_spec("pdfplumber"):  # the bench extra installs it
        jobs["pdfplumber extract_text"] = plumber
    else:
        print("pdfplumber is not installed (pip install -e '.[bench]'): its row is left out")
    return jobs


def ratio_table(times: dict[str, float], peaks: dict[str, float], count: int, per: str,
                width: int = 48) -> list[str]:
    """The rows of an interleaved run: median time, `count` things (`per`: "pages/s",
    "docs/s/core") a second, the ratio against the first job, peak memory."""
    base = times[next(iter(times))]
    out = [f"{'':<{width}} {'median':>10} {per:>12} {'vs first':>9} {'peak RSS':>10}"]
    for name, s in times.items():
        out.append(f"{name:<{width}} {s * 1000:8.0f} ms {count / s:12.1f} {s / base:8.1f}x "
                   f"{peaks[name]:7.0f} MiB")
    return out


# A command runs as a user runs it: with Python's cache of compiled modules (pip compiles
# them at install), even where this shell turned the cache off (PYTHONDONTWRITEBYTECODE),
# else every run would time the compiler on every module it imports.
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_command(command: list[str]) -> tuple[float, float]:
    """Wall time (s) of one command run as a user runs it, its output discarded, and the peak
    memory (MiB) of it or of any process it waited for (wait4's usage covers both)."""
    import subprocess
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=USER_ENV)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {err.decode(errors='replace')[-500:]}")
    return elapsed, usage.ru_maxrss / 1024


def commands_interleaved(commands: dict[str, list[str]], rounds: int
                         ) -> tuple[dict[str, float], dict[str, float]]:
    """Each command once per round, round after round, after one warm-up run of each: the
    median wall time (s) and the peak memory (MiB) of each."""
    return interleaved(commands, rounds, run=run_command, warm=True)
