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
    """The UN's first-page block, three columns wide (the emblem's, the organ's, the facts'):
    "United Nations" and the symbol (its organ letter large) over a thin rule; the organ in
    large type beside distribution, date and original language, over a thick rule."""
    m = dd.layout.section("masthead")
    width = usable_width(dd)
    emblem = m.get("emblem_column_cm", 2.23)
    right = m.get("right_column_cm", 5.5)
    tight = dict(space_before_pt=0, space_after_pt=0)
    letter, rest = face.symbol[:1], face.symbol[1:]
    symbol = Line([Run(letter, size_pt=m.get("symbol_pt", 20), scale_pct=100),
                   Run(rest, size_pt=m.get("symbol_rest_pt", 10))],
                  ParaFormat(align="right", line_pt=m.get("symbol_pt", 20) + 2, space_before_pt=0,
                             space_after_pt=m.get("top_row_raise_pt", 0)))
    un = Line([Run(face.united_nations, size_pt=m.get("united_nations_pt", 14), scale_pct=100)],
              ParaFormat(align="left", line_pt=m.get("united_nations_pt", 14) + 2, space_before_pt=0,
                         space_after_pt=m.get("top_row_raise_pt", 0)))
    organ = Line([Run(face.organ, bold=True, size_pt=m.get("organ_pt", 20),
                      scale_pct=m.get("organ_scale_pct", 100))],
                 ParaFormat(align="left", space_before_pt=m.get("organ_space_before_pt", 0),
                            space_after_pt=0, line_pt=m.get("organ_pt", 20) + 2))
    facts = [f"{face.distribution_label} {face.distribution}", face.date]
    if face.original:
        facts += ["", face.original]
    distr = [Line([Run(text)], ParaFormat(align="left", space_before_pt=m.get("distr_space_before_pt", 3)
                                          if i == 0 else 0, space_after_pt=0))
             for i, text in enumerate(facts)]
    frame(dd.builder,
          [[Cell([Line()]), Cell([un], valign="bottom"), Cell([symbol], valign="bottom")],
           [Cell(emblem_lines(dd)), Cell([organ]), Cell(distr)]],
          [emblem, width - emblem - right, right],
          rules_pt={0: m.get("top_rule_pt", 0.5), 1: m.get("bottom_rule_pt", 1.5)},
          row_heights_cm={0: m.get("top_row_cm", 0.9), 1: m.get("organ_row_cm", 5.1)},
          height_rule="exact")


def emblem_lines(dd) -> list[Line]:
    """The emblem's column: empty unless the user supplies the emblem (templates/,
    layout [masthead] emblem); its use is restricted, so none ships with the tool."""
    return [Line(fmt=ParaFormat(space_before_pt=0, space_after_pt=0))]


def session_block(dd, face: Masthead) -> None:
    """Session (bold), main committee (bold, larger) and agenda items on the upper left,
    agenda item titles in bold, in a narrow column."""
    m = dd.layout.section("masthead")
    narrow = usable_width(dd) * (1 - m.get("session_block_share", 0.55))
    b = dd.builder
    lines = [(face.session, True, None)] if face.session else []
    if face.main_committee:
        lines.append((face.main_committee, True, m.get("committee_pt", 12)))
    if face.agenda:
        lines.append((face.agenda, False, None))
    lines += [(t, True, None) for t in face.agenda_titles]
    for i, (text, bold, size) in enumerate(lines):
        b.paragraph([Run(text, bold=bold, size_pt=size)],
                    ParaFormat(right_cm=narrow,
                               space_before_pt=m.get("session_space_before_pt", 12) if i == 0 else 0,
                               space_after_pt=0, keep_next=True,
                               line_pt=size + 2 if size else None))


