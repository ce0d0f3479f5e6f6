"""insert-words: new words before or after quoted words of a unit.

    In operative paragraph 5, after “co-facilitators” insert “, one from a developing ...”
"""
from __future__ import annotations

import re

from ..model import Change
from ..words import Edit, UnitWords
from .base import TEXT, WORDS, Difference, Reading
from .grammar import END, FLAGS, OCC, group, occurrence, q, quoted, targets
from .inwords import WORD_FIELDS, WordKind, occ


class InsertWords(WordKind):
    name = "insert-words"
    has_text = True
    example = "In operative paragraph 5, after “co-facilitators” insert “and experts”"
    schema = {"additionalProperties": False, "required": ["target", "text"],
              "oneOf": [{"required": ["after"]}, {"required": ["before"]}],
              "properties": {**WORD_FIELDS, "after": WORDS, "before": WORDS, "text": TEXT}}
    forms = (
        re.compile(rf"^in\s+(?P<t>.+?),?\s+(?P<pos>after|before)\s+{OCC}{quoted('w')}\s*,?\s*"
                   rf"insert\s+{quoted('x')}{END}", FLAGS),
        re.compile(rf"^in\s+(?P<t>.+?),?\s+insert\s+{quoted('x')}\s+(?P<pos>after|before)\s+"
                   rf"{OCC}{quoted('w')}{END}", FLAGS),
    )

    def from_mapping(self, m: dict, line) -> Change:
        position = "after" if "after" in m else "before"
        return Change(self.name, m["target"], words=m[position], text=m["text"],
                      position=position, occurrence=int(m.get("occurrence", 0)),
                      exact=bool(m.get("exact", False)), line=line)

    def to_mapping(self, c: Change) -> dict:
        return {"target": c.target, c.position or "after": c.words, "text": c.text}

    def write(self, c: Change, name) -> str:
        return f"In {name(c.target)}, {c.position or 'after'} {occ(c)}{q(c.words)} insert {q(c.text)}"

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        return [Change(self.name, t, words=group(m, "w") or "",
                       text=group(m, "x") or "", position=m["pos"].lower(),
                       occurrence=occurrence(m["occ"], r), line=r.line)
                for t in targets(m["t"], r)]

    def make(self, words: UnitWords, c: Change, s: int, e: int) -> Edit:
        s = e = s if c.position == "before" else e
        return words.edit(s, e, c.text, exact=c.exact)

    def infer(self, d: Difference) -> Change | None:
        if d.what != "words" or d.said:
            return None
        return Change(self.name, d.unit, words=d.anchor, position=d.position, text=d.text,
                      occurrence=d.occurrence, exact=True)


KIND = InsertWords()
