"""A delegate's Word file whose cross-references Word did not renumber: our Word file of the
first draft (derived from the seed), edited through python-docx as Word saves an edit with
Track Changes on. Only what the delegate did is marked: the paragraph they inserted, or a
reference they typed over; a reference that only followed its paragraph is no edit."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import ROOT, counted, pandoc_text, run_cli

FIRST = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"
WHO = {"w:author": "Delegation A", "w:date": "2017-01-20T00:00:00Z"}
NEW_WORDS = " the co-facilitators to report on the preparations, in accordance with their mandate;"


def tracked(tag: str, wid: int) -> OxmlElement:
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(wid))
    for k, v in WHO.items():
        el.set(qn(k), v)
    return el


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("refs") / "first-draft.docx"
    r = run_cli("build", FIRST, "-o", out)
    assert r.returncode == 0, r.stderr
    return out


def insert_before_op5(source: Path, out: Path) -> None:
    """The delegate puts the cursor before OP 5, presses Enter and types a paragraph: Word
    numbers it 5 and the paragraphs after it 6 to 29, but prints the references as before."""
    d = docx.Document(str(source))
    op5 = next(p for p in d.paragraphs if p.text.startswith("Requests the President"))
    new = copy.deepcopy(op5._p)
    for child in list(new):
        if child.tag != qn("w:pPr"):
            new.remove(child)
    op5._p.addprevious(new)
    para = Paragraph(new, op5._parent)
    lead = para.add_run("Requests")
    lead.italic = True
    rest = para.add_run(NEW_WORDS)
    ins = tracked("w:ins", 9001)
    lead._r.addprevious(ins)
    ins.append(lead._r)
    ins.append(rest._r)
    rpr = OxmlElement("w:rPr")
    rpr.append(tracked("w:ins", 9002))
    new.pPr.append(rpr)
    d.save(str(out))


def type_over_reference(source: Path, out: Path, old: str, typed: str) -> None:
    """The delegate selects the number of OP 20 (a)'s reference and types `typed`: Word
    tracks the field's runs as deleted and the typed number as inserted, inside the
    reference's bookmark."""
    d = docx.Document(str(source))
    _, start, runs = reference(d, old)
    dele = tracked("w:del", 9101)
    start.addnext(dele)
    for r in runs:
        for t in r.iter(qn("w:t")):
            t.tag = qn("w:delText")
        for t in r.iter(qn("w:instrText")):
            t.tag = qn("w:delInstrText")
        dele.append(r)
    ins = tracked("w:ins", 9102)
    dele.addnext(ins)
    ins.append(text_run(typed))
    d.save(str(out))


def reference(d, old: str) -> tuple:
    """OP 20 (a)'s reference in a python-docx document: its paragraph's w:p, its `_x`
    bookmark's start and the runs inside the bookmark, which print `old`."""
    p = next(p for p in d.paragraphs if p.text.startswith("present inputs"))._p
    start = next(b for b in p.iter(qn("w:bookmarkStart")) if b.get(qn("w:name")).startswith("_x"))
    runs = []
    el = start.getnext()
    while el is not None and el.tag != qn("w:bookmarkEnd"):
        runs.append(el)
        el = el.getnext()
    assert "".join(t.text for r in runs for t in r.iter(qn("w:t"))) == old
    return p, start, runs


def text_run(text: str) -> OxmlElement:
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    return run


def paragraphs(text: str) -> list[str]:
    """pandoc's paragraphs without Word's list numbers (pandoc keeps a list item whose
    paragraph mark is deleted as an empty one: Word and LibreOffice remove it)."""
    lines = (re.sub(r"^\d+\.\s*", "", line.strip()) for line in text.splitlines())
    return [line for line in lines if line]


def marks(path: Path) -> list[tuple[str, str]]:
    """Every tracked change pandoc sees: (insertion|deletion, its text)."""
    md = pandoc_text(path, "all", to="markdown")
    return [(m.group(2), " ".join(m.group(1).split()))
            for m in re.finditer(r"\[([^\]]*)\]\{\.(insertion|deletion)[^}]*\}", md)]


