"""The room's git history, committed out of the negotiation's lock (room/committer.py): every
action its own commit, with its own audit line and its files as it left them, whatever ran
meanwhile; nothing lost when git refuses for a while or the server is killed."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from roomkit import NEG, csrf_of, free_port, negotiation_copy, serving, signed_in

IDENT = ["-c", "user.name=t", "-c", "user.email=t@t"]


def git_root(tmp_path):
    root = negotiation_copy(tmp_path)
    git(root, "init", "-q")
    git(root, *IDENT, "add", "-A")
    git(root, *IDENT, "commit", "-qm", "start")
    return root


def git(root, *args) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          check=True).stdout


def room_in_git(tmp_path):
    from assembler.room.accounts import Accounts
    from assembler.room.app import create_app
    from assembler.room.store import Store
    store = Store(git_root(tmp_path), NEG)
    with store.action("Co-facilitators", "init room") as w:
        store.init(w)
    return store, Accounts(store), create_app(store, secret_key=store.secret_key())


def draft_with_change(client, csrf, n: int) -> str:
    pid = str(client.post("/drafts", data={"csrf": csrf, "title": f"T{n}"}).url).rsplit("/", 1)[1]
    r = client.post(f"/drafts/{pid}/changes", data={
        "csrf": csrf, "form": "words", "target": "op24", "words": "four days", "offset": "0",
        "mode": "replace", "text": f"{n + 5} days"})
    assert r.status_code == 200
    return pid


def commits(root) -> list[dict]:
    """Every commit, newest first: its subject, author, the audit lines it adds and the
    files it touches."""
    out = []
    for sha in git(root, "rev-list", "HEAD").split():
        subject, author = git(root, "log", "-1", "--format=%s%n%an", sha).splitlines()
        diff = git(root, "show", "--format=", "--no-renames", "-U0", sha, "--",
                   f"room/{NEG}/audit/")
        added = [json.loads(x[1:]) for x in diff.splitlines()
                 if x.startswith("+") and not x.startswith("+++")]
        files = git(root, "show", "--format=", "--name-status", "--no-renames", sha).split("\n")
        out.append({"subject": subject, "author": author, "audit": added, "sha": sha,
                    "files": [tuple(f.split("\t")) for f in files if f]})
    return out


def one(history: list[dict], subject: str) -> dict:
    named = [c for c in history if c["subject"] == subject]
    assert len(named) == 1, f"{len(named)} commits named {subject}"
    return named[0]


def test_concurrent_submissions_each_commit_their_own_audit_line(tmp_path):
    store, accounts, app = room_in_git(tmp_path)
    delegations = [(f"Delegation {c}",) + signed_in(app, accounts, f"Delegation {c}")
                   for c in "ABCDEFGH"]
    pids = [draft_with_change(client, csrf, n) for n, (_, client, csrf) in
            enumerate(delegations)]
    with ThreadPoolExecutor(len(delegations)) as pool:
        answers = list(pool.map(lambda d: d[1][1].post(f"/drafts/{d[0]}/submit",
                                                       data={"csrf": d[1][2]}),
                                zip(pids, delegations)))
    assert all(r.url.path.startswith("/p/W-") for r in answers)
    assert store.record.committer.flush()
    history = commits(store.root)
    for pid, (name, _, _) in zip(pids, delegations):
        c = one(history, f"room: submit {pid}")
        assert c["author"] == name
        assert [(e["who"], e["action"], e["subject"]) for e in c["audit"]] == \
            [(name, "submit", pid)]
        assert ("A", f"amendments/{NEG}/rev1/{pid}.yaml") in c["files"]
        assert [s for s, f in c["files"] if "/private/" in f] == ["D"]   # the draft's file
    # the log in HEAD is the log on disk, and nothing is left uncommitted
    segments = store.record.log.segments()
    assert [p.name for p in segments] == ["000001.jsonl"]
    assert git(store.root, "show", f"HEAD:room/{NEG}/audit/000001.jsonl") == \
        segments[0].read_text("utf-8")
    assert git(store.root, "status", "--porcelain") == ""


def test_a_commit_holds_the_files_as_its_action_left_them(tmp_path, capfd):
    """git refuses while a stale lock holds the branch: the room answers all the same, says
    so, and commits later; the submission's commit has the proposal as submitted, the
    decision taken meanwhile is in the decision's own commit."""
    store, accounts, app = room_in_git(tmp_path)
    branch = git(store.root, "symbolic-ref", "HEAD").strip()
    lock = store.root / ".git" / f"{branch}.lock"
    lock.write_text("")
    a, a_csrf = signed_in(app, accounts, "Delegation A")
    chair, c_csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    pid = draft_with_change(a, a_csrf, 1)
    assert a.post(f"/drafts/{pid}/submit", data={"csrf": a_csrf}).url.path == f"/p/{pid}"
    r = chair.post(f"/p/{pid}/decide", data={"csrf": c_csrf, "action": "accept"})
    assert r.status_code == 200
    assert not store.record.committer.flush(timeout=1)
    assert "not committed yet" in capfd.readouterr().err
    assert "room: submit" not in git(store.root, "log", "--format=%s")
    lock.unlink()
    assert store.record.committer.flush()
    history = commits(store.root)
    path = f"amendments/{NEG}/rev1/{pid}.yaml"
    submitted = git(store.root, "show", f"{one(history, f'room: submit {pid}')['sha']}:{path}")
    decided = git(store.root, "show", f"{one(history, f'room: decide accept {pid}')['sha']}:{path}")
    assert "accepted" not in submitted and "status: accepted" in decided
    assert decided == (store.root / path).read_text("utf-8")
    assert git(store.root, "status", "--porcelain") == ""


