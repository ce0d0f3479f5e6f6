"""The first page and page furniture of each stage's face in Word (see stages.py for what
each face says; this module decides where it goes, through the ooxml layer)."""
from __future__ import annotations

from dataclasses import replace

from ...ooxml import ParaFormat, Run
from ...ooxml.formats import Picture
from ...ooxml.headers import Cell, Frame, Line, PageFurniture, attach, frame, page_of_pages
from ...stages import Masthead


def usable_width(dd) -> float:
    page = dd.builder.page
    return page.width_cm - page.left_cm - page.right_cm


def render_masthead(dd, face: Masthead) -> None:
    """Write `face`'s first-page block into the DraftDocx `dd`; issued faces also get their
    running headers and footers. With `dd.was` (the old version's face, in a redline) every
    line shows how the old face's became this one's."""
    if face.face == "informal":
        informal(dd, face)
        return
    top(dd, face)
    session_block(dd, face)
    if dd.was is None and face.face == "limited":
        limited_heading(dd, face)
    elif dd.was is None:
        resolution_heading(dd, face)
    else:
        changed_heading(dd, dd.was, face)
    furniture(dd, face)


def _was(dd, face: Masthead) -> Masthead:
    """The face the lines changed from: the old version's in a redline, else this one."""
    return dd.was if dd.was is not None else face


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
    was = _was(dd, face)
    width = usable_width(dd)
    emblem = m.get("emblem_column_cm", 2.23)
    right = m.get("right_column_cm", 5.5)
    raised = dict(space_before_pt=0, space_after_pt=m.get("top_row_raise_pt", 0))
    symbol = Line(dd.texts(was.symbol[:1], face.symbol[:1], size_pt=m.get("symbol_pt", 20),
                           scale_pct=100)
                  + dd.texts(was.symbol[1:], face.symbol[1:], size_pt=m.get("symbol_rest_pt", 10)),
                  ParaFormat(align="right", line_pt=m.get("symbol_pt", 20) + 2, **raised))
    un = Line(dd.texts(was.united_nations, face.united_nations,
                       size_pt=m.get("united_nations_pt", 14), scale_pct=100),
              ParaFormat(align="left", line_pt=m.get("united_nations_pt", 14) + 2, **raised))
    organ = Line(dd.texts(was.organ, face.organ, bold=True, size_pt=m.get("organ_pt", 20),
                          scale_pct=m.get("organ_scale_pct", 100)),
                 ParaFormat(align="left", space_before_pt=m.get("organ_space_before_pt", 0),
                            space_after_pt=0, line_pt=m.get("organ_pt", 20) + 2))

    def facts(f: Masthead) -> list[str | None]:
        return [f"{f.distribution_label} {f.distribution}", f.date,
                "" if f.original else None, f.original or None]
    distr = []
    for i, (a, b) in enumerate(zip(facts(was), facts(face))):
        if a is None and b is None:
            continue
        fmt = ParaFormat(align="left", space_before_pt=m.get("distr_space_before_pt", 3)
                         if i == 0 else 0, space_after_pt=0)
        # a line one face has and the other has not (the blank line too) is tracked whole
        present = ("line" if a is not None else None, "line" if b is not None else None)
        distr.append(Line(dd.texts(a or None, b or None), dd.line_format(*present, fmt)))
    frame(dd.builder,
          [[Cell([Line()]), Cell([un], valign="bottom"), Cell([symbol], valign="bottom")],
           [Cell(emblem_lines(dd)), Cell([organ]), Cell(distr)]],
          [emblem, width - emblem - right, right],
          rules_pt={0: m.get("top_rule_pt", 0.5), 1: m.get("bottom_rule_pt", 1.5)},
          row_heights_cm={0: m.get("top_row_cm", 0.9), 1: m.get("organ_row_cm", 5.1)},
          height_rule="exact")


def emblem_lines(dd) -> list[Line]:
    """The emblem's column: empty unless the user supplies the emblem (layout [masthead]
    emblem, or build --emblem); its use is restricted, so none ships with the tool. Set
    where the UN's PDFs have it: its width, its left edge inside the margin, its top under
    the thin rule (the layout's emblem_* values)."""
    image = dd.layout.emblem()
    if image is None:
        return [Line(fmt=ParaFormat(space_before_pt=0, space_after_pt=0))]
    m = dd.layout.section("masthead")
    width = m.get("emblem_width_pt", 56.2)
    picture = Picture(dd.builder.image(image.data, image.kind), width, image.height_for(width),
                      "Emblem")
    # the line is at least as high as the picture: the body's exact line height would clip it
    return [Line([Run(picture=picture)],
                 ParaFormat(left_cm=m.get("emblem_left_pt", 0) * 2.54 / 72,
                            space_before_pt=m.get("emblem_top_pt", 0), space_after_pt=0,
                            line_pt=picture.height_pt, line_at_least=True))]


