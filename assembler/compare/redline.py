"""The Redline model: what changed between two versions, ready for any writer.

build_redline(old, new) aligns the versions (align.py), diffs words inside changed units
(words.py) and attributes every change to an author and a date. Writers (.docx tracked
changes, bold/strike-out .docx, HTML) only render this model; none of them diffs.

Display numbers are not text: every unit shows its number in the new version (deleted and
moved-away units their old one), so a paragraph renumbered because others came or went
shows no change, nor does a cross-reference that followed its operative paragraph (Redline.
old_number).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Callable

from ..dates import iso_day
from ..diff import touching as words_touch
from ..inline import plain
from ..lang import Language, language_of
from ..model import CrossRef, Draft, FootnoteRef, contents_of
from ..numbering import Label, compute_labels
from ..records import record
from .align import DELETED, EQUAL, INSERTED, MOVED_AWAY, Alignment, Entry, align
from .words import DELETE, INSERT, Piece, diff_content
from .words import EQUAL as SAME

DEFAULT_AUTHOR = "Co-facilitators"


@record  # a frozen dataclass, made cheaply (records.py)
class Who:
    """Who made a change and when (ISO 8601, as Word wants it; "" if unknown)."""
    author: str
    date: str = ""


# Attribution: (new or old unit id, "new"|"old") -> Who, or None for the default.
Attribution = Callable[[str, str], "Who | None"]


@record
class Segment:
    op: str             # "equal" | "insert" | "delete"
    content: tuple      # inline items
    who: Who | None = None


@record
class RedlineUnit:
    """One paragraph (or table row) of the redline, in merged document order."""
    part: str
    status: str                 # equal / changed / inserted / deleted / moved-away
    unit: object                # the unit as shown (new version, or old if it is gone)
    contents: tuple             # per content of the unit (one; a row has one per cell):
                                #   tuple[Segment, ...]
    who: Who                    # who inserted/deleted/moved the whole unit
    mark: str = ""              # its display mark ("14.", "(a)") where it stands
    degree: int = 0
    moved: bool = False         # at the new place of a moved unit
    move_name: str = ""         # pairs a moved-away unit with its moved one
    move_other: str = ""        # the other place's number ("OP 9"), for visual notes
    old_unit: object = None
    new_unit: object = None

    @property
    def kind(self) -> str:
        return self.unit.kind


@record
class RedlineNote:
    """A footnote's text as shown under one marker."""
    contents: tuple             # tuple[Segment, ...]


@dataclass
class Redline:
    old: Draft
    new: Draft
    units: list                 # list[RedlineUnit]: preamble, operative part, annexes
    notes: dict                 # (side, footnote id) -> RedlineNote; side "new" or "old"
    old_labels: dict
    new_labels: dict
    default: Who
    alignment: Alignment
    metadata_changes: list = field(default_factory=list)  # (key, old, new)

    def changed_units(self) -> list[RedlineUnit]:
        return [u for u in self.units if u.status != EQUAL or u.moved]

    def authors(self) -> list[str]:
        seen: dict[str, None] = {}
        for u in self.units:
            for segs in u.contents:
                for s in segs:
                    if s.op != SAME and s.who:
                        seen[s.who.author] = None
            if u.status in (INSERTED, DELETED, MOVED_AWAY) or u.moved:
                seen[u.who.author] = None
        for note in self.notes.values():
            for s in note.contents:
                if s.op != SAME and s.who:
                    seen[s.who.author] = None
        return list(seen)

    def note(self, side: str, fid: str) -> RedlineNote:
        return self.notes.get((side, fid)) or RedlineNote(())

    def old_number(self, new_target: str) -> str | None:
        """How the old version printed a cross-reference that now points at `new_target`,
        when that is an edit to show: None if the old version had no such target, or if
        the number that changed is one the word processor counts in both (Label.follows),
        which follows its target in either version as the paragraphs' own numbers do."""
        found = self.old_target(new_target)
        if found is None:
            return None
        old_id, lab = found
        now = self.new_labels.get(new_target)
        if lab is not None and now is not None and now.follows(lab):
            return None
        return lab.number if lab else old_id

    def old_target(self, new_target: str) -> tuple[str, Label | None] | None:
        """The old version's unit a cross-reference to `new_target` pointed at, and its
        label (None if the old version had no such unit)."""
        pairs = self.__dict__.get("_pairs")
        if pairs is None:
            pairs = self.__dict__["_pairs"] = self.alignment.pairs()
        old_id = pairs.get(new_target)
        if old_id is None and new_target not in self.new_labels:
            old_id = new_target  # the target is gone: the reference dangles in the new text
        if old_id is None:
            return None
        return old_id, self.old_labels.get(old_id)

    def label(self, side: str, uid: str) -> Label | None:
        return (self.new_labels if side == "new" else self.old_labels).get(uid)


