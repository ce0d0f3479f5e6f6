"""The session report as a user gets it from `assembler lineage`: one self-contained HTML
page (sortable table, inline SVG plot, links to each redline and comparison), the same rows
as .csv and .xlsx, and a second run that reads everything from the cache."""
from __future__ import annotations

import csv
import io
import re

from conftest import run_cli
from lineagedocs import folder_of, real

NAMES = ["A_RES_79_7", "A_RES_80_4", "A_RES_78_48", "A_RES_79_52", "A_RES_78_213",
         "A_RES_79_152", "A_RES_79_73"]


def test_the_html_report_stands_alone_with_its_plot_and_links(tmp_path):
    src = folder_of(tmp_path, NAMES)
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    run = run_cli("lineage", src, "-o", out, "--redlines", tmp_path / "out" / "pages",
                  "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert "7 documents: 3 linked (2 sure, 0 likely, 1 doubtful), 4 unlinked" in run.stderr
    assert "A/RES/79/152 <- A/RES/78/213: doubtful" in run.stderr  # doubts are listed
    page = out.read_text("utf-8")
    # nothing fetched from elsewhere: no external script, style sheet or image
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)
    assert not re.search(r"(src|href)=\"https?:", page)
    bars = re.findall(r'<rect class="(\w+)"', page)
    assert sorted(bars) == ["doubtful", "sure", "sure"]
    rows = re.findall(r'<tr id="doc-([^"]+)" class="(\w+)"', page)
    assert dict(rows) == {"A-RES-79-7": "unlinked", "A-RES-80-4": "sure",
                          "A-RES-78-48": "unlinked", "A-RES-79-52": "sure",
                          "A-RES-78-213": "unlinked", "A-RES-79-152": "doubtful",
                          "A-RES-79-73": "unlinked"}
    assert 'href="pages/A_RES_80_4.redline.html"' in page
    assert 'href="pages/A_RES_80_4.comparison.html"' in page
    assert (tmp_path / "out" / "pages" / "A_RES_80_4.redline.html").is_file()
    assert (tmp_path / "out" / ".assembler-cache").is_dir()


def test_csv_and_xlsx_hold_the_same_rows_and_a_second_run_is_cached(tmp_path):
    from openpyxl import load_workbook
    src = folder_of(tmp_path, NAMES)
    cache = tmp_path / "cache"
    first = run_cli("lineage", src, "-o", tmp_path / "r.csv", "--cache", cache)
    assert first.returncode == 0, first.stderr
    assert "read 7 documents, 0 of them from the cache" in first.stderr
    second = run_cli("lineage", src, "-o", tmp_path / "r.xlsx", "--cache", cache)
    assert "read 7 documents, 7 of them from the cache" in second.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))))
    by = {r["document"]: r for r in rows}
    assert by["A_RES_80_4"]["predecessor"] == "A/RES/79/7"
    assert by["A_RES_80_4"]["changed"] == "6" and by["A_RES_80_4"]["kept"] == "8"
    assert "recalls its resolution 79/7 in PP6" in by["A_RES_80_4"]["evidence"]
    assert by["A_RES_79_7"]["recalls (not read)"] == "A/RES/78/7"
    assert by["A_RES_79_152"]["confidence"] == "doubtful"
    sheet = load_workbook(tmp_path / "r.xlsx").active
    values = list(sheet.values)
    header, body = values[0], values[1:]
    assert len(body) == len(rows)
    cuba = dict(zip(header, next(v for v in body if v[0] == "A_RES_80_4")))
    assert cuba["changed"] == 6 and cuba["confidence"] == "sure"  # numbers stay numbers


def test_a_report_of_another_kind_is_refused_before_any_work(tmp_path):
    run = run_cli("lineage", real("A_RES_79_7"), "-o", tmp_path / "r.pdf")
    assert run.returncode == 2
    assert "the report is written as .html, .csv or .xlsx" in run.stderr
    assert not (tmp_path / "r.pdf").exists()
