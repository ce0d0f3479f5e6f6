"""Reads a Word draft (.docx) into a Draft: the UN meaning of what ooxml/reader.py found.

Drafts arrive as people write them: numbers typed by hand ("1.<tab>Decides") or made by
Word's automatic numbering, sub-paragraph labels either way, leads in italics or not, real
footnotes, headings, tables in annexes, a masthead above the enacting formula. A .docx built
by `assembler build` also carries each unit's stable id in a hidden bookmark and the draft's
metadata in document properties, so it reads back to the same model even after a delegation
edited it in Word. What cannot be interpreted is kept as text and reported with its place;
no word is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import AssemblerError, Warning_
from ..inline import normalize
from ..leads import italicize_lead, lead_length
from ..model import (Annex, AnnexParagraph, Break, CrossRef, Draft, Footnote, FootnoteRef,
                     Heading, Metadata, OperativeParagraph, PreambularParagraph, Row,
                     SubParagraph, Table, Text)
from ..numbering import DEGREE_STYLES, compute_labels
from ..ooxml.reader import WordDocument, WParagraph, WTable, read_docx, resolve
from ..unit_marks import PROPERTY_PREFIX, parse_unit, parse_xref
from .masthead_docx import read_furniture, read_masthead
from .untext import FORMULA, ImportResult, _LABEL, _cross_refs, _style_of

_OP_NUMBER = re.compile(r"^(\d{1,3}(?: ?(?:bis|ter|quater|quinquies))?)\.(?:\t| +)\s*")
_ANNEX = re.compile(r"^(Annex|Appendix|Attachment)(\s+[IVXLC\d]+)?\s*$", re.I)
_CLOSING = re.compile(r"(plenary meeting|\d{1,2} \w+ \d{4}$)")


@dataclass
class _Unit:
    kind: str                      # pp, op, h, sub, closing
    content: list
    location: str
    uid: str | None = None
    mark: str | None = None        # the label shown: "3.", "(b)"
    degree: int = 0
    numbered: bool = False         # by Word automatic numbering
    style: str | None = None       # list style of the mark, "(a)", "a."
    children: list = field(default_factory=list)


def read_docx_draft(path: Path | str | bytes, changes: str = "accept", **meta: str) -> ImportResult:
    """changes: accept or reject tracked changes before interpreting (see --changes)."""
    doc = read_docx(path)
    file = "<bytes>" if isinstance(path, bytes) else str(path)
    return interpret(doc, file, changes, **meta)


def interpret(doc: WordDocument, file: str, changes: str = "accept", **meta: str) -> ImportResult:
    warnings: list[Warning_] = []
    authors = doc.authors()
    if authors:
        doc = resolve(doc, changes)
        if changes == "accept":
            warnings.append(Warning_(f"tracked changes by {', '.join(authors)} were accepted "
                                     f"(use --changes proposals to keep them as proposals)",
                                     None, file))
    return _Interpreter(doc, file, warnings).run(meta)


class _Interpreter:
    def __init__(self, doc: WordDocument, file: str, warnings: list):
        self.doc = doc
        self.file = file
        self.warnings = warnings
        self.own = any(k.startswith(PROPERTY_PREFIX) for k in doc.properties)
        self.used: set[str] = set()
        self.note_ids: dict[str, str] = {}     # Word footnote id -> our id
        self.notes: dict[str, Footnote] = {}

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(Warning_(f"{where}: {message}", None, self.file))

    # ---------------------------------------------------------------- the whole
    def run(self, meta: dict) -> ImportResult:
        for location, message in self.doc.notes:
            self.warn(location, message)
        blocks = self.doc.blocks
        start = self._formula_index(blocks)
        values: dict[str, str] = {}
        annex_only = False
        if start is not None:
            values.update(read_masthead(blocks[:start], self.warn))
            formula = _text(blocks[start]).strip()
            values["formula"] = formula
            m = FORMULA.match(formula)
            if m:
                values.setdefault("organ", m.group(2))
            body = blocks[start + 1:]
        else:
            first = next((i for i, b in enumerate(blocks) if _unit_of(b)), None)
            if first is None:
                first = next((i for i, b in enumerate(blocks) if _starts_text(b)), None)
                if first is None:
                    raise AssemblerError("no enacting formula ('The General Assembly,'), no "
                                         "numbered paragraph and no table found",
                                         file=self.file, hint="import the Word file of a "
                                                              "draft resolution")
                where = getattr(blocks[first], "location", "")
                self.warn(where, "no enacting formula; the text is read from here, what "
                                 "stands above it as the masthead")
                # a document that opens with a table (a mapping of events) is all annex
                annex_only = isinstance(blocks[first], WTable)
            values.update(read_masthead(blocks[:first], self.warn))
            body = blocks[first:]
        for key, value in read_furniture(self.doc.furniture).items():
            values.setdefault(key, value)
        if self.own:
            # our own file: its properties are the metadata the masthead was drawn from
            values = {k[len(PROPERTY_PREFIX):].replace("-", "_"): v
                      for k, v in self.doc.properties.items() if k.startswith(PROPERTY_PREFIX)}
        given = {k: v for k, v in meta.items() if v}
        if self.own and given.get("version") and given["version"] != values.get("version") \
                and values.get("version") and "based_on" not in given:
            values["based_on"] = values["version"]  # a new version made from the built one
        values.update(given)
        text_part, annex_part = ([], body) if annex_only else self._split_annexes(body)
        units = self._units(text_part)
        preamble, operative, closing = self._structure(units)
        if closing and not values.get("closing"):
            values["closing"] = " / ".join(closing)
        annexes = self._annexes(annex_part)
        draft = Draft(Metadata().with_values(**values), tuple(preamble), tuple(operative),
                      (), tuple(annexes))
        draft = self._finish(draft)
        return ImportResult(draft, self.warnings)

    def _formula_index(self, blocks) -> int | None:
        for i, b in enumerate(blocks):
            if isinstance(b, WParagraph) and _unit_of(b):
                return None  # reached the text without a formula
            if isinstance(b, WParagraph) and FORMULA.match(_text(b).strip()):
                return i
        return None

    def _split_annexes(self, body: list) -> tuple[list, list]:
        for i, b in enumerate(body):
            if not isinstance(b, WParagraph):
                continue
            unit = _unit_of(b)
            if unit and unit[0] == "ax":
                return body[:i], body[i:]
            if not unit and _ANNEX.match(_text(b).strip()):
                return body[:i], body[i:]
        return body, []

    # ---------------------------------------------------------------- paragraphs
    def _units(self, blocks: list) -> list[_Unit]:
        out: list[_Unit] = []
        for b in blocks:
            if isinstance(b, WTable):
                self.warn(b.location, "a table in the text of the resolution; kept in an annex")
                self._stray_tables.append(b)
                continue
            if not _has_content(b) and not _unit_of(b):
                continue
            out.append(self._classify(b))
        return out

    @property
    def _stray_tables(self) -> list:
        if not hasattr(self, "_strays"):
            self._strays = []
        return self._strays

    def _classify(self, p: WParagraph) -> _Unit:
        unit = _unit_of(p)
        content = self._content(p)
        if unit:
            kind, uid = unit
            if kind in ("op",) or kind.startswith("s"):
                mark, content = _split_mark(content)
                degree = int(kind[1:]) if kind.startswith("s") else 0
                return _Unit("sub" if degree else "op", content, p.location, uid, mark, degree,
                             style=_style_of(mark)[0] if mark and degree else None)
            if kind == "h":
                return _Unit("h", _unbold(content), p.location, uid)
            return _Unit("pp", content, p.location, uid)
        if p.numbering is not None and p.numbering.format != "none":
            num = p.numbering
            style = _num_style(num.label, num.format)
            if num.format == "bullet":
                self.warn(p.location, "a bulleted item; read as a lettered sub-paragraph")
                return _Unit("sub", content, p.location, None, None, max(num.level, 1), True)
            if num.level == 0 and num.format == "decimal":
                return _Unit("op", content, p.location, None, num.label, 0, True)
            degree = num.level if num.level > 0 else _degree_of_style(style)
            return _Unit("sub", content, p.location, None, num.label, degree, True, style)
        text = _plain(content)
        m = _OP_NUMBER.match(text)
        if m:
            return _Unit("op", _drop(content, m.end()), p.location, None, m.group(1) + ".")
        m = _LABEL.match(text)
        if m and m.group(4):
            label = m.group(1)
            return _Unit("sub", _drop(content, m.start(4)), p.location, None, label, 0,
                         style=_style_of(label)[0])
        if self._is_heading(p, content):
            return _Unit("h", _unbold(content), p.location)
        if p.align == "right" and _CLOSING.search(text.strip()):
            return _Unit("closing", content, p.location)
        return _Unit("text", content, p.location)

    @staticmethod
    def _is_heading(p: WParagraph, content: list) -> bool:
        if p.outline is not None or p.style_name.lower().startswith("heading"):
            return True
        texts = [c for c in content if isinstance(c, Text) and c.text.strip()]
        text = _plain(content).strip()
        return bool(texts) and all(c.bold for c in texts) and len(text) < 120 \
            and not text.endswith((",", ";", ".", ":"))

    def _content(self, p: WParagraph) -> list:
        """Runs to inline content: formats, footnote markers, cross-references, breaks."""
        out: list = []
        xref_open = None
        for r in p.runs:
            name = next((b for b in r.bookmarks if parse_xref(b)), None)
            if name:
                if xref_open != name:
                    out.append(CrossRef(parse_xref(name)))
                xref_open = name
                continue
            xref_open = None
            if r.footnote is not None:
                out.append(FootnoteRef(self._note(r.footnote, p.location)))
            elif r.line_break:
                out.append(Break())
            elif r.text:
                out.append(Text(r.text, r.italic, r.bold, r.sup))
        return out

    def _note(self, word_id: str, where: str) -> str:
        if word_id in self.note_ids:
            return self.note_ids[word_id]
        paras = self.doc.footnotes.get(word_id)
        if paras is None:
            self.warn(where, f"footnote reference {word_id} has no footnote text; kept empty")
            paras = ()
        own = next((parse_unit(s)[1] for p in paras for s in p.starts
                    if parse_unit(s) and parse_unit(s)[0] == "fn"), None)
        content: list = []
        for k, para in enumerate(paras):
            if k:
                content.append(Break())
            content += self._content(para)
        content = _strip_start(content, own is not None)
        if own is None:
            # the same words under two markers: one footnote (as the seed's footnote 1)
            same = next((f for f in self.notes.values()
                         if f.content == tuple(normalize(content)) and content), None)
            if same is not None:
                self.note_ids[word_id] = same.id
                return same.id
        if own and own in self.notes:
            self.note_ids[word_id] = own
            if tuple(normalize(content)) != self.notes[own].content:
                self.warn(f"footnote {word_id}", f"repeats footnote {own} with other words; "
                                                 f"kept the first text")
            return own
        fid = own if own and own not in self.used else self._fresh(f"fn{len(self.notes) + 1}")
        self.used.add(fid)
        self.note_ids[word_id] = fid
        self.notes[fid] = Footnote(fid, tuple(normalize(content)))
        return fid

    # ---------------------------------------------------------------- structure
    def _structure(self, units: list[_Unit]):
        preamble: list = []
        ops: list[_Unit] = []          # ops and headings
        closing: list[str] = []
        last: _Unit | None = None
        for u in units:
            if u.kind == "closing" and ops:
                closing.append(_plain(u.content).strip())
                continue
            if u.kind == "closing":
                u.kind = "text"
            if u.kind == "pp":
                preamble.append(u)
                last = u
            elif u.kind in ("op", "h"):
                ops.append(u)
                last = u
            elif u.kind == "sub":
                parent = next((o for o in reversed(ops) if o.kind == "op"), None)
                if parent is None:
                    parent = _Unit("op", [], u.location)
                    ops.append(parent)
                    self.warn(u.location, "a sub-paragraph before any operative paragraph; "
                                          "an empty operative paragraph holds it")
                self._place_sub(parent, u)
                last = u
            else:  # plain text: a preambular paragraph, or the rest of the unit above
                text = _plain(u.content).strip()
                if not ops and not (lead_length(text, "op") and not lead_length(text, "pp")
                                    and text.endswith((".", ";"))):
                    u.kind = "pp"
                    preamble.append(u)
                    last = u
                elif last is not None and last.kind != "h" and (text[:1].islower()
                                                                 or not _ends(last.content)):
                    last.content = last.content + [Text(" ")] + u.content
                    self.warn(u.location, "joined to the paragraph above (no number or label, "
                                          "and it continues that sentence)")
                else:
                    u.kind = "op"
                    ops.append(u)
                    last = u
                    self.warn(u.location, "a paragraph without number; kept as an "
                                          "operative paragraph, numbered by position")
        pp_units = [PreambularParagraph(self._id(u.uid, f"pp{i}"), self._lead(u, "pp"))
                    for i, u in enumerate(preamble, 1)]
        op_items: list = []
        n = h = 0
        for u in ops:
            if u.kind == "h":
                h += 1
                op_items.append(Heading(self._id(u.uid, f"h{h}"), normalize(u.content)))
                continue
            n += 1
            if u.mark and u.mark.rstrip(".") != str(n) and not u.uid:
                self.warn(u.location, f"paragraph numbered {u.mark} stands at position {n}; "
                                      f"numbered by position")
            uid = self._id(u.uid, f"op{n}")
            children = self._subs(u, uid, 1)
            style = _children_style(u, 1)
            op_items.append(OperativeParagraph(uid, self._lead(u, "op"), children, style))
        return pp_units, op_items, closing

    def _place_sub(self, op: _Unit, u: _Unit) -> None:
        """Attach a sub-paragraph at the degree its numbering level or label says."""
        if u.degree:
            parent = op
            for _ in range(u.degree - 1):
                if not parent.children:
                    self.warn(u.location, "a sub-paragraph deeper than its parent; attached "
                                          "one degree up")
                    break
                parent = parent.children[-1]
            parent.children.append(u)
            return
        # a typed label: find the open list it continues, else open a deeper one
        chain = [op]
        while chain[-1].children:
            chain.append(chain[-1].children[-1])
        candidates = _candidates(u.mark)
        for level in range(len(chain) - 2, -1, -1):
            sibling = chain[level + 1]
            for style, value in candidates:
                if sibling.style == style and _value(sibling.mark, style) == value - 1:
                    u.style, u.degree = style, level + 1
                    chain[level].children.append(u)
                    return
        opens = any(v == 1 for _, v in candidates) and len(chain) > 1
        for level in ([] if opens else range(len(chain) - 2, -1, -1)):
            sibling = chain[level + 1]
            for style, value in candidates:
                if sibling.style == style:
                    u.style, u.degree = style, level + 1
                    chain[level].children.append(u)
                    self.warn(u.location, f"label {u.mark} does not follow {sibling.mark}; "
                                          f"kept in that list, labelled by position")
                    return
        parent = chain[-1]
        if parent is not op and parent.kind != "sub":
            parent = op
        u.degree = len(chain)
        first = next(((s, v) for s, v in candidates if v == 1), candidates[0])
        u.style = first[0]
        parent.children.append(u)

    def _subs(self, node: _Unit, uid: str, degree: int) -> tuple:
        out = []
        labels_seen: set[str] = set()
        for count, child in enumerate(node.children, 1):
            part = (child.mark or "").strip("().").rstrip(")")[:4] or str(count)
            if part in labels_seen:
                part = f"{part}{count}"
            labels_seen.add(part)
            cid = self._id(child.uid, f"{uid}.{part}")
            grand = self._subs(child, cid, degree + 1)
            out.append(SubParagraph(cid, self._lead(child, "sub"), grand,
                                    _children_style(child, degree + 1),
                                    _continues(node, child)))
        return tuple(out)

    def _lead(self, u: _Unit, kind: str) -> tuple:
        content = normalize(u.content)
        if self.own and u.uid:
            return content
        return italicize_lead(_strip_ends(content), kind)

    def _id(self, own: str | None, guess: str) -> str:
        if own and own not in self.used:
            self.used.add(own)
            return own
        fid = self._fresh(guess)
        self.used.add(fid)
        return fid

    def _fresh(self, guess: str) -> str:
        taken = self.used | self._bookmarked()
        if guess not in taken:
            return guess
        k = 2
        while f"{guess}-{k}" in taken:
            k += 1
        return f"{guess}-{k}"

    def _bookmarked(self) -> set:
        if not hasattr(self, "_all_marks"):
            self._all_marks = {parse_unit(s)[1] for p in self.doc.paragraphs() for s in p.starts
                               if parse_unit(s)}
        return self._all_marks

    # ---------------------------------------------------------------- annexes
    def _annexes(self, blocks: list) -> list:
        blocks = blocks + self._stray_tables
        annexes: list = []
        current = None
        body: list = []
        pending_title = None

        def close():
            if current is not None:
                annexes.append(replace(current, body=tuple(body)))

        for b in blocks:
            if isinstance(b, WTable):
                if current is None:
                    current = Annex(self._id(None, f"annex{len(annexes) + 1}"), (Text("Annex"),))
                    body = []
                body.append(self._table(b, current.id, pending_title, len(body)))
                pending_title = None
                continue
            unit = _unit_of(b)
            if not _has_content(b) and not unit:
                continue
            content = self._content(b)
            if (unit and unit[0] == "ax") or (not unit and _ANNEX.match(_plain(content).strip())):
                close()
                aid = self._id(unit[1] if unit else None, f"annex{len(annexes) + 1}")
                current, body = Annex(aid, normalize(_unbold(content))), []
                continue
            if pending_title is not None:
                body.append(self._annex_paragraph(*pending_title, current))
                pending_title = None
            if unit and unit[0] == "tt":
                pending_title = (unit[1], normalize(_unbold(content)), b)
                continue
            if current is None:
                current, body = Annex(self._id(None, "annex1"), ()), []
            if b.numbering is not None and b.numbering.label and not unit:
                # a numbered list in an annex: the numbers are words of the text here
                content = [Text(b.numbering.label + " ")] + content
            body.append(self._annex_paragraph(unit[1] if unit else None, normalize(content), b,
                                              current))
        if pending_title is not None:
            body.append(self._annex_paragraph(*pending_title, current))
        close()
        return annexes

    def _annex_paragraph(self, uid, content, p, annex) -> AnnexParagraph:
        counts = self.__dict__.setdefault("_annex_counts", {})
        counts[annex.id] = n = counts.get(annex.id, 0) + 1
        content = content if (self.own and uid) else _strip_ends(content)
        return AnnexParagraph(self._id(uid, f"{annex.id}.p{n}"), tuple(content))

    def _table(self, t: WTable, annex_id: str, title, position: int) -> Table:
        first = t.rows[0].cells[0].paragraphs[0] if t.rows and t.rows[0].cells and \
            t.rows[0].cells[0].paragraphs else None
        own_tid = next((parse_unit(s)[1] for s in (first.starts if first else ())
                        if parse_unit(s) and parse_unit(s)[0] == "tb"), None)
        tid = self._id(own_tid or (title[0] if title else None), f"t{t.index}")
        rows = []
        for k, r in enumerate(t.rows):
            head = r.cells[0].paragraphs[0] if r.cells and r.cells[0].paragraphs else None
            own_rid = next((parse_unit(s)[1] for s in (head.starts if head else ())
                            if parse_unit(s) and parse_unit(s)[0] == "r"), None)
            cells = []
            for cell in r.cells:
                content: list = []
                for i, para in enumerate(cell.paragraphs):
                    if i and (content or _has_content(para)):
                        content.append(Break())
                    content += self._content(para)
                while content and isinstance(content[-1], Break):
                    content.pop()
                content = normalize(content)
                cells.append(tuple(_unbold(list(content))) if r.header else content)
            rows.append(Row(self._id(own_rid, f"{tid}.r{k}"), tuple(normalize(c) for c in cells),
                            r.header))
        return Table(tid, tuple(rows), tuple(title[1]) if title else ())

    # ---------------------------------------------------------------- checks
    def _finish(self, draft: Draft) -> Draft:
        notes = tuple(self.notes.values())
        draft = replace(draft, footnotes=notes)
        if not self.own:
            draft = _foreign_cross_refs(draft)
        return draft


# -------------------------------------------------------------------- helpers

def _text(b) -> str:
    return b.text if isinstance(b, WParagraph) else ""


def _unit_of(b) -> tuple[str, str] | None:
    if not isinstance(b, WParagraph):
        return None
    for name in b.starts:
        parsed = parse_unit(name)
        if parsed and parsed[0] not in ("fn", "r", "tb"):
            return parsed
    return None


def _starts_text(b) -> bool:
    """Where the text of a draft without enacting formula begins: a table, a numbered
    paragraph, or an annex heading."""
    if isinstance(b, WTable):
        return True
    if b.numbering is not None and b.numbering.format not in ("none", "bullet"):
        return True
    text = b.text.strip()
    return bool(_OP_NUMBER.match(text) or _ANNEX.match(text))


def _has_content(p: WParagraph) -> bool:
    return any((r.text.strip() and not r.tab) or r.footnote is not None for r in p.runs)


def _plain(content) -> str:
    return "".join(c.text if isinstance(c, Text) else ("\n" if isinstance(c, Break) else "")
                   for c in content)


def _drop(content: list, n: int) -> list:
    """Content without its first n characters (a typed number or label)."""
    out, remaining = [], n
    for item in content:
        if remaining > 0 and isinstance(item, Text):
            if len(item.text) <= remaining:
                remaining -= len(item.text)
                continue
            item = replace(item, text=item.text[remaining:])
            remaining = 0
        out.append(item)
    return out


def _split_mark(content: list) -> tuple[str | None, list]:
    """'(a)<tab>text' as the writer made it -> ('(a)', text)."""
    text = _plain(content)
    if "\t" not in text:
        return None, content
    head = text.split("\t", 1)[0]
    return head.strip() or None, _drop(content, len(head) + 1)


def _strip_ends(content) -> list:
    """Foreign text: no spaces at the ends, tabs inside read as spaces."""
    content = [replace(c, text=c.text.replace("\t", " ")) if isinstance(c, Text) else c
               for c in content]
    if content and isinstance(content[0], Text):
        content[0] = replace(content[0], text=content[0].text.lstrip())
    if content and isinstance(content[-1], Text):
        content[-1] = replace(content[-1], text=content[-1].text.rstrip())
    return list(normalize(content))


def _strip_start(content: list, own: bool) -> list:
    """The space Word puts after a footnote's own number."""
    if content and isinstance(content[0], Text):
        t = content[0].text
        t = t[1:] if own and t.startswith(" ") else (t if own else t.lstrip())
        content = [replace(content[0], text=t)] + content[1:]
    if not own and content and isinstance(content[-1], Text):
        content[-1] = replace(content[-1], text=content[-1].text.rstrip())
    return content


