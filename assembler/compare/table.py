"""Every version of a negotiation side by side: one row per unit, one column per version.

Pure: versions in, a ComparisonTable out. Rows follow the newest version's order; a unit that
a later version dropped stays just after the unit it followed when it was last present.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..lang import ENGLISH, Language
from .align import align
from .segments import word_segments
from .provenance import Record
from .unittext import UnitView, version_text
from .versions import Version
from .wording import say, table_language

UNCHANGED, CHANGED, ADDED, DELETED, MOVED = "unchanged", "changed", "added", "deleted", "moved"
CHANGE_KINDS = (UNCHANGED, CHANGED, ADDED, DELETED, MOVED)


@dataclass(frozen=True)
class Column:
    """A version as the table heads it."""
    name: str
    stage: str
    date: str
    short: str       # "Rev.1": used in notes

    @property
    def heading(self) -> str:
        return f"{self.stage}, {self.date}" if self.date else self.stage


@dataclass(frozen=True)
class Cell:
    """A unit as one version numbered and worded it, against the previous column."""
    unit_id: str = ""            # "" when the unit is not in this version
    number: str = ""
    text: str = ""
    change: str = ""             # one of CHANGE_KINDS; "" in the first column and empty cells
    segments: tuple = ()         # ((op, text), ...): op "=", "+" inserted, "-" deleted
    note: str = ""               # "deleted in Rev.1", "added in Rev.2", "moved"
    moved: bool = False
    contributions: tuple = ()    # Contribution, ... behind this column's change
    styled: tuple = ()           # the segments split where italics change: (op, text, italic)
    position: int = -1           # the unit's place in its version's document order

    def runs(self) -> tuple:
        """(op, text, italic) to render: the styled segments, or the plain ones."""
        return self.styled or tuple((op, text, False) for op, text in self.segments)

    @property
    def present(self) -> bool:
        return bool(self.unit_id)

    @property
    def proposals(self) -> str:
        return "; ".join(c.proposal for c in self.contributions)

    def proposers_in(self, lang: Language) -> str:
        return "; ".join(dict.fromkeys(c.who_in(lang) for c in self.contributions))

    def statuses_in(self, lang: Language) -> str:
        return "; ".join(f"{c.proposal}: {c.status_in(lang)}" for c in self.contributions
                         if c.status)


@dataclass(frozen=True)
class TableRow:
    id: str          # the unit's id (its id in the first version that has it)
    kind: str        # pp, op, sub, heading, fn, annex, p, table, row
    depth: int       # 0 at top level, 1 for (a), 2 for (i) ...
    cells: tuple     # one Cell per column

    def ids(self) -> list[str]:
        return list(dict.fromkeys(c.unit_id for c in self.cells if c.present))

    @property
    def touched(self) -> bool:
        """Changed, added, deleted or moved in some version."""
        return any(c.change not in ("", UNCHANGED) for c in self.cells)


@dataclass(frozen=True)
class ComparisonTable:
    columns: tuple           # Column, ...
    rows: tuple              # TableRow, ...
    with_proposals: bool = False
    title: str = ""
    lang: Language = ENGLISH  # the words around the text: the newest version's language

    def changed_only(self) -> "ComparisonTable":
        """The rows of the units some version changed, added, deleted or moved."""
        return replace(self, rows=tuple(r for r in self.rows if r.touched))

    def row_of(self, unit_id: str) -> TableRow | None:
        for row in self.rows:
            if unit_id in row.ids():
                return row
        return None


def column_of(v: Version) -> Column:
    return Column(v.name, v.stage, v.date, v.short)


def distinct(columns: tuple) -> tuple:
    """Columns that would read alike (two copies of one stage and date, e.g. a draft and the
    copy a delegation sent back) are told apart by their version names."""
    def twice(key):
        seen = [key(c) for c in columns]
        return {k for k in seen if seen.count(k) > 1}
    same_head = twice(lambda c: (c.stage, c.date))
    same_short = twice(lambda c: c.short)
    return tuple(replace(c, stage=f"{c.stage} ({c.name})" if (c.stage, c.date) in same_head
                         else c.stage,
                         short=f"{c.short} ({c.name})" if c.short in same_short else c.short)
                 for c in columns)


def build_table(versions: list[Version], records: list[Record] | None = None,
                title: str = "", progress: Callable[[str], None] | None = None,
                lang: Language | None = None) -> ComparisonTable:
    """Align every version with the one before it and lay the units out in rows.

    `records[k]` (optional) gives, for version k, the proposals behind its changes by unit id.
    `lang`: the words around the text (default: the newest version's language).
    """
    n = len(versions)
    lang = lang or table_language(versions)
    texts = []
    for v in versions:
        if progress:
            progress(f"reading {v.short}")
        texts.append(version_text(v.draft, lang))
    views = [t.views for t in texts]
    moved: list[set[int]] = [set() for _ in versions]
    row_views: list[dict[int, UnitView]] = []     # row -> {column: view}
    row_of: list[dict[str, int]] = []             # column -> {unit id: row}
    by_id: dict[str, int] = {}                    # any id ever seen -> its row
    for k in range(n):
        placed: dict[str, int] = {}
        if k and progress:
            progress(f"aligning {versions[k].short} with {versions[k - 1].short}")
        alignment = align(versions[k - 1].draft, versions[k].draft) if k else None
        pairs = alignment.pairs() if alignment else {}
        moved_ids = alignment.moved() if alignment else frozenset()
        for view in views[k]:
            old = pairs.get(view.id)
            r = row_of[k - 1].get(old) if old is not None else None
            gone = by_id.get(view.id)
            if r is None and gone is not None and not {k - 1, k} & row_views[gone].keys():
                r = gone               # a unit coming back after a gap keeps its row
            if r is None or k in row_views[r]:
                r = len(row_views)
                row_views.append({})
            row_views[r][k] = view
            placed[view.id] = r
            if view.id in moved_ids and old is not None and view.kind != "fn":
                moved[k].add(r)  # footnotes follow their markers: never a move of their own
            by_id.setdefault(view.id, r)
        row_of.append(placed)
    order = _row_order(views, row_of)
    positions = [{view.id: i for i, view in enumerate(vs)} for vs in views]
    depths = [_depths(vs) for vs in views]
    columns = distinct(tuple(column_of(v) for v in versions))
    records = records or [{} for _ in versions]
    rows = []
    for r in order:
        have = row_views[r]
        first = min(have)
        base = have[first]
        cells = tuple(_placed(_cell(have, k, columns, moved[k],
                                    records[k] if k < len(records) else {}, r, texts, lang),
                              have.get(k), positions[k]) for k in range(n))
        rows.append(TableRow(base.id, base.kind, depths[first][base.id], cells))
    return ComparisonTable(columns, tuple(rows), any(records), title, lang)


def _cell(have: dict, k: int, columns: tuple, moved: set, record: Record, r: int,
          texts: list, lang: Language) -> Cell:
    view = have.get(k)
    prev = have.get(k - 1) if k else None
    if view is None:
        if prev is not None:
            return Cell(change=DELETED, note=say(lang, "deleted-in", version=columns[k].short),
                        contributions=tuple(record.get(prev.id, ())))
        earlier = [j for j in have if j < k]
        later = [j for j in have if j > k]
        if earlier:
            note = say(lang, "deleted-in", version=columns[max(earlier) + 1].short)
        else:
            note = say(lang, "added-in", version=columns[min(later)].short)
        return Cell(note=note)
    contributions = tuple(record.get(view.id, ()))
    whole = texts[k].styled_text(view)
    if k == 0:
        return Cell(view.id, view.number, view.text, "", (("=", view.text),) if view.text else (),
                    styled=tuple(("=", t, it) for t, it in whole))
    if prev is None:
        back = [j for j in have if j < k]
        note = say(lang, "reinstated", version=columns[max(back)].short) if back else ""
        return Cell(view.id, view.number, view.text, ADDED,
                    (("+", view.text),) if view.text else (), note, False, contributions,
                    tuple(("+", t, it) for t, it in whole))
    is_moved = r in moved
    moved_word = say(lang, MOVED)
    if view.contents == prev.contents:  # renumbered cross-references are not a change
        return Cell(view.id, view.number, view.text, MOVED if is_moved else UNCHANGED,
                    (("=", view.text),) if view.text else (), moved_word if is_moved else "",
                    is_moved, contributions, tuple(("=", t, it) for t, it in whole))
    old, new = texts[k - 1], texts[k]
    segments, styled = word_segments(prev.contents, view.contents, old.words, new.words,
                                     old.styled, new.styled)
    notes = [moved_word] if is_moved else []
    if all(op == "=" for op, _ in segments):
        notes.append(say(lang, "formatting"))
    return Cell(view.id, view.number, view.text, CHANGED, segments, ", ".join(notes), is_moved,
                contributions, styled)


def _placed(cell: Cell, view: UnitView | None, positions: dict[str, int]) -> Cell:
    """The cell with its unit's place in its own version: rows follow the newest version,
    a table of two older ones (a concordance) sorts by this."""
    return replace(cell, position=positions[view.id]) if view is not None else cell


def _row_order(views: list[list[UnitView]], row_of: list[dict[str, int]]) -> list[int]:
    """The newest version's order, with each dropped unit after the unit it last followed.

    Going from the newest version back, a row not yet placed hangs after the nearest unit
    before it in that version; hanging rows are expanded depth first (linear time)."""
    n = len(views)
    placed: set[int] = set()
    spine: list[int] = []
    after: dict[int | None, list[int]] = {}
    for k in range(n - 1, -1, -1):
        anchor: int | None = None
        for view in views[k]:
            r = row_of[k][view.id]
            if r not in placed:
                placed.add(r)
                if k == n - 1:
                    spine.append(r)
                else:
                    after.setdefault(anchor, []).append(r)
            anchor = r
    out: list[int] = []

    def emit(r: int | None) -> None:
        stack = list(reversed(after.get(r, ())))
        while stack:
            x = stack.pop()
            out.append(x)
            stack.extend(reversed(after.get(x, ())))
    emit(None)
    for r in spine:
        out.append(r)
        emit(r)
    return out


def _depths(views: list[UnitView]) -> dict[str, int]:
    """How deep each unit sits: 0 at top level, 1 for a first-degree sub-paragraph ..."""
    out: dict[str, int] = {}
    for v in views:  # document order: a parent comes before its children
        out[v.id] = out.get(v.parent, 0) + 1 if v.kind == "sub" else 0
    return out
