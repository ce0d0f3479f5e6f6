"""Hostile or broken .docx files are refused with one clear line, without network access and
within bounded memory (sizes are checked from the zip directory before inflating)."""
from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from conftest import run_cli
from assembler.errors import AssemblerError
from assembler.readers.docx import read_docx_draft
from assembler.writers.docx.draft import build_docx

CT = b"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/></Types>"""
RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = (f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>The General Assembly,</w:t></w:r>'
        f'</w:p><w:p><w:r><w:t>1.\tDecides &lol; to act;</w:t></w:r></w:p></w:body></w:document>')


def package(document: bytes, extra: dict | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def refused(data: bytes) -> str:
    tracemalloc.start()
    try:
        with pytest.raises(AssemblerError) as err:
            read_docx_draft(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20, f"refusing took {peak / 2**20:.1f} MiB"
    return str(err.value)


def test_not_a_zip():
    assert "not a Word .docx file (not a zip package)" in refused(b"{\\rtf1 this is RTF}")


def test_truncated_zip():
    data = build_docx_bytes()
    assert "not a Word .docx file" in refused(data[: len(data) // 2])


def build_docx_bytes() -> bytes:
    from assembler.model import Draft, Metadata, OperativeParagraph, Text
    return build_docx(Draft(Metadata(formula="The General Assembly,"), (),
                            (OperativeParagraph("op1", (Text("Decides to act."),)),)))


def test_zip_bomb_refused_from_the_directory():
    # 48 MiB of one byte deflates to ~50 KiB: a part larger than the limit
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w") as fh:
            chunk = b" " * 2**20
            for _ in range(48):
                fh.write(chunk)
    data = buf.getvalue()
    assert len(data) < 2**20
    assert "inflates to 48 MiB" in refused(data)


def test_compression_ratio_bomb():
    data = package(b"<a>" + b" " * (8 * 2**20) + b"</a>")
    assert "a zip bomb; refused" in refused(data)


def test_too_many_entries():
    extra = {f"word/media/x{i}.xml": b"<a/>" for i in range(4100)}
    assert "entries (limit 4000)" in refused(package(BODY.encode(), extra))


@pytest.mark.parametrize("dtd", [
    '<!DOCTYPE d [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
    '<!DOCTYPE d [<!ENTITY lol SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE d [<!ENTITY lol SYSTEM "http://example.invalid/x">]>',
])
def test_entity_declarations_refused(dtd):
    doc = ('<?xml version="1.0"?>' + dtd + BODY).encode()
    assert "declares a DTD or entities; refused" in refused(package(doc))


def test_external_content_refused_links_allowed():
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="http://'
            'example.invalid/x" TargetMode="External"/></Relationships>')
    body = BODY.replace("&lol; ", "").encode()
    msg = refused(package(body, {"word/_rels/document.xml.rels":
                                 rels.format(kind="subDocument").encode()}))
    assert "pulls in an external subDocument" in msg
    ok = read_docx_draft(package(body, {"word/_rels/document.xml.rels":
                                        rels.format(kind="hyperlink").encode()}))
    assert len(ok.draft.operative) == 1


def test_malformed_xml():
    assert "not well-formed XML" in refused(package(b"<w:document"))


def test_no_main_part():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    assert "no package relationships" in refused(buf.getvalue())


def test_cli_refuses_with_one_line_and_writes_nothing(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(package(b"<a>" + b" " * (8 * 2**20) + b"</a>"))
    out = tmp_path / "out.draft"
    r = run_cli("import", bomb, "-o", out)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "bomb.docx" in r.stderr and "zip bomb" in r.stderr
    assert not out.exists() and "Traceback" not in r.stderr
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip")
    r = run_cli("import", fake, "-o", out)
    assert r.returncode == 2 and "fake.docx: is not a Word .docx file" in r.stderr
