"""The amendment as the UN issues it, both ways: a proposal and the draft it amends -> the
document's parts (masthead, proposers, "amendment to draft resolution A/C.3/80/L.24", the
draft's title, numbered instructions in UN prose); and an issued amendment's printed lines ->
a proposal against the draft it names. Pure: writers/*/amendment.py render the document,
readers/amendment.py gives the printed lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..errors import AssemblerError, Problems
from ..lang import ENGLISH, Language, language_of
from ..leads import lead_length
from ..model import Draft
from ..stages import Masthead, agenda_line, job_parts
from .kinds import kind
from .kinds.base import slug
from .model import Change, Proposal, number_changes
from .prose import change_to_prose, instructions, prose_to_changes
from .targets import UnitIndex

_SESSION_NUMBER = re.compile(r"^\d+$")
# "X: amendment to draft resolution A/C.3/80/L.24", or in plenary "X: amendment to draft
# resolution II recommended by the Third Committee in its report (A/80/123)"
_AMENDMENT_TO = re.compile(
    r"^(?P<who>.+?):\*?\s*amendments?\s+to\s+(?P<what>(?:revised\s+)?draft\s+"
    r"(?:resolution|decision))\s+(?:(?P<number>[IVXL]{1,6}|[A-Z])\s+recommended\s+by\s+"
    r"(?:the\s+)?(?P<committee>.+?)\s+in\s+its\s+report\s+\(?(?P<report>[A-Z]/[^\s)]+)\)?"
    r"|(?P<symbol>\S+))\s*\.?$", re.I | re.S)
# a note's mark opens its line ("* On behalf of", "**A fictional agency"); a lead in italics
# ("*Reaffirming* that") does not
_FOOTNOTE = re.compile(r"^\s*(?P<mark>\*{1,3}|[†‡])(?:\s+|(?![^*]*\*))(?P<text>\S.*)$")
_RULE = re.compile(r"^\s*_{5,}\s*$")
_CLOSES = (".", ";", ":", ",")
_UNMARKED = re.compile(r"\[\^[^\]]+\]")


@dataclass(frozen=True)
class AmendmentDocument:
    symbol: str                 # the amendment's own symbol, A/C.3/80/L.57
    date: str
    proposers: tuple            # the proposer, then the co-sponsors
    target_symbol: str          # the draft amended, A/C.3/80/L.3/Rev.1
    target_kind: str            # "draft resolution", "revised draft resolution"
    title: str                  # the draft's title
    instructions: tuple         # sentences of UN prose
    organ: str = ENGLISH.masthead["organ"]
    session: str = ""
    committee: str = ""
    agenda_items: str = ""
    agenda_titles: tuple = ()
    distribution: str = ENGLISH.masthead["limited"]
    original: str = ENGLISH.name
    job_number: str = ""
    language: Language = ENGLISH   # the base draft's: the document's words and codes
    sponsors_note: str = ""        # "On behalf of ...", the "*" of the proposers' line
    notes: tuple = ()              # (mark, text): the notes of new text, as printed ("**")

    def masthead(self) -> "Masthead":
        """The L-document face the amendment is issued in (stages.Masthead), worded in its
        language: the one model the Word and HTML writers draw, as they draw a draft's."""
        words = self.language.masthead
        face = Masthead("L", "limited", self.title, date=self.date, organ=self.organ,
                        symbol=self.symbol, distribution=self.distribution,
                        original=words["original"].format(language=self.original),
                        session=self.session, main_committee=self.committee,
                        agenda=agenda_line(self.agenda_items, self.language)
                        if self.agenda_items else "",
                        agenda_titles=self.agenda_titles, submitted=self.submitted,
                        distribution_label=words["distribution"],
                        united_nations=words["united_nations"])
        if self.job_number:  # issued: the job number and its barcode at the foot of page 1
            job, barcode = job_parts(self.job_number, "L")
            face = replace(face, job_number=job, barcode=barcode)
        return face

    @property
    def notes_below(self) -> tuple:
        """(mark, text) printed under the instructions: the proposers' "*", then the notes
        of new text ("**")."""
        return ((("*", self.sponsors_note),) if self.sponsors_note else ()) + self.notes

    @property
    def submitted(self) -> str:
        """"Belarus and Russian Federation: amendment to revised draft resolution ..."."""
        return self.language.amendment["submitted"].format(
            mark="*" if self.sponsors_note else "",
            proposers=proposers_line(self.proposers, self.language), kind=self.target_kind,
            symbol=self.target_symbol)


