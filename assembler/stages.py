"""Which face a draft wears at each stage of its life, from its metadata (pure, no Word).

An informal draft (elements paper, zero, first, Rev.N, final draft) shows its stage and date
above the title; an L-document (and its revisions) the formal masthead with symbol,
distribution, session, agenda items and who submits it; an adopted resolution its A/RES symbol,
the adoption line and the number in its title. Issued documents (L, L-rev, adopted) carry a job
number with its barcode text on page 1 and running headers and footers after it.
Facts: ../shared/reference/un-format.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import AssemblerError
from .lang import ENGLISH, Language, language_of
from .model import Metadata

INFORMAL = ("elements", "zero", "first", "rev", "final", "mapping")  # named by the table
ISSUED = ("L", "L-rev", "adopted")
KNOWN_STAGES = tuple(INFORMAL) + ISSUED

# UN symbols: the organ, then its subsidiary bodies (C.3, HRC, CN.6), then the document
_BODIES = r"[A-Z]+(?:/[A-Z]+(?:\.\d+)?)*"
_L_SYMBOL = re.compile(rf"^{_BODIES}/\d+/L\.\d+$")
_L_REV_SYMBOL = re.compile(rf"^{_BODIES}/\d+/L\.\d+/Rev\.\d+$")
_RES_SYMBOL = re.compile(rf"^{_BODIES}/RES/(\d+/\d+)(?:\s*\(\w+\))?$")


def stage_of_symbol(symbol: str) -> str:
    """The issued face a symbol is built with (L, L-rev, adopted), by the same patterns
    `masthead_for` checks; "" for a symbol this tool has no face for (S/RES/2334 (2016))."""
    for stage, pattern in (("adopted", _RES_SYMBOL), ("L-rev", _L_REV_SYMBOL),
                           ("L", _L_SYMBOL)):
        if pattern.match(symbol.strip()):
            return stage
    return ""
# How an informal draft names its stage ("Zero Draft", "Revision 2", "Draft Rev.1"), in the
# words drafts are read in (English): every reader asks `stage_in_words`.
_STAGE_WORDS = [(re.compile(p, re.I), s) for p, s in (
    (r"\belements\b", "elements"), (r"\bzero draft\b", "zero"), (r"\bfirst draft\b", "first"),
    (r"\b(?:draft )?rev(?:ision|\.)\s*(\d+)", "rev"), (r"\bfinal draft\b", "final"))]


def stage_in_words(text: str, at_start: bool = False) -> tuple[str, str] | None:
    """(stage, revision number or "") a line names, anywhere in it or, `at_start`, as its
    first words; None when it names none."""
    for pattern, stage in _STAGE_WORDS:
        hit = pattern.match(text) if at_start else pattern.search(text)
        if hit:
            return stage, hit.group(1) if stage == "rev" else ""
    return None


_JOB = re.compile(r"^(\d{2})-(\d{5})(?:\s*\(([A-Z])\))?$")



class StageError(AssemblerError):
    """A stage that cannot be built from the metadata given; names the field."""

    def __init__(self, message: str, field: str, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.field = field


def session_words(n: int, lang: Language = ENGLISH) -> str:
    """71 -> 'Seventy-first session' (the masthead spells the ordinal out)."""
    word = lang.ordinal(n)
    return lang.masthead["session"].format(Ordinal=word[0].upper() + word[1:], ordinal=word)


@dataclass(frozen=True)
class Masthead:
    """Everything the first page and the page furniture show, already worded."""
    stage: str
    face: str                      # informal, limited, resolution
    title: str                     # as printed (with "71/280. " on resolutions)
    date: str = ""
    stage_label: str = ""
    organ: str = ""
    symbol: str = ""
    distribution: str = ""
    original: str = ""             # "Original: English"
    session: str = ""
    main_committee: str = ""       # "Third Committee", under the session
    agenda: str = ""               # "Agenda items 13 and 117"
    agenda_titles: tuple = ()
    submitted: str = ""            # "Draft resolution submitted by ..."
    sponsors_note: str = ""        # the "*" footnote after States' names on the sponsor line
    adopted: str = ""              # "Resolution adopted by the General Assembly on ..."
    committee: str = ""            # "[without reference to a Main Committee (A/71/L.58)]"
    job_number: str = ""           # "17-05719 (E)"
    job_date: str = ""             # "170417"
    barcode: str = ""              # "*1705719*"
    running_title: str = ""        # beside the symbol in running headers of resolutions
    closing: tuple = ()            # ("74th plenary meeting", "6 April 2017")
    illustrative: str = ""         # the note saying why symbols are not real, when they are not
    distribution_label: str = ENGLISH.masthead["distribution"]  # in the draft's language
    united_nations: str = ENGLISH.masthead["united_nations"]

    @property
    def issued(self) -> bool:
        return self.face != "informal"


def _need(meta: Metadata, key: str, stage: str, example: str) -> str:
    value = meta.get(key).strip()
    if not value:
        raise StageError(f"stage '{stage}' needs metadata '{key}'", key,
                         hint=f"add the line '{key}: {example}' to the draft's metadata")
    return value


def agenda_line(items: str, lang: Language = ENGLISH) -> str:
    """'13 and 117' or '13, 117' -> 'Agenda items 13 and 117'; '13' -> 'Agenda item 13'."""
    parts = [p for p in re.split(r"\s*(?:,|\band\b)\s*", items.strip()) if p]
    words = lang.masthead
    if len(parts) <= 1:
        return words["agenda_item"].format(item=items.strip())
    return words["agenda_items"].format(items=words["list_separator"].join(parts[:-1]),
                                        last=parts[-1])


def submitted_line(by: str, lang: Language = ENGLISH) -> str:
    """An office submits 'Draft resolution submitted by the President of the General
    Assembly'; States or groups are listed first: 'Delegation A and Delegation B: draft
    resolution'. A line that already says 'draft resolution' is kept as written."""
    if "draft resolution" in by.lower():
        return by
    office = re.match(r"^(the\s+)?(President|Chair|Vice-President|Co-facilitators|Secretary-General)\b",
                      by, re.I)
    words = lang.masthead
    if office:
        key = "submitted_by_office" if office.group(1) else "submitted_by_the_office"
        return words[key].format(by=by)
    return words["submitted_by_states"].format(by=by)


