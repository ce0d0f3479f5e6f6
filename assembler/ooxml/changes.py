"""Resolving tracked changes: the text as Word shows it with changes accepted or rejected,
or as one author would have it."""
from __future__ import annotations

from dataclasses import replace

from .reader import Mark, WCell, WordDocument, WParagraph, WRun


def resolve(doc: WordDocument, mode: str) -> WordDocument:
    """The document with its tracked changes accepted or rejected, as Word would show it:
    changed runs kept or dropped, and a paragraph whose mark went away joined to the next."""
    if mode not in ("accept", "reject"):
        raise ValueError(mode)
    return _resolve(doc, lambda mark: mode == "accept")


def resolve_for(doc: WordDocument, author: str) -> WordDocument:
    """The document as `author` would have it: their changes accepted, all others rejected."""
    return _resolve(doc, lambda mark: mark.author == author)


def _resolve(doc: WordDocument, accepted) -> WordDocument:
    def removed(mark: Mark | None) -> bool:
        """Whether the marked thing is absent from the resolved text."""
        if mark is None:
            return False
        return (mark.kind == "del") == bool(accepted(mark)) or removed(mark.within)

    def keep(run: WRun) -> bool:
        return not removed(run.change)

    def clean(run: WRun) -> WRun:
        return replace(run, change=None) if run.change else run

    def paras(items) -> list:
        out: list = []
        pending = None
        for p in items:
            p = replace(p, runs=tuple(clean(r) for r in p.runs if keep(r)))
            if pending is not None:
                # the next paragraph's mark survives, with its formatting; a paragraph whose
                # words all went with its mark leaves nothing behind, not even its bookmarks
                if any(r.text.strip() or r.footnote is not None for r in pending.runs):
                    p = replace(p, runs=pending.runs + p.runs, starts=pending.starts + p.starts,
                                numbering=pending.numbering, location=pending.location)
                pending = None
            if removed(p.mark_change):
                pending = replace(p, mark_change=None)
                continue
            out.append(replace(p, mark_change=None))
        if pending is not None:
            out.append(pending)
        return out

    blocks: list = []
    run_of_paras: list = []
    for block in doc.blocks:
        if isinstance(block, WParagraph):
            run_of_paras.append(block)
            continue
        blocks += paras(run_of_paras)
        run_of_paras = []
        rows = tuple(replace(r, change=None, cells=tuple(WCell(tuple(paras(c.paragraphs)))
                                                         for c in r.cells))
                     for r in block.rows if not removed(r.change))
        blocks.append(replace(block, rows=rows))
    blocks += paras(run_of_paras)
    notes = {k: tuple(paras(v)) for k, v in doc.footnotes.items()}
    return WordDocument(blocks, notes, doc.properties, doc.title, doc.notes, doc.furniture,
                        doc.comments, doc.comment_places)
