"""Unit ids as readers make them: one rule for every reader (printed pages, text, Word and
Akoma Ntoso files that carry no ids of their own).

A sub-paragraph's id is its parent's id and the label it was printed with ("op3.b",
"op3.b.ii"); a label printed twice under one parent (a misprint, or a label lost and
guessed) takes an "x" until it is unique, so no reader ever emits one id twice.
"""
from __future__ import annotations

import re


def child_id(parent: str, label: str, seen: set[str]) -> str:
    """The id of a child of `parent` printed with `label` ("(b)", "ii.", or a guessed part),
    distinct among `seen` (the ids given to its siblings so far, updated)."""
    part = re.sub(r"\W", "", label)
    while f"{parent}.{part}" in seen:
        part += "x"
    seen.add(f"{parent}.{part}")
    return f"{parent}.{part}"
