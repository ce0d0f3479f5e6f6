"""What a Word file (and Akoma Ntoso) can carry of a draft: the canonical form that a
built file reads back to (shared by the property tests)."""
from __future__ import annotations

from dataclasses import replace

from assembler.inline import footnote_refs, normalize
from assembler.model import Draft, Heading, OperativeParagraph, Row, Table, Text
from assembler.numbering import DEGREE_STYLES


def _unbold(content):
    return normalize(replace(c, bold=False) if isinstance(c, Text) else c for c in content)


def _canonical_units(units, degree=1):
    """What a Word file can carry of a list: a style or continuation on a unit without
    children, or a continuation after siblings with none, draws nothing."""
    out = []
    previous = 0
    for u in units:
        kids = _canonical_units(u.children, degree + 1)
        style = u.list_style if kids else None
        cont = bool(kids) and u.list_continues and previous > 0
        if style == DEGREE_STYLES.get(degree + (0 if isinstance(u, OperativeParagraph) else 1)):
            style = None
        out.append(replace(u, children=kids, list_style=style, list_continues=cont))
        previous = (previous if cont else 0) + len(kids)
    return tuple(out)


def canonical(d: Draft, bold_by_layout: bool = True) -> Draft:
    """The draft as a Word file can show it: headings, titles and header rows are bold by
    layout; footnotes exist where they are referenced, in the order of their markers."""
    ops = []
    for item in d.operative:
        if isinstance(item, Heading):
            ops.append(replace(item, content=_unbold(item.content)))
        else:
            ops.append(item)
    units = _canonical_units([o for o in ops if isinstance(o, OperativeParagraph)], 0)
    ops = list(units)[::-1]
    merged = tuple(ops.pop() if isinstance(i, OperativeParagraph) else replace(i, content=_unbold(i.content))
                   for i in d.operative)
    ops = list(units)[::-1]
    annexes = tuple(replace(a, title=_unbold(a.title), body=tuple(
        replace(b, title=_unbold(b.title), rows=tuple(
            replace(r, cells=tuple(_unbold(c) for c in r.cells)) if r.header else r
            for r in b.rows)) if isinstance(b, Table) else b for b in a.body))
        for a in d.annexes)
    if bold_by_layout:
        d = replace(d, operative=merged, annexes=annexes)
    else:
        d = replace(d, operative=tuple(ops.pop() if isinstance(i, OperativeParagraph) else i
                                       for i in d.operative))
    order = []
    for u in d.units():
        if u.kind == "fn":
            continue
        for c in ([u.content] if hasattr(u, "content") else
                  list(u.cells) if isinstance(u, Row) else [u.title]):
            for f in footnote_refs(c):
                if f not in order:
                    order.append(f)
    notes = {f.id: f for f in d.footnotes}
    return replace(d, footnotes=tuple(notes[f] for f in order if f in notes))


def strip_assembler_marks(data: bytes) -> bytes:
    """A built .docx as another tool would save it: no custom properties, none of our
    hidden unit and cross-reference bookmarks (unit_marks.py), so it is read like any Word
    file. A NOTEREF's bookmark stays: every tool that keeps the field keeps its target."""
    import io
    import re
    import zipfile
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            if info.filename == "docProps/custom.xml":
                continue
            d = zin.read(info.filename)
            if info.filename.endswith(".xml"):
                ours = set(re.findall(rb'<w:bookmarkStart w:id="([^"]*)" w:name="_[ux]', d))
                d = re.sub(rb'<w:bookmark(?:Start|End) w:id="([^"]*)"[^>]*/>',
                           lambda m: b"" if m.group(1) in ours else m.group(0), d)
            if info.filename == "_rels/.rels":
                d = re.sub(rb"<Relationship [^>]*custom-properties[^>]*/>", b"", d)
            if info.filename == "[Content_Types].xml":
                d = re.sub(rb'<Override PartName="/docProps/custom.xml"[^>]*/>', b"", d)
            z.writestr(info, d)
    return buf.getvalue()
