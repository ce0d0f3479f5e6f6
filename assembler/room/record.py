"""The record of what happened in the room: one line per action in the audit log,
room/<negotiation>/audit/ (when, in UTC; who; what; on what; in segments: auditlog.py), and, where the folder is the top of a git
repository, one commit per action with the actor as author and exactly the files it touched,
as the action left them (committed out of the lock: committer.py)."""
from __future__ import annotations

import datetime as _dt
import subprocess
import threading
import time
from pathlib import Path

from ..fs.names import name_from
from .auditlog import AuditLog, Place
from .committer import Committer, Entry
from .durable import GroupSync


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


class Record:
    def __init__(self, root: Path, room_dir: Path):
        self.root = root
        self.log = AuditLog(room_dir)
        self._log_sync = GroupSync()
        self._mine = threading.local()   # this thread's audit line, to be synced
        dirs = self._git_dirs()
        self.committer = Committer(dirs[0], dirs[1], room_dir.name,
                                   self._relative(self.log.folder),
                                   self._relative(self.log.legacy)) if dirs else None

    def _relative(self, path: Path) -> str:
        return str(path.relative_to(self.root))

    def audit(self, actor: str, what: str, subject: str = "", detail: str = "") -> Place:
        """One more line in the audit log, on disk before the action's answer (`after_lock`);
        where it ended."""
        entry = {"when": now(), "who": actor, "action": what, "subject": subject}
        if detail:
            entry["detail"] = detail
        place = self.log.append(entry)
        self._mine.audit = self._log_sync.wrote(place.segment)   # synced in `after_lock`
        return place

    def lines(self, limit: int = 200) -> list[dict]:
        return self.log.lines(limit)

    def _git_dirs(self) -> tuple[Path, Path] | None:
        """The repository's top and git folder, when the room's root is the top of one."""
        try:
            out = subprocess.run(["git", "-C", str(self.root), "rev-parse", "--show-toplevel",
                                  "--absolute-git-dir"], capture_output=True, text=True,
                                 timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return None
        lines = out.stdout.splitlines()
        if out.returncode != 0 or len(lines) != 2 or Path(lines[0]).resolve() != self.root:
            return None
        return Path(lines[0]), Path(lines[1])

    def commit(self, actor: str, message: str, paths: list, audit: Place) -> None:
        """Journal exactly `paths` (added, changed or removed) as they stand now, with `actor`
        as author, for a commit of their own (committer.py). Call under the negotiation's
        lock, right after `audit`; `after_lock` then commits."""
        if self.committer is None:
            return
        files = []
        # the log's segment is committed as its prefix up to the action's line (committer.py)
        log = {self.log.folder.resolve(), self.log.legacy.resolve()}
        for p in dict.fromkeys(Path(p).resolve() for p in paths):
            if p in log or p.parent in log:
                continue
            try:
                data: bytes | None = p.read_bytes()
            except FileNotFoundError:
                data = None
            files.append((str(p.relative_to(self.root)), data))
        author = f"{git_name(actor)} <{name_from(actor, 'room', lower=True)}@room>"
        self.committer.add(Entry(author, message, int(time.time()), audit.total, tuple(files),
                                 self._relative(audit.segment), audit.end))

    def after_lock(self) -> None:
        """Out of the lock, before the action's answer: its audit line on disk (one sync
        for the actions that wrote meanwhile, durable.py); then commit what was journaled,
        in the background when the room's server started the committer, else now (the
        command line exits next)."""
        written = getattr(self._mine, "audit", 0)
        if written:
            self._log_sync.sync(written)
            self._mine.audit = 0
        if self.committer is None:
            return
        self.committer.sync()
        if self.committer.started:
            self.committer.wake()
        else:
            self.committer.commit_pending()


def git_name(actor: str) -> str:
    """A participant's name as a git author's name: git refuses '<' and '>' in it (they
    delimit the address), so they become the look-alike angle quotes; the audit log keeps
    the name as typed."""
    name = " ".join(actor.replace("<", "\u2039").replace(">", "\u203a").split())
    name = name.strip(" .,;:\"'")
    return name or "participant"
