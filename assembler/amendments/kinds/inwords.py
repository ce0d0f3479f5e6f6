"""What the three kinds that change words inside a unit share: they find quoted words in the
unit's reading (amendments/words.py), edit that span, claim it against other edits, and are
carried onto a newer version by finding the words again near where they were."""
from __future__ import annotations

from abc import abstractmethod
from dataclasses import replace

from ...diff import DELETE, EQUAL, INSERT, map_offset
from ...errors import AssemblerError
from ...lang import ENGLISH, Language
from ..model import Change
from ..targets import UnitIndex
from ..words import Edit, UnitWords, typographic
from .base import (OCCURRENCE, TARGET, Building, Claim, Kind, NotCarried, Planning, error,
                   new_content)


class WordKind(Kind):
    @abstractmethod
    def make(self, words: UnitWords, c: Change, s: int, e: int) -> Edit:
        """The edit this change makes, its quoted words found at [s, e)."""

    def edit(self, words: UnitWords, c: Change) -> Edit:
        """The edit this change makes to the unit's words (AssemblerError when the words
        are not there). Application and inference both make edits this way."""
        s, e, note = words.find(c.words, c.occurrence)
        made = self.make(words, c, s, e)
        return replace(made, note=note) if note else made

    def plan(self, p, ctx: Planning) -> list:
        p.unit = ctx.unit(p, amendable=True)
        if self.has_text:
            new_content(p, p.change.text)
        try:
            p.edit = self.edit(ctx.words(p.unit), p.change)
        except AssemblerError as err:
            p.edit = self.edit_as_before(p, ctx)
            if p.edit is None:
                raise error(p, f"in {ctx.label_of(p.unit)}: {err.message}",
                            err.hint) from None
        return [p]

    def edit_as_before(self, p, ctx: Planning) -> Edit | None:
        """The edit when the quoted words are where the draft amended had them but earlier
        instructions of the document changed them: that place, as it now reads, with a note."""
        old = ctx.before
        if old is None or p.unit not in old.units or not p.change.words:
            return None
        before = UnitWords(old.units[p.unit].content, old.number)
        try:
            s, e, _ = before.find(p.change.words, p.change.occurrence)
        except AssemblerError:
            return None
        now = ctx.words(p.unit)
        s, e = map_offset(before.text, now.text, s), map_offset(before.text, now.text, e)
        made = self.make(now, p.change, s, e)
        return replace(made, note=f"“{p.change.words}” is quoted as the draft amended reads; "
                                  f"after the earlier instructions that place reads "
                                  f"“{now.text[s:e]}”")

    def claims(self, p) -> list[Claim]:
        return [Claim("words", p.unit), Claim("needs", p.unit)]

    def build(self, p, b: Building) -> None:
        b.edits[p.unit].append(p.edit)

    def preview(self, p, base_text: str, index: UnitIndex) -> tuple[list, str]:
        e = p.edit
        return [(base_text[:e.s], EQUAL), (e.deleted, DELETE), (e.inserted, INSERT),
                (base_text[e.e:], EQUAL)], ""

    def with_ids(self, c: Change, p) -> Change:
        return replace(c, target=p.unit)

    def carry(self, c: Change, old: UnitIndex, new: UnitIndex) -> Change:
        from .base import follow
        uid = follow(c.target, old, new, c)
        c = replace(c, target=uid)
        before = UnitWords(old.units[uid].content, old.number)
        after = UnitWords(new.units[uid].content, new.number)
        try:
            s, _ = before.locate(c.words, c.occurrence)
        except AssemblerError as err:
            raise AssemblerError(f"{c.id}: in {old.label_of(uid)} of "
                                 f"{old.draft.metadata.version}: {err.message}", line=c.line,
                                 hint=err.hint) from None
        found = after.occurrences(c.words) or [a for a, _ in typographic(after.text, c.words)]
        if not found:
            raise NotCarried("words-gone", words=c.words, unit=new.label_of(uid),
                             reads=after.reading_near(c.words))
        loc = map_offset(before.text, after.text, s)
        best = min(found, key=lambda pos: abs(pos - loc))
        if len(found) > 1 and best != loc:
            raise NotCarried("words-moved", words=c.words, count=str(len(found)),
                             unit=new.label_of(uid))
        return replace(c, occurrence=found.index(best) + 1 if len(found) > 1 else 0)


def word_mapping(c: Change) -> dict:
    return {"target": c.target}


WORD_FIELDS = {"kind": True, "target": TARGET, "occurrence": OCCURRENCE,
               "exact": {"type": "boolean"}}


def occ(c: Change, lang: Language = ENGLISH) -> str:
    """"the second occurrence of ", or nothing when the words occur once."""
    if not c.occurrence:
        return ""
    return lang.prose["occurrence"].format(ordinal=lang.prose_ordinal(c.occurrence, "occurrence"))
