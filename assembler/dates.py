"""Dates as drafts write them ("22 December 2016") and as files need them (2016-12-22)."""
from __future__ import annotations

import re
from datetime import date as _date

MONTHS = ("january february march april may june july august september october november "
          "december").split()


def iso_day(text: str) -> str | None:
    """"22 December 2016" (also inside a longer text) or "2016-12-22" -> "2016-12-22"; None
    when there is no real date."""
    text = (text or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.search(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text)
        if not m or m.group(2).lower() not in MONTHS:
            return None
        y, mo, d = int(m.group(3)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1))
    try:
        return _date(y, mo, d).isoformat()
    except ValueError:
        return None
