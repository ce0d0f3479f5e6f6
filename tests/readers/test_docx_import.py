"""Word drafts in: the .docx that `assembler build` writes reads back to the same model,
and Word files made the way people make them are read with no word lost."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import wordfiles
from conftest import ROOT, pandoc_text, run_cli
from strategies import drafts
from word_canonical import canonical
from assembler.inline import footnote_refs, plain
from assembler.model import Annex, Draft, Heading, OperativeParagraph, Row, SubParagraph, Table, Text
from assembler.numbering import compute_labels
from assembler.readers.docx import read_docx_draft
from assembler.source import dump_draft, load_draft
from assembler.writers.docx.draft import build_docx


def test_seed_first_draft_reads_back_from_its_word_file(first_draft):
    result = read_docx_draft(build_docx(first_draft))
    assert result.draft == first_draft
    assert result.warnings == []


# ------------------------------------------------------------------ the property

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_built_docx_imports_back_to_an_equal_model(draft):
    back = read_docx_draft(build_docx(draft)).draft
    assert back == canonical(draft)


@pytest.mark.parametrize("middle_style", [None, "a."])
def test_a_continuing_list_whose_first_label_reads_two_ways(first_draft, middle_style):
    """'(v)' opening a group that goes on counting from the four items before it is roman
    five, not the letter v, even when the group before it is lettered (hypothesis found it:
    the group came back as a fresh list in style (a))."""
    def sub(uid, text, kids=(), continues=False, style=None):
        return SubParagraph(uid, (Text(text),), tuple(kids), style, continues)
    op1 = replace(first_draft.operative[0], children=(
        sub("op1.a", "first group:", [sub("op1.a.1", "one;")]),
        sub("op1.b", "second group:", [sub(f"op1.b.{i}", w) for i, w in
                                       enumerate(("two;", "three;", "four;"), 1)], True,
            middle_style),
        sub("op1.c", "third group:", [sub("op1.c.1", "five.")], True)))
    d = replace(first_draft, operative=(op1,) + first_draft.operative[1:])
    assert compute_labels(d)["op1.c.1"].number == "1 (c) (v)"
    back = read_docx_draft(build_docx(d)).draft
    assert back == canonical(d) == d
    assert back.operative[0].children[2].list_continues


# ------------------------------------------------------------------ files people make

def _words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


LABELISH = re.compile(r"^(\d{1,3}|[ivx]{1,4}|[a-h])$")


def assert_no_word_lost(path: Path, draft: Draft, track: str = "accept") -> None:
    """Every word pandoc reads in the file is in the draft, but for the numbers and labels
    the draft computes from position."""
    theirs = _words(pandoc_text(path, track))
    ours = _words(dump_draft(draft))
    labels = compute_labels(draft)
    ours.update(_words(" ".join(l.mark for l in labels.values())))
    # the masthead's field names: its values are metadata, the names come with the layout
    ours.update(_words("Distr Original Agenda item items Draft resolution submitted by the"))
    # footnote numbers, at the marker and before the note
    markers = sum(len(footnote_refs(u.content)) for u in draft.units() if hasattr(u, "content"))
    ours.update(Counter({str(i): 2 for i in range(1, markers + 1)}))
    lost = theirs - ours
    assert not lost, f"words lost: {dict(lost)}"


@pytest.mark.parametrize("maker", ["hand_typed", "auto_numbered", "with_footnotes"])
def test_word_files_lose_no_word(maker, tmp_path):
    path = tmp_path / f"{maker}.docx"
    path.write_bytes(getattr(wordfiles, maker)())
    result = read_docx_draft(path)
    assert_no_word_lost(path, result.draft)


def test_masthead_is_metadata_not_text():
    d = read_docx_draft(wordfiles.hand_typed()).draft
    m = d.metadata
    assert (m.symbol, m.distribution, m.date, m.original_language) == \
        ("A/71/L.99", "Limited", "3 February 2017", "English")
    assert m.session == "Seventy-first session" and m.agenda_items == "13"
    assert m.title == "Fictional compact on examples"
    assert m.formula == "The General Assembly,"
    assert "A/71/L.99" not in dump_draft(d).split("\n\n", 1)[1]


def _shape(d: Draft):
    def walk(u):
        return (plain(u.content), tuple(walk(c) for c in u.children))
    return [walk(o) for o in d.operative_paragraphs()]


def test_hand_typed_and_automatic_numbering_read_alike():
    typed = read_docx_draft(wordfiles.hand_typed()).draft
    auto = read_docx_draft(wordfiles.auto_numbered()).draft
    assert _shape(typed) == _shape(auto)
    op3 = typed.operative_paragraphs()[2]
    assert [c.id for c in op3.children] == ["op3.a", "op3.b"]
    assert [c.id for c in op3.children[0].children] == ["op3.a.i", "op3.a.ii"]
    labels = compute_labels(auto)
    assert labels["op3.a.ii"].number == "3 (a) (ii)"
    # leads stay italic, typed numbers and labels are not part of the text
    assert typed.operative[0].content[0] == Text("Decides", italic=True)
    assert plain(op3.children[1].content) == "national reports;"


def test_heading_and_annex_table():
    d = read_docx_draft(wordfiles.hand_typed()).draft
    assert [plain(h.content) for h in d.operative if isinstance(h, Heading)] == ["Phase II"]
    table = next(b for b in d.annexes[0].body if isinstance(b, Table))
    assert [plain(c) for c in table.rows[1].cells] == ["Geneva session", "May 2017"]


def test_automatic_numbering_restarts_in_the_annex():
    d = read_docx_draft(wordfiles.auto_numbered()).draft
    assert [plain(p.content) for p in d.annexes[0].body] == \
        ["1. First step of the annex.", "2. Second step of the annex."]


def test_real_footnotes():
    d = read_docx_draft(wordfiles.with_footnotes()).draft
    assert [plain(f.content) for f in d.footnotes] == [
        "See the report of the fictional working group (A/70/999).",
        "The dates will be set by the President."]
    assert footnote_refs(d.preamble[0].content) == ["fn1"]
    assert footnote_refs(d.operative[0].content) == ["fn2"]


def test_tracked_changes_accept_and_reject(tmp_path):
    path = tmp_path / "returned.docx"
    path.write_bytes(wordfiles.two_authors())
    accepted = read_docx_draft(path, changes="accept").draft
    rejected = read_docx_draft(path, changes="reject").draft
    original = read_docx_draft(wordfiles.hand_typed()).draft
    assert rejected.preamble == original.preamble and rejected.operative == original.operative
    assert len(accepted.preamble) == 1
    assert "held in Geneva;" in plain(accepted.operative[0].content)
    assert "contribute promptly and generously" in plain(accepted.operative_paragraphs()[3].content)
    assert_no_word_lost(path, accepted, "accept")
    assert_no_word_lost(path, rejected, "reject")


def test_cli_import_docx(tmp_path):
    src = tmp_path / "zero.docx"
    src.write_bytes(wordfiles.hand_typed())
    out = tmp_path / "zero-draft.draft"
    r = run_cli("import", src, "-o", out)
    assert r.returncode == 0, r.stderr
    d = load_draft(out)
    assert d.metadata.version == "zero-draft" and len(d.operative_paragraphs()) == 4
    r = run_cli("import", src, "-o", out, "--changes", "maybe")
    assert r.returncode == 2 and "accept, reject or proposals" in r.stderr


def test_edited_build_keeps_ids_for_unchanged_units(first_draft, tmp_path):
    from assembler.ooxml.editor import TrackedEditor
    ed = TrackedEditor(build_docx(first_draft))
    ed.insert_paragraph_after("Invites the Secretary-General to submit inter-agency",
                              " Member States to share good practices;", "Delegation A",
                              italic_lead="Encourages", number="17.")
    ed.delete_paragraph("Reaffirms that the Secretariat", "Delegation A")
    d = read_docx_draft(ed.to_bytes(), version="rev1").draft
    ids = [o.id for o in d.operative_paragraphs()]
    assert "op10" not in ids and ids.count("op17") == 1
    new = [i for i in ids if i not in {o.id for o in first_draft.operative_paragraphs()}]
    assert len(new) == 1 and ids.index(new[0]) == ids.index("op16") + 1
    assert d.metadata.based_on == "first-draft" and d.metadata.version == "rev1"


@pytest.mark.parametrize("name", ["first-draft", "l-document", "resolution"])
def test_a_foreign_copy_of_a_built_draft_reads_the_same(name):
    """Without our bookmarks and properties (saved by another tool), the text is read from
    what Word shows: numbers, labels, leads, footnotes, cross-references and the masthead."""
    from word_canonical import strip_assembler_marks
    src = load_draft(ROOT / f"drafts/gcm-modalities/{name}.draft")
    result = read_docx_draft(strip_assembler_marks(build_docx(src)))
    d = result.draft
    assert (d.preamble, d.operative, d.footnotes) == (src.preamble, src.operative, src.footnotes)
    m, want = d.metadata, src.metadata
    for key in ("title", "date", "symbol", "session", "agenda-items", "agenda-titles",
                "submitted-by", "stage", "job-number", "adopted-on", "adopted-from", "formula",
                "closing"):
        assert m.get(key) == want.get(key), key


def test_what_word_really_writes(tmp_path):
    path = tmp_path / "messy.docx"
    path.write_bytes(wordfiles.messy())
    result = read_docx_draft(path)
    d = result.draft
    assert plain(d.preamble[0].content) == \
        "Recalling the report of the working group of 2 March 2017,"
    assert d.preamble[0].content[0] == Text("Recalling", italic=True)
    op1, op2 = d.operative_paragraphs()
    assert plain(op1.content) == "Decides that the follow\u2011up shall be annual (see below);"
    assert plain(op2.content) == "Requests a report \uf0b7 in 2018."
    assert_no_word_lost(path, d)


@pytest.mark.parametrize("symbol", ["A/HRC/55/L.12", "E/CN.6/2024/L.3", "A/C.3/80/L.61"])
def test_our_word_file_of_any_symbol_stages_builds_reads_back_without_a_warning(symbol):
    """The Word reader knows the symbols the printed reader knows (one pattern, masthead.py):
    a draft of the Human Rights Council or a functional commission, saved by another tool,
    reads back whole."""
    src = load_draft(ROOT / "drafts/gcm-modalities/l-document.draft")
    src = replace(src, metadata=src.metadata.with_values(symbol=symbol))
    from word_canonical import strip_assembler_marks  # as another tool saves it
    result = read_docx_draft(strip_assembler_marks(build_docx(src)))
    assert result.draft.metadata.symbol == symbol
    assert not [w for w in result.warnings if "not recognised" in str(w)], result.warnings


def test_versions_read_together_read_as_alone():
    """The negotiation's versions as Word files, each read after the one before inside
    `reading_together()` (as a redline reads them): the paragraphs they share are made
    content once, and every version reads to the draft and warnings it reads to alone,
    its footnotes too (a marker's note is always its own file's)."""
    from assembler.ooxml.reader import reading_together
    neg = ROOT / "drafts" / "gcm-modalities"
    files = [build_docx(load_draft(neg / f"{name}.draft"))
             for name in ("first-draft", "rev1", "rev2", "resolution")]
    alone = [read_docx_draft(f) for f in files]
    assert any(d.draft.footnotes for d in alone)
    for i in range(1, len(files)):
        with reading_together() as memo:
            pair = read_docx_draft(files[i - 1]), read_docx_draft(files[i])
            assert len(memo.derived) > 10
        for got, want in zip(pair, alone[i - 1:i + 1]):
            assert got.draft == want.draft
            assert got.warnings == want.warnings
