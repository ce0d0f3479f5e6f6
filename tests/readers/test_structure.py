"""The structurer honours what a page states (a PDF reader's regions, superscripts, italics)
and guesses only when the page does not say; both ways give one draft."""
from __future__ import annotations

import re

import pytest

from assembler.inline import plain
from assembler.leads import lead_text
from assembler.readers import import_text
from assembler.readers.extracted import printed_from_text
from assembler.readers.footnotes import find_marker
from assembler.readers.printed import PrintedDocument, PrintedLine, Span
from assembler.readers.docx_text import foreign_cross_refs
from assembler.readers.structure import structure
from assembler.source import dump_draft

from test_real_import import REAL


def as_a_pdf_reader_would(doc: PrintedDocument) -> PrintedDocument:
    """The same lines with the facts a PDF gives: the running header and the footnote area
    by position, markers as superscripts, lead phrases in italics, real page numbers."""
    out, page, region = [], 1, "body"
    for line in doc.lines:
        t = line.text.strip()
        if re.fullmatch(r"\d+/\d+", t):
            page = int(t.split("/")[0])
        if t in ("A/RES/80/1", "25-15106") or re.fullmatch(r"\d+/\d+", t) or \
                t == "Participation by the State of Palestine during the eightieth session" \
                and out and out[-1].region == "header":
            out.append(PrintedLine(line.spans, page, line.line, "header"))
            region = "body"
            continue
        if re.fullmatch(r"_{5,}", t):
            out.append(PrintedLine(line.spans, page, line.line, "rule"))
            region = "footnote"
            continue
        spans = line.spans
        if region == "body" and t.startswith("America regarding the Headquarters"):
            head, _, tail = t.partition("Nations1")
            spans = (Span(head + "Nations"), Span("1", sup=True), Span(tail))
        if region == "body" and t.startswith(("Expressing concern", "Regretting,")):
            lead = "Regretting" if t.startswith("Regretting") else "Expressing concern"
            spans = (Span(lead, italic=True), Span(t[len(lead):]))
        out.append(PrintedLine(spans, page, line.line, region, gap_before=line.gap_before))
    return PrintedDocument(out, doc.file, page, layout=True)


def test_facts_from_the_page_give_the_same_draft_without_guessing():
    path = REAL / "A_RES_80_1.txt"
    text = path.read_text("utf-8")
    guessed = import_text(text, str(path))
    doc, _ = printed_from_text(text, str(path))
    stated = structure(as_a_pdf_reader_would(doc))
    # both readers then point "paragraph 1 (a)" at the draft's own paragraph
    assert dump_draft(foreign_cross_refs(stated.draft)) == dump_draft(guessed.draft)
    assert "referred to in paragraph [@op1.a] above" in dump_draft(guessed.draft)
    messages = " ".join(w.message for w in stated.warnings)
    assert "running header" not in messages and "fused" not in messages
    assert any("broken across the page" in w.message and w.message.startswith("page 2")
               for w in stated.warnings)
    assert lead_text(stated.draft.preamble[0].content) == "Expressing concern"


def test_italics_as_printed_win_over_the_lead_guess():
    lines = [PrintedLine((Span("The General Assembly,", italic=True),), 1, 1, indent=36),
             PrintedLine((Span("Noting with satisfaction", italic=True), Span(" the report,")),
                         1, 3, gap_before=1, indent=36),
             PrintedLine((Span("1."), ), 1, 5, gap_before=1),
             PrintedLine((Span("Decides", italic=True), Span(" to act"), Span("1", sup=True),
                          Span(";")), 1, 6),
             PrintedLine((Span("____________"),), 1, 8, "rule"),
             PrintedLine((Span("1 A/80/1."),), 1, 9, "footnote")]
    d = structure(PrintedDocument(lines, "x.pdf", 1, layout=True)).draft
    assert lead_text(d.preamble[0].content) == "Noting with satisfaction"  # not "Noting"
    assert plain(d.operative[0].content) == "Decides to act;"
    assert [type(r).__name__ for r in d.operative[0].content][-2] == "FootnoteRef"
    assert plain(d.footnotes[0].content) == "A/80/1."


