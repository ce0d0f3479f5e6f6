"""The room at work, through its web pages (Starlette's TestClient): a delegation writes a
proposal on the first draft by selected words, paragraph operations and UN prose, sees the
preview and its collisions, submits, invites a co-sponsor, withdraws; uploads Word tracked
changes; the co-facilitators compile, decide and issue Rev.1 with its downloads. The files
are the record: proposals in amendments/, the new version in drafts/, an audit log, a git
commit per action with the actor as author."""
from __future__ import annotations

import html
import io
import json
import subprocess

import openpyxl
import pytest
from docx import Document

from conftest import run_cli
from roomkit import NEG, audit_text, flash, make_room, negotiation_copy, signed_in
from assembler.amendments.yamlio import load_proposal
from assembler.source import load_draft


@pytest.fixture
def room(tmp_path):
    return make_room(tmp_path)


def new_draft(client, csrf, title="Mine") -> str:
    r = client.post("/drafts", data={"csrf": csrf, "title": title})
    return str(r.url).rsplit("/", 1)[1]


def change(client, csrf, pid, **fields):
    r = client.post(f"/drafts/{pid}/changes", data={"csrf": csrf, **fields})
    assert r.status_code == 200
    return r


def submitted_on_op24(app, accounts) -> str:
    """Delegation Q's proposal on OP 24, submitted: its id."""
    a, csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(a, csrf)
    change(a, csrf, pid, form="words", target="op24", words="March 2018 for four days",
           offset="0", mode="replace", text="March 2018 for six days")
    a.post(f"/drafts/{pid}/submit", data={"csrf": csrf})
    return pid


def test_selected_words_preview_collision_and_submit(room):
    store, accounts, app = room
    a, csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(a, csrf, "Length of the sessions")
    page = a.get(f"/drafts/{pid}").text
    assert 'id="op24"' in page and "in March 2018 for four days" in page  # the text to select
    # the live preview while typing, before the change is kept
    r = a.post(f"/drafts/{pid}/try", data={"csrf": csrf, "form": "words", "target": "op24",
                                          "words": "March 2018 for four days", "offset": "0",
                                          "mode": "replace", "text": "March 2018 for six days"})
    assert "<del" in r.text and ">four</del>" in r.text and ">six</ins>" in r.text
    assert "collides with G-01/1 by Group of Friends of Migration" in r.text
    assert not store.private_draft(accounts.by_name("Delegation Q").id, pid).changes
    change(a, csrf, pid, form="words", target="op24", words="March 2018 for four days",
           offset="0", mode="replace", text="March 2018 for six days")
    pv = a.get(f"/drafts/{pid}/preview").text
    assert "1 collision(s)" in pv and "they change overlapping words" in pv
    assert 'class="conflict"' in pv  # the note under the paragraph, as in the CLI preview
    assert f'hx-get="/drafts/{pid}/clean"' in pv  # the clean text comes when opened
    clean = a.get(f"/drafts/{pid}/clean").text
    assert "in March 2018 for six days" in clean and "<del" not in clean
    # the .docx preview: tracked changes under the delegation's name, the clash as a comment
    docx = a.get(f"/drafts/{pid}/preview.docx")
    assert docx.headers["content-disposition"] == f'attachment; filename="preview-{pid}.docx"'
    import zipfile
    z = zipfile.ZipFile(io.BytesIO(docx.content))
    body = z.read("word/document.xml").decode()
    assert 'w:author="Delegation Q"' in body and "<w:del " in body and "<w:ins " in body
    assert "Group of Friends of Migration" in z.read("word/comments.xml").decode()
    r = a.post(f"/drafts/{pid}/submit", data={"csrf": csrf})
    assert r.url.path == f"/p/{pid}" and flash(r.text) == f"{pid} is submitted."
    filed = load_proposal(store.round_dir / f"{pid}.yaml")
    assert (filed.proposer, filed.base, filed.status) == ("Delegation Q", "first-draft",
                                                          "proposed")
    c = filed.changes[0]
    assert (c.kind, c.target, c.words, c.text) == ("replace-words", "op24",
                                                   "March 2018 for four days",
                                                   "March 2018 for six days")
    assert store.private_drafts(accounts.by_name("Delegation Q").id) == []


def test_the_selected_occurrence_is_the_one_changed(room):
    store, accounts, app = room
    a, csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(a, csrf)
    text = store.current().draft.unit_index()["op24"]
    from assembler.inline import plain
    words = plain(text.content)
    second = words.index("for four days", words.index("for four days") + 1)
    change(a, csrf, pid, form="words", target="op24", words="for four days",
           offset=str(second), mode="delete")
    d = store.private_draft(accounts.by_name("Delegation Q").id, pid)
    assert (d.changes[0].kind, d.changes[0].occurrence) == ("delete-words", 2)


