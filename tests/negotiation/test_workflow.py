"""One workflow for the two faces (negotiation/workflow.py): the same decisions taken with
`assembler status` on one copy of the example negotiation and in the room on another, then
the next version issued with `assembler apply` and with the room's Issue button, leave the
same files byte for byte (proposal files, the new version, the record of what each change
did); a refused decision is refused by both for the same reason, and changes nothing. An
issued version is never written over, and nothing is written when a part cannot be."""
from __future__ import annotations

import json

import pytest

from assembler.negotiation import Negotiation
from assembler.negotiation.refusals import PLAIN, Refusal, Wording
from assembler.negotiation.workflow import Decision, decide_on_file
from inproc import cli, one_line_error
from roomkit import NEG, flash, make_room, negotiation_copy, signed_in

DAY = "2017-01-12"
# (proposal, action, fields, refused because) in the order taken; the refused ones in the
# words both faces share (the domain's), whatever each calls the inputs
DECISIONS = [
    ("P-03", "modify", {"text": "seventy-fourth session"}, None),
    ("P-12", "accept", {}, "P-12 is withdrawn and cannot become accepted"),
    ("P-06", "reopen", {}, None),
    ("P-06", "reject", {"note": "no consensus in the informals"}, None),
    ("G-01", "merge", {"by": "G-01"}, "G-01: a proposal cannot be merged into itself"),
    ("G-01", "merge", {"by": "X-99"}, "X-99: no proposal with that id is on file"),
    ("G-01", "merge", {"by": "P-11", "note": "taken up in P-11"}, None),
    ("P-14", "reopen", {}, None),     # a proposal in UN prose (.md)
    ("P-14", "modify", {"text": "and observers"},
     "works for a proposal with one change that has text"),
    ("P-14", "reject", {"note": "withdrawn in substance"}, None),
    ("P-10", "reopen", {}, None),
]
CLI_FLAG = {"note": "--note", "by": "--by", "text": "--text"}


def _file(root, pid):
    folder = root / "amendments" / NEG / "rev1"
    return next(folder.glob(f"{pid}.*"))


def _tree(root) -> dict[str, bytes]:
    """Every file of the negotiation's versions and proposals, by path."""
    out = {}
    for part in ("drafts", "amendments"):
        for f in sorted((root / part).rglob("*")):
            if f.is_file():
                out[str(f.relative_to(root))] = f.read_bytes()
    return out


@pytest.fixture
def two_copies(tmp_path, monkeypatch):
    """(root decided on the command line, root decided in the room, chair client, csrf)."""
    import assembler.room.chair as chair_pages
    monkeypatch.setattr(chair_pages, "today", lambda: DAY)
    on_cli = negotiation_copy(tmp_path / "cli")
    store, accounts, app = make_room(tmp_path / "room")
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    return on_cli, store.root, chair, csrf


def test_the_command_line_and_the_room_decide_and_issue_alike(two_copies, tmp_path):
    on_cli, in_room, chair, csrf = two_copies
    assert _tree(on_cli) == _tree(in_room)
    for pid, action, fields, refused in DECISIONS:
        args = [a for k, v in fields.items() for a in (CLI_FLAG[k], v)]
        r = cli("status", _file(on_cli, pid), action, "--date", DAY, *args)
        said = flash(chair.post(f"/p/{pid}/decide",
                                data={"csrf": csrf, "action": action, **fields}).text)
        if refused:
            assert refused in one_line_error(r) and refused in said, (r.stderr, said)
        else:
            assert r.code == 0, r.stderr
            assert said.startswith(f"{pid}: "), said
        assert _tree(on_cli) == _tree(in_room), (pid, action)
    assert "accepted-with-modification" in _file(in_room, "P-03").read_text("utf-8")

    record = tmp_path / "rev1-record.json"
    r = cli("apply", on_cli / "drafts" / NEG / "first-draft.draft",
            on_cli / "amendments" / NEG / "rev1", "-o", on_cli / "drafts" / NEG / "rev1.draft",
            "--date", "13 January 2017", "--record", record)
    assert r.code == 0, r.stderr
    said = flash(chair.post("/issue", data={"csrf": csrf, "date": "13 January 2017"}).text)
    assert said.startswith("Rev.1 is issued: "), said
    tree = _tree(on_cli)
    assert f"drafts/{NEG}/rev1.draft" in tree and tree == _tree(in_room)
    assert json.loads(record.read_text("utf-8")) == \
        json.loads((in_room / "room" / NEG / "records" / "rev1.json").read_text("utf-8"))


