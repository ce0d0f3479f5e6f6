"""Covering letters from data and templates, word for word against the seed's letters."""
from __future__ import annotations

import zipfile

import docx
import pytest

from assembler.source import load_draft
from assembler.writers.letters import letters_text, load_letter_data, render_letters
from conftest import ROOT, pandoc_text, run_cli

DRAFTS = ROOT / "drafts" / "gcm-modalities"
DATA = DRAFTS / "first-draft.letters.toml"


def words(s: str) -> list[str]:
    return s.split()


def seed_letters(seed_path) -> list[str]:
    """The seed's two letters (lines 1-38). The extraction put a stray apostrophe before the
    date in the PGA's letter ("dated '22 December"); it is not part of the letter."""
    text = "\n".join(seed_path.read_text("utf-8").splitlines()[:38])
    return words(text.replace("dated '22 December", "dated 22 December"))


def test_letters_match_the_seed_word_for_word(seed_path):
    d = load_draft(DRAFTS / "first-draft.draft")
    letters = render_letters(d, load_letter_data(DATA), DATA)
    assert [x.template for x in letters] == ["transmittal.j2", "co-facilitators.j2"]
    assert words(letters_text(letters)) == seed_letters(seed_path)


def test_letters_follow_the_data(tmp_path):
    """Change the meeting and the signatories: the letter says so."""
    text = DATA.read_text("utf-8").replace('room = "Conference Room 1"', 'room = "Conference Room 4"')
    text = text.replace('date = "16 January"', 'date = "20 January"')
    data = tmp_path / "x.letters.toml"
    data.write_text(text, "utf-8")
    d = load_draft(DRAFTS / "first-draft.draft")
    out = letters_text(render_letters(d, load_letter_data(data), data))
    assert "will take place on 20 January from 15:00 to 18:00 in Conference Room 4." in out
    # the draft's stage names what is circulated
    rev = d.__class__(d.metadata.with_values(stage="final"), d.preamble, d.operative)
    out = letters_text(render_letters(rev, load_letter_data(data), data))
    assert "we are pleased to circulate the final draft of the modalities resolution" in out


def test_build_with_letter_puts_letters_before_the_draft(tmp_path, seed_path):
    out = tmp_path / "with-letter.docx"
    r = run_cli("build", DRAFTS / "first-draft.draft", "--with-letter", "-o", out)
    assert r.returncode == 0, r.stderr
    text = pandoc_text(out)
    flat = " ".join(text.split())
    pga = flat.index("Please find attached a letter dated 22 December 2016")
    cofac = flat.index("We are pleased to write to you in our capacity as co-facilitators")
    draft = flat.index("First Draft of the Resolution")
    assert pga < cofac < draft
    assert flat.count("Please accept, Excellency, the assurances of") == 2
    # the signatories stand side by side, each with name and title
    doc = docx.Document(str(out))
    sig = [t for t in doc.tables if "Jürg Lauber" in t._element.xml]
    assert sig and [c.paragraphs[0].text for c in sig[0].rows[0].cells] == \
        ["Juan José Gómez Camacho", "Jürg Lauber"]


def docx_reading_order(path) -> str:
    """Paragraphs in body order; a table read cell by cell (a signatory's name, then title)."""
    doc = docx.Document(str(path))
    out = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[1]
        if tag == "p":
            out.append(docx.text.paragraph.Paragraph(block, doc).text)
        elif tag == "tbl":
            table = docx.table.Table(block, doc)
            for row in table.rows:
                out += [cell.text for cell in row.cells]
    return "\n".join(out)


@pytest.mark.parametrize("ext", ["docx", "html", "txt"])
def test_letter_alone(tmp_path, ext, seed_path):
    out = tmp_path / f"letters.{ext}"
    r = run_cli("letter", DRAFTS / "first-draft.draft", "-o", out)
    assert r.returncode == 0, r.stderr
    if ext == "docx":
        text = docx_reading_order(out)
    elif ext == "html":
        import html5lib
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        tree = parser.parse(out.read_bytes())
        text = " ".join(tree.find("body").itertext())
    else:
        text = out.read_text("utf-8")
    assert words(text) == seed_letters(seed_path)


def test_missing_template_is_named_and_nothing_written(tmp_path):
    data = tmp_path / "bad.letters.toml"
    data.write_text(DATA.read_text("utf-8").replace('template = "transmittal.j2"',
                                                    'template = "no-such-letter.j2"'), "utf-8")
    out = tmp_path / "x.docx"
    r = run_cli("build", DRAFTS / "first-draft.draft", "--with-letter", "--letter-data", data,
                "-o", out)
    assert r.returncode == 2
    assert "no-such-letter.j2" in r.stderr and "does not exist" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not out.exists()


