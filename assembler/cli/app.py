"""The typer application and the error handling every verb shares."""
from __future__ import annotations

import contextlib
import functools
import os
import sys

import typer

from ..errors import AssemblerError, one_line

app = typer.Typer(
    name="assembler",
    help="Draft, amend, redline and compare United Nations resolutions.",
    no_args_is_help=True,
    add_completion=True,           # --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",   # rich help: colour on a terminal, plain when piped or NO_COLOR
)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("assembler")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"assembler {package_version()}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_show_version,
                                      is_eager=True, help="Show the version and exit.")):
    """Draft, amend, redline and compare United Nations resolutions."""


def colour() -> bool:
    """Colour only for a person at a terminal who has not asked for none (no-color.org)."""
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ \
        and os.environ.get("TERM") != "dumb"


def say(message: str) -> None:
    typer.echo(message, err=True)


def error(message: str) -> None:
    """The one line of a refusal, its "error:" in red on a terminal."""
    prefix = typer.style("error:", fg="red", bold=True) if colour() else "error:"
    typer.echo(f"{prefix} {message}", err=True, color=colour())


def plural(n: int, word: str, many: str = "") -> str:
    """ "1 footnote", "2 footnotes" (`many` for an irregular plural)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


@contextlib.contextmanager
def progress(what: str, when: bool = True):
    """Say what long work is under way (LibreOffice rendering, a large comparison) while it
    runs, on a terminal only: a spinner that leaves no trace in piped output."""
    if not when or not colour():
        yield
        return
    from rich.console import Console
    with Console(stderr=True).status(what):
        yield


def verb(func):
    """Turn AssemblerError into one line on stderr and its exit code (2 bad input, 1 problems),
    never a traceback."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except AssemblerError as err:
            error(one_line(str(err)))
            raise typer.Exit(err.exit_code)
        except KeyboardInterrupt:
            say("interrupted; nothing was written")
            raise typer.Exit(130)
    return wrapper


def rendering(output) -> contextlib.AbstractContextManager:
    """The spinner for an output that LibreOffice renders (a .pdf takes seconds)."""
    return progress(f"LibreOffice is rendering {output}",
                    when=str(output).lower().endswith(".pdf"))
