"""Changes as the sentences delegations write, both ways.

    In operative paragraph 5, after “co-facilitators” insert “, one from a developing ...”
    In operative paragraph 14, replace the second occurrence of “and” with “or”
    Replace preambular paragraph 3 to read: “*Acknowledging* ...”
    Insert a new operative paragraph after operative paragraph 7 reading: “*Encourages* ...”
    Insert a new sub-paragraph at the end of operative paragraph 6 reading: “...”
    Delete operative paragraph 27
    Move operative paragraph 9 after operative paragraph 12

Quoted text may use “ ”, ‘ ’, " " or ' '. Inserted text keeps the draft's inline markup
(*italic*). Written sentences name units as the base version numbers them; read sentences
keep the label as written (or give the id when an index of the base version is at hand).
"""
from __future__ import annotations

import re

from ..errors import AssemblerError
from .model import Change
from .targets import UnitIndex

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth"]
UNIT_NAMES = {"pp": "preambular paragraph", "op": "operative paragraph", "sub": "sub-paragraph",
              "heading": "heading"}
PLACE_WORDS = {"before": "before", "after": "after", "start": "at the start of",
               "end": "at the end of"}
EXAMPLE = "In operative paragraph 5, replace “two” with “three”"


# ---------------------------------------------------------------- writing

def change_to_prose(change: Change, index: UnitIndex | None = None) -> str:
    def name(target: str) -> str:
        return index.label_of(target) if index and (target in index.units or target in
                                                    ("preamble", "operative")) else target

    k = change.kind
    where = name(change.target)
    occ = _occurrence_words(change.occurrence)
    if k == "insert-words":
        return (f"In {where}, {change.position or 'after'} {occ}{_q(change.words)} insert "
                f"{_q(change.text)}")
    if k == "delete-words":
        return f"In {where}, delete {occ}{_q(change.words)}"
    if k == "replace-words":
        return f"In {where}, replace {occ}{_q(change.words)} with {_q(change.text)}"
    if k == "replace-unit":
        return f"Replace {where} to read: {_q(change.text)}"
    if k == "delete-unit":
        return f"Delete {where}"
    if k == "insert-unit":
        ident = f", with id {change.new_id}," if change.new_id else ""
        return (f"Insert a new {UNIT_NAMES[change.unit]} {PLACE_WORDS[change.position]} "
                f"{where}{ident} reading: {_q(change.text)}")
    if k == "move-unit":
        dest = name(change.destination)
        place = PLACE_WORDS[change.position]
        place = {"start": "to the start of", "end": "to the end of"}.get(change.position, place)
        return f"Move {where} {place} {dest}"
    raise ValueError(k)


def _q(text: str) -> str:
    return f"“{text}”"


def _occurrence_words(n: int) -> str:
    if not n:
        return ""
    word = ORDINALS[n - 1] if n <= len(ORDINALS) else _numeric_ordinal(n)
    return f"the {word} occurrence of "


def _numeric_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---------------------------------------------------------------- reading

def _quoted(name: str) -> str:
    return (rf"(?:“(?P<{name}1>.*?)”|‘(?P<{name}2>.*?)’|\"(?P<{name}3>.*?)\"|"
            rf"'(?P<{name}4>.*?)')")


_OCC = r"(?:the\s+(?P<occ>[a-z0-9]+)\s+occurrence\s+of\s+)?"
_END = r"\s*[.;]?$"
_TEXT = rf"(?:{_quoted('x')}|(?P<raw>[^“‘\"'].*))"
_KIND = r"(?P<unit>preambular\s+paragraph|operative\s+paragraph|sub-?paragraph|heading)"
_PLACE = r"(?P<pos>before|after|at\s+the\s+(?:start|beginning|end)\s+of)"

