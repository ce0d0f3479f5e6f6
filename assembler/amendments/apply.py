"""Applying proposals to a base version: Draft + proposals -> next Draft + what made it.

Pure: nothing here reads files. Proposals are placed side by side against the base text
(never against another proposal's result), so the order they come in does not change the
outcome, and two changes of different proposals that cannot both be made are reported as
conflicts (conflicts.py). Within one proposal, an amendment document, the instructions are
read in order (ordered.py): each applies to the text as the ones before it left it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from ..errors import AssemblerError, Problems, ProblemsFound
from ..inline import cross_refs
from ..model import Draft, contents_of
from .conflicts import ConflictsFound, find_conflicts, resolve
from .kinds import Planning, kind
from .batch import collector_paused
from .carry import carry_proposal
from .model import Change, selected
from .ordered import apply_in_order, net_planned
from .placing import Planned, build, check_places, parent_map
from .record import Applied, ApplyRecord
from .targets import UnitIndex
from .words import UnitWords

Versions = Callable[[str], "Draft | None"]


@dataclass
class Ready:
    """A base version made ready once for many plans (the room previews against one version
    all day): its index, each unit's parent, and each unit's words once first asked for.
    Nothing planned or built changes these."""
    draft: Draft
    index: UnitIndex
    parents: dict
    words: dict = field(default_factory=dict)


def ready(base: Draft) -> Ready:
    return Ready(base, UnitIndex(base), parent_map(base))


def apply_proposals(base: Draft, proposals, *, mode: str = "accepted",
                    prefer: tuple[str, ...] = (), versions: Versions | None = None,
                    metadata: dict | None = None, made: Ready | None = None
                    ) -> tuple[Draft, ApplyRecord]:
    """Apply the selected proposals' changes to `base` (`made`: `base` made ready before).
    Raises AssemblerError for a change that cannot be placed (exit 2) and ConflictsFound /
    ProblemsFound (exit 1)."""
    with collector_paused():
        return _apply(base, proposals, mode, prefer, versions, metadata,
                      made if made is not None and made.draft is base else ready(base))


def _apply(base, proposals, mode, prefer, versions, metadata, made: Ready):
    chosen = selected(proposals, mode)
    index = made.index
    record = ApplyRecord(base.metadata.version)
    cache: dict[str, UnitWords] = made.words
    planned = plan(base, index, chosen, record, versions, cache, made.parents)
    record.notes = [f"{p.change.id} ({p.proposal.proposer}), {index.label_of(p.unit)}: "
                    f"{p.edit.note}" for p in planned if p.edit is not None and p.edit.note
                    and p.proposal.id not in record.in_order]
    record.notes += [f"{s.change.id}, {s.label}: {s.note}" for steps in record.in_order.values()
                     for s in steps if s.note]
    conflicts = find_conflicts(planned, made.parents, index.short_of)
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


# ---------------------------------------------------------------- resolving

def plan(base: Draft, index: UnitIndex, proposals, record: ApplyRecord,
         versions: Versions | None, words_cache: dict | None = None,
         parents: dict | None = None) -> list[Planned]:
    """Resolve every change against the base (`words_cache` keeps each unit's words;
    `parents`, the base's parent_map, when known).

    A proposal's changes whose words and places do not depend on one another are placed
    side by side (which is what applying them in order gives); when a later one reads the
    text as an earlier one left it, or two touch the same words, the proposal is applied in
    order and its net effect placed against the base. Every problem of every proposal is
    reported at once (Problems)."""
    out: list[Planned] = []
    ctx = Planning(index, words_cache)
    parents = parent_map(base) if parents is None else parents
    problems: list[AssemblerError] = []
    seen_ids: set[str] = set()
    for prop in proposals:
        if prop.id in seen_ids:
            raise AssemblerError(f"two proposals have the id '{prop.id}'", file=prop.file,
                                 hint="give every proposal an id of its own")
        seen_ids.add(prop.id)
        changes = prop.effective_changes
        if prop.base and base.metadata.version and prop.base != base.metadata.version:
            changes = carry_proposal(prop, changes, base, index, versions, record)
        changes = [c if c.id else replace(c, id=f"{prop.id}/{n}")
                   for n, c in enumerate(changes, 1)]
        new_ids = dict(ctx.new_ids)
        try:
            mine = [q for c in changes
                    for q in kind(c.kind).plan(Planned(c, prop, "", _order(c)), ctx)]
            apart = len(changes) < 2 or not find_conflicts(mine, parents, index.short_of)
        except AssemblerError as err:
            if len(changes) < 2:
                problems.append(err)
                continue
            apart = False
        if not apart:
            ctx.new_ids = new_ids
            done = apply_in_order(base, index, prop, changes)
            if done.problems:
                problems += done.problems
                continue
            record.in_order[prop.id] = done.steps
            mine = net_planned(index, prop, done, ctx)
        out += mine
    # Inserted and moved units may be placed next to units that other changes insert.
    for p in out:
        try:
            check_places(p, index, ctx.new_ids)
        except AssemblerError as err:
            problems.append(err)
    if problems:
        raise Problems.of(problems)
    return out


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
