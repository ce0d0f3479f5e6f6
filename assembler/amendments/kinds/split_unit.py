"""split-unit: a paragraph split in two after quoted words; the words that follow become a
new paragraph of the same kind right after it (its sub-paragraphs stay with the first part).

    Split operative paragraph 5 after the words “review the progress made”
    Operative paragraph 5 shall be split after the words “review the progress made”

Planned, it is two things at once: an edit of the paragraph (the words after the split point
taken out) and a new paragraph placed after it (those words), so it conflicts with an edit of
those words and with another unit put after the paragraph.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...diff import EQUAL
from ...errors import AssemblerError
from ...inline import plain
from ...lang import ENGLISH, Language, language_of
from ...model import UNIT_ID, Break, CrossRef
from ...source.markup import parse_inline
from ..model import Change
from ..targets import UnitIndex
from ..words import Edit, UnitWords, explode, to_content
from .base import (MAKERS, OCCURRENCE, TARGET, WORDS, Arbitrary, Building, Claim, Difference,
                   Place, Planning, Reading, error)
from .grammar import END, FLAGS, OCC, group, occurrence, quoted, target
from .inwords import WordKind, occ

_SPLITS = ("pp", "op", "sub")   # what can be split: paragraphs, not headings or footnotes
_WITH_ID = rf"(?:,?\s+with\s+id\s+(?P<id>{UNIT_ID}?),?)?"   # lazy: not the full stop


class SplitUnit(WordKind):
    name = "split-unit"
    example = "Split operative paragraph 5 after the words “review the progress made”"
    schema = {"additionalProperties": False, "required": ["target", "words"],
              "properties": {"kind": True, "target": TARGET, "words": WORDS,
                             "occurrence": OCCURRENCE, "exact": {"type": "boolean"},
                             "id": {"type": "string", "pattern": f"^{UNIT_ID}$"}}}
    forms = (
        re.compile(rf"^split\s+(?P<t>.+?)\s+(?:in(?:to)?\s+two(?:\s+paragraphs)?\s+)?after\s+"
                   rf"{OCC}{quoted('w')}{_WITH_ID}{END}", FLAGS),
        re.compile(rf"^(?P<t>(?:the\s+)?[^“‘\"'\s][^“‘\"']*?)\s+(?:shall|should|is\s+to)\s+be\s+"
                   rf"split\s+(?:in(?:to)?\s+two(?:\s+paragraphs)?\s+)?after\s+{OCC}"
                   rf"{quoted('w')}{_WITH_ID}{END}", FLAGS))
    own_prose = {
        "en": {"split-unit": "Split {target} after {occurrence}the words {words}{id}",
               "note-split": "split after {words}: the words that follow become a new "
                             "paragraph after it"},
        "fr": {"split-unit": "Scinder {target} après {occurrence}les mots {words}{id}",
               "note-split": "scindé après {words} : les mots qui suivent forment un nouveau "
                             "paragraphe à la suite"},
    }
    room_ops = (("split", "split it after the words typed below"),)

    # ---- data and prose
    def from_mapping(self, m: dict, line) -> Change:
        return Change(self.name, m["target"], words=m["words"],
                      occurrence=int(m.get("occurrence", 0)), new_id=m.get("id", ""),
                      exact=bool(m.get("exact", False)), line=line)

    def to_mapping(self, c: Change) -> dict:
        m = {"target": c.target, "words": c.words}
        if c.new_id:
            m["id"] = c.new_id
        return m

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        ident = self.say(lang, "with-id", id=c.new_id) if c.new_id else ""
        return self.say(lang, self.name, target=name(c.target), occurrence=occ(c, lang),
                        words=lang.quote(c.words), id=ident)

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        return [Change(self.name, target(m["t"], r), words=group(m, "w") or "",
                       occurrence=occurrence(m["occ"], r), new_id=m["id"] or "",
                       line=r.line)]

    # ---- application: the edit (words.py finds the words, as for the other word kinds)
    def make(self, words: UnitWords, c: Change, s: int, e: int) -> Edit:
        i = _after(words, e)
        at = words.starts[i] if i < len(words.cells) else len(words.text)
        return Edit(i, len(words.cells), (), at, len(words.text), words.text[at:], "")

    def plan(self, p, ctx: Planning) -> list:
        [p] = super().plan(p, ctx)
        unit = ctx.index.units[p.unit]
        if unit.kind not in _SPLITS:
            raise error(p, f"{ctx.label_of(p.unit)} is a {unit.kind}; only paragraphs and "
                           "sub-paragraphs are split")
        rest = _rest(ctx.words(p.unit), p.edit.i)
        if not plain(rest).strip():
            raise error(p, f"nothing follows “{p.change.words}” in {ctx.label_of(p.unit)}",
                        hint="quote the last words of the first part, not of the paragraph")
        uid = ctx.new_unit_id(p, unit.kind)
        p.places = (Place(uid, p.unit, "after", MAKERS[unit.kind](uid, rest)),)
        return [p]

    def claims(self, p) -> list[Claim]:
        return super().claims(p) + [Claim("places", (p.unit, "after"))]

    def build(self, p, b: Building) -> None:
        super().build(p, b)
        b.place(p)

    def preview(self, p, base_text: str, index: UnitIndex) -> tuple[list, str]:
        lang = language_of(index.draft.metadata)
        return [(base_text, EQUAL)], self.say(lang, "note-split",
                                              words=lang.quote(p.change.words))

    # ---- inference: a paragraph's last words taken out and set as the next paragraph
    def infer(self, d: Difference) -> Change | None:
        return None   # said by combine, which sees both differences

    def combine(self, changes: list, index: UnitIndex) -> list:
        out = list(changes)
        for c in changes:
            if c.kind != "insert-unit" or c.position != "after" or c.target not in index.units:
                continue
            cut = next((d for d in out if d.kind in ("delete-words", "replace-unit")
                        and d.target == c.target), None)
            split = cut and _as_split(index, c, cut)
            if split:
                out[out.index(cut)] = split
                out.remove(c)
        return out

    # ---- the room and the property tests
    def from_form(self, op, target, text, field, index) -> list[Change]:
        words = plain(parse_inline(text)).strip() if text else ""
        if not words:
            raise AssemblerError("Type in Text the last words of the first part.")
        found = UnitWords(index.units[target].content, index.number).occurrences(words)
        if len(found) > 1:
            raise AssemblerError(f"“{words}” stands {len(found)} times in the paragraph: type "
                                 "more of the words before the split.")
        return [Change(self.name, target, words=words)]

    def arbitrary(self, draw, a: Arbitrary) -> Change:
        st = a.st
        return Change(self.name, draw(st.sampled_from(a.units)).id, words=draw(a.words),
                      occurrence=draw(st.integers(0, 12)),
                      new_id=draw(st.sampled_from(["", "op5bis", "x.2"])))

    def with_ids(self, c: Change, p) -> Change:
        return replace(c, target=p.unit)


def _after(words: UnitWords, e: int) -> int:
    """The first cell after the words ending at `e`, their footnote markers with them."""
    i = words.cell_span(e, e)[0]
    while i < len(words.cells) and words.starts[i] == words.ends[i] == e and \
            not isinstance(words.cells[i], (tuple, Break, CrossRef)):
        i += 1
    return i


def _rest(words: UnitWords, i: int):
    """The paragraph's content from cell `i`, the spaces it starts with left out."""
    cells = words.cells
    while i < len(cells) and isinstance(cells[i], tuple) and cells[i][0].isspace():
        i += 1
    return to_content(cells[i:])


