"""Faults of real text layers (seen in the development corpus) reproduced on the real texts
of ../shared/real/more/: each is read as the page prints it, or said as a doubt the PDF
settles; where the PDF's reading passed every check and the text layer differs, the page
wins and the survey says so."""
from __future__ import annotations

import shutil
from pathlib import Path

from assembler.inline import plain
from assembler.readers import import_text, read_any
from assembler.readers.untext import find_cross_refs
from assembler.survey.checks import judge
from assembler.survey.run import Document, survey_one

from conftest import ROOT

MORE = ROOT.parent / "shared" / "real" / "more"
PDF = ROOT.parent / "shared" / "real" / "pdf"


def read(text: str):
    return import_text(text, "<derived>")


def derived(name: str, old: str, new: str, times: int = 1) -> str:
    """A real text with `old` (found `times` times) replaced by `new`."""
    text = (MORE / f"{name}.txt").read_text("utf-8")
    assert text.count(old) == times, old
    return text.replace(old, new)


def pp_texts(draft) -> list[str]:
    return [plain(p.content) for p in draft.preamble]


def test_a_lost_blank_line_between_preambular_paragraphs_is_a_doubt_the_page_settles(tmp_path):
    """A text layer drops the blank line at a page's top (A/RES/78/187, 79/215, 79/221): the
    listed lead after a paragraph's comma opens the next paragraph, said as a doubt; with
    the PDF beside it the document is exact."""
    name = "A_RES_78_122"
    original = read((MORE / f"{name}.txt").read_text("utf-8"))
    text = derived(name, "to address their unfinished business,  \n \nRecalling the Rio",
                   "to address their unfinished business,  \nRecalling the Rio")
    result = read(text)
    assert pp_texts(result.draft) == pp_texts(original.draft)
    doubts = [f for f in judge(result.draft, result.reading) if f.doubt]
    assert [f.check for f in doubts] == ["starts"]
    assert "Recalling the Rio" in doubts[0].message and doubts[0].page == 1
    (tmp_path / f"{name}.txt").write_text(text, "utf-8")
    shutil.copy(PDF / f"{name}.pdf", tmp_path / f"{name}.pdf")
    row = survey_one(Document(name, {"pdf": tmp_path / f"{name}.pdf",
                                     "text": tmp_path / f"{name}.txt"}))
    assert row.verdict == "exact", [str(f) for f in row.findings]
    assert any("Recalling the Rio" in f.message for f in row.notes)


def test_a_capitalised_word_in_ing_inside_a_name_goes_on_with_its_paragraph():
    """'..., Production,' then 'Stockpiling and Use of Chemical Weapons' on the next line is
    one paragraph: only the language table's leads open one without a blank line."""
    name = "A_RES_78_29"
    original = read((MORE / f"{name}.txt").read_text("utf-8"))
    text = derived(name, "Development, Production, Stockpiling and Use of Chemical \n",
                   "Development, Production, \nStockpiling and Use of Chemical \n", times=7)
    result = read(text)
    assert pp_texts(result.draft) == pp_texts(original.draft)
    assert not [f for f in judge(result.draft, result.reading) if f.check == "starts"
                and "blank line" in f.message]


def test_a_hyphen_left_hanging_before_and_keeps_its_space():
    """'gender-' at a line's end and 'and age-sensitive' on the next: 'gender- and
    age-sensitive', as printed (A/RES/78/163 and 79/172 lost the space)."""
    text = derived("A_RES_78_195", "to develop gender- and age-sensitive \n",
                   "to develop gender- \nand age-sensitive \n")
    words = " ".join(plain(u.content) for u in read(text).draft.units()
                     if hasattr(u, "content"))
    assert "to develop gender- and age-sensitive" in words


def test_a_note_whose_marker_the_page_repeats_is_printed_once():
    """A/RES/78/11 marks note 2 in PP 5 and again in OP 3, printing the note once: read as
    one footnote marked twice, every word accounted for, exact from the PDF and the text."""
    for path in (MORE / "A_RES_78_11.txt", PDF / "A_RES_78_11.pdf"):
        result = read_any(path)
        assert [f.id for f in result.draft.footnotes] == ["fn1", "fn2"]
        assert judge(result.draft, result.reading) == [], path.name


def test_a_marker_after_a_closing_parenthesis_is_a_marker():
    """'(the Bangkok Rules) 5 and' (A/RES/78/224): 'Rules' counts nothing there. Derived
    from A/RES/79/67's 'Instrument) 3'."""
    text = derived("A_RES_79_67", "(the International Tracing Instrument) 3 and",
                   "(the International Tracing Rules) 3 and")
    result = read(text)
    assert "fn3" in {f.id for f in result.draft.footnotes}
    assert judge(result.draft, result.reading) == []


def test_a_paragraph_of_another_text_is_no_reference():
    """'its paragraph 4.1' (A/RES/78/270) and 'its paragraph 4' name another text's."""
    ids = {4: "op4", 20: "op20"}
    for words in ("in particular its paragraph 4.1, whereby the Kimberley Process",
                  "welcomes its paragraph 4, whereby"):
        assert all(type(x).__name__ == "Text" for x in find_cross_refs(words, ids)), words


def _survey_with(tmp_path: Path, name: str, text: str):
    (tmp_path / f"{name}.txt").write_text(text, "utf-8")
    shutil.copy(PDF / f"{name}.pdf", tmp_path / f"{name}.pdf")
    return survey_one(Document(name, {"pdf": tmp_path / f"{name}.pdf",
                                      "text": tmp_path / f"{name}.txt"}))


def test_the_page_wins_over_a_text_layer_that_differs_in_words(tmp_path):
    """A word the text layer misreads: the PDF's reading passed every check, so the document
    is exact and the difference is said as a note."""
    name = "A_RES_78_122"
    row = _survey_with(tmp_path, name, derived(name, "to address their unfinished business",
                                               "to address their unfinished businesses"))
    assert row.verdict == "exact", [str(f) for f in row.findings]
    assert [f.check for f in row.notes] == ["agreement"]


def test_two_readings_that_pass_yet_differ_in_units_stay_in_review(tmp_path):
    """A text layer missing a whole paragraph reads consistently on its own; the PDF reads
    one more. Each passes its checks, so the checks are blind to one of them: review."""
    name = "A_RES_78_122"
    text = (MORE / f"{name}.txt").read_text("utf-8")
    start = text.index("Reaffirming its resolution 70/1")
    end = text.index("Recalling the Rio")
    row = _survey_with(tmp_path, name, text[:start] + text[end:])
    assert row.verdict == "review"
    assert "agreement" in row.causes


def test_the_committee_line_read_whole_though_the_layer_breaks_it_apart():
    """'[on the report of the Special Political and Decolonization Committee' and, after
    blank lines, '(Fourth Committee) (A/78/429, para. 33)]' (as A/RES/78/83's text layer
    has it): one line of the masthead, the committee named whole, the title still the
    title (it once took the adoption date)."""
    name = "A_RES_78_91"
    original = read((MORE / f"{name}.txt").read_text("utf-8")).draft.metadata
    text = derived(name, "Decolonization Committee \n(Fourth Committee)",
                   "Decolonization Committee \n \n \n(Fourth Committee)")
    meta = read(text).draft.metadata
    assert meta.get("main-committee") == \
        "Special Political and Decolonization Committee (Fourth Committee)"
    assert meta.get("adopted-from") == "A/78/429, para. 33"
    assert meta.title == original.title and "December" not in meta.title
