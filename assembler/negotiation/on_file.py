"""The proposals on file for a negotiation: one listing for the command line and the room.

amendments/<negotiation>/ and every folder below it (its rounds), the top folder first,
then the rounds by name; in each, its proposal files by name. A file that cannot be read is
left out on its own, named with its error (never its whole round); a proposal whose id an
earlier file already used is left out, naming both files. Each caller puts these in its own
words (a warning on the command line, a line on the co-facilitators' page).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..amendments.model import Proposal
from ..amendments.yamlio import load_proposal, proposal_files
from ..errors import AssemblerError

Loader = Callable[[Path], "Proposal | AssemblerError"]


@dataclass
class OnFile:
    proposals: list[tuple[Proposal, Path]] = field(default_factory=list)
    broken: list[tuple[Path, AssemblerError]] = field(default_factory=list)
    repeated: list[tuple[Path, str, Path]] = field(default_factory=list)  # file, id, first

    def problems(self, name: Callable[[Path], str] = str) -> list[str]:
        """Each file left out, in words: '<file>: left out, <why>', each file said by
        `name` (the room names it below the negotiation's folder, never by its path)."""
        return [name(path) + (f":{err.line}" if err.line else "") + f": left out, "
                f"{err.message}" for path, err in self.broken] + \
            [f"{name(path)}: left out, the id {pid} is also used by {name(first)}"
             for path, pid, first in self.repeated]


def round_folders(amendments: Path) -> list[Path]:
    """amendments/<negotiation>/ and every folder below it, the top one first."""
    if not amendments.is_dir():
        return []
    below = [Path(top) / d for top, dirs, _ in os.walk(amendments) for d in dirs]
    return [amendments] + sorted(below)


def read_or_error(path: Path) -> Proposal | AssemblerError:
    try:
        return load_proposal(path)
    except AssemblerError as err:
        return err


def proposals_on_file(amendments: Path, load: Loader = read_or_error) -> OnFile:
    """Every proposal filed under `amendments`, read by `load` (a room passes its cached
    reader), the first file of an id winning."""
    out = OnFile()
    first: dict[str, Path] = {}
    for folder in round_folders(amendments):
        for path in proposal_files(folder):
            got = load(path)
            if isinstance(got, AssemblerError):
                out.broken.append((path, got))
            elif got.id in first:
                out.repeated.append((path, got.id, first[got.id]))
            else:
                first[got.id] = path
                out.proposals.append((got, path))
    return out
