"""Every Word file the commands write, as Word and LibreOffice take it: bookmark names unique
in the file, page numbers on every page after the first of a file that runs past a page,
footnotes in the text column, and unit ids that survive a redline read back."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, run_cli
from products import DEMO_DOCX, write_products
from assembler.source import load_draft

DRAFTS = ROOT / "drafts" / "gcm-modalities"
AMENDMENTS = ROOT / "amendments" / "gcm-modalities"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

# every product written as .docx: (file name, command line), from the demo's list
PRODUCTS = {name: DEMO_DOCX[name] for name in (
    "first-draft", "with-letter", "l-document", "resolution", "events-mapping", "redline",
    "redline-visual", "compilation", "comparison")}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    return write_products(PRODUCTS, tmp_path_factory.mktemp("office"))


def xml_parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as z:
        return {n: etree.fromstring(z.read(n), PARSER) for n in z.namelist()
                if n.startswith("word/") and n.endswith(".xml")}


@pytest.mark.parametrize("name", sorted(PRODUCTS))
def test_bookmark_names_are_unique_in_every_docx(written, name):
    names = Counter(b.get(f"{W}name") for root in xml_parts(written[name]).values()
                    for b in root.iter(f"{W}bookmarkStart"))
    if name not in ("comparison", "compilation"):  # tables of versions carry no unit ids
        assert names, "no bookmarks at all"
    assert [n for n, k in names.items() if k > 1] == []


def test_a_footnote_under_two_markers_keeps_its_id_under_both(written):
    """The first draft's footnote serves two markers: it is one Word footnote carrying its
    id once (the second marker refers to it: tests/ooxml/test_noterefs.py), and reads back
    as the same footnote."""
    from assembler.readers.docx import read_docx_draft
    parts = xml_parts(written["first-draft"])
    names = [b.get(f"{W}name") for b in parts["word/footnotes.xml"].iter(f"{W}bookmarkStart")]
    assert names == ["_ufn_fn1"]
    back = read_docx_draft(written["first-draft"]).draft
    assert back.footnotes == load_draft(DRAFTS / "first-draft.draft").footnotes


def test_footnotes_are_set_in_the_text_column_with_a_hanging_number(written):
    parts = xml_parts(written["first-draft"])
    style = next(s for s in parts["word/styles.xml"].iter(f"{W}style")
                 if s.get(f"{W}styleId") == "FootnoteText")
    ind = style.find(f"{W}pPr/{W}ind")
    assert ind is not None and int(ind.get(f"{W}hanging")) > 0
    assert int(ind.get(f"{W}left")) > int(ind.get(f"{W}hanging"))  # in from the margin
    note = next(f for f in parts["word/footnotes.xml"].iter(f"{W}footnote")
                if f.get(f"{W}id") == "2")
    first_runs = [r for r in note.iter(f"{W}r")][:2]
    assert first_runs[0].find(f"{W}footnoteRef") is not None
    assert first_runs[1].find(f"{W}tab") is not None


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.mark.slow
def test_every_multi_page_docx_numbers_its_pages(written, tmp_path):
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler-utils are needed (make sysdeps)")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/p",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *map(str, written.values())], capture_output=True, timeout=900, check=True)
    multi = 0
    for name, path in written.items():
        pages = pdf_pages(tmp_path / f"{path.stem}.pdf")
        if len(pages) < 2:
            continue
        multi += 1
        total = len(pages)
        for n, page in enumerate(pages[1:], 2):
            assert re.search(rf"(?<!\d){n}\s*/\s*{total}(?!\d)", page), \
                f"{name}: no page number {n}/{total} on page {n}"
    assert multi >= 6


def test_a_redline_read_back_accepting_its_changes_keeps_the_ids(written, tmp_path):
    """`import --changes accept` of the Rev.1 redline gives Rev.1's units with Rev.1's ids
    (the bookmarks are the new version's: rejecting reads kept units by their new ids)."""
    for changes, version in (("accept", "rev1"),):
        out = tmp_path / f"{changes}.draft"
        r = run_cli("import", written["redline"], "--changes", changes, "-o", out)
        assert r.returncode == 0, r.stderr
        back, want = load_draft(out), load_draft(DRAFTS / f"{version}.draft")
        assert ids(back) == ids(want), changes


def ids(draft) -> list[str]:
    out: list[str] = []

    def walk(units):
        for u in units:
            out.append(u.id)
            walk(getattr(u, "children", ()))
    walk(draft.preamble)
    walk(draft.operative)
    return out + [f.id for f in draft.footnotes]


# ------------------------------------------------------------------ the .xlsx

@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "comparison.xlsx"
    r = run_cli("compare", DRAFTS / "first-draft.draft", DRAFTS / "rev1.draft",
                DRAFTS / "rev2.draft", "-o", path)
    assert r.returncode == 0, r.stderr
    return path


def test_xlsx_prints_on_a4_landscape_with_titles_and_rows_tall_enough(workbook):
    import openpyxl
    wb = openpyxl.load_workbook(workbook)
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "landscape"  # A4
        assert ws.print_title_rows.replace("$", "") == "1:1"
        widths = {c: ws.column_dimensions[c].width for c in ws.column_dimensions}
        for row in ws.iter_rows(min_row=2):
            height = ws.row_dimensions[row[0].row].height
            assert height is not None, f"{ws.title} row {row[0].row} has no height"
            longest = max(len(str(c.value or "")) / (widths.get(c.column_letter) or 9)
                          for c in row)
            assert height >= 15 * max(1, int(longest * 0.8)), (ws.title, row[0].row)
        # one page wide, as many down as it takes
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert not ws.col_breaks.brk
    # the versions side by side: each one's number and text, then the columns for the screen
    comparison = wb["Comparison"]
    header = [c.value for c in comparison[1]]
    assert header[2:8] == [f"{v}: {f}" for v in ("First Draft (22 December 2016)",
                                                   "Rev.1 (13 January 2017)",
                                                   "Rev.2 (24 January 2017)")
                           for f in ("number", "text")]
    assert comparison.print_area.replace("$", "").split("!")[-1] == f"A1:H{comparison.max_row}"


def test_xlsx_marks_changes_inside_the_cells_as_rich_text(workbook):
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText
    ws = openpyxl.load_workbook(workbook, rich_text=True)["Comparison"]
    header = [c.value for c in ws[1]]
    rev1_text = header.index(next(h for h in header if h.startswith("Rev.1") and h.endswith(": text"))) + 1
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "op1.a")
    cell = row[rev1_text - 1].value
    assert isinstance(cell, CellRichText)
    struck = [b.text for b in cell if not isinstance(b, str) and b.font.strike]
    bold = [b.text for b in cell if not isinstance(b, str) and b.font.b]
    assert "73rd" in "".join(struck) and "seventy-third" in "".join(bold)
    # the text's own italics (the lead) are kept in unchanged cells too
    lead = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "op2")[rev1_text - 1].value
    assert any(not isinstance(b, str) and b.font.i for b in lead)


