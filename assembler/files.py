"""Output files: written whole or not at all, and never over an issued version."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import AssemblerError
from .fs.read import is_regular, read_bytes
from .stages import ISSUED


def check_output_path(path: str | Path) -> Path:
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise AssemblerError(f"the folder '{folder}' does not exist", file=str(p),
                             hint="create it first or choose another output path")
    if p.is_dir():
        raise AssemblerError("is a folder; give a file name", file=str(p))
    return p


def refuse_issued(path: str | Path) -> None:
    """An issued draft source (stage L, L-rev or adopted) is never overwritten."""
    p = Path(path)
    if not is_regular(p) or p.suffix != ".draft":
        return
    try:
        head = read_bytes(p, "head", truncate=True).decode("utf-8", "replace")
    except AssemblerError:
        return
    head = head.split("\n\n", 1)[0]
    for line in head.splitlines():
        if line.startswith("stage:") and line.split(":", 1)[1].strip() in ISSUED:
            raise AssemblerError("is an issued version and is never overwritten", file=str(p),
                                 hint="write the new version to a new file")


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write to a temporary file beside the target, then rename it into place."""
    p = check_output_path(path)
    refuse_issued(p)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".part", dir=p.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return p
