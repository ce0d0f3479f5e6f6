"""Dates as drafts write them ("22 December 2016") and as files need them (2016-12-22).

A printed date is written in the draft's language, with the month names and the order of
its table (lang/: `months`, `day`), and read in any language there is a table for."""
from __future__ import annotations

import re
from datetime import date as _date
from functools import lru_cache

from .lang import ENGLISH, TABLES, Language


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
DATE_HINT = "write a real day as 2017-01-13 or 13 January 2017"
_FIELDS = re.compile(r"(\{day\}|\{month\}|\{year\})")


def _day_number(suffixes) -> str:
    """A day's number as a language prints it: "1", "1er"."""
    marks = "|".join(re.escape(s) for s in sorted(set(suffixes), key=len, reverse=True))
    return rf"\d{{1,2}}(?:{marks})?" if marks else r"\d{1,2}"


def _form(months: tuple[str, ...], day: str, suffixes: tuple, named: bool, space: str) -> str:
    """A language's printed date as a regex source: its day, month and year as groups
    named so (`named`) or plain, each space of its form written `space`."""
    names = "|".join(re.escape(m) for m in months)
    parts = {"{day}": _day_number(suffixes), "{month}": names, "{year}": r"\d{4}"}
    return "".join(
        (f"(?P<{part[1:-1]}>{parts[part]})" if named else f"(?:{parts[part]})")
        if part in parts else re.escape(part).replace(r"\ ", space)
        for part in _FIELDS.split(day))


@lru_cache(maxsize=16)
def _printed(months: tuple[str, ...], day: str, suffixes: tuple = ()) -> re.Pattern:
    """A printed date of one language, its spaces any run of white space."""
    return re.compile(_form(months, day, suffixes, True, r"\s+"), re.IGNORECASE)


def _tables() -> list[Language]:
    """The languages a date is read in: English first, then every other table."""
    return [ENGLISH] + [t for t in TABLES.values() if t is not ENGLISH]


def pattern(template: str) -> re.Pattern:
    """`template` compiled with "{date}" standing for a printed day in any table's form
    ("22 December 2016"; a space lost or doubled by a text layer too) and "{months}" for any
    table's month names: how the readers know a date on a page in any language we have a
    table for. Compiled once per set of tables, so a table registered later is read too."""
    return _pattern(template, tuple(lang.key for lang in _tables()))


@lru_cache(maxsize=64)
def _pattern(template: str, _keys: tuple[str, ...]) -> re.Pattern:
    forms = [_form(lang.months, lang.day, tuple(lang.day_suffixes.values()), False, r"\s*")
             for lang in _tables()]
    months = ["|".join(re.escape(m) for m in lang.months) for lang in _tables()]
    return re.compile(template.replace("{date}", "(?:" + "|".join(forms) + ")")
                      .replace("{months}", "|".join(months)))


def _ymd(text: str, inside: bool = False) -> tuple[int, int, int] | None:
    """(year, month, day) as a text writes it, the way files write dates (2017-01-13, a time
    after a T if any) or drafts print them (13 January 2017, in any language's way; with
    `inside`, anywhere in a longer text); None when it writes none. Whether the day is real
    is not judged here."""
    m = _ISO.fullmatch(text)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    for lang in _tables():
        pattern = _printed(lang.months, lang.day, tuple(lang.day_suffixes.values()))
        m = pattern.search(text) if inside else pattern.fullmatch(text)
        if m:
            month = [x.lower() for x in lang.months].index(m.group("month").lower()) + 1
            return int(m.group("year")), month, int(re.match(r"\d+", m.group("day")).group())
    return None


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


def printed_day(iso: str, lang: Language = ENGLISH) -> str:
    """"2017-01-12" -> "12 January 2017", as drafts in `lang` print a day."""
    y, m, d = (int(x) for x in iso[:10].split("-"))
    return lang.day.format(day=f"{d}{lang.day_suffixes.get(d, '')}", month=lang.months[m - 1],
                           year=y)


# A day and its month are set on one line in the UN's documents ("of | 27 October 2000",
# never "27 | October"): issued faces bind them with a no-break space, and the Word reader
# takes that space back (only there, so that a draft's text reads as it was written)
@lru_cache(maxsize=16)
def _day_month(months: tuple[str, ...], day: str, bound: bool,
               suffixes: tuple = ()) -> tuple[re.Pattern, str, str]:
    """The day and the month of a language's printed date (with its words between, as
    Spanish's " de "), free or `bound`; and the words between, free and bound."""
    rest = day.partition("{day}")[2]
    between = rest.partition("{month}")[0] if "{month}" in rest else " "
    free, tied = between, between.replace(" ", "\u00a0")
    names = "|".join(re.escape(m) for m in months)
    return (re.compile(rf"\b({_day_number(suffixes)}){re.escape(tied if bound else free)}"
                       rf"({names})\b"),
            free, tied)


def bind_dates(text: str, lang: Language = ENGLISH) -> str:
    """"27 October 2000" with no-break spaces between the day and its month."""
    pattern, _, tied = _day_month(lang.months, lang.day, False,
                                  tuple(lang.day_suffixes.values()))
    return pattern.sub(lambda m: m.group(1) + tied + m.group(2), text)


def unbind_dates(text: str) -> str:
    """The inverse of bind_dates, for a date in any language there is a table for."""
    if "\u00a0" not in text:
        return text
    for lang in _tables():
        pattern, free, _ = _day_month(lang.months, lang.day, True,
                                      tuple(lang.day_suffixes.values()))
        text = pattern.sub(lambda m: m.group(1) + free + m.group(2), text)
    return text
