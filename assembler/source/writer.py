"""Writes the model in the draft source format; the output is canonical, so saving what
was loaded from a saved file gives the same bytes."""
from __future__ import annotations

from ..model import Draft, Heading, Table
from .markup import render_inline
from .reader import MAGIC


def _attrs(unit, *flags: str) -> str:
    parts = ["#" + unit.id]
    style = getattr(unit, "list_style", None)
    if style:
        parts.append(f"list={style}")
    for flag in ("continues", "header", "landscape", "part"):
        attr = {"continues": "list_continues"}.get(flag, flag)
        if getattr(unit, attr, False):
            parts.append(flag)
    return "{" + " ".join(parts) + "}"


def _line(prefix: str, content, unit) -> str:
    text = render_inline(content)
    return f"{prefix} {text} {_attrs(unit)}" if text else f"{prefix} {_attrs(unit)}"


def _subs(unit, degree: int, out: list[str]) -> None:
    for child in unit.children:
        out.append(_line("  " * degree + "-", child.content, child))
        _subs(child, degree + 1, out)


def dump_draft(draft: Draft) -> str:
    out = [MAGIC]
    for key, value in draft.metadata.items():
        out.append(f"{key}: {value}" if value else f"{key}:")
    for pp in draft.preamble:
        if isinstance(pp, Heading):
            out += ["", _line("##", pp.content, pp)]
            continue
        out += ["", _line("pp", pp.content, pp)]
        _subs(pp, 1, out)
    for item in draft.operative:
        if isinstance(item, Heading):
            out += ["", _line("##", item.content, item)]
        else:  # "op", or "pp" in a later part of a resolution in parts
            out += ["", _line(item.kind, item.content, item)]
            _subs(item, 1, out)
    for fn in draft.footnotes:
        out += ["", _line("fn", fn.content, fn)]
    for annex in draft.annexes:
        out += ["", _line("annex", annex.title, annex)]
        for block in annex.body:
            if isinstance(block, Table):
                out += ["", _line("table", block.title, block)]
                for row in block.rows:
                    cells = " | ".join(render_inline(c, cell=True) for c in row.cells)
                    cells = f"| {cells} |" if row.cells else "|  |"
                    out.append(f"{cells} {_attrs(row)}")
            else:
                out += ["", _line("p", block.content, block)]
    if draft.provenance:
        out.append("")
    for rec in draft.provenance:
        by = f" by {rec.proposer}" if rec.proposer else ""
        out.append(f"change {rec.change} {rec.kind} {rec.unit}{by}")
    return "\n".join(out) + "\n"


def save_draft(draft: Draft, path, *, must_check: bool = False) -> None:
    """Write atomically, and only what reads back as the same units: a text or a name holding
    a line break and something that looks like a unit line must not become a unit when the
    file is read again. With `must_check`, the draft must also pass `check` without problems
    (for a new version made from a base that does)."""
    from ..files import write_atomic
    text = dump_draft(draft)
    readable_back(draft, text, str(path), must_check)
    write_atomic(path, text.encode("utf-8"))


def readable_back(draft: Draft, text: str, file: str, must_check: bool = False) -> None:
    from ..check import check_draft
    from ..errors import AssemblerError
    from ..fs.read import decode_text
    from .reader import parse_draft
    decode_text(text.encode("utf-8", "surrogatepass"), file, "a draft source")  # no controls
    hint = ("a text or a proposer's name holds a line break or markup a draft source cannot "
            "hold; correct the proposal or the input")
    try:
        back, where = parse_draft(text, file)
    except AssemblerError as err:
        raise AssemblerError(f"would not read back (line {err.line or '?'}: {err.message}); "
                             "nothing was written", file=file, hint=hint) from None
    want = [(u.kind, u.id) for u in draft.units()]
    got = [(u.kind, u.id) for u in back.units()]
    if want != got or len(back.provenance) != len(draft.provenance):
        extra = next((g for w, g in zip(want + [None] * len(got), got) if w != g), None)
        unit = f": unit {extra[1]} appears from nowhere" if extra else ""
        raise AssemblerError(f"would not read back as the same units{unit}; nothing was "
                             "written", file=file, hint=hint)
    if must_check:
        problems = [f for f in check_draft(back) if f.problem]
        if problems:
            first = problems[0]
            line = where.line_of(first.unit) if first.unit else None
            raise AssemblerError(f"would not pass check ({first}); nothing was written",
                                 file=file, line=line, hint=hint)
