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

from conftest import CORPUS, ROOT

MORE = ROOT.parent / "shared" / "real" / "more"
PDF = ROOT.parent / "shared" / "real" / "pdf"


def read(text: str):
    return import_text(text, "<derived>")


def derived(name: str, old: str, new: str, times: int = 1) -> str:
    """A real text with `old` (found `times` times) replaced by `new`."""
    text = (MORE / f"{name}.txt").read_text("utf-8")
    assert text.count(old) == times, old
    return text.replace(old, new)


def beside_its_pdf(tmp_path: Path, name: str, text: str):
    """The survey's row for a derived text layer beside the document's real PDF."""
    (tmp_path / f"{name}.txt").write_text(text, "utf-8")
    shutil.copy(PDF / f"{name}.pdf", tmp_path / f"{name}.pdf")
    return survey_one(Document(name, {"pdf": tmp_path / f"{name}.pdf",
                                      "text": tmp_path / f"{name}.txt"}))


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
    row = beside_its_pdf(tmp_path, name, text)
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


def test_a_number_printed_without_its_full_stop_is_the_paragraphs_number():
    """A/RES/79/160 prints "26" and "27" without their full stops: the numbers the count
    expects, alone after a blank or before the paragraph's lead, are its paragraphs'."""
    name = "A_RES_78_29"
    original = read((MORE / f"{name}.txt").read_text("utf-8"))
    for old, new in (("\n26. Emphasizes", "\n26 \nEmphasizes"),
                     ("\n26. Emphasizes", "\n26 Emphasizes")):
        result = read(derived(name, old, new))
        ops = result.draft.operative_paragraphs()
        assert len(ops) == len(original.draft.operative_paragraphs()) == 32
        assert plain(ops[25].content).startswith("Emphasizes the importance"), new
        assert judge(result.draft, result.reading) == [], new
        assert any("without its full stop" in w.message for w in result.warnings)


def test_a_numbered_list_inside_a_paragraph_is_its_sub_paragraphs():
    """A/RES/78/223's OP 11 "Approves the following provisional agenda ...:" then "1." to
    "7.", and OP 12 after them: the list is OP 11's, numbered "1.", and the count goes on."""
    name = "A_RES_78_29"
    text = derived(name, "purposes not prohibited under the Convention; \n \n26. Emphasizes",
                   "purposes not prohibited under the Convention, and approves the "
                   "following items: \n \n1. \nOpening. \n \n2. \nOrganizational matters. "
                   "\n \n3. \nAdoption of the report. \n \n26. Emphasizes")
    result = read(text)
    ops = result.draft.operative_paragraphs()
    assert len(ops) == 32
    agenda = ops[24]
    assert [plain(c.content) for c in agenda.children] == [
        "Opening.", "Organizational matters.", "Adoption of the report."]
    assert agenda.list_style == "1."
    assert judge(result.draft, result.reading) == []
    assert plain(ops[25].content).startswith("Emphasizes the importance")


def test_a_heading_among_preambular_paragraphs_is_a_heading_of_the_preamble():
    """A/RES/78/148 groups its preamble under headings ("Transport and transit corridors")
    and "* * *": read as headings of the preamble, not as paragraphs cut short, and the
    preambular paragraphs keep their count."""
    name = "A_RES_78_29"
    original = read((MORE / f"{name}.txt").read_text("utf-8"))
    text = derived(name, "multilateralism, \n \nRecalling that 29 April",
                   "multilateralism, \n \nThe Convention at twenty-five \n \n"
                   "Recalling that 29 April")
    text = text.replace("into force of the Convention, \n \nConvinced",
                        "into force of the Convention, \n* * * \n \nConvinced", 1)
    result = read(text)
    kinds = [u.kind for u in result.draft.preamble]
    assert kinds.count("heading") == 2, kinds
    assert [plain(u.content) for u in result.draft.preamble if u.kind == "heading"] == [
        "The Convention at twenty-five", "* * *"]
    assert pp_texts_of(result.draft) == pp_texts_of(original.draft)
    assert judge(result.draft, result.reading) == []


def pp_texts_of(draft) -> list[str]:
    return [plain(p.content) for p in draft.preambular_paragraphs()]


