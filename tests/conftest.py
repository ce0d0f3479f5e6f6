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


def soffice_pdf(docx: Path, outdir: Path) -> Path:
    """Render with LibreOffice, as a person would open the file."""
    exe = shutil.which("soffice")
    if not exe:
        pytest.skip("LibreOffice is not installed (make sysdeps)")
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (docx.stem + ".pdf")
