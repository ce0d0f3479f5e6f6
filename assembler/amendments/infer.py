"""The changes that turn one version into another, inferred from their difference.

Units are matched by stable id: ids only in the old version are deleted, ids only in the new
one inserted, ids under another parent or out of order moved (the longest run kept in order
stays put), and changed text becomes word changes (insert, delete, replace, exact) or, when
those cannot say it, a replacement of the unit. Applying the result to the old version gives
the new one (tests/test_amendments_properties.py checks it).
"""
from __future__ import annotations

from bisect import bisect_left

import diff_match_patch as dmp_module

from ..model import CrossRef, Draft, FootnoteRef
from ..source.markup import render_inline
from .model import Change
from .targets import UnitIndex
from .words import UnitWords, to_content

_STRUCTURAL = ("pp", "op", "sub", "heading")


def infer_changes(a: Draft, b: Draft) -> tuple[Change, ...]:
    old, new = a.unit_index(), b.unit_index()
    a_parent, a_lists = _structure(a)
    b_parent, b_lists = _structure(b)
    changes: list[Change] = []
    for uid, unit in old.items():
        if unit.kind in _STRUCTURAL and uid not in new and not _deleted_above(a_parent, uid, new):
            changes.append(Change("delete-unit", uid))
    for parent, ids in b_lists.items():
        stable = _kept_in_order(ids, a_lists.get(parent, []), a_parent, b_parent)
        for n, uid in enumerate(ids):
            if uid in stable:
                continue
            place, ref = ("after", ids[n - 1]) if n else ("start", parent)
            if uid not in old:
                unit = new[uid]
                changes.append(Change("insert-unit", ref, text=render_inline(unit.content),
                                      position=place, unit=unit.kind, new_id=uid))
            else:
                changes.append(Change("move-unit", uid, position=place, destination=ref))
    index = UnitIndex(a)
    for uid, unit in old.items():
        other = new.get(uid)
        if other is None or not hasattr(unit, "content") or unit.kind in ("row",):
            continue
        if other.content != unit.content:
            changes.extend(content_changes(uid, unit.content, other.content, index))
    return tuple(changes)


def _deleted_above(parents: dict, uid: str, new: dict) -> bool:
    p = parents.get(uid)
    while p not in (None, "preamble", "operative"):
        if p not in new:
            return True
        p = parents.get(p)
    return False


def _structure(d: Draft):
    parents: dict[str, str] = {}
    lists: dict[str, list[str]] = {"preamble": [u.id for u in d.preamble],
                                   "operative": [u.id for u in d.operative]}
    for u in d.preamble:
        parents[u.id] = "preamble"

    def walk(unit, parent):
        parents[unit.id] = parent
        kids = getattr(unit, "children", ())
        if kids:
            lists[unit.id] = [c.id for c in kids]
        for c in kids:
            walk(c, unit.id)
    for u in d.operative:
        walk(u, "operative")
    return parents, lists


def _kept_in_order(b_ids: list[str], a_ids: list[str], a_parent, b_parent) -> set[str]:
    """Ids under the same parent in both, in the longest run that kept its order (LIS)."""
    pos = {uid: i for i, uid in enumerate(a_ids)}
    common = [uid for uid in b_ids if uid in pos and a_parent.get(uid) == b_parent.get(uid)]
    seq = [pos[u] for u in common]
    tails: list[int] = []
    tails_at: list[int] = []
    prev = [-1] * len(seq)
    for i, v in enumerate(seq):
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tails_at.append(i)
        else:
            tails[k] = v
            tails_at[k] = i
        prev[i] = tails_at[k - 1] if k else -1
    keep: set[str] = set()
    i = tails_at[-1] if tails_at else -1
    while i >= 0:
        keep.add(common[i])
        i = prev[i]
    return keep


def content_changes(uid: str, old, new, index: UnitIndex) -> list[Change]:
    """Word changes turning content `old` into `new` (exact), or one replace-unit."""
    ref = _ref(index)
    words = UnitWords(old, ref)
    new_cells = UnitWords(new, ref).cells
    changes = _word_changes(uid, words, new_cells)
    if changes is not None and _check(words, changes, new):
        return changes
    return [Change("replace-unit", uid, text=render_inline(new))]


def _ref(index: UnitIndex):
    def ref(target: str) -> str:
        label = index.labels.get(target)
        return label.number if label else target
    return ref


