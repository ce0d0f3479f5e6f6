"""How one version numbers and words each of its units, as plain text.

Cross-references read as the target's number in that version; footnote markers as the
footnote's number in superscript digits, so a cell of the table reads as the printed text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..inline import plain
from ..lang import ENGLISH, Language
from ..model import (Annex, AnnexParagraph, Draft, Footnote, FootnoteRef,
                     Row, Table, Text, contents_of)
from ..numbering import compute_labels, footnote_numbers, roman
from .wording import say

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class UnitView:
    """One unit as one version shows it."""
    id: str
    kind: str
    number: str      # "OP 14 (a)", "PP 3", "Footnote 1", "Annex I"
    text: str        # the words, plain
    parent: str      # id of the unit it sits in ("" at top level)
    position: int    # index in document order
    contents: tuple = ()  # the inline contents the text is made of (a row: one per cell)


@dataclass(frozen=True)
class VersionText:
    """Every unit of one version, and how that version words any inline content."""
    views: list
    words: Callable  # Content -> str, cross-references by this version's numbers
    styled: Callable = None  # Content -> ((text, italic), ...): the same words with italics

    def styled_text(self, view: "UnitView") -> tuple:
        """A unit's text as ((text, italic), ...), contents joined as in its text."""
        out: list = []
        for i, content in enumerate(view.contents):
            if i:
                out.append((" | ", False))
            out += self.styled(content)
        return tuple(out)


def version_text(draft: Draft, lang: Language = ENGLISH) -> VersionText:
    """Every unit of the draft in document order, numbered and worded as this draft has it,
    the numbers' words ("OP", "Footnote") in `lang`, the table's language."""
    labels = compute_labels(draft)
    notes = footnote_numbers(draft)

    def ref(target: str) -> str:
        label = labels.get(target)
        return label.number if label else target

    def note(fid: str) -> str:
        return str(notes.get(fid, "?")).translate(_SUP)

    def words(content) -> str:
        return plain(content, ref, note)

    def styled(content) -> tuple:
        """Runs of equal italics; their texts joined are words(content)."""
        out: list[tuple[str, bool]] = []
        for item in content:
            italic = isinstance(item, Text) and item.italic
            text = plain((item,), ref, note)
            if not text:
                continue
            if out and out[-1][1] == italic:
                out[-1] = (out[-1][0] + text, italic)
            else:
                out.append((text, italic))
        return tuple(out)

    views: list[UnitView] = []
    parents = _parents(draft)
    annex_no = 0
    annexes = len(draft.annexes)
    table_no = row_no = para_no = 0
    short = lang.short_names
    for unit in draft.units():
        kind = unit.kind
        if unit.id in labels and labels[unit.id].kind == "heading":
            number = say(lang, "heading-before", heading=short["heading"],
                         op=f"{short[labels[unit.id].root or 'op']} {labels[unit.id].number}")
        elif unit.id in labels:
            number = labels[unit.id].short_in(lang)
        elif isinstance(unit, Footnote):
            number = say(lang, "footnote", number=str(notes.get(unit.id, "?")))
        elif isinstance(unit, Annex):
            annex_no += 1
            table_no = para_no = 0
            number = (say(lang, "annex") if annexes == 1
                      else say(lang, "annex-n", number=roman(annex_no).upper()))
        elif isinstance(unit, Table):
            table_no += 1
            row_no = 0
            number = say(lang, "table", number=str(table_no))
        elif isinstance(unit, Row):
            row_no += 1
            number = say(lang, "table-row", table=str(table_no), row=str(row_no))
        elif isinstance(unit, AnnexParagraph):
            para_no += 1
            number = say(lang, "annex-para", number=str(para_no))
        else:
            number = unit.id
        contents = tuple(contents_of(unit))
        text = " | ".join(words(c) for c in contents)
        views.append(UnitView(unit.id, kind, number, text, parents.get(unit.id, ""),
                              len(views), contents))
    return VersionText(views, words, styled)


def _parents(draft: Draft) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(unit):
        for child in getattr(unit, "children", ()):
            out[child.id] = unit.id
            walk(child)
    for unit in draft.preamble + draft.operative:
        walk(unit)
    for annex in draft.annexes:
        for block in annex.body:
            out[block.id] = annex.id
            if isinstance(block, Table):
                for r in block.rows:
                    out[r.id] = block.id
    return out

