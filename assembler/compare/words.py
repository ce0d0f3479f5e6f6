"""Word-level differences inside one unit: the second stage of a comparison.

Inline content is cut into tokens (words, runs of spaces, single punctuation marks,
footnote markers, cross-references, line breaks) and compared by the one low-level diff
(assembler/diff.py). A token carries its format, so a word set in italics is a change, and a
change is never a fragment of a word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..diff import DELETE, EQUAL, INSERT, diff_tokens
from ..inline import normalize, plain
from ..model import Content, Text

__all__ = ["EQUAL", "INSERT", "DELETE", "Piece", "tokens", "diff_content", "diff_text"]
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\s+|[^\w\s]")


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


def _key(token, rename: Callable[[object], object] | None = None):
    """What a token compares by: a word as a plain tuple (hashed in C, where a Text would
    hash through Python), anything else as itself."""
    if rename:
        token = rename(token)
    if type(token) is Text:
        return (token.text, token.italic, token.bold, token.sup)
    return token


def diff_content(old: Content, new: Content,
                 rename: Callable[[object], object] | None = None) -> list[Piece]:
    """The word differences from `old` to `new`. `rename` maps an old inline item to the
    item it would be in the new version (footnote and cross-reference ids that changed
    between separately imported versions), so that it compares equal."""
    if old == new and rename is None:
        return [Piece(EQUAL, new)] if new else []
    a, b = tokens(old), tokens(new)
    keys = [_key(t, rename) for t in a]
    out: list[Piece] = []
    ia = ib = 0
    for op, n in diff_tokens(keys, [_key(t) for t in b]):
        if op == EQUAL:
            piece = Piece(EQUAL, normalize(b[ib:ib + n]))
            ia += n
            ib += n
        elif op == DELETE:
            piece = Piece(DELETE, normalize(a[ia:ia + n]))
            ia += n
        else:
            piece = Piece(INSERT, normalize(b[ib:ib + n]))
            ib += n
        if piece.content:
            out.append(piece)
    return out


def diff_text(old: str, new: str) -> list[tuple[str, str]]:
    """The word differences between two plain texts: [(text, op)]."""
    return [(plain(p.content), p.op) for p in diff_content((Text(old),) if old else (),
                                                           (Text(new),) if new else ())]
