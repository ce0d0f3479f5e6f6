"""replace-words: quoted words of a unit replaced by others.

    In operative paragraph 24, replace “three days” with “four days”
    In operative paragraph 14, replace the second occurrence of “and” with “or”
"""
from __future__ import annotations

import re

from ...lang import ENGLISH, Language
from ..model import Change
from ..words import Edit, UnitWords
from .base import TEXT, WORDS, Difference, Reading
from .grammar import (END, FLAGS, OCC, SHALL_BE, THE_WORDS, group, occurrence, quoted,
                      targets)
from .inwords import WORD_FIELDS, WordKind, occ


_NOT_A_SCOPE = (r"(?!(?:the\s+)?(?:title\b|preamble\b|text\b|draft\b|whole\b|entire\b|annex|"
                r"footnotes\b|headings\b|"
                r"document\b|resolution\b|preambular\s+(?:part|section)|operative\s+(?:part|"
                r"section)|(?:preambular|operative)\s+paragraphs\b(?!\s+\d)))")


class ReplaceWords(WordKind):
    name = "replace-words"
    has_text = True
    example = "In operative paragraph 24, replace “three days” with “four days”"
    schema = {"additionalProperties": False, "required": ["target", "words", "text"],
              "properties": {**WORD_FIELDS, "words": WORDS, "text": TEXT}}
    forms = (re.compile(rf"^in\s+(?P<t>.+?),?\s+replace\s+{OCC}{quoted('w')}\s*,?\s+(?:with|by)\s+"
                        rf"{THE_WORDS}{quoted('x')}{END}", FLAGS),
             re.compile(rf"^in\s+(?P<t>.+?),?\s+{OCC}{quoted('w')}\s+{SHALL_BE}\s+replaced\s+"
                        rf"(?:with|by)\s+{THE_WORDS}{quoted('x')}{END}", FLAGS),
             # "Replace “three” with “four” in operative paragraph 24" (a paragraph, not a
             # part of the text: that is a replacement throughout)
             re.compile(rf"^replace\s+{OCC}{quoted('w')}\s*,?\s+(?:with|by)\s+{THE_WORDS}"
                        rf"{quoted('x')}\s+in\s+(?P<t>{_NOT_A_SCOPE}.+?){END}", FLAGS))

    def from_mapping(self, m: dict, line) -> Change:
        return Change(self.name, m["target"], words=m["words"], text=m["text"],
                      occurrence=int(m.get("occurrence", 0)),
                      exact=bool(m.get("exact", False)), line=line)

    def to_mapping(self, c: Change) -> dict:
        return {"target": c.target, "words": c.words, "text": c.text}

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        return lang.say(self.name, target=name(c.target), occurrence=occ(c, lang),
                        words=lang.quote(c.words), text=lang.quote(c.text))

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        return [Change(self.name, t, words=group(m, "w") or "",
                       text=group(m, "x") or "", occurrence=occurrence(m["occ"], r),
                       line=r.line)
                for t in targets(m["t"], r)]

    def make(self, words: UnitWords, c: Change, s: int, e: int) -> Edit:
        return words.edit(s, e, c.text, exact=c.exact, delete=not c.text)

    def infer(self, d: Difference) -> Change | None:
        if d.what != "words" or not d.said or not d.text:
            return None
        return Change(self.name, d.unit, words=d.said, text=d.text, occurrence=d.occurrence,
                      exact=True)


    def arbitrary(self, draw, a) -> Change:
        return Change(self.name, draw(a.st.sampled_from(a.units)).id, words=draw(a.words),
                      occurrence=draw(a.st.integers(0, 12)), text=draw(a.text))


KIND = ReplaceWords()
