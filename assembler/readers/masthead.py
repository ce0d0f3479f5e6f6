"""The masthead of a printed UN document (what stands above its text) and its closing lines,
read into draft metadata, for every face: informal (date, stage, title), L and L/Rev. (symbol,
distribution, date, original language, session, committee, agenda items and their titles, who
submits it, title) and A/RES (adoption line, "[without reference to a Main Committee (...)]",
"80/3. Title"). The stage follows from the face. Facts: ../shared/reference/un-format.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import dates
from ..stages import stage_in_words, stage_of_symbol
from .blocks import title_like
from .printed import PrintedLine
from .wrap import join_wrapped

SYMBOL = re.compile(r"^[A-Z]{1,2}(?:/[A-Z]+\.?\d*)*/(?:RES/)?\d+(?:/[A-Z]+\.\d+|/\d+)(?:/Rev\.\d+)?"
                    r"(?:/Add\.\d+)?(?:/Corr\.\d+)?$")
FORMULA = re.compile(r"^\*?(The (General Assembly|Security Council|Economic and Social Council"
                     r"|Human Rights Council))(,?)\*?$")
ORGAN = re.compile(r"^(General Assembly|Security Council|Economic and Social Council"
                    r"|Human Rights Council)$", re.I)
DISTR = re.compile(r"^Distr\.:\s*(.+)$")
ORIGINAL = re.compile(r"^Original:\s*(.+)$")
# The six official languages: a masthead line alone names the language of this version, and
# a text layer may put "Original:" and its language on lines of their own, in either order.
_LANGUAGE = re.compile(r"^(Arabic|Chinese|English|French|Russian|Spanish)$")
JOB = re.compile(r"^(\d{2}-\d{5})\*?(?:\s*\([A-Z]\))?(?:\s+(\d{6}))?$")
_JOB_DATE = re.compile(r"^\d{6}$")
_DECORATION = re.compile(r"^[=_]{5,}$")  # the rules this tool's .txt draws round the masthead
_BARCODE = re.compile(r"^\*\d{7,9}\*$")
_SESSION = re.compile(r"^([A-Z][a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th)) (?:special |emergency special )?"
                      r"session$")
_COMMITTEE = re.compile(r"^(First|Second|Third|Fourth|Fifth|Sixth|Special Political and "
                        r"Decolonization) Committee$")
AGENDA = re.compile(r"^Agenda items? (.+)$")
_ADOPTED = re.compile(r"^Resolution adopted by the (.+?)(?: on (\d{1,2} \w+ \d{4}))?$")
# the committee's name may hold a parenthesis ("Special Political and Decolonization
# Committee (Fourth Committee)"), the report's reference one level more ("(Part II)")
_REFERENCE = re.compile(r"^\[(?:without reference to a Main Committee|on the report of the (.+))"
                        r" \(([^()]*(?:\([^()]*\)[^()]*)*)\)\]$")
_SPONSORS = re.compile(r"^(.+?):(\*{0,3})\s*(draft (?:resolution|decision)|(?:revised )?amendments?\b.*"
                       r"|revised draft (?:resolution|decision))\s*$", re.I)
_ONE_SPONSOR_MARKED = re.compile(r"(?<=[^\W\d_)]),?(\*{1,3})(?=[ ,]|$)")
_SUBMITTED = re.compile(r"^(?:Revised )?Draft (?:resolution|decision) submitted by (?:the )?(.+?)(\*{0,3})$",
                        re.I)
ILLUSTRATIVE = re.compile(r"^\[?Illustrative: (.+?)\]?$", re.S)
_RES_TITLE = re.compile(r"^(\d+/\d+)\.\s+(.+)$")
CLOSING = re.compile(r"^(\d+(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting)$")
# (the date under it: is_date, which takes a lost space too: "4 December2024", A/RES/79/85)



def is_date(text: str) -> bool:
    """A line that is a printed day alone, in any language we have a table for."""
    return bool(dates.pattern(r"^{date}$").match(text))


@dataclass
class Masthead:
    """What the top of page 1 says. `end` is the index of the first line of the text;
    `used` the indices of masthead lines; `notes` (index, message) for what was guessed."""
    values: dict[str, str] = field(default_factory=dict)
    end: int = 0
    used: set[int] = field(default_factory=set)
    formula: str = ""
    sponsors_marked: str = ""  # "State of Palestine:* draft resolution": its note's mark
    reissue_marked: bool = False   # "A/C.1/80/L.23*": its "*" note says when it was reissued
    notes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def symbol(self) -> str:
        return self.values.get("symbol", "")


def read_masthead(lines: list[PrintedLine]) -> Masthead:
    """Read masthead facts from the first lines until the enacting formula, or until a line
    that is none of them (an amendment or decision has no formula of its own)."""
    m = Masthead()
    v = m.values
    i, n = 0, len(lines)
    title_due = False  # after a sponsors line or the adoption facts, the title follows

    def block(start: int) -> tuple[str, int]:
        """The lines from `start` up to the next blank line, as one text."""
        j = start + 1
        while j < n and not (lines[j].gap_before or 0) and not _known(lines[j].text.strip()):
            j += 1
        return join_wrapped([l.text.strip() for l in lines[start:j]]), j

    def bracketed(start: int) -> tuple[str, int]:
        """A "[on the report of ...]" line and those up to its closing bracket, blank lines
        between them aside (a text layer may put "(Fourth Committee) (A/78/427, para. 8)]"
        apart, A/RES/78/83); else the block as `block` reads it."""
        text, j = block(start)
        k = j
        while "]" not in text and k < min(n, start + 6) and not _known(lines[k].text.strip()):
            text = join_wrapped([text, lines[k].text.strip()])
            k += 1
        return (text, k) if "]" in text else block(start)

    def titles(start: int) -> tuple[str, int]:
        """Agenda titles: one per item, each wrapped; a title ends on a line short enough
        that the next line's first word would have fitted on it."""
        text, j = block(start)
        parts = [l.text.strip() for l in lines[start:j]]
        width = max(len(p) for p in parts)
        out: list[list[str]] = [[]]
        for k, part in enumerate(parts):
            out[-1].append(part)
            nxt = parts[k + 1].split(" ")[0] if k + 1 < len(parts) else ""
            if nxt and len(part) + 1 + len(nxt) <= width and not part.endswith(("-", "\u2011")):
                out.append([])
        return " / ".join(join_wrapped(t) for t in out if t), j

    while i < n:
        t = lines[i].text.strip()
        if i > 40:
            break
        f = FORMULA.match(t)
        if f:
            m.formula = f.group(1) + f.group(3)  # no comma before a single paragraph
            v.setdefault("organ", f.group(2))
            m.used.add(i)
            i += 1
            break
        start = i
        i += 1
        if (t == "United Nations" and not v) or _DECORATION.match(t):
            pass
        elif SYMBOL.match(t) and "symbol" not in v:
            v["symbol"] = t
        elif t.endswith("*") and SYMBOL.match(t[:-1]) and "symbol" not in v:
            v["symbol"] = t[:-1]
            m.reissue_marked = True
        elif ORGAN.match(t) and "organ" not in v:
            v["organ"] = ORGAN.match(t).group(1).title().replace(" And ", " and ")
        elif DISTR.match(t):
            v["distribution"] = DISTR.match(t).group(1).strip()
        elif is_date(t) and "date" not in v:
            v["date"] = t
        elif ORIGINAL.match(t):
            v["original_language"] = ORIGINAL.match(t).group(1).strip()
        elif t == "Original:" and "original_language" not in v:
            # "Original:" alone: its language on the line after, or (extraction order) before
            if i < n and _LANGUAGE.match(lines[i].text.strip()):
                v["original_language"] = lines[i].text.strip()
                i += 1
            elif v.get("printed-language"):
                v["original_language"] = v.pop("printed-language")
        elif _LANGUAGE.match(t) and "printed-language" not in v and v.get("symbol"):
            v["printed-language"] = t
        elif JOB.match(t) and "job_number" not in v:
            v["job_number"] = JOB.match(t).group(1)
            if JOB.match(t).group(2):
                v["job-date"] = JOB.match(t).group(2)
        elif _JOB_DATE.match(t) and "job_number" in v and "job-date" not in v:
            v["job-date"] = t
        elif _JOB_DATE.match(t) and "job-date" in v and "job-redate" not in v:
            v["job-redate"] = t  # "281025    031125": printed again on a later day
        elif _BARCODE.match(t):
            pass  # printed from the job number
        elif _SESSION.match(t) and "session" not in v:
            v["session"] = t
        elif _COMMITTEE.match(t) and "committee" not in v:
            v["committee"] = t
        elif AGENDA.match(t) and "agenda_items" not in v:
            v["agenda_items"] = AGENDA.match(t).group(1).strip()
            several = bool(re.search(r",| and ", v["agenda_items"]))
            text, i = (titles(i) if several else block(i)) if i < n and not (
                lines[i].gap_before or 0) and not _known(lines[i].text.strip()) else ("", i)
            if not text:  # titles set apart by a blank line, one block per item
                text, i = _apart_titles(lines, i, _items(v["agenda_items"]), block)
            while several and text and text.count(" / ") + 1 < _items(v["agenda_items"]) \
                    and i < n and not _known(lines[i].text.strip()) \
                    and not FORMULA.match(lines[i].text.strip()) \
                    and not _sponsors(block(i)[0]) and title_like(block(i)[0]):
                # the last titles set apart from the first ones (A/RES/78/1: items 13 and
                # 117, "Follow-up to the outcome of the Millennium Summit" after a gap)
                more, i = block(i)
                text = f"{text} / {more}"
            if text:
                v["agenda-titles"] = text
                m.used.update(range(start + 1, i))
                if several:
                    m.notes.append((start, "the titles of several agenda items told apart by "
                                           "where their lines end"))
        elif _ADOPTED.match(t):
            text, i = block(start)
            if text.endswith(" on") and i < n and is_date(lines[i].text.strip()):
                # "... by the General Assembly on" / "22 December 2023": the date is a line
                # a block of its own would stop at
                text, i = f"{text} {lines[i].text.strip()}", i + 1
            a = _ADOPTED.match(text)
            if a:
                v["adopted-by"] = a.group(1)
                if a.group(2):
                    v["adopted-on"] = a.group(2)
            title_due = True
        elif ILLUSTRATIVE.match(t):
            # the note this tool prints on a version whose symbol and date are made up
            text, i = block(start)
            v["illustrative"] = ILLUSTRATIVE.match(text).group(1).strip()
        elif t.startswith("[") and _REFERENCE.match(bracketed(start)[0]):
            text, i = bracketed(start)
            r = _REFERENCE.match(text)
            v["adopted-from"] = r.group(2)
            if r.group(1):
                v["main-committee"] = r.group(1)
            title_due = True
        elif _RES_TITLE.match(t) and stage_of_symbol(v.get("symbol", "")) == "adopted":
            text, i = block(start)
            while text.rstrip().endswith(";") and i < n and not _known(lines[i].text.strip()) \
                    and not FORMULA.match(lines[i].text.strip()):
                # a title in two parts, the second set apart ("79/243. United Nations
                # Convention against Cybercrime;" then "Strengthening International ...")
                more, i = block(i)
                text = join_wrapped([text, more])
            r = _RES_TITLE.match(text)
            v["title"] = r.group(2).strip()
            v["resolution-number"] = r.group(1)
            if not v["symbol"].endswith("/" + r.group(1)):
                m.notes.append((start, f"the title's number {r.group(1)} differs from the "
                                       f"symbol {v['symbol']}"))
            title_due = False
        elif "submitted_by" not in v and v.get("symbol") and not title_due \
                and _sponsors(block(start)[0]):
            # "Andorra, Austria, ... Uruguay: draft resolution", over as many lines as it takes
            text, i = block(start)
            by, marked = _sponsors(text)
            v["submitted_by"] = by
            m.sponsors_marked = marked
            title_due = True
        elif title_due and "title" not in v:
            v["title"], i = block(start)
            title_due = False
        elif not v.get("symbol") and _informal(t, v):
            pass
        else:
            i = start
            break
        m.used.update(range(start, i))
    m.end = i
    if v.get("symbol"):
        stage = stage_of_symbol(v["symbol"])
        if stage:
            v["stage"] = stage
    return m


