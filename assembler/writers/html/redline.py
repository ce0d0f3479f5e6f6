"""Redline -> HTML in bold/strike-out form: <ins> in bold, <del> struck out, moves announced
where a paragraph left and where it arrived, a legend at the top, footnotes (with their own
changes) at the end, and preview conflicts as notes under the paragraph they concern.
Readable in black and white; the page skeleton and CSS are templates/redline.html.j2."""
from __future__ import annotations

from html import escape

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


class RedlineHtml:
    def __init__(self, redline: Redline, comments: dict | None = None):
        self.r = redline
        self.comments = comments or {}
        self.notes: list[str] = []
        self.old_of_new = redline.alignment.pairs()
        self.lang = language_of(redline.new.metadata)
        self.words = self.lang.redline

    def inline(self, seg: Segment) -> str:
        side = "old" if seg.op == DELETE else "new"
        labels = self.r.old_labels if side == "old" else self.r.new_labels
        out = []
        for item in seg.content:
            if isinstance(item, Text):
                s = escape(item.text)
                if item.sup:
                    s = f"<sup>{s}</sup>"
                if item.bold:
                    s = f"<b>{s}</b>"
                if item.italic:
                    s = f"<i>{s}</i>"
                out.append(s)
            elif isinstance(item, CrossRef):
                lab = labels.get(item.target)
                number = lab.number if lab else item.target
                old_number = self.r.old_number(item.target) if seg.op == "equal" else None
                if old_number is not None and old_number != number:
                    out.append(f"<del>{escape(old_number)}</del><ins>{escape(number)}</ins>")
                else:
                    out.append(escape(number))
            elif isinstance(item, FootnoteRef):
                self.notes.append(self.note(side, item.footnote, seg.op))
                n = len(self.notes)
                out.append(f'<sup><a href="#fn{n}" id="fnref{n}">{n}</a></sup>')
            elif isinstance(item, Break):
                out.append("<br>")
        text = "".join(out)
        if seg.op == INSERT:
            return f'<ins title="{escape(seg.who.author if seg.who else "")}">{text}</ins>'
        if seg.op == DELETE:
            return f'<del title="{escape(seg.who.author if seg.who else "")}">{text}</del>'
        return text

    def note(self, side: str, fid: str, op: str) -> str:
        body = "".join(self.inline(s) for s in self.r.note(side, fid).contents)
        if op == INSERT:
            body = f"<ins>{body}</ins>"
        elif op == DELETE:
            body = f"<del>{body}</del>"
        return body

    def segments(self, u: RedlineUnit, k: int = 0) -> str:
        segs = u.contents[k] if k < len(u.contents) else ()
        parts, previous = [], None
        for seg in segs:
            if touching(previous, seg):  # "73rd seventy-third", not "73rdseventy-third"
                parts.append("<del> </del>" if previous.op == DELETE else "<ins> </ins>")
            parts.append(self.inline(seg))
            previous = seg
        return "".join(parts)

    def unit(self, u: RedlineUnit) -> str:
        kind = u.kind
        num = escape(u.mark)
        note = ""
        if u.status == MOVED_AWAY:
            note = self.move_note("moved-to", u.move_other)
        elif u.moved:
            note = self.move_note("moved-from", u.move_other)
        if u.status == INSERTED and num:
            num = f"<ins>{num}</ins>"
        elif u.status == MOVED_AWAY:
            num = ""  # its old number would read as a new one: the note says where it went
        elif u.status == DELETED and num:
            num = f"<del>{num}</del>"
        text = note + self.segments(u)
        cls = {"p": "pp"}.get(kind, kind)
        style = f' style="--degree: {u.degree}"' if kind == "sub" else ""
        if kind in ("op", "sub") and (num or u.status == MOVED_AWAY and u.mark):
            html = (f'<p class="unit {cls}"{style} id="{escape(u.unit.id)}">'
                    f'<span class="num">{num}</span><span>{text}</span></p>')
        else:
            html = f'<p class="unit {cls}" id="{escape(u.unit.id)}">{text}</p>'
        if u.status != MOVED_AWAY:
            for text_, who in self.comments.get(u.unit.id, ()):
                html += f'\n<aside class="conflict">{escape(text_)}</aside>'
        return html

    def move_note(self, key: str, place: str) -> str:
        return f'<span class="move-note">{escape(self.words[key].format(place=place))}</span> '

    def table(self, units: list, i: int) -> tuple[str, int]:
        t = units[i]
        parts = [self.unit(t)] if t.unit.title else []
        rows = []
        j = i + 1
        while j < len(units) and units[j].kind == "row":
            r = units[j]
            tag = "th" if r.unit.header else "td"
            cells = "".join(f"<{tag}>{self.segments(r, k)}</{tag}>" for k in range(len(r.contents)))
            if r.status == INSERTED:
                cells = cells.replace(f"<{tag}>", f"<{tag}><ins>").replace(f"</{tag}>", f"</ins></{tag}>")
            rows.append(f"<tr>{cells}</tr>")
            j += 1
        parts.append("<table>" + "".join(rows) + "</table>")
        return "\n".join(parts), j

    def legend(self) -> str:
        legend = legend_of(self.r)
        tags = {"ins": ("<ins>", "</ins>"), "del": ("<del>", "</del>"),
                "note": ('<span class="move-note">', "</span>"), "": ("", "")}
        sentence = "".join(tags[mark][0] + escape(text) + tags[mark][1]
                           for mark, text in legend.pieces)
        margin = f" {escape(legend.margin_notes)}" if self.comments else ""
        return (f'<div class="legend"><b><i>{escape(legend.heading)}</i></b> {sentence}{margin}'
                '</div>')

    def render(self) -> str:
        meta = self.r.new.metadata
        parts = []
        if meta.date:
            parts.append(f'<p class="date">{escape(meta.date)}</p>')
        if meta.title:
            parts.append(f"<h1>{escape(meta.title)}</h1>")
        if meta.stage_label:
            parts.append(f'<p class="stage">{escape(meta.stage_label)}</p>')
        parts.append(self.legend())
        if meta.formula:
            parts.append(f'<p class="unit formula">{escape(meta.formula)}</p>')
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
            items = "".join(f'<li id="fn{n}">{body} <a href="#fnref{n}">&#8617;</a></li>'
                            for n, body in enumerate(self.notes, 1))
            parts.append(f'<section class="notes"><ol>{items}</ol></section>')
        title = self.words["title"].format(title=meta.title) if meta.title \
            else self.words["untitled"]
        from ...stages import masthead_for
        face = masthead_for(meta) if meta.stage else None   # the new version's paper
        return environment(TEMPLATES, trim=False).get_template("redline.html.j2").render(
            title=title, lang=self.lang.html, body=Markup("\n".join(parts)),
            page_rule=page_rule(issued=bool(face and face.issued)))

    def closing(self) -> list[str]:
        return [f'<p class="date">{escape(line)}</p>'
                for line in self.r.new.metadata.lines("closing")]


def build_redline_html(redline: Redline, comments: dict | None = None) -> bytes:
    return RedlineHtml(redline, comments).render().encode("utf-8")


def write_redline(redline: Redline, *, visual: bool = False, comments: dict | None = None) -> bytes:
    return build_redline_html(redline, comments)  # HTML is always bold and struck out
