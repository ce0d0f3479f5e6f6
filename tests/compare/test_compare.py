"""Comparison tables, concordances and histories (issue 6), on the example negotiation and on
versions derived from the seed's first draft by hand-made edits."""
from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from assembler.lang import ENGLISH
from assembler.compare.concordance import build_concordance
from assembler.compare.history import history_text, unit_history
from assembler.compare.table import build_table
from assembler.negotiation import Negotiation
from assembler.negotiation.versions import Version, load_versions
from assembler.errors import AssemblerError
from assembler.inline import plain
from assembler.model import (CrossRef, Draft, Footnote, FootnoteRef, OperativeParagraph,
                             Provenance, SubParagraph, Text, contents_of)
from assembler.numbering import compute_labels
from assembler.source import save_draft

from conftest import ROOT, run_cli

NEG = ROOT / "drafts" / "gcm-modalities"
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# ------------------------------------------------------------------ what a cell must say

def expected_text(draft: Draft, unit) -> str:
    """The unit's words in that version, computed here independently of the table code:
    cross-references by their number in that version, footnote markers by the order in
    which footnotes are first marked."""
    labels = compute_labels(draft)
    order: list[str] = []
    for u in draft.units():
        if isinstance(u, Footnote):
            continue
        for c in contents_of(u):
            for i in c:
                if isinstance(i, FootnoteRef) and i.footnote not in order:
                    order.append(i.footnote)  # one number a footnote, by its first marker
    order += [f.id for f in draft.footnotes if f.id not in order]
    return " | ".join(plain(c, lambda t: labels[t].number if t in labels else t,
                            lambda f: str(order.index(f) + 1).translate(SUP))
                      for c in contents_of(unit))


def assert_complete(versions: list[Version], table, stable_ids: bool = True) -> None:
    """Every unit of every version appears exactly once, in a row with its own id, and its
    cell holds exactly the unit's text in that version."""
    assert len(table.columns) == len(versions)
    for k, v in enumerate(versions):
        seen: dict[str, int] = {}
        for row in table.rows:
            cell = row.cells[k]
            if cell.present:
                seen[cell.unit_id] = seen.get(cell.unit_id, 0) + 1
                if stable_ids:
                    assert row.id == cell.unit_id, (v.name, row.id, cell.unit_id)
        units = list(v.draft.units())
        assert sorted(seen) == sorted(u.id for u in units), v.name
        assert all(n == 1 for n in seen.values()), v.name
        by_id = {row.cells[k].unit_id: row.cells[k] for row in table.rows if row.cells[k].present}
        for u in units:
            cell = by_id[u.id]
            assert cell.text == expected_text(v.draft, u), (v.name, u.id)
            # the marked-up form reads back to the same text once deletions are dropped
            assert "".join(t for op, t in cell.segments if op != "-") == cell.text, (v.name, u.id)
            assert "".join(t for op, t, _ in cell.runs() if op != "-") == cell.text, (v.name, u.id)
            assert "".join(t for _, t in cell.segments) == "".join(t for _, t, _ in cell.runs())


# ------------------------------------------------------------------ the example negotiation

@pytest.fixture(scope="module")
def example():
    from assembler.compare.provenance import version_record
    negotiation = Negotiation.named(NEG)
    versions = negotiation.versions()
    facts = negotiation.proposal_facts()
    return versions, build_table(versions, [version_record(v, facts) for v in versions])


def test_example_negotiation_versions_in_order(example):
    versions, table = example
    # the illustrative L-document and resolution faces and the events mapping are not versions
    assert [v.name for v in versions] == ["first-draft", "rev1", "rev2"]
    assert [c.heading for c in table.columns] == [
        "First Draft of the Resolution, 22 December 2016", "Revision 1, 13 January 2017",
        "Revision 2, 24 January 2017"]


def test_example_every_unit_once_with_its_text(example):
    versions, table = example
    assert_complete(versions, table)


