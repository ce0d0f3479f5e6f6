"""Word-level differences inside one unit: the second stage of a comparison.

Inline content is cut into tokens (words, runs of spaces, single punctuation marks,
footnote markers, cross-references, line breaks) and compared by the one low-level diff
(assembler/diff.py). A token carries its format, so a word set in italics is a change, and a
change is never a fragment of a word.
"""
from __future__ import annotations

import re
from typing import Callable

from ..diff import DELETE, EQUAL, INSERT, diff_tokens
from ..inline import plain
from ..model import Content, Text
from ..records import record

__all__ = ["EQUAL", "INSERT", "DELETE", "Piece", "tokens", "diff_content", "diff_text"]
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\s+|[^\w\s]")


@record  # a frozen dataclass, made cheaply (records.py)
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


def _word_tokens(content: Content) -> list:
    """`tokens` in the form the diff compares: a word as a plain tuple (text, italic, bold,
    sup), hashed in C and made without a Text for every word; anything else as itself."""
    out: list = []
    for item in content:
        if type(item) is Text:
            fmt = (item.italic, item.bold, item.sup)
            out += [(t, *fmt) for t in _TOKEN.findall(item.text)]
        else:
            out.append(item)
    return out


def _joined(toks: list) -> Content:
    """Word tokens back to content, in normalize's canonical form (neighbouring words of
    one format are one Text)."""
    out: list = []
    texts: list[str] = []
    fmt = None
    for t in toks:
        if type(t) is tuple:
            if t[1:] == fmt:
                texts.append(t[0])
                continue
            if fmt is not None:
                out.append(Text("".join(texts), *fmt))
            fmt, texts = t[1:], [t[0]]
            continue
        if fmt is not None:
            out.append(Text("".join(texts), *fmt))
            fmt = None
        out.append(t)
    if fmt is not None:
        out.append(Text("".join(texts), *fmt))
    return tuple(out)


def diff_content(old: Content, new: Content,
                 rename: Callable[[object], object] | None = None) -> list[Piece]:
    """The word differences from `old` to `new`. `rename` maps an old inline item that is
    not text to the item it would be in the new version (footnote and cross-reference ids
    that changed between separately imported versions), so that it compares equal."""
    if old == new and rename is None:
        return [Piece(EQUAL, new)] if new else []
    a, b = _word_tokens(old), _word_tokens(new)
    keys = [t if type(t) is tuple or rename is None else rename(t) for t in a]
    out: list[Piece] = []
    ia = ib = 0
    for op, n in diff_tokens(keys, b):
        if op == EQUAL:
            piece = Piece(EQUAL, _joined(b[ib:ib + n]))
            ia += n
            ib += n
        elif op == DELETE:
            piece = Piece(DELETE, _joined(a[ia:ia + n]))
            ia += n
        else:
            piece = Piece(INSERT, _joined(b[ib:ib + n]))
            ib += n
        if piece.content:
            out.append(piece)
    return out


def diff_text(old: str, new: str) -> list[tuple[str, str]]:
    """The word differences between two plain texts: [(text, op)]."""
    return [(plain(p.content), p.op) for p in diff_content((Text(old),) if old else (),
                                                           (Text(new),) if new else ())]
