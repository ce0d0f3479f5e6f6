"""Real amendment documents end to end (issue 20): the draft read from the UN's raw text, the
amendment read from its raw text or PDF, applied; each instruction's result written by
reading it. A/C.2/80/L.62 and L.63 amend A/C.2/80/L.13/Rev.1 and L.12/Rev.1, which are not
in the development corpus: the test base is the original L.13 (L.12) as read, given the Rev.1
symbol. The paragraphs asserted on are those the instruction names; the originals and their
revisions may number them differently, which does not matter to a test of applying."""
from __future__ import annotations

from pathlib import Path

import pytest

from assembler.amendments import apply_proposals, load_proposal
from assembler.inline import plain
from assembler.source import load_draft

from conftest import ROOT, run_cli

CORPUS = Path("/work/corpus")
SHARED = ROOT.parent / "shared" / "real"
needs_corpus = pytest.mark.skipif(not (CORPUS / "txt").is_dir(), reason="no corpus here")


def _base(tmp_path, name: str, rev_symbol: str) -> Path:
    out = tmp_path / f"{name}.draft"
    r = run_cli("import", CORPUS / "txt" / f"{name}.txt", "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text("utf-8").replace(f"symbol: {rev_symbol.rsplit('/', 1)[0]}\n",
                                          f"symbol: {rev_symbol}\n")
    out.write_text(text, "utf-8")
    return out


def _imported(tmp_path, amendment: Path, base: Path):
    out = tmp_path / f"{amendment.stem}{amendment.suffix}.yaml"
    r = run_cli("import", amendment, "--base", base, "-o", out)
    assert r.returncode == 0, r.stderr
    return load_proposal(out), r


def _texts(units) -> list[str]:
    return [plain(u.content) for u in units]


@needs_corpus
@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_l62_deletes_a_preambular_and_three_operative_paragraphs(tmp_path, suffix):
    """“Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39.”"""
    base_path = _base(tmp_path, "A_C.2_80_L.13", "A/C.2/80/L.13/Rev.1")
    base = load_draft(base_path)
    prop, r = _imported(tmp_path, CORPUS / suffix / f"A_C.2_80_L.62.{suffix}", base_path)
    assert (prop.proposer, prop.symbol, prop.date) == ("Denmark", "A/C.2/80/L.62",
                                                      "24 November 2025")
    assert prop.sponsors_note.startswith("On behalf of the States Members")
    assert prop.instructions == ("Delete the twenty-first preambular paragraph and operative "
                                 "paragraphs 35, 38 and 39.",)
    new, record = apply_proposals(base, [prop], mode="all")
    gone_pp = plain(base.preamble[20].content)
    gone_op = [plain(base.operative_paragraphs()[n - 1].content) for n in (35, 38, 39)]
    assert _texts(new.preamble) == [t for t in _texts(base.preamble) if t != gone_pp]
    assert _texts(new.operative) == [t for t in _texts(base.operative) if t not in gone_op]
    assert len(record.applied) == 4
    # operative paragraph 38 carried the two footnotes marked nowhere else: they go with it
    assert len(new.footnotes) == len(base.footnotes) - 2


@needs_corpus
@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_l63_deletes_three_operative_paragraphs(tmp_path, suffix):
    """“Delete operative paragraphs 3, 43 and 45.”"""
    base_path = _base(tmp_path, "A_C.2_80_L.12", "A/C.2/80/L.12/Rev.1")
    base = load_draft(base_path)
    prop, _ = _imported(tmp_path, CORPUS / suffix / f"A_C.2_80_L.63.{suffix}", base_path)
    new, _ = apply_proposals(base, [prop], mode="all")
    ops = base.operative_paragraphs()
    assert [u.id for u in new.operative_paragraphs()] == \
        [u.id for k, u in enumerate(ops, 1) if k not in (3, 43, 45)]


