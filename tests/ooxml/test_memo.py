"""The memo's keys (ooxml/memo.py): a paragraph's key taken from the bytes of its part says
what its key taken by serializing it says, paragraph for paragraph, on a real draft's Word
file; parts the scan cannot cut plainly fall back to serializing; and the reader's records
built in one step keep their fields' parameters."""
from __future__ import annotations

import inspect
import zipfile
from dataclasses import MISSING, fields, replace
from io import BytesIO

import pytest

from conftest import ROOT
from assembler.ooxml.memo import memo_key, paragraph_bytes
from assembler.ooxml.ns import w
from assembler.ooxml.numbering_xml import NumInfo
from assembler.ooxml.reader import WParagraph, WRun
from assembler.ooxml.safezip import parse_xml
from assembler.source import load_draft
from assembler.writers.docx.draft import build_docx

NEG = ROOT / "drafts" / "gcm-modalities"


def document_xml() -> bytes:
    docx = build_docx(load_draft(NEG / "rev1.draft"))
    return zipfile.ZipFile(BytesIO(docx)).read("word/document.xml")


def keys(data: bytes) -> tuple[list, dict]:
    root = parse_xml(data, "word/document.xml")
    written = paragraph_bytes(data, root)
    return [memo_key(p, written) for p in root.iter(w("p"))], written


def test_keys_from_the_bytes_say_what_serializing_says():
    data = document_xml()
    root = parse_xml(data, "word/document.xml")
    written = paragraph_bytes(data, root)
    paragraphs = list(root.iter(w("p")))
    assert len(written) == len(paragraphs) > 50
    for p in paragraphs:
        fast, slow = memo_key(p, written), memo_key(p, {})
        # the same XML less the namespace declarations serializing adds to the paragraph
        # (it has no attributes) and its end tag, under the part's head
        assert not p.attrib and fast[1] == slow[1] and fast[2].endswith(b"<w:body>")
        assert fast[0] == b"<w:p" + slow[0][slow[0].index(b">"):-len(b"</w:p>")]
    # the bytes are the paragraph's own: two paragraphs' keys differ as their XML does
    assert len({memo_key(p, written) for p in paragraphs}) == \
        len({memo_key(p, {}) for p in paragraphs})


@pytest.mark.parametrize("edit", [
    lambda d: d.replace(b"<w:body>", b"<w:body><!-- <w:p> -->", 1),
    lambda d: d.replace(b"</w:pPr>", b"</w:pPr><?mark <w:p>?>", 1),
    lambda d: d.replace(b"<w:body>", b"<w:body><w:p/>", 1),
    lambda d: d.replace(b"<w:p>", b'<w:p xmlns:x="urn:x">', 1),
])
def test_a_part_the_scan_cannot_cut_plainly_is_serialized(edit):
    data = edit(document_xml())
    found, written = keys(data)
    assert written == {}
    assert all(len(k) == 2 for k in found)  # every key made by serializing


def test_the_records_made_in_one_step_keep_their_fields():
    for cls in (WRun, WParagraph, NumInfo):
        params = list(inspect.signature(cls).parameters.values())
        assert [p.name for p in params] == [f.name for f in fields(cls)]
        assert [p.default for p in params] == \
            [inspect.Parameter.empty if f.default is MISSING else f.default for f in fields(cls)]
    run = WRun("a", italic=True, bookmarks=("x",))
    assert replace(run, text="b") == WRun("b", True, bookmarks=("x",))
    assert hash(run) == hash(WRun("a", True, bookmarks=("x",)))
    with pytest.raises(AttributeError):
        run.text = "c"  # still frozen
