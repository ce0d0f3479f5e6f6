"""Who made each change: the proposals a version records for its units, with their status.

`assembler apply` records in every version it writes which change of which proposal made
it (Draft.provenance: change id, kind, unit, proposer). This module reads that record into
what the comparison table shows beside a cell, adding each proposal's status and
co-sponsors from the negotiation's proposal files (Negotiation.proposal_facts).
"""
from __future__ import annotations

from ..lang import ENGLISH, Language
from ..records import record
from .versions import Version


@record  # a frozen dataclass, made cheaply (records.py)
class Contribution:
    """One proposal behind a change to one unit."""
    proposal: str            # the proposal's id ("P-07")
    proposer: str            # "Delegation A", "Co-facilitators"
    status: str = ""         # "accepted", "accepted-with-modification", ... ("" unknown)
    co_sponsors: tuple = ()
    kinds: tuple = ()        # the kinds of its changes to this unit: replace-words, ...
    rationale: str = ""      # why the proposer asked for it (the proposal's rationale)

    def who_in(self, lang: Language) -> str:
        """The proposer, with any co-sponsors, as a table in `lang` names them."""
        if self.co_sponsors:
            return lang.comparison["with"].format(
                proposer=self.proposer, co_sponsors=lang.prose["comma"].join(self.co_sponsors))
        return self.proposer

    def status_in(self, lang: Language) -> str:
        """The status as a table in `lang` prints it ("accepted with modification")."""
        return lang.status(self.status) if self.status else ""

    @property
    def who(self) -> str:
        return self.who_in(ENGLISH)


Record = dict  # unit id -> tuple[Contribution, ...]


@record
class ProposalFacts:
    """What the table shows of a proposal beyond its id and proposer."""
    status: str = ""          # as recorded: "accepted-with-modification"
    co_sponsors: tuple = ()
    proposer: str = ""
    rationale: str = ""


def version_record(version: Version, facts: dict[str, ProposalFacts] | None = None) -> Record:
    """The contributions recorded in a version, by the unit they changed ({} if none).
    Several changes of one proposal to one unit make one contribution."""
    facts = facts or {}
    grouped: dict[str, dict[str, list]] = {}
    proposers: dict[str, str] = {}
    for rec in getattr(version.draft, "provenance", ()):
        grouped.setdefault(rec.unit, {}).setdefault(rec.proposal, []).append(rec.kind)
        proposers.setdefault(rec.proposal, rec.proposer)
    out: Record = {}
    for unit, by_proposal in grouped.items():
        out[unit] = tuple(
            Contribution(pid, proposers[pid] or facts.get(pid, ProposalFacts()).proposer,
                         facts.get(pid, ProposalFacts()).status,
                         facts.get(pid, ProposalFacts()).co_sponsors,
                         tuple(dict.fromkeys(kinds)),
                         facts.get(pid, ProposalFacts()).rationale)
            for pid, kinds in by_proposal.items())
    return out
