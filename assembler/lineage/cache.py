"""Drafts read once: each kept under the cache folder by the sha256 of its file's bytes and
of the readers' own source, so a second run over a session reads nothing again and a
change to a reader reads everything afresh. The cache holds pickles this tool wrote: keep
it where only you write (by default .assembler-cache/ beside the report)."""
from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from ..files import write_atomic
from ..model import Draft

PACKAGE = Path(__file__).resolve().parent.parent
# what decides how a file reads: the readers, the model they build
READER_SOURCES = ("readers", "model.py", "inline.py", "corpus.py")


@lru_cache(maxsize=1)
def reader_version() -> str:
    """A digest of the readers' source: a draft read by other code is read again."""
    h = hashlib.sha256()
    for name in READER_SOURCES:
        path = PACKAGE / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(f.relative_to(PACKAGE).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def key(data: bytes) -> str:
    return hashlib.sha256(data + reader_version().encode()).hexdigest()


def path_for(folder: Path, k: str) -> Path:
    return folder / "drafts" / k[:2] / f"{k}.pickle"


def load(folder: Path, k: str) -> Draft | None:
    """The draft kept under `k`, or None (not kept, or unreadable: read it again)."""
    try:
        with open(path_for(folder, k), "rb") as fh:
            draft = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    return draft if isinstance(draft, Draft) else None


def store(folder: Path, k: str, draft: Draft) -> None:
    target = path_for(folder, k)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, pickle.dumps(draft, protocol=pickle.HIGHEST_PROTOCOL))
