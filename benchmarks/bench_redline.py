"""Redline speed: two generated versions of a ~2,100-paragraph draft, 5% of paragraphs edited
(words replaced, paragraphs inserted, deleted and moved), both written to .docx by our writer.
Times the command end to end as a user runs it, `assembler redline old.docx new.docx -o
out.docx`, beside the peer on the same pair in the same run, interleaved, median of at least
5: python-redlines' Docxodus engine (benchmarks/peer_redline.py; the bench extra installs
it, never a runtime dependency). Reports peak memory, the change marks each produced against
the edits made, and where our time goes phase by phase."""
from __future__ import annotations

import io
import os
import random
import sys
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen import WORDS, generate_draft  # noqa: E402
from harness import USER_ENV, commands_interleaved, run_command  # noqa: E402

from assembler.model import CrossRef, OperativeParagraph, Text  # noqa: E402
from assembler.numbering import compute_labels  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
N_OPS = 1400  # with sub-paragraphs, preamble and headings: about 2,100 paragraphs


def edit(draft, share: float = 0.05, seed: int = 7):
    """Edit `share` of the paragraphs: 60% one word replaced, 15% deleted, 15% inserted,
    10% moved. Returns (new draft, counts of each edit)."""
    rng = random.Random(seed)
    n_units = sum(1 for _ in draft.units()) - len(draft.footnotes)
    n = round(n_units * share)
    counts = {"words": 0, "deleted": 0, "inserted": 0, "moved": 0}
    ops = list(draft.operative)
    # a paragraph another one cites is never deleted (the draft would not load)
    touched: set[str] = {i.target for u in draft.units() for i in getattr(u, "content", ())
                         if isinstance(i, CrossRef)}
    plain_ops = lambda: [i for i, o in enumerate(ops) if isinstance(o, OperativeParagraph)  # noqa: E731
                         and not o.children and o.id not in touched]
    for k in range(n):
        r = rng.random()
        if r < 0.60:
            i = rng.choice(plain_ops())
            op = ops[i]
            items = list(op.content)
            t = next(j for j, x in enumerate(items) if isinstance(x, Text) and not x.italic)
            words = items[t].text.split(" ")
            w = rng.randrange(1, len(words) - 1)
            words[w] = rng.choice([x for x in WORDS if x != words[w]])
            items[t] = replace(items[t], text=" ".join(words))
            ops[i] = replace(op, content=tuple(items))
            counts["words"] += 1
        elif r < 0.75:
            i = rng.choice(plain_ops())
            touched.add(ops[i].id)
            del ops[i]
            counts["deleted"] += 1
        elif r < 0.90:
            i = rng.randrange(len(ops))
            new = OperativeParagraph(f"new{k}", (Text("Decides", italic=True),
                                                 Text(" " + " ".join(rng.choice(WORDS) for _ in range(30)) + ";")))
            touched.add(new.id)
            ops.insert(i, new)
            counts["inserted"] += 1
        else:
            i = rng.choice(plain_ops())
            unit = ops.pop(i)
            touched.add(unit.id)
            ops.insert(min(len(ops), i + rng.randrange(20, 200)), unit)
            counts["moved"] += 1
    return replace(draft, operative=tuple(ops)), counts


def renumbered_refs(old, new) -> int:
    """Cross-references whose printed number changed (fields Word counts again, no mark)."""
    lo, ln = compute_labels(old), compute_labels(new)
    ids = {u.id for u in new.units()}
    n = 0
    for u in new.units():
        for item in getattr(u, "content", ()):
            if isinstance(item, CrossRef) and item.target in ids and item.target in lo \
                    and lo[item.target].number != ln[item.target].number:
                n += 1
    return n


def marks(docx: bytes) -> int:
    """Change marks a reader sees: each w:ins, w:del, w:moveFrom, w:moveTo around text
    (paragraph-mark changes, which ride with them, are not counted)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    total = 0
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        for name in ("word/document.xml", "word/footnotes.xml"):
            if name not in z.namelist():
                continue
            root = etree.fromstring(z.read(name), parser)
            for tag in ("ins", "del", "moveFrom", "moveTo"):
                total += sum(1 for el in root.iter(W + tag) if el.getparent().tag != W + "rPr")
    return total


def phase_table(old: Path, new: Path, out: Path, rounds: int, command: list[str]) -> list[str]:
    """The phases of one redline in one process (benchmarks/redline_phases.py), median of
    `rounds` runs each, with interpreter start (`python -c pass`) first; what `command` (the
    redline end to end, run in the same rounds) took beyond them is the command line's own
    reading (cli/light.py, without typer) and the process's exit."""
    import statistics
    import subprocess
    script = str(HERE / "redline_phases.py")
    runs: dict[str, list[float]] = {}
    whole: list[float] = []
    for _ in range(rounds):
        runs.setdefault("interpreter start", []).append(
            run_command([sys.executable, "-c", "pass"])[0])
        text = subprocess.run([sys.executable, script, str(old), str(new), str(out)],
                              capture_output=True, text=True, check=True, env=USER_ENV).stdout
        for line in text.splitlines():
            name, seconds = line.split("\t")
            runs.setdefault(name, []).append(float(seconds))
        whole.append(run_command(command)[0])
    medians = {name: statistics.median(t) for name, t in runs.items()}
    end_to_end = statistics.median(whole)
    medians["arguments, exit (rest)"] = max(end_to_end - sum(medians.values()), 0.0)
    rows = [f"{'phase (median of ' + str(rounds) + ')':<28} {'time':>9} {'share':>6}"]
    rows += [f"{name:<28} {s * 1000:6.0f} ms {s / end_to_end:6.0%}"
             for name, s in medians.items()]
    rows.append(f"{'end to end (same rounds)':<28} {end_to_end * 1000:6.0f} ms")
    return rows


