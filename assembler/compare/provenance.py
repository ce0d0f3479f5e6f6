"""Who made each change: the proposals a version records for its units, with their status.

`assembler apply` records in every version it writes which change of which proposal made
it (Draft.provenance: change id, kind, unit, proposer). This module reads that record into
what the comparison table shows beside a cell, adding each proposal's status and
co-sponsors from the negotiation's proposal files when they can be read.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import AssemblerError
from .versions import Version


@dataclass(frozen=True)
class Contribution:
    """One proposal behind a change to one unit."""
    proposal: str            # the proposal's id ("P-07")
    proposer: str            # "Delegation A", "Co-facilitators"
    status: str = ""         # "accepted", "accepted with modification", ...
    co_sponsors: tuple = ()
    kinds: tuple = ()        # the kinds of its changes to this unit: replace-words, ...
    rationale: str = ""      # why the proposer asked for it (the proposal's rationale)

    @property
    def who(self) -> str:
        if self.co_sponsors:
            return f"{self.proposer} (with {', '.join(self.co_sponsors)})"
        return self.proposer


Record = dict  # unit id -> tuple[Contribution, ...]


@dataclass(frozen=True)
class ProposalFacts:
    """What the table shows of a proposal beyond its id and proposer."""
    status: str = ""
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


def proposal_facts(versions: list[Version], root: Path | None = None,
                   warn: Callable[[str], None] | None = None) -> dict[str, ProposalFacts]:
    """Status and co-sponsors of every proposal filed for the negotiation, read from
    amendments/<negotiation>/ beside the drafts folder ({} when there is none). A proposal
    file that cannot be read costs the table its statuses, with a warning, not the table."""
    if not versions:
        return {}
    folder = _amendments_folder(versions[0], root)
    if folder is None:
        return {}
    from ..amendments.yamlio import load_proposals
    folders = [folder] + sorted(p for p in folder.rglob("*") if p.is_dir())  # one per round
    try:
        proposals = load_proposals(folders)
    except AssemblerError as err:
        if warn:
            warn(f"warning: proposal statuses left out: {err}")
        return {}
    from ..amendments.model import STATUS_WORDS
    return {p.id: ProposalFacts(STATUS_WORDS.get(p.status, p.status), tuple(p.co_sponsors),
                                p.proposer, " ".join(p.rationale.split()))
            for p in proposals}


def _amendments_folder(version: Version, root: Path | None) -> Path | None:
    neg = version.draft.metadata.negotiation
    candidates = []
    if version.source:
        # drafts/<negotiation>/x.draft -> amendments/<negotiation>/
        candidates.append(Path(version.source).resolve().parent.parent.parent / "amendments" / neg)
    candidates.append((root or Path.cwd()) / "amendments" / neg)
    for c in candidates:
        if neg and c.is_dir():
            return c
    return None
