"""Pure helpers over inline content: normalising runs and reading them as plain text."""
from __future__ import annotations

from typing import Callable, Iterable

from .model import Break, Content, CrossRef, FootnoteRef, Text


def normalize(content: Iterable) -> Content:
    """Merge neighbouring runs of equal format and drop empty ones (the canonical form)."""
    out: list = []
    texts: list[str] = []    # the texts of the run being merged, joined once at its end
    first: Text | None = None  # its first run
    for item in content:
        if isinstance(item, Text):
            if not item.text:
                continue
            if first is not None and _same_format(first, item):
                texts.append(item.text)
                continue
            _merged(out, first, texts)
            first, texts = item, [item.text]
            continue
        _merged(out, first, texts)
        first = None
        out.append(item)
    _merged(out, first, texts)
    return tuple(out)


def _merged(out: list, first: Text | None, texts: list[str]) -> None:
    """Add the run being merged to `out`: `first` itself when nothing joined it."""
    if first is not None:
        out.append(first if len(texts) == 1 else
                   Text("".join(texts), first.italic, first.bold, first.sup))


def _same_format(a: Text, b: Text) -> bool:
    return (a.italic, a.bold, a.sup) == (b.italic, b.bold, b.sup)


def plain(content: Content, ref: Callable[[str], str] | None = None,
          note: Callable[[str], str] | None = None) -> str:
    """The text a reader sees. `ref` renders cross-references (default: the target id),
    `note` renders footnote markers (default: nothing)."""
    parts = []
    for item in content:
        if isinstance(item, Text):
            parts.append(item.text)
        elif isinstance(item, CrossRef):
            parts.append(ref(item.target) if ref else item.target)
        elif isinstance(item, FootnoteRef):
            parts.append(note(item.footnote) if note else "")
        elif isinstance(item, Break):
            parts.append("\n")
    return "".join(parts)


def text(s: str, **fmt: bool) -> Content:
    return (Text(s, **fmt),) if s else ()


def footnote_refs(content: Content) -> list[str]:
    return [i.footnote for i in content if isinstance(i, FootnoteRef)]


def cross_refs(content: Content) -> list[str]:
    return [i.target for i in content if isinstance(i, CrossRef)]
