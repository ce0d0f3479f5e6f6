"""Layout settings (fonts, sizes, margins, indents) read from templates/, never from code."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import AssemblerError

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DEFAULT_LAYOUT = TEMPLATES / "un-layout.toml"


@dataclass(frozen=True)
class Layout:
    values: dict

    def section(self, name: str) -> dict:
        return self.values.get(name, {})

    def get(self, section: str, key: str, default=None):
        return self.values.get(section, {}).get(key, default)


def load_layout(path: str | Path | None = None) -> Layout:
    p = Path(path) if path else DEFAULT_LAYOUT
    try:
        with open(p, "rb") as fh:
            return Layout(tomllib.load(fh))
    except FileNotFoundError:
        raise AssemblerError("layout file not found", file=str(p),
                             hint="give an existing .toml layout or leave the option out") from None
    except tomllib.TOMLDecodeError as err:
        raise AssemblerError(f"layout file is not valid TOML: {err}", file=str(p)) from None
