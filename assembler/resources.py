"""Where the files the package reads live: templates (layouts, jinja2 templates, letters)
and schemas.

In the repository they are the top-level templates/ and schemas/ folders; setup.py maps
them into the package when a wheel is built (assembler/templates, assembler/schemas), so an
installed package finds them with importlib.resources whatever the current folder. A
checkout or an editable install has no copy inside the package: there the top-level folders
are read, which are the same files.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _folder(name: str) -> Path:
    packaged = files(__package__) / name
    if packaged.is_dir():
        return Path(str(packaged))
    return _CHECKOUT / name


TEMPLATES = _folder("templates")
SCHEMAS = _folder("schemas")
