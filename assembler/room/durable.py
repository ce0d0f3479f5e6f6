"""Group commit for the files every action appends to (the audit log, the git journal):
the line is written under the negotiation's lock, and made durable after it, before the
action's answer, by one fdatasync shared by every action that wrote meanwhile. A rush of
submissions then waits for a few syncs, not one per action in turn under the lock."""
from __future__ import annotations

import os
import threading
from pathlib import Path


class GroupSync:
    """Writes counted (`wrote`, under the negotiation's lock, after the bytes are written)
    and made durable (`sync`, out of it): a sync that began after a write covers it, so the
    actions waiting behind one sync need no sync of their own. `path`: the file written, or
    each write names its own (a log in segments)."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self._turn = threading.Lock()   # one round of fdatasync at a time
        self._dirty: set[Path] = set()   # the files written since the last round began
        self._dirty_lock = threading.Lock()
        self._written = 0
        self._synced = 0

    def wrote(self, path: Path | None = None) -> int:
        """The number of this write (call once its bytes are written)."""
        with self._dirty_lock:
            self._dirty.add(path or self.path)
            self._written += 1
            return self._written

    def sync(self, upto: int) -> None:
        """Write number `upto`, and every one before it, on disk."""
        with self._turn:
            if self._synced >= upto:
                return   # a sync begun after that write has covered it
            with self._dirty_lock:   # each counted write is already in its file
                covers, dirty, self._dirty = self._written, self._dirty, set()
            try:
                for path in sorted(dirty):
                    with open(path, "rb") as fh:
                        os.fdatasync(fh.fileno())
            except BaseException:
                with self._dirty_lock:   # still to be synced by the next round
                    self._dirty |= dirty
                raise
            self._synced = covers