def test_example_every_change_names_its_proposal(example):
    versions, table = example
    changed = 0
    for row in table.rows:
        for k, cell in enumerate(row.cells[1:], 1):
            if cell.change in ("changed", "added", "deleted", "moved"):
                changed += 1
                recorded = {p.proposal for p in versions[k].draft.provenance
                            if p.unit == (cell.unit_id or row.cells[k - 1].unit_id)}
                assert recorded and set(cell.proposals.split("; ")) == recorded, (k, row.id)
                assert all(c.status in ("accepted", "accepted-with-modification")
                           for c in cell.contributions), (k, row.id)
    assert changed >= 20


def test_example_history_of_a_paragraph_changed_twice(example):
    versions, table = example
    h = unit_history(table, "op24")
    cells = h.rows[0].cells
    assert [c.number for c in cells] == ["OP 24", "OP 24", "OP 25"]
    assert [c.proposers_in(ENGLISH) for c in cells] == ["", "Delegation A", "Co-facilitators"]
    text = history_text(h)
    assert "[-three-]{+four+}" in text and "[-four-]{+three+}" in text
    h = unit_history(table, "PP 5")  # added in Rev.1, deleted in Rev.2
    assert [c.note for c in h.rows[0].cells] == ["added in Rev.1", "", "deleted in Rev.2"]
    assert h.rows[0].cells[2].proposers_in(ENGLISH) == "Delegation C"


def test_example_concordance(example):
    versions, table = example
    conc = build_concordance(table)  # Rev.2 against Rev.1
    by_unit = {r.unit_id: r for r in conc.rows}
    assert (by_unit["op24"].new_number, by_unit["op24"].old_numbers) == ("OP 25", ("OP 24",))
    assert by_unit["op24"].proposers == ("Co-facilitators",)
    assert by_unit["op16bis"].old_numbers == () and by_unit["op16bis"].change == "added"
    assert by_unit["op25"].new_number == "" and by_unit["op25"].change == "deleted"
    assert by_unit["op25"].proposers == ("Delegation B (with Delegation D, Group of Friends of X)",)
    first = {r.unit_id: r for r in build_concordance(table, 0, 1).rows}
    assert (first["op9"].new_number, first["op9"].old_numbers, first["op9"].change) == (
        "OP 11", ("OP 9",), "moved")
    assert first["op9"].rationale == ("P-08: Keep the requests to the Secretary-General together.",)
    numbered = [u for u in versions[2].draft.units() if u.kind in ("pp", "op", "sub", "heading")]
    assert sorted(r.unit_id for r in conc.rows if r.new_number) == sorted(u.id for u in numbered)


def test_example_concordance_follows_the_newer_versions_order(example):
    """Each concordance lists the newer version's paragraphs as that version has them: OP 22,
    added in Rev.1 at its end and moved up in Rev.2, ends the Rev.1 table (the rows of the
    comparison follow Rev.2)."""
    versions, table = example
    for k in (1, 2):
        conc = build_concordance(table, k - 1, k)
        numbered = [u.id for u in versions[k].draft.units()
                    if u.kind in ("pp", "op", "sub", "heading")]
        assert [r.unit_id for r in conc.rows if r.new_number] == numbered, k
    rev1 = [r.new_number for r in build_concordance(table, 0, 1).rows]
    assert rev1.index("OP 22") == rev1.index("OP 21") + 1


def version_text(value):
    """A text cell as its version reads: the cell less the words it shows struck out (a
    .xlsx marks each version's changes inside the cell: inserted bold, deleted struck)."""
    from openpyxl.cell.rich_text import CellRichText
    if not isinstance(value, CellRichText):
        return value
    return "".join(b if isinstance(b, str) else ("" if b.font.strike else b.text) for b in value)


