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
from dataclasses import replace
from pathlib import Path

from ..dates import unbind_dates
from ..errors import AssemblerError, Warning_
from ..inline import normalize
from ..leads import italicize_lead, lead_length
from ..model import (Annex, AnnexParagraph, Break, CrossRef, Draft, Footnote, FootnoteRef,
                     Heading, Metadata, OperativeParagraph, PreambularParagraph, Row,
                     SubParagraph, Table, Text, in_later_part)
from ..ooxml.changes import resolve
from ..ooxml.reader import WordDocument, WParagraph, WTable, current_memo, read_docx
from ..unit_marks import PROPERTY_PREFIX, parse_unit, parse_xref
from .ids import child_id
from .lists import (ListUnit, label_candidates, children_style, list_continues, degree_of_style,
                    num_style, label_value)
from .masthead_docx import read_furniture, read_masthead
from .docx_text import (ANNEX, OP_NUMBER, drop, ends_clause, foreign_cross_refs, has_content,
                        content_text, split_mark, starts_text, strip_ends, strip_start, block_text,
                        unbold, unit_of)
from .word_refs import astray, printed_refs, typed_over, unrenumbered
from .untext import FORMULA, ImportResult, LABEL, style_of

_CLOSING = re.compile(r"(plenary meeting|\d{1,2} \w+ \d{4}$)")


def read_docx_draft(path: Path | str | bytes, changes: str = "accept",
                    base: Draft | None = None, **meta: str) -> ImportResult:
    """changes: accept or reject tracked changes before interpreting (see --changes);
    base: the draft the file was made from (see interpret)."""
    doc = read_docx(path)
    file = "<bytes>" if isinstance(path, bytes) else str(path)
    return interpret(doc, file, changes, base=base, **meta)


def interpret(doc: WordDocument, file: str, changes: str = "accept", *,
              comments: bool = True, typed: frozenset = frozenset(), base: Draft | None = None,
              before: Draft | None = None, **meta: str) -> ImportResult:
    """With `comments`, each Word comment gets a warning naming its paragraph: a comment is
    no part of the draft's text, and the draft keeps none. `typed`: the cross-references
    someone typed over (typed_over, taken before the changes were resolved). `base`: the
    draft the file was made from; `before`: the file's text before its tracked changes, when
    `doc` is already one author's view. A reference printing a number its target has in
    none of them was typed over without Track Changes: kept as typed when the base says so,
    else read by its target with a warning (word_refs)."""
    warnings: list[Warning_] = []
    if comments:
        warnings += [comment_left_out(doc, place, file) for place in doc.comment_places]
    source, authors = doc, doc.authors()
    if authors:
        if changes == "accept":
            typed = typed | frozenset(typed_over(doc))
        doc = resolve(doc, changes)
        if changes == "accept":
            warnings.append(Warning_(f"tracked changes by {', '.join(authors)} were accepted "
                                     f"(use --changes proposals to keep them as proposals)",
                                     None, file))
    result = _Interpreter(doc, file, list(warnings), typed).run(meta)
    printed = [p for p in printed_refs(doc) if p.bookmark not in typed]
    odd = astray(printed, [d for d in (result.draft, base, before) if d is not None])
    if odd and authors and before is None and changes == "accept":
        odd = astray(odd, [interpret(resolve(source, "reject"), file, comments=False).draft])
    if odd and base is not None:
        kept = frozenset(p.bookmark for p in odd)
        return _Interpreter(doc, file, warnings, typed | kept, kept).run(meta)
    result.warnings += [unrenumbered(p, result.draft, file) for p in odd]
    return result


def comment_left_out(doc: WordDocument, place: tuple, file: str) -> Warning_:
    """The warning for a comment the draft does not keep: who, where, what it says."""
    author, text, location = place
    return Warning_(f"{commented(doc, location)}: a comment by {author} is not part of the "
                    f"draft's text and is left out: “{_short(text)}” (with --changes "
                    f"proposals a comment by an author of tracked changes is kept as the "
                    f"rationale of that author's proposal)", None, file)


