"""The one low-level diff every comparison uses, and its vocabulary of operations.

    diff_tokens(a, b)        sequences of hashable tokens -> [(op, n)] runs
    map_offset(a, b, i)      where offset i of text a lands in text b
    nearest(text, words)     where words most nearly occur in text (fuzzy), or -1
    touching(a, b)           struck-out a and inserted b meet inside a word gap

Tokens are mapped one to a character (diff-match-patch's linesToChars trick, applied to any
token), so a word diff is as exact as a character diff and never splits a token. The
time-out is off: diffs here are of one unit's words, short, and must be deterministic (the
same two texts always give the same changes, whatever the machine's load).
"""
from __future__ import annotations

from typing import Hashable, Sequence

from diff_match_patch import diff_match_patch

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
OPS = (EQUAL, INSERT, DELETE)
_OP = {0: EQUAL, 1: INSERT, -1: DELETE}

_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0


def _encode(seqs: Sequence[Sequence[Hashable]]) -> list[str]:
    table: dict = {}
    out = []
    for seq in seqs:
        chars = []
        for t in seq:
            c = table.get(t)
            if c is None:
                n = len(table)
                # private-use characters first, then the supplementary planes
                c = table[t] = chr(0xE000 + n) if n < 0x1900 else chr(0x10000 + n)
            chars.append(c)
        out.append("".join(chars))
    return out


def diff_tokens(a: Sequence[Hashable], b: Sequence[Hashable], *,
                semantic: bool = True) -> list[tuple[str, int]]:
    """The runs (op, number of tokens) that turn `a` into `b`: EQUAL and DELETE runs walk
    `a`, EQUAL and INSERT runs walk `b`. `semantic` merges small equalities into the changes
    around them, as a reader would describe the change."""
    sa, sb = (a, b) if isinstance(a, str) and isinstance(b, str) else _encode((a, b))
    diffs = _dmp.diff_main(sa, sb, False)
    if semantic:
        _dmp.diff_cleanupSemantic(diffs)
    return [(_OP[op], len(chars)) for op, chars in diffs if chars]


def map_offset(a: str, b: str, i: int) -> int:
    """Where offset `i` of text `a` falls in text `b` (a deleted stretch maps to where it
    was)."""
    ia = ib = 0
    for op, n in diff_tokens(a, b, semantic=False):
        if op == EQUAL:
            if i < ia + n:
                return ib + (i - ia)
            ia += n
            ib += n
        elif op == DELETE:
            if i < ia + n:
                return ib
            ia += n
        else:
            ib += n
    return ib + (i - ia)


def nearest(text: str, words: str, threshold: float = 0.5) -> int:
    """Where `words` most nearly occur in `text` (fuzzy), or -1. Short patterns only: the
    matcher works on at most 32 characters."""
    if not words or not text or len(words) > 32:
        return -1
    m = diff_match_patch()
    m.Match_Threshold = threshold
    m.Match_Distance = 100000
    return m.match_main(text, words, 0)


def touching(deleted: str, inserted: str) -> bool:
    """Whether struck-out and inserted text meet with no space between them, so that in
    bold and strike-out they read as one word ("73rdseventy-third"): a reader expects a
    space between them."""
    return bool(deleted and inserted) and not deleted[-1].isspace() \
        and not inserted[0].isspace()