@needs_corpus
def test_amendment_doc_writes_an_imported_document_back_as_issued(tmp_path):
    base_path = _base(tmp_path, "A_C.2_80_L.13", "A/C.2/80/L.13/Rev.1")
    prop_path = tmp_path / "L62.yaml"
    r = run_cli("import", CORPUS / "txt" / "A_C.2_80_L.62.txt", "--base", base_path,
                "-o", prop_path)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "L62.html"
    r = run_cli("amendment-doc", prop_path, "--base", base_path, "-o", out)
    assert r.returncode == 0, r.stderr
    page = " ".join(out.read_text("utf-8").split())
    assert "A/C.2/80/L.62" in page
    assert ("Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and "
            "39.") in page


@pytest.mark.parametrize("name", ["L.57", "L.58", "L.61", "L.62"])
def test_the_third_committee_amendments_read_the_same_from_pdf_as_from_text(tmp_path, name):
    """A/C.3/80/L.57, L.58, L.61 and L.62 (drafts of our own as their bases, as in
    test_amendment_document.py): the PDF as issued gives the changes its text gives."""
    from dataclasses import replace
    from test_amendment_document import _base as made_base
    from test_prose_un import OP64, OP65, PP14, PP15, PP28
    shapes = {"L.57": ("A/C.3/80/L.3/Rev.1", {}, {64: OP64, 65: OP65}, 3, 66),
              "L.58": ("A/C.3/80/L.50", {28: PP28}, {}, 30, 2),
              "L.61": ("A/C.3/80/L.20/Rev.1", {14: PP14, 15: PP15}, {}, 17, 3),
              "L.62": ("A/C.3/80/L.20/Rev.1", {14: PP14, 15: PP15}, {}, 17, 3)}
    base_path = made_base(tmp_path, *shapes[name],
                          footnote="United Nations, Treaty Series." if name == "L.58" else "")
    text, _ = _imported(tmp_path, SHARED / f"A_C.3_80_{name}.txt", base_path)
    pdf, _ = _imported(tmp_path, SHARED / "pdf" / f"A_C.3_80_{name}.pdf", base_path)
    # (the PDF shows the lead's italics, which the text cannot)
    same = lambda c: replace(c, line=None, text=c.text.replace("*", ""))  # noqa: E731
    assert [same(c) for c in pdf.changes] == [same(c) for c in text.changes]
    assert (pdf.proposer, pdf.co_sponsors, pdf.symbol) == \
        (text.proposer, text.co_sponsors, text.symbol)
    new, record = apply_proposals(load_draft(base_path), [pdf], mode="all")
    assert len(record.applied) == len(pdf.changes)


# ---------------------------------------------------------------- a document of our own

# In the layout of the UN's text extraction: masthead, the sponsors' note and the page's
# furniture, a new paragraph carrying a footnote mark, two new paragraphs over a page break.
RAW = """United Nations 
A/C.2/80/L.900
 
 
General Assembly 
Distr.: Limited 
3 December 2025 
Original: English 
 
25-99999 (E)    031225 
*2599999* 
 
 
Eightieth session 
Second Committee 
Agenda item 99 
Clean energy 
 
 
 
Delegation A and Delegation B:* amendment to draft resolution A/C.2/80/L.905 
 
 
 
 Clean energy for all 
 
 
 
1. 
Replace “nuclear power plant” with “renewable power plant” in the preambular 
paragraphs and the operative paragraphs. 
 
2. 
In the second preambular paragraph, after “renewable power plant” insert “and 
grid”. 
 
3. 
Replace operative paragraph 4 with the following text: 
 
Encourages cooperation among regional organizations and the Energy 
Agency** of the region; 
 
4. 
After operative paragraph 4, insert two new operative paragraphs reading: 
 
Calls upon Member States to share data on the supply and the demand of 
energy, 
 
 
 
* On behalf of the Group of Friends of Energy. 
** A fictional agency. 
 
A/C.2/80/L.900 
 
25-99999 
2/2 
 
including on storage; 
 
Requests the Secretary-General to report on the matter. 
 
5. 
Delete the third preambular paragraph reading: 
 
Welcoming the report of the Secretary-General on energy, 
"""


