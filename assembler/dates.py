"""Dates as drafts write them ("22 December 2016") and as files need them (2016-12-22)."""
from __future__ import annotations

import re
from datetime import date as _date

MONTHS = ("january february march april may june july august september october november "
          "december").split()
MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)   # a regex alternation, as printed

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_UN = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")
DATE_HINT = "write a real day as 2017-01-13 or 13 January 2017"


def _ymd(text: str, inside: bool = False) -> tuple[int, int, int] | None:
    """(year, month, day) as a text writes it, the way files write dates (2017-01-13, a time
    after a T if any) or drafts print them (13 January 2017; with `inside`, anywhere in a
    longer text); None when it writes none. Whether the day is real is not judged here."""
    m = _ISO.fullmatch(text)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = _UN.search(text) if inside else _UN.fullmatch(text)
    if not m or m.group(2).lower() not in MONTHS:
        return None
    return int(m.group(3)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1))


def iso_day(text: str) -> str | None:
    """"22 December 2016" (also inside a longer text) or "2016-12-22" -> "2016-12-22"; None
    when there is no real date."""
    ymd = _ymd((text or "").strip(), inside=True)
    try:
        return _date(*ymd).isoformat() if ymd else None
    except ValueError:
        return None


def checked_day(text: str, what: str = "the date") -> str:
    """`text` unchanged if it is a real day, written as files write it (2017-01-13, with a
    time after a T if any) or as drafts print it (13 January 2017); else one error naming
    what is wrong. The one place dates given by people are judged."""
    from .errors import AssemblerError
    text = str(text).strip()
    ymd = _ymd(text)
    if ymd is None:
        raise AssemblerError(f"{what} '{text}' is not a date", hint=DATE_HINT)
    y, mo, d = ymd
    try:
        _date(y, mo, d)
    except ValueError as err:
        raise AssemblerError(f"{what} '{text}' is not a real day ({err})",
                             hint=DATE_HINT) from None
    if not 1945 <= y <= 2200:  # the United Nations' lifetime, with room to spare
        raise AssemblerError(f"{what} '{text}' is out of range (year {y})", hint=DATE_HINT)
    return text


def printed_day(iso: str) -> str:
    """"2017-01-12" -> "12 January 2017", as drafts print a day."""
    y, m, d = (int(x) for x in iso[:10].split("-"))
    return f"{d} {MONTHS[m - 1].capitalize()} {y}"


# A day and its month are set on one line in the UN's documents ("of | 27 October 2000",
# never "27 | October"): issued faces bind them with a no-break space, and the Word reader
# takes that space back (only there, so that a draft's text reads as it was written)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({MONTH_NAMES})\b")
_BOUND = re.compile(rf"\b(\d{{1,2}})\u00a0({MONTH_NAMES})\b")


def bind_dates(text: str) -> str:
    """"27 October 2000" with a no-break space after the day."""
    return _DAY_MONTH.sub("\\1\u00a0\\2", text)


def unbind_dates(text: str) -> str:
    """The inverse of bind_dates."""
    return _BOUND.sub(r"\1 \2", text) if "\u00a0" in text else text
