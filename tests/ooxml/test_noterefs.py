"""A footnote marked twice (the first draft's footnote 1, under OP 6 (b) and (c), as in the
seed): one Word footnote, the second marker a NOTEREF field to a bookmark on the first
reference that prints the footnote's number; read back, the same footnote under both
markers, whether the bookmark is Word's (around the mark) or LibreOffice's (a point before
it), and the draft comes back exactly."""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from conftest import FIRST_DRAFT, ROOT, pandoc_text
from assembler.ooxml.builder import DocumentBuilder
from assembler.ooxml.formats import Run
from assembler.ooxml.reader import read_docx
from assembler.readers.docx import read_docx_draft
from assembler.source import load_draft
from assembler.source.writer import dump_draft
from assembler.writers.docx.draft import build_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@pytest.fixture(scope="module")
def built() -> bytes:
    return build_docx(load_draft(FIRST_DRAFT))


def part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return etree.fromstring(z.read(name), PARSER)


def with_document(docx: bytes, edit) -> bytes:
    """The same file with word/document.xml's text passed through `edit`."""
    src, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                changed = edit(data.decode())
                assert changed != data.decode(), "the edit found nothing to change"
                data = changed.encode()
            z.writestr(item, data)
    return out.getvalue()


def field_runs(instr: etree._Element) -> list[etree._Element]:
    """The runs of the field whose instruction is `instr`, from its begin to its end."""
    run = instr.getparent()
    runs = [run.getprevious(), run]
    while runs[-1].find(f"{W}fldChar[@{W}fldCharType='end']") is None:
        runs.append(runs[-1].getnext())
    return runs


def test_one_word_footnote_and_a_noteref_field_to_its_first_reference(built):
    notes = [f for f in part(built, "word/footnotes.xml").iter(f"{W}footnote")
             if f.get(f"{W}type") is None]
    assert len(notes) == 1
    doc = part(built, "word/document.xml")
    assert [r.get(f"{W}id") for r in doc.iter(f"{W}footnoteReference")] == \
        [notes[0].get(f"{W}id")]
    instrs = [t for t in doc.iter(f"{W}instrText") if "NOTEREF" in t.text]
    assert len(instrs) == 1
    name, *switches = instrs[0].text.split()[1:]
    assert switches == ["\\f", "\\h"]  # the number as a reference mark, a link to the note
    start = next(b for b in doc.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == name)
    mark = start.getnext()
    assert mark.find(f"{W}footnoteReference") is not None
    end = mark.getnext()
    assert end.tag == f"{W}bookmarkEnd" and end.get(f"{W}id") == start.get(f"{W}id")
    runs = field_runs(instrs[0])
    assert "".join(t.text for r in runs for t in r.iter(f"{W}t")) == "1"
    assert {r.find(f"{W}rPr/{W}rStyle").get(f"{W}val") for r in runs} == {"FootnoteReference"}
    # the field stands where the draft's second marker is: after "April 2018"
    assert "".join(runs[0].getparent().itertext()).startswith("Requests the President")
    assert "April 20181;" in "".join(t.text or "" for t in runs[0].getparent().iter(f"{W}t"))


def test_the_draft_with_a_footnote_marked_twice_reads_back_exactly(built):
    back = read_docx_draft(built)
    assert back.warnings == []
    assert dump_draft(back.draft) == FIRST_DRAFT.read_text("utf-8")


def libreoffice_form(xml: str) -> str:
    """LibreOffice saves a NOTEREF's bookmark as a point just before the footnote mark."""
    return re.sub(r'(<w:bookmarkStart w:id="(\d+)" w:name="_RefNote\d+"/>)(<w:r>.*?</w:r>)'
                  r'(<w:bookmarkEnd w:id="\2"/>)', r"\1\4\3", xml, count=1)


@pytest.mark.parametrize("form", ["word", "libreoffice"])
def test_the_second_marker_reads_as_the_footnote_it_refers_to(built, form):
    docx = built if form == "word" else with_document(built, libreoffice_form)
    doc = read_docx(docx)
    # (a reference to an operative paragraph is a REF field too, to its unit's bookmark)
    marks = [(p.location, r) for p in doc.paragraphs() for r in p.runs
             if r.footnote is not None or (r.noteref and not r.noteref.startswith("_u"))]
    assert [r.footnote for _, r in marks] == ["2", "2"]
    assert not any(r.text for _, r in marks)  # the field's printed "1" is no text
    assert marks[0][0] != marks[1][0]         # OP 6 (b), then OP 6 (c)
    if form == "libreoffice":
        back = read_docx_draft(docx)
        assert dump_draft(back.draft) == FIRST_DRAFT.read_text("utf-8")