def test_paragraph_operations_and_prose(room):
    store, accounts, app = room
    a, csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(a, csrf)
    change(a, csrf, pid, form="unit", target="op3", op="insert-after",
           text="*Encourages* Member States to include young people in their delegations;")
    change(a, csrf, pid, form="unit", target="op9", op="move-after", destination="op4")
    change(a, csrf, pid, form="unit", target="op10", op="delete")
    change(a, csrf, pid, form="prose",
           prose="In operative paragraph 5, replace “two” with “three”")
    r = change(a, csrf, pid, form="words", target="op5", words="not in the text at all",
               mode="replace", text="x", offset="0")
    assert flash(r.text).startswith("Not added:") and "not in the text" in flash(r.text)
    r = change(a, csrf, pid, form="prose", prose="Replace the whole thing please")
    assert "cannot read the sentence" in r.text
    d = store.private_draft(accounts.by_name("Delegation Q").id, pid)
    assert [c.kind for c in d.changes] == ["insert-unit", "move-unit", "delete-unit",
                                           "replace-words"]
    page = a.get(f"/drafts/{pid}").text
    assert "Insert a new operative paragraph after operative paragraph 3" in page
    pv = a.get(f"/drafts/{pid}/preview").text
    assert "[moved to" in pv and "[moved from" in pv and "young people" in pv
    # a change removed
    a.post(f"/drafts/{pid}/changes/2/delete", data={"csrf": csrf})
    d = store.private_draft(accounts.by_name("Delegation Q").id, pid)
    assert [c.kind for c in d.changes] == ["insert-unit", "delete-unit", "replace-words"]


def submitted_and_invited(room):
    """Delegation Q submits a proposal and invites Delegation R to co-sponsor it:
    (Q's client and csrf, R's client and csrf, the proposal's id, the invitation's flash)."""
    store, accounts, app = room
    a, a_csrf = signed_in(app, accounts, "Delegation Q")
    b, b_csrf = signed_in(app, accounts, "Delegation R")
    pid = new_draft(a, a_csrf)
    change(a, a_csrf, pid, form="prose", prose="In operative paragraph 5, replace “two” with "
                                               "“three”")
    a.post(f"/drafts/{pid}/submit", data={"csrf": a_csrf})
    r = a.post(f"/p/{pid}/invite", data={"csrf": a_csrf,
                                         "delegation": accounts.by_name("Delegation R").id})
    return a, a_csrf, b, b_csrf, pid, flash(r.text)


def test_co_sponsors_and_withdrawal(room):
    store = room[0]
    a, a_csrf, b, b_csrf, pid, invited = submitted_and_invited(room)
    assert "Delegation R is invited" in invited
    mine = b.get("/proposals").text
    assert "Invitations to co-sponsor" in mine and pid in mine
    r = b.post(f"/p/{pid}/join", data={"csrf": b_csrf})
    assert flash(r.text) == f"You co-sponsor {pid}."
    assert load_proposal(store.round_dir / f"{pid}.yaml").co_sponsors == ("Delegation R",)
    assert b.post(f"/p/{pid}/join", data={"csrf": b_csrf}).status_code == 403  # once
    r = a.post(f"/p/{pid}/withdraw", data={"csrf": a_csrf, "note": "overtaken"})
    p = load_proposal(store.round_dir / f"{pid}.yaml")
    assert p.status == "withdrawn" and p.history[-1].note == "overtaken"
    assert p.co_sponsors == ("Delegation R",)


def test_joining_keeps_a_decision_recorded_meanwhile(room):
    """The room has read the proposal; `assembler status` then records a decision in its
    file; a co-sponsor joining writes the file again and the decision stays."""
    from assembler.amendments.model import StatusEntry
    from assembler.amendments.yamlout import with_status_entry
    store = room[0]
    _, _, b, b_csrf, pid, _ = submitted_and_invited(room)
    assert store.filed(pid).status == "proposed"
    path = store.round_dir / f"{pid}.yaml"
    path.write_text(with_status_entry(path.read_text("utf-8"),
                                      StatusEntry("accepted", "2017-01-20"), str(path),
                                      prose=False), "utf-8")
    r = b.post(f"/p/{pid}/join", data={"csrf": b_csrf})
    assert flash(r.text) == f"You co-sponsor {pid}."
    joined = load_proposal(path)
    assert joined.co_sponsors == ("Delegation R",) and joined.status == "accepted"


def test_word_file_with_tracked_changes_becomes_drafts(room, first_draft):
    from wordfiles import returned_first_draft
    store, accounts, app = room
    a, csrf = signed_in(app, accounts, "Delegation Q")
    data = returned_first_draft(first_draft)
    r = a.post("/upload", data={"csrf": csrf},
               files={"file": ("../../etc/returned.docx", data, "application/octet-stream")})
    assert "2 draft(s) made from ../../etc/returned.docx" in flash(r.text)
    drafts = store.private_drafts(accounts.by_name("Delegation Q").id)
    assert {d.proposer for d in drafts} == {"Delegation Q"}  # a delegation proposes as itself
    kinds = sorted(c.kind for d in drafts for c in d.changes)
    assert "replace-words" in kinds and "delete-unit" in kinds and "insert-unit" in kinds
    assert not list(store.root.rglob("returned.docx"))
    r = a.post("/upload", data={"csrf": csrf}, files={"file": ("x.docx", b"not a zip", "x")})
    assert "x.docx" in flash(r.text) and len(store.private_drafts(
        accounts.by_name("Delegation Q").id)) == 2


