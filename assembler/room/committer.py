"""The room's git history, written after the fact: an action leaves what it touched in a
journal under its lock, and one committer at a time turns the journal into commits, one an
action, in the order the actions took the lock.

Why not commit under the negotiation's lock: three git processes an action, and 193 actions in
a deadline rush queue behind them. Why not simply commit later from the working tree: by then
a later action may have changed the same files, and the audit log holds later lines, so one
action's commit would carry another's work. So the journal keeps, for each action, the bytes
of every file it touched as it left them (None for a file it removed) and the length of the
audit log just after its own line, in its segment and in the whole log (the log only grows,
so that prefix stays as it was; auditlog.py).

The journal lives in the repository's git folder (never in the working tree, never
committed), shared by every process serving the room: whichever committer gets there first
commits every pending entry, with `git fast-import` (one process a batch, each action its own
commit, the actor as author). An entry is done when the audit log in HEAD is at least as long
as its own prefix: that survives a crash between the commit and the journal's trimming, and a
room killed with entries pending commits them when it starts again. A git failure is said on
stderr and tried again later; the journal keeps the entry until it is committed.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .durable import GroupSync

COMMITTER = "assembler room <room@localhost>"
RETRY_SECONDS = (0.5, 2, 10, 30)   # waits between attempts after a git failure, then 30 s


@dataclass(frozen=True)
class Entry:
    """One action's commit to be: who, the message, when (seconds since the epoch), the
    audit log's length after its line (the log itself is committed as that prefix of the
    file: never copied here, it grows with every action), and each other file touched
    (relative to the repository's top) with its bytes as the action left them, or None
    when the action removed it."""
    author: str
    message: str
    when: int
    audit_end: int
    files: tuple[tuple[str, bytes | None], ...]
    audit_segment: str = ""   # the log's segment its line is in (auditlog.py) ...
    audit_segment_end: int = 0   # ... and that segment's length after it

    def line(self) -> str:
        return json.dumps({"author": self.author, "message": self.message, "when": self.when,
                           "audit_end": self.audit_end,
                           "segment": [self.audit_segment, self.audit_segment_end],
                           "files": [[p, None if b is None else base64.b64encode(b).decode()]
                                     for p, b in self.files]}, ensure_ascii=False) + "\n"

    @classmethod
    def of_line(cls, line: str) -> "Entry":
        d = json.loads(line)
        segment, end = d.get("segment") or ("", 0)   # a journal from before segments: ""
        return cls(d["author"], d["message"], int(d["when"]), int(d["audit_end"]),
                   tuple((p, None if b is None else base64.b64decode(b))
                         for p, b in d["files"]), str(segment), int(end))


class Committer:
    """The journal of one room's actions not yet committed, and the one thread of this
    process that commits them (`start`); `commit_pending` commits them in the caller's
    thread (the command line, which exits next)."""

    def __init__(self, top: Path, git_dir: Path, room: str, audit_rel: str, legacy_rel: str):
        self.top = top
        self.audit_rel = audit_rel     # the audit log's folder of segments
        self.legacy_rel = legacy_rel   # its one file before segments (the first segment)
        folder = git_dir / "assembler-room"
        self.journal = folder / f"{room}.journal"
        self.turn = folder / f"{room}.committing"   # one committer at a time, all processes
        self._sync = GroupSync(self.journal)
        self._mine = threading.local()   # this thread's journal entry, to be synced
        self._folder = folder
        self._wake = threading.Event()
        self._idle = threading.Condition()
        self._busy = False
        self._stop = False
        self._thread: threading.Thread | None = None
        self.failures = 0
        self._unsynced: set[str] = set()   # paths whose index entry a busy index kept back

    # ------------------------------------------------------------- the actions' side
    def add(self, entry: Entry) -> None:
        """The entry written to the journal (called under the negotiation's lock, so entries
        are in the order of the actions); on disk once `sync` returns."""
        self._folder.mkdir(exist_ok=True)
        with self._journal("a+b") as fh:
            fh.seek(0, os.SEEK_END)
            if fh.tell():   # a line cut short by a crash must not swallow this one
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    fh.write(b"\n")
            fh.write(entry.line().encode("utf-8"))
        self._mine.entry = self._sync.wrote()

    def sync(self) -> None:
        """The journal on disk, out of the lock and before the action's answer: the actions
        that wrote meanwhile share one sync (durable.py; a crash before it leaves a line cut
        short at worst, which is left out)."""
        written = getattr(self._mine, "entry", 0)
        if written:
            self._sync.sync(written)
            self._mine.entry = 0

    def wake(self) -> None:
        with self._idle:
            self._busy = True
        self._wake.set()

    # ------------------------------------------------------------- the committer's side
    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Commit in a background thread of this process from now on (the room's server);
        anything left in the journal by an earlier run is committed first."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="room-committer",
                                            daemon=True)
            self._thread.start()
        self.wake()

    def flush(self, timeout: float = 120) -> bool:
        """Wait until every entry this process added is committed (or tried and failed
        for `timeout` seconds: then False, the journal keeps them)."""
        if self._thread is None:
            return self.commit_pending()
        self.wake()
        end = time.monotonic() + timeout
        with self._idle:
            while self._busy and time.monotonic() < end:
                self._idle.wait(min(1.0, max(0.0, end - time.monotonic())))
            return not self._busy

    def close(self, timeout: float = 120) -> None:
        """At shutdown: commit what is pending, then stop the thread."""
        done = self.flush(timeout)
        self._stop = True
        self._wake.set()
        if not done:
            sys.stderr.write(f"warning: room: actions not yet committed are kept in "
                             f"{self.journal}; they are committed when the room starts "
                             f"again\n")

    def _run(self) -> None:
        while not self._stop:
            self._wake.wait()
            self._wake.clear()
            if self._stop:
                break
            with self._idle:
                self._busy = True
            try:
                ok = self.commit_pending()
            except Exception as err:   # never let the thread die: say it, try again
                sys.stderr.write(f"warning: room: committing failed ({err!r}); trying again\n")
                self.failures += 1
                ok = False
            with self._idle:
                if ok and not self._wake.is_set():
                    self._busy = False
                    self._idle.notify_all()
            if not ok:   # said on stderr; try again after a wait (a lock held, a full disk)
                time.sleep(RETRY_SECONDS[min(self.failures - 1, len(RETRY_SECONDS) - 1)])
                self._wake.set()

    def commit_pending(self) -> bool:
        """Every entry of the journal not yet in HEAD, committed; False (and said on stderr)
        when git refused."""
        if not self.journal.is_file():
            return True
        with _flock(self.turn):
            with self._journal("rb") as fh:
                entries = _entries(fh.read())
            try:
                done = self._committed()
                pending = [e for e in entries if e.audit_end > done]
                if pending:
                    self._fast_import(pending)
                # entries committed but still in the journal: their committer may have died
                # between its commit and the index (a git child left running after its
                # server was killed commits alone): their paths are brought up too
                if entries:
                    self._sync_index(entries)
            except GitRefused as err:
                self.failures += 1
                sys.stderr.write(f"warning: room: {len(pending)} action(s) not committed yet "
                                 f"(git: {err}); trying again\n")
                return False
            self.failures = 0
            self._trim(self._committed())
        return True

    def _committed(self) -> int:
        """How long the audit log is in HEAD, all its segments: every entry up to there is
        committed."""
        out = self._git(["ls-tree", "-r", "-l", "HEAD", "--", self.legacy_rel,
                         self.audit_rel + "/"], check=False)
        return sum(int(x.split()[3]) for x in out.splitlines()
                   if len(x.split()) >= 4 and x.split()[3].isdigit())

    def _segment(self, e: Entry) -> tuple[str, int]:
        """The log's segment an entry commits, and its length there."""
        return (e.audit_segment, e.audit_segment_end) if e.audit_segment else \
            (self.legacy_rel, e.audit_end)

    def _trim(self, done: int) -> None:
        with self._journal("r+b") as fh:
            keep = [e for e in _entries(fh.read()) if e.audit_end > done]
            fh.seek(0)
            fh.truncate()
            fh.write("".join(e.line() for e in keep).encode("utf-8"))

    def _fast_import(self, entries: list[Entry]) -> None:
        head = self._git(["rev-parse", "-q", "--verify", "HEAD^{commit}"], check=False).strip()
        branch = self._git(["symbolic-ref", "-q", "HEAD"], check=False).strip()
        if not branch:
            raise GitRefused("HEAD is not on a branch")
        ignored = self._ignored({p for e in entries for p, _ in e.files} |
                                {self._segment(e)[0] for e in entries})
        logs: dict[str, bytes] = {}   # each segment as it stands (it only grows)
        for e in entries:
            path, end = self._segment(e)
            if path not in logs:
                logs[path] = (self.top / path).read_bytes()
            if len(logs[path]) < end:
                raise GitRefused(f"{path} is shorter than the actions it records")
        out = bytearray()
        for n, e in enumerate(entries):
            message = e.message.encode("utf-8")
            out += (f"commit {branch}\nauthor {e.author} {e.when} +0000\n"
                    f"committer {COMMITTER} {int(time.time())} +0000\n"
                    f"data {len(message)}\n").encode("utf-8") + message + b"\n"
            if n == 0 and head:
                out += f"from {head}\n".encode()
            path, end = self._segment(e)
            for path, data in e.files + ((path, logs[path][:end]),):
                if path in ignored:
                    continue
                if data is None:
                    out += b"D " + _quoted(path) + b"\n"
                else:
                    out += b"M 100644 inline " + _quoted(path) + \
                        f"\ndata {len(data)}\n".encode() + data + b"\n"
        out += b"done\n"
        ran = subprocess.run(["git", "-C", str(self.top), "fast-import", "--quiet", "--done"],
                             input=bytes(out), capture_output=True, timeout=300)
        if ran.returncode != 0:
            raise GitRefused(" ".join(ran.stderr.decode("utf-8", "replace").split())[:300])

    def _ignored(self, paths: set[str]) -> set[str]:
        """The paths .gitignore leaves out (and no commit has taken), as `git add` would."""
        ran = subprocess.run(["git", "-C", str(self.top), "check-ignore", "-z", "--stdin"],
                             input="\0".join(sorted(paths)).encode("utf-8"),
                             capture_output=True, timeout=60)
        return {p.decode("utf-8") for p in ran.stdout.split(b"\0") if p}

    def _sync_index(self, entries: list[Entry]) -> None:
        """The index brought to the new commits for the paths they touched, so that `git
        status` shows them as committed. Another git command (a `git status`) holds the
        index's lock for a moment: tried again shortly, and what is still held back is
        brought up with the next commit (a delay, never a loss: HEAD has every file)."""
        self._unsynced |= {p for e in entries for p, _ in e.files} | \
            {self._segment(e)[0] for e in entries}
        paths = sorted(self._unsynced)
        for attempt in range(6):
            ran = subprocess.run(["git", "-C", str(self.top), "reset", "-q", "--"] + paths,
                                 capture_output=True, timeout=120)
            if ran.returncode == 0:
                self._unsynced.clear()
                return
            if b"index.lock" not in ran.stderr:
                break
            time.sleep(0.05 * (attempt + 1))
        sys.stderr.write("warning: room: the git index was not brought up to date (tried "
                         "again with the next commit): " +
                         " ".join(ran.stderr.decode("utf-8", "replace").split())[:300] + "\n")

    def _git(self, args: list[str], check: bool = True) -> str:
        ran = subprocess.run(["git", "-C", str(self.top)] + args, capture_output=True,
                             text=True, timeout=60)
        if check and ran.returncode != 0:
            raise GitRefused(" ".join(ran.stderr.split())[:300])
        return ran.stdout

    @contextmanager
    def _journal(self, mode: str) -> Iterator:
        with open(self.journal, mode) as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)   # in place: appends wait for a trim
            yield fh


def _entries(data: bytes) -> list[Entry]:
    """The journal's entries; a line cut short (the machine stopped while it was written,
    before its action's answer) is left out, and said."""
    out = []
    for line in filter(str.strip, data.decode("utf-8", "replace").splitlines()):
        try:
            out.append(Entry.of_line(line))
        except (ValueError, KeyError, TypeError):
            sys.stderr.write(f"warning: room: a journal line cut short is left out: "
                             f"{line[:80]}\n")
    return out


class GitRefused(Exception):
    pass


@contextmanager
def _flock(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _quoted(path: str) -> bytes:
    """A path as fast-import reads it: C-style quoted (a name may hold any character)."""
    text = path.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'.encode("utf-8")
