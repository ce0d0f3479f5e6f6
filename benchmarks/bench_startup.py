"""Start-up: `assembler --version`, `--help` and `import --help` against `python -c pass`.

Each command runs as a user runs it, a subprocess with its output piped; the commands take
turns within each round (interleaved), so a busy machine slows them alike, and each is
reported as its median and as a ratio to the median of `python -c pass` of the same run.
Goals (issue 24): --version within 2x, --help within 3x."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import USER_ENV  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_STARTUP_ROUNDS", "15"))  # at least 7
BIN = Path(sys.executable).parent
ASSEMBLER = str(BIN / "assembler")
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "assembler --version": [ASSEMBLER, "--version"],
    "assembler --help": [ASSEMBLER, "--help"],
    "assembler import --help": [ASSEMBLER, "import", "--help"],
}
GOALS = {"assembler --version": 2.0, "assembler --help": 3.0}


def wall(command: list[str]) -> float:
    """Seconds from start to exit, run as a user runs it (with the bytecode cache:
    harness.USER_ENV); a failing command fails the benchmark."""
    t0 = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env=USER_ENV)
    return time.perf_counter() - t0


def measure(rounds: int = ROUNDS) -> dict[str, float]:
    """Median wall time of each command over `rounds` interleaved rounds."""
    for command in COMMANDS.values():  # warm the file cache and .pyc files first
        wall(command)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(max(rounds, 7)):
        for name, command in COMMANDS.items():
            times[name].append(wall(command))
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    medians = measure()
    base = medians["python -c pass"]
    print(f"{'command (median of ' + str(max(ROUNDS, 7)) + ', interleaved)':<44} "
          f"{'time':>10}    ratio  goal")
    for name, seconds in medians.items():
        goal = GOALS.get(name)
        verdict = "" if goal is None else \
            f"<= {goal:.0f}x {'met' if seconds / base <= goal else 'MISSED'}"
        print(f"{name:<44} {seconds * 1000:7.1f} ms {seconds / base:7.2f}x  {verdict}")


if __name__ == "__main__":
    main()