def _unbold(content):
    """Headings and titles are bold by layout, not by meaning."""
    return [replace(c, bold=False) if isinstance(c, Text) else c for c in content]


def _ends(content) -> bool:
    return _plain(content).rstrip().endswith((";", ".", ":", ","))


def _num_style(label: str, fmt: str) -> str | None:
    token = {"decimal": "1", "lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i",
             "upperRoman": "I"}.get(fmt)
    if token is None:
        return None
    m = re.match(r"^(\(?)[A-Za-z0-9]+([.)]?)$", label.strip())
    return f"{m.group(1)}{token}{m.group(2)}" if m else None


def _degree_of_style(style: str | None) -> int:
    for degree, s in DEGREE_STYLES.items():
        if s == style:
            return degree
    return 1


def _candidates(mark: str | None) -> list[tuple[str, int]]:
    """A typed label's possible (style, value): '(i)' is roman one or the letter nine."""
    if not mark:
        return [("(a)", 1)]
    style, value = _style_of(mark)
    out = [(style, value)]
    core = mark.strip("().")
    if "i" in style or "I" in style:
        if len(core) == 1:
            letter = style.replace("i", "a").replace("I", "A")
            out.append((letter, ord(core.lower()) - 96))
    elif re.fullmatch(r"[ivxlIVXL]+", core) and len(core) == 1:
        roman = style.replace("a", "i").replace("A", "I")
        from .untext import _roman_value
        out.append((roman, _roman_value(core.lower())))
    return out


