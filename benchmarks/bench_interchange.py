"""Issue 7: reading Word drafts and Akoma Ntoso, beside independent readers of the same files.

Baselines measured in the same run: python-docx opening the same .docx and reading every
paragraph's text (no numbering, footnotes or tracked changes), and lxml parsing the AKN file.
Also: the tracked-change proposals of a returned file, and a refused 48 MiB zip bomb."""
from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from harness import measure, row
from gen import generate_draft

from assembler.akn.export import export_akn
from assembler.readers.akn import read_akn
from assembler.errors import AssemblerError
from assembler.ooxml.editor import TrackedEditor
from assembler.readers.docx import read_docx_draft
from assembler.readers.word_changes import word_proposals
from assembler.writers.docx.draft import build_docx


def main() -> None:
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        draft = generate_draft(2000)
        docx_path = tmp / "big.docx"
        docx_path.write_bytes(build_docx(draft))
        akn_path = tmp / "big.akn.xml"
        akn_path.write_bytes(export_akn(draft))
        ed = TrackedEditor(docx_path.read_bytes())
        for k in range(1, 40):
            ed.replace_words(_words_of(draft, k), "the", "a", f"Delegation {k % 3}")
        returned = tmp / "returned.docx"
        returned.write_bytes(ed.to_bytes())
        bomb = tmp / "bomb.docx"
        _bomb(bomb)

        def python_docx():
            import docx
            return [p.text for p in docx.Document(str(docx_path)).paragraphs]

        def lxml_parse():
            from lxml import etree
            return etree.parse(str(akn_path))

        print(f"2,000 operative paragraphs ({docx_path.stat().st_size // 1024} KiB .docx, "
              f"{akn_path.stat().st_size // 1024} KiB AKN)")
        base_s, base_m = measure(python_docx)
        print(row("python-docx: paragraph texts (baseline)", base_s, base_m))
        s, m = measure(lambda: read_docx_draft(docx_path))
        print(row("assembler import .docx -> Draft", s, m, base_s, base_m))
        s, m = measure(lambda: word_proposals(returned))
        print(row("import --changes proposals (3 authors)", s, m, base_s, base_m))
        akn_s, akn_m = measure(lxml_parse)
        print(row("lxml: parse the AKN file (baseline)", akn_s, akn_m))
        s, m = measure(lambda: read_akn(akn_path))
        print(row("assembler import .akn.xml -> Draft", s, m, akn_s, akn_m))
        s, m = measure(lambda: export_akn(draft))
        print(row("assembler export Draft -> AKN", s, m, akn_s, akn_m))

        def refuse():
            try:
                read_docx_draft(bomb)
            except AssemblerError:
                return
            raise RuntimeError("the bomb was read")
        s, m = measure(refuse)
        print(row("refuse a 48 MiB zip bomb", s, m, base_s, base_m))


def _words_of(draft, k: int) -> str:
    """Words around a "the" in one run of an operative paragraph, to find it by."""
    from assembler.model import Text
    for op in draft.operative_paragraphs()[k * 40:]:
        for item in op.content:
            if isinstance(item, Text) and " the " in item.text:
                i = item.text.find(" the ")
                return item.text[max(0, i - 30):i + 5]
    raise RuntimeError("no 'the' to change")


def _bomb(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", "<a/>")
        with z.open("word/document.xml", "w") as fh:
            for _ in range(48):
                fh.write(b" " * 2**20)
    path.write_bytes(buf.getvalue())


if __name__ == "__main__":
    main()
