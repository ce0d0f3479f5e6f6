"""The header of a draft source (docs/draft-format.md): its first line, then one
'key: value' metadata line each up to the first blank line. Pure over text, so that the
source reader, the file layer (is this file an issued version?) and the negotiation (which
file is version X?) read it one way, the latter two from a file's head alone."""
from __future__ import annotations

import re

MAGIC = "assembler-draft 1"
META = re.compile(r"^([a-z][a-z0-9-]*):(?: (.*))?$")


def head_lines(text: str, complete: bool = True) -> list[tuple[int, str, str]]:
    """(line number, key, value) of each metadata line, value stripped. `complete`: False
    for a file's head cut short, whose last line is left out. A first line other than the
    format's (a byte-order mark before it) does not hide the rest: whether a file is issued
    is judged by its stage line all the same."""
    lines = text.split("\n")
    if not complete:
        lines.pop()
    start = 1 if lines and lines[0].lstrip("\ufeff").rstrip("\r") == MAGIC else 0
    out = []
    for number, raw in enumerate(lines[start:], start + 1):
        m = META.match(raw.rstrip("\r"))
        if not m:
            break
        out.append((number, m.group(1), (m.group(2) or "").strip()))
    return out
