"""The audit log in append-only segments (room/auditlog.py): each commit carries the one
segment its action's line went to, never the whole log, and nothing of the record is lost,
a room's log from before segments included."""
from __future__ import annotations

import json

import pytest

from test_committer import commits, git, git_root, one
from roomkit import NEG, audit_text


@pytest.fixture
def small_segments(monkeypatch):
    import assembler.room.auditlog as auditlog
    monkeypatch.setattr(auditlog, "SEGMENT_BYTES", 600)   # a few lines each
    return 600


def actions(store, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        with store.action(f"Delegation {i:02d}", "note", f"N-{i:02d}") as w:
            store.write_json(w, f"note-{i:02d}.json", {"n": i})


def test_each_commit_carries_only_its_segment_and_the_record_is_whole(tmp_path,
                                                                       small_segments):
    from assembler.room.store import Store
    store = Store(git_root(tmp_path), NEG)
    actions(store, 24)
    segments = store.record.log.segments()
    assert len(segments) >= 4 and [p.name for p in segments][:2] == ["000001.jsonl",
                                                                     "000002.jsonl"]
    assert all(p.stat().st_size < small_segments + 200 for p in segments)
    lines = [json.loads(x) for x in audit_text(store).splitlines()]
    assert [e["subject"] for e in lines] == [f"N-{i:02d}" for i in range(24)]
    assert store.record.lines(5) == lines[-5:]
    history = commits(store.root)
    for i in range(24):
        c = one(history, f"room: note N-{i:02d}")
        assert [e["subject"] for e in c["audit"]] == [f"N-{i:02d}"]
        logs = [f for _, f in c["files"] if "/audit" in f]
        assert len(logs) == 1 and logs[0].startswith(f"room/{NEG}/audit/")
    for p in segments:   # HEAD holds each segment as it is on disk
        assert git(store.root, "show", f"HEAD:room/{NEG}/audit/{p.name}") == p.read_text()
    assert git(store.root, "status", "--porcelain") == ""


def test_a_room_begun_before_segments_keeps_its_log(tmp_path, small_segments):
    """audit.jsonl of an older room stays, first and closed; new lines go to segments, and
    the committer counts it with them (nothing committed twice, nothing left)."""
    from assembler.room.store import Store
    root = git_root(tmp_path)
    old = [{"when": "2026-01-01T00:00:00+00:00", "who": "Co-facilitators",
            "action": "init room", "subject": ""}]
    legacy = root / "room" / NEG / "audit.jsonl"
    legacy.parent.mkdir(parents=True)
    legacy.write_text("".join(json.dumps(e) + "\n" for e in old))
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "older room")
    store = Store(root, NEG)
    actions(store, 10)
    assert store.record.log.segments()[0] == legacy and legacy.read_text().count("\n") == 1
    lines = [json.loads(x) for x in audit_text(store).splitlines()]
    assert [e["subject"] for e in lines] == [""] + [f"N-{i:02d}" for i in range(10)]
    history = commits(store.root)
    assert len([c for c in history if c["subject"].startswith("room: note")]) == 10
    assert not store.record.committer.journal.read_text().strip()   # every entry done
    assert git(store.root, "status", "--porcelain") == ""
