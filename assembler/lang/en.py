"""English, the language drafts are negotiated in."""
from __future__ import annotations

from .table import Language, Leads

_ONES = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
         "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
         "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_TENS = ("", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")


def _figures(n: int) -> str:
    """101 -> '101st' ('101th' is not written)."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal(n: int) -> str:
    """71 -> 'seventy-first'; from 100 on in figures."""
    if not 0 < n < 100:
        return _figures(n)
    if n < 20:
        return _ONES[n]
    if n % 10 == 0:
        return _TENS[n // 10] + "ieth"
    return _TENS[n // 10] + "y-" + _ONES[n % 10]


def prose_ordinal(n: int, use: str) -> str:
    """Ordinals as amendment prose writes them: a paragraph's spelled to the hundredth
    ("the fourteenth preambular paragraph"), an occurrence's to the tenth, then "the 12th"."""
    if use == "occurrence" and n > 10:
        return _figures(n)
    return "hundredth" if n == 100 else ordinal(n)


# Lead phrases: the opening words UN style sets in italics (leads.py reads them).
_OPERATIVE_VERBS = frozenset("""
accepts acknowledges adopts affirms agrees appeals applauds appreciates approves asks
authorizes authorises calls commends concludes condemns confirms congratulates considers
decides declares demands deplores designates directs draws emphasizes emphasises encourages
endorses enjoins establishes expresses extends finds highlights instructs invites launches
notes proclaims reaffirms recalls recognizes recognises recommends regrets reiterates
rejects reminds renews requests resolves stresses strongly suggests supports takes
transmits trusts underlines underscores urges welcomes
""".split())

_PREAMBULAR_WORDS = frozenset("""
alarmed aware cognizant concerned conscious convinced deeply determined emphasizing
gravely guided mindful noting recognizing reaffirming recalling reiterating stressing
taking welcoming acknowledging affirming bearing believing considering desiring
emphasising encouraging expressing having highlighting recognising reiterating seeking
underlining underscoring acting appreciating commending confident viewing regretting
""".split())

_ADVERBS_BEFORE = frozenset("also further once again strongly firmly fully deeply gravely "
                           "equally additionally furthermore moreover".split())
_ADVERBS_AFTER = ("once again", "also", "further", "again", "with appreciation",
                 "with concern", "with deep concern", "with grave concern",
                 "with satisfaction", "with regret", "in this regard")
_PHRASAL = {
    "calls": ("upon", "on"), "bearing": ("in mind",), "taking": ("note", "into account"),
    "takes": ("note",), "having": ("considered", "examined", "adopted", "heard", "received"),
    "expressing": ("concern", "appreciation", "deep concern", "its appreciation"),
    "expresses": ("concern", "appreciation", "deep concern", "its appreciation"),
    "draws": ("attention",), "deeply": ("concerned",), "gravely": ("concerned",),
}


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
    letters={"draft": "draft"},
    prose_ordinal=prose_ordinal,
    prose={"pp": "the {ordinal} preambular paragraph",
           "occurrence": "the {ordinal} occurrence of "},
    leads=Leads(operative=_OPERATIVE_VERBS, preambular=_PREAMBULAR_WORDS,
                adverbs_before=_ADVERBS_BEFORE, adverbs_after=_ADVERBS_AFTER,
                phrasal=_PHRASAL, participle="ing", verb_ending="s", not_verb_ending="ss"))
