"""Issue 13: what the worst inputs cost before they are refused (or read), against a
baseline of the same run: `check` of the committed first draft. Each job runs the command
in-process in a forked child (harness.measure), so the memory is that input's alone."""
from __future__ import annotations

import tempfile
from pathlib import Path

from harness import measure, row

ROOT = Path(__file__).resolve().parent.parent
FIRST = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
P01 = ROOT / "amendments" / "gcm-modalities" / "rev1" / "P-01.yaml"

BOMB = "id: P-01\nproposer: A\nbase: first-draft\na: &a [" + ",".join(['"lol"'] * 9) + "]\n" + \
    "".join(f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n"
            for p, c in zip("abcdefg", "bcdefgh")) + "changes: [*h]\n"


def run(*args) -> int:
    from typer.testing import CliRunner
    from assembler.cli import app
    r = CliRunner().invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code


def main() -> None:
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        (tmp / "bomb.yaml").write_text(BOMB)
        (tmp / "values.yaml").write_text("id: P-01\nproposer: A\nbase: x\nchanges:\n"
                                         + "- a\n" * 199_990)
        (tmp / "deep.yaml").write_text("[" * 100_000 + "]" * 100_000)
        (tmp / "prose.md").write_text("---\nid: P-01\nproposer: A\nbase: first-draft\n---\n"
                                      + "In operative paragraph 5, replace “two” with “three”."
                                      "\n" * 5_000)
        big = FIRST.read_text().split("\n\n", 1)
        (tmp / "big.draft").write_text(big[0] + "\n\n" + "\n\n".join(
            f"op *Decides* to meet, paragraph {k}; {{#op{k}}}" for k in range(1, 150_001)) + "\n")
        template = tmp / "t.j2"
        template.write_text("{{ 'x' * 10**10 }}\n")
        jobs = [
            ("check the first draft (baseline)", lambda: run("check", FIRST)),
            ("check /dev/zero", lambda: run("check", "/dev/zero")),
            ("check /dev/urandom", lambda: run("check", "/dev/urandom")),
            ("proposals: billion laughs (9^8 aliases)", lambda: run("proposals", tmp / "bomb.yaml")),
            ("proposals: 199,990 YAML values", lambda: run("proposals", tmp / "values.yaml")),
            ("proposals: nested 100,000 deep", lambda: run("proposals", tmp / "deep.yaml")),
            ("proposals: 5,000 sentences of prose", lambda: run("proposals", tmp / "prose.md")),
            (f"check a {(tmp / 'big.draft').stat().st_size >> 20} MiB draft (150,000 paragraphs)",
             lambda: run("check", tmp / "big.draft")),
            ("build with {{ 'x' * 10**10 }}",
             lambda: run("build", FIRST, "--template", template, "-o", tmp / "x.html")),
        ]
        base_t = base_m = None
        for name, job in jobs:
            t_, m = measure(job, repeat=1)
            print(row(name, t_, m, base_t, base_m))
            if base_t is None:
                base_t, base_m = t_, max(m, 0.1)