def test_failing_template_names_its_line(tmp_path):
    tpl = tmp_path / "mine.j2"
    tpl.write_text("[date] {{ letter.date }}\n\nDear colleagues,\n\n{{ letter.no_such_field }}\n")
    data = tmp_path / "mine.letters.toml"
    data.write_text('[[letter]]\ntemplate = "mine.j2"\ndate = "1 May 2017"\n', "utf-8")
    out = tmp_path / "x.txt"
    r = run_cli("letter", DRAFTS / "first-draft.draft", "--letter-data", data, "-o", out)
    assert r.returncode == 2
    assert f"{tpl}:5" in r.stderr and "no_such_field" in r.stderr
    assert not out.exists()


def test_letter_templates_are_sandboxed(tmp_path):
    tpl = tmp_path / "evil.j2"
    tpl.write_text("{{ letter.__class__.__mro__[1].__subclasses__() }}\n")
    data = tmp_path / "evil.letters.toml"
    data.write_text('[[letter]]\ntemplate = "evil.j2"\n', "utf-8")
    out = tmp_path / "x.txt"
    r = run_cli("letter", DRAFTS / "first-draft.draft", "--letter-data", data, "-o", out)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {tpl}:1: template tried something "
                                                   "a template may not do"), lines
    assert "__class__" in lines[0] and "unsafe" in lines[0]
    assert not out.exists()


def test_no_letter_data(tmp_path):
    draft = tmp_path / "lonely.draft"
    draft.write_bytes((DRAFTS / "first-draft.draft").read_bytes())
    r = run_cli("build", draft, "--with-letter", "-o", tmp_path / "x.docx")
    assert r.returncode == 2 and "lonely.letters.toml" in r.stderr
    assert not (tmp_path / "x.docx").exists()


def test_letters_before_an_issued_text_keep_out_of_its_furniture(tmp_path):
    """Letters before a resolution form their own section: no header, no job number, and
    the resolution's pages are numbered from 1 over its own total."""
    out = tmp_path / "res.docx"
    r = run_cli("build", DRAFTS / "resolution.draft", "--with-letter", "--letter-data", DATA,
                "-o", out)
    assert r.returncode == 0, r.stderr
    doc = docx.Document(str(out))
    letters, text = doc.sections[0], doc.sections[-1]
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert letters._sectPr.find(W + "headerReference") is None
    assert letters._sectPr.find(W + "footerReference") is None
    assert text.different_first_page_header_footer
    assert text._sectPr.find(W + "pgNumType").get(W + "start") == "1"
    fields = [i.text.strip() for i in text.footer._element.iter(W + "instrText")]
    assert fields == ["PAGE", "SECTIONPAGES"]


def test_letters_before_an_issued_text_in_pdf(tmp_path):
    import shutil
    import subprocess
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or poppler missing (make sysdeps)")
    out = tmp_path / "res.pdf"
    r = run_cli("build", DRAFTS / "resolution.draft", "--with-letter", "--letter-data", DATA,
                "-o", out)
    assert r.returncode == 0, r.stderr
    pages = [p for p in subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                                       text=True, check=True).stdout.split("\f") if p.strip()]
    first = next(i for i, p in enumerate(pages) if "*1705719*" in p)
    assert first == 2  # the two letters, then the resolution's first page
    total = len(pages) - first
    for n, page in enumerate(pages[first + 1:], 2):
        assert f"{n}/{total}" in page
    assert not any("17-05719" in p for p in pages[:first])


def test_letters_and_an_informal_draft_in_pdf_each_count_their_own_pages(tmp_path):
    """The seed's letters before its First Draft, as a PDF: the letters are "1/2", "2/2" and
    the draft counts from 1 of its own pages (it once went on from the letters': "3/7")."""
    import subprocess
    out = tmp_path / "first.pdf"
    r = run_cli("build", DRAFTS / "first-draft.draft", "--with-letter", "-o", out)
    assert r.returncode == 0, r.stderr
    pages = [p for p in subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                                       text=True, check=True).stdout.split("\f") if p.strip()]
    assert "1/2" in pages[0] and "2/2" in pages[1] and "Excellency" in pages[1]
    total = len(pages) - 2
    for n, page in enumerate(pages[2:], 1):
        assert f"{n}/{total}" in page, (n, page[-200:])


def test_the_letters_alone_number_their_pages(tmp_path):
    out = tmp_path / "letters.docx"
    assert run_cli("letter", DRAFTS / "first-draft.draft", "-o", out).returncode == 0
    footers = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("word/footer")]
    assert footers and any(b"NUMPAGES" in zipfile.ZipFile(out).read(n) for n in footers)