ROUNDS = int(os.environ.get("BENCH_REDLINE_ROUNDS", "5"))  # at least 5
GOAL = 30.0  # issue 24: at least 30x faster than the peer, end to end


def main() -> None:
    from assembler.writers.docx.draft import build_docx

    old = generate_draft(N_OPS)
    new, counts = edit(old)
    refs = renumbered_refs(old, new)
    paragraphs = sum(1 for _ in old.units()) - len(old.footnotes)
    tmp = Path(tempfile.mkdtemp(prefix="bench-redline-"))
    # the inputs are Word files, written by our writer from the generated drafts
    (tmp / "old.docx").write_bytes(build_docx(old))
    (tmp / "new.docx").write_bytes(build_docx(new))
    expected = 2 * counts["words"] + counts["deleted"] + counts["inserted"] + 2 * counts["moved"]
    print(f"{paragraphs} paragraphs; edits: {counts}; {refs} cross-references renumbered")
    # a renumbered reference to an operative paragraph is a field Word counts: no mark
    print(f"change marks the edits call for: {expected} (renumbered references follow unmarked)")

    bin_dir = Path(sys.executable).parent
    docx = [str(tmp / "old.docx"), str(tmp / "new.docx")]
    commands = {"assembler redline old.docx new.docx -o out.docx":
                [str(bin_dir / "assembler"), "redline", *docx, "-o", str(tmp / "ours.docx")]}
    from importlib.util import find_spec
    if find_spec("python_redlines") and find_spec("python_redlines_docxodus"):
        commands["python-redlines (Docxodus, moves on)"] = \
            [sys.executable, str(HERE / "peer_redline.py"), *docx, str(tmp / "peer.docx")]
    else:  # the bench extra installs it: pip install -e '.[bench]'
        print("peer: python-redlines[docxodus] is not installed (pip install -e '.[bench]'); "
              "ours alone")
    # issue 24's start-up goals, taken in the same rounds: --version and --help against
    # the interpreter's own start (benchmarks/bench_startup.py times them alone, more often)
    startup = {"python -c pass": [sys.executable, "-c", "pass"],
               "assembler --version": [str(bin_dir / "assembler"), "--version"],
               "assembler --help": [str(bin_dir / "assembler"), "--help"]}
    times, peaks = commands_interleaved({**commands, **startup}, max(ROUNDS, 5))
    print(f"end to end, .docx in and out, median of {max(ROUNDS, 5)} interleaved rounds:")
    width = max(map(len, commands))
    print(f"{'':<{width}} {'median':>9} {'peak RSS':>9} {'marks':>6}")
    produced = {}
    for name, out in zip(commands, ("ours.docx", "peer.docx")):
        produced[name] = marks((tmp / out).read_bytes())
        print(f"{name:<{width}} {times[name] * 1000:6.0f} ms {peaks[name]:5.0f} MiB "
              f"{produced[name]:6d}")
    ours, *peer = commands
    if peer:
        ratio = times[peer[0]] / times[ours]
        print(f"ours is {ratio:.1f}x faster than the peer (goal {GOAL:.0f}x: "
              f"{'met' if ratio >= GOAL else 'MISSED'}), {peaks[peer[0]] / peaks[ours]:.1f}x "
              f"less memory; marks: ours {produced[ours]}, the edits call for {expected}, "
              f"the peer {produced[peer[0]]}")
    base = times["python -c pass"]
    print(f"start-up in the same rounds: python -c pass {base * 1000:.0f} ms; " + "; ".join(
        f"{name} {times[name] * 1000:.0f} ms, {times[name] / base:.2f}x (goal <= {goal:.0f}x: "
        f"{'met' if times[name] / base <= goal else 'MISSED'})"
        for name, goal in (("assembler --version", 2.0), ("assembler --help", 3.0))))
    print()
    print("\n".join(phase_table(tmp / "old.docx", tmp / "new.docx", tmp / "phases.docx",
                               max(ROUNDS, 5), commands[ours])))


if __name__ == "__main__":
    main()
