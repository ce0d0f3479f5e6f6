"""Locks on what is updated in place. A verb that reads a file, changes it and writes it
back (`status` on a proposal) or writes into a negotiation's folders (`apply`, `import`,
`diff --as-proposals`) holds an advisory lock (fcntl.flock) on the folders involved, so two
runs at once take turns and no decision is lost.

The lock is taken on the folder itself, not on the file: the writer replaces files by
renaming, and a lock on a replaced file would guard nothing. Folders are locked in one
order (by resolved path), so two verbs can never wait on each other.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import AssemblerError

WAIT_SECONDS = float(os.environ.get("ASSEMBLER_LOCK_WAIT", "120"))
_POLL = 0.02


def folder_of(path: str | Path) -> Path:
    """The folder a path's lock lives on: the path itself when it is a folder."""
    p = Path(path)
    return p if p.is_dir() else (p.parent if str(p.parent) else Path("."))


@contextlib.contextmanager
def hold(exclusive: Iterable[str | Path] = (), shared: Iterable[str | Path] = (),
         wait: float | None = None) -> Iterator[None]:
    """Hold locks on the folders of `exclusive` (alone) and `shared` (with other readers)."""
    wanted: dict[Path, bool] = {}
    for path, excl in [(p, False) for p in shared] + [(p, True) for p in exclusive]:
        folder = folder_of(path)
        if not folder.is_dir():
            continue  # nothing to guard; the verb will say the folder is missing
        key = folder.resolve()
        wanted[key] = wanted.get(key, False) or excl
    fds: list[int] = []
    queued: list[threading.Lock] = []
    seconds = WAIT_SECONDS if wait is None else wait
    try:
        for folder in sorted(wanted):
            if wanted[folder]:   # threads of one process queue here, not by polling flock
                turn = _turn(folder)
                if not turn.acquire(timeout=seconds):
                    raise _busy(folder, seconds)
                queued.append(turn)
            fds.append(_lock(folder, wanted[folder], seconds))
        yield
    finally:
        for fd in reversed(fds):
            os.close(fd)  # closing releases the lock
        for turn in reversed(queued):
            turn.release()


# One lock a folder for the threads of this process (a room's server): a thread waiting for
# a folder another thread holds is woken when it is released, where polling flock would
# leave the folder idle for up to a poll's time at each turn (a deadline rush queues 200).
_TURNS: dict[Path, threading.Lock] = {}
_TURNS_GUARD = threading.Lock()


def _turn(folder: Path) -> threading.Lock:
    with _TURNS_GUARD:
        return _TURNS.setdefault(folder, threading.Lock())


def _busy(folder: Path, wait: float) -> AssemblerError:
    return AssemblerError(f"is busy: another assembler has been updating it for {wait:g} s; "
                          f"nothing was done", file=str(folder),
                          hint="wait for it to finish and run this again")


def _lock(folder: Path, exclusive: bool, wait: float) -> int:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return os.open(os.devnull, os.O_RDONLY)  # unreadable folder: its own error comes later
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, mode)
            return fd
        except OSError as err:
            if err.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return fd  # a file system without locks: go on unguarded, as before
            if time.monotonic() >= deadline:
                os.close(fd)
                raise _busy(folder, wait) from None
            time.sleep(_POLL)


def holding(exclusive: tuple[str, ...] = (), shared: tuple[str, ...] = ()):
    """Decorator for a verb: while it runs, hold the locks for the paths its arguments name
    (`exclusive`/`shared` list argument names; an argument may be a path or a list)."""
    def paths(kwargs: dict, names: tuple[str, ...]) -> list:
        out: list = []
        for name in names:
            value = kwargs.get(name)
            if isinstance(value, (list, tuple)):
                out += [v for v in value if v]
            elif value:
                out.append(value)
        return out

    def deco(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with hold(paths(kwargs, exclusive), paths(kwargs, shared)):
                return func(*args, **kwargs)
        return wrapper
    return deco
