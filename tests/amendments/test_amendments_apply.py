"""Applying proposals to the seed's first draft: renumbering, cross-references, provenance,
conflicts, carrying forward, and the committed Rev.1."""
from __future__ import annotations

from dataclasses import replace

import pytest

from assembler.amendments import (Change, ConflictsFound, Proposal, StatusEntry,
                                  apply_proposals, load_proposals, number_changes)
from assembler.errors import AssemblerError, ProblemsFound
from assembler.inline import plain
from assembler.numbering import compute_labels
from assembler.source import dump_draft, load_draft, parse_draft

from conftest import ROOT, run_cli

DRAFTS = ROOT / "drafts" / "gcm-modalities"
ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"
LATE = ROOT / "amendments" / "gcm-modalities" / "rev3"


def proposal(pid, *changes, status="accepted", base="first-draft", proposer=None):
    return Proposal(pid, proposer or f"Delegation {pid}", base, number_changes(pid, changes),
                    history=(StatusEntry(status),))


def reads(draft, uid):
    labels = compute_labels(draft)
    return plain(draft.unit_index()[uid].content, ref=lambda t: labels[t].number)


def test_deleting_op3_renumbers_the_cross_references_in_op20(first_draft):
    assert "as outlined in paragraphs 14 and 19" in reads(first_draft, "op20")
    new, record = apply_proposals(first_draft, [proposal("P-1", Change("delete-unit", "OP 3"))])
    assert "as outlined in paragraphs 13 and 18" in reads(new, "op20")
    assert "processes outlined in paragraph 18 that" in reads(new, "op20.a")
    # references to other documents never change
    assert "paragraph 8 of Annex II of its resolution 71/1" in reads(new, "op14")
    labels = compute_labels(new)
    assert labels["op20"].number == "19" and "op3" not in labels
    assert [a.change.id for a in record.applied] == ["P-1/1"]
    assert new.metadata.based_on == "first-draft"
    assert new.provenance[0].unit == "op3" and new.provenance[0].proposer == "Delegation P-1"


def test_word_changes_keep_lead_italics_and_footnote_markers(first_draft):
    new, _ = apply_proposals(first_draft, [
        proposal("P-1", Change("replace-words", "OP 2", words="Underlines further",
                               text="Underlines"),
                 Change("replace-words", "OP 6 (b)", words="April 2017", text="May 2017"))])
    op2 = new.unit_index()["op2"].content
    assert op2[0].text == "Underlines" and op2[0].italic
    op6b = dump_draft(new).split("{#op6.a}")[1]
    assert "no later than May 2017[^fn1];" in op6b


def test_spacing_help_for_inserted_and_deleted_words(first_draft):
    new, _ = apply_proposals(first_draft, [
        proposal("P-1", Change("insert-words", "OP 17", words="Member States", position="after",
                               text="and observers"),
                 Change("insert-words", "OP 15", words="expert panels", position="before",
                        text="multi-stakeholder"),
                 Change("delete-words", "OP 26", words="at least"))])
    assert "Calls upon Member States and observers to contribute" in reads(new, "op17")
    assert "2 or 3 multi-stakeholder expert panels" in reads(new, "op15")
    assert "preside over four days" in reads(new, "op26")


def test_unit_changes_insert_move_delete_and_replace(first_draft):
    new, _ = apply_proposals(first_draft, [
        proposal("P-1", Change("insert-unit", "OP 7", position="after", unit="op",
                               text="*Encourages* all;", new_id="op7bis"),
                 Change("insert-unit", "OP 6", position="end", unit="sub", text="*Invites* x;",
                        new_id="op6.d"),
                 Change("insert-unit", "preamble", position="start", unit="pp",
                        text="*Recalling* y,", new_id="pp0"),
                 Change("insert-unit", "OP 27", position="before", unit="heading",
                        text="Trust fund", new_id="h4")),
        proposal("P-2", Change("move-unit", "OP 9", position="after", destination="OP 12"),
                 Change("delete-unit", "OP 20 (b)"),
                 Change("replace-unit", "PP 3", text="*Acknowledging* z,"))])
    labels = compute_labels(new)
    assert labels["op7bis"].number == "8" and labels["op8"].number == "9"
    assert labels["op6.d"].number == "6 (d)"
    assert labels["pp0"].number == "1" and labels["pp3"].number == "4"
    assert labels["op9"].number == "13" and labels["op12"].number == "12"
    assert labels["op20.c"].number == "21 (b)"
    assert [u.id for u in new.operative][-3:] == ["h4", "op27", "op28"]
    assert reads(new, "pp3") == "Acknowledging z,"


def test_order_of_proposals_does_not_matter(first_draft):
    props = load_proposals([ROUND1])
    a, _ = apply_proposals(first_draft, props)
    b, _ = apply_proposals(first_draft, list(reversed(props)))
    assert a == b


