"""The amendment document as the UN issues it (issue 12, item 6): written for an example
proposal and read by independent readers (python-docx, LibreOffice and pdftotext, html5lib),
imported back to an equal proposal; the issued amendments in ../shared/real/ imported against
drafts of our own."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest

from assembler.amendments import apply_proposals, load_proposal
from assembler.inline import plain
from assembler.source import load_draft
from assembler.source.writer import dump_draft

from conftest import ROOT, run_cli
from test_prose_un import OP64, OP65, PP14, PP15, PP28, draft

L_DOC = ROOT / "drafts" / "gcm-modalities" / "l-document.draft"
EXAMPLE = ROOT / "examples" / "amendment" / "A-1.yaml"
REAL = ROOT.parent / "shared" / "real"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("amendment")
    for suffix in (".docx", ".html"):
        r = run_cli("amendment-doc", EXAMPLE, "--base", L_DOC, "--symbol", "A/71/L.60",
                    "--job-number", "17-05200", "-o", out / f"A-1{suffix}")
        assert r.returncode == 0, r.stderr
    return out


def test_the_docx_reads_as_an_issued_amendment(written):
    import docx as python_docx
    doc = python_docx.Document(str(written / "A-1.docx"))
    body = [p.text for p in doc.paragraphs if p.text.strip()]
    frame = [p.text for t in doc.tables for row in t.rows for c in row.cells
             for p in c.paragraphs if p.text.strip()]
    assert frame[:3] == ["United Nations", "A/71/L.60", "General Assembly"]
    assert "Distr.: Limited" in frame and "5 April 2017" in frame and "Original: English" in frame
    assert body[0] == "Seventy-first session" and body[1] == "Agenda items 13 and 117"
    assert ("Delegation A and Group of Friends of X: amendment to draft resolution A/71/L.58"
            in body)
    k = body.index("Modalities for the intergovernmental negotiations of the global compact for "
                   "safe, orderly and regular migration")
    # in the order of the text (the title first), a new paragraph set out under its
    # instruction, unquoted, as A/C.3/80/L.62 prints one
    assert body[k + 1:] == [
        "1.\tReplace “global compact” with “global compact on migration” in the title.",
        "2.\tIn the third preambular paragraph, replace “separate, distinct and independent” "
        "with “separate and distinct”.",
        "3.\tDelete operative paragraph 3.",
        "4.\tIn operative paragraph 5, after “two co-facilitators” insert “, one from a "
        "developing and one from a developed country,”.",
        "5.\tInsert a new operative paragraph after operative paragraph 12, reading:",
        "Decides to remain seized of the matter;"]
    italic = [r.text for p in doc.paragraphs for r in p.runs if r.italic]
    assert italic == ["Decides"]


@pytest.mark.slow
def test_libreoffice_renders_it_with_masthead_and_job_number(written, tmp_path):
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler are needed")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(written / "A-1.docx")], check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "A-1.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "A/71/L.60" in flat and "General Assembly" in flat and "Distr.: Limited" in flat
    assert "amendment to draft resolution A/71/L.58" in flat
    assert "17-05200 (E)" in flat and "*1705200*" in flat
    assert "3. Delete operative paragraph 3." in flat


def test_the_html_page_is_well_formed_and_complete(written):
    import html5lib
    tree = html5lib.parse((written / "A-1.html").read_bytes(), namespaceHTMLElements=False)
    items = ["".join(li.itertext()) for li in tree.iter("li")]
    assert len(items) == 5 and items[2] == "Delete operative paragraph 3."
    assert [i.text for i in tree.iter("i")] == ["Decides"]
    text = " ".join("".join(tree.itertext()).split())
    assert "A/71/L.60" in text and "Distr.: Limited" in text
    assert "Delegation A and Group of Friends of X: amendment to draft resolution A/71/L.58" in text


def test_the_docx_imports_back_to_an_equal_proposal(written, tmp_path):
    out = tmp_path / "A-1.yaml"
    r = run_cli("import", written / "A-1.docx", "--base", L_DOC, "-o", out, "--id", "A-1")
    assert r.returncode == 0, r.stderr
    back = load_proposal(out)
    original = load_proposal(EXAMPLE)
    # the document's own symbol and its instructions as printed are kept beside the changes
    assert back.symbol == "A/71/L.60" and len(back.instructions) == 5
    assert _as_tabled(back) == _as_tabled(original)
    # words, texts, positions: all of them; the document sets them in the text's order
    # (the title first), so the proposal read back numbers them in that order
    assert [c.target for c in back.changes] == ["title", "pp3", "op3", "op5", "op12"]
    assert _changes(back) == _changes(original)


def test_the_pdf_is_written_through_libreoffice_and_imports_back(tmp_path):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is needed")
    out = tmp_path / "A-1.pdf"
    r = run_cli("amendment-doc", EXAMPLE, "--base", L_DOC, "--symbol", "A/71/L.60",
                "--job-number", "17-05200", "-o", out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    back = tmp_path / "A-1.yaml"
    r = run_cli("import", out, "--base", L_DOC, "-o", back, "--id", "A-1")
    assert r.returncode == 0, r.stderr
    assert _as_tabled(load_proposal(back)) == _as_tabled(load_proposal(EXAMPLE))
    assert _changes(load_proposal(back)) == _changes(load_proposal(EXAMPLE))


def _as_tabled(p):
    """A proposal read back from its document, without what the document adds to it (and
    its changes, compared apart: the document reorders them)."""
    return replace(p, file="", symbol="", instructions=(), sponsors_note="", changes=())


def _changes(p) -> list:
    """Its changes whatever their order and numbering."""
    return sorted((replace(c, id="", line=None) for c in p.changes), key=repr)


# ---------------------------------------------------------------- the issued ones

def _base(tmp_path, symbol, pps, ops, n_pp, n_op, footnote=""):
    d = draft(pps, ops, n_pp, n_op, footnote=footnote)
    d = replace(d, metadata=d.metadata.with_values(symbol=symbol))
    path = tmp_path / "base.draft"
    path.write_text(dump_draft(d), "utf-8")
    return path


@pytest.mark.parametrize("name, symbol, pps, ops, sizes, kinds, check", [
    ("L.57", "A/C.3/80/L.3/Rev.1", {}, {64: OP64, 65: OP65}, (3, 66),
     ["insert-words", "insert-words"],
     lambda d: "preventing and combating child pornography, and" in plain(d.operative[63].content)),
    ("L.58", "A/C.3/80/L.50", {28: PP28}, {}, (30, 2), ["delete-words"],
     lambda d: plain(d.preamble[27].content).endswith("humanitarian law, and noting the work "
                                                     "of the Court,")),
    ("L.61", "A/C.3/80/L.20/Rev.1", {14: PP14, 15: PP15}, {}, (17, 3),
     ["replace-words", "delete-unit"], lambda d: len(d.preamble) == 16),
    ("L.62", "A/C.3/80/L.20/Rev.1", {14: PP14, 15: PP15}, {}, (17, 3), ["insert-unit"],
     lambda d: plain(d.preamble[14].content).startswith("Reaffirming that, in accordance")),
])
def test_issued_amendments_import_into_proposals(tmp_path, name, symbol, pps, ops, sizes, kinds,
                                                 check):
    base = _base(tmp_path, symbol, pps, ops, *sizes,
                 footnote="United Nations, Treaty Series." if name == "L.58" else "")
    out = tmp_path / "imported.yaml"
    r = run_cli("import", REAL / f"A_C.3_80_{name}.txt", "--base", base, "-o", out)
    assert r.returncode == 0, r.stderr
    prop = load_proposal(out)
    assert prop.id == f"A-C.3-80-{name}" and prop.base == "base"
    assert [c.kind for c in prop.changes] == kinds
    assert prop.proposer and len(prop.co_sponsors) == (1 if name in ("L.61", "L.62") else 0)
    new, _ = apply_proposals(load_draft(base), [prop], mode="all")
    assert check(new)
    if name == "L.58":   # its footnote is set aside, and said so
        assert "footnote set aside" in r.stderr


# ---------------------------------------------------------------- bad input

def test_a_document_that_is_no_amendment_is_refused(tmp_path):
    out = tmp_path / "x.yaml"
    r = run_cli("import", REAL / "A_RES_80_1.txt", "--base", L_DOC, "-o", out)
    assert r.returncode == 2 and "not an amendment document" in r.stderr
    assert "Traceback" not in r.stderr and not out.exists()


def test_an_amendment_to_another_draft_is_refused(tmp_path):
    out = tmp_path / "x.yaml"
    r = run_cli("import", REAL / "A_C.3_80_L.61.txt", "--base", L_DOC, "-o", out)
    assert r.returncode == 2 and "A/C.3/80/L.20/Rev.1" in r.stderr and "A/71/L.58" in r.stderr
    assert not out.exists()


def test_a_base_without_symbol_gets_no_document(tmp_path):
    first = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
    prop = tmp_path / "B-1.md"
    prop.write_text("---\nid: B-1\nproposer: Delegation B\nbase: first-draft\n---\n"
                    "Delete operative paragraph 3.\n", "utf-8")
    out = tmp_path / "B-1.docx"
    r = run_cli("amendment-doc", prop, "--base", first, "--symbol", "A/71/L.61", "-o", out)
    assert r.returncode == 2 and "has no symbol" in r.stderr and not out.exists()


@pytest.mark.slow
def test_the_html_amendment_document_stands_where_the_uns_does(tmp_path):
    """A/C.3/80/L.61 made again: its instructions imported against a base of its shape, with
    its masthead's facts and fictional proposers, written as HTML and printed by Chromium,
    held to the UN's page 1 within 2 pt (masthead, the Third Committee's session block, the
    proposers' line in the text column and wrapping as the UN's, the title, the numbered
    instructions, the short end rule, the job number)."""
    from unpages import find, lines, print_html, rules
    theirs = REAL / "pdf" / "A_C.3_80_L.61.pdf"
    base = _base(tmp_path, "A/C.3/80/L.20/Rev.1", {14: PP14, 15: PP15}, {}, 17, 3)
    base.write_text(base.read_text("utf-8").replace(
        "symbol: A/C.3/80/L.20/Rev.1\n", "symbol: A/C.3/80/L.20/Rev.1\nstage: L\n"
        "session: Eightieth session\nmain-committee: Third Committee\nagenda-items: 67\n"
        "agenda-titles: Promotion and protection of the rights of children\n"), "utf-8")
    prop = tmp_path / "l61.yaml"
    r = run_cli("import", REAL / "A_C.3_80_L.61.txt", "--base", base, "-o", prop)
    assert r.returncode == 0, r.stderr
    text = prop.read_text("utf-8")
    assert "proposer: Belarus\n" in text and "- Russian Federation\n" in text
    prop.write_text(text.replace("proposer: Belarus\n", "proposer: Delegation A\n").replace(
        "- Russian Federation\n", "- Delegation B\n"), "utf-8")
    html, pdf = tmp_path / "l61.html", tmp_path / "l61.pdf"
    r = run_cli("amendment-doc", prop, "--base", base, "--job-number", "25-18531", "-o", html)
    assert r.returncode == 0, r.stderr
    print_html(html, pdf, tmp_path / "profile")
    ours, un = lines(pdf.read_bytes()), lines(str(theirs))
    off = []
    for mine, their in (("United Nations",) * 2, ("General Assembly",) * 2,
                        ("Distr.: Limited",) * 2, ("14 November 2025",) * 2,
                        ("Original: English",) * 2, ("Eightieth session",) * 2,
                        ("Third Committee",) * 2, ("Agenda item 67",) * 2,
                        ("Promotion and protection",) * 2, ("Delegation A and", "Belarus and"),
                        ("A/C.3/80/L.20/Rev.1",) * 2, ("Rights of the child",) * 2,
                        ("1.",) * 2, ("In the fourteenth",) * 2, ("2.",) * 2,
                        ("Delete the fifteenth",) * 2, ("25-18531",) * 2):
        a, b = find(ours, mine, 0), find(un, their, 0)
        assert b is not None, their
        if a is None or abs(a.x0 - b.x0) > 2 or abs(a.baseline - b.baseline) > 2:
            off.append((mine, a and (a.x0, a.baseline), (b.x0, b.baseline)))
    assert not off, off
    assert find(ours, "Eightieth session", 0).bold and find(ours, "Third Committee", 0).size == 12
    # the thin and thick rules, and the short one under the instructions (the UN's stands
    # 3.2 pt further right than A/RES/80/4's, which ours follows: within 4)
    (thin, thick, end), (uthin, uthick, uend) = rules(pdf.read_bytes())[:3], rules(str(theirs))[:3]
    assert abs(thin[0] - uthin[0]) <= 2 and abs(thick[0] - uthick[0]) <= 2
    assert abs(end[0] - uend[0]) <= 2 and abs(end[1] - uend[1]) <= 4 and abs(end[2] - uend[2]) <= 4
