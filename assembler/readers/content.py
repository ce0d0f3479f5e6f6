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


def place_markers(units: list, notes: list[Note], head, warn, doubt=None):
    """Footnote markers found in order: every place each note's marker may stand (on its
    page first), then the increasing sequence that places the most markers, the surest
    first (a superscript, a marker fused to its word, one set apart). One misread number
    cannot then push the markers after it off their page. A note whose marker is nowhere is
    anchored at the end of the last paragraph on its page, with a warning."""
    fns: list[Footnote] = []
    sponsors = ""
    reissued: list[str] = []
    explicit = any(OPEN in u.text for u in units)
    said: dict[str, tuple[str, str]] = {}  # a note's words -> (its id, its mark)
    kept: list[tuple[Note, str]] = []       # (note, footnote id) to place
    for note in notes:
        fid = "fn-star" if note.mark == "*" else f"fn{note.mark}" if note.mark.isdigit() \
            else f"fn-line{note.index}"
        # the same words under two markers are one footnote; never "Ibid.", whose words
        # point at the note before it, a different one each time
        again = said.get(" ".join(note.text.split())) if note.mark.isdigit() \
            and not _IBID.match(note.text) else None
        if again:
            # the same words under two markers: one footnote referenced twice (as the Word
            # reader has it)
            fid = again[0]
            warn(note.index, f"footnote {note.mark} repeats footnote {again[1]} word for word; "
                             f"read as one footnote referenced twice")
        if note.mark == "*" and head.reissue_marked and note.text.startswith("Reissued"):
            reissued.append(note.text)  # the symbol's own note: metadata, not a footnote
            continue
        if note.mark == head.sponsors_marked and not _candidates(
                units, note, note.bracketed or explicit):
            sponsors = note.text
            continue
        kept.append((note, fid))
        if not again:
            said[" ".join(note.text.split())] = (fid, note.mark)
            fns.append(Footnote(fid, runs(note.text)))
    candidates = [_candidates(units, note, note.bracketed or explicit) for note, _ in kept]
    chosen = _best_sequence(candidates)
    if doubt is not None:
        _ambiguous(units, kept, candidates, chosen, doubt)
    # cut the markers out, the last of each unit first, so the offsets before stay true
    for k in sorted((k for k in range(len(kept)) if chosen[k]), key=lambda k: chosen[k][:2],
                    reverse=True):
        u, begin, end, how, _ = chosen[k]
        note, fid = kept[k]
        _cut(units[u], begin, end, fid)
        if how != "explicit":
            warn(units[u].block.index, f"footnote marker {note.mark} read in {units[u].id} "
                                       f"({how}, in order)")
        if how == "fused to a number" and doubt is not None \
                and not _printed_apart(units, units[u].text[:begin], note.mark):
            number = units[u].text[max(0, begin - 12):begin].split(" ")[-1]
            doubt(units[u].block.index, f"footnote {note.mark}'s marker read as fused to the "
                                        f"number '{number}' in {units[u].id}: the text alone "
                                        f"cannot tell; the PDF's superscript can")
    for k, (note, fid) in enumerate(kept):
        if chosen[k]:
            continue
        on_page = [j for j, u in enumerate(units) if note.page in u.block.pages]
        j = on_page[-1] if on_page else len(units) - 1
        if j < 0:
            warn(note.index, f"footnote {note.mark} has no text to belong to; dropped")
            fns = [f for f in fns if f.id != fid]
            continue
        units[j].refs.append((len(units[j].text), fid))
        warn(note.index, f"no marker for footnote {note.mark} found; placed at the end of "
                         f"{units[j].id}")
    _repeated_markers(units, {f.id for f in fns})
    return fns, sponsors, " ".join(reissued)


