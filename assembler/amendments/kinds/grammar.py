"""The pieces of UN amendment prose every kind's sentences are made of: quoted words, the
occurrence of words, places, kinds of unit, and targets ("operative paragraph 5 (b)", "the
fourteenth preambular paragraph").

Kinds build their patterns from these fragments (patterns are matched against one sentence,
spaces collapsed) and read what matched with the helpers below.
"""
from __future__ import annotations

import re

from ...errors import AssemblerError
from ...lang import ENGLISH
from .base import Reading

FLAGS = re.I | re.S


def quoted(name: str) -> str:
    return (rf"(?:“(?P<{name}1>.*?)”|‘(?P<{name}2>.*?)’|\"(?P<{name}3>.*?)\"|"
            rf"'(?P<{name}4>.*?)')")


OCC = r"(?:the\s+(?P<occ>[a-z0-9\u2010\u2011-]+)\s+occurrence\s+of\s+)?(?:the\s+words?\s+)?"
THE_WORDS = r"(?:the\s+words?\s+)?"
SHALL_BE = r"(?:shall\s+be|should\s+be|is|are|to\s+be)"
AT_EDGE = r"(?P<pos>at\s+the\s+(?:end|beginning|start))"
END = r"\s*[.;]?$"
TEXT = rf"(?:{quoted('x')}|(?P<raw>[^“‘\"'].*))"
# a kind of unit, one or several ("paragraphs" alone takes its kind from the target)
UNIT_KIND = r"(?P<unit>(?:preambular\s+|operative\s+)?paragraphs?|sub-?paragraphs?|headings?)"
# how many new units: "a", "the following", "two", "the following three"
COUNT = (r"(?:(?:a|an|one|the\s+following|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
         r"\s+){0,2}")
# several new paragraphs, each in its own quotation marks
MANY = r"(?P<many>(?:“[^”]*”|\"[^\"]*\")(?:\s*(?:“[^”]*”|\"[^\"]*\"))+)"
PLURAL = re.compile(r"\b(?:sub-?)?paragraphs\b|\bheadings\b", re.I)
# how new text is announced: "reading:", "to read:", "to read as follows:", "as follows:"
READING = r"(?:reading|to\s+read(?:\s+as\s+follows)?|as\s+follows)"
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


def unit_kind(words: str, target: str, place: str, r: Reading) -> str:
    """pp, op, sub or heading: as named ("a new operative paragraph"), or for "a new
    paragraph", the kind of the target ("sub" inside a paragraph: at its start or end)."""
    w = " ".join(words.lower().split())
    w = w[:-1] if w.endswith("s") else w
    named = {"preambular paragraph": "pp", "operative paragraph": "op", "heading": "heading",
             "sub-paragraph": "sub", "subparagraph": "sub"}
    if w in named:
        return named[w]
    t = target.lower()
    if t in ("preamble", "operative"):
        return "pp" if t == "preamble" else "op"
    inside = place in ("start", "end")
    if t.startswith("pp") or "preambular" in t:
        return "pp"
    if t.startswith("op") or "operative" in t:
        return "sub" if inside or "." in t or "(" in t else "op"
    raise AssemblerError(f"in “{short(r.sentence)}”: which kind of paragraph is new is not "
                         f"said", line=r.line, file=r.file,
                         hint="say a new preambular paragraph, operative paragraph or "
                              "sub-paragraph")


_LABEL = re.compile(r"^\s*(?:\((?:[a-z]{1,2}|[ivxl]{1,6})\)|\d{1,3}\.)\s+(?=\S)")


def unlabelled(text: str) -> str:
    """A new paragraph's text without the number or label it was quoted with ("5. *Decides*",
    "(c) the storage"): numbers and labels follow position."""
    return _LABEL.sub("", text, count=1)


def new_texts(m: re.Match) -> list[str]:
    """The new paragraphs' texts: several quoted ones, paragraphs of unquoted text apart
    (a blank line between them), or one."""
    many = m.groupdict().get("many")
    if many:
        return [unlabelled(a or b) for a, b in re.findall(r"“([^”]*)”|\"([^\"]*)\"", many)]
    text = new_text(m)
    return [unlabelled(t.strip()) for t in text.split("\n\n") if t.strip()] if text else [text]


