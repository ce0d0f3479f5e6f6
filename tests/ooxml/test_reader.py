"""Reading two Word files together (a redline's versions): a paragraph the second file has
as the first had it is recognised by its XML and not read again, and either file reads
exactly as it reads alone, whatever their styles and however their bookmarks are numbered."""
from __future__ import annotations

import io
import zipfile

from conftest import ROOT
from assembler.ooxml.reader import read_docx, reading_together
from assembler.source import load_draft
from assembler.writers.docx.draft import build_docx

NEG = ROOT / "drafts" / "gcm-modalities"


def versions() -> tuple[bytes, bytes]:
    """The first draft and Rev.1 as Word files: Rev.1 inserted and deleted paragraphs, so
    the hidden bookmarks of every paragraph after the first change have other ids."""
    return (build_docx(load_draft(NEG / "first-draft.draft")),
            build_docx(load_draft(NEG / "rev1.draft")))


def with_styles(docx: bytes, old: bytes, new: bytes) -> bytes:
    """The same Word file with a change in its styles part."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/styles.xml":
                assert old in data
                data = data.replace(old, new)
            z.writestr(item, data)
    return out.getvalue()


def test_the_kept_paragraphs_of_rev1_are_recognised_and_read_as_alone():
    first, rev1 = versions()
    alone = read_docx(first), read_docx(rev1)
    with reading_together() as memo:
        together = read_docx(first), read_docx(rev1)
    assert together == alone
    # numbers are still counted where each paragraph stands: Rev.1 renumbered paragraphs
    assert [p.numbering for p in together[1].paragraphs()] == \
        [p.numbering for p in alone[1].paragraphs()]
    paragraphs = sum(1 for _ in alone[1].paragraphs())
    assert memo.hits > paragraphs / 2, (memo.hits, paragraphs)


def test_other_styles_make_the_same_paragraphs_read_anew():
    first, _ = versions()
    # every run bold by the document defaults: the same paragraph XML means other runs
    bold = with_styles(first, b"<w:rPrDefault><w:rPr>", b"<w:rPrDefault><w:rPr><w:b/>")
    alone = read_docx(bold)
    assert all(r.bold for p in alone.paragraphs() for r in p.runs if r.text.strip())
    with reading_together() as memo:
        read_docx(first)
        together = read_docx(bold)
    assert together == alone
    assert memo.hits == 0


def with_part(docx: bytes, part: str, edit) -> bytes:
    """The same Word file with `edit` applied to one part's bytes."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            data = src.read(item.filename)
            z.writestr(item, edit(data) if item.filename == part else data)
    return out.getvalue()


def test_bookmarks_that_cross_and_bookmarks_that_nest_are_told_apart():
    """The same paragraph XML but for its bookmark ids: two bookmarks over its runs that
    cross (x ends first) in one file and nest (y ends first) in the other, their ids
    numbered otherwise. Read together, each file reads as alone: the second run lies
    inside y in the first and inside x in the second."""
    import re
    first, _ = versions()
    point = re.compile(rb'<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"/>'
                       rb'<w:bookmarkEnd w:id="\1"/>(<w:r>.*?</w:r>)(<w:r>.*?</w:r>)')

    def spans(ends: tuple[bytes, bytes], a: bytes, b: bytes):
        def edit(xml: bytes) -> bytes:
            def two(m):
                return (b'<w:bookmarkStart w:id="' + a + b'" w:name="' + m.group(2) + b'"/>'
                        b'<w:bookmarkStart w:id="' + b + b'" w:name="y"/>' + m.group(3)
                        + b'<w:bookmarkEnd w:id="' + ends[0] + b'"/>' + m.group(4)
                        + b'<w:bookmarkEnd w:id="' + ends[1] + b'"/>')
            return point.sub(two, xml, count=1)
        return edit

    crossing = with_part(first, "word/document.xml", spans((b"900", b"901"), b"900", b"901"))
    nesting = with_part(first, "word/document.xml", spans((b"801", b"800"), b"800", b"801"))
    alone = read_docx(crossing), read_docx(nesting)
    runs = [next(p for p in doc.paragraphs() if "y" in p.starts).runs for doc in alone]
    assert len(runs[0][-1].bookmarks) == 1 and runs[0][-1].bookmarks != runs[1][-1].bookmarks
    with reading_together() as memo:
        together = read_docx(crossing), read_docx(nesting)
    assert together == alone
    assert memo.hits > 0


def test_text_in_a_text_box_is_kept_after_its_paragraph():
    """A paragraph holding a text box (a VML shape, as Word writes one): its words are
    read as a paragraph after it, with a note; the rest of the file reads as before."""
    first, _ = versions()
    box = (b'<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
           b'<w:txbxContent><w:p><w:r><w:t>Boxed words</w:t></w:r></w:p></w:txbxContent>'
           b'</v:textbox></v:shape></w:pict></w:r></w:p>')
    boxed = with_part(first, "word/document.xml", lambda xml: xml.replace(b"</w:p>", box, 1))
    plain, doc = read_docx(first), read_docx(boxed)
    texts = [p.text for p in doc.paragraphs()]
    assert texts.count("Boxed words") == 1
    at = texts.index("Boxed words")
    assert texts[:at] + texts[at + 1:] == [p.text for p in plain.paragraphs()]
    assert any("text box" in message for _, message in doc.notes)
