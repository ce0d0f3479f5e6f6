"""Many documents at once: the files of each document (one name, several formats) found in
files and folders, one file read as a draft, and work spread over processes. The survey and
the lineage of a session share these."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

from .errors import AssemblerError

# Files read, by kind. ".json" is a text layer as extracted ({"text": ...}).
TEXT = (".txt", ".md", ".json")
KINDS = {".pdf": "pdf", ".docx": "word", ".doc": "word", **{s: "text" for s in TEXT}}
# A PDF is the document as issued: where it and a text layer are both given, its reading
# comes first.
ORDER = ("pdf", "word", "text")

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Document:
    """One document: its files by kind (same name, different extensions)."""
    name: str
    files: dict[str, Path] = field(default_factory=dict)

    def first(self) -> tuple[str, Path]:
        """The file that reads the document best: its PDF, else its Word file, else text."""
        kind = next(k for k in ORDER if k in self.files)
        return kind, self.files[kind]


def collect(paths: Iterable[Path], what: str = "survey") -> list[Document]:
    """The documents among `paths` (files or folders, searched below), files of one name
    grouped: A_RES_79_7.pdf and A_RES_79_7.txt are one document."""
    found: dict[str, Document] = {}
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            files = [path]
        else:
            raise AssemblerError("no such file or folder", file=str(path),
                                 hint="give documents (.pdf, .txt, .json, .docx) or folders")
        for f in files:
            kind = KINDS.get(f.suffix.lower())
            if kind is None or f.name.startswith("."):
                continue
            doc = found.setdefault(f.stem, Document(f.stem))
            doc.files.setdefault(kind, f)
    if not found:
        raise AssemblerError(f"no documents to {what}", hint="give .pdf, .txt, .json or .docx "
                                                             "files, or folders holding them")
    return sorted(found.values(), key=lambda d: natural(d.name))


def natural(name: str) -> list:
    """'A_RES_78_9' before 'A_RES_78_10'."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]


def read_file(path: Path):
    """Import one file; a text layer in JSON is its "text" field."""
    from .readers import import_text, read_any
    if path.suffix.lower() == ".json":
        from .fs.read import read_bytes
        try:
            text = json.loads(read_bytes(path, "text", what="a text layer (.json)"))["text"]
        except (ValueError, KeyError, TypeError):
            raise AssemblerError("not a text layer: a JSON object with a \"text\" field is "
                                 "expected", file=str(path))
        return import_text(text, str(path))
    return read_any(path)


def parallel(work: Callable[[T], R], items: list[T], jobs: int = 0) -> Iterator[R]:
    """`work` over `items` on `jobs` processes (0: every core), results as they come."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(items) <= 1:
        yield from map(work, items)
        return
    # fork: the workers share the imported readers; a worker is replaced after some
    # documents so that what a large one allocated is given back
    with get_context("fork").Pool(jobs, maxtasksperchild=40) as pool:
        yield from pool.imap_unordered(work, items, chunksize=1)
