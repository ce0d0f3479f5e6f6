"""Akoma Ntoso -> Draft: reads what akn/export.py writes, and resolutions from other AKN
tools. wIds give the stable ids; where a unit has none, its eId or its position does.
Metadata comes from our `proprietary` block when present, else from the preface and FRBR
identification.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import AssemblerError, Warning_
from ..fs.read import read_bytes
from ..inline import normalize
from ..model import (Annex, AnnexParagraph, Break, CrossRef, Draft, Footnote, FootnoteRef,
                     Heading, Metadata, OperativeParagraph, PreambularParagraph, Row,
                     SubParagraph, Table, Text)
from ..ooxml.safezip import parse_xml
from ..akn.export import AKN, ASM
from .lists import ListUnit, children_style, list_continues
from .ids import child_id
from .untext import ImportResult, style_of


def _e(tag: str) -> str:
    return f"{{{AKN}}}{tag}"


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def read_akn(path: Path | str, **meta: str) -> ImportResult:
    p = Path(path)
    data = read_bytes(p, "akn")
    try:
        root = parse_xml(data, p.name, "akn")
    except AssemblerError as err:
        raise err.located(str(p))
    return import_akn(root, str(p), **meta)


def import_akn(root, file: str = "<akn>", **meta: str) -> ImportResult:
    if root.tag != _e("akomaNtoso"):
        raise AssemblerError("is not Akoma Ntoso 3.0 (root element akomaNtoso in namespace "
                             f"{AKN})", file=file)
    doc = next((c for c in root if isinstance(c.tag, str)), None)
    if doc is None:
        raise AssemblerError("holds no document", file=file)
    return _Reader(file).read(doc, meta)


class _Reader:
    def __init__(self, file: str):
        self.file = file
        self.warnings: list[Warning_] = []
        self.eid_to_wid: dict[str, str] = {}
        self.notes: dict[str, Footnote] = {}
        self.used: set[str] = set()
        self.wids: set[str] = set()

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(Warning_(f"{where}: {message}", None, self.file))

    def read(self, doc, meta: dict) -> ImportResult:
        for el in doc.iter():
            if isinstance(el.tag, str) and el.get("eId") and el.get("wId"):
                self.eid_to_wid[el.get("eId")] = el.get("wId")
        values = self._metadata(doc)
        values.update({k: v for k, v in meta.items() if v})
        preamble = []
        pre = doc.find(_e("preamble"))
        if pre is not None:
            heads = 0
            for i, c in enumerate((c for c in pre if _local(c) == "container"), 1):
                if c.get("name") in ("heading", "part"):
                    heads += 1
                    preamble.append(Heading(self._id(c, f"h{heads}"), self._block(c),
                                            c.get("name") == "part"))
                    continue
                uid = self._id(c, f"pp{i - heads}")
                node = self._items(c)
                preamble.append(PreambularParagraph(uid, self._block(c), self._subs(node, uid, 1),
                                                    children_style(node, 1)))
        operative: list = []
        body = doc.find(_e("mainBody"))
        counts = {"op": 0, "h": sum(1 for u in preamble if isinstance(u, Heading)),
                  "pp": len(preamble) - sum(1 for u in preamble if isinstance(u, Heading))}
        if body is None:  # policy (docs/word-and-akn.md): a resolution has an operative part
            raise AssemblerError(f"the {_local(doc)} has no mainBody, so no operative part; "
                                 "refused", file=self.file,
                                 hint="export it again, or put the operative paragraphs in "
                                      "<mainBody>")
        self._operative(body, operative, counts)
        annexes = []
        att = doc.find(_e("attachments"))
        if att is not None:
            for k, a in enumerate((a for a in att if _local(a) == "attachment"), 1):
                annexes.append(self._annex(a, k))
        draft = Draft(Metadata().with_values(**values), tuple(preamble), tuple(operative),
                      tuple(self.notes.values()), tuple(annexes))
        return ImportResult(draft, self.warnings)

    # ---------------------------------------------------------------- metadata
    def _metadata(self, doc) -> dict:
        held = doc.find(f"{_e('meta')}/{_e('proprietary')}/{{{ASM}}}metadata")
        if held is not None:
            return {f.get("name", "").replace("-", "_"): f.text or ""
                    for f in held.iter(f"{{{ASM}}}field")}
        values: dict[str, str] = {}
        preface = doc.find(_e("preface"))
        if preface is not None:
            for tag, key in (("docNumber", "symbol"), ("docTitle", "title"),
                             ("docStage", "stage_label"), ("docProponent", "submitted_by"),
                             ("docDate", "date")):
                el = preface.find(f".//{_e(tag)}")
                if el is not None:
                    values[key] = " ".join("".join(el.itertext()).split())
        formula = doc.find(f"{_e('preamble')}/{_e('formula')}")
        if formula is not None:
            values["formula"] = " ".join("".join(formula.itertext()).split())
        concl = doc.find(_e("conclusions"))
        if concl is not None:
            values["closing"] = " / ".join(" ".join("".join(p.itertext()).split())
                                           for p in concl.iter(_e("p")))
        return values

    # ---------------------------------------------------------------- body
    def _operative(self, parent, out: list, counts: dict) -> None:
        for el in parent:
            name = _local(el)
            if name == "paragraph":
                counts["op"] += 1
                node = self._tree(el)
                uid = self._id(el, f"op{counts['op']}")
                out.append(OperativeParagraph(uid, normalize(node.content),
                                              self._subs(node, uid, 1),
                                              children_style(node, 1)))
            elif name == "hcontainer" and el.get("name") == "preambularParagraph":
                # a later part's preambular paragraph (a resolution in parts)
                counts["pp"] += 1
                content = el.find(_e("content"))
                node = self._items(content if content is not None else el)
                uid = self._id(el, f"pp{counts['pp']}")
                out.append(PreambularParagraph(uid, self._block(content),
                                               self._subs(node, uid, 1),
                                               children_style(node, 1)))
            elif name in ("section", "hcontainer", "chapter", "part", "title"):
                heading = el.find(_e("heading"))
                if heading is not None:
                    counts["h"] += 1
                    out.append(Heading(self._id(el, f"h{counts['h']}"), self._inline(heading),
                                       name == "part"))
                self._operative(el, out, counts)
            elif name in ("p", "blockList") and "".join(el.itertext()).strip():
                counts["op"] += 1
                self.warn(el.get("eId") or f"mainBody {name}", "text outside a paragraph; kept "
                                                               "as an operative paragraph")
                out.append(OperativeParagraph(self._id(el, f"op{counts['op']}"),
                                              self._inline(el)))

    def _tree(self, el) -> ListUnit:
        num = el.find(_e("num"))
        mark = "".join(num.itertext()).strip() if num is not None else None
        intro = el.find(_e("intro"))
        content = self._block(intro if intro is not None else el.find(_e("content")))
        node = ListUnit("sub", list(content), el.get("eId", ""), el.get("wId"), mark,
                     style=style_of(mark)[0] if mark else None)
        node.element = el
        for lst in el.findall(_e("list")):
            for point in lst.findall(_e("point")):
                node.children.append(self._tree(point))
        return node

    def _items(self, el) -> ListUnit:
        """A container's or an item's blockList as the list tree _subs reads."""
        num = el.find(_e("num"))
        mark = "".join(num.itertext()).strip() if num is not None else None
        node = ListUnit("sub", list(self._block(el.find(_e("p")))), el.get("eId", ""),
                        el.get("wId"), mark, style=style_of(mark)[0] if mark else None)
        node.element = el
        for lst in el.findall(_e("blockList")):
            for item in lst.findall(_e("item")):
                node.children.append(self._items(item))
        return node

    def _subs(self, node: ListUnit, uid: str, degree: int) -> tuple:
        out, seen = [], set()
        for count, child in enumerate(node.children, 1):
            # a file without wIds: ids by the rule every reader follows (readers/ids.py)
            cid = self._id(child.element, child_id(uid, child.mark or str(count), seen))
            grand = self._subs(child, cid, degree + 1)
            continues = list_continues(node, child)  # may settle how its first label reads
            out.append(SubParagraph(cid, normalize(child.content), grand,
                                    children_style(child, degree + 1), continues))
        return tuple(out)

    def _id(self, el, guess: str) -> str:
        wid = el.get("wId") if el is not None else None
        if wid and wid in self.wids:
            # policy: a wId is a unit's identity, which proposals target; two units with one
            # would send an amendment to whichever came first, so the file is refused
            raise AssemblerError(f"the wId '{wid}' is given to two units ({el.get('eId') or _local(el)} "
                                 "and one before it); refused", file=self.file,
                                 hint="give every unit a wId of its own")
        if wid:
            self.wids.add(wid)
        uid = wid or guess
        if uid in self.used:
            k = 2
            while f"{uid}-{k}" in self.used:
                k += 1
            uid = f"{uid}-{k}"
        self.used.add(uid)
        return uid

    # ---------------------------------------------------------------- annexes
    def _annex(self, att, k: int) -> Annex:
        doc = next((c for c in att if _local(c) in ("doc", "statement")), att)
        aid = self._id(att, f"annex{k}")
        title_el = doc.find(f"{_e('preface')}//{_e('docTitle')}")
        title = self._inline(title_el) if title_el is not None else ()
        body = []
        main = doc.find(_e("mainBody"))
        for n, block in enumerate(main if main is not None else (), 1):
            name = _local(block)
            if name == "table":
                body.append(self._table(block, f"t{n}"))
            elif name == "p" and block.get("class") == "emptyTable":
                body.append(Table(self._id(block, f"t{n}"), (), self._inline(block)))
            elif name == "p":
                if not len(block) and not (block.text or "") and block.get("wId") is None:
                    continue  # the placeholder an empty body needs
                body.append(AnnexParagraph(self._id(block, f"{aid}.p{n}"), self._inline(block)))
            elif name:
                body.append(AnnexParagraph(self._id(block, f"{aid}.p{n}"), self._block(block)))
        return Annex(aid, title, tuple(body))

    def _table(self, t, guess: str) -> Table:
        tid = self._id(t, guess)
        caption = t.find(_e("caption"))
        rows = []
        for r, tr in enumerate(t.findall(_e("tr"))):
            cells = [c for c in tr if _local(c) in ("th", "td")]
            header = bool(cells) and all(_local(c) == "th" for c in cells)
            rows.append(Row(self._id(tr, f"{tid}.r{r}"), tuple(self._block(c) for c in cells),
                            header))
        return Table(tid, tuple(rows), self._inline(caption) if caption is not None else (),
                     t.get("class") == "landscape")

    # ---------------------------------------------------------------- inline
    def _block(self, el) -> tuple:
        """The content of a block holding paragraphs; several are joined by line breaks."""
        if el is None:
            return ()
        paras = [p for p in el if _local(p) == "p"]
        if not paras:
            return self._inline(el)
        out: list = []
        for i, p in enumerate(paras):
            if i:
                out.append(Break())
            out += self._inline(p)
        return normalize(out)

    def _inline(self, el, fmt: tuple = (False, False, False)) -> tuple:
        out: list = []
        self._walk(el, fmt, out)
        return normalize(out)

    def _walk(self, el, fmt, out: list) -> None:
        if el.text:
            out.append(Text(el.text, *fmt))
        for child in el:
            name = _local(child)
            if name in ("i", "b", "sup", "u", "span", "inline", "docTitle", "docNumber"):
                italic, bold, sup = fmt
                new = (italic or name == "i", bold or name == "b", sup or name == "sup")
                self._walk(child, new, out)
            elif name == "ref":
                href = child.get("href", "")
                target = self.eid_to_wid.get(href.lstrip("#"))
                if href.startswith("#") and target:
                    out.append(CrossRef(target))
                else:
                    self._walk(child, fmt, out)
            elif name == "authorialNote":
                out.append(FootnoteRef(self._note(child)))
            elif name in ("br", "eol"):
                out.append(Break())
            elif name:
                self._walk(child, fmt, out)
            if child.tail:
                out.append(Text(child.tail, *fmt))

    def _note(self, el) -> str:
        fid = el.get("wId") or f"fn{el.get('marker') or len(self.notes) + 1}"
        if fid not in self.notes:
            self.notes[fid] = Footnote(fid, self._block(el))
            self.used.add(fid)
        return fid
