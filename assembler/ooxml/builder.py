"""A small WordprocessingML writer: paragraphs of formatted runs, real footnotes, sections.

Writers describe what they want with Run and ParaFormat (no XML); this module alone turns
that into w:p, w:r and w:rPr. Tracked changes (Run.change) are rendered here too, so the
redline writer never touches markup.
"""
from __future__ import annotations

import copy
from dataclasses import replace
from typing import Iterable

from lxml import etree

from ..lang import ENGLISH
from .ns import (COMMENTS_CT, CORE_CT, CORE_REL, DOC_CT, FOOTNOTES_CT, NSMAP, NUMBERING_CT,
                 OFFICE_DOC_REL, SETTINGS_CT, STYLES_CT, XML, w)
from .drawing import drawing
from .formats import Change, Fonts, Mark, PageSetup, ParaFormat, Run, twips
from .parts import core_part, settings_part, styles_part
from .ids import AnnotationIds
from .numbering_xml import numbering_part
from .package import Package, serialized
from .runbytes import (element_bytes, placeholder, plain_name, point_bookmark, run_bytes,
                        spliced)


# Clark names built once: the paragraph and run loops use them for every element
_P, _PPR, _RPR, _R, _T, _DELTEXT, _VAL, _ID = \
    w("p"), w("pPr"), w("rPr"), w("r"), w("t"), w("delText"), w("val"), w("id")
_BOOKMARK_START, _BOOKMARK_END, _NAME = w("bookmarkStart"), w("bookmarkEnd"), w("name")
_SPACE = f"{{{XML}}}space"


def _ppr_of(fmt: ParaFormat, num_id: int | None, level: int | None) -> etree._Element:
    """The w:pPr of a paragraph format, without its paragraph-mark change."""
    ppr = etree.Element(_PPR)
    if fmt.style:
        etree.SubElement(ppr, w("pStyle")).set(_VAL, fmt.style)
    if fmt.keep_next:
        etree.SubElement(ppr, w("keepNext"))
    if fmt.page_break_before:
        etree.SubElement(ppr, w("pageBreakBefore"))
    if num_id is not None:
        numpr = etree.SubElement(ppr, w("numPr"))
        etree.SubElement(numpr, w("ilvl")).set(_VAL, str(level))
        etree.SubElement(numpr, w("numId")).set(_VAL, str(num_id))
    if fmt.tabs_cm:
        tabs = etree.SubElement(ppr, w("tabs"))
        for pos, align in fmt.tabs_cm:
            tab = etree.SubElement(tabs, w("tab"))
            tab.set(_VAL, align)
            tab.set(w("pos"), twips(pos))
    if fmt.space_before_pt is not None or fmt.space_after_pt is not None \
            or fmt.line_pt is not None:
        sp = etree.SubElement(ppr, w("spacing"))
        if fmt.space_before_pt is not None:
            sp.set(w("before"), str(round(fmt.space_before_pt * 20)))
        if fmt.space_after_pt is not None:
            sp.set(w("after"), str(round(fmt.space_after_pt * 20)))
        if fmt.line_pt is not None:
            sp.set(w("line"), str(round(fmt.line_pt * 20)))
            sp.set(w("lineRule"), "atLeast" if fmt.line_at_least else "exact")
    if fmt.left_cm or fmt.right_cm or fmt.first_line_cm:
        ind = etree.SubElement(ppr, w("ind"))
        if fmt.left_cm:
            ind.set(w("left"), twips(fmt.left_cm))
        if fmt.right_cm:
            ind.set(w("right"), twips(fmt.right_cm))
        if fmt.first_line_cm > 0:
            ind.set(w("firstLine"), twips(fmt.first_line_cm))
        elif fmt.first_line_cm < 0:
            ind.set(w("hanging"), twips(-fmt.first_line_cm))
    if fmt.align:
        etree.SubElement(ppr, w("jc")).set(_VAL, fmt.align)
    return ppr


