"""Proposals out of tracked changes (one per w:author) and out of two versions (diff
--as-proposals): the inferred changes, said in UN prose, rebuild the edited text."""
from __future__ import annotations

from dataclasses import replace

import pytest

import wordfiles
from wordfiles import returned_first_draft
from conftest import ROOT, run_cli
from assembler.amendments.apply import apply_proposals
from assembler.amendments.yamlio import load_proposal
from assembler.inline import plain
from assembler.model import OperativeParagraph, Text
from assembler.ooxml.editor import TrackedEditor
from assembler.readers.docx import read_docx_draft
from assembler.readers.word_changes import word_proposals
from assembler.source import save_draft
from assembler.writers.docx.draft import build_docx

A, B = wordfiles.DELEGATION_A, wordfiles.GROUP_B


def texts(d):
    return [plain(u.content) for u in d.units() if hasattr(u, "content")]


def test_one_proposal_per_author_against_the_built_version(first_draft, tmp_path):
    path = tmp_path / "returned.docx"
    path.write_bytes(returned_first_draft(first_draft))
    result = word_proposals(path, first_draft)
    assert result.original.operative == first_draft.operative
    by = {p.proposer: p for p in result.proposals}
    assert set(by) == {A, B}
    a, b = by[A], by[B]
    assert a.base == b.base == "first-draft" and a.date == "2017-01-10"
    assert a.rationale == "One from each regional group is too many; three keeps the balance."
    assert b.rationale == ""
    assert [(c.kind, c.target) for c in a.changes] == [("replace-words", "op5"),
                                                       ("insert-words", "op5")]
    assert (a.changes[0].words, a.changes[0].text) == ("two", "three")
    kinds = sorted((c.kind, c.target) for c in b.changes)
    assert ("delete-unit", "op10") in kinds and ("delete-words", "op17") in kinds
    assert any(k == "insert-unit" for k, _ in kinds)
    # applying both proposals gives the text with every tracked change accepted
    applied, _ = apply_proposals(first_draft, result.proposals, mode="all")
    accepted = read_docx_draft(path, changes="accept").draft
    assert texts(applied) == texts(accepted)


def test_cli_import_changes_proposals_writes_files_with_prose(first_draft, tmp_path):
    path = tmp_path / "returned.docx"
    path.write_bytes(returned_first_draft(first_draft))
    r = run_cli("import", path, "--changes", "proposals", "-o", tmp_path)
    assert r.returncode == 0, r.stderr
    prop = load_proposal(tmp_path / "P-delegation-a.yaml")
    assert prop.proposer == A and prop.base == "first-draft"
    text = (tmp_path / "P-delegation-a.yaml").read_text()
    assert "# In UN prose:" in text
    assert "In operative paragraph 5, replace “two” with “three”" in text
    assert "In operative paragraph 5, replace “two” with “three”" in r.stdout
    other = (tmp_path / "P-group-of-friends-of-migration.yaml").read_text()
    assert "Delete operative paragraph 10" in other
    assert "Insert a new operative paragraph after operative paragraph 16" in other
    r = run_cli("proposals", tmp_path / "P-delegation-a.yaml",
                tmp_path / "P-group-of-friends-of-migration.yaml")
    assert r.returncode == 0, r.stderr


def test_two_authors_on_a_hand_typed_file():
    data = wordfiles.two_authors()
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as t:
        p = pathlib.Path(t) / "returned.docx"
        p.write_bytes(data)
        result = word_proposals(p)
    by = {x.proposer: x for x in result.proposals}
    assert set(by) == {"Delegation A", "Group of Friends of Examples"}
    a = by["Delegation A"]
    assert [(c.kind, c.target, c.words, c.text) for c in a.changes][0] == \
        ("replace-words", "op1", "New York", "Geneva")
    b = by["Group of Friends of Examples"]
    assert ("delete-unit", "pp2") in [(c.kind, c.target) for c in b.changes]
    applied, _ = apply_proposals(result.original, result.proposals, mode="all")
    assert texts(applied) == texts(read_docx_draft(data, changes="accept").draft)


