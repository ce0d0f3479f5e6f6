"""Align two versions of a draft unit by unit: the first stage of every comparison.

    alignment = align(old, new)
    for e in alignment.entries:          # merged document order, old places of moves included
        e.status, e.old, e.new, e.moved  # "equal" | "changed" | "inserted" | "deleted" | "moved-away"

Units are matched within their part of the draft (preamble; operative part with its
headings and sub-paragraphs in document order; annexes with their paragraphs, tables and
rows; footnotes). When ids are identity (pairing.py: the newer version names its base, or
the ids are more than positions) a unit matches the unit with its id and kind, and nothing
else. Between versions numbered by position, matching goes in order of trust:
  1. same id and same text;
  2. same text, any id (drafts imported separately number their ids by position, so an
     inserted paragraph shifts every id after it);
  3. same id and similar text (word overlap >= ID_SIMILARITY);
  4. similar text (word overlap >= TEXT_SIMILARITY), best pairs first;
  5. same id and same kind, whatever the text (a paragraph rewritten by its owner).
The matched pairs that keep their relative order (a longest increasing subsequence) stay
in place; the others are moves. Display numbers play no part: a paragraph renumbered only
because others were inserted or deleted is "equal".

This module is pure (Draft in, Alignment out); redlines and comparison tables build on it.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from ..inline import plain
from ..model import Draft, OperativeParagraph, PreambularParagraph, Table, contents_of
from ..records import record
from .pairing import ids_are_identity

EQUAL, CHANGED, INSERTED, DELETED, MOVED_AWAY = "equal", "changed", "inserted", "deleted", "moved-away"
PARTS = ("preamble", "operative", "annexes", "footnotes")
ID_SIMILARITY = 0.3
TEXT_SIMILARITY = 0.5
_MAX_PAIRS = 250_000  # beyond this many candidate pairs, compare only nearby units


@record  # a frozen dataclass, made cheaply (records.py)
class Entry:
    """One line of the comparison.

    status: equal / changed (matched, same or different text), inserted (new only),
    deleted (old only), moved-away (the old place of a unit that moved; `new` is the unit at
    its new place, where a second entry with moved=True stands).
    """
    part: str
    status: str
    old: object | None = None      # the unit in the old version
    new: object | None = None      # the unit in the new version
    moved: bool = False            # True on the entry at the new place of a moved unit
    matched_by: str = ""           # "id", "text" or "" (unmatched)
    depth: int = 0                 # 0 for PP/OP/heading/annex, 1.. for sub-paragraphs and rows

    @property
    def unit(self):
        """The unit as the reader of the new version sees it (the old one if it is gone)."""
        return self.new if self.new is not None and self.status != MOVED_AWAY else self.old

    @property
    def id(self) -> str:
        return self.unit.id


@record
class Alignment:
    entries: tuple  # tuple[Entry, ...] in merged document order, part by part

    def part(self, name: str) -> list[Entry]:
        return [e for e in self.entries if e.part == name]

    def pairs(self) -> dict[str, str]:
        """Matched units: new id -> old id."""
        return {e.new.id: e.old.id for e in self.entries
                if e.old is not None and e.new is not None and e.status != MOVED_AWAY}

    def old_for(self, new_id: str):
        for e in self.entries:
            if e.new is not None and e.new.id == new_id and e.status != MOVED_AWAY:
                return e.old
        return None

    def moved(self) -> frozenset:
        """New ids of the units that moved."""
        return frozenset(e.new.id for e in self.entries if e.moved and e.new is not None)

    def changes(self) -> list[Entry]:
        """Entries that show something: everything but unmoved equal units."""
        return [e for e in self.entries if e.status != EQUAL or e.moved]


# ------------------------------------------------------------------ units of each part

@dataclass
class _Item:
    unit: object
    depth: int
    key: str          # text used to match (plain text, cross-references as target ids)
    index: int = 0
    parent: int | None = None  # index of the enclosing unit (an OP for its sub-paragraphs)


def unit_text(unit) -> str:
    """The comparable text of a unit: its words with cross-references by target id and
    footnote markers by footnote id (so moving a marker is a change)."""
    note = lambda fid: f"[^{fid}]"  # noqa: E731
    return " | ".join(plain(c, note=note) for c in contents_of(unit))


def same_content(a, b) -> bool:
    """Same words and formats in the unit itself (children and rows are units of their own)."""
    return tuple(contents_of(a)) == tuple(contents_of(b))


def part_units(draft: Draft, part: str) -> Iterator[tuple[object, int]]:
    """(unit, depth) of one part of a draft, in document order."""
    if part == "preamble":
        for pp in draft.preamble:
            yield pp, 0
            yield from _subs(pp, 1)
    elif part == "operative":
        for item in draft.operative:
            yield item, 0
            if isinstance(item, (OperativeParagraph, PreambularParagraph)):  # a later part's PP
                yield from _subs(item, 1)
    elif part == "annexes":
        for annex in draft.annexes:
            yield annex, 0
            for block in annex.body:
                yield block, 0
                if isinstance(block, Table):
                    for row in block.rows:
                        yield row, 1
    elif part == "footnotes":
        for fn in draft.footnotes:
            yield fn, 0
    else:
        raise ValueError(f"unknown part {part!r}")


def _subs(unit, depth: int):
    for child in getattr(unit, "children", ()):
        yield child, depth
        yield from _subs(child, depth + 1)


def _items(draft: Draft, part: str) -> list[_Item]:
    items: list[_Item] = []
    stack: list[_Item] = []  # the last item seen at each depth
    for i, (u, d) in enumerate(part_units(draft, part)):
        del stack[d:]
        items.append(_Item(u, d, unit_text(u), i, stack[d - 1].index if d and stack else None))
        stack.append(items[-1])
    return items


def _kind(unit) -> str:
    return type(unit).__name__


# ------------------------------------------------------------------ similarity

def word_pairs(text: str) -> Counter:
    """Word pairs in order (single words for very short texts): two paragraphs drawn from one
    vocabulary share many words but few pairs unless one is an edit of the other."""
    words = text.lower().split()
    if len(words) < 4:
        return Counter(words)
    return Counter(zip(words, words[1:]))


def similarity(a: str, b: str) -> float:
    """Overlap of word pairs (Dice coefficient over multisets): 1.0 same text, 0.0 none."""
    return overlap(word_pairs(a), word_pairs(b))


def overlap(ca: Counter, cb: Counter) -> float:
    """The Dice coefficient of two bags of word pairs (word_pairs): whole documents are
    compared so, their bags made once."""
    total = sum(ca.values()) + sum(cb.values())
    if not total:
        return 1.0
    return 2 * sum((ca & cb).values()) / total


# ------------------------------------------------------------------ matching

def _match_ids(old: list[_Item], new: list[_Item]) -> dict[int, tuple[int, str]]:
    """new index -> (old index, "id"): the unit with the same id and kind."""
    old_by_id = {it.unit.id: it for it in old}
    return {n.index: (o.index, "id") for n in new
            if (o := old_by_id.get(n.unit.id)) is not None and o.unit.kind == n.unit.kind}


def _match(old: list[_Item], new: list[_Item]) -> dict[int, tuple[int, str]]:
    """new index -> (old index, how), by text first (ids are positions)."""
    pairs: dict[int, tuple[int, str]] = {}
    used_old: set[int] = set()
    old_by_id = {it.unit.id: it for it in old}

    def take(n: _Item, o: _Item, how: str) -> None:
        pairs[n.index] = (o.index, how)
        used_old.add(o.index)

    # 1. same id, same text
    for n in new:
        o = old_by_id.get(n.unit.id)
        if o is not None and o.key == n.key and _kind(o.unit) == _kind(n.unit):
            take(n, o, "id")
    # 2. same text, any id (first unused old unit with that text, in order)
    by_text: dict[str, list[_Item]] = {}
    for o in old:
        if o.index not in used_old:
            by_text.setdefault(o.key, []).append(o)
    for n in new:
        if n.index in pairs:
            continue
        for o in by_text.get(n.key, ()):
            if o.index not in used_old and _kind(o.unit) == _kind(n.unit):
                take(n, o, "text")
                break
    # 3. same id, similar text
    for n in new:
        o = old_by_id.get(n.unit.id)
        if (n.index not in pairs and o is not None and o.index not in used_old
                and _kind(o.unit) == _kind(n.unit) and similarity(o.key, n.key) >= ID_SIMILARITY):
            take(n, o, "id")
    # 4. similar text, best first
    rest_new = [n for n in new if n.index not in pairs]
    rest_old = [o for o in old if o.index not in used_old]
    if rest_new and rest_old:
        scored = []
        window = None
        if len(rest_new) * len(rest_old) > _MAX_PAIRS:
            window = max(1, _MAX_PAIRS // (2 * len(rest_new)))
        bags_old = [(word_pairs(o.key), o) for o in rest_old]
        for j, n in enumerate(rest_new):
            bn = word_pairs(n.key)
            sn = sum(bn.values())
            if window is None:
                candidates = bags_old
            else:
                centre = round(j * len(rest_old) / len(rest_new))
                candidates = bags_old[max(0, centre - window):centre + window]
            for bo, o in candidates:
                total = sn + sum(bo.values())
                score = 2 * sum((bn & bo).values()) / total if total else 1.0
                if score >= TEXT_SIMILARITY:
                    scored.append((-score, abs(o.index - n.index), n.index, o.index, n, o))
        scored.sort(key=lambda t: t[:4])
        for _, _, _, _, n, o in scored:
            if n.index not in pairs and o.index not in used_old:
                take(n, o, "text")
    # 5. same id and kind, whatever the text
    for n in new:
        o = old_by_id.get(n.unit.id)
        if (n.index not in pairs and o is not None and o.index not in used_old
                and _kind(o.unit) == _kind(n.unit)):
            take(n, o, "id")
    return pairs


def longest_in_order(seq: list[tuple[int, int]]) -> set[int]:
    """First elements of a longest run of `seq` (sorted by first) whose second elements
    increase (patience sorting)."""
    tails: list[int] = []       # old index ending the best run of each length
    tail_at: list[int] = []     # position in seq of that end
    back: list[int] = [-1] * len(seq)
    for i, (_, o) in enumerate(seq):
        k = bisect.bisect_left(tails, o)
        if k == len(tails):
            tails.append(o)
            tail_at.append(i)
        else:
            tails[k] = o
            tail_at[k] = i
        back[i] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        keep.add(seq[i][0])
        i = back[i]
    return keep


def _stay(pairs: dict[int, tuple[int, str]], old: list[_Item], new: list[_Item]) -> set[int]:
    """New indices of the matched units that stay in place. Order is judged level by level:
    top-level units among themselves, sub-paragraphs (and rows) among the siblings under the
    same matched parent, so a paragraph moved with its sub-paragraphs is one move, and a
    sub-paragraph that changed parent has moved."""
    groups: dict[object, list[tuple[int, int]]] = {}
    for n, (o, _) in sorted(pairs.items()):
        np_, op_ = new[n].parent, old[o].parent
        if np_ is None and op_ is None:
            groups.setdefault("top", []).append((n, o))
        elif np_ is not None and op_ is not None and pairs.get(np_, (None,))[0] == op_:
            groups.setdefault(np_, []).append((n, o))
    in_order: set[int] = set()
    for seq in groups.values():
        in_order |= longest_in_order(seq)
    stay: set[int] = set()
    for n in sorted(in_order):  # parents come before their children
        parent = new[n].parent
        if parent is None or parent in stay:
            stay.add(n)
    return stay


def _align_part(old_d: Draft, new_d: Draft, part: str, by_id: bool) -> list[Entry]:
    old, new = _items(old_d, part), _items(new_d, part)
    pairs = _match_ids(old, new) if by_id else _match(old, new)
    stay = _stay(pairs, old, new)
    old_of_new = {n: o for n, (o, _) in pairs.items()}
    new_of_old = {o: n for n, (o, _) in pairs.items()}
    out: list[Entry] = []
    oi = 0

    def flush_old(upto: int) -> None:
        nonlocal oi
        while oi < upto:
            o = old[oi]
            n_idx = new_of_old.get(oi)
            if n_idx is None:
                out.append(Entry(part, DELETED, o.unit, None, depth=o.depth))
            elif n_idx not in stay:
                out.append(Entry(part, MOVED_AWAY, o.unit, new[n_idx].unit,
                                 matched_by=pairs[n_idx][1], depth=o.depth))
            oi += 1

    for n in new:
        o_idx = old_of_new.get(n.index)
        if o_idx is None:
            out.append(Entry(part, INSERTED, None, n.unit, depth=n.depth))
            continue
        o = old[o_idx]
        status = EQUAL if same_content(o.unit, n.unit) else CHANGED
        if n.index in stay:
            flush_old(o_idx)
            oi = o_idx + 1
            out.append(Entry(part, status, o.unit, n.unit, matched_by=pairs[n.index][1],
                             depth=n.depth))
        else:
            out.append(Entry(part, status, o.unit, n.unit, moved=True,
                             matched_by=pairs[n.index][1], depth=n.depth))
    flush_old(len(old))
    return _deletions_first(out)


def _deletions_first(entries: list[Entry]) -> list[Entry]:
    """Between two units that stay, what went comes before what came (the usual reading of
    a redline: old text struck out, then the new text). Units move as blocks with their
    sub-paragraphs, and a deletion never passes new sub-paragraphs of the unit before it."""
    out: list[Entry] = []
    gap: list[Entry] = []
    for e in entries + [None]:
        if e is None or (e.status in (EQUAL, CHANGED) and not e.moved):
            out += _reorder(gap)
            gap = []
            if e is not None:
                out.append(e)
        else:
            gap.append(e)
    return out


def _gone(e: Entry) -> bool:
    return e.status in (DELETED, MOVED_AWAY)


def _reorder(gap: list[Entry]) -> list[Entry]:
    blocks: list[list[Entry]] = []
    for e in gap:
        if blocks and e.depth > blocks[-1][0].depth and _gone(e) == _gone(blocks[-1][0]):
            blocks[-1].append(e)
        else:
            blocks.append([e])
    done: list[list[Entry]] = []
    for b in blocks:
        k = len(done)
        if _gone(b[0]):
            while k and not _gone(done[k - 1][0]) and done[k - 1][0].depth <= b[0].depth:
                k -= 1
        done.insert(k, b)
    return [e for b in done for e in b]


def align(old: Draft, new: Draft) -> Alignment:
    """Align every part of two versions; see the module docstring for the rules."""
    by_id = ids_are_identity(old, new)
    entries: list[Entry] = []
    for part in PARTS:
        entries += _align_part(old, new, part, by_id)
    return Alignment(tuple(entries))