def test_example_xlsx_read_back(tmp_path, example):
    from openpyxl import load_workbook
    versions, _ = example
    out = tmp_path / "comparison.xlsx"
    r = run_cli("compare", *(v.source for v in versions), "-o", out)
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out, rich_text=True)
    assert wb.sheetnames == ["Comparison", "Concordance Rev.1 - First Draft",
                             "Concordance Rev.2 - Rev.1"]
    rows = list(wb["Comparison"].iter_rows(values_only=True))
    head = rows[0]
    texts = {(u.id, k): expected_text(v.draft, u)
             for k, v in enumerate(versions) for u in v.draft.units()}
    seen = set()
    for row in rows[1:]:
        for k, v in enumerate(versions):
            text = version_text(row[head.index(f"{v.short} ({v.date}): text")])
            if text is not None:
                assert (row[0], k) not in seen and text == texts[(row[0], k)]
                seen.add((row[0], k))
    assert seen == set(texts)
    op25 = next(row for row in rows if row[0] == "op25")
    assert op25[head.index("Rev.2 (24 January 2017): change")] == "deleted"
    assert op25[head.index("Rev.2 (24 January 2017): note")] == "deleted in Rev.2"
    assert op25[head.index("Rev.2 (24 January 2017): status")] == "R-22: accepted"


# ------------------------------------------------------------------ derived versions

def _rev(draft: Draft, name: str, label: str, date: str, based_on: str, **ops) -> Draft:
    meta = draft.metadata.with_values(version=name, stage="rev", revision=label[-1],
                                      stage_label=label, date=date, based_on=based_on)
    return replace(draft, metadata=meta, **ops)


def _op(draft: Draft, uid: str) -> int:
    return [o.id for o in draft.operative].index(uid)


@pytest.fixture
def derived(first_draft, tmp_path) -> list[Path]:
    """First draft -> A (OP 3 deleted, OP 5 reworded, OP 7 moved after OP 9, new OP after
    OP 1, a new sub-paragraph) -> B (OP 3 back, OP 5 reworded again, OP 6 (c) deleted)."""
    d0 = first_draft
    ops = list(d0.operative)
    del ops[_op(d0, "op3")]
    i = [o.id for o in ops].index("op5")
    ops[i] = replace(ops[i], content=(Text("Requests", italic=True), Text(
        " the President of the General Assembly to appoint three co-facilitators, to lead the "
        "intergovernmental consultations;")))
    o7 = ops.pop([o.id for o in ops].index("op7"))
    ops.insert([o.id for o in ops].index("op9") + 1, o7)
    ops.insert(1, OperativeParagraph("op1bis", (Text("Welcomes", italic=True),
                                                Text(" the offer of Delegation A;"))))
    i = [o.id for o in ops].index("op20")
    ops[i] = replace(ops[i], children=ops[i].children + (SubParagraph(
        "op20.d", (Text("review the inputs against paragraph "), CrossRef("op14"), Text(";"))),))
    a = _rev(d0, "rev-a", "Rev.1", "20 January 2017", "first-draft", operative=tuple(ops),
             provenance=(Provenance("T-01/1", "delete-unit", "op3", "Delegation D"),
                         Provenance("T-02/1", "replace-words", "op5", "Delegation A"),
                         Provenance("T-02/2", "insert-words", "op5", "Delegation A"),
                         Provenance("T-03/1", "move-unit", "op7", "Group of Friends of X"),
                         Provenance("T-04/1", "insert-unit", "op1bis", "Co-facilitators")))
    ops = list(a.operative)
    ops.insert(_op(a, "op4"), d0.operative[_op(d0, "op3")])
    i = [o.id for o in ops].index("op5")
    ops[i] = replace(ops[i], content=(Text("Requests", italic=True), Text(
        " the President of the General Assembly to appoint two co-facilitators, to lead the "
        "intergovernmental consultations;")))
    i = [o.id for o in ops].index("op6")
    ops[i] = replace(ops[i], children=ops[i].children[:2])
    b = _rev(a, "rev-b", "Rev.2", "3 February 2017", "rev-a", operative=tuple(ops), provenance=())
    paths = []
    for name, d in (("first-draft", d0), ("rev-a", a), ("rev-b", b)):
        p = tmp_path / f"{name}.draft"
        save_draft(d, p)
        paths.append(p)
    return paths


