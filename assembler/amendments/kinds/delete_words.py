"""delete-words: quoted words taken out of a unit.

    In operative paragraph 26, delete “at least”
"""
from __future__ import annotations

import re

from ...lang import ENGLISH, Language
from ..model import Change
from ..words import Edit, UnitWords
from .base import WORDS, Difference, Reading
from .grammar import END, FLAGS, OCC, SHALL_BE, group, occurrence, quoted, targets
from .inwords import WORD_FIELDS, WordKind, occ


class DeleteWords(WordKind):
    name = "delete-words"
    example = "In operative paragraph 26, delete “at least”"
    schema = {"additionalProperties": False, "required": ["target", "words"],
              "properties": {**WORD_FIELDS, "words": WORDS}}
    forms = (re.compile(rf"^in\s+(?P<t>.+?),?\s+delete\s+{OCC}{quoted('w')}{END}", FLAGS),
             re.compile(rf"^in\s+(?P<t>.+?),?\s+{OCC}{quoted('w')}\s+{SHALL_BE}\s+deleted{END}",
                        FLAGS),
             # "Delete the words “at least” in operative paragraph 26"
             re.compile(rf"^delete\s+{OCC}{quoted('w')}\s+(?:in|from)\s+(?P<t>.+?){END}", FLAGS))

    def from_mapping(self, m: dict, line) -> Change:
        return Change(self.name, m["target"], words=m["words"],
                      occurrence=int(m.get("occurrence", 0)),
                      exact=bool(m.get("exact", False)), line=line)

    def to_mapping(self, c: Change) -> dict:
        return {"target": c.target, "words": c.words}

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        return lang.say(self.name, target=name(c.target), occurrence=occ(c, lang),
                        words=lang.quote(c.words))

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        return [Change(self.name, t, words=group(m, "w") or "",
                       occurrence=occurrence(m["occ"], r), line=r.line)
                for t in targets(m["t"], r)]

    def make(self, words: UnitWords, c: Change, s: int, e: int) -> Edit:
        return words.edit(s, e, "", exact=c.exact, delete=True)

    def infer(self, d: Difference) -> Change | None:
        if d.what != "words" or not d.said or d.text:
            return None
        return Change(self.name, d.unit, words=d.said, occurrence=d.occurrence, exact=True)


    def arbitrary(self, draw, a) -> Change:
        return Change(self.name, draw(a.st.sampled_from(a.units)).id, words=draw(a.words),
                      occurrence=draw(a.st.integers(0, 12)), text="")


KIND = DeleteWords()