def test_a_noteref_to_no_footnote_keeps_its_printed_text(built):
    """A NOTEREF whose bookmark marks no footnote (dangling) is read as what it prints."""
    docx = with_document(built, lambda x: x.replace("NOTEREF _RefNote2", "NOTEREF _RefGone"))
    doc = read_docx(docx)
    second = next(p for p in doc.paragraphs() if "April 2018" in p.text)
    assert second.text.endswith("April 20181;")
    assert all(r.footnote is None for r in second.runs)


def numbered_after_own_mark() -> bytes:
    """A "*" note of its own (the UN's sponsors note), then notes A and B, B marked twice:
    a mark of its own takes no number, so B's second marker prints 2."""
    b = DocumentBuilder()
    star = b.footnote([[Run("Reissued for technical reasons.")]], mark="*")
    a = b.footnote([[Run("Note A.")]])
    n = b.footnote([[Run("Note B.")]])
    b.paragraph([Run("Title"), Run(footnote=star)])
    b.paragraph([Run("First"), Run(footnote=a), Run(" and second"), Run(footnote=n)])
    b.paragraph([Run("Again the second"), Run(footnote=n), Run(".")])
    return b.to_bytes()


def test_a_mark_of_its_own_takes_no_number_in_the_noteref_result():
    doc = part(numbered_after_own_mark(), "word/document.xml")
    instr = next(t for t in doc.iter(f"{W}instrText") if "NOTEREF" in t.text)
    assert "".join(t.text for r in field_runs(instr) for t in r.iter(f"{W}t")) == "2"
    read = read_docx(numbered_after_own_mark())
    refs = [r.footnote for p in read.paragraphs() for r in p.runs if r.footnote]
    assert refs[1:] == [refs[1], refs[2], refs[2]] and refs[1] != refs[2]


SYSTEM_PYTHON = "/usr/bin/python3"


@pytest.mark.slow
def test_libreoffice_and_pandoc_print_the_number_under_both_markers(built, tmp_path):
    if not shutil.which("soffice"):
        pytest.fail("LibreOffice is missing (make sysdeps installs it)")
    first, own = tmp_path / "first-draft.docx", tmp_path / "own-mark.docx"
    first.write_bytes(built)
    own.write_bytes(numbered_after_own_mark())
    run = subprocess.run([SYSTEM_PYTHON, str(ROOT / "tests" / "uno_paragraphs.py"),
                          str(tmp_path / "profile"), f"{first}:as-is", f"{own}:as-is"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    notes = seen[f"{first}:as-is"]["notes"]
    assert notes["footnotes"] == ["1"]                        # one note, printed once
    # the second marker (the other references are to operative paragraphs, "_uop_...")
    assert [printed for name, printed in notes["references"]
            if not name.startswith("_u")] == ["1"]
    assert seen[f"{own}:as-is"]["notes"]["footnotes"] == ["*", "1", "2"]
    assert [p for name, p in seen[f"{own}:as-is"]["notes"]["references"]
            if not name.startswith("_u")] == ["2"]
    # pandoc: one footnote, the second marker its number as a superscript
    md = pandoc_text(first, to="markdown")
    assert len(re.findall(r"^\[\^\d+\]:", md, re.M)) == 1
    assert re.search(r"April 2017\[\^1\];", md) and re.search(r"April 2018\^1\^;", md)


def test_two_second_markers_side_by_side_stay_two():
    """A footnote marked three times, its second and third markers side by side (a case
    the generated drafts of tests/readers/test_docx_import.py found): two fields, two marks."""
    b = DocumentBuilder()
    n = b.footnote([[Run("Note.")]])
    b.paragraph([Run("Once"), Run(footnote=n)])
    b.paragraph([Run("Twice"), Run(footnote=n), Run(footnote=n), Run(".")])
    second = list(read_docx(b.to_bytes()).paragraphs())[1]
    assert [r.footnote for r in second.runs] == [None, str(n), str(n), None]