def test_a_killed_room_commits_its_actions_when_it_starts_again(tmp_path):
    store, accounts, _ = room_in_git(tmp_path)
    branch = git(store.root, "symbolic-ref", "HEAD").strip()
    lock = store.root / ".git" / f"{branch}.lock"
    lock.write_text("")   # git refuses every commit while the server runs
    import httpx
    port = free_port()
    _, token = accounts.invite("Co-facilitators", "Delegation K", "delegation")
    args = ["serve", NEG, "--root", store.root, "--port", port, "--workers", "1"]
    with serving(args, port) as server, \
            httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True) as c:
        c.post("/signin", data={"csrf": csrf_of(c.get(f"/signin/{token}").text),
                                "token": token})
        csrf = csrf_of(c.get("/proposals").text)
        pids = [draft_with_change(c, csrf, n) for n in range(3)]
        for pid in pids:
            assert c.post(f"/drafts/{pid}/submit", data={"csrf": csrf}).url.path == f"/p/{pid}"
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    for pid in pids:   # the files are there, uncommitted
        assert (store.round_dir / f"{pid}.yaml").is_file()
    assert "room: submit" not in git(store.root, "log", "--format=%s")
    lock.unlink()
    with serving(args, port):
        # until every action of the journal is committed and the index brought up: the
        # status asked without optional locks, since a `git status` that refreshes the
        # index writes back what it read before the committer's reset (git's own race)
        for _ in range(100):
            if all(f"room: submit {pid}" in git(store.root, "log", "--format=%s")
                   for pid in pids) and \
                    git(store.root, "--no-optional-locks", "status", "--porcelain") == "":
                break
            time.sleep(0.2)
    # this process's own committer (the invitation above was journalled here while git
    # refused) may be retrying still: its turn taken before the files are judged
    assert store.record.committer.flush()
    history = commits(store.root)
    for pid in pids:
        c = one(history, f"room: submit {pid}")
        assert c["author"] == "Delegation K" and \
            [(e["action"], e["subject"]) for e in c["audit"]] == [("submit", pid)]
    assert git(store.root, "--no-optional-locks", "status", "--porcelain") == ""


def test_a_journal_line_cut_short_by_a_crash_leaves_out_itself_only(tmp_path, capfd):
    store, accounts, app = room_in_git(tmp_path)
    committer = store.record.committer
    with open(committer.journal, "ab") as fh:
        fh.write(b'{"author": "Delegation Z <delegation-z@room>", "mess')   # no end of line
    a, csrf = signed_in(app, accounts, "Delegation A")
    pid = draft_with_change(a, csrf, 1)
    assert committer.flush()
    assert "a journal line cut short is left out" in capfd.readouterr().err
    assert one(commits(store.root), f"room: change draft {pid}")["author"] == "Delegation A"
    assert committer.journal.read_bytes() == b""
    assert git(store.root, "status", "--porcelain") == ""