def test_an_issued_version_is_never_written_over_and_nothing_is_half_written(tmp_path):
    root = negotiation_copy(tmp_path)
    drafts, props = root / "drafts" / NEG, root / "amendments" / NEG / "rev1"
    base, rev1 = drafts / "first-draft.draft", drafts / "rev1.draft"
    # a record that cannot be written: neither it nor the version is
    r = cli("apply", base, props, "-o", rev1, "--record", tmp_path / "none" / "r.json")
    assert "does not exist" in one_line_error(r) and not rev1.exists()
    assert cli("apply", base, props, "-o", rev1, "--date", "13 January 2017").code == 0
    before = rev1.read_bytes()
    record = tmp_path / "again.json"
    line = one_line_error(cli("apply", base, props, "-o", rev1, "--record", record))
    assert line == (f"error: {rev1}: is a version of the negotiation and is never "
                    "overwritten (give the next version a new name)")
    assert rev1.read_bytes() == before and not record.exists()
    # elsewhere a preview may be replaced, as before
    preview = tmp_path / "preview.draft"
    for _ in range(2):
        assert cli("apply", base, props, "-o", preview, "--all").code == 0


def test_a_refusal_carries_its_input_and_each_face_words_it(tmp_path):
    """The domain names no flag: the same refusal quotes --by on the command line, the
    form's words in the room, plain words to the Python API."""
    root = negotiation_copy(tmp_path)
    path = root / "amendments" / NEG / "rev1" / "G-01.yaml"
    before = path.read_bytes()
    with pytest.raises(Refusal) as caught:
        decide_on_file(path, Decision("supersede", DAY, by="G-01.yaml"))
    err = caught.value
    assert (err.problem, err.field, err.value) == ("by-file-name", "by", "G-01.yaml")
    assert path.read_bytes() == before
    assert "--" not in str(err)
    assert str(err.worded(Wording({"by": "--by"}))).endswith(
        "--by G-01.yaml: give the proposal's id, not its file name (e.g. --by G-01)")
    from assembler.room.views import say
    assert say(err) == ("proposal G-01.yaml: give the proposal's id, not its file name "
                        "(e.g. proposal G-01)")
    assert set(PLAIN.names) >= {err.field}


def test_a_broken_file_in_the_round_stops_an_issue_in_both_faces(two_copies, tmp_path):
    """Listed, a broken file is left out on its own (on_file.py); issued from, it stops the
    issue, since it may hold an accepted change: the command line and the room alike."""
    on_cli, in_room, chair, csrf = two_copies
    for root in (on_cli, in_room):
        (root / "amendments" / NEG / "rev1" / "P-98.yaml").write_text(
            "id: P-98\nproposer: [unclosed\n", "utf-8")
    r = cli("apply", on_cli / "drafts" / NEG / "first-draft.draft",
            on_cli / "amendments" / NEG / "rev1", "-o", on_cli / "drafts" / NEG / "rev1.draft")
    assert "P-98.yaml" in one_line_error(r)
    said = flash(chair.post("/issue", data={"csrf": csrf, "date": "13 January 2017"}).text)
    assert said.startswith("Not issued: P-98.yaml:"), said
    assert str(in_room) not in said
    # listed, it is left out on its own and named, on the command line and to the chair
    warned: list[str] = []
    Negotiation.named(NEG, on_cli).proposals(warned.append)
    assert len(warned) == 1 and "P-98.yaml" in warned[0] and "left out" in warned[0], warned
    page = chair.get("/compilation").text
    assert "rev1/P-98.yaml:3: left out, not valid YAML" in page and str(in_room) not in page
    assert _tree(on_cli) == _tree(in_room)
    assert not (in_room / "drafts" / NEG / "rev1.draft").exists()


def test_conflict_advice_names_a_flag_only_where_the_verb_takes_it(tmp_path):
    """Two proposals changing the same words of OP 26 (P-09 and P-10, undecided): the
    domain's advice names no flag; `apply` words it with --prefer, `proposals --base` (which
    takes none) without."""
    from assembler.amendments.apply import apply_proposals
    from assembler.amendments.conflicts import ConflictsFound
    from assembler.amendments.yamlio import load_proposals
    from assembler.source import load_draft
    from conftest import ROOT
    folder = tmp_path / "props"
    folder.mkdir()
    for name in ("P-09.yaml", "P-10.yaml"):
        text = (ROOT / "amendments" / NEG / "rev1" / name).read_text("utf-8")
        (folder / name).write_text(text.split("status:")[0], "utf-8")
    base = ROOT / "drafts" / NEG / "first-draft.draft"
    with pytest.raises(ConflictsFound) as caught:
        apply_proposals(load_draft(base), load_proposals([folder]), mode="all")
    assert caught.value.first == ("P-09", "P-10") and "--" not in str(caught.value)
    out = tmp_path / "rev.draft"
    r = cli("apply", base, folder, "-o", out, "--all")
    assert r.code == 1 and not out.exists()
    assert r.stderr.strip().splitlines()[-1].endswith(
        "(decide between them (assembler status FILE reject), or say which wins: --prefer "
        "P-09 or --prefer P-10)"), r.stderr
    r = cli("proposals", folder, "--base", base)
    assert r.code == 1 and "--prefer" not in r.stderr
    assert r.stderr.strip().splitlines()[-1].endswith(
        "(decide between them (assembler status FILE reject))"), r.stderr
