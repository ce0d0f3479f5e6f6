"""The proposals on file for a negotiation: one listing for the command line and the room.

amendments/<negotiation>/ and every folder below it (its rounds), the top folder first,
then the rounds by name; in each, its proposal files by name. A file that cannot be read is
left out on its own, named with its error (never its whole round); a proposal whose id an
earlier file already used is left out, naming both files. Each caller puts these in its own
words (a warning on the command line, a line on the co-facilitators' page).
"""
from __future__ import annotations

import os
import time
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


_FOLDERS: dict[str, tuple[tuple, list[Path]]] = {}   # folder -> (stamp of its folders, them)
# A folder's time is kept by a coarse clock: a listing is kept only when every folder in it
# was last changed this long before the listing began (as git treats "racy" files).
_SETTLED_NS = 50_000_000


def _stamp(folders: list[Path]) -> tuple | None:
    try:
        return tuple((st.st_ino, st.st_mtime_ns) for st in map(os.stat, folders))
    except OSError:
        return None


def round_folders(amendments: Path) -> list[Path]:
    """amendments/<negotiation>/ and every folder below it, the top one first. Kept while
    none of those folders changed (a folder added or removed changes its parent's time): a
    room lists them for every page, and each round may hold a thousand files."""
    kept = _FOLDERS.get(str(amendments))
    if kept is not None and kept[0] == _stamp(kept[1]):
        return list(kept[1])
    began = time.time_ns()
    folders = _round_folders(amendments)
    stamp = _stamp(folders)
    if folders and stamp is not None and \
            all(mtime < began - _SETTLED_NS for _, mtime in stamp):
        _FOLDERS[str(amendments)] = (stamp, folders)
    return list(folders)


def _round_folders(amendments: Path) -> list[Path]:
    if not amendments.is_dir():
        return []
    below: list[Path] = []
    todo = [amendments]
    while todo:   # the folders os.walk finds, without its lists of each round's files
        try:
            with os.scandir(todo.pop()) as entries:
                found = [(Path(e.path), e.is_symlink()) for e in entries if e.is_dir()]
        except OSError:   # unreadable: left out, as os.walk leaves it
            continue
        below += [path for path, _ in found]
        todo += [path for path, link in found if not link]   # as os.walk: links not entered
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
