"""A redline's words come from the new version's language table (_REDLINE): the legend, the
move notes, the titles, and a delegation's preview's conflict comments. Built from the
example's versions in the stub language "xx", read as a person would (python-docx, pandoc,
the HTML's text), every label is marked "xx-" and no English one is left; English stays as
it was (tests/compare/test_redline.py and the demo's byte comparison)."""
from __future__ import annotations

import re
import zipfile
from dataclasses import replace

import docx as python_docx
import html5lib
import pytest

from assembler.amendments import load_proposal
from assembler.amendments.preview import preview
from assembler.compare.redline import build_redline
from assembler.lang import ENGLISH
from assembler.negotiation import Negotiation
from assembler.writers.docx.redline import build_redline_docx
from assembler.writers.html.redline import build_redline_html

from conftest import ROOT, pandoc_text
from langstub import DRAFTS, in_language, stub  # noqa: F401 (stub: a fixture)
from recording import recording

Q01 = ROOT / "examples" / "preview" / "Q-01.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# the redline's English words, as a reader would meet them in a document
ENGLISH_LABELS = ("Changes against", "inserted text", "deleted text", "is in bold",
                  "[moved to", "[moved from", "after OP", "the beginning]", "Redline",
                  "Paragraph numbers", "Notes in the margin", "the previous version",
                  "Conflicts with", "Your change", "Conflict with")


def unmarked(text: str, labels=ENGLISH_LABELS) -> list[str]:
    """The English labels found in `text` with no stub mark "xx-" shortly before them on
    their line (the stub marks a template's start: words inside a marked template follow
    the mark)."""
    out = []
    for label in labels:
        for m in re.finditer(re.escape(label), text, re.I):
            head = text[max(0, m.start() - 160):m.start()]
            if not re.search(r"xx-[^\n]*$", head, re.I):
                out.append(f"{label!r} in ...{text[max(0, m.start() - 40):m.end() + 20]!r}")
    return out


def html_text(data: bytes) -> tuple[str, object]:
    doc = html5lib.parse(data.decode("utf-8"), namespaceHTMLElements=False)
    return "".join(doc.find("body").itertext()), doc


def to_beginning(draft):
    """The last operative paragraph moved to the start of the operative part."""
    ops = list(draft.operative)
    last = max(i for i, u in enumerate(ops) if u.kind == "op")
    return replace(draft, operative=(ops[last],) + tuple(ops[:last] + ops[last + 1:]))


@pytest.fixture()
def versions(stub):
    return in_language("first-draft.draft", "xx"), in_language("rev1.draft", "xx")


def test_the_bold_strike_out_word_redline_speaks_the_new_versions_language(versions, tmp_path):
    old, new = versions
    path = tmp_path / "redline.docx"
    path.write_bytes(build_redline_docx(build_redline(old, new), visual=True))
    paragraphs = [p.text for p in python_docx.Document(str(path)).paragraphs]
    legend = next(i for i, t in enumerate(paragraphs) if "Changes against" in t)
    # the heading names the old version, dated, in the table's words
    assert paragraphs[legend] == ("xx-Changes against xx-First Draft of the Resolution of "
                                  "22 December 2016:")
    assert paragraphs[legend + 1].startswith("Xx-xx-inserted text is in bold; xx-deleted text "
                                             "is struck out; a moved paragraph is xx-struck out")
    assert "xx-[moved to ...]" in paragraphs[legend + 1]
    assert "xx-[moved from ...]" in paragraphs[legend + 1]
    text = "\n".join(paragraphs)
    assert "xx-[moved to OP 11]" in text and "xx-[moved from xx-after OP 7]" in text
    assert unmarked(text) == []
    assert python_docx.Document(str(path)).core_properties.title.startswith("xx-Redline: ")
    # the words Word's proofing reads them in
    with zipfile.ZipFile(path) as z:
        assert 'w:lang w:val="xx-XX"' in z.read("word/styles.xml").decode()
    # pandoc reads the same legend
    assert "xx-Changes against" in pandoc_text(path)


def test_the_html_redline_speaks_the_new_versions_language(versions):
    old, new = versions
    data = build_redline_html(build_redline(old, new))
    assert b'<html lang="xx">' in data
    text, doc = html_text(data)
    assert doc.find("head/title").text.startswith("xx-Redline: ")
    legend = "".join(next(d for d in doc.iter("div") if d.get("class") == "legend").itertext())
    assert legend.startswith("xx-Changes against xx-First Draft of the Resolution of 22 "
                             "December 2016: xx-xx-inserted text is in bold;")
    notes = ["".join(s.itertext()) for s in doc.iter("span") if s.get("class") == "move-note"]
    assert "xx-[moved to OP 11]" in notes and "xx-[moved from xx-after OP 7]" in notes
    assert unmarked(text) == []


