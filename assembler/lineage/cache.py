"""Drafts read once: each kept under the cache folder by the sha256 of its file's bytes and
of the readers' own source, so a second run over a session reads nothing again and a
change to a reader reads everything afresh. What changed along a link is kept the same way,
by the two drafts' keys and the comparison's own source. The cache holds pickles this tool wrote: keep
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
# what decides what changed along a link: the comparison
CHANGE_SOURCES = ("compare", "diff.py", "lineage/change.py")


@lru_cache(maxsize=2)
def version(sources: tuple[str, ...] = READER_SOURCES) -> str:
    """A digest of the code that made what is kept: kept by other code, it is made again."""
    h = hashlib.sha256()
    for name in sources:
        path = PACKAGE / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(f.relative_to(PACKAGE).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def key(data: bytes) -> str:
    """A file's key: its bytes and the readers."""
    return hashlib.sha256(data + version(READER_SOURCES).encode()).hexdigest()


def change_key(old_key: str, new_key: str) -> str:
    """A link's key: its two drafts and the comparison."""
    return hashlib.sha256(f"{old_key} {new_key} {version(CHANGE_SOURCES)}".encode()).hexdigest()


def path_for(folder: Path, k: str, shelf: str = "drafts") -> Path:
    return folder / shelf / k[:2] / f"{k}.pickle"


def load(folder: Path, k: str, shelf: str = "drafts", kind: type = Draft):
    """What is kept under `k` on `shelf`, or None (not kept, or unreadable: make it again)."""
    try:
        with open(path_for(folder, k, shelf), "rb") as fh:
            found = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    return found if isinstance(found, kind) else None


def store(folder: Path, k: str, thing: object, shelf: str = "drafts") -> None:
    target = path_for(folder, k, shelf)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, pickle.dumps(thing, protocol=pickle.HIGHEST_PROTOCOL))