def test_diff_as_proposals(first_draft, tmp_path):
    ops = list(first_draft.operative)
    i = next(k for k, u in enumerate(ops) if u.id == "op12")
    op = ops[i]
    ops[i] = replace(op, content=tuple(
        Text(t.text.replace("no later than January 2018", "no later than March 2018"),
             t.italic, t.bold, t.sup) for t in op.content))
    ops.insert(i + 1, OperativeParagraph("op12-bis", (Text("Requests", italic=True),
                                                      Text(" a short report;"))))
    ops = [u for u in ops if u.id != "op25"]
    rev = replace(first_draft, operative=tuple(ops),
                  metadata=first_draft.metadata.with_values(version="rev1", date="26 January 2017"))
    old, new = tmp_path / "first-draft.draft", tmp_path / "rev1.draft"
    save_draft(first_draft, old)
    save_draft(rev, new)
    r = run_cli("diff", old, new, "--as-proposals", "-o", tmp_path)
    assert r.returncode == 0, r.stderr
    assert "In operative paragraph 12, replace “January” with “March”" in r.stdout
    assert "Delete operative paragraph 25" in r.stdout
    prop = load_proposal(tmp_path / "P-rev1.yaml")
    assert prop.base == "first-draft" and prop.date == "2017-01-26"
    applied, _ = apply_proposals(first_draft, [prop], mode="all")
    assert applied.operative == rev.operative


@pytest.mark.parametrize("args, message", [
    (["--as-proposals", "-o", "{tmp}/nowhere"], "the folder '{tmp}/nowhere' does not exist"),
    (["--as-proposals", "-o", "{tmp}/a.draft"], "is a file; give the folder"),
    (["--as-proposals"], "--as-proposals needs -o FOLDER"),
    (["-o", "{tmp}"], "-o is for --as-proposals"),
])
def test_diff_refuses_bad_options_before_printing_anything(first_draft, tmp_path, args, message):
    old = tmp_path / "a.draft"
    save_draft(first_draft, old)
    args = [a.format(tmp=tmp_path) for a in args]
    r = run_cli("diff", old, ROOT / "drafts" / "gcm-modalities" / "rev1.draft", *args)
    assert r.returncode == 2, r.stderr
    assert r.stdout == ""  # no prose printed before the refusal
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and \
        message.format(tmp=tmp_path) in lines[0], lines
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.draft"]


def test_diff_without_changes_says_so(first_draft, tmp_path):
    old = tmp_path / "a.draft"
    save_draft(first_draft, old)
    r = run_cli("diff", old, old)
    assert r.returncode == 0 and r.stdout == ""


def test_inferred_proposal_rebuilds_rev1(first_draft):
    """The changes from the first draft to the committed Rev.1, inferred without the
    proposals that made it, give Rev.1 back."""
    from pathlib import Path
    from assembler.amendments import infer_changes
    from assembler.amendments.model import Proposal, number_changes
    from assembler.source import load_draft
    rev1 = load_draft(ROOT / "drafts/gcm-modalities/rev1.draft")
    changes, notes = infer_changes(first_draft, rev1)
    assert notes == []
    prop = Proposal("P-x", "Co-facilitators", "first-draft", number_changes("P-x", changes))
    applied, _ = apply_proposals(first_draft, [prop], mode="all")
    assert (applied.preamble, applied.operative, applied.footnotes) == \
        (rev1.preamble, rev1.operative, rev1.footnotes)
    kinds = {c.kind for c in changes}
    assert {"insert-unit", "delete-unit", "move-unit", "replace-words"} <= kinds


def test_untracked_edits_and_a_wrong_base_are_reported(first_draft, tmp_path):
    ed = TrackedEditor(returned_first_draft(first_draft))
    # an edit made with track changes off: the words simply change in the file
    p = ed.paragraph("Stresses the need for flexibility")
    for t in p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
        t.text = t.text.replace("flexibility", "maximum flexibility")
    path = tmp_path / "returned.docx"
    path.write_bytes(ed.to_bytes())
    other = replace(first_draft, metadata=first_draft.metadata.with_values(version="rev1"))
    result = word_proposals(path, other)
    assert any("built from version 'first-draft', not from 'rev1'" in n for n in result.notes)
    assert any("differs from 'rev1' in 1 place(s)" in n for n in result.notes)


