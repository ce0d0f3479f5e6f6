"""Editing a .docx with Word's track changes on, as a delegation does before sending it back.

Words are replaced, inserted or deleted inside a paragraph, and paragraphs inserted or
deleted, each as w:ins / w:del stamped with an author and a date, so Word (and `assembler
import --changes proposals`) sees who proposed what. Paragraphs are found by the words they
contain. Used by the demo and by tests that need returned Word files; it edits runs that sit
directly in a paragraph (what Word and the builder write for plain text).
"""
from __future__ import annotations

import copy
import io
import zipfile

from lxml import etree

from ..errors import AssemblerError
from .ids import AnnotationIds
from .schema import insert_in_order
from .ns import W, XML, w
from .safezip import SafeZip


class TrackedEditor:
    def __init__(self, data: bytes):
        z = SafeZip(data)
        self.parts = {name: z.read(name) for name in z.infos if not name.endswith("/")}
        self.order = list(z.infos)
        z.close()
        self.doc = z_xml(self.parts["word/document.xml"])
        # new annotations take ids after every one the file already uses, in any part
        others = [z_xml(data) for name, data in self.parts.items()
                  if name.startswith("word/") and name.endswith(".xml")
                  and name != "word/document.xml"]
        self.ids = AnnotationIds.after([self.doc, *others])

    # ---------------------------------------------------------------- finding
    def paragraph(self, containing: str) -> etree._Element:
        for p in self.doc.iter(w("p")):
            if containing in _text(p):
                return p
        raise AssemblerError(f"no paragraph contains “{containing}”")

    # ---------------------------------------------------------------- words
    def replace_words(self, containing: str, old: str, new: str, author: str, date: str = "",
                      occurrence: int = 1) -> None:
        p = self.paragraph(containing)
        runs = self._isolate(p, old, occurrence)
        self._delete_runs(runs, author, date)
        self._insert_after(runs[-1], new, runs[0], author, date)

    def delete_words(self, containing: str, words: str, author: str, date: str = "",
                     occurrence: int = 1) -> None:
        p = self.paragraph(containing)
        self._delete_runs(self._isolate(p, words, occurrence), author, date)

    def insert_words(self, containing: str, after: str, text: str, author: str, date: str = "",
                     occurrence: int = 1) -> None:
        p = self.paragraph(containing)
        runs = self._isolate(p, after, occurrence)
        self._insert_after(runs[-1], text, runs[-1], author, date)

    # ---------------------------------------------------------------- paragraphs
    def insert_paragraph_after(self, containing: str, text: str, author: str, date: str = "",
                               italic_lead: str = "", like: str | None = None,
                               number: str | None = None) -> None:
        """A new paragraph after the one containing `containing`, formatted like `like`'s
        paragraph (default: that same one), its words and its mark tracked as inserted."""
        ref = self.paragraph(containing)
        model = self.paragraph(like) if like else ref
        p = etree.Element(w("p"))
        ppr = model.find(w("pPr"))
        ppr = copy.deepcopy(ppr) if ppr is not None else etree.Element(w("pPr"))
        for old in ppr.findall(w("rPr")):
            ppr.remove(old)
        mark = etree.Element(w("rPr"))
        mark.append(etree.Element(w("ins"), self._stamp(author, date)))
        insert_in_order(ppr, mark)
        p.append(ppr)
        ins = etree.SubElement(p, w("ins"), self._stamp(author, date))
        if number is not None:  # the number a delegate types before the new paragraph
            _run(ins, number)
            etree.SubElement(etree.SubElement(ins, w("r")), w("tab"))
        if italic_lead:
            _run(ins, italic_lead, italic=True)
        _run(ins, text)
        ref.addnext(p)

    def move_paragraph(self, containing: str, after: str, author: str, date: str = "") -> None:
        """Move a paragraph after another as Word does with track changes on: the old place
        in w:moveFrom, the new one in w:moveTo, paired by a move name."""
        src = self.paragraph(containing)
        dst = self.paragraph(after)
        name = f"move{self.ids.next()}"
        new = copy.deepcopy(src)
        # the copy's bookmarks name the same unit ("_r<n>" repeats a name) under ids of their own
        fresh: dict[str, str] = {}
        for mark in new.iter(w("bookmarkStart"), w("bookmarkEnd")):
            old = mark.get(w("id"), "")
            fresh.setdefault(old, str(self.ids.next()))
            mark.set(w("id"), fresh[old])
            if mark.get(w("name")):
                mark.set(w("name"), f"{mark.get(w('name'))}_r{fresh[old]}")
        self._wrap_move(src, "moveFrom", name, author, date)
        for t in new.iter(w("delText")):
            t.tag = w("t")
        self._wrap_move(new, "moveTo", name, author, date)
        dst.addnext(new)

    def _wrap_move(self, p, kind: str, name: str, author: str, date: str) -> None:
        runs = [r for r in p if r.tag == w("r")]
        if not runs:
            return
        start = etree.Element(w(f"{kind}RangeStart"), self._stamp(author, date))
        start.set(w("name"), name)
        rid = start.get(w("id"))
        runs[0].addprevious(start)
        wrapper = etree.Element(w(kind), self._stamp(author, date))
        start.addnext(wrapper)
        for r in runs:
            if kind == "moveFrom":
                for t in r.findall(w("t")):
                    t.tag = w("delText")
            wrapper.append(r)
        wrapper.addnext(etree.Element(w(f"{kind}RangeEnd"), {w("id"): rid}))
        self._mark_paragraph(p, kind, author, date)

    def _mark_paragraph(self, p, kind: str, author: str, date: str) -> None:
        """Track the paragraph mark too (w:pPr/w:rPr/w:del ...), as Word does for a whole
        paragraph deleted or moved."""
        ppr = p.find(w("pPr"))
        if ppr is None:
            ppr = etree.Element(w("pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            insert_in_order(ppr, rpr)
        insert_in_order(rpr, etree.Element(w(kind), self._stamp(author, date)))

    def comment(self, containing: str, text: str, author: str, date: str = "") -> None:
        """A margin comment on the paragraph containing `containing`."""
        p = self.paragraph(containing)
        name = "word/comments.xml"
        if name in self.parts:
            root = z_xml(self.parts[name])
        else:
            root = etree.Element(w("comments"), nsmap={"w": W})
            self._relate("comments", "comments.xml",
                         "application/vnd.openxmlformats-officedocument.wordprocessingml."
                         "comments+xml")
        cid = str(self.ids.next())
        c = etree.SubElement(root, w("comment"), {w("id"): cid, w("author"): author})
        if date:
            c.set(w("date"), date)
        _run(etree.SubElement(c, w("p")), text)
        self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)
        first = next((r for r in p if r.tag == w("r")), None)
        start = etree.Element(w("commentRangeStart"), {w("id"): cid})
        if first is not None:
            first.addprevious(start)
        else:
            p.append(start)
        p.append(etree.Element(w("commentRangeEnd"), {w("id"): cid}))
        ref = etree.SubElement(p, w("r"))
        etree.SubElement(ref, w("commentReference"), {w("id"): cid})

    def _relate(self, kind: str, target: str, content_type: str) -> None:
        rels_name = "word/_rels/document.xml.rels"
        rels = z_xml(self.parts[rels_name])
        ns = rels.nsmap[None]
        ids = {r.get("Id") for r in rels}
        rid = next(f"rId{k}" for k in range(1, 1000) if f"rId{k}" not in ids)
        etree.SubElement(rels, f"{{{ns}}}Relationship", Id=rid, Target=target,
                         Type=f"http://schemas.openxmlformats.org/officeDocument/2006/"
                              f"relationships/{kind}")
        self.parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                               standalone=True)
        types = z_xml(self.parts["[Content_Types].xml"])
        tns = types.nsmap[None]
        etree.SubElement(types, f"{{{tns}}}Override", PartName="/word/" + target,
                         ContentType=content_type)
        self.parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True,
                                                           encoding="UTF-8", standalone=True)
        if "word/" + target not in self.order:
            self.order.append("word/" + target)

    def delete_paragraph(self, containing: str, author: str, date: str = "") -> None:
        p = self.paragraph(containing)
        runs = [r for r in p if r.tag == w("r")]
        self._delete_runs(runs, author, date)
        self._mark_paragraph(p, "del", author, date)

    # ---------------------------------------------------------------- output
    def to_bytes(self) -> bytes:
        self.parts["word/document.xml"] = etree.tostring(self.doc, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
        self._track_revisions()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in self.order:
                if name in self.parts:
                    zf.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), self.parts[name],
                                zipfile.ZIP_DEFLATED)
        return buf.getvalue()

    def _track_revisions(self) -> None:
        name = "word/settings.xml"
        if name not in self.parts:
            return
        root = z_xml(self.parts[name])
        if root.find(w("trackRevisions")) is None:
            insert_in_order(root, etree.Element(w("trackRevisions")))
        self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)

    # ---------------------------------------------------------------- runs
    def _stamp(self, author: str, date: str) -> dict:
        attrs = {w("id"): str(self.ids.next()), w("author"): author}
        if date:
            attrs[w("date")] = date
        return attrs

    def _isolate(self, p, words: str, occurrence: int) -> list:
        """Split the paragraph's runs so that `words` are exactly whole runs; return them."""
        _atomize(p)
        runs = [r for r in p if r.tag == w("r")]
        text, spans = "", []
        for r in runs:
            t = _run_text(r)
            spans.append((len(text), len(text) + len(t), r))
            text += t
        start = -1
        for _ in range(max(occurrence, 1)):
            start = text.find(words, start + 1)
            if start < 0:
                raise AssemblerError(f"“{words}” is not in the paragraph “{text[:60]}...”")
        end = start + len(words)
        out = []
        for s, e, r in spans:
            if e <= start or s >= end:
                continue
            if s < start:
                r = _split(r, start - s)[1]
                s = start
            if e > end:
                r = _split(r, end - s)[0]
            out.append(r)
        return out

    def _delete_runs(self, runs: list, author: str, date: str) -> None:
        if not runs:
            return
        wrapper = etree.Element(w("del"), self._stamp(author, date))
        runs[0].addprevious(wrapper)
        for r in runs:
            for t in r.findall(w("t")):
                t.tag = w("delText")
            wrapper.append(r)

    def _insert_after(self, anchor, text: str, model, author: str, date: str) -> None:
        wrapper = etree.Element(w("ins"), self._stamp(author, date))
        parent = anchor.getparent()
        (parent if parent.tag == w("del") else anchor).addnext(wrapper)
        r = copy.deepcopy(model)
        for child in list(r):
            if child.tag != w("rPr"):
                r.remove(child)
        t = etree.SubElement(r, w("t"))
        t.text = text
        t.set(f"{{{XML}}}space", "preserve")
        wrapper.append(r)


