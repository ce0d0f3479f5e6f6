"""The record of what happened in the room: one line per action in room/<negotiation>/
audit.jsonl (when, in UTC; who; what; on what), and, where the folder is the top of a git
repository, one commit per action with the actor as author and exactly the files it touched."""
from __future__ import annotations

import datetime as _dt
import json
import os
import subprocess
import sys
from pathlib import Path

from ..fs.names import name_from

COMMITTER = {"GIT_COMMITTER_NAME": "assembler room", "GIT_COMMITTER_EMAIL": "room@localhost"}


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


class Record:
    def __init__(self, root: Path, room_dir: Path):
        self.root = root
        self.log = room_dir / "audit.jsonl"
        self.git = self._is_git()

    def audit(self, actor: str, what: str, subject: str = "", detail: str = "") -> Path:
        """One more line in the audit log, on disk before the action counts as done."""
        entry = {"when": now(), "who": actor, "action": what, "subject": subject}
        if detail:
            entry["detail"] = detail
        with open(self.log, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return self.log

    def lines(self, limit: int = 200) -> list[dict]:
        if not self.log.is_file():
            return []
        lines = self.log.read_text("utf-8").splitlines()[-limit:]
        return [json.loads(x) for x in lines if x.strip()]

    def _is_git(self) -> bool:
        try:
            out = subprocess.run(["git", "-C", str(self.root), "rev-parse", "--show-toplevel"],
                                 capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return False
        return out.returncode == 0 and Path(out.stdout.strip()).resolve() == self.root

    def commit(self, actor: str, message: str, paths: list) -> None:
        """Commit exactly `paths` (added, changed or removed) with `actor` as author."""
        if not self.git:
            return
        rel = [str(Path(p).resolve().relative_to(self.root)) for p in paths]
        env = {**os.environ, **COMMITTER}
        git = ["git", "-C", str(self.root)]
        subprocess.run(git + ["add", "-A", "--"] + rel, capture_output=True, env=env, timeout=60)
        # --no-renames: a submitted draft moves from room/ to amendments/; both paths count
        staged = subprocess.run(git + ["diff", "--cached", "--name-only", "--no-renames", "--"]
                                + rel, capture_output=True, text=True, env=env,
                                timeout=60).stdout.split()
        if not staged:
            return
        author = f"{git_name(actor)} <{name_from(actor, 'room', lower=True)}@room>"
        done = subprocess.run(git + ["commit", "-q", "--no-verify", "-m", message, "--author",
                                     author, "--"] + staged, capture_output=True, text=True,
                              env=env, timeout=60)
        if done.returncode != 0:  # the files are written and audited; say what git refused
            # and unstage them: they must not ride along in the next actor's commit
            subprocess.run(git + ["reset", "-q", "--"] + staged, capture_output=True, env=env,
                           timeout=60)
            err = " ".join(done.stderr.split())[:300]
            sys.stderr.write(f"warning: room: '{message}' is not committed: {err}\n")


def git_name(actor: str) -> str:
    """A participant's name as a git author's name: git refuses '<' and '>' in it (they
    delimit the address), so they become the look-alike angle quotes; the audit log keeps
    the name as typed."""
    name = actor.replace("<", "\u2039").replace(">", "\u203a").strip(" .,;:\"'")
    return name or "participant"
