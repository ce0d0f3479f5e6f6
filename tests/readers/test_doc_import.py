"""Word 97-2003 files (.doc), as the Official Document System serves them, read through
LibreOffice into the same draft as the .docx; without LibreOffice, one clear line."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import FIRST_DRAFT, ROOT, run_cli


def _body(path) -> list[str]:
    return [l for l in path.read_text("utf-8").splitlines()
            if not l.startswith(("negotiation:", "version:"))]


def test_doc_reads_as_the_docx_it_was_saved_from(tmp_path):
    exe = shutil.which("soffice")
    if not exe:
        pytest.skip("LibreOffice is not installed (make sysdeps)")
    docx = tmp_path / "first-draft.docx"
    assert run_cli("build", FIRST_DRAFT, "-o", docx).returncode == 0
    subprocess.run([exe, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    doc = tmp_path / "first-draft.doc"
    assert doc.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 Word file
    said = {}
    for src, name in ((doc, "from-doc"), (docx, "from-docx")):
        (tmp_path / name).mkdir()
        r = run_cli("import", src, "-o", tmp_path / name / "first-draft.draft")
        assert r.returncode == 0, r.stderr
        said[name] = r.stderr
    from_doc = _body(tmp_path / "from-doc" / "first-draft.draft")
    from_docx = _body(tmp_path / "from-docx" / "first-draft.draft")
    # LibreOffice 7.4 cannot carry the second marker of footnote 1 (Word's NOTEREF, in
    # OP 6 (c)) into a .doc: it writes a REF to a bookmark it leaves out, and prints "Error:
    # Reference source not found" itself. The import keeps those words and says so; every
    # other line reads alike.
    lost = [i for i, (a, b) in enumerate(zip(from_doc, from_docx)) if a != b]
    assert len(from_doc) == len(from_docx) and len(lost) <= 1
    if lost:
        assert from_docx[lost[0]].replace("[^fn1]", "Error: Reference source not found") \
            == from_doc[lost[0]]
        assert "a cross-reference to bookmark" in said["from-doc"]
    assert "0 warnings" in said["from-docx"]
    assert sum(l.startswith("op ") for l in from_doc) > 20


def test_doc_without_libreoffice_says_so_in_one_line(tmp_path):
    doc = tmp_path / "draft.doc"
    doc.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    out = tmp_path / "x" / "draft.draft"
    out.parent.mkdir()
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")
    empty = tmp_path / "bin"
    empty.mkdir()
    r = subprocess.run([exe, "import", str(doc), "-o", str(out)], capture_output=True, text=True,
                       env={**os.environ, "PATH": str(empty)}, timeout=120)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "LibreOffice" in lines[0] and "Traceback" not in r.stderr
    assert not out.exists()
