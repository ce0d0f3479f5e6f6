"""Word files made the way people make them, with python-docx (not our own builder):
numbers typed by hand, Word's automatic numbering with two levels, real footnotes, a table
in an annex, a masthead, and tracked changes by two authors (the ooxml editor, on top)."""
from __future__ import annotations

import copy
import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

PREAMBLE = [
    ("Recalling", " its resolution 70/999 of 1 January 2016 on the fictional compact,"),
    ("Noting with concern", " the slow progress made in the preparatory process,"),
]
OPERATIVE = [
    ("Decides", " that the conference shall be held in New York;", []),
    ("Requests", " the President to organize the following:",
     ["informal thematic sessions in Geneva;", "a stocktaking meeting in Vienna;"]),
    ("Invites", " Member States to contribute through:",
     ["regional consultations, including:", "national reports;"]),
    ("Urges", " all donors to contribute generously to the trust fund.", []),
]


def _masthead(d) -> None:
    for text in ("A/71/L.99", "Distr.: Limited", "3 February 2017", "Original: English",
                 "Seventy-first session", "Agenda item 13"):
        d.add_paragraph(text)
    t = d.add_paragraph()
    t.add_run("Fictional compact on examples").bold = True
    d.add_paragraph("Draft resolution submitted by the President of the General Assembly")
    f = d.add_paragraph()
    f.add_run("The General Assembly,").italic = True


def _lead_para(d, lead: str, rest: str, prefix: str = ""):
    p = d.add_paragraph()
    if prefix:
        p.add_run(prefix + "\t")
    p.add_run(lead).italic = True
    p.add_run(rest)
    return p


