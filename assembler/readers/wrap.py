"""Hard-wrapped printed lines joined back into running text (one home for the rule).

A line that ends in a hyphen or dash joins the next without a space and keeps the hyphen:
"post-" + "conflict" is "post-conflict", "eighty-" + "first" is "eighty-first",
"2024–" + "2034" is "2024–2034". UN typesetting breaks only at hyphens already in the
word, so a hyphen is never removed. A hyphen left hanging before "and" or "or" keeps its
space: "gender-" + "and age-sensitive" is "gender- and age-sensitive".
"""
from __future__ import annotations

import re

_HYPHENS = ("-", "\u2011", "\u2010", "\u2013")
_CLOSING = "\ue001\ue004"  # the ends of a marker and of a format run (readers/content.py)
_SUSPENDED = re.compile(r"^(?:and|or)\b")


def join(a: str, b: str) -> str:
    a, b = a.rstrip(), b.strip()
    if not a:
        return b
    if not b:
        return a
    word = a.rstrip(_CLOSING)  # "Secretary-" in italics, as a PDF's line marks it
    if word.endswith(_HYPHENS) and len(word) > 1 and not word[-2].isspace() \
            and not (word.endswith("-") and _SUSPENDED.match(b)):
        return a + b
    return a + " " + b


def join_wrapped(lines) -> str:
    """Printed lines as one text, each joined to the one before as `join` joins two."""
    out = ""
    for line in lines:
        out = join(out, line)
    return out
