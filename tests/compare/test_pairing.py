"""One pairing of units (docs/pairing.md): the redline, the comparison table and `diff` give
one answer on the same two versions, whether ids are identity or positions."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from assembler.amendments import infer_changes, load_proposals
from assembler.compare.align import CHANGED, DELETED, EQUAL, INSERTED, align
from assembler.compare.pairing import ids_are_identity, numbered_by_position
from assembler.compare.redline import build_redline
from assembler.compare.table import build_table
from assembler.negotiation import version_of
from assembler.source import load_draft

from conftest import FIRST_DRAFT, run_cli

SOURCE = FIRST_DRAFT.read_text("utf-8")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.draft"
    path.write_text(text, "utf-8")
    return path


def replaced_by_look_alike(folder: Path) -> Path:
    """A version made from the first draft in which op2 gave way to a unit opX with the
    same words (a deletion and an insertion, as `apply` would record them)."""
    assert SOURCE.count("{#op2}") == 1 and "[@op2]" not in SOURCE
    text = SOURCE.replace("version: first-draft\n",
                          "version: rev-x\nbased-on: first-draft\n", 1)
    return _write(folder, "rev-x", text.replace("{#op2}", "{#opX}"))


def imported_without_op2(folder: Path) -> Path:
    """The first draft less op2, as a reader numbers a document without ids: every id after
    it shifts down by one, and the version names no base."""
    lines = [ln for ln in SOURCE.split("\n\n") if not ln.rstrip().endswith("{#op2}")]

    def down(m: re.Match) -> str:
        n = int(m.group(2))
        return f"{m.group(1)}op{n - 1 if n > 2 else n}"
    text = re.sub(r"(\{#|\[@)op(\d+)", down, "\n\n".join(lines))
    return _write(folder, "imported", text.replace("version: first-draft\n",
                                                   "version: imported\n", 1))


def answers(tmp_path: Path, old_path: Path, new_path: Path) -> dict[str, object]:
    """What each tool says happened to each unit it reports, as (old id, new id) pairs of
    deleted, inserted and unchanged-but-renamed units, through the command line."""
    red = run_cli("redline", old_path, new_path, "-o", tmp_path / "r.docx")
    assert red.returncode == 0, red.stderr
    table = run_cli("compare", old_path, new_path, "-o", tmp_path / "t.csv")
    assert table.returncode == 0, table.stderr
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    change = [i for i, h in enumerate(head) if h.endswith(": change")][1]
    kinds = {r[0]: r[change] for r in rows[1:]}
    out = tmp_path / "inferred"
    out.mkdir()
    diff = run_cli("diff", old_path, new_path, "--as-proposals", "-o", out, "--id", "P-x")
    assert diff.returncode == 0, diff.stderr
    (prop,) = load_proposals([out])
    return {"redline": red.stderr, "table": kinds,
            "diff": [(c.kind, c.target, c.new_id) for c in prop.changes]}


def test_op2_replaced_by_a_look_alike_is_one_answer_everywhere(tmp_path):
    """The issue's case: the newer version is based on the older, so ids are identity; op2
    went and opX came, whatever their words. Before, the redline showed no change while
    the table and `diff` showed one."""
    old_path = FIRST_DRAFT
    new_path = replaced_by_look_alike(tmp_path)
    old, new = load_draft(old_path), load_draft(new_path)
    assert ids_are_identity(old, new)
    # the model: the alignment every tool builds on
    entries = [(e.status, e.id) for e in align(old, new).changes()]
    assert entries == [(DELETED, "op2"), (INSERTED, "opX")]
    r = build_redline(old, new)
    assert [(u.status, u.unit.id) for u in r.changed_units()] == entries
    t = build_table([version_of(old, str(old_path)), version_of(new, str(new_path))])
    by_id = {row.id: row for row in t.rows}
    assert by_id["op2"].cells[1].change == "deleted"
    assert by_id["opX"].cells[1].change == "added" and not by_id["opX"].cells[0].present
    assert sorted((c.kind, c.target, c.new_id) for c in infer_changes(old, new).changes) == [
        ("delete-unit", "op2", ""), ("insert-unit", "op1", "opX")]
    # the commands, as a user runs them
    said = answers(tmp_path, old_path, new_path)
    assert "0 changed, 1 inserted, 1 deleted, 0 moved" in said["redline"]
    assert {k: v for k, v in said["table"].items() if v != "unchanged"} == {
        "op2": "deleted", "opX": "added"}
    assert sorted(said["diff"]) == [("delete-unit", "op2", ""), ("insert-unit", "op1", "opX")]


def test_versions_numbered_by_position_pair_by_text_everywhere(tmp_path):
    """Imported separately, op2's removal shifts every id after it: all three tools pair by
    text and see one deletion; no unit is taken for another."""
    old_path = FIRST_DRAFT
    new_path = imported_without_op2(tmp_path)
    old, new = load_draft(old_path), load_draft(new_path)
    assert numbered_by_position(old) and numbered_by_position(new)
    assert not ids_are_identity(old, new)
    alignment = align(old, new)
    assert alignment.pairs()["op27"] == "op28"
    # a unit whose cross-reference now prints another number (paragraph 14 is now 13) is
    # changed; its words are not, and no tool takes it for another unit
    refers = {re.search(r"\{#([\w.]+)\}", line).group(1) for line in SOURCE.splitlines()
              if "[@op" in line}
    assert refers == {"op20", "op20.a"}
    assert [(e.status, e.old.id) for e in alignment.changes()] == \
        [(DELETED, "op2"), (CHANGED, "op20"), (CHANGED, "op20.a")]
    assert all(alignment.pairs()[e.new.id] == e.old.id for e in alignment.changes()[1:])
    said = answers(tmp_path, old_path, new_path)
    assert "2 changed, 0 inserted, 1 deleted, 0 moved" in said["redline"]
    assert {k: v for k, v in said["table"].items() if v != "unchanged"} == {
        "op2": "deleted", "op20": "changed", "op20.a": "changed"}
    # `apply` renumbers cross-references itself: deleting op2 is the whole proposal
    assert said["diff"] == [("delete-unit", "op2", "")]


@pytest.mark.parametrize("edit", ["{#op16bis}", "based-on: first-draft"])
def test_ids_are_identity_once_they_are_more_than_positions(edit):
    """One id a reader would not give (op16bis), or a named base, and ids are kept."""
    old = load_draft(FIRST_DRAFT)
    if edit.startswith("{#"):
        text = SOURCE.replace("{#op17}", edit, 1)
    else:
        text = SOURCE.replace("version: first-draft\n", f"version: rev-y\n{edit}\n", 1)
    from assembler.source.reader import parse_draft
    new, _ = parse_draft(text)
    assert ids_are_identity(old, new)
    assert all(e.status == EQUAL or e.id in ("op17", "op16bis") for e in align(old, new).entries)


def test_an_issued_text_imported_again_pairs_by_text_with_its_version():
    """A version made by `apply` has ids such as op16bis; its issued text, imported from
    the PDF, is numbered by position and names no base. Pairing by id would take every
    paragraph after the first insertion for another; by text, nothing changed."""
    from positional import by_position
    old = load_draft(FIRST_DRAFT.with_name("rev2.draft"))
    new = by_position(old)
    assert not numbered_by_position(old) and numbered_by_position(new)
    assert not ids_are_identity(old, new)
    # each unit pairs with the one it was renumbered from, in order
    renamed = {n.id: o.id for o, n in zip(old.units(), new.units())}
    alignment = align(old, new)
    assert alignment.pairs() == {k: v for k, v in renamed.items() if k in alignment.pairs()}
    assert len(alignment.pairs()) == len(renamed)
    # nothing came, went or moved; a unit holding a cross-reference (now to another id)
    # is the only kind of unit reported
    assert all(e.status == CHANGED and not e.moved and "CrossRef" in repr(e.new.content)
               for e in alignment.changes()), alignment.changes()
    r = build_redline(old, new)
    assert all(u.status == CHANGED for u in r.changed_units())
