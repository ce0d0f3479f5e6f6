"""The real documents the lineage tests (tests/lineage/) read: ../shared/real (A/RES/79/7 -> A/RES/80/4, 30
resolutions of the 78th and 79th sessions) and the five 78th-session predecessors kept in
tests/lineage/real/."""
from __future__ import annotations

from pathlib import Path

import pytest

from assembler.readers import read_any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "real"
OWN = HERE / "lineage" / "real"


def real(name: str) -> Path:
    for folder in (SHARED, SHARED / "more", OWN):
        if (folder / f"{name}.txt").exists():
            return folder / f"{name}.txt"
    raise FileNotFoundError(name)


@pytest.fixture(scope="session")
def drafts():
    """name -> draft, read once for the session."""
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = read_any(real(name)).draft
        return cache[name]
    return get


def folder_of(tmp_path: Path, names: list[str]) -> Path:
    """A folder of copies of the named documents, as a user would give it."""
    import shutil
    src = tmp_path / "docs"
    src.mkdir()
    for n in names:
        shutil.copy(real(n), src / f"{n}.txt")
    return src
