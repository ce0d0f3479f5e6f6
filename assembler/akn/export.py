"""Draft -> Akoma Ntoso 3.0 (OASIS LegalDocML), following AKN4UN for resolutions.

`statement name="resolution"`: preface (docNumber, docTitle, docStage, docDate), preamble
(the enacting formula, then one `container` per preambular paragraph, named after its lead),
mainBody (operative `paragraph`s with `num` and `content`; sub-paragraphs as `list`/`point`;
headed groups as `section`), conclusions (closing formula), attachments (annexes, tables).
Footnotes are `authorialNote`s where they are referenced. eIds follow the current numbering
(para_8__list_1__point_a), wIds keep the stable ids, so a renumbered draft keeps its wIds.
The draft's metadata is kept in `proprietary` so that import gives the same model back.
"""
from __future__ import annotations

import re

from lxml import etree

from ..dates import iso_day
from ..lang import language_of
from ..leads import lead_text
from ..model import (Annex, AnnexParagraph, Break, Content, CrossRef, Draft, FootnoteRef,
                     Heading, Table, Text)
from ..numbering import Label, compute_labels

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
ASM = "https://assembler.invalid/ns/akn-metadata/1"   # our proprietary metadata
NS = {None: AKN}
ORGANS = {"General Assembly": ("un-ga", "generalAssembly"),
          "Security Council": ("un-sc", "securityCouncil"),
          "Economic and Social Council": ("un-ecosoc", "economicAndSocialCouncil"),
          "Human Rights Council": ("un-hrc", "humanRightsCouncil")}


def _e(tag: str) -> str:
    return f"{{{AKN}}}{tag}"


iso_date = iso_day  # AKN dates are days: 2016-12-22


def work_iri(draft: Draft) -> str:
    """/akn/un/statement/deliberation/un-ga/2017-04-06/71-280 (AKN4UN): the symbol's number
    with "/" as "-"; an informal draft without symbol is named by negotiation and version."""
    meta = draft.metadata
    organ = ORGANS.get(meta.organ, ("un-ga", ""))[0]
    day = iso_date(meta.date) or "0001-01-01"
    if meta.symbol:
        sym = meta.symbol
        sym = re.sub(r"^[A-Z]/(RES/)?", "", sym)
        number = sym.replace("/", "-").replace(".", "-").lower()
    else:
        number = "-".join(x for x in (meta.negotiation, meta.version) if x) or "draft"
    number = re.sub(r"[^a-z0-9-]+", "-", number.lower()).strip("-") or "draft"
    return f"/akn/un/statement/deliberation/{organ}/{day}/{number}"


