"""Page furniture of a text extraction: the running header and footer printed on every page
after the first (symbol, running title, job number, "2/5"). The text does not say where a page
ends, so a page break is found where these lines stand together around a "n/N" page number;
they are dropped and the lines after them are on page n. A PDF reader knows this from
positions and marks the lines "header"/"footer" itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .printed import PrintedLine

PAGE_NUMBER = re.compile(r"^(\d{1,3})/(\d{1,3})$")
_JOB = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?$")
PAGE1_FOOT = re.compile(r"^(?:\d{2}-\d{5} \([A-Z]\)(?:\s+\d{6})?|\*\d{7,9}\*)$")
# (a running title of five lines, its symbol and job number above "16/48": A/RES/78/68)
_WINDOW_BEFORE, _WINDOW_AFTER = 9, 4


@dataclass
class Furniture:
    lines: set[int] = field(default_factory=set)       # indices of furniture lines
    pages: list[int] = field(default_factory=list)     # page of every line
    breaks: list[tuple[int, int, list[int]]] = field(default_factory=list)  # (page, first, idx)


def guess_furniture(lines: list[PrintedLine], start: int, symbol: str, title: str) -> Furniture:
    """Find the running headers and footers among `lines[start:]`."""
    out = Furniture()
    title_words = _norm(title)

    def is_furniture(t: str) -> bool:
        t = t.strip()
        if not t:
            return False
        if (symbol and t == symbol) or _JOB.match(t) or PAGE_NUMBER.match(t):
            return True
        piece = _norm(t)
        # a running title's lines; its last may be a word or two ("rights")
        return bool(title_words) and bool(piece) and (
            (len(piece) >= 8 and piece in title_words) or title_words.endswith(" " + piece))

    # The job number and its barcode stand at the foot of page 1, wherever the text put them.
    out.lines.update(k for k in range(start, len(lines))
                     if PAGE1_FOOT.match(lines[k].text.strip()))
    page_at: dict[int, int] = {}
    for k in range(start, len(lines)):
        m = PAGE_NUMBER.match(lines[k].text.strip())
        if not m or k in out.lines:
            continue
        # a running header stays on its page, where the text says which (a PyMuPDF text
        # layer; others are all page 1): a body line above it that repeats the title is text
        lo = k
        while lo - 1 >= max(start, k - _WINDOW_BEFORE) and is_furniture(lines[lo - 1].text) \
                and lines[lo - 1].page == lines[k].page:
            lo -= 1
        hi = k
        while hi + 1 < min(len(lines), k + 1 + _WINDOW_AFTER) and is_furniture(lines[hi + 1].text) \
                and lines[hi + 1].page == lines[k].page:
            hi += 1
        block = list(range(lo, hi + 1))
        if symbol and not any(lines[i].text.strip() == symbol or _JOB.match(lines[i].text.strip())
                              for i in block):
            continue  # a "3/4" in the text without the symbol or job number is not a header
        out.lines.update(block)
        page_at[hi + 1] = int(m.group(1))
        out.breaks.append((int(m.group(1)), hi + 1, block))
    page = 1
    for i in range(len(lines)):
        page = page_at.get(i, page)
        out.pages.append(page)
    return out


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[\u2010\u2011\u2013-]\s*", "-", s).split()).lower()
