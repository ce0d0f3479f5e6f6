"""Several processes deciding (`status`) and applying in one negotiation at once: they take
turns on the folder lock (assembler/fs/locks.py); no decision is lost, every history reads
in one consistent order, every draft written is whole and checks."""
from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from assembler.amendments.yamlio import load_proposal
from assembler.fs.locks import hold

from conftest import FIRST_DRAFT, ROOT
from inproc import cli, one_line_error

ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"
ASM = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")


def _negotiation(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(FIRST_DRAFT, drafts / "first-draft.draft")
    props = tmp_path / "rev1"
    shutil.copytree(ROUND1, props)
    return drafts, props


def _run(args):
    return subprocess.run([ASM, *map(str, args)], capture_output=True, text=True, timeout=300)


def test_concurrent_decisions_and_applies_lose_nothing(tmp_path):
    drafts, props = _negotiation(tmp_path)
    p03, p02 = props / "P-03.yaml", props / "P-02.yaml"
    jobs = []
    for k in range(6):  # six decisions on one proposal, each allowed after any other
        jobs.append(("status", p03, "modify", "--text", f"seventy-third session ({k})",
                     "--note", f"decision {k}", "--date", "2017-01-13"))
    for k in range(3):  # and three on another, interleaved with applies
        jobs.append(("status", p02, "modify", "--text", f", from two regions ({k})",
                     "--note", f"other {k}", "--date", "2017-01-14"))
    for k in range(3):
        jobs.append(("apply", drafts / "first-draft.draft", props, "-o",
                     drafts / f"rev1-{k}.draft", "--all"))
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(pool.map(_run, jobs))
    failed = [(j, r.returncode, r.stderr) for j, r in zip(jobs, results)
              if r.returncode not in (0, 1)]
    assert not failed, failed
    for j, r in zip(jobs, results):
        assert "Traceback" not in r.stderr, r.stderr
        if j[0] == "status":
            assert r.returncode == 0, (j, r.stderr)

    prop = load_proposal(p03)  # reads back: every transition in its history is allowed
    notes = [e.note for e in prop.history if e.note.startswith("decision")]
    assert sorted(notes) == [f"decision {k}" for k in range(6)]  # none lost, none twice
    assert len(prop.history) == 2 + 6
    assert prop.status == "accepted-with-modification"
    # the history's order is the order the decisions were written: the last one's text is
    # the text now in force
    last = int(notes[-1].split()[-1])
    assert prop.effective_changes[0].text == f"seventy-third session ({last})"
    other = [e.note for e in load_proposal(p02).history if e.note.startswith("other")]
    assert sorted(other) == [f"other {k}" for k in range(3)]

    for k in range(3):
        out = drafts / f"rev1-{k}.draft"
        r = cli("check", out)
        assert r.code == 0, r.stdout
    assert sorted(p.name for p in drafts.iterdir() if p.name.startswith(".")) == []
    assert sorted(p.name for p in props.iterdir() if p.name.startswith(".")) == []


def test_a_held_lock_makes_a_decision_wait_then_say_so(tmp_path, monkeypatch):
    _, props = _negotiation(tmp_path)
    before = (props / "P-03.yaml").read_bytes()
    import assembler.fs.locks as locks
    monkeypatch.setattr(locks, "WAIT_SECONDS", 0.3)
    with hold(exclusive=[props]):
        r = subprocess.run([ASM, "status", str(props / "P-03.yaml"), "reopen"],
                           capture_output=True, text=True, timeout=60,
                           env={**__import__("os").environ, "ASSEMBLER_LOCK_WAIT": "0.3"})
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip() == (f"error: {props.resolve()}: is busy: another assembler has "
                                "been updating it for 0.3 s; nothing was done (wait for it to "
                                "finish and run this again)")
    assert (props / "P-03.yaml").read_bytes() == before
    # once the lock is free, the same decision goes through
    assert cli("status", props / "P-03.yaml", "reopen").code == 0


def test_the_room_and_the_command_line_take_the_same_locks(tmp_path, monkeypatch):
    """A decision in the room waits for `assembler status` on the same round (and the other
    way round): both hold fs.locks on the negotiation's folders."""
    import assembler.fs.locks as locks
    from assembler.errors import AssemblerError
    from roomkit import NEG, make_room
    store, _, _ = make_room(tmp_path)
    round1 = tmp_path / "amendments" / NEG / "rev1"
    monkeypatch.setattr(locks, "WAIT_SECONDS", 0.3)
    with hold(exclusive=[round1 / "P-03.yaml"]):  # what `status` holds while it decides
        with pytest.raises(AssemblerError, match="is busy"):
            with store.action("Co-facilitators", "decide"):
                pass
    with store.action("Co-facilitators", "decide"):  # free again
        line = one_line_error(cli("status", round1 / "P-03.yaml", "reopen"))
        assert "is busy" in line
