"""The typer application and the error handling every verb shares."""
from __future__ import annotations

import contextlib
import functools
import os
import sys

import re

import typer
from typer._click import Context
from typer.core import TyperArgument, TyperGroup, TyperOption

from ..errors import AssemblerError, one_line
from .version import package_version

# typer's rich help labels types the Python way (`<bool>` beside a flag, `<list[Path]>`,
# `{base} {PROPOSALS...}...` in the usage line); this one place relabels every verb's
# parameters the way command-line help reads: flags bare, FILE / FOLDER / TEXT, LIST...
_WORDS = {"path": "FILE", "file": "FILE", "dir": "FOLDER", "str": "TEXT", "int": "INTEGER",
          "float": "NUMBER", "bool": "", "datetime": "DATE"}


def _label(typer_type: str) -> str:
    """`<Path>` -> FILE, `<list[Path]>` -> FILE|FOLDER (the verbs taking many paths take
    folders of them too), `<str>` -> TEXT, `<a|b>` (a choice) stays a|b."""
    inner = typer_type.strip("<>")
    if inner in ("list[Path]", "list[path]"):
        return "FILE|FOLDER"
    inner = re.sub(r"^list\[(.*)\]$", r"\1", inner)
    return _WORDS.get(inner.lower(), inner if "|" in inner else inner.upper())


class _Argument(TyperArgument):
    def display_type_rich(self, ctx) -> str | None:
        return _label(self.display_type(ctx)) or None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"


class _Option(TyperOption):
    def display_type_rich(self, ctx) -> str | None:
        if self.is_flag or self.count:
            return None
        if self.metavar is not None:
            return self.metavar
        return _label(self.display_type(ctx)) + ("..." if self.nargs != 1 else "")


def _relabel(command) -> None:
    """Give every parameter of `command` (and of its sub-verbs) the help labels above."""
    # --help is made on first use and kept; make it now so that it is relabelled too
    help_option = command.get_help_option(Context(command))
    for param in [*command.params, *([help_option] if help_option else [])]:
        if type(param) is TyperArgument:
            param.__class__ = _Argument
            if param.metavar is None:  # arguments read as BASE, not base
                param.metavar = param.name.upper()
        elif type(param) is TyperOption:
            param.__class__ = _Option
    for sub in getattr(command, "commands", {}).values():
        _relabel(sub)


class _Group(TyperGroup):
    def make_context(self, *args, **kwargs):
        _relabel(self)  # here, not in __init__: typer adds the completion options afterwards
        return super().make_context(*args, **kwargs)


app = typer.Typer(
    cls=_Group,
    name="assembler",
    help="Draft, amend, redline and compare United Nations resolutions.",
    no_args_is_help=True,
    add_completion=True,           # --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",   # rich help: colour on a terminal, plain when piped or NO_COLOR
)


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


@contextlib.contextmanager
def progress_bar(what: str, total: int, counted: str = ""):
    """A bar over `total` documents on a terminal; in a pipe, nothing. Yields `tick(flag)`:
    one document done, counted among `counted` ("to review") when `flag` is true."""
    if not colour():
        yield lambda flag=False: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeRemainingColumn
    columns = [TextColumn(what), BarColumn(), MofNCompleteColumn()]
    if counted:
        columns.append(TextColumn("{task.fields[counted]} " + counted))
    with Progress(*columns, TimeRemainingColumn(), transient=True) as bar:
        task = bar.add_task(what, total=total, counted=0)
        seen = [0]

        def tick(flag: bool = False) -> None:
            seen[0] += bool(flag)
            bar.update(task, advance=1, counted=seen[0])
        yield tick


# The workflow's inputs as the verbs name them (status, apply): a refusal quotes the flag
# (names, asks) of negotiation.refusals.Wording, kept plain: start-up imports no negotiation
NAMES = {"action": "the action", "date": "--date", "by": "--by", "text": "--text",
         "changes": "--change", "name": "--name", "prefer": "--prefer"}
ASKS = {"by": "--by P-NN", "text": "--text '...'", "changes": "--change 'In ...'"}


def worded(err: AssemblerError, **names: str) -> AssemblerError:
    """`err` as the command line says it: a workflow's refusal (negotiation.refusals) quoting
    the flags (`names` for a verb's own spelling of one), any other error as it is."""
    if not hasattr(err, "worded"):
        return err
    from ..negotiation.refusals import Wording
    return err.worded(Wording({**NAMES, **names}, ASKS))


def verb(func):
    """Turn AssemblerError into one line on stderr and its exit code (2 bad input, 1 problems),
    never a traceback; a workflow's refusal in the words of the command line."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except AssemblerError as err:
            err = worded(err)
            for problem in getattr(err, "problems", ()):   # several found at once
                error(one_line(str(problem)))
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