def test_committed_rev1_is_what_the_accepted_proposals_make(first_draft):
    rev1 = load_draft(DRAFTS / "rev1.draft")
    new, record = apply_proposals(first_draft, load_proposals([ROUND1]), metadata={
        "version": "rev1", "stage": "rev", "revision": "1", "stage_label": "Revision 1",
        "date": "13 January 2017"})
    assert new == rev1
    m = rev1.metadata
    assert (m.version, m.stage, m.revision, m.based_on) == ("rev1", "rev", "1", "first-draft")
    text = (DRAFTS / "rev1.draft").read_text("utf-8")
    assert dump_draft(parse_draft(text)[0]) == text
    made = {p.proposal for p in rev1.provenance}
    assert made == {"P-01", "P-02", "P-03", "P-04", "P-05", "P-07", "P-08", "P-10", "P-11",
                    "P-13", "P-14", "P-16", "P-17", "P-19"}
    # rejected, withdrawn, superseded and merged proposals leave no trace
    assert not made & {"P-06", "P-09", "P-12", "P-15", "P-18"}
    # accepted with modification: the modified text is what went in
    assert "in accordance with the mandate" in reads(rev1, "op22bis")
    assert "op25" in rev1.unit_index()  # P-17's deletion was not part of the modification
    assert "as outlined in paragraphs 13 and 18" in reads(rev1, "op20")


def test_all_previews_every_proposal_still_on_the_table(first_draft):
    props = load_proposals([ROUND1])
    undecided = [replace(p, history=()) if p.id in ("P-06", "P-15") else p for p in props]
    new, record = apply_proposals(first_draft, undecided, mode="all")
    assert reads(new, "pp3").startswith("Acknowledging its decision to work towards the "
                                        "adoption in 2018 of a global compact on refugees, and "
                                        "stressing")
    assert "multi-stakeholder expert panels" in reads(new, "op15")


@pytest.mark.parametrize("a, b, reason", [
    (Change("delete-words", "OP 26", words="at least"),
     Change("replace-words", "OP 26", words="at least four days", text="two days"),
     "overlapping words"),
    (Change("replace-unit", "OP 24", text="*Also decides* x;"),
     Change("replace-words", "OP 24", words="three days", text="four days"),
     "replaces the paragraph the other amends"),
    (Change("delete-unit", "OP 19"),
     Change("insert-words", "OP 19 (b)", words="Member States", position="after", text="x"),
     "one deletes OP 19, which holds it"),
    (Change("insert-words", "OP 5", words="two", position="after", text="new"),
     Change("insert-words", "OP 5", words=" co-facilitators", position="before", text="other"),
     "two insertions at the same point"),
    (Change("insert-unit", "OP 7", position="after", unit="op", text="*A* a;"),
     Change("insert-unit", "OP 7", position="after", unit="op", text="*B* b;"),
     "both put a paragraph after it"),
    (Change("move-unit", "OP 9", position="after", destination="OP 12"),
     Change("move-unit", "OP 9", position="before", destination="OP 2"),
     "both move the paragraph"),
])
def test_conflicts_name_both_proposals_and_the_unit(first_draft, a, b, reason):
    pa = proposal("P-A", a, proposer="Delegation A")
    pb = proposal("P-B", b, proposer="Group of Friends of X")
    with pytest.raises(ConflictsFound) as err:
        apply_proposals(first_draft, [pa, pb])
    [conflict] = err.value.conflicts
    text = str(conflict)
    assert reason in text and "Delegation A" in text and "Group of Friends of X" in text
    assert err.value.exit_code == 1
    # the user may say which wins
    new, record = apply_proposals(first_draft, [pa, pb], prefer=("P-B",))
    assert [a.change.id for a in record.applied] == ["P-B/1"]
    assert [a.change.id for a, _ in record.overridden] == ["P-A/1"]


def test_deleting_a_paragraph_still_referred_to_is_a_problem(first_draft):
    with pytest.raises(ProblemsFound, match="op20 refers to OP 19, which P-1/1"):
        apply_proposals(first_draft, [proposal("P-1", Change("delete-unit", "OP 19"))])


def test_carrying_proposals_from_older_versions_onto_rev2():
    rev2 = load_draft(DRAFTS / "rev2.draft")
    older = {name: load_draft(DRAFTS / f"{name}.draft") for name in ("first-draft", "rev1")}
    props = load_proposals([LATE])
    assert {p.base for p in props} == {"first-draft", "rev1"}
    new, record = apply_proposals(rev2, props, mode="all", versions=older.get)
    # OP 21 of the first draft: followed by id, its words found again
    assert "to prepare a summary of the meeting" in reads(new, "op21")
    # OP 12 (a) of Rev.1
    assert reads(new, "op13.a") == "Phase I: consultations, April 2017 to November 2017"
    reasons = {n.change.id: n.reason for n in record.not_applicable}
    assert set(reasons) == {"R-02/2", "R-02/3"}
    assert "operative paragraph 3 of first-draft is no longer in rev2" in reasons["R-02/2"]
    assert "“at least four days” are no longer in operative paragraph" in reasons["R-02/3"]
    with pytest.raises(AssemblerError, match="written against '(first-draft|rev1)', which is not"):
        apply_proposals(rev2, props, mode="all", versions=lambda name: None)


