"""The amendment document's HTML page draws the masthead every face draws: the model
(AmendmentDocument.masthead, a stages.Masthead, which the Word document draws too), the
markup of the drafts' pages (templates/html/masthead.html.j2) and the layout's figures
(templates/un-layout.toml), rendered in the one template environment. Built for the
example proposal against the L-document (A/71/L.58), read with html5lib."""
from __future__ import annotations

import html5lib

from assembler.amendments import load_proposal
from assembler.amendments.document import document_for
from assembler.layout import DEFAULT_LAYOUT, load_layout
from assembler.source import load_draft
from assembler.writers.html.amendment import write_amendment
from assembler.writers.html.draft import build_html

from conftest import ROOT

L_DOC = ROOT / "drafts" / "gcm-modalities" / "l-document.draft"
EXAMPLE = ROOT / "examples" / "amendment" / "A-1.yaml"


def amendment():
    return document_for(load_proposal(EXAMPLE), load_draft(L_DOC), symbol="A/71/L.60",
                        job_number="17-05200")


def masthead(page: bytes) -> list[tuple[str, str, str]]:
    """(tag, class, text) of every element of the masthead and the session block; a
    paragraph's text whole (the symbol's first letter is set in a span of its own)."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    blocks = [e for e in tree.iter() if e.get("class") in ("masthead", "session")]
    return [(e.tag, e.get("class") or "",
             "".join(e.itertext()).strip() if e.tag == "p" else (e.text or "").strip())
            for block in blocks for e in block.iter()]


def test_the_masthead_is_the_drafts_own_with_the_amendments_facts():
    doc = amendment()
    face = doc.masthead()
    page = write_amendment(doc)
    draft = build_html(load_draft(L_DOC))
    # the same elements in the same order as the L-document's page
    assert [(t, c) for t, c, _ in masthead(page)] == [(t, c) for t, c, _ in masthead(draft)]
    texts = [x for _, _, x in masthead(page)]
    for fact in (face.symbol, face.organ, face.date, face.session, face.agenda,
                 *face.agenda_titles, face.distribution_label, face.distribution):
        assert fact in texts, fact
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert next(e for e in tree.iter() if e.get("class") == "submitted").text == doc.submitted
    assert next(e for e in tree.iter("h1")).text == doc.title
    assert next(e for e in tree.iter() if e.get("class") == "barcode-text").text == "*1705200*"


def test_a_main_committee_stands_under_the_session_as_in_word():
    doc = amendment()
    from dataclasses import replace
    page = write_amendment(replace(doc, committee="Third Committee"))
    texts = [x for _, c, x in masthead(page) if c in ("session-name", "main-committee",
                                                      "agenda")]
    assert texts == ["Seventy-first session", "Third Committee", "Agenda items 13 and 117"]


def test_the_figures_are_the_layouts(tmp_path):
    """A layout with other masthead and text figures changes the page as it changes the
    drafts' pages: nothing of the masthead is fixed in the writer."""
    text = DEFAULT_LAYOUT.read_text("utf-8")
    for old, new in (("symbol_pt = 20", "symbol_pt = 21"), ("body_pt = 10", "body_pt = 11")):
        assert old in text, old
        text = text.replace(old, new, 1)  # [masthead] symbol, [fonts] body
    path = tmp_path / "layout.toml"
    path.write_text(text, "utf-8")
    default = write_amendment(amendment()).decode()
    other = write_amendment(amendment(), load_layout(path)).decode()
    assert ".masthead .symbol .organ-letter { font-size: 20pt; }" in default  # the UN's, as in Word
    assert ".masthead .symbol .organ-letter { font-size: 21pt; }" in other
    assert "font-size: 11pt;" in other and "font-size: 11pt;" not in default
