"""Word-level differences inside one unit: the second stage of a comparison.

Inline content is cut into tokens (words, runs of spaces, single punctuation marks,
footnote markers, cross-references, line breaks), each token becomes one character
(diff-match-patch's linesToChars trick, applied to words), and diff-match-patch compares
the two strings. A token carries its format, so a word set in italics is a change, and a
change is never a fragment of a word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from diff_match_patch import diff_match_patch

from ..inline import normalize
from ..model import Content, Text

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\s+|[^\w\s]")
_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0  # units are short; no timeout keeps results deterministic


@dataclass(frozen=True)
class Piece:
    """A stretch of content that is equal, inserted or deleted."""
    op: str
    content: Content


def tokens(content: Content) -> list:
    """Inline items cut into word-sized pieces, each one inline item."""
    out: list = []
    for item in content:
        if isinstance(item, Text):
            out += [Text(t, item.italic, item.bold, item.sup) for t in _TOKEN.findall(item.text)]
        else:
            out.append(item)
    return out


def _key(token, rename: Callable[[object], object] | None):
    return rename(token) if rename else token


def diff_content(old: Content, new: Content,
                 rename: Callable[[object], object] | None = None) -> list[Piece]:
    """The word differences from `old` to `new`. `rename` maps an old inline item to the
    item it would be in the new version (footnote and cross-reference ids that changed
    between separately imported versions), so that it compares equal."""
    if old == new and rename is None:
        return [Piece(EQUAL, new)] if new else []
    a, b = tokens(old), tokens(new)
    table: dict = {}
    def encode(toks, ren) -> str:
        chars = []
        for t in toks:
            k = _key(t, ren)
            if k not in table:
                table[k] = chr(0xE000 + len(table)) if len(table) < 0x1900 else chr(0x10000 + len(table))
            chars.append(table[k])
        return "".join(chars)
    sa, sb = encode(a, rename), encode(b, None)
    diffs = _dmp.diff_main(sa, sb, False)
    _dmp.diff_cleanupSemantic(diffs)
    out: list[Piece] = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            piece = Piece(EQUAL, normalize(b[ib:ib + n]))
            ia += n
            ib += n
        elif op == -1:
            piece = Piece(DELETE, normalize(a[ia:ia + n]))
            ia += n
        else:
            piece = Piece(INSERT, normalize(b[ib:ib + n]))
            ib += n
        if piece.content:
            out.append(piece)
    return out
