"""What a reader of a printed document kept of its reading, for the checks that judge it.

The structurer turns printed lines into a draft; the survey (assembler/survey) then asks the
document itself whether that draft is right: its printed numbers and labels, its footnote
numbers, its words. For that it needs to know which printed line each unit began at, which
number or label was printed there, and which lines were dropped and by which rule (running
header, footnote rule, closing, ...). Nothing here changes the draft.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .printed import PrintedLine

# The rules a line may be dropped by: every word of the page is either in the draft or on
# a line dropped by one of these.
DROP_RULES = ("running header or footer", "page-1 foot", "footnote", "footnote rule",
              "closing")


@dataclass(frozen=True)
class Mark:
    """The number or label printed at a unit's start ("" when none) and where it stood."""
    kind: str   # num, label, roman, item, plain, table
    text: str   # "12", "(a)", "II", ""
    index: int  # index into Reading.lines


@dataclass
class Reading:
    lines: list[PrintedLine]                 # the document's non-blank lines, in order
    masthead_end: int = 0                    # first line after the masthead
    dropped: dict[int, str] = field(default_factory=dict)   # line index -> rule (DROP_RULES)
    marks: dict[str, Mark] = field(default_factory=dict)    # unit id -> its printed mark
    layout: bool = False                     # the lines came from a PDF's page
    pages: list[int] = field(default_factory=list)          # page of each line (guessed for text)
    notes: int = 0   # numbered notes read under the rules (a note printed twice counts twice)
    # guesses no check of the text can confirm: (line index, the check it concerns, what
    # was guessed)
    doubts: list[tuple[int, str, str]] = field(default_factory=list)
    # the words of the tables read cell by cell from the page (their characters are no
    # line's), so that every word of the page is still accounted for
    table_words: list[str] = field(default_factory=list)

    def doubt(self, index: int, message: str, check: str = "footnotes") -> None:
        self.doubts.append((index, check, message))

    def where(self, index: int | None) -> tuple[int | None, int | None]:
        """(page, source line) of a line index, for messages."""
        if index is None or not self.lines:
            return None, None
        index = min(index, len(self.lines) - 1)
        page = self.pages[index] if index < len(self.pages) else self.lines[index].page
        return page, self.lines[index].line
