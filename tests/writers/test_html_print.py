"""The HTML outputs printed from a browser (headless Chromium): each on the paper its Word
twin uses (informal papers A4, issued faces US Letter, tables A4 landscape), every page
numbered "page/total" (an issued face from page 2, as the UN's)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from unpages import find, lines, print_html as print_pdf, rules

DRAFTS = ROOT / "drafts" / "gcm-modalities"
AMENDMENTS = ROOT / "amendments" / "gcm-modalities"

# output, its command, the paper in points (width, height)
A4, A4_LANDSCAPE, LETTER = (595, 842), (842, 595), (612, 792)
PRINTED = {
    "compilation.html": (("compile", DRAFTS / "first-draft.draft", AMENDMENTS / "rev1"), A4),
    "redline.html": (("redline", DRAFTS / "first-draft.draft", DRAFTS / "rev1.draft"), A4),
    "comparison.html": (("compare", DRAFTS / "first-draft.draft", DRAFTS / "rev1.draft",
                         DRAFTS / "rev2.draft"), A4_LANDSCAPE),
    "concordance.html": (("concordance", "gcm-modalities", "--pairs", "each"), A4_LANDSCAPE),
    "l-81.html": (("build", ROOT / "drafts" / "cuba-embargo" / "l-81.draft"), LETTER),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PRINTED))
def test_html_prints_on_its_paper_with_page_numbers(name, tmp_path):
    if not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils is needed (make sysdeps)")
    args, paper = PRINTED[name]
    html = tmp_path / name
    r = run_cli(*args, "-o", html, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    pdf = tmp_path / "out.pdf"
    print_pdf(html, pdf, tmp_path / "profile")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(w), round(h)) == paper
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    assert len(pages) > 1
    for n, page in enumerate(pages, 1):
        if paper == LETTER and n == 1:   # the UN's page 1: job number and bars, no number
            assert "26-17311" in page and not re.search(rf"(?<![\d/])1/{len(pages)}(?!\d)", page)
            # the masthead starts where the UN's does (A/80/L.2: "United Nations" at 57.8 pt)
            top = find(lines(pdf.read_bytes()), "United Nations", 0)
            assert abs(top.baseline - 57.8) <= 2, top
            continue
        assert re.search(rf"(?<!\d){n}/{len(pages)}(?!\d)", page), (name, n)


UN_L2 = ROOT.parent / "shared" / "real" / "pdf" / "A_80_L.2.pdf"


@pytest.mark.slow
def test_the_html_issued_masthead_stands_where_the_uns_does(tmp_path):
    """l-81's HTML face printed by Chromium against A/80/L.2 (an L-document of the same
    face), as tests/writers/test_layout_measured.py holds the Word face: the masthead's
    columns, baselines and rules, and the running header and footer, within 2 pt."""
    if not UN_L2.exists():
        pytest.skip("the real PDFs (../shared/real/pdf) are not beside this checkout")
    html, pdf = tmp_path / "l-81.html", tmp_path / "l-81.pdf"
    assert run_cli("build", ROOT / "drafts" / "cuba-embargo" / "l-81.draft", "-o", html).returncode == 0
    print_pdf(html, pdf, tmp_path / "profile")
    ours, theirs = lines(pdf.read_bytes()), lines(UN_L2.read_bytes())
    measured = []
    for start, page, what in (("United Nations", 0, "x0 baseline"), ("General Assembly", 0, "x0 baseline"),
                              ("Distr.:", 0, "x0 baseline"), ("Original:", 0, "x0 baseline"),
                              ("A/", 0, "x1"), ("A/8", 1, "x0 baseline"), ("2/2", 1, "x0 baseline")):
        a, b = find(ours, start, page), find(theirs, start, page)
        assert a and b, (start, page)
        for attr in what.split():
            measured.append((f"{start} p{page + 1} {attr}", getattr(a, attr), getattr(b, attr)))
    for k, ((ya, xa, xb), (yb, *_)) in enumerate(zip(rules(pdf.read_bytes())[:2], rules(UN_L2.read_bytes())[:2])):
        measured.append((("thin", "thick")[k] + " rule y", ya, yb))
    off = [(name, round(a, 1), round(b, 1)) for name, a, b in measured if abs(a - b) > 2]
    assert not off, off


REAL = ROOT.parent / "shared" / "real" / "pdf"


def ink_box(pdf: Path, clip: tuple, crossing: int = 150) -> tuple:
    """(x0, x1, y0, y1) of the rows of page 1 inside `clip` that cross many dark columns
    (the barcode's bars, not the text around them), 4 pixels a point."""
    import fitz
    page, z = fitz.open(str(pdf))[0], 4
    pix = page.get_pixmap(matrix=fitz.Matrix(z, z), clip=fitz.Rect(*clip), colorspace=fitz.csGRAY)
    w, s = pix.width, pix.samples
    rows = [y for y in range(pix.height) if sum(s[y * w + x] < 128 for x in range(w)) > crossing]
    cols = [x for x in range(w) if any(s[y * w + x] < 128 for y in rows)]
    assert rows and cols, f"nothing dark in {clip} of {pdf}"
    return (clip[0] + cols[0] / z, clip[0] + (cols[-1] + 1) / z,
            clip[1] + rows[0] / z, clip[1] + (rows[-1] + 1) / z)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["resolution", "l-document"])