def test_derived_versions_complete(derived):
    versions = load_versions(derived)
    assert_complete(versions, build_table(versions))


def test_change_kinds_and_notes(derived):
    t = build_table(load_versions(derived))
    row = {r.id: r for r in t.rows}
    # OP 3 deleted in Rev.1, back in Rev.2
    c = row["op3"].cells
    assert (c[1].present, c[1].change, c[1].note) == (False, "deleted", "deleted in Rev.1")
    assert c[2].change == "added" and "reinstated" in c[2].note
    # a new paragraph: empty cell with a note before it exists
    c = row["op1bis"].cells
    assert (c[0].present, c[0].note, c[1].change) == (False, "added in Rev.1", "added")
    assert c[1].number == "OP 2" and c[2].change == "unchanged"
    # reworded: word-level marks, "two" struck and "three" inserted
    c = row["op5"].cells[1]
    assert c.change == "changed"
    assert ("-", "two") in c.segments and ("+", "three") in c.segments
    # moved unchanged, and renumbered units are not changes
    assert row["op7"].cells[1].change == "moved"
    assert row["op4"].cells[1].number == "OP 4" and row["op4"].cells[1].change == "unchanged"
    # a cross-reference renumbered with its target is not a change either
    assert row["op20"].cells[2].change == "unchanged"
    assert "paragraphs 14 and 19" in row["op20"].cells[1].text
    assert "paragraphs 15 and 20" in row["op20"].cells[2].text
    # deleted sub-paragraph
    assert row["op6.c"].cells[2].note == "deleted in Rev.2"


def test_proposers_behind_each_change(derived):
    from assembler.compare.provenance import ProposalFacts, version_record
    versions = load_versions(derived)
    facts = {"T-02": ProposalFacts("accepted with modification", ("Delegation B",))}
    t = build_table(versions, [version_record(v, facts) for v in versions])
    assert t.with_proposals
    row = {r.id: r for r in t.rows}
    c = row["op5"].cells[1]
    assert [(x.proposal, x.who, x.status, x.kinds) for x in c.contributions] == [
        ("T-02", "Delegation A (with Delegation B)", "accepted with modification",
         ("replace-words", "insert-words"))]
    assert row["op3"].cells[1].proposers_in(ENGLISH) == "Delegation D"        # who deleted it
    assert row["op7"].cells[1].proposals == "T-03"
    assert row["op5"].cells[2].contributions == ()                # Rev.2 records nothing
    conc = build_concordance(t, 0, 1)
    by_unit = {r.unit_id: r for r in conc.rows}
    assert by_unit["op1bis"].proposers == ("Co-facilitators",)
    assert by_unit["op3"].proposers == ("Delegation D",) and by_unit["op3"].change == "deleted"


def test_changed_only(derived, tmp_path):
    t = build_table(load_versions(derived))
    kept = {r.id for r in t.changed_only().rows}
    assert {"op3", "op5", "op7", "op1bis", "op20.d", "op6.c"} <= kept
    assert "op4" not in kept and "op20" not in kept      # renumbered only
    out = tmp_path / "t.csv"
    assert run_cli("compare", *derived, "--changed-only", "-o", out).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert {r[0] for r in rows[1:]} == kept


def test_rows_keep_deleted_units_where_they_stood(derived):
    t = build_table(load_versions(derived)[:2])
    ids = [r.id for r in t.rows]
    assert ids.index("op2") < ids.index("op3") < ids.index("op4")
    assert ids.index("op1.d") < ids.index("op1bis") < ids.index("op2")
    assert ids.index("op9") < ids.index("op7") < ids.index("op10")


