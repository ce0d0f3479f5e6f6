"""A concordance table, as UNFCCC facilitators publish: each unit of the newer version
against the numbers it had in the older one, and who contributed to the change.

Built from a ComparisonTable (so it aligns exactly as the table does); pure.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import AssemblerError
from ..lang import ENGLISH, Language
from .table import ADDED, CHANGED, DELETED, MOVED, UNCHANGED, Column, ComparisonTable
from .wording import say

#: the units a concordance lists: numbered paragraphs and headings (not footnotes, table rows)
LISTED = {"pp", "op", "sub", "heading", "p"}


@dataclass(frozen=True)
class ConcordanceRow:
    new_number: str          # "" when the unit was dropped
    old_numbers: tuple       # the numbers it came from ("new" units: ())
    change: str              # unchanged, changed, moved, added, deleted
    proposers: tuple         # contributing proposers, in order of first appearance
    proposals: tuple         # their proposals' ids
    note: str
    unit_id: str
    rationale: tuple = ()    # the contributing proposals' rationales


@dataclass(frozen=True)
class ConcordanceTable:
    older: Column
    newer: Column
    rows: tuple
    lang: Language = ENGLISH  # the comparison table's

    @property
    def title(self) -> str:
        return say(self.lang, "concordance", newer=self.newer.short, older=self.older.short)


def build_concordance(table: ComparisonTable, older: int = -2, newer: int = -1,
                      kinds: set[str] | None = None) -> ConcordanceTable:
    """Concordance of column `newer` against column `older` (default: the last two)."""
    n = len(table.columns)
    a, b = older % n if n else 0, newer % n if n else 0
    if n < 2 or a >= b:
        raise AssemblerError("a concordance needs an older and a newer version",
                             hint="give at least two versions, oldest first")
    kinds = LISTED if kinds is None else kinds
    lang = table.lang
    kept, dropped = [], []
    for row in table.rows:
        if row.kind not in kinds:
            continue
        old, new = row.cells[a], row.cells[b]
        if not old.present and not new.present:
            continue
        between = row.cells[a + 1:b + 1]
        contribs = [c for cell in between for c in cell.contributions]
        proposers = tuple(dict.fromkeys(c.who_in(lang) for c in contribs))
        proposals = tuple(dict.fromkeys(c.proposal for c in contribs))
        why = tuple(dict.fromkeys(f"{c.proposal}: {c.rationale}" for c in contribs if c.rationale))
        old_numbers = (old.number,) if old.present else ()
        if not new.present:
            gone = next((c.note for c in between if c.change == DELETED), say(lang, DELETED))
            dropped.append(ConcordanceRow("", old_numbers, DELETED, proposers, proposals,
                                          gone, row.id, why))
            continue
        change = _summary(old, between)
        note = ("" if change != ADDED
                else say(lang, "new-in", version=_first_present(table, row, a, b)))
        if change != ADDED and old.number != new.number:
            note = say(lang, "renumbered") if change == UNCHANGED else note
        kept.append((new.position, ConcordanceRow(new.number, old_numbers, change, proposers,
                                                  proposals, note, new.unit_id, why)))
    # the newer version's own order: the table's rows follow the newest version, where a
    # paragraph added in Rev.1 may since have moved
    ordered = [r for _, r in sorted(kept, key=lambda pair: pair[0])]
    return ConcordanceTable(table.columns[a], table.columns[b], tuple(ordered + dropped), lang)


def _summary(old, between) -> str:
    if not old.present:
        return ADDED
    kinds = {c.change for c in between}
    if CHANGED in kinds or ADDED in kinds or DELETED in kinds:
        return CHANGED
    if MOVED in kinds or any(c.moved for c in between):
        return MOVED
    return UNCHANGED


def _first_present(table: ComparisonTable, row, a: int, b: int) -> str:
    for k in range(a + 1, b + 1):
        if row.cells[k].present:
            return table.columns[k].short
    return table.columns[b].short
