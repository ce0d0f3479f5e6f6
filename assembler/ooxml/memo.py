"""What paragraphs read as, by their XML, for files read together (the two versions of a
redline): the memo the document reader consults (reader.py), and the key a paragraph is
looked up by."""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar

from lxml import etree


class ParagraphMemo:
    """What paragraphs read as, by their XML, shared by the files read inside
    `reading_together()` (the two versions of a redline): a paragraph whose XML another file
    already had, under the same styles, is recognised without interpreting it again. Only
    its number is counted anew, where it now stands. Bookmark ids are numbered afresh in
    every file, so they are compared by their order within the paragraph; a paragraph inside
    a bookmark that spans paragraphs is always read."""

    def __init__(self) -> None:
        self.styles: bytes | None = None   # the styles part the entries were read under
        self.entries: dict[bytes, tuple] = {}
        self.hits = 0                      # paragraphs recognised, not read again
        # what readers/docx.py made of a recognised paragraph's runs, by the identity of
        # the runs, which every paragraph recognised by the same XML shares
        self.derived: dict[int, tuple] = {}

    def under(self, styles: bytes) -> "ParagraphMemo":
        if styles != self.styles:   # other styles: what was read no longer holds
            self.styles, self.entries = styles, {}
        return self


_MEMO: ContextVar[ParagraphMemo | None] = ContextVar("paragraph_memo", default=None)


@contextmanager
def reading_together():
    """Read several .docx files inside this block, and their shared paragraphs are read once
    (the block gives the ParagraphMemo, which counts them)."""
    memo = ParagraphMemo()
    token = _MEMO.set(memo)
    try:
        yield memo
    finally:
        _MEMO.reset(token)


def current_memo() -> ParagraphMemo | None:
    """The memo of the `reading_together()` block being read in, if any."""
    return _MEMO.get()


# a bookmark's id in serialized XML (our builder and Word write w:id first)
_BOOKMARK_ID = re.compile(rb'(<w:bookmark(?:Start|End) w:id=")([^"]*)"')


class _IdsInOrder:
    """Replaces each bookmark id by the order of its first appearance in the paragraph."""

    def __init__(self) -> None:
        self.seen: dict[bytes, bytes] = {}

    def __call__(self, m: "re.Match[bytes]") -> bytes:
        n = self.seen.setdefault(m.group(2), str(len(self.seen)).encode())
        return m.group(1) + n + b'"'


def memo_key(p) -> bytes:
    """The key of paragraph element `p` in the memo: its XML, bookmark ids numbered in the
    order they appear. (Taking the paragraph's bytes from its part instead, cut at each
    paragraph's end, cost as much as serializing it: measured, fast-redline4.)"""
    return _BOOKMARK_ID.sub(_IdsInOrder(), etree.tostring(p, with_tail=False))