def test_co_facilitators_decide_and_issue_rev1(room):
    store, accounts, app = room
    pid = submitted_on_op24(app, accounts)
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    comp = chair.get("/compilation").text
    assert pid in comp and "G-01" in comp and "Conflicts with" in comp
    entry = comp.split(f'id="entry-{pid}-1"', 1)[1].split('class="conflict"', 1)[0]
    # as the text would read, struck out and in bold
    assert "<del>March 2018 for four days</del><ins>March 2018 for six days</ins>" in entry
    only = chair.get("/compilation", params={"proposer": "Delegation Q"}).text
    assert pid in only and "G-01/1 ·" not in only
    only = chair.get("/compilation", params={"status": "rejected"}).text
    assert "P-06" in only and pid not in only
    only = chair.get("/compilation", params={"conflicts": "1"}).text
    assert pid in only and "P-02/1 ·" not in only
    r = chair.post(f"/p/{pid}/decide", data={"csrf": csrf, "action": "accept",
                                             "note": "agreed in informals",
                                             "back": "/compilation"})
    assert r.url.path == "/compilation" and flash(r.text) == f"{pid}: accepted."
    assert load_proposal(store.round_dir / f"{pid}.yaml").history[-1].note == \
        "agreed in informals"
    # an impossible decision is refused in words
    r = chair.post("/p/P-12/decide", data={"csrf": csrf, "action": "accept"})
    assert "withdrawn and cannot become accepted" in flash(r.text)
    # a date judged as the command line judges it: a year out of range is refused
    r = chair.post("/issue", data={"csrf": csrf, "date": "13 January 1017"})
    assert html.unescape(flash(r.text)) == ("Give the new version's date, e.g. 13 January 2017: the date "
                                          "'13 January 1017' is out of range (year 1017).")
    assert not (store.drafts_dir / "rev1.draft").exists()
    r = chair.post("/issue", data={"csrf": csrf, "date": "13 January 2017"})
    assert r.url.path == "/issued" and "Rev.1 is issued" in flash(r.text)
    rev1 = load_draft(store.drafts_dir / "rev1.draft")
    assert rev1.metadata.based_on == "first-draft" and rev1.metadata.date == "13 January 2017"
    from assembler.inline import plain
    assert "in March 2018 for six days" in plain(rev1.unit_index()["op24"].content)
    assert any(r.proposal == pid for r in rev1.provenance)
    # the next round is rev2, on Rev.1
    assert store.current().name == "rev1" and store.next_version_name() == "rev2"
    redline = chair.get("/issued/rev1/redline.docx")
    assert Document(io.BytesIO(redline.content)).paragraphs  # python-docx reads it
    # the change under its proposer's name (op24 also holds Delegation A's accepted P-11)
    assert b'w:author="Delegation A and Delegation Q"' in _docxml(redline.content)
    comp = chair.get("/issued/rev1/compilation.docx")
    assert pid.encode() in _docxml(comp.content)
    table = openpyxl.load_workbook(io.BytesIO(chair.get("/issued/rev1/comparison.xlsx").content))
    cells = [c.value for row in table.active.iter_rows() for c in row if c.value]
    assert any("six days" in str(v) for v in cells)
    # issuing again writes Rev.2 from Rev.1, never over Rev.1
    before = (store.drafts_dir / "rev1.draft").read_bytes()
    chair.post("/issue", data={"csrf": csrf, "date": "24 January 2017"})
    assert (store.drafts_dir / "rev1.draft").read_bytes() == before
    assert (store.drafts_dir / "rev2.draft").exists()


def _docxml(data: bytes) -> bytes:
    import zipfile
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_issue_stops_on_conflicts_among_accepted_proposals(room):
    store, accounts, app = room
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    chair.post("/p/P-12/decide", data={"csrf": csrf, "action": "reopen"})  # withdrawn: refused
    chair.post("/p/G-01/decide", data={"csrf": csrf, "action": "accept"})
    a, a_csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(a, a_csrf)
    change(a, a_csrf, pid, form="words", target="op24", words="March 2018 for four days",
           offset="0", mode="delete")
    a.post(f"/drafts/{pid}/submit", data={"csrf": a_csrf})
    chair.post(f"/p/{pid}/decide", data={"csrf": csrf, "action": "accept"})
    r = chair.post("/issue", data={"csrf": csrf, "date": "13 January 2017"})
    assert flash(r.text).startswith("Not issued:") and "G-01" in flash(r.text)
    assert not (store.drafts_dir / "rev1.draft").exists()


