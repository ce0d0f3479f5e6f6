"""Proposal files (YAML and prose), the JSON Schema, the status workflow, and bad input:
one clear line naming file and line (or sentence), exit 2, nothing written."""
from __future__ import annotations

import json

import pytest

from assembler.amendments import dump_proposal, load_proposal, load_proposals, parse_proposal
from assembler.amendments.yamlio import SCHEMA

from conftest import ROOT, run_cli

FIRST = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"

GOOD = """id: P-90
proposer: Delegation A
base: first-draft
changes:
  - kind: replace-words
    target: OP 24
    words: three days
    text: four days
"""


def test_every_example_proposal_validates_against_the_json_schema():
    import jsonschema
    import yaml
    schema = json.loads(SCHEMA.read_text("utf-8"))
    files = sorted(ROUND1.glob("*.yaml"))
    assert len(files) >= 15
    for f in files:
        # an editor's YAML reads dates as dates; the tool keeps them as written
        jsonschema.validate(_as_strings(yaml.safe_load(f.read_text("utf-8"))), schema)


def _as_strings(obj):
    import datetime
    if isinstance(obj, dict):
        return {k: _as_strings(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_as_strings(v) for v in obj]
    return obj.isoformat() if isinstance(obj, datetime.date) else obj


def test_the_example_negotiation_covers_every_kind_and_status():
    props = load_proposals([ROUND1])
    kinds = {c.kind for p in props for c in p.changes}
    assert kinds == {"insert-words", "delete-words", "replace-words", "replace-unit",
                     "insert-unit", "delete-unit", "move-unit"}
    inserted = {c.unit for p in props for c in p.changes if c.kind == "insert-unit"}
    assert inserted == {"pp", "op", "sub", "heading"}
    assert {p.status for p in props} == {"accepted", "accepted-with-modification", "rejected",
                                         "withdrawn", "superseded", "merged"}
    assert any(p.form == "prose" for p in props)
    assert "proposed" not in {p.status for p in props}


def test_dump_and_load_give_the_same_proposal():
    for p in load_proposals([ROUND1]):
        again = parse_proposal(dump_proposal(p), "x.yaml")
        assert again == p


def test_prose_proposal_reads_into_structured_changes():
    p = load_proposal(ROUND1 / "P-14.md")
    assert [(c.kind, c.target, c.words, c.text) for c in p.changes] == [
        ("insert-words", "operative paragraph 17", "Member States", "and observers"),
        ("replace-words", "operative paragraph 2", "Underlines further", "Underlines")]
    assert p.changes[0].line == 14


def write(tmp_path, name, text):
    f = tmp_path / name
    f.write_text(text, "utf-8")
    return f


BAD = [
    ("syntax.yaml", GOOD.replace("    words: three days", "    words: [three days"),
     "syntax.yaml:8: not valid YAML"),
    ("unknown.yaml", GOOD.replace("    text: four days", "    text: four days\n    colour: red"),
     "unknown.yaml:9: unknown field 'colour' in changes/0"),
    ("toplevel.yaml", GOOD + "sponsor: Delegation B\n", "toplevel.yaml:9: unknown field 'sponsor'"),
    ("missing.yaml", GOOD.replace("base: first-draft\n", ""), "lacks the field 'base'"),
    ("badkind.yaml", GOOD.replace("replace-words", "rewrite"), "badkind.yaml:5"),
    ("twice.yaml", GOOD.replace("base: first-draft\n", "base: first-draft\nbase: rev1\n"),
     "twice.yaml:4: the field 'base' is given twice"),
    ("target.yaml", GOOD.replace("OP 24", "OP 42"),
     "target.yaml:5: P-90/1: 'OP 42' names no unit of version 'first-draft' (4 preambular, "
     "28 operative paragraphs)"),
    ("words.yaml", GOOD.replace("three days", "thre days"),
     "words.yaml:5: P-90/1: in operative paragraph 24: the words "
     "“thre days” are not in the text"),
    ("ambiguous.yaml", GOOD.replace("three days", "four days"),
     "ambiguous.yaml:5: P-90/1: in operative paragraph 24: the words “four days” occur 2 times "
     "(say which with 'occurrence: N'"),
    ("prose.md", "---\nid: P-91\nproposer: Delegation B\nbase: first-draft\n---\n"
                 "In operative paragraph 5, replace “two”.\n",
     "prose.md:6: cannot read the sentence “In operative paragraph 5, replace “two”.”"),
    ("status.yaml", GOOD + "status:\n  - status: withdrawn\n  - status: accepted\n",
     "status.yaml:11: status 'accepted' cannot follow 'withdrawn'"),
    ("place.yaml", GOOD.replace("changes:\n", "changes:\n  - kind: insert-unit\n    unit: sub\n"
                                "    after: OP 3\n    text: x;\n"),
     "a sub-paragraph cannot go after operative paragraph 3"),
]


@pytest.mark.parametrize("name, text, message", BAD, ids=[b[0] for b in BAD])
def test_bad_proposals_are_refused_clearly_and_nothing_is_written(tmp_path, name, text, message):
    f = write(tmp_path, name, text)
    out = tmp_path / "new.draft"
    r = run_cli("apply", FIRST, f, "-o", out, "--all")
    assert r.returncode == 2, r.stderr
    assert message in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_two_proposals_with_one_id(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", GOOD)
    r = run_cli("proposals", tmp_path)
    assert r.returncode == 2
    assert "b.yaml:1: the id 'P-90' is also used by" in r.stderr and "a.yaml" in r.stderr


def test_status_workflow_records_decisions_and_refuses_impossible_ones(tmp_path):
    f = write(tmp_path, "p.yaml", "# keep this comment\n" + GOOD)
    r = run_cli("status", f, "accept", "--note", "agreed in informals", "--date", "2017-01-12")
    assert r.returncode == 0, r.stderr
    text = f.read_text("utf-8")
    assert text.startswith("# keep this comment\n") and "note: agreed in informals" in text
    assert load_proposal(f).status == "accepted"
    before = f.read_bytes()
    r = run_cli("status", f, "reject")
    assert r.returncode == 2
    assert "P-90 is accepted and cannot become rejected" in r.stderr
    assert f.read_bytes() == before
    r = run_cli("status", f, "supersede")
    assert r.returncode == 2 and "--by" in r.stderr
    r = run_cli("status", f, "modify", "--text", "five days", "--date", "2017-01-13")
    assert r.returncode == 0, r.stderr
    p = load_proposal(f)
    assert p.status == "accepted-with-modification"
    assert p.effective_changes[0].text == "five days"
    # a decided proposal is not withdrawn: the record says it was decided
    before = f.read_bytes()
    r = run_cli("status", f, "withdraw", "--date", "2017-01-14")
    assert r.returncode == 2 and "accepted with modification and cannot become withdrawn" \
        in r.stderr and f.read_bytes() == before
    assert run_cli("status", f, "reopen").returncode == 0
    r = run_cli("status", f, "withdraw", "--date", "2017-01-14")
    assert r.returncode == 0
    r = run_cli("status", f, "reopen")
    assert r.returncode == 2 and "closed" in r.stderr
    r = run_cli("status", f)
    assert r.returncode == 0 and "withdrawn" in r.stdout


def test_status_on_a_prose_proposal_goes_into_its_header(tmp_path):
    f = write(tmp_path, "p.md", "---\nid: P-92\nproposer: Delegation C\nbase: first-draft\n---\n"
                                "Delete operative paragraph 27.\n")
    r = run_cli("status", f, "reject", "--date", "2017-01-12", "--note", "no support")
    assert r.returncode == 0, r.stderr
    p = load_proposal(f)
    assert p.status == "rejected" and p.changes[0].target == "operative paragraph 27"
    assert f.read_text("utf-8").endswith("---\nDelete operative paragraph 27.\n")


def test_proposals_lists_in_prose(tmp_path):
    r = run_cli("proposals", ROUND1, "--base", FIRST, "--prose")
    assert r.returncode == 0, r.stderr
    assert "P-02/1: In operative paragraph 5, after “two co-facilitators” insert “, one from a " \
           "developing and one from a developed country”" in r.stdout
    assert "P-04/1: Delete operative paragraph 3" in r.stdout


@pytest.mark.parametrize("name, data, message", [
    ("empty.yaml", b"", "empty.yaml:1: empty file: not a proposal"),
    ("binary.yaml", b"\x00\x01\x02", "binary.yaml:1: binary file: not a proposal"),
    ("latin1.yaml", "id: P-1 — é".encode("latin-1", errors="replace"), "not UTF-8"),
    ("notes.docx", b"PK\x03\x04", "'.docx' is not a proposal file"),
    ("list.yaml", b"- a\n- b\n", "list.yaml:1: a proposal is a YAML mapping"),
])
def test_files_that_are_not_proposals(tmp_path, name, data, message):
    f = tmp_path / name
    f.write_bytes(data)
    r = run_cli("proposals", f)
    assert r.returncode == 2 and message in r.stderr, r.stderr


def test_an_empty_folder_has_no_proposals(tmp_path):
    r = run_cli("apply", FIRST, tmp_path, "-o", tmp_path / "x.draft")
    assert r.returncode == 2 and "no proposals found" in r.stderr
    assert not (tmp_path / "x.draft").exists()


def test_modification_given_in_prose_replaces_the_changes(tmp_path):
    f = write(tmp_path, "p.yaml", GOOD.replace("changes:\n", "changes:\n  - Delete operative "
                                                             "paragraph 27\n"))
    r = run_cli("status", f, "modify", "--change",
                "In operative paragraph 24, replace “three days” with “two days”",
                "--date", "2017-01-12", "--note", "paragraph 27 stays")
    assert r.returncode == 0, r.stderr
    p = load_proposal(f)
    assert [(c.kind, c.text) for c in p.effective_changes] == [("replace-words", "two days")]
    out = tmp_path / "rev.draft"
    r = run_cli("apply", FIRST, f, "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text("utf-8")
    assert "in February 2018 for two days" in text and "{#op27}" in text
