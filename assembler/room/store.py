"""Every file the room reads or writes, behind one object: the negotiation's versions
(drafts/<negotiation>/, through the Negotiation object), its proposals (amendments/
<negotiation>/<round>/), and the room's own files (room/<negotiation>/: accounts, private
drafts, state, audit log).

The web layer never builds a path: it names proposals by id and accounts by object, and this
module looks them up among the files it lists (names joined only through fs.names.inside).
Every change goes through `Store.action`, which holds the negotiation's lock, writes through
fs.write (atomic, never replacing a proposal), and leaves it to the Record (record.py) to
append to the audit log and, where the folder is a git repository, journal the files touched
for a commit with the actor as author, made out of the lock.

The workflow's steps (a decision, a proposal filed, the next version issued) are
negotiation/workflow.py's, as the command line takes them; this object adds what a room
needs around them: a cached listing, the locks, the audit log and the commit.

Reading is cached per file (inode, time, size): a preview asks for every proposal on file,
and re-reading a thousand YAML files for each would not keep up with a room of delegations.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

import yaml

from ..amendments.placing import parent_map
from ..amendments.model import Proposal, StatusEntry
from ..amendments.targets import UnitIndex
from ..amendments.yamlio import load_proposal, parse_proposal, proposal_files
from ..negotiation.on_file import proposals_on_file, read_or_error, round_folders
from ..negotiation.workflow import (Decision, NextVersion, as_filed, decide_on_file,
                                    file_proposal, next_version, round_to_issue,
                                    write_version)
from ..amendments.yamlout import dump_proposal
from ..errors import AssemblerError
from ..fs.names import inside, is_name
from ..fs.locks import hold
from ..fs.write import write_atomic
from ..negotiation import Negotiation, Version
from ..negotiation.next_version import next_revision
from .record import Record

ROOM_PREFIX = "W"   # proposals written in the room: W-01, W-02 ... (unique in the negotiation)


def today() -> str:
    return _dt.date.today().isoformat()


@dataclass
class Written:
    """What one action touched: files for the git commit, a line for the audit log."""
    paths: list = field(default_factory=list)
    detail: str = ""


class Store:
    def __init__(self, root: str | Path, negotiation: str):
        if not is_name(negotiation or ""):
            raise AssemblerError(f"'{negotiation}' is not a negotiation name",
                                 hint="give the name of a folder under drafts/, e.g. "
                                      "gcm-modalities")
        self.root = Path(root).resolve()
        self.name = negotiation
        self.drafts_dir = Negotiation.named(negotiation, self.root).folder.resolve()
        self.amend_dir = self.root / "amendments" / negotiation
        self.room_dir = self.root / "room" / negotiation
        self._cache: dict = {}
        self._cache_lock = threading.Lock()
        self._filed_state: tuple | None = None  # (folders' stamp, {id: (proposal, path)})
        self._filed_generation = 0  # a listing begun before a write never replaces it
        self._writer: int | None = None  # the thread inside an action (under the locks)
        self._left_out: list[str] = []  # the files the last listing left out, in words
        self._request = threading.local()   # this request's round folders (`reading`)
        self.record = Record(self.root, self.room_dir)

    # ------------------------------------------------------------------ reading, cached
    def _stamp(self, paths) -> tuple:
        out = []
        for p in paths:
            try:
                st = p.stat()
            except FileNotFoundError:
                continue
            # files are replaced, never edited: a new inode is a new file
            out.append((str(p), st.st_ino, st.st_mtime_ns, st.st_size))
        return tuple(out)

    def _cached(self, key: str, stamp: tuple, make):
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit and hit[0] == stamp:
                return hit[1]
        value = make()
        with self._cache_lock:
            self._cache[key] = (stamp, value)
        return value

    def negotiation(self) -> Negotiation:
        """The Negotiation as its files stand now (a new one when a version is added)."""
        stamp = self._versions_stamp()
        return self._cached("negotiation", stamp,
                            lambda: Negotiation(self.drafts_dir, self.name, self.root))

    def versions(self) -> list[Version]:
        """The negotiation's versions in based-on order."""
        return self.negotiation().versions()

    def current(self) -> Version:
        return self.versions()[-1]

    def per_version(self, key: str, make):
        """What `make()` gives, kept while the versions stay as they are (the current
        version's index, its page)."""
        return self._cached(key, self._versions_stamp(), make)

    def _versions_stamp(self) -> tuple:
        """The version files as they stand: taken once per request (`reading`), afresh in
        an action (an issue adds one), since pages ask for the versions again and again."""
        mine = self._request
        if getattr(mine, "versions", None) is not None:
            return mine.versions
        stamp = self._stamp(sorted(self.drafts_dir.glob("*.draft")))
        if getattr(mine, "on", False) and self._writer != threading.get_ident():
            mine.versions = stamp
        return stamp

    def index(self) -> UnitIndex:
        """Every way of naming the current version's units."""
        return self.per_version("index", lambda: UnitIndex(self.current().draft))

    def lineage(self) -> dict[str, set[str]]:
        """Each unit of the current version with the units holding it and those it holds."""
        def make():
            parents = parent_map(self.current().draft)
            out: dict[str, set[str]] = {u: {u} for u in parents}
            for uid in parents:
                p = parents[uid]
                while p is not None:
                    out[uid].add(p)
                    out[p].add(uid)
                    p = parents[p]
            return out
        return self.per_version("lineage", make)

    def carried(self, p: Proposal) -> Proposal | None:
        """A proposal written against an older version, carried onto the current one (its
        changes anchored anew), or None when none of them can be. Kept until the proposal's
        file or the current version changes: previews weigh it again and again."""
        from ..amendments.record import ApplyRecord
        from ..amendments.carry import carry_proposal
        current = self.current()

        def make():
            try:
                changes = carry_proposal(p, p.effective_changes, current.draft, self.index(),
                                         self.find_version(), ApplyRecord(current.name))
            except AssemblerError:
                return None
            return replace(p, base=current.name, changes=tuple(changes), history=()) \
                if changes else None
        stamp = self._versions_stamp() + self._stamp([Path(p.file)])
        return self._cached(f"carried:{p.file}", stamp, make)

    def find_version(self):
        """For carrying proposals written against an older version: name -> Draft."""
        return self.negotiation().version

    def next_version_name(self) -> str:
        """rev<N>, N the revision `issue` gives the next version (next_version.py)."""
        return f"rev{next_revision(self.current().draft)}"

    @property
    def round_dir(self) -> Path:
        """Where the proposals for the next version are filed."""
        return self.amend_dir / self.next_version_name()

    def _proposal(self, path: Path) -> Proposal | None:
        got = self._read_proposal(path)
        return None if isinstance(got, AssemblerError) else got

    def _read_proposal(self, path: Path) -> Proposal | AssemblerError:
        """A proposal file read once per change of it, or why it cannot be read."""
        return self._cached(f"p:{path}", self._stamp([path]), lambda: read_or_error(path))

    def _load(self, path: Path) -> Proposal:
        """A proposal file read through the cache, or its error raised."""
        got = self._read_proposal(path)
        if isinstance(got, AssemblerError):
            raise got
        return got

    def _proposal_files(self, folder: Path) -> list[Path]:
        return proposal_files(folder) if folder.is_dir() else []

    def _round_folders(self) -> list[Path]:
        """The round folders, listed once per request (`reading`) and once under an action's
        lock: in a rush a round's folder changes with each submission, and every listing
        scans its thousand files again. After an action they are listed again."""
        mine = self._request
        if getattr(mine, "folders", None) is None:
            folders = round_folders(self.amend_dir)
            if getattr(mine, "on", False) or self._writer == threading.get_ident():
                mine.folders = folders
            return folders
        return mine.folders

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One request's view of the round folders (see `_round_folders`)."""
        mine = self._request
        mine.on, mine.folders, mine.versions = True, None, None
        try:
            yield
        finally:
            mine.on, mine.folders, mine.versions = False, None, None

    def _filed(self) -> dict[str, tuple[Proposal, Path]]:
        """Every proposal filed for the negotiation, by id, round by round as the
        Negotiation reads them (the first of an id wins). Listed again when a folder
        changed from outside (a file added, replaced or removed); what the room writes
        itself is brought up to date file by file (`_refresh_filed`)."""
        folders = self._round_folders()
        stamp = self._stamp(folders)
        with self._cache_lock:
            # while another thread of the room writes, its own refresh brings the list up to
            # date: listing a thousand files again for each reader would stall a rush
            if self._filed_state is not None and (self._filed_state[0] == stamp or
                                                  self._writer not in (None, threading.get_ident())):
                return self._filed_state[1]
            seen = self._filed_generation
        listed = self._list_filed(folders)
        with self._cache_lock:
            if self._filed_generation == seen:  # else the room wrote meanwhile: keep its list
                self._filed_state = (stamp, listed)
                self._filed_generation += 1
        return listed

    def _refresh_filed(self, paths: list) -> None:
        """After the room wrote `paths` (under the lock): those files read again, the rest
        of the list kept."""
        # the room's paths all start from the resolved root, as the listed ones do
        changed = {Path(p) for p in paths if self.amend_dir in Path(p).parents}
        with self._cache_lock:
            state = self._filed_state
        if not changed or state is None:
            return
        listed = {pid: hit for pid, hit in state[1].items() if hit[1] not in changed}
        for path in sorted(changed):
            p = self._proposal(path) if path.is_file() else None
            if p is not None and p.id not in listed:
                listed[p.id] = (p, path)
        stamp = self._stamp(self._round_folders())
        with self._cache_lock:
            self._filed_state = (stamp, listed)
            self._filed_generation += 1

    def _list_filed(self, folders: list[Path]) -> dict[str, tuple[Proposal, Path]]:
        """As the command line lists them (negotiation/on_file.py): a broken file leaves
        out itself only, the first file of an id wins."""
        stamps = _file_stamps(folders)

        def read(path: Path) -> Proposal | AssemblerError:
            # a file as this scan found it, when the cache holds it so: no stat of its own (a
            # relisting after another process filed one reads a thousand files otherwise)
            key = str(path)
            found = stamps.get(key)
            hit = self._cache.get(f"p:{key}") if found is not None else None
            if hit is not None and hit[0] == ((key,) + found,):
                return hit[1]
            return self._read_proposal(path)
        listed = proposals_on_file(self.amend_dir, read)
        self._left_out = listed.problems(lambda p: str(p.relative_to(self.amend_dir)))
        return {p.id: (p, path) for p, path in listed.proposals}

    def left_out(self) -> list[str]:
        """The proposal files the listing leaves out (unreadable, or an id used before),
        each named below the negotiation's folder with why: what `assembler proposals`
        and the other verbs warn of, for the co-facilitators' page."""
        self._filed()
        return list(self._left_out)

    def on_file(self) -> list[Proposal]:
        return [p for p, _ in self._filed().values()]

    def filed(self, pid: str) -> Proposal | None:
        hit = self._filed().get(pid)
        return hit[0] if hit else None

    def round_proposals(self) -> list[Proposal]:
        # from the listing kept of every proposal on file (not a stat of each file again)
        folder = str(self.round_dir)
        return [p for p, path in self._filed().values() if os.path.dirname(path) == folder]

    def private_drafts(self, account_id: str) -> list[Proposal]:
        return [p for p in (self._private(f) for f in
                            self._proposal_files(self._private_dir(account_id))) if p]

    def _private(self, path: Path) -> Proposal | None:
        """A private draft; one with no change yet is no valid proposal file, so it is read
        from the few fields `save_private` writes."""
        def load():
            text = path.read_text("utf-8")
            if "\nchanges: []\n" not in text:
                return load_proposal(path)
            m = yaml.safe_load(text)
            return Proposal(str(m["id"]), str(m["proposer"]), str(m["base"]), (),
                            title=str(m.get("title", "")), file=str(path))
        return self._cached(f"d:{path}", self._stamp([path]), load)

    def private_draft(self, account_id: str, pid: str) -> Proposal | None:
        return next((p for p in self.private_drafts(account_id) if p.id == pid), None)

    def _private_dir(self, account_id: str) -> Path:
        if not re.fullmatch(r"[a-f0-9]{12}", account_id):
            raise AssemblerError("not an account id")
        return inside(self.room_dir / "private", account_id, what="an account id")

    def read_json(self, name: str, default):
        path = self.room_dir / name
        return self._cached(f"j:{name}", self._stamp([path]),
                            lambda: json.loads(path.read_text("utf-8")) if path.is_file()
                            else default)

    # ------------------------------------------------------------------ writing
    @contextmanager
    def action(self, actor: str, what: str, subject: str = "") -> Iterator[Written]:
        """One action: under the negotiation's locks (fs.locks, the same the command line
        takes, so a decision in the room and `assembler status` take turns); audited and
        committed when it succeeds."""
        self.room_dir.mkdir(parents=True, exist_ok=True)
        # every folder proposals are listed from (on_file.round_folders), nested ones too
        self._request.folders = self._request.versions = None
        with hold(exclusive=[self.room_dir, self.drafts_dir, *self._round_folders()]):
            w = Written()
            self._request.folders = self._request.versions = None   # afresh, under the lock
            self._writer = threading.get_ident()
            try:
                yield w
            finally:
                self._refresh_filed(w.paths)
                self._writer = None
                self._request.folders = self._request.versions = None   # after what it wrote
            end = self.record.audit(actor, what, subject, w.detail)
            self.record.commit(actor, f"room: {what} {subject}".strip(), w.paths, end)
        self.record.after_lock()   # git runs out of the lock (record.py)

    def write_json(self, w: Written, name: str, data) -> None:
        path = self.room_dir / name
        write_atomic(path, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode())
        w.paths.append(path)

    def new_proposal_id(self) -> str:
        """W-NN, the next number free in the whole negotiation and in every private folder.
        Call inside an action (under the lock)."""
        taken = set(self._filed())
        private = self.room_dir / "private"
        if private.is_dir():
            taken |= {f.stem for f in private.glob("*/*.yaml")}
        n = 1
        while f"{ROOM_PREFIX}-{n:02d}" in taken or \
                (self.round_dir / f"{ROOM_PREFIX}-{n:02d}.yaml").exists():
            n += 1
        return f"{ROOM_PREFIX}-{n:02d}"

    def save_private(self, w: Written, account_id: str, proposal: Proposal) -> None:
        folder = self._private_dir(account_id)
        folder.mkdir(parents=True, exist_ok=True)
        path = inside(folder, proposal.id, ".yaml")
        # a draft is checked when it is submitted; until then it is the delegation's own
        write_atomic(path, dump_proposal(proposal).encode("utf-8"))
        self._remember("d", path, proposal)
        w.paths.append(path)

    def discard_private(self, w: Written, account_id: str, pid: str) -> None:
        if self.private_draft(account_id, pid) is None:
            raise AssemblerError(f"no draft {pid}")
        path = inside(self._private_dir(account_id), pid, ".yaml")
        path.unlink()
        w.paths.append(path)

    def filing(self, proposal: Proposal) -> tuple | None:
        """The proposal as it would go on file today (workflow.as_filed), made out of the
        lock for `submit`; None when it cannot be (`submit` then says why, under the lock)."""
        folder, date = self.round_dir, today()
        try:
            return proposal, folder, date, as_filed(folder, proposal, date)
        except AssemblerError:
            return None

    def submit(self, w: Written, account_id: str, pid: str, made: tuple | None = None
               ) -> Proposal:
        """The private draft put on file; `made`: its `filing`, used when the draft, the
        round and the day are still those it was made for."""
        draft = self.private_draft(account_id, pid)
        if draft is None:
            raise AssemblerError(f"no draft {pid}")
        date = today()
        ready = made[3] if made and made[1:3] == (self.round_dir, date) and \
            replace(made[0], file="") == replace(draft, file="") else None
        filed, path = file_proposal(self.round_dir, draft, date, self._filed(), ready)
        self._remember("p", path, filed)
        self.discard_private(w, account_id, pid)
        w.paths.append(path)
        return filed

    def _remember(self, kind: str, path: Path, proposal: Proposal) -> None:
        """What was just written, kept as if read back (it was made from this value)."""
        with self._cache_lock:
            self._cache[f"{kind}:{path}"] = (self._stamp([path]), replace(proposal,
                                                                          file=str(path)))

    def decide(self, w: Written, pid: str, decision: Decision) -> StatusEntry:
        """A decision on a filed proposal, judged and recorded as `assembler status` does
        (workflow.decide_on_file), against the proposal as its file stands under the lock."""
        hit = self._filed().get(pid)
        if hit is None:
            raise AssemblerError(f"no proposal {pid} on file")
        _, entry = decide_on_file(hit[1], decision, self.versions(), self._filed)
        w.paths.append(hit[1])
        return entry

    def add_co_sponsor(self, w: Written, pid: str, name: str) -> None:
        """A co-sponsor added to a filed proposal (YAML files only). The file is read again
        here, under the action's locks, so a decision recorded meanwhile is kept."""
        hit = self._filed().get(pid)
        if hit is None or hit[1].suffix.lower() not in (".yaml", ".yml"):
            raise AssemblerError(f"{pid} is not a proposal file the room can rewrite")
        proposal = load_proposal(hit[1])
        if name in proposal.co_sponsors:
            return
        text = dump_proposal(replace(proposal, co_sponsors=proposal.co_sponsors + (name,)))
        parse_proposal(text, str(hit[1]))
        write_atomic(hit[1], text.encode("utf-8"))
        w.paths.append(hit[1])

    def issue(self, w: Written, date: str) -> NextVersion:
        """The next version from the current one and the accepted proposals of the round,
        made and written as `assembler apply` makes and writes it (workflow.py): never over
        a version, whole or not at all; what each change did kept in records/."""
        base = self.current()
        made = next_version(base.draft, round_to_issue(self.round_dir, self._load),
                            self.next_version_name(),
                            date=date, versions=self.find_version())
        name = made.draft.metadata.version
        path = inside(self.drafts_dir, name, ".draft", what="a version name")
        (self.room_dir / "records").mkdir(parents=True, exist_ok=True)
        w.paths += write_version(made, path, self.room_dir / "records" / f"{name}.json",
                                 versions_folder=self.drafts_dir)
        return made

    # ------------------------------------------------------------------ the room's own files
    @property
    def initialised(self) -> bool:
        return (self.room_dir / "secret.key").is_file()

    def secret_key(self) -> str:
        """The key that signs session cookies; made by `assembler room init`, never committed."""
        path = self.room_dir / "secret.key"
        if not path.is_file():
            raise AssemblerError(f"the room of '{self.name}' is not set up",
                                 hint=f"run 'assembler room init {self.name}' first")
        key = path.read_text("utf-8").strip()
        if len(key) < 32:
            raise AssemblerError("the room's secret key is too short", file=str(path),
                                 hint="delete it and run 'assembler room init' again")
        return key

    def init(self, w: Written) -> None:
        import secrets
        self.room_dir.mkdir(parents=True, exist_ok=True)
        ignore = self.room_dir / ".gitignore"
        if not ignore.exists():
            write_atomic(ignore, b"secret.key\n.lock\n")
            w.paths.append(ignore)
        key = self.room_dir / "secret.key"
        if not key.exists():
            fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32) + "\n")
        if not (self.room_dir / "state.json").exists():
            self.write_json(w, "state.json", {"open": True, "deadline": ""})


def _file_stamps(folders: list[Path]) -> dict[str, tuple]:
    """Each file's (inode, time, size) in the folders, from one scan of each (the stamp the
    cache keeps a file's reading by, `Store._stamp`)."""
    out: dict[str, tuple] = {}
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                for e in entries:
                    try:
                        if e.is_file():
                            st = e.stat()
                            out[e.path] = (st.st_ino, st.st_mtime_ns, st.st_size)
                    except OSError:   # gone meanwhile: read (and said) as the listing finds it
                        continue
        except OSError:
            continue
    return out
