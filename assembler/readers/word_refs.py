"""A Word file's cross-references read against the numbers they print.

A file built by `assembler build` carries each reference's target in a hidden bookmark
(`_x…`), so the reader takes the target, not the printed number. That is right when Word
left a number unrenumbered (a field it had not counted again after a paragraph was inserted
before its target), and wrong when a delegate typed another number over the reference. With
Track Changes on, the typing is a deletion and an insertion inside the bookmark (typed_over).
With it off, only the printed number tells: a number that is its target's in none of the
versions it may come from (this file, its text before the tracked changes, the draft it was
made from) was typed (astray).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import Warning_
from ..model import Draft
from ..numbering import compute_labels
from ..ooxml.reader import WordDocument
from ..unit_marks import parse_xref


@dataclass(frozen=True)
class Printed:
    """One cross-reference as the file prints it."""
    bookmark: str       # its `_x…` bookmark
    target: str         # the unit id the bookmark names
    text: str           # the words the file prints for it
    location: str       # its paragraph ("paragraph 57")
    opening: str        # the paragraph's first words, to find it by


def typed_over(doc: WordDocument) -> dict[str, str]:
    """The cross-references (bookmark name -> author) whose number someone deleted and typed
    again with changes tracked: the words typed are the reference where that author's
    changes are accepted. Any other reference is read by its target unless its printed
    number says otherwise (astray)."""
    out: dict[str, str] = {}
    for p in doc.paragraphs():
        kinds: dict[str, set] = {}
        for r in p.runs:
            name = next((b for b in r.bookmarks if parse_xref(b)), None)
            if name and r.change is not None and r.text.strip():
                kinds.setdefault(name, set()).add((r.change.kind, r.change.author))
        for name, k in kinds.items():
            typed_by = {a for kind, a in k if kind == "ins"}
            if typed_by and any(kind == "del" for kind, _ in k):
                out[name] = min(typed_by)
    return out


def printed_refs(doc: WordDocument) -> list[Printed]:
    """Every bookmarked cross-reference of the body and the footnotes, with its words."""
    texts: dict[str, list] = {}
    paras = list(doc.paragraphs()) + [p for ps in doc.footnotes.values() for p in ps]
    for p in paras:
        for r in p.runs:
            name = next((b for b in r.bookmarks if parse_xref(b)), None)
            if name:
                texts.setdefault(name, [p, ""])[1] += r.text
    return [Printed(name, parse_xref(name), " ".join(text.split()), p.location,
                    _opening(p.text)) for name, (p, text) in texts.items()]


def astray(printed: list[Printed], versions: list[Draft]) -> list[Printed]:
    """The references whose printed number is their target's number in none of `versions`
    (a target no version numbers cannot be judged and is left alone)."""
    if not printed:
        return []
    labels = [compute_labels(d) for d in versions]
    out = []
    for p in printed:
        numbers = {ls[p.target].number for ls in labels if p.target in ls}
        if numbers and p.text not in numbers:
            out.append(p)
    return out


def unrenumbered(p: Printed, draft: Draft, file: str) -> Warning_:
    """The warning for a reference printing a number its target has nowhere known, when no
    base tells a number Word left unrenumbered from one typed: read by its target."""
    label = compute_labels(draft).get(p.target)
    return Warning_(f"{p.location} (“{p.opening}”): the reference to {p.target} prints "
                    f"“{p.text}”, but that paragraph is numbered "
                    f"{label.number if label else '(not at all)'} in this file; read as a "
                    f"reference to it, as Word prints it when it updates its fields. If "
                    f"“{p.text}” was typed on purpose, import with --base DRAFT (the draft the "
                    f"file was made from) to keep it as typed, or type it with Track Changes "
                    f"on", None, file)


def _opening(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
