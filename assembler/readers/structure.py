"""The structurer: printed lines (from a text extraction or a PDF) into a Draft.

One home for the rules that turn a printed page back into units: the masthead and closing
into metadata (masthead.py), page furniture dropped (furniture.py), footnote texts under the
rule and their markers (footnotes.py), hard-wrapped lines joined (wrap.py), and here the
paragraphs: numbers alone on a line or inline, sub-paragraph labels, headings, paragraphs
broken across pages, the annex. Facts the page gave (PrintedDocument.layout: regions, pages,
superscripts, italics) are honoured; without them the rules guess, and every guess is a
warning naming the page and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import AssemblerError, Warning_
from ..numbering import DEGREE_STYLES
from ..model import (Annex, AnnexParagraph, Draft, Heading, Metadata, OperativeParagraph,
                     PreambularParagraph, SubParagraph)
from .blocks import (ANNEX, Block, closing_mark, lead_length, read_blocks, title_like,
                     unpunctuated)
from .content import END, SUP, place_markers, table_of, title_content, unit_content
from .footnotes import RULE, Note, footnote_zones, guess_zones, read_notes
from .furniture import PAGE1_FOOT, guess_furniture
from .ids import child_id
from .masthead import read_closing, read_masthead
from .printed import PrintedDocument, PrintedLine, PrintedTable
from .reading import Mark, Reading
from .sections import (after_tables, count_goes_on, next_part, operative_heading, opens_part,
                       preamble_heading, preamble_unannounced)
from .untext import ImportResult, roman_value, style_of


_JOB_FOOT = re.compile(r"^(\d{2}-\d{5})\*? \([A-Z]\)")  # "25-16535* (E)": a reissued one


class _Notes:
    """Warnings naming the page and the line of the source."""

    def __init__(self, doc: PrintedDocument, lines: list[PrintedLine]):
        self.doc, self.lines, self.out = doc, lines, []
        self.pages: list[int] = [l.page for l in lines]

    def __call__(self, index: int | None, message: str) -> None:
        if index is None or not self.lines:
            self.out.append(Warning_(message, None, self.doc.file))
            return
        index = min(index, len(self.lines) - 1)
        line = self.lines[index]
        self.out.append(Warning_(f"page {self.pages[index]}: {message}", line.line, self.doc.file))


def structure(doc: PrintedDocument, **meta: str) -> ImportResult:
    lines = [l for l in doc.lines if l.text.strip()]
    if not lines:
        raise AssemblerError("no text found", file=doc.file,
                             hint="a scanned page has no text layer; this tool does no OCR")
    warn = _Notes(doc, lines)
    # a table stands before the first line printed after it
    tables = [(next((i for i, l in enumerate(lines) if (l.page, l.line) > (t.page, t.after)),
                    len(lines)), t) for t in doc.tables]
    # the masthead ends where a table begins, at the latest
    head = read_masthead(lines[:min((at for at, _ in tables), default=len(lines))])
    for i, message in head.notes:
        warn(i, message)
    values = dict(head.values)
    if head.formula:
        values["formula"] = head.formula
    # Where the page furniture and the footnotes are: facts from a PDF, guesses from a text.
    if doc.layout:
        skip = {i for i, l in enumerate(lines) if l.region in ("header", "footer", "rule")}
        zones = footnote_zones([i for i, l in enumerate(lines) if l.region == "footnote"], warn.pages)
        foot = [i for i in sorted(skip) if lines[i].region == "footer"]
    else:
        fur = guess_furniture(lines, head.end, head.symbol,
                              values.get("title", ""))
        warn.pages = fur.pages
        for page, first, block in fur.breaks:
            shown = ", ".join(f"'{lines[i].text.strip()}'" for i in block)
            warn(block[0], f"running header/footer dropped before page {page}: {shown}")
        skip = set(fur.lines)
        foot = sorted(fur.lines)
        zones = guess_zones(lines, head.end, skip, warn.pages)
    job = next((m for i in foot if (m := _JOB_FOOT.match(lines[i].text.strip()))), None)
    if job and "job_number" not in values:
        values["job_number"] = job.group(1)
    reading = Reading(lines, head.end, layout=doc.layout)
    reading.table_words = ["".join(s.text for s in line) for t in doc.tables
                           for row in t.rows for cell in row for line in cell.lines]
    reading.dropped.update((i, "page-1 foot" if PAGE1_FOOT.match(lines[i].text.strip())
                            else "running header or footer") for i in skip)
    skip.update(i for zone in zones for i in zone)
    reading.dropped.update((i, "footnote") for zone in zones for i in zone)
    rules = [i for i, l in enumerate(lines) if RULE.match(l.text.strip())]
    skip.update(rules)
    reading.dropped.update((i, "footnote rule") for i in rules)
    notes = read_notes(lines, zones, warn.pages, warn)
    reading.notes = sum(1 for n in notes if n.mark.isdigit())
    body = [i for i in range(head.end, len(lines)) if i not in skip]
    closing, closing_at = read_closing(lines, head.end)
    if closing:
        values["closing"] = closing
        body = [i for i in body if i not in closing_at]
        reading.dropped.update((i, "closing") for i in closing_at)
    nb = [i for i in body if "\u2011" in lines[i].text]
    if nb:  # typesetting, not wording: "non‑intervention" is "non-intervention"
        warn(nb[0], f"non-breaking hyphens (U+2011) read as hyphens on {len(nb)} line(s)")
    blocks = read_blocks(lines, body, warn, doc.layout, reading.doubt,
                         after_tables(lines, tables))
    draft = _assemble(blocks, notes, values, head, warn, lines, tables, reading.marks,
                      reading.doubt)
    draft = Draft(draft.metadata.with_values(**{k: v for k, v in meta.items() if v}),
                  draft.preamble, draft.operative, draft.footnotes, draft.annexes)
    if not draft.preamble and not draft.operative and not draft.annexes:
        raise AssemblerError("no paragraphs found: this does not read as a UN document",
                             file=doc.file, hint="import the text of a UN draft, resolution or "
                                                 "decision")
    if not (head.symbol or head.formula or values.get("stage")):
        warn(0, "no masthead, symbol or enacting formula: this does not read as a UN "
                "document; its paragraphs are kept as text")
    reading.pages = warn.pages
    return ImportResult(draft, warn.out, reading)


# ------------------------------------------------------------------ lines and zones

# ------------------------------------------------------------------ units

@dataclass
class _Unit:
    kind: str                  # pp, op, sub, heading, part, p
    text: str
    block: Block
    degree: int = 0
    children: list["_Unit"] = field(default_factory=list)
    id: str = ""
    refs: list[tuple[int, str]] = field(default_factory=list)  # (offset, footnote id)
    table: PrintedTable | None = None


def _assemble(blocks: list[Block], notes: list[Note], values: dict[str, str], head, warn,
              lines: list[PrintedLine], tables: list[tuple[int, PrintedTable]] = (),
              marks: dict[str, Mark] | None = None,
              doubt=None) -> Draft:
    preamble: list[_Unit] = []
    operative: list[_Unit] = []   # op and heading
    annexes: list[tuple[_Unit | str, list[_Unit]]] = []  # (title, body)
    state = "preamble" if head.formula or preamble_unannounced(blocks, values, warn) \
        else "operative"
    annex_at = next((k for k, b in enumerate(blocks) if b.kind == "plain"
                     and ANNEX.match(b.text.strip())), len(blocks))
    numbered = any(b.kind == "num" for b in blocks[:annex_at])
    last_op: _Unit | None = None
    listing: _Unit | None = None  # the paragraph whose unlabelled list lines are being read
    pending = list(tables)

    def place(before: int) -> None:  # the tables printed before line `before`, in an annex
        nonlocal state
        while pending and pending[0][0] <= before:
            at, table = pending.pop(0)
            if state != "annex":
                annexes.append(("", []))
                state = "annex"
                warn(at, "a table outside an annex; kept in an unnumbered part of its own")
            annexes[-1][1].append(_Unit("table", "", Block("table", "", at), table=table))

    i = 0
    while i < len(blocks):
        place(blocks[i].index)
        b = blocks[i]
        i += 1
        text = b.text
        if b.kind == "plain" and ANNEX.match(text.strip()):
            title = text.strip()
            if i < len(blocks) and blocks[i].kind == "plain" and title_like(blocks[i].text):
                title = title + "\n" + blocks[i].text
                i += 1
            annexes.append((_Unit("title", title, b), []))  # a title may carry a marker
            state = "annex"
            continue
        if state == "annex":
            mark = b.printed_mark
            annexes[-1][1].append(_Unit("p", (mark + " " + text).strip() if mark else text, b))
            continue
        if b.kind == "num" and b.nested and last_op is not None:
            warn(b.index, f"'{b.mark}.' after a paragraph ending with ':' numbers an item of "
                          f"its list; read as a sub-paragraph numbered '{b.mark}.'")
            b.mark = f"{b.mark}."
            _attach(last_op, _Unit("sub", text, b), warn)
            continue
        if b.kind == "num":
            state = "operative"
            last_op = _Unit("op", text, b)
            operative.append(last_op)
            continue
        if b.kind == "label":
            if state == "preamble" and preamble and preamble[-1].kind == "pp" and (
                    preamble[-1].children or closing_mark(
                    preamble[-1].text) == ":"):
                # "... a major contribution to:" then "(a) International peace and security,":
                # the preambular paragraph's own list
                _attach(preamble[-1], _Unit("sub", text, b), warn,
                        lambda blk: lines[blk.index].indent)
                continue
            if last_op is None:
                warn(b.index, f"sub-paragraph {b.mark} before any operative paragraph; kept "
                              f"as a paragraph with its label")
                unit = _Unit("pp" if state == "preamble" else "op", f"{b.mark} {text}", b)
                (preamble if state == "preamble" else operative).append(unit)
                last_op = unit if unit.kind == "op" else last_op
                continue
            _attach(last_op, _Unit("sub", text, b), warn, lambda blk: lines[blk.index].indent)
            continue
        if b.kind == "roman" and (opens_part(b, blocks[i] if i < len(blocks) else None)
                                  or next_part(b, preamble + operative)):
            # a part of a resolution in parts (A/RES/78/247's "I" and "II"): its own
            # preambular paragraphs, its paragraphs numbered from 1 again; once parts have
            # begun, the next numeral opens the next part, preamble or not (A/RES/79/258's
            # "XIX", a single unnumbered paragraph)
            unit = _Unit("part", text, b)
            if operative:
                operative.append(unit)
                state = "part"
            else:
                preamble.append(unit)
                state = "preamble"
            continue
        if state == "part" and b.kind == "plain" and (lead_length(text, "pp") or (
                closing_mark(text) == "," and i < len(blocks) and blocks[i].kind == "num")):
            # a part's preambular paragraph: by its lead, or closing with a comma before the
            # part's "1." (A/RES/79/258, part XXV: "Recalls its resolution 78/253, ...,")
            operative.append(_Unit("pp", text, b))
            continue
        if b.kind == "item" and state == "operative" and count_goes_on(blocks, i, operative):
            # "Part I", "Section 1" over operative paragraphs whose count goes on (A/RES/79/257)
            operative.append(_Unit("heading", f"{b.printed_mark} {text}", b))
            continue
        if b.kind in ("roman", "item"):
            if state in ("operative", "part") and (numbered or operative):
                if b.kind == "item" or not numbered:
                    annexes.append(("", []))
                    state = "annex"
                    i -= 1
                    warn(b.index, "numbered items after the operative part; kept as an "
                                  "unnumbered part after it")
                    continue
                operative.append(_Unit("heading", f"{b.printed_mark} {text}", b))
                continue
            if b.kind == "roman" and i < len(blocks) and blocks[i].kind == "num":
                state = "operative"  # the first section heading of the operative part
                operative.append(_Unit("heading", f"{b.printed_mark} {text}", b))
                continue
            warn(b.index, f"'{b.printed_mark}' heading before the operative part; kept as "
                          f"a paragraph")
            preamble.append(_Unit("pp", f"{b.printed_mark} {text}", b))
            continue
        # A plain block: a preambular paragraph, an unnumbered operative paragraph, a
        # heading, or the quoted text of an amendment ("... reading:").
        if state == "preamble" and _less_indented(lines, b, preamble, head):
            # set out from the preamble: a heading over the operative part, or its single
            # unnumbered paragraph; or a heading inside the preamble, when preambular
            # paragraphs follow it
            nxt = blocks[i] if i < len(blocks) else None
            if nxt is not None and nxt.kind == "plain" \
                    and lead_length(nxt.text, "pp"):
                # a heading has no lead and no closing comma: a paragraph that has them was
                # printed without its first-line indent (A/RES/78/68, page 8)
                lost_indent = lead_length(text, "pp") and closing_mark(text) in (",", ";")
                preamble.append(_Unit("pp" if lost_indent else "heading", text, b))
                continue
            state = "operative"
            # an unnumbered operative paragraph is the only one: what stands before another
            # paragraph is a heading
            if nxt is not None and (nxt.kind == "num" or (nxt.kind == "plain"
                                                           and not ANNEX.match(nxt.text))):
                warn(b.index, "a line set out from the preamble before the operative part; "
                              "kept as a heading")
                operative.append(_Unit("heading", text, b))
                continue
            warn(b.index, "a paragraph without number set out from the preamble: an "
                          "operative paragraph")
            last_op = _Unit("op", text, b)
            operative.append(last_op)
            continue
        if state == "preamble":
            # a known operative verb (lead_length's "sub" reading takes only listed verbs)
            if not numbered and lead_length(text, "sub") and not lead_length(text, "pp"):
                state = "operative"
                warn(b.index, "a paragraph without number that opens with an operative verb: "
                              "the resolution's single operative paragraph")
                last_op = _Unit("op", text, b)
                operative.append(last_op)
                continue
            nxt = blocks[i] if i < len(blocks) else None
            if operative_heading(text, preamble[-1] if preamble else None, nxt):
                state = "operative"
                warn(b.index, "a line without closing punctuation or lead before '1.': a "
                              "heading over the operative part")
                operative.append(_Unit("heading", text, b))
                continue
            if preamble_heading(text, preamble[-1] if preamble else None, nxt):
                preamble.append(_Unit("heading", text, b))
                continue
            preamble.append(_Unit("pp", text, b))
            continue
        if last_op is not None and last_op.text.rstrip().endswith(":") and not head.formula \
                and not last_op.children:
            last_op.text = last_op.text + "\n" + text
            warn(b.index, "text after 'reading:' kept in the paragraph above, on a line of "
                          "its own")
            continue
        tail = last_op
        while tail is not None and tail.children:
            tail = tail.children[-1]
        if numbered and last_op is not None and last_op.kind == "op" \
                and (tail.text.rstrip().endswith(":") or listing is tail) \
                and not ANNEX.match(text.strip()):
            # unlabelled lines after "... as follows:" (a schedule, a list without letters,
            # "Panel 1: ..." under a sub-paragraph) belong to the paragraph that announced them
            tail.text = tail.text + "\n" + text
            listing = tail
            warn(b.index, f"unnumbered lines after '{tail.text.split(chr(10))[0][-20:]}' "
                          f"kept in that paragraph, each on a line of its own")
            continue
        if unpunctuated(text) and (operative or state == "operative") and i < len(blocks) \
                and blocks[i].kind != "label":
            nxt = blocks[i]
            if nxt.kind in ("item", "roman"):
                annexes.append((_Unit("title", text, b), []))
                state = "annex"
                warn(b.index, f"'{text}' and the text after it kept as a part after the "
                              f"operative paragraphs")
                continue
            warn(b.index, "a short line without number between operative paragraphs; "
                          "kept as a heading")
            operative.append(_Unit("heading", text, b))
            continue
        if operative and last_op is not None and numbered:
            warn(b.index, "a paragraph without number after the operative paragraphs; kept "
                          "as an operative paragraph")
        elif not numbered:
            warn(b.index, "a paragraph without number; kept as an operative paragraph")
        last_op = _Unit("op", text, b)
        operative.append(last_op)
    place(len(lines))
    for k, (title, body) in enumerate(annexes):
        annexes[k] = (title, _table_notes_apart(body))
    _number(preamble, operative, annexes)
    units = list(_walk(preamble, operative, annexes))
    if marks is not None:  # what was printed where each unit began, for the survey's checks
        marks.update((u.id, Mark(u.block.kind, u.block.mark, u.block.index))
                     for u in units)
    fns, sponsors_note, reissued = place_markers(
        units, notes, head, warn, doubt)
    if sponsors_note:
        values["sponsors-footnote"] = sponsors_note
    if reissued:
        values["reissued"] = reissued
    meta = Metadata().with_values(**values)
    return Draft(meta, tuple(_preambular(u, warn) for u in preamble),
                 tuple(_operative(u, warn) for u in operative), tuple(fns),
                 tuple(Annex(f"annex{n}", unit_content(title, None) if isinstance(title, _Unit)
                             else title_content(title),
                             tuple(table_of(u) if u.table else AnnexParagraph(u.id, unit_content(u, None))
                                   for u in body))
                       for n, (title, body) in enumerate(annexes, 1)))


_NOTE_MARK = re.compile(f"(?={SUP}[a-z]{END})")


def _table_notes_apart(body: list[_Unit]) -> list[_Unit]:
    """A table's lettered notes under it ("a See A/79/555." then "b Reflects amounts after
    recosting."), read as one run of lines, are a paragraph each, as the page sets them."""
    out: list[_Unit] = []
    for u in body:
        if u.kind == "p" and out and (out[-1].table is not None or out[-1].kind == "note") \
                and re.match(f"{SUP}[a-z]{END}", u.text):
            out += [_Unit("note", part.strip(), u.block)
                    for part in _NOTE_MARK.split(u.text) if part.strip()]
            continue
        out.append(u)
    for u in out:
        u.kind = "p" if u.kind == "note" else u.kind
    return out