def test_a_document_of_our_own_read_from_raw_text_and_applied(tmp_path):
    from test_amendment_order import DRAFT
    base_path = tmp_path / "base.draft"
    base_path.write_text(DRAFT, "utf-8")
    raw = tmp_path / "A_C.2_80_L.900.txt"
    raw.write_text(RAW, "utf-8")
    prop, r = _imported(tmp_path, raw, base_path)
    assert prop.proposer == "Delegation A" and prop.co_sponsors == ("Delegation B",)
    assert prop.sponsors_note == "On behalf of the Group of Friends of Energy."
    assert len(prop.instructions) == 5
    new, _ = apply_proposals(load_draft(base_path), [prop], mode="all")
    assert _texts(new.preamble) == [
        "Recalling its resolution 70/1 on the renewable power plant programme,",
        "Noting the work of the renewable power plant and grid operators and of the "
        "regulators,"]
    assert _texts(new.operative)[3:] == [
        "Encourages cooperation among regional organizations and the Energy Agency of the "
        "region;",
        "Calls upon Member States to share data on the supply and the demand of energy, "
        "including on storage;",
        "Requests the Secretary-General to report on the matter.",
        "Decides to remain seized of the matter."]
    # the new paragraphs' leads in italics, as UN style sets them (the text keeps none)
    assert [(t.text, t.italic) for t in new.operative[4].content[:1]] == [("Calls upon", True)]
    # the deleted paragraph's footnote went with it; the new text brought its own
    notes = [plain(f.content) for f in new.footnotes]
    assert notes == ["Resolution 79/1.", "A fictional agency."]


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_a_document_imported_is_written_back_in_the_same_order_and_phrasing(tmp_path, suffix):
    """Written as .docx (and .pdf through LibreOffice) and read back: the same instructions
    as printed, the same changes, the same notes."""
    import shutil
    from dataclasses import replace
    if suffix == "pdf" and not shutil.which("soffice"):
        pytest.skip("LibreOffice is needed")
    from test_amendment_order import DRAFT
    base_path = tmp_path / "base.draft"
    base_path.write_text(DRAFT, "utf-8")
    raw = tmp_path / "A_C.2_80_L.900.txt"
    raw.write_text(RAW, "utf-8")
    prop, _ = _imported(tmp_path, raw, base_path)
    written = tmp_path / f"again.{suffix}"
    r = run_cli("amendment-doc", tmp_path / f"{raw.stem}.txt.yaml", "--base", base_path,
                "-o", written)
    assert r.returncode == 0, r.stderr
    back, _ = _imported(tmp_path, written, base_path)
    assert back.instructions == prop.instructions and back.symbol == "A/C.2/80/L.900"
    assert (back.sponsors_note, back.footnotes) == (prop.sponsors_note, prop.footnotes)
    assert [replace(c, line=None) for c in back.changes] == \
        [replace(c, line=None) for c in prop.changes]


PLENARY = """United Nations 
A/80/L.900
 
 
General Assembly 
Distr.: Limited 
8 December 2025 
Original: English 
 
25-99998 (E)    081225 
*2599998* 
 
 
Eightieth session 
Agenda item 99 
Clean energy 
 
 
 
Delegation A: amendment to draft resolution II recommended by the Second 
Committee in its report (A/80/999) 
 
 
 
 Clean energy for all 
 
 
 
In operative paragraph 1, replace “2027” with “2028”. 
"""


def test_a_plenary_amendment_to_a_draft_recommended_in_a_report(tmp_path):
    from test_amendment_order import DRAFT
    base_path = tmp_path / "base.draft"
    base_path.write_text(DRAFT, "utf-8")
    raw = tmp_path / "A_80_L.900.txt"
    raw.write_text(PLENARY, "utf-8")
    prop, r = _imported(tmp_path, raw, base_path)
    assert "draft resolution II recommended by the Second Committee in its report A/80/999" \
        in r.stderr
    assert prop.symbol == "A/80/L.900" and prop.proposer == "Delegation A"
    new, _ = apply_proposals(load_draft(base_path), [prop], mode="all")
    assert plain(new.operative[0].content) == ("Decides to convene a meeting on energy in "
                                               "2028;")