def _as_split(index: UnitIndex, added: Change, cut: Change) -> Change | None:
    """The split saying a paragraph's end taken out (`cut`: its words deleted, or the
    paragraph rewritten as its start) and set after it (`added`), when the new paragraph
    is exactly those words, formats and markers included."""
    unit = index.units[added.target]
    if unit.kind != added.unit or unit.kind not in _SPLITS:
        return None
    words, rest = UnitWords(unit.content, index.number), parse_inline(added.text)
    cells = words.cells
    start = len(cells) - len(explode(rest))
    if start <= 0 or to_content(cells[start:]) != rest:
        return None
    j = start
    while j > 0 and isinstance(cells[j - 1], tuple) and cells[j - 1][0].isspace():
        j -= 1
    e = words.ends[j - 1] if j else 0
    head = words.text[:e]
    anchor = " ".join(head.split()[-4:])
    if not anchor or not head.endswith(anchor) or _after(words, e) != j:
        return None
    said = cut.words.strip() == words.text[e:].strip() if cut.kind == "delete-words" else \
        parse_inline(cut.text) == to_content(cells[:j])
    if not said:
        return None
    found = words.occurrences(anchor)
    n = found.index(e - len(anchor))
    return Change("split-unit", added.target, words=anchor,
                  occurrence=n + 1 if len(found) > 1 else 0, new_id=added.new_id, exact=True)


KIND = SplitUnit()
