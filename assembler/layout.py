"""Layout settings (fonts, sizes, margins, indents) read from templates/, never from code."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .tomlfile import read_toml

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
    return Layout(read_toml(p, "layout file", "layout file not found",
                            "give an existing .toml layout or leave the option out"))
