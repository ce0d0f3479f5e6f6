"""Redlines of the seed's first draft against hand-edited versions of it, read back by
independent readers: pandoc (accept/reject all changes), the raw WordprocessingML, LibreOffice."""
from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from assembler.compare.redline import Who, build_redline
from assembler.model import (Footnote, FootnoteRef, OperativeParagraph, PreambularParagraph,
                             Provenance, Text)
from assembler.source import save_draft
from assembler.writers.docx.draft import build_docx
from assembler.writers.docx.redline import build_redline_docx
from assembler.writers.html.redline import build_redline_html
from conftest import ROOT, counted, pandoc_text, run_cli
from test_align import move_after, set_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MARK = re.compile(r"^(\s*)(\d+\.|\([a-z]+\)|\([ivxl]+\)|[a-z]+\.|[A-Z]\)|[ivxl]+\.)(\s+)", re.M)


def write(tmp: Path, name: str, data: bytes) -> Path:
    p = tmp / name
    p.write_bytes(data)
    return p


def without_numbers(text: str) -> str:
    """Display numbers are not text: a kept paragraph shows its new number on both sides
    (and a lone operative paragraph has none)."""
    return _MARK.sub(r"\1", text)


def flat(text: str) -> str:
    """pandoc writes each superscript run as ^(...); neighbouring runs that differ only in
    their change marks read the same."""
    return re.sub(r"\^\(([^)]*)\)", r"\1", text)


_LONE_MARK = re.compile(r"((\d+\.|\([a-z]+\)|[a-zA-Z]+[.)])\s*)+")


def words_of(text: str) -> list[str]:
    """The paragraphs without their numbers. pandoc keeps a Word-numbered paragraph whose
    mark is deleted as an empty list item (Word and LibreOffice remove it, and number what
    is left: tests/writers/test_libreoffice.py checks the numbers there)."""
    lines = (line.strip() for line in text.splitlines())
    return [without_numbers(line) for line in lines if line and not _LONE_MARK.fullmatch(line)]


def check_both_sides(tmp: Path, old, new, **kw) -> Path:
    """pandoc accepting every change reads exactly the new version's words; rejecting every
    change, exactly the old one's (numbers are Word's own: see tests/writers/test_libreoffice.py,
    and `counted`)."""
    red = write(tmp, "redline.docx", build_redline_docx(build_redline(old, new, **kw)))
    new_doc = write(tmp, "new.docx", build_docx(new))
    old_doc = write(tmp, "old.docx", build_docx(old))
    assert words_of(pandoc_text(red, "accept")) == words_of(pandoc_text(new_doc))
    counted_red = counted(red, tmp)
    assert words_of(pandoc_text(counted_red, "reject")) == words_of(pandoc_text(counted(old_doc, tmp)))
    return red


def parts(docx: Path) -> dict[str, etree._Element]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(docx) as z:
        return {n: etree.fromstring(z.read(n), parser) for n in z.namelist()
                if n.startswith("word/") and n.endswith(".xml")}


def count(docx: Path, tag: str) -> int:
    return sum(len(root.findall(f".//{W}{tag}")) for root in parts(docx).values())


# ------------------------------------------------------------------ hand-made edits

def edited(first_draft):
    """Words, whole paragraphs, a move and a footnote, as a co-facilitator would edit."""
    d = set_text(first_draft, "op3", "shall be open", "should be open")
    d = set_text(d, "op12", "no later than January 2018", "no later than December 2017")
    d = move_after(d, "op9", "op12")
    d = replace(d, operative=tuple(i for i in d.operative if i.id != "op4"))
    items = list(d.operative)
    items.insert(2, OperativeParagraph("op2bis", (Text("Decides", italic=True),
                                                  Text(" to review these modalities in 2018;"))))
    d = replace(d, operative=tuple(items))
    d = replace(d, preamble=d.preamble + (PreambularParagraph("pp5", (
        Text("Noting", italic=True), Text(" the offer of a host country,"),)),))
    fn = d.footnotes[0]
    d = replace(d, footnotes=(replace(fn, content=(Text(fn.content[0].text.replace(
        "upon its reduest", "upon its request")),)),) + d.footnotes[1:])
    return d