def marks_only_the_new_paragraph(edited: Path, base: Path, tmp_path: Path) -> str:
    """`import --changes proposals` gives the paragraph insert_before_op5 typed and nothing
    else; the redline of the draft the file reads as (redline.docx, redline.html in
    tmp_path) marks that paragraph only. Returns what the plain import said."""
    folder = tmp_path / "proposals"
    folder.mkdir()
    r = run_cli("import", edited, "--changes", "proposals", "--base", base, "-o", folder)
    assert r.returncode == 0, r.stderr
    yaml = (folder / "P-delegation-a.yaml").read_text("utf-8")
    assert yaml.count("- kind:") == 1 and "kind: insert-unit" in yaml, yaml
    read = tmp_path / "edited.draft"
    imported = run_cli("import", edited, "-o", read)
    assert imported.returncode == 0, imported.stderr
    for out in (tmp_path / "redline.docx", tmp_path / "redline.html"):
        r = run_cli("redline", base, read, "-o", out)
        assert r.returncode == 0, r.stderr
    assert marks(tmp_path / "redline.docx") == [("insertion", "*Requests*" + NEW_WORDS)]
    text = (tmp_path / "redline.html").read_text("utf-8").split('class="unit formula"')[1]
    changed = [re.search(r'id="([^"]*)"', block).group(1) for block in text.split("<p ")[1:]
               if "<ins" in block or "<del" in block]
    assert changed == ["op5-2"]
    return imported.stderr


@pytest.mark.slow
def test_a_paragraph_inserted_in_word_marks_only_itself(built, tmp_path):
    edited = tmp_path / "edited.docx"
    insert_before_op5(built, edited)
    # the file as Word shows it: the new paragraph, and the references printed as before
    accepted = " ".join(pandoc_text(edited, "accept").split())
    assert "Requests" + NEW_WORDS in accepted
    assert "outlined in paragraphs 14 and 19" in accepted
    assert paragraphs(pandoc_text(edited, "reject")) == paragraphs(pandoc_text(built, "reject"))

    # its proposals and its redline: the paragraph, and nothing about the references
    marks_only_the_new_paragraph(edited, FIRST, tmp_path)
    accept = " ".join(pandoc_text(tmp_path / "redline.docx", "accept").split())
    assert "outlined in paragraphs 15 and 20" in accept            # as the new draft prints
    assert " ".join(pandoc_text(tmp_path / "redline.docx", "reject").split()).count(
        "Requests" + NEW_WORDS) == 0
    # rejected, it reads as the first draft but for the numbers Word counts
    # (tests/writers/test_libreoffice.py has LibreOffice count them)
    assert paragraphs(pandoc_text(counted(tmp_path / "redline.docx", tmp_path), "reject")) == \
        paragraphs(pandoc_text(counted(built, tmp_path), "reject"))


@pytest.mark.slow
def test_a_reference_typed_over_in_word_is_an_edit(built, tmp_path):
    edited = tmp_path / "typed.docx"
    type_over_reference(built, edited, "19", "18")
    assert "outlined in paragraph 18 that" in " ".join(pandoc_text(edited, "accept").split())
    folder = tmp_path / "proposals"
    folder.mkdir()
    r = run_cli("import", edited, "--changes", "proposals", "--base", FIRST, "-o", folder)
    assert r.returncode == 0, r.stderr
    yaml = (folder / "P-delegation-a.yaml").read_text("utf-8")
    assert yaml.count("- kind:") == 1 and "op20.a" in yaml and "18" in yaml, yaml
    read = tmp_path / "typed.draft"
    r = run_cli("import", edited, "-o", read)
    assert r.returncode == 0 and "the reference to op19 was typed over" in r.stderr, r.stderr
    red = tmp_path / "redline.docx"
    assert run_cli("redline", FIRST, read, "-o", red).returncode == 0
    assert marks(red) == [("deletion", "19"), ("insertion", "18")]


def overwrite_reference(source: Path, out: Path, old: str, typed: str, keep_field: bool) -> None:
    """The delegate types `typed` over OP 20 (a)'s reference with Track Changes off: inside
    the field's result (Word keeps the field) or over the whole field (Word keeps the typed
    text only), in the reference's bookmark either way."""
    d = docx.Document(str(source))
    p, start, runs = reference(d, old)
    shown = [t for r in runs for t in r.iter(qn("w:t"))]
    if keep_field:
        shown[0].text = typed
        for t in shown[1:]:
            t.text = ""
        assert any(True for r in runs for _ in r.iter(qn("w:instrText")))
    else:
        for r in runs:
            p.remove(r)
        start.addnext(text_run(typed))
    d.save(str(out))