class _Exporter:
    def __init__(self, draft: Draft):
        self.draft = draft
        self.labels: dict[str, Label] = compute_labels(draft)
        self.eids: dict[str, str] = {}
        self.note_count: dict[str, int] = {}
        self._plan_eids()

    # ---------------------------------------------------------------- ids
    def _plan_eids(self) -> None:
        d = self.draft
        for i, pp in enumerate(d.preamble, 1):
            self.eids[pp.id] = f"preamble__container_{i}"
            if isinstance(pp, Heading):
                continue
            for child in pp.children:
                self._plan_item(child, f"preamble__container_{i}__blocklist_1")
        sec = 0
        for item in d.operative:
            label = self.labels[item.id]
            within = f"part_{label.part}__" if label.part else ""  # eIds unique across parts
            if isinstance(item, Heading) and item.part:
                self.eids[item.id] = f"part_{label.part}"
            elif isinstance(item, Heading):
                sec += 1
                self.eids[item.id] = f"{within}sec_{sec}"
            elif item.kind == "pp":
                self.eids[item.id] = f"{within}hcontainer_{label.path[0]}"
                for child in item.children:
                    self._plan_item(child, f"{self.eids[item.id]}__blocklist_1")
            else:
                self._plan_unit(item, f"{within}para_{label.path[0]}")
        for a, annex in enumerate(d.annexes, 1):
            self.eids[annex.id] = f"att_{a}"
            for b, block in enumerate(annex.body, 1):
                if isinstance(block, Table):
                    self.eids[block.id] = f"att_{a}__table_{b}"
                    for r, row in enumerate(block.rows, 1):
                        self.eids[row.id] = f"att_{a}__table_{b}__tr_{r}"
                else:
                    self.eids[block.id] = f"att_{a}__p_{b}"

    def _plan_item(self, unit, list_eid: str) -> None:
        """A preambular paragraph's list is a blockList of items, nested the same way."""
        mark = self.labels[unit.id].mark.strip("().") or unit.id
        eid = f"{list_eid}__item_{_safe(mark)}"
        self.eids[unit.id] = eid
        for child in unit.children:
            self._plan_item(child, f"{eid}__blocklist_1")

    def _plan_unit(self, unit, eid: str) -> None:
        self.eids[unit.id] = eid
        for child in unit.children:
            mark = self.labels[child.id].mark.strip("().") or child.id
            self._plan_unit(child, f"{eid}__list_1__point_{_safe(mark)}")

    # ---------------------------------------------------------------- document
    def build(self) -> etree._Element:
        d = self.draft
        root = etree.Element(_e("akomaNtoso"), nsmap=NS)
        st = etree.SubElement(root, _e("statement"), name="resolution")
        st.append(self._meta(work_iri(d), "resolution"))
        self._preface(st)
        self._preamble(st)
        body = etree.SubElement(st, _e("mainBody"))
        section = part = None
        for item in d.operative:
            if isinstance(item, Heading) and item.part:  # a later part: num, heading, its own
                # preambular paragraphs (hcontainers) and paragraphs
                part = section = etree.SubElement(body, _e("part"), eId=self.eids[item.id],
                                                  wId=item.id)
                etree.SubElement(part, _e("num")).text = self.labels[item.id].mark
                self._inline(etree.SubElement(part, _e("heading")), item.content, item.id)
            elif isinstance(item, Heading):
                section = etree.SubElement(part if part is not None else body, _e("section"),
                                           eId=self.eids[item.id], wId=item.id)
                self._inline(etree.SubElement(section, _e("heading")), item.content, item.id)
            elif item.kind == "pp":
                c = etree.SubElement(section, _e("hcontainer"), name="preambularParagraph",
                                     eId=self.eids[item.id], wId=item.id)
                content = etree.SubElement(c, _e("content"))
                self._inline(etree.SubElement(content, _e("p")), item.content, item.id)
                self._block_list(content, item)
            else:
                self._unit(section if section is not None else body, item, "paragraph")
        if not len(body):
            etree.SubElement(body, _e("p"))
        if d.metadata.closing:
            concl = etree.SubElement(st, _e("conclusions"))
            for line in d.metadata.lines("closing"):
                etree.SubElement(concl, _e("p")).text = line
        if d.annexes:
            att = etree.SubElement(st, _e("attachments"))
            for annex in d.annexes:
                att.append(self._annex(annex))
        return root

    def _meta(self, work: str, name: str, proprietary: bool = True) -> etree._Element:
        d = self.draft
        meta = etree.Element(_e("meta"))
        ident = etree.SubElement(meta, _e("identification"), source="#assembler")
        day = iso_date(d.metadata.date) or "0001-01-01"
        expr = f"{work}/eng@"
        author = "#" + ORGANS.get(d.metadata.organ, ("", "generalAssembly"))[1]
        for level, this, uri in (("FRBRWork", work + "/!main", work),
                                 ("FRBRExpression", expr + "/!main", expr),
                                 ("FRBRManifestation", expr + "/!main.xml", expr + ".akn")):
            el = etree.SubElement(ident, _e(level))
            etree.SubElement(el, _e("FRBRthis"), value=this)
            etree.SubElement(el, _e("FRBRuri"), value=uri)
            etree.SubElement(el, _e("FRBRdate"), date=day,
                             name={"FRBRWork": "adoption" if d.metadata.stage == "adopted"
                                   else "draft", "FRBRExpression": "version",
                                   "FRBRManifestation": "generation"}[level])
            etree.SubElement(el, _e("FRBRauthor"), href=author if level != "FRBRManifestation"
                             else "#assembler")
            if level == "FRBRWork":
                etree.SubElement(el, _e("FRBRcountry"), value="un")
                etree.SubElement(el, _e("FRBRname"), value=name)
            if level == "FRBRExpression":
                etree.SubElement(el, _e("FRBRlanguage"), language=language_of(d.metadata).akn)
        if not proprietary:  # an annex: the statement's references serve (eIds are unique)
            return meta
        refs = etree.SubElement(meta, _e("references"), source="#assembler")
        organ = ORGANS.get(d.metadata.organ, ("", "generalAssembly"))[1]
        etree.SubElement(refs, _e("TLCOrganization"), eId=organ,
                         href=f"/akn/ontology/organizations/un/{organ}",
                         showAs=d.metadata.organ or "General Assembly")
        etree.SubElement(refs, _e("TLCOrganization"), eId="assembler",
                         href="/akn/ontology/organizations/assembler", showAs="assembler")
        if proprietary:
            prop = etree.SubElement(meta, _e("proprietary"), source="#assembler")
            holder = etree.SubElement(prop, f"{{{ASM}}}metadata", nsmap={"asm": ASM})
            for key, value in d.metadata.items():
                etree.SubElement(holder, f"{{{ASM}}}field", name=key).text = value
        return meta

    def _preface(self, st) -> None:
        m = self.draft.metadata
        preface = etree.SubElement(st, _e("preface"))
        for cls, tag, value in (("docNumber", "docNumber", m.symbol),
                                ("docTitle", "docTitle", m.title),
                                ("docStage", "docStage", m.stage_label),
                                ("submittedBy", "docProponent", m.submitted_by)):
            if value:
                p = etree.SubElement(preface, _e("p"), {"class": cls})
                etree.SubElement(p, _e(tag)).text = value
        if m.date:
            p = etree.SubElement(preface, _e("p"), {"class": "docDate"})
            el = etree.SubElement(p, _e("docDate"), date=iso_date(m.date) or "0001-01-01")
            el.text = m.date
        if not len(preface):
            st.remove(preface)

    def _preamble(self, st) -> None:
        d = self.draft
        if not d.preamble and not d.metadata.formula:
            return
        pre = etree.SubElement(st, _e("preamble"))
        if d.metadata.formula:
            f = etree.SubElement(pre, _e("formula"), name="enactingFormula")
            etree.SubElement(f, _e("p")).text = d.metadata.formula
        for pp in d.preamble:
            if isinstance(pp, Heading):  # a heading over preambular paragraphs, or the
                # first part's (named "part")
                c = etree.SubElement(pre, _e("container"), name="part" if pp.part else "heading",
                                     eId=self.eids[pp.id], wId=pp.id)
                self._inline(etree.SubElement(c, _e("p"), {"class": "heading"}), pp.content,
                             pp.id)
                continue
            lead = lead_text(pp.content).split(" ")[0].lower()
            name = re.sub(r"[^a-z]", "", lead) or "preambularParagraph"
            c = etree.SubElement(pre, _e("container"), name=name, eId=self.eids[pp.id],
                                 wId=pp.id)
            self._inline(etree.SubElement(c, _e("p")), pp.content, pp.id)
            self._block_list(c, pp)

    def _block_list(self, parent, unit) -> None:
        """A unit's lettered list inside a container: blockList > item (num, p, its own)."""
        if not unit.children:
            return
        lst = etree.SubElement(parent, _e("blockList"),
                               eId=self.eids[unit.children[0].id].rsplit("__item_", 1)[0])
        for child in unit.children:
            item = etree.SubElement(lst, _e("item"), eId=self.eids[child.id], wId=child.id)
            etree.SubElement(item, _e("num")).text = self.labels[child.id].mark
            self._inline(etree.SubElement(item, _e("p")), child.content, child.id)
            self._block_list(item, child)

    def _unit(self, parent, unit, tag: str) -> None:
        el = etree.SubElement(parent, _e(tag), eId=self.eids[unit.id], wId=unit.id)
        mark = self.labels[unit.id].mark
        if mark:
            etree.SubElement(el, _e("num")).text = mark
        if unit.children:
            intro = etree.SubElement(el, _e("intro"))
            self._inline(etree.SubElement(intro, _e("p")), unit.content, unit.id)
            lst = etree.SubElement(el, _e("list"), eId=self.eids[unit.id] + "__list_1")
            for child in unit.children:
                self._unit(lst, child, "point")
        else:
            content = etree.SubElement(el, _e("content"))
            self._inline(etree.SubElement(content, _e("p")), unit.content, unit.id)

    def _annex(self, annex: Annex) -> etree._Element:
        att = etree.Element(_e("attachment"), eId=self.eids[annex.id], wId=annex.id)
        doc = etree.SubElement(att, _e("doc"), name="annex")
        doc.append(self._meta(work_iri(self.draft) + "/!annex_" + self.eids[annex.id][4:],
                              "annex", proprietary=False))
        if annex.title:
            preface = etree.SubElement(doc, _e("preface"))
            p = etree.SubElement(preface, _e("p"), {"class": "title"})
            self._inline(etree.SubElement(p, _e("docTitle")), annex.title, annex.id)
        body = etree.SubElement(doc, _e("mainBody"))
        for block in annex.body:
            if isinstance(block, AnnexParagraph):
                p = etree.SubElement(body, _e("p"), eId=self.eids[block.id], wId=block.id)
                self._inline(p, block.content, block.id)
            elif isinstance(block, Table):
                self._table(body, block)
        if not len(body):
            etree.SubElement(body, _e("p"))
        return att

    def _table(self, body, table: Table) -> None:
        if not table.rows:  # AKN needs a row; an empty table keeps its title as a paragraph
            p = etree.SubElement(body, _e("p"), eId=self.eids[table.id], wId=table.id)
            p.set("class", "emptyTable")
            self._inline(p, table.title, table.id)
            return
        t = etree.SubElement(body, _e("table"), eId=self.eids[table.id], wId=table.id)
        if table.landscape:
            t.set("class", "landscape")
        if table.title:
            self._inline(etree.SubElement(t, _e("caption")), table.title, table.id)
        for row in table.rows:
            tr = etree.SubElement(t, _e("tr"), eId=self.eids[row.id], wId=row.id)
            for cell in row.cells:
                c = etree.SubElement(tr, _e("th" if row.header else "td"))
                self._inline(etree.SubElement(c, _e("p")), cell, row.id)

    # ---------------------------------------------------------------- inline
    def _inline(self, el, content: Content, owner: str) -> None:
        last = None  # the element whose tail receives text
        for item in content:
            if isinstance(item, Text):
                node = self._styled(el, item)
                if node is None:
                    if last is None:
                        el.text = (el.text or "") + item.text
                    else:
                        last.tail = (last.tail or "") + item.text
                    continue
                last = node
            elif isinstance(item, CrossRef):
                label = self.labels.get(item.target)
                target = self.eids.get(item.target, item.target)
                last = etree.SubElement(el, _e("ref"), href="#" + target)
                last.text = label.number if label else item.target
            elif isinstance(item, FootnoteRef):
                last = self._note(el, item.footnote, owner)
            elif isinstance(item, Break):
                last = etree.SubElement(el, _e("br"))

    def _styled(self, el, item: Text):
        if not (item.italic or item.bold or item.sup):
            return None
        outer = inner = None
        for flag, tag in ((item.bold, "b"), (item.italic, "i"), (item.sup, "sup")):
            if flag:
                node = etree.SubElement(inner if inner is not None else el, _e(tag))
                outer = outer if outer is not None else node
                inner = node
        inner.text = item.text
        return outer

    def _note(self, el, fid: str, owner: str):
        fn = self.draft.footnote(fid)
        self.note_count[owner] = n = self.note_count.get(owner, 0) + 1
        number = self._footnote_number()
        eid = f"{self.eids.get(owner, _safe(owner))}__authorialNote_{n}"
        note = etree.SubElement(el, _e("authorialNote"), marker=str(number), placement="bottom",
                                eId=eid, wId=fid)
        p = etree.SubElement(note, _e("p"))
        self._inline(p, fn.content if fn else (), fid)
        return note

    def _footnote_number(self) -> int:
        self._notes_seen = getattr(self, "_notes_seen", 0) + 1
        return self._notes_seen


def _safe(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "-", s)


INLINE = {"p", "heading", "num", "docTitle", "docNumber", "docStage", "docProponent", "docDate",
          "caption", "FRBRthis", "field"}


def _indent(el, level: int = 0) -> None:
    """Indent the structure for people to read; never inside text (p, heading, num ...),
    where whitespace is content."""
    if etree.QName(el).localname in INLINE or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def export_akn(draft: Draft) -> bytes:
    root = _Exporter(draft).build()
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
