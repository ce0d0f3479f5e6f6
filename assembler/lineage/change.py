"""What changed along a link: the comparison every other view makes (align.py pairs the
units, words.py the words inside them), counted. Pure: two drafts in, a Change out."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..compare.align import (CHANGED, DELETED, EQUAL, INSERTED, MOVED_AWAY, PARTS, Alignment,
                             align, part_units, unit_text)
from ..compare.words import DELETE, INSERT, diff_text
from ..model import Draft

_WORD = re.compile(r"\w+")
_MARK = re.compile(r"\[\^[^\]]*\]")  # a footnote marker in unit_text: no word


@dataclass(frozen=True)
class Change:
    """Units kept word for word, changed, added, deleted and moved (a moved unit may also
    be changed: it counts under both), and words added and deleted."""
    kept: int = 0
    changed: int = 0
    added: int = 0
    deleted: int = 0
    moved: int = 0
    words_added: int = 0
    words_deleted: int = 0
    words_old: int = 0
    words_new: int = 0

    @property
    def words_changed(self) -> int:
        return self.words_added + self.words_deleted

    @property
    def measure(self) -> float:
        """Share of the two texts' words added or deleted: 0 word for word the same, 1
        nothing in common."""
        total = self.words_old + self.words_new
        return self.words_changed / total if total else 0.0

    def summary(self) -> str:
        return (f"{self.kept} kept, {self.changed} changed, {self.added} added, "
                f"{self.deleted} deleted, {self.moved} moved; {self.words_changed} words "
                f"changed ({self.measure:.1%})")


def words(text: str) -> int:
    return len(_WORD.findall(_MARK.sub(" ", text)))


def change(old: Draft, new: Draft, alignment: Alignment | None = None) -> Change:
    kept = changed = added = deleted = moved = w_add = w_del = 0
    for e in (alignment or align(old, new)).entries:
        if e.status == MOVED_AWAY:
            continue  # the moved unit is counted at its new place
        if e.moved:
            moved += 1
        if e.status == EQUAL and not e.moved:
            kept += 1
        elif e.status in (EQUAL, CHANGED):
            a, b = unit_text(e.old), unit_text(e.new)
            if a == b:
                kept += not e.moved
                continue
            changed += 1
            for text, op in diff_text(a, b):
                if op == INSERT:
                    w_add += words(text)
                elif op == DELETE:
                    w_del += words(text)
        elif e.status == INSERTED:
            added += 1
            w_add += words(unit_text(e.new))
        elif e.status == DELETED:
            deleted += 1
            w_del += words(unit_text(e.old))
    return Change(kept, changed, added, deleted, moved, w_add, w_del, _count(old), _count(new))


def _count(draft: Draft) -> int:
    return sum(words(unit_text(u)) for part in PARTS for u, _ in part_units(draft, part))
