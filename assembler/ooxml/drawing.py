"""An image in a line of text (w:drawing with an inline DrawingML picture), as Word writes
one: its size in EMU, the picture pointing at the media part by relationship id."""
from __future__ import annotations

from lxml import etree

from .formats import Picture
from .ns import R, w

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_EMU_PER_PT = 12700


def _el(parent, ns: str, tag: str, **attrs) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ns}}}{tag}")
    for k, v in attrs.items():
        el.set(k, str(v))
    return el


def drawing(picture: Picture, doc_id: int) -> etree._Element:
    """The w:drawing of `picture`; `doc_id` is unique among the document's drawings."""
    cx, cy = round(picture.width_pt * _EMU_PER_PT), round(picture.height_pt * _EMU_PER_PT)
    root = etree.Element(w("drawing"), nsmap={"wp": WP, "a": A, "pic": PIC, "r": R})
    inline = _el(root, WP, "inline", distT=0, distB=0, distL=0, distR=0)
    _el(inline, WP, "extent", cx=cx, cy=cy)
    _el(inline, WP, "effectExtent", l=0, t=0, r=0, b=0)
    _el(inline, WP, "docPr", id=doc_id, name=picture.name)
    frame = _el(inline, WP, "cNvGraphicFramePr")
    _el(frame, A, "graphicFrameLocks", noChangeAspect=1)
    graphic = _el(inline, A, "graphic")
    data = _el(graphic, A, "graphicData", uri=PIC)
    pic = _el(data, PIC, "pic")
    nv = _el(pic, PIC, "nvPicPr")
    _el(nv, PIC, "cNvPr", id=0, name=picture.name)
    _el(nv, PIC, "cNvPicPr")
    fill = _el(pic, PIC, "blipFill")
    _el(fill, A, "blip").set(f"{{{R}}}embed", picture.rid)
    _el(_el(fill, A, "stretch"), A, "fillRect")
    sp = _el(pic, PIC, "spPr")
    xfrm = _el(sp, A, "xfrm")
    _el(xfrm, A, "off", x=0, y=0)
    _el(xfrm, A, "ext", cx=cx, cy=cy)
    _el(_el(sp, A, "prstGeom", prst="rect"), A, "avLst")
    return root
