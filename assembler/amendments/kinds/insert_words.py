"""insert-words: new words before or after quoted words of a unit.

    In operative paragraph 5, after “co-facilitators” insert “, one from a developing ...”
"""
from __future__ import annotations

import re

from ...lang import ENGLISH, Language
from ..model import Change
from ..words import Edit, UnitWords, ends_with_mark
from .base import TEXT, WORDS, Difference, Reading
from .grammar import (AT_EDGE, END, FLAGS, OCC, SHALL_BE, THE_WORDS, group, occurrence, position,
                      quoted, targets)
from .inwords import WORD_FIELDS, WordKind, occ


_EDGES = ("start", "end")   # insertions at an edge of the unit, not beside words


class InsertWords(WordKind):
    name = "insert-words"
    has_text = True
    example = "In operative paragraph 5, after “co-facilitators” insert “and experts”"
    schema = {"additionalProperties": False, "required": ["target", "text"],
              "oneOf": [{"required": ["after"]}, {"required": ["before"]}, {"required": ["at"]}],
              "properties": {**WORD_FIELDS, "after": WORDS, "before": WORDS,
                             "at": {"enum": ["start", "end"]}, "text": TEXT}}
    forms = (
        re.compile(rf"^in\s+(?P<t>.+?),?\s+(?P<pos>after|before)\s+{OCC}{quoted('w')}\s*,?\s*"
                   rf"(?:insert|add)\s+{THE_WORDS}{quoted('x')}{END}", FLAGS),
        re.compile(rf"^in\s+(?P<t>.+?),?\s+(?:insert|add)\s+{THE_WORDS}{quoted('x')}\s+"
                   rf"(?P<pos>after|before)\s+{OCC}{quoted('w')}{END}", FLAGS),
        re.compile(rf"^in\s+(?P<t>.+?),?\s+(?P<pos>after|before)\s+{OCC}{quoted('w')}\s*,?\s*"
                   rf"{THE_WORDS}{quoted('x')}\s+{SHALL_BE}\s+(?:inserted|added){END}", FLAGS),
        re.compile(rf"^{AT_EDGE}\s+of\s+(?P<t>.+?),?\s+(?:insert|add)\s+{THE_WORDS}"
                   rf"{quoted('x')}{END}", FLAGS),
        re.compile(rf"^in\s+(?P<t>.+?),?\s+{AT_EDGE}(?:\s+of\s+the\s+(?:paragraph|"
                   rf"sub-?paragraph|sentence))?\s*,?\s*(?:insert|add)\s+{THE_WORDS}"
                   rf"{quoted('x')}{END}", FLAGS),
        re.compile(rf"^(?:insert|add)\s+{THE_WORDS}{quoted('x')}\s+{AT_EDGE}\s+of\s+"
                   rf"(?P<t>.+?){END}", FLAGS),
        # "Insert “and observers” after “Member States” in operative paragraph 17"
        re.compile(rf"^(?:insert|add)\s+{THE_WORDS}{quoted('x')}\s+(?P<pos>after|before)\s+"
                   rf"{OCC}{quoted('w')}\s+in\s+(?P<t>.+?){END}", FLAGS),
    )

    def from_mapping(self, m: dict, line) -> Change:
        where = next(k for k in ("after", "before", "at") if k in m)
        return Change(self.name, m["target"], words="" if where == "at" else m[where],
                      text=m["text"], position=m["at"] if where == "at" else where,
                      occurrence=int(m.get("occurrence", 0)),
                      exact=bool(m.get("exact", False)), line=line)

    def to_mapping(self, c: Change) -> dict:
        if c.position in _EDGES:
            return {"target": c.target, "at": c.position, "text": c.text}
        return {"target": c.target, c.position or "after": c.words, "text": c.text}

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        if c.position in _EDGES:
            return lang.say(f"{self.name}-{c.position}", target=name(c.target),
                            text=lang.quote(c.text))
        return lang.say(self.name, target=name(c.target), place=lang.prose[c.position or "after"],
                        occurrence=occ(c, lang), words=lang.quote(c.words),
                        text=lang.quote(c.text))

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        where = position(m["pos"])
        return [Change(self.name, t, words=group(m, "w") or "",
                       text=group(m, "x") or "", position=where,
                       occurrence=occurrence(m.groupdict().get("occ"), r), line=r.line)
                for t in targets(m["t"], r)]

    def edit(self, words: UnitWords, c: Change) -> Edit:
        if c.position not in _EDGES:
            return super().edit(words, c)
        s = edge(words.text, c.position)
        return words.edit(s, s, c.text, exact=c.exact)

    def carry(self, c: Change, old, new) -> Change:
        if c.position in _EDGES:
            from dataclasses import replace
            from .base import follow
            return replace(c, target=follow(c.target, old, new, c))
        return super().carry(c, old, new)

    def make(self, words: UnitWords, c: Change, s: int, e: int) -> Edit:
        s = e = s if c.position == "before" else e
        return words.edit(s, e, c.text, exact=c.exact,
                          past_marks=c.position == "after" and ends_with_mark(c.words))

    def infer(self, d: Difference) -> Change | None:
        if d.what != "words" or d.said:
            return None
        return Change(self.name, d.unit, words=d.anchor, position=d.position, text=d.text,
                      occurrence=d.occurrence, exact=True)

    def arbitrary(self, draw, a) -> Change:
        unit = draw(a.st.sampled_from(a.units))
        position = draw(a.st.sampled_from(["before", "after", "start", "end"]))
        edge = position in ("start", "end")
        return Change(self.name, unit.id, words="" if edge else draw(a.words),
                      text=draw(a.text), position=position,
                      occurrence=0 if edge else draw(a.st.integers(0, 12)))


def edge(text: str, position: str) -> int:
    """Where words added at the start or end of a unit go: at the end, before the paragraph's
    closing punctuation, as an editor adds words."""
    s = 0 if position == "start" else len(text.rstrip())
    if s and position == "end" and text[s - 1] in ".;,:":
        s -= 1
    return s


KIND = InsertWords()