def test_a_move_to_the_start_and_a_base_without_a_name(stub):
    old = in_language("first-draft.draft", "xx", version=None, date=None,
                      **{"stage-label": None})
    new = to_beginning(in_language("first-draft.draft", "xx"))
    r = build_redline(old, new)
    text, _ = html_text(build_redline_html(r))
    assert "xx-[moved from xx-the beginning]" not in text   # it was not at the beginning
    assert "xx-Changes against xx-the previous version: " in text
    back = build_redline(new, old)    # and back: from the start to where it was
    assert "xx-[moved from xx-the beginning]" in html_text(build_redline_html(back))[0]
    untitled = replace(new, metadata=replace(new.metadata, title=""))
    _, doc = html_text(build_redline_html(build_redline(old, untitled)))
    assert doc.find("head/title").text == "xx-Redline"


def test_a_preview_flags_clashes_in_the_drafts_language(stub, tmp_path):
    base = in_language("rev1.draft", "xx")
    negotiation = Negotiation.of(DRAFTS / "rev1.draft", base)
    pv = preview(base, [load_proposal(Q01)], negotiation.proposals(),
                 versions=negotiation.version)
    assert len(pv.clashes) == 2
    comments = pv.comments()
    path = tmp_path / "preview.docx"
    path.write_bytes(build_redline_docx(pv.redline, comments=comments))
    said = python_docx.Document(str(path)).comments
    texts = [c.text for c in said]
    assert len(texts) == 2 and all(t.startswith("xx-Conflicts with ") for t in texts)
    assert all("Your change: Q-01/" in t for t in texts)   # inside the marked template
    # the status and the reason inside it are the table's too (the CLI's stay English)
    assert all("(xx-" in t and "): xx-" in t for t in texts), texts
    assert all(c.reason[:1].islower() and not c.reason.startswith("xx-") for c in pv.clashes)
    with zipfile.ZipFile(path) as z:
        authors = re.findall(r'w:author="([^"]+)"', z.read("word/comments.xml").decode())
    assert authors and all(a.startswith("xx-Conflict with ") for a in authors)
    # the HTML preview: notes under the paragraphs, the legend's margin sentence
    data = build_redline_html(pv.redline, comments)
    text, doc = html_text(data)
    asides = ["".join(a.itertext()) for a in doc.iter("aside")]
    assert len(asides) == 2 and all(a.startswith("xx-Conflicts with ") for a in asides)
    assert "xx-Notes in the margin flag proposals" in text
    assert unmarked(text) == []
    # visual Word: the notes in brackets after the paragraph
    path.write_bytes(build_redline_docx(pv.redline, visual=True, comments=comments))
    text = "\n".join(p.text for p in python_docx.Document(str(path)).paragraphs)
    assert text.count("[xx-Conflicts with ") == 2 and unmarked(text) == []


def test_english_redlines_keep_their_words(stub):
    old, new = in_language("first-draft.draft", "en"), in_language("rev1.draft", "en")
    text, doc = html_text(build_redline_html(build_redline(old, new)))
    assert "xx-" not in text
    assert "Changes against First Draft of the Resolution of 22 December 2016: inserted " \
           "text is in bold" in text
    assert "[moved from after OP 7]" in text
    assert len({u.split(" in ")[0] for u in unmarked(text)}) == 8   # the check bites


def test_every_redline_word_is_used(monkeypatch, tmp_path):
    """The table keeps no dead words: making the documents above reads every key of the
    block (a template's fields are all filled, or str.format would have refused)."""
    words = recording(monkeypatch, "redline")
    versions = in_language("first-draft.draft", "xx"), in_language("rev1.draft", "xx")
    test_the_bold_strike_out_word_redline_speaks_the_new_versions_language(versions, tmp_path)
    test_the_html_redline_speaks_the_new_versions_language(versions)
    test_a_move_to_the_start_and_a_base_without_a_name(None)
    test_a_preview_flags_clashes_in_the_drafts_language(None, tmp_path)
    assert sorted(set(ENGLISH.redline) - words.used) == []


def test_the_english_legend_pieces():
    """The English legend's sentence in one piece, its marked words where they were."""
    from assembler.compare.legend import _pieces
    pieces = _pieces(ENGLISH)
    assert "".join(t for _, t in pieces).startswith("inserted text is in bold; deleted text")
    assert [m for m, _ in pieces if m] == ["ins", "del", "del", "note", "note"]
