"""Measuring a PDF page as a UN editor would hold a ruler to it: where a line starts and
where its baseline sits, found by the words it begins with, and where body lines break.
Used to compare our issued faces (docx -> LibreOffice PDF) with the UN's own PDFs."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import fitz


@dataclass(frozen=True)
class Line:
    page: int
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool
    italic: bool
    text: str


def lines(pdf: bytes | str) -> list[Line]:
    """Every text line of the document, in reading order, blank spans dropped."""
    doc = fitz.open(stream=pdf, filetype="pdf") if isinstance(pdf, bytes) else fitz.open(pdf)
    out = []
    for n, page in enumerate(doc):
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                chars = [(c, s) for s in line["spans"] for c in s["chars"]]
                inked = [(c, s) for c, s in chars if c["c"].strip()]
                if not inked:
                    continue
                text = " ".join("".join(c["c"] for c, _ in chars).split())
                (c0, first), (c1, _) = inked[0], inked[-1]
                out.append(Line(n, round(c0["bbox"][0], 1), round(c1["bbox"][2], 1),
                                round(c0["origin"][1], 1), round(first["size"], 1),
                                "Bold" in first["font"], "Italic" in first["font"], text))
    return out


def page_size(pdf: bytes | str) -> tuple[float, float]:
    doc = fitz.open(stream=pdf, filetype="pdf") if isinstance(pdf, bytes) else fitz.open(pdf)
    return round(doc[0].rect.width, 1), round(doc[0].rect.height, 1)


def rules(pdf: bytes | str, page: int = 0) -> list[tuple[float, float, float]]:
    """Horizontal rules (y, x0, x1) of a page, pieces of one rule joined."""
    doc = fitz.open(stream=pdf, filetype="pdf") if isinstance(pdf, bytes) else fitz.open(pdf)
    found: list[list[float]] = []
    for d in doc[page].get_drawings():
        r = d["rect"]
        if r.height > 3 or r.width < 20 and not found:
            continue
        y = round((r.y0 + r.y1) / 2, 1)
        for f in found:
            if abs(f[0] - y) < 1.2 and r.x0 <= f[2] + 2:
                f[2] = max(f[2], r.x1)
                break
        else:
            found.append([y, r.x0, r.x1])
    return [(y, round(a, 1), round(b, 1)) for y, a, b in found if b - a > 40]


def find(ls: list[Line], start: str, page: int | None = None) -> Line | None:
    """The first line beginning with `start` (spaces and soft differences ignored)."""
    key = _norm(start)
    for ln in ls:
        if (page is None or ln.page == page) and _norm(ln.text).startswith(key):
            return ln
    return None


def body_breaks(ls: list[Line], left: float, right: float) -> list[str]:
    """'last word|first word of the next' for every line of body text (10 pt, starting in
    the text column, wider than a short label), so two settings of the same words compare
    by where their lines break; ids and running furniture fall outside the column."""
    body = [ln for ln in ls if left - 2 <= ln.x0 <= left + 50 and 9.5 <= ln.size <= 10.6
            and ln.x1 <= right + 3 and len(ln.text) > 25]
    out = []
    for a, b in zip(body, body[1:]):
        out.append(_word(a.text.split()[-1]) + "|" + _word(b.text.split()[0]))
    return out


def _word(w: str) -> str:
    return re.sub(r"[\W_]+", "", w.replace("\u2011", "-"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u2011", "-")).lower()


def print_html(html: Path, pdf: Path, profile: Path) -> None:
    """An HTML page printed to PDF by headless Chromium, as a reader prints it."""
    import pytest
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("Chromium is not installed (make sysdeps)")
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.as_uri()],
                   capture_output=True, timeout=180)
