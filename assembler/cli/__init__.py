"""The `assembler` command. Each verb lives in a module of this package and registers itself
on the typer application (common.app); this file only wires them together.

Start-up imports only what the verb given needs: `--version` and `--help` are answered
without typer (helptext.py lays the page out as typer would), and a verb named on the
command line imports its own module alone (verbs.VERBS says which), and the plain forms of
`redline OLD NEW -o OUT` run without typer at all (light.py). Anything else (no verb,
an unknown one, shell completion) gets every verb, as before. `app` here is the whole
application, every verb registered."""
from __future__ import annotations

import os
import sys
from importlib import import_module

from .verbs import MODULES, VERBS

# typing (and typer) only for type checkers: importing typing alone costs start-up a few ms
TYPE_CHECKING = False
if TYPE_CHECKING:
    import typer

_COMPLETING = "_ASSEMBLER_COMPLETE"  # typer's shell completion asks with this variable set


def _register(modules: tuple[str, ...]) -> typer.Typer:
    """Import the verb modules (each registers its verbs) and return the typer app."""
    for name in modules:
        import_module(f"{__name__}.{name}")
    return import_module(f"{__name__}.common").app


def __getattr__(name: str) -> typer.Typer:
    # `from assembler.cli import app`: the whole application, made on first use
    if name == "app":
        app = _register(MODULES)
        globals()["app"] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _answer_without_typer(args: list[str]) -> int | None:
    """The exit code of `--version` or `--help` (or no arguments, which shows the help and
    exits 2, as typer does), or None when typer must answer."""
    if args == ["--version"]:
        from .version import package_version
        sys.stdout.write(f"assembler {package_version()}\n")
        return 0
    if args in ([], ["--help"]):
        from .helptext import layout, program_name, render
        page = layout()
        if page is None:
            return None
        # typer ends the page asked for with --help with one more blank line
        sys.stdout.write(render(*page, program=program_name()) + ("\n" if args else ""))
        return 0 if args else 2
    return None


def console() -> None:
    """The installed `assembler` command (pyproject.toml's script): main, and a verb the
    light path ran ends the process at once (light.leave)."""
    main(leave=True)


def main(leave: bool = False) -> None:
    args = sys.argv[1:]
    if _COMPLETING not in os.environ:
        try:
            code = _answer_without_typer(args)
            if code is not None:
                sys.stdout.flush()
        except BrokenPipeError:  # `assembler --help | head`: exit 1 quietly, as typer does
            sys.stdout = open(os.devnull, "w")  # nothing left to flush at exit
            code = 1
        if code is None:  # `redline OLD NEW -o OUT`: without typer (light.py)
            from . import light
            code = light.run(args)
            if code is not None and leave:
                light.leave(code)
        if code is not None:
            raise SystemExit(code)
    verb = args[0] if args else ""
    modules = (VERBS[verb][0],) if verb in VERBS and _COMPLETING not in os.environ else MODULES
    _register(modules)()
