"""The co-facilitators' working document: every unit's base text, then each proposal touching
it (proposer, co-sponsors, status, UN prose, the text as it would read), and a summary by
proposer and status. Pure: writers/compilation_*.py render it."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Mapping

from ..dates import iso_day, printed_day
from ..diff import DELETE, EQUAL, INSERT, touching
from ..inline import plain
from ..lang import ENGLISH, Language, language_of, pieces
from ..leads import lead_length
from ..model import Draft
from .apply import plan
from .placing import Planned, parent_map
from .record import ApplyRecord
from .conflicts import find_conflicts
from .kinds import kind
from .model import STATUSES, Proposal
from .prose import change_to_prose, for_readers, readers_prose
from .targets import UnitIndex
from .words import UnitWords

@dataclass
class Entry:
    proposal: Proposal
    change_id: str
    prose: str
    status: str
    preview: list          # [(text, op)]: ops of assembler/diff.py
    note: str = ""         # where a unit moves; what a proposal was written against
    conflicts: list = field(default_factory=list)  # "P-04/1 (Delegation D): reason"
    who: str = ""          # the proposer and co-sponsors, as printed
    styled: list = field(default_factory=list)  # [(text, op, italic, sup)]: the preview in
                                                # the base text's own formatting


@dataclass
class Row:
    unit: str
    label: str
    kind: str
    text: str
    entries: list = field(default_factory=list)
    styled: list = field(default_factory=list)  # [(text, italic, sup)]: the text as printed


@dataclass
class Compilation:
    title: str
    base_version: str
    rows: list
    proposals: list
    summary: dict          # proposer -> Counter(status -> proposals)
    not_applicable: list   # NotApplicable
    conflicts: list        # Conflict
    base_label: str = ""   # the base version as readers name it ("the First Draft")
    lang: Language = ENGLISH  # the base draft's: every word the writers print around the text
    date: str = ""         # as at: the last day a proposal was filed or decided, as printed

    @property
    def words(self) -> Mapping[str, str]:
        return self.lang.compilation

    def legend(self, between: str = " ") -> list[tuple[str, str]]:
        """The legend as pieces (text, mark): mark "base" (the base version, in italics),
        "insertions" (bold), "deletions" (struck out) or "" (plain). Its two lines are joined
        by `between` (a space; a line break in an HTML page's source)."""
        w = self.words
        values = {"base": self.base_label or self.base_version,
                  "insertions": w["insertions"], "deletions": w["deletions"]}
        out: list[tuple[str, str]] = []
        for text, mark in pieces(w["legend"], values) + [(between, "")] + \
                pieces(w["legend-reads"], values):
            if out and out[-1][1] == mark == "":   # plain words run on
                out[-1] = (out[-1][0] + text, "")
            else:
                out.append((text, mark))
        return out

    @property
    def statuses(self) -> list[str]:
        return [s for s in STATUSES if any(c[s] for c in self.summary.values())]


def compile_proposals(base: Draft, proposals, *, versions=None,
                      only_touched: bool = False) -> Compilation:
    lang = language_of(base.metadata)
    index = UnitIndex(base)
    record = ApplyRecord(base.metadata.version)
    planned = plan(base, index, list(proposals), record, versions)
    # Every pair is shown, decided or not: the document is where the decisions are taken.
    conflicts = find_conflicts(planned, parent_map(base), index.short_of)
    clashes: dict[int, list[str]] = defaultdict(list)
    clash = lang.compilation["clash"]
    for c in conflicts:
        reason = c.reason_in(lang)
        for mine, theirs in ((c.a, c.b), (c.b, c.a)):
            clashes[id(mine)].append(clash.format(change=theirs.change.id, reason=reason,
                                                  proposer=theirs.proposal.proposer))
    ref = index.number
    rows: dict[str, Row] = {}
    order: list[str] = []
    formats: dict[str, list] = {}
    for unit in base.units():
        if unit.kind in ("pp", "op", "sub", "heading", "fn", "p"):
            words = UnitWords(unit.content, ref)
            formats[unit.id] = char_formats(words)
            rows[unit.id] = Row(unit.id, _row_label(index, unit, lang), unit.kind, words.text,
                                styled=[(t, i, sup) for t, _, i, sup in
                                        restyle([(words.text, EQUAL)], formats[unit.id])])
            order.append(unit.id)
    if any(p.unit == "title" for p in planned):   # the title, amended as a unit
        rows["title"] = Row("title", lang.compilation["row-title"], "title", base.metadata.title)
        order.insert(0, "title")
    parts = {"preamble": base.preamble[:1], "operative": base.operative[:1]}
    for p in planned:
        entry = _entry(p, index, rows, clashes.get(id(p), []), lang)
        unit_kind = p.made[p.unit].kind if p.unit in p.made else \
            rows[p.unit].kind if p.unit in rows else ""
        entry.styled = spaced(lead_in_italics(restyle(entry.preview, formats.get(p.unit)),
                                              unit_kind, lang))
        anchor = kind(p.change.kind).anchor(p)
        if anchor in parts:
            anchor = parts[anchor][0].id if parts[anchor] else order[0]
        while anchor not in rows:  # a unit placed next to a new unit: show it with the first
            anchor = next(x.ref for q in planned for x in q.places if x.unit == anchor)
        rows[anchor].entries.append(entry)
    summary: dict[str, Counter] = defaultdict(Counter)
    for prop in proposals:
        summary[prop.proposer][prop.status] += 1
    shown = [rows[u] for u in order if rows[u].entries or not only_touched]
    meta = base.metadata
    stage = named(meta.stage_label or meta.version, lang)
    place = {u: i for i, u in enumerate(order)}

    def at(x) -> int:
        return place.get(x.unit, next((place[q.ref] for q in x.places if q.ref in place),
                                      len(order)))
    # in the base text's order, as the paragraphs below them
    conflicts = sorted(conflicts, key=lambda c: min(at(c.a), at(c.b)))
    return Compilation(lang.compilation["title"].format(stage=stage),
                       meta.version, shown, list(proposals), dict(summary),
                       record.not_applicable, conflicts, stage, lang,
                       last_day(proposals, lang))


def named(label: str, lang: Language) -> str:
    """A version's label as a sentence names it: "the First Draft of the Resolution", but
    "Rev.1", "Revision 2" and "the Chair's text" as they stand (a number or a possessive
    names it already)."""
    definite = lang.compilation["definite"]
    article = definite.split("{", 1)[0]
    if (not label or label[-1].isdigit() or "'s " in label or "\u2019s " in label
            or (article and label.lower().startswith(article.lower()))):
        return label
    return definite.format(version=label)


def last_day(proposals, lang: Language = ENGLISH) -> str:
    """The day the compilation stands at: the last date a proposal was filed or decided,
    printed in the base draft's language."""
    days = [iso_day(d) for p in proposals for d in (p.date, *(h.date for h in p.history))
            if d]
    days = [d for d in days if d]
    return printed_day(max(days), lang) if days else ""




def char_formats(words: UnitWords) -> list[tuple[bool, bool]]:
    """(italic, superscript) of each character of a unit's printed text."""
    out: list[tuple[bool, bool]] = []
    for cell, start, end in zip(words.cells, words.starts, words.ends):
        fmt = (cell[1], cell[3]) if isinstance(cell, tuple) else (False, False)
        out.extend([fmt] * (end - start))
    return out


def restyle(pieces: list, formats: list | None) -> list[tuple[str, str, bool, bool]]:
    """Text pieces (text, op) in the base text's formatting: kept and deleted words are the
    base text's, in order, so they take its italics and superscripts (the lead, "73rd");
    inserted words are plain. Plain throughout when the pieces do not spell the base."""
    kept = "".join(t for t, op in pieces if op != INSERT)
    if formats is None or len(kept) != len(formats):
        return [(t, op, False, False) for t, op in pieces]
    out: list[tuple[str, str, bool, bool]] = []
    at = 0
    for text, op in pieces:
        if op == INSERT:
            out.append((text, op, False, False))
            continue
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or formats[at + i] != formats[at + start]:
                out.append((text[start:i], op, *formats[at + start]))
                start = i
        at += len(text)
    return out


def lead_in_italics(styled: list, unit_kind: str, lang: Language) -> list:
    """Inserted words that make up the lead of the text as it would read ("Underlines" for
    "Underlines further", a new paragraph's "Recognizing") are set in italics, as every
    lead is; the rest of the inserted words stay as written."""
    if unit_kind not in ("pp", "op", "sub"):
        return styled
    reads = "".join(t for t, op, *_ in styled if op != DELETE)
    end = lead_length(reads, unit_kind, lang)
    out: list = []
    at = 0
    for text, op, italic, sup in styled:
        if op == DELETE:
            out.append((text, op, italic, sup))
            continue
        cut = min(max(end - at, 0), len(text))
        if op == INSERT and cut:
            out.append((text[:cut], op, True, sup))
            if text[cut:]:
                out.append((text[cut:], op, italic, sup))
        else:
            out.append((text, op, italic, sup))
        at += len(text)
    return out


def spaced(styled: list) -> list:
    """Struck-out and inserted words that meet with no space between them read as one word
    ("73rd sessionseventy-third session"): the deleted words take a (struck) space."""
    out = list(styled)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if {a[1], b[1]} == {INSERT, DELETE} and touching(a[0], b[0]):
            if a[1] == DELETE:
                out[i] = (a[0] + " ",) + a[1:]
            else:
                out[i + 1] = (" " + b[0],) + b[1:]
    return out


def _row_label(index: UnitIndex, unit, lang: Language) -> str:
    if unit.kind == "heading":
        return lang.short_names["heading"]
    if unit.kind == "fn":
        return index.label_of(unit.id).capitalize()
    if unit.kind == "p":
        return unit.id
    return index.short_of(unit.id)


def _entry(p: Planned, index: UnitIndex, rows: dict, clashes: list[str],
           lang: Language) -> Entry:
    c = p.change
    k = kind(c.kind)
    preview, note = k.preview(p, rows[p.unit].text if p.unit in rows else "", index)
    shown = for_readers(c, index)
    same_base = p.proposal.base == index.draft.metadata.version
    prose = change_to_prose(k.with_ids(shown, p), index) if same_base \
        else change_to_prose(shown, lang=lang)
    w = lang.compilation
    if p.said:   # a document's instructions applied in order: each, and their effect
        prose = " ".join(f"({c.id.rpartition('/')[2]}) {readers_prose(c, index)}"
                         for c in p.said)
        note = w["notes"].format(note=note, more=w["in-order"]) if note else w["in-order"]
    if not same_base:
        carried = w["carried"].format(base=p.proposal.base, version=index.draft.metadata.version)
        note = w["notes"].format(note=note, more=carried) if note else carried
    return Entry(p.proposal, c.id, prose, status_words(p.proposal, lang),
                 [(t, m) for t, m in preview if t], note, clashes, who=p.proposal.who_in(lang))


def status_words(prop: Proposal, lang: Language) -> str:
    """"superseded by P-10", "merged into P-19", "accepted with modification"."""
    w = lang.compilation
    words = lang.status(prop.status)
    last = prop.decision
    if last is not None and last.by:
        words = w["status-into" if prop.status == "merged" else "status-by"].format(
            status=words, by=last.by)
    return words


def conflict_line(c, lang: Language) -> str:
    """A conflict as the compilation says it: by paragraph number, no internal ids."""
    return lang.compilation["conflict"].format(
        unit=c.label, reason=c.reason_in(lang), a=c.a.change.id, a_proposer=c.a.proposal.proposer,
        b=c.b.change.id, b_proposer=c.b.proposal.proposer)