def job_parts(job: str, stage: str) -> tuple[str, str]:
    """'17-05719' -> ('17-05719 (E)', '*1705719*'): the language letter and Code 39 text."""
    m = _JOB.match(job.strip())
    if not m:
        raise StageError(f"job number '{job}' is not of the form YY-NNNNN", "job-number",
                         hint="e.g. 'job-number: 17-05719'")
    return f"{m.group(1)}-{m.group(2)} ({m.group(3) or 'E'})", f"*{m.group(1)}{m.group(2)}*"


def stage_name(meta: Metadata, lang: Language | None = None) -> str:
    """The stage as the language names it ("Zero draft", "Rev.2"); "" for one it does not."""
    names = (lang or language_of(meta)).stage_names
    return names.get(meta.stage.strip(), "").format(revision=meta.revision or "1")


def masthead_for(meta: Metadata) -> Masthead:
    """The face of `meta`'s stage, or a StageError naming the missing or wrong field."""
    lang = language_of(meta)
    stage = meta.stage.strip()
    if stage not in KNOWN_STAGES:
        raise StageError(f"unknown stage '{stage or '(none)'}'", "stage",
                         hint="one of: " + ", ".join(KNOWN_STAGES))
    title = meta.title.strip()
    reason = meta.get("illustrative").strip()
    illustrative = lang.masthead["illustrative"].format(reason=reason) if reason else ""
    if stage in INFORMAL:  # an informal paper shows what it has; nothing is required
        label = meta.stage_label.strip() or stage_name(meta, lang)
        return Masthead(stage, "informal", title, date=meta.date.strip(), stage_label=label,
                        illustrative=illustrative)

    symbol = _need(meta, "symbol", stage, {"L": "A/71/L.58", "L-rev": "A/71/L.58/Rev.1",
                                           "adopted": "A/RES/71/280"}[stage])
    pattern = {"L": _L_SYMBOL, "L-rev": _L_REV_SYMBOL, "adopted": _RES_SYMBOL}[stage]
    if not pattern.match(symbol):
        example = {"L": "A/71/L.58", "L-rev": "A/71/L.58/Rev.1", "adopted": "A/RES/71/280"}[stage]
        raise StageError(f"symbol '{symbol}' does not fit stage '{stage}'", "symbol",
                         hint=f"a stage '{stage}' symbol looks like {example}")
    if not title:
        raise StageError(f"stage '{stage}' needs metadata 'title'", "title",
                         hint="add the line 'title: ...'")
    date = _need(meta, "date", stage, "3 April 2017")
    job, barcode = job_parts(_need(meta, "job-number", stage, "17-05719"), stage)
    session_value = _need(meta, "session", stage, "Seventy-first session")
    session = (session_words(int(session_value), lang) if session_value.isdigit()
               else session_value)
    agenda = agenda_line(_need(meta, "agenda-items", stage, "13 and 117"), lang)
    titles = meta.lines("agenda-titles")
    words = lang.masthead
    common = dict(date=date, organ=meta.organ.strip() or words["organ"], symbol=symbol,
                  session=session, agenda=agenda, agenda_titles=titles, job_number=job,
                  job_date=meta.get("job-date").strip(), barcode=barcode,
                  illustrative=illustrative, distribution_label=words["distribution"],
                  united_nations=words["united_nations"])
    if stage in ("L", "L-rev"):
        submitted = submitted_line(_need(meta, "submitted-by", stage,
                                         "President of the General Assembly"), lang)
        original = meta.original_language.strip() or lang.name
        by_states = submitted == words["submitted_by_states"].format(
            by=meta.get("submitted-by").strip())
        note = (meta.get("sponsors-footnote").strip() or words.get("sponsors_note", "")) \
            if by_states else ""
        return Masthead(stage, "limited", title, submitted=submitted, sponsors_note=note,
                        distribution=meta.distribution.strip() or words["limited"],
                        original=words["original"].format(language=original), **common)
    number = _RES_SYMBOL.match(symbol).group(1)
    adopted_on = _need(meta, "adopted-on", stage, "6 April 2017")
    source = _need(meta, "adopted-from", stage, "A/71/L.58")
    committee = meta.get("main-committee").strip()
    closing = meta.lines("closing")
    if not closing:
        raise StageError("stage 'adopted' needs metadata 'closing'", "closing",
                         hint="add the line 'closing: 74th plenary meeting / 6 April 2017'")
    organ = common["organ"]
    return Masthead(stage, "resolution", f"{number}. {title}",
                    distribution=meta.distribution.strip() or words["general"],
                    adopted=words["adopted"].format(organ=organ, date=adopted_on),
                    committee=(words["committee"].format(committee=committee, source=source)
                               if committee else words["no_committee"].format(source=source)),
                    running_title=title, closing=closing, **common)


def with_overrides(meta: Metadata, **values: str | None) -> Metadata:
    """The metadata with options given for one build (--stage L --symbol A/71/L.58)."""
    given = {k: v for k, v in values.items() if v is not None}
    return meta.with_values(**given) if given else meta
