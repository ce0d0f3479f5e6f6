"""Group commit for the files every action appends to (the audit log, the git journal):
the line is written under the negotiation's lock, and made durable after it, before the
action's answer, by one fdatasync shared by every action that wrote meanwhile. A rush of
submissions then waits for a few syncs, not one per action in turn under the lock."""
from __future__ import annotations

import os
import threading
from pathlib import Path


class GroupSync:
    """One file's writes counted (`wrote`, under the negotiation's lock, after the bytes
    are written) and made durable (`sync`, out of it): a sync that began after a write
    covers it, so the actions waiting behind one sync need no sync of their own."""

    def __init__(self, path: Path):
        self.path = path
        self._turn = threading.Lock()   # one fdatasync of the file at a time
        self._written = 0
        self._synced = 0

    def wrote(self) -> int:
        """The number of this write (call once its bytes are written)."""
        self._written += 1
        return self._written

    def sync(self, upto: int) -> None:
        """Write number `upto`, and every one before it, on disk."""
        with self._turn:
            if self._synced >= upto:
                return   # a sync begun after that write has covered it
            covers = self._written   # each counted write is already in the file
            with open(self.path, "rb") as fh:
                os.fdatasync(fh.fileno())
            self._synced = covers
