"""`assembler --help` without typer or rich.

typer renders the help through rich (and its Markdown through markdown-it): most of a
second's tenth before a line is printed. The page is always the same words, padding and box
lines, and at a terminal the same few styles (bold, dim, cyan, yellow), so it is laid out
here the way rich lays it out. Where rich would do something not reproduced here (a narrow
window where it shortens words, no UTF-8 for the box lines, a dumb terminal, typer's own
width setting) `layout` says None and typer renders the page. tests/cli/test_startup.py
compares this page with typer's, width by width, plain and styled."""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping

from .verbs import DESCRIPTION, OPTIONS, VERBS

USAGE = "[OPTIONS] COMMAND [ARGS]..."
# below this width rich starts shortening the options' names ("--install-compl…")
MIN_WIDTH = 60
# typer makes rich's console a terminal (colour on) when one of these is set, or none
_TYPER_TERMINAL = ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS")
# settings whose effect on rich's page is not reproduced here: typer renders the page then
_UNHANDLED = ("TERMINAL_WIDTH", "_TYPER_FORCE_DISABLE_TERMINAL", "JUPYTER_COLUMNS")
_WORD = re.compile(r"\s*\S+\s*")
_SWITCH = re.compile(r"-\w+")

Style = Callable[[str, str], str]


def _plain(_: str, text: str) -> str:
    return text


def ansi(code: str, text: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"


def mono(code: str, text: str) -> str:
    """A style with NO_COLOR: bold and dim stay, colours go (no-color.org, as rich reads it)."""
    return ansi(code.split(";")[0], text)


def _is_terminal(env: Mapping[str, str]) -> bool:
    """rich's Console.is_terminal, with the force_terminal typer passes it."""
    if any(env.get(name) for name in _TYPER_TERMINAL):
        return True
    compatible = env.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    if env.get("FORCE_COLOR") is not None:
        return env["FORCE_COLOR"] != ""
    return sys.stdout.isatty()


def layout() -> tuple[int, Style | None] | None:
    """The width rich would lay the page out at and how it styles it (None: plain text), or
    None when rich must lay the page out itself."""
    env = os.environ
    out = sys.stdout
    if out is None or os.name == "nt" or any(name in env for name in _UNHANDLED) \
            or not (out.encoding or "").lower().replace("-", "").startswith("utf8"):
        return None  # no UTF-8: rich draws the boxes in ASCII
    terminal = _is_terminal(env)
    if terminal and env.get("TERM", "").lower() in ("dumb", "unknown"):
        return None  # rich's dumb terminal: another width
    width = None
    for fd in (0, 1, 2):  # rich asks stdin, stdout, stderr in turn for the terminal's size
        try:
            width = os.get_terminal_size(fd).columns
            break
        except (AttributeError, ValueError, OSError):
            pass
    columns = env.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    width = width or 80
    if width < MIN_WIDTH or len(f"Usage: {program_name()} {USAGE}") > width - 2:
        return None  # rich would shorten names, or wrap the usage line
    if not terminal:
        return width, None
    return width, (ansi if env.get("NO_COLOR", "") == "" else mono)


def program_name() -> str:
    """How the command was called, as typer's usage line names it (click's rule): the
    script's file name, or `python -m assembler`."""
    package = getattr(sys.modules["__main__"], "__package__", None)
    if not package or os.name == "nt":  # Windows' launchers: left to typer (layout says None)
        return os.path.basename(sys.argv[0])
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"


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


def _option(name: str, style: Style) -> str:
    """`--install-completion` as typer's highlighter marks it: the option, and within it its
    first switch (`-install`), each a span of its own."""
    switch = _SWITCH.search(name, 1)
    cuts = [0, *([switch.start(), switch.end()] if switch else []), len(name)]
    return "".join(style("1;36", name[a:b]) for a, b in zip(cuts, cuts[1:]) if a < b)


def _panel(title: str, rows: list[tuple[str, str]], gap: int, width: int, style: Style,
           options: bool) -> list[str]:
    """A rounded panel of two columns: the names, `gap` spaces, the wrapped descriptions."""
    first = max(len(name) for name, _ in rows)
    inner = width - 4
    text_width = inner - first - gap
    bar = style("2", "│")
    rule = "─" * (width - len(title) - 6)  # rich draws the top in four pieces, each styled
    out = [style("2", "╭─") + style("2", f" {title} ") + style("2", rule) + style("2", "─╮")]
    for name, text in rows:
        for i, line in enumerate(wrap(text, text_width)):
            shown = name if i == 0 else ""
            if options:  # the name marked by the highlighter, the rest plain
                cell, used = _option(shown, style), len(shown)
            elif shown:  # a command's name in its column's style, then that column's padding
                cell, used = style("1;36", name.ljust(first)) + style("1;36", " "), first + 1
            else:
                cell, used = style("1;36", " " * (first + 1)), first + 1
            rest = " " * (first + gap - used) + line
            out.append(f"{bar} {cell}{rest:<{inner - used}} {bar}")
    out.append(style("2", "╰" + "─" * (width - 2) + "╯"))
    return out


def render(width: int, style: Style | None = None, program: str = "assembler") -> str:
    """The whole page at `width` columns, as typer prints it (`style`: at a terminal) for
    the command called `program`."""
    style = style or _plain
    label, usage = "Usage: ", f"{program} {USAGE}"
    blank = style("1", " " * width)
    lines = [blank, style("1", " ") + style("1;33", label) + style("1", usage)
             + style("1", " " * (width - 2 - len(label) - len(usage))) + style("1", " "), blank]
    lines += [f" {line:<{width - 2}} " for line in wrap(DESCRIPTION, width - 2)]
    lines.append(" " * width)
    # typer's options table has four columns, empty here (short name, negative forms, type),
    # between name and help: each one a space either side
    lines += _panel("Options", list(OPTIONS), 2 + 4 * 2, width, style, options=True)
    commands = [(name, summary) for name, (_, summary) in VERBS.items()]
    lines += _panel("Commands", commands, 2, width, style, options=False)
    return "\n".join(lines) + "\n"