def _less_indented(lines: list[PrintedLine], b: Block, preamble: list[_Unit], head) -> bool:
    """Does the block start left of where preambular paragraphs start (when the page says)?"""
    mine = lines[b.index].indent
    pps = [u for u in preamble if u.kind == "pp"]  # a centred heading sets no measure
    ref_index = pps[-1].block.index if pps else (head.end - 1 if head.formula else None)
    theirs = lines[ref_index].indent if ref_index is not None else None
    return mine is not None and theirs is not None and mine + 3 < theirs


def _parent_by_indent(chain: list[_Unit], sub: _Unit, indent) -> _Unit | None:
    """When the page indents labels by degree, the indent says where a label belongs: beside
    the item of its own indent, or under the deepest item set left of it."""
    mine = indent(sub.block)
    if mine is None or any(indent(n.block) is None for n in chain) or mine <= indent(chain[0].block) + 3:
        return None
    for depth in range(len(chain) - 1, 0, -1):
        if abs(indent(chain[depth].block) - mine) <= 3:
            return chain[depth - 1]
    return next((n for n in reversed(chain) if indent(n.block) < mine - 3), chain[0])


def _attach(op: _Unit, sub: _Unit, warn, indent=lambda block: None) -> None:
    """A labelled unit under its paragraph. Its label's style finds its list: the open list
    of the same style takes it as the next item ("(d)" after "(c)" and its "(i)", "(ii)");
    a new style opens a list under the item above ("(i)" under "(c)", "a." under "A)").
    "(i)" after "(h)" is a letter."""
    chain = [op]
    while chain[-1].children:
        chain.append(chain[-1].children[-1])
    label = sub.block.mark
    parent = _parent_by_indent(chain, sub, indent)
    if parent is None:
        for node in reversed(chain):
            if node.children and _same_list(node.children, label):
                parent = node
                break
        else:
            parent = chain[-1]
            if style_of(label)[1] != 1:
                warn(sub.block.index, f"sub-paragraph {label} opens a list; attached under "
                                      f"the unit above, numbered on from its list")
    if parent.degree >= 4:  # the model has four degrees
        warn(sub.block.index, f"sub-paragraph {label} deeper than the fourth degree; kept at "
                              f"the fourth")
        parent = chain[3]
    sub.degree = parent.degree + 1
    parent.children.append(sub)


