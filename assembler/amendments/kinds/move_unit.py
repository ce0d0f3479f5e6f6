"""move-unit: a unit (with its sub-paragraphs) put elsewhere among units of its level.

    Move operative paragraph 9 after operative paragraph 12
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...diff import EQUAL
from ...lang import ENGLISH, Language, language_of
from ..model import Change
from ..targets import UnitIndex
from ...errors import AssemblerError
from .base import (MAKERS, PLACE_SCHEMA, TARGET, Arbitrary, Building, Claim, Difference,
                   Kind, Place, Planning, Reading, error, follow, place_key, place_of)
from .grammar import END, FLAGS, position, target


class MoveUnit(Kind):
    name = "move-unit"
    example = "Move operative paragraph 9 after operative paragraph 12"
    schema = {"additionalProperties": False, "required": ["target"], "oneOf": PLACE_SCHEMA,
              "properties": {"kind": True, "target": TARGET, "after": TARGET, "before": TARGET,
                             "start-of": TARGET, "end-of": TARGET}}
    forms = (re.compile(rf"^move\s+(?P<t>.+?)\s+(?:to\s+)?(?P<pos>before|after|follow|precede|"
                        rf"(?:the\s+)?(?:start|beginning|end)\s+of)\s+(?P<d>.+?){END}", FLAGS),)

    def from_mapping(self, m: dict, line) -> Change:
        pos, ref = place_of(m)
        return Change(self.name, m["target"], position=pos, destination=ref, line=line)

    def to_mapping(self, c: Change) -> dict:
        return {"target": c.target, place_key(c.position): c.destination}

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        place = lang.prose[{"start": "to-start", "end": "to-end"}.get(c.position, c.position)]
        return lang.say(self.name, target=name(c.target), place=place,
                        destination=name(c.destination))

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        return [Change(self.name, target(m["t"], r), position=position(m["pos"]),
                       destination=target(m["d"], r), line=r.line)]

    def plan(self, p, ctx: Planning) -> list:
        p.unit = ctx.unit(p)
        kind = ctx.index.units[p.unit].kind
        if kind not in MAKERS:
            raise error(p, f"{p.unit} is a {kind}; only paragraphs and headings move")
        ref = ctx.index.resolve(p.change.destination) or p.change.destination
        if ref == p.unit:
            raise error(p, "a unit cannot move next to itself")
        p.places = (Place(p.unit, ref, p.change.position),)
        return [p]

    def claims(self, p) -> list[Claim]:
        [q] = p.places
        return [Claim("moves", p.unit), Claim("places", (q.ref, q.position)),
                Claim("needs", p.unit), Claim("needs", q.ref)]

    def build(self, p, b: Building) -> None:
        b.moved.add(p.unit)
        b.place(p)

    def undoes(self, p) -> bool:
        return True

    def preview(self, p, base_text: str, index: UnitIndex) -> tuple[list, str]:
        lang = language_of(index.draft.metadata)
        return [(base_text, EQUAL)], lang.say("note-moved", **where(p, index, lang))

    def with_ids(self, c: Change, p) -> Change:
        return replace(c, target=p.unit, destination=p.places[0].ref)

    def carry(self, c: Change, old: UnitIndex, new: UnitIndex) -> Change:
        return replace(c, target=follow(c.target, old, new, c),
                       destination=follow(c.destination, old, new, c))

    def infer(self, d: Difference) -> Change | None:
        if d.what != "moved":
            return None
        return Change(self.name, d.unit, position=d.position, destination=d.at)

    room_ops = (("move-after", "move it after"), ("move-before", "move it before"))

    def from_form(self, op, target, text, field, index) -> list[Change]:
        dest = field("destination")
        if dest not in index.units or dest == target:
            raise AssemblerError("Choose another paragraph to move it next to.")
        return [Change(self.name, target, position=op.split("-")[1], destination=dest)]

    def arbitrary(self, draw, a: Arbitrary) -> Change:
        position, ref = a.place(draw)
        return Change(self.name, draw(a.st.sampled_from(a.units)).id, position=position,
                      destination=ref)


def where(p, index: UnitIndex, lang: Language) -> dict[str, str]:
    """Where a moved unit goes, as a compilation's note says it: place= and target=."""
    [q] = p.places
    ref = index.label_of(q.ref) if q.ref in index.units or q.ref in ("preamble", "operative") \
        else q.ref
    return {"place": lang.prose[q.position], "target": ref}


KIND = MoveUnit()
