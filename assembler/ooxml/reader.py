"""Reading a .docx into a neutral structure: paragraphs of formatted runs, numbering,
footnotes, tables and tracked-change marks. No UN knowledge here (readers/docx.py has it).

Word keeps what a reader needs in several places: direct run formatting over paragraph and
character styles, list numbers in numbering.xml (counted here, as Word would show them),
footnote texts in footnotes.xml, and insertions and deletions as w:ins / w:del wrappers with
their author. Everything is read through safezip, which refuses hostile packages.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import AssemblerError
from ..records import record
from .memo import ParagraphMemo, current_memo, memo_key
from .memo import reading_together  # noqa: F401  (callers read files together from here)
from .ns import DC, PKG_REL, W, w
from .noterefs import noteref_target, resolve
from .numbering_xml import NumberingCounter, NumInfo, read_numbering
from .safezip import LIMITS, Limits, SafeZip
from .styles import Styles as _Styles, child as _child, indent as _indent, val as _val

_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Clark names built once: the paragraph and run loops compare tags millions of times
_P, _PPR, _RPR, _R, _T, _DELTEXT = w("p"), w("pPr"), w("rPr"), w("r"), w("t"), w("delText")
_PSTYLE, _NUMPR, _JC, _IND, _OUTLINE = w("pStyle"), w("numPr"), w("jc"), w("ind"), w("outlineLvl")
_BOOKMARK_START, _BOOKMARK_END = w("bookmarkStart"), w("bookmarkEnd")
_FLDCHAR, _FLDCHARTYPE, _NOBREAKHYPHEN, _SYM, _CHAR = \
    w("fldChar"), w("fldCharType"), w("noBreakHyphen"), w("sym"), w("char")
_TAB, _PTAB, _BR, _CR, _TYPE = w("tab"), w("ptab"), w("br"), w("cr"), w("type")
_FOOTNOTE_REF, _ID, _NAME, _VAL = w("footnoteReference"), w("id"), w("name"), w("val")
_INSTR, _DELINSTR = w("instrText"), w("delInstrText")
_AUTHOR, _DATE, _TBL = w("author"), w("date"), w("tbl")
_SDT, _SDT_CONTENT, _CUSTOM_XML, _TXBX = w("sdt"), w("sdtContent"), w("customXml"), \
    w("txbxContent")
_PPR_KINDS = frozenset((_PSTYLE, _NUMPR, _JC, _IND, _OUTLINE, _RPR))
_MARK_TAGS = tuple((k, w(k)) for k in ("ins", "del", "moveTo", "moveFrom"))
# External targets of these kinds would pull content in from elsewhere: refused. Links
# (hyperlink, attachedTemplate) are only addresses and are never followed.
_HARMLESS_EXTERNAL = ("/hyperlink", "/attachedTemplate")


@record  # a frozen dataclass, made cheaply (records.py)
class Mark:
    """A tracked change on a run or a paragraph mark: kind ins or del (moves included)."""
    kind: str
    author: str
    date: str = ""
    within: "Mark | None" = None   # the change this one was made inside (B deletes A's words)


@record
class WRun:
    text: str = ""
    italic: bool = False
    bold: bool = False
    sup: bool = False
    footnote: str | None = None    # id of a Word footnote referenced here
    line_break: bool = False
    tab: bool = False
    change: Mark | None = None
    bookmarks: tuple = ()          # names of bookmarks open over this run (over a footnote
    # reference also those standing just before it: LibreOffice saves a NOTEREF target so)
    noteref: str | None = None     # a NOTEREF or REF field's result: the bookmark it names


@record
class WParagraph:
    index: int                     # position among the body's paragraphs, 1-based
    runs: tuple = ()
    style: str = ""                # style id
    style_name: str = ""
    outline: int | None = None     # heading level from the style or the paragraph
    numbering: NumInfo | None = None
    align: str = ""
    left_twips: int = 0
    first_twips: int = 0           # negative for a hanging indent
    mark_change: Mark | None = None
    starts: tuple = ()             # bookmarks starting in this paragraph
    location: str = ""             # "paragraph 12", "table 1 row 2 cell 1", "footnote 3"

    @property
    def text(self) -> str:
        return "".join("\n" if r.line_break else r.text for r in self.runs
                       if r.footnote is None)


@record
class WCell:
    paragraphs: tuple


@record
class WRow:
    cells: tuple
    header: bool = False
    change: Mark | None = None


@record
class WTable:
    index: int
    rows: tuple
    location: str = ""


_COMMENT_START, _COMMENT_REF = w("commentRangeStart"), w("commentReference")


@dataclass
class WordDocument:
    blocks: list                                  # WParagraph | WTable in body order
    footnotes: dict = field(default_factory=dict)  # Word id -> tuple[WParagraph]
    properties: dict = field(default_factory=dict)  # custom document properties
    title: str = ""
    notes: list = field(default_factory=list)      # (location, message) the reader noticed
    furniture: list = field(default_factory=list)  # lines of headers and footers
    comments: list = field(default_factory=list)   # (author, date, text) of Word comments
    # (author, text, location) of each comment: the paragraph it is anchored in
    comment_places: list = field(default_factory=list)

    def paragraphs(self):
        for block in self.blocks:
            if isinstance(block, WParagraph):
                yield block
            else:
                for row in block.rows:
                    for cell in row.cells:
                        yield from cell.paragraphs

    def authors(self) -> list[str]:
        seen: dict[str, None] = {}
        for p in list(self.paragraphs()) + [p for ps in self.footnotes.values() for p in ps]:
            for mark in [p.mark_change] + [r.change for r in p.runs]:
                while mark:
                    seen.setdefault(mark.author, None)
                    mark = mark.within
        return list(seen)


def read_docx(path: Path | str | bytes, limits: Limits = LIMITS) -> WordDocument:
    """Read a .docx as Word shows it, with tracked changes kept as marks."""
    z = SafeZip(path, limits)
    try:
        return _Reader(z, current_memo()).read()
    except AssemblerError as err:
        raise err.located(z.name)
    finally:
        z.close()


class _Reader:
    def __init__(self, z: SafeZip, memo: ParagraphMemo | None = None):
        self.z = z
        self.notes: list = []
        self.open_bookmarks: dict[str, str] = {}  # id -> name
        self.memo = memo
        self.anchors: dict[str, str] | None = None   # comment id -> location, when any
        self.noterefs = False  # a NOTEREF field was read: resolved once the file is read

    def read(self) -> WordDocument:
        main = self._main_part()
        self.z.check_package()
        folder = main.rpartition("/")[0]
        rels = self._rels(main)
        styles_part = self._target(folder, rels, "/styles")
        self.styles = _Styles(self.z.xml(styles_part)) if styles_part else _Styles(None)
        if self.memo is not None:
            self.memo = self.memo.under(self.z.read(styles_part) if styles_part else b"")
        num_part = self._target(folder, rels, "/numbering")
        self.numbering = NumberingCounter(read_numbering(self.z.xml(num_part)) if num_part else {})
        doc = self.z.xml(main)
        body = doc.find(w("body"))
        if body is None:
            raise AssemblerError("the document has no body", hint="is it a Word document?")
        if body.find(f".//{w('altChunk')}") is not None:
            raise AssemblerError("the document embeds another file (altChunk)",
                                 hint="open it in Word and save it again, which merges it in")
        self.p_index = 0
        # text boxes looked for in each paragraph only when the body has any (one walk)
        self.boxes = next(body.iter(_TXBX), None) is not None
        self.t_index = 0
        # where each comment is anchored (comment id -> location), looked for only in a
        # file that has comments
        self.anchors: dict[str, str] | None = \
            {} if self._target(folder, rels, "/comments") else None
        blocks = self._blocks(body)
        footnotes = {}
        fn_part = self._target(folder, rels, "/footnotes")
        if fn_part:
            for fn in self.z.xml(fn_part).iter(w("footnote")):
                if fn.get(w("type")) in ("separator", "continuationSeparator",
                                         "continuationNotice"):
                    continue
                fid = fn.get(w("id"))
                paras = tuple(self._paragraph(p, f"footnote {fid}") for p in fn.iter(w("p")))
                footnotes[fid] = paras
        if self.noterefs:
            blocks, footnotes, notes = resolve(blocks, footnotes, [
                *WordDocument(blocks).paragraphs(), *(p for ps in footnotes.values() for p in ps)])
            self.notes += notes
        title, props = self._properties()
        furniture = []
        for rid, rtype, target, mode in rels:
            if rtype.endswith(("/header", "/footer")) and mode != "External":
                part = self._target(folder, [(rid, rtype, target, mode)], rtype[-7:])
                if part:
                    for p in self.z.xml(part).iter(w("p")):
                        text = "".join(t.text or "" for t in p.iter(w("t")))
                        if text.strip():
                            furniture.append(text.strip())
        comments, places = [], []
        comments_part = self._target(folder, rels, "/comments")
        if comments_part:
            for c in self.z.xml(comments_part).iter(w("comment")):
                text = "\n".join("".join(t.text or "" for t in p.iter(w("t")))
                                 for p in c.iter(w("p"))).strip()
                if text:
                    author = c.get(w("author"), "") or "Unknown author"
                    comments.append((author, c.get(w("date"), "") or "", text))
                    places.append((author, text, (self.anchors or {}).get(c.get(w("id")), "")))
        return WordDocument(blocks, footnotes, props, title, self.notes, furniture, comments,
                            places)

    # ---------------------------------------------------------------- package
    def _main_part(self) -> str:
        if not self.z.has("_rels/.rels"):
            raise AssemblerError("has no package relationships (_rels/.rels)",
                                 hint="is it a Word document?")
        for rid, rtype, target, mode in self._rel_items(self.z.xml("_rels/.rels")):
            if rtype.endswith("/officeDocument"):
                return target.lstrip("/")
        raise AssemblerError("names no main document part", hint="is it a Word document?")

    def _rels(self, part: str) -> list:
        folder, _, name = part.rpartition("/")
        rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
        items = self._rel_items(self.z.xml(rels)) if self.z.has(rels) else []
        for rid, rtype, target, mode in items:
            if mode == "External" and not rtype.endswith(_HARMLESS_EXTERNAL):
                kind = rtype.rpartition("/")[2]
                raise AssemblerError(f"part {part} pulls in an external {kind} from {target[:80]}",
                                     hint="external content is never fetched; embed it in "
                                          "Word (or remove it) and save again")
        return items

    @staticmethod
    def _rel_items(root) -> list:
        return [(r.get("Id"), r.get("Type", ""), r.get("Target", ""), r.get("TargetMode", ""))
                for r in root.iter(f"{{{PKG_REL}}}Relationship")]

    def _target(self, folder: str, rels: list, suffix: str) -> str | None:
        for rid, rtype, target, mode in rels:
            if rtype.endswith(suffix) and mode != "External":
                t = target.lstrip("/") if target.startswith("/") else \
                    (f"{folder}/{target}" if folder else target)
                return t if self.z.has(t) else None
        return None

    def _properties(self) -> tuple[str, dict]:
        title, props = "", {}
        if self.z.has("docProps/core.xml"):
            el = self.z.xml("docProps/core.xml").find(f"{{{DC}}}title")
            title = (el.text or "") if el is not None else ""
        if self.z.has("docProps/custom.xml"):
            for prop in self.z.xml("docProps/custom.xml").iter(f"{{{_CUSTOM}}}property"):
                value = prop.find(f"{{{_VT}}}lpwstr")
                props[prop.get("name", "")] = (value.text or "") if value is not None else ""
        return title, props

    # ---------------------------------------------------------------- body
    def _blocks(self, parent) -> list:
        out = []
        for child in _content_children(parent):
            if child.tag == _P:
                self.p_index += 1
                out.append(self._paragraph(child, f"paragraph {self.p_index}", self.p_index))
                if self.boxes:
                    out.extend(self._text_boxes(child))
            elif child.tag == _TBL:
                self.t_index += 1
                out.append(self._table(child, self.t_index))
        return out

    def _text_boxes(self, p) -> list:
        """Text in text boxes and shapes sits inside a run; it is kept after its paragraph."""
        out = []
        for box in p.iter(_TXBX):
            if any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors()):
                continue  # the same text box again, for older readers
            for inner in box.iter(w("p")):
                self.p_index += 1
                para = self._paragraph(inner, f"text box in paragraph {self.p_index - 1}",
                                       self.p_index)
                if para.text.strip():
                    self.notes.append((para.location, "text in a text box; kept as a paragraph"))
                    out.append(para)
        return out

    def _table(self, tbl, index: int) -> WTable:
        rows = []
        for r, tr in enumerate(tbl.findall(w("tr")), 1):
            trpr = tr.find(w("trPr"))
            header = trpr is not None and trpr.find(w("tblHeader")) is not None
            change = None
            if trpr is not None:
                for kind in ("ins", "del"):
                    el = trpr.find(w(kind))
                    if el is not None:
                        change = _mark(el, kind)
            cells = []
            for c, tc in enumerate(_cells(tr), 1):
                paras = tuple(self._paragraph(p, f"table {index} row {r} cell {c}")
                              for p in tc.iter(w("p")))
                cells.append(WCell(paras))
            rows.append(WRow(tuple(cells), header, change))
        return WTable(index, tuple(rows), f"table {index}")

    def _paragraph(self, p, location: str, index: int = 0) -> WParagraph:
        if self.anchors is not None:
            for mark in p.iter(_COMMENT_START, _COMMENT_REF):
                self.anchors.setdefault(mark.get(w("id")), location)
        key = None
        if self.memo is not None and not self.open_bookmarks:
            key = memo_key(p)
            read = self.memo.entries.get(key)
            if read is not None:
                self.memo.hits += 1
                self.noterefs |= b"NOTEREF" in key
                return self._numbered(read, location, index)
        read = self._read_paragraph(p)
        if key is not None and not self.open_bookmarks:
            self.memo.entries[key] = read
        return self._numbered(read, location, index)

    def _numbered(self, read: tuple, location: str, index: int) -> WParagraph:
        """The paragraph as read, numbered where it stands (Word counts list numbers in
        document order)."""
        num_id, level, runs, style, outline, align, left, first, mark, starts = read
        numbering = None
        if num_id and num_id != "0":
            numbering = self.numbering.next(num_id, level, counted=not (mark and mark.kind == "del"))
            if numbering is None:
                self.notes.append((location, f"numbering {num_id} is not defined; no number"))
        return WParagraph(index, runs, style, self.styles.name(style), outline, numbering,
                          align, left, first, mark, starts, location)

    def _read_paragraph(self, p) -> tuple:
        """Everything of a paragraph but its number: (numbering id, level, runs, style,
        outline, align, left, first, mark change, bookmarks starting)."""
        # one pass over the paragraph properties, keeping the first of each kind (as find)
        found: dict = {}
        ppr = _child(p, _PPR)
        if ppr is not None:
            for child in ppr:
                if child.tag in _PPR_KINDS and child.tag not in found:
                    found[child.tag] = child
        el = found.get(_PSTYLE)
        style = (el.get(_VAL) if el is not None else None) or ""
        props = self.styles.paragraph(style)
        num_id, level = props.get("num_id"), props.get("level", 0)
        align, left, first, outline, mark = props.get("align", ""), props.get("left", 0), \
            props.get("first", 0), props.get("outline"), None
        if ppr is not None:
            numpr = found.get(_NUMPR)
            if numpr is not None:
                given, given_level = _val(numpr, "numId"), _val(numpr, "ilvl")
                if given is not None:
                    num_id = given
                if given_level is not None:
                    level = int(given_level or 0)
            el = found.get(_JC)
            align = (el.get(_VAL) if el is not None else None) or align
            ind = found.get(_IND)
            if ind is not None:
                left, first = _indent(ind, left, first)
            el = found.get(_OUTLINE)
            if el is not None and el.get(_VAL) is not None:
                outline = int(el.get(_VAL))
            rpr = found.get(_RPR)
            if rpr is not None:
                mark = _paragraph_mark(rpr)
        starts: list[str] = []
        runs = self._runs(p, style, props.get("rpr", {}), starts)
        return (num_id, level, tuple(runs), style, outline, align or "", left, first, mark,
                tuple(starts))

    def _runs(self, p, style: str, base: dict, starts: list) -> list:
        out: list[WRun] = []
        shown = []           # per open field: are we past 'separate'?
        fields = []          # per open field: its instruction's parts, where its result starts
        points: list[str] = []  # point bookmarks with nothing read since (see WRun.bookmarks)
        run_format = self.styles.run_format
        for el, change in _walk_runs(p):
            tag = el.tag
            if tag == _BOOKMARK_START:
                name = el.get(_NAME, "")
                self.open_bookmarks[el.get(_ID, "")] = name
                starts.append(name)
                points.append(name)
                continue
            if tag == _BOOKMARK_END:
                self.open_bookmarks.pop(el.get(_ID, ""), None)
                continue
            fmt = None
            marks = tuple(self.open_bookmarks.values())
            for child in el:
                ct = child.tag
                if ct == _RPR:
                    continue
                if fmt is None:
                    fmt = run_format(style, _child(el, _RPR), base)
                if ct == _FLDCHAR:
                    kind = child.get(_FLDCHARTYPE)
                    if kind == "begin":
                        shown.append(False)
                        fields.append(([], len(out)))
                    elif kind == "separate" and shown:
                        shown[-1] = True
                        fields[-1] = (fields[-1][0], len(out))
                    elif kind == "end" and shown:
                        shown.pop()
                        self.noterefs |= _noteref(out, *fields.pop(), change, marks)
                    continue
                if shown and not shown[-1]:
                    if ct == _INSTR or ct == _DELINSTR:
                        fields[-1][0].append(child.text or "")
                    continue  # field instructions are not text
                text = None
                if ct == _T or ct == _DELTEXT:
                    text = child.text or ""
                elif ct == _NOBREAKHYPHEN:
                    text = "\u2011"
                elif ct == _SYM:
                    code = child.get(_CHAR, "")
                    try:
                        text = chr(int(code, 16)) if code else ""
                    except ValueError:
                        text = ""
                elif ct == _TAB or ct == _PTAB:
                    out.append(WRun("\t", fmt[0], fmt[1], fmt[2], tab=True, change=change,
                                    bookmarks=marks))
                    continue
                elif ct == _BR or ct == _CR:
                    if child.get(_TYPE) in ("page", "column"):
                        continue
                    out.append(WRun("", fmt[0], fmt[1], fmt[2], line_break=True, change=change,
                                    bookmarks=marks))
                    continue
                elif ct == _FOOTNOTE_REF:
                    before = tuple(b for b in points if b not in marks)
                    out.append(WRun("", footnote=child.get(_ID), change=change,
                                    bookmarks=marks + before))
                    points = []
                    continue
                if text:
                    out.append(WRun(text, fmt[0], fmt[1], fmt[2], change=change, bookmarks=marks))
                    points = []
        return out


def _noteref(out: list, instr: list, start: int, change, marks) -> bool:
    """A NOTEREF (or REF) field just closed: its result (the runs from `start`) becomes one
    run, in its first run's format, that names the bookmark, to be read as the footnote it
    marks once the file is read (noterefs.resolve). One run per field: two markers side by
    side stay two."""
    name = noteref_target("".join(instr))
    if name is None:
        return False
    result = out[start:]
    first = result[0] if result else WRun("", change=change, bookmarks=marks)
    out[start:] = [replace(first, text="".join(r.text for r in result), noteref=name)]
    return True


def _paragraph_mark(rpr) -> "Mark | None":
    """The tracked change of a paragraph mark (the last kind found wins, as before)."""
    mark = None
    for kind, tag in _MARK_TAGS:
        el = _child(rpr, tag)
        if el is not None:
            mark = _mark(el, kind)
    return mark


def _content_children(parent):
    """Children that carry content, looking through content controls and custom XML."""
    for child in parent:
        tag = child.tag
        if tag == _SDT:
            content = _child(child, _SDT_CONTENT)
            if content is not None:
                yield from _content_children(content)
        elif tag == _CUSTOM_XML:
            yield from _content_children(child)
        else:
            yield child


def _cells(tr):
    for child in _content_children(tr):
        if child.tag == w("tc"):
            yield child


_WRAPPERS = {"hyperlink", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent", "dir", "bdo"}
_CHANGES = {"ins": "ins", "del": "del", "moveTo": "ins", "moveFrom": "del"}
# what _walk_runs does with an element that is not a run: descend (a wrapper) or descend
# under a tracked change of that kind
_INNER = {**{w(k): "wrap" for k in _WRAPPERS}, **{w(k): k for k in _CHANGES}}


def _walk_runs(p, change: Mark | None = None):
    """(w:r or bookmark element, the tracked change it lies in), in order, descending
    through hyperlinks, fields, content controls and change wrappers."""
    for child in p:
        tag = child.tag
        if tag == _R or tag == _BOOKMARK_START or tag == _BOOKMARK_END:
            yield child, change
            continue
        kind = _INNER.get(tag) if isinstance(tag, str) else None
        if kind is None:
            if isinstance(tag, str) and tag.endswith("}AlternateContent") \
                    and not tag.startswith(f"{{{W}}}"):
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    yield from _walk_runs(choice, change)
        elif kind == "wrap":
            yield from _walk_runs(child, change)
        else:
            yield from _walk_runs(child, replace(_mark(child, kind), within=change))


def _mark(el, kind: str) -> Mark:
    return Mark(_CHANGES.get(kind, kind), el.get(_AUTHOR, "") or "Unknown author",
                el.get(_DATE, "") or "")
