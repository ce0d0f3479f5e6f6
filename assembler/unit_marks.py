"""How a built .docx carries stable ids through Word: hidden bookmarks.

Word keeps bookmarks through editing and tracked changes and never shows those whose name
starts with "_". Each unit's paragraph opens with a point bookmark "_u<kind>_<id>", and the
number printed for a cross-reference is wrapped in "_x<n>_<target id>", so a file that
comes back from Word is read with the same ids (AKN's wId idea) and cross-references.
Ids use [A-Za-z0-9._:-]; bookmark names allow letters, digits and "_", so "." ":" "-" are
written "_d" "_c" "_h" ("_" never occurs in an id, so this cannot be ambiguous). Names are
unique in a file: the builder gives a second bookmark of one name (a footnote repeated
under a second marker) the suffix "_r<n>", read as the same unit.
"""
from __future__ import annotations

import re
from functools import lru_cache

KINDS = ("pp", "op", "h", "pt", "s1", "s2", "s3", "s4", "s5", "s6", "fn", "ax", "ap", "tt",
         "tb", "r")
_ESC = {".": "_d", ":": "_c", "-": "_h"}
_UNESC = {v: k for k, v in _ESC.items()}
_UNIT = re.compile(r"^_u([a-z]+\d?)_(.+?)(_r\d+)?$")
_XREF = re.compile(r"^_x\d+_(.+)$")


_ESCAPING = str.maketrans(_ESC)


def _escape(uid: str) -> str:
    return uid.translate(_ESCAPING)


def _unescape(name: str) -> str | None:
    out, i = [], 0
    while i < len(name):
        if name[i] == "_":
            pair = name[i:i + 2]
            if pair not in _UNESC:
                return None
            out.append(_UNESC[pair])
            i += 2
        else:
            out.append(name[i])
            i += 1
    return "".join(out)


def unit_bookmark(kind: str, uid: str) -> str:
    return f"_u{kind}_{_escape(uid)}"


def xref_bookmark(n: int, target: str) -> str:
    return f"_x{n}_{_escape(target)}"


@lru_cache(maxsize=16384)  # a reader asks of each paragraph's bookmarks more than once
def parse_unit(name: str) -> tuple[str, str] | None:
    m = _UNIT.match(name)
    if not m or m.group(1) not in KINDS:
        return None
    uid = _unescape(m.group(2))
    return (m.group(1), uid) if uid else None


def parse_xref(name: str) -> str | None:
    m = _XREF.match(name)
    return _unescape(m.group(1)) if m else None


PROPERTY_PREFIX = "assembler:"
