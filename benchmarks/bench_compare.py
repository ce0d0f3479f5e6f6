"""Issue 6: comparison tables of ten generated versions of a 2,000-unit draft.

Each version is made from the one before by edits in the shape of a negotiating round (words
replaced in 5% of operative paragraphs, 1% deleted, 1% inserted, 0.5% moved), so alignment,
word diffs and every writer do real work. Reported: time and peak memory to build the table
(alignment and word diffs: the baseline) and to build it and write each format; then the
cost per version x unit as versions and units grow (it should stay flat: linear growth).
"""
from __future__ import annotations

import random
import time
from dataclasses import replace

from harness import measure, row
from gen import generate_draft, sentence

from assembler.compare.concordance import build_concordance
from assembler.compare.table import build_table
from assembler.negotiation.versions import Version
from assembler.model import OperativeParagraph, Text
from assembler.writers.tabular.csv import compare_csv
from assembler.writers.docx.comparison import compare_docx
from assembler.writers.html.comparison import compare_html
from assembler.writers.tabular.xlsx import compare_xlsx


def units_of(draft) -> int:
    return sum(1 for _ in draft.units())


def draft_of_units(target: int):
    """A generated draft with about `target` units (operative paragraphs bring their
    sub-paragraphs, headings and footnotes with them)."""
    n = max(10, round(target / 1.55))
    d = generate_draft(n)
    while units_of(d) < target:
        n += 5
        d = generate_draft(n)
    return d


def next_version(draft, k: int, rng: random.Random):
    ops = list(draft.operative)
    paragraphs = [i for i, o in enumerate(ops) if isinstance(o, OperativeParagraph)]
    n = len(paragraphs)
    for i in rng.sample(paragraphs, max(1, n // 20)):          # 5% reworded
        op = ops[i]
        content = list(op.content)
        for j, item in enumerate(content):
            if isinstance(item, Text) and not item.italic and len(item.text) > 20:
                words = item.text.split(" ")
                for _ in range(3):
                    words[rng.randrange(len(words))] = rng.choice(["shall", "should", "may"])
                content[j] = replace(item, text=" ".join(words))
                break
        ops[i] = replace(op, content=tuple(content))
    doomed = set(rng.sample(paragraphs, max(1, n // 100)))    # 1% deleted
    kept = [o for i, o in enumerate(ops) if i not in doomed]
    for m in range(max(1, n // 100)):                          # 1% inserted
        new = OperativeParagraph(f"v{k}n{m}", (Text("Decides", italic=True),
                                              Text(" " + sentence(rng, 30) + ";")))
        kept.insert(rng.randrange(1, len(kept)), new)
    for _ in range(max(1, n // 200)):                          # 0.5% moved
        unit = kept.pop(rng.randrange(1, len(kept)))
        kept.insert(rng.randrange(1, len(kept)), unit)
    meta = draft.metadata.with_values(version=f"v{k}", based_on=draft.metadata.version,
                                      stage="rev", revision=str(k - 1), stage_label=f"Rev.{k - 1}",
                                      date=f"{k} February 2026")
    return replace(draft, operative=tuple(kept), metadata=meta)


def versions(n_versions: int, n_units: int) -> list[Version]:
    rng = random.Random(6)
    d = draft_of_units(n_units)
    out = [Version(d, "v1")]
    for k in range(2, n_versions + 1):
        d = next_version(d, k, rng)
        out.append(Version(d, f"v{k}"))
    return out


def main() -> None:
    vs = versions(10, 2000)
    units = sum(units_of(v.draft) for v in vs)
    print(f"10 versions of a {units_of(vs[0].draft)}-unit draft ({units} units in all)")

    def concs(t):
        return [build_concordance(t, k - 1, k) for k in range(1, len(t.columns))]
    jobs = [
        ("table model (align + word diffs): baseline", lambda: build_table(vs)),
        ("table -> .csv", lambda: compare_csv(build_table(vs))),
        ("table -> .xlsx", lambda: compare_xlsx(build_table(vs))),
        ("table -> .html", lambda: compare_html(build_table(vs))),
        ("table -> .docx", lambda: compare_docx(build_table(vs))),
        ("table + 9 concordances -> .xlsx", lambda: (lambda t: compare_xlsx(t, concs(t)))(build_table(vs))),
        ("table + 9 concordances -> .html", lambda: (lambda t: compare_html(t, concs(t)))(build_table(vs))),
        ("table + 9 concordances -> .docx", lambda: (lambda t: compare_docx(t, concs(t)))(build_table(vs))),
    ]
    base_s = base_m = None
    for name, job in jobs:
        s, m = measure(job, repeat=3)
        if base_s is None:
            base_s, base_m = s, max(m, 0.1)
            print(row(name, s, m))
        else:
            print(row(name, s, m, base_s, base_m))

    print()
    print("growth as versions and units grow: time per unit-version (flat = linear).")
    print("  Wall time is best of three in a forked child (harness.measure); CPU time, less")
    print("  disturbed by other processes on a busy machine, is best of three in this process.")
    print("  The first column is only read; each later one is aligned and diffed against the")
    print("  one before, so the model's cost is also given per compared unit-version.")
    samples = [((nv, nu), versions(nv, nu)) for nv, nu in
               ((2, 2000), (5, 2000), (10, 2000), (10, 500), (10, 1000))]
    forked = []  # wall time and memory first: in-process runs would raise the base of later forks
    for (nv, nu), sample in samples:
        s, m = measure(lambda: build_table(sample), repeat=3)
        docx = None
        if nu == 2000 and nv in (2, 10) or (nv, nu) == (10, 500):
            docx = measure(lambda: compare_docx(build_table(sample)), repeat=2)
        forked.append((s, m, docx))
    build_table(samples[0][1])  # warm up (compiled patterns, imports) before CPU timing
    first = first_cpu = first_docx = None
    for ((nv, nu), sample), (s, m, docx) in zip(samples, forked):
        cells = sum(units_of(v.draft) for v in sample)
        compared = cells - units_of(sample[0].draft)
        cpu = cpu_time(lambda: build_table(sample))
        per, per_cpu = s / cells * 1e6, cpu / compared * 1e6
        first, first_cpu = first or per, first_cpu or per_cpu
        line = (f"{nv:>2} versions x {nu:>4} units: model {s * 1000:6.0f} ms wall "
                f"{per:5.1f} us/unit-version ({per / first:4.2f}x); CPU {cpu * 1000:6.0f} ms "
                f"{per_cpu:5.1f} us/compared ({per_cpu / first_cpu:4.2f}x); {m:5.1f} MiB "
                f"({m / cells * 1024:4.2f} KiB/unit-version)")
        if docx:
            sd, md = docx
            per_d = sd / cells * 1e6
            first_docx = first_docx or per_d
            line += (f"; .docx {sd * 1000:6.0f} ms {per_d:5.1f} us/unit-version "
                     f"({per_d / first_docx:4.2f}x) {md:6.1f} MiB")
        print(line)

def cpu_time(job, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        job()
        best = min(best, time.process_time() - t0)
    return best

if __name__ == "__main__":
    main()
