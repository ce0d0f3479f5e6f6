"""From a printed unit's text to the model's inline content: the page's inline facts
(italics, superscripts, footnote markers) travel inside the text as private-use characters
until it is cut into runs; footnote markers become references, found in order; a printed
table's cells become a model Table. The units are the structurer's (structure.py): anything
with `text`, `refs`, `id` and `block`."""
from __future__ import annotations

import re

from ..inline import normalize
from ..leads import italicize_lead
from ..model import Break, Footnote, FootnoteRef, Row, Table, Text
from .footnotes import CLOSE, OPEN, Note, find_marker
from .printed import PrintedCell
from .wrap import join

# OPEN n CLOSE a superscript marker (footnotes.py), ITALIC..END italics, SUP..END other
# superscript ("73rd").
ITALIC, SUP, END = "\ue002", "\ue003", "\ue004"


def place_markers(units: list, notes: list[Note], head, warn):
    """Footnote markers found in order, each after the one before; a note whose marker is
    nowhere is anchored at the end of the last paragraph on its page, with a warning."""
    fns: list[Footnote] = []
    sponsors = ""
    reissued: list[str] = []
    pos = (0, 0)
    superscripts = any(OPEN in u.text for u in units)
    said: dict[str, tuple[str, str]] = {}  # a note's words -> (its id, its mark)
    for note in notes:
        fid = "fn-star" if note.mark == "*" else f"fn{note.mark}" if note.mark.isdigit() \
            else f"fn-line{note.index}"
        again = said.get(" ".join(note.text.split())) if note.mark.isdigit() else None
        if again:
            # the same words under two markers: one footnote referenced twice (as the Word
            # reader has it)
            fid = again[0]
            warn(note.index, f"footnote {note.mark} repeats footnote {again[1]} word for word; "
                             f"read as one footnote referenced twice")
        hit = None
        for u in range(pos[0], len(units)):
            found = find_marker(units[u].text, note.mark, pos[1] if u == pos[0] else 0,
                                explicit_only=note.bracketed or superscripts)
            if found:
                hit = (u, found)
                break
        if hit is None and note.mark == "*" and head.sponsors_marked:
            sponsors = note.text
            continue
        if note.mark == "*" and head.reissue_marked and note.text.startswith("Reissued"):
            reissued.append(note.text)  # the symbol's own note: metadata, not a footnote
            continue
        if hit is None:
            on_page = [k for k, u in enumerate(units) if note.page in u.block.pages
                       and k >= pos[0]]
            k = on_page[-1] if on_page else (pos[0] if pos[0] < len(units) else len(units) - 1)
            if k < 0:
                warn(note.index, f"footnote {note.mark} has no text to belong to; dropped")
                continue
            units[k].refs.append((len(units[k].text), fid))
            warn(note.index, f"no marker for footnote {note.mark} found; placed at the end of "
                             f"{units[k].id}")
            # the search goes on from the last marker found: one marker missed (fused to a
            # number, "Agenda 216") must not lose the markers after it
        else:
            u, (begin, end, how) = hit
            unit = units[u]
            _cut(unit, begin, end, fid)
            if how != "explicit":
                warn(unit.block.index, f"footnote marker {note.mark} read in {unit.id} "
                                       f"({how}, in order)")
            pos = (u, begin)
        if not again:
            said[" ".join(note.text.split())] = (fid, note.mark)
            fns.append(Footnote(fid, runs(note.text)))
    _repeated_markers(units, {f.id for f in fns})
    return fns, sponsors, " ".join(reissued)


def _repeated_markers(units: list, placed: set[str]) -> None:
    """A footnote referred to again ("[1]" a second time, or its superscript) is the same
    footnote: later explicit markers of a placed note point at it too."""
    pattern = re.compile(r"\[(\d{1,3})\]|" + OPEN + r"(\d{1,3}|\*)" + CLOSE)
    for unit in units:
        while True:
            m = next((m for m in pattern.finditer(unit.text)
                      if f"fn{m.group(1) or m.group(2)}" in placed), None)
            if m is None:
                break
            fid = f"fn{m.group(1) or m.group(2)}"
            _cut(unit, *m.span(), fid)


def _cut(unit, begin: int, end: int, fid: str) -> None:
    """Take a marker's characters out of the unit's text and put a reference there, in
    order among the references already placed."""
    unit.text = unit.text[:begin] + unit.text[end:]
    before = [(o, f) for o, f in unit.refs if o <= begin]
    after = [(o - (end - begin), f) for o, f in unit.refs if o > begin]
    unit.refs = before + [(begin, fid)] + after


def unit_content(u, kind: str | None):
    out: list = []
    pos = 0
    for offset, fid in sorted(u.refs, key=lambda r: r[0]):
        out += runs(u.text[pos:offset])
        out.append(FootnoteRef(fid))
        pos = offset
    out += runs(u.text[pos:])
    content = normalize(out)
    if kind and not any(isinstance(r, Text) and r.italic for r in content):
        content = italicize_lead(content, kind)
    return content


def runs(text: str) -> list:
    """Text with ITALIC/SUP..END marks and line breaks into runs."""
    out: list = []
    fmt = None
    for part in re.split(f"([{ITALIC}{SUP}{END}\n])", text.replace(OPEN, "").replace(CLOSE, "")):
        if part in (ITALIC, SUP):
            fmt = part
        elif part == END:
            fmt = None
        elif part == "\n":
            out.append(Break())
        elif part:
            out.append(Text(part, italic=fmt == ITALIC, sup=fmt == SUP))
    return out


def table_of(u) -> Table:
    t = u.table
    assert t is not None
    # a header row's bold is the header's own look, not its words' (as writers print it)
    return Table(u.id, tuple(Row(f"{u.id}.r{k}", tuple(_cell(c, k <= t.header) for c in row),
                                 k <= t.header)
                             for k, row in enumerate(t.rows, 1)), landscape=t.landscape)


def _cell(cell: PrintedCell, header: bool = False):
    """A cell's lines as one text: wrapped lines joined as `join` joins them (a hyphen at a
    line's end glued), a line the text broke kept as a break."""
    out: list = []
    for k, line in enumerate(cell.lines):
        if k and cell.breaks[k]:
            out.append(Break())
        elif k and out and isinstance(out[-1], Text) and join(out[-1].text, "x").endswith(" x"):
            out.append(Text(" ", italic=out[-1].italic, bold=out[-1].bold))
        out += [Text(s.text, s.italic, s.bold and not header, s.sup) for s in line]
    return normalize(out)


def title_content(title: str):
    return normalize(runs(title))