def commented(doc: WordDocument, location: str) -> str:
    """Where a comment stands: its paragraph and the paragraph's opening words."""
    if not location:
        return "a comment anchored nowhere in the text"
    para = next((p for p in doc.paragraphs() if p.location == location), None)
    return f"{location} (“{_short(para.text)}”)" if para is not None and para.text.strip() \
        else location


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


class _Interpreter:
    def __init__(self, doc: WordDocument, file: str, warnings: list, typed: frozenset = frozenset(),
                 untracked: frozenset = frozenset()):
        self.doc = doc
        self.typed = typed
        self.untracked = untracked      # of `typed`, those typed with Track Changes off
        self.file = file
        self.warnings = warnings
        self.own = any(k.startswith(PROPERTY_PREFIX) for k in doc.properties)
        self.used: set[str] = set()
        self.note_ids: dict[str, str] = {}     # Word footnote id -> our id
        self.notes: dict[str, Footnote] = {}
        memo = current_memo()   # read with another file: their shared paragraphs' content
        self.derived: dict[int, tuple] | None = memo.derived if memo is not None else None

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
            formula = block_text(blocks[start]).strip()
            values["formula"] = formula
            m = FORMULA.match(formula)
            if m:
                values.setdefault("organ", m.group(2))
            body = blocks[start + 1:]
        else:
            first = next((i for i, b in enumerate(blocks) if unit_of(b)), None)
            if first is None:
                first = next((i for i, b in enumerate(blocks) if starts_text(b)), None)
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
            if isinstance(b, WParagraph) and unit_of(b):
                return None  # reached the text without a formula
            if isinstance(b, WParagraph) and FORMULA.match(block_text(b).strip()):
                return i
        return None

    def _split_annexes(self, body: list) -> tuple[list, list]:
        for i, b in enumerate(body):
            if not isinstance(b, WParagraph):
                continue
            unit = unit_of(b)
            if unit and unit[0] == "ax":
                return body[:i], body[i:]
            if not unit and ANNEX.match(block_text(b).strip()):
                return body[:i], body[i:]
        return body, []

    # ---------------------------------------------------------------- paragraphs
    def _units(self, blocks: list) -> list[ListUnit]:
        out: list[ListUnit] = []
        for b in blocks:
            if isinstance(b, WTable) and not any(
                    block_text(p).strip() for row in b.rows for cell in row.cells
                    for p in cell.paragraphs):
                continue  # a rule drawn as an empty table (the UN's short rule at the end)
            if isinstance(b, WTable):
                self.warn(b.location, "a table in the text of the resolution; kept in an annex")
                self._stray_tables.append(b)
                continue
            if not has_content(b) and not unit_of(b):
                continue
            out.append(self._classify(b))
        return out

    @property
    def _stray_tables(self) -> list:
        if not hasattr(self, "_strays"):
            self._strays = []
        return self._strays

    def _classify(self, p: WParagraph) -> ListUnit:
        unit = unit_of(p)
        content = self._content(p)
        if unit:
            kind, uid = unit
            if kind in ("op",) or kind.startswith("s"):
                degree = int(kind[1:]) if kind.startswith("s") else 0
                num = p.numbering
                if num is not None and num.format not in ("none", "bullet") and num.label:
                    # numbered by Word (as `build` writes it): the label is not in the text
                    mark, style = num.label, num_style(num.label, num.format)
                else:
                    mark, content = split_mark(content)
                    style = style_of(mark)[0] if mark else None
                return ListUnit("sub" if degree else "op", content, p.location, uid, mark, degree,
                             style=style if degree else None)
            if kind == "h":
                return ListUnit("h", unbold(content), p.location, uid)
            if kind == "pt":  # a part's heading: its numeral, a line break, its title
                at = next((k for k, c in enumerate(content) if isinstance(c, Break)), -1)
                return ListUnit("pt", unbold(content[at + 1:]), p.location, uid)
            return ListUnit("pp", content, p.location, uid)
        if p.numbering is not None and p.numbering.format != "none":
            num = p.numbering
            style = num_style(num.label, num.format)
            if num.format == "bullet":
                self.warn(p.location, "a bulleted item; read as a lettered sub-paragraph")
                return ListUnit("sub", content, p.location, None, None, max(num.level, 1), True)
            if num.level == 0 and num.format == "decimal":
                return ListUnit("op", content, p.location, None, num.label, 0, True)
            degree = num.level if num.level > 0 else degree_of_style(style)
            return ListUnit("sub", content, p.location, None, num.label, degree, True, style)
        text = content_text(content)
        m = OP_NUMBER.match(text)
        if m:
            return ListUnit("op", drop(content, m.end()), p.location, None, m.group(1) + ".")
        m = LABEL.match(text)
        if m and m.group(4):
            label = m.group(1)
            return ListUnit("sub", drop(content, m.start(4)), p.location, None, label, 0,
                         style=style_of(label)[0])
        if self._is_heading(p, content):
            return ListUnit("h", unbold(content), p.location)
        if p.align == "right" and _CLOSING.search(text.strip()):
            return ListUnit("closing", content, p.location)
        return ListUnit("text", content, p.location)

    @staticmethod
    def _is_heading(p: WParagraph, content: list) -> bool:
        if p.outline is not None or p.style_name.lower().startswith("heading"):
            return True
        texts = [c for c in content if isinstance(c, Text) and c.text.strip()]
        text = content_text(content).strip()
        return bool(texts) and all(c.bold for c in texts) and len(text) < 120 \
            and not text.endswith((",", ";", ".", ":"))

    def _content(self, p: WParagraph) -> list:
        """Runs to inline content: formats, footnote markers, cross-references, breaks.
        Runs another file read together shares (the same paragraph XML) are made content
        once, unless they hold a footnote marker (its note is this file's)."""
        derived = self.derived
        if derived is not None:
            known = derived.get(id(p.runs))
            if known is not None and known[0] is p.runs:
                return list(known[1])
            out = self._content_of(p)
            if not any(r.footnote is not None for r in p.runs):
                derived[id(p.runs)] = (p.runs, tuple(out))
            return out
        return self._content_of(p)

    def _content_of(self, p: WParagraph) -> list:
        out: list = []
        xref_open = None
        for r in p.runs:
            name = next((b for b in r.bookmarks if parse_xref(b)), None)
            if name in self.typed:
                if xref_open != name:
                    how = "without Track Changes: its number in neither this file nor the " \
                          "base" if name in self.untracked else "a tracked change"
                    self.warn(p.location, f"the reference to {parse_xref(name)} was typed over "
                                          f"({how}); the words typed are kept as text")
                xref_open = name
                out.append(Text(r.text, r.italic, r.bold, r.sup))
                continue
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
                # the no-break space an issued face binds a date with (dates.bind_dates)
                out.append(Text(unbind_dates(r.text), r.italic, r.bold, r.sup))
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
        content = strip_start(content, own is not None)
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
    def _structure(self, units: list[ListUnit]):
        preamble: list = []
        ops: list[ListUnit] = []          # ops and headings
        closing: list[str] = []
        last: ListUnit | None = None
        for u in units:
            if u.kind == "closing" and ops:
                closing.append(content_text(u.content).strip())
                continue
            if u.kind == "closing":
                u.kind = "text"
            if u.kind == "pp":
                if ops and all(o.kind in ("h", "pt") for o in ops):
                    preamble += ops  # headings over preambular paragraphs
                    ops = []
                later = in_later_part(["part" if o.kind == "pt" else o.kind for o in ops])
                (ops if later else preamble).append(u)
                last = u
            elif u.kind in ("op", "h", "pt"):
                ops.append(u)
                last = u
            elif u.kind == "sub":
                parent = next((o for o in reversed(ops) if o.kind in ("op", "pp")), None)
                if parent is None and preamble:  # a preambular paragraph's own list
                    parent = preamble[-1]
                if parent is None:
                    parent = ListUnit("op", [], u.location)
                    ops.append(parent)
                    self.warn(u.location, "a sub-paragraph before any operative paragraph; "
                                          "an empty operative paragraph holds it")
                self._place_sub(parent, u)
                last = u
            else:  # plain text: a preambular paragraph, or the rest of the unit above
                text = content_text(u.content).strip()
                if not ops and not (lead_length(text, "op") and not lead_length(text, "pp")
                                    and text.endswith((".", ";"))):
                    u.kind = "pp"
                    preamble.append(u)
                    last = u
                elif last is not None and last.kind != "h" and (text[:1].islower()
                                                                 or not ends_clause(last.content)):
                    last.content = last.content + [Text(" ")] + u.content
                    self.warn(u.location, "joined to the paragraph above (no number or label, "
                                          "and it continues that sentence)")
                else:
                    u.kind = "op"
                    ops.append(u)
                    last = u
                    self.warn(u.location, "a paragraph without number; kept as an "
                                          "operative paragraph, numbered by position")
        counts = {"pp": 0, "op": 0, "h": 0}
        pp_units = [self._unit(u, "pp", counts) for u in preamble]
        op_items = [self._unit(u, "pp" if u.kind == "pp" else "op", counts) for u in ops]
        return pp_units, op_items, closing

    def _unit(self, u: ListUnit, kind: str, counts: dict):
        """A paragraph of the preamble ("pp") or the operative part ("op"), or a heading
        among them, its id from its place when the file gives none."""
        if u.kind in ("h", "pt"):
            counts["h"] += 1
            return Heading(self._id(u.uid, f"h{counts['h']}"), normalize(u.content),
                           u.kind == "pt")
        counts[kind] += 1
        n = counts[kind]
        if kind == "op" and u.mark and u.mark.rstrip(".") != str(n) and not u.uid:
            self.warn(u.location, f"paragraph numbered {u.mark} stands at position {n}; "
                                  f"numbered by position")
        uid = self._id(u.uid, f"{kind}{n}")
        make = PreambularParagraph if kind == "pp" else OperativeParagraph
        return make(uid, self._lead(u, kind), self._subs(u, uid, 1), children_style(u, 1))

    def _place_sub(self, op: ListUnit, u: ListUnit) -> None:
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
        candidates = label_candidates(u.mark)
        for level in range(len(chain) - 2, -1, -1):
            sibling = chain[level + 1]
            for style, value in candidates:
                if sibling.style == style and label_value(sibling.mark, style) == value - 1:
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

    def _subs(self, node: ListUnit, uid: str, degree: int) -> tuple:
        out, seen = [], set()
        for count, child in enumerate(node.children, 1):
            # a file without our bookmarks: ids by the rule every reader follows (readers/ids.py)
            cid = self._id(child.uid, child_id(uid, child.mark or str(count), seen))
            grand = self._subs(child, cid, degree + 1)
            continues = list_continues(node, child)  # may settle how its first label reads
            out.append(SubParagraph(cid, self._lead(child, "sub"), grand,
                                    children_style(child, degree + 1), continues))
        return tuple(out)

    def _lead(self, u: ListUnit, kind: str) -> tuple:
        content = normalize(u.content)
        if self.own and u.uid:
            return content
        return italicize_lead(strip_ends(content), kind)

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
            unit = unit_of(b)
            if not has_content(b) and not unit:
                continue
            content = self._content(b)
            if (unit and unit[0] == "ax") or \
                    (not unit and ANNEX.match(content_text(content).strip())):
                close()
                aid = self._id(unit[1] if unit else None, f"annex{len(annexes) + 1}")
                current, body = Annex(aid, normalize(unbold(content))), []
                continue
            if pending_title is not None:
                body.append(self._annex_paragraph(*pending_title, current))
                pending_title = None
            if unit and unit[0] == "tt":
                pending_title = (unit[1], normalize(unbold(content)), b)
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
        content = content if (self.own and uid) else strip_ends(content)
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
                    if i and (content or has_content(para)):
                        content.append(Break())
                    content += self._content(para)
                while content and isinstance(content[-1], Break):
                    content.pop()
                content = normalize(content)
                cells.append(tuple(unbold(list(content))) if r.header else content)
            rows.append(Row(self._id(own_rid, f"{tid}.r{k}"), tuple(normalize(c) for c in cells),
                            r.header))
        return Table(tid, tuple(rows), tuple(title[1]) if title else ())

    # ---------------------------------------------------------------- checks
    def _finish(self, draft: Draft) -> Draft:
        notes = tuple(self.notes.values())
        draft = replace(draft, footnotes=notes)
        if not self.own:
            draft = foreign_cross_refs(draft)
        return draft

