"""The seed's text as the tests read it: the resolution's lines and the list labels."""
from __future__ import annotations

import re

LABEL = re.compile(r"^(\(([a-z]{1,3}|[ivx]{1,4})\)|[a-zA-Z][.)])\s+")   # (a), (iv), a., A)


def seed_resolution_lines(seed_path) -> list[str]:
    lines = seed_path.read_text("utf-8").split("\n")
    start = lines.index("The General Assembly,")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("#### Ver. 2"))
    return lines[start:end]