def test_the_html_issued_face_stands_where_the_uns_does(name, tmp_path):
    """A/RES/80/4 (drafts/cuba-embargo/res-80-4.draft) and A/80/L.2 (as the importer reads
    the UN's PDF) as HTML, printed by Chromium, held to the UN's page 1 by the ruler
    tests/writers/test_layout_measured.py holds the Word face to: every position within
    2 pt (the sponsors' line and the resolution's heading at the text column, the number
    hanging before the title), the session line bold, the barcode under the job number
    where the UN's is, and the body lines breaking at the UN's words."""
    from test_layout_measured import L_DOCUMENT, RESOLUTION
    from unpages import body_breaks
    if name == "resolution":
        draft, theirs, anchors = ROOT / "drafts" / "cuba-embargo" / "res-80-4.draft", \
            REAL / "A_RES_80_4.pdf", RESOLUTION
    else:
        draft, theirs, anchors = tmp_path / "l2.draft", REAL / "A_80_L.2.pdf", L_DOCUMENT
        r = run_cli("import", theirs, "-o", draft, "-q")
        assert r.returncode == 0, r.stderr
    html, pdf = tmp_path / f"{name}.html", tmp_path / f"{name}.pdf"
    r = run_cli("build", draft, "-o", html)
    assert r.returncode == 0, r.stderr
    print_pdf(html, pdf, tmp_path / "profile")
    ours, un = lines(pdf.read_bytes()), lines(str(theirs))
    off = []
    for text, page, what in anchors:
        if page:
            continue  # page 1 only: the browser's running header is measured above
        mine, their = find(ours, text, 0), find(un, text, 0)
        assert their is not None, text
        if mine is None:
            off.append((text, "missing"))
            continue
        if "x" in what and abs(mine.x0 - their.x0) > 2:
            off.append((text, "x", mine.x0, their.x0))
        if "y" in what and abs(mine.baseline - their.baseline) > 2:
            off.append((text, "baseline", mine.baseline, their.baseline))
    assert not off, off
    assert find(ours, "Eightieth session", 0).bold
    if name == "l-document":  # the sponsors' "*" and its note, as the UN's
        assert find(ours, "State of Palestine:* draft resolution", 0)
        assert any(ln.text.startswith("* Any changes to the list of sponsors") for ln in ours)
    # the job number's bars: under it at the left, the UN's size
    bars, their_bars = ink_box(pdf, (55, 748.5, 300, 775)), ink_box(theirs, (55, 748.5, 300, 775))
    assert all(abs(a - b) <= 1 for a, b in zip(bars, their_bars)), (bars, their_bars)
    their_breaks = body_breaks(un, 123, 492)
    same = sum(1 for b in their_breaks if b in set(body_breaks(ours, 123, 492)))
    assert len(their_breaks) > 30 and same / len(their_breaks) >= 0.85, (same, len(their_breaks))
