"""The seed's First Draft imports with its structure restored and not one word changed."""
from __future__ import annotations

import re

import pytest

from assembler.inline import plain
from assembler.leads import lead_text
from assembler.model import FootnoteRef, Heading, OperativeParagraph
from assembler.numbering import compute_labels
from assembler.readers.untext import import_untext

from seedtext import LABEL, seed_resolution_lines
from conftest import FIRST_DRAFT, run_cli



@pytest.fixture(scope="module")
def imported(seed_path):
    return import_untext(seed_path.read_text("utf-8"), str(seed_path),
                         negotiation="gcm-modalities", version="first-draft")


def seed_words(lines: list[str]) -> tuple[list[str], list[str]]:
    """The seed's words in reading order, without list marks, numbers and footnote markers;
    the footnote text separately."""
    body, note = [], []
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if s.startswith("<sup>"):
            note += re.sub(r".*<sup>\d+</sup>\s*", "", s, count=1).split()
            continue
        s = re.sub(r"^#+\s*", "", s)
        s = re.sub(r"^-\s+", "", s)
        s = re.sub(r"^\d+\.\s+", "", s)
        s = LABEL.sub("", s)
        s = re.sub(r"<sup>\d+</sup>", "", s)
        s = re.sub(r"<sup>(.*?)</sup>", r"\1", s).replace("*", "")
        body += s.split()
    return body, note


def draft_words(draft) -> tuple[list[str], list[str]]:
    labels = compute_labels(draft)
    ref = lambda uid: labels[uid].number  # noqa: E731
    body = draft.metadata.formula.split()
    for unit in draft.units():
        if unit.kind in ("pp", "op", "sub", "heading"):
            body += plain(unit.content, ref).split()
    note = [w for fn in draft.footnotes for w in plain(fn.content).split()]
    return body, note


def test_not_one_word_lost_added_or_reordered(imported, seed_path):
    seed_body, seed_note = seed_words(seed_resolution_lines(seed_path))
    body, note = draft_words(imported.draft)
    assert len(body) > 1900
    assert body == seed_body
    assert note == seed_note


def test_structure_of_the_first_draft(imported):
    d = imported.draft
    assert len(d.preamble) == 4
    ops = d.operative_paragraphs()
    assert len(ops) == 28
    labels = compute_labels(d)
    assert [labels[op.id].number for op in ops] == [str(n) for n in range(1, 29)]
    # headings stand right before paragraphs 14, 20 and 23
    order = list(d.operative)
    for title, number in (("Phase I", 14), ("Phase II", 20), ("Phase III", 23)):
        heading = next(u for u in order if isinstance(u, Heading) and plain(u.content) == title)
        following = order[order.index(heading) + 1]
        assert labels[following.id].number == str(number)
    subs = {labels[op.id].number: op.children for op in ops if op.children}
    assert {k: len(v) for k, v in subs.items()} == {"1": 4, "6": 3, "13": 3, "14": 2,
                                                   "19": 3, "20": 3}
    assert [len(group.children) for group in subs["14"]] == [3, 3]
    assert [labels[g.id].mark for g in subs["14"]] == ["A)", "B)"]
    assert [labels[i.id].mark for g in subs["14"] for i in g.children] == \
        ["a.", "b.", "c.", "d.", "e.", "f."]
    assert [labels[c.id].mark for c in subs["13"]] == ["a.", "b.", "c."]
    assert [labels[c.id].mark for c in subs["1"]] == ["(a)", "(b)", "(c)", "(d)"]


def test_footnotes_at_their_markers(imported):
    d = imported.draft
    labels = compute_labels(d)
    marked = {labels[u.id].number for u in d.units()
              if any(isinstance(i, FootnoteRef) for i in getattr(u, "content", ()))
              and u.kind != "fn"}
    assert marked == {"6 (b)", "6 (c)"}
    assert len(d.footnotes) == 1  # one text serves both markers, as in the seed
    assert plain(d.footnotes[0].content).startswith("The list of proposed")


def test_superscript_kept(imported):
    op1a = imported.draft.unit_index()["op1.a"]
    assert any(getattr(i, "sup", False) and i.text == "rd" for i in op1a.content)


def test_every_lead_phrase_in_italics(imported):
    d = imported.draft
    assert [lead_text(p.content) for p in d.preamble] == \
        ["Recalling", "Recalling also", "Acknowledging", "Welcoming"]
    leads = [lead_text(op.content) for op in d.operative_paragraphs()]
    assert all(leads), leads
    for expected in ("Decides", "Underlines further", "Requests also", "Requests further",
                     "Calls upon", "Urges", "Decides also", "Also decides", "Invites"):
        assert expected in leads
    index = d.unit_index()
    assert lead_text(index["op6.a"].content) == "Invites"
    assert lead_text(index["op1.a"].content) == ""  # "shall be held" is no lead


def test_cross_references_point_at_units(imported):
    op20 = imported.draft.unit_index()["op20"]
    targets = [i.target for i in op20.content if hasattr(i, "target")]
    assert targets == ["op14", "op19"]
    op14 = imported.draft.unit_index()["op14"]
    # "paragraph 8 of Annex II of its resolution 71/1" is another document: plain text
    assert "paragraph 8 of Annex II of its resolution 71/1" in plain(op14.content)


def test_irregularities_reported_with_line_numbers(imported):
    messages = {w.line: w.message for w in imported.warnings}
    assert "without a number" in messages[60]       # "- Decides ..." (paragraph 3)
    assert "without its label" in messages[56]      # 1 (b) lost its label
    assert "broken across a page" in messages[64]   # paragraph 5
    assert "not in the list" in messages[103]       # 19 (c)


def test_committed_first_draft_is_the_import(imported, first_draft):
    """The committed text is the import's; metadata may have grown (symbols, letters)."""
    d = imported.draft
    assert (first_draft.preamble, first_draft.operative, first_draft.footnotes) == \
        (d.preamble, d.operative, d.footnotes)
    assert set(d.metadata.items()) <= set(first_draft.metadata.items())


def test_cli_import(seed_path, tmp_path):
    out = tmp_path / "first.draft"
    res = run_cli("import", seed_path, "-o", out)
    assert res.returncode == 0, res.stderr
    assert "28 operative paragraphs" in res.stderr
    assert ":60: warning" in res.stderr
    assert out.read_text("utf-8").startswith("assembler-draft 1\n")


@pytest.mark.parametrize("name", ["first.docx", "first.pdf", "first"])
def test_cli_import_writes_only_a_draft_source(seed_path, tmp_path, name):
    """A draft source under a document's name would fool whoever opens it next."""
    out = tmp_path / name
    res = run_cli("import", seed_path, "-o", out)
    assert res.returncode == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {out}: import writes a draft source")
    assert "ending in .draft" in lines[0]
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("data, kind", [(b"", "empty"), (b"  \n\n", "empty"),
                                        (b"\x00\x01PK\x03\x04" * 50, "binary")])
def test_cli_import_of_a_text_that_is_none(tmp_path, data, kind):
    """The message speaks of the draft's text being imported, not of a draft source."""
    src, out = tmp_path / "draft.txt", tmp_path / "first.draft"
    src.write_bytes(data)
    res = run_cli("import", src, "-o", out)
    assert res.returncode == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert lines == [f"error: {src}:1: {kind} file: not the text of a draft (give the draft's "
                     "text as UTF-8 (.txt or .md, e.g. as extracted from its PDF); Word files "
                     "are read as .docx)"]
    assert not out.exists()
