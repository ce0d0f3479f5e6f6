"""PDF in: the page's own facts (fonts, sizes, positions, rules) read from the PDFs that
`assembler build` prints through LibreOffice, checked against poppler's pdftotext, and the
PDFs no import should take (a scan, a password, a letter, hostile files) refused in one line."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import pdffiles
from conftest import ROOT, run_cli
from assembler.errors import AssemblerError
from assembler.inline import plain
from assembler.model import Text
from assembler.readers import read_any
from assembler.readers.pdf import Limits, printed_from_pdf
from assembler.readers.printed import Span
from assembler.source import load_draft

VERSIONS = ["first-draft", "rev1", "rev2", "l-document", "resolution", "events-mapping"]
NEG = ROOT / "drafts" / "gcm-modalities"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Every committed example version printed to PDF once, through LibreOffice."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed (make sysdeps)")
    out = tmp_path_factory.mktemp("built-pdf")
    paths = {}
    for v in VERSIONS:
        paths[v] = out / f"{v}.pdf"
        done = run_cli("build", NEG / f"{v}.draft", "-o", paths[v])
        assert done.returncode == 0, done.stderr
    return paths


def _poppler(path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed (make sysdeps)")
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _words(text: str) -> Counter:
    return Counter(w for w in (t.strip(".,;:()\"'") for t in text.split()) if w)


@pytest.mark.slow
@pytest.mark.parametrize("version", VERSIONS)
def test_every_character_and_word_on_the_page_is_read(built, version):
    """No character lost or added against an independent reader; a word breaks only where
    pdftotext breaks it (a superscript marker aside, which it sets apart: '2017 1 ;')."""
    doc, _ = printed_from_pdf(built[version])
    mine = " ".join(l.text for l in doc.lines if l.region != "rule")
    # a table's cells hold its words; its header row, printed on every page it runs over,
    # is read once
    cells = [s.text for t in doc.tables
             for row in list(t.rows) + list(t.rows[:t.header]) * (len(t.pages) - 1)
             for c in row for ln in c.lines for s in ln]
    mine = mine + " " + " ".join(cells)
    theirs = _poppler(built[version])
    assert Counter(mine.replace(" ", "")) == Counter("".join(theirs.split()))
    assert _words(mine) == _words(theirs)


@pytest.mark.slow
def test_no_footnote_is_read_as_running_footer(built):
    """The first draft's footnote serving two markers is printed once, at the foot of page
    2, both markers printing its number: lines under the footnote rule stay the note's."""
    doc, _ = printed_from_pdf(built["l-document"])
    footers = {l.text for l in doc.lines if l.region == "footer"}
    assert footers == {"17-05010 (E)", "*1705010*", "2/5", "3/5", "4/5", "5/5", "17-05010"}