def _rpr_of(run: Run, own_mark: bool = False) -> etree._Element | None:
    """The w:rPr of a run's format, in the schema's order; None when it has none. A
    footnote's mark of its own ("*") is no footnote reference style and stands on the line."""
    rpr = etree.Element(_RPR)
    for on, tag, value in (
            ((run.footnote is not None or run.footnote_mark) and not own_mark, "rStyle",
             "FootnoteReference"),
            (run.bold, "b", None), (run.italic, "i", None), (run.strike, "strike", None),
            (run.spacing_pt is not None, "spacing",
             str(round(run.spacing_pt * 20)) if run.spacing_pt is not None else None),
            (run.scale_pct is not None, "w",
             str(run.scale_pct) if run.scale_pct is not None else None),
            (run.size_pt, "sz", str(round(run.size_pt * 2)) if run.size_pt else None),
            (run.underline, "u", "single"),
            (run.sup or own_mark, "vertAlign", "superscript" if run.sup else "baseline")):
        if on:
            el = etree.SubElement(rpr, w(tag))
            if value is not None:
                el.set(_VAL, value)
    return rpr if len(rpr) else None


class DocumentBuilder:
    def __init__(self, fonts: Fonts | None = None, page: PageSetup | None = None,
                 language: str = ENGLISH.word):
        self.fonts = fonts or Fonts()
        self.page = page or PageSetup()
        self.language = language  # w:lang of the text, for Word's proofing tools
        self.body = etree.Element(w("body"))
        self.footnotes = etree.Element(w("footnotes"), nsmap=NSMAP)
        self._next_footnote = 2  # 0 and 1 are the separators
        self._custom_marks: dict[int, str] = {}  # footnote id -> its own mark ("*")
        # footnote id -> (its first reference's w:r, the number printed, its bookmark once a
        # second marker asked for one): a second marker is a NOTEREF field to that bookmark
        self._referenced: dict[int, list] = {}
        self.ids = AnnotationIds()  # changes, moves, bookmarks and comments share one space
        self._ranges: dict[tuple[str, str], int] = {}  # open move ranges -> their ids
        self.comments: etree._Element | None = None    # word/comments.xml, once one is added
        self.package = Package()
        self.title = ""
        self.author = "assembler"
        self.extra_sections: list[etree._Element] = []
        self.properties: dict[str, str] = {}  # custom document properties (docProps/custom.xml)
        self.lists: dict = {}  # WordList -> its numId (numbering.xml), in order of first use
        self._bookmark_names: dict[str, int] = {}  # name -> how often asked for
        self._ppr_protos: dict[tuple, etree._Element] = {}  # see _ppr_element
        self._rpr_protos: dict[tuple, etree._Element | None] = {}  # see _run
        self._list_objects: dict[int, tuple] = {}  # id(WordList) -> (it, numId): see _ppr_element
        self._spliced: list[bytes] = []  # paragraphs written as bytes, in order: see plain_paragraph
        self._ppr_bytes: dict[tuple, bytes] = {}  # paragraph formats serialized, by _ppr_key
        # (left, hanging, right) in cm: footnotes set in a text column, the number hanging
        # before a tab; None: the number, a space, the text from the margin
        self.footnote_indent: tuple[float, float, float] | None = None
        # sectPr of the sections closed by end_section, in order (headers.py adds references)
        self.sections: list[etree._Element] = []
        self.first_page_different = False   # the first section's first page has its own header/footer
        # leading sections without page furniture (covering letters before an issued text);
        # the first section after them starts page numbering at 1 and has the first page
        self.plain_sections = 0
        self.even_and_odd_headers = False   # even pages have their own header/footer
        self._add_separators()

    # ----------------------------------------------------------------- content
    def paragraph(self, runs: Iterable[Run], fmt: ParaFormat | None = None,
                  container: etree._Element | None = None) -> etree._Element:
        p = etree.SubElement(self.body if container is None else container, _P)
        self._ppr(p, fmt or ParaFormat())
        self._runs(p, runs)
        return p

    def plain_paragraph(self, anchor: str, texts: list[tuple[str, bool, bool, bool]],
                        fmt: ParaFormat) -> bool:
        """What `paragraph([Run(bookmark=anchor)] + [Run(text, italic=, bold=, sup=) for
        each of texts], fmt)` writes, for a format without changes, written as bytes and
        spliced in when the document is serialized (runbytes.py: the same bytes, without
        making elements); False, and nothing written, when it cannot be."""
        runs = run_bytes(texts)
        if runs is None or fmt.mark_change is not None or fmt.was is not None \
                or not plain_name(anchor):  # a repeat's "_r<n>" is as plain
            return False
        key, num_id, level = self._ppr_key(fmt)
        ppr = self._ppr_bytes.get(key)
        if ppr is None:
            ppr = self._ppr_bytes[key] = element_bytes(self._ppr_element(fmt))
        bookmark = point_bookmark(self.ids.next(), self._unique(anchor))
        placeholder(self.body)
        self._spliced.append(b"<w:p>" + ppr + bookmark + runs + b"</w:p>")
        return True

    def footnote(self, paragraphs: list[list[Run]], change: Change | None = None,
                 mark: str = "") -> int:
        """Add a footnote; returns the id a Run(footnote=id) refers to. `mark` ("*") is a
        mark of its own in place of the next number (Word's custom footnote mark)."""
        fid = self._next_footnote
        self._next_footnote += 1
        fn = etree.SubElement(self.footnotes, w("footnote"))
        fn.set(w("id"), str(fid))
        for i, runs in enumerate(paragraphs or [[]]):
            p = etree.SubElement(fn, w("p"))
            self._ppr(p, ParaFormat(style="FootnoteText"))
            if i == 0:
                gap = Run(tab=True, change=change) if self.footnote_indent else Run(" ", change=change)
                # the mark, a number or one of its own, as the application draws it
                self._runs(p, [Run(footnote_mark=True, change=change), gap])
            self._runs(p, runs)
        if mark:
            self._custom_marks[fid] = mark
        return fid

    def table(self, rows: list[tuple[list[list[Run]], bool]], widths_cm: list[float],
              fmt: ParaFormat | None = None,
              fills: list[list[str | None]] | None = None,
              split_rows: bool = False,
              row_changes: list[Change | None] | None = None) -> etree._Element:
        """A bordered table; rows are (cells, is_header). Header rows repeat on each page.
        `fills` (parallel to rows and cells) shades cells with a hex colour ("D9D9D9");
        `split_rows` lets a tall row break across pages (header rows never do);
        `row_changes` (parallel to rows) tracks a row as inserted or deleted."""
        tbl = etree.SubElement(self.body, w("tbl"))
        tpr = etree.SubElement(tbl, w("tblPr"))
        etree.SubElement(tpr, w("tblStyle")).set(w("val"), "TableGrid")
        tw = etree.SubElement(tpr, w("tblW"))
        tw.set(w("w"), twips(sum(widths_cm)))
        tw.set(w("type"), "dxa")
        borders = etree.SubElement(tpr, w("tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = etree.SubElement(borders, w(side))
            el.set(w("val"), "single")
            el.set(w("sz"), "4")
            el.set(w("space"), "0")
            el.set(w("color"), "000000")
        etree.SubElement(tpr, w("tblLayout")).set(w("type"), "fixed")
        grid = etree.SubElement(tbl, w("tblGrid"))
        for width in widths_cm:
            etree.SubElement(grid, w("gridCol")).set(w("w"), twips(width))
        for r_index, (cells, header) in enumerate(rows):
            tr = etree.SubElement(tbl, w("tr"))
            trpr = etree.SubElement(tr, w("trPr"))
            if header or not split_rows:
                etree.SubElement(trpr, w("cantSplit"))
            if header:
                etree.SubElement(trpr, w("tblHeader"))
            row_change = row_changes[r_index] if row_changes else None
            cell_fmt = fmt or ParaFormat(space_after_pt=2)
            if row_change is not None:
                self._change_mark(trpr, row_change)
                cell_fmt = replace(cell_fmt, mark_change=row_change)
            row_fills = fills[r_index] if fills else []
            for i, (width, cell) in enumerate(zip(widths_cm, cells)):
                tc = etree.SubElement(tr, w("tc"))
                tcpr = etree.SubElement(tc, w("tcPr"))
                tcw = etree.SubElement(tcpr, w("tcW"))
                tcw.set(w("w"), twips(width))
                tcw.set(w("type"), "dxa")
                if i < len(row_fills) and row_fills[i]:
                    shd = etree.SubElement(tcpr, w("shd"))
                    shd.set(w("val"), "clear")
                    shd.set(w("color"), "auto")
                    shd.set(w("fill"), row_fills[i])
                self.paragraph(cell, cell_fmt, container=tc)
        # Word needs a paragraph between a table and what follows it
        self.paragraph([], ParaFormat(space_after_pt=0))
        return tbl

    def page_break(self) -> None:
        self.paragraph([Run(page_break=True)])

    def end_section(self, page: PageSetup) -> None:
        """Close the section so far with `page`'s setup; what follows starts a new page."""
        p = etree.SubElement(self.body, w("p"))
        ppr = etree.SubElement(p, w("pPr"))
        sect = self._sect_pr(page, title_page=self.first_page_different
                             and len(self.sections) == self.plain_sections,
                             restart=bool(self.plain_sections)
                             and len(self.sections) == self.plain_sections)
        self.sections.append(sect)
        ppr.append(sect)

    # ----------------------------------------------------------------- markup
    def _ppr(self, p: etree._Element, fmt: ParaFormat) -> None:
        ppr = self._ppr_element(fmt)
        p.append(ppr)
        if fmt.was is not None:  # schema order: pPrChange comes last
            change, before = fmt.was
            pc = etree.SubElement(ppr, w("pPrChange"))
            self._stamp(pc, change)
            old = self._ppr_element(replace(before, mark_change=None, was=None))
            pc.append(old)

    def _ppr_element(self, fmt: ParaFormat) -> etree._Element:
        key, num_id, level = self._ppr_key(fmt)
        proto = self._ppr_protos.get(key)
        if proto is None:
            proto = self._ppr_protos[key] = _ppr_of(fmt, num_id, level)
        ppr = proto.__copy__()  # a deep copy (lxml's), without copy.deepcopy's bookkeeping
        if fmt.mark_change:
            rpr = etree.SubElement(ppr, _RPR)
            self._change_mark(rpr, fmt.mark_change)
        return ppr

    def _ppr_key(self, fmt: ParaFormat) -> tuple[tuple, int | None, int | None]:
        """What a paragraph's w:pPr is made of, its mark's change aside; its numId and level."""
        num_id = level = None
        if fmt.numbering is not None:
            wlist, level = fmt.numbering
            # the same list object again (every paragraph of a list): no hashing of its levels
            known = self._list_objects.get(id(wlist))
            if known is not None and known[0] is wlist:
                num_id = known[1]
            else:
                num_id = self.lists.setdefault(wlist, len(self.lists) + 1)
                self._list_objects[id(wlist)] = (wlist, num_id)
        # a document has a handful of paragraph formats: each is built once and copied
        key = (fmt.style, fmt.keep_next, fmt.page_break_before, num_id, level, fmt.tabs_cm,
               fmt.space_before_pt, fmt.space_after_pt, fmt.line_pt, fmt.left_cm, fmt.right_cm,
               fmt.first_line_cm, fmt.align, fmt.line_at_least)
        return key, num_id, level

    def _runs(self, p: etree._Element, runs: Iterable[Run]) -> None:
        wrapper_key = None
        wrapper = None
        for run in runs:
            if run.mark is not None:
                self._mark(p, run.mark)
                wrapper_key = wrapper = None
                continue
            key = run.change
            if key is None:
                parent = p
                wrapper_key = wrapper = None
            else:
                if wrapper is None or wrapper_key != key:
                    wrapper = self._change_element(p, key)
                    wrapper_key = key
                parent = wrapper
            self._run(parent, run)

    def _mark(self, p: etree._Element, mark: Mark) -> None:
        edge = "Start" if mark.edge == "start" else "End"
        if mark.kind == "comment":
            etree.SubElement(p, w(f"commentRange{edge}")).set(w("id"), str(mark.comment))
            if mark.edge == "end":
                r = etree.SubElement(p, w("r"))
                etree.SubElement(r, w("commentReference")).set(w("id"), str(mark.comment))
            return
        el = etree.SubElement(p, w(f"{mark.kind}Range{edge}"))
        key = (mark.kind, mark.change.move_name)
        if mark.edge == "start":
            self._stamp(el, mark.change)
            el.set(w("name"), mark.change.move_name)
            self._ranges[key] = int(el.get(w("id")))
        else:
            el.set(w("id"), str(self._ranges.pop(key)))

    def comment(self, paragraphs: list[str], author: str, date: str = "",
                initials: str = "") -> int:
        """Add a comment (a margin note in Word); returns the id for Mark(comment=id)."""
        if self.comments is None:
            self.comments = etree.Element(w("comments"), nsmap=NSMAP)
        cid = self.ids.next()
        c = etree.SubElement(self.comments, w("comment"))
        c.set(w("id"), str(cid))
        c.set(w("author"), author)
        if date:
            c.set(w("date"), date)
        c.set(w("initials"), initials or "".join(x[0] for x in author.split() if x[:1].isalnum())[:4])
        for text in paragraphs:
            p = etree.SubElement(c, w("p"))
            self._runs(p, [Run(text)])
        return cid

    def retrack(self, text: str, runs: list[Run]) -> bool:
        """Give the first body paragraph that reads exactly `text` new runs, in the format of
        its first run: how a redline shows a change in lines another writer laid out (the
        masthead's date and stage). False when no paragraph reads so."""
        for p in self.body.iter(w("p")):
            rs = p.findall(w("r"))
            if not rs or "".join(t.text or "" for t in p.iter(w("t"))) != text:
                continue
            base = rs[0].find(w("rPr"))
            for r in rs:
                p.remove(r)
            self._runs(p, runs)
            if base is not None:
                for r in p.iter(w("r")):
                    own = r.find(w("rPr"))
                    merged = {c.tag: c for c in copy.deepcopy(base)}
                    if own is not None:
                        for c in own:
                            merged.setdefault(c.tag, c)
                        r.remove(own)
                    rpr = etree.Element(w("rPr"))
                    from .schema import rank
                    for c in sorted(merged.values(), key=lambda c: rank(rpr, c.tag)):
                        rpr.append(c)
                    r.insert(0, rpr)
            return True
        return False

    def _change_element(self, parent, change: Change) -> etree._Element:
        el = etree.SubElement(parent, w(change.kind))
        self._stamp(el, change)
        return el

    def _stamp(self, el: etree._Element, change: Change) -> None:
        el.set(w("id"), str(self.ids.next()))
        el.set(w("author"), change.author)
        if change.date:
            el.set(w("date"), change.date)

    def _change_mark(self, rpr: etree._Element, change: Change) -> None:
        self._stamp(etree.SubElement(rpr, w(change.kind)), change)

    def _run(self, parent: etree._Element, run: Run) -> None:
        if run.bookmark:
            bid = str(self.ids.next())
            start = etree.SubElement(parent, _BOOKMARK_START)
            start.set(_ID, bid)
            start.set(_NAME, self._unique(run.bookmark))
            if run.text or run.footnote is not None or run.tab or run.line_break:
                self._run_element(parent, run)
            etree.SubElement(parent, _BOOKMARK_END).set(_ID, bid)
            return
        self._run_element(parent, run)

    def _run_element(self, parent: etree._Element, run: Run) -> None:
        """The w:r of a run, its bookmark aside."""
        r = etree.SubElement(parent, _R)
        # a mark of its own ("*") stands on the line, full size, as the UN's
        own_mark = bool(self._custom_marks.get(run.footnote)) if run.footnote is not None \
            else False
        key = (run.footnote is not None or run.footnote_mark, own_mark, run.bold, run.italic,
               run.strike, run.spacing_pt, run.scale_pct, run.size_pt, run.underline, run.sup)
        if key not in self._rpr_protos:
            self._rpr_protos[key] = _rpr_of(run, own_mark)
        proto = self._rpr_protos[key]
        if proto is not None:
            r.append(proto.__copy__())
        deleted = run.change is not None and run.change.kind in ("del", "moveFrom")
        if run.footnote is not None and run.footnote in self._referenced \
                and not self._custom_marks.get(run.footnote):
            self._second_marker(parent, r, run.footnote, deleted, run.shows)
        elif run.footnote is not None:
            self._first_marker(r, run.footnote)
        elif run.footnote_mark:
            etree.SubElement(r, w("footnoteRef"))
        elif run.tab:
            etree.SubElement(r, w("tab"))
        elif run.line_break:
            etree.SubElement(r, w("br"))
        elif run.page_break:
            etree.SubElement(r, w("br")).set(w("type"), "page")
        elif run.field:
            self._field(parent, r, run.field, run.text or "1", deleted)
            if run.after:
                self._run_element(parent, replace(run, text=run.after, field=None, after=""))
        elif run.picture is not None:
            r.append(drawing(run.picture, self.pictures))
        else:
            t = etree.SubElement(r, _DELTEXT if deleted else _T)
            t.text = run.text
            if run.text[:1].isspace() or run.text[-1:].isspace():
                t.set(_SPACE, "preserve")

    def image(self, data: bytes, kind: str) -> str:
        """Keep an image (kind "png" or "jpeg") in the document's media; its relationship id
        for Run(picture=Picture(...))."""
        n = sum(1 for name in self.package.parts if name.startswith("word/media/")) + 1
        name = f"media/image{n}.{'jpg' if kind == 'jpeg' else kind}"
        self.package.add(f"word/{name}", data, f"image/{kind}")
        self.pictures = n  # each drawing's own id (wp:docPr)
        return self.package.relate("word/document.xml", "image", name)

    def _first_marker(self, r: etree._Element, fid: int) -> None:
        """A footnote's reference mark: its number, or a mark of its own."""
        ref = etree.SubElement(r, w("footnoteReference"))
        own = self._custom_marks.get(fid)
        if own:  # schema order of the attributes is free; the mark's text follows
            ref.set(w("customMarkFollows"), "1")
        ref.set(w("id"), str(fid))
        if own:
            etree.SubElement(r, w("t")).text = own
        elif fid not in self._referenced:
            numbered = sum(1 for f in self._referenced if not self._custom_marks.get(f))
            self._referenced[fid] = [r, numbered + 1, None]

    def _second_marker(self, parent, r: etree._Element, fid: int, deleted: bool,
                       shows: int | None = None) -> None:
        """A second marker of one footnote, Word's way: a NOTEREF field to a bookmark on
        the first reference, whose result is the footnote's number in the reference style
        (\\f), so the note is printed once and both markers print its number."""
        first, number, name = self._referenced[fid]
        if name is None:
            name = self._referenced[fid][2] = self._unique(f"_RefNote{fid}")
            bid = str(self.ids.next())
            start, end = etree.Element(_BOOKMARK_START), etree.Element(_BOOKMARK_END)
            start.set(_ID, bid)
            start.set(_NAME, name)
            end.set(_ID, bid)
            first.addprevious(start)
            first.addnext(end)
        self._field(parent, r, f"NOTEREF {name} \\f \\h",
                    str(number if shows is None else shows), deleted)

    def _unique(self, name: str) -> str:
        """Word wants bookmark names unique in a file: a repeat is "<name>_r<n>"."""
        n = self._bookmark_names.get(name, 0) + 1
        self._bookmark_names[name] = n
        return name if n == 1 else f"{name}_r{n}"

    def _field(self, parent, r, instr: str, result: str, deleted: bool = False) -> None:
        """A simple field showing `result` until Word updates it; every run of it (its result
        too) in the run's own format; in a deletion its text is deleted text."""
        own = r.find(w("rPr"))
        etree.SubElement(r, w("fldChar")).set(w("fldCharType"), "begin")
        r2 = etree.SubElement(parent, w("r"))
        it = etree.SubElement(r2, w("delInstrText" if deleted else "instrText"))
        it.text = f" {instr} "
        it.set(f"{{{XML}}}space", "preserve")
        r3 = etree.SubElement(parent, w("r"))
        etree.SubElement(r3, w("fldChar")).set(w("fldCharType"), "separate")
        r4 = etree.SubElement(parent, w("r"))
        etree.SubElement(r4, _DELTEXT if deleted else _T).text = result
        r5 = etree.SubElement(parent, w("r"))
        etree.SubElement(r5, w("fldChar")).set(w("fldCharType"), "end")
        if own is not None:
            for other in (r2, r3, r4, r5):
                other.insert(0, copy.deepcopy(own))

    def _add_separators(self) -> None:
        for fid, kind, tag in ((0, "separator", "separator"),
                               (1, "continuationSeparator", "continuationSeparator")):
            fn = etree.SubElement(self.footnotes, w("footnote"))
            fn.set(w("type"), kind)
            fn.set(w("id"), str(fid))
            p = etree.SubElement(fn, w("p"))
            ppr = etree.SubElement(p, w("pPr"))
            sp = etree.SubElement(ppr, w("spacing"))
            sp.set(w("after"), "0")
            sp.set(w("line"), "240")
            sp.set(w("lineRule"), "auto")
            etree.SubElement(etree.SubElement(p, w("r")), w(tag))

    def _sect_pr(self, page: PageSetup, refs: Iterable[tuple[str, str, str]] = (),
                 title_page: bool = False, restart: bool = False) -> etree._Element:
        sect = etree.Element(w("sectPr"))
        for kind, which, rid in refs:
            ref = etree.SubElement(sect, w(f"{kind}Reference"))
            ref.set(w("type"), which)
            ref.set(f"{{{NSMAP['r']}}}id", rid)
        width, height = page.width_cm, page.height_cm
        if page.landscape:
            width, height = max(width, height), min(width, height)
        size = etree.SubElement(sect, w("pgSz"))
        size.set(w("w"), twips(width))
        size.set(w("h"), twips(height))
        if page.landscape:
            size.set(w("orient"), "landscape")
        mar = etree.SubElement(sect, w("pgMar"))
        for attr, value in (("top", page.top_cm), ("right", page.right_cm),
                            ("bottom", page.bottom_cm), ("left", page.left_cm),
                            ("header", page.header_cm), ("footer", page.footer_cm)):
            mar.set(w(attr), twips(value))
        mar.set(w("gutter"), "0")
        if restart:  # schema order: pgNumType after pgMar, before titlePg
            etree.SubElement(sect, w("pgNumType")).set(w("start"), "1")
        if title_page:
            etree.SubElement(sect, w("titlePg"))
        return sect

    # ----------------------------------------------------------------- parts
    def to_package(self, header_footer=None, track_revisions: bool = False) -> Package:
        """Assemble the parts. `header_footer(builder, package)` may add headers and footers
        and return the references for the last section."""
        pkg = self.package
        pkg.relate("", OFFICE_DOC_REL, "word/document.xml")
        pkg.relate("", CORE_REL, "docProps/core.xml")
        pkg.add("docProps/core.xml", core_part(self.title, self.author), CORE_CT)
        pkg.relate("word/document.xml", "styles", "styles.xml")
        pkg.relate("word/document.xml", "settings", "settings.xml")
        pkg.relate("word/document.xml", "footnotes", "footnotes.xml")
        pkg.add("word/styles.xml", styles_part(self.fonts, self.language, self.footnote_indent),
                STYLES_CT)
        pkg.add("word/settings.xml", settings_part(track_revisions, self.even_and_odd_headers),
                SETTINGS_CT)
        pkg.add("word/footnotes.xml", self.footnotes, FOOTNOTES_CT)
        if self.lists:
            pkg.relate("word/document.xml", "numbering", "numbering.xml")
            pkg.add("word/numbering.xml", numbering_part(list(self.lists)), NUMBERING_CT)
        if self.comments is not None:
            pkg.relate("word/document.xml", "comments", "comments.xml")
            pkg.add("word/comments.xml", self.comments, COMMENTS_CT)
        if self.properties:
            from .properties import add_custom_properties
            add_custom_properties(pkg, self.properties)
        refs = tuple(header_footer(self, pkg)) if header_footer else ()
        for sect in self.sections[self.plain_sections:]:  # earlier sections show the same furniture
            for i, (kind, which, rid) in enumerate(refs):
                ref = etree.Element(w(f"{kind}Reference"))
                ref.set(w("type"), which)
                ref.set(f"{{{NSMAP['r']}}}id", rid)
                sect.insert(i, ref)
        doc = etree.Element(w("document"), nsmap=NSMAP)
        first = len(self.sections) == self.plain_sections
        self.body.append(self._sect_pr(self.page, refs, title_page=self.first_page_different and first,
                                       restart=bool(self.plain_sections) and first))
        doc.append(self.body)
        pkg.add("word/document.xml",
                spliced(serialized(doc), self._spliced) if self._spliced else doc, DOC_CT)
        return pkg

    def to_bytes(self, **kw) -> bytes:
        return self.to_package(**kw).to_bytes()
