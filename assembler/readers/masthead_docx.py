"""What stands above the enacting formula of a Word draft, read into metadata.

Lines it recognises (symbol, distribution, date, original language, organ, session, agenda
items, stage, who submits, job number, title) become metadata; any other line is kept in
metadata as `masthead-text` and reported, so no word is lost.
"""
from __future__ import annotations

import re

from ..ooxml.reader import WParagraph
from .. import dates
from ..stages import stage_in_words, stage_of_symbol
from .masthead import AGENDA, DISTR, ILLUSTRATIVE, JOB, ORGAN, ORIGINAL, SYMBOL

# the print conventions are the printed masthead's (masthead.py): one pattern for each
_RULES = [
    ("symbol", SYMBOL),
    ("distribution", DISTR),
    ("original_language", ORIGINAL),
    ("session", re.compile(r"^([A-Z][a-z]+(?:-[a-z]+)? session)$")),
    ("agenda_items", AGENDA),
    ("job_number", JOB),
    ("organ", ORGAN),
    ("illustrative", ILLUSTRATIVE),  # the note this tool prints on a made-up symbol and date
    ("submitted_by", re.compile(r"^(?:Draft resolution submitted by (?:the )?(.+)|(.+): draft "
                                r"resolution)$", re.I)),
    ("adopted_on", re.compile(r"^Resolution adopted by the .+? on (\d{1,2} \w+ \d{4})$")),
    ("adopted_from", re.compile(r"^\[(?:without reference to a Main Committee|on the report of "
                                r"the (?P<committee>.+?)) \((.+)\)\]$")),
]
_NUMBERED_TITLE = re.compile(r"^\d{1,3}/\d{1,4}\.\s+(.+)$")
_SKIP = re.compile(r"^(United Nations|\*\d+\*|\d+/\d+)$")


def _lines(blocks) -> list[tuple[str, str, bool]]:
    """(text, location, looks like a title) for every line above the formula."""
    out = []
    for b in blocks:
        paras = [b] if isinstance(b, WParagraph) else \
            [p for row in b.rows for cell in row.cells for p in cell.paragraphs]
        for p in paras:
            texts = [r for r in p.runs if r.text.strip()]
            titled = p.style_name.lower() == "title" or (bool(texts) and all(r.bold for r in texts))
            for line in p.text.split("\n"):
                if line.strip():
                    out.append((" ".join(line.split()), p.location, titled))
    return out


def read_furniture(lines: list[str]) -> dict[str, str]:
    """The job number from the first page's footer ("17-05719 (E) 170417")."""
    for line in lines:
        m = _JOB_ANYWHERE.search(" ".join(line.split()))
        if m:
            return {"job_number": m.group(1), **({"job_date": m.group(2)} if m.group(2) else {})}
    return {}


def read_masthead(blocks, warn) -> dict[str, str]:
    values: dict[str, str] = {}
    kept: list[str] = []
    after_agenda = False
    for text, where, titled in _lines(blocks):
        if _SKIP.match(text):
            continue
        rule = next(((k, m) for k, r in _RULES if (m := r.match(text))), None)
        if rule and rule[0] not in values:
            key, m = rule
            values[key] = next(g for g in reversed(m.groups()) if g) if key == "adopted_from" \
                else next((g for g in m.groups() if g), m.group(0))
            if key == "job_number" and m.group(2):
                values["job_date"] = m.group(2)
            if key == "adopted_from" and m.group("committee"):
                values["main_committee"] = m.group("committee")
            if key == "adopted_on":
                values.setdefault("stage", "adopted")
            if key == "symbol":
                values.setdefault("stage", stage_of_symbol(text))
                if not values["stage"]:
                    del values["stage"]
            after_agenda = key == "agenda_items"
            continue
        named = stage_in_words(text)
        if named and "stage" not in values and len(text) < 80:
            values["stage"], values["stage_label"] = named[0], text
            if named[1]:
                values["revision"] = named[1]
            continue
        date = dates.pattern(r"\b({date})\b").search(text)
        if date and "date" not in values and len(text) < 40:
            values["date"] = date.group(1)
            continue
        if after_agenda:
            values["agenda_titles"] = (values.get("agenda_titles", "") + " / " + text).lstrip(" /")
            continue
        if "title" not in values and (titled or len(text) > 40):
            m = _NUMBERED_TITLE.match(text) if values.get("stage") == "adopted" else None
            values["title"] = m.group(1) if m else text
            continue
        kept.append(text)
        warn(where, f"masthead line not recognised; kept as masthead-text: {text[:60]}")
    if "title" not in values and values.get("agenda_titles"):
        # no title after the "submitted by" line: the last line after the agenda is the title
        *rest, last = values.pop("agenda_titles").split(" / ")
        values["title"] = last
        if rest:
            values["agenda_titles"] = " / ".join(rest)
    if kept:
        values["masthead_text"] = " / ".join(kept)
    return values


_JOB_ANYWHERE = re.compile(r"\b(\d{2}-\d{5}) \([A-Z]\)(?:\s+(\d{6})\b)?")
