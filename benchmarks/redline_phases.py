"""Where `assembler redline OLD NEW -o OUT` spends its time, phase by phase, in one process
as the command runs them (wall time of each). Interpreter start is measured by the caller
(`python -c pass`).

Usage: python benchmarks/redline_phases.py OLD NEW OUT"""
from __future__ import annotations

import sys
import time

T0 = time.perf_counter()
from assembler.cli import main as _cli  # noqa: E402,F401  (what the console script imports)

T_CLI = time.perf_counter()


def phases(old: str, new: str, out: str) -> list[tuple[str, float]]:
    from pathlib import Path
    from assembler.cli import redlining as verb
    from assembler.compare.authors import attribution_from
    from assembler.compare.redline import build_redline, default_who
    from assembler.files import write_atomic
    from assembler.negotiation import Negotiation
    from assembler.ooxml.reader import reading_together
    verb.check_format(Path(out))
    t_imp = time.perf_counter()
    with reading_together():  # as verb.load_pair, timed one file at a time
        old_d = verb.load_version(Path(old))
        t_old = time.perf_counter()
        new_d = verb.load_version(Path(new))
    t_new = time.perf_counter()
    default = default_who(new_d, "Co-facilitators", "")
    negotiation = Negotiation.of(Path(new), new_d)
    traced = negotiation.provenance_since(new_d, old_d)
    dates = negotiation.proposal_dates() if traced.provenance else {}
    r = build_redline(old_d, new_d, "Co-facilitators", "", attribution_from(traced, default, dates))
    t_diff = time.perf_counter()
    write_atomic(Path(out), verb.render(r, Path(out), False))
    t_write = time.perf_counter()
    return [("import assembler.cli", T_CLI - T0), ("deferred imports", t_imp - T_CLI),
            ("read old", t_old - t_imp), ("read new", t_new - t_old),
            ("align + diff", t_diff - t_new), ("write", t_write - t_diff)]


if __name__ == "__main__":
    for name, seconds in phases(*sys.argv[1:4]):
        print(f"{name}\t{seconds}")