def session_block(dd, face: Masthead) -> None:
    """Session (bold), main committee (bold, larger) and agenda items on the upper left,
    agenda item titles in bold, in a narrow column."""
    m = dd.layout.section("masthead")
    narrow = usable_width(dd) * (1 - m.get("session_block_share", 0.55))
    b = dd.builder
    size = m.get("committee_pt", 12)

    def lines(f: Masthead) -> list[tuple[str, str | None]]:
        out = [("session", f.session or None), ("committee", f.main_committee or None),
               ("agenda", f.agenda or None)]
        return out + [(f"title{i}", t) for i, t in enumerate(f.agenda_titles)]
    old, new = dict(lines(_was(dd, face))), lines(face)
    roles = [r for r, _ in new] + [r for r in old if r not in dict(new)]
    new = dict(new)
    first = True
    for role in roles:
        a, t = old.get(role), new.get(role)
        if a is None and t is None:
            continue
        big = role == "committee"
        bold = role != "agenda"
        fmt = ParaFormat(right_cm=narrow,
                         space_before_pt=m.get("session_space_before_pt", 12) if first else 0,
                         space_after_pt=0, keep_next=True, line_pt=size + 2 if big else None)
        first = False
        b.paragraph(dd.texts(a, t, bold=bold, size_pt=size if big else None),
                    dd.line_format(a, t, fmt))


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
    b = dd.builder
    b.paragraph(sponsors_runs(dd, face), sponsors_format(dd))
    title_pt = m.get("doc_title_pt", 12)
    b.paragraph([Run(face.title, bold=True, size_pt=title_pt)], limited_title_format(dd))


def sponsors_format(dd) -> ParaFormat:
    m, ind = dd.layout.section("masthead"), dd.ind
    return ParaFormat(left_cm=ind.get("body_left_cm", 1.27), right_cm=ind.get("body_right_cm", 1.27),
                      space_before_pt=m.get("submitted_space_before_pt", 24),
                      space_after_pt=m.get("submitted_space_after_pt", 12), keep_next=True)


def limited_title_format(dd) -> ParaFormat:
    m, ind = dd.layout.section("masthead"), dd.ind
    return ParaFormat(style="Title", left_cm=ind.get("body_left_cm", 1.27),
                      right_cm=ind.get("body_right_cm", 1.27),
                      space_after_pt=m.get("title_space_after_pt", 12), keep_next=True,
                      line_pt=m.get("doc_title_line_pt", m.get("doc_title_pt", 12) + 1.5))


def adopted_format(dd) -> ParaFormat:
    m, ind = dd.layout.section("masthead"), dd.ind
    return ParaFormat(left_cm=ind.get("body_left_cm", 1.27), right_cm=m.get("adopted_right_cm", 5.08),
                      space_before_pt=m.get("adopted_space_before_pt", 18),
                      space_after_pt=0, keep_next=True, line_pt=m.get("adopted_pt", 14) + 1)


def committee_format(dd) -> ParaFormat:
    m, ind = dd.layout.section("masthead"), dd.ind
    return ParaFormat(left_cm=ind.get("body_left_cm", 1.27),
                      space_before_pt=m.get("committee_space_before_pt", 12),
                      space_after_pt=0, keep_next=True)


def resolution_title_format(dd) -> ParaFormat:
    m, ind = dd.layout.section("masthead"), dd.ind
    left = ind.get("body_left_cm", 1.27)
    hang = m.get("resolution_number_hang_cm", 1.27)
    return ParaFormat(style="Title", left_cm=left, first_line_cm=-hang,
                      right_cm=ind.get("body_right_cm", 1.27), tabs_cm=((left, "left"),),
                      space_before_pt=m.get("resolution_title_space_before_pt", 12),
                      space_after_pt=m.get("title_space_after_pt", 12), keep_next=True,
                      line_pt=m.get("doc_title_line_pt", m.get("doc_title_pt", 12) + 1.5))