@pytest.mark.slow
@pytest.mark.parametrize("keep_field", [True, False], ids=["in-the-field", "over-the-field"])
def test_a_reference_typed_over_without_track_changes_is_never_lost_silently(
        built, tmp_path, keep_field):
    edited = tmp_path / "typed.docx"
    overwrite_reference(built, edited, "19", "18", keep_field)
    # the file as Word shows it
    assert "outlined in paragraph 18 that" in " ".join(pandoc_text(edited, "accept").split())
    # without the draft it was made from, a number typed cannot be told from one Word left
    # unrenumbered: read by its target, with a warning naming the paragraph and what to do
    read = tmp_path / "alone.draft"
    r = run_cli("import", edited, "-o", read)
    assert r.returncode == 0, r.stderr
    said = [line for line in r.stderr.splitlines() if "prints “18”" in line]
    assert len(said) == 1 and "the reference to op19" in said[0], r.stderr
    assert "(“present inputs" in said[0] and "--base" in said[0], said
    assert "numbered 19 in this file" in said[0], said
    # with it, the number typed is an edit: kept as typed, and the redline marks 19 -> 18
    read = tmp_path / "based.draft"
    r = run_cli("import", edited, "-o", read, "--base", FIRST)
    assert r.returncode == 0, r.stderr
    assert "the reference to op19 was typed over (without Track Changes" in r.stderr, r.stderr
    assert "prints “18”" not in r.stderr
    red = tmp_path / "redline.docx"
    assert run_cli("redline", FIRST, read, "-o", red).returncode == 0
    assert marks(red) == [("deletion", "19"), ("insertion", "18")]
    assert "outlined in paragraph 18 that" in " ".join(pandoc_text(red, "accept").split())


def insert_untracked_before_op5(source: Path, out: Path) -> None:
    """As insert_before_op5 with Track Changes off: Word numbers the new paragraph 5 and
    prints the references as before (the fields not counted again)."""
    insert_before_op5(source, out)
    d = docx.Document(str(out))
    body = d.element.body
    for ins in list(body.iter(qn("w:ins"))):
        parent = ins.getparent()
        if parent.tag == qn("w:rPr"):
            parent.remove(ins)
            continue
        for child in list(ins):
            ins.addprevious(child)
        parent.remove(ins)
    d.save(str(out))


@pytest.mark.slow
def test_references_word_left_unrenumbered_follow_their_paragraph_given_the_base(built, tmp_path):
    edited = tmp_path / "untracked.docx"
    insert_untracked_before_op5(built, edited)
    accepted = " ".join(pandoc_text(edited, "accept").split())
    assert "Requests" + NEW_WORDS in accepted and "outlined in paragraphs 14 and 19" in accepted
    # the base says 14 and 19 were their paragraphs' numbers: no edit, no warning
    read = tmp_path / "based.draft"
    r = run_cli("import", edited, "-o", read, "--base", FIRST)
    assert r.returncode == 0, r.stderr
    assert "typed over" not in r.stderr and "prints “" not in r.stderr, r.stderr
    red = tmp_path / "redline.docx"
    assert run_cli("redline", FIRST, read, "-o", red).returncode == 0
    assert marks(red) == [("insertion", "*Requests*" + NEW_WORDS)]
    # without it, each stale number is said, none is lost
    r = run_cli("import", edited, "-o", tmp_path / "alone.draft")
    assert r.returncode == 0, r.stderr
    said = [line for line in r.stderr.splitlines() if "prints “" in line]
    assert said and all("--base" in line for line in said), r.stderr
    assert any("the reference to op14 prints “14”" in line for line in said), said


@pytest.fixture(scope="module")
def sub_ref(tmp_path_factory) -> tuple[Path, Path]:
    """The first draft with OP 20 (a) referring to a sub-paragraph: "paragraph 19 (a)"."""
    folder = tmp_path_factory.mktemp("subref")
    text = FIRST.read_text("utf-8")
    assert text.count("outlined in paragraph [@op19] that") == 1
    draft = folder / "first-draft.draft"
    draft.write_text(text.replace("outlined in paragraph [@op19] that",
                                  "outlined in paragraph [@op19.a] that"), "utf-8")
    out = folder / "first-draft.docx"
    r = run_cli("build", draft, "-o", out)
    assert r.returncode == 0, r.stderr
    return draft, out


@pytest.mark.slow
def test_a_reference_to_a_sub_paragraph_follows_its_renumbered_paragraph(sub_ref, tmp_path):
    draft, built = sub_ref
    assert "outlined in paragraph 19 (a) that" in " ".join(pandoc_text(built, "accept").split())
    edited = tmp_path / "edited.docx"
    insert_before_op5(built, edited)
    # the inserted paragraph is the only mark: "19 (a)" -> "20 (a)" only followed OP 19
    said = marks_only_the_new_paragraph(edited, draft, tmp_path)
    assert "prints “" not in said, said
    assert "outlined in paragraph 20 (a) that" in " ".join(
        pandoc_text(tmp_path / "redline.docx", "accept").split())
    # the paragraph's number is the field Word counts, the letters after it text
    rejected = " ".join(pandoc_text(counted(tmp_path / "redline.docx", tmp_path), "reject").split())
    assert "outlined in paragraph # (a) that" in rejected
