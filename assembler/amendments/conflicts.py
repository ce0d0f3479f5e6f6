"""Which changes cannot all be made: overlapping words, changes inside a deleted unit, two
insertions at one point, two moves of one unit. Each conflict names both proposals, their
proposers and the unit; the user may say which proposal wins (--prefer)."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from dataclasses import dataclass

from ..errors import ProblemsFound
from .kinds import CLAIMS, kind
from ..lang import ENGLISH, Language


@dataclass(frozen=True)
class Conflict:
    a: object       # Planned (apply.py)
    b: object
    unit: str       # the unit's id
    label: str      # how the base version numbers it
    why: str        # the kind of clash: "conflict-{why}" in a language's compilation words
    fields: tuple = ()  # (name, value) its sentence takes: ("position", "after")

    def reason_in(self, lang: Language) -> str:
        """Why both cannot be made, in a language ("both put a paragraph after it")."""
        fields = dict(self.fields)
        if "position" in fields:
            fields["position"] = lang.prose[fields["position"]]
        return lang.compilation[f"conflict-{self.why}"].format(**fields)

    @property
    def reason(self) -> str:
        """In English, as messages to the user say it."""
        return self.reason_in(ENGLISH)

    def __str__(self) -> str:
        pa, pb = self.a.proposal, self.b.proposal
        return (f"conflict in {self.label} ({self.unit}): {self.reason}: {self.a.change.id} "
                f"by {pa.proposer} and {self.b.change.id} by {pb.proposer}")


class ConflictsFound(ProblemsFound):
    """Conflicts among the changes to apply. `ids`: the proposals in question, in order;
    `first`: the two proposals of the first conflict, which a face's advice may name (the
    command line's says how to prefer one; the domain names no flag)."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        n = len(conflicts)
        self.ids = ids = list(dict.fromkeys(p.proposal.id for c in conflicts
                                            for p in (c.a, c.b)))
        self.first = (conflicts[0].a.proposal.id, conflicts[0].b.proposal.id)
        between = " and ".join(ids) if len(ids) <= 3 else f"{', '.join(ids[:3])} ..."
        # the advice names the proposals in question, so that it can be followed as written
        where = f"within proposal {ids[0]}" if len(ids) == 1 else f"between proposals {between}"
        super().__init__(
            f"{n} conflict(s) {where}; nothing was written",
            hint="write its changes so that none undoes another" if self.within else
                 f"decide between them, or say which of {self.first[0]} and "
                 f"{self.first[1]} wins")

    @property
    def within(self) -> bool:
        """The changes of one proposal contradict each other."""
        return len(self.ids) == 1


def find_conflicts(planned: list, parents: dict[str, str | None], label) -> list[Conflict]:
    """All conflicts among planned changes (see apply.Planned). `parents` maps a base unit to
    its parent; `label(uid)` names a unit for the message."""
    out: list[Conflict] = []
    claimed = {what: defaultdict(list) for what in CLAIMS}  # what -> key -> planned changes
    for p in planned:
        for what, key in kind(p.change.kind).claims(p):
            claimed[what][key].append(p)
    words, replaced, deleted = claimed["words"], claimed["replaces"], claimed["deletes"]
    moved, placed, touching = claimed["moves"], claimed["places"], claimed["needs"]

    def add(a, b, unit, why, within: bool = False, **fields):
        """`within`: a conflict even inside one proposal (its changes contradict each other:
        one would be lost without a word)."""
        if a.proposal.id != b.proposal.id or within or why == "same-words":
            out.append(Conflict(a, b, unit, label(unit), why, tuple(fields.items())))

    def undoes(p) -> bool:  # changes the unit's own text or place, which a deletion loses
        return kind(p.change.kind).undoes(p)

    for unit, edits in words.items():
        for a, b in _overlapping(edits):
            if a.edit.point and b.edit.point:
                add(a, b, unit, "same-point")
            else:
                add(a, b, unit, "same-words" if a.proposal.id == b.proposal.id else "overlap")
        for r in replaced.get(unit, ()):
            for p in edits:
                add(r, p, unit, "replaced")
    for unit, reps in replaced.items():
        for a, b in combinations(reps, 2):
            add(a, b, unit, "both-replace")
    for unit, moves in moved.items():
        for a, b in combinations(moves, 2):
            add(a, b, unit, "both-move")
    for (ref, position), items in placed.items():
        items.sort(key=lambda p: p.order)
        for a, b in combinations(items, 2):
            if a.proposal.id != b.proposal.id:
                add(a, b, ref, "both-place", position=position)
    if deleted:
        for unit, needs in touching.items():
            u = unit
            while u is not None:
                if u in deleted:
                    for d in deleted[u]:  # every deletion, not only the first on file
                        for p in needs:
                            if u == unit:
                                add(d, p, unit, "deleted", within=undoes(p))
                            else:
                                add(d, p, unit, "deleted-parent", paragraph=label(u))
                    break
                u = parents.get(u)
    return out


def _overlapping(edits: list):
    """Every pair of word edits in one unit that collide, earlier first: a sweep over the
    edits by start with the set of those still open, so n edits cost n log n plus the pairs
    found (comparing each only with the one reaching furthest missed the others). Two
    insertions at one point collide; an insertion collides with words changed around it,
    not with words that begin or end where it stands."""
    edits = sorted(edits, key=lambda p: (p.edit.i, p.edit.j, p.order))
    active: list = []   # edits that may still collide with a later one
    for p in edits:
        e = p.edit
        # an edit stays open while later edits can start inside it; an insertion only for
        # other insertions at its own point
        active = [r for r in active if (r.edit.point and r.edit.i == e.i)
                  or (not r.edit.point and r.edit.j > e.i)]
        for r in active:
            if e.point and r.edit.point:
                yield r, p          # both at e.i (the filter kept only those)
            elif not r.edit.point and (not e.point or r.edit.i < e.i):
                yield r, p          # starts inside r: e.i < r.j, and r.i <= e.i
        active.append(p)


def resolve(conflicts: list[Conflict], prefer: tuple[str, ...]) -> tuple[set, list]:
    """Drop the losers of conflicts where exactly one side is preferred. Returns the dropped
    planned changes (by id()) and the conflicts nobody settled."""
    dropped: set = set()
    left: list[Conflict] = []
    for c in conflicts:
        if id(c.a) in dropped or id(c.b) in dropped:
            continue
        pa, pb = c.a.proposal.id in prefer, c.b.proposal.id in prefer
        if pa and not pb:
            dropped.add(id(c.b))
        elif pb and not pa:
            dropped.add(id(c.a))
        else:
            left.append(c)
    return dropped, [c for c in left if id(c.a) not in dropped and id(c.b) not in dropped]
