"""The co-facilitators' compilation, read back by independent readers (python-docx, pandoc,
html5lib) and rendered by LibreOffice."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, pandoc_text, run_cli, soffice_pdf

FIRST = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    out = tmp_path_factory.mktemp("compilation")
    docx, html = out / "compilation.docx", out / "compilation.html"
    r = run_cli("compile", FIRST, ROUND1, "-o", docx, "--touched-only")
    assert r.returncode == 0, r.stderr
    r = run_cli("compile", FIRST, ROUND1, "-o", html)
    assert r.returncode == 0, r.stderr
    return docx, html


def test_docx_shows_each_proposal_under_its_unit(compiled):
    docx, _ = compiled
    text = pandoc_text(docx)
    flat = " ".join(text.split())
    assert "P-02/1 — Delegation A (co-sponsors: Delegation B, Delegation C) [accepted]" in flat
    assert ("In operative paragraph 5, after “two co-facilitators” insert “, one from a "
            "developing and one from a developed country”") in flat
    assert "P-06/1 — Delegation F [rejected]" in flat
    # untouched units are left out, touched ones are in document order
    body = text.split("Proposals paragraph by paragraph")[1]
    labels = [line for line in body.splitlines() if line.startswith(("OP ", "PP "))]
    assert labels[:3] == ["PP 3", "PP 4", "OP 1 (a)"] and labels[-1] == "OP 28"
    assert "OP 4" not in labels
    # the conflicting pairs are named
    assert "P-09/1 by Delegation H and P-10/1 by Delegation I" in flat
    assert "Conflicts with P-12/1 (Delegation J)" in flat


def test_docx_marks_insertions_bold_and_deletions_struck(compiled):
    import docx as python_docx
    doc = python_docx.Document(str(compiled[0]))
    bold = {r.text for p in doc.paragraphs for r in p.runs if r.bold}
    assert ", one from a developing and one from a developed country" in bold
    struck_text = "".join(r.text for p in doc.paragraphs for r in p.runs if r.font.strike)
    assert "seventy-third session" in bold and "73rd session" in struck_text  # "rd" superscript
    assert "Decides that the intergovernmental conference and its preparatory process" \
        in struck_text  # OP 3 deleted (its lead an italic run of its own)
    assert any(r.text == "Decides" and r.italic and r.font.strike
               for p in doc.paragraphs for r in p.runs)
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[0] == "Proposer" and header[-1] == "Total"
    assert table.rows[-1].cells[-1].text == "19"


def test_html_is_well_formed_and_complete(compiled):
    import html5lib
    _, html = compiled
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(html.read_bytes())
    sections = tree.findall(".//section")
    assert len(sections) > 50  # every unit, touched or not
    # a struck run ends in the space that keeps it off the inserted words after it
    ins = [(e.text or "").strip() for e in tree.iter("ins")]
    dels = [(e.text or "").strip() for e in tree.iter("del")]
    assert "Trust fund" in ins and "at least four days" in dels
    assert "Delegation N" in html.read_text("utf-8")


def test_an_inserted_lead_is_in_italics_in_both_formats(compiled):
    """A lead the proposal writes ("Underlines" for "Underlines further", a new paragraph's
    "Recognizing") is set in italics, as the lead it replaces; the words after it are not."""
    import docx as python_docx
    import html5lib
    doc = python_docx.Document(str(compiled[0]))
    inserted = [(r.text, r.italic) for p in doc.paragraphs for r in p.runs if r.bold]
    for lead in ("Underlines", "Recognizing", "Encourages"):
        assert (lead, True) in inserted, lead
    assert (" the positive contribution of migrants to inclusive growth and sustainable "
            "development,", None) in inserted
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(compiled[1].read_bytes())
    italic_ins = {"".join(i.itertext()) for e in tree.iter("ins") for i in e.iter("i")}
    assert {"Underlines", "Recognizing", "Encourages"} <= italic_ins


def test_compile_refuses_an_unknown_format(tmp_path):
    r = run_cli("compile", FIRST, ROUND1, "-o", tmp_path / "c.pdf")
    assert r.returncode == 2 and "give an output ending in .docx or .html" in r.stderr


@pytest.mark.slow
def test_libreoffice_renders_the_compilation(compiled, tmp_path):
    import shutil
    import subprocess
    pdf = soffice_pdf(compiled[0], tmp_path)
    assert pdf.exists() and pdf.stat().st_size > 10_000
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed (make sysdeps)")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    # the summary, the conflicts and each proposal under its unit, as LibreOffice lays them out
    order = ["Compilation of proposals on the First Draft of the Resolution",
             "As at 12 January 2017",   # the last day a proposal was filed or decided
             "For each paragraph of the First Draft of the Resolution",
             "Summary by proposer and status", "accepted with modification", "Conflicts",
             "Conflict in OP 24", "Conflict in OP 26",
             "P-09/1 by Delegation H and P-10/1 by Delegation I", "Conflict in OP 28",
             "Proposals paragraph by paragraph", "PP 3", "P-06/1 — Delegation F [rejected]",
             "P-02/1 — Delegation A (co-sponsors: Delegation B, Delegation C) [accepted]",
             "OP 28 Urges all Member States"]
    at = 0
    for needle in order:
        at = text.find(needle, at)
        assert at >= 0, needle
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", pages).group(1)) >= 3
