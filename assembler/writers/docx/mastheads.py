"""The first page and page furniture of each stage's face in Word (see stages.py for what
each face says; this module decides where it goes, through the ooxml layer)."""
from __future__ import annotations

from ...ooxml import ParaFormat, Run
from ...ooxml.headers import Cell, Frame, Line, PageFurniture, attach, frame, page_of_pages
from ...stages import Masthead


def usable_width(dd) -> float:
    page = dd.builder.page
    return page.width_cm - page.left_cm - page.right_cm


def render_masthead(dd, face: Masthead) -> None:
    """Write `face`'s first-page block into the DraftDocx `dd`; issued faces also get their
    running headers and footers."""
    if face.face == "informal":
        informal(dd, face)
        return
    top(dd, face)
    session_block(dd, face)
    if face.face == "limited":
        limited_heading(dd, face)
    else:
        resolution_heading(dd, face)
    furniture(dd, face)


def informal(dd, face: Masthead) -> None:
    """Date on the right, the title, then the stage marking (as the seed's First Draft)."""
    look = dd.layout.section("informal")
    fonts = dd.layout.section("fonts")
    b = dd.builder
    if face.date:
        b.paragraph([Run(face.date)], ParaFormat(align=look.get("date_align", "right")))
    if face.title:
        b.paragraph([Run(face.title, bold=look.get("title_bold", True), size_pt=fonts.get("title_pt"))],
                    ParaFormat(style="Title", align=look.get("title_align", "center"),
                               space_before_pt=12, space_after_pt=12, keep_next=True))
    if face.stage_label:
        b.paragraph([Run(face.stage_label, bold=look.get("stage_bold", True),
                         italic=look.get("stage_italic", False), size_pt=fonts.get("stage_pt"))],
                    ParaFormat(align=look.get("stage_align", "center"), space_after_pt=12,
                               keep_next=True))


def top(dd, face: Masthead) -> None:
    """'United Nations' and the symbol over a thin rule; the organ in large type beside
    distribution, date and original language, over a thick rule."""
    m = dd.layout.section("masthead")
    width = usable_width(dd)
    right = m.get("right_column_cm", 5.5)
    tight = dict(space_before_pt=0, space_after_pt=0)
    symbol = Line([Run(face.symbol, size_pt=m.get("symbol_pt", 16))],
                  ParaFormat(align="left", **tight))
    un = Line([Run(face.united_nations, size_pt=m.get("united_nations_pt", 10))],
              ParaFormat(align="left", **tight))
    organ = Line([Run(face.organ, bold=True, size_pt=m.get("organ_pt", 20))],
                 ParaFormat(align="left", space_before_pt=m.get("organ_space_before_pt", 4),
                            space_after_pt=m.get("organ_space_after_pt", 4)))
    facts = [f"{face.distribution_label} {face.distribution}", face.date]
    if face.original:
        facts += ["", face.original]
    distr = [Line([Run(text)], ParaFormat(align="left", space_before_pt=m.get("distr_space_before_pt", 3)
                                          if i == 0 else 0, space_after_pt=0))
             for i, text in enumerate(facts)]
    frame(dd.builder,
          [[Cell([un], valign="bottom"), Cell([symbol], valign="bottom")],
           [Cell([organ], valign="center"), Cell(distr, valign="center")]],
          [width - right, right],
          rules_pt={0: m.get("top_rule_pt", 0.75), 1: m.get("bottom_rule_pt", 3)},
          row_heights_cm={1: m.get("organ_row_cm", 1.6)})


def session_block(dd, face: Masthead) -> None:
    """Session, main committee and agenda items on the upper left, agenda item titles in
    bold."""
    m = dd.layout.section("masthead")
    narrow = usable_width(dd) * (1 - m.get("session_block_share", 0.55))
    b = dd.builder
    lines = [(t, False) for t in (face.session, face.main_committee, face.agenda) if t]
    lines += [(t, True) for t in face.agenda_titles]
    for i, (text, bold) in enumerate(lines):
        b.paragraph([Run(text, bold=bold)],
                    ParaFormat(right_cm=narrow,
                               space_before_pt=m.get("session_space_before_pt", 12) if i == 0 else 0,
                               space_after_pt=0, keep_next=True))


def limited_heading(dd, face: Masthead) -> None:
    m = dd.layout.section("masthead")
    ind = dd.ind
    left = ind.get("body_left_cm", 1.27)
    b = dd.builder
    b.paragraph([Run(face.submitted, bold=True)],
                ParaFormat(space_before_pt=m.get("submitted_space_before_pt", 24),
                           space_after_pt=m.get("submitted_space_after_pt", 12), keep_next=True))
    b.paragraph([Run(face.title, bold=True, size_pt=m.get("doc_title_pt", 12))],
                ParaFormat(style="Title", left_cm=left, right_cm=ind.get("body_right_cm", 1.27),
                           space_after_pt=m.get("title_space_after_pt", 12), keep_next=True))