def _bytes(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def hand_typed() -> bytes:
    """Numbers and labels typed by hand; a bold heading; an annex with a table."""
    d = docx.Document()
    _masthead(d)
    for lead, rest in PREAMBLE:
        _lead_para(d, lead, rest)
    n = 0
    for k, (lead, rest, subs) in enumerate(OPERATIVE):
        if k == 2:
            d.add_paragraph().add_run("Phase II").bold = True
        n += 1
        _lead_para(d, lead, rest, f"{n}.")
        for i, sub in enumerate(subs):
            d.add_paragraph(f"({'abcdef'[i]})\t{sub}")
            if k == 2 and i == 0:
                d.add_paragraph("(i)\tsubregional meetings;")
                d.add_paragraph("(ii)\tonline hearings;")
    d.add_paragraph("Annex")
    d.add_paragraph("Schedule of the informal sessions")
    table = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate((("Session", "Month"), ("Geneva session", "May 2017"),
                                ("Vienna session", "June 2017"))):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    return _bytes(d)


def _numbering(d) -> tuple[str, str]:
    """A two-level list (1. and (a)) and a second list restarting it: numIds."""
    numbering = d.part.numbering_part.element
    an = etree.SubElement(numbering, qn("w:abstractNum"))
    an.set(qn("w:abstractNumId"), "90")
    for ilvl, fmt, text in ((0, "decimal", "%1."), (1, "lowerLetter", "(%2)"),
                            (2, "lowerRoman", "(%3)")):
        lvl = etree.SubElement(an, qn("w:lvl"))
        lvl.set(qn("w:ilvl"), str(ilvl))
        etree.SubElement(lvl, qn("w:start")).set(qn("w:val"), "1")
        etree.SubElement(lvl, qn("w:numFmt")).set(qn("w:val"), fmt)
        etree.SubElement(lvl, qn("w:lvlText")).set(qn("w:val"), text)
        ind = etree.SubElement(etree.SubElement(lvl, qn("w:pPr")), qn("w:ind"))
        ind.set(qn("w:left"), str(720 * (ilvl + 1)))
        ind.set(qn("w:hanging"), "720")
    # abstractNum elements must precede num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(an)
    ids = []
    for num_id, restart in (("91", False), ("92", True)):
        num = etree.SubElement(numbering, qn("w:num"))
        num.set(qn("w:numId"), num_id)
        etree.SubElement(num, qn("w:abstractNumId")).set(qn("w:val"), "90")
        if restart:
            ov = etree.SubElement(num, qn("w:lvlOverride"))
            ov.set(qn("w:ilvl"), "0")
            etree.SubElement(ov, qn("w:startOverride")).set(qn("w:val"), "1")
        ids.append(num_id)
    return ids[0], ids[1]


def _number(p, num_id: str, level: int) -> None:
    ppr = p._p.get_or_add_pPr()
    numpr = etree.SubElement(ppr, qn("w:numPr"))
    etree.SubElement(numpr, qn("w:ilvl")).set(qn("w:val"), str(level))
    etree.SubElement(numpr, qn("w:numId")).set(qn("w:val"), num_id)


def auto_numbered() -> bytes:
    """Word's automatic numbering: operative paragraphs level 0, sub-paragraphs level 1 and
    2 of the same list; the annex has a list of its own that restarts at 1."""
    d = docx.Document()
    ops, annex_list = _numbering(d)
    _masthead(d)
    for lead, rest in PREAMBLE:
        _lead_para(d, lead, rest)
    for k, (lead, rest, subs) in enumerate(OPERATIVE):
        _number(_lead_para(d, lead, rest), ops, 0)
        for i, sub in enumerate(subs):
            _number(d.add_paragraph(sub), ops, 1)
            if k == 2 and i == 0:
                _number(d.add_paragraph("subregional meetings;"), ops, 2)
                _number(d.add_paragraph("online hearings;"), ops, 2)
    d.add_paragraph("Annex")
    for text in ("First step of the annex.", "Second step of the annex."):
        _number(d.add_paragraph(text), annex_list, 0)
    return _bytes(d)


def with_footnotes() -> bytes:
    """Real Word footnotes (footnotes.xml and w:footnoteReference), numbers typed by hand."""
    d = docx.Document()
    _masthead(d)
    p = _lead_para(d, *PREAMBLE[0])
    _footnote_ref(p, 1)
    _lead_para(d, *PREAMBLE[1])
    p = _lead_para(d, "Decides", " that the conference shall be held in New York;", "1.")
    _footnote_ref(p, 2)
    _lead_para(d, "Urges", " all donors to contribute generously.", "2.")
    root = etree.Element(qn("w:footnotes"), nsmap={"w": W})
    for fid, kind in ((-1, "separator"), (0, "continuationSeparator")):
        fn = etree.SubElement(root, qn("w:footnote"))
        fn.set(qn("w:type"), kind)
        fn.set(qn("w:id"), str(fid))
        etree.SubElement(etree.SubElement(etree.SubElement(fn, qn("w:p")), qn("w:r")),
                         qn("w:separator" if kind == "separator" else "w:continuationSeparator"))
    for fid, text in ((1, "See the report of the fictional working group (A/70/999)."),
                      (2, "The dates will be set by the President.")):
        fn = etree.SubElement(root, qn("w:footnote"))
        fn.set(qn("w:id"), str(fid))
        fp = etree.SubElement(fn, qn("w:p"))
        r = etree.SubElement(fp, qn("w:r"))
        rpr = etree.SubElement(r, qn("w:rPr"))
        etree.SubElement(rpr, qn("w:vertAlign")).set(qn("w:val"), "superscript")
        etree.SubElement(r, qn("w:footnoteRef"))
        r2 = etree.SubElement(fp, qn("w:r"))
        t = etree.SubElement(r2, qn("w:t"))
        t.text = " " + text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, etree.tostring(root),
                d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    return _bytes(d)


def _footnote_ref(p, fid: int) -> None:
    r = etree.SubElement(p._p, qn("w:r"))
    rpr = etree.SubElement(r, qn("w:rPr"))
    etree.SubElement(rpr, qn("w:vertAlign")).set(qn("w:val"), "superscript")
    etree.SubElement(r, qn("w:footnoteReference")).set(qn("w:id"), str(fid))


def two_authors(base: bytes | None = None) -> bytes:
    """The hand-typed draft returned with tracked changes by two fictional delegations."""
    from assembler.ooxml.editor import TrackedEditor
    ed = TrackedEditor(base or hand_typed())
    a, b = "Delegation A", "Group of Friends of Examples"
    ed.replace_words("conference shall be held in New York", "New York", "Geneva", a,
                     "2017-02-10T09:00:00Z")
    ed.insert_words("all donors to contribute", "contribute ", "promptly and ", a,
                    "2017-02-10T09:05:00Z")
    ed.delete_words("a stocktaking meeting in Vienna", " in Vienna", b, "2017-02-11T15:00:00Z")
    ed.delete_paragraph("the slow progress made", b, "2017-02-11T15:10:00Z")
    return ed.to_bytes()


MESSY_BODY = f"""<w:body xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>The General Assembly,</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Recall</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/></w:rPr><w:t>ing</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:t xml:space="preserve"> the </w:t></w:r><w:hyperlink r:id="rId99"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>report of the working group</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> of </w:t></w:r><w:fldSimple w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; "><w:r><w:t>2 March 2017</w:t></w:r></w:fldSimple><w:r><w:t>,</w:t></w:r></w:p>
<w:sdt><w:sdtPr/><w:sdtContent>
<w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Decides</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> that the follow</w:t></w:r><w:r><w:noBreakHyphen/><w:t>up shall be annual</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> (see below)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>;</w:t></w:r></w:p>
</w:sdtContent></w:sdt>
<w:p><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>2.</w:t></w:r></w:smartTag><w:r><w:tab/><w:t>Requests</w:t></w:r><w:r><w:t xml:space="preserve"> a report </w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r><w:r><w:t xml:space="preserve"> in 2018.</w:t></w:r></w:p>
<w:sectPr/></w:body>"""


def messy() -> bytes:
    """What Word really writes: words split across runs, spelling marks, a hyperlink, simple
    and complex fields, a content control, a smart tag, a non-breaking hyphen, a symbol."""
    d = docx.Document()
    body = d.element.body
    for child in list(body):
        body.remove(child)
    fresh = etree.fromstring(MESSY_BODY)
    for child in fresh:
        body.append(child)
    d.part.rels.get_or_add_ext_rel(RT.HYPERLINK, "http://example.invalid/report")
    rel_id = next(r for r, rel in d.part.rels.items() if rel.is_external)
    buf = io.BytesIO()
    d.save(buf)
    import zipfile
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b'r:id="rId99"', f'r:id="{rel_id}"'.encode())
            z.writestr(info, data)
    return out.getvalue()


