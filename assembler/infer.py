"""The changes that turn one version into another, as a delegation would have proposed them.

For versions that arrive without a record of how they were made (a Word file retyped, a
revision circulated as a clean text), and for tracked changes read from Word. Units are
aligned (compare/align.py), then each changed unit is compared word by word
(compare/words.py): a few edits become "replace / insert / delete words" anchored on the
base text, a rewrite becomes "replace the paragraph"; new, deleted and moved units become
unit changes placed against their neighbours in the base version. Pure: Draft in, Changes out.
"""
from __future__ import annotations

from .amendments.model import Change
from .compare.align import DELETED, INSERTED, MOVED_AWAY, align
from .compare.words import DELETE, EQUAL, INSERT, diff_content
from .inline import plain
from .numbering import compute_labels
from .model import (Draft, CrossRef, Heading, OperativeParagraph,
                    PreambularParagraph, SubParagraph, Text)
from .source.markup import render_inline

MAX_WORD_EDITS = 5          # more edits than this in one unit: replace the unit
MAX_CHANGED_SHARE = 0.6     # or when most of its words changed
_KINDS = {PreambularParagraph: "pp", OperativeParagraph: "op", SubParagraph: "sub",
          Heading: "heading"}
_PARTS = {"pp": "preamble", "op": "operative", "heading": "operative"}


def infer_changes(old: Draft, new: Draft) -> tuple[list[Change], list[str]]:
    """(changes in document order, notes on what could not be expressed as a change)."""
    alignment = align(old, new)
    labels = compute_labels(old)

    def ref(target: str) -> str:
        """A cross-reference as the base version shows it, as `apply` finds words."""
        return labels[target].number if target in labels else target
    changes: list[Change] = []
    notes: list[str] = []
    new_to_old = alignment.pairs()
    deleted: set[str] = set()
    inserted: set[str] = set()
    parents_new = _parents(new)
    order_new = _siblings(new)
    for e in alignment.entries:
        if e.status == DELETED:
            unit = e.old
            if parents_old(old).get(unit.id) in deleted:
                deleted.add(unit.id)
                continue
            deleted.add(unit.id)
            if type(unit) in _KINDS:
                changes.append(Change("delete-unit", unit.id))
            else:
                notes.append(f"{unit.kind} {unit.id} was removed; annex and table changes "
                             f"are not proposals")
        elif e.status == INSERTED:
            unit = e.new
            if type(unit) not in _KINDS:
                notes.append(f"{unit.kind} {unit.id} was added; annex and table changes are "
                             f"not proposals")
                continue
            changes += _insert(unit, new_to_old, parents_new, order_new, inserted)
        elif e.status == MOVED_AWAY:
            continue
        else:
            if e.moved and type(e.old) in _KINDS:
                target, position = _place(e.new, new_to_old, parents_new, order_new, set())
                changes.append(Change("move-unit", e.old.id, position=position,
                                      destination=target))
            changes += _edit(e.old, e.new, new_to_old, notes, ref)
    return [_tidy(c, old, ref) for c in changes], notes


def _tidy(change: Change, old: Draft, ref) -> Change:
    """The same change as a person would write it: no spaces at the ends of the quoted
    words, leaving the spacing to `apply` (kept only if it gives the very same text)."""
    if change.kind not in ("insert-words", "replace-words", "delete-words"):
        return change
    words, text = change.words.strip(), change.text.replace("\\ ", " ").strip()
    if not words:
        return change
    pretty = Change(change.kind, change.target, words=words, text=text,
                    position=change.position,
                    occurrence=_occurrence(plain(_unit(old, change.target).content, ref), words,
                                           -1) if words != change.words else change.occurrence)
    if pretty.occurrence == 0 and plain(_unit(old, change.target).content, ref).count(words) > 1:
        return change
    unit = _unit(old, change.target)
    try:
        same = _edited(unit.content, change, ref) == _edited(unit.content, pretty, ref)
    except Exception:  # noqa: BLE001 - the exact form is always right; keep it
        return change
    return pretty if same else change


def _edited(content, change: Change, ref):
    """The unit's content after one word change, as `apply` makes it (amendments/words)."""
    from .amendments.words import UnitWords
    uw = UnitWords(content, ref)
    s, e = uw.locate(change.words, change.occurrence)
    if change.kind == "insert-words":
        s = e = s if change.position == "before" else e
        edit = uw.edit(s, e, change.text, exact=change.exact)
    elif change.kind == "delete-words":
        edit = uw.edit(s, e, "", exact=change.exact, delete=True)
    else:
        edit = uw.edit(s, e, change.text, exact=change.exact, delete=not change.text)
    return uw.apply([edit])


def _unit(draft: Draft, uid: str):
    return draft.unit_index()[uid]


def parents_old(draft: Draft) -> dict[str, str]:
    return _parents(draft)


def _parents(draft: Draft) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(unit):
        for child in getattr(unit, "children", ()):
            out[child.id] = unit.id
            walk(child)
    for unit in draft.operative:
        walk(unit)
    return out


def _siblings(draft: Draft) -> dict[str, list]:
    """For each unit, the list of units it stands among (in order)."""
    out: dict[str, list] = {}
    for group in (list(draft.preamble), list(draft.operative)):
        for u in group:
            out[u.id] = group

    def walk(unit):
        kids = list(getattr(unit, "children", ()))
        for child in kids:
            out[child.id] = kids
            walk(child)
    for unit in draft.operative:
        walk(unit)
    return out


