"""The record of what happened in the room: one line per action in room/<negotiation>/
audit.jsonl (when, in UTC; who; what; on what), and, where the folder is the top of a git
repository, one commit per action with the actor as author and exactly the files it touched,
as the action left them (committed out of the lock: committer.py)."""
from __future__ import annotations

import datetime as _dt
import json
import subprocess
import threading
import time
from pathlib import Path

from ..fs.names import name_from
from .committer import Committer, Entry
from .durable import GroupSync


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


class Record:
    def __init__(self, root: Path, room_dir: Path):
        self.root = root
        self.log = room_dir / "audit.jsonl"
        self._log_sync = GroupSync(self.log)
        self._mine = threading.local()   # this thread's audit line, to be synced
        dirs = self._git_dirs()
        self.committer = Committer(dirs[0], dirs[1], room_dir.name,
                                   str(self.log.relative_to(self.root))) if dirs else None

    def audit(self, actor: str, what: str, subject: str = "", detail: str = "") -> int:
        """One more line in the audit log, on disk before the action counts as done; the
        log's length after it."""
        entry = {"when": now(), "who": actor, "action": what, "subject": subject}
        if detail:
            entry["detail"] = detail
        with open(self.log, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            fh.flush()
            end = fh.tell()
        self._mine.audit = self._log_sync.wrote()   # on disk in `after_lock`, shared
        return end

    def lines(self, limit: int = 200) -> list[dict]:
        if not self.log.is_file():
            return []
        lines = self.log.read_text("utf-8").splitlines()[-limit:]
        return [json.loads(x) for x in lines if x.strip()]

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

    def commit(self, actor: str, message: str, paths: list, audit_end: int) -> None:
        """Journal exactly `paths` (added, changed or removed) as they stand now, with `actor`
        as author, for a commit of their own (committer.py). Call under the negotiation's
        lock, right after `audit`; `after_lock` then commits."""
        if self.committer is None:
            return
        files = []
        log = self.log.resolve()   # committed as its prefix up to `audit_end` (committer.py)
        for p in dict.fromkeys(Path(p).resolve() for p in paths):
            if p == log:
                continue
            try:
                data: bytes | None = p.read_bytes()
            except FileNotFoundError:
                data = None
            files.append((str(p.relative_to(self.root)), data))
        author = f"{git_name(actor)} <{name_from(actor, 'room', lower=True)}@room>"
        self.committer.add(Entry(author, message, int(time.time()), audit_end, tuple(files)))

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
