"""Where the files the package reads live: templates (layouts, jinja2 templates, letters)
and schemas.

In the repository they are the top-level templates/ and schemas/ folders; setup.py maps
them into the package when a wheel is built (assembler/templates, assembler/schemas), so an
installed package finds them beside its modules whatever the current folder. A
checkout or an editable install has no copy inside the package: there the top-level folders
are read, which are the same files.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _folder(name: str) -> Path:
    packaged = _PACKAGE / name  # what importlib.resources.files gives a package on disk
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / name


TEMPLATES = _folder("templates")
SCHEMAS = _folder("schemas")
