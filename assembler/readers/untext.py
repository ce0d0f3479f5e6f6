"""Reads the text form of a UN draft as it comes out of a PDF or a web page.

The input is irregular (the seed is typical): numbers and labels go missing, a paragraph
breaks across a page, footnote markers are <sup>n</sup>, italics survive on a few words.
The reader restores the structure it can recognise, keeps everything else as text and
reports it as a warning with the line number. It never drops a word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import AssemblerError, Warning_
from ..inline import normalize
from ..leads import italicize_lead
from ..model import (CrossRef, Draft, Footnote, FootnoteRef, Heading, Metadata,
                     OperativeParagraph, PreambularParagraph, SubParagraph, Text)
from ..numbering import DEGREE_STYLES, compute_labels, format_mark
from .. import dates
from ..stages import stage_in_words
from .ids import child_id

FORMULA = re.compile(r"^\*?(The (General Assembly|Security Council|Economic and Social Council"
                     r"|Human Rights Council)[^,]*),\*?\s*$")
_ITEM = re.compile(r"^( *)- (.*)$")
_OP_NUMBER = re.compile(r"^(\d+)\.\s+(.*)$")
LABEL = re.compile(r"^(\(([a-z]{1,4}|[ivxl]{1,6}|\d{1,2})\)|([a-zA-Z]{1,4}|[ivxl]{1,6})[.)]"
                    r"|\d{1,2}\))\s+(.*)$")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*$")
_SUP = re.compile(r"<sup>(.*?)</sup>")
_XREF = re.compile(r"\b(paragraphs?) (\d+(?: ?\([a-z]{1,3}\))?(?:(?:, | and |, and )"
                   r"\d+(?: ?\([a-z]{1,3}\))?)*)")


@dataclass
class ImportResult:
    draft: Draft
    warnings: list[Warning_] = field(default_factory=list)
    # a printed document's reading (readers/reading.py), for the survey's checks
    reading: object | None = None


@dataclass
class _Node:
    """A unit being built: its text pieces, the label it carried, and its children."""
    kind: str
    line: int
    text: str
    label: str | None = None
    number: int | None = None
    children: list["_Node"] = field(default_factory=list)
    parent: "_Node | None" = None
    degree: int = 0


def import_untext(text: str, file: str = "<text>", **meta: str) -> ImportResult:
    lines = text.split("\n")
    warnings: list[Warning_] = []

    def warn(line: int, message: str) -> None:
        warnings.append(Warning_(message, line, file))

    start = next((i for i, l in enumerate(lines) if FORMULA.match(l.strip())), None)
    if start is None:
        raise AssemblerError("no enacting formula ('The General Assembly,') found", file=file,
                             hint="import the text of a draft resolution")
    formula_match = FORMULA.match(lines[start].strip())
    values = _masthead(lines[:start])
    values["formula"] = formula_match.group(1) + ","
    values.setdefault("organ", formula_match.group(2))

    preamble: list[_Node] = []
    ops: list[_Node] = []  # operative paragraphs and headings in order
    footnotes: list[tuple[list[int], str, int]] = []
    last: _Node | None = None
    i = start + 1
    while i < len(lines):
        raw = lines[i].rstrip()
        number = i + 1
        i += 1
        if not raw.strip():
            continue
        if "\t" in raw:
            break  # a table: the resolution text is over
        h = _HEADING.match(raw)
        if h:
            nxt = next((l for l in lines[i:] if l.strip()), "")
            if ops and _ITEM.match(nxt) and not _ITEM.match(nxt).group(1):
                node = _Node("heading", number, h.group(1))
                ops.append(node)
                last = node
                continue
            break  # a heading that leads no paragraph ends the text ("Ver. 2 as of ...")
        if raw.lstrip().startswith("<sup>"):
            numbers, body = _footnote_line(raw)
            if not numbers:
                warn(number, "a footnote text without a readable number; kept as footnote")
            footnotes.append((numbers, body, number))
            continue
        item = _ITEM.match(raw)
        if item:
            indent, body = len(item.group(1)), item.group(2).strip()
            degree = indent // 2
            if degree == 0:
                m = _OP_NUMBER.match(body)
                node = _Node("op", number, m.group(2) if m else body,
                             number=int(m.group(1)) if m else None)
                if not m:
                    warn(number, "operative paragraph without a number; numbered by position")
                ops.append(node)
                last = node
            else:
                last = _add_sub(ops, degree, body, number, warn)
            continue
        # A plain line: a preambular paragraph, an orphaned sub-paragraph, or the rest of a
        # paragraph broken across a page.
        body = raw.strip()
        label = LABEL.match(body)
        if not ops:
            node = _Node("pp", number, body)
            preamble.append(node)
            last = node
        elif label and _label_text(label):
            degree = _guess_degree(ops, label.group(1))
            last = _add_sub(ops, degree, body, number, warn)
            warn(number, f"sub-paragraph {label.group(1)} was not in the list; "
                         f"attached to the paragraph above it")
        elif last is not None and (body[:1].islower() or not _ends_sentence(last.text)):
            last.text = last.text.rstrip() + " " + body
            warn(number, "line joined to the paragraph above (broken across a page)")
        else:
            node = _Node("op", number, body)
            ops.append(node)
            last = node
            warn(number, "a paragraph without number or list mark; kept as an operative "
                         "paragraph")
    if not ops and not preamble:
        raise AssemblerError("no paragraphs found after the enacting formula", file=file,
                             line=start + 1)
    values.update({k: v for k, v in meta.items() if v})
    return _assemble(values, preamble, ops, footnotes, warn, file, warnings)


def _masthead(lines: list[str]) -> dict[str, str]:
    """Title, stage and date from what stands above the enacting formula."""
    values: dict[str, str] = {}
    for line in reversed(lines):
        h = _HEADING.match(line.strip())
        if not h:
            continue
        text = h.group(1)
        named = stage_in_words(text)
        if named and "stage" not in values and "title" not in values:
            values["stage"], values["stage_label"] = named[0], text
            if named[1]:
                values["revision"] = named[1]
        elif "title" not in values:
            values["title"] = text
    for line in lines:
        m = dates.pattern(r"\b({date})\b").search(line)
        if m:
            values["date"] = m.group(1)
            break
    return values


def _footnote_line(raw: str) -> tuple[list[int], str]:
    """'<sup>1</sup>, <sup>2</sup> The list ...' -> ([1, 2], 'The list ...')."""
    cleaned = raw.replace("<sup>&</sup>lt;", "<").replace("&lt;", "<")
    numbers: list[int] = []
    pos = 0
    while True:
        m = re.match(r"\s*,?\s*(?:<sup>)+\s*(\d+)\s*</sup>", cleaned[pos:])
        if not m:
            break
        numbers.append(int(m.group(1)))
        pos += m.end()
    return numbers, cleaned[pos:].strip()


def _label_text(m: re.Match) -> str:
    return m.group(4)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((";", ".", ":", ","))


def _add_sub(ops: list[_Node], degree: int, body: str, line: int, warn) -> _Node:
    parent = next((n for n in reversed(ops) if n.kind == "op"), None)
    if parent is None:
        parent = _Node("op", line, "")
        ops.append(parent)
        warn(line, "a sub-paragraph before any operative paragraph; an empty one was added")
    for _ in range(degree - 1):
        if not parent.children:
            warn(line, "a sub-paragraph indented deeper than its parent; attached one degree up")
            break
        parent = parent.children[-1]
    m = LABEL.match(body)
    node = _Node("sub", line, m.group(4) if m else body, label=m.group(1) if m else None,
                 parent=parent, degree=degree)
    if not m:
        warn(line, "sub-paragraph without its label; labelled by position")
    parent.children.append(node)
    return node


def _guess_degree(ops: list[_Node], label: str) -> int:
    parent = next((n for n in reversed(ops) if n.kind == "op"), None)
    return 2 if parent and parent.children and parent.children[-1].children else 1


# ------------------------------------------------------------------ building the model

def _assemble(values, preamble, ops, footnotes, warn, file, warnings) -> ImportResult:
    # Ids come from the numbers the units had in this first version (AKN's wId idea);
    # they never change afterwards, whatever the units are renumbered to.
    op_ids: dict[int, str] = {}
    n = 0
    for node in ops:
        if node.kind == "op":
            n += 1
            if node.number is not None and node.number != n:
                warn(node.line, f"paragraph numbered {node.number} stands at position {n}; "
                                f"numbered by position")
            op_ids[n] = f"op{n}"
    note_ids: dict[int, str] = {}
    fn_units: list[Footnote] = []
    for numbers, body, line in footnotes:
        fid = f"fn{numbers[0]}" if numbers else f"fn-line{line}"
        for num in numbers:
            note_ids[num] = fid
        fn_units.append(Footnote(fid, _inline(body, {}, {}, warn, line)))

    ctx = (note_ids, op_ids)
    pp_units = tuple(PreambularParagraph(f"pp{i}", italicize_lead(_inline(p.text, *ctx, warn, p.line), "pp"))
                     for i, p in enumerate(preamble, 1))
    items: list = []
    n = heading_n = 0
    for node in ops:
        if node.kind == "heading":
            heading_n += 1
            items.append(Heading(f"h{heading_n}", _inline(node.text, *ctx, warn, node.line)))
            continue
        n += 1
        uid = f"op{n}"
        style, _ = _list_style(node.children, 1, 0, warn)
        children = _subs(node, uid, 1, ctx, warn)
        items.append(OperativeParagraph(uid, italicize_lead(_inline(node.text, *ctx, warn, node.line), "op"),
                                        children, style))
    draft = Draft(Metadata().with_values(**values), pp_units, tuple(items), tuple(fn_units))
    _verify_labels(draft, ops, warn)
    used = {r.footnote for u in draft.units() for c in _contents(u) for r in c
            if isinstance(r, FootnoteRef)}
    for fn in draft.footnotes:
        if fn.id not in used:
            warn(None, f"footnote {fn.id} has no marker in the text; kept")
    return ImportResult(draft, warnings)


def _contents(unit):
    content = getattr(unit, "content", None)
    return (content,) if content is not None else ()


def _subs(node: _Node, uid: str, degree: int, ctx, warn, start: int = 0) -> tuple:
    out = []
    previous = 0
    seen: set[str] = set()
    for count, child in enumerate(node.children, 1):
        cid = child_id(uid, _id_part(child.label, degree, count, node), seen)
        style, cont = _list_style(child.children, degree + 1, previous, warn)
        grand = _subs(child, cid, degree + 1, ctx, warn)
        out.append(SubParagraph(cid, italicize_lead(_inline(child.text, *ctx, warn, child.line), "sub"),
                                grand, style, cont))
        previous = (previous if cont else 0) + len(child.children)
    return tuple(out)


def _id_part(label: str | None, degree: int, count: int, parent: _Node) -> str:
    """The label the unit had ('a', 'A', 'ii'), or its position's letter when lost."""
    if label:
        return label.strip("().")[:4].rstrip(")")
    style = _first_style(parent.children) or DEGREE_STYLES.get(degree, "(a)")
    return format_mark(style, count).strip("().").rstrip(")")


