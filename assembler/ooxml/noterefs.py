"""A second marker of one footnote, as Word writes it: a NOTEREF field to a bookmark on the
footnote's first reference. Read back, it is a reference to that footnote.

Word's cross-reference puts the bookmark around the reference mark; LibreOffice saves it
as a point just before the mark. Both are found by the reader (a footnote reference run
lists the bookmarks over it or standing just before it), and `resolve` turns the field's
result runs into a reference to the footnote, once the whole file is read. A REF field to
such a bookmark prints the same number and is read alike.
"""
from __future__ import annotations

import re
from dataclasses import replace

_REFERENCE = re.compile(r"^\s*(?:NOTE)?REF\s+(\S+)", re.IGNORECASE)


def noteref_target(instr: str) -> str | None:
    """The bookmark a NOTEREF or REF field instruction refers to."""
    m = _REFERENCE.match(instr)
    return m.group(1) if m else None


def resolve(blocks: list, footnotes: dict, paragraphs) -> tuple[list, dict, list]:
    """Blocks and footnotes with each field result that refers to a bookmark on a footnote
    reference read as a reference to that footnote (the reader made each field's result
    one run), and the
    reader's notes: a field whose bookmark the file lacks is kept as the words it prints
    (Word's "Error! Reference source not found.") and named. `paragraphs` gives every
    paragraph read."""
    marked: dict[str, str] = {}  # bookmark -> the Word id of the footnote it marks
    names: set[str] = set()
    for p in paragraphs:
        names.update(p.starts)
        for r in p.runs:
            if r.footnote is not None:
                for name in r.bookmarks:
                    marked.setdefault(name, r.footnote)
    notes: list = []

    def para(p):
        refs = {r.noteref for r in p.runs if r.noteref}
        for name in sorted(refs - names):
            shown = "".join(r.text for r in p.runs if r.noteref == name)
            notes.append((p.location, f"a cross-reference to bookmark '{name}', which the "
                                      f"file does not have; kept as the words it prints "
                                      f"('{shown}')"))
        if not refs & marked.keys():
            return p
        return replace(p, runs=tuple(
            replace(r, text="", footnote=marked[r.noteref]) if r.noteref in marked else r
            for r in p.runs))

    def block(b):
        if hasattr(b, "runs"):
            return para(b)
        return replace(b, rows=tuple(replace(row, cells=tuple(
            replace(cell, paragraphs=tuple(para(p) for p in cell.paragraphs))
            for cell in row.cells)) for row in b.rows))

    return [block(b) for b in blocks], \
        {fid: tuple(para(p) for p in ps) for fid, ps in footnotes.items()}, notes
