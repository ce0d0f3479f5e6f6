"""The split-unit kind (amendments/kinds/split_unit.py), added as one module and one registry
line: its prose both ways, applied to the first draft, refused where it cannot be made, in
conflict with what it touches, carried onto Rev.1, compiled, previewed, inferred, and chosen
in the room's paragraph form."""
from __future__ import annotations

import jsonschema
import pytest

from assembler.amendments import apply_proposals, infer_changes
from assembler.amendments.compile import compile_proposals
from assembler.amendments.conflicts import ConflictsFound
from assembler.amendments.model import Change, Proposal, number_changes
from assembler.amendments.preview import preview
from assembler.amendments.prose import change_to_prose, prose_to_changes
from assembler.amendments.targets import UnitIndex
from assembler.amendments.yamlio import change_from_mapping, proposal_schema
from assembler.amendments.yamlout import change_to_mapping
from assembler.errors import AssemblerError
from assembler.inline import plain
from assembler.source import load_draft

from conftest import ROOT
from roomkit import make_room, signed_in

DRAFTS = ROOT / "drafts" / "gcm-modalities"
OP7_CUT = "different realities,"
OP7_REST = "and therefore encourages effective contributions"


@pytest.fixture(scope="module")
def first():
    return load_draft(DRAFTS / "first-draft.draft")


@pytest.fixture(scope="module")
def index(first):
    return UnitIndex(first)


def proposal(pid, *changes, base="first-draft"):
    return Proposal(pid, f"Delegation {pid}", base, number_changes(pid, changes), history=())


def split(target="OP 7", words=OP7_CUT, **fields):
    return Change("split-unit", target, words=words, **fields)


def reads(draft, uid):
    return plain(draft.unit_index()[uid].content)


# ---------------------------------------------------------------- prose, data

@pytest.mark.parametrize("sentence, expected", [
    ("Split operative paragraph 7 after the words “different realities,”", split("op7")),
    ("Operative paragraph 7 shall be split after “different realities,”.", split("op7")),
    ("Split operative paragraph 6 (b) in two after the words “geographical representation,”",
     split("op6.b", "geographical representation,")),
    ("Split operative paragraph 24 after the second occurrence of the words “for four days”,"
     " with id op24bis", split("op24", "for four days", occurrence=2, new_id="op24bis")),
])
def test_split_is_read_and_written_as_un_prose(index, sentence, expected):
    [change] = prose_to_changes(sentence, index)
    assert change == expected
    written = change_to_prose(change, index)
    assert written.startswith("Split operative paragraph ")
    assert prose_to_changes(written, index) == [change]


def test_split_as_a_yaml_mapping_validates_against_the_generated_schema():
    change = split("op24", "for four days", occurrence=2, new_id="op24bis")
    mapping = change_to_mapping(change)
    assert mapping == {"kind": "split-unit", "target": "op24", "words": "for four days",
                       "occurrence": 2, "id": "op24bis"}
    jsonschema.validate({"id": "P-1", "proposer": "Delegation A", "base": "first-draft",
                         "changes": [mapping]}, proposal_schema())
    assert change_from_mapping(mapping) == change
    with pytest.raises(jsonschema.ValidationError):   # no words: no place to split
        jsonschema.validate({"id": "P-1", "proposer": "Delegation A", "base": "first-draft",
                             "changes": [{"kind": "split-unit", "target": "op7"}]},
                            proposal_schema())


# ---------------------------------------------------------------- applied

