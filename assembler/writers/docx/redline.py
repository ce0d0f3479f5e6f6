"""Redline -> Word document: native tracked changes, or bold/strike-out (--visual).

Tracked form: words inserted or deleted inside a unit are w:ins / w:del; a whole unit
inserted or deleted also has its paragraph mark inserted or deleted; a moved unit is a
moveFrom range at its old place and a moveTo range at its new one (words changed on the
way: deleted ones stay visible in the moveFrom text, inserted ones are w:ins at the new
place, so accepting or rejecting everything gives exactly one version); footnotes carry
their own changes. Each change is stamped with its Redline author and date.

Visual form: inserted text in bold, deleted text struck out, moved paragraphs struck out
at their old place and announced at the new one, and a legend on page 1; it prints in
black and white. All markup goes through the ooxml builder.
"""
from __future__ import annotations

from dataclasses import replace

from ...compare.align import DELETED, EQUAL, INSERTED, MOVED_AWAY
from ...compare.redline import Redline, RedlineUnit, Segment, Who, touching
from ...compare.words import DELETE, INSERT, diff_content
from ...unit_marks import unit_bookmark
from ...lang import language_of
from ...layout import Layout, load_layout
from ...model import Break, CrossRef, FootnoteRef, Text
from ...numbering import footnote_numbers
from ...ooxml import Change, Mark, ParaFormat, Run
from .draft import DraftDocx, column_widths, page_setup
from .lists import word_places


# the bookmark kinds of unit_marks, by the model's unit kinds (sub-paragraphs: s<degree>)
BOOKMARK_KINDS = {"pp": "pp", "op": "op", "heading": "h", "annex": "ax", "p": "ap",
                  "table": "tt", "row": "r"}


def _shared_lists(old: dict, new: dict) -> dict:
    """The old version's places with each list that equals one of the new version's given as
    that very object: a kept paragraph's two places (numbering_before) then compare by
    identity, not level by level (nine levels a list, for every paragraph)."""
    distinct = {id(wl): wl for wl, _ in new.values()}
    ours = {wl: wl for wl in distinct.values()}   # equal lists hash alike
    same: dict[int, object] = {}
    out = {}
    for uid, (wl, level) in old.items():
        if id(wl) not in same:
            same[id(wl)] = ours.get(wl, wl)
        out[uid] = (same[id(wl)], level)
    return out