def z_xml(data: bytes) -> etree._Element:
    from .safezip import parse_xml
    return parse_xml(data, "part")


def _run_text(r) -> str:
    return "".join((t.text or "") if t.tag in (w("t"), w("delText")) else "\t"
                   for t in r if t.tag in (w("t"), w("delText"), w("tab")))


def _text(p) -> str:
    return "".join(_run_text(r) for r in p.iter(w("r")) if r.getparent().tag != w("del"))


def _atomize(p) -> None:
    """Give every run of the paragraph a single text or tab, so runs can be split."""
    for r in [r for r in p if r.tag == w("r")]:
        rpr = r.find(w("rPr"))
        content = [c for c in r if c.tag != w("rPr")]
        if len(content) <= 1:
            continue
        for c in content:
            nr = etree.Element(w("r"))
            if rpr is not None:
                nr.append(copy.deepcopy(rpr))
            nr.append(c)
            r.addprevious(nr)
        p.remove(r)


def _split(r, at: int):
    """Split one text run at a character offset into two runs with the same formatting."""
    t = r.find(w("t"))
    if t is None:
        return r, r
    first, second = copy.deepcopy(r), r
    first.find(w("t")).text = (t.text or "")[:at]
    second.find(w("t")).text = (t.text or "")[at:]
    for el in (first.find(w("t")), second.find(w("t"))):
        el.set(f"{{{XML}}}space", "preserve")
    r.addprevious(first)
    return first, second


def _run(parent, text: str, italic: bool = False) -> None:
    r = etree.SubElement(parent, w("r"))
    if italic:
        etree.SubElement(etree.SubElement(r, w("rPr")), w("i"))
    t = etree.SubElement(r, w("t"))
    t.text = text
    t.set(f"{{{XML}}}space", "preserve")
