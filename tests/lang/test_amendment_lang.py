"""An amendment document speaks its base draft's language: the proposers' line and the kind
of draft amended (_AMENDMENT), the masthead's words (the table's masthead lines), its
instructions (the table's prose), w:lang and <html lang>. Built for the example proposal
against the L-document in the stub language "xx", read with python-docx, pandoc and
html5lib; the English document reads as before (tests/amendments/test_amendment_document.py
also imports it back)."""
from __future__ import annotations

import re
import zipfile

import docx as python_docx
import html5lib

from assembler.amendments import load_proposal
from assembler.amendments.document import document_for
from assembler.lang import ENGLISH
from assembler.writers.docx.amendment import write_amendment as amendment_docx
from assembler.writers.html.amendment import write_amendment as amendment_html

from conftest import ROOT, pandoc_text
from langstub import in_language, stub  # noqa: F401 (stub: a fixture)
from recording import recording

EXAMPLE = ROOT / "examples" / "amendment" / "A-1.yaml"

# what the English document prints around the proposal's own words; "United Nations" over
# the symbol is the drafts' masthead furniture, not yet in any table (left as drafts have it)
ENGLISH_LABELS = ("amendment to", "draft resolution", "Distr.:", "Limited", "Original:",
                  "General Assembly", "session", "Agenda item", " and Group of Friends",
                  "In the third preambular paragraph", "Delete operative", "replace")
STUB_MARKS = r"(?:xx-|XX |#\d+\w*|«|» ?; |et )"


def unmarked(text: str) -> list[str]:
    """The English labels in `text` without a stub mark ("xx-", "XX ", ...) shortly before
    them on their line."""
    out = []
    for label in ENGLISH_LABELS:
        for m in re.finditer(re.escape(label), text):
            head = text[max(0, m.start() - 120):m.start()]
            if not re.search(rf"{STUB_MARKS}[^\n]*$", head):
                out.append(f"{label!r} in ...{text[max(0, m.start() - 40):m.end() + 20]!r}")
    return out


def document(symbol: str = "A/71/L.58", key: str = "xx"):
    base = in_language("l-document.draft", key, session="71", symbol=symbol, organ=None,
                       **{"original-language": None})
    return document_for(load_proposal(EXAMPLE), base, symbol="A/71/L.60",
                        job_number="17-05200")


def test_the_word_document_speaks_the_base_drafts_language(stub, tmp_path):
    path = tmp_path / "A-1.docx"
    path.write_bytes(amendment_docx(document()))
    doc = python_docx.Document(str(path))
    body = [p.text for p in doc.paragraphs if p.text.strip()]
    frame = [p.text for t in doc.tables for row in t.rows for c in row.cells
             for p in c.paragraphs if p.text.strip()]
    assert "XX General Assembly" in frame and "XX Distr.: XX Limited" in frame
    assert "XX Original: Xish" in frame
    assert body[:2] == ["XX #71 session", "XX Agenda items 13 and 117"]
    assert ("xx-Delegation A et Group of Friends of X: amendment to xx-draft resolution "
            "A/71/L.58") in body
    # in the text's order, the title first; a new paragraph set out under its instruction
    assert body[-6].startswith("1.\txx-Replace «global compact» with")
    assert body[-2].startswith("5.\txx-Insert a new xx-operative paragraph") \
        and body[-2].endswith(":") and body[-1] == "Decides to remain seized of the matter;"
    with zipfile.ZipFile(path) as z:
        assert 'w:lang w:val="xx-XX"' in z.read("word/styles.xml").decode()
    text = "\n".join(body + frame)
    assert unmarked(text) == []
    assert unmarked(pandoc_text(path)) == []
    assert doc.core_properties.title.startswith("A/71/L.60: xx-Delegation A et Group")


def html_lines(tree) -> list[str]:
    """The texts of the page's paragraphs and blocks (a masthead row "Distr.: Limited" is
    a block of a term and its value), spaces collapsed."""
    return [" ".join("".join(e.itertext()).split()) for e in tree.iter()
            if e.tag in ("p", "div")]


def test_the_html_page_speaks_the_base_drafts_language(stub):
    data = amendment_html(document())
    assert b'<html lang="xx">' in data
    tree = html5lib.parse(data, namespaceHTMLElements=False)
    lines = html_lines(tree)
    assert "XX Distr.: XX Limited" in lines and "XX Original: Xish" in lines
    assert "XX #71 session" in lines and "XX Agenda items 13 and 117" in lines
    assert next(p for p in tree.iter("p") if p.get("class") == "organ").text \
        == "XX General Assembly"
    text = "\n".join("".join(e.itertext()) for e in tree.find("body"))
    assert unmarked(text) == []


def test_a_revised_draft_is_named_so(stub):
    assert document("A/71/L.58/Rev.1").submitted == (
        "xx-Delegation A et Group of Friends of X: amendment to xx-revised draft resolution "
        "A/71/L.58/Rev.1")
    english = document("A/71/L.58/Rev.1", "en")
    assert english.submitted == ("Delegation A and Group of Friends of X: amendment to "
                                 "revised draft resolution A/71/L.58/Rev.1")
    assert (english.organ, english.distribution, english.original) == \
        ("General Assembly", "Limited", "English")
    assert english.session == "Seventy-first session"


def test_every_amendment_word_is_used(monkeypatch, tmp_path):
    """Making the documents above reads every key of the block."""
    words = recording(monkeypatch, "amendment")
    test_the_word_document_speaks_the_base_drafts_language(None, tmp_path)
    test_the_html_page_speaks_the_base_drafts_language(None)
    test_a_revised_draft_is_named_so(None)
    assert sorted(set(ENGLISH.amendment) - words.used) == []


def test_the_english_document_is_as_before():
    data = amendment_html(document(key="en")).decode("utf-8")
    lines = html_lines(html5lib.parse(data, namespaceHTMLElements=False))
    assert '<html lang="en">' in data and "Distr.: Limited" in lines
    assert "Original: English" in lines
    assert ("Delegation A and Group of Friends of X: amendment to draft resolution A/71/L.58"
            in data)
    # the check of the stub's documents finds every English label here
    tree = html5lib.parse(data, namespaceHTMLElements=False)
    text = "\n".join("".join(e.itertext()) for e in tree.find("body"))
    assert {u.split(" in ")[0] for u in unmarked(text)} == {repr(x) for x in ENGLISH_LABELS}