@pytest.mark.slow
def test_what_the_page_shows_of_an_l_document(built):
    src = load_draft(NEG / "l-document.draft")
    doc, warnings = printed_from_pdf(built["l-document"])
    assert doc.layout and doc.pages == 5  # the UN's page and measure (un-layout.toml)
    lines = doc.lines
    # italics from the font: every preambular lead as printed, at the start of its line
    leads = [c.text for p in src.preamble for c in p.content[:1] if isinstance(c, Text) and c.italic]
    firsts = [l.spans[0] for l in lines if l.spans]
    for lead in leads:
        assert any(s.italic and s.text == lead for s in firsts), lead
    # superscripts by size and rise: "73rd" and the footnote markers on page 2
    rd = next(l for l in lines if "general debate of the 73" in l.text)
    assert [s.text for s in rd.spans if s.sup] == ["rd"]
    markers = [(l.page, s.text) for l in lines if l.region == "body" for s in l.spans
               if s.sup and s.text != "rd"]
    assert [m for _, m in markers] == ["1", "1"]  # one footnote, marked twice
    # the footnote area under its rule on the page of the first marker: the rule, then
    # the notes, each opening with its raised number (the second marker's page has none)
    notes = []
    for page in sorted({p for p, _ in markers})[:1]:
        on_page = [l for l in lines if l.page == page]
        regions = [l.region for l in on_page]
        rule = regions.index("rule")
        assert all(r == "body" for r in regions[1:rule] if r not in ("header",))
        notes += [l for l in on_page[rule + 1:] if l.region == "footnote"]
    assert [l.spans[0].text for l in notes if l.spans[0].sup] == ["1"]
    assert plain(src.footnotes[0].content).startswith(notes[0].text[1:].strip()[:40])
    # furniture by position, wording and repetition; each said with page and line
    headers = [l for l in lines if l.region == "header"]
    assert [l.page for l in headers] == [2, 3, 4, 5] and {l.text for l in headers} == {"A/71/L.58"}
    footers = {l.text for l in lines if l.region == "footer"}
    assert footers == {"17-05010 (E)", "*1705010*", "2/5", "3/5", "4/5", "5/5", "17-05010"}
    said = "\n".join(str(w) for w in warnings)
    assert "page 2, line 1 and 3 more page(s): 'A/71/L.58' read as the running header" in said
    assert re.search(r"page 1, line \d+: '17-05010 \(E\)' read as the running footer", said)
    # indentation from the text column: hanging numbers and labels stand left of their text
    one = next(i for i, l in enumerate(lines) if l.text == "1.")
    assert lines[one + 1].text.startswith("Decides that") and lines[one + 1].indent > lines[one].indent
    a = next(l for l in lines if l.text == "(a)")
    assert a.indent == lines[one].indent  # (a) stands where 1. stands, as the UN prints
    # the masthead in reading order, the enacting formula after a gap
    assert [l.text for l in lines[:3]] == ["United Nations", "A/71/L.58", "General Assembly"]
    formula = next(l for l in lines if l.text == "The General Assembly,")
    assert formula.spans[0].italic and formula.gap_before >= 0.5


@pytest.mark.slow
def test_centred_title_of_an_informal_draft(built):
    doc, _ = printed_from_pdf(built["first-draft"])
    stage = next(l for l in doc.lines if l.text == "First Draft of the Resolution")
    assert stage.centred and stage.spans[0].bold
    assert not any(l.centred for l in doc.lines if l.text.startswith(("Recalling", "1.")))


# ------------------------------------------------------------------ what is refused

