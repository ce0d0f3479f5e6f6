"""Issue 2: load, save and build a 2,000-paragraph draft, beside the floor of python-docx
writing the same paragraphs with the same formatting and no model in between."""
from __future__ import annotations

import tempfile
from pathlib import Path

from harness import measure, row
from gen import generate_draft

from assembler.inline import plain
from assembler.numbering import compute_labels
from assembler.model import Text
from assembler.source import dump_draft, parse_draft
from assembler.writers.docx.draft import build_docx


def python_docx_floor(draft, out: Path) -> None:
    """The same paragraphs, runs, italics and indents written straight with python-docx
    (it cannot write footnotes; their markers become superscript numbers)."""
    import docx
    from docx.shared import Cm, Pt
    labels = compute_labels(draft)
    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10)

    def para(unit, left, hang):
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.left_indent = Cm(left)
        fmt.first_line_indent = Cm(-hang) if hang else Cm(1.27)
        mark = labels[unit.id].mark if unit.id in labels else ""
        if mark:
            p.add_run(mark + "\t")
        for item in unit.content:
            if isinstance(item, Text):
                r = p.add_run(item.text)
                r.italic = item.italic or None
                r.font.superscript = item.sup or None
            else:
                p.add_run("1").font.superscript = True
        for child in getattr(unit, "children", ()):
            para(child, left + 0.95, 0.95)

    for pp in draft.preamble:
        para(pp, 1.27, 0)
    for item in draft.operative:
        if item.kind == "heading":
            doc.add_paragraph(plain(item.content)).runs[0].bold = True
        else:
            para(item, 2.54, 1.27)
    doc.save(str(out))


def main() -> None:
    draft = generate_draft(2000)
    text = dump_draft(draft)
    tmp = Path(tempfile.mkdtemp())
    units = sum(1 for _ in draft.units())
    print(f"generated draft: {len(draft.operative_paragraphs())} operative paragraphs, "
          f"{units} units, {len(draft.footnotes)} footnotes, {len(text) // 1024} KiB source")
    floor_s, floor_m = measure(lambda: python_docx_floor(draft, tmp / "floor.docx"))
    print(row("floor: python-docx writes the paragraphs", floor_s, floor_m))
    load_s, load_m = measure(lambda: parse_draft(text))
    print(row("load (parse the source)", load_s, load_m, floor_s, floor_m))
    save_s, save_m = measure(lambda: dump_draft(draft))
    print(row("save (dump the source)", save_s, save_m, floor_s, floor_m))
    build_s, build_m = measure(lambda: (tmp / "b.docx").write_bytes(build_docx(draft)))
    print(row("build to .docx", build_s, build_m, floor_s, floor_m))
    all_s, all_m = measure(lambda: (tmp / "c.docx").write_bytes(build_docx(parse_draft(text)[0])))
    print(row("load + build (what `assembler build` does)", all_s, all_m, floor_s, floor_m))
    print(f"goal: build within 2x the floor -> {'met' if build_s <= 2 * floor_s else 'NOT met'}")


if __name__ == "__main__":
    main()
