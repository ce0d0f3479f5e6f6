"""Dates in a draft's language (lang/: the table's `months` and `day`): printed in it, read in
any language there is a table for, bound to one line on an issued face and read back from
Word, and the compilation dated in its base draft's language. The stub table (langstub.py)
prints dates the French way, accents included."""
from __future__ import annotations

from dataclasses import replace

from assembler.amendments import load_proposals
from assembler.amendments.compile import compile_proposals
from assembler.dates import bind_dates, checked_day, iso_day, printed_day, unbind_dates
from assembler.lang import ENGLISH
from assembler.model import Text
from assembler.readers.docx import read_docx_draft
from assembler.writers.docx.draft import build_docx

from conftest import ROOT
from langstub import in_language, stub  # noqa: F401 (stub: a fixture)


def test_a_day_is_printed_in_the_drafts_language_and_read_in_any(stub):
    assert printed_day("2017-01-13") == "13 January 2017"
    assert printed_day("2017-01-13", ENGLISH) == "13 January 2017"
    assert printed_day("2016-12-22", stub) == "22 décembre 2016"
    assert printed_day("2017-08-01", stub) == "1 août 2017"
    assert iso_day("Genève, le 22 décembre 2016.") == "2016-12-22"
    assert iso_day("on 22 December 2016,") == "2016-12-22"
    assert checked_day("13 janvier 2017") == "13 janvier 2017"
    assert iso_day("31 février 2017") is None  # no such day, in any language


def test_a_language_without_a_table_is_not_read():
    assert iso_day("22 décembre 2016") is None  # no table prints months so here
    assert iso_day("22 December 2016") == "2016-12-22"


def test_a_spanish_way_of_writing_a_day_is_the_table_s_to_say():
    es = replace(ENGLISH, months=("enero", "febrero", "marzo", "abril", "mayo", "junio",
                                  "julio", "agosto", "septiembre", "octubre", "noviembre",
                                  "diciembre"), day="{day} de {month} de {year}")
    assert printed_day("2016-12-22", es) == "22 de diciembre de 2016"
    bound = bind_dates("el 22 de diciembre de 2016", es)
    assert bound == "el 22\u00a0de\u00a0diciembre de 2016"


def test_an_issued_face_binds_a_day_to_its_month_and_word_gives_it_back(stub):
    draft = in_language("l-document.draft", "xx")
    pp = draft.preamble[0]
    said = "Rappelant sa résolution du 27 octobre 2000 et celle du 3 mai 2001,"
    draft = replace(draft, preamble=(replace(pp, content=(Text(said),)),) + draft.preamble[1:])
    data = build_docx(draft)
    import io
    import zipfile
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "du 27\u00a0octobre 2000 et celle du 3\u00a0mai 2001" in body
    assert unbind_dates(bind_dates(said, stub)) == said
    back = read_docx_draft(data).draft
    assert back.preamble[0].content == (Text(said),)


def test_the_compilation_is_dated_in_its_base_drafts_language(stub):
    base = in_language("first-draft.draft", "xx")
    c = compile_proposals(base, load_proposals([ROOT / "amendments" / "gcm-modalities" / "rev1"]))
    english = compile_proposals(in_language("first-draft.draft", "en"),
                                load_proposals([ROOT / "amendments" / "gcm-modalities" / "rev1"]))
    assert iso_day(english.date) == iso_day(c.date)
    day, month, year = c.date.split()
    assert month in stub.months and f"{day} {month} {year}" == printed_day(iso_day(c.date), stub)