def proposer_names(line: str) -> list[str]:
    """"A, B and C" -> [A, B, C]; the last " and " of a list joins its last two names, so a
    name holding "and" stands whole when it comes first ("Antigua and Barbuda, Belarus")."""
    parts = [p.strip() for p in line.split(",") if p.strip()]
    if parts and " and " in parts[-1]:
        first, _, last = parts[-1].partition(" and ")
        parts[-1:] = [first.strip(), last.strip()]
    return parts


def proposers_line(names, lang: Language = ENGLISH) -> str:
    """[A, B, C] -> "A, B and C", as the language lists."""
    return lang.listing(list(names))


# ---------------------------------------------------------------- writing

def document_for(prop: Proposal, base: Draft, *, symbol: str, date: str = "",
                 job_number: str = "") -> AmendmentDocument:
    """The document that tables `prop` against `base` (its targets named as `base` numbers
    them). Refuses a base without a symbol: the document must name the draft it amends."""
    meta = base.metadata
    if not meta.symbol:
        raise AssemblerError(f"the draft '{meta.version}' has no symbol; the amendment must "
                             "name the draft it amends", hint="add 'symbol: A/C.3/80/L.24' to "
                                                              "the draft's metadata")
    symbol = symbol or prop.symbol
    if not symbol:
        raise AssemblerError("an amendment document needs its own symbol",
                             hint="give --symbol A/C.3/80/L.99")
    index = UnitIndex(base)
    sentences = as_issued(prop, index) or tuple(
        _set_out(change_to_prose(c, index), c, language_of(meta)) for c in _in_text_order(
            [_resolved(c, index, prop) for c in prop.effective_changes], base))
    lang = language_of(meta)
    session = meta.session
    if _SESSION_NUMBER.match(session or ""):
        from ..stages import session_words
        session = session_words(int(session), lang)
    return AmendmentDocument(
        symbol=symbol, date=date or prop.date, proposers=(prop.proposer,) + prop.co_sponsors,
        target_symbol=meta.symbol,
        target_kind=lang.amendment["revised-draft" if "/Rev." in meta.symbol else "draft"],
        title=meta.title, instructions=sentences, organ=meta.organ or lang.masthead["organ"],
        session=session, committee=meta.get("committee") or meta.get("main-committee"),
        agenda_items=meta.agenda_items,
        agenda_titles=meta.lines("agenda-titles"),
        distribution=lang.masthead["limited"], original=meta.original_language or lang.name,
        job_number=job_number, language=lang, sponsors_note=prop.sponsors_note,
        notes=_printed_notes(prop) if sentences == prop.instructions else ())


def _in_text_order(changes: list[Change], base: Draft) -> list[Change]:
    """The UN sets a document's instructions in the order of the text they change: the
    title first, then the units as the draft prints them (a whole part, "at the end of the
    preamble", where that part ends). Changes to one unit keep their order."""
    order = {u.id: k for k, u in enumerate(base.units(), 1)}
    ends = {"title": 0, "preamble": max((order[u.id] for u in base.preamble), default=0) + 0.5,
            "operative": max((order[u.id] for u in base.operative), default=0) + 0.5}
    return sorted(changes, key=lambda c: ends.get(c.target, order.get(c.target, len(order) + 1)))


def _set_out(sentence: str, c: Change, lang: Language) -> str:
    """A new paragraph set as a block of its own under its instruction, unquoted, as the UN
    prints it (A/C.3/80/L.62): "... insert a new preambular paragraph reading:" then the
    paragraph (writers print each part of "\n\n" as a paragraph). The quotes are the
    language's."""
    if c.kind != "insert-unit" or "\n\n" in sentence:
        return sentence
    opening, closing = lang.quote("\0").split("\0")
    m = re.match(rf"^(.*?:)\s*{re.escape(opening)}(.*){re.escape(closing)}\.?$", sentence,
                 re.S)
    return f"{m.group(1)}\n\n{m.group(2)}" if m else sentence


