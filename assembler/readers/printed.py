"""The printed page as readers of issued documents see it: lines with what the page shows.

Two readers produce it: the text-extraction reader (from the UN's PDF text as published,
where most of these facts must be guessed from the words) and the PDF reader (where the page
states them: font, size, position). One structurer turns these lines into a Draft, so the
rules for paragraphs, numbers, labels, footnotes and furniture live in one place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# Where on the page a line stands. "body" lines make the text; "header"/"footer" are running
# furniture (symbol, running title, job number, "n/N", barcode); "footnote" lines sit under
# the footnote rule; "rule" is the rule itself. A text reader that cannot tell leaves "body"
# and the structurer decides.
Region = Literal["body", "header", "footer", "footnote", "rule"]


@dataclass(frozen=True)
class Span:
    """A run of one line's characters sharing a format, as the font shows it."""
    text: str
    italic: bool = False
    bold: bool = False
    sup: bool = False  # raised and smaller: a footnote marker or "73rd"


@dataclass(frozen=True)
class PrintedLine:
    """One printed line. `indent` is the left edge in points from the text column's left
    (None when unknown, as in a text extraction); `gap_before` is the vertical space above
    it in lines (None when unknown; a blank line in a text extraction counts as 1)."""
    spans: tuple[Span, ...]
    page: int                 # 1-based
    line: int                 # 1-based line in the source file (text) or on the page (PDF)
    region: Region = "body"
    indent: float | None = None
    gap_before: float | None = None
    size: float | None = None  # font size of the line's main text, when known
    centred: bool = False
    # The first line of a page, where the page shows whether it opens a paragraph (set in
    # further than the line that ended the page before, or a bold heading after plain text:
    # True) or goes on with one (False); None where the page does not say (a text).
    opens: bool | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class PrintedCell:
    """A table cell's printed lines; `breaks[k]` says line k begins after a line break the
    text itself made (the line before it stops short of the cell's edge), not a wrap."""
    lines: tuple[tuple[Span, ...], ...] = ()
    breaks: tuple[bool, ...] = ()


@dataclass(frozen=True)
class PrintedTable:
    """A table drawn with rules, read cell by cell: it stands after line `after` (0: before
    any line) of page `page`; its first `header` rows are header rows (repeated on each page
    it runs onto, read once). `pages` are all the pages it runs over."""
    page: int
    after: int
    rows: tuple[tuple[PrintedCell, ...], ...]
    header: int = 0
    pages: tuple[int, ...] = ()
    landscape: bool = False
    ruled: bool = True  # False: set without rules, read from its columns of figures


@dataclass
class PrintedDocument:
    """All lines of a document in reading order, with where they came from."""
    lines: list[PrintedLine] = field(default_factory=list)
    file: str = "<text>"
    pages: int = 1
    # True when the page itself gave regions, pages, indents and spans (a PDF): the
    # structurer then honours them. False for a text extraction: every line is "body" on
    # page 1 and the structurer guesses furniture, footnotes and page breaks from the words.
    layout: bool = False
    # Tables the page draws with rules (a PDF); their words are in these cells, not in `lines`.
    tables: list[PrintedTable] = field(default_factory=list)
