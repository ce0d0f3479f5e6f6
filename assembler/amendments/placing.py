"""Placing changes against one version and building the next from them: the planned change
(a change resolved against the text it is made to: ids instead of labels, words located),
whether a new or moved unit may go where it is put, and the next version put together from
the planned changes. apply.py places proposals side by side against the base; ordered.py
places the instructions of one amendment document one after another.
"""
from __future__ import annotations

from dataclasses import replace

from ..inline import plain
from ..model import (Draft, Footnote, FootnoteRef, OperativeParagraph, PreambularParagraph,
                     SubParagraph, contents_of)
from ..source.markup import parse_inline
from .kinds import Building, Place, Planned, kind
from .kinds.base import error
from .model import PARTS
from .targets import UnitIndex
from .words import UnitWords

_LEVEL = {"pp": "preamble", "op": "operative", "heading": "operative", "sub": "sub"}


def parent_map(draft: Draft) -> dict[str, str | None]:
    parents: dict[str, str | None] = {}

    def walk(unit, parent):
        parents[unit.id] = parent
        for child in getattr(unit, "children", ()):
            walk(child, unit.id)
    for u in draft.preamble + draft.operative:
        walk(u, None)
    return parents


def check_places(p: Planned, index: UnitIndex, new_ids: dict) -> None:
    """Every unit `p` places goes next to a unit there is (or that a change inserts), among
    units of its level."""
    for q in p.places:
        if q.ref not in index.units and q.ref not in PARTS and q.ref not in new_ids:
            raise error(p, index.describe_missing(p.change.destination or p.change.target))
        check_level(p, q, index, new_ids)


def check_level(p: Planned, q: Place, index: UnitIndex, new_ids: dict) -> None:
    kind = q.made.kind if q.made is not None else index.units[q.unit].kind
    ref = q.ref
    ref_kind = ref if ref in PARTS else (new_ids.get(ref) or index.units[ref].kind)
    level = _LEVEL[kind]
    if q.position in ("start", "end"):
        ok = (level == "preamble" and ref == "preamble") or \
             (level == "operative" and ref == "operative") or \
             (level == "sub" and ref_kind in ("pp", "op", "sub"))
    else:
        ok = ref not in PARTS and _LEVEL.get(ref_kind) == level
    if not ok:
        what = {"pp": "a preambular paragraph", "op": "an operative paragraph",
                "heading": "a heading", "sub": "a sub-paragraph"}[kind]
        where = index.label_of(ref) if ref in index.units or ref in PARTS else ref
        raise error(p, f"{what} cannot go {q.position} {where}",
                   hint="put paragraphs among paragraphs of their kind; a sub-paragraph goes "
                        "before or after another, or at the start or end of a paragraph")


# ---------------------------------------------------------------- building

def build(base: Draft, index: UnitIndex, planned: list[Planned],
          cache: dict | None = None) -> Draft:
    b = Building()
    for p in planned:
        kind(p.change.kind).build(p, b)
    notes = {fid: text for p in planned for fid, text in p.proposal.footnotes}
    b.new_footnotes += [Footnote(fid, parse_inline(text)) for fid, text in notes.items()
                        if fid not in {f.id for f in base.footnotes}]
    for lst in b.places.values():
        lst.sort(key=lambda placed: placed[0])   # by (proposal, change): the same always
    contents, places, moved, deleted, new_units = b.contents, b.places, b.moved, b.deleted, \
        b.new_units
    for uid, eds in b.edits.items():
        words = (cache or {}).get(uid) or UnitWords(index.units[uid].content, index.number)
        contents[uid] = words.apply(eds)
    placed: list[str] = []

    def lookup(uid):
        return new_units.get(uid) or index.units[uid]

    def rebuild(unit):
        if unit.id in contents:
            unit = replace(unit, content=contents[unit.id])
        if isinstance(unit, (PreambularParagraph, OperativeParagraph, SubParagraph)):
            unit = replace(unit, children=emit_list(unit.children, unit.id))
        return unit

    def emit_placed(key, out):
        for _, q in places.get(key, ()):
            placed.append(q.unit)
            emit(lookup(q.unit), out, here=True)

    def emit(unit, out, here=False):
        if unit.id in moved and not here:
            return
        emit_placed((unit.id, "before"), out)
        if unit.id not in deleted:
            out.append(rebuild(unit))
        emit_placed((unit.id, "after"), out)

    def emit_list(items, parent):
        out: list = []
        emit_placed((parent, "start"), out)
        for unit in items:
            emit(unit, out)
        emit_placed((parent, "end"), out)
        return tuple(out)

    preamble = emit_list(base.preamble, "preamble")
    operative = emit_list(base.operative, "operative")
    annexes = tuple(replace(a, body=tuple(rebuild(b) if b.id in contents else b for b in a.body))
                    for a in base.annexes)
    # A footnote goes with the last of its markers (a deleted paragraph takes its own
    # footnotes with it; the others renumber, as numbers follow the markers' order).
    before = marked(base)
    after = marked(replace(base, preamble=preamble, operative=operative, annexes=annexes))
    footnotes = tuple(rebuild(f) for f in base.footnotes if f.id in after or f.id not in before)
    footnotes += tuple(f for f in b.new_footnotes if f.id in after)   # those the text marks
    expected = [(p, q) for p in planned for q in p.places]
    if len(placed) != len(expected) or len(set(placed)) != len(placed):
        missing = [(p, q) for p, q in expected if q.unit not in placed]
        p, q = missing[0] if missing else expected[0]
        raise error(p, f"{q.unit} could not be placed {q.position} {q.ref}",
                   hint="its reference unit is deleted, or lies inside the unit being moved")
    meta = base.metadata
    if "title" in contents:   # the title is metadata, amended as a unit (targets.Title)
        meta = meta.with_values(title=plain(contents["title"]))
    return replace(base, preamble=preamble, operative=operative, footnotes=footnotes,
                   annexes=annexes, metadata=meta)




def marked(draft: Draft) -> set[str]:
    """The footnotes the text marks (markers in footnotes themselves aside)."""
    return {item.footnote for unit in draft.units() if unit.kind != "fn"
            for content in contents_of(unit) for item in content
            if isinstance(item, FootnoteRef)}
