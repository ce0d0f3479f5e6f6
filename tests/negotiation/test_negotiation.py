"""The Negotiation every command asks: versions in based-on order, a version by name, the
proposals on file round by round, the provenance chain, decisions and the apply record."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assembler.amendments import apply_proposals, load_proposal, load_proposals
from assembler.errors import AssemblerError
from assembler.negotiation import Negotiation
from assembler.negotiation.decisions import decide
from assembler.negotiation.next_version import next_metadata, record_json
from assembler.source import load_draft

from conftest import ROOT, run_cli

NEG = "gcm-modalities"
DRAFTS = ROOT / "drafts" / NEG
AMENDMENTS = ROOT / "amendments" / NEG


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A copy of the example negotiation's drafts and proposals, to spoil at will."""
    shutil.copytree(DRAFTS, tmp_path / "drafts" / NEG)
    shutil.copytree(AMENDMENTS, tmp_path / "amendments" / NEG)
    return tmp_path


def test_versions_in_based_on_order_without_other_faces():
    negotiation = Negotiation.named(DRAFTS)
    # l-document, resolution (illustrative) and the events mapping are not versions
    assert [v.name for v in negotiation.versions()] == ["first-draft", "rev1", "rev2"]
    assert negotiation.name == NEG
    assert negotiation.amendments == AMENDMENTS


def test_versions_follow_based_on_whatever_their_file_names(repo):
    """A version whose file name sorts before its base's ("a-late.draft" based on rev2) is
    still put after it; the names on a command line must come oldest first."""
    folder = repo / "drafts" / NEG
    text = (folder / "rev2.draft").read_text("utf-8")
    late = text.replace("version: rev2", "version: rev3").replace("based-on: rev1",
                                                                   "based-on: rev2")
    assert late != text
    (folder / "a-late.draft").write_text(late, "utf-8")
    assert [v.name for v in Negotiation.named(folder).versions()] == [
        "first-draft", "rev1", "rev2", "rev3"]
    r = run_cli("history", folder, "op1")
    assert r.returncode == 0, r.stderr
    r = run_cli("compare", folder / "a-late.draft", folder / "rev2.draft", "-o",
                repo / "t.csv")
    assert r.returncode == 2 and "is based on 'rev2', which is given after it" in r.stderr


def test_named_under_drafts_of_a_root(repo):
    negotiation = Negotiation.named(NEG, root=repo)
    assert negotiation.folder == repo / "drafts" / NEG
    with pytest.raises(AssemblerError, match="no negotiation 'nothing-here'"):
        Negotiation.named("nothing-here", root=repo)


def test_version_by_file_name_or_by_its_version_line(repo):
    folder = repo / "drafts" / NEG
    (folder / "rev1.draft").rename(folder / "revision-one.draft")  # named otherwise on disk
    negotiation = Negotiation.named(folder)
    assert negotiation.version("first-draft").metadata.version == "first-draft"
    found = negotiation.version("rev1")
    assert found is not None and found.metadata.stage_label == "Revision 1"
    assert negotiation.version("rev9") is None


def test_amendments_beside_the_drafts_folder_else_under_the_root(repo, tmp_path_factory,
                                                                 monkeypatch):
    draft_path = repo / "drafts" / NEG / "rev1.draft"
    draft = load_draft(draft_path)
    assert Negotiation.of(draft_path, draft).amendments == repo / "amendments" / NEG
    # a version kept elsewhere finds the proposals under the root (the current folder)
    lone = tmp_path_factory.mktemp("lone") / "rev1.draft"
    shutil.copy(draft_path, lone)
    monkeypatch.chdir(lone.parent)
    assert Negotiation.of(lone, draft).amendments is None
    monkeypatch.chdir(repo)
    assert Negotiation.of(lone, draft).amendments == repo / "amendments" / NEG
    assert Negotiation.of(lone, draft, root=repo).amendments == repo / "amendments" / NEG


def test_proposals_round_by_round_and_a_broken_file_is_named_not_fatal(repo):
    negotiation = Negotiation.named(NEG, root=repo)
    ids = [p.id for p in negotiation.proposals()]
    on_disk = [p.id for p in load_proposals(sorted(AMENDMENTS.iterdir()))]
    assert ids == on_disk and ids[0] == "P-01" and "R-29" in ids
    (repo / "amendments" / NEG / "rev2" / "R-22.yaml").write_text("id: R-22\nproposer: [\n")
    warnings: list[str] = []
    kept = Negotiation.named(NEG, root=repo).proposals(warn=warnings.append)
    assert len(warnings) == 1 and "rev2" in warnings[0] and "R-22.yaml" in warnings[0]
    # that file is out, and only that file: its round's other proposals still count
    assert [p.id for p in kept] == [i for i in ids if i != "R-22"]


