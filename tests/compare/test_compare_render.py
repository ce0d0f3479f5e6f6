"""Comparison tables as a person sees them: the .docx through LibreOffice, the .html through
headless Chromium (slow: external programs; skipped when they are not installed)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import run_cli, soffice_pdf
from test_compare import derived  # noqa: F401  (the fixture: three derived versions)

pytestmark = pytest.mark.slow

# Scroll the page inside <body> (a headless screenshot of a scrolled window comes out blank),
# then note where the header row and the table stand.
_PROBE = """<style>html{height:100%;overflow:hidden} body{height:100%;margin:0;overflow:auto}</style>
<script>document.body.scrollTop = 1500;
var th = document.querySelector('table.comparison thead th');
var t = document.querySelector('table.comparison');
document.body.dataset.th = Math.round(th.getBoundingClientRect().top);
document.body.dataset.table = Math.round(t.getBoundingClientRect().top);</script></body>"""


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    return exe


def test_docx_renders_landscape_with_header_on_every_page(derived, tmp_path):  # noqa: F811
    out = tmp_path / "table.docx"
    assert run_cli("compare", *derived, "-o", out).returncode == 0
    pdf = soffice_pdf(out, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert w > h and pages > 3
    for page in (2, pages // 2):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page),
                               str(pdf), "-"], capture_output=True, text=True).stdout
        first = text.strip().splitlines()[0]
        assert first.split()[0] in ("Unit", "Rev.1"), first  # comparison or concordance header
        assert "First Draft" in first or "Rev.1" in first


def test_html_header_sticks_in_chromium(derived, tmp_path):  # noqa: F811
    exe = chromium()
    out = tmp_path / "table.html"
    assert run_cli("compare", *derived, "-o", out).returncode == 0
    probe = tmp_path / "probe.html"
    probe.write_text(out.read_text("utf-8").replace("</body>", _PROBE), "utf-8")
    args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--window-size=1400,900"]
    dom = subprocess.run(args + ["--dump-dom", probe.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    th = int(re.search(r'data-th="(-?\d+)"', dom).group(1))
    table = int(re.search(r'data-table="(-?\d+)"', dom).group(1))
    assert table < -1000          # the table has scrolled far up ...
    assert abs(th) <= 2           # ... and its header row stays at the top
    png = tmp_path / "table.png"
    subprocess.run(args + [f"--screenshot={png}", probe.as_uri()], capture_output=True,
                   timeout=120)
    assert png.stat().st_size > 50_000  # a rendered table, not a blank page


def test_html_changed_only_box_hides_unchanged_rows(derived, tmp_path):  # noqa: F811
    from assembler.compare.table import build_table
    from assembler.negotiation.versions import load_versions
    exe = chromium()
    out = tmp_path / "table.html"
    assert run_cli("compare", *derived, "-o", out).returncode == 0
    script = """<script>document.getElementById("changed-only").checked = true;
var rows = document.querySelectorAll("table.comparison tbody tr"), shown = 0;
rows.forEach(function (r) { if (r.getClientRects().length) shown++; });
document.body.dataset.shown = shown; document.body.dataset.rows = rows.length;</script></body>"""
    probe = tmp_path / "probe.html"
    probe.write_text(out.read_text("utf-8").replace("</body>", script), "utf-8")
    dom = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          probe.as_uri()], capture_output=True, text=True, timeout=120).stdout
    table = build_table(load_versions(derived))
    assert int(re.search(r'data-rows="(\d+)"', dom).group(1)) == len(table.rows)
    assert int(re.search(r'data-shown="(\d+)"', dom).group(1)) == len(table.changed_only().rows)
    assert 0 < len(table.changed_only().rows) < len(table.rows)
