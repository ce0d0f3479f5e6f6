"""The survey judges a reading by what the document itself proves: real UN texts read right
come out exact, and each way a reading goes wrong (a line lost, paragraphs merged, a number
skipped, a note missing, a reference made up) comes out `review` naming that check."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest

from assembler.model import CrossRef, Text
from assembler.readers import import_text
from assembler.survey.checks import judge
from assembler.corpus import Document, collect
from assembler.survey.run import survey, survey_one, summary
from assembler.survey.report import to_csv, to_html

from conftest import CORPUS, ROOT, run_cli

REAL = ROOT.parent / "shared" / "real"

# texts of ../shared/real whose reading matches the counts established by reading them
# (tests/readers/test_real_import.py): each must be judged exact
EXACT = ["A_RES_79_7", "A_RES_80_4", "A_80_L.2", "A_RES_80_1", "A_RES_80_3", "A_C.3_80_L.60"]


def text_of(name: str) -> str:
    return (REAL / f"{name}.txt").read_text("utf-8")


def checks_failed(text: str) -> set[str]:
    result = import_text(text, "<test>")
    return {f.check for f in judge(result.draft, result.reading)}


@pytest.mark.parametrize("name", EXACT)
def test_a_right_reading_is_exact(name):
    assert checks_failed(text_of(name)) == set()


def test_a_body_line_lost_is_review_for_words():
    text = text_of("A_RES_79_7")
    line = next(l for l in text.split("\n") if l.startswith("Recalling"))
    # the structurer never drops a body line itself, so drop it from what it was given
    # while the check still sees the page: judge the reading of the cut text against the
    # lines of the whole one
    whole = import_text(text, "<whole>")
    cut = import_text(text.replace(line + "\n", "", 1), "<cut>")
    findings = judge(cut.draft, whole.reading)
    assert "words" in {f.check for f in findings}


def test_two_paragraphs_read_as_one_is_review():
    whole = import_text(text_of("A_RES_79_7"), "<whole>")
    d = whole.draft
    merged = replace(d.preamble[1], content=d.preamble[1].content + (Text(" "),)
                     + d.preamble[2].content)
    draft = replace(d, preamble=d.preamble[:1] + (merged,) + d.preamble[3:])
    found = {f.check for f in judge(draft, whole.reading)}
    assert found  # the words still all there, but the printed paragraph start is not
    assert "starts" in found or "words" in found


def test_an_operative_number_skipped_is_review_for_numbers():
    text = text_of("A_RES_79_7")
    renumbered = re.sub(r"^3\.(\s)", r"4.\1", text, count=1, flags=re.M)
    assert renumbered != text
    assert "numbers" in checks_failed(renumbered) or "words" in checks_failed(renumbered)


def test_a_footnote_note_lost_is_review_for_footnotes():
    whole = import_text(text_of("A_RES_80_3"), "<whole>")
    draft = replace(whole.draft, footnotes=whole.draft.footnotes[:-1])
    assert {"footnotes", "words"} & {f.check for f in judge(draft, whole.reading)}


def test_a_table_printed_inside_an_operative_paragraph_is_review_for_tables():
    """A/RES/79/250 prints a table in OP 11 ("in the table below:"), wider than the text's
    column: the reader keeps its cells as the paragraph's words, so the reading is not exact.
    A/RES/78/252's tables stand in its annex and are read as tables: nothing is said."""
    from assembler.readers import read_any
    read = read_any(CORPUS / "A_RES_79_250.pdf")
    found = [f for f in judge(read.draft, read.reading) if f.check == "tables"]
    assert len(found) == 1 and "operative paragraph 11" in found[0].message
    assert (found[0].page, found[0].line) == (3, 8)
    annexed = read_any(CORPUS / "A_RES_78_252.pdf")
    assert judge(annexed.draft, annexed.reading) == []


def test_a_reference_the_text_does_not_call_its_own_is_review():
    whole = import_text(text_of("A_RES_79_7"), "<whole>")
    d = whole.draft
    op = d.operative[0]
    made_up = replace(op, content=op.content + (Text(" see paragraph "), CrossRef("op2"),
                                                Text(" of the Charter")))
    draft = replace(d, operative=(made_up,) + d.operative[1:])
    assert "references" in {f.check for f in judge(draft, whole.reading)}
    sure = replace(op, content=op.content + (Text(" see paragraph "), CrossRef("op2"),
                                             Text(" above")))
    draft = replace(d, operative=(sure,) + d.operative[1:])
    assert "references" not in {f.check for f in judge(draft, whole.reading)}


@pytest.mark.parametrize("phrase", [
    "in accordance with article 68, paragraph 1, of the Statute",
    "Article 2, paragraphs 2 and 5, of the Charter",
    "section XII, paragraph 9, of its resolution 78/253",
    "as set out in paragraphs 1 to 10 of the annex thereto",
])
def test_other_texts_paragraphs_stay_text(phrase):
    from assembler.readers.untext import find_cross_refs
    out = find_cross_refs(phrase, {n: f"op{n}" for n in range(1, 20)})
    assert not any(isinstance(x, CrossRef) for x in out), phrase