def test_accept_gives_new_and_reject_gives_old(first_draft, tmp_path):
    red = check_both_sides(tmp_path, first_draft, edited(first_draft))
    assert count(red, "moveFromRangeStart") == 1 and count(red, "moveToRangeStart") == 1
    assert count(red, "moveFromRangeEnd") == 1 and count(red, "moveToRangeEnd") == 1
    xml = parts(red)
    # the footnote's own change is inside the footnotes, as one word replaced
    notes = xml["word/footnotes.xml"]
    assert [t.text for t in notes.iter(f"{W}delText")].count("reduest") >= 1
    assert "request" in [t.text for t in notes.iter(f"{W}t")]
    # whole units: their paragraph marks are inserted or deleted too
    body = xml["word/document.xml"]
    assert body.findall(f".//{W}pPr/{W}rPr/{W}ins") and body.findall(f".//{W}pPr/{W}rPr/{W}del")
    # every change has an author and an ISO date
    for tag in ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart"):
        for el in body.iter(f"{W}{tag}"):
            assert el.get(f"{W}author") == "Co-facilitators"
            assert el.get(f"{W}date") == "2016-12-22T00:00:00Z"


def test_one_word_replaced_is_one_del_and_one_ins(first_draft, tmp_path):
    new = set_text(first_draft, "op3", "shall be open", "should be open")
    red = check_both_sides(tmp_path, first_draft, new)
    assert count(red, "del") == 1 and count(red, "ins") == 1
    body = parts(red)["word/document.xml"]
    assert [t.text for t in body.iter(f"{W}delText")] == ["shall"]
    assert [t.text for t in body.findall(f".//{W}ins//{W}t")] == ["should"]


def test_paragraph_moved_unchanged_is_one_move_and_no_word_changes(first_draft, tmp_path):
    new = move_after(first_draft, "op9", "op12")
    red = check_both_sides(tmp_path, first_draft, new)
    assert count(red, "moveFromRangeStart") == 1 and count(red, "moveToRangeStart") == 1
    assert count(red, "ins") == 0 and count(red, "del") == 0
    body = parts(red)["word/document.xml"]
    start = body.find(f".//{W}moveFromRangeStart")
    assert start.get(f"{W}name") == body.find(f".//{W}moveToRangeStart").get(f"{W}name")


def test_moved_paragraph_with_children_is_one_move(first_draft, tmp_path):
    new = move_after(first_draft, "op6", "op8")
    red = check_both_sides(tmp_path, first_draft, new)
    assert count(red, "moveFromRangeStart") == 1 and count(red, "moveToRangeStart") == 1
    assert count(red, "ins") == 0 and count(red, "del") == 0


def test_renumbering_alone_is_no_change(first_draft, tmp_path):
    new = replace(first_draft, operative=tuple(i for i in first_draft.operative if i.id != "op2"))
    r = build_redline(first_draft, new)
    assert [(u.status, u.unit.id) for u in r.changed_units()] == [("deleted", "op2")]
    red = check_both_sides(tmp_path, first_draft, new)
    # op20 cites paragraphs 14 and 19, which became 13 and 18: the printed numbers follow,
    # as fields to their paragraphs' bookmarks, and are no edit
    body = parts(red)["word/document.xml"]
    refs = [" ".join(t.text.split()) for t in body.iter(f"{W}instrText")]
    assert refs.count("REF _uop_op14 \\r \\h") == 1 and refs.count("REF _uop_op19 \\r \\h") == 2
    assert [t.text for t in body.iter(f"{W}t")].count("18") >= 2
    assert [t.text for t in body.iter(f"{W}delText")].count("op2") == 0
    assert count(red, "ins") == 0


def test_edit_inside_a_moved_paragraph(first_draft, tmp_path):
    new = move_after(set_text(first_draft, "op9", "focal point", "single focal point"), "op9", "op12")
    red = check_both_sides(tmp_path, first_draft, new)
    assert count(red, "moveToRangeStart") == 1
    assert [t.text for t in parts(red)["word/document.xml"].findall(f".//{W}ins//{W}t")] == ["single "]


def test_new_footnote_and_heading_change(first_draft, tmp_path):
    d = replace(first_draft, footnotes=first_draft.footnotes + (
        Footnote("fn9", (Text("See the note by the Secretariat."),)),))
    d = replace(d, operative=tuple(
        replace(i, content=i.content + (FootnoteRef("fn9"),)) if i.id == "op16" else
        replace(i, content=(Text("Phase I (2017)"),)) if i.id == "h1" else i
        for i in d.operative))
    red = check_both_sides(tmp_path, first_draft, d)
    notes = parts(red)["word/footnotes.xml"]
    assert "See the note by the Secretariat." in "".join(
        t.text for t in notes.findall(f".//{W}ins//{W}t"))