def test_a_closed_room_takes_no_proposals(room):
    store, accounts, app = room
    a, a_csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(a, a_csrf)
    change(a, a_csrf, pid, form="prose", prose="In operative paragraph 5, replace “two” with "
                                               "“three”")
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    r = chair.post("/room", data={"csrf": csrf, "open": "1", "deadline": "2017-01-20T18:00"})
    assert flash(r.text) == "The room is open."  # but the deadline has passed
    r = a.post(f"/drafts/{pid}/submit", data={"csrf": a_csrf})
    assert r.status_code == 409 and "The room is closed" in r.text
    assert not (store.round_dir / f"{pid}.yaml").exists()
    chair.post("/room", data={"csrf": csrf, "open": "0", "deadline": ""})
    assert a.post("/drafts", data={"csrf": a_csrf, "title": "late"}).status_code == 409
    chair.post("/room", data={"csrf": csrf, "open": "1", "deadline": "2999-01-01T00:00"})
    r = a.post(f"/drafts/{pid}/submit", data={"csrf": a_csrf})
    assert r.url.path == f"/p/{pid}"
    r = chair.post("/room", data={"csrf": csrf, "open": "1", "deadline": "next week"})
    assert "date and time" in flash(r.text)


def test_every_action_is_audited_and_committed_with_its_actor(tmp_path):
    root = negotiation_copy(tmp_path)
    git = ["git", "-C", str(root)]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["-c", "user.name=t", "-c", "user.email=t@t", "add", "-A"], check=True)
    subprocess.run(git + ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start"],
                   check=True)
    r = run_cli("room", "init", NEG, "--root", root)
    assert r.returncode == 0 and "/signin/" in r.stdout, r.stderr
    from assembler.room.accounts import Accounts
    from assembler.room.app import create_app
    from assembler.room.store import Store
    store = Store(root, NEG)
    accounts = Accounts(store)
    app = create_app(store, secret_key=store.secret_key())
    a, csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(a, csrf)
    change(a, csrf, pid, form="prose", prose="In operative paragraph 5, replace “two” with "
                                             "“three”")
    a.post(f"/drafts/{pid}/submit", data={"csrf": csrf})
    assert store.record.committer.flush()   # committed out of the lock, in the background
    log = subprocess.run(git + ["log", "--format=%an|%s"], capture_output=True, text=True).stdout
    assert f"Delegation Q|room: submit {pid}" in log
    assert "Delegation Q|room: new draft" in log and "Co-facilitators|room: init room" in log
    tracked = subprocess.run(git + ["ls-files"], capture_output=True, text=True).stdout
    assert f"amendments/{NEG}/rev1/{pid}.yaml" in tracked and "secret.key" not in tracked
    assert subprocess.run(git + ["status", "--porcelain"], capture_output=True,
                          text=True).stdout.strip() == ""
    audit = [json.loads(x) for x in audit_text(store).splitlines()]
    assert [(e["who"], e["action"]) for e in audit][-4:] == [
        ("Delegation Q", "sign in"), ("Delegation Q", "new draft"),
        ("Delegation Q", "change draft"), ("Delegation Q", "submit")]
    assert all(e["when"].endswith("+00:00") for e in audit)


def test_cli_invite_revoke_and_bad_input(tmp_path):
    root = negotiation_copy(tmp_path)
    r = run_cli("room", "invite", "Delegation A", "--root", root)
    assert r.returncode == 2 and "no room is set up" in r.stderr and "Traceback" not in r.stderr
    assert run_cli("room", "init", NEG, "--root", root).returncode == 0
    # a second init would replace the co-facilitators' link without a word: refused
    keys = (root / "room" / NEG / "accounts.json").read_bytes()
    r = run_cli("room", "init", NEG, "--root", root)
    assert r.returncode == 2 and "is set up already" in r.stderr and \
        'assembler room invite --chair "Co-facilitators"' in r.stderr
    assert (root / "room" / NEG / "accounts.json").read_bytes() == keys
    # run where there is no negotiation, without --root: said so, with what to do
    r = run_cli("room", "list", cwd=tmp_path / "drafts")
    assert r.returncode == 2 and "no drafts/ folder in" in r.stderr and "--root" in r.stderr
    r = run_cli("room", "invite", "Delegation A", "--root", root, "--url", "http://127.0.0.1:9")
    assert r.returncode == 0 and r.stdout.startswith("Delegation A: http://127.0.0.1:9/signin/")
    r = run_cli("room", "invite", "x" * 200, "--root", root)
    assert r.returncode == 2 and "characters long" in r.stderr
    r = run_cli("room", "invite", "Co-facilitators", "--root", root)
    assert r.returncode == 2 and "already in the room as a co-facilitator" in r.stderr
    r = run_cli("room", "revoke", "Delegation Z", "--root", root)
    assert r.returncode == 2 and "nobody called" in r.stderr
    assert run_cli("room", "revoke", "Delegation A", "--root", root).returncode == 0
    listing = run_cli("room", "list", "--root", root).stdout
    assert "Delegation A\tdelegation\trevoked" in listing
    r = run_cli("serve", "no-such-negotiation", "--root", root)
    assert r.returncode == 2 and "no negotiation" in r.stderr
    r = run_cli("serve", "../etc", "--root", root)
    assert r.returncode == 2 and "not a negotiation name" in r.stderr


