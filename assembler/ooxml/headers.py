"""Page furniture: headers and footers (first page, odd, even) and layout frames.

Writers describe what goes where with Line (a paragraph of Runs) and Cell; this module turns
it into header/footer parts, their relationships and section references, and into borderless
layout tables with horizontal rules (the UN masthead). No UN knowledge here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from .builder import DocumentBuilder
from .formats import twips
from .formats import ParaFormat, Run
from .ns import FOOTER_CT, HEADER_CT, NSMAP, w
from .package import Package


@dataclass
class Line:
    """One paragraph of a header, footer or frame cell."""
    runs: list[Run] = field(default_factory=list)
    fmt: ParaFormat = field(default_factory=ParaFormat)


@dataclass
class PageFurniture:
    """What the header and footer of each kind of page hold; None means 'same as odd pages'
    for even pages and 'no first page of its own' for the first page."""
    header: list[Line] = field(default_factory=list)
    footer: list[Line] = field(default_factory=list)
    first_header: list[Line] | None = None
    first_footer: list[Line] | None = None
    even_header: list[Line] | None = None
    even_footer: list[Line] | None = None


def attach(builder: DocumentBuilder, furniture: PageFurniture) -> Callable:
    """Prepare `builder` for `furniture`; returns the hook to give `to_bytes(header_footer=)`."""
    builder.first_page_different = (furniture.first_header is not None
                                    or furniture.first_footer is not None)
    builder.even_and_odd_headers = (furniture.even_header is not None
                                    or furniture.even_footer is not None)

    def add_parts(b: DocumentBuilder, pkg: Package) -> list[tuple[str, str, str]]:
        refs: list[tuple[str, str, str]] = []
        wanted = [("header", "default", furniture.header), ("footer", "default", furniture.footer)]
        if b.first_page_different:
            wanted += [("header", "first", furniture.first_header or []),
                       ("footer", "first", furniture.first_footer or [])]
        if b.even_and_odd_headers:
            wanted += [("header", "even", furniture.even_header
                        if furniture.even_header is not None else furniture.header),
                       ("footer", "even", furniture.even_footer
                        if furniture.even_footer is not None else furniture.footer)]
        # schema order inside sectPr: every headerReference, then every footerReference
        wanted.sort(key=lambda item: item[0] != "header")
        for kind, which, lines in wanted:
            name = f"{kind}{len(refs) + 1}.xml"
            root = etree.Element(w("hdr" if kind == "header" else "ftr"), nsmap=NSMAP)
            for line in lines or [Line()]:
                if isinstance(line, Frame):  # Word wants a paragraph after a table
                    frame(b, line.rows, line.widths_cm, container=root,
                          row_heights_cm=line.row_heights_cm, height_rule=line.height_rule,
                          rules_pt=line.rules_pt, indent_cm=line.indent_cm)
                    b.paragraph([Run("", size_pt=1)], ParaFormat(space_before_pt=0, space_after_pt=0,
                                                             line_pt=line.after_pt), container=root)
                else:
                    b.paragraph(line.runs, line.fmt, container=root)
            pkg.add(f"word/{name}", root, HEADER_CT if kind == "header" else FOOTER_CT)
            rid = pkg.relate("word/document.xml", kind, name)
            refs.append((kind, which, rid))
        return refs

    return add_parts


def page_of_pages() -> list[Run]:
    """'2/7': this page's number over the document's page count, as Word fields."""
    return [Run(field="PAGE"), Run("/"), Run(field="NUMPAGES")]


@dataclass
class Frame:
    """A borderless layout table inside a header or footer (a long running title beside
    the symbol wraps in its own column)."""
    rows: list
    widths_cm: list
    row_heights_cm: dict | None = None
    height_rule: str = "atLeast"
    rules_pt: dict | None = None    # row index -> weight of a rule under that row
    indent_cm: float = 0.0
    after_pt: float = 1.0           # the paragraph Word wants after a table: its height


@dataclass
class Cell:
    lines: list[Line]
    span: int = 1
    valign: str = "top"   # top, center, bottom
    shade: str | None = None  # fill colour ("000000": a barcode's bar)


def frame(builder: DocumentBuilder, rows: list[list[Cell]], widths_cm: list[float],
          rules_pt: dict[int, float] | None = None, row_heights_cm: dict[int, float] | None = None,
          indent_cm: float = 0.0, container: etree._Element | None = None,
          height_rule: str = "atLeast") -> etree._Element:
    """A borderless table used for layout; rules_pt puts a horizontal rule of that weight
    under the given rows (index), as under the masthead's top line and block."""
    rules_pt = rules_pt or {}
    row_heights_cm = row_heights_cm or {}
    tbl = etree.SubElement(builder.body if container is None else container, w("tbl"))
    tpr = etree.SubElement(tbl, w("tblPr"))
    tw = etree.SubElement(tpr, w("tblW"))
    tw.set(w("w"), twips(sum(widths_cm)))
    tw.set(w("type"), "dxa")
    if indent_cm:
        ti = etree.SubElement(tpr, w("tblInd"))
        ti.set(w("w"), twips(indent_cm))
        ti.set(w("type"), "dxa")
    borders = etree.SubElement(tpr, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, w(side)).set(w("val"), "nil")
    etree.SubElement(tpr, w("tblLayout")).set(w("type"), "fixed")
    mar = etree.SubElement(tpr, w("tblCellMar"))
    for side in ("left", "right"):
        el = etree.SubElement(mar, w(side))
        el.set(w("w"), "0")
        el.set(w("type"), "dxa")
    grid = etree.SubElement(tbl, w("tblGrid"))
    for width in widths_cm:
        etree.SubElement(grid, w("gridCol")).set(w("w"), twips(width))
    for index, cells in enumerate(rows):
        tr = etree.SubElement(tbl, w("tr"))
        trpr = etree.SubElement(tr, w("trPr"))
        etree.SubElement(trpr, w("cantSplit"))
        if index in row_heights_cm:
            h = etree.SubElement(trpr, w("trHeight"))
            h.set(w("val"), twips(row_heights_cm[index]))
            h.set(w("hRule"), height_rule)
        column = 0
        for cell in cells:
            width = sum(widths_cm[column:column + cell.span])
            column += cell.span
            tc = etree.SubElement(tr, w("tc"))
            tcpr = etree.SubElement(tc, w("tcPr"))
            tcw = etree.SubElement(tcpr, w("tcW"))
            tcw.set(w("w"), twips(width))
            tcw.set(w("type"), "dxa")
            if cell.span > 1:
                etree.SubElement(tcpr, w("gridSpan")).set(w("val"), str(cell.span))
            if index in rules_pt:
                cb = etree.SubElement(tcpr, w("tcBorders"))
                bottom = etree.SubElement(cb, w("bottom"))
                bottom.set(w("val"), "single")
                bottom.set(w("sz"), str(round(rules_pt[index] * 8)))  # eighths of a point
                bottom.set(w("space"), "0")
                bottom.set(w("color"), "000000")
            if cell.shade:
                shd = etree.SubElement(tcpr, w("shd"))
                shd.set(w("val"), "clear")
                shd.set(w("color"), "auto")
                shd.set(w("fill"), cell.shade)
            etree.SubElement(tcpr, w("vAlign")).set(w("val"), cell.valign)
            for line in cell.lines or [Line()]:
                builder.paragraph(line.runs, line.fmt, container=tc)
    return tbl