def iso_date(text: str) -> str:
    """"22 December 2016" or "2016-12-22" -> "2016-12-22T00:00:00Z" (Word's w:date); "" if
    not a date."""
    day = iso_day(text)
    return f"{day}T00:00:00Z" if day else ""


def default_who(new: Draft, author: str = "", date: str = "") -> Who:
    """The author given, else the new version's sponsor (its 'submitted-by': the draft is
    theirs), else the co-facilitators; dated by `date`, else the new version's date, else
    today."""
    author = author or new.metadata.get("submitted-by").strip()
    when = iso_date(date) if date else iso_date(new.metadata.date)
    if not when:
        when = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Who(author or DEFAULT_AUTHOR, when)


def _renamer(alignment: Alignment) -> Callable[[object], object]:
    """Old footnote and cross-reference ids -> the ids their units have in the new version."""
    old_to_new: dict[str, str] = {}
    for e in alignment.entries:
        if e.old is not None and e.new is not None:
            old_to_new[e.old.id] = e.new.id

    def rename(item):
        if isinstance(item, FootnoteRef) and item.footnote in old_to_new:
            return FootnoteRef(old_to_new[item.footnote])
        if isinstance(item, CrossRef) and item.target in old_to_new:
            return CrossRef(old_to_new[item.target])
        return item
    return rename


def _segments(pieces: list[Piece], who: Who) -> tuple:
    return tuple(Segment(p.op, p.content, who if p.op != SAME else None) for p in pieces)


def _whole(op: str, unit, who: Who) -> tuple:
    return tuple((Segment(op, tuple(c), who),) if c else () for c in contents_of(unit))


def build_redline(old: Draft, new: Draft, author: str = "", date: str = "",
                  attribution: Attribution | None = None,
                  alignment: Alignment | None = None) -> Redline:
    """Compare two versions. `attribution(unit_id, side)` names who changed a unit (the
    proposal's proposer, when the new version records it); otherwise `author` and `date`."""
    alignment = alignment or align(old, new)
    lang = language_of(new.metadata)   # the redline is the new version's document
    default = default_who(new, author, date)
    old_labels, new_labels = compute_labels(old), compute_labels(new)
    rename = _renamer(alignment)

    def who_for(e: Entry) -> Who:
        found = None
        if attribution:
            if e.new is not None:
                found = attribution(e.new.id, "new")
            if found is None and e.old is not None:
                found = attribution(e.old.id, "old")
        return found or default

    def mark(labels, unit) -> tuple[str, int]:
        lab = labels.get(unit.id)
        return (lab.mark, lab.degree) if lab else ("", 0)

    def short(labels, unit) -> str:
        lab = labels.get(unit.id)
        return lab.short_in(lang) if lab else unit.id

    units: list[RedlineUnit] = []
    notes: dict = {}
    move_names: dict[str, str] = {}
    fn_entries = {}
    for e in alignment.entries:
        if e.part == "footnotes":
            if e.new is not None:
                fn_entries[("new", e.new.id)] = e
            if e.old is not None:
                fn_entries[("old", e.old.id)] = e
            continue
        who = who_for(e)
        if e.status == INSERTED:
            m, deg = mark(new_labels, e.new)
            units.append(RedlineUnit(e.part, e.status, e.new, _whole(INSERT, e.new, who), who,
                                     m, deg, new_unit=e.new))
        elif e.status in (DELETED, MOVED_AWAY):
            m, deg = mark(old_labels, e.old)
            name = ""
            other = ""
            if e.status == MOVED_AWAY:
                name = move_names.setdefault(e.old.id, f"move{len(move_names) + 1}")
                other = short(new_labels, e.new)
            units.append(RedlineUnit(e.part, e.status, e.old, _whole(DELETE, e.old, who), who,
                                     m, deg, move_name=name, move_other=other,
                                     old_unit=e.old, new_unit=e.new))
        else:
            m, deg = mark(new_labels, e.new)
            if e.status == EQUAL:
                contents = tuple((Segment(SAME, tuple(c)),) if c else () for c in contents_of(e.new))
                if any(isinstance(i, CrossRef) and rename(i) != i
                       for c in contents_of(e.old) for i in c):
                    contents = _diff_contents(e.old, e.new, rename, who)
            else:
                contents = _diff_contents(e.old, e.new, rename, who)
            name = other = ""
            if e.moved:
                name = move_names.setdefault(e.old.id, f"move{len(move_names) + 1}")
                other = short(old_labels, e.old)
            units.append(RedlineUnit(e.part, e.status, e.new, contents, who, m, deg,
                                     moved=e.moved, move_name=name, move_other=other,
                                     old_unit=e.old, new_unit=e.new))

    # footnotes: the text under each marker, by the side the marker belongs to
    for (side, fid), e in fn_entries.items():
        who = who_for(e)
        if side == "new":
            if e.old is not None:
                pieces = diff_content(e.old.content, e.new.content, rename)
                notes[(side, fid)] = RedlineNote(_segments(pieces, who))
            else:
                notes[(side, fid)] = RedlineNote((Segment(INSERT, e.new.content, who),))
        else:
            unit = e.old
            notes[(side, fid)] = RedlineNote((Segment(DELETE, unit.content, who),))
    units = _moved_from(_group_moves(units), new_labels, lang)
    meta = [(k, old.metadata.get(k), new.metadata.get(k))
            for k in ("title", "stage-label", "date", "symbol")
            if old.metadata.get(k) != new.metadata.get(k)]
    return Redline(old, new, units, notes, old_labels, new_labels, default, alignment, meta)


