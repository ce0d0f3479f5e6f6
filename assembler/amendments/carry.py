"""Carrying a proposal written against an older version onto the newer one being amended.

Targets are resolved in the version the proposer saw, then followed by stable id. Anchored
words are found again in the newer text: diff-match-patch maps their old position into the
new text, and the nearest occurrence of the same words there is taken. Whatever cannot be
carried safely (the unit is gone, the words changed, a whole-unit replacement would undo
later changes) is reported as no longer applicable, with the reason, and left out.
"""
from __future__ import annotations

from dataclasses import replace

from ..diff import map_offset, nearest
from ..errors import AssemblerError
from ..model import Draft
from .model import PARTS, WORD_KINDS, Change, Proposal
from .targets import UnitIndex
from .words import UnitWords


def carry_proposal(prop: Proposal, changes, base: Draft, index: UnitIndex, versions,
                   record) -> list[Change]:
    from .apply import NotApplicable, _ref_reader
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
            carried = carry_change(change, old_index, index, _ref_reader(old_index),
                                   _ref_reader(index))
        except NotCarried as why:
            record.not_applicable.append(NotApplicable(change, prop, str(why)))
            continue
        out.append(carried)
    return out


class NotCarried(Exception):
    pass


def _follow(target: str, old: UnitIndex, new: UnitIndex, change: Change) -> str:
    uid = old.resolve(target)
    if uid is None:
        raise AssemblerError(f"{change.id}: {old.describe_missing(target)}", line=change.line)
    if uid not in new.units and uid not in PARTS:
        raise NotCarried(f"{old.label_of(uid)} of {old.draft.metadata.version} is no longer "
                         f"in {new.draft.metadata.version}")
    return uid


def carry_change(change: Change, old: UnitIndex, new: UnitIndex, old_ref, new_ref) -> Change:
    k = change.kind
    if k == "insert-unit":
        return replace(change, target=_follow(change.target, old, new, change))
    uid = _follow(change.target, old, new, change)
    change = replace(change, target=uid)
    if k == "move-unit":
        return replace(change, destination=_follow(change.destination, old, new, change))
    if k == "replace-unit":
        if old.units[uid].content != new.units[uid].content:
            raise NotCarried(f"{old.label_of(uid)} has changed since "
                             f"{old.draft.metadata.version}; replacing it whole would undo that")
        return change
    if k not in WORD_KINDS:
        return change
    before = UnitWords(old.units[uid].content, old_ref)
    after = UnitWords(new.units[uid].content, new_ref)
    try:
        s, _ = before.locate(change.words, change.occurrence)
    except AssemblerError as err:
        raise AssemblerError(f"{change.id}: in {old.label_of(uid)} of "
                             f"{old.draft.metadata.version}: {err.message}", line=change.line,
                             hint=err.hint) from None
    found = after.occurrences(change.words)
    if not found:
        raise NotCarried(f"the words “{change.words}” are no longer in "
                         f"{new.label_of(uid)}{_now_reads(after.text, change.words)}")
    loc = map_offset(before.text, after.text, s)
    best = min(found, key=lambda pos: abs(pos - loc))
    if len(found) > 1 and best != loc:
        raise NotCarried(f"the words “{change.words}” occur {len(found)} times in "
                         f"{new.label_of(uid)} and the text around them has changed")
    return replace(change, occurrence=found.index(best) + 1 if len(found) > 1 else 0)


def _now_reads(text: str, words: str) -> str:
    loc = nearest(text, words)
    return f" (that place now reads “{text[loc:loc + len(words)]}”)" if loc >= 0 else ""