def test_split_makes_two_paragraphs_and_renumbers_the_rest(first):
    new, record = apply_proposals(first, [proposal("P-1", split())], mode="all")
    index = UnitIndex(new)
    ids = [u.id for u in new.operative]
    made = ids[ids.index("op7") + 1]
    assert reads(new, "op7").endswith("take into account different realities,")
    assert reads(new, made).startswith(OP7_REST)
    assert reads(new, "op7") + " " + reads(new, made) == reads(first, "op7")
    assert new.unit_index()["op7"].content[0].italic      # the lead keeps its italics
    assert (index.label_of("op7"), index.label_of(made), index.label_of("op8")) == \
        ("operative paragraph 7", "operative paragraph 8", "operative paragraph 9")
    assert len(new.operative) == len(first.operative) + 1
    [applied] = record.applied
    assert applied.change.kind == "split-unit" and applied.unit == "op7"


def test_a_split_sub_paragraph_takes_its_footnote_marker_along(first):
    new, _ = apply_proposals(first, [proposal("P-1", split("OP 6 (b)",
                                                           "geographical representation,",
                                                           new_id="op6.b2"))], mode="all")
    subs = [u.id for u in new.unit_index()["op6"].children]
    assert subs == ["op6.a", "op6.b", "op6.b2", "op6.c"]
    assert "fn1" not in repr(new.unit_index()["op6.b"].content)
    assert "fn1" in repr(new.unit_index()["op6.b2"].content)
    assert UnitIndex(new).label_of("op6.c") == "operative paragraph 6 (d)"
    assert [f.id for f in new.footnotes] == [f.id for f in first.footnotes]


@pytest.mark.parametrize("change, message", [
    (split(words="not in the paragraph"), "not"),
    (split(words="sub-regional platforms;"), "nothing follows"),
    (split("OP 6", "and:"), "nothing follows"),
    (split(new_id="op8"), "already used"),
])
def test_a_split_that_cannot_be_made_is_refused_naming_the_change(first, change, message):
    with pytest.raises(AssemblerError, match=message) as err:
        apply_proposals(first, [proposal("P-1", change)], mode="all")
    assert "P-1/1" in str(err.value)


def test_a_heading_is_not_split(first):
    words = plain(first.unit_index()["h1"].content).split()[0]
    with pytest.raises(AssemblerError, match="only paragraphs and sub-paragraphs are split"):
        apply_proposals(first, [proposal("P-1", split("h1", words))], mode="all")


# ---------------------------------------------------------------- conflicts

@pytest.mark.parametrize("other, why", [
    (Change("replace-words", "OP 7", words="therefore encourages", text="encourages"),
     "overlap"),
    (Change("insert-unit", "OP 7", position="after", unit="op", text="*Notes* the split;"),
     "both-place"),
    (Change("delete-unit", "OP 7"), "deleted"),
])
def test_split_conflicts_with_what_it_touches(first, other, why):
    with pytest.raises(ConflictsFound) as err:
        apply_proposals(first, [proposal("P-1", split()), proposal("P-2", other)], mode="all")
    assert [c.why for c in err.value.conflicts] == [why]


def test_split_is_apart_from_words_of_the_first_part(first):
    other = Change("replace-words", "OP 7", words="Emphasizes", text="Stresses")
    new, _ = apply_proposals(first, [proposal("P-1", split()), proposal("P-2", other)],
                             mode="all")
    assert reads(new, "op7").startswith("Stresses the importance")


# ---------------------------------------------------------------- carried, compiled, shown

def test_split_written_against_the_first_draft_is_carried_onto_rev1(first):
    rev1 = load_draft(DRAFTS / "rev1.draft")
    assert UnitIndex(rev1).label_of("op7") == "operative paragraph 6"   # renumbered since
    new, record = apply_proposals(rev1, [proposal("P-1", split())], versions=lambda n: first,
                                  mode="all")
    assert reads(new, "op7").endswith(OP7_CUT)
    assert UnitIndex(new).label_of("op7") == "operative paragraph 6"
    assert record.not_applicable == []


def test_split_is_compiled_under_its_paragraph_with_a_note(first):
    compiled = compile_proposals(first, [proposal("P-1", split())], only_touched=True)
    [row] = compiled.rows
    assert row.unit == "op7"
    [entry] = row.entries
    assert entry.prose == "Split operative paragraph 7 after the words “different realities,”."
    assert "the words that follow become a new paragraph" in entry.note


