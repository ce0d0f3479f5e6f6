"""delete-unit: a paragraph, sub-paragraph or heading taken out, with what it holds.

    Delete operative paragraph 27
    Delete the third preambular paragraph reading: “*Welcoming* the report ...”

A quoted reading confirms the target: where the paragraph reads otherwise, the change is
refused, naming both texts (and the paragraph that does read so, if one does).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...diff import DELETE
from ...errors import AssemblerError
from ...inline import plain
from ...source.markup import parse_inline
from ...lang import ENGLISH, Language
from ..model import Change
from ..targets import UnitIndex
from ..words import typographic
from .base import (MAKERS, TARGET, WORDS, Building, Claim, Difference, Kind, Planning, Reading,
                   error, follow)
from .grammar import END, FLAGS, TEXT as TEXT_FORM, new_text, short, targets, unlabelled


class DeleteUnit(Kind):
    name = "delete-unit"
    example = "Delete operative paragraph 27"
    schema = {"additionalProperties": False, "required": ["target"],
              "properties": {"kind": True, "target": TARGET, "reading": WORDS}}
    forms = (re.compile(rf"^delete\s+(?P<t>[^“‘\"']+?)\s*,?\s*(?:reading|which\s+reads|"
                        rf"that\s+reads)\s*:?\s*{TEXT_FORM}{END}", FLAGS),
             re.compile(rf"^delete\s+(?P<t>(?:the\s+)?heading\s+.+?|[^“‘\"']+?){END}", FLAGS))

    def from_mapping(self, m: dict, line) -> Change:
        return Change(self.name, m["target"], words=m.get("reading", ""), line=line)

    def to_mapping(self, c: Change) -> dict:
        return {"target": c.target, "reading": c.words} if c.words else {"target": c.target}

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        if c.words:
            return lang.say("delete-unit-reading", target=name(c.target),
                            words=lang.quote(c.words))
        return lang.say(self.name, target=name(c.target))

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        reading = unlabelled(new_text(m)) if "x1" in m.re.groupindex else ""
        return [Change(self.name, t, words=reading, line=r.line)
                for t in targets(m["t"], r)]

    def plan(self, p, ctx: Planning) -> list:
        p.unit = ctx.unit(p)
        kind = ctx.index.units[p.unit].kind
        if kind not in MAKERS:
            raise error(p, f"{p.unit} is a {kind}; only paragraphs and headings are deleted",
                        hint="change its text instead")
        if p.change.words and not _reads(ctx.words(p.unit).text, p.change.words):
            text = ctx.words(p.unit).text
            other = next((ctx.label_of(u) for u, unit in ctx.index.units.items()
                          if unit.kind == kind and u != p.unit and
                          _reads(ctx.words(u).text, p.change.words)), "")
            raise error(p, f"{ctx.label_of(p.unit)} reads “{short(text)}”, not "
                           f"“{short(p.change.words)}”" +
                        (f" (which is how {other} reads)" if other else ""),
                        hint="quote the paragraph as the draft reads it, or name the "
                             "paragraph that reads so")
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

    room_ops = (("delete", "delete it"),)

    def from_form(self, op, target, text, field, index) -> list[Change]:
        return [Change(self.name, target)]

    def arbitrary(self, draw, a) -> Change:
        return Change(self.name, draw(a.st.sampled_from(a.units)).id)


def _reads(text: str, quoted: str) -> bool:
    """Whether the paragraph reads as quoted, typography, markup, footnote marks and the
    closing punctuation aside."""
    try:
        quoted = plain(parse_inline(quoted))
    except AssemblerError:
        pass
    body = text.strip()
    for s, e in typographic(body, quoted.strip().rstrip(".,;:")):
        if not body[:s].strip() and not body[e:].strip(" .,;:*"):
            return True
    return False


KIND = DeleteUnit()