def sponsors_runs(dd, face: Masthead, size: float | None = None) -> list[Run]:
    """The line naming who submits the draft; States or groups ("Delegation A: draft
    resolution") carry the "*" footnote the UN prints under them (the note that changes to
    the list of sponsors go to the official record)."""
    text = face.submitted
    head, sep, tail = text.partition(":")
    if not (face.sponsors_note and sep):
        return [Run(text, bold=True, size_pt=size)]
    fid = dd.builder.footnote([[Run(face.sponsors_note)]], mark="*")
    return [Run(head + sep, bold=True, size_pt=size), Run(footnote=fid),
            Run(tail, bold=True, size_pt=size)]


def limited_heading(dd, face: Masthead) -> None:
    m = dd.layout.section("masthead")
    ind = dd.ind
    left = ind.get("body_left_cm", 1.27)
    b = dd.builder
    b.paragraph(sponsors_runs(dd, face),
                ParaFormat(left_cm=left, right_cm=ind.get("body_right_cm", 1.27),
                           space_before_pt=m.get("submitted_space_before_pt", 24),
                           space_after_pt=m.get("submitted_space_after_pt", 12), keep_next=True))
    title_pt = m.get("doc_title_pt", 12)
    b.paragraph([Run(face.title, bold=True, size_pt=title_pt)],
                ParaFormat(style="Title", left_cm=left, right_cm=ind.get("body_right_cm", 1.27),
                           space_after_pt=m.get("title_space_after_pt", 12), keep_next=True,
                           line_pt=m.get("doc_title_line_pt", title_pt + 1.5)))


def resolution_heading(dd, face: Masthead) -> None:
    """"Resolution adopted by ..." in large bold type in a short measure at the text column
    (it breaks before "on" as the UN's does), the committee line with its words in italics,
    then the number hanging before the title."""
    m = dd.layout.section("masthead")
    ind = dd.ind
    left = ind.get("body_left_cm", 1.27)
    b = dd.builder
    adopted_pt = m.get("adopted_pt", 14)
    b.paragraph([Run(face.adopted, bold=True, size_pt=adopted_pt, scale_pct=100)],
                ParaFormat(left_cm=left, right_cm=m.get("adopted_right_cm", 5.08),
                           space_before_pt=m.get("adopted_space_before_pt", 18),
                           space_after_pt=0, keep_next=True, line_pt=adopted_pt + 1))
    inner = face.committee[1:-1] if face.committee[:1] == "[" and face.committee[-1:] == "]" \
        else ""
    committee = [Run("["), Run(inner, italic=True), Run("]")] if inner else [Run(face.committee)]
    b.paragraph(committee, ParaFormat(left_cm=left, space_before_pt=m.get("committee_space_before_pt", 12),
                                      space_after_pt=0, keep_next=True))
    number, _, title = face.title.partition(" ")
    hang = m.get("resolution_number_hang_cm", 1.27)
    title_pt = m.get("doc_title_pt", 12)
    b.paragraph([Run(number, bold=True, size_pt=title_pt), Run(tab=True),
                 Run(title, bold=True, size_pt=title_pt)],
                ParaFormat(style="Title", left_cm=left, first_line_cm=-hang,
                           right_cm=ind.get("body_right_cm", 1.27),
                           tabs_cm=((left, "left"),),
                           space_before_pt=m.get("resolution_title_space_before_pt", 12),
                           space_after_pt=m.get("title_space_after_pt", 12), keep_next=True,
                           line_pt=m.get("doc_title_line_pt", title_pt + 1.5)))


def running_header(face: Masthead, width: float, look: dict, even: bool) -> Frame:
    """From page 2: the symbol and the title (on resolutions) in bold small type, in two
    halves over a thin rule; the symbol outside (left on even pages, right on odd ones),
    the title wrapping in its half."""
    size = look.get("header_pt", 8.5)
    tight = dict(space_before_pt=0, space_after_pt=look.get("header_space_after_pt", 2))
    symbol = Run(face.symbol, bold=True, size_pt=size, scale_pct=100)
    title = Run(face.running_title, bold=True, size_pt=size, scale_pct=100)
    half = width / 2
    if even:
        cells = [Cell([Line([symbol], ParaFormat(**tight))], valign="bottom"),
                 Cell([Line([title] if face.running_title else [], ParaFormat(align="right", **tight))],
                      valign="bottom")]
    else:
        cells = [Cell([Line([title] if face.running_title else [], ParaFormat(**tight))],
                      valign="bottom"),
                 Cell([Line([symbol], ParaFormat(align="right", **tight))], valign="bottom")]
    return Frame([cells], [half, half], row_heights_cm={0: look.get("header_row_cm", 1.29)},
                 height_rule="exact", rules_pt={0: look.get("header_rule_pt", 0.25)},
                 after_pt=look.get("header_gap_pt", 1))


