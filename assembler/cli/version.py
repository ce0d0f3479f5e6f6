"""The installed version, read from the package metadata without importlib.metadata.

importlib.metadata brings email, zipfile and csv (tens of milliseconds), more than the rest
of `assembler --version` together. This looks where it looks: the first sys.path folder
holding assembler's .dist-info or .egg-info. Anything it does not recognise (a zipped path,
no metadata found) is left to importlib.metadata, so the answer is always the same."""
from __future__ import annotations

import os
import sys

NAME = "assembler"


def _metadata_file(folder: str) -> str | None:
    """The METADATA / PKG-INFO of assembler's distribution in `folder`, if it is there."""
    try:
        entries = os.listdir(folder or ".")
    except OSError:
        return None
    # importlib.metadata prefers a folder's .dist-info to its .egg-info
    for entry in entries:
        low = entry.lower()
        if low.endswith(".dist-info") and low.partition("-")[0].replace(".", "_") == NAME:
            return os.path.join(folder, entry, "METADATA")
    for entry in entries:
        low = entry.lower()
        if low.endswith(".egg-info") and low[:-9].partition("-")[0].replace(".", "_") == NAME:
            path = os.path.join(folder, entry)
            return os.path.join(path, "PKG-INFO") if os.path.isdir(path) else path
    return None


def _read_version(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Version:"):
                    return line[8:].strip()
                if not line.strip():  # the headers end at the first blank line
                    break
    except OSError:
        pass
    return None


def fast_version() -> str | None:
    """The version, or None when importlib.metadata must be asked."""
    for folder in sys.path:
        if not isinstance(folder, str) or os.path.isfile(folder):
            return None  # a zip or an importer's path: not read here
        path = _metadata_file(folder)
        if path is not None:
            return _read_version(path)
    return None


def package_version() -> str:
    found = fast_version()
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(NAME)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"
