"""The emblem, only from a file the user supplies (none ships): set in an issued face's
masthead where the UN's own PDFs have it, in Word (and the PDF LibreOffice makes of it) and
in HTML; refused in one line when the file is missing or no image; nothing changes without it.
The emblem here is a PNG the test draws (a disc), of the UN emblem's pixel size."""
from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import docx
import fitz
import pytest

from conftest import ROOT, run_cli, soffice_pdf

L81 = ROOT / "drafts" / "cuba-embargo" / "l-81.draft"
UN_PAGE = ROOT.parent / "shared" / "real" / "pdf" / "A_80_L.2.pdf"


def png(width: int, height: int) -> bytes:
    """A blue disc on white, RGB, written by hand (no imaging library needed)."""
    cx, cy, r = width / 2, height / 2, min(width, height) / 2 - 2
    rows = b"".join(
        b"\0" + b"".join(b"\x00\x9e\xdb" if (x - cx) ** 2 + (y - cy) ** 2 <= r * r
                         else b"\xff\xff\xff" for x in range(width))
        for y in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture()
def emblem(tmp_path) -> Path:
    path = tmp_path / "emblem.png"
    path.write_bytes(png(155, 130))
    return path


def image_box(pdf: Path | bytes) -> tuple[float, ...]:
    """The bounding box of the one image on page 1 that is not the barcode or QR code (the
    emblem: the one in the top fifth of the page)."""
    doc = fitz.open(stream=pdf, filetype="pdf") if isinstance(pdf, bytes) else fitz.open(str(pdf))
    boxes = [tuple(i["bbox"]) for i in doc[0].get_image_info() if i["bbox"][1] < doc[0].rect.height / 5]
    assert len(boxes) == 1, boxes
    return boxes[0]


def thin_rule(pdf: Path) -> float:
    """The top of the masthead's thin rule: the highest horizontal line on page 1 (the UN's
    is drawn in pieces)."""
    page = fitz.open(str(pdf))[0]
    return min(d["rect"].y0 for d in page.get_drawings()
               if d["rect"].width > 10 and d["rect"].height < 2)


@pytest.mark.parametrize("content, says", [(None, "emblem not found"),
                                           (b"GIF? no, words", "emblem is not a PNG or JPEG image")])
def test_a_missing_or_non_image_emblem_is_refused_in_one_line(tmp_path, content, says):
    given = tmp_path / "emblem.png"
    if content is not None:
        given.write_bytes(content)
    out = tmp_path / "l81.docx"
    r = run_cli("build", L81, "--emblem", given, "-o", out)
    assert r.returncode == 2 and not out.exists()
    assert r.stderr.strip().splitlines() == [
        f"error: {given}: {says} (give a PNG or JPEG file)"], r.stderr


def test_a_layout_names_the_emblem_beside_itself(tmp_path, emblem):
    """[masthead] emblem in a copy of the default layout, a path relative to that file; the
    copy, negative defaults and all, is a layout the build takes."""
    text = (ROOT / "templates" / "un-layout.toml").read_text("utf-8")
    assert '\nemblem = ""\n' in text
    layout = tmp_path / "my-layout.toml"
    layout.write_text(text.replace('\nemblem = ""\n', '\nemblem = "emblem.png"\n'), "utf-8")
    out = tmp_path / "l81.docx"
    r = run_cli("build", L81, "--layout", layout, "-o", out)
    assert r.returncode == 0, r.stderr
    d = docx.Document(str(out))
    assert len(d.inline_shapes) == 1
    shape = d.inline_shapes[0]
    assert abs(shape.width.pt - 56.2) < 0.05 and abs(shape.height.pt - 56.2 * 130 / 155) < 0.05
    # the picture is the user's file, byte for byte, in the masthead's first column
    blips = [p for p in d.part.package.parts if p.partname.startswith("/word/media/")]
    assert [p.blob for p in blips] == [emblem.read_bytes()]
    cell = d.tables[0].rows[1].cells[0]
    assert cell._tc.xpath(".//w:drawing")


@pytest.mark.slow
def test_the_emblem_stands_where_the_uns_does(tmp_path, emblem):
    """Word face through LibreOffice: the emblem's box within 1 pt of the UN's on A/80/L.2."""
    if not UN_PAGE.exists():
        pytest.skip("the real PDFs (../shared/real/pdf) are not beside this checkout")
    out = tmp_path / "l81.docx"
    assert run_cli("build", L81, "--emblem", emblem, "-o", out).returncode == 0
    ours, theirs = image_box(soffice_pdf(out, tmp_path)), image_box(UN_PAGE)
    assert all(abs(a - b) <= 1.0 for a, b in zip(ours, theirs)), (ours, theirs)


@pytest.mark.slow
def test_the_html_face_sets_the_emblem_under_its_thin_rule(tmp_path, emblem):
    """The HTML face printed by Chromium: the emblem as far under the thin rule and inside
    the margin as on the UN's page (the HTML masthead itself stands a few points higher)."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("Chromium is not installed (make sysdeps)")
    html, pdf = tmp_path / "l81.html", tmp_path / "l81.pdf"
    assert run_cli("build", L81, "--emblem", emblem, "-o", html).returncode == 0
    assert 'class="emblem" src="data:image/png;base64,' in html.read_text("utf-8")
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}",
                    html.as_uri()], capture_output=True, timeout=180)
    x0, y0, x1, y1 = image_box(pdf)
    ux0, uy0, ux1, uy1 = image_box(UN_PAGE)
    assert abs((x1 - x0) - (ux1 - ux0)) <= 0.5 and abs((y1 - y0) - (uy1 - uy0)) <= 0.5
    assert abs(x0 - ux0) <= 1.0
    assert abs((y0 - thin_rule(pdf)) - (uy0 - thin_rule(UN_PAGE))) <= 1.0


def test_without_an_emblem_nothing_changes(tmp_path):
    """No emblem given: no picture in Word, none in HTML, the emblem's CSS left out."""
    out, html = tmp_path / "l81.docx", tmp_path / "l81.html"
    for path in (out, html):
        assert run_cli("build", L81, "-o", path).returncode == 0
    assert not docx.Document(str(out)).inline_shapes
    text = html.read_text("utf-8")
    assert "<img" not in text and ".masthead .emblem" not in text
