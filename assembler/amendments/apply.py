"""Applying proposals to a base version: Draft + proposals -> next Draft + what made it.

Pure: nothing here reads files. Every change is placed against the base text (never against
another change's result), so the order proposals come in does not change the outcome, and
two changes that cannot both be made are reported as conflicts (conflicts.py).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..errors import AssemblerError, ProblemsFound
from ..inline import cross_refs, plain
from ..model import Draft, OperativeParagraph, SubParagraph, contents_of
from .conflicts import ConflictsFound, find_conflicts, resolve
from .kinds import Building, Planning, kind
from .kinds.base import error
from .batch import collector_paused
from .carry import carry_proposal
from .model import PARTS, Change, Proposal, selected
from .record import Applied, ApplyRecord, NotApplicable
from .targets import UnitIndex
from .words import Edit, UnitWords

_LEVEL = {"pp": "preamble", "op": "operative", "heading": "operative", "sub": "sub"}


@dataclass
class Planned:
    """A change resolved against the base version: ids instead of labels, words located."""
    change: Change
    proposal: Proposal
    unit: str                 # the unit changed (or inserted)
    order: tuple              # (proposal id, change number): ties are broken the same always
    edit: Edit | None = None  # word changes
    ref: str = ""             # insert/move: the reference unit or part
    position: str = ""
    new_unit: object = None   # insert-unit: the unit made


Versions = Callable[[str], "Draft | None"]


def apply_proposals(base: Draft, proposals, *, mode: str = "accepted",
                    prefer: tuple[str, ...] = (), versions: Versions | None = None,
                    metadata: dict | None = None) -> tuple[Draft, ApplyRecord]:
    """Apply the selected proposals' changes to `base`. Raises AssemblerError for a change
    that cannot be placed (exit 2) and ConflictsFound / ProblemsFound (exit 1)."""
    with collector_paused():
        return _apply(base, proposals, mode, prefer, versions, metadata)


def _apply(base, proposals, mode, prefer, versions, metadata):
    chosen = selected(proposals, mode)
    index = UnitIndex(base)
    record = ApplyRecord(base.metadata.version)
    cache: dict[str, UnitWords] = {}
    planned = plan(base, index, chosen, record, versions, cache)
    record.notes = [f"{p.change.id} ({p.proposal.proposer}), {index.label_of(p.unit)}: "
                    f"{p.edit.note}" for p in planned if p.edit is not None and p.edit.note]
    parents = parent_map(base)
    conflicts = find_conflicts(planned, parents, index.short_of)
    dropped, left = resolve(conflicts, prefer)
    if left:
        raise ConflictsFound(left)
    for p in planned:
        if id(p) in dropped:
            record.overridden.append((_applied(p, index), "overridden by a preferred proposal"))
    kept = [p for p in planned if id(p) not in dropped]
    draft = build(base, index, kept, cache)
    record.applied = sorted((_applied(p, index) for p in kept), key=lambda a: _order(a.change))
    values = {"based_on": base.metadata.version}
    values.update(metadata or {})
    draft = replace(draft, metadata=draft.metadata.with_values(**values),
                    provenance=tuple(a.provenance() for a in record.applied))
    _check_references(draft, base, index, record)
    return draft, record


def _order(change: Change) -> tuple:
    pid, _, n = change.id.rpartition("/")
    return (pid, int(n) if n.isdigit() else 0)


def _applied(p: Planned, index: UnitIndex) -> Applied:
    e = p.edit
    return Applied(p.change, p.proposal, p.unit, index.short_of(p.unit) if p.unit in index.units
                   else "new", e.deleted if e else "", e.inserted if e else "",
                   (e.s, e.e) if e else None)


def parent_map(draft: Draft) -> dict[str, str | None]:
    parents: dict[str, str | None] = {}

    def walk(unit, parent):
        parents[unit.id] = parent
        for child in getattr(unit, "children", ()):
            walk(child, unit.id)
    for u in draft.preamble:
        parents[u.id] = None
    for u in draft.operative:
        walk(u, None)
    return parents


# ---------------------------------------------------------------- resolving

def plan(base: Draft, index: UnitIndex, proposals, record: ApplyRecord,
         versions: Versions | None, words_cache: dict | None = None) -> list[Planned]:
    """Resolve every change against the base (`words_cache` keeps each unit's words)."""
    out: list[Planned] = []
    ctx = Planning(index, words_cache)
    seen_ids: set[str] = set()
    for prop in proposals:
        if prop.id in seen_ids:
            raise AssemblerError(f"two proposals have the id '{prop.id}'", file=prop.file,
                                 hint="give every proposal an id of its own")
        seen_ids.add(prop.id)
        changes = prop.effective_changes
        if prop.base and base.metadata.version and prop.base != base.metadata.version:
            changes = carry_proposal(prop, changes, base, index, versions, record)
        for n, change in enumerate(changes, 1):
            if not change.id:
                change = replace(change, id=f"{prop.id}/{n}")
            out += kind(change.kind).plan(Planned(change, prop, "", _order(change)), ctx)
    # Inserted and moved units may be placed next to units that other changes insert.
    for p in out:
        if p.ref and p.ref not in index.units and p.ref not in PARTS:
            if p.ref not in ctx.new_ids:
                raise error(p, index.describe_missing(p.change.destination or p.change.target))
        if p.ref:
            _check_level(p, index, ctx.new_ids)
    return out


def _check_level(p: Planned, index: UnitIndex, new_ids: dict) -> None:
    kind = p.new_unit.kind if p.new_unit is not None else index.units[p.unit].kind
    ref = p.ref
    ref_kind = ref if ref in PARTS else (new_ids.get(ref) or index.units[ref].kind)
    level = _LEVEL[kind]
    if p.position in ("start", "end"):
        ok = (level == "preamble" and ref == "preamble") or \
             (level == "operative" and ref == "operative") or \
             (level == "sub" and ref_kind in ("op", "sub"))
    else:
        ok = ref not in PARTS and _LEVEL.get(ref_kind) == level
    if not ok:
        what = {"pp": "a preambular paragraph", "op": "an operative paragraph",
                "heading": "a heading", "sub": "a sub-paragraph"}[kind]
        where = index.label_of(ref) if ref in index.units or ref in PARTS else ref
        raise error(p, f"{what} cannot go {p.position} {where}",
                   hint="put paragraphs among paragraphs of their kind; a sub-paragraph goes "
                        "before or after another, or at the start or end of a paragraph")


# ---------------------------------------------------------------- building

def build(base: Draft, index: UnitIndex, planned: list[Planned],
          cache: dict | None = None) -> Draft:
    b = Building()
    for p in planned:
        kind(p.change.kind).build(p, b)
    for lst in b.places.values():
        lst.sort(key=lambda p: p.order)
    contents, places, moved, deleted, new_units = b.contents, b.places, b.moved, b.deleted, \
        b.new_units
    for uid, eds in b.edits.items():
        words = (cache or {}).get(uid) or UnitWords(index.units[uid].content, index.number)
        contents[uid] = words.apply(eds)
    placed: list[str] = []

    def lookup(uid):
        return new_units.get(uid) or index.units[uid]

    def rebuild(unit):
        if unit.id in contents:
            unit = replace(unit, content=contents[unit.id])
        if isinstance(unit, (OperativeParagraph, SubParagraph)):
            unit = replace(unit, children=emit_list(unit.children, unit.id))
        return unit

    def emit_placed(key, out):
        for p in places.get(key, ()):
            placed.append(p.unit)
            emit(lookup(p.unit), out, here=True)

    def emit(unit, out, here=False):
        if unit.id in moved and not here:
            return
        emit_placed((unit.id, "before"), out)
        if unit.id not in deleted:
            out.append(rebuild(unit))
        emit_placed((unit.id, "after"), out)

    def emit_list(items, parent):
        out: list = []
        emit_placed((parent, "start"), out)
        for unit in items:
            emit(unit, out)
        emit_placed((parent, "end"), out)
        return tuple(out)

    preamble = emit_list(base.preamble, "preamble")
    operative = emit_list(base.operative, "operative")
    footnotes = tuple(rebuild(f) for f in base.footnotes)
    annexes = tuple(replace(a, body=tuple(rebuild(b) if b.id in contents else b for b in a.body))
                    for a in base.annexes)
    expected = [p for p in planned if p.ref]
    if len(placed) != len(expected) or len(set(placed)) != len(placed):
        missing = [p for p in expected if p.unit not in placed]
        p = missing[0] if missing else expected[0]
        raise error(p, f"{p.unit} could not be placed {p.position} {p.ref}",
                   hint="its reference unit is deleted, or lies inside the unit being moved")
    meta = base.metadata
    if "title" in contents:   # the title is metadata, amended as a unit (targets.Title)
        meta = meta.with_values(title=plain(contents["title"]))
    return replace(base, preamble=preamble, operative=operative, footnotes=footnotes,
                   annexes=annexes, metadata=meta)


def _check_references(draft: Draft, base: Draft, index: UnitIndex, record: ApplyRecord) -> None:
    """A paragraph may not be deleted while another still refers to it."""
    ids = {u.id for u in draft.units()}
    who = {a.unit: a for a in record.applied if a.change.kind == "delete-unit"}
    problems = []
    for unit in draft.units():
        for content in contents_of(unit):
            for target in cross_refs(content):
                if target not in ids:
                    by = who.get(target)
                    by_text = f", which {by.change.id} ({by.proposal.proposer}) deletes" if by else ""
                    problems.append(f"{unit.id} refers to {index.short_of(target)}{by_text}")
    if problems:
        raise ProblemsFound("; ".join(problems[:5]) + (" ..." if len(problems) > 5 else ""),
                            hint="amend the referring text too, or keep the paragraph")