def _place(unit, new_to_old: dict, parents: dict, siblings: dict, fresh: set) -> tuple[str, str]:
    """Where a unit of the new version stands, named by units of the old one (or by units
    inserted just before it, which the same proposal creates)."""
    group = siblings.get(unit.id, [])
    i = next((k for k, u in enumerate(group) if u.id == unit.id), 0)
    for prev in reversed(group[:i]):
        if prev.id in new_to_old:
            return new_to_old[prev.id], "after"
        if prev.id in fresh:
            return prev.id, "after"
    for nxt in group[i + 1:]:
        if nxt.id in new_to_old:
            return new_to_old[nxt.id], "before"
    parent = parents.get(unit.id)
    if parent is not None:
        return new_to_old.get(parent, parent), "end"
    kind = _KINDS[type(unit)]
    return _PARTS.get(kind, "operative"), "end"


def _insert(unit, new_to_old, parents, siblings, fresh: set) -> list[Change]:
    kind = _KINDS[type(unit)]
    target, position = _place(unit, new_to_old, parents, siblings, fresh)
    fresh.add(unit.id)
    out = [Change("insert-unit", target, position=position, unit=kind,
                  text=render_inline(unit.content), new_id=unit.id)]
    for child in getattr(unit, "children", ()):
        if child.id not in new_to_old:
            out += _insert(child, new_to_old, parents, siblings, fresh)
    return out


def _edit(old_unit, new_unit, new_to_old: dict, notes: list, ref) -> list[Change]:
    if not hasattr(old_unit, "content") or old_unit.content == new_unit.content:
        return []
    a, b = old_unit.content, _renamed(new_unit.content, new_to_old)
    if a == b:
        return []
    if type(old_unit) not in _KINDS and old_unit.kind != "fn" and old_unit.kind != "p":
        notes.append(f"{old_unit.kind} {old_unit.id} changed; table changes are not proposals")
        return []
    pieces = diff_content(a, b)
    hunks = _hunks(pieces, ref)
    base = plain(a, ref)
    changed = sum(len(plain(d, ref)) for _, d, _, _ in hunks)
    if len(hunks) > MAX_WORD_EDITS or (base and changed / len(base) > MAX_CHANGED_SHARE) \
            or any(not _words_only(d) for _, d, _, _ in hunks):
        return [Change("replace-unit", old_unit.id, text=render_inline(b))]
    out = []
    for offset, deleted, inserted, before in hunks:
        words = plain(deleted, ref)
        if words and inserted:
            out.append(Change("replace-words", old_unit.id, words=words,
                              text=render_inline(inserted),
                              occurrence=_occurrence(base, words, offset), exact=True))
        elif words:
            out.append(Change("delete-words", old_unit.id, words=words,
                              occurrence=_occurrence(base, words, offset), exact=True))
        else:
            anchor, position, at = _anchor(base, offset)
            if not anchor:
                return [Change("replace-unit", old_unit.id, text=render_inline(b))]
            out.append(Change("insert-words", old_unit.id, words=anchor, position=position,
                              text=render_inline(inserted),
                              occurrence=_occurrence(base, anchor, at), exact=True))
    return out


def _renamed(content, new_to_old: dict):
    """Cross-references of the new version, pointing at the old ids of the same units."""
    return tuple(CrossRef(new_to_old.get(i.target, i.target)) if isinstance(i, CrossRef) else i
                 for i in content)


def _words_only(content) -> bool:
    return all(isinstance(i, Text) for i in content)


def _hunks(pieces, ref) -> list[tuple[int, tuple, tuple, str]]:
    """(offset in the old plain text, deleted content, inserted content, text before)."""
    out = []
    offset = 0
    deleted: list = []
    inserted: list = []
    start = 0

    def flush():
        if deleted or inserted:
            out.append((start, tuple(deleted), tuple(inserted), ""))

    for p in pieces:
        if p.op == EQUAL:
            flush()
            deleted, inserted = [], []
            offset += len(plain(p.content, ref))
            start = offset
        elif p.op == DELETE:
            if not deleted and not inserted:
                start = offset
            deleted += p.content
            offset += len(plain(p.content, ref))
        elif p.op == INSERT:
            if not deleted and not inserted:
                start = offset
            inserted += p.content
    flush()
    return out


def _occurrence(text: str, words: str, offset: int) -> int:
    """0 when `words` occur once in text, else which occurrence starts at offset (1-based)."""
    positions = []
    i = text.find(words)
    while i >= 0:
        positions.append(i)
        i = text.find(words, i + 1)
    if len(positions) <= 1:
        return 0
    return positions.index(offset) + 1 if offset in positions else 0


def _anchor(text: str, offset: int) -> tuple[str, str, int]:
    """Words next to an insertion point that name it: the words before it (growing until
    they are unique), or the words after it when it is at the start."""
    if offset > 0:
        for n in range(1, 8):
            start = _back_words(text, offset, n)
            words = text[start:offset]
            if text.count(words) == 1 or start == 0:
                return words, "after", start
        return words, "after", start
    end = 0
    for n in range(1, 8):
        end = _forward_words(text, 0, n)
        if text.count(text[:end]) == 1 or end == len(text):
            break
    return text[:end], "before", 0


def _back_words(text: str, offset: int, n: int) -> int:
    i = offset
    for _ in range(n):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


def _forward_words(text: str, offset: int, n: int) -> int:
    i = offset
    for _ in range(n):
        while i < len(text) and text[i].isspace():
            i += 1
        while i < len(text) and not text[i].isspace():
            i += 1
    return i
