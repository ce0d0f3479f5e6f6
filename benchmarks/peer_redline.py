"""The peer of `assembler redline`, end to end as a user would run it: python-redlines'
Docxodus engine (its self-contained binary ships in the python-redlines-docxodus wheel) on
OLD.docx and NEW.docx, moves detected, the redline written to OUT.docx.

Usage: python benchmarks/peer_redline.py OLD.docx NEW.docx OUT.docx"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def main(old: str, new: str, out: str) -> None:
    os.environ.setdefault("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")  # no libicu needed
    from python_redlines.engines import DocxodusEngine
    data, _, _ = DocxodusEngine().run_redline("Peer", old, new, detect_moves=True)
    Path(out).write_bytes(data)


if __name__ == "__main__":
    main(*sys.argv[1:4])