def _same_list(siblings: list[_Unit], label: str) -> bool:
    """Does `label` go on the list whose last item is siblings[-1]? Same style, or a letter
    that reads as a roman numeral where the count calls for it ("(i)" after "(h)", "(v)"
    after "(iv)")."""
    style, _ = style_of(label)
    last_style, last_value = _in_list(siblings)
    if style == last_style:
        return True
    core = re.sub(r"\W", "", label)
    if "i" in last_style.lower() and re.fullmatch(r"[ivxl]+", core.lower()):
        return roman_value(core.lower()) == last_value + 1
    last_core = re.sub(r"\W", "", siblings[-1].block.mark)
    if len(core) == len(last_core) and len(set(core)) == len(set(last_core)) == 1 \
            and len(core) <= 2 and ord(core[0]) == ord(last_core[0]) + 1 \
            and label.replace(core, "") == siblings[-1].block.mark.replace(last_core, ""):
        return True  # "(j)" after an "(i)" that was the letter after "(h)"; "(ii)" after "(hh)"
    token = "a" if "a" in last_style else "A" if "A" in last_style else None
    return bool(token) and len(core) == 1 and last_style.replace(token, core) == label \
        and ord(core.lower()) - 96 == last_value + 1


def _in_list(siblings: list[_Unit]) -> tuple[str, int]:
    """The style and count of a list's last item, read with the list: "(v)" after "(i)" ...
    "(iv)" is the roman five, not the letter v; "(i)" after "(h)" is the letter."""
    style, value = style_of(siblings[-1].block.mark)
    if len(siblings) > 1:
        first, _ = style_of(siblings[0].block.mark)
        core = re.sub(r"\W", "", siblings[-1].block.mark)
        if first != style and "i" in first.lower() and re.fullmatch(r"[ivxl]+", core.lower()):
            return first, roman_value(core.lower())
        if first != style and "i" in style.lower() and len(core) == 1:
            return first, ord(core.lower()) - 96
    return style, value


