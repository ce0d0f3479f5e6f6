"""Plain paragraphs written as bytes: a paragraph of an id bookmark and runs of text, as the
builder writes it (builder.py `_run`, `_run_element`, `_rpr_of`), serialized as lxml
serializes it, without making its elements.

A redline shows most paragraphs unchanged: a few words in italics, bold or superscript
each. Making their elements cost more than the rest of writing, so the builder leaves a
placeholder where such a paragraph goes and splices its bytes in when the document part is
serialized. The bytes are the ones lxml would write (tests/ooxml/test_runbytes.py holds
them to it); a text or name they could not say alike (a character XML refuses, a carriage
return, markup in a name) makes the paragraph built as elements.
"""
from __future__ import annotations

import re

from lxml import etree

from .ns import NSMAP, w

# a placeholder: an element of no namespace, which no part of ours holds otherwise (a
# processing instruction would cost a document of its own in lxml)
_PLACEHOLDER = "assembler-spliced"
PLACEHOLDER = b"<assembler-spliced/>"   # how it serializes

# characters lxml escapes in text (carriage return aside) and those XML 1.0 refuses
_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
# and those it escapes in an attribute
_UNSAFE_NAME = re.compile('[\x00-\x1f"&<>\ud800-\udfff\ufffe\uffff]')


def _opening(bold: bool, italic: bool, sup: bool) -> bytes:
    """The opening of a run and its w:rPr, as builder._rpr_of writes them."""
    inner = (b"<w:b/>" if bold else b"") + (b"<w:i/>" if italic else b"") \
        + (b'<w:vertAlign w:val="superscript"/>' if sup else b"")
    return b"<w:r>" + (b"<w:rPr>" + inner + b"</w:rPr>" if inner else b"")


_OPEN = {(b, i, s): _opening(b, i, s) for b in (False, True) for i in (False, True)
         for s in (False, True)}


def placeholder(parent: etree._Element) -> etree._Element:
    """Where spliced bytes go, as the last child of `parent`."""
    return etree.SubElement(parent, _PLACEHOLDER)


def run_bytes(texts: list[tuple[str, bool, bool, bool]]) -> bytes | None:
    """The runs of (text, italic, bold, superscript) as the builder writes them, serialized;
    None when a text cannot be written so (empty, or a character lxml writes otherwise)."""
    out = []
    for text, italic, bold, sup in texts:
        if not text or _UNSAFE.search(text):
            return None
        t = b'<w:t xml:space="preserve">' if text[:1].isspace() or text[-1:].isspace() \
            else b"<w:t>"
        out.append(_OPEN[(bold, italic, sup)] + t + text.translate(_ESCAPES).encode()
                   + b"</w:t></w:r>")
    return b"".join(out)


def plain_name(name: str) -> bool:
    """Is `name` written as it is in an attribute (nothing lxml escapes)?"""
    return not _UNSAFE_NAME.search(name)


def point_bookmark(bid: int, name: str) -> bytes:
    """A bookmark with no text (builder._run of Run(bookmark=name)), of a plain name."""
    b = str(bid).encode()
    return b'<w:bookmarkStart w:id="' + b + b'" w:name="' + name.encode() \
        + b'"/><w:bookmarkEnd w:id="' + b + b'"/>'


def element_bytes(el: etree._Element) -> bytes:
    """An element of the body as it serializes inside the document (its namespaces
    declared at the root)."""
    scratch = etree.Element(w("p"), nsmap=NSMAP)
    scratch.append(el)
    data = etree.tostring(scratch, encoding="UTF-8")
    return data[data.index(b">") + 1:-len(b"</w:p>")]


def spliced(data: bytes, pieces: list[bytes]) -> bytes:
    """The serialized part with its placeholders, in order, replaced by `pieces`."""
    parts = data.split(PLACEHOLDER)
    if len(parts) != len(pieces) + 1:  # text cannot hold a placeholder: "<" is escaped
        raise ValueError("placeholders and spliced runs do not match")
    out = [parts[0]]
    for piece, part in zip(pieces, parts[1:]):
        out.append(piece)
        out.append(part)
    return b"".join(out)