def test_previews_weigh_only_proposals_near_the_paragraphs_changed(room):
    """on_file_for leaves out proposals that cannot collide; never one that can."""
    from assembler.amendments.model import Change, Proposal
    from assembler.room.views import on_file_for, preview_of
    store, accounts, app = room
    folder = store.amend_dir / "rev1"
    (folder / "X-01.yaml").write_text(
        "id: X-01\nproposer: Delegation X\nbase: first-draft\nchanges:\n"
        "  - kind: delete-unit\n    target: OP 6\n", "utf-8")
    (folder / "X-02.yaml").write_text(
        "id: X-02\nproposer: Delegation X\nbase: zero-draft\nchanges:\n"
        "  - kind: delete-unit\n    target: OP 30\n", "utf-8")
    mine = Proposal("W-01", "Delegation Q", "first-draft", (
        Change("delete-words", "op6.b", "relevant non-governmental organizations, ",
               id="W-01/1"),))
    near = {p.id for p in on_file_for(store, store.current().draft, mine)}
    assert "X-01" in near            # deletes the paragraph holding op6.b
    assert "X-02" not in near        # written on a version not here: cannot be carried
    assert "G-01" not in near and "P-11" not in near   # OP 24 is far away
    pv = preview_of(store, mine)
    assert [(c.theirs, c.reason) for c in pv.clashes] == [
        ("X-01/1", "one deletes OP 6, which holds it")]


def test_co_facilitators_merge_and_modify_with_notes(room):
    store, accounts, app = room
    pid = submitted_on_op24(app, accounts)
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    page = chair.get("/p/G-01").text
    assert 'value="merge"' in page and f"<option>{pid}</option>" in page
    r = chair.post("/p/G-01/decide", data={"csrf": csrf, "action": "merge", "by": "G-01"})
    assert flash(r.text) == ("proposal G-01: a proposal cannot be merged into itself (name the "
                             "proposal that takes it over)")
    r = chair.post("/p/G-01/decide", data={"csrf": csrf, "action": "merge", "by": "Q-77"})
    assert flash(r.text).startswith("proposal Q-77: no proposal with that id is on file")
    r = chair.post("/p/G-01/decide", data={"csrf": csrf, "action": "merge"})
    assert "say which proposal it is merged into" in flash(r.text)
    r = chair.post("/p/G-01/decide", data={"csrf": csrf, "action": "merge", "by": pid,
                                            "note": "taken up in the Q text"})
    g = load_proposal(store.amend_dir / "rev1" / "G-01.yaml")
    assert (g.status, g.history[-1].by, g.history[-1].note) == ("merged", pid,
                                                                "taken up in the Q text")
    r = chair.post(f"/p/{pid}/decide", data={"csrf": csrf, "action": "modify",
                                             "text": "March 2018 for five days"})
    p = load_proposal(store.round_dir / f"{pid}.yaml")
    assert p.status == "accepted-with-modification"
    assert p.effective_changes[0].text == "March 2018 for five days"


def test_open_proposals_on_an_older_version_are_carried_onto_the_current_one(tmp_path):
    """On the whole example (Rev.2 current), R-01 was written on Rev.1 and is still open: a
    preview on Rev.2 weighs it carried, and a change to the same words collides with it."""
    import shutil
    from conftest import ROOT
    from assembler.amendments.model import Change, Proposal
    from assembler.room.store import Store
    from assembler.room.views import on_file_for, preview_of
    for part in ("drafts", "amendments"):
        shutil.copytree(ROOT / part / NEG, tmp_path / part / NEG)
    store = Store(tmp_path, NEG)
    r01 = store.filed("R-01")
    assert (store.current().name, r01.base, r01.status) == ("rev2", "rev1", "proposed")
    carried = store.carried(r01)
    assert carried.base == "rev2" and carried.changes[0].words == "Phase I:"
    mine = Proposal("W-01", "Delegation Q", "rev2", (
        Change("replace-words", carried.changes[0].target, "Phase I: April 2017",
               "Phase I: May 2017", id="W-01/1"),))
    assert "R-01" in {p.id for p in on_file_for(store, store.current().draft, mine)}
    assert [c.theirs for c in preview_of(store, mine).clashes] == ["R-01/1"]