def test_doubled_letters_go_on_a_long_list():
    """A/RES/78/181 runs a list past (z): "(hh)" then "(ii)", "(jj)". The doubled "(ii)"
    after "(hh)" is the 35th letter, not a roman two under "(hh)"."""
    from assembler.numbering import letters
    name = "A_RES_78_29"
    items = "".join(f"({letters(n)}) \nItem number {n} of the list; \n \n" for n in range(6, 38))
    text = derived(name, "Syrian Arab Republic;  \nand demands that the perpetrators",
                   "Syrian Arab Republic;  \n \n" + items + "and demands that the perpetrators")
    result = read(text)
    op3 = result.draft.operative_paragraphs()[2]
    assert len(op3.children) == 37 and not any(c.children for c in op3.children)
    assert plain(op3.children[34].content) == "Item number 35 of the list;"


def test_agenda_titles_set_apart_are_each_read():
    """A/RES/78/1 names agenda items 13 and 117, the second title set apart by a blank line:
    both titles belong to the masthead, which goes on to the formula."""
    name = "A_RES_78_29"
    text = derived(name, "Agenda item 99 (l) \n", "Agenda items 99 (l) and 117 \n")
    text = text.replace("on Their Destruction \n \n \n \nResolution adopted",
                        "on Their Destruction \n \nFollow-up to the outcome of the Millennium "
                        "Summit \n \n \nResolution adopted", 1)
    result = read(text)
    meta = result.draft.metadata
    assert meta.get("agenda-titles").endswith(" / Follow-up to the outcome of the Millennium Summit")
    assert meta.formula == "The General Assembly,"
    assert len(result.draft.preamble) == 13
    assert judge(result.draft, result.reading) == []


def test_a_title_in_two_parts_is_one_title():
    """A/RES/79/243's title ends its first part with ";" and sets the second apart: both are
    the title, and the formula after them is found."""
    name = "A_RES_78_29"
    text = derived(name, "78/29. Implementation of the Convention on the Prohibition of the \n",
                   "78/29. Chemical weapons; \n \nImplementation of the Convention on the "
                   "Prohibition of the \n")
    result = read(text)
    assert result.draft.metadata.title.startswith("Chemical weapons; Implementation of the")
    assert result.draft.metadata.formula == "The General Assembly,"
    assert judge(result.draft, result.reading) == []


def test_a_heading_swallowed_by_the_paragraph_before_it_is_a_doubt():
    """A text layer of A/RES/78/3 runs the annex heading "Call to action" into paragraph 29
    ("... levels; Call to action"): an annex paragraph that ends after its closing ";" with
    words of a heading is said as a doubt the page settles (A/RES/80/3's annex, derived)."""
    path = ROOT.parent / "shared" / "real" / "A_RES_80_3.txt"
    text = path.read_text("utf-8")
    old = "Transit, transport and connectivity; \n \n(d)"
    assert text.count(old) == 1
    assert judge(*_draft_and_reading(read(text))) == []
    result = read(text.replace(old, "Transit, transport and connectivity; \nLand corridors \n \n(d)"))
    findings = judge(result.draft, result.reading)
    assert [f.check for f in findings] == ["starts"], [str(f) for f in findings]
    assert "'Land corridors' after its closing ';'" in findings[0].message


def _draft_and_reading(result):
    return result.draft, result.reading


def test_paragraphs_run_together_under_a_heading_are_found_and_the_page_settles(tmp_path):
    """A text layer that loses the blank line before an annex heading ("... of Action." then
    "III. Conclusion and call to action") runs the heading and the paragraphs after it into
    one: the next paragraph's number inside it is a failed check, and beside the PDF, whose
    reading passed, the document is exact with the text's fault said as a note."""
    name = "A_RES_80_3"
    path = ROOT.parent / "shared" / "real" / f"{name}.txt"
    old = "implementation of the Awaza Programme of Action. \n \nIII. Conclusion and call to action"
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    text = text.replace(old, old.replace(" \n \nIII.", " \nIII."))
    result = read(text)
    findings = judge(result.draft, result.reading)
    assert [f.check for f in findings] == ["starts"], [str(f) for f in findings]
    assert "holds the number 23." in findings[0].message
    row = beside_its_pdf(tmp_path, name, text)
    assert row.verdict == "exact", [str(f) for f in row.findings]
    assert any("holds the number 23." in f.message for f in row.notes)


