"""A delegation's preview: the draft with its proposals applied, as a redline whose changes
carry their proposers' names, and the proposals already on file that collide with them.

Pure over the model: proposals in, (Redline, conflicts by unit) out. The command line finds
the files (cli/redline.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..compare.authors import attribution_from
from ..compare.redline import Redline, Who, build_redline, default_who, iso_date
from ..errors import AssemblerError
from ..lang import language_of
from ..model import Draft
from .apply import Ready, apply_proposals, plan, ready
from .conflicts import Conflict, find_conflicts
from .model import Proposal, selected
from .record import ApplyRecord


@dataclass(frozen=True)
class Clash:
    """One of the previewed changes collides with a proposal on file."""
    unit: str          # the unit's id (in the draft previewed)
    label: str         # how the draft numbers it ("OP 5")
    mine: str          # the previewed change ("D-01/1")
    theirs: str        # the change on file ("P-07/2")
    proposer: str      # who made the change on file
    status: str        # its status (proposed, accepted, ...)
    conflict: Conflict  # why they collide
    date: str = ""

    @property
    def reason(self) -> str:
        """In English, as messages to the user say it."""
        return self.conflict.reason

    def __str__(self) -> str:
        return (f"{self.label}: {self.mine} conflicts with {self.theirs} by {self.proposer} "
                f"({self.status}): {self.reason}")


@dataclass
class Preview:
    redline: Redline
    clashes: list = field(default_factory=list)   # list[Clash]
    not_applicable: list = field(default_factory=list)

    def comments(self) -> dict[str, list[tuple[str, Who]]]:
        """Margin notes by unit id, for the writers, in the redline's language."""
        lang = language_of(self.redline.new.metadata)
        words = lang.redline
        out: dict[str, list[tuple[str, Who]]] = {}
        for c in self.clashes:
            text = words["conflict"].format(theirs=c.theirs, proposer=c.proposer,
                                            status=lang.status(c.status),
                                            reason=c.conflict.reason_in(lang), mine=c.mine)
            author = words["conflict-author"].format(proposer=c.proposer)
            out.setdefault(c.unit, []).append((text, Who(author, iso_date(c.date))))
        return out


@dataclass(frozen=True)
class Drawn:
    """The previewed proposals made to the base and compared: what a preview shows besides
    its collisions. It depends on nothing else on file, so a caller may keep it while the
    base and the proposals stay as they are (the room does, per proposal page)."""
    redline: Redline
    not_applicable: tuple = ()


def draw(base: Draft, mine: list, *, author: str = "Co-facilitators", date: str = "",
         versions=None, made: Ready | None = None) -> Drawn:
    """Apply `mine` (whatever their status) to `base` and compare. A change that cannot be
    placed raises AssemblerError (exit 2)."""
    made = made if made is not None and made.draft is base else ready(base)
    new, record = apply_proposals(base, mine, mode="all", versions=versions, made=made)
    dates = {p.id: p.date for p in mine}
    proposers = {p.proposer for p in mine}
    if len(proposers) == 1:  # what their changes bring along (renumbered references) is theirs too
        author = proposers.pop()
    default = default_who(new, author, date)
    r = build_redline(base, new, author, date, attribution_from(new, default, dates))
    return Drawn(r, tuple(record.not_applicable))


def preview(base: Draft, mine: list, on_file: list = (), *, author: str = "Co-facilitators",
            date: str = "", versions=None, made: Ready | None = None,
            alone: "Callable[[Proposal], list | None] | None" = None,
            drawn: Drawn | None = None) -> Preview:
    """Apply `mine` (whatever their status) to `base` and compare (`draw`, or `drawn` when
    the caller kept it); find where they collide with `on_file` proposals still on the table.
    A change of `mine` that cannot be placed raises AssemblerError (exit 2). `made`: `base`
    made ready before; `alone`: each proposal on file planned alone against it (see
    clashes), when a caller keeps those."""
    made = made if made is not None and made.draft is base else ready(base)
    if drawn is None:
        drawn = draw(base, mine, author=author, date=date, versions=versions, made=made)
    mine_ids = {p.id for p in mine}
    # proposals on this version, and those still open on an older one (carried onto it);
    # decided proposals on older versions are already in this one
    version = base.metadata.version
    others = [p for p in on_file if p.id not in mine_ids
              and (not p.base or p.base == version or p.status == "proposed")]
    return Preview(drawn.redline, clashes(base, list(mine), others, versions, made, alone),
                   list(drawn.not_applicable))


def planned_alone(made: Ready, p: Proposal, versions=None) -> list | None:
    """A proposal's changes placed against the base on their own, or None when it no longer
    applies (it then cannot collide with anything). Another proposal's plan never changes
    how this one's changes are placed, so a caller may keep these while the base and the
    proposal stay as they are (the room does, for every proposal on file)."""
    base = made.draft
    try:
        return plan(base, made.index, [p], ApplyRecord(base.metadata.version), versions,
                    made.words, made.parents)
    except AssemblerError:
        return None


def clashes(base: Draft, mine: list, others: list, versions=None, made: Ready | None = None,
            alone=None) -> list[Clash]:
    """Conflicts between a previewed proposal and one on file (never among those on file)."""
    made = made if made is not None and made.draft is base else ready(base)
    index = made.index
    planned = plan(base, index, list(mine), ApplyRecord(base.metadata.version), versions,
                   made.words, made.parents)
    for p in selected(others, "all"):
        planned += (alone(p) if alone else planned_alone(made, p, versions)) or []
    mine_ids = {p.id for p in mine}
    out: list[Clash] = []
    labels: dict = {}   # a unit's label, asked again for each pair on file that collides

    def label(uid: str) -> str:
        if uid not in labels:
            labels[uid] = index.short_of(uid)
        return labels[uid]
    for c in find_conflicts(planned, made.parents, label):
        a_mine, b_mine = c.a.proposal.id in mine_ids, c.b.proposal.id in mine_ids
        if a_mine == b_mine:
            continue
        me, them = (c.a, c.b) if a_mine else (c.b, c.a)
        out.append(Clash(c.unit, c.label, me.change.id, them.change.id, them.proposal.proposer,
                         them.proposal.status, c, them.proposal.date))
    return out
