"""A page's dates are known in every language there is a table for (dates.pattern): the
masthead's date is read, and a day before its month ("22 décembre") is never taken for a
footnote marker. A real text layer (A/RES/80/4) with its months put in the stub table's
French words reads as the English one does, its dates in French."""
from __future__ import annotations

import re

from assembler.lang import ENGLISH
from assembler.readers import import_text

from conftest import ROOT
from langstub import stub  # noqa: F401 (stub: a fixture)

PAGE = (ROOT.parent / "shared" / "real" / "A_RES_80_4.txt").read_text(encoding="utf-8")
_MONTH = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(ENGLISH.months)})\b")


def _french(text: str, months: tuple[str, ...]) -> str:
    return _MONTH.sub(lambda m: f"{m.group(1)} {months[ENGLISH.months.index(m.group(2))]}",
                      text)


def _shape(draft) -> tuple:
    return (len(draft.preamble), len(draft.operative), len(draft.footnotes),
            draft.metadata.get("date"))


def test_a_page_dated_in_another_tables_months_reads_as_the_english_one(stub):
    english = import_text(PAGE, "A_RES_80_4.txt").draft
    page = _french(PAGE, stub.months)
    assert page != PAGE and "octobre" in page
    french = import_text(page, "A_RES_80_4.txt").draft
    assert _shape(french)[:3] == _shape(english)[:3]
    assert english.metadata.get("date") and french.metadata.get("date")
    assert french.metadata.get("date") == _french(english.metadata.get("date"), stub.months)
    assert [fn.id for fn in french.footnotes] == [fn.id for fn in english.footnotes]


def test_without_its_table_the_date_is_not_read():
    page = _french(PAGE, ("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                          "août", "septembre", "octobre", "novembre", "décembre"))
    assert not import_text(page, "A_RES_80_4.txt").draft.metadata.get("date")
