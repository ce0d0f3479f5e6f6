"""Compare a fresh `make demo` build/ with a snapshot of an earlier one, file by file.

    python scripts/demo_diff.py [BUILD] [SNAPSHOT]     (defaults: build /work/notes/demo-before)

Byte comparison, except where the bytes carry the time of the run rather than the content:
- .docx/.xlsx are zips: their parts are compared one by one (zip entry timestamps and
  order ignored); in docProps/core.xml the dcterms:created/modified stamps are ignored
  (openpyxl writes the clock; our Word writer does not, so .docx is byte-stable anyway).
- .pdf carries its creation date and a document id: compared by page count and by the
  text pdftotext extracts, page by page.
Prints one line per difference; exit 0 when none, 1 otherwise, 2 for a missing folder.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

_STAMP = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _zip_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = _STAMP.sub(b"", parts["docProps/core.xml"])
    return parts


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def differences(new: Path, old: Path) -> list[str]:
    """What differs between two files (empty when they are the same in content)."""
    if new.read_bytes() == old.read_bytes():
        return []
    suffix = new.suffix.lower()
    if suffix in (".docx", ".xlsx"):
        a, b = _zip_parts(new), _zip_parts(old)
        out = [f"part only in new: {n}" for n in sorted(a.keys() - b.keys())]
        out += [f"part only in snapshot: {n}" for n in sorted(b.keys() - a.keys())]
        out += [f"part differs: {n}" for n in sorted(a.keys() & b.keys()) if a[n] != b[n]]
        return out
    if suffix == ".pdf":
        ta, tb = _pdf_text(new), _pdf_text(old)
        if ta == tb:
            return []
        pa, pb = ta.split("\f"), tb.split("\f")
        if len(pa) != len(pb):
            return [f"pages {len(pb)} -> {len(pa)}"]
        return [f"text differs on page {i + 1}" for i, (x, y) in enumerate(zip(pa, pb)) if x != y]
    return ["bytes differ"]


def main(argv: list[str]) -> int:
    build = Path(argv[0] if argv else "build")
    snapshot = Path(argv[1] if len(argv) > 1 else "/work/notes/demo-before")
    for folder in (build, snapshot):
        if not folder.is_dir():
            print(f"{folder}: no such folder (run `make demo` first)", file=sys.stderr)
            return 2
    new = {p.relative_to(build) for p in build.rglob("*") if p.is_file()}
    old = {p.relative_to(snapshot) for p in snapshot.rglob("*") if p.is_file()}
    found = False
    for rel in sorted(new | old):
        if rel not in old:
            print(f"{rel}: new file")
        elif rel not in new:
            print(f"{rel}: missing from the new build")
        else:
            diffs = differences(build / rel, snapshot / rel)
            for d in diffs:
                print(f"{rel}: {d}")
            found = found or bool(diffs)
            continue
        found = True
    if not found:
        print(f"{len(new)} files, all the same as {snapshot}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