def test_author_and_date_from_provenance(first_draft, tmp_path):
    new = set_text(first_draft, "op3", "shall be open", "should be open")
    new = replace(new, operative=tuple(i for i in new.operative if i.id != "op4"),
                  provenance=(Provenance("P-01/1", "replace-words", "op3", "Delegation A"),
                              Provenance("P-02/1", "delete-unit", "op4", "Group of Friends of X")))
    from assembler.compare.authors import attribution_from
    default = Who("Co-facilitators", "2016-12-22T00:00:00Z")
    attr = attribution_from(new, default, {"P-01": "12 January 2017"})
    red = write(tmp_path, "r.docx", build_redline_docx(build_redline(first_draft, new,
                                                                    attribution=attr)))
    body = parts(red)["word/document.xml"]
    authors = {(el.tag.replace(W, ""), el.get(f"{W}author"), el.get(f"{W}date"))
               for el in body.iter(f"{W}ins", f"{W}del")}
    assert ("ins", "Delegation A", "2017-01-12T00:00:00Z") in authors
    assert ("del", "Group of Friends of X", "2016-12-22T00:00:00Z") in authors
    # the cross-references renumbered by the deletion follow their paragraphs: nobody's edit
    assert {a for _, a, _ in authors} == {"Delegation A", "Group of Friends of X"}


def test_default_author_option(first_draft, tmp_path):
    new = set_text(first_draft, "op3", "shall be open", "should be open")
    red = write(tmp_path, "r.docx", build_redline_docx(build_redline(
        first_draft, new, author="Secretariat", date="2017-01-05")))
    el = parts(red)["word/document.xml"].find(f".//{W}ins")
    assert (el.get(f"{W}author"), el.get(f"{W}date")) == ("Secretariat", "2017-01-05T00:00:00Z")


@pytest.mark.parametrize("given, w_date", [
    ("13 January 2017", "2017-01-13T00:00:00Z"), ("2017-01-13", "2017-01-13T00:00:00Z"),
    ("bogus", None), ("31 February 2017", None), ("2017-13-01", None)])
def test_date_option_is_a_real_date(tmp_path, given, w_date):
    """A date that is none is refused, not replaced by today's."""
    first = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
    out = tmp_path / "r.docx"
    r = run_cli("redline", first, REV1, "--date", given, "-o", out)
    if w_date is None:
        assert r.returncode == 2, r.stderr
        assert r.stderr.strip().splitlines() == [
            f"error: --date {given}: not a date (e.g. --date '13 January 2017' or --date "
            "2017-01-13)"]
        assert not out.exists()
        return
    assert r.returncode == 0, r.stderr
    # the renumbered cross-references are nobody's proposal: they carry the date given
    dates = {el.get(f"{W}date") for el in parts(out)["word/document.xml"].iter(f"{W}ins")}
    assert w_date in dates


# ------------------------------------------------------------------ bold / strike-out

def test_visual_docx_has_no_tracked_changes_and_a_legend(first_draft, tmp_path):
    red = write(tmp_path, "v.docx", build_redline_docx(build_redline(first_draft, edited(first_draft)),
                                                       visual=True))
    for tag in ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart"):
        assert count(red, tag) == 0
    body = parts(red)["word/document.xml"]
    struck = [r for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}strike") is not None]
    bold = [r for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None]
    assert "shall" in "".join(r.findtext(f"{W}t") or "" for r in struck)
    assert "should" in "".join(r.findtext(f"{W}t") or "" for r in bold)
    text = pandoc_text(red)
    assert text.index("Changes against First Draft") < text.index("The General Assembly,")
    # every number the notes give is the new version's: where it went, and what it followed
    assert "[moved to OP 12]" in text and "[moved from after OP 8]" in text


def test_html_bold_and_strike_out(first_draft):
    import html5lib
    html = build_redline_html(build_redline(first_draft, edited(first_draft))).decode()
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    dels = [("".join(e.itertext())) for e in doc.iter("del")]
    inss = [("".join(e.itertext())) for e in doc.iter("ins")]
    assert "shall" in dels and "should" in inss
    assert any("to review these modalities in 2018;" in s for s in inss)
    assert "request" in inss and "reduest" in dels   # inside the footnote
    legend = doc.find(".//div[@class='legend']")
    assert "Changes against First Draft" in "".join(legend.itertext())
    assert "ins { text-decoration: none; font-weight: bold; }" in html