_FORMS = [
    ("insert-words", re.compile(
        rf"^in\s+(?P<t>.+?),?\s+(?P<pos>after|before)\s+{_OCC}{_quoted('w')}\s*,?\s*insert\s+"
        rf"{_quoted('x')}{_END}", re.I | re.S)),
    ("insert-words", re.compile(
        rf"^in\s+(?P<t>.+?),?\s+insert\s+{_quoted('x')}\s+(?P<pos>after|before)\s+{_OCC}"
        rf"{_quoted('w')}{_END}", re.I | re.S)),
    ("delete-words", re.compile(
        rf"^in\s+(?P<t>.+?),?\s+delete\s+{_OCC}{_quoted('w')}{_END}", re.I | re.S)),
    ("replace-words", re.compile(
        rf"^in\s+(?P<t>.+?),?\s+replace\s+{_OCC}{_quoted('w')}\s+(?:with|by)\s+{_quoted('x')}"
        rf"{_END}", re.I | re.S)),
    ("replace-unit", re.compile(
        rf"^replace\s+(?P<t>.+?)\s*(?:,?\s*to\s+read|\s+with\s+the\s+following|\s+with|\s+by)"
        rf"\s*:?\s*{_TEXT}{_END}", re.I | re.S)),
    ("insert-unit", re.compile(
        rf"^insert\s+(?:a\s+)?new\s+{_KIND}\s+{_PLACE}\s+(?P<t>.+?)"
        rf"(?:,?\s+with\s+id\s+(?P<id>[A-Za-z0-9][A-Za-z0-9._:-]*?),?)?\s*,?\s*"
        rf"(?:reading|to\s+read|as\s+follows)\s*:?\s*{_TEXT}{_END}", re.I | re.S)),
    ("delete-unit", re.compile(rf"^delete\s+(?P<t>(?:the\s+)?heading\s+.+?|[^“‘\"']+?){_END}", re.I | re.S)),
    ("move-unit", re.compile(
        rf"^move\s+(?P<t>.+?)\s+(?:to\s+)?(?P<pos>before|after|follow|precede|"
        rf"(?:the\s+)?(?:start|beginning|end)\s+of)\s+(?P<d>.+?){_END}", re.I | re.S)),
]


def prose_to_change(sentence: str, index: UnitIndex | None = None, *,
                    line: int | None = None) -> Change:
    s = " ".join(sentence.split()) if "\n" in sentence else sentence.strip()
    for kind, pattern in _FORMS:
        m = pattern.match(s)
        if m:
            return _build(kind, m, index, s, line)
    raise AssemblerError(f"cannot read the sentence “{_short(s)}”", line=line,
                         hint=f"write it the usual way, e.g. {EXAMPLE}")


def _group(m: re.Match, name: str) -> str | None:
    for i in range(1, 5):
        v = m.groupdict().get(f"{name}{i}")
        if v is not None:
            return v
    return None


def _build(kind: str, m: re.Match, index, s: str, line) -> Change:
    g = m.groupdict()
    target = _target(g["t"], index, s, line)
    text = _group(m, "x")
    if text is None:
        text = (g.get("raw") or "").strip()
    occurrence = _ordinal(g.get("occ"), s, line)
    if kind in ("insert-words", "delete-words", "replace-words"):
        return Change(kind, target, words=_group(m, "w") or "", text=text or "",
                      position=g.get("pos", "").lower() if kind == "insert-words" else "",
                      occurrence=occurrence, line=line)
    if kind == "replace-unit":
        return Change(kind, target, text=text, line=line)
    if kind == "delete-unit":
        return Change(kind, target, line=line)
    if kind == "insert-unit":
        unit = {"preambular paragraph": "pp", "operative paragraph": "op", "heading": "heading"}
        unit_kind = unit.get(" ".join(g["unit"].lower().split()), "sub")
        return Change(kind, target, text=text, unit=unit_kind, position=_position(g["pos"]),
                      new_id=g.get("id") or "", line=line)
    dest = _target(g["d"], index, s, line)
    return Change(kind, target, position=_position(g["pos"]), destination=dest, line=line)


def _position(words: str) -> str:
    w = words.lower()
    if "start" in w or "beginning" in w:
        return "start"
    if "end" in w:
        return "end"
    return {"follow": "after", "precede": "before"}.get(w, w)


def _target(text: str, index, s: str, line) -> str:
    t = text.strip().rstrip(",")
    t = re.sub(r"^the\s+", "", t, flags=re.I)
    low = t.lower()
    if low in ("preamble", "operative part"):
        return "preamble" if low == "preamble" else "operative"
    if index is None:
        return t
    uid = index.resolve(t)
    if uid is None:
        raise AssemblerError(f"in “{_short(s)}”: {index.describe_missing(t)}", line=line,
                             hint="name it as the base version numbers it, e.g. operative "
                                  "paragraph 14 (a)")
    return uid


def _ordinal(word: str | None, s: str, line) -> int:
    if not word:
        return 0
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS.index(w) + 1
    digits = re.match(r"^(\d+)(?:st|nd|rd|th)?$", w)
    if digits and int(digits.group(1)) > 0:
        return int(digits.group(1))
    raise AssemblerError(f"cannot read the ordinal “{word}” in “{_short(s)}”", line=line,
                         hint="write the first, the second ... or the 12th occurrence of")


def _short(s: str) -> str:
    return s if len(s) <= 90 else s[:87] + "..."