def _list_facts(children: list[_Unit], degree: int, previous: int, warn) -> tuple:
    """(list_style, continues) of a list from its first label: the style when it is not the
    degree's default; continues when it counts on from the previous sibling's list."""
    if not children:
        return None, False
    style, value = style_of(children[0].block.mark)
    core = re.sub(r"\W", "", children[0].block.mark)
    if core in ("v", "x", "l", "V", "X", "L"):  # a letter or a roman numeral: the count decides
        roman = (style.replace("a", "i").replace("A", "I"), roman_value(core.lower()))
        default_roman = "i" in DEGREE_STYLES.get(degree, "").lower()
        if roman[1] == previous + 1 or (value != previous + 1 and default_roman):
            style, value = roman
    continues = value > 1
    if continues and value != previous + 1:
        warn(children[0].block.index, f"list starts at {children[0].block.mark}; numbered on "
                                      f"from the list before it")
    return (None if style == DEGREE_STYLES.get(degree) else style), continues


def _number(preamble, operative, annexes) -> None:
    """Ids from the numbers and labels as first printed (AKN's wId idea)."""
    pps = ops = h = 0  # one count of each kind through the parts: ids stay unique
    for u in preamble + operative:
        if u.kind in ("heading", "part"):
            h += 1
            u.id = f"h{h}"
        elif u.kind == "pp":
            pps += 1
            u.id = f"pp{pps}"
            _number_children(u)
        else:
            ops += 1
            u.id = f"op{ops}"
            _number_children(u)
    for a, (title, body) in enumerate(annexes, 1):
        if isinstance(title, _Unit):
            title.id = f"annex{a}"
        for p, u in enumerate(body, 1):
            u.id = f"annex{a}.{'t' if u.table else 'p'}{p}"


