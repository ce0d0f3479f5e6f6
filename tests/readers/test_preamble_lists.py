"""A preambular paragraph's own lettered list, as A/RES/78/29 prints one: PP 12 "Convinced
that the Convention ... constitutes a major contribution to:" then (a) to (e). Read from the
PDF and from its text layer as the paragraph's sub-paragraphs, judged exact, written back by
every writer and read again unchanged, and named by amendments as "PP 12 (b)"."""
from __future__ import annotations

from assembler.akn.export import export_akn
from assembler.amendments import (Change, Proposal, StatusEntry, apply_proposals,
                                  change_to_prose, number_changes, prose_to_change)
from assembler.amendments.targets import UnitIndex
from assembler.inline import plain
from assembler.numbering import compute_labels
from assembler.readers import read_any
from assembler.source.writer import dump_draft
from assembler.writers.docx.draft import build_docx
from assembler.survey.checks import judge
from assembler.writers.text.draft import build_text

from conftest import ROOT

REAL = ROOT.parent / "shared" / "real"
ITEMS = ["International peace and security,",
         "Eliminating chemical weapons and preventing their re-emergence,",
         "The ultimate objective of general and complete disarmament under strict and "
         "effective international control,",
         "Excluding completely, for the sake of all mankind, the possibility of the use of "
         "chemical weapons,"]


def _read(kind: str):
    return read_any(REAL / "more" / "A_RES_78_29.txt" if kind == "text"
                    else REAL / "pdf" / "A_RES_78_29.pdf")


def test_the_lettered_items_are_the_paragraphs_own_list_from_the_pdf_and_the_text():
    for kind in ("pdf", "text"):
        result = _read(kind)
        draft = result.draft
        pp12 = draft.preamble[11]
        assert plain(pp12.content).rstrip().endswith("a major contribution to:"), kind
        assert [plain(c.content) for c in pp12.children[:4]] == ITEMS, kind
        assert len(pp12.children) == 5 and len(draft.preamble) == 13, kind
        labels = compute_labels(draft)
        assert [labels[c.id].mark for c in pp12.children] == ["(a)", "(b)", "(c)", "(d)", "(e)"]
        assert labels[pp12.children[1].id].short == "PP 12 (b)"
        assert judge(draft, result.reading) == [], kind


def test_every_writer_prints_the_list_and_reads_it_back(tmp_path):
    draft = _read("pdf").draft
    text = build_text(draft).decode("utf-8")
    assert "(a) International peace and security," in " ".join(text.split())
    docx = tmp_path / "r.docx"
    docx.write_bytes(build_docx(draft))
    akn = tmp_path / "r.xml"
    akn.write_bytes(export_akn(draft))
    for path in (docx, akn):
        back = read_any(path).draft
        assert dump_draft(back).split("\n")[12:] == dump_draft(draft).split("\n")[12:], path.name


def test_an_amendment_names_a_preambular_sub_paragraph():
    draft = _read("pdf").draft
    index = UnitIndex(draft)
    change = prose_to_change("In preambular paragraph 12 (b), replace “Eliminating” with "
                             "“Ending”", index)
    assert change.target == draft.preamble[11].children[1].id
    proposal = Proposal("P-1", "Delegation A", "adopted", number_changes("P-1", [change]),
                        history=(StatusEntry("accepted"),))
    new, _ = apply_proposals(draft, [proposal])
    assert plain(new.preamble[11].children[1].content).startswith("Ending chemical weapons")
    said = change_to_prose(Change("delete-words", "PP 12 (b)", words="chemical"), index)
    assert "PP 12 (b)" in said
    assert prose_to_change(said, index).target == draft.preamble[11].children[1].id
