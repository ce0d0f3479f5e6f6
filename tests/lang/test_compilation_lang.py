"""A compilation of proposals speaks its base draft's language: every word it prints around
the drafts' text and the proposals (title, legend, headings, table heads, statuses, notes,
conflicts) comes from the table's `compilation` words, and the page's lang from the table.
Read back as a person reads it: Word through pandoc and python-docx, HTML as text."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from string import Formatter

import pytest

from assembler.amendments.compile import compile_proposals
from assembler.amendments.model import Change, Proposal, number_changes
from assembler.amendments.yamlio import load_proposals
from assembler.lang import ENGLISH, TABLES
from assembler.negotiation import Negotiation
from assembler.writers.docx.compilation import compilation_docx
from assembler.writers.html.compilation import compilation_html

from conftest import ROOT, pandoc_text
from langstub import DRAFTS, STUB, in_language, stub  # noqa: F401 (stub: a fixture)

ROUNDS = ROOT / "amendments" / "gcm-modalities"


def _compiled(name: str, key: str, round_: str, extra=()):
    draft = in_language(name, key)
    props = load_proposals([ROUNDS / round_]) + list(extra)
    versions = Negotiation.of(DRAFTS / name, draft).version
    return compile_proposals(draft, props, versions=versions)


def _title_proposal() -> Proposal:
    """A proposal on the title, so the compilation has a title row."""
    change = Change("replace-unit", "title", text="Modalities of the intergovernmental talks")
    return Proposal("P-90", "Delegation Z", "first-draft", number_changes("P-90", (change,)))


def _docx_text(c, tmp_path: Path) -> str:
    """pandoc's reading, strike-out marks (~~) left out; the Title paragraph, which pandoc
    takes for metadata, read by python-docx."""
    import docx
    path = tmp_path / "compilation.docx"
    path.write_bytes(compilation_docx(c))
    title = docx.Document(str(path)).paragraphs[0].text
    return " ".join((title + "\n" + pandoc_text(path)).replace("~~", "").split())


def _html_text(c) -> tuple[str, str]:
    """The page's source and its words as a reader sees them (tags out, entities read)."""
    import html
    page = compilation_html(c).decode("utf-8")
    body = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    body = re.sub(r"</?(p|div|h1|h2|li|tr|td|th|title|section|ul|table)\b[^>]*>", "\n", body)
    return page, " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split())


def _docx_labels(c, tmp_path: Path) -> str:
    """What a Word compilation prints around the text: every paragraph and table cell but
    the drafts' own text (a unit's, a proposal's as it would read) and the proposals' prose
    (amendment prose has its own words in the table)."""
    import docx
    path = tmp_path / "labels.docx"
    path.write_bytes(compilation_docx(c))
    document = docx.Document(str(path))
    own = {row.text for row in c.rows} | {
        text for row in c.rows for e in row.entries
        for text in ("".join(piece[0] for piece in e.styled), e.prose)}
    cells = [cell.text for table in document.tables for r in table.rows for cell in r.cells]
    return "\n".join([p.text for p in document.paragraphs if p.text not in own] + cells)


def _html_labels(page: str) -> str:
    """The same of an HTML page: the text less a unit's text, its reading and its prose."""
    import html
    body = re.sub(r'<(p|div) class="(base|reads|prose)">.*?</\1>', "\n", page, flags=re.S)
    body = re.sub(r"<style>.*?</style>", "", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", body))


# words said inside another template's sentence, never at the start of what is printed
INSIDE = {"scope-text", "scope-or", "not-carried-now-reads", "definite"}


def _leads() -> dict[str, str]:
    """Each English template's opening words (the stub marks a template at its start);
    templates that open with a field are checked where they are filled."""
    out = {}
    for key, template in ENGLISH.compilation.items():
        if key in INSIDE:
            continue
        literal = next(Formatter().parse(template))[0].strip()
        if literal:
            out[key] = literal
    return out


def _unmarked(text: str) -> list[str]:
    """English opening words printed without the stub's mark before them."""
    return sorted({lead for lead in _leads().values()
                   if re.search(rf"(?<!xx-){re.escape(lead)}\b", text)})


# Words of the document that show in the first round's compilation, as the stub says them.
ROUND1_WORDS = [
    "xx-Compilation of proposals on", "xx-For each paragraph of",
    "xx-with the text as it would read: xx-insertions in bold, xx-deletions struck out.",
    "xx-Summary by proposer and status", "xx-Proposer", "xx-Total", "xx-Conflicts",
    "xx-Proposals paragraph by paragraph", "xx-Title",
    "xx-xx-superseded by P-10", "xx-xx-merged into P-19", "[xx-accepted]", "[xx-rejected]",
    "xx-Delegation A (co-sponsors: Delegation B ; Delegation C)",
    "xx-Conflict in OP 26: xx-they change overlapping words: P-09/1 by Delegation H and "
    "P-10/1 by Delegation I",
    "xx-one replaces the paragraph the other amends",
    "xx-Conflicts with xx-P-12/1 (Delegation J): xx-one replaces the paragraph the other "
    "amends",
]


def test_the_compilation_speaks_the_base_drafts_language(stub, tmp_path):
    c = _compiled("first-draft.draft", "xx", "rev1", [_title_proposal()])
    assert c.lang is stub
    word = _docx_text(c, tmp_path)
    page, html = _html_text(c)
    assert '<html lang="xx">' in page and 'lang="en"' not in page
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(compilation_docx(c))) as z:   # Word's proofing language
        styles = z.read("word/styles.xml").decode()
    assert 'w:lang w:val="xx-XX"' in styles and "en-GB" not in styles
    for said in ROUND1_WORDS:
        assert said in word and said in html, said
    # one word for a status in both formats, the summary's heads too
    assert "xx-accepted with modification" in word and "xx-accepted with modification" in html
    assert "accepted, modified" not in word
    assert _unmarked(_docx_labels(c, tmp_path)) == [] and _unmarked(_html_labels(page)) == []


