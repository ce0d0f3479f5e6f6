"""The co-facilitators' working document: every unit's base text, then each proposal touching
it (proposer, co-sponsors, status, UN prose, the text as it would read), and a summary by
proposer and status. Pure: writers/compilation_*.py render it."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ..diff import DELETE, EQUAL, INSERT
from ..inline import plain
from ..model import Draft
from ..source.markup import parse_inline
from .apply import Planned, parent_map, plan
from .record import ApplyRecord
from .conflicts import find_conflicts
from .kinds import kind
from .model import STATUS_WORDS, STATUSES, Proposal
from .prose import change_to_prose
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
    base_label: str = ""   # the base version as readers name it ("First Draft")

    @property
    def statuses(self) -> list[str]:
        return [s for s in STATUSES if any(c[s] for c in self.summary.values())]


def compile_proposals(base: Draft, proposals, *, versions=None,
                      only_touched: bool = False) -> Compilation:
    index = UnitIndex(base)
    record = ApplyRecord(base.metadata.version)
    planned = plan(base, index, list(proposals), record, versions)
    # Every pair is shown, decided or not: the document is where the decisions are taken.
    conflicts = find_conflicts(planned, parent_map(base), index.short_of)
    clashes: dict[int, list[str]] = defaultdict(list)
    for c in conflicts:
        clashes[id(c.a)].append(f"{c.b.change.id} ({c.b.proposal.proposer}): {c.reason}")
        clashes[id(c.b)].append(f"{c.a.change.id} ({c.a.proposal.proposer}): {c.reason}")
    ref = index.number
    rows: dict[str, Row] = {}
    order: list[str] = []
    formats: dict[str, list] = {}
    for unit in base.units():
        if unit.kind in ("pp", "op", "sub", "heading", "fn", "p"):
            words = UnitWords(unit.content, ref)
            formats[unit.id] = char_formats(words)
            rows[unit.id] = Row(unit.id, _row_label(index, unit), unit.kind, words.text,
                                styled=[(t, i, sup) for t, _, i, sup in
                                        restyle([(words.text, EQUAL)], formats[unit.id])])
            order.append(unit.id)
    if any(p.unit == "title" for p in planned):   # the title, amended as a unit
        rows["title"] = Row("title", "Title", "title", base.metadata.title)
        order.insert(0, "title")
    parts = {"preamble": base.preamble[:1], "operative": base.operative[:1]}
    for p in planned:
        entry = _entry(p, index, rows, clashes.get(id(p), []))
        entry.styled = spaced(restyle(entry.preview, formats.get(p.unit)))
        anchor = p.ref if p.change.kind == "insert-unit" else p.unit
        if anchor in parts:
            anchor = parts[anchor][0].id if parts[anchor] else order[0]
        while anchor not in rows:  # a unit placed next to a new unit: show it with the first
            anchor = next(q.ref for q in planned if q.unit == anchor)
        rows[anchor].entries.append(entry)
    summary: dict[str, Counter] = defaultdict(Counter)
    for prop in proposals:
        summary[prop.proposer][prop.status] += 1
    shown = [rows[u] for u in order if rows[u].entries or not only_touched]
    meta = base.metadata
    return Compilation(f"Compilation of proposals on {meta.stage_label or meta.version}",
                       meta.version, shown, list(proposals), dict(summary),
                       record.not_applicable, conflicts, meta.stage_label or meta.version)


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


def spaced(styled: list) -> list:
    """Struck-out and inserted words that meet with no space between them read as one word
    ("73rd sessionseventy-third session"): the deleted words take a (struck) space."""
    out = list(styled)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if {a[1], b[1]} == {INSERT, DELETE} and a[0] and b[0] \
                and not a[0][-1].isspace() and not b[0][0].isspace():
            if a[1] == DELETE:
                out[i] = (a[0] + " ",) + a[1:]
            else:
                out[i + 1] = (" " + b[0],) + b[1:]
    return out


def _row_label(index: UnitIndex, unit) -> str:
    if unit.kind == "heading":
        return "Heading"
    if unit.kind == "fn":
        return index.label_of(unit.id).capitalize()
    if unit.kind == "p":
        return unit.id
    return index.short_of(unit.id)


def _entry(p: Planned, index: UnitIndex, rows: dict, clashes: list[str]) -> Entry:
    c = p.change
    k = kind(c.kind)
    preview, note = k.preview(p, rows[p.unit].text if p.unit in rows else "", index)
    # Shown to readers, not re-read: inline markup gives way to the plain words.
    shown = replace(c, text=plain(parse_inline(c.text))) if c.text else c
    if c.kind == "insert-unit":
        # readers see where the paragraph goes in the prose; its id is for the machine
        shown, note = replace(shown, new_id=""), ""
    same_base = p.proposal.base == index.draft.metadata.version
    prose = change_to_prose(k.with_ids(shown, p), index) if same_base else change_to_prose(shown)
    if not same_base:
        carried = f"written against {p.proposal.base}, carried onto {index.draft.metadata.version}"
        note = f"{note}; {carried}" if note else carried
    return Entry(p.proposal, c.id, prose, status_words(p.proposal),
                 [(t, m) for t, m in preview if t], note, clashes)


def status_words(prop: Proposal) -> str:
    """"superseded by P-10", "merged into P-19", "accepted with modification"."""
    words = STATUS_WORDS[prop.status]
    last = prop.decision
    if last is not None and last.by:
        words += f" {'into' if prop.status == 'merged' else 'by'} {last.by}"
    return words


def conflict_line(c) -> str:
    """A conflict as the compilation says it: by paragraph number, no internal ids."""
    return (f"conflict in {c.label}: {c.reason}: {c.a.change.id} by {c.a.proposal.proposer} "
            f"and {c.b.change.id} by {c.b.proposal.proposer}")