DELEGATION_A, GROUP_B = "Delegation A", "Group of Friends of Migration"


def returned_first_draft(first_draft) -> bytes:
    """The first draft as two fictional delegations send it back with track changes on."""
    from assembler.ooxml.editor import TrackedEditor
    from assembler.writers.docx.draft import build_docx
    ed = TrackedEditor(build_docx(first_draft))
    ed.replace_words("to appoint two co-facilitators", "two", "three", DELEGATION_A,
                     "2017-01-10T10:00:00Z")
    ed.insert_words("must be open, transparent", "open, ", "fully ", DELEGATION_A,
                    "2017-01-10T10:02:00Z")
    ed.delete_paragraph("Reaffirms that the Secretariat", GROUP_B, "2017-01-11T09:00:00Z")
    ed.insert_paragraph_after("Invites the Secretary-General to submit inter-agency",
                              " Member States to share good practices on return;", GROUP_B,
                              "2017-01-11T09:05:00Z", italic_lead="Encourages", number="17.")
    ed.delete_words("Calls upon Member States to contribute", "concrete ", GROUP_B,
                    "2017-01-11T09:10:00Z")
    ed.comment("to appoint three co-facilitators", "One from each regional group is too "
               "many; three keeps the balance.", DELEGATION_A, "2017-01-10T10:01:00Z")
    return ed.to_bytes()