def test_fewer_annex_paragraphs_in_the_text_than_on_the_page_the_page_wins(tmp_path):
    """A text layer that runs a short annex heading ending with ":" into the paragraph
    before ("Targets:", A/RES/79/233; "..., we:", A/RES/78/4) passes every check with one
    annex paragraph fewer; where the page's reading passed, it shows the gap, and wins."""
    name = "A_RES_80_3"
    path = ROOT.parent / "shared" / "real" / f"{name}.txt"
    old = "satellite-based systems. \n \nPartnerships and support mechanisms \n17."
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    text = text.replace(old, "satellite-based systems. \nPartnerships and support: \n17.")
    result = read(text)
    assert judge(result.draft, result.reading) == []
    row = beside_its_pdf(tmp_path, name, text)
    pdf, txt = (r for r in row.readings if r.kind == "pdf"), (r for r in row.readings
                                                               if r.kind == "text")
    assert next(pdf).counts[4] == next(txt).counts[4] + 1
    assert row.verdict == "exact", [str(f) for f in row.findings]
    assert any(f.check == "agreement" for f in row.notes)


def test_a_marker_fused_to_a_figure_the_text_prints_elsewhere_is_no_doubt():
    """A/C.2/80/L.48's text layer runs note 16's marker into "COVID-19" ("on COVID-1916
    and commits"). The text prints "COVID-19" alone elsewhere and "COVID-1916" nowhere else:
    the document confirms the cut, so the marker is read there and nothing is left to doubt
    (the page's superscript puts it in the same place: OP 11)."""
    read = read_any(CORPUS / "A_C.2_80_L.48.txt")
    op11 = read.draft.operative_paragraphs()[10]
    marked = [x.footnote for x in op11.content if type(x).__name__ == "FootnoteRef"]
    assert marked == ["fn16"]
    assert "Countries on COVID-19 and commits" in plain(op11.content).replace("[fn16]", "")
    assert judge(read.draft, read.reading) == []


def test_a_heading_over_the_operative_part_is_a_heading_in_a_text_layer_too():
    """A/RES/79/327 prints "Role and authority of the General Assembly" in bold between its
    last preambular paragraph and "1.". A text layer has no bold: the words show it (no
    closing punctuation, no lead, after a paragraph that closed with a comma, before "1."),
    and the reader says so."""
    read = read_any(CORPUS / "A_RES_79_327.txt")
    draft = read.draft
    assert len(draft.preamble) == 6
    assert plain(draft.preamble[-1].content).endswith("6 September 2024,")
    head = draft.operative[0]
    assert head.kind == "heading"
    assert plain(head.content) == "Role and authority of the General Assembly"
    assert plain(draft.operative[1].content).startswith("Recognizes the functions")
    assert any("heading over the operative part" in w.message for w in read.warnings)
    assert judge(draft, read.reading) == []


def test_a_running_title_of_five_lines_is_furniture_and_a_roman_decision_number_no_home():
    """A/RES/78/68's running title is five lines long ("Sustainable fisheries, including
    through the 1995 Agreement ... and related instruments"): with its symbol and job number
    seven lines stand above "16/48" on every even page, and none of them is text. Its note
    13 is run into "decision VII/11" ("VII/1113"): read there, as the PDF's superscript puts
    it, and said as a doubt (the text prints "VII/11" nowhere else). 91 preambular and 276
    operative paragraphs, as the PDF reads them."""
    read = read_any(CORPUS / "A_RES_78_68.txt")
    draft = read.draft
    assert (len(draft.preamble), len(draft.operative_paragraphs())) == (91, 276)
    op35 = plain(draft.operative_paragraphs()[34].content)
    assert "under the Convention on the Conservation of Migratory Species of Wild" in op35
    assert op35.endswith("cooperating partners;")
    pp77 = draft.preamble[76]
    marked = [x.footnote for x in pp77.content if type(x).__name__ == "FootnoteRef"]
    assert marked == ["fn12", "fn13"]
    assert "decision VII/11 and other" in plain(pp77.content).replace("[fn13]", "")
    found = judge(draft, read.reading)
    assert {f.check for f in found} <= {"starts", "footnotes"} and all(f.doubt for f in found)