def test_an_id_used_twice_across_rounds_keeps_the_first_and_says_so(repo):
    rounds = repo / "amendments" / NEG
    shutil.copy(rounds / "rev1" / "P-01.yaml", rounds / "rev3" / "P-01.yaml")
    warnings: list[str] = []
    props = Negotiation.named(NEG, root=repo).proposals(warn=warnings.append)
    assert [p.id for p in props].count("P-01") == 1
    assert [p.file for p in props if p.id == "P-01"] == [str(rounds / "rev1" / "P-01.yaml")]
    assert len(warnings) == 1 and "rev3" in warnings[0] and "P-01" in warnings[0]


def test_provenance_since_an_older_version_follows_based_on():
    negotiation = Negotiation.named(DRAFTS)
    first, rev1, rev2 = (v.draft for v in negotiation.versions())
    traced = negotiation.provenance_since(rev2, first)
    proposals = {r.proposal for r in traced.provenance}
    assert {r.proposal for r in rev2.provenance} < proposals  # Rev.2's own ...
    assert {r.proposal for r in rev1.provenance} - {r.unit for r in rev2.provenance} \
        and any(p.startswith("P-") for p in proposals)         # ... and Rev.1's
    # a unit both rounds changed is credited to the newer change
    twice = {r.unit for r in rev1.provenance} & {r.unit for r in rev2.provenance}
    for unit in twice:
        assert next(r for r in traced.provenance if r.unit == unit).proposal.startswith("R-")
    # against the version it was made from, only its own records
    assert negotiation.provenance_since(rev2, rev1).provenance == rev2.provenance


def test_decisions_checked_before_they_are_recorded():
    accepted = load_proposal(AMENDMENTS / "rev2" / "R-21.yaml")
    with pytest.raises(AssemblerError, match="unknown action 'approve'"):
        decide(accepted, "approve", "2017-01-24")
    with pytest.raises(AssemblerError, match="R-21 is accepted and cannot become rejected"):
        decide(accepted, "reject", "2017-01-24")
    reopened = decide(accepted, "reopen", "2017-01-24", note="new facts")
    assert (reopened.status, reopened.date, reopened.note) == ("proposed", "2017-01-24",
                                                                "new facts")
    open_one = next(p for p in load_proposals([AMENDMENTS / "rev3"]) if p.status == "proposed")
    with pytest.raises(AssemblerError, match="say which proposal it is superseded by"):
        decide(open_one, "supersede", "2017-01-24")
    with pytest.raises(AssemblerError, match="needs the modified text"):
        decide(open_one, "modify", "2017-01-24")


def test_next_version_metadata_and_the_apply_record_as_json():
    first = load_draft(DRAFTS / "first-draft.draft")
    meta = next_metadata(first, "rev1", date="13 January 2017")
    assert meta["revision"] == "1" and meta["stage_label"] == "Rev.1"
    assert meta["symbol"] == meta["job_number"] == ""
    # after "Revision 2" comes "Revision 3", as the negotiation has been naming them
    rev2 = load_draft(DRAFTS / "rev2.draft")
    assert rev2.metadata.stage_label == "Revision 2"
    assert next_metadata(rev2, "rev3")["stage_label"] == "Revision 3"
    props = load_proposals([AMENDMENTS / "rev1"])
    new, rec = apply_proposals(first, props, metadata=meta)
    data = json.loads(json.dumps(record_json(rec)))
    assert data["base"] == "first-draft"
    assert [a["change"] for a in data["applied"]] == [a.change.id for a in rec.applied]
    assert {a["unit"] for a in data["applied"]} == {p.unit for p in new.provenance}


def test_redline_across_two_rounds_names_both_rounds_proposers(tmp_path):
    """The CLI asks the negotiation for the versions between: Rev.2 against the first draft
    signs changes with Rev.1's proposers too, never with a name no version records."""
    import re
    import zipfile
    out = tmp_path / "r.docx"
    res = run_cli("redline", DRAFTS / "first-draft.draft", DRAFTS / "rev2.draft", "-o", out)
    assert res.returncode == 0, res.stderr
    with zipfile.ZipFile(out) as z:
        authors = set(re.findall(r'w:author="([^"]*)"', z.read("word/document.xml").decode()))
    rev1 = {r.proposer for r in load_draft(DRAFTS / "rev1.draft").provenance}
    rev2 = {r.proposer for r in load_draft(DRAFTS / "rev2.draft").provenance}
    assert len(authors & (rev1 - rev2)) >= 3, authors
    assert authors <= rev1 | rev2 | {"Co-facilitators"}
