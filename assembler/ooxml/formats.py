"""What a writer asks of a Word document, with no XML: runs and their formats, paragraph
formats, fonts, the page, tracked changes and marks. builder.py alone turns them into
WordprocessingML."""
from __future__ import annotations

from dataclasses import dataclass


def number_of(bookmark: str) -> str:
    """The field that prints the list number of the paragraph a bookmark stands in ("14"),
    as Word's own cross-references do: Word (on printing or F9) and LibreOffice (on opening)
    count it again, so a paragraph inserted before its target renumbers it as it renumbers
    the paragraphs themselves."""
    return f"REF {bookmark} \\r \\h"


def twips(cm: float) -> str:
    """A length in Word's twentieths of a point."""
    return str(round(cm * 1440 / 2.54))


@dataclass(frozen=True)
class Change:
    """A tracked change: kind is ins, del, moveFrom or moveTo."""
    kind: str
    author: str
    date: str = ""
    move_name: str = ""  # pairs a moveFrom with its moveTo


@dataclass(frozen=True)
class Mark:
    """A point in a paragraph that is not a run: where a move range or a comment starts or
    ends (Run(mark=...)). Move ranges take their name, author and date from `change`."""
    kind: str                      # moveFrom, moveTo or comment
    edge: str                      # start or end
    change: Change | None = None
    comment: int | None = None     # an id from DocumentBuilder.comment()


@dataclass(frozen=True)
class Picture:
    """An image set in the line (Run(picture=...)): a part the builder holds
    (DocumentBuilder.image) at this size."""
    rid: str
    width_pt: float
    height_pt: float
    name: str = "picture"


@dataclass
class Run:
    text: str = ""
    italic: bool = False
    bold: bool = False
    sup: bool = False
    strike: bool = False
    underline: bool = False
    size_pt: float | None = None
    spacing_pt: float | None = None  # space added after each character (None: the default)
    scale_pct: int | None = None     # characters widened or narrowed (None: the default)
    footnote: int | None = None   # a footnote reference mark to this footnote id
    shows: int | None = None      # a second marker's number where tracked changes make the
    # file's count of notes another (each version's own); None: the builder counts
    footnote_mark: bool = False   # the number inside the footnote itself
    tab: bool = False
    line_break: bool = False
    page_break: bool = False
    field: str | None = None      # a field: PAGE, NUMPAGES, number_of(...); `text` its result
    after: str = ""               # text printed after the field, in the run's format and
    # bookmark ("(a)" after a sub-paragraph's counted paragraph number)
    change: Change | None = None
    mark: Mark | None = None      # not a run: a range marker (see Mark)
    bookmark: str | None = None   # a bookmark around this run; with no text, a point
    picture: Picture | None = None  # an image in the line instead of text


@dataclass
class ParaFormat:
    style: str | None = None
    left_cm: float = 0.0
    right_cm: float = 0.0
    first_line_cm: float = 0.0    # negative: a hanging indent of that size
    align: str | None = None      # left, center, right, both
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    line_pt: float | None = None  # an exact line height (None: the style's)
    line_at_least: bool = False   # line_pt is the least height: a taller picture gets its room
    keep_next: bool = False
    page_break_before: bool = False
    tabs_cm: tuple = ()           # (position, alignment) pairs
    mark_change: Change | None = None  # the paragraph mark itself inserted or deleted
    numbering: tuple | None = None  # (WordList, level): Word numbers the paragraph
    was: tuple | None = None        # (Change, ParaFormat): the format before a tracked change


@dataclass
class Fonts:
    body: str = "Times New Roman"
    body_pt: float = 10
    footnote_pt: float = 9
    line_spacing: float = 1.0
    space_after_pt: float = 6
    line_pt: float | None = None  # an exact line height for body text, as UN pages set it
    footnote_line_pt: float | None = None  # footnotes' exact line height
    char_spacing_pt: float = 0.0  # space after each character of the text
    char_scale_pct: int = 100     # characters' width in per cent of the font's (UN pages: 107)


@dataclass
class PageSetup:
    width_cm: float = 21.0
    height_cm: float = 29.7
    top_cm: float = 2.5
    bottom_cm: float = 2.5
    left_cm: float = 2.5
    right_cm: float = 2.5
    header_cm: float = 1.27
    footer_cm: float = 1.27
    landscape: bool = False
