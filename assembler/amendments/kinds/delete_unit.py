"""delete-unit: a paragraph, sub-paragraph or heading taken out, with what it holds.

    Delete operative paragraph 27
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...diff import DELETE
from ...lang import ENGLISH, Language
from ..model import Change
from ..targets import UnitIndex
from .base import (MAKERS, TARGET, Building, Claim, Difference, Kind, Planning, Reading, error,
                   follow)
from .grammar import END, FLAGS, targets


class DeleteUnit(Kind):
    name = "delete-unit"
    example = "Delete operative paragraph 27"
    schema = {"additionalProperties": False, "required": ["target"],
              "properties": {"kind": True, "target": TARGET}}
    forms = (re.compile(rf"^delete\s+(?P<t>(?:the\s+)?heading\s+.+?|[^“‘\"']+?){END}", FLAGS),)

    def from_mapping(self, m: dict, line) -> Change:
        return Change(self.name, m["target"], line=line)

    def to_mapping(self, c: Change) -> dict:
        return {"target": c.target}

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        return lang.say(self.name, target=name(c.target))

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        return [Change(self.name, t, line=r.line)
                for t in targets(m["t"], r)]

    def plan(self, p, ctx: Planning) -> list:
        p.unit = ctx.unit(p)
        kind = ctx.index.units[p.unit].kind
        if kind not in MAKERS:
            raise error(p, f"{p.unit} is a {kind}; only paragraphs and headings are deleted",
                        hint="change its text instead")
        return [p]

    def claims(self, p) -> list[Claim]:
        return [Claim("deletes", p.unit)]

    def build(self, p, b: Building) -> None:
        b.deleted.add(p.unit)

    def preview(self, p, base_text: str, index: UnitIndex) -> tuple[list, str]:
        return [(base_text, DELETE)], ""

    def with_ids(self, c: Change, p) -> Change:
        return replace(c, target=p.unit)

    def carry(self, c: Change, old: UnitIndex, new: UnitIndex) -> Change:
        return replace(c, target=follow(c.target, old, new, c))

    def infer(self, d: Difference) -> Change | None:
        return Change(self.name, d.unit) if d.what == "gone" else None


KIND = DeleteUnit()
