"""The pieces of UN amendment prose every kind's sentences are made of: quoted words, the
occurrence of words, places, kinds of unit, and targets ("operative paragraph 5 (b)", "the
fourteenth preambular paragraph").

Kinds build their patterns from these fragments (patterns are matched against one sentence,
spaces collapsed) and read what matched with the helpers below.
"""
from __future__ import annotations

import re

from ...errors import AssemblerError
from .base import Reading

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth"]
UNIT_NAMES = {"pp": "preambular paragraph", "op": "operative paragraph", "sub": "sub-paragraph",
              "heading": "heading"}
FLAGS = re.I | re.S


def quoted(name: str) -> str:
    return (rf"(?:“(?P<{name}1>.*?)”|‘(?P<{name}2>.*?)’|\"(?P<{name}3>.*?)\"|"
            rf"'(?P<{name}4>.*?)')")


OCC = r"(?:the\s+(?P<occ>[a-z0-9]+)\s+occurrence\s+of\s+)?"
END = r"\s*[.;]?$"
TEXT = rf"(?:{quoted('x')}|(?P<raw>[^“‘\"'].*))"
UNIT_KIND = r"(?P<unit>preambular\s+paragraph|operative\s+paragraph|sub-?paragraph|heading)"
PLACE = r"(?P<pos>before|after|at\s+the\s+(?:start|beginning|end)\s+of)"


def group(m: re.Match, name: str) -> str | None:
    """The text of a quoted(name) group, whichever quotes were used."""
    for i in range(1, 5):
        v = m.groupdict().get(f"{name}{i}")
        if v is not None:
            return v
    return None


def new_text(m: re.Match) -> str:
    text = group(m, "x")
    return text if text is not None else (m.groupdict().get("raw") or "").strip()


def position(words: str) -> str:
    w = words.lower()
    if "start" in w or "beginning" in w:
        return "start"
    if "end" in w:
        return "end"
    return {"follow": "after", "precede": "before"}.get(w, w)


def unit_kind(words: str) -> str:
    unit = {"preambular paragraph": "pp", "operative paragraph": "op", "heading": "heading"}
    return unit.get(" ".join(words.lower().split()), "sub")


def target(text: str, r: Reading) -> str:
    t = text.strip().rstrip(",")
    t = re.sub(r"^the\s+", "", t, flags=re.I)
    low = t.lower()
    if low in ("preamble", "operative part"):
        return "preamble" if low == "preamble" else "operative"
    if r.index is None:
        return t
    uid = r.index.resolve(t)
    if uid is None:
        raise AssemblerError(f"in “{short(r.sentence)}”: {r.index.describe_missing(t)}",
                             line=r.line, hint="name it as the base version numbers it, e.g. "
                                               "operative paragraph 14 (a)")
    return uid


def occurrence(word: str | None, r: Reading) -> int:
    if not word:
        return 0
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS.index(w) + 1
    digits = re.match(r"^(\d+)(?:st|nd|rd|th)?$", w)
    if digits and int(digits.group(1)) > 0:
        return int(digits.group(1))
    raise AssemblerError(f"cannot read the ordinal “{word}” in “{short(r.sentence)}”",
                         line=r.line,
                         hint="write the first, the second ... or the 12th occurrence of")


def occurrence_words(n: int) -> str:
    if not n:
        return ""
    word = ORDINALS[n - 1] if n <= len(ORDINALS) else _numeric_ordinal(n)
    return f"the {word} occurrence of "


def _numeric_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def q(text: str) -> str:
    return f"“{text}”"


def short(s: str) -> str:
    return s if len(s) <= 90 else s[:87] + "..."