def resolution_heading(dd, face: Masthead) -> None:
    m = dd.layout.section("masthead")
    ind = dd.ind
    left = ind.get("body_left_cm", 1.27)
    b = dd.builder
    b.paragraph([Run(face.adopted, bold=True, size_pt=m.get("adopted_pt", 12))],
                ParaFormat(space_before_pt=m.get("submitted_space_before_pt", 24),
                           space_after_pt=0, keep_next=True))
    b.paragraph([Run(face.committee)], ParaFormat(space_after_pt=12, keep_next=True))
    number, _, title = face.title.partition(" ")
    hang = m.get("resolution_number_hang_cm", 1.27)
    b.paragraph([Run(number, bold=True, size_pt=m.get("doc_title_pt", 12)), Run(tab=True),
                 Run(title, bold=True, size_pt=m.get("doc_title_pt", 12))],
                ParaFormat(style="Title", left_cm=left + hang, first_line_cm=-hang,
                           right_cm=ind.get("body_right_cm", 1.27),
                           tabs_cm=((left + hang, "left"),),
                           space_after_pt=m.get("title_space_after_pt", 12), keep_next=True))


def odd_header(face: Masthead, width: float, size: float, symbol: Run, look: dict) -> Frame:
    """Title on the left, wrapping in its column; the symbol on the right of its first line."""
    right = look.get("running_symbol_cm", 3.0)
    tight = dict(space_before_pt=0, space_after_pt=0)
    return Frame([[Cell([Line([Run(face.running_title, size_pt=size)], ParaFormat(**tight))]),
                   Cell([Line([symbol], ParaFormat(align="right", **tight))])]],
                 [width - right, right])


def job_footer(face: Masthead, job: str, width: float, size: float, look: dict) -> Frame:
    """Page 1's foot: the job number on the left; on the right the Code 39 bars of the job
    number with their text ("*1705719*") beneath, as on issued documents."""
    from ...barcode import code39
    bars = code39(face.barcode)
    narrow = look.get("barcode_narrow_cm", 0.03)
    widths = [units * narrow for _, units in bars]
    tight = dict(space_before_pt=0, space_after_pt=0)
    small = ParaFormat(space_before_pt=0, space_after_pt=0)
    left = width - sum(widths)
    top = [Cell([Line([Run(job, size_pt=size)], ParaFormat(**tight))], valign="bottom")]
    top += [Cell([Line([Run("", size_pt=1)], small)], shade="000000" if bar else None)
            for bar, _ in bars]
    under = [Cell([Line()]),
             Cell([Line([Run(face.barcode, size_pt=look.get("barcode_pt", 9))],
                        ParaFormat(align="center", **tight))], span=len(bars))]
    return Frame([top, under], [left] + widths,
                 row_heights_cm={0: look.get("barcode_height_cm", 0.8)}, height_rule="exact")


def furniture(dd, face: Masthead) -> None:
    """Job number and barcode text at the foot of page 1; from page 2 the symbol (and the
    title on resolutions) on top and the job number with page/total at the foot, mirrored on
    even and odd pages as in issued documents."""
    f = dd.layout.section("furniture")
    width = usable_width(dd)
    size = f.get("pt", 9)
    tight = dict(space_before_pt=0, space_after_pt=0)
    tabs = ((width, "right"),)
    job_short = face.job_number.split(" (")[0]
    first_job = face.job_number + (f"    {face.job_date}" if face.job_date else "")
    first_footer = [job_footer(face, first_job, width, size, f)]
    bold_symbol = Run(face.symbol, bold=True, size_pt=size)
    odd_head = [Run(face.running_title, size_pt=size), Run(tab=True), bold_symbol] \
        if face.running_title else [Run(tab=True), bold_symbol]
    even_head = [bold_symbol, Run(tab=True), Run(face.running_title, size_pt=size)] \
        if face.running_title else [bold_symbol]
    title_at = f.get("running_title_cm", 3.5) if face.running_title else 0.0
    title_tabs = ((title_at, "left"),) if face.running_title else ()
    # after covering letters in a section of their own, count the text's pages only
    total = "SECTIONPAGES" if dd.builder.plain_sections else "NUMPAGES"
    pages = [Run(r.text, field=total if r.field == "NUMPAGES" else r.field, size_pt=size, bold=True)
             for r in page_of_pages()]
    fur = PageFurniture(
        header=[odd_header(face, width, size, bold_symbol, f)] if face.running_title else
        [Line(odd_head, ParaFormat(tabs_cm=tabs, **tight))],
        # a long title wraps under itself, clear of the symbol
        even_header=[Line(even_head, ParaFormat(tabs_cm=title_tabs, left_cm=title_at,
                                                first_line_cm=-title_at, **tight))],
        footer=[Line([Run(job_short, size_pt=size), Run(tab=True)] + pages,
                     ParaFormat(tabs_cm=tabs, **tight))],
        even_footer=[Line(pages + [Run(tab=True), Run(job_short, size_pt=size)],
                          ParaFormat(tabs_cm=tabs, **tight))],
        first_header=[],
        first_footer=first_footer,
    )
    dd.package_options["header_footer"] = attach(dd.builder, fur)
