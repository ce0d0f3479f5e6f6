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