@pytest.mark.slow
def test_calc_prints_the_xlsx_on_a4_with_page_numbers(workbook, tmp_path):
    if not shutil.which("soffice") or not shutil.which("pdfinfo"):
        pytest.skip("LibreOffice and poppler-utils are needed (make sysdeps)")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/p",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbook)],
                   capture_output=True, timeout=600, check=True)
    pdf = tmp_path / "comparison.pdf"
    if not pdf.exists():
        pytest.skip("LibreOffice Calc is not installed (libreoffice-calc-nogui)")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(w), round(h)) == (842, 595)  # A4 landscape, in points
    pages = pdf_pages(pdf)
    assert all(re.search(rf"(?<!\d){n}/{len(pages)}(?!\d)", p) for n, p in enumerate(pages, 1))
    # the three versions on one page, on every page of the comparison, header repeated
    import openpyxl
    sheet = openpyxl.load_workbook(workbook)["Comparison"]
    rows = sheet.max_row - 1
    table = [p for p in pages if "Rev.1 (13 January 2017): text" in p]
    assert table and all("First Draft (22 December 2016): text" in p
                         and "Rev.2 (24 January 2017): text" in p for p in table)
    # every row is on the table's pages; no word is broken: each word of the versions'
    # numbers and of the concordances' changes, and each header word, prints whole
    ids = {c.value for c in sheet["A"][1:]}
    assert len({w for p in table for w in p.split()} & ids) == rows
    def words(cells) -> set[str]:
        return {w for c in cells for w in str(c.value).split()}

    wb = openpyxl.load_workbook(workbook)
    assert words(sheet[1][:8]) - {w for p in table for w in p.split()} == set()
    concordance = {w for p in pages if "rationale" in p for w in p.split()}
    for ws in wb.worksheets[1:]:
        assert (words(ws[1]) | words(ws["C"])) - concordance == set()


# ------------------------------------------------------------------ the compilation

def test_compilation_keeps_the_texts_formatting_and_shows_no_internal_ids(written):
    import docx
    d = docx.Document(str(written["compilation"]))
    runs = [r for p in d.paragraphs for r in p.runs]
    assert any(r.text.startswith("Acknowledging") and r.italic for r in runs)  # the lead
    assert any(r.text == "rd" and r.font.superscript for r in runs)  # "73rd"
    text = "\n".join(p.text for p in d.paragraphs)
    assert "with id" not in text and not re.search(r"\((op|pp)\d", text)
    assert "first-draft" not in text and "First Draft" in text
    # no stray placement label under an inserted paragraph's prose
    assert "new preambular paragraph after preambular paragraph 4\n" not in text
    # struck and inserted words do not touch
    assert "73rd session seventy-third session" in text.replace("  ", " ")
    assert "sessionseventy" not in text


# ------------------------------------------------------------------ illustrative versions

@pytest.mark.parametrize("name", ["l-document", "resolution"])
def test_an_illustrative_note_shows_on_screen_only(written, name, tmp_path):
    """docs/faces.md: the HTML shows why a symbol is not real on screen, never in print;
    Word and plain text (printed faces) carry no such line, the Word file keeps the reason
    in its document properties."""
    import docx
    d = docx.Document(str(written[name]))
    assert not any("Illustrative" in p.text for p in d.paragraphs)
    with zipfile.ZipFile(written[name]) as z:
        assert "illustrative" in z.read("docProps/custom.xml").decode()
    txt = tmp_path / f"{name}.txt"
    assert run_cli("build", DRAFTS / f"{name}.draft", "-o", txt).returncode == 0
    assert "Illustrative" not in txt.read_text("utf-8")
    html = tmp_path / f"{name}.html"
    assert run_cli("build", DRAFTS / f"{name}.draft", "-o", html).returncode == 0
    page = html.read_text("utf-8")
    assert 'class="illustrative">Illustrative:' in page
    print_css = page[page.index("@media print"):]
    assert re.search(r"\.illustrative[^{]*\{\s*display:\s*none", print_css)
