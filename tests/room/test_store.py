"""The Store's listing of the proposals on file (room/store.py) when another server process
files or decides one: brought up to date from one scan of the round folders, reading again
only the files that changed."""
from __future__ import annotations

from dataclasses import replace

from roomkit import NEG, make_room


def test_another_process_filing_and_deciding_is_seen_reading_only_those_files(
        tmp_path, monkeypatch):
    import assembler.room.store as store_module
    from assembler.amendments.model import Change, Proposal, number_changes
    from assembler.negotiation.workflow import Decision
    from assembler.room.store import Store, today
    a, accounts, _ = make_room(tmp_path)
    b = Store(a.root, NEG)   # a second server process over the same files
    before = {p.id: p.status for p in b.on_file()}
    assert before["G-01"] == "proposed" and len(before) > 5
    read = []
    real = store_module.read_or_error
    monkeypatch.setattr(store_module, "read_or_error",
                        lambda path: read.append(path.name) or real(path))
    me = accounts.invite("Co-facilitators", "Delegation Q")[0]
    with a.action("Delegation Q", "new draft") as w:
        pid = a.new_proposal_id()
        change = Change("replace-words", "op24", "four days", "six days")
        a.save_private(w, me.id, replace(Proposal(pid, "Delegation Q", "first-draft", ()),
                                         changes=number_changes(pid, (change,))))
    with a.action("Delegation Q", "submit", pid) as w:
        a.submit(w, me.id, pid)
    with a.action("Co-facilitators", "decide accept", "G-01") as w:
        a.decide(w, "G-01", Decision("accept", today()))
    read.clear()
    after = {p.id: p.status for p in b.on_file()}
    assert after == {**before, "G-01": "accepted", pid: "proposed"}
    assert sorted(read) == sorted(["G-01.yaml", f"{pid}.yaml"])