# ---------------------------------------------------------------- ordinals

# SPELLED[n - 1] is the ordinal of n, to 100, as English prose writes it (lang/en.py)
SPELLED = [ENGLISH.prose_ordinal(n, "pp") for n in range(1, 101)]
_ORDINAL_OF = {w: n for n, w in enumerate(SPELLED, 1)}


def ordinal_value(word: str) -> int | None:
    """1 for "first", 28 for "twenty-eighth" (or "twenty eighth", "28th"); None if none."""
    w = re.sub(r"[\s\u2010\u2011-]+", "-", word.strip().lower())
    if w in _ORDINAL_OF:
        return _ORDINAL_OF[w]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


_ORD = (r"(?:last|\d+(?:st|nd|rd|th)|" + "|".join(
    w.replace("-", r"[\s\u2010\u2011-]?") for w in sorted(SPELLED, key=len, reverse=True))
    + ")")


# ---------------------------------------------------------------- targets

_NOUN = (r"(?P<noun>preambular\s+paragraphs?|operative\s+paragraphs?|paragraphs?|"
         r"sub-?paragraphs?|pp\.?|op\.?)")
_SUB = r"(?:\s*\(?[a-z]{1,4}\)|\s*\([ivx]+\)|\s*\(?[A-Z]\))"   # (b), (ii), (A)
_ORDINAL_ITEM = re.compile(rf"^(?:the\s+)?(?P<ord>{_ORD})(?:\s+{_NOUN})?$", re.I)
_NUMBER_ITEM = re.compile(rf"^(?:the\s+)?(?:{_NOUN}\s*)?(?P<n>\d+)(?P<sub>(?:{_SUB})*)"
                          rf"(?:\s+(?:to|-|–)\s+(?P<to>\d+))?$", re.I)
_WHOLE = {"title": "title", "preamble": "preamble", "preambular part": "preamble",
          "operative part": "operative"}
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*", re.I)


def _unfold_subparagraphs(t: str) -> str:
    """"subparagraph (b) of operative paragraph 5" and "operative paragraph 5, subparagraph
    (b)" both as "operative paragraph 5 (b)"."""
    t = re.sub(r"sub-?paragraph\s+\(?([a-z]{1,4})\)?\s+of\s+((?:the\s+)?(?:operative\s+)?"
               r"paragraph\s+\d+(?:\s*\([a-z]+\))*)", r"\2 (\1)", t, flags=re.I)
    return re.sub(r"((?:operative\s+)?paragraph\s+\d+)\s*,\s*sub-?paragraph\s+\(?([a-z]{1,4})\)?",
                  r"\1 (\2)", t, flags=re.I)


def _noun_kind(noun: str | None) -> str | None:
    if not noun:
        return None
    n = noun.lower()
    if n.startswith(("preambular", "pp")):
        return "PP"
    return "OP"


def labels(text: str) -> list[str] | None:
    """The units a target phrase names, as labels ("PP 14", "OP 5 (b)", "PP last", "title",
    "preamble"), or None when it is not a phrase of paragraphs (a heading, an id ...)."""
    t = _unfold_subparagraphs(" ".join(text.split()).strip().rstrip(","))
    items = [i for i in _SPLIT.split(t) if i]
    read: list[tuple[str, str | None, list[str]]] = []   # (form, kind, label tails)
    for item in items:
        low = re.sub(r"^the\s+", "", item, flags=re.I).lower()
        if low in _WHOLE:
            read.append(("whole", None, [_WHOLE[low]]))
            continue
        m = _ORDINAL_ITEM.match(item)
        if m:
            word = m["ord"].lower()
            n = "last" if word == "last" else str(ordinal_value(word))
            read.append(("ordinal", _noun_kind(m["noun"]), [n]))
            continue
        m = _NUMBER_ITEM.match(item)
        if not m:
            return None
        sub = "".join(f" ({x})" for x in re.findall(r"\(?([A-Za-z]+)\)?", m["sub"] or ""))
        first, last = int(m["n"]), int(m["to"]) if m["to"] else int(m["n"])
        if m["to"] and sub:
            return None
        read.append(("number", _noun_kind(m["noun"]), [f"{k}{sub}" for k in
                                                       range(first, last + 1)]))
    out: list[str] = []
    for k, (form, kind, tails) in enumerate(read):
        if form == "whole":
            out += tails
            continue
        # "operative paragraphs 5, 6 and 7": the noun comes first; "the third and fifth
        # preambular paragraphs": it comes last
        after = [x[1] for x in read[k + 1:] if x[0] == form and x[1]]
        before = [x[1] for x in read[:k] if x[0] == form and x[1]]
        kind = kind or (after[0] if form == "ordinal" and after else None) or \
            (before[-1] if before else None) or (after[0] if after else None)
        if kind is None:
            if len(read) == 1 and form == "number":
                kind = "OP"     # "paragraph 5" as "5": operative, as targets.py reads it
            else:
                return None
        out += [f"{kind} {tail}" for tail in tails]
    return out


