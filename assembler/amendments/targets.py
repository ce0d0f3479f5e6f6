"""Naming units the way proposers do: stable ids, or labels as seen in the base version.

    op14.A.a   OP 14 (a)   OP14(a)   operative paragraph 6 (b)   PP 3   preambular paragraph 3
    paragraph 14   heading "Phase II"   footnote 1   preamble   operative
    section II, paragraph 1   OP II.1   (a resolution in parts: its parts count from 1 again)

Labels are resolved against the version the proposal names, once, into ids; from then on
the change follows its unit whatever happens to the numbering.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..inline import plain
from ..lang import language_of
from ..model import Content, Draft, Text
from ..numbering import Label, compute_labels, footnote_numbers
from .model import PARTS

_PREFIX = re.compile(
    r"^(?:(?P<pp>preambular\s+paragraphs?|preambular\s+para\.?|pp\.?(?![a-z])|"
    r"p\.p\.)|(?P<op>operative\s+paragraphs?|operative\s+para\.?|sub-?paragraphs?|"
    r"paragraphs?|para\.?(?![a-z])|op\.?(?![a-z])|o\.p\.)|(?P<fn>footnotes?|fn(?![a-z]))|"
    r"(?P<heading>heading))\s*", re.I)
_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")
_PART = re.compile(r"^(?:in\s+)?(?:section|part)\s+([IVXL]+)\s*,?\s*", re.I)
_PART_TOKEN = re.compile(r"^[IVXL]+$")
_QUOTES = "\"'“”‘’"


@dataclass(frozen=True)
class Title:
    """The draft's title as a unit changes may amend ("In the title, replace ...")."""
    content: Content
    id: str = "title"
    kind: str = "title"


class UnitIndex:
    """Every way of naming a unit of one draft version."""

    def __init__(self, draft: Draft):
        self.draft = draft
        self.labels: dict[str, Label] = compute_labels(draft)
        self.units = draft.unit_index()
        if draft.metadata.title:
            self.units["title"] = Title((Text(draft.metadata.title),))
        self.by_key: dict[tuple, str] = {}
        self.anywhere: dict[tuple, list[str]] = {}  # the same key in every part
        for uid, label in self.labels.items():
            if label.kind == "heading":
                continue
            kind = label.named if label.named == "pp" else "op"
            key = (kind,) + tuple(_tokens(" ".join(label.path)))
            self.by_key[(label.part,) + key] = uid
            self.anywhere.setdefault(key, []).append(uid)
        self.headings = {_norm(plain(u.content)): u.id for u in draft.preamble + draft.operative
                         if u.kind == "heading"}
        self.footnotes = {str(n): fid for fid, n in footnote_numbers(draft).items()}
        self.n_pp = len(draft.preambular_paragraphs())
        self.n_op = len(draft.operative_paragraphs())

    def label_of(self, uid: str) -> str:
        """The long UN form of a unit's label, in the draft's language: "operative
        paragraph 14 (a)"."""
        lang = language_of(self.draft.metadata)
        if uid in PARTS or uid == "title":
            return lang.places[uid]
        label = self.labels.get(uid)
        unit = self.units.get(uid)
        if label and label.kind == "heading":
            return lang.places["heading"].format(text=plain(unit.content))
        if label:
            return in_part(f"{lang.long_names[label.named]} {label.number}", label, lang)
        if unit is not None and unit.kind == "fn":
            number = footnote_numbers(self.draft)[uid]
            return f"{lang.long_names['fn']} {number}"
        return uid

    def number(self, target: str) -> str:
        """A cross-reference to `target` as this version prints it ("14")."""
        label = self.labels.get(target)
        return label.number if label else target

    def short_of(self, uid: str) -> str:
        """The short form of a unit's label, in the draft's language: "OP 14 (a)"."""
        label = self.labels.get(uid)
        if label and label.kind != "heading":
            return label.short_in(language_of(self.draft.metadata))
        return self.label_of(uid)

    def resolve(self, target: str) -> str | None:
        """The id a target names in this version, or None."""
        t = target.strip()
        if t in self.units or t in PARTS:
            return t
        part = None
        m = _PART.match(t)
        if m:  # "section II, paragraph 1"
            part, t = m.group(1).upper(), t[m.end():]
        m = _PREFIX.match(t)
        kind = "op"
        rest = t
        if m:
            rest = t[m.end():]
            kind = next(k for k in ("op", "pp", "fn", "heading") if m.group(k))
        elif not t[:1].isdigit():
            return None
        if kind == "heading":
            return self.headings.get(_norm(rest.strip().strip(_QUOTES)))
        if kind == "fn":
            return self.footnotes.get(rest.strip())
        tokens = _tokens(rest)
        if tokens == ["last"] and kind in ("pp", "op"):   # "the last preambular paragraph"
            last = self.draft.preambular_paragraphs()[-1:] if kind == "pp" else \
                self.draft.operative_paragraphs()[-1:]
            return last[0].id if last else None
        if part is None and len(tokens) > 1 and _PART_TOKEN.match(tokens[0]):
            part, tokens = tokens[0], tokens[1:]  # "OP II.1"
        if not tokens or not tokens[0].isdigit():
            return None
        key = (kind,) + tuple(tokens)
        if part is not None:
            return self.by_key.get((part,) + key)
        found = self.anywhere.get(key, [])  # one part's number, or the only one so numbered
        return found[0] if len(found) == 1 else None

    def describe_missing(self, target: str) -> str:
        parts = sum(1 for u in self.draft.preamble + self.draft.operative
                    if u.kind == "heading" and u.part)
        where = (f"; its {parts} parts number their paragraphs from 1 again: name the part, "
                 f"as in 'section II, paragraph 1'" if parts else "")
        return (f"'{target}' names no unit of version '{self.draft.metadata.version or '?'}' "
                f"({self.n_pp} preambular, {self.n_op} operative paragraphs{where})")


def in_part(words: str, label: Label, lang) -> str:
    """How a sentence names a unit, with its part in a resolution in parts ("operative
    paragraph 1 of section II")."""
    if not label.part:
        return words
    return lang.places.get("in-part", "{unit} ({part})").format(unit=words, part=label.part)


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()
