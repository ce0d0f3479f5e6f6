"""Lists in Word drafts: which list a label belongs to, the style it shows, the degree it
stands at, and whether a list goes on counting from the one before (op 14's group B).
Shared by the Word and Akoma Ntoso readers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbering import DEGREE_STYLES
from .untext import roman_value, style_of


@dataclass
class ListUnit:
    kind: str                      # pp, op, h, sub, closing
    content: list
    location: str
    uid: str | None = None
    mark: str | None = None        # the label shown: "3.", "(b)"
    degree: int = 0
    numbered: bool = False         # by Word automatic numbering
    style: str | None = None       # list style of the mark, "(a)", "a."
    children: list = field(default_factory=list)


_TOKENS = {"decimal": "1", "lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i",
           "upperRoman": "I"}
_NUM_LABEL = re.compile(r"^(\(?)[A-Za-z0-9]+([.)]?)$")


def num_style(label: str, fmt: str) -> str | None:
    token = _TOKENS.get(fmt)
    if token is None:
        return None
    m = _NUM_LABEL.match(label.strip())
    return f"{m.group(1)}{token}{m.group(2)}" if m else None


def degree_of_style(style: str | None) -> int:
    for degree, s in DEGREE_STYLES.items():
        if s == style:
            return degree
    return 1


def label_candidates(mark: str | None) -> list[tuple[str, int]]:
    """A typed label's possible (style, value): '(i)' is roman one or the letter nine."""
    if not mark:
        return [("(a)", 1)]
    style, value = style_of(mark)
    out = [(style, value)]
    core = mark.strip("().")
    if "i" in style or "I" in style:
        if len(core) == 1:
            letter = style.replace("i", "a").replace("I", "A")
            out.append((letter, ord(core.lower()) - 96))
    elif re.fullmatch(r"[ivxlIVXL]+", core) and len(core) == 1:
        roman = style.replace("a", "i").replace("A", "I")
        out.append((roman, roman_value(core.lower())))
    return out


def label_value(mark: str | None, style: str) -> int:
    for s, v in label_candidates(mark):
        if s == style:
            return v
    return 0


def children_style(u: ListUnit, degree: int) -> str | None:
    if not u.children:
        return None
    style = u.children[0].style
    return None if style is None or style == DEGREE_STYLES.get(degree) else style


def list_continues(parent: ListUnit, child: ListUnit) -> bool:
    """Whether child's list goes on from its previous siblings' lists (op 14's group B). A
    typed first label that reads two ways ('(v)': letter v or roman five) is read the way
    that goes on counting, in the style of the list before it if it can be."""
    if not child.children:
        return False
    before, previous_style = 0, None
    for sib in parent.children:
        if sib is child:
            break
        before = before + len(sib.children) if sib.children and list_continues(parent, sib) \
            else len(sib.children)
        previous_style = sib.children[0].style if sib.children else None
    first = child.children[0]
    if before == 0:
        return False
    if label_value(first.mark, first.style or "") == before + 1:
        return True
    if first.mark and not first.numbered:
        going_on = [s for s, v in label_candidates(first.mark) if v == before + 1]
        if going_on:
            first.style = previous_style if previous_style in going_on else going_on[0]
            return True
    return False