def test_a_paragraph_moved_in_word_is_a_move(first_draft, tmp_path):
    ed = TrackedEditor(build_docx(first_draft))
    ed.move_paragraph("Requests the Secretary-General to appoint a Secretary-General",
                      "Requests further the Secretary-General to prepare a note", A,
                      "2017-01-12T08:00:00Z")
    path = tmp_path / "moved.docx"
    path.write_bytes(ed.to_bytes())
    from assembler.ooxml.reader import read_docx
    marks = {r.change.kind for p in read_docx(path).paragraphs() for r in p.runs if r.change}
    assert marks == {"ins", "del"}            # moveTo / moveFrom read as where the words are
    result = word_proposals(path, first_draft)
    (prop,) = result.proposals
    assert [(c.kind, c.target, c.position, c.destination) for c in prop.changes] == \
        [("move-unit", "op9", "after", "op12")]
    assert texts(apply_proposals(first_draft, [prop], mode="all")[0]) == \
        texts(read_docx_draft(path, changes="accept").draft)
    assert read_docx_draft(path, changes="reject").draft.operative == first_draft.operative


def test_a_change_inside_another_authors_insertion(tmp_path):
    """B deletes a word that A inserted: rejecting all removes A's words, B's view has
    neither, A's view has A's words."""
    from assembler.ooxml.changes import resolve, resolve_for
    from assembler.ooxml.reader import read_docx
    ed = TrackedEditor(wordfiles.hand_typed())
    ed.insert_words("all donors to contribute", "contribute ", "very promptly ", "Delegation A")
    p = ed.paragraph("all donors to contribute")
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    ins = p.find(f"{W}ins")
    run = ins.find(f"{W}r")
    run.find(f"{W}t").text = "promptly "
    import copy
    from lxml import etree
    deleted = copy.deepcopy(run)
    deleted.find(f"{W}t").text = "very "
    deleted.find(f"{W}t").tag = f"{W}delText"
    d = etree.Element(f"{W}del", {f"{W}id": "1", f"{W}author": "Delegation B"})
    d.append(deleted)
    run.addprevious(d)
    path = tmp_path / "nested.docx"
    path.write_bytes(ed.to_bytes())
    doc = read_docx(path)

    def op4(view):
        return [x.text for x in view.blocks if "donors" in getattr(x, "text", "")][0]
    assert "contribute generously" in op4(resolve(doc, "reject"))
    assert "contribute promptly generously" in op4(resolve(doc, "accept"))
    assert "contribute very promptly generously" in op4(resolve_for(doc, "Delegation A"))
    assert "contribute generously" in op4(resolve_for(doc, "Delegation B"))


def test_words_next_to_a_cross_reference(first_draft):
    """Anchors are quoted as the base version shows its cross-references ("19")."""
    from assembler.amendments import infer_changes
    from assembler.amendments.model import Proposal, number_changes
    from assembler.model import CrossRef
    ops = list(first_draft.operative)
    i = next(k for k, u in enumerate(ops) if u.id == "op20")
    content = list(ops[i].content)
    j = next(k for k, c in enumerate(content) if c == CrossRef("op19"))
    content[j + 1] = Text(" and others" + content[j + 1].text)
    ops[i] = replace(ops[i], content=tuple(content))
    new = replace(first_draft, operative=tuple(ops))
    changes, _ = infer_changes(first_draft, new)
    (change,) = changes
    assert change.kind == "insert-words" and change.words.endswith("19")
    prop = Proposal("P-x", "Delegation A", "first-draft", number_changes("P-x", changes))
    assert apply_proposals(first_draft, [prop], mode="all")[0].operative == new.operative