def committee_runs(text: str) -> tuple[str, str, str]:
    """'[without reference ...]' -> ('[', 'without reference ...', ']'): the words in italics."""
    if text[:1] == "[" and text[-1:] == "]":
        return "[", text[1:-1], "]"
    return "", text, ""


def resolution_heading(dd, face: Masthead) -> None:
    """"Resolution adopted by ..." in large bold type in a short measure at the text column
    (it breaks before "on" as the UN's does), the committee line with its words in italics,
    then the number hanging before the title."""
    m = dd.layout.section("masthead")
    b = dd.builder
    b.paragraph([Run(face.adopted, bold=True, size_pt=m.get("adopted_pt", 14), scale_pct=100)],
                adopted_format(dd))
    left, inner, right = committee_runs(face.committee)
    b.paragraph([Run(left), Run(inner, italic=True), Run(right)], committee_format(dd))
    number, _, title = face.title.partition(" ")
    title_pt = m.get("doc_title_pt", 12)
    b.paragraph([Run(number, bold=True, size_pt=title_pt), Run(tab=True),
                 Run(title, bold=True, size_pt=title_pt)], resolution_title_format(dd))


def changed_heading(dd, was: Masthead, face: Masthead) -> None:
    """The heading under the masthead as one face's became another's (a redline): the
    sponsors' line, the adoption and committee lines each tracked in or out, the title's
    words and its number tracked, and its layout (hanging number or not) a tracked change
    of format."""
    m = dd.layout.section("masthead")
    b = dd.builder
    title_pt = m.get("doc_title_pt", 12)
    a, n = was.submitted or None, face.submitted or None
    if a or n:
        runs = dd.texts(a, n, bold=True)
        old_star = bool(a and was.sponsors_note and ":" in a)
        new_star = bool(n and face.sponsors_note and ":" in n)
        if old_star or new_star:  # the "*" after the names comes and goes with its note
            fid = dd.builder.footnote([[Run(face.sponsors_note if new_star
                                            else was.sponsors_note)]], mark="*")
            star = dd.texts("*" if old_star else None, "*" if new_star else None)
            old_head, old_colon, old_tail = (a or "").partition(":")
            head, colon, tail = (n or "").partition(":")
            runs = dd.texts(old_head + old_colon if a else None, head + colon if n else None,
                            bold=True) \
                + [Run(footnote=fid, change=star[0].change if star else None)] \
                + dd.texts(old_tail if a else None, tail if n else None, bold=True)
        b.paragraph(runs, dd.line_format(a, n, sponsors_format(dd)))
    a, n = was.adopted or None, face.adopted or None
    if a or n:
        b.paragraph(dd.texts(a, n, bold=True, size_pt=m.get("adopted_pt", 14), scale_pct=100),
                    dd.line_format(a, n, adopted_format(dd)))
    a, n = was.committee or None, face.committee or None
    if a or n:
        b.paragraph(dd.texts(a, n), dd.line_format(a, n, committee_format(dd)))

    def split(f: Masthead) -> tuple[str | None, str]:
        if f.face == "resolution":
            number, _, title = f.title.partition(" ")
            return number, title
        return None, f.title
    (old_number, old_title), (new_number, new_title) = split(was), split(face)
    runs = dd.texts(old_number, new_number, bold=True, size_pt=title_pt)
    if old_number or new_number:
        tab = dd.texts("\t" if old_number else None, "\t" if new_number else None)
        runs += [Run(tab=True, change=r.change) for r in tab]
    runs += dd.texts(old_title, new_title, bold=True, size_pt=title_pt)
    fmt = resolution_title_format(dd) if new_number else limited_title_format(dd)
    before = resolution_title_format(dd) if old_number else limited_title_format(dd)
    if before != fmt:
        who = dd.redline.default
        from ...ooxml import Change
        fmt = replace(fmt, was=(Change("pPrChange", who.author, who.date), before))
    b.paragraph(runs, fmt)


