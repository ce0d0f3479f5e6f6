"""Reads the draft source format (docs/draft-format.md) into the model.

One unit a line, kind first, stable id last in braces:

    op *Decides* that the conference shall be held in 2018; {#op1}
      - at the United Nations Headquarters, {#op1.a}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AssemblerError
from ..header import MAGIC, META
from ..fs.read import read_text_of
from ..inline import cross_refs, footnote_refs
from ..model import (UNIT_ID, Annex, AnnexParagraph, Draft, Footnote, Heading, Metadata,
                     OperativeParagraph, PreambularParagraph, Provenance, Row, SubParagraph,
                     Table, in_later_part)
from ..numbering import valid_style
from .markup import parse_inline

_ATTRS = re.compile(rf"^#({UNIT_ID})((?: [a-z-]+(?:=\S+)?)*)$")
_FLAGS = {"continues", "header", "landscape", "part"}
_VALUED = {"list"}


@dataclass
class SourceMap:
    """Where each unit stood in the file, for messages that name a line."""
    file: str
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, uid: str) -> int | None:
        return self.lines.get(uid)


_DRAFT_HINTS = (f"a draft source starts with the line '{MAGIC}'",
                "give the .draft text file; import Word files with 'assembler import'")


def read_text(path: str | Path, what: str = "a draft source", hint: str = "",
              kind: str = "draft") -> str:
    """The file's text, or an error saying why it is not a text file. `what` names what the
    file should be and `hint` what to give instead (default: a draft source); `kind` picks
    the size limit (fs.read.LIMITS)."""
    empty_hint, binary_hint = (hint, hint) if hint else _DRAFT_HINTS
    return read_text_of(path, kind, what=what, empty_hint=empty_hint, binary_hint=binary_hint)


def load_draft(path: str | Path) -> Draft:
    return parse_draft(read_text(path), str(path))[0]


def load_draft_with_map(path: str | Path) -> tuple[Draft, SourceMap]:
    return parse_draft(read_text(path), str(path))


def split_attrs(line: str) -> tuple[str, str | None, dict[str, str | bool]]:
    """Split 'text {#id key=v flag}' into text, id and attributes."""
    pos = _find_attr_block(line)
    if pos < 0:
        return line, None, {}
    block = line[pos + 1:-1]
    m = _ATTRS.match(block)
    if not m:
        raise AssemblerError(f"unreadable id block {{{block}}}",
                             hint="write {#id} or {#id list=(a) continues}")
    attrs: dict[str, str | bool] = {}
    for token in m.group(2).split():
        key, _, value = token.partition("=")
        if key in _FLAGS and not value:
            attrs[key] = True
        elif key in _VALUED and value:
            attrs[key] = value
        else:
            raise AssemblerError(f"unknown attribute {token!r}",
                                 hint="known: list=STYLE, continues, header, landscape")
    text = line[:pos]
    if text.endswith(" "):
        text = text[:-1]
    return text, m.group(1), attrs


def _find_attr_block(line: str) -> int:
    if not line.endswith("}"):
        return -1
    i = line.rfind("{#")
    while i >= 0:
        backslashes = 0
        j = i - 1
        while j >= 0 and line[j] == "\\":
            backslashes += 1
            j -= 1
        if backslashes % 2 == 0:
            return i
        i = line.rfind("{#", 0, i)
    return -1


def split_cells(s: str) -> list[str]:
    """'| a | b |' into ['a', 'b'], honouring escaped bars."""
    if not (s.startswith("|") and s.endswith("|")) or len(s) < 2:
        raise AssemblerError("a table row starts and ends with |", hint="write | cell | cell |")
    inner = s[1:-1]
    cells, buf, i = [], [], 0
    while i < len(inner):
        ch = inner[i]
        if ch == "\\" and i + 1 < len(inner):
            buf.append(inner[i:i + 2])
            i += 2
            continue
        if ch == "|":
            cells.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    cells.append("".join(buf))
    out = []
    for c in cells:
        if not (c.startswith(" ") and c.endswith(" ") and len(c) >= 2) and c != " ":
            raise AssemblerError("table cells are written '| text |' with one space each side")
        out.append(c[1:-1] if len(c) >= 2 else "")
    return out


class _Builder:
    """Collects units line by line; trees are built bottom-up at the end."""

    def __init__(self, file: str):
        self.file = file
        self.map = SourceMap(file)
        self.meta: list[tuple[str, str]] = []
        self.preamble: list = []
        self.operative: list = []  # [unit, [children...]] nested lists while building
        self.footnotes: list = []
        self.annexes: list = []
        self.stack: list = []      # open sub-paragraph chain: [(degree, node)]
        self.part = "meta"
        self.line = 0
        self.refs: list[tuple[int, str, str]] = []  # (line, kind, target)
        self.provenance: list[Provenance] = []

    def err(self, message: str, hint: str | None = None) -> AssemblerError:
        return AssemblerError(message, file=self.file, line=self.line, hint=hint)

    def register(self, uid: str | None) -> str:
        if uid is None:
            raise self.err("this unit has no id", hint="end the line with {#a-new-id}")
        if uid in self.map.lines:
            raise self.err(f"duplicated id '{uid}' (first used on line {self.map.lines[uid]})",
                           hint="give every unit an id of its own")
        self.map.lines[uid] = self.line
        return uid

    def content(self, text: str, cell: bool = False):
        try:
            content = parse_inline(text, cell=cell)
        except AssemblerError as e:
            raise self.err(e.message, e.hint) from None
        for target in footnote_refs(content):
            self.refs.append((self.line, "footnote", target))
        for target in cross_refs(content):
            self.refs.append((self.line, "unit", target))
        return content


def parse_draft(text: str, file: str = "<draft>") -> tuple[Draft, SourceMap]:
    b = _Builder(file)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].rstrip("\r") != MAGIC:
        b.line = 1
        raise b.err("not a draft source", hint=f"the first line must be '{MAGIC}'")
    for number, raw in enumerate(lines[1:], 2):
        b.line = number
        line = raw.rstrip("\r")
        if b.part == "meta":
            if not line.strip():
                b.part = "body"
                continue
            m = META.match(line)
            if not m:
                raise b.err("expected 'key: value' metadata or a blank line before the text")
            b.meta.append((m.group(1), (m.group(2) or "").strip()))
            continue
        if not line.strip():
            continue
        _body_line(b, line)
    return _finish(b)


_CHANGE = re.compile(rf"^change ({UNIT_ID}/[0-9]+) ([a-z-]+) ({UNIT_ID})(?: by (\S.*))?$")


def _change_line(b: _Builder, line: str) -> None:
    """`change P-07/2 replace-words op5 by Delegation A`: provenance, after every unit."""
    m = _CHANGE.match(line)
    if not m:
        raise b.err("unreadable change line",
                    hint="write 'change PROPOSAL/N KIND UNIT-ID by PROPOSER'")
    b.provenance.append(Provenance(m.group(1), m.group(2), m.group(3), m.group(4) or ""))
    b.part = "provenance"


def _body_line(b: _Builder, line: str) -> None:
    if line.startswith("change "):
        return _change_line(b, line)
    if b.part == "provenance":
        raise b.err("a unit after the change lines",
                    hint="change lines (provenance) come last, after every unit")
    try:
        body, uid, attrs = split_attrs(line)
    except AssemblerError as e:
        raise b.err(e.message, e.hint) from None
    stripped = body.lstrip(" ")
    indent = len(body) - len(stripped)
    kind, _, rest = stripped.partition(" ")
    if stripped.startswith("|"):
        kind, rest = "|", stripped
    if indent and kind != "-":
        raise b.err("only sub-paragraphs ('- ') are indented")
    style = attrs.get("list")
    if isinstance(style, str) and not valid_style(style):
        raise b.err(f"unknown list style {style!r}", hint="use (a), a., A), (i), i., 1. and the like")

    if kind == "pp":
        if b.operative and not b.footnotes and not b.annexes \
                and all(isinstance(node[0], Heading) for node in b.operative):
            b.preamble += b.operative  # headings before a preambular paragraph group the preamble
            b.operative = []
        later_part = in_later_part(["part" if getattr(u, "part", False) else u.kind
                                    for u, _ in b.operative])
        if (b.operative and not later_part) or b.footnotes or b.annexes:
            raise b.err("a preambular paragraph after the operative part",
                        hint="move it above the first 'op' line, or give the heading of "
                             "its part the flag 'part' ({#id part})")
        node = [PreambularParagraph(b.register(uid), b.content(rest), (), style or None,
                                    bool(attrs.get("continues"))), []]
        (b.operative if later_part else b.preamble).append(node)
        b.stack = [(0, node)]
    elif kind in ("op", "##"):
        if b.footnotes or b.annexes:
            raise b.err("an operative unit after the footnotes or annexes",
                        hint="move it above the first 'fn' or 'annex' line")
        uid = b.register(uid)
        if kind == "##":
            b.operative.append([Heading(uid, b.content(rest), bool(attrs.get("part"))), None])
        else:
            node = [OperativeParagraph(uid, b.content(rest), (), style or None,
                                       bool(attrs.get("continues"))), []]
            b.operative.append(node)
        b.stack = [(0, b.operative[-1])]
    elif kind == "-":
        if indent % 2 or indent == 0:
            raise b.err("a sub-paragraph is indented by two spaces a degree")
        degree = indent // 2
        while b.stack and b.stack[-1][0] >= degree:
            b.stack.pop()
        if not b.stack or b.stack[-1][1][1] is None:
            raise b.err("a sub-paragraph with no paragraph above it")
        if b.stack[-1][0] != degree - 1:
            raise b.err(f"a sub-paragraph of degree {degree} directly under degree "
                        f"{b.stack[-1][0]}", hint="indent by two spaces more than its parent")
        node = [SubParagraph(b.register(uid), b.content(rest), (), style or None,
                             bool(attrs.get("continues"))), []]
        b.stack[-1][1][1].append(node)
        b.stack.append((degree, node))
    elif kind == "fn":
        if b.annexes:
            raise b.err("footnotes come before the annexes")
        b.footnotes.append(Footnote(b.register(uid), b.content(rest)))
        b.stack = []
    elif kind == "annex":
        b.annexes.append([Annex(b.register(uid), b.content(rest)), []])
        b.stack = []
    elif kind in ("p", "table", "|"):
        if not b.annexes:
            raise b.err(f"'{kind}' belongs inside an annex", hint="add an 'annex' line above it")
        body_list = b.annexes[-1][1]
        if kind == "p":
            body_list.append(AnnexParagraph(b.register(uid), b.content(rest)))
        elif kind == "table":
            body_list.append([Table(b.register(uid), title=b.content(rest),
                                    landscape=bool(attrs.get("landscape"))), []])
        else:
            if not body_list or not isinstance(body_list[-1], list):
                raise b.err("a table row with no 'table' line above it")
            try:
                cells = split_cells(rest)
            except AssemblerError as e:
                raise b.err(e.message, e.hint) from None
            row = Row(b.register(uid), tuple(b.content(c, cell=True) for c in cells),
                      bool(attrs.get("header")))
            body_list[-1][1].append(row)
    else:
        raise b.err(f"unknown unit kind {kind!r}",
                    hint="a line starts with pp, op, '- ', ##, fn, annex, p, table or |")


def _tree(node):
    unit, children = node
    if children is None:
        return unit
    from dataclasses import replace
    return replace(unit, children=tuple(_tree(c) for c in children))


def _finish(b: _Builder) -> tuple[Draft, SourceMap]:
    from dataclasses import replace
    known = {k.replace("-", "_") for k in Metadata.known_keys()}
    values, extra, seen = {}, [], set()
    for key, value in b.meta:
        if key in seen:
            raise AssemblerError(f"metadata key '{key}' is given twice", file=b.file,
                                 hint="keep one")
        seen.add(key)
        attr = key.replace("-", "_")
        if attr in known and "_" not in key:
            values[attr] = value
        else:
            extra.append((key, value))
    meta = Metadata(**values, extra=tuple(extra))
    annexes = []
    for annex, body in b.annexes:
        blocks = tuple(replace(blk[0], rows=tuple(blk[1])) if isinstance(blk, list) else blk
                       for blk in body)
        annexes.append(replace(annex, body=blocks))
    draft = Draft(meta, tuple(_tree(n) for n in b.preamble), tuple(_tree(n) for n in b.operative),
                  tuple(b.footnotes), tuple(annexes), tuple(b.provenance))
    footnote_ids = {f.id for f in draft.footnotes}
    for line, kind, target in b.refs:
        if kind == "footnote" and target not in footnote_ids:
            raise AssemblerError(f"footnote marker [^{target}] points to no footnote",
                                 file=b.file, line=line,
                                 hint=f"add a line 'fn ... {{#{target}}}' or fix the id")
        if kind == "unit" and (target not in b.map.lines or target in footnote_ids):
            raise AssemblerError(f"cross-reference [@{target}] points to no unit",
                                 file=b.file, line=line, hint="fix the id it names")
    return draft, b.map