def _value(mark: str | None, style: str) -> int:
    for s, v in _candidates(mark):
        if s == style:
            return v
    return 0


def _children_style(u: _Unit, degree: int) -> str | None:
    if not u.children:
        return None
    style = u.children[0].style
    return None if style is None or style == DEGREE_STYLES.get(degree) else style


def _continues(parent: _Unit, child: _Unit) -> bool:
    """Whether child's list goes on from its previous siblings' lists (op 14's group B)."""
    if not child.children:
        return False
    before = 0
    for sib in parent.children:
        if sib is child:
            break
        before = before + len(sib.children) if sib.children and _continues(parent, sib) \
            else len(sib.children)
    first = child.children[0]
    return before > 0 and _value(first.mark, first.style or "") == before + 1


def _foreign_cross_refs(draft: Draft) -> Draft:
    """'paragraphs 14 and 19' in a foreign file point at this draft's operative paragraphs."""
    op_ids = {i: op.id for i, op in enumerate(draft.operative_paragraphs(), 1)}

    def fix(content):
        out: list = []
        for item in content:
            if isinstance(item, Text) and not item.italic and not item.bold and not item.sup:
                out += _cross_refs(item.text, op_ids)
            else:
                out.append(item)
        return normalize(out)

    def sub(u):
        return replace(u, content=fix(u.content), children=tuple(sub(c) for c in u.children))

    ops = tuple(sub(u) if isinstance(u, OperativeParagraph) else u for u in draft.operative)
    pre = tuple(replace(p, content=fix(p.content)) for p in draft.preamble)
    return replace(draft, preamble=pre, operative=ops)