def test_a_delegations_preview_shows_the_new_paragraph(first):
    """The redline a delegation sees: OP 7's end struck out and an inserted paragraph."""
    r = preview(first, [proposal("P-1", split())]).redline
    changed = {u.unit.id: u for u in r.changed_units()}
    assert set(changed) == {"op7", "op-P-1-1"}
    assert changed["op-P-1-1"].status == "inserted"
    struck = "".join(plain(s.content) for c in changed["op7"].contents for s in c
                     if s.op == "delete")
    assert struck.strip().startswith(OP7_REST)


def test_a_split_is_inferred_from_two_versions(first):
    for change in (split(), split("OP 24", "for three days", occurrence=0)):
        new, _ = apply_proposals(first, [proposal("P-1", change)], mode="all")
        [inferred] = infer_changes(first, new).changes
        assert inferred.kind == "split-unit"
        again, _ = apply_proposals(first, [proposal("P-2", inferred)], mode="all")
        assert [u.content for u in again.units()] == [u.content for u in new.units()]


# ---------------------------------------------------------------- the room

def test_the_rooms_paragraph_form_offers_the_split(tmp_path):
    store, accounts, app = make_room(tmp_path)
    a, csrf = signed_in(app, accounts, "Delegation Q")
    pid = str(a.post("/drafts", data={"csrf": csrf, "title": "Split"}).url).rsplit("/", 1)[1]
    page = a.get(f"/drafts/{pid}").text
    assert '<option value="split">split it after the words typed below</option>' in page
    r = a.post(f"/drafts/{pid}/changes", data={"csrf": csrf, "form": "unit", "target": "op7",
                                               "op": "split", "text": OP7_CUT})
    assert r.status_code == 200
    d = store.private_draft(accounts.by_name("Delegation Q").id, pid)
    assert d.changes == (split("op7"),) or list(d.changes) == [split("op7")]
    assert "Split operative paragraph 7 after the words" in a.get(f"/drafts/{pid}").text
    pv = a.get(f"/drafts/{pid}/preview").text
    assert OP7_REST in pv and "<del" in pv and "<ins" in pv
    # words that stand twice are refused with what to do
    r = a.post(f"/drafts/{pid}/changes", data={"csrf": csrf, "form": "unit", "target": "op24",
                                               "op": "split", "text": "for four days"})
    assert "type more of the words" in r.text


# ---------------------------------------------------------------- from files, by the CLI

def test_a_proposal_file_with_splits_is_applied_and_compiled_by_the_command_line(tmp_path):
    from conftest import run_cli
    folder = tmp_path / "round"
    folder.mkdir()
    (folder / "P-01.yaml").write_text(
        "id: P-01\nproposer: Delegation A\nbase: first-draft\nchanges:\n"
        "  - kind: split-unit\n    target: OP 7\n    words: \"different realities,\"\n"
        "    id: op7bis\n"
        "  - Split operative paragraph 24 after the words “for three days”\n", "utf-8")
    out = tmp_path / "next.draft"
    r = run_cli("apply", DRAFTS / "first-draft.draft", folder, "-o", out, "--all")
    assert r.returncode == 0, r.stderr
    new = load_draft(out)
    ids = [u.id for u in new.operative]
    assert ids[ids.index("op7") + 1] == "op7bis" and reads(new, "op7bis").startswith(OP7_REST)
    assert reads(new, "op24").endswith("for three days")
    page = tmp_path / "compiled.html"
    r = run_cli("compile", DRAFTS / "first-draft.draft", folder, "-o", page)
    assert r.returncode == 0, r.stderr
    text = page.read_text("utf-8")
    assert "Split operative paragraph 7 after the words" in text
    assert "Split operative paragraph 24 after the words" in text
    assert "the words that follow become a new paragraph" in text
