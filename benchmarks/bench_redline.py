"""Redline speed: two generated versions of a ~2,100-paragraph draft, 5% of paragraphs edited
(words replaced, paragraphs inserted, deleted and moved). Times `assembler redline` to .docx
(read both .draft files, align, diff, write) beside the best peer available in the same run:
python-redlines' Docxodus engine on the same pair as .docx (install it with
`pip install 'python-redlines[docxodus]'`; optional, never a runtime dependency), else none.
Also counts the change marks each produced against the edits made."""
from __future__ import annotations

import io
import os
import random
import resource
import sys
import tempfile
import time
import zipfile
from dataclasses import replace
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen import WORDS, generate_draft  # noqa: E402
from harness import measure, row  # noqa: E402

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
    """Cross-references whose printed number changed (each is a del and an ins)."""
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


def measure_child_process(job, repeat: int = 2) -> tuple[float, float]:
    """Best time and peak memory of a job that runs an external program (its memory is the
    child's, which the harness cannot see)."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        pid = os.fork()
        if pid == 0:
            t0 = time.perf_counter()
            job()
            elapsed = time.perf_counter() - t0
            kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            with open(f"/tmp/.bench_redline_{os.getpid()}", "w") as fh:
                fh.write(f"{elapsed} {kids}")
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        path = f"/tmp/.bench_redline_{pid}"
        if status != 0 or not os.path.exists(path):
            raise RuntimeError("peer job failed")
        elapsed, kids = map(float, open(path).read().split())
        os.unlink(path)
        best, peak = min(best, elapsed), max(peak, kids / 1024)
    return best, peak


def main() -> None:
    from assembler.compare.redline import build_redline
    from assembler.files import write_atomic
    from assembler.source import load_draft, save_draft
    from assembler.writers.docx.draft import build_docx
    from assembler.writers.docx.redline import build_redline_docx

    old = generate_draft(N_OPS)
    new, counts = edit(old)
    refs = renumbered_refs(old, new)
    paragraphs = sum(1 for _ in old.units()) - len(old.footnotes)
    tmp = Path(tempfile.mkdtemp(prefix="bench-redline-"))
    save_draft(old, tmp / "old.draft")
    save_draft(new, tmp / "new.draft")
    old_docx, new_docx = build_docx(old), build_docx(new)
    (tmp / "old.docx").write_bytes(old_docx)
    (tmp / "new.docx").write_bytes(new_docx)
    expected = 2 * counts["words"] + counts["deleted"] + counts["inserted"] + 2 * counts["moved"]
    print(f"{paragraphs} paragraphs; edits: {counts}; {refs} cross-references renumbered")
    print(f"change marks the edits call for: {expected} (+{2 * refs} for renumbered references)")

    def ours():
        r = build_redline(load_draft(tmp / "old.draft"), load_draft(tmp / "new.draft"))
        write_atomic(tmp / "ours.docx", build_redline_docx(r))

    s, mib = measure(ours)
    our_marks = marks((tmp / "ours.docx").read_bytes())
    print(row("assembler redline -> .docx", s, mib))
    print(f"{'':<44} change marks: {our_marks}")

    os.environ.setdefault("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
    try:
        from python_redlines.engines import DocxodusEngine
        engine = DocxodusEngine()
    except Exception as err:  # not installed: report ours alone
        print(f"peer: python-redlines[docxodus] not available ({type(err).__name__}); "
              "pip install 'python-redlines[docxodus]' to compare")
        return

    def peer():
        out, _, _ = engine.run_redline("Peer", str(tmp / "old.docx"), str(tmp / "new.docx"),
                                       detect_moves=True)
        (tmp / "peer.docx").write_bytes(out)

    ps, pmib = measure_child_process(peer)
    peer_marks = marks((tmp / "peer.docx").read_bytes())
    print(row("python-redlines (Docxodus, moves on)", ps, pmib, s, mib))
    print(f"{'':<44} change marks: {peer_marks}")
    print(f"ours is {ps / s:.1f}x faster than the peer, with {our_marks} marks against its "
          f"{peer_marks}")


if __name__ == "__main__":
    main()
