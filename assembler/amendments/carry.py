"""Carrying a proposal written against an older version onto the newer one being amended.

Targets are resolved in the version the proposer saw, then followed by stable id; each kind
says how its change is carried (amendments/kinds/): anchored words are found again in the
newer text near where they were (assembler/diff.py maps their old position). Whatever cannot
be carried safely (the unit is gone, the words changed, a whole-unit replacement would undo
later changes) is reported as no longer applicable, with the reason, and left out.
"""
from __future__ import annotations

from dataclasses import replace

from ..errors import AssemblerError
from ..model import Draft
from .kinds import NotCarried, kind
from .model import Change, Proposal
from .record import NotApplicable
from .targets import UnitIndex


def carry_proposal(prop: Proposal, changes, base: Draft, index: UnitIndex, versions,
                   record) -> list[Change]:
    old = versions(prop.base) if versions else None
    if old is None:
        raise AssemblerError(f"proposal {prop.id} was written against '{prop.base}', which is "
                             f"not available beside '{base.metadata.version}'",
                             file=prop.file or None,
                             hint=f"put {prop.base}.draft in the drafts folder, or correct "
                                  "'base:'")
    old_index = UnitIndex(old)
    out: list[Change] = []
    for n, change in enumerate(changes, 1):
        change = change if change.id else replace(change, id=f"{prop.id}/{n}")
        try:
            carried = carry_change(change, old_index, index)
        except NotCarried as why:
            record.not_applicable.append(NotApplicable(change, prop, why.why, why.fields))
            continue
        out.append(carried)
    return out


def carry_change(change: Change, old: UnitIndex, new: UnitIndex) -> Change:
    """The change written against `old`, for `new` (NotCarried says why it cannot be)."""
    return kind(change.kind).carry(change, old, new)
