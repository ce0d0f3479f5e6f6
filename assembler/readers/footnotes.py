"""Footnotes of a printed document: their texts under the rule at the foot of a page, and
their markers in the text, found in order 1..n.

A text extraction keeps a marker as a plain number: fused to the word before it ("Court,2",
"report6", "2014–20243") or after a space ("Court 1"). Markers are looked for one at a time,
each after the one before, and never where a number means something ("paragraph 3", "78/6",
"from 5 to 8 August"). A PDF reader knows superscripts and hands them over as explicit
markers (see EXPLICIT), which are taken as they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import dates
from .printed import PrintedLine
from .wrap import join_wrapped

RULE = re.compile(r"^[_\u2014\u2015-]{5,}$")
_ENTRY = re.compile(r"^(\*{1,3}|\u2020|\u2021|\[\d{1,3}\]|\d{1,3})\s+(\S.*)$")
# A superscript marker the page showed as such: OPEN number CLOSE (see structure.py).
OPEN, CLOSE = "\ue000", "\ue001"
# what follows a quantity, never a marker: "3 p.m.", "2 years", "4 trillion dollars"
_QUANTITY = r"[ap]\.m\.|(?:years?|months?|weeks?|days?|hours?|minutes?|times|million|billion|trillion)\b"
# (dates.pattern fills {months} with every table's month names: "22 December" is a day)
_UNIT_AFTER = r"^\s*({months}|per cent|%|-|–|" + _QUANTITY + ")"
_MONTH_AFTER = r"^\s*({months}|per cent|to \d|and \d(?!\d*/)|-|–|%|" + _QUANTITY + ")"
# Words after which a number is a number, not a footnote marker.
_NUMBER_WORDS = frozenset("""
paragraph paragraphs para paras resolution resolutions decision decisions section sections
article articles rule rules item items annex annexes chapter chapters page pages vol vols no
nos goal goals target targets principle principles part parts table tables figure box year
years of to and from than on in at by about some over under the a an number session sessions
meeting meetings phase level category protocol amendment recommendation recommendations
appendix volume sub-item subitem point points step steps option options annexes article
million billion thousand hundred per with within first every all only least most approximately
nearly around panel panels round rounds cluster clusters module modules workshop workshops
theme themes track tracks segment segments tier tiers
""".split())


# What a number right after is part of, never a footnote marker: a symbol's "Add.1",
# "Rev.2", "/9", "vol. 2", "No. 3", "para. 4".
# ... or a symbol's dotted part and year ("C-28/DEC.12", "CM/Rec(2022)13")
INSIDE_REFERENCE = re.compile(r"(?:/|\b(?:Add|Rev|Corr|Amend|Suppl|No|Nos|para|paras|art|arts|"
                              r"vol|vols|chap|sect|p|pp|annex)\.\s?|/[A-Z][A-Za-z]{1,5}\.|"
                              r"/\S*\(\d{4}\))$")


@dataclass
class Note:
    mark: str       # "1", "*"
    lines: list[str]
    index: int      # index of its first line among the printed lines
    page: int
    bracketed: bool = False  # "[1] ..." as this tool's .txt prints notes: markers are "[1]"

    @property
    def text(self) -> str:
        return join_wrapped(self.lines)


def note_start(text: str, expected: int) -> tuple[str, str] | None:
    """'12 Resolution 79/323, annex.' -> ('12', 'Resolution ...') when 12 is the footnote
    expected next; '* Any changes ...' -> ('*', ...)."""
    m = _ENTRY.match(text.strip())
    if not m:
        return None
    mark = m.group(1).strip("[]")
    if mark.isdigit() and int(mark) != expected:
        return None
    return mark, m.group(2)


def read_notes(lines: list[PrintedLine], zones: list[list[int]], pages: list[int],
               warn) -> list[Note]:
    """The footnotes in each zone (the line indices under a rule, to the page's end)."""
    notes: list[Note] = []
    expected = 1
    for zone in zones:
        for i in zone:
            text = lines[i].text.strip()
            start = note_start(text, expected)
            if start:
                notes.append(Note(start[0], [start[1]], i, pages[i], text.startswith("[")))
                if start[0].isdigit():
                    expected += 1
            elif notes:
                if notes[-1].page != pages[i] and notes[-1].lines:
                    warn(i, f"footnote {notes[-1].mark} goes on from page {notes[-1].page}; "
                            "its lines joined")
                notes[-1].lines.append(text)
            else:
                warn(i, "a line under the footnote rule that starts no footnote; kept as a "
                        "footnote of its own")
                notes.append(Note(f"?{i}", [text], i, pages[i]))
    return notes


def find_marker(text: str, mark: str, start: int, explicit_only: bool = False
                ) -> tuple[int, int, str] | None:
    """Where footnote `mark`'s marker stands in `text` at or after `start`: (begin, end, how)
    of the characters to remove; how is 'explicit', 'fused' or 'spaced'. Where the page marks
    its markers (superscripts, "[1]"), only those count."""
    explicit = text.find(OPEN + mark + CLOSE, start)
    if explicit >= 0:
        return explicit, explicit + len(mark) + 2, "explicit"
    bracket = re.compile(r"\[" + re.escape(mark) + r"\]")
    m = bracket.search(text, start)
    if m:
        return m.start(), m.end(), "explicit"
    if explicit_only:
        return None
    if mark == "*":
        m = re.compile(r"(?<=[^\s*])\*(?![\w*])").search(text, start)
        return (m.start(), m.end(), "fused") if m else None
    k = re.escape(mark)
    candidates = []
    # never before a capital: "Youth4Disarmament" is a name ("Agreement4and" is a marker
    # the extraction ran into the next word)
    fused = re.compile(r"(?<=[^\W\d_]|[,;:.)\]\u201d\u2019\"])" + k + r"(?![\d/A-Z])")
    year = re.compile(r"(?<![\d/.])(?:19|20)\d\d(" + k + r")(?![\d/])")
    spaced = re.compile(r"(?<=[^\W\d_]|[,;:.)\]\u201d\u2019\"]) (" + k + r")(?=[\s,;.:)]|$)")
    # PyMuPDF sets a raised marker apart by two spaces after it ("Resolution 5  as",
    # "1998 12  on"): the page's own sign, which a number in the text never has
    raised = re.compile(r"(?<=[\w,;:.)\]\u201d\u2019\"]) (" + k + r")(?=  \S)")
    # set apart after a number ("Conventions of 12 August 1949 1 and", "resolutions 5/7 27
    # and 5/8 28"): prose rarely puts two numbers side by side, but it is the least sure
    after_number = re.compile(r"(?<=\d) (" + k + r")(?=[\s,;.:)]|$)")
    # fused to a name's number ("Agenda 216": Agenda 21 and note 6): the text alone cannot
    # tell, so it is the last resort and said as a doubt (the PDF's superscript can tell)
    # (or "COVID-1916": COVID-19 and note 16, A/C.2/80/L.48)
    named = re.compile(r"\b([A-Z][a-z]+ |[A-Z]{2,}-)\d{1,2}(" + k + r")(?=[\s,;.:)]|$)")
    # ... or to a resolution's or decision's number ("59/3009": 59/300 and note 9)
    # (a Conference of the Parties numbers its sessions in roman: "decision VII/1113")
    numbered = re.compile(r"(\b(?:\d{1,3}|[IVXL]{1,6})/(?:[A-Z]{2,4}\.)?\d{1,3})(" + k
                          + r")(?=[\s,;.:)]|$)")
    for pattern, how in ((fused, "fused"), (year, "fused"), (raised, "spaced"),
                         (spaced, "spaced"), (after_number, "after a number"),
                         (named, "fused to a number"), (numbered, "fused to a number")):
        for m in pattern.finditer(text, start):
            if pattern is named or pattern is numbered:
                if pattern is named and m.group(1).strip().lower() in _NUMBER_WORDS:
                    continue  # "Agenda 21|6", never "Article 1|6" or "Goal 1|6"
                begin, end = m.start(2), m.end(2)
            else:
                begin, end = (m.start(1), m.end(1)) if m.groups() else (m.start(), m.end())
            if how == "spaced" and pattern is spaced:
                words = text[:begin].rstrip(" ").split(" ")
                before = words[-1].lower()
                # "paragraph 3" is a number; "Principles. 13" after punctuation is a marker;
                # so is one after a name in the plural ("Sustainable Development Goals 6",
                # where "Development Goal 5" is a number)
                name = len(words) > 1 and words[-1][:1].isupper() and words[-2][:1].isupper() \
                    and words[-1].endswith("s")
                # a noun an ordinal already counts ("at its eighth session 40 for the",
                # A/RES/79/144) takes no number after it: that is a marker
                counted = len(words) > 1 and _ordinal(words[-2]) is not None
                # ... and so does a plural with one number and no more ("recommendations 57
                # emanating", A/RES/79/144; "paragraphs 5 and 6" goes on to its next)
                single = before.endswith("s") and before[:-1] in _NUMBER_WORDS \
                    and not re.match(r"^\s*(?:,|and\b|or\b|to\b|[\u2013-]|\d)", text[end:])
                counted = counted or single
                # a word that closes a parenthesis ("(the Bangkok Rules) 5") is no count's noun
                if (before.lstrip("(") in _NUMBER_WORDS and not name and not counted) \
                        or dates.pattern(_MONTH_AFTER).match(text[end:]) \
                        or re.match(r"^[.,]\d", text[end:]):
                    continue
                begin -= 1  # the space before the marker goes with it
            elif pattern is raised or pattern is after_number:
                # a date or a quantity goes on ("12 August", "6 per cent"); "27 and 5/8 28"
                # may be two markers
                if dates.pattern(_UNIT_AFTER).match(text[end:]) or re.match(r"^[.,]\d", text[end:]):
                    continue
                begin -= 1
            elif how == "fused" and (dates.pattern(_MONTH_AFTER).match(text[end:])
                                     and pattern is fused
                                     and text[begin - 1:begin] == "."):
                continue
            if re.match(r"^[.,]\d", text[end:]) or re.search(r"\d\.$", text[:begin].rstrip()
                                                               if how != "spaced" else ""):
                continue  # a decimal or a thousands group ("3.1", "1,500")
            if INSIDE_REFERENCE.search(text[:begin]):
                continue  # "A/80/100/Add.1", "vol. 2", "GC(69)/RES/9": part of a reference
            candidates.append((begin, end, how))
            break
    return min(candidates) if candidates else None


def footnote_zones(indices: list[int], pages: list[int]) -> list[list[int]]:
    zones: list[list[int]] = []
    for i in indices:
        if zones and pages[zones[-1][-1]] == pages[i] and i == zones[-1][-1] + 1:
            zones[-1].append(i)
        else:
            zones.append([i])
    return zones


def guess_zones(lines: list[PrintedLine], start: int, furniture: set[int],
                 pages: list[int]) -> list[list[int]]:
    """Footnote zones of a text: from a rule to the page's end; or, with no rule, a "* ..."
    note standing last on its page after a blank line."""
    zones: list[list[int]] = []
    i = start
    while i < len(lines):
        t = lines[i].text.strip()
        if RULE.match(t):
            zone = []
            j = i + 1
            while j < len(lines) and j not in furniture and pages[j] == pages[i]:
                zone.append(j)
                j += 1
            zones.append(zone)
            i = j
            continue
        if t.startswith("* ") and (lines[i].gap_before or 0) >= 1 and note_start(t, 0):
            rest, more = [], False  # the rest of its page, if no longer than a short note
            for j in range(i + 1, len(lines)):
                if pages[j] != pages[i] or j in furniture:
                    break
                if len(rest) == 3:
                    more = True
                    break
                rest.append(j)
            if not more and all(not (lines[j].gap_before or 0) or note_start(
                    lines[j].text, 0) for j in rest):
                zones.append([i] + rest)
                i = (rest[-1] if rest else i) + 1
                continue
        i += 1
    return zones


def _ordinal(word: str) -> int | None:
    """"eighth" -> 8, as amendment prose reads ordinals (imported here only when asked: the
    amendments package is no small import for a page's reader)."""
    from ..amendments.kinds.grammar import ordinal_value
    return ordinal_value(word)
