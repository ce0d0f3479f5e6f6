"""Group commit of the audit log (room/durable.py): an action's line is on disk before the
action returns, and actions writing at once share the syncs instead of taking one each."""
from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from roomkit import make_room


def test_actions_at_once_share_the_syncs_of_the_audit_log(tmp_path, monkeypatch):
    """Twelve actions in twelve threads while each sync takes 50 ms: every one returns only
    once a sync that began after its line was written has finished, and fewer syncs than
    actions were made."""
    import assembler.room.durable as durable
    store, _, _ = make_room(tmp_path)
    log = store.record.log.folder / "000001.jsonl"   # short lines: one segment
    synced: list[int] = []   # the audit log's size as each sync of it began and finished
    lock = threading.Lock()
    real = os.fdatasync

    def slow_sync(fd: int) -> None:
        size = os.fstat(fd).st_size
        time.sleep(0.05)
        real(fd)
        if os.path.samefile(f"/proc/self/fd/{fd}", log):
            with lock:
                synced.append(size)
    monkeypatch.setattr(durable.os, "fdatasync", slow_sync)

    def act(i: int) -> None:
        with store.action(f"Delegation {i}", "note", f"N-{i:02d}") as w:
            store.write_json(w, f"note-{i}.json", {"n": i})
        text = log.read_text("utf-8")
        end = len(text[:text.index(f'"subject": "N-{i:02d}"')].encode()) + 1
        with lock:
            assert synced and max(synced) >= end, (i, synced, end)
    with ThreadPoolExecutor(12) as pool:
        list(pool.map(act, range(12)))
    assert log.read_text("utf-8").count('"action": "note"') == 12
    assert 1 <= len(synced) < 12
