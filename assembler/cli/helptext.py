"""`assembler --help` without typer or rich, when its output is plain text.

typer renders the help through rich (and its Markdown through markdown-it): most of a
second's tenth before a line is printed. When stdout is no terminal rich prints no styles,
only the words, padding and box lines, which are laid out here the way rich lays them out
for this page. Where that layout is not certain (a terminal, colour forced, a narrow window
where rich shortens words, no UTF-8 for the box lines) `plain_width` says None and typer
renders the page. tests/cli/test_startup.py compares this page with typer's, width by width."""
from __future__ import annotations

import os
import re
import sys

from .verbs import DESCRIPTION, OPTIONS, VERBS

USAGE = "Usage: assembler [OPTIONS] COMMAND [ARGS]..."
# below this width rich starts shortening the options' names ("--install-compl…")
MIN_WIDTH = 60
# rich (and typer) turn colour or a terminal's layout on through these
_STYLED_BY = ("FORCE_COLOR", "TTY_COMPATIBLE", "PY_COLORS", "GITHUB_ACTIONS", "TERMINAL_WIDTH",
              "_TYPER_FORCE_DISABLE_TERMINAL", "JUPYTER_COLUMNS")
_WORD = re.compile(r"\s*\S+\s*")


def plain_width() -> int | None:
    """The width rich would lay the page out at, or None when rich would print anything
    but plain text (or rich must lay it out itself)."""
    if any(name in os.environ for name in _STYLED_BY):
        return None
    out = sys.stdout
    if out is None or out.isatty() or not (out.encoding or "").lower().replace("-", "").startswith("utf8"):
        return None
    width = None
    for fd in (0, 1, 2):  # rich asks stdin, stdout, stderr in turn for the terminal's size
        try:
            width = os.get_terminal_size(fd).columns
            break
        except (AttributeError, ValueError, OSError):
            pass
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    width = width or 80
    return width if width >= MIN_WIDTH else None


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap as rich's: a word fits when it does without its trailing space."""
    lines: list[str] = []
    line = ""
    for word in _WORD.findall(text):
        if line and len(line) + len(word.rstrip()) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    return lines + [line.rstrip()]


def _padded(text: str, width: int) -> list[str]:
    """Text in a block padded one column either side, as rich's Padding."""
    return [f" {line:<{width - 2}} " for line in wrap(text, width - 2)]


def _panel(title: str, rows: list[tuple[str, str]], gap: int, width: int) -> list[str]:
    """A rounded panel of two columns: the names, `gap` spaces, the wrapped descriptions."""
    first = max(len(name) for name, _ in rows)
    inner = width - 4
    text_width = inner - first - gap
    out = [f"╭─ {title} " + "─" * (width - len(title) - 5) + "╮"]
    for name, text in rows:
        for i, line in enumerate(wrap(text, text_width)):
            cells = f"{name if i == 0 else '':<{first}}{'':<{gap}}{line}"
            out.append(f"│ {cells:<{inner}} │")
    out.append("╰" + "─" * (width - 2) + "╯")
    return out


def render(width: int) -> str:
    """The whole page at `width` columns, as typer prints it when piped."""
    blank = " " * width
    lines = [blank, *_padded(USAGE, width), blank, *_padded(DESCRIPTION, width), blank]
    # typer's options table has four columns, empty here (short name, negative forms, type),
    # between name and help: each one a space either side
    lines += _panel("Options", list(OPTIONS), 2 + 4 * 2, width)
    commands = [(name, summary) for name, (_, summary) in VERBS.items()]
    lines += _panel("Commands", commands, 2, width)
    return "\n".join(lines) + "\n"
