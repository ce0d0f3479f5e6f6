"""Draft -> UN-format Word document, through the ooxml builder (no XML here)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...dates import bind_dates
from ...lang import language_of
from ...layout import Layout, load_layout
from ...model import (Annex, AnnexParagraph, Break, Content, CrossRef, Draft, FootnoteRef,
                     Heading, OperativeParagraph, Table, Text)
from ...numbering import Label, compute_labels
from ...ooxml import DocumentBuilder, Fonts, PageSetup, ParaFormat, Run
from ...ooxml.formats import number_of
from ...ooxml.headers import Line, PageFurniture, attach, page_of_pages
from ...unit_marks import PROPERTY_PREFIX, unit_bookmark, xref_bookmark
from .lists import word_places


def page_setup(layout: Layout, landscape: bool = False, issued: bool = False) -> PageSetup:
    """The page of informal papers ([page]), or of issued documents ([issued_page]: the
    UN's own, measured on its PDFs), each value falling back to [page]'s."""
    p = dict(layout.section("page"))
    if issued:
        p.update(layout.section("issued_page"))
    return PageSetup(p.get("width_cm", 21.0), p.get("height_cm", 29.7),
                     p.get("margin_top_cm", 2.5), p.get("margin_bottom_cm", 2.5),
                     p.get("margin_left_cm", 2.5), p.get("margin_right_cm", 2.5),
                     p.get("header_cm", 1.27), p.get("footer_cm", 1.27), landscape)


def fonts(layout: Layout, issued: bool = False) -> Fonts:
    """The type of informal papers ([fonts]), or of issued documents ([issued_fonts] over
    [fonts])."""
    f = dict(layout.section("fonts"))
    if issued:
        f.update(layout.section("issued_fonts"))
    return Fonts(f.get("body", "Times New Roman"), f.get("body_pt", 10),
                 f.get("footnote_pt", 9), f.get("line_spacing", 1.0),
                 f.get("space_after_pt", 6), f.get("line_pt") or None,
                 f.get("footnote_line_pt") or None,
                 f.get("char_spacing_pt", 0.0), f.get("char_scale_pct", 100))


def page_numbers(builder: DocumentBuilder, layout: Layout):
    """A centred "page/total" at the foot of every page, for the outputs that have no
    running furniture of their own (informal drafts, redlines, compilations); the hook for
    `to_bytes(header_footer=)`."""
    size = layout.section("furniture").get("pt", 9)
    line = Line([Run(r.text, field=r.field, size_pt=size) for r in page_of_pages()],
                ParaFormat(align="center", space_before_pt=0, space_after_pt=0))
    return attach(builder, PageFurniture(footer=[line]))


@dataclass
class DraftDocx:
    """Renders one draft into a builder; masthead variants hook in through `masthead`."""
    draft: Draft
    layout: Layout = field(default_factory=load_layout)

    def __post_init__(self):
        self.language = language_of(self.draft.metadata)
        self.builder = DocumentBuilder(fonts(self.layout, issued=self.issued),
                                       page_setup(self.layout, issued=self.issued),
                                       self.language.word)
        self.builder.title = self.draft.metadata.title
        # the draft's metadata travels with the file, so an edited copy is read against it
        self.builder.properties = {PROPERTY_PREFIX + k: v for k, v in self.draft.metadata.items()}
        self._xrefs = 0
        self._word_notes: dict[str, int] = {}  # footnote id -> its Word footnote's id
        self.labels: dict[str, Label] = self.draft_labels()
        self.ind = self.layout.section("indents")
        # footnotes in the body's text column, the number hanging (as UN documents set them)
        hang = self.ind.get("footnote_hanging_cm", 0.5)
        self.builder.footnote_indent = (self.ind.get("body_left_cm", 1.27), hang,
                                        self.ind.get("body_right_cm", 1.27))
        self.package_options: dict = {}  # e.g. header_footer, set by the stage's masthead
        self.was = None  # the old version's face, when a redline tracks the face's change
        # Word numbers operative paragraphs and sub-paragraphs itself (writers/docx/lists.py)
        self.places = word_places(self.draft, self.labels, self.indent)
        if _whole_landscape(self.draft):  # a table document (the events mapping) lies landscape
            self.builder.page = page_setup(self.layout, landscape=True)

    def draft_labels(self) -> dict[str, Label]:
        """The printed numbers and labels of the draft's units."""
        return compute_labels(self.draft)

    # ------------------------------------------------------------ inline
    def runs(self, content: Content, **fmt) -> list[Run]:
        out: list[Run] = []
        for item in content:
            if isinstance(item, Text):
                # an issued face keeps a date's day and month on one line, as the UN's do
                out.append(Run(bind_dates(item.text, self.language) if self.issued else item.text, italic=item.italic or fmt.get("italic", False),
                               bold=item.bold or fmt.get("bold", False), sup=item.sup))
            elif isinstance(item, CrossRef):
                out.append(self.ref_run(item.target, self.labels.get(item.target),
                                        italic=fmt.get("italic", False)))
            elif isinstance(item, FootnoteRef):
                out.append(Run(footnote=self.note(item.footnote)))
            elif isinstance(item, Break):
                out.append(Run(line_break=True))
        return out

    def ref_run(self, target: str, label: Label | None, bookmark: bool = True, **fmt) -> Run:
        """A cross-reference's number, in the hidden bookmark that carries its target's id;
        an operative paragraph's number is a field Word counts again (Label.counted), also
        where it heads a sub-paragraph's ("20" of "20 (a)", the letters after it)."""
        text, field, after = (label.number if label else target), None, ""
        if label and label.counted:
            field = number_of(unit_bookmark("op", label.head or target))
            text, after = label.path[0], "".join(" " + p for p in label.path[1:])
        name = None
        if bookmark:
            self._xrefs += 1
            name = xref_bookmark(self._xrefs, target)
        return Run(text, field=field, after=after, bookmark=name, **fmt)

    def note(self, fid: str) -> int:
        """The Word footnote of a marker: one per footnote, numbered by its first marker; a
        second marker refers to it (the builder writes Word's NOTEREF for it)."""
        if fid not in self._word_notes:
            fn = self.draft.footnote(fid)
            self._word_notes[fid] = self.builder.footnote(
                [self.anchor("fn", fid) + self.runs(fn.content if fn else ())])
        return self._word_notes[fid]

    @staticmethod
    def anchor(kind: str, uid: str) -> list[Run]:
        """A hidden point bookmark carrying the unit's stable id (see unit_marks)."""
        return [Run(bookmark=unit_bookmark(kind, uid))]

    # ------------------------------------------------------------ blocks
    def build(self) -> bytes:
        self.masthead()
        self.body()
        return self.to_bytes()

    def to_bytes(self) -> bytes:
        """The package, with page numbers unless the stage's face set its own furniture."""
        if "header_footer" not in self.package_options:
            self.package_options["header_footer"] = page_numbers(self.builder, self.layout)
        return self.builder.to_bytes(**self.package_options)

    def texts(self, old: str | None, new: str | None, **fmt) -> list[Run]:
        """The runs of a line that reads `new` (a redline shows how `old` became it)."""
        return [Run(new, **fmt)] if new else []

    def line_format(self, old: str | None, new: str | None, fmt: ParaFormat) -> ParaFormat:
        """A line's paragraph format (a redline marks a line only one version has)."""
        return fmt

    def masthead(self) -> None:
        if self.draft.metadata.stage:  # the stage picks the face (writers/mastheads.py)
            from ...stages import masthead_for
            from .mastheads import render_masthead
            face = masthead_for(self.draft.metadata)
            # (an illustrative note is the HTML's, on screen only: docs/faces.md)
            render_masthead(self, face)
            return
        # No stage: the plain heading block of an informal draft (date, title, stage label).
        meta = self.draft.metadata
        look = self.layout.section("informal")
        fonts_ = self.layout.section("fonts")
        if meta.date:
            self.builder.paragraph([Run(meta.date)], ParaFormat(align=look.get("date_align", "right")))
        if meta.title:
            self.builder.paragraph(
                [Run(meta.title, bold=look.get("title_bold", True), size_pt=fonts_.get("title_pt"))],
                ParaFormat(style="Title", align=look.get("title_align", "center"),
                           space_before_pt=12, space_after_pt=12, keep_next=True))
        if meta.stage_label:
            self.builder.paragraph(
                [Run(meta.stage_label, bold=look.get("stage_bold", True),
                     italic=look.get("stage_italic", False), size_pt=fonts_.get("stage_pt"))],
                ParaFormat(align=look.get("stage_align", "center"), space_after_pt=12,
                           keep_next=True))

    def body(self) -> None:
        d, b, ind = self.draft, self.builder, self.ind
        left, right = ind.get("body_left_cm", 1.27), ind.get("body_right_cm", 1.27)
        if d.metadata.formula:
            b.paragraph([Run(d.metadata.formula, italic=True)],
                        ParaFormat(left_cm=left, right_cm=right,
                                   first_line_cm=ind.get("preamble_first_line_cm", 1.27),
                                   keep_next=True))
        for item in d.preamble + d.operative:
            if isinstance(item, Heading):
                self.heading(item)
            elif item.kind == "pp":
                b.paragraph(self.anchor("pp", item.id) + self.runs(item.content), self.pp_format())
                for child in item.children:
                    self.marked(child, 1)
            else:
                self.operative(item)
        if d.metadata.closing:  # in italics, flush with the text column's right edge
            for i, line in enumerate(d.metadata.lines("closing")):
                b.paragraph([Run(line, italic=True)],
                            ParaFormat(align="right", right_cm=ind.get("body_right_cm", 1.27),
                                       space_before_pt=ind.get("closing_space_before_pt", 12)
                                       if i == 0 else 0, space_after_pt=0))
        if self.issued:
            self.end_rule()
        for annex in d.annexes:
            self.annex(annex)

    def end_rule(self) -> None:
        """The short centred rule the UN sets under the end of an issued text."""
        from ...ooxml.headers import Cell, Line, frame
        f = self.layout.section("furniture")
        width = f.get("end_rule_cm", 2.54)
        page = self.builder.page
        indent = (page.width_cm - page.left_cm - page.right_cm - width) / 2 \
            + f.get("end_rule_offset_cm", 0.0)
        frame(self.builder, [[Cell([Line([Run("", size_pt=1)],
                                         ParaFormat(space_before_pt=0, space_after_pt=0, line_pt=1))])]],
              [width], rules_pt={0: f.get("end_rule_pt", 0.25)},
              row_heights_cm={0: f.get("end_rule_below_cm", 0.9)}, indent_cm=indent,
              height_rule="exact")
        self.builder.paragraph([Run("", size_pt=1)], ParaFormat(space_before_pt=0, space_after_pt=0,
                                                               line_pt=1))

    def pp_format(self) -> ParaFormat:
        ind = self.ind
        return ParaFormat(left_cm=ind.get("body_left_cm", 1.27), right_cm=ind.get("body_right_cm", 1.27),
                          first_line_cm=ind.get("preamble_first_line_cm", 1.27), align="both")

    def heading(self, heading: Heading) -> None:
        """A heading in bold; a part's ("II") centred, its numeral on a line of its own
        above its title, as the UN prints a resolution in parts."""
        b, mark = self.builder, self.labels[heading.id].mark
        if not heading.part:
            b.paragraph(self.anchor("h", heading.id) + self.runs(heading.content, bold=True),
                        self.heading_format())
            return
        b.paragraph(self.anchor("pt", heading.id) + [Run(mark, bold=True), Run(line_break=True)]
                    + self.runs(heading.content, bold=True), self.part_format())

    def part_format(self) -> ParaFormat:
        return replace(self.heading_format(), style="Heading1", align="center")

    def heading_format(self) -> ParaFormat:
        ind = self.ind
        return ParaFormat(style="Heading2", left_cm=ind.get("body_left_cm", 1.27),
                          right_cm=ind.get("body_right_cm", 1.27),
                          space_before_pt=ind.get("heading_space_before_pt", 12), keep_next=True)

    @property
    def issued(self) -> bool:
        """An L-document or a resolution: the UN's page, not an informal paper's."""
        return self.draft.metadata.stage.strip() in ("L", "L-rev", "adopted")

    def mark_format(self, degree: int) -> ParaFormat:
        """The number or label on the first line, the text after it at a tab; continuation
        lines run back to the text column as UN pages print them, or (`op_lines_hang`)
        every line aligns with the text after the number."""
        ind = self.ind
        left = ind.get("body_left_cm", 1.27)
        number_at = left + ind.get("op_number_cm", 0.0)
        text_at = left + ind.get("op_text_cm", 1.27)
        step = ind.get("sub_step_cm", 0.95)
        right = ind.get("body_right_cm", 1.27)
        if not ind.get("op_lines_hang", True):
            shift = max(degree - 1, 0) * step  # (a) stands where 1. stands, (i) a step in
            return ParaFormat(left_cm=left, right_cm=right,
                              first_line_cm=number_at + shift - left,
                              tabs_cm=((text_at + shift, "left"),), align="both")
        if degree:
            number_at = text_at + (degree - 1) * step
            text_at = number_at + step
        return ParaFormat(left_cm=text_at, right_cm=right,
                          first_line_cm=-(text_at - number_at), align="both")

    def indent(self, degree: int) -> tuple[float, float, float | None]:
        fmt = self.mark_format(degree)
        tab = fmt.tabs_cm[0][0] if fmt.tabs_cm else None
        return fmt.left_cm, -fmt.first_line_cm, tab

    def numbered(self, uid: str, degree: int) -> ParaFormat:
        """The format of a paragraph whose number or label Word counts."""
        return replace(self.mark_format(degree), numbering=self.places.get(uid))

    def operative(self, op: OperativeParagraph) -> None:
        self.marked(op, 0)

    def marked(self, unit, degree: int) -> None:
        label = self.labels[unit.id]
        runs: list[Run] = []
        fmt = self.numbered(unit.id, degree) if label.mark else self.pp_format()
        if label.mark and fmt.numbering is None:  # deeper than Word's nine levels: typed
            runs = [Run(label.mark), Run(tab=True)]
        kind = f"s{degree}" if degree else "op"
        self.builder.paragraph(self.anchor(kind, unit.id) + runs + self.runs(unit.content), fmt)
        for child in unit.children:
            self.marked(child, degree + 1)

    def annex(self, annex: Annex) -> None:
        b = self.builder
        b.paragraph(self.anchor("ax", annex.id) + self.runs(annex.title, bold=True),
                    ParaFormat(style="Heading1", align="center",
                               page_break_before=bool(self.draft.preamble or self.draft.operative
                                                      or annex is not self.draft.annexes[0]),
                               keep_next=True))
        for block in annex.body:
            if isinstance(block, AnnexParagraph):
                b.paragraph(self.anchor("ap", block.id) + self.runs(block.content), self.pp_format())
            elif isinstance(block, Table):
                self.table(block)

    def table(self, table: Table) -> None:
        b = self.builder
        if table.title:
            b.paragraph(self.anchor("tt", table.id) + self.runs(table.title, bold=True),
                        ParaFormat(keep_next=True))
        columns = max((len(r.cells) for r in table.rows), default=0)
        if not columns:
            return
        page = page_setup(self.layout, table.landscape)
        usable = (max(page.width_cm, page.height_cm) if table.landscape else page.width_cm) \
            - page.left_cm - page.right_cm
        widths = column_widths(table, usable, self.layout.section("tables"))
        rows = []
        for row in table.rows:
            cells = [self.runs(c, bold=row.header) for c in row.cells]
            cells += [[] for _ in range(columns - len(cells))]
            cells[0] = self.anchor("r", row.id) + cells[0]
            if row is table.rows[0]:
                cells[0] = self.anchor("tb", table.id) + cells[0]
            rows.append((cells, row.header))
        b.table(rows, widths)


def _whole_landscape(draft: Draft) -> bool:
    """A document that is only landscape tables is laid out landscape from its first page."""
    blocks = [b for a in draft.annexes for b in a.body]
    return (not draft.preamble and not draft.operative
            and any(isinstance(b, Table) and b.landscape for b in blocks))


def column_widths(table: Table, usable: float, look: dict) -> list[float]:
    """Share the width by how much text each column holds (a date column stays narrow, a
    description column gets room), within the layout's bounds."""
    from ...inline import plain
    columns = max(len(r.cells) for r in table.rows)
    totals = [0.0] * columns
    longest = [0] * columns  # no column narrower than its longest word
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            text = plain(cell)
            totals[i] += len(text)
            longest[i] = max([longest[i]] + [len(word) for word in text.split()])
    count = max(len(table.rows), 1)
    lo, hi = look.get("min_chars", 10), look.get("max_chars", 120)
    weights = [max(min(t / count, hi), lo, n + 4) for t, n in zip(totals, longest)]
    return [usable * wgt / sum(weights) for wgt in weights]


def build_docx(draft: Draft, layout: Layout | None = None) -> bytes:
    return DraftDocx(draft, layout or load_layout()).build()