def test_separately_imported_versions_align_by_text(first_draft):
    """Ids numbered by position (op1, op2 ... as an importer gives them) shift after a
    deletion: rows follow the text, not the id (docs/pairing.md)."""
    d0 = first_draft
    ops = [o for o in d0.operative if o.id != "op2"]

    def renumber(units):
        out, n = [], 0
        for u in units:
            if isinstance(u, OperativeParagraph):
                n += 1
                u = replace(u, id=f"op{n}", children=tuple(replace(c, id=f"op{n}.{j}", children=())
                                                          for j, c in enumerate(u.children)))
            out.append(u)
        return tuple(out)
    d0b = replace(d0, operative=renumber(d0.operative))
    d1 = replace(d0, operative=renumber(ops),
                 metadata=d0.metadata.with_values(version="rev1", stage_label="Rev.1"))
    d0b = replace(d0b, operative=tuple(replace(o, children=()) if hasattr(o, "children") else o
                                       for o in d0b.operative))
    d1 = replace(d1, operative=tuple(replace(o, children=()) if hasattr(o, "children") else o
                                     for o in d1.operative))
    vs = [Version(d0b, "first-draft"), Version(d1, "rev1")]
    t = build_table(vs)
    assert_complete(vs, t, stable_ids=False)
    by_old = {r.cells[0].unit_id: r for r in t.rows if r.cells[0].present}
    assert by_old["op3"].cells[1].unit_id == "op2"      # old OP 3 is new OP 2
    assert by_old["op3"].cells[1].change == "unchanged"
    assert by_old["op2"].cells[1].change == "deleted"


def test_concordance(derived):
    t = build_table(load_versions(derived))
    conc = build_concordance(t, 0, 1)
    by_new = {r.new_number: r for r in conc.rows if r.new_number}
    assert by_new["OP 3"].old_numbers == ("OP 2",) and by_new["OP 3"].note == "renumbered"
    assert by_new["OP 2"].old_numbers == () and by_new["OP 2"].change == "added"
    dropped = [r for r in conc.rows if not r.new_number]
    assert [r.old_numbers for r in dropped] == [("OP 3",)]
    # every numbered unit of the newer version is listed once
    listed = [r.unit_id for r in conc.rows if r.new_number]
    assert len(listed) == len(set(listed))
    assert all(r.old_numbers for r in conc.rows if r.change in ("unchanged", "changed", "moved"))


def test_history_walks_every_version(derived):
    t = build_table(load_versions(derived))
    h = unit_history(t, "op5")
    assert [c.change for c in h.rows[0].cells] == ["", "changed", "changed"]
    text = history_text(h)
    assert "[-two-]{+three+}" in text and "[-three-]{+two+}" in text
    # by the number a version printed: newest version first
    assert unit_history(t, "OP 4").rows[0].id == "op3"
    assert unit_history(t, "operative paragraph 6 (b)").rows[0].id == "op6.b"
    with pytest.raises(AssemblerError, match="no unit 'OP 99'"):
        unit_history(t, "OP 99")


# ------------------------------------------------------------------ formats, read back

def _texts_of(derived) -> dict[tuple[str, int], str]:
    versions = load_versions(derived)
    return {(u.id, k): expected_text(v.draft, u)
            for k, v in enumerate(versions) for u in v.draft.units()}