def _first_style(children: list[_Node]) -> str | None:
    for child in children:
        if child.label:
            return style_of(child.label)[0]
    return None


def style_of(label: str) -> tuple[str, int]:
    """'(c)' -> ('(a)', 3); 'ii.' -> ('i.', 2); 'B)' -> ('A)', 2); '4.' -> ('1.', 4)."""
    m = re.match(r"^(\(?)([a-zA-Z]+|\d+)([.)]?)$", label)
    if not m:
        return "(a)", 1
    open_, core, close = m.groups()
    if core.isdigit():
        return f"{open_}1{close}", int(core)
    if re.fullmatch(r"[ivxl]+", core) and core not in ("i", "v", "x", "l") or core == "i":
        return f"{open_}i{close}", roman_value(core)
    token = "A" if core.isupper() else "a"
    return f"{open_}{token}{close}", (ord(core[0].lower()) - 96) + 26 * (len(core) - 1)


def roman_value(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        total += -vals[a] if b != " " and vals[a] < vals[b] else vals[a]
    return total


def _list_style(children: list[_Node], degree: int, previous: int, warn):
    """The style of a list from its first labelled item, and whether its count goes on
    from the previous sibling's list (paragraph 14's group B begins at d)."""
    for pos, child in enumerate(children, 1):
        if child.label:
            style, value = style_of(child.label)
            continues = previous > 0 and value == previous + pos
            default = DEGREE_STYLES.get(degree)
            return (None if style == default else style), continues
    return None, False


def _verify_labels(draft: Draft, ops: list[_Node], warn) -> None:
    labels = compute_labels(draft)
    ids = iter(u.id for u in draft.units() if u.kind == "sub")
    for node in _walk(ops):
        uid = next(ids, None)
        if uid is None:
            return
        if node.label and labels[uid].mark != node.label:
            warn(node.line, f"label {node.label} differs from {labels[uid].mark}, "
                            f"the label its position gives; kept its words, numbered by position")


def _walk(nodes):
    for node in nodes:
        if node.kind == "sub":
            yield node
        yield from _walk(node.children)


def _inline(text: str, note_ids: dict, op_ids: dict, warn, line) -> tuple:
    """Markup of extracted text into runs: <sup>, *italic*, **bold**, footnote markers and
    cross-references to operative paragraphs of this draft."""
    out: list = []
    pos = 0
    for m in _SUP.finditer(text):
        out += _emphasis(text[pos:m.start()], op_ids)
        inner = m.group(1)
        if inner.isdigit() and int(inner) in note_ids:
            out.append(FootnoteRef(note_ids[int(inner)]))
        elif inner.isdigit():
            warn(line, f"footnote marker {inner} has no footnote text; kept as superscript")
            out.append(Text(inner, sup=True))
        else:
            out.append(Text(inner, sup=True))
        pos = m.end()
    out += _emphasis(text[pos:], op_ids)
    return normalize(out)


def _emphasis(text: str, op_ids: dict) -> list:
    out: list = []
    for i, part in enumerate(re.split(r"(\*\*[^*]+\*\*|\*[^*\s][^*]*\*)", text)):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            out.append(Text(part[2:-2], bold=True))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append(Text(part[1:-1], italic=True))
        else:
            out += find_cross_refs(part, op_ids)
    return out


# What follows a reference to the text's own paragraphs: "paragraph 8 above", "paragraphs 3
# and 5 of the present resolution". Connectors and further numbers ("#") may come between.
_OWN = re.compile(r"^(?:\s|,|and\b|to\b|or\b|#|\d+|\([a-z]{1,4}\))*(?:above|below|hereof|"
                  r"herein|of (?:the present|this) (?:resolution|decision|annex))\b")


def speaks_of_itself(after: str) -> bool:
    """Do the words after a paragraph number say it is this text's own paragraph?"""
    return bool(_OWN.match(after))


# Words that make a paragraph another text's: "article 68, paragraph 1", "section XII,
# paragraph 9, of its resolution 78/253", "paragraphs 1 to 10 of the annex thereto", "its
# paragraph 4" (a text named before), "paragraph 4.1" (a numbering the UN's texts never use),
# "article 9, new paragraph 4" (an amendment to another text, A/RES/78/248).
_OTHER_BEFORE = re.compile(r"(?:\b(?:article|section|chapter|part|rule|annex|principle|"
                           r"regulation|appendix)\s+[\w.]+,?|\bin particular,?|\bits)"
                           r"(?:\s+new)?\s*$", re.I)
_LIST = r"(?:\s|,|and\b|to\b|or\b|\.?\d+|\([a-z]{1,4}\)|[\u2013-])*"
_OTHER_AFTER = re.compile(r"^(?:\.\d|" + _LIST + r"(?:,?\s*\b(?:of|contained|thereof)\b"
                          r"|,\s+[a-z ]{0,20}"
                          r"\bof (?:its|the|resolution|General|Security|Economic|Human|decision)\b))")


def find_cross_refs(text: str, op_ids: dict, sub_ids: dict | None = None,
                    sure_only: bool = False) -> list:
    """'paragraphs 14 and 19' point into this draft; 'paragraph 8 of annex II of its
    resolution 71/1', 'article 68, paragraph 1,' and 'paragraphs 2 and 5, of the Charter'
    point elsewhere and stay text. With `sub_ids` ("1 (a)" -> its id), 'paragraph 1 (a)'
    points at the sub-paragraph. Only "above", "below" or "of the present resolution" make
    a reference sure (speaks_of_itself); the survey says so of the others. With `sure_only`
    (a preamble, which speaks of other texts) only sure ones are made."""
    out: list = []
    pos = 0
    for m in _XREF.finditer(text):
        if not op_ids:
            continue
        if not speaks_of_itself(text[m.end():m.end() + 80]) and (
                sure_only or _OTHER_AFTER.match(text[m.end():m.end() + 60])
                or _OTHER_BEFORE.search(text[max(0, m.start() - 40):m.start()])):
            continue
        out.append(Text(text[pos:m.start(2)]))
        span = m.group(2)
        inner_pos = 0
        for num in re.finditer(r"(\d+)(?: ?(\([a-z]{1,3}\)))?", span):
            value, label = int(num.group(1)), f"{num.group(1)} {num.group(2)}"
            out.append(Text(span[inner_pos:num.start()]))
            if num.group(2) and sub_ids and label in sub_ids:
                out.append(CrossRef(sub_ids[label]))
                inner_pos = num.end()
                continue
            if value in op_ids:
                out.append(CrossRef(op_ids[value]))
            else:
                out.append(Text(num.group(1)))
            inner_pos = num.end(1)
        out.append(Text(span[inner_pos:]))
        pos = m.end()
    out.append(Text(text[pos:]))
    return out