# ------------------------------------------------------------------ the command

def test_cli_writes_all_three_forms(first_draft, tmp_path):
    new = tmp_path / "rev1.draft"
    save_draft(edited(first_draft), new)
    old = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
    for name in ("r.docx", "r.html", "v.docx"):
        args = ["redline", old, new, "-o", tmp_path / name] + (["--visual"] if name == "v.docx" else [])
        res = run_cli(*args)
        assert res.returncode == 0, res.stderr
        assert "1 moved" in res.stderr and "2 inserted" in res.stderr
    assert count(tmp_path / "r.docx", "ins") > 0 and count(tmp_path / "v.docx", "ins") == 0


def test_bad_input_is_one_line_exit_2_and_nothing_written(first_draft, tmp_path):
    old = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
    junk = tmp_path / "notes.draft"
    junk.write_text("these are my notes\n")
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF-1.4")
    cases = [
        (junk, old, tmp_path / "a.docx", "not a draft"),
        (old, other, tmp_path / "b.docx", "not a readable PDF"),  # the PDF reader says why
        (old, old, tmp_path / "missing" / "c.docx", "does not exist"),
        (old, old, tmp_path / "d.odt", "cannot write a redline"),
    ]
    for a, b, out, message in cases:
        res = run_cli("redline", a, b, "-o", out)
        assert res.returncode == 2, res.stderr
        assert message in res.stderr and "Traceback" not in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.draft", "notes.pdf"]


# ------------------------------------------------------------------ preview

REV1 = ROOT / "drafts" / "gcm-modalities" / "rev1.draft"
Q01 = ROOT / "examples" / "preview" / "Q-01.yaml"


def test_preview_shows_the_delegations_changes_and_flags_conflicts(tmp_path):
    import docx as python_docx
    out = tmp_path / "preview.docx"
    res = run_cli("preview", REV1, Q01, "-o", out)
    assert res.returncode == 0, res.stderr
    assert "2 conflicts" in res.stderr
    assert "R-21/1 by Co-facilitators" in res.stderr and "R-22/1 by Delegation B" in res.stderr
    body = parts(out)["word/document.xml"]
    authors = {el.get(f"{W}author") for el in body.iter(f"{W}ins", f"{W}del")}
    assert authors == {"Delegation Q"}
    deleted = [t.text for t in body.iter(f"{W}delText")]
    assert "four" in deleted and "on an as-available basis" in deleted
    # the clashes are Word comments anchored in the paragraphs concerned
    comments = python_docx.Document(str(out)).comments
    texts = [c.text for c in comments]
    assert len(texts) == 2 and any("R-22/1" in t and "Delegation B" in t for t in texts)
    # pandoc accepting everything reads the draft with the proposal applied
    from assembler.amendments import apply_proposals, load_proposal
    from assembler.source import load_draft
    applied, _ = apply_proposals(load_draft(REV1), [load_proposal(Q01)], mode="all")
    write(tmp_path, "applied.docx", build_docx(applied))
    assert pandoc_text(out, "accept") == pandoc_text(tmp_path / "applied.docx")


def test_preview_html_flags_conflicts(tmp_path):
    import html5lib
    out = tmp_path / "preview.html"
    res = run_cli("preview", REV1, Q01, "-o", out)
    assert res.returncode == 0, res.stderr
    doc = html5lib.parse(out.read_text(), namespaceHTMLElements=False)
    notes = ["".join(a.itertext()) for a in doc.iter("aside")]
    assert len(notes) == 2 and any("R-21/1" in n for n in notes)
    assert "Delegations" not in notes[0]


def test_preview_of_a_proposal_that_does_not_apply(tmp_path):
    bad = tmp_path / "Q-02.yaml"
    bad.write_text("id: Q-02\nproposer: Delegation Q\ndate: 2017-01-21\nbase: rev1\nchanges:\n"
                   "  - kind: replace-words\n    target: OP 24\n    words: in October 2031\n"
                   "    text: in November 2031\n")
    out = tmp_path / "p.docx"
    res = run_cli("preview", REV1, bad, "-o", out)
    assert res.returncode == 2, res.stderr
    assert "Q-02" in res.stderr and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert not out.exists()
    res = run_cli("preview", REV1, Q01, "-o", tmp_path / "nowhere" / "p.docx")
    assert res.returncode == 2 and "does not exist" in res.stderr


