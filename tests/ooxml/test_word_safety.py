"""Every Word file we write is safe to open in Word: each annotation (insertion, deletion,
move, bookmark, comment) has a w:id no other annotation in the package uses, every end or
reference names an opened one, and the property elements we emit keep the schema's order.
Checked over every .docx `make demo` writes and the Word files the tests are made of."""
from __future__ import annotations

import io
import sys
import zipfile
from collections import Counter

import pytest
from lxml import etree

import wordfiles
from conftest import ROOT
from assembler.ooxml.ids import ANNOTATION_REFS, annotations
from assembler.ooxml.schema import out_of_order

from products import DEMO_DOCX as DEMO, write_products  # the .docx lines of `make demo`

PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("demo")
    files = {name: path.read_bytes() for name, path in write_products(DEMO, out).items()}
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from delegation_edits import main as delegation_edits
    finally:
        sys.path.pop(0)
    returned = out / "first-draft-returned.docx"
    delegation_edits(str(out / "first-draft.docx"), str(returned))
    files["first-draft-returned"] = returned.read_bytes()
    return files


def fixture_files(first_draft) -> dict[str, bytes]:
    return {"hand_typed": wordfiles.hand_typed(), "auto_numbered": wordfiles.auto_numbered(),
            "with_footnotes": wordfiles.with_footnotes(), "two_authors": wordfiles.two_authors(),
            "messy": wordfiles.messy(),
            "returned_first_draft": wordfiles.returned_first_draft(first_draft)}


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: etree.fromstring(z.read(n), PARSER) for n in z.namelist()
                if n.startswith("word/") and n.endswith(".xml")}


def id_problems(data: bytes) -> list[str]:
    roots = list(parts(data).values())
    opened = annotations(roots)
    counts = Counter(i for _, i in opened)
    problems = [f"id {i} used by {k} annotations "
                f"({', '.join(sorted({t for t, j in opened if j == i}))})"
                for i, k in counts.items() if k > 1]
    problems += [f"{t} without an id" for t, i in opened if not i]
    known = set(counts)
    for root in roots:
        for el in root.iter(*ANNOTATION_REFS):
            if el.get(f"{{{etree.QName(el).namespace}}}id") not in known:
                problems.append(f"{etree.QName(el).localname} names no opened annotation")
    return problems


def test_every_demo_docx_has_unique_annotation_ids(demo_files):
    found = {name: id_problems(data) for name, data in demo_files.items()}
    assert {k: v for k, v in found.items() if v} == {}
    # the tracked-change files do hold changes and bookmarks side by side (the old clash)
    tags = Counter(t for t, _ in annotations(parts(demo_files["redline"]).values()))
    assert tags["bookmarkStart"] > 10 and tags["ins"] + tags["del"] > 10
    tags = Counter(t for t, _ in annotations(parts(demo_files["preview-delegation-q"]).values()))
    assert tags["comment"] >= 1 and tags["bookmarkStart"] > 10


def test_every_fixture_docx_has_unique_annotation_ids(first_draft):
    found = {name: id_problems(data) for name, data in fixture_files(first_draft).items()}
    assert {k: v for k, v in found.items() if v} == {}


def test_properties_we_write_keep_the_schema_order(demo_files):
    found = {}
    for name, data in demo_files.items():
        for part, root in parts(data).items():
            bad = out_of_order(root)
            if bad:
                found[f"{name}:{part}"] = sorted(set(bad))
    assert found == {}


def test_the_order_check_finds_a_misplaced_property():
    """The checker itself: w:b after w:sz in a run, w:ind before w:spacing in a paragraph."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    p = etree.fromstring(f'<w:p xmlns:w="{w[1:-1]}"><w:pPr><w:ind/><w:spacing/></w:pPr>'
                         f'<w:r><w:rPr><w:sz/><w:b/></w:rPr></w:r></w:p>')
    assert sorted(out_of_order(p)) == ["pPr: ind before spacing", "rPr: sz before b"]


def test_an_edited_file_keeps_ids_unique_even_when_its_ids_are_high(first_draft):
    """A file from elsewhere whose ids run high: the editor's new changes start after them."""
    from assembler.ooxml.editor import TrackedEditor
    from assembler.writers.docx.draft import build_docx
    data = build_docx(first_draft)
    ed = TrackedEditor(data)
    for i, mark in enumerate(ed.doc.iter(f"{{{ed.doc.nsmap['w']}}}bookmarkStart")):
        mark.set(f"{{{ed.doc.nsmap['w']}}}id", str(9001 + i))
    for end in ed.doc.iter(f"{{{ed.doc.nsmap['w']}}}bookmarkEnd"):
        end.getparent().remove(end)  # ends re-added below under the new ids
    for mark in list(ed.doc.iter(f"{{{ed.doc.nsmap['w']}}}bookmarkStart")):
        mark.addnext(etree.Element(f"{{{ed.doc.nsmap['w']}}}bookmarkEnd",
                                   {f"{{{ed.doc.nsmap['w']}}}id": mark.get(
                                       f"{{{ed.doc.nsmap['w']}}}id")}))
    edited = TrackedEditor(ed.to_bytes())
    edited.replace_words("to appoint two co-facilitators", "two", "three", "Delegation A")
    edited.move_paragraph("Requests the Secretary-General to appoint a Secretary-General",
                          "Requests further the Secretary-General to prepare a note",
                          "Delegation A")
    assert id_problems(edited.to_bytes()) == []