def test_carried_words_pick_the_occurrence_that_moved():
    first = load_draft(DRAFTS / "first-draft.draft")
    rev1 = load_draft(DRAFTS / "rev1.draft")
    # OP 28 changed before the anchored words between the two versions
    p = proposal("Q", Change("insert-words", "OP 28", words="its preparatory process",
                             position="after", text=", including travel costs"))
    new, record = apply_proposals(rev1, [p], versions=lambda n: first)
    assert reads(new, "op28").endswith("its preparatory process, including travel costs.")


def test_apply_cli_writes_nothing_on_conflict(tmp_path):
    folder = tmp_path / "props"
    folder.mkdir()
    for name in ("P-09.yaml", "P-10.yaml"):
        text = (ROUND1 / name).read_text("utf-8")
        (folder / name).write_text(text.split("status:")[0], "utf-8")
    out = tmp_path / "rev.draft"
    r = run_cli("apply", DRAFTS / "first-draft.draft", folder, "-o", out, "--all")
    assert r.returncode == 1, r.stderr
    assert "conflict in OP 26 (op26): they change overlapping words: P-09/1 by Delegation H " \
           "and P-10/1 by Delegation I" in r.stdout
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    r = run_cli("apply", DRAFTS / "first-draft.draft", folder, "-o", out, "--all",
                "--prefer", "P-10")
    assert r.returncode == 0, r.stderr
    assert "left out" in r.stderr and "P-09/1" in r.stderr
    assert "over two days of informal" in out.read_text("utf-8")
    # a mistyped --prefer is refused, not ignored (the conflict would stay undecided)
    out.unlink()
    r = run_cli("apply", DRAFTS / "first-draft.draft", folder, "-o", out, "--all",
                "--prefer", "P-1O")
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip().splitlines() == [
        "error: --prefer P-1O: no proposal has that id (give one of P-09, P-10)"]
    assert not out.exists()


def test_apply_cli_makes_rev1_and_a_record(tmp_path):
    out = tmp_path / "rev1.draft"
    rec = tmp_path / "rec.json"
    r = run_cli("apply", DRAFTS / "first-draft.draft", ROUND1, "-o", out, "--date",
                "13 January 2017", "--stage-label", "Revision 1", "--record", rec)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == (DRAFTS / "rev1.draft").read_bytes()
    import json
    data = json.loads(rec.read_text("utf-8"))
    p02 = next(a for a in data["applied"] if a["change"] == "P-02/1")
    assert p02["unit"] == "op5" and p02["inserted"].startswith(", one from a developing")
    r = run_cli("apply", DRAFTS / "first-draft.draft", ROUND1, "-o", DRAFTS / "first-draft.draft")
    assert r.returncode == 2 and "base version itself" in r.stderr


def test_quotes_and_apostrophes_match_whether_curly_or_straight(first_draft):
    new, record = apply_proposals(first_draft, [proposal(
        "P-1", Change("replace-words", "OP 21", words="chair’s summary", text="summary"),
        Change("delete-words", "PP 1", words="entitled “New York Declaration for Refugees and "
                                             "Migrants”, "))])
    assert "to prepare a summary of the meeting" in reads(new, "op21")
    assert record.applied[0].deleted == "chair's summary"
    assert "September 2016, and the launch" in reads(new, "pp1")


@pytest.mark.parametrize("name", ["rec.docx", "rec.draft", "first-draft.draft"])
def test_apply_cli_record_is_json_only(tmp_path, name):
    """--record writes JSON; given a draft's or a document's name it would replace that file."""
    base = tmp_path / "first-draft.draft"
    base.write_bytes((DRAFTS / "first-draft.draft").read_bytes())
    out, rec = tmp_path / "rev1.draft", tmp_path / name
    r = run_cli("apply", base, ROUND1, "-o", out, "--record", rec)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {rec}: the record")
    assert ".json" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first-draft.draft"]
    assert base.read_bytes() == (DRAFTS / "first-draft.draft").read_bytes()


def test_a_footnote_is_named_by_the_number_it_is_printed_with_after_a_move():
    """Footnotes are printed numbered by their first marker. A/RES/78/11 (real text layer)
    marks note 1 in PP 2 and note 2 in PP 5; once PP 5 moves before PP 2, the note printed
    first is the treaty reference, and "In footnote 1, ..." must change that one (it once
    changed the note stored first, printed as 2)."""
    from assembler.readers import read_any
    from assembler.numbering import footnote_numbers
    base = read_any(ROOT.parent / "shared" / "real" / "more" / "A_RES_78_11.txt").draft
    moved, _ = apply_proposals(base, [proposal(
        "P-1", Change("move-unit", "PP 5", position="before", destination="PP 2"),
        base="x")])
    assert footnote_numbers(moved) == {"fn2": 1, "fn1": 2}
    changed, _ = apply_proposals(moved, [proposal(
        "P-2", Change("replace-words", "footnote 1", words="vol. 75", text="vol. 76"),
        base="x")])
    notes = {f.id: plain(f.content) for f in changed.footnotes}
    assert notes["fn2"] == "United Nations, Treaty Series, vol. 76, No. 973."
    assert notes["fn1"] == "A/78/315."

