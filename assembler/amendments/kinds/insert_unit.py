"""insert-unit: a new paragraph, sub-paragraph or heading before or after a unit, or at the
start or end of a paragraph or part.

    Insert a new operative paragraph after operative paragraph 7 reading: “*Encourages* ...”
    Insert a new sub-paragraph at the end of operative paragraph 6 reading: “...”
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...diff import INSERT
from ...errors import AssemblerError
from ...inline import plain
from ...source.markup import parse_inline
from ...lang import ENGLISH, Language
from ...model import UNIT_ID
from ..model import Change
from ..targets import UnitIndex
from .base import (MAKERS, PLACE_SCHEMA, TARGET, TEXT, Arbitrary, Building, Claim,
                   Difference, Kind, Place, Planning, Reading, follow, new_content,
                   place_key, place_of)
from .grammar import (COUNT, END, FLAGS, MANY, PLACE, READING, TEXT as TEXT_FORM, UNIT_KIND, new_texts,
                      position, short, target, unit_kind)


class InsertUnit(Kind):
    name = "insert-unit"
    has_text = True
    example = ("Insert a new operative paragraph after operative paragraph 7 reading: "
               "“Encourages Member States to take part”")
    schema = {"additionalProperties": False, "required": ["unit", "text"],
              "oneOf": PLACE_SCHEMA,
              "properties": {"kind": True, "unit": {"enum": list(MAKERS)},
                             "after": TARGET, "before": TARGET, "start-of": TARGET,
                             "end-of": TARGET,
                             "id": {"type": "string", "pattern": f"^{UNIT_ID}$"},
                             "text": TEXT}}
    forms = (
        re.compile(rf"^(?:insert|add)\s+{COUNT}(?:new\s+)?{UNIT_KIND}\s+"
                   rf"{PLACE}\s+(?P<t>.+?)"
                   rf"(?:,?\s+with\s+id\s+(?P<id>{UNIT_ID}?),?)?\s*,?\s*"
                   rf"(?:{READING}\s*:?|:)\s*(?:{MANY}|{TEXT_FORM}){END}",
                   FLAGS),
        # "After operative paragraph 70, insert the following operative paragraph:" and the
        # paragraph on the next lines; "insert the following new paragraphs:" and several
        re.compile(rf"^{PLACE}\s+(?P<t>.+?)\s*,\s*(?:insert|add)\s+{COUNT}"
                   rf"(?:new\s+)?{UNIT_KIND}\s*,?\s*(?:{READING}\s*)?"
                   rf":?\s*(?:{MANY}|{TEXT_FORM}){END}", FLAGS),
    )

    def from_mapping(self, m: dict, line) -> Change:
        pos, ref = place_of(m)
        return Change(self.name, ref, text=m["text"], position=pos, unit=m["unit"],
                      new_id=m.get("id", ""), line=line)

    def to_mapping(self, c: Change) -> dict:
        m = {"unit": c.unit, place_key(c.position): c.target}
        if c.new_id:
            m["id"] = c.new_id
        m["text"] = c.text
        return m

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        ident = lang.say("with-id", id=c.new_id) if c.new_id else ""
        return lang.say(self.name, unit=lang.prose[f"new-{c.unit}"],
                        place=lang.prose[c.position], target=name(c.target), id=ident,
                        text=lang.quote(c.text))

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        """One change a new unit; several go to the same place in the order given (build
        keeps a proposal's units at one place in its order)."""
        where, pos = target(m["t"], r), position(m["pos"])
        unit, texts = unit_kind(m["unit"], where, pos, r), new_texts(m)
        new_id = m.groupdict().get("id") or ""
        if new_id and len(texts) > 1:
            raise AssemblerError(f"in “{short(r.sentence)}”: one id, {len(texts)} new "
                                 f"paragraphs", line=r.line, file=r.file,
                                 hint="give each paragraph its own instruction and id")
        return [Change(self.name, where, text=text, unit=unit, position=pos, new_id=new_id,
                       line=r.line) for text in texts]

    def plan(self, p, ctx: Planning) -> list:
        c = p.change
        ref = ctx.index.resolve(c.target) or c.target  # maybe a unit a later change inserts
        uid = ctx.new_unit_id(p, c.unit)
        content = new_content(p, c.text, whole=True)
        p.unit = uid
        p.places = (Place(uid, ref, c.position, MAKERS[c.unit](uid, content)),)
        return [p]

    def claims(self, p) -> list[Claim]:
        [q] = p.places
        return [Claim("places", (q.ref, q.position)), Claim("needs", q.ref)]

    def build(self, p, b: Building) -> None:
        b.place(p)

    def anchor(self, p) -> str:
        return p.places[0].ref   # shown beside the unit it goes next to

    def preview(self, p, base_text: str, index: UnitIndex) -> tuple[list, str]:
        # no note: where the paragraph goes is in the change's own sentence
        return [(plain(parse_inline(p.change.text)), INSERT)], ""

    def with_ids(self, c: Change, p) -> Change:
        return replace(c, target=p.places[0].ref)

    def carry(self, c: Change, old: UnitIndex, new: UnitIndex) -> Change:
        return replace(c, target=follow(c.target, old, new, c))

    def infer(self, d: Difference) -> Change | None:
        if d.what != "added":
            return None
        return Change(self.name, d.at, position=d.position, unit=d.unit_kind, text=d.text,
                      new_id=d.new_id)


    room_ops = (("insert-after", "insert a new paragraph after it"),
                ("insert-before", "insert a new paragraph before it"))

    def from_form(self, op, target, text, field, index) -> list[Change]:
        if not text:
            raise AssemblerError("Type the text of the new paragraph.")
        kind = index.units[target].kind
        return [Change(self.name, target, text=text, position=op.split("-")[1],
                       unit=kind if kind in ("pp", "op", "sub") else "op")]

    def arbitrary(self, draw, a: Arbitrary) -> Change:
        st = a.st
        position, ref = a.place(draw)
        return Change(self.name, ref, text=draw(a.text), position=position,
                      unit=draw(st.sampled_from(["pp", "op", "sub", "heading"])),
                      new_id=draw(st.sampled_from(["", "op7bis", "x.1"])))


KIND = InsertUnit()
