"""Layout settings (fonts, sizes, margins, indents) read from templates/, never from code."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import AssemblerError
from .resources import TEMPLATES
from .tomlfile import read_toml

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
    values = read_toml(p, "layout file", "layout file not found",
                       "give an existing .toml layout or leave the option out")
    if p != DEFAULT_LAYOUT:
        _check_against_default(values, str(p))
    return Layout(values)


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "text" if isinstance(value, str) else type(value).__name__


def _check_against_default(values: dict, file: str) -> None:
    """A value of the wrong kind (text for a size, a negative length) is named here, not met
    as a crash deep in a writer."""
    default = load_layout().values
    for section, table in values.items():
        known = default.get(section)
        if not isinstance(known, dict):
            continue  # a section of one's own, for one's own HTML template
        if not isinstance(table, dict):
            raise AssemblerError(f"layout [{section}] is not a table", file=file,
                                 hint=f"write it as a [{section}] table, as in "
                                      f"{DEFAULT_LAYOUT.name}")
        for key, value in table.items():
            if key not in known:
                continue
            want = _kind(known[key])
            if _kind(value) != want:
                raise AssemblerError(f"layout [{section}] {key} = {_toml(value)} should be {want}",
                                     file=file, hint=f"the default is {key} = {_toml(known[key])}")
            if want == "a number" and value < 0 <= known[key]:  # an offset may be negative
                raise AssemblerError(f"layout [{section}] {key} = {_toml(value)} is negative",
                                     file=file, hint=f"the default is {key} = {_toml(known[key])}")


def _toml(value) -> str:
    """A value as the layout file writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)