def test_delegations_submitting_at_once_lose_nothing(room):
    """Eight delegations, each in its own thread, write and submit three proposals at once:
    every one is on file under its proposer, ids are never shared, the audit log has each."""
    from concurrent.futures import ThreadPoolExecutor
    store, accounts, app = room
    clients = [signed_in(app, accounts, f"Delegation {i}") for i in range(8)]

    def work(i: int) -> list[str]:
        c, csrf = clients[i]
        out = []
        for k in range(3):
            pid = new_draft(c, csrf)
            r = change(c, csrf, pid, form="unit", op="delete", target=f"op{5 + k}")
            assert not flash(r.text), flash(r.text)
            r = c.post(f"/drafts/{pid}/submit", data={"csrf": csrf})
            assert r.url.path == f"/p/{pid}", flash(r.text)
            out.append(pid)
        return out
    with ThreadPoolExecutor(8) as pool:
        done = list(pool.map(work, range(8)))
    ids = [pid for batch in done for pid in batch]
    assert len(set(ids)) == 24
    for i, batch in enumerate(done):
        for pid in batch:
            assert load_proposal(store.round_dir / f"{pid}.yaml").proposer == f"Delegation {i}"
    audit = audit_text(store)
    assert audit.count('"action": "submit"') == 24


LATE_ACCEPTED = """id: L-01
proposer: Delegation S
date: 2017-01-12
base: first-draft
changes:
  - kind: replace-words
    target: OP 24
    words: March 2018 for four days
    text: March 2018 for three days
status:
  - status: proposed
    date: 2017-01-12
  - status: accepted
    date: 2017-01-14
"""


def test_the_record_stays_true_after_decisions_and_issue(room):
    """A decided proposal is not withdrawn, nor one applied in an issued version (not even
    after reopening it); issuing names the accepted changes it could not make and why."""
    store, accounts, app = room
    pid = submitted_on_op24(app, accounts)
    a, a_csrf = signed_in(app, accounts, "Delegation Q")   # signed in again after submitting
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    chair.post(f"/p/{pid}/decide", data={"csrf": csrf, "action": "accept"})
    path = store.round_dir / f"{pid}.yaml"
    before = path.read_bytes()
    r = a.post(f"/p/{pid}/withdraw", data={"csrf": a_csrf, "note": "changed our mind"})
    assert flash(r.text) == (f"Not withdrawn: {pid} is accepted and cannot become withdrawn "
                             "(from accepted it may become accepted-with-modification, merged, "
                             "proposed, superseded)")
    assert path.read_bytes() == before
    r = chair.post("/issue", data={"csrf": csrf, "date": "13 January 2017"})
    assert "Rev.1 is issued" in flash(r.text) and "could not be applied" not in flash(r.text)
    # issued: no decision and no withdrawal changes it any more
    filed = store.amend_dir / "rev1" / f"{pid}.yaml"
    before = filed.read_bytes()
    r = chair.post(f"/p/{pid}/decide", data={"csrf": csrf, "action": "reopen"})
    assert flash(r.text) == (f"{pid} is applied in rev1, which is issued: it can no longer be "
                             "proposed (propose a change to the new version instead)")
    r = a.post(f"/p/{pid}/withdraw", data={"csrf": a_csrf})
    assert "applied in rev1, which is issued" in flash(r.text)
    assert filed.read_bytes() == before
    # an accepted proposal on the first draft whose words Rev.1 changed: issuing Rev.2 says so
    store.round_dir.mkdir(parents=True, exist_ok=True)
    (store.round_dir / "L-01.yaml").write_text(LATE_ACCEPTED, "utf-8")
    r = chair.post("/issue", data={"csrf": csrf, "date": "24 January 2017"})
    said = flash(r.text)
    assert said.startswith("Rev.2 is issued: 0 change(s) from the accepted proposals. 1 "
                           "accepted change(s) could not be applied: L-01/1 (Delegation S) no "
                           "longer applies: "), said
    assert "March 2018 for four days" in said
    audit = store.record.lines()[-1]
    assert audit["action"] == "issue" and "L-01/1 (Delegation S) no longer applies" in \
        audit["detail"]


def test_a_closed_room_refuses_every_delegation_write(room):
    store, accounts, app = room
    accounts.invite("Co-facilitators", "Delegation R")
    pid = submitted_on_op24(app, accounts)
    a, a_csrf = signed_in(app, accounts, "Delegation Q")
    draft = new_draft(a, a_csrf, "Unfinished")
    change(a, a_csrf, draft, form="prose", prose="In operative paragraph 5, replace “two” "
                                                 "with “three”")
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    chair.post("/room", data={"csrf": csrf, "open": "0", "deadline": ""})
    files = {p: p.read_bytes() for p in store.root.rglob("*.yaml")}
    r_id = accounts.by_name("Delegation R").id
    for url, data in [(f"/p/{pid}/withdraw", {}), (f"/p/{pid}/invite", {"delegation": r_id}),
                      (f"/drafts/{draft}/discard", {}), (f"/drafts/{draft}/submit", {}),
                      (f"/drafts/{draft}/changes/1/delete", {}), ("/drafts", {"title": "x"})]:
        r = a.post(url, data={"csrf": a_csrf, **data})
        assert r.status_code == 409 and "The room is closed" in r.text, url
    assert {p: p.read_bytes() for p in store.root.rglob("*.yaml")} == files
    assert store.read_json("invitations.json", {}) == {}