def as_issued(prop: Proposal, index: UnitIndex) -> tuple:
    """The instructions as the issued document printed them, while they still say exactly
    the proposal's changes (else nothing: the changes are written anew)."""
    if not prop.instructions:
        return ()
    try:
        said = [c for s in prop.instructions for c in prose_to_changes(s, index)]
    except AssemblerError:
        return ()
    mine = [_resolved(c, index, prop) for c in prop.effective_changes]
    # a footnote of the new text is a mark as printed ("Agency**"), a marker as kept ([^id]);
    # the lead's italics are restored on import, which the printed text does not show
    strip = lambda c: replace(c, id="", line=None,  # noqa: E731
                              text=_UNMARKED.sub("", c.text).replace("*", ""))
    return tuple(prop.instructions) if [strip(_resolved(c, index, prop)) for c in said] == \
        [strip(c) for c in mine] else ()


def _printed_notes(prop: Proposal) -> tuple:
    """The notes of the new text with the marks they were printed with: after the sponsors'
    "*", "**", then "***" (the order the import numbered them in)."""
    first = 2 if prop.sponsors_note else 1
    return tuple(("*" * (first + k), text) for k, (_, text) in enumerate(prop.footnotes))


def _resolved(c: Change, index: UnitIndex, prop: Proposal) -> Change:
    """The change naming units by id, so the sentence names them as the base numbers them."""
    def named(t: str) -> str:
        if not t:
            return t
        uid = index.resolve(t)
        if uid is None and kind(c.kind).names_units:
            raise AssemblerError(f"{c.id}: {index.describe_missing(t)}", file=prop.file or None,
                                 line=c.line)
        return uid or t
    if not kind(c.kind).names_units:
        return c
    return replace(c, target=named(c.target), destination=named(c.destination))


# ---------------------------------------------------------------- reading

@dataclass
class ReadDocument:
    values: dict                # the masthead, as readers/masthead.py reads it
    instructions: list          # (line, sentence)
    notes: list                 # (line, message): what was set aside
    footnotes: dict = field(default_factory=dict)  # mark ("**") -> (line, the note's text)
    sponsors_marked: bool = False   # "Denmark:*": the "*" note is about the sponsors


def read_document(lines, masthead, file: str) -> ReadDocument:
    """An issued amendment's instructions: the lines after its masthead and title, without
    the page furniture (symbol, job number, "2/2": marked "header" by the reader) and the notes
    at the foot of each page (a line opening with "*" or under the rule, to the page's end),
    as numbered or unnumbered sentences. A blank line keeps apart the paragraphs an instruction brings,
    except at a page break inside a sentence."""
    values = masthead.values
    submitted = values.get("submitted_by", "")
    if not _AMENDMENT_TO.match(submitted):
        raise AssemblerError("this is not an amendment document: no line 'X: amendment to "
                             "draft resolution A/...' under its masthead", file=file,
                             hint="import a draft with -o NAME.draft; an amendment with "
                                  "-o NAME.yaml --base DRAFT")
    body: list[tuple[int, str]] = []
    notes: list[tuple[int, str]] = []
    footnotes: dict[str, tuple[int, str]] = {}
    in_notes, page_break, mark = False, False, ""
    for k in range(masthead.end, len(lines)):
        line = lines[k]
        text = "".join(s.text for s in line.spans)
        if line.region in ("header", "footer"):
            in_notes, page_break = False, True
            continue
        note = _FOOTNOTE.match(text)
        if line.region in ("footnote", "rule") or _RULE.match(text) or \
                (note and (line.gap_before or 0) >= 1):
            in_notes = True
        if in_notes:
            if note:
                mark = note["mark"]
                footnotes[mark] = (line.line, note["text"].strip())
            elif mark in footnotes and text.strip() and not _RULE.match(text):
                first, said = footnotes[mark]
                footnotes[mark] = (first, f"{said} {text.strip()}")
            continue
        gap = (line.gap_before or 0) >= 0.4   # a blank line of text; 6 points in a PDF
        if page_break:   # a paragraph goes on over the page unless its sentence ended
            last = body[-1][1].rstrip() if body else ""
            gap = bool(last) and last.endswith(_CLOSES) and not text.strip()[:1].islower()
            page_break = False
        if gap and body:
            body.append((line.line, ""))
        body.append((line.line, text))
    for m, (line, text) in footnotes.items():
        about = "the note on the sponsors, kept" if m == "*" and masthead.sponsors_marked \
            else "footnote set aside"
        notes.append((line, f"{about}: {m} {text}"))
    return ReadDocument(values, instructions(body, file), notes, footnotes,
                        masthead.sponsors_marked)


