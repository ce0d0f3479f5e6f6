"""Issue 4: validate and apply 1,000 / 10,000 / 100,000 changes from 300 proposers on a
2,000-unit draft. Validation is what a proposal file goes through once parsed (the JSON
Schema, then the model); applying includes resolving labels, locating anchor words, the
conflict check and renumbering. Cost must grow no faster than n log n in the changes."""
from __future__ import annotations

import math

from harness import measure, row
from gen import generate_draft

from assembler.amendments import apply_proposals
from assembler.amendments.batch import collector_paused
from assembler.amendments.model import Proposal, StatusEntry, number_changes
from assembler.amendments.targets import UnitIndex
from assembler.amendments.words import UnitWords
from assembler.amendments.yamlio import changes_of, schema_error

PROPOSERS = 300
SIZES = (1_000, 10_000, 100_000)


def bench_draft():
    draft = generate_draft(1300)  # 20 PP, 1,300 OP, 13 headings, 650 sub-paragraphs, notes
    return draft


def candidates(draft):
    """Per unit, its possible changes: single-word replacements, deletions and insertions on
    every other word (non-overlapping), and new paragraphs after it, interleaved."""
    index = UnitIndex(draft)
    per_unit = []
    for n, unit in enumerate(u for u in draft.units() if u.kind in ("pp", "op", "sub")):
        words = UnitWords(unit.content, lambda t: index.labels[t].number)
        text = words.text
        spans, pos = [], 0
        for w in text.split(" "):
            if w.isalpha() and pos > 0:
                spans.append((pos, pos + len(w)))
            pos += len(w) + 1
        items = []
        label = index.short_of(unit.id) if n % 2 else unit.id  # half by label, half by id
        for k, (s, e) in enumerate(spans[::2]):
            word = text[s:e]
            found = words.occurrences(word)
            occ = found.index(s) + 1 if len(found) > 1 else 0
            who = (n + k % 2) % PROPOSERS  # two proposers share a unit's words
            kind = ("replace-words", "delete-words", "insert-words")[k % 3]
            m = {"kind": kind, "target": label}
            if kind == "insert-words":
                m.update(after=word, text="and others")
            else:
                m.update(words=word)
                if kind == "replace-words":
                    m["text"] = "regional"
            if occ:
                m["occurrence"] = occ
            items.append((who, m))
        inserts = [(n % PROPOSERS, {"kind": "insert-unit", "unit": unit.kind, "after": unit.id,
                                    "text": f"*Decides* new text {k};"}) for k in range(60)]
        # The same mix at every size: one change in three on words, two new paragraphs.
        mixed = []
        while items or inserts:
            take_word = (len(mixed) + n) % 3 == 0
            mixed.append((items if (take_word and items) or not inserts else inserts).pop(0))
        per_unit.append(mixed)
    return per_unit


def proposals_data(per_unit, n: int) -> list[dict]:
    """The first n changes, taken round-robin over the units, grouped by proposer."""
    picked: dict[int, list] = {}
    taken, r = 0, 0
    while taken < n:
        for items in per_unit:
            if r < len(items) and taken < n:
                who, m = items[r]
                picked.setdefault(who, []).append(m)
                taken += 1
        r += 1
    return [{"id": f"P-{who:03d}", "proposer": f"Delegation {who}", "base": "v1",
             "changes": changes, "status": [{"status": "accepted", "date": "2026-01-01"}]}
            for who, changes in sorted(picked.items())]


def validate(data: list[dict]) -> list[Proposal]:
    """What load_proposals does to each parsed file (with the cycle collector paused, as
    there)."""
    with collector_paused():
        return _validate(data)


def _validate(data: list[dict]) -> list[Proposal]:
    out = []
    for d in data:
        problem = schema_error(d, "bench", 0)
        assert problem is None, problem
        changes = changes_of(d["changes"], "bench", 0)
        out.append(Proposal(d["id"], d["proposer"], d["base"], number_changes(d["id"], changes),
                            history=(StatusEntry("accepted"),)))
    return out


def main() -> None:
    draft = bench_draft()
    units = sum(1 for _ in draft.units())
    per_unit = candidates(draft)
    print(f"draft: {units} units; {PROPOSERS} proposers")
    base_t = base_m = None
    results = []
    for n in SIZES:
        data = proposals_data(per_unit, n)
        props = validate(data)
        new, record = apply_proposals(draft, props)  # once outside the timing: it must work
        assert len(record.applied) == n, (len(record.applied), n)

        def job(data=data):
            apply_proposals(draft, validate(data))
        t, m = measure(job, repeat=3 if n < 100_000 else 1)
        print(row(f"validate + apply {n:>7,} changes", t, m, base_t, base_m))
        if base_t is None:
            base_t, base_m = t, m
        results.append((n, t))
    for (n1, t1), (n2, t2) in zip(results, results[1:]):
        bound = (n2 * math.log(n2)) / (n1 * math.log(n1))
        print(f"{n1:>7,} -> {n2:>7,} changes: time x{t2 / t1:.2f} "
              f"(n log n allows x{bound:.2f}; linear x{n2 / n1:.0f})")
    for n, t in results:
        print(f"{n:>7,} changes: {t / n * 1e6:.1f} µs a change")


if __name__ == "__main__":
    main()
