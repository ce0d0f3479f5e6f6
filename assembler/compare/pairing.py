"""What the comparison table takes from alignment (align.py) and the word diff (words.py).

Alignment says which unit of the newer version continues which unit of the older one and
which moved; the word diff says which words changed inside a unit. Both work on the model;
this module turns their answer into the plain-text segments a table cell shows, each piece
worded as its own version prints it (cross-references by that version's numbers).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Draft
from .align import align
from .words import DELETE, EQUAL, INSERT, diff_content

Segment = tuple  # (op, text): op "=" same, "+" inserted, "-" deleted
_OPS = {EQUAL: "=", INSERT: "+", DELETE: "-"}


@dataclass(frozen=True)
class Pairing:
    pairs: dict      # new unit id -> old unit id
    moved: frozenset  # new unit ids of the units that moved


def pair_units(old: Draft, new: Draft) -> Pairing:
    """Pair the units of two versions.

    A version that names the one it is based on was made from it (by `apply`, or by hand from
    its source), so its ids are identity: a unit keeps its id, and a new id is a new unit
    however much it resembles one that was deleted. Versions without that link (imported
    separately, ids given by position) are paired by the aligner's text similarity."""
    alignment = align(old, new)
    moved = {e.new.id for e in alignment.entries if e.moved and e.new is not None}
    pairs = alignment.pairs()
    if new.metadata.based_on:
        pairs = {n: o for n, o in pairs.items() if n == o}
        moved &= set(pairs)
        old_ids = {u.id for u in old.units()}
        for u in new.units():
            if u.id not in pairs and u.id in old_ids:
                pairs[u.id] = u.id  # the aligner had given it to a look-alike
    return Pairing(pairs, frozenset(moved))


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
