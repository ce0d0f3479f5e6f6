"""What applying proposals did: each change made (whose, where, the words out and in),
each no longer applicable and why, each left out in a conflict. Apply fills it; carrying
forward adds to it; the next version's provenance and the record file are read from it."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..lang import ENGLISH, Language
from ..model import Provenance
from .kinds import carried_reason
from .model import Change, Proposal


@dataclass(frozen=True)
class Applied:
    """The provenance of one change made: what it did where, and whose it was."""
    change: Change
    proposal: Proposal
    unit: str
    label: str                # the unit as the base version numbers it
    deleted: str = ""         # words taken out (word changes), as the base reads them
    inserted: str = ""        # words put in
    span: tuple | None = None  # (start, end) of the deleted words in the base reading

    def provenance(self) -> Provenance:
        return Provenance(self.change.id, self.change.kind, self.unit, self.proposal.proposer)


@dataclass(frozen=True)
class NotApplicable:
    change: Change
    proposal: Proposal
    why: str              # the reason, as kinds.NotCarried names it ...
    fields: tuple = ()    # ... and what fills its sentence

    @property
    def reason(self) -> str:
        """In English: for messages to the user and the record file."""
        return carried_reason(self.why, self.fields, ENGLISH)

    def line(self, lang: Language) -> str:
        """As a compilation lists it."""
        return lang.compilation["no-longer-applies"].format(
            change=self.change.id, proposer=self.proposal.proposer,
            reason=carried_reason(self.why, self.fields, lang))

    def __str__(self) -> str:
        return self.line(ENGLISH)


@dataclass
class ApplyRecord:
    base_version: str
    applied: list[Applied] = field(default_factory=list)
    not_applicable: list[NotApplicable] = field(default_factory=list)
    overridden: list[tuple[Applied, str]] = field(default_factory=list)  # (loser, reason)
    notes: list[str] = field(default_factory=list)  # what was read generously, and where
    # proposal id -> its instructions as applied in order (ordered.Step), for proposals
    # whose instructions read the text as the earlier ones left it
    in_order: dict = field(default_factory=dict)

    def by_unit(self) -> dict[str, list[Applied]]:
        out: dict[str, list[Applied]] = defaultdict(list)
        for a in self.applied:
            out[a.unit].append(a)
        return out
