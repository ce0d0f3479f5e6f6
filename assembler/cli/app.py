"""The typer application and the error handling every verb shares."""
from __future__ import annotations

import functools

import typer

from ..errors import AssemblerError, one_line

app = typer.Typer(
    name="assembler",
    help="Draft, amend, redline and compare United Nations resolutions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def say(message: str) -> None:
    typer.echo(message, err=True)


def verb(func):
    """Turn AssemblerError into one line on stderr and its exit code (2 bad input, 1 problems),
    never a traceback."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except AssemblerError as err:
            say(f"error: {one_line(str(err))}")
            raise typer.Exit(err.exit_code)
        except KeyboardInterrupt:
            say("interrupted; nothing was written")
            raise typer.Exit(130)
    return wrapper
