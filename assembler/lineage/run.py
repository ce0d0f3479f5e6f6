"""A session's lineage, at the edges: documents read (through the cache) on every core,
linked (link.py), and each link compared, its redline and comparison written on request.
Each step takes `tick`, told of every document done, for a progress bar."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..corpus import Document, parallel, read_file
from ..errors import AssemblerError
from . import cache
from .change import Change, change
from .evidence import Profile, profile
from .link import Link, link_all

REDLINE_FORMATS = (".html", ".docx")


@dataclass
class Read:
    """One document read: its profile, or why it could not be read."""
    name: str
    file: str
    key: str = ""
    profile: Profile | None = None
    error: str = ""
    cached: bool = False
    seconds: float = 0.0


@dataclass(frozen=True)
class Pair:
    """A link to compare: the two drafts' cache keys, and where its pages go (if anywhere)."""
    name: str
    old_key: str
    new_key: str
    folder: str               # the cache folder
    pages: str = ""           # the redline/comparison folder, "" for none
    suffix: str = ".html"     # the redline's format
    old_name: str = ""


@dataclass
class Compared:
    name: str
    change: Change | None = None
    redline: str = ""         # file names in the pages folder
    comparison: str = ""
    error: str = ""


def read_one(task: tuple[Document, str]) -> Read:
    doc, folder = task
    kind, path = doc.first()
    out = Read(doc.name, str(path))
    start = time.perf_counter()
    try:
        from ..fs.read import read_bytes
        out.key = cache.key(read_bytes(path, "pdf" if kind in ("pdf", "word") else "text"))
        draft = cache.load(Path(folder), out.key)
        out.cached = draft is not None
        if draft is None:
            draft = read_file(path).draft
            cache.store(Path(folder), out.key, draft)
        out.profile = profile(draft, doc.name, str(path))
    except AssemblerError as err:
        out.error = str(err)
    except Exception as err:  # a reader choking on one document must not stop the session
        out.error = f"{path}: the reader failed ({type(err).__name__}: {err})"
    out.seconds = time.perf_counter() - start
    return out


def read_all(docs: list[Document], folder: Path, jobs: int = 0,
             tick: Callable[[Read], None] | None = None) -> list[Read]:
    """Every document read (from the cache where it was read before), in the order given."""
    folder.mkdir(parents=True, exist_ok=True)
    reads = []
    for r in parallel(read_one, [(d, str(folder)) for d in docs], jobs):
        reads.append(r)
        if tick:
            tick(r)
    order = {d.name: k for k, d in enumerate(docs)}
    return sorted(reads, key=lambda r: order[r.name])


def links_of(reads: list[Read]) -> list[Link]:
    return link_all([r.profile for r in reads if r.profile is not None])


def compare_one(pair: Pair) -> Compared:
    out = Compared(pair.name)
    folder = Path(pair.folder)
    kept = cache.change_key(pair.old_key, pair.new_key)
    if not pair.pages:  # pages are written afresh; a change alone may be kept
        out.change = cache.load(folder, kept, "changes", Change)
        if out.change is not None:
            return out
    old, new = cache.load(folder, pair.old_key), cache.load(folder, pair.new_key)
    if old is None or new is None:
        out.error = f"{pair.name}: its drafts are gone from the cache {folder}; run again"
        return out
    try:
        from ..compare.align import align
        alignment = align(old, new)
        out.change = change(old, new, alignment)
        cache.store(folder, kept, out.change, "changes")
        if pair.pages:
            out.redline, out.comparison = _pages(pair, old, new, alignment)
    except AssemblerError as err:
        out.error = str(err)
    return out


def _pages(pair: Pair, old, new, alignment) -> tuple[str, str]:
    """The link's redline (.html or .docx, through the redline writers) and its comparison
    table (.html), written into the pages folder."""
    from ..compare.redline import build_redline
    from ..compare.table import build_table
    from ..compare.versions import version_of
    from ..files import write_atomic
    from ..writers import writer_for
    from ..writers.html.comparison import compare_html
    folder = Path(pair.pages)
    redline = f"{pair.name}.redline{pair.suffix}"
    r = build_redline(old, new, "General Assembly", alignment=alignment)
    write_atomic(folder / redline, writer_for("redline", folder / redline)(r, visual=False))
    comparison = f"{pair.name}.comparison.html"
    table = build_table([version_of(old, pair.old_name), version_of(new, pair.name)])
    write_atomic(folder / comparison, compare_html(table))
    return redline, comparison


def compare_all(links: list[Link], reads: list[Read], folder: Path, jobs: int = 0,
                pages: Path | None = None, suffix: str = ".html",
                tick: Callable[[Compared], None] | None = None) -> dict[str, Compared]:
    """Each link's change (and pages): document name -> Compared."""
    keys = {r.name: r.key for r in reads}
    if pages is not None:
        pages.mkdir(parents=True, exist_ok=True)
    pairs = [Pair(l.document.name, keys[l.predecessor.name], keys[l.document.name],
                  str(folder), str(pages) if pages else "", suffix, l.predecessor.name)
             for l in links if l.predecessor is not None]
    out = {}
    for c in parallel(compare_one, pairs, jobs):
        out[c.name] = c
        if tick:
            tick(c)
    return out
