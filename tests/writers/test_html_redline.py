"""The HTML redline's body is written by its template (templates/redline-parts.html.j2)
through the one autoescaping environment: the module builds data and writes no tag and
escapes nothing itself, and text with markup characters (the draft's, a proposer's name,
a comment) reaches the page as text."""
from __future__ import annotations

import ast
from dataclasses import replace

from lxml import html as lxml_html

from assembler.compare.redline import Who, build_redline
from assembler.source import load_draft
from assembler.source.reader import parse_draft
from assembler.writers.html.redline import RedlineHtml, build_redline_html

from conftest import ROOT

DRAFTS = ROOT / "drafts" / "gcm-modalities"
MODULE = ROOT / "assembler" / "writers" / "html" / "redline.py"
SCRIPT = '<script>alert(1)</script> & "quotes" \'too\''


def test_the_module_writes_no_tag_and_escapes_nothing():
    tree = ast.parse(MODULE.read_text("utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                for a in n.names}
    assert "escape" not in imported
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                  and isinstance(n.body[0], ast.Expr)}
    tags = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and "<" in n.value and ">" in n.value
            and id(n) not in docstrings]
    assert tags == []


def _edited(path, old: str, new: str):
    text = path.read_text("utf-8")
    assert old in text
    draft, _ = parse_draft(text.replace(old, new, 1), path.name)
    return draft


def test_markup_characters_in_the_text_the_author_and_a_comment_stay_text():
    old = load_draft(DRAFTS / "first-draft.draft")
    new = _edited(DRAFTS / "first-draft.draft", "to appoint two co-facilitators",
                  "to appoint two co-facilitators " + SCRIPT.replace("*", ""))
    red = build_redline(old, new, author='Delegation "A" <b>')
    page = RedlineHtml(red, {"op5": [("Conflicts with <P-1> & co", Who("x"))]}).render()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree = lxml_html.fromstring(page)
    [ins] = [i for i in tree.iter("ins") if "alert" in i.text_content()]
    assert ins.text_content().strip() == SCRIPT
    assert ins.get("title") == 'Delegation "A" <b>'
    [aside] = tree.iter("aside")
    assert aside.text_content() == "Conflicts with <P-1> & co"


def test_an_inserted_table_row_and_a_footnote_are_written_by_the_template():
    old = load_draft(DRAFTS / "events-mapping.draft")
    row = "| November 23, 2016 | **Committee on the Elimination of Racial Discrimination"
    new = _edited(DRAFTS / "events-mapping.draft", row,
                  "| December 1, 2016 | A <new> row & more | Geneva | X | {#r99}\n" + row)
    page = build_redline_html(build_redline(old, new)).decode("utf-8")
    tree = lxml_html.fromstring(page)
    [inserted] = [tr for tr in tree.iter("tr") if "A <new> row" in tr.text_content()]
    cells = inserted.findall("td")
    assert [c[0].tag for c in cells] == ["ins"] * len(cells)
    assert cells[1].text_content() == "A <new> row & more"
    first = load_draft(DRAFTS / "first-draft.draft")
    notes = build_redline_html(build_redline(first, replace(first))).decode("utf-8")
    tree = lxml_html.fromstring(notes)
    links = [a.get("href") for a in tree.iter("a") if a.get("href", "").startswith("#fn")]
    assert links and all(tree.get_element_by_id(h[1:]) is not None for h in links)


def test_a_footnote_marked_twice_is_one_note_numbered_by_its_first_marker():
    """OP 6 (b) and (c) of the first draft mark one footnote: one note, both markers 1, as
    the draft's own HTML and Word faces print it (the redline printed two notes)."""
    first = load_draft(DRAFTS / "first-draft.draft")
    rev1 = load_draft(DRAFTS / "rev1.draft")
    page = build_redline_html(build_redline(first, rev1)).decode("utf-8")
    tree = lxml_html.fromstring(page)
    notes = tree.find_class("notes")[0].findall(".//li")
    assert [li.get("id") for li in notes] == ["fn1"]
    markers = [(a.text_content(), a.get("href")) for u in ("op6.b", "op6.c")
               for a in tree.get_element_by_id(u).iter("a")]
    assert markers == [("1", "#fn1"), ("1", "#fn1")]
    ids = [e.get("id") for e in tree.iter() if e.get("id", "").startswith("fn")]
    assert ids == ["fnref1", "fn1"]
