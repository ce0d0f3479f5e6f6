"""Fixtures over the real documents: the seed and the drafts derived from it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_97f5620c005065cf.txt"
FIRST_DRAFT = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the seed (../shared/seed) is not beside this checkout")
    return SEED


@pytest.fixture(scope="session")
def first_draft():
    from assembler.source import load_draft
    return load_draft(FIRST_DRAFT)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed `assembler` command as a user would."""
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def pandoc_text(path: Path, track_changes: str = "accept", to: str = "plain") -> str:
    import pypandoc
    return pypandoc.convert_file(str(path), to, format="docx",
                                 extra_args=[f"--track-changes={track_changes}", "--wrap=none"])


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def counted(path: Path, tmp: Path) -> Path:
    """A copy of a .docx whose REF fields show "#": pandoc reads a field's result as it was
    last counted, and a reference to an operative paragraph is a field Word and LibreOffice
    count again in either view, as they count the paragraphs' numbers
    (tests/writers/test_libreoffice.py checks the numbers they give)."""
    import zipfile
    from lxml import etree
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(items["word/document.xml"],
                            etree.XMLParser(resolve_entities=False, no_network=True))
    for p in root.iter(f"{_W}p"):
        state = None
        for el in p.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}delInstrText", f"{_W}t", f"{_W}delText"):
            tag = el.tag.replace(_W, "")
            if tag == "fldChar":
                state = {"begin": "instr", "separate": state and state + "-result",
                         "end": None}[el.get(f"{_W}fldCharType")]
            elif tag in ("instrText", "delInstrText") and state == "instr":
                state = "ref" if el.text.split()[:1] == ["REF"] else "other"
            elif state == "ref-result":
                el.text = "#"
    items["word/document.xml"] = etree.tostring(root)
    out = tmp / f"counted-{path.name}"
    with zipfile.ZipFile(out, "w") as z:
        for name, data in items.items():
            z.writestr(name, data)
    return out


def soffice_pdf(docx: Path, outdir: Path) -> Path:
    """Render with LibreOffice, as a person would open the file."""
    exe = shutil.which("soffice")
    if not exe:
        pytest.skip("LibreOffice is not installed (make sysdeps)")
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (docx.stem + ".pdf")
