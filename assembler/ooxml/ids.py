"""One id space for Word's annotations: tracked changes, moves, bookmarks and comments.

ECMA-376 wants each annotation's w:id unique across the document, and Word is reported to
call a file corrupt when a change and a bookmark share one. Every writer in this package
takes its ids from one AnnotationIds, so the rule holds by construction; an editor of a file
written elsewhere starts after the highest id the file already uses.
"""
from __future__ import annotations

from typing import Iterable

from lxml import etree

from .ns import w

# elements that open an annotation and carry its id (ends and references repeat it)
ANNOTATION_TAGS = frozenset(w(t) for t in (
    "ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart",
    "bookmarkStart", "comment", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
    "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
    "customXmlInsRangeStart", "customXmlDelRangeStart", "permStart"))

# elements that name an annotation opened elsewhere, by its id
ANNOTATION_REFS = frozenset(w(t) for t in (
    "moveFromRangeEnd", "moveToRangeEnd", "bookmarkEnd", "commentRangeStart",
    "commentRangeEnd", "commentReference"))


class AnnotationIds:
    """Hands out annotation ids, each once: 1, 2, 3 ... or after a file's highest."""

    def __init__(self, last: int = 0):
        self._last = last

    def next(self) -> int:
        self._last += 1
        return self._last

    @classmethod
    def after(cls, roots: Iterable[etree._Element]) -> "AnnotationIds":
        """An allocator whose ids no annotation in `roots` (a package's parts) uses."""
        highest = 0
        for _, value in annotations(roots):
            if value.isdigit():
                highest = max(highest, int(value))
        return cls(highest)


def annotations(roots: Iterable[etree._Element]) -> list[tuple[str, str]]:
    """(local tag, w:id) of every annotation opened in `roots`, in document order."""
    found = []
    for root in roots:
        for el in root.iter(*ANNOTATION_TAGS):
            found.append((etree.QName(el).localname, el.get(w("id"), "")))
    return found
