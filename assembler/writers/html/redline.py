"""Redline -> HTML in bold/strike-out form: <ins> in bold, <del> struck out, moves announced
where a paragraph left and where it arrived, a legend at the top, footnotes (with their own
changes) at the end, and preview conflicts as notes under the paragraph they concern.
Readable in black and white; the page skeleton and CSS are templates/redline.html.j2."""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ...compare.align import DELETED, INSERTED, MOVED_AWAY
from ...compare.legend import legend_of
from ...compare.redline import Redline, RedlineUnit, Segment, touching
from ...compare.words import DELETE, INSERT
from ...lang import language_of
from ...model import Break, CrossRef, FootnoteRef, Text
from ...resources import TEMPLATES
from ..templating import environment
from .printing import page_rule


@dataclass(frozen=True)
class Piece:
    """One inline item as the page shows it: text (with its formats), a cross-reference's
    number (renumbered: the old struck out), a footnote's link, a line break."""
    kind: str            # text, number, renumbered, note, break
    text: str = ""
    italic: bool = False
    bold: bool = False
    sup: bool = False
    old: str = ""


@dataclass(frozen=True)
class Run:
    """A segment: its pieces, inserted, deleted or kept (or a space between two touching
    changes: space-insert, space-delete), and who made it."""
    op: str
    pieces: tuple = ()
    author: str = ""


@dataclass
class UnitView:
    cls: str
    id: str
    segments: list
    numbered: bool = False
    num: str = ""
    num_op: str = ""          # insert, delete: the number of a unit inserted or deleted
    degree: int | None = None  # a sub-paragraph's
    move_note: str = ""
    asides: list = field(default_factory=list)   # the room's conflicts under the unit


