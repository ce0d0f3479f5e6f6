"""Lead phrases: the opening words of a paragraph that UN style sets in italics.

Preambular paragraphs open with a participle or adjective (*Recalling also*, *Bearing in
mind*); operative ones with a verb in the present tense (*Decides*, *Calls upon*, *Also
decides*). Readers use this to restore italics lost on the way (a PDF extraction keeps few).
"""
from __future__ import annotations

import re

from .inline import normalize
from .lang import ENGLISH, Language
from .lang.table import Leads
from .model import Content, Text

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|-)*")   # as [A-Za-z][A-Za-z-]*, accented letters too


def lead_length(text: str, kind: str, lang: Language = ENGLISH, listed: bool = False) -> int:
    """How many characters of `text` form its lead phrase (0 if it opens with none).

    kind is "pp", "op" or "sub"; sub-paragraphs take only listed verbs, since items like
    "Trafficking in persons" or "Contributions of migration" are not leads. The words are
    the language table's (readers know no draft yet: English unless told). With `listed`,
    only the table's own preambular words count, not any participle ("Stockpiling").
    """
    words_of = lang.leads
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    if not words or words[0][0] != 0 or not text[0].isupper():
        return 0
    i = 0
    while (i < len(words) - 1 and words[i][2] in words_of.adverbs_before
           and _adjacent(text, words, i)):
        i += 1
    head = words[i][2]
    if not _is_lead_word(head, kind, words_of, listed):
        return 0
    end = words[i][1]
    rest = text[end:]
    for tail in words_of.phrasal.get(head, ()):
        if rest.lower().startswith(" " + tail + " ") or rest.lower() == " " + tail:
            end += 1 + len(tail)
            rest = text[end:]
            break
    for tail in words_of.adverbs_after:
        if rest.lower().startswith(" " + tail) and not rest[1 + len(tail):2 + len(tail)].isalpha():
            end += 1 + len(tail)
            break
    return end


def _adjacent(text: str, words, i: int) -> bool:
    return text[words[i][1]:words[i + 1][0]] == " "


def _is_lead_word(word: str, kind: str, leads: Leads, listed: bool = False) -> bool:
    if word in leads.operative:
        return kind in ("op", "sub")
    if kind == "pp":
        return word in leads.preambular or (not listed and word.endswith(leads.participle))
    if kind == "op":   # a verb's present tense: "decides", not "business"
        return (word.endswith(leads.verb_ending) and not word.endswith(leads.not_verb_ending)
                and len(word) > 3)
    return False


def italicize_lead(content: Content, kind: str, lang: Language = ENGLISH) -> Content:
    """Content with its lead phrase in italics; already-italic leads are left alone."""
    if not content or not isinstance(content[0], Text):
        return content
    first = content[0]
    if first.italic:
        return content
    # Read the lead over the leading plain runs, as the words may be split across runs.
    prefix = ""
    for item in content:
        if not isinstance(item, Text):
            break
        prefix += item.text
    n = lead_length(prefix, kind, lang)
    if not n:
        return content
    out, remaining = [], n
    for item in content:
        if remaining > 0 and isinstance(item, Text):
            take = item.text[:remaining]
            out.append(Text(take, True, item.bold, item.sup))
            if len(item.text) > remaining:
                out.append(Text(item.text[remaining:], item.italic, item.bold, item.sup))
            remaining -= len(take)
        else:
            out.append(item)
    return normalize(out)


def lead_text(content: Content) -> str:
    """The italic words at the start of a unit (what a reader sees as its lead)."""
    out = []
    for item in content:
        if isinstance(item, Text) and item.italic:
            out.append(item.text)
        else:
            break
    return "".join(out).strip()
