"""An amendment document read as the UN reads it: its instructions in order, each applied to
the text as the ones before it left it ("Replace “X” with “Y” throughout", then "In the second
preambular paragraph, after “Y power plant” insert ..."). Paragraphs are named as the draft
amended numbers them (the document was written against it) and followed by stable id; quoted
words are found in the text as it stands, or, failing that, where the draft amended had them
(with a note).

The proposal's net effect is then said against the base (`net_planned`): each unit's words
as one edit of the base's, units deleted, inserted and moved, so that conflicts with other
proposers' proposals are judged against the base as ever, and never between two instructions
of one document.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import AssemblerError
from ..inline import plain
from ..model import Draft, Text
from ..source.markup import render_inline
from .kinds import Planning, kind
from .kinds.base import error
from .model import PARTS, Change, Proposal
from .placing import Planned, build, check_places
from .targets import UnitIndex
from .words import Edit, UnitWords, explode, to_content

_AMENDABLE = ("pp", "op", "sub", "heading", "fn", "title")


@dataclass(frozen=True)
class Step:
    """One instruction as applied: the unit it changed (or made), as the base numbers it
    ("new" for a unit the document itself makes), and the words it took out and put in."""
    change: Change
    unit: str
    label: str
    deleted: str = ""
    inserted: str = ""
    note: str = ""


@dataclass
class InOrder:
    draft: Draft                                  # the base with every instruction made
    steps: list[Step] = field(default_factory=list)
    problems: list[AssemblerError] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)   # units an instruction moved
    touched: dict = field(default_factory=dict)      # unit -> the last change touching it


def apply_in_order(base: Draft, index: UnitIndex, prop: Proposal, changes) -> InOrder:
    """Apply `changes` one after another; an instruction that cannot be made is a problem
    (its file, line and id) and the next ones are still tried, so all are reported."""
    done = InOrder(base)
    deleted_by: dict[str, str] = {}
    # new units one document puts at one place go in the order given ("after operative
    # paragraph 4" twice: the second after the first), as when placed side by side
    last_placed: dict[tuple[str, str], str] = {}
    for group in _instructions(changes):
        current = index if done.draft is base else UnitIndex(done.draft)
        ctx = Planning(current)
        ctx.before = index if done.draft is not base else None
        try:
            planned = []
            for n, c in group:
                c = _as_base_names(c, index)
                place = (c.target, c.position)
                if c.kind == "insert-unit" and place in last_placed:
                    c = replace(c, target=last_placed[place], position="after")
                p = Planned(c, prop, "", (prop.id, n))
                for uid in (c.target, c.destination):
                    if uid in deleted_by and uid not in current.units:
                        raise error(p, f"{index.label_of(uid)} was deleted by "
                                       f"{deleted_by[uid]}",
                                    hint="take the later instruction out, or delete the "
                                         "paragraph after changing it")
                planned += kind(c.kind).plan(p, ctx)
                if c.kind == "insert-unit" and place[1] in ("after", "start"):
                    last_placed[place] = planned[-1].unit
            for q in planned:
                check_places(q, current, ctx.new_ids)
            before = {u.id for u in done.draft.units()}
            done.draft = build(done.draft, current, planned, ctx.cache)
        except AssemblerError as err:
            done.problems.append(err)
            continue
        for uid in before - {u.id for u in done.draft.units()}:
            deleted_by[uid] = group[0][1].id
        for q in planned:
            e, c = q.edit, q.change
            done.steps.append(Step(c, q.unit, index.short_of(q.unit) if q.unit in index.units
                                   else "new", e.deleted if e else "", e.inserted if e else "",
                                   e.note if e else ""))
            done.touched[q.unit] = c
            done.moved += [x.unit for x in q.places if x.made is None]   # placed, not made
    return done


def _instructions(changes) -> list[list[tuple[int, Change]]]:
    """The changes grouped by the instruction that says them (one sentence may name several
    paragraphs, or bring several new ones to one place, in the order given)."""
    out: list[list[tuple[int, Change]]] = []
    for n, c in enumerate(changes, 1):
        if out and c.line is not None and out[-1][-1][1].line == c.line:
            out[-1].append((n, c))
        else:
            out.append([(n, c)])
    return out


def _as_base_names(c: Change, index: UnitIndex) -> Change:
    """The change naming its paragraphs by the ids they have in the draft amended: the
    document numbers them as that draft does, whatever earlier instructions inserted."""
    if not kind(c.kind).names_units:
        return c
    target = index.resolve(c.target) if c.target else None
    dest = index.resolve(c.destination) if c.destination else None
    return replace(c, target=target or c.target, destination=dest or c.destination)


# ---------------------------------------------------------------- the net effect

def net_planned(index: UnitIndex, prop: Proposal, done: InOrder, ctx: Planning) -> list:
    """The document's effect on the base as planned changes against it: for each base unit
    whose words changed, one edit from the first to the last word that differs; units gone,
    made (in document order) and moved. Each is credited to the last instruction touching
    its unit."""
    base, new = index.draft, done.draft
    last = next(iter(reversed(done.touched.values())), None)
    out: list[Planned] = []
    counter = iter(range(1, 1_000_000))

    said: dict[str, list[Change]] = {}
    for step in done.steps:
        if step.change not in said.setdefault(step.unit, []):
            said[step.unit].append(step.change)

    def planned(change: Change, unit: str) -> Planned:
        by = done.touched.get(unit, last)
        return Planned(replace(change, id=by.id if by else "", line=by.line if by else None),
                       prop, unit, (prop.id, next(counter)), said=tuple(said.get(unit, ())))

    now = new.unit_index()
    if "title" in index.units:
        now["title"] = index.units["title"] if new.metadata.title == base.metadata.title \
            else replace(index.units["title"], content=(Text(new.metadata.title),))
    parents, old_parents = _parents(new), _parents(base)
    for uid, unit in index.units.items():
        if unit.kind not in _AMENDABLE:
            continue
        if uid not in now:
            if unit.kind != "fn" and (old_parents[uid][0] in PARTS or
                                       old_parents[uid][0] in now):
                out += kind("delete-unit").plan(planned(Change("delete-unit", uid), uid), ctx)
            continue
        if now[uid].content != unit.content:
            p = planned(Change("replace-words", uid), uid)
            p.edit = _net_edit(ctx.words(uid), now[uid].content)
            p.change = replace(p.change, words=p.edit.deleted, text=p.edit.inserted)
            out.append(p)
    for uid, (ref, position) in _places(new, parents, set(index.units)).items():
        unit = now[uid]
        change = Change("insert-unit", ref, position=position, unit=unit.kind, new_id=uid,
                        text=render_inline(unit.content))
        out += kind("insert-unit").plan(planned(change, uid), ctx)
    for uid in dict.fromkeys(done.moved):
        ref, position = _place_of(uid, new, parents)
        change = Change("move-unit", uid, position=position, destination=ref)
        out += kind("move-unit").plan(planned(change, uid), ctx)
    return out


def _net_edit(words: UnitWords, content) -> Edit:
    """One edit turning the base unit's cells into `content`'s: the cells both share at the
    start and at the end are kept."""
    old, cells = words.cells, explode(content)
    p = 0
    while p < min(len(old), len(cells)) and old[p] == cells[p]:
        p += 1
    q = 0
    while q < min(len(old), len(cells)) - p and old[-1 - q] == cells[-1 - q]:
        q += 1
    i, j = p, len(old) - q
    s = words.starts[i] if i < len(old) else len(words.text)
    e = words.ends[j - 1] if j > i else s
    made = tuple(cells[p:len(cells) - q])
    return Edit(i, j, made, s, e, words.text[s:e], plain(to_content(made)))


def _parents(draft: Draft) -> dict[str, tuple[str, list]]:
    """Each unit's parent (a part or a paragraph) and the list of its siblings."""
    out: dict[str, tuple[str, list]] = {}

    def walk(items, parent):
        items = list(items)
        for u in items:
            out[u.id] = (parent, items)
            walk(getattr(u, "children", ()), u.id)
    walk(draft.preamble, "preamble")
    walk(draft.operative, "operative")
    return out


def _place_of(uid: str, draft: Draft, parents) -> tuple[str, str]:
    """Where a unit stands: after the sibling before it, or at the start of its parent."""
    parent, siblings = parents[uid]
    k = next(n for n, u in enumerate(siblings) if u.id == uid)
    return (siblings[k - 1].id, "after") if k else (parent, "start")


def _places(draft: Draft, parents, old_ids: set) -> dict[str, tuple[str, str]]:
    """The units of `draft` that are new, in document order, each with its place."""
    return {uid: _place_of(uid, draft, parents) for uid in parents if uid not in old_ids}
