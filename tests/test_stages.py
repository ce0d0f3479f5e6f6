"""What stage a symbol or a line names (stages.py): one set of patterns, so what the readers
take a document for is a face the writers can build."""
from __future__ import annotations

import pytest

from assembler.stages import masthead_for, stage_in_words, stage_of_symbol
from assembler.writers.docx.draft import build_docx

from langstub import in_language


@pytest.mark.parametrize("symbol, stage", [
    ("A/80/L.2", "L"), ("A/C.3/80/L.57", "L"), ("A/HRC/55/L.12", "L"), ("E/CN.6/2024/L.3", "L"),
    ("A/80/L.2/Rev.1", "L-rev"), ("A/RES/80/1", "adopted"), ("A/HRC/RES/55/1", "adopted"),
    ("S/RES/2334 (2016)", ""), ("A/80/123", ""),
])
def test_a_symbol_names_the_face_it_is_built_with(symbol, stage):
    assert stage_of_symbol(symbol) == stage
    if stage in ("L", "adopted"):   # and that face accepts it
        name = "l-document.draft" if stage == "L" else "resolution.draft"
        draft = in_language(name, "en", symbol=symbol)
        assert masthead_for(draft.metadata).symbol == symbol
        assert build_docx(draft)[:2] == b"PK"


@pytest.mark.parametrize("line, named", [
    ("Zero Draft", ("zero", "")), ("First Draft of the Resolution", ("first", "")),
    ("Revision 2", ("rev", "2")), ("Draft Rev.1", ("rev", "1")), ("Elements paper", ("elements", "")),
    ("Final draft", ("final", "")), ("Human settlements", None),
])
def test_a_line_names_its_stage(line, named):
    assert stage_in_words(line) == named


def test_a_stage_word_inside_a_title_is_not_at_its_start():
    assert stage_in_words("Comments on the first draft") == ("first", "")
    assert stage_in_words("Comments on the first draft", at_start=True) is None
