"""replace-unit: a unit's whole text replaced.

    Replace preambular paragraph 3 to read: “*Acknowledging* ...”
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...compare.words import diff_text
from ...errors import AssemblerError
from ...inline import plain
from ...source.markup import parse_inline
from ...lang import ENGLISH, Language
from ..model import Change
from ..targets import UnitIndex
from .base import (TARGET, TEXT, Building, Claim, Difference, Kind, NotCarried, Planning,
                   Reading, follow, new_content)
from .grammar import END, FLAGS, READING, TEXT as TEXT_FORM, new_text, target, unlabelled


class ReplaceUnit(Kind):
    name = "replace-unit"
    has_text = True
    example = "Replace the third preambular paragraph to read: “Acknowledging the work done”."
    schema = {"additionalProperties": False, "required": ["target", "text"],
              "properties": {"kind": True, "target": TARGET, "text": TEXT}}
    # "with the following text:", "reading:", "to read:", "as follows:"; "Operative paragraph
    # 4 shall read:"; the new text quoted or on the next lines
    forms = (re.compile(rf"^replace\s+(?P<t>.+?)\s*(?:,?\s*{READING}|"
                        rf"\s+(?:with|by)\s+the\s+following(?:\s+(?:text|paragraph|"
                        rf"sub-?paragraph|wording))?|\s+with|\s+by)\s*:?\s*{TEXT_FORM}{END}",
                        FLAGS),
             re.compile(rf"^(?P<t>(?:the\s+)?[^“‘\"'\s][^“‘\"']*?)\s*,?\s+"
                        rf"(?:shall|should|is\s+to)\s+read\s*(?:as\s+follows)?\s*:?\s*{TEXT_FORM}{END}", FLAGS))

    def from_mapping(self, m: dict, line) -> Change:
        return Change(self.name, m["target"], text=m["text"], line=line)

    def to_mapping(self, c: Change) -> dict:
        return {"target": c.target, "text": c.text}

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        return lang.say(self.name, target=name(c.target), text=lang.quote(c.text))

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        return [Change(self.name, target(m["t"], r), text=unlabelled(new_text(m)),
                       line=r.line)]

    def plan(self, p, ctx: Planning) -> list:
        p.unit = ctx.unit(p, amendable=True)
        new_content(p, p.change.text, whole=True)
        return [p]

    def claims(self, p) -> list[Claim]:
        return [Claim("replaces", p.unit), Claim("needs", p.unit)]

    def build(self, p, b: Building) -> None:
        b.contents[p.unit] = parse_inline(p.change.text)

    def preview(self, p, base_text: str, index: UnitIndex) -> tuple[list, str]:
        return diff_text(base_text, plain(parse_inline(p.change.text))), ""

    def with_ids(self, c: Change, p) -> Change:
        return replace(c, target=p.unit)

    def carry(self, c: Change, old: UnitIndex, new: UnitIndex) -> Change:
        uid = follow(c.target, old, new, c)
        if old.units[uid].content != new.units[uid].content:
            raise NotCarried("changed", unit=old.label_of(uid), version=old.draft.metadata.version)
        return replace(c, target=uid)

    def infer(self, d: Difference) -> Change | None:
        return Change(self.name, d.unit, text=d.text) if d.what == "rewritten" else None

    def undoes(self, p) -> bool:
        return True

    room_ops = (("replace", "replace its text"),)

    def from_form(self, op, target, text, field, index) -> list[Change]:
        if not text:
            raise AssemblerError("Type the new text of the paragraph.")
        return [Change(self.name, target, text=text)]

    def arbitrary(self, draw, a) -> Change:
        return Change(self.name, draw(a.st.sampled_from(a.units)).id, text=draw(a.text))


KIND = ReplaceUnit()