class RedlineDocx(DraftDocx):
    def __init__(self, redline: Redline, layout: Layout | None = None, visual: bool = False,
                 comments: dict | None = None):
        self.redline = redline
        super().__init__(redline.new, layout or load_layout())
        self.visual = visual
        self.comments = comments or {}   # unit id -> list of (text, Who) for margin notes
        # footnote id -> {"old"/"new": the Word note the version's first marker carries}
        self.notes_of: dict[str, dict[str, int]] = {}
        self.numbers = {"old": footnote_numbers(redline.old), "new": footnote_numbers(redline.new)}
        self.old_of_new = redline.alignment.pairs()
        self.new_ids = {e.new.id for e in redline.alignment.entries if e.new is not None}
        # Word numbers both versions' paragraphs: the old version's lists are named by the
        # new ids, so a kept paragraph and a deleted one count in one list, and accepting
        # every change leaves the new numbers, rejecting every change the old ones
        new_of_old = {o: n for n, o in self.old_of_new.items()}
        self.old_places = _shared_lists(
            word_places(redline.old, redline.old_labels, self.indent,
                        key=lambda uid: new_of_old.get(uid, uid)), self.places)
        self.words = language_of(redline.new.metadata).redline
        self.builder.title = self.words["title"].format(title=redline.new.metadata.title).strip()

    def draft_labels(self) -> dict:
        """The new version's labels, which the redline counted already."""
        return self.redline.new_labels

    # ------------------------------------------------------------------ runs
    def _change(self, op: str, who: Who | None, moving: str = "") -> Change | None:
        """The tracked change for a segment op ("" for none); moving is moveFrom/moveTo."""
        if self.visual or op == "equal" and not moving:
            return None
        who = who or self.redline.default
        if moving and op != INSERT:
            return Change(moving, who.author, who.date, self._move_name)
        return Change("ins" if op == INSERT else "del", who.author, who.date)

    def _fmt(self, run: Run, op: str) -> Run:
        if self.visual:
            if op == INSERT:
                run.bold = True
            elif op == DELETE:
                run.strike = True
        return run

    def seg_runs(self, seg: Segment, *, moving: str = "", base_bold: bool = False,
                 who: Who | None = None) -> list[Run]:
        """Runs of one segment; `who` stamps a move of text that has no author of its own."""
        side = "old" if seg.op == DELETE else "new"
        change = self._change(seg.op, seg.who or who, moving)
        out: list[Run] = []
        for item in seg.content:
            if isinstance(item, Text):
                out.append(self._fmt(Run(item.text, italic=item.italic, bold=item.bold or base_bold,
                                         sup=item.sup, change=change), seg.op))
            elif isinstance(item, CrossRef):
                out += self._ref_runs(item, side, seg, change, moving)
            elif isinstance(item, FootnoteRef):
                out += self._marker(side, item.footnote, seg, change, moving)
            elif isinstance(item, Break):
                out.append(Run(line_break=True, change=change))
        return out

    def _ref_runs(self, item: CrossRef, side: str, seg: Segment, change,
                  moving: str = "") -> list[Run]:
        """A cross-reference shows its target's number. An operative paragraph's number is a
        field Word counts in either view, so a reference that only followed its target is
        no edit (Label.counted); any other number renumbered is deleted and inserted, so
        each side reads right."""
        labels = self.redline.new_labels if side == "new" else self.redline.old_labels
        lab = labels.get(item.target)
        number = lab.number if lab else item.target
        if seg.op == "equal" and not moving:  # a moved paragraph shows its old text in full
            old_number = self.redline.old_number(item.target)
            if old_number is not None and old_number != number:
                who = self.redline.default
                if self.visual:
                    return [Run(old_number, strike=True), Run(number, bold=True)]
                was = self.redline.old_target(item.target)[1]
                return [self.ref_run(item.target, was, bookmark=False,
                                     change=Change("del", who.author, who.date)),
                        self.ref_run(item.target, lab, bookmark=False,
                                     change=Change("ins", who.author, who.date))]
            found = self.redline.old_target(item.target)
            if found and found[1] and lab and found[1].counted != lab.counted:
                # one number, counted in one version only (a lone paragraph has none)
                return [self._fmt(Run(number, change=change), seg.op)]
        return [self._fmt(self.ref_run(item.target, lab, bookmark=False, change=change), seg.op)]

    def _note(self, side: str, fid: str, op: str, who, moving: str = "") -> int:
        """The footnote under one marker. A marker inserted or deleted takes its note with it;
        under a moved paragraph the note moves too, so only its own word changes show (at
        the new place; the old place shows the old text). Markers both versions keep share
        one note, as a built draft's do (the second a NOTEREF), so accepting or rejecting
        every change prints each version's markers as a built version does (_marker)."""
        note = self.redline.note(side, fid)
        # the same hidden id bookmark a built draft carries, so footnotes read back alike
        runs: list[Run] = [Run(bookmark=unit_bookmark("fn", fid))]
        for seg in note.contents:
            if moving == "moveFrom":
                seg = Segment("equal", seg.content)
            runs += self.seg_runs(seg)
        mark_change = None
        if op in (INSERT, DELETE) and not self.visual and not moving:
            w_ = who or self.redline.default
            mark_change = Change("ins" if op == INSERT else "del", w_.author, w_.date)
        return self.builder.footnote([runs], change=mark_change)

    def _marker(self, side: str, fid: str, seg: Segment, change: Change | None,
                moving: str) -> list[Run]:
        """One footnote marker. As a built version (one note per footnote, at its first
        marker; a second marker a NOTEREF printing the footnote's number), once every change
        is accepted or rejected: the first marker each version shows carries that version's
        note, every other marker refers to it with the version's number. A kept marker that
        is the first in one version only, or whose footnote the versions number apart, is
        the old version's marker deleted and the new one's inserted."""
        if self.visual:  # nothing is accepted or rejected: one note per footnote of each
            notes = self.notes_of.setdefault(fid, {})   # version, at its first marker
            if side not in notes:
                notes[side] = self._note(side, fid, seg.op, seg.who, moving)
            return [self._fmt(Run(footnote=notes[side], change=change), seg.op)]
        notes = self.notes_of.setdefault(fid, {})
        number = {v: self.numbers[v].get(fid) for v in ("old", "new")}
        seen = "both" if change is None else \
            ("new" if change.kind in ("ins", "moveTo") else "old")
        if seen != "both":
            if seen not in notes:
                notes[seen] = self._note(side, fid, seg.op, seg.who, moving)
                return [Run(footnote=notes[seen], change=change)]
            return [Run(footnote=notes[seen], change=change, shows=number[seen])]
        if not notes:  # the first marker of both versions: one note, unchanged
            notes["old"] = notes["new"] = self._note(side, fid, seg.op, seg.who, moving)
            return [Run(footnote=notes["new"])]
        if notes.get("old") == notes.get("new") and number["old"] == number["new"]:
            return [Run(footnote=notes["new"], shows=number["new"])]
        who = self.redline.default
        runs = []
        for view, op, kind in (("old", DELETE, "del"), ("new", INSERT, "ins")):
            mark = Change(kind, who.author, who.date)
            if view not in notes:
                notes[view] = self._note(view, fid, op, who, "")
                runs.append(Run(footnote=notes[view], change=mark))
            else:
                runs.append(Run(footnote=notes[view], change=mark, shows=number[view]))
        return runs

    # ------------------------------------------------------------------ units
    def unit_runs(self, u: RedlineUnit, content_index: int = 0, base_bold: bool = False) -> list[Run]:
        segs = u.contents[content_index] if content_index < len(u.contents) else ()
        runs: list[Run] = []
        if u.status == MOVED_AWAY:
            for seg in segs:
                runs += self.seg_runs(seg, moving="moveFrom", base_bold=base_bold, who=u.who)
        elif u.moved:
            for seg in segs:
                if seg.op == DELETE and not self.visual:
                    continue  # visible in the moveFrom text; see the module docstring
                runs += self.seg_runs(seg, moving="moveTo", base_bold=base_bold, who=u.who)
        else:
            previous = None
            for seg in segs:
                if self.visual and touching(previous, seg):
                    runs.append(Run(" ", strike=previous.op == DELETE))  # "73rd seventy-third"
                runs += self.seg_runs(seg, base_bold=base_bold)
                previous = seg
        return runs

    def whole_change(self, u: RedlineUnit) -> Change | None:
        if self.visual:
            return None
        who = u.who
        if u.status == INSERTED:
            return Change("ins", who.author, who.date)
        if u.status == DELETED:
            return Change("del", who.author, who.date)
        if u.status == MOVED_AWAY:
            return Change("moveFrom", who.author, who.date, u.move_name)
        if u.moved:
            return Change("moveTo", who.author, who.date, u.move_name)
        return None

    def place_of(self, u: RedlineUnit):
        """Where Word counts this unit's number: (list, level), None if it has none or the
        output is bold/strike-out (which prints the numbers each side had)."""
        if self.visual or not u.mark or u.kind not in ("op", "sub"):
            return None
        gone = u.status in (DELETED, MOVED_AWAY)
        return (self.old_places if gone else self.places).get(u.unit.id)

    def numbering_before(self, u: RedlineUnit, fmt: ParaFormat):
        """A kept paragraph whose numbering changed (a sub-paragraph raised to an operative
        paragraph, a lone paragraph now numbered): the old format as a tracked change, so
        rejecting it gives the old label back."""
        if self.visual or u.old_unit is None or u.moved or u.kind not in ("op", "sub") \
                or u.status in (INSERTED, DELETED, MOVED_AWAY):
            return None
        lab = self.redline.old_labels.get(u.old_unit.id)
        before = self.old_places.get(u.old_unit.id) if lab and lab.mark else None
        degree = lab.degree if lab else 0
        if before == fmt.numbering and degree == u.degree:
            return None
        old = replace(self.mark_format(degree), numbering=before) if before else self.pp_format()
        return Change("pPrChange", u.who.author, u.who.date), old

    def mark_runs(self, u: RedlineUnit) -> list[Run]:
        if not u.mark or self.place_of(u) is not None:
            return []
        if self.visual and u.status == MOVED_AWAY:
            # its old number would read as a new one: the note says where it went
            return [Run(tab=True)]
        change = self.whole_change(u)
        op = {INSERTED: INSERT, DELETED: DELETE, MOVED_AWAY: DELETE}.get(u.status, "equal")
        if u.kind == "heading":  # a part's numeral, on a line of its own over its title
            return [self._fmt(Run(u.mark, bold=True, change=change), op),
                    self._fmt(Run(line_break=True, change=change), op)]
        return [self._fmt(Run(u.mark, change=change), op),
                self._fmt(Run(tab=True, change=change), op)]

    def visual_note(self, u: RedlineUnit) -> list[Run]:
        if not self.visual:
            return []
        if u.status == MOVED_AWAY:
            return [Run(self.words["moved-to"].format(place=u.move_other) + " ", italic=True,
                        bold=True)]
        if u.moved:
            return [Run(self.words["moved-from"].format(place=u.move_other) + " ", italic=True,
                        bold=True)]
        return []

    def para_format(self, u: RedlineUnit) -> ParaFormat:
        kind = u.kind
        if kind == "heading" and u.unit.part:
            fmt = self.part_format()
        elif kind == "heading":
            fmt = self.heading_format()
        elif kind in ("op", "sub") and u.mark:
            fmt = self.mark_format(u.degree)  # a new ParaFormat each time: set in place
            fmt.numbering = self.place_of(u)
        elif kind == "annex":
            # as the draft writer: a new page unless the annexes are the whole document
            d = self.redline.new
            first = next((x for x in self.redline.units if x.kind == "annex"), None)
            fmt = ParaFormat(style="Heading1", align="center", keep_next=True,
                             page_break_before=bool(d.preamble or d.operative or u is not first))
        elif kind == "table":
            fmt = ParaFormat(keep_next=True)
        else:
            fmt = self.pp_format()
        fmt.mark_change = self.whole_change(u)
        fmt.was = self.numbering_before(u, fmt)
        return fmt

    def id_anchor(self, u: RedlineUnit) -> list[Run]:
        """The unit's stable id as a built draft carries it, so `import --changes accept`
        (or reject) reads the redline back with the versions' ids. A moved-away paragraph
        carries none (its id stands at its new place), nor a deleted one whose id the new
        version uses again."""
        if u.status == MOVED_AWAY or (u.status == DELETED and u.unit.id in self.new_ids):
            return []
        kind = f"s{u.degree}" if u.kind == "sub" else BOOKMARK_KINDS.get(u.kind)
        if u.kind == "heading" and u.unit.part:
            kind = "pt"
        return self.anchor(kind, u.unit.id) if kind else []

    def plain(self, u: RedlineUnit) -> bool:
        """An unchanged paragraph of words alone (no reference, footnote, break or comment),
        its runs written as bytes (builder.plain_paragraph: the same bytes as built runs);
        False when it must be built run by run."""
        if self.visual or u.status != EQUAL or u.moved or u.move_name or u.kind not in ("pp", "op", "sub") \
                or u.unit.id in self.comments or (u.mark and self.place_of(u) is None):
            return False
        anchor = self.id_anchor(u)
        if not anchor:
            return False
        texts = []
        for seg in (u.contents[0] if u.contents else ()):
            if seg.op != "equal":
                return False
            for item in seg.content:
                if type(item) is not Text:
                    return False
                texts.append((item.text, item.italic, item.bold, item.sup))
        fmt = self.para_format(u)
        if fmt.mark_change is not None or fmt.was is not None:
            return False
        return self.builder.plain_paragraph(anchor[0].bookmark, texts, fmt)

    def paragraph_of(self, u: RedlineUnit, prev: RedlineUnit | None, nxt: RedlineUnit | None) -> None:
        if self.plain(u):
            return
        bold = u.kind in ("heading", "annex", "table")
        runs = self.range_marks(u, prev, "start") + self.id_anchor(u) + self.mark_runs(u) \
            + self.visual_note(u)
        runs += self.unit_runs(u, 0, base_bold=bold)
        runs += self.comment_marks(u)
        runs += self.range_marks(u, nxt, "end")
        self.builder.paragraph(runs, self.para_format(u))

    def range_marks(self, u: RedlineUnit, other: RedlineUnit | None, edge: str) -> list[Run]:
        """Move ranges open at the first paragraph of a moved block and close at its last."""
        if self.visual or not u.move_name:
            return []
        kind = "moveFrom" if u.status == MOVED_AWAY else "moveTo"
        if other is not None and other.move_name == u.move_name and \
                (other.status == MOVED_AWAY) == (u.status == MOVED_AWAY):
            return []
        self._move_name = u.move_name
        return [Run(mark=Mark(kind, edge, Change(kind, u.who.author, u.who.date, u.move_name)))]

    def comment_marks(self, u: RedlineUnit) -> list[Run]:
        notes = self.comments.get(u.unit.id) if u.status != MOVED_AWAY else None
        if not notes:
            return []
        out = []
        for text, who in notes:
            if self.visual:
                out.append(Run(f" [{text}]", italic=True))
                continue
            cid = self.builder.comment([text], who.author, who.date)
            out = [Run(mark=Mark("comment", "start", comment=cid))] + out
            out.append(Run(mark=Mark("comment", "end", comment=cid)))
        return out

    # ------------------------------------------------------------------ document
    def legend(self) -> None:
        from ...compare.legend import legend_of  # the visual form's alone
        legend = legend_of(self.redline)
        b = self.builder
        fmt = ParaFormat(left_cm=self.ind.get("body_left_cm", 1.27),
                         right_cm=self.ind.get("body_right_cm", 1.27), space_after_pt=2)
        b.paragraph([Run(legend.heading, bold=True, italic=True)], fmt)
        runs = [Run(text, bold=mark in ("ins", "note"), strike=mark == "del",
                    italic=mark == "note") for mark, text in legend.pieces]
        runs[0].text = runs[0].text[:1].upper() + runs[0].text[1:]  # it opens a paragraph
        b.paragraph(runs, ParaFormat(left_cm=fmt.left_cm, right_cm=fmt.right_cm,
                                     space_after_pt=12))

    def texts(self, old: str | None, new: str | None, **fmt) -> list[Run]:
        """A line of the face as the old version's face became the new one's, word by word
        (a line only one face has is wholly inserted or deleted)."""
        if self.was is None or old == new:
            return super().texts(old, new, **fmt)
        runs: list[Run] = []
        for piece in diff_content((Text(old),) if old else (), (Text(new),) if new else ()):
            who = self.redline.default if piece.op != "equal" else None
            runs += self.seg_runs(Segment(piece.op, piece.content, who))
        for r in runs:
            for key, value in fmt.items():
                setattr(r, key, value or getattr(r, key))
        return runs

    def line_format(self, old: str | None, new: str | None, fmt: ParaFormat) -> ParaFormat:
        if self.was is None or self.visual or bool(old) == bool(new):
            return fmt
        who = self.redline.default
        return replace(fmt, mark_change=Change("ins" if new else "del", who.author, who.date))

    def build(self) -> bytes:
        self._move_name = ""
        self.was = self.old_face()
        self.masthead()
        if self.was is None:
            self.track_masthead()
        if self.visual:
            self.legend()
        self.redline_body()
        return self.to_bytes()

    def old_face(self):
        """The old version's face when both versions are issued ones (A/RES to L, L to
        L/Rev., L to A/RES): then every line of the masthead, the running header and
        footer and the closing formula is tracked, so that accepting every change gives
        the new document and rejecting every change the old one."""
        from ...stages import masthead_for
        old, new = self.redline.old.metadata, self.redline.new.metadata
        if not (old.stage and new.stage):
            return None
        before, after = masthead_for(old), masthead_for(new)
        return before if before.issued and after.issued else None

    def track_masthead(self) -> None:
        """The masthead is laid out for the new version; a line that shows a value the old
        version had otherwise (the date, the stage) shows the change, word by word."""
        old, new = self.redline.old.metadata, self.redline.new.metadata
        for key, value in new.items():
            before = old.get(key)
            if not value or not before or before == value:
                continue
            runs: list[Run] = []
            for piece in diff_content((Text(before),), (Text(value),)):
                who = self.redline.default if piece.op != "equal" else None
                runs += self.seg_runs(Segment(piece.op, piece.content, who))
            self.builder.retrack(value, runs)

    def redline_body(self) -> None:
        d, b, ind = self.redline.new, self.builder, self.ind
        if d.metadata.formula:
            b.paragraph([Run(d.metadata.formula, italic=True)],
                        ParaFormat(left_cm=ind.get("body_left_cm", 1.27),
                                   right_cm=ind.get("body_right_cm", 1.27),
                                   first_line_cm=ind.get("preamble_first_line_cm", 1.27),
                                   keep_next=True))
        units = self.redline.units
        closing_done = False
        i = 0
        while i < len(units):
            u = units[i]
            if u.part == "annexes" and not closing_done:
                self.closing()
                closing_done = True
            if u.kind == "table":
                i = self.table_of(units, i)
                continue
            self.paragraph_of(u, units[i - 1] if i else None,
                              units[i + 1] if i + 1 < len(units) else None)
            i += 1
        if not closing_done:
            self.closing()

    def closing(self) -> None:
        """The closing formula, in italics at the column's right edge; when the face
        changes, the old formula's lines are tracked into the new one's."""
        new = list(self.redline.new.metadata.lines("closing"))
        old = list(self.redline.old.metadata.lines("closing")) \
            if self.was is not None else new
        for i in range(max(len(old), len(new))):
            a = old[i] if i < len(old) else None
            b = new[i] if i < len(new) else None
            fmt = ParaFormat(align="right", right_cm=self.ind.get("body_right_cm", 1.27),
                             space_before_pt=self.ind.get("closing_space_before_pt", 12)
                             if i == 0 else 0, space_after_pt=0)
            self.builder.paragraph(self.texts(a, b, italic=True),
                                   self.line_format(a, b, fmt))
        if self.issued:
            self.end_rule()

    def table_of(self, units: list, i: int) -> int:
        """A table unit and the row units after it, as one Word table (rows inserted or
        deleted show their cell text inserted or deleted)."""
        t = units[i]
        if t.unit.title:
            self.paragraph_of(t, None, None)
        rows = []
        j = i + 1
        while j < len(units) and units[j].kind == "row":
            rows.append(units[j])
            j += 1
        columns = max((len(r.contents) for r in rows), default=0)
        if columns:
            table = t.unit
            page = page_setup(self.layout, table.landscape)
            usable = (max(page.width_cm, page.height_cm) if table.landscape else page.width_cm) \
                - page.left_cm - page.right_cm
            if table.rows and max(len(r.cells) for r in table.rows) == columns:
                widths = column_widths(table, usable, self.layout.section("tables"))
            else:
                widths = [usable / columns] * columns
            body, changes = [], []
            for r in rows:
                cells = [self.unit_runs(r, k, base_bold=r.unit.header) for k in range(columns)]
                cells[0] = self.id_anchor(r) + cells[0]
                if r is rows[0] and self.id_anchor(t):
                    cells[0] = self.anchor("tb", t.unit.id) + cells[0]
                body.append((cells, r.unit.header))
                change = None
                if not self.visual and (r.status in (INSERTED, DELETED, MOVED_AWAY) or r.moved):
                    # a row is inserted or deleted as a row (Word has no row moves)
                    kind = "del" if r.status in (DELETED, MOVED_AWAY) else "ins"
                    change = Change(kind, r.who.author, r.who.date)
                changes.append(change)
            self.builder.table(body, widths, row_changes=changes)
        return j


def build_redline_docx(redline: Redline, layout: Layout | None = None, visual: bool = False,
                       comments: dict | None = None) -> bytes:
    return RedlineDocx(redline, layout, visual, comments).build()


def write_redline(redline: Redline, *, visual: bool = False, comments: dict | None = None) -> bytes:
    return build_redline_docx(redline, visual=visual, comments=comments)
