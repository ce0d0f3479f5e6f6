"""`assembler redline OLD NEW -o OUT` without typer: typer 0.29 passes every argument
through pydantic, whose import and adapters cost more than a redline's reading. The usual
forms of the command line are read here, by click's rules, and the verb's own function
(redlining.redline_files) is called, its refusals said as the typer command says them;
anything else (--help, an unknown or repeated option, a missing argument, `--`) returns
None, and typer answers as before, error messages included."""
from __future__ import annotations

TYPE_CHECKING = False  # typing only for type checkers, as in __init__.py
if TYPE_CHECKING:
    from typing import NoReturn

# The redline command's parameters as its typer command declares them (redline.py);
# tests/cli/test_light.py checks the two agree.
ARGUMENTS = ("old", "new")
VALUES = {"-o": "output", "--output": "output", "--author": "author", "--date": "date"}
FLAGS = {"--visual": "visual"}
REQUIRED = ("old", "new", "output")


def redline_options(args: list[str]) -> dict[str, str | bool] | None:
    """The parameters of `redline ARGS...` read as click reads them, or None when the command
    line is not one of the plain forms (typer then reads it, and refuses what it refuses)."""
    given: dict[str, str | bool] = {}
    positional: list[str] = []
    rest = iter(args)
    for token in rest:
        if not token or token == "-":
            return None  # an empty path, or stdin: typer's own reading
        if not token.startswith("-"):
            positional.append(token)
            continue
        name, eq, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if name not in VALUES and not eq and token[:2] in VALUES and len(token) > 2:
            name, value, eq = token[:2], token[2:], "="  # -oOUT
        if name in FLAGS and not eq:
            key, value = FLAGS[name], True
        elif name in VALUES:
            key = VALUES[name]
            if not eq:
                value = next(rest, None)
                if value is None or value.startswith("-"):
                    return None  # a missing value, or one that looks like an option
            if not value:
                return None
        else:
            return None  # --help, an unknown option, a flag given a value
        if key in given:
            return None  # given twice: click keeps the last, typer says so itself
        given[key] = value
    if len(positional) != len(ARGUMENTS):
        return None
    given.update(zip(ARGUMENTS, positional))
    if any(name not in given for name in REQUIRED):
        return None
    return given


def leave(code: int) -> NoReturn:
    """End the process with `code` now. What Python does at exit beyond its exit handlers
    and flushing the standard streams is freeing every object, a full collection included:
    60 to 90 ms after a 2,000-paragraph redline, which the system does at once. The output
    is already whole on disk (files.write_atomic)."""
    import atexit
    import os
    import sys
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed or broken stream: nothing more to say
            pass
    os._exit(code)


def run(args: list[str]) -> int | None:
    """The exit code of the command line `args` run without typer, or None when typer must
    run it."""
    if not args or args[0] != "redline":
        return None
    given = redline_options(args[1:])
    if given is None:
        return None
    import gc
    # The process ends with the verb: Python's cycle collector, which ran some 150 times
    # over a 2,000-paragraph pair (40 to 50 ms) to free a few hundred objects, stays off,
    # from the verb's imports on (they make thousands of objects that live to the end).
    gc.disable()
    from pathlib import Path

    from ..errors import AssemblerError
    from .output import stopped
    from .redlining import redline_files
    try:
        redline_files(Path(given["old"]), Path(given["new"]), Path(given["output"]),
                      str(given.get("author", "")), str(given.get("date", "")),
                      bool(given.get("visual", False)))
    except (AssemblerError, KeyboardInterrupt) as err:
        return stopped(err)
    return 0