# ------------------------------------------------------------------ as a person sees it

@pytest.mark.slow
def test_libreoffice_opens_the_redline_and_shows_the_changes(first_draft, tmp_path):
    import shutil
    import subprocess
    from conftest import soffice_pdf
    red = write(tmp_path, "redline.docx", build_redline_docx(build_redline(first_draft,
                                                                          edited(first_draft))))
    pdf = soffice_pdf(red, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # tracked changes are shown, not applied: deleted and inserted words are both on the page
    assert "shall should" in " ".join(text.split()).replace("shallshould", "shall should")
    assert "to review these modalities in 2018" in text
    assert "Invites intergovernmental organizations" in " ".join(text.split())  # deleted OP 4
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf),
                        str(tmp_path / "page")], check=True)
        assert (tmp_path / "page-1.png").stat().st_size > 10_000


@pytest.mark.slow
def test_bold_strike_out_pdf(tmp_path):
    import subprocess
    import shutil
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed (make sysdeps)")
    out = tmp_path / "redline.pdf"
    first = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
    res = run_cli("redline", first, REV1, "-o", out)
    assert res.returncode == 0, res.stderr
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Changes against First Draft of the Resolution of 22 December 2016" in text


def test_rev1_against_the_first_draft_masthead_included(first_draft, tmp_path):
    """The demo's redline: Rev.1 (made by `apply` from eighteen proposals) against the first
    draft; the masthead's date and stage are tracked too, so both sides read whole."""
    from assembler.source import load_draft
    from assembler.compare.authors import attribution_from
    from assembler.compare.redline import default_who
    rev1 = load_draft(REV1)
    red = check_both_sides(tmp_path, first_draft, rev1,
                           attribution=attribution_from(rev1, default_who(rev1)))
    deleted = [t.text for t in parts(red)["word/document.xml"].iter(f"{W}delText")]
    assert "22 December 2016" in deleted and "First Draft of the Resolution" in deleted
    authors = {el.get(f"{W}author") for el in parts(red)["word/document.xml"].iter(f"{W}ins")}
    assert {"Delegation A", "Group of Friends of X", "Delegation M"} <= authors


def test_authors_across_two_rounds(tmp_path):
    """Rev.2 against the first draft: Rev.2 records the second round's proposers, Rev.1 (which
    Rev.2 is based on) the first round's; the redline signs changes from both."""
    out = tmp_path / "r.docx"
    first = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
    res = run_cli("redline", first, ROOT / "drafts" / "gcm-modalities" / "rev2.draft", "-o", out)
    assert res.returncode == 0, res.stderr
    body = parts(out)["word/document.xml"]
    authors = {el.get(f"{W}author") for el in body.iter(f"{W}ins", f"{W}del", f"{W}moveFrom")}
    assert {"Delegation N", "Delegation I", "Delegation B"} <= authors  # rounds 1 and 2


def test_table_rows_inserted_and_deleted_as_rows(tmp_path):
    """The Secretariat's mapping of events (an annex table): one row replaced by another is
    a deleted row then an inserted row, tracked on the rows themselves."""
    from assembler.model import Row, Table
    from assembler.source import load_draft
    from test_redline_property import words
    d = load_draft(ROOT / "drafts" / "gcm-modalities" / "events-mapping.draft")
    annex = d.annexes[0]
    table = next(b for b in annex.body if isinstance(b, Table))
    width = len(table.rows[1].cells)
    rows = table.rows[:2] + (Row("new.r", tuple((Text(f"New cell {i}"),) for i in range(width))),) \
        + table.rows[3:]
    new_table = replace(table, rows=rows)
    new = replace(d, annexes=(replace(annex, body=tuple(new_table if b is table else b
                                                         for b in annex.body)),))
    r = build_redline(d, new)
    assert [(u.status, u.unit.id) for u in r.changed_units()] == [
        ("deleted", table.rows[2].id), ("inserted", "new.r")]
    red = write(tmp_path, "r.docx", build_redline_docx(r))
    write(tmp_path, "new.docx", build_docx(new))
    write(tmp_path, "old.docx", build_docx(d))
    assert words(red, "accept") == words(tmp_path / "new.docx")
    assert words(red, "reject") == words(tmp_path / "old.docx")
    body = parts(red)["word/document.xml"]
    assert len(body.findall(f".//{W}trPr/{W}del")) == 1
    assert len(body.findall(f".//{W}trPr/{W}ins")) == 1