def test_a_submission_that_arrived_before_the_deadline_is_on_time(room, monkeypatch):
    """The room reaches a request late (its worker threads busy, the lock held): it is
    judged by when it arrived. One that arrives after the deadline is refused."""
    import asyncio
    import datetime as dt
    import assembler.room.app as room_app
    store, accounts, app = room
    a, a_csrf = signed_in(app, accounts, "Delegation Q")
    pids = [new_draft(a, a_csrf, f"Late {k}") for k in range(2)]
    for pid in pids:
        change(a, a_csrf, pid, form="prose", prose="In operative paragraph 5, replace “two” "
                                                   "with “three”")
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    limit = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=1.5)
    chair.post("/room", data={"csrf": csrf, "open": "1",
                              "deadline": limit.replace(tzinfo=None).isoformat()})
    queued = room_app.run_in_threadpool

    async def busy(fn, *args, **kw):  # a queue of 2 s before a worker thread takes it
        await asyncio.sleep(2.0)
        return await queued(fn, *args, **kw)
    monkeypatch.setattr(room_app, "run_in_threadpool", busy)
    r = a.post(f"/drafts/{pids[0]}/submit", data={"csrf": a_csrf})
    assert dt.datetime.now(dt.timezone.utc) > limit   # reached after the deadline ...
    assert r.url.path == f"/p/{pids[0]}"               # ... and on time all the same
    assert (store.round_dir / f"{pids[0]}.yaml").exists()
    monkeypatch.setattr(room_app, "run_in_threadpool", queued)
    r = a.post(f"/drafts/{pids[1]}/submit", data={"csrf": a_csrf})   # arrived after it
    assert r.status_code == 409 and "The room is closed" in r.text
    assert not (store.round_dir / f"{pids[1]}.yaml").exists()


def test_pages_word_units_as_printed_and_agree_after_an_issue(room):
    """A proposal still open on the first draft, after Rev.1 renumbered its paragraph: its
    page, the preview's collisions and the compilation all say OP 20 (never 'op21'), and
    versions are named as the language table names them."""
    store, accounts, app = room
    a, a_csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(a, a_csrf)
    for target, words, text in (("op21", "co-facilitators", "facilitators"),
                                ("op1.a", "New York", "Geneva")):
        change(a, a_csrf, pid, form="words", target=target, words=words, offset="0",
               mode="replace", text=text)
    a.post(f"/drafts/{pid}/submit", data={"csrf": a_csrf})
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    assert "Issue Rev.1" in chair.get("/compilation").text
    chair.post("/issue", data={"csrf": csrf, "date": "13 January 2017"})
    assert store.index().short_of("op21") == "OP 20"   # Rev.1 deleted a paragraph before it
    a, a_csrf = signed_in(app, accounts, "Delegation Q")
    page = a.get(f"/p/{pid}").text
    assert "In operative paragraph 20, replace “co-facilitators” with “facilitators”" in page
    assert "In operative paragraph 1 (a), replace “New York” with “Geneva”" in page
    import re
    shown = re.sub(r"<[^>]+>", " ", page)   # what a reader sees (ids stay in the markup)
    assert "op21" not in shown and "op1.a" not in shown
    assert "Written against</dt><dd>First Draft of the Resolution" in page
    other = new_draft(a, a_csrf)
    r = a.post(f"/drafts/{other}/try", data={"csrf": a_csrf, "form": "words", "target": "op21",
                                            "words": "co-facilitators", "offset": "0",
                                            "mode": "replace", "text": "chairs"})
    assert f"OP 20: your change {other}/1 collides with {pid}/1 by Delegation Q" in r.text
    assert "Issue Rev.2" in chair.get("/compilation").text


def test_delegations_see_every_amendment_in_place_and_each_proposals_redline(room):
    store, accounts, app = room
    pid = submitted_on_op24(app, accounts)
    b, b_csrf = signed_in(app, accounts, "Delegation R")
    page = b.get("/amendments").text
    assert "Amendments in the text of" in page and 'action="/amendments"' in page
    # others' proposals in place: struck out and bold, proposer, status, collisions
    entry = page.split(f'id="entry-{pid}-1"', 1)[1].split("</div>", 1)[0]
    assert "Delegation Q" in entry and "proposed" in entry
    assert "<del>March 2018 for four days</del><ins>March 2018 for six days</ins>" in entry
    assert "Conflicts with G-01/1" in entry
    assert "G-01/1" in page and "Group of Friends of Migration" in page
    # read only: no decision, no issue
    assert "/decide" not in page and 'action="/issue"' not in page
    only = b.get("/amendments", params={"proposer": "Group of Friends of Migration"}).text
    assert "G-01/1" in only and f"{pid}/1 ·" not in only
    # a proposal's own page shows its redline and its collisions
    mine = b.get(f"/p/{pid}").text
    assert '<div class="redline">' in mine and ">six</ins>" in mine
    assert "collides with G-01/1 by Group of Friends of Migration" in mine