def running_header(dd, face: Masthead, width: float, look: dict, even: bool) -> Frame:
    """From page 2: the symbol and the title (on resolutions) in bold small type, in two
    halves over a thin rule; the symbol outside (left on even pages, right on odd ones),
    the title wrapping in its half."""
    was = _was(dd, face)
    size = look.get("header_pt", 8.5)
    tight = dict(space_before_pt=0, space_after_pt=look.get("header_space_after_pt", 2))
    symbol = dd.texts(was.symbol, face.symbol, bold=True, size_pt=size, scale_pct=100)
    title = dd.texts(was.running_title or None, face.running_title or None, bold=True,
                     size_pt=size, scale_pct=100)
    half = width / 2
    if even:
        cells = [Cell([Line(symbol, ParaFormat(**tight))], valign="bottom"),
                 Cell([Line(title, ParaFormat(align="right", **tight))], valign="bottom")]
    else:
        cells = [Cell([Line(title, ParaFormat(**tight))], valign="bottom"),
                 Cell([Line(symbol, ParaFormat(align="right", **tight))], valign="bottom")]
    return Frame([cells], [half, half], row_heights_cm={0: look.get("header_row_cm", 1.29)},
                 height_rule="exact", rules_pt={0: look.get("header_rule_pt", 0.25)},
                 after_pt=look.get("header_gap_pt", 1))


def running_footer(dd, face: Masthead, width: float, look: dict, pages: list[Run],
                   even: bool) -> Line:
    """From page 2: "page/total" in bold on the outside, the job number small inside."""
    was = _was(dd, face)
    job = dd.texts(was.job_number.split(" (")[0], face.job_number.split(" (")[0],
                   size_pt=look.get("footer_job_pt", 7))
    tight = dict(space_before_pt=0, space_after_pt=look.get("footer_raise_pt", 0),
                 tabs_cm=((width, "right"),))
    runs = pages + [Run(tab=True)] + job if even else job + [Run(tab=True)] + pages
    return Line(runs, ParaFormat(**tight))


def job_footer(dd, face: Masthead, look: dict) -> Frame:
    """Page 1's foot, at the left: the job number ("17-05719 (E)"), and under it the Code 39
    bars of its digits with their text ("*1705719*") beneath, as on issued documents."""
    from ...barcode import code39
    was = _was(dd, face)

    def job(f: Masthead) -> str:
        return f.job_number + (f"    {f.job_date}" if f.job_date else "")
    bars = code39(face.barcode)
    narrow = look.get("barcode_narrow_cm", 0.03)
    widths = [units * narrow for _, units in bars]
    tight = dict(space_before_pt=0, space_after_pt=0)
    size = look.get("job_pt", 10)
    top = [Cell([Line(dd.texts(job(was), job(face), size_pt=size, scale_pct=100),
                      ParaFormat(**tight))], valign="bottom", span=len(bars))]
    middle = [Cell([Line([Run("", size_pt=1)], ParaFormat(line_pt=1, **tight))],
                   shade="000000" if bar else None) for bar, _ in bars]
    under = [Cell([Line(dd.texts(was.barcode, face.barcode, size_pt=look.get("barcode_pt", 7),
                                 scale_pct=100), ParaFormat(**tight))], span=len(bars))]
    return Frame([top, middle, under], widths,
                 row_heights_cm={1: look.get("barcode_height_cm", 0.5)}, height_rule="exact",
                 indent_cm=look.get("job_indent_cm", 0.19))


def furniture(dd, face: Masthead) -> None:
    """Job number and barcode at the foot of page 1; from page 2 the symbol (and the title
    on resolutions) on top and the job number with page/total at the foot, mirrored on even
    and odd pages as in issued documents."""
    f = dd.layout.section("furniture")
    width = usable_width(dd)
    # after covering letters in a section of their own, count the text's pages only
    total = "SECTIONPAGES" if dd.builder.plain_sections else "NUMPAGES"
    size = f.get("page_pt", 8.5)
    pages = [Run(r.text, field=total if r.field == "NUMPAGES" else r.field, size_pt=size,
                 bold=True, scale_pct=100) for r in page_of_pages()]
    fur = PageFurniture(
        header=[running_header(dd, face, width, f, even=False)],
        even_header=[running_header(dd, face, width, f, even=True)],
        footer=[running_footer(dd, face, width, f, pages, even=False)],
        even_footer=[running_footer(dd, face, width, f, pages, even=True)],
        # page 1 has a header of its own that takes no room (its text starts at the top
        # margin whether the document runs to one page or more)
        first_header=[Line([Run("", size_pt=1)], ParaFormat(space_before_pt=0, space_after_pt=0,
                                                            line_pt=1))],
        # page 1's foot also holds the UN's recycling mark and QR code: their room is kept
        first_footer=[Line([Run("", size_pt=1)], ParaFormat(space_before_pt=0, space_after_pt=0,
                                                            line_pt=f.get("first_footer_room_pt", 0)
                                                            or None)),
                      job_footer(dd, face, f)],
    )
    dd.package_options["header_footer"] = attach(dd.builder, fur)
