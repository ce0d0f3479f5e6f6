"""The typer application and the error handling every verb shares (what a verb says, and how
it stops, is output.py's, shared with the light path of light.py)."""
from __future__ import annotations

import functools
import re

import typer
from typer._click import Context
from typer.core import TyperArgument, TyperGroup, TyperOption

from ..errors import AssemblerError
# the verbs import what they say through here
from .output import plural, progress_bar, rendering, say, stopped  # noqa: F401
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
            raise typer.Exit(stopped(worded(err)))
        except KeyboardInterrupt as err:
            raise typer.Exit(stopped(err))
    return wrapper
