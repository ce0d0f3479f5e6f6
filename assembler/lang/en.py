"""English, the language drafts are negotiated in."""
from __future__ import annotations

from .table import Language

_ONES = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
         "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
         "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_TENS = ("", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")


def ordinal(n: int) -> str:
    """71 -> 'seventy-first'; from 100 on in figures ('101th' is not written: '101st')."""
    if not 0 < n < 100:
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if n < 20:
        return _ONES[n]
    if n % 10 == 0:
        return _TENS[n // 10] + "ieth"
    return _TENS[n // 10] + "y-" + _ONES[n % 10]


ENGLISH = Language(
    key="en", name="English", word="en-GB", html="en", akn="eng", ordinal=ordinal,
    masthead={
        "organ": "General Assembly",
        "distribution": "Distr.:",
        "limited": "Limited",
        "general": "General",
        "original": "Original: {language}",
        "session": "{Ordinal} session",
        "agenda_item": "Agenda item {item}",
        "agenda_items": "Agenda items {items} and {last}",
        "list_separator": ", ",
        "submitted_by_office": "Draft resolution submitted by {by}",
        "submitted_by_the_office": "Draft resolution submitted by the {by}",
        "submitted_by_states": "{by}: draft resolution",
        "adopted": "Resolution adopted by the {organ} on {date}",
        "committee": "[on the report of the {committee} ({source})]",
        "no_committee": "[without reference to a Main Committee ({source})]",
    },
    short_names={"pp": "PP", "op": "OP", "sub": "OP", "heading": "Heading"},
    long_names={"pp": "preambular paragraph", "op": "operative paragraph",
                "sub": "operative paragraph", "heading": "heading", "fn": "footnote"},
    places={"preamble": "the preamble", "operative": "the operative part",
            "title": "the title", "heading": "the heading “{text}”"},
    stage_names={"elements": "Elements paper", "zero": "Zero draft", "first": "First draft",
                 "rev": "Rev.{revision}", "final": "Final draft", "mapping": "",
                 "L": "L-document", "L-rev": "Revised L-document",
                 "adopted": "Adopted resolution"},
    letters={"draft": "draft"})