def targets(text: str, r: Reading) -> list[str]:
    """Every unit a target phrase names: ids when the base version is at hand, else labels.
    A unit named twice is refused."""
    t = re.sub(r"^the\s+", "", _unit_itself(text.strip().rstrip(",")), flags=re.I)
    m = _IN_PART.search(t) or _PART_FIRST.match(t)
    part = m.group(1).upper() if m else None  # a resolution in parts: "of section II"
    if m:
        t = (t[:m.start()] + t[m.end():]).strip()
    low = t.lower()
    if low in ("preamble", "operative part"):
        return ["preamble" if low == "preamble" else "operative"]
    named = labels(t) or [t]
    if len(named) == 1 and _NUMBER_ITEM.match(t) and not _NUMBER_ITEM.match(t)["to"]:
        named = [t]     # "operative paragraph 17" stays as written
    if part:
        named = [f"section {part}, {label}" for label in named]
    out: list[str] = []
    for label in named:
        uid = label
        if r.index is not None:
            uid = r.index.resolve(label)
            if uid is None:
                raise AssemblerError(f"in “{short(r.sentence)}”: "
                                     f"{r.index.describe_missing(label)}", line=r.line,
                                     file=r.file, hint="name it as the base version numbers "
                                                       "it, e.g. operative paragraph 14 (a)")
        if uid in out:
            raise AssemblerError(f"in “{short(r.sentence)}”: {label} is named twice",
                                 line=r.line, file=r.file, hint="name each paragraph once")
        out.append(uid)
    return out


_IN_PART = re.compile(r",?\s+(?:of|in)\s+(?:section|part)\s+([IVXL]+)$", re.I)
_PART_FIRST = re.compile(r"^(?:section|part)\s+([IVXL]+)\s*,\s*", re.I)
_OF_THE_DRAFT = re.compile(r"\s+of\s+the\s+(?:revised\s+)?draft\s+(?:resolution|decision)"
                           r"(?:\s+[A-Z]/\S+)?$", re.I)
_CHAPEAU = re.compile(r"^(?:the\s+)?(?:chapeau|introductory\s+(?:part|sentence|words))\s+of\s+",
                      re.I)


def _unit_itself(text: str) -> str:
    """"operative paragraph 4 of the draft resolution" and "the chapeau of operative paragraph
    2" (its own words, before its sub-paragraphs) name the paragraph."""
    return _CHAPEAU.sub("", _OF_THE_DRAFT.sub("", text))


def target(text: str, r: Reading) -> str:
    """The one unit a target phrase names."""
    found = targets(text, r)
    if len(found) != 1:
        raise AssemblerError(f"in “{short(r.sentence)}”: “{text.strip()}” names "
                             f"{len(found)} units where one is meant", line=r.line,
                             file=r.file, hint="name one paragraph here")
    return found[0]


def occurrence(word: str | None, r: Reading) -> int:
    """1 for "the first occurrence of", 0 when none is named."""
    if not word:
        return 0
    n = ordinal_value(word) or (int(word) if word.isdigit() else 0)
    if n > 0:
        return n
    raise AssemblerError(f"cannot read the ordinal “{word}” in “{short(r.sentence)}”",
                         line=r.line,
                         hint="write the first, the second ... the twelfth or the 12th occurrence of")


def short(s: str) -> str:
    return s if len(s) <= 90 else s[:87] + "..."