def _items(agenda: str) -> int:
    """How many items 'Agenda items 13 and 75 (a)' names."""
    return len(re.findall(r"\d+(?: \([a-z]\))?", agenda)) or 1


def _apart_titles(lines: list[PrintedLine], i: int, items: int, block) -> tuple[str, int]:
    """Agenda titles each after a blank line: as many blocks as there are items, none a
    fact of its own (a sponsors line, an adoption line, the formula)."""
    found: list[str] = []
    while i < len(lines) and len(found) < items:
        t = lines[i].text.strip()
        text, j = block(i)
        if _known(t) or _sponsors(text) or SYMBOL.match(t) or text.endswith((".", ",", ";")) \
                or _RES_TITLE.match(t):
            break
        found.append(text)
        i = j
    return " / ".join(found), i


def _known(t: str) -> bool:
    """A line that starts a masthead fact of its own (so it ends the block above it)."""
    return bool(FORMULA.match(t) or AGENDA.match(t) or _SESSION.match(t) or is_date(t)
                or CLOSING.match(t) or _ADOPTED.match(t) or t.startswith("["))


def _sponsors(text: str) -> tuple[str, str] | None:
    """'Andorra, Austria ...: draft resolution' -> ('Andorra, Austria ...', False); the line of
    a decision, an amendment or an office is kept whole: it says what the document is."""
    s = _SUBMITTED.match(text)
    if s and text.lower().startswith("draft resolution"):
        return s.group(1).strip(), s.group(2)  # the face writes "Draft resolution submitted by the ..."
    if s:
        return text.rstrip("*").strip(), s.group(2)
    s = _SPONSORS.match(text)
    if not s:
        return None
    # a note on one sponsor ("Nigeria* and Thailand": "On behalf of the Group of ..."),
    # the star kept where it is printed
    inner = _ONE_SPONSOR_MARKED.search(s.group(1))
    mark = s.group(2) or (inner.group(1) if inner else "")
    if s.group(3).lower() == "draft resolution":
        return s.group(1).strip(), mark
    return (s.group(1).strip() + ": " + s.group(3).strip()), mark


def _informal(t: str, v: dict[str, str]) -> bool:
    """Date, stage label and title of an informal draft (no symbol)."""
    named = stage_in_words(t, at_start=True)
    if named and "stage" not in v and len(t.split()) <= 6:
        v["stage"], v["stage_label"] = named[0], t
        if named[1]:
            v["revision"] = named[1]
        return True
    if "title" not in v and not t.endswith((",", ";", ".")) and len(t) < 300:
        v["title"] = t
        return True
    if "title" in v and not t.endswith((",", ";", ".")) and v["title"] and "stage" not in v \
            and len(t) < 200:
        v["title"] = join_wrapped([v["title"], t])
        return True
    return False


def read_closing(lines: list[PrintedLine], start: int) -> tuple[str, set[int]]:
    """'30th plenary meeting' and its date, after the operative part: ('30th plenary meeting
    / 30 October 2024', their indices), or ('', set()) when there is none."""
    for i in range(start, len(lines)):
        t = lines[i].text.strip()
        if CLOSING.match(t):
            if i + 1 < len(lines) and is_date(lines[i + 1].text.strip()):
                return f"{t} / {lines[i + 1].text.strip()}", {i, i + 1}
            return t, {i}
    return "", set()