def running_footer(face: Masthead, width: float, look: dict, pages: list[Run],
                   even: bool) -> Line:
    """From page 2: "page/total" in bold on the outside, the job number small inside."""
    job = Run(face.job_number.split(" (")[0], size_pt=look.get("footer_job_pt", 7))
    tight = dict(space_before_pt=0, space_after_pt=look.get("footer_raise_pt", 0),
                 tabs_cm=((width, "right"),))
    runs = pages + [Run(tab=True), job] if even else [job, Run(tab=True)] + pages
    return Line(runs, ParaFormat(**tight))


def job_footer(face: Masthead, job: str, look: dict) -> Frame:
    """Page 1's foot, at the left: the job number ("17-05719 (E)"), and under it the Code 39
    bars of its digits with their text ("*1705719*") beneath, as on issued documents."""
    from ...barcode import code39
    bars = code39(face.barcode)
    narrow = look.get("barcode_narrow_cm", 0.03)
    widths = [units * narrow for _, units in bars]
    tight = dict(space_before_pt=0, space_after_pt=0)
    size = look.get("job_pt", 10)
    top = [Cell([Line([Run(job, size_pt=size, scale_pct=100)], ParaFormat(**tight))],
                valign="bottom", span=len(bars))]
    middle = [Cell([Line([Run("", size_pt=1)], ParaFormat(line_pt=1, **tight))],
                   shade="000000" if bar else None) for bar, _ in bars]
    under = [Cell([Line([Run(face.barcode, size_pt=look.get("barcode_pt", 7), scale_pct=100)],
                        ParaFormat(**tight))], span=len(bars))]
    return Frame([top, middle, under], widths,
                 row_heights_cm={1: look.get("barcode_height_cm", 0.5)}, height_rule="exact",
                 indent_cm=look.get("job_indent_cm", 0.19))


def furniture(dd, face: Masthead) -> None:
    """Job number and barcode at the foot of page 1; from page 2 the symbol (and the title
    on resolutions) on top and the job number with page/total at the foot, mirrored on even
    and odd pages as in issued documents."""
    f = dd.layout.section("furniture")
    width = usable_width(dd)
    first_job = face.job_number + (f"    {face.job_date}" if face.job_date else "")
    # after covering letters in a section of their own, count the text's pages only
    total = "SECTIONPAGES" if dd.builder.plain_sections else "NUMPAGES"
    size = f.get("page_pt", 8.5)
    pages = [Run(r.text, field=total if r.field == "NUMPAGES" else r.field, size_pt=size,
                 bold=True, scale_pct=100) for r in page_of_pages()]
    fur = PageFurniture(
        header=[running_header(face, width, f, even=False)],
        even_header=[running_header(face, width, f, even=True)],
        footer=[running_footer(face, width, f, pages, even=False)],
        even_footer=[running_footer(face, width, f, pages, even=True)],
        # page 1 has a header of its own that takes no room (its text starts at the top
        # margin whether the document runs to one page or more)
        first_header=[Line([Run("", size_pt=1)], ParaFormat(space_before_pt=0, space_after_pt=0,
                                                            line_pt=1))],
        # page 1's foot also holds the UN's recycling mark and QR code: their room is kept
        first_footer=[Line([Run("", size_pt=1)], ParaFormat(space_before_pt=0, space_after_pt=0,
                                                            line_pt=f.get("first_footer_room_pt", 0)
                                                            or None)),
                      job_footer(face, first_job, f)],
    )
    dd.package_options["header_footer"] = attach(dd.builder, fur)