class RedlineHtml:
    """The redline as data for templates/redline-parts.html.j2, which writes every tag and
    escapes every text (nothing is escaped here)."""

    def __init__(self, redline: Redline, comments: dict | None = None):
        self.r = redline
        self.comments = comments or {}
        self.notes: list[tuple[str, list]] = []   # (op, runs) of each footnote, numbered
        # each footnote of each side is one note, numbered by its first marker; another
        # marker of it prints that number, as a built version's does
        self.numbered: dict[tuple[str, str], str] = {}
        self.old_of_new = redline.alignment.pairs()
        self.lang = language_of(redline.new.metadata)
        self.words = self.lang.redline
        self.parts = environment(TEMPLATES, trim=False).get_template(
            "redline-parts.html.j2").module

    def inline(self, seg: Segment) -> Run:
        side = "old" if seg.op == DELETE else "new"
        labels = self.r.old_labels if side == "old" else self.r.new_labels
        out = []
        for item in seg.content:
            if isinstance(item, Text):
                out.append(Piece("text", item.text, item.italic, item.bold, item.sup))
            elif isinstance(item, CrossRef):
                lab = labels.get(item.target)
                number = lab.number if lab else item.target
                old_number = self.r.old_number(item.target) if seg.op == "equal" else None
                if old_number is not None and old_number != number:
                    out.append(Piece("renumbered", number, old=old_number))
                else:
                    out.append(Piece("number", number))
            elif isinstance(item, FootnoteRef):
                key = (side, item.footnote)
                if key in self.numbered:
                    out.append(Piece("note-again", self.numbered[key]))
                    continue
                # its note first (a note's own markers are numbered before it)
                self.notes.append(self.note(side, item.footnote, seg.op))
                self.numbered[key] = str(len(self.notes))
                out.append(Piece("note", self.numbered[key]))
            elif isinstance(item, Break):
                out.append(Piece("break"))
        op = seg.op if seg.op in (INSERT, DELETE) else "equal"
        return Run(op, tuple(out), seg.who.author if seg.who and op != "equal" else "")

    def note(self, side: str, fid: str, op: str) -> tuple[str, list]:
        return op, [self.inline(s) for s in self.r.note(side, fid).contents]

    def runs(self, u: RedlineUnit, k: int = 0) -> list[Run]:
        segs = u.contents[k] if k < len(u.contents) else ()
        out, previous = [], None
        for seg in segs:
            if touching(previous, seg):  # "73rd seventy-third", not "73rdseventy-third"
                out.append(Run("space-delete" if previous.op == DELETE else "space-insert"))
            out.append(self.inline(seg))
            previous = seg
        return out

    def view(self, u: RedlineUnit) -> UnitView:
        kind = u.kind
        v = UnitView({"p": "pp"}.get(kind, kind), u.unit.id, [], num=u.mark)
        if u.status == MOVED_AWAY:
            v.move_note = self.words["moved-to"].format(place=u.move_other)
        elif u.moved:
            v.move_note = self.words["moved-from"].format(place=u.move_other)
        if u.status == INSERTED and v.num:
            v.num_op = INSERT
        elif u.status == MOVED_AWAY:
            v.num = ""  # its old number would read as a new one: the note says where it went
        elif u.status == DELETED and v.num:
            v.num_op = DELETE
        v.segments = self.runs(u)
        v.numbered = kind in ("op", "sub") and bool(v.num or u.status == MOVED_AWAY and u.mark)
        v.degree = u.degree if kind == "sub" else None
        if u.status != MOVED_AWAY:
            v.asides = [text for text, _ in self.comments.get(u.unit.id, ())]
        return v

    def unit(self, u: RedlineUnit) -> Markup:
        return self.parts.unit(self.view(u))

    def table(self, units: list, i: int) -> tuple[Markup, int]:
        t = units[i]
        title = self.view(t) if t.unit.title else None
        rows = []
        j = i + 1
        while j < len(units) and units[j].kind == "row":
            r = units[j]
            rows.append({"tag": "th" if r.unit.header else "td", "inserted": r.status == INSERTED,
                         "cells": [self.runs(r, k) for k in range(len(r.contents))]})
            j += 1
        return self.parts.table({"title": title, "rows": rows}), j

    def legend(self) -> Markup:
        legend = legend_of(self.r)
        return self.parts.legend({"heading": legend.heading, "pieces": legend.pieces,
                                  "margin": legend.margin_notes if self.comments else ""})

    def render(self) -> str:
        meta = self.r.new.metadata
        parts = []
        if meta.date:
            parts.append(self.parts.line("date", meta.date))
        if meta.title:
            parts.append(self.parts.title(meta.title))
        if meta.stage_label:
            parts.append(self.parts.line("stage", meta.stage_label))
        parts.append(self.legend())
        if meta.formula:
            parts.append(self.parts.line("unit formula", meta.formula))
        units = self.r.units
        i = 0
        closed = False
        while i < len(units):
            u = units[i]
            if u.part == "annexes" and not closed:
                parts += self.closing()
                closed = True
            if u.kind == "table":
                html, i = self.table(units, i)
                parts.append(html)
                continue
            parts.append(self.unit(u))
            i += 1
        if not closed:
            parts += self.closing()
        if self.notes:
            parts.append(self.parts.notes([{"number": n, "op": op, "segments": runs}
                                           for n, (op, runs) in enumerate(self.notes, 1)]))
        title = self.words["title"].format(title=meta.title) if meta.title \
            else self.words["untitled"]
        from ...stages import masthead_for
        face = masthead_for(meta) if meta.stage else None   # the new version's paper
        return environment(TEMPLATES, trim=False).get_template("redline.html.j2").render(
            title=title, lang=self.lang.html, body=Markup("\n").join(parts),
            page_rule=page_rule(issued=bool(face and face.issued)))

    def closing(self) -> list[Markup]:
        return [self.parts.line("date", line) for line in self.r.new.metadata.lines("closing")]


def build_redline_html(redline: Redline, comments: dict | None = None) -> bytes:
    return RedlineHtml(redline, comments).render().encode("utf-8")


def write_redline(redline: Redline, *, visual: bool = False, comments: dict | None = None) -> bytes:
    return build_redline_html(redline, comments)  # HTML is always bold and struck out
