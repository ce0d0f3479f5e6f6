"""Measuring time and peak memory: each measurement runs in a forked child, so one job's
memory does not hide another's. Report figures as ratios against a baseline of the same run."""
from __future__ import annotations

import os
import resource
import time
from typing import Callable


def measure(job: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Best wall time (s) over `repeat` runs and peak extra memory (MiB) of one run."""
    best = float("inf")
    peak = 0.0
    for _ in range(repeat):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(r)
            base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            t0 = time.perf_counter()
            job()
            elapsed = time.perf_counter() - t0
            extra = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
            os.write(w, f"{elapsed} {extra}".encode())
            os._exit(0)
        os.close(w)
        data = b""
        while chunk := os.read(r, 4096):
            data += chunk
        os.close(r)
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            raise RuntimeError("benchmark job failed in its child process")
        elapsed, extra = map(float, data.split())
        best = min(best, elapsed)
        peak = max(peak, extra / 1024)
    return best, peak


def row(name: str, seconds: float, mib: float, base_s: float | None = None,
        base_mib: float | None = None) -> str:
    ratio = f"{seconds / base_s:6.2f}x" if base_s else "   base"
    mratio = f"{mib / base_mib:6.2f}x" if base_mib else ""
    return f"{name:<44} {seconds * 1000:10.1f} ms {ratio}   {mib:8.1f} MiB {mratio}"


def run_once(job: Callable[[], object]) -> tuple[float, float]:
    """Wall time (s) of one run of `job` in a forked child, and the peak memory (MiB) of that
    child or of any process it waited for (a PDF is read in a bounded grandchild; pdftotext
    is a subprocess): the most any one of them held. For interleaved rounds."""
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