def test_own_paragraphs_are_linked():
    from assembler.readers.untext import find_cross_refs
    out = find_cross_refs("the measures in paragraphs 3 and 5 above", {3: "op3", 5: "op5"})
    assert [x.target for x in out if isinstance(x, CrossRef)] == ["op3", "op5"]


def test_survey_reads_pdf_and_text_of_a_document_and_reports(tmp_path):
    docs = collect([REAL / "A_RES_79_7.txt", REAL / "pdf" / "A_RES_79_7.pdf",
                    REAL / "A_RES_80_4.txt"])
    assert [d.name for d in docs] == ["A_RES_79_7", "A_RES_80_4"]
    assert set(docs[0].files) == {"pdf", "text"}
    rows = survey(docs, jobs=2)
    assert [r.name for r in rows] == ["A_RES_79_7", "A_RES_80_4"]
    assert rows[1].verdict == "exact"
    assert [x.kind for x in rows[0].readings] == ["pdf", "text"]
    s = summary(rows)
    assert s["documents"] == 2 and s["exact"] + s["review"] == 2
    table = list(csv.DictReader(io.StringIO(to_csv(rows).decode())))
    assert table[1]["verdict"] == "exact" and table[1]["OP"] == "5"
    page = to_html(rows).decode()
    assert "A_RES_80_4" in page and "<script>" in page and "http" not in page.split("<body>")[1]


def test_a_document_that_cannot_be_read_is_review_not_a_crash(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is no PDF")
    row = survey_one(Document("broken", {"pdf": bad}))
    assert row.verdict == "review" and row.causes == ["error"]


def test_survey_command_writes_csv_and_html_and_exits_by_verdict(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "A_RES_80_4.txt").write_text(text_of("A_RES_80_4"), "utf-8")
    out = tmp_path / "survey.html"
    r = run_cli("survey", str(folder), "-o", str(out), "-j", "1")
    assert r.returncode == 0, r.stderr
    assert "1 document: 1 exact" in r.stderr and out.exists()
    # a reading in review: exit 1, the finding on screen with its page and line
    broken = text_of("A_RES_79_7")
    broken = re.sub(r"^3\.(\s)", r"4.\1", broken, count=1, flags=re.M)
    (folder / "A_RES_79_7.txt").write_text(broken, "utf-8")
    r = run_cli("survey", str(folder), "-o", str(tmp_path / "s.csv"), "-j", "2")
    assert r.returncode == 1
    assert "A_RES_79_7: review" in r.stderr and "page" in r.stderr
    table = list(csv.DictReader(io.StringIO((tmp_path / "s.csv").read_text())))
    assert [(r["document"], r["verdict"]) for r in table] == [("A_RES_79_7", "review"),
                                                               ("A_RES_80_4", "exact")]


def test_survey_refuses_nothing_to_read(tmp_path):
    r = run_cli("survey", str(tmp_path))
    assert r.returncode == 2 and "no documents to survey" in r.stderr


def test_import_prints_the_verdict(tmp_path):
    r = run_cli("import", str(REAL / "A_RES_80_4.txt"), "-o", str(tmp_path / "x.draft"), "-q")
    assert r.returncode == 0 and "verdict: exact" in r.stderr


def _counts_read_by_eye() -> dict[str, tuple]:
    """(PP, OP, sub, notes, annex) of the 40 documents of ../shared/real, as established by
    reading them: INDEX.md's (tests/readers/test_real_import.py) and more_counts.py's."""
    import importlib.util
    import sys
    spec = importlib.util.spec_from_file_location(
        "real_import_counts", ROOT / "tests" / "readers" / "test_real_import.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.path.insert(0, str(ROOT / "tests" / "real"))
    from more_counts import COUNTS as more
    out = {name: c for name, c in module.COUNTS.items()}
    out.update({name: (c["pp"], c["op"], c["sub"], c["fn"], c["annex"])
                for name, c in more.items()})
    return out


def test_the_real_documents_pdf_and_text_none_exact_and_wrong():
    """All 40 documents of ../shared/real, each PDF with its text layer: most are exact, and
    every one called exact has the counts established by reading it."""
    truth = _counts_read_by_eye()
    rows = survey(collect([REAL / "pdf", REAL / "more"] + sorted(REAL.glob("*.txt"))), jobs=2)
    assert len(rows) == 40 and all(set(x.kind for x in r.readings) == {"pdf", "text"}
                                   for r in rows)
    exact = [r for r in rows if r.verdict == "exact"]
    for r in exact:
        assert r.counts == truth[r.name], (r.name, r.counts, truth[r.name])
    assert len(exact) >= 34, [(r.name, r.causes) for r in rows if r.verdict != "exact"]


def test_import_says_its_doubts_with_page_and_line(tmp_path):
    broken = re.sub(r"^3\.(\s)", r"4.\1", text_of("A_RES_79_7"), count=1, flags=re.M)
    source = tmp_path / "A_RES_79_7.txt"
    source.write_text(broken, "utf-8")
    r = run_cli("import", str(source), "-o", str(tmp_path / "x.draft"), "-q")
    assert r.returncode == 0, r.stderr  # the draft is written; its reading is in doubt
    assert "verdict: review" in r.stderr
    doubts = [l for l in r.stderr.splitlines() if l.strip().startswith("doubt:")]
    assert doubts and all("page" in l or "word" in l for l in doubts), r.stderr