def _number_children(unit: _Unit) -> None:
    seen: set[str] = set()
    for pos, child in enumerate(unit.children, 1):
        child.id = child_id(unit.id, child.block.mark or str(pos), seen)
        _number_children(child)


def _walk(preamble, operative, annexes):
    for u in preamble + operative:
        yield u
        yield from _descend(u)
    for title, body in annexes:
        if isinstance(title, _Unit):
            yield title
        yield from body


def _descend(unit):
    for c in unit.children:
        yield c
        yield from _descend(c)


def _preambular(u: _Unit, warn) -> PreambularParagraph | Heading:
    if u.kind in ("heading", "part"):
        return Heading(u.id, unit_content(u, None), u.kind == "part")
    style, _ = _list_facts(u.children, 1, 0, warn)
    return PreambularParagraph(u.id, unit_content(u, "pp"), _subs(u, 1, warn), style)


def _operative(u: _Unit, warn):
    if u.kind in ("heading", "part", "pp"):
        return _preambular(u, warn)
    style, _ = _list_facts(u.children, 1, 0, warn)
    return OperativeParagraph(u.id, unit_content(u, "op"), _subs(u, 1, warn), style)


def _subs(u: _Unit, degree: int, warn) -> tuple:
    out, previous = [], 0
    for k, c in enumerate(u.children):
        style, continues = _list_facts(c.children, degree + 1, previous, warn)
        if not c.children and previous and any(
                _list_facts(later.children, degree + 1, 0, lambda *a: None)[1]
                for later in u.children[k + 1:]):
            continues = True  # an item without a list passes the count on to a later one
        out.append(SubParagraph(c.id, unit_content(c, "sub"), _subs(c, degree + 1, warn), style,
                                continues))
        previous = (previous if continues else 0) + len(c.children)
    return tuple(out)


