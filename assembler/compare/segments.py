"""What a comparison table cell takes from the word diff (words.py): the plain-text
segments it shows, each piece worded as its own version prints it (cross-references by that
version's numbers). Which units are compared is the pairing's answer (pairing.py, align.py).
"""
from __future__ import annotations

from typing import Callable

from .words import DELETE, EQUAL, INSERT, diff_content

Segment = tuple  # (op, text): op "=" same, "+" inserted, "-" deleted
_OPS = {EQUAL: "=", INSERT: "+", DELETE: "-"}


def word_segments(old_contents: tuple, new_contents: tuple,
                  old_words: Callable, new_words: Callable,
                  old_styled: Callable | None = None, new_styled: Callable | None = None
                  ) -> tuple[tuple[Segment, ...], tuple]:
    """The new contents with the words the old ones lost, as (op, text) segments, and the
    same split where italics change, as (op, text, italic).

    A unit holding several contents (a table row's cells) is compared content by content,
    joined by " | " as its text is."""
    out: list[Segment] = []
    styled: list = []
    count = max(len(old_contents), len(new_contents))
    for i in range(count):
        old = old_contents[i] if i < len(old_contents) else ()
        new = new_contents[i] if i < len(new_contents) else ()
        if i:
            in_old, in_new = i < len(old_contents), i < len(new_contents)
            op = "=" if in_old and in_new else "+" if in_new else "-"
            out.append((op, " | "))
            styled.append((op, " | ", False))
        for piece in diff_content(old, new):
            words = old_words if piece.op == DELETE else new_words
            out.append((_OPS[piece.op], words(piece.content)))
            style = old_styled if piece.op == DELETE else new_styled
            if style:
                styled += [(_OPS[piece.op], t, it) for t, it in style(piece.content)]
    return tuple(_merge(out)), tuple(styled)


def _merge(segments) -> list[Segment]:
    out: list[Segment] = []
    for op, text in segments:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return out
