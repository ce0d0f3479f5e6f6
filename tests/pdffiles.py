"""PDF files the import tests need and no writer of ours makes: a scan with no text layer, a
password-protected file, a letter that is no UN document, hostile files. Made here, small,
so no binary is committed."""
from __future__ import annotations

import io
import zlib


def _pdf(pages: list[bytes], extra_objects: list[bytes] = (), resources: bytes = b"") -> bytes:
    """A minimal, valid PDF: one content stream per page, Helvetica as the font."""
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font = len(objs) + 1
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for content in pages:
        stream = len(objs) + 1
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(len(objs) + 1)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> %s >> >>" % (stream, font, resources))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    objs.extend(extra_objects)
    return _assemble(objs)


def _assemble(objs: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objs) + 1, xref))
    return out.getvalue()


def _text_page(lines: list[str], size: int = 11) -> bytes:
    ops = [b"BT /F1 %d Tf 72 770 Td %d TL" % (size, size + 3)]
    for line in lines:
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(%s) Tj T*" % safe.encode("latin-1"))
    ops.append(b"ET")
    return b"\n".join(ops)


def letter() -> bytes:
    """A business letter: text, but no UN document (no enacting formula, no paragraphs)."""
    return _pdf([_text_page([
        "Dear Ms. Example,",
        "",
        "Thank you for your order of 12 March. The parcel left our warehouse today",
        "and should reach you within five working days.",
        "",
        "Yours sincerely,",
        "The Shipping Team"])])


def many_pages(n: int) -> bytes:
    """n tiny pages of text: a long PDF that costs nothing to make."""
    return _pdf([_text_page([f"Page {k} of a very long file."]) for k in range(1, n + 1)])


def scanned(width: int = 600, height: int = 840) -> bytes:
    """A page that is only a picture of text (what a scanner makes): no text layer."""
    from PIL import Image, ImageDraw
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    for k in range(20):
        draw.text((60, 60 + 30 * k), "The General Assembly, Recalling its resolution 71/1",
                  fill=0)
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=72)
    return buf.getvalue()


def encrypted(source: bytes, password: str = "secret") -> bytes:
    """`source` locked with a user password (what a delegation's 'protected' PDF is)."""
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password=password, owner_password=password + "-owner",
                   algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def inflating(gib: float = 3.0) -> bytes:
    """A page whose content stream is a few MiB on disk and `gib` GiB once inflated: a
    decompression bomb for a reader that inflates streams whole, or (as MuPDF, which reads a
    stream as it goes) holds a string operand whole: the spaces stand inside the string of
    one "Tj". One block of spaces is compressed once and repeated (each ends with a full
    flush, so every copy is the same)."""
    chunk = b" " * 2**24
    opening, closing = b"BT /F1 11 Tf 72 770 Td (Bomb", b") Tj ET\n"
    zipper = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = zipper.compress(opening) + zipper.flush(zlib.Z_FULL_FLUSH)
    block = zipper.compress(chunk) + zipper.flush(zlib.Z_FULL_FLUSH)
    tail = zipper.compress(closing) + zipper.flush()
    copies = int(gib * 2**30) // len(chunk)
    check = zlib.adler32(opening)
    for _ in range(copies):
        check = zlib.adler32(chunk, check)
    check = zlib.adler32(closing, check)
    data = b"\x78\xda" + head + block * copies + tail + check.to_bytes(4, "big")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
            + b"\nendstream"]
    return _assemble(objs)
