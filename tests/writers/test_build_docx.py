"""The built .docx, read back by independent readers (pandoc, python-docx, LibreOffice)."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from lxml import etree

from conftest import FIRST_DRAFT, pandoc_text, run_cli, soffice_pdf
from seedtext import LABEL, seed_resolution_lines


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "first-draft.docx"
    res = run_cli("build", FIRST_DRAFT, "-o", out)
    assert res.returncode == 0, res.stderr
    return out


def _clean_seed_line(line: str) -> str:
    s = re.sub(r"^#+\s*", "", line.strip())
    s = re.sub(r"^-\s+", "", s)
    s = re.sub(r"^\d+\.\s+", "", s)
    s = LABEL.sub("", s)
    s = re.sub(r"<sup>\d+</sup>", "", s)
    return re.sub(r"<sup>(.*?)</sup>", r"\1", s).replace("*", "")


def test_pandoc_finds_every_paragraph_in_order(built, seed_path):
    text = pandoc_text(built)
    # a footnote's marker is "[1]", its second marker (Word's NOTEREF) the number raised
    flat = re.sub(r"\[\d+\]|[\u00b9\u00b2\u00b3]", "", text).replace("^(rd)", "rd")
    flat = re.sub(r"\s+", " ", flat)
    pos = 0
    for line in seed_resolution_lines(seed_path):
        if not line.strip() or line.lstrip().startswith("<sup>"):
            continue
        wanted = re.sub(r"\s+", " ", _clean_seed_line(line)).strip()
        found = flat.find(wanted, pos)
        assert found >= 0, f"not found after position {pos}: {wanted[:80]}"
        pos = found + len(wanted)
    numbers = re.findall(r"^\s*(\d+)\.\s", text, flags=re.M)
    assert numbers == [str(n) for n in range(1, 29)]
    # the footnote marked twice is printed once, its number under both markers
    assert re.findall(r"^\[(\d+)\] The list of proposed", text, flags=re.M) == ["1"]
    assert re.findall(r"April 201[78](\[1\]|\u00b9);", text) == ["[1]", "\u00b9"]


def test_footnotes_are_real_word_footnotes(built):
    with zipfile.ZipFile(built) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    refs = [e.get(f"{w}id") for e in doc.iter(f"{w}footnoteReference")]
    bodies = {e.get(f"{w}id") for e in notes.iter(f"{w}footnote") if e.get(f"{w}type") is None}
    assert refs == ["2"] and set(refs) == bodies  # one note, its second marker a NOTEREF
    fields = [t.text.split()[0] for t in doc.iter(f"{w}instrText")]
    assert fields.count("NOTEREF") == 1


def test_lead_phrases_are_italic_runs(built):
    document = docx.Document(str(built))
    paragraphs = document.paragraphs
    italic_leads = {}
    label = re.compile(r"\d+\.|\([a-z]+\)|[a-zA-Z][.)]")
    for p in paragraphs:
        runs = [r for r in p.runs if r.text.strip()]
        if runs and label.fullmatch(runs[0].text):
            runs = runs[1:]
        if runs:
            italic_leads.setdefault(runs[0].text, runs[0].italic)
    for lead in ("Recalling", "Recalling also", "Acknowledging", "Welcoming", "Decides",
                 "Underlines further", "Requests also", "Calls upon", "Urges", "Invites",
                 "Also decides", "Decides also", "The General Assembly,"):
        assert italic_leads.get(lead) is True, lead
    # words after the lead are not italic
    op2 = next(p for p in paragraphs if p.text.startswith("Underlines further"))
    assert op2._p.pPr.numPr is not None  # its number "2." is Word's own
    assert [r.italic for r in op2.runs if r.text.strip()][-1] in (None, False)


def test_page_is_a4_in_times_new_roman(built):
    document = docx.Document(str(built))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert document.styles["Normal"].font.name in (None, "Times New Roman")
    with zipfile.ZipFile(built) as z:
        styles = z.read("word/styles.xml").decode()
    assert 'w:ascii="Times New Roman"' in styles and '<w:sz w:val="20"/>' in styles


def test_libreoffice_renders_it(built, tmp_path):
    pdf = soffice_pdf(built, tmp_path)
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "First Draft of the Resolution" in text
    assert re.search(r"28\.\s+Urges", text)
    assert text.count("The list of proposed") == 1  # the one footnote at the foot of a page
    assert len(re.findall(r"April 201[78]1;", text)) == 2  # its number under both markers
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert 3 <= int(re.search(r"Pages:\s+(\d+)", pages).group(1)) <= 8


def test_build_is_deterministic(built, tmp_path):
    again = tmp_path / "again.docx"
    assert run_cli("build", FIRST_DRAFT, "-o", again).returncode == 0
    assert again.read_bytes() == built.read_bytes()


def test_build_refuses_unknown_format_and_missing_folder(tmp_path):
    res = run_cli("build", FIRST_DRAFT, "-o", tmp_path / "x.odt")
    assert res.returncode == 2 and "cannot write '.odt'" in res.stderr
    res = run_cli("build", FIRST_DRAFT, "-o", tmp_path / "nowhere" / "x.docx")
    assert res.returncode == 2 and "does not exist" in res.stderr