def test_carried_and_no_longer_applicable_proposals(stub, tmp_path):
    """The third round: proposals written against older versions, carried onto Rev.2 or
    no longer applicable; headings' rows are labelled with the table's short name."""
    marked = replace(stub, short_names={k: f"xx-{v}" for k, v in stub.short_names.items()})
    TABLES["xx"] = marked   # the stub fixture puts the table back afterwards
    c = _compiled("rev2.draft", "xx", "rev3")
    word = _docx_text(c, tmp_path)
    page, html = _html_text(c)
    for text in (word, html):
        assert "xx-No longer applicable" in text
        assert ("xx-R-02/2 (Group of Friends of X) no longer applies: xx-operative paragraph 3 "
                "of first-draft is no longer in rev2") in text     # first-draft is in English
        assert ("xx-the words «at least four days» are no longer in xx-operative paragraph 26"
                in text)
        assert "xx-written against rev1, carried onto rev2" in text
        assert "xx-Heading" in text and not re.search(r"(?<!xx-)\bHeading\b", text)
        assert "Xx-footnote 1" in text          # the footnote's row: long_names
    assert _unmarked(_docx_labels(c, tmp_path)) == [] and _unmarked(_html_labels(page)) == []


def test_carried_prose_is_in_the_base_drafts_language(stub):
    c = _compiled("rev2.draft", "xx", "rev3")
    carried = [e for row in c.rows for e in row.entries if "carried" in e.note]
    assert carried and all(e.prose.startswith("xx-") for e in carried)


def test_conflict_reasons_follow_the_table(stub):
    """Two insertions at one place: the position word is the table's too."""
    changes = [Change("insert-unit", "op5", position="after", unit="op", text=f"*Decides* {w}.")
               for w in ("one", "two")]
    props = [Proposal(f"P-9{n}", f"Delegation {w}", "first-draft", number_changes(f"P-9{n}", (c,)))
             for n, (w, c) in enumerate(zip("YZ", changes))]
    c = compile_proposals(in_language("first-draft.draft", "xx"), props)
    [conflict] = c.conflicts
    assert conflict.reason_in(stub) == "xx-both put a paragraph xx-after it"
    assert conflict.reason == "both put a paragraph after it"   # the user's messages: English


def test_english_compilation_has_no_stub_word(stub, tmp_path):
    c = _compiled("first-draft.draft", "en", "rev1", [_title_proposal()])
    word = _docx_text(c, tmp_path)
    page, html = _html_text(c)
    assert '<html lang="en">' in page
    assert "xx-" not in word and "xx-" not in html
    assert "Compilation of proposals on the First Draft" in word
    assert "Title" in word and "superseded by P-10" in html


SOURCES = [*(ROOT / "assembler").rglob("*.py"), *(ROOT / "templates").glob("*.j2")]


@pytest.mark.parametrize("key", sorted(ENGLISH.compilation))
def test_every_word_of_the_table_is_used(key):
    """No dead words: each key is named in the code, or made from a family prefix the code
    names (f"status-{s}") and a value the code names ("accepted-with-modification")."""
    source = "\n".join(p.read_text("utf-8") for p in SOURCES if "lang" not in p.parts)
    if f'"{key}"' in source:
        return
    splits = [(key[:i], key[i + 1:]) for i, ch in enumerate(key) if ch == "-"]
    assert any((f'f"{prefix}-{{' in source or f'"{prefix}-" ~' in source)
               and f'"{rest}"' in source for prefix, rest in splits), key


def test_the_stub_marks_every_word():
    assert set(STUB.compilation) == set(ENGLISH.compilation)
    assert all(v.startswith("xx-") for v in STUB.compilation.values())


# Each reason a carried change no longer applies, English as it always read, and the stub's.
REASONS = [
    (("gone", {"unit": "operative paragraph 3", "version": "rev1", "new": "rev2"}),
     "operative paragraph 3 of rev1 is no longer in rev2"),
    (("words-gone", {"words": "four days", "unit": "operative paragraph 26", "reads": "five days"}),
     "the words “four days” are no longer in operative paragraph 26 (that place now reads "
     "“five days”)"),
    (("words-gone", {"words": "four days", "unit": "operative paragraph 26"}),
     "the words “four days” are no longer in operative paragraph 26"),
    (("words-moved", {"words": "and", "count": "3", "unit": "operative paragraph 2"}),
     "the words “and” occur 3 times in operative paragraph 2 and the text around them has "
     "changed"),
    (("scope-gone", {"words": "child", "scope": "title operative", "new": "rev2"}),
     "the words “child” are no longer in the title or the operative paragraphs of rev2"),
    (("scope-gone", {"words": "child", "scope": "all", "new": "rev2"}),
     "the words “child” are no longer in the text of rev2"),
    (("changed", {"unit": "operative paragraph 4", "version": "rev1"}),
     "operative paragraph 4 has changed since rev1; replacing it whole would undo that"),
]


@pytest.mark.parametrize("why, english", REASONS)
def test_reasons_a_change_no_longer_applies(stub, why, english):
    from assembler.amendments.kinds import NotCarried, carried_reason
    name, fields = why
    assert str(NotCarried(name, **fields)) == english
    said = carried_reason(name, tuple(fields.items()), stub)
    assert said.startswith("xx-") and "“" not in said
    if "reads" in fields:
        assert "xx- (that place now reads «five days»)" in said
    if fields.get("scope") == "all":
        assert "xx-the text" in said