def test_xlsx_read_back_with_openpyxl(derived, tmp_path):
    from openpyxl import load_workbook
    out = tmp_path / "t.xlsx"
    r = run_cli("compare", *derived, "-o", out)
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out, rich_text=True)
    assert wb.sheetnames[0] == "Comparison"
    assert [n for n in wb.sheetnames if n.startswith("Concordance")] == [
        "Concordance Rev.1 - First Draft", "Concordance Rev.2 - Rev.1"]
    ws = wb["Comparison"]
    assert ws.freeze_panes == "C2"
    header = [c.value for c in ws[1]]
    assert header[:2] == ["row", "kind"]
    text_cols = [i for i, h in enumerate(header) if h.endswith(": text")]
    change_cols = [i for i, h in enumerate(header) if h.endswith(": change")]
    assert len(text_cols) == 3 and header[text_cols[1]].startswith("Rev.1 (20 January 2017)")
    assert ws.cell(2, 3).alignment.wrap_text
    expected = _texts_of(derived)
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    found = 0
    for row in rows:
        for k, col in enumerate(text_cols):
            if row[col]:
                assert version_text(row[col]) == expected[(row[0], k)]
                found += 1
    assert found == len(expected)
    kinds = {row[change_cols[1]] for row in rows}
    assert {"unchanged", "changed", "added", "deleted", "moved"} <= kinds
    conc = wb["Concordance Rev.1 - First Draft"]
    assert conc.freeze_panes == "A2"
    assert [c.value for c in conc[1]][:3] == ["Rev.1 number", "First Draft number(s)", "change"]


def test_csv_is_utf8_with_header(derived, tmp_path):
    out = tmp_path / "t.csv"
    r = run_cli("compare", *derived, "-o", out)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["row", "kind", "First Draft (22 December 2016): number",
                           "First Draft (22 December 2016): text"]
    assert len(rows) - 1 == len(build_table(load_versions(derived)).rows)
    assert all(len(r) == len(rows[0]) for r in rows)
    op5 = next(r for r in rows if r[0] == "op5")
    assert "changed" in op5 and "three co-facilitators" in " ".join(op5)
    head = rows[0]
    assert op5[head.index("Rev.1 (20 January 2017): proposers")] == "Delegation A"
    assert op5[head.index("Rev.1 (20 January 2017): proposals")] == "T-02"


def test_docx_landscape_repeated_header(derived, tmp_path):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from conftest import pandoc_text
    out = tmp_path / "t.docx"
    r = run_cli("compare", *derived, "-o", out)
    assert r.returncode == 0, r.stderr
    doc = docx.Document(str(out))
    sec = doc.sections[0]
    assert sec.orientation == WD_ORIENT.LANDSCAPE and sec.page_width > sec.page_height
    table = doc.tables[0]
    first = table.rows[0]._tr
    assert first.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text.split("\n")[0] for c in table.rows[0].cells][:2] == ["Unit", "First Draft of the Resolution"]
    widths = [c.width for c in table.rows[1].cells]
    # unit | First Draft | Rev.1 | proposals | Rev.2 | proposals: text columns share the room
    assert len(widths) == 6
    assert widths[0] < widths[1] and widths[1] == widths[2] == widths[4]
    assert widths[3] == widths[5] < widths[1]
    assert "Delegation A" in row_text(table, "op5", 3)
    # bold insertions, struck deletions in OP 5's Rev.1 cell
    row = next(r for r in table.rows if r.cells[0].text.startswith("op5"))
    runs = [run for p in row.cells[2].paragraphs for run in p.runs]
    assert any(run.bold and run.text == "three" for run in runs)
    assert any(run.font.strike and run.text == "two" for run in runs)
    assert any(run.italic and run.text == "Requests" for run in runs)  # the lead, as printed
    text = pandoc_text(out)
    assert "deleted in Rev.1" in text and "Concordance: Rev.2 against Rev.1" in text


def row_text(table, uid: str, column: int) -> str:
    row = next(r for r in table.rows if r.cells[0].text.startswith(uid + "\n"))
    return row.cells[column].text


def test_html_sticky_header_and_marks(derived, tmp_path):
    import html5lib
    out = tmp_path / "t.html"
    r = run_cli("compare", *derived, "-o", out)
    assert r.returncode == 0, r.stderr
    page = out.read_text("utf-8")
    parser = html5lib.HTMLParser(strict=True)
    doc = parser.parse(page)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    # the sticky header is plain CSS, and nothing is fetched: it works from file://
    assert "position: sticky" in page
    assert not any(s in page for s in ("<script", "<link ", "@import", "src=", "url("))
    rows = doc.findall(".//h:table[@class='comparison']/h:tbody/h:tr", ns)
    assert len(rows) == len(build_table(load_versions(derived)).rows)
    op5 = next(r for r in rows if r.get("id") == "op5")
    assert "three" in [e.text for e in op5.iter("{http://www.w3.org/1999/xhtml}ins")]
    assert "two" in [e.text for e in op5.iter("{http://www.w3.org/1999/xhtml}del")]
    assert "Requests" in [e.text for e in op5.iter("{http://www.w3.org/1999/xhtml}i")]