def _blocks(units: list[RedlineUnit], away: bool) -> dict[tuple, str]:
    """Blocks of consecutive moved units on one side: a unit and the deeper units after it
    (an operative paragraph with its sub-paragraphs). Key: the old ids; value: head's name."""
    out: dict[tuple, str] = {}
    i = 0
    while i < len(units):
        u = units[i]
        if u.move_name and (u.status == MOVED_AWAY) == away:
            j = i + 1
            while (j < len(units) and units[j].move_name and units[j].part == u.part
                   and (units[j].status == MOVED_AWAY) == away and units[j].degree > u.degree):
                j += 1
            out[tuple(x.old_unit.id for x in units[i:j])] = u.move_name
            i = j
        else:
            i += 1
    return out


def _group_moves(units: list[RedlineUnit]) -> list[RedlineUnit]:
    """A paragraph moved with its sub-paragraphs is one move (one name, one range), when the
    block is whole on both sides."""
    away, to = _blocks(units, True), _blocks(units, False)
    rename: dict[str, str] = {}
    for ids, name in away.items():
        if len(ids) > 1 and to.get(ids) == name:
            for u in units:
                if u.move_name and u.old_unit is not None and u.old_unit.id in ids:
                    rename[u.move_name] = name
    if not rename:
        return units
    from dataclasses import replace as _replace
    return [_replace(u, move_name=rename.get(u.move_name, u.move_name)) for u in units]


def touching(before: Segment | None, after: Segment) -> bool:
    """A struck-out and an inserted run that meet with no space read as one word in bold and
    strike-out ("cofacilitatorsco-facilitators"); a reader expects a space between them."""
    if before is None or {before.op, after.op} != {INSERT, DELETE}:
        return False
    return words_touch(plain(before.content), plain(after.content))


def _moved_from(units: list[RedlineUnit], new_labels: dict, lang: Language) -> list[RedlineUnit]:
    """Where a moved paragraph came from, in the new version's numbers as every number of
    the redline is: "after OP 7", the paragraph it followed as now numbered (its old number
    would read as a new one)."""
    from dataclasses import replace as _replace
    came_from: dict[str, str] = {}
    for i, u in enumerate(units):
        if u.status != MOVED_AWAY:
            continue
        before = next((x for x in reversed(units[:i]) if x.part == u.part
                       and x.status not in (DELETED, MOVED_AWAY) and x.new_unit is not None
                       and new_labels.get(x.new_unit.id)), None)
        came_from[u.old_unit.id] = (
            lang.redline["after"].format(unit=new_labels[before.new_unit.id].short_in(lang))
            if before else lang.redline["beginning"])
    return [_replace(u, move_other=came_from.get(u.old_unit.id, u.move_other))
            if u.moved and u.old_unit is not None else u for u in units]


def _diff_contents(old_unit, new_unit, rename, who: Who) -> tuple:
    olds, news = list(contents_of(old_unit)), list(contents_of(new_unit))
    olds += [()] * (len(news) - len(olds))
    news += [()] * (len(olds) - len(news))
    return tuple(_segments(diff_content(tuple(o), tuple(n), rename), who)
                 for o, n in zip(olds, news))


__all__ = ["Redline", "RedlineUnit", "RedlineNote", "Segment", "Who", "build_redline", "touching",
           "default_who", "iso_date", "DEFAULT_AUTHOR"]