def proposal_from_document(doc: ReadDocument, base: Draft, pid: str, file: str) -> Proposal:
    """The proposal an issued amendment makes against `base` (the draft it names; for an
    amendment to a draft resolution recommended in a committee's report, the draft --base
    gives, said in a note). Every instruction that cannot be read is reported at once."""
    m = _AMENDMENT_TO.match(doc.values["submitted_by"])
    if m["report"]:
        doc.notes.append((None, f"the amendment is to draft resolution {m['number']} "
                                f"recommended by the {m['committee']} in its report {m['report']}; "
                                f"read against {base.metadata.symbol or base.metadata.version}"
                                f", the draft --base gives"))
    else:
        named = m["symbol"].strip().rstrip(".")
        if base.metadata.symbol and base.metadata.symbol != named:
            raise AssemblerError(f"the amendment is to {named}, but the base draft is "
                                 f"{base.metadata.symbol}", file=file,
                                 hint="give --base the draft the amendment names")
    who = proposer_names(m["who"])
    if not doc.instructions:
        raise AssemblerError("no instructions under the title", file=file,
                             hint="an amendment says what to change, e.g. 'Delete operative "
                                  "paragraph 3.'")
    index = UnitIndex(base)
    changes: list[Change] = []
    problems: list[AssemblerError] = []
    for n, (line, sentence) in enumerate(doc.instructions, 1):
        try:
            changes += prose_to_changes(sentence, index, line=line, file=file)
        except AssemblerError as err:
            err.message = f"instruction {n}: {err.message}"
            problems.append(err)
    if problems:
        raise Problems.of(problems)
    sponsors = doc.footnotes.get("*", (0, ""))[1] if doc.sponsors_marked else ""
    notes = {m: text for m, (_, text) in doc.footnotes.items()
             if not (m == "*" and doc.sponsors_marked)}
    changes, footnotes = _marked_notes(changes, notes, pid)
    changes = [_with_lead(c, index) for c in changes]
    for fid, text in footnotes:
        doc.notes.append((None, f"a footnote of the new text kept as {fid}: {text}"))
    doc.notes[:] = [(line, note) for line, note in doc.notes
                    if not any(note.endswith(f" {text}") and "set aside" in note
                               for _, text in footnotes)]
    return Proposal(pid, who[0], base.metadata.version, number_changes(pid, changes),
                    co_sponsors=tuple(who[1:]), date=doc.values.get("date", ""), file=file,
                    symbol=doc.values.get("symbol", ""), sponsors_note=sponsors,
                    footnotes=footnotes,
                    instructions=tuple(" ".join(s.split()) if "\n\n" not in s else
                                       "\n\n".join(" ".join(p.split()) for p in s.split("\n\n"))
                                       for _, s in doc.instructions))


def _marked_notes(changes: list[Change], notes: dict[str, str], pid: str) -> tuple:
    """New text carrying a footnote mark ("the Energy Agency**", the note at the foot of the
    page) marks a new footnote: the mark becomes a marker of the note ([^A-1-fn1]). Marks in
    quoted words of the draft ("Court*") are left to match its own markers."""
    ids: dict[str, str] = {}
    out = []
    for c in changes:
        text = c.text
        for mark in sorted(notes, key=len, reverse=True):
            pattern = re.compile(rf"(?<=[\w.,;:)”’])(?<!\*){re.escape(mark)}(?!\*)")
            # a star closing italics read from a PDF ("*Reaffirming*") is not a mark: an
            # odd number of stars stands before it
            found = [m for m in pattern.finditer(text) if not text[:m.start()].count("*") % 2]
            if found:
                fid = ids.setdefault(mark, f"{slug(pid)}-fn{len(ids) + 1}")
                for m in reversed(found):
                    text = f"{text[:m.start()]}[^{fid}]{text[m.end():]}"
        out.append(replace(c, text=text) if text != c.text else c)
    return out, tuple((fid, notes[mark]) for mark, fid in ids.items())


def _with_lead(c: Change, index: UnitIndex) -> Change:
    """A new paragraph read from a document's text, which keeps no italics, with its lead
    phrase in italics as UN style sets it ("*Calls upon* Member States ..."); text that
    carries any markup of its own (read from a PDF or Word) is left as it is."""
    if c.kind == "insert-unit":
        unit = c.unit
    elif c.kind == "replace-unit" and c.target in index.units:
        unit = index.units[c.target].kind
    else:
        return c
    if unit not in ("pp", "op") or "*" in c.text.replace("\\*", ""):
        return c
    n = lead_length(c.text, unit, language_of(index.draft.metadata))
    return replace(c, text=f"*{c.text[:n]}*{c.text[n:]}") if n else c