def test_sponsors_over_several_lines_and_a_section_heading_before_the_first_paragraph():
    text = "\n".join([
        "United Nations ", "A/C.3/80/L.99", " ", "General Assembly ", "Distr.: Limited ",
        "3 November 2025 ", "Original: English ", " ", "25-99999 (E)    041125 ", "*2599999* ",
        " ", "Eightieth session ", "Third Committee ", "Agenda item 71 (b) ",
        "Promotion and protection of human rights ", " ", " ",
        "Delegation A, Delegation B, Delegation C, Delegation D, Delegation E, ",
        "Delegation F and Group of Friends of X: draft resolution ", " ", " ",
        " A title for the test ", " ", " ", "The General Assembly, ", " ",
        "Recalling its resolutions, ", " ", "A. ", "Rule of law ", " ", "1. ",
        "Decides to act; ", " ", "2. ", "Requests a report. ", ""])
    d = import_text(text, "l99.txt").draft
    assert d.metadata.submitted_by == ("Delegation A, Delegation B, Delegation C, Delegation D, "
                                       "Delegation E, Delegation F and Group of Friends of X")
    assert d.metadata.title == "A title for the test"
    assert [u.kind for u in d.operative] == ["heading", "op", "op"]
    assert plain(d.operative[0].content) == "A. Rule of law"


@pytest.mark.parametrize("text, mark, left", [
    # phrases of A/C.3/80/L.59 and A/80/L.8 (public UN texts): the marker and what is left
    ("Conference on Financing for Development, 4  the quadrennial", "4",
     "Conference on Financing for Development,  the quadrennial"),
    ("in a post-COVID world\u201d 5  and the political declaration", "5",
     "in a post-COVID world\u201d  and the political declaration"),
    ("the General Assembly in September 2023, 8 which reaffirmed", "8",
     "the General Assembly in September 2023, which reaffirmed"),
    ("Political Declarations of 20172 and 2021,3 and evince", "2",
     "Political Declarations of 2017 and 2021,3 and evince"),
    ("in compliance with the Paris Principles. 13 We will", "13",
     "in compliance with the Paris Principles. We will"),
    ("for the Decade 2014\u201320243 and provides", "3", "for the Decade 2014\u20132024 and provides"),
    ("implementation of resolution 78/7;1", "1", "implementation of resolution 78/7;"),
    ("the International Criminal Court* that define", "*", "the International Criminal Court that define"),
])
def test_markers_fused_or_spaced(text, mark, left):
    found = find_marker(text, mark, 0)
    assert found is not None
    begin, end, _ = found
    assert text[:begin] + text[end:] == left


@pytest.mark.parametrize("text, mark", [
    ("implementation of Sustainable Development Goal 5, and the", "5"),
    ("Security Council resolution 1325 (2000) on women", "2000"),
    ("from 5 to 8 August 2025 at the Third", "5"),
    ("referred to in paragraph 3 above", "3"),
    ("its resolution 78/6 of 1 December", "6"),
    ("held on 22 September 2025, which", "22"),
    ("the rate of 3.1 per cent", "1"),
])
def test_numbers_that_are_no_markers(text, mark):
    assert find_marker(text, mark, 0) is None


def test_labels_nested_deeper_than_the_model_are_kept_at_the_fourth_degree():
    lines = ["The General Assembly,", "", "1.  Decides:", ""]
    for depth in range(1, 8):
        lines += [" " * (4 * depth) + "(a) an item;", ""]
    result = import_text("\n".join(lines), "deep.txt")
    from assembler.check import check_draft
    assert [f for f in check_draft(result.draft) if f.problem] == []
    assert sum(1 for u in result.draft.units() if u.kind == "sub") == 7  # no item lost
    assert any("deeper than the fourth degree" in w.message for w in result.warnings)