TWO_CHANGES = """id: {pid}
proposer: Delegation E
date: 2017-01-10
base: first-draft
changes:
  - kind: replace-words
    target: OP 24
    words: four days
    text: '{text}'
  - kind: replace-words
    target: OP 8
    words: cofacilitators
    text: co-facilitators
status:
  - status: proposed
    date: 2017-01-10
"""


def test_the_modification_box_shows_text_as_typed_and_reads_it_back(room):
    """A lone "*" stored as text (its markup "\\*") shows as "*" in the box the
    co-facilitators modify, and what they type there is text too; a text in italics keeps
    its markup in the box, which says so."""
    store, accounts, app = room
    (store.round_dir / "G-02.yaml").write_text(TWO_CHANGES.format(pid="G-02", text=r"5 \* days"))
    (store.round_dir / "G-03.yaml").write_text(TWO_CHANGES.format(pid="G-03",
                                                                  text="*five* days"))
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    page = chair.get("/p/G-02").text
    box = html.unescape(page.split('name="changes"', 1)[1].split(">", 1)[1]
                        .split("</textarea>", 1)[0])
    assert box.splitlines() == ["In operative paragraph 24, replace “four days” with “5 * days”.",
                                "In operative paragraph 8, replace “cofacilitators” with "
                                "“co-facilitators”."]
    assert 'name="typed" value="1"' in page and "are in markup" not in page
    lines = box.splitlines()
    r = chair.post("/p/G-02/decide", data={
        "csrf": csrf, "action": "modify", "typed": "1",
        "changes": lines[0].replace("5 * days", "6 * [^fn1] days") + "\n" + lines[1]})
    assert flash(r.text) == "G-02: accepted with modification."
    decided = load_proposal(store.round_dir / "G-02.yaml")
    assert [c.text for c in decided.effective_changes] == [r"6 \* \[^fn1] days",
                                                           "co-facilitators"]
    page = chair.get("/p/G-03").text
    assert "“*five* days”" in html.unescape(page) and "are in markup" in page
    assert 'name="typed"' not in page


def test_through_the_server_a_submission_held_past_the_deadline_is_on_time(tmp_path):
    """`assembler serve` with every worker thread waiting for the negotiation's lock, which
    another program holds (as `assembler status` would) across the deadline: a submission
    sent before the deadline waits for a thread, is reached after the deadline, and is on
    time; one sent after the deadline is not."""
    import datetime as dt
    import time
    from concurrent.futures import ThreadPoolExecutor
    import httpx
    from roomkit import csrf_of, free_port, serving
    from assembler.fs.locks import hold
    store, accounts, _ = make_room(tmp_path)
    tokens = {name: accounts.invite("Co-facilitators", name, role)[1]
              for name, role in (("Delegation Q", "delegation"), ("Co-facilitators", "chair"))}
    port = free_port()
    with serving(["serve", NEG, "--root", store.root, "--port", port, "--workers", "1"], port):
        clients = {}
        for name, token in tokens.items():
            c = httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True,
                             timeout=60)
            page = c.post("/signin", data={"csrf": csrf_of(c.get(f"/signin/{token}").text),
                                           "token": token})
            clients[name] = (c, csrf_of(page.text))
        a, a_csrf = clients["Delegation Q"]
        pids = [new_draft(a, a_csrf, f"Held {k}") for k in range(2)]
        for pid in pids:
            change(a, a_csrf, pid, form="prose", prose="In operative paragraph 5, replace "
                                                       "“two” with “three”")
        chair, c_csrf = clients["Co-facilitators"]
        limit = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=3)
        chair.post("/room", data={"csrf": c_csrf, "open": "1",
                                  "deadline": limit.replace(tzinfo=None).isoformat()})
        with ThreadPoolExecutor(50) as pool:
            with hold(exclusive=[store.room_dir]):
                # more new drafts than the server has worker threads (40): each waits for
                # the lock in a thread, and the submission behind them waits for a thread
                drafts = [pool.submit(a.post, "/drafts", data={"csrf": a_csrf, "title": "x"})
                          for _ in range(45)]
                time.sleep(1)
                sent = pool.submit(a.post, f"/drafts/{pids[0]}/submit", data={"csrf": a_csrf})
                assert dt.datetime.now(dt.timezone.utc) < limit
                while dt.datetime.now(dt.timezone.utc) < limit + dt.timedelta(seconds=0.5):
                    time.sleep(0.05)
                assert not sent.done()   # not reached before the deadline
            assert sent.result().url.path == f"/p/{pids[0]}"
            assert all(d.result().url.path.startswith("/drafts/W-") for d in drafts)
        assert (store.round_dir / f"{pids[0]}.yaml").exists()
        late = a.post(f"/drafts/{pids[1]}/submit", data={"csrf": a_csrf})
        assert late.status_code == 409 and "The room is closed" in late.text
        for c, _ in clients.values():
            c.close()