def _printed_apart(units: list, before: str, mark: str) -> bool:
    """The number a marker was read fused to ("COVID-19" of "COVID-1916", "Agenda 21" of
    "Agenda 216") stands elsewhere in the text with no digit after it, and the fused
    figure nowhere else: the document itself confirms the cut (made already: `units` hold
    this one as the number alone, so it counts once more)."""
    m = re.search(r"(?:\b[A-Z][a-z]+ )?\S+$", before)
    if not m:
        return False
    alone = re.compile(r"(?<![\w/.-])" + re.escape(m.group()) + r"(?![\d/])")
    fused = re.compile(r"(?<![\w/.-])" + re.escape(m.group() + mark) + r"(?![\d/])")
    return sum(len(alone.findall(u.text)) for u in units) > 1 \
        and not any(fused.search(u.text) for u in units)


_IBID = re.compile(r"^\s*(?:See\s+)?(?:ibid|idem)\b", re.I)

# how sure a marker is, by how it was found; a marker on its note's page counts more
_SURE = {"explicit": 10, "fused": 6, "raised": 6, "spaced": 4, "year": 3, "after a number": 2,
         "fused to a number": 1}
_ON_PAGE = 3
_MOST = 40  # places looked at per note: a common number is not a marker everywhere


def _ambiguous(units: list, kept: list, candidates: list, chosen: list, doubt) -> None:
    """A marker read from the words alone (set apart, or after a number) where another
    place between its neighbours' markers, found the same sure way, would do as well: the
    text cannot tell which; said as a doubt (the PDF's superscript can tell)."""
    placed = [c[:2] if c else None for c in chosen]
    for k, c in enumerate(chosen):
        if not c or c[3] in ("explicit", "fused"):
            continue
        low = next((p for p in reversed(placed[:k]) if p), (-1, -1))
        high = next((p for p in placed[k + 1:] if p), (len(units), 0))
        # as sure a place (as good a pattern, on the note's page too), in order as well
        others = [o for o in candidates[k] if o[:2] != c[:2] and low < o[:2] < high
                  and o[4] >= c[4]]
        if others:
            note = kept[k][0]
            o = others[0]
            doubt(units[c[0]].block.index,
                  f"footnote {note.mark}'s marker read in {units[c[0]].id} "
                  f"('…{_around(units[c[0]].text, c[1])}'), but it could stand in "
                  f"{units[o[0]].id} too ('…{_around(units[o[0]].text, o[1])}'): the text "
                  f"alone cannot tell")


def _around(text: str, at: int) -> str:
    return " ".join(text[max(0, at - 25):at + 6].split())


def _candidates(units: list, note: Note, explicit_only: bool) -> list[tuple]:
    """Every place `note`'s marker may stand: (unit, begin, end, how, weight), in order,
    in the units on its page and the pages beside it."""
    out = []
    for u, unit in enumerate(units):
        pages = unit.block.pages
        if pages and not any(abs(p - note.page) <= 1 for p in pages):
            continue
        start = 0
        while len(out) < _MOST:
            found = find_marker(unit.text, note.mark, start, explicit_only)
            if not found:
                break
            begin, end, how = found
            out.append((u, begin, end, how, _SURE.get(how, 1)
                        + (_ON_PAGE if note.page in pages else 0)))
            start = max(end, begin + 1)
    return out


def _best_sequence(candidates: list[list[tuple]]) -> list[tuple | None]:
    """One place per note (or none), strictly in reading order, of the greatest weight;
    ties go to the earlier place."""
    best: list[list[tuple[int, tuple | None]]] = []  # per note, per candidate: (score, back)
    flat: list[tuple[tuple, int, int, int]] = []     # (position, note, candidate, score)
    for i, cands in enumerate(candidates):
        row = []
        for c, cand in enumerate(cands):
            pos = cand[:2]
            prev = max(((score, (j, d)) for p, j, d, score in flat if p < pos),
                       default=(0, None), key=lambda x: x[0])
            row.append((prev[0] + cand[4], prev[1]))
        best.append(row)
        flat += [(cands[c][:2], i, c, row[c][0]) for c in range(len(cands))]
    chosen: list[tuple | None] = [None] * len(candidates)
    top = max(((score, (j, d)) for _, j, d, score in flat), default=(0, None),
              key=lambda x: x[0])
    at = top[1]
    while at is not None:
        j, d = at
        chosen[j] = candidates[j][d]
        at = best[j][d][1]
    return chosen


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
