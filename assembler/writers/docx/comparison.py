"""Comparison and concordance tables as a Word document: A4 landscape, a header row repeated
on every page, insertions in bold and deletions struck out. Word markup stays in ooxml/."""
from __future__ import annotations

from ...compare.concordance import ConcordanceTable
from ...compare.table import Cell, ComparisonTable
from ...compare.wording import change_word, document_language, kind_name, say
from ...lang import ENGLISH, Language
from ...layout import Layout, load_layout
from ...ooxml import DocumentBuilder, PageSetup, ParaFormat, Run
from ...ooxml.headers import Line, PageFurniture, attach, page_of_pages
from .draft import fonts, page_setup


class CompareDocx:
    def __init__(self, layout: Layout | None = None, lang: Language = ENGLISH):
        self.layout = layout or load_layout()
        self.lang = lang
        look = self.layout.section("compare")
        self.look = look
        m = look.get("margin_cm", 1.5)
        base = page_setup(self.layout, landscape=True)
        self.page = PageSetup(base.width_cm, base.height_cm, m, m, m, m,
                              base.header_cm, base.footer_cm, True)
        f = fonts(self.layout)
        f.body_pt = look.get("body_pt", 9)
        f.space_after_pt = 2
        self.builder = DocumentBuilder(f, self.page)
        self.pt = look.get("body_pt", 9)
        self.head_fill = look.get("header_fill", "D9D9D9")
        self.absent_fill = look.get("absent_fill", "F2F2F2")

    @property
    def usable_cm(self) -> float:
        p = self.page
        return max(p.width_cm, p.height_cm) - p.left_cm - p.right_cm

    # ------------------------------------------------------------ pieces
    def heading(self, text: str, first: bool = False) -> None:
        self.builder.paragraph([Run(text, bold=True, size_pt=self.look.get("title_pt", 12))],
                               ParaFormat(page_break_before=not first, keep_next=True,
                                          space_after_pt=6))

    def legend(self, text: str) -> None:
        self.builder.paragraph([Run(text, italic=True)], ParaFormat(space_after_pt=6,
                                                                    keep_next=True))

    def cell_runs(self, cell: Cell) -> list[Run]:
        runs = [Run(cell.number, bold=True)] if cell.number else []
        moved = say(self.lang, "moved")
        tag = (change_word(self.lang, cell.change)
               if cell.present and cell.change not in ("", "unchanged") else "")
        if cell.moved and cell.change != "moved":
            tag = f"{tag}, {moved}" if tag else moved
        if tag:
            runs.append(Run(f"  [{tag}]", italic=True))
        if runs:
            runs.append(Run(line_break=True))
        for op, text, italic in cell.runs():
            runs.append(Run(text, italic=italic, bold=op == "+", strike=op == "-"))
        extra = cell.note if cell.note != moved else ""   # the tag says it
        if cell.present and extra.startswith(f"{moved}, "):
            extra = extra[len(f"{moved}, "):]
        if extra:
            if cell.present:
                runs.append(Run(line_break=True))
            runs.append(Run(extra, italic=True))
        return runs

    # ------------------------------------------------------------ tables
    def comparison(self, table: ComparisonTable) -> None:
        n = len(table.columns)
        unit_w = self.look.get("unit_column_cm", 2.0)
        props = table.with_proposals
        prop_w = self.look.get("proposals_column_cm", 3.2) if props else 0.0
        text_w = (self.usable_cm - unit_w - prop_w * (n - 1)) / n
        if props and text_w < 2 * prop_w:   # many versions: give the text the room
            prop_w = (self.usable_cm - unit_w) / (n * 3 - 1)
            text_w = 2 * prop_w
        widths = [unit_w]
        head = [[Run(say(self.lang, "head-unit"), bold=True)]]
        for i, col in enumerate(table.columns):
            widths.append(text_w)
            runs = [Run(col.stage, bold=True)]
            if col.date:
                runs += [Run(line_break=True), Run(col.date)]
            head.append(runs)
            if props and i:
                widths.append(prop_w)
                head.append([Run(say(self.lang, "head-proposals-of", version=col.short),
                                 bold=True)])
        rows = [(head, True)]
        fills = [[self.head_fill] * len(head)]
        for row in table.rows:
            cells = [[Run(row.id), Run(line_break=True),
                      Run(kind_name(self.lang, row.kind), italic=True)]]
            fill: list[str | None] = [None]
            for i, cell in enumerate(row.cells):
                cells.append(self.cell_runs(cell))
                fill.append(None if cell.present else self.absent_fill)
                if props and i:
                    cells.append(self.contribution_runs(cell))
                    fill.append(None)
            rows.append((cells, False))
            fills.append(fill)
        # rows kept whole: a version's paragraph is read beside the others' on one page
        self.builder.table(rows, widths, ParaFormat(space_after_pt=2), fills=fills)

    def contribution_runs(self, cell: Cell) -> list[Run]:
        runs: list[Run] = []
        for c in cell.contributions:
            if runs:
                runs.append(Run(line_break=True))
            runs.append(Run(f"{c.proposal}: ", bold=True))
            runs.append(Run(c.who_in(self.lang)))
            if c.status:
                runs.append(Run(f" ({c.status_in(self.lang)})", italic=True))
        return runs

    def concordance(self, conc: ConcordanceTable) -> None:
        u = self.usable_cm
        widths = [u * 0.09, u * 0.10, u * 0.08, u * 0.22, u * 0.08, u * 0.12, u * 0.31]
        words = [say(self.lang, f"head-{k}")
                 for k in ("change", "proposers", "proposals", "note", "rationale")]
        head = [[Run(t, bold=True)] for t in (conc.newer.short, conc.older.short, *words)]
        rows = [(head, True)]
        fills = [[self.head_fill] * len(head)]
        for r in conc.rows:
            cells = [[Run(r.new_number or "—", bold=bool(r.new_number))],
                     [Run("; ".join(r.old_numbers) or "—")],
                     [Run(change_word(self.lang, r.change))],
                     [Run("; ".join(r.proposers))], [Run("; ".join(r.proposals))],
                     [Run(r.note, italic=True)], self.lines(r.rationale)]
            rows.append((cells, False))
            fills.append([None] * len(cells))
        self.builder.table(rows, widths, ParaFormat(space_after_pt=2), fills=fills)

    @staticmethod
    def lines(texts) -> list[Run]:
        runs: list[Run] = []
        for t in texts:
            if runs:
                runs.append(Run(line_break=True))
            runs.append(Run(t))
        return runs

    def to_bytes(self, footer: str = "") -> bytes:
        """The document, each page footed by `footer` and its number ("3/15")."""
        size = max(self.pt - 1, 7)
        line = Line([Run(footer, size_pt=size), Run(tab=True)]
                    + [Run(r.text, field=r.field, size_pt=size) for r in page_of_pages()],
                    ParaFormat(tabs_cm=((self.usable_cm, "right"),), space_after_pt=0))
        hook = attach(self.builder, PageFurniture(footer=[line]))
        return self.builder.to_bytes(header_footer=hook)


def compare_docx(table: ComparisonTable | None, concordances: list[ConcordanceTable] = (),
                 title: str = "", layout: Layout | None = None) -> bytes:
    lang = document_language(table, concordances)
    doc = CompareDocx(layout, lang)
    doc.builder.title = title or (table.title if table else "") or say(lang, "title")
    first = True
    if table is not None:
        doc.heading(doc.builder.title, first=True)
        legend = say(lang, "legend", bold=say(lang, "bold"), struck=say(lang, "struck"))
        legend = legend.replace("\n", " ")   # a line break of the HTML page's source
        if table.with_proposals:
            legend += " " + say(lang, "legend-proposals")
        doc.legend(legend)
        doc.comparison(table)
        first = False
    for conc in concordances:
        doc.heading(conc.title, first=first)
        first = False
        doc.concordance(conc)
    return doc.to_bytes(footer=doc.builder.title)


def write_comparison(table: ComparisonTable | None, concordances: list[ConcordanceTable], *,
                     layout: Layout | None = None, title: str = "") -> bytes:
    return compare_docx(table, concordances, title=title, layout=layout)
