"""What one language's table holds."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from string import Formatter
from typing import Callable, Mapping


@dataclass(frozen=True)
class Leads:
    """The words a paragraph's italic lead is made of (*Also decides*, *Bearing in mind*)."""
    operative: frozenset[str]          # operative verbs: "decides", "calls"
    preambular: frozenset[str]         # preambular words: "recalling", "mindful"
    adverbs_before: frozenset[str]     # "also" in "Also decides"
    adverbs_after: tuple[str, ...]     # "further" in "Decides further"
    phrasal: Mapping[str, tuple[str, ...]]  # "calls" -> ("upon", "on")
    participle: str                    # an unlisted preambular word ends so: "ing"
    verb_ending: str                   # an unlisted operative verb ends so: "s" ...
    not_verb_ending: str               # ... but not so: "ss"


@dataclass(frozen=True)
class Language:
    key: str                       # the draft's `language:` value that picks it: "en"
    name: str                      # as "Original: English" names it
    word: str                      # w:lang of a Word document: "en-GB"
    html: str                      # <html lang>: "en"
    akn: str                       # Akoma Ntoso FRBRlanguage (ISO 639-2): "eng"
    ordinal: Callable[[int], str]  # 71 -> "seventy-first"
    masthead: Mapping[str, str]    # the masthead's words and lines, str.format templates
    short_names: Mapping[str, str]  # unit kind -> "OP", as compilations write "OP 14 (a)"
    long_names: Mapping[str, str]  # unit kind -> "operative paragraph", as prose writes it
    places: Mapping[str, str]      # "preamble" -> "the preamble", and the heading's form
    stage_names: Mapping[str, str]  # stage -> "Zero draft", "Rev.{revision}", "L-document"
    leads: Leads                   # the words of italic leads
    prose_ordinal: Callable[[int, str], str]  # (14, "pp" or "occurrence") -> "fourteenth"
    prose: Mapping[str, str]       # amendment prose: each kind's sentence and its phrases
    letters: Mapping[str, str]     # a covering letter's formulae ("Excellency,") and the
                                   # word for a draft in its sentences ("draft")
    # The words of the documents the tool makes about drafts, each a str.format template:
    redline: Mapping[str, str]     # a redline's legend and notes ("Changes against {base}:")
    compilation: Mapping[str, str]  # a compilation's headings, legend, table heads, statuses
    comparison: Mapping[str, str]  # comparison tables', concordances' and histories' words
    amendment: Mapping[str, str]   # an issued amendment document's words
    months: tuple[str, ...]        # the months as a printed date names them, January first
    day: str                       # a printed date: "{day} {month} {year}" (dates.py)
    # what follows a day's number where the language marks it: French {1: "er"} ("1er mai")
    day_suffixes: Mapping[int, str] = field(default_factory=dict)
    # words a sentence's template and its fields run together into one, outside quotations:
    # French (("à le", "au"), ("de les", "des")): "À {target}" with "le troisième alinéa"
    contractions: tuple[tuple[str, str], ...] = ()

    def say(self, key: str, **fields: str) -> str:
        """One of the prose templates filled: say("delete-unit", target="operative paragraph 5")."""
        return self.contract(self.prose[key].format(**fields))

    def contract(self, sentence: str) -> str:
        """A sentence with the language's contractions made, quoted words left alone."""
        if not self.contractions:
            return sentence
        opening, closing = self.prose["quote"].split("{text}")
        parts = re.split(f"({re.escape(opening)}.*?{re.escape(closing)})", sentence, flags=re.S)
        for apart, joined in self.contractions:
            pattern = re.compile(rf"\b{re.escape(apart)}\b", re.I)
            parts = [p if k % 2 else pattern.sub(lambda m: _cased(joined, m.group()), p)
                     for k, p in enumerate(parts)]
        return "".join(parts)

    def status(self, status: str) -> str:
        """A proposal's status as documents print it: "accepted with modification"."""
        return self.compilation.get(f"status-{status}", status)

    def quote(self, text: str) -> str:
        """Words quoted as amendments quote them: “text”."""
        return self.prose["quote"].format(text=text)

    def listing(self, items: list[str]) -> str:
        """"a, b and c"."""
        if len(items) < 2:
            return "".join(items)
        return self.prose["and"].format(rest=self.prose["comma"].join(items[:-1]),
                                        last=items[-1])


def _cased(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() else word


def pieces(template: str, values: Mapping[str, str]) -> list[tuple[str, str]]:
    """A template filled, as (text, field) pieces, so that a writer can mark the fields' words
    (bold, struck out, italic): ("For each paragraph of ", ""), ("Rev.1", "base"), ...; the
    template's own words have the field ""."""
    out: list[tuple[str, str]] = []
    for literal, name, _, _ in Formatter().parse(template):
        out += [(literal, "")] if literal else []
        out += [(values[name], name)] if name else []
    return out