def _refused(tmp_path: Path, name: str, data: bytes | None = None, *, sparse: int = 0):
    src = tmp_path / name
    if data is not None:
        src.write_bytes(data)
    if sparse:
        with open(src, "r+b") as fh:
            fh.truncate(sparse)
    out = tmp_path / "out.draft"
    done = run_cli("import", src, "-o", out)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = [l for l in done.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert str(src) in lines[0]
    assert not out.exists() and not list(tmp_path.glob("*.tmp*"))
    return lines[0]


def test_a_scanned_pdf_has_no_text_layer(tmp_path):
    line = _refused(tmp_path, "scan.pdf", pdffiles.scanned())
    assert "no text layer" in line and "no OCR" in line


def test_an_encrypted_pdf(tmp_path, built):
    line = _refused(tmp_path, "locked.pdf", pdffiles.encrypted(built["first-draft"].read_bytes()))
    assert "encrypted with a password" in line


def test_a_pdf_that_is_no_un_document_imports_as_text_with_warnings(tmp_path):
    """A letter: no masthead, no formula, no numbers. Every paragraph is kept as text, each
    with a warning naming its page and line, and the draft written passes `check`."""
    src = tmp_path / "letter.pdf"
    src.write_bytes(pdffiles.letter())
    out = tmp_path / "letter.draft"
    done = run_cli("import", src, "-o", out)
    assert done.returncode == 0, done.stderr
    said = done.stderr.splitlines()
    kept = [w for w in said if "paragraph without number" in w]
    assert len(kept) == 3 and all(re.search(r"letter\.pdf:\d+: warning: page 1: ", w) for w in kept)
    assert any("does not read as a UN document" in w for w in said)
    d = load_draft(out)
    text = " ".join(plain(u.content) for u in d.units() if hasattr(u, "content"))
    assert _words(text) == _words(_poppler(src))
    assert run_cli("check", out).returncode == 0


def test_a_file_that_is_no_pdf(tmp_path):
    line = _refused(tmp_path, "notes.pdf", b"Minutes of the meeting\n" * 20)
    assert "not a PDF" in line


def test_too_many_pages(tmp_path):
    line = _refused(tmp_path, "long.pdf", pdffiles.many_pages(1001))
    assert "1001 pages, over the limit of 1000" in line


def test_too_big_a_file(tmp_path):
    line = _refused(tmp_path, "huge.pdf", pdffiles.letter(), sparse=65 * 2**20)
    assert "65 MiB, over the limit of 64 MiB" in line


def test_a_decompression_bomb_is_stopped_by_the_memory_ceiling(tmp_path):
    """3 GiB of spaces in one compressed stream (3 MiB on disk): the child that reads it
    runs out of its 2 GiB and the import says so, instead of taking the machine's memory."""
    line = _refused(tmp_path, "bomb.pdf", pdffiles.inflating(3.0))
    assert "needed more than 2 GiB of memory" in line


def test_the_time_budget_and_the_page_density_limit(built):
    with pytest.raises(AssemblerError, match="took longer than 0 s"):
        printed_from_pdf(built["l-document"], Limits(seconds=0.01))
    with pytest.raises(AssemblerError, match="page 1 holds .* characters, over the limit of 100"):
        printed_from_pdf(built["l-document"], Limits(max_chars_per_page=100))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the bounded child needs fork")
def test_the_memory_ceiling_is_the_childs_not_ours(tmp_path):
    src = tmp_path / "bomb.pdf"
    src.write_bytes(pdffiles.inflating(0.5))
    with pytest.raises(AssemblerError, match="needed more than 0 GiB"):
        printed_from_pdf(src, Limits(memory=256 * 2**20))
    # this process is untouched and reads on
    import resource
    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY


# ------------------------------------------------------------------ the round trip

def ids_aside(d):
    """The draft with every id given by position (pp1, op1, op1.1, h1, fn1 in the order of
    the markers), cross-references following: two readings of one text compare equal
    whatever ids each gave."""
    from dataclasses import replace as _r
    from assembler.inline import footnote_refs
    from assembler.model import CrossRef, FootnoteRef, Heading
    names: dict[str, str] = {}
    for n, p in enumerate(d.preamble, 1):
        names[p.id] = f"pp{n}"

    def subs(units, prefix):
        for k, u in enumerate(units, 1):
            names[u.id] = f"{prefix}.{k}"
            subs(u.children, names[u.id])
    ops = heads = 0
    for u in d.operative:
        if isinstance(u, Heading):
            heads += 1
            names[u.id] = f"h{heads}"
        else:
            ops += 1
            names[u.id] = f"op{ops}"
            subs(u.children, names[u.id])
    order = [f for u in d.units() if hasattr(u, "content") and u.kind != "fn"
             for f in footnote_refs(u.content)]
    for f in dict.fromkeys(order):
        names.setdefault(f, f"fn{len([v for v in names.values() if v.startswith('fn')]) + 1}")

    def content(c):
        return tuple(CrossRef(names.get(i.target, i.target)) if isinstance(i, CrossRef) else
                     FootnoteRef(names.get(i.footnote, i.footnote)) if isinstance(i, FootnoteRef)
                     else i for i in c)

    def unit(u):
        u = _r(u, id=names.get(u.id, u.id), content=content(u.content))
        return _r(u, children=tuple(unit(c) for c in u.children)) if hasattr(u, "children") else u
    notes = sorted((_r(f, id=names.get(f.id, f.id), content=content(f.content))
                    for f in d.footnotes), key=lambda f: f.id)
    return _r(d, preamble=tuple(unit(p) for p in d.preamble),
              operative=tuple(unit(u) for u in d.operative), footnotes=tuple(notes))


def test_a_ruled_table_reads_back_as_the_annex_table(built):
    """events-mapping's annex table (a header row, 4 columns, landscape, over 8 pages):
    read cell by cell from the page's rules into the model's Table, the header row read once
    though printed on every page, bold titles and the breaks after them kept."""
    from assembler.model import Break
    src = load_draft(NEG / "events-mapping.draft")
    result = read_any(built["events-mapping"])
    want = next(u for u in src.annexes[0].body if u.kind == "table")
    tables = [u for a in result.draft.annexes for u in a.body if u.kind == "table"]
    assert len(tables) == 1
    back = tables[0]
    assert back.landscape and len(back.rows) == len(want.rows)
    assert [r.header for r in back.rows] == [r.header for r in want.rows]
    # Two things the page cannot tell: a double space prints as one, and a break before a
    # word that would not have fitted on the line anyway looks like a wrap. Those cells
    # compare by their words; every other cell exactly, formats and breaks included.
    def words(cell):
        return " ".join(" ".join(" " if isinstance(r, Break) else r.text for r in cell).split())
    loose = {"r12", "r13", "r53"}
    for got, row in zip(back.rows, want.rows):
        if row.id in loose:
            assert [words(c) for c in got.cells] == [words(c) for c in row.cells], row.id
        else:
            assert got.cells == row.cells, row.id
    # where it stands: before the note that follows the table in the annex
    body = result.draft.annexes[-1].body
    assert body[-2] is back and plain(body[-1].content).startswith(
        "* Regional consultative processes on migration (RCPs) bring together")
    said = [str(w) for w in result.warnings if "table" in str(w)]
    assert any("page 1: a table of 68 rows and 4 columns, running on to page 8" in w
               for w in said), said


def test_a_table_whose_cells_cannot_be_read_keeps_its_words_as_text(built):
    """A merged cell (no rectangle of its own), or words that stand across a cell's rule:
    the table's characters stay on the page for its lines, and the reader says so."""
    import pymupdf
    from assembler.readers.pdf_pieces import page_drawn, page_grids, page_pieces
    from assembler.readers.pdf_tables import page_tables
    with pymupdf.open(built["events-mapping"]) as pdf:
        page = pdf[0]
        chars = page_pieces(page, chars=True)
        grid = page_grids(page, page_drawn(page))[0]
    tables, left, said = page_tables([grid], chars, 1, True)
    assert len(tables) == 1 and len(left) < len(chars)
    merged = [row[:] for row in grid]
    merged[1][2] = None
    tables, left, said = page_tables([merged], chars, 1, True)
    assert not tables and left == chars
    assert said == ["page 1: a table with merged or missing cells; its words kept as text"]
    narrow = [row[:] for row in grid]  # a rule drawn through the words of column 2
    narrow[1] = [narrow[1][0], (narrow[1][1][0], narrow[1][1][1], narrow[1][1][0] + 40,
                                narrow[1][1][3])] + narrow[1][2:]
    tables, left, said = page_tables([narrow], chars, 1, True)
    assert not tables and left == chars and "across its cells' rules" in said[0]


# What a face prints of the metadata (the rest is bookkeeping: negotiation, version,
# based-on, the record of changes, the illustrative note).
PRINTED = ("title", "date", "symbol", "stage", "stage-label", "organ", "formula", "session",
           "agenda-items", "agenda-titles", "original-language", "submitted-by", "job-number",
           "closing", "adopted-on", "adopted-from")


@pytest.mark.slow
@pytest.mark.parametrize("version", ["first-draft", "rev1", "rev2", "l-document", "resolution"])
def test_a_built_pdf_imports_back_to_an_equal_model(built, version):
    src = load_draft(NEG / f"{version}.draft")
    result = read_any(built[version])
    back, want = ids_aside(result.draft), ids_aside(src)
    assert back.preamble == want.preamble
    assert back.operative == want.operative
    assert back.footnotes == want.footnotes
    assert back.annexes == want.annexes
    for key in PRINTED:
        assert back.metadata.get(key) == want.metadata.get(key), key
    # every guess named with its page (and line where there is one)
    assert all(re.search(r"page \d+", str(w)) for w in result.warnings
               if "found:" not in str(w))


def test_furniture_is_what_repeats_or_says_so_not_a_page_top():
    """Ten pages: the symbol over pages 2-10 and "n/10" under them are furniture; a
    heading and a paragraph's last word that open two pages each are text."""
    from assembler.readers.pdf_layout import RawLine, furniture

    def line(page, text, top, size=10.0):
        ln = RawLine([], page, 72.0, 300.0, top, top + size, size)
        ln.spans = (Span(text),)
        return ln
    pages = []
    for p in range(1, 11):
        lines = [line(p, "A/71/L.58", 40, 9.0)] if p > 1 else []
        first = {3: "Part 1", 7: "Part 1", 4: "consultations;", 8: "consultations;"}.get(p)
        lines += [line(p, first or "body text", 70)]
        lines += [line(p, "more body text", 82 + 12 * k) for k in range(50)]
        lines += [line(p, f"{p}/10", 800)]
        pages.append(lines)
    marks = furniture(pages, 842.0)
    said = {(ln.page, ln.spans[0].text): marks.get(id(ln)) for lines in pages for ln in lines}
    assert all(said[(p, "A/71/L.58")] == "header" for p in range(2, 11))
    assert all(said[(p, f"{p}/10")] == "footer" for p in range(1, 11))
    assert said[(3, "Part 1")] is None and said[(4, "consultations;")] is None


@pytest.mark.slow
def test_cli_import_of_an_issued_pdf_writes_a_draft_check_accepts(built, tmp_path):
    out = tmp_path / "resolution.draft"
    done = run_cli("import", built["resolution"], "-o", out)
    assert done.returncode == 0, done.stderr
    assert ("A/RES/71/280, 4 preambular, 28 operative paragraphs, 24 sub-paragraphs, "
            "1 footnote") in done.stderr
    assert re.search(r"page 2, line \d+ and \d+ more page\(s\): 'A/RES/71/280", done.stderr)
    assert run_cli("check", out).returncode == 0
    back = load_draft(out)
    assert back.metadata.symbol == "A/RES/71/280" and back.metadata.job_number == "17-05719"


def test_a_page_says_whether_its_first_line_opens_a_paragraph():
    """The UN sets a paragraph's first line in and its run-on lines at the column's edge:
    a page whose first line stands further in than the last line of the page before opens
    a paragraph; one at the edge goes on with it; a bold line after plain text (a heading)
    opens one too. The first page's first line says nothing."""
    from assembler.readers.pdf_layout import PageRules, RawLine, document_lines

    def line(page, text, x0, base, bold=False):
        ln = RawLine([], page, x0, 480.0, base - 9, base + 2, 10.0, base)
        ln.spans = (Span(text, bold=bold),)
        return ln

    def page(n, first_x, first_bold=False):
        lines = [line(n, "first", first_x, 100.0, first_bold)]
        lines += [line(n, f"run-on line {k}", 123.0, 112.0 + 12 * k) for k in range(30)]
        return lines
    pages = [page(1, 147.0), page(2, 147.0), page(3, 123.0), page(4, 123.0, True)]
    lines, _ = document_lines(pages, [PageRules() for _ in pages], 792.0, "x.pdf")
    opens = {l.page: l.opens for l in lines if l.text == "first"}
    assert opens == {1: None, 2: True, 3: False, 4: True}


def test_the_footnote_rule_typed_as_underscores():
    """The UN's Word files type the footnote separator as a row of underscores: that line is
    the rule (not text), the small lines under it are the notes; a row of underscores with
    body text under it stays text."""
    from assembler.readers.pdf_layout import PageRules, document_lines, page_lines
    from assembler.readers.pdf_pieces import Piece

    def piece(text, x0, base, size=10.0, space_before=False):
        return Piece(text, x0, x0 + 5.0 * len(text), base - 0.8 * size, base + 0.2 * size,
                     base, size, space_before=space_before)
    body = [piece(f"Body text line {k} of the page,", 123.0, 100.0 + 12 * k) for k in range(30)]
    notes = [piece("__________________", 99.0, 560.0, 8.0), piece("1", 116.0, 575.0, 5.5),
             piece("Resolution 79/233, annex.", 121.0, 578.0, 8.5, space_before=True)]
    rules = PageRules()
    raw = page_lines(body + notes, 1, rules)
    assert rules.rules and rules.typed
    lines, _ = document_lines([raw], [rules], 792.0, "x.pdf")
    regions = [(l.region, l.text) for l in lines[-2:]]
    assert regions == [("rule", "__________________"), ("footnote", "1 Resolution 79/233, annex.")]
    assert lines[-1].spans[0].sup  # the note's number, raised and smaller, is its mark
    # the same underscores with body text under them: no footnote area
    rules = PageRules()
    raw = page_lines(body[:20] + notes[:1] + body[20:], 1, rules)
    lines, _ = document_lines([raw], [rules], 792.0, "x.pdf")
    assert all(l.region == "body" for l in lines)
