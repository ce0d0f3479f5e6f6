"""PDF through LibreOffice: any writer's .docx bytes -> PDF bytes.

Shared by every PDF output (drafts, letters, redlines, comparison tables): they build a .docx
and hand it here, so the PDF always looks like what Word users get.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import AssemblerError

INSTALL_HINT = ("install LibreOffice: on Debian/Ubuntu `apt-get install -y --no-install-recommends "
                "libreoffice-writer-nogui` (or `make sysdeps`), on macOS `brew install --cask "
                "libreoffice`; or write .docx/.html instead")


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes, timeout: float = 180) -> bytes:
    """Convert .docx bytes to PDF bytes with headless LibreOffice."""
    return convert(data, "docx", "pdf", timeout)


def convert(data: bytes, source: str, target: str, timeout: float = 180) -> bytes:
    """Convert a document's bytes from one format to another (docx -> pdf for every PDF
    output, doc -> docx for Word files from the Official Document System).

    Each call uses a private LibreOffice profile, so conversions running side by side (tests,
    other helpers) never wait on each other's lock or share a half-written profile.
    """
    what = f"{target.upper()} output" if source == "docx" else f"reading a .{source} file"
    exe = soffice()
    if not exe:
        raise AssemblerError(f"{what} needs LibreOffice (soffice), which is not installed",
                             hint=INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="assembler-lo-") as tmp:
        work = Path(tmp)
        src = work / f"document.{source}"
        src.write_bytes(data)
        profile = (work / "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(work / "out"), str(src)]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout,
                                  env={**os.environ, "HOME": str(work)})
        except subprocess.TimeoutExpired:
            raise AssemblerError(f"LibreOffice did not finish converting to {target.upper()} in "
                                 f"{timeout:.0f} s",
                                 hint="try again, or convert the file yourself") from None
        out = work / "out" / f"document.{target}"
        if done.returncode != 0 or not out.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise AssemblerError(f"LibreOffice could not convert the document to {target.upper()}"
                                 + (f": {detail[-1]}" if detail else ""),
                                 hint="check that `soffice --headless --version` works")
        return out.read_bytes()


def join_pdfs(parts: list[bytes]) -> bytes:
    """One PDF of several (poppler's pdfunite), e.g. covering letters then an issued text
    whose page furniture counts its own pages."""
    if len(parts) == 1:
        return parts[0]
    exe = shutil.which("pdfunite")
    if not exe:
        raise AssemblerError("joining PDFs needs pdfunite, which is not installed",
                             hint="apt-get install -y poppler-utils, or write .docx")
    with tempfile.TemporaryDirectory(prefix="assembler-join-") as tmp:
        names = []
        for i, data in enumerate(parts):
            names.append(str(Path(tmp) / f"part{i}.pdf"))
            Path(names[-1]).write_bytes(data)
        out = Path(tmp) / "joined.pdf"
        subprocess.run([exe, *names, str(out)], check=True, capture_output=True, timeout=120)
        return out.read_bytes()