def test_history_cli(derived, tmp_path):
    folder = derived[0].parent
    r = run_cli("history", folder, "op5")
    assert r.returncode == 0, r.stderr
    assert "Rev.1, 20 January 2017 -- OP 5 -- changed" in r.stdout
    assert "Rev.2, 3 February 2017 -- OP 6 -- changed" in r.stdout
    out = tmp_path / "h.html"
    r = run_cli("history", folder, "OP 6 (b)", "-o", out)
    assert r.returncode == 0 and "History of OP 7 (b) (op6.b)" in out.read_text("utf-8")


# ------------------------------------------------------------------ bad input

def test_versions_of_different_negotiations(derived, tmp_path):
    from assembler.source import load_draft
    other = load_draft(derived[1])
    p = tmp_path / "other.draft"
    save_draft(replace(other, metadata=other.metadata.with_values(negotiation="other-talks")), p)
    out = tmp_path / "t.xlsx"
    r = run_cli("compare", derived[0], p, "-o", out)
    assert r.returncode == 2 and not out.exists()
    assert "other-talks" in r.stderr and "gcm-modalities" in r.stderr
    assert str(p) in r.stderr and "Traceback" not in r.stderr


def test_missing_version_file(derived, tmp_path):
    out = tmp_path / "t.docx"
    r = run_cli("compare", derived[0], tmp_path / "rev9.draft", "-o", out)
    assert r.returncode == 2 and not out.exists()
    assert "rev9.draft: no such version file" in r.stderr


def test_versions_out_of_order_or_twice(derived, tmp_path):
    out = tmp_path / "t.csv"
    r = run_cli("compare", derived[1], derived[0], "-o", out)
    assert r.returncode == 2 and "rev-a.draft: is based on 'first-draft', which is given after it" in r.stderr
    r = run_cli("compare", derived[0], derived[0], "-o", out)
    assert r.returncode == 2 and "given twice" in r.stderr
    r = run_cli("compare", derived[0], "-o", out)
    assert r.returncode == 2 and "two or more versions" in r.stderr
    assert not out.exists()


def test_unknown_unit(derived):
    r = run_cli("history", derived[0].parent, "op99")
    assert r.returncode == 2 and "no unit 'op99'" in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_unknown_format_and_missing_folder(derived, tmp_path):
    r = run_cli("compare", *derived, "-o", tmp_path / "t.pdf")
    assert r.returncode == 2 and "cannot write a comparison as '.pdf'" in r.stderr
    r = run_cli("compare", *derived, "-o", tmp_path / "nope" / "t.csv")
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_unknown_negotiation():
    r = run_cli("history", "no-such-negotiation", "op1")
    assert r.returncode == 2 and "no negotiation 'no-such-negotiation'" in r.stderr


def test_columns_that_read_alike_are_told_apart(first_draft):
    """A draft and the copy a delegation sent back carry the same stage and date."""
    back = replace(first_draft, operative=first_draft.operative[1:],
                   metadata=first_draft.metadata.with_values(version="returned",
                                                             based_on="first-draft"))
    t = build_table([Version(first_draft, "first-draft"), Version(back, "returned")])
    assert [c.heading for c in t.columns] == [
        "First Draft of the Resolution (first-draft), 22 December 2016",
        "First Draft of the Resolution (returned), 22 December 2016"]
    assert t.row_of("op1").cells[1].note == "deleted in First Draft (returned)"
