"""Tables the UN sets without rules, columns of figures beside a column of labels: the
annex of A/RES/79/255 (../shared/real) runs over pages 3 and 4, its header repeated;
A/RES/78/252's staffing table (development corpus, tests/fixtures/corpus) has four columns.
Read cell by cell from the page's geometry; the other PDFs of ../shared/real have none."""
from __future__ import annotations

import pytest

from assembler.inline import plain
from assembler.model import Table
from assembler.readers import read_any
from assembler.readers.pdf import printed_from_pdf
from assembler.survey.checks import judge

from conftest import CORPUS, ROOT

REAL = ROOT.parent / "shared" / "real" / "pdf"


def _rows(table: Table) -> list[list[str]]:
    return [[" ".join(plain(c).split()) for c in row.cells] for row in table.rows]


def test_a_table_without_rules_over_two_pages_is_one_table():
    result = read_any(REAL / "A_RES_79_255.pdf")
    [annex] = result.draft.annexes
    assert plain(annex.title).endswith("Financing for 2025 of the International Residual "
                                       "Mechanism for Criminal Tribunals")
    table, *notes = annex.body
    rows = _rows(table)
    # the header as the page sets it: two columns' headings, then the unit across both
    assert rows[:2] == [["", "Gross", "Net of staff assessment"],
                        ["", "(United States dollars)", ""]]
    assert [r.header for r in table.rows[:3]] == [True, True, False]
    # twelve rows, a wrapped label kept whole, row headings with empty cells; the header
    # page 4 repeats is read once
    assert len(rows) == 14
    assert rows[3] == ["Recommendations of the Advisory Committee on Administrative and "
                       "Budgetary Questionsb", "(1 323 600)", "(1 323 600)"]
    assert rows[4] == ["Recommendations of the Fifth Committee", "–", "–"]
    assert rows[6] == ["Total assessment for 2025", "", ""]
    assert rows[-1][1:] == ["23 999 350", "21 578 050"]
    # its lettered notes under it, a paragraph each
    assert [plain(n.content) for n in notes] == ["a See A/79/555.",
                                                 "b Reflects amounts after recosting."]
    said = [w.message for w in result.warnings if "table of" in w.message]
    assert said == ["page 3: a table of 14 rows and 3 columns, running on to page 4, read "
                    "cell by cell from its columns of figures (it has no rules)"]
    # every word of the page is accounted for, every number and note
    assert not judge(result.draft, result.reading)


def test_four_columns_of_figures():
    result = read_any(CORPUS / "A_RES_78_252.pdf")
    tables = [b for a in result.draft.annexes for b in a.body if isinstance(b, Table)]
    rows = [r for t in tables for r in _rows(t)]
    assert ["P-5", "939", "192", "1 131"] in rows
    assert ["Subtotal", "5 247", "1 096", "6 343"] in rows
    assert ["Total", "10 415", "4 079", "14 494"] in rows
    assert all(len(r) == 4 for r in rows)
    assert not [f for f in judge(result.draft, result.reading) if f.check in ("tables", "words")]


@pytest.mark.parametrize("pdf", sorted(p.name for p in REAL.glob("*.pdf")))
def test_no_table_is_seen_where_the_page_sets_none(pdf):
    doc, _ = printed_from_pdf(REAL / pdf)
    unruled = [t for t in doc.tables if not t.ruled]
    assert len(unruled) == (1 if pdf == "A_RES_79_255.pdf" else 0)