def _tokens(cells: list) -> list[int]:
    """Where each token starts: a word (letters and digits of one format) or one other cell."""
    bounds = []
    for n, c in enumerate(cells):
        word = isinstance(c, tuple) and c[0].isalnum()
        if not (word and n and bounds and _joins(cells[n - 1], c)):
            bounds.append(n)
    return bounds


def _joins(prev, cell) -> bool:
    return isinstance(prev, tuple) and prev[0].isalnum() and prev[1:] == cell[1:]


def _word_changes(uid: str, words: UnitWords, new_cells: list) -> list[Change] | None:
    keys: dict = {}
    a_bounds, b_bounds = _tokens(words.cells), _tokens(new_cells)

    def encode(cells, bounds) -> str:
        ends = bounds[1:] + [len(cells)]
        return "".join(chr(0x100 + keys.setdefault(tuple(_key(c) for c in cells[s:e]), len(keys)))
                       for s, e in zip(bounds, ends))
    a, b = encode(words.cells, a_bounds), encode(new_cells, b_bounds)
    a_at = a_bounds + [len(words.cells)]  # token index -> cell index
    b_at = b_bounds + [len(new_cells)]
    dmp = dmp_module.diff_match_patch()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    out: list[Change] = []
    ti = tj = 0  # token positions in old and new
    k = 0
    while k < len(diffs):
        op, text = diffs[k]
        if op == 0:
            ti += len(text)
            tj += len(text)
            k += 1
            continue
        dt = it = 0
        while k < len(diffs) and diffs[k][0] != 0:
            if diffs[k][0] < 0:
                dt += len(diffs[k][1])
            else:
                it += len(diffs[k][1])
            k += 1
        i, i_end = a_at[ti], a_at[ti + dt]
        j, j_end = b_at[tj], b_at[tj + it]
        s = words.starts[i] if i < len(words.cells) else len(words.text)
        e = words.ends[i_end - 1] if i_end > i else s
        new_text = render_inline(to_content(new_cells[j:j_end]))
        if i_end > i:
            if e == s:
                return None
            change = Change("replace-words" if j_end > j else "delete-words", uid,
                            words=words.text[s:e], text=new_text,
                            occurrence=_occurrence(words, s, words.text[s:e]), exact=True)
        elif s > 0:
            anchor = _anchor_before(words.text, s)
            change = Change("insert-words", uid, words=anchor, text=new_text, position="after",
                            occurrence=_occurrence(words, s - len(anchor), anchor), exact=True)
        elif words.text:
            anchor = _anchor_after(words.text)
            change = Change("insert-words", uid, words=anchor, text=new_text, position="before",
                            occurrence=_occurrence(words, 0, anchor), exact=True)
        else:
            return None
        out.append(change)
        ti += dt
        tj += it
    return out


def _anchor_before(text: str, s: int) -> str:
    """The word or two before the insertion point, as a delegation would quote them."""
    seg = text[max(0, s - 30):s]
    cut = seg.find(" ", 0, max(0, len(seg) - 2))
    return seg[cut + 1:] if cut >= 0 and seg[cut + 1:].strip() else seg


def _anchor_after(text: str) -> str:
    seg = text[:30]
    cut = seg.rfind(" ", 2)
    return seg[:cut] if cut > 0 and seg[:cut].strip() else seg


def _occurrence(words: UnitWords, s: int, anchor: str) -> int:
    found = words.occurrences(anchor)
    return found.index(s) + 1 if len(found) > 1 and s in found else 0


def _key(cell):
    if isinstance(cell, tuple):
        return cell
    if isinstance(cell, CrossRef):
        return ("x", cell.target)
    if isinstance(cell, FootnoteRef):
        return ("f", cell.footnote)
    return ("b",)


def _check(words: UnitWords, changes: list[Change], new) -> bool:
    """The word changes, applied the way apply.py would, give exactly the new content."""
    from ..errors import AssemblerError
    edits = []
    try:
        for c in changes:
            s, e = words.locate(c.words, c.occurrence)
            if c.kind == "insert-words":
                s = e = e if c.position == "after" else s
            edits.append(words.edit(s, e, c.text, exact=True))
    except AssemblerError:
        return False
    ordered = sorted(edits, key=lambda x: (x.i, x.j))
    for x, y in zip(ordered, ordered[1:]):
        if y.i < x.j or (x.point and y.point and x.i == y.i):
            return False
    return words.apply(edits) == new
