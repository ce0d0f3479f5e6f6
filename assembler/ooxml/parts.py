"""The package's document-wide parts: styles (from the fonts), settings and core
properties. builder.py assembles them with the body it built."""
from __future__ import annotations

from lxml import etree

from .formats import Fonts, twips
from .ns import CP, DC, DCTERMS, NSMAP, w


def styles_part(f: Fonts, language: str,
                footnote_indent: tuple[float, float, float] | None) -> etree._Element:
    """word/styles.xml: the defaults from the fonts, Normal, footnote text and reference,
    two heading levels, Title and a table grid."""
    root = etree.Element(w("styles"), nsmap=NSMAP)
    defaults = etree.SubElement(root, w("docDefaults"))
    rpr = etree.SubElement(etree.SubElement(defaults, w("rPrDefault")), w("rPr"))
    fonts = etree.SubElement(rpr, w("rFonts"))
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(w(attr), f.body)
    if f.char_spacing_pt:
        etree.SubElement(rpr, w("spacing")).set(w("val"), str(round(f.char_spacing_pt * 20)))
    if f.char_scale_pct != 100:
        etree.SubElement(rpr, w("w")).set(w("val"), str(f.char_scale_pct))
    etree.SubElement(rpr, w("sz")).set(w("val"), str(round(f.body_pt * 2)))
    etree.SubElement(rpr, w("szCs")).set(w("val"), str(round(f.body_pt * 2)))
    etree.SubElement(rpr, w("lang")).set(w("val"), language)
    ppr = etree.SubElement(etree.SubElement(defaults, w("pPrDefault")), w("pPr"))
    sp = etree.SubElement(ppr, w("spacing"))
    sp.set(w("after"), str(round(f.space_after_pt * 20)))
    if f.line_pt:
        sp.set(w("line"), str(round(f.line_pt * 20)))
        sp.set(w("lineRule"), "exact")
    else:
        sp.set(w("line"), str(round(240 * f.line_spacing)))
        sp.set(w("lineRule"), "auto")
    _style(root, "paragraph", "Normal", "Normal", default=True)
    fn = _style(root, "paragraph", "FootnoteText", "footnote text", based="Normal")
    fn_ppr = etree.SubElement(fn, w("pPr"))
    fsp = etree.SubElement(fn_ppr, w("spacing"))
    fsp.set(w("after"), "0")
    if f.footnote_line_pt:
        fsp.set(w("line"), str(round(f.footnote_line_pt * 20)))
        fsp.set(w("lineRule"), "exact")
    if footnote_indent:
        left, hanging, right = footnote_indent
        ind = etree.SubElement(fn_ppr, w("ind"))
        ind.set(w("left"), twips(left))
        ind.set(w("right"), twips(right))
        ind.set(w("hanging"), twips(hanging))
    fn_rpr = etree.SubElement(fn, w("rPr"))
    etree.SubElement(fn_rpr, w("sz")).set(w("val"), str(round(f.footnote_pt * 2)))
    etree.SubElement(fn_rpr, w("szCs")).set(w("val"), str(round(f.footnote_pt * 2)))
    ref = _style(root, "character", "FootnoteReference", "footnote reference")
    etree.SubElement(etree.SubElement(ref, w("rPr")), w("vertAlign")).set(w("val"), "superscript")
    for level in (1, 2):
        h = _style(root, "paragraph", f"Heading{level}", f"heading {level}", based="Normal")
        hp = etree.SubElement(h, w("pPr"))
        etree.SubElement(hp, w("keepNext"))
        etree.SubElement(hp, w("outlineLvl")).set(w("val"), str(level - 1))
        etree.SubElement(etree.SubElement(h, w("rPr")), w("b"))
    _style(root, "paragraph", "Title", "Title", based="Normal")
    _style(root, "table", "TableGrid", "Table Grid")
    return root


def _style(root, kind: str, sid: str, name: str, based: str | None = None,
           default: bool = False) -> etree._Element:
    st = etree.SubElement(root, w("style"))
    st.set(w("type"), kind)
    st.set(w("styleId"), sid)
    if default:
        st.set(w("default"), "1")
    etree.SubElement(st, w("name")).set(w("val"), name)
    if based:
        etree.SubElement(st, w("basedOn")).set(w("val"), based)
    etree.SubElement(st, w("qFormat"))
    return st


def settings_part(track_revisions: bool = False, even_and_odd_headers: bool = False
                  ) -> etree._Element:
    """word/settings.xml."""
    root = etree.Element(w("settings"), nsmap=NSMAP)
    if track_revisions:
        etree.SubElement(root, w("trackRevisions"))
    etree.SubElement(root, w("defaultTabStop")).set(w("val"), "720")
    if even_and_odd_headers:  # schema order: after defaultTabStop, before footnotePr
        etree.SubElement(root, w("evenAndOddHeaders"))
    fpr = etree.SubElement(root, w("footnotePr"))
    for fid in ("0", "1"):
        etree.SubElement(fpr, w("footnote")).set(w("id"), fid)
    etree.SubElement(root, w("compat"))
    return root


def core_part(title: str, author: str) -> etree._Element:
    """docProps/core.xml: the title and who made it."""
    root = etree.Element(f"{{{CP}}}coreProperties",
                         nsmap={"cp": CP, "dc": DC, "dcterms": DCTERMS})
    etree.SubElement(root, f"{{{DC}}}title").text = title
    etree.SubElement(root, f"{{{DC}}}creator").text = author
    return root
