"""What a verb says on stderr, and how it stops, without typer: the typer commands
(common.verb) and the light path of `redline` (light.py) print the same lines through here.

The lines are written as typer's echo writes them: a newline added, flushed at once, and
ANSI styles dropped when stderr is no terminal (unless the caller decides the colour)."""
from __future__ import annotations

import contextlib
import os
import re
import sys

from ..errors import AssemblerError, one_line

_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")  # the styles echo strips off a pipe
_RED_BOLD = "\x1b[31m\x1b[1m{}\x1b[0m"       # typer.style(fg="red", bold=True)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except Exception:  # a closed or unusual stream: no terminal
        return False


def echo(message: str, color: bool | None = None) -> None:
    """One line on stderr. `color` None: styles kept at a terminal only."""
    stream = sys.stderr
    if stream is None:  # no stderr at all (pythonw): nowhere to say it
        return
    text = message + "\n"
    strip = not _isatty(stream) if color is None else not color
    if strip and "\x1b" in text:
        text = _ANSI.sub("", text)
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a stream that cannot encode every character: replaced
        encoding = stream.encoding or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def colour() -> bool:
    """Colour only for a person at a terminal who has not asked for none (no-color.org)."""
    return _isatty(sys.stderr) and "NO_COLOR" not in os.environ \
        and os.environ.get("TERM") != "dumb"


def say(message: str) -> None:
    echo(message)


def error(message: str) -> None:
    """The one line of a refusal, its "error:" in red on a terminal."""
    on = colour()
    echo(f"{_RED_BOLD.format('error:') if on else 'error:'} {message}", color=on)


def stopped(err: AssemblerError | KeyboardInterrupt) -> int:
    """Why a verb stopped, said on stderr in one line each (never a traceback), and the exit
    code: the error's own (2 bad input, 1 problems), 130 for an interrupt."""
    if isinstance(err, KeyboardInterrupt):
        say("interrupted; nothing was written")
        return 130
    for problem in getattr(err, "problems", ()):   # several found at once
        error(one_line(str(problem)))
    error(one_line(str(err)))
    return err.exit_code


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


def rendering(output) -> contextlib.AbstractContextManager:
    """The spinner for an output that LibreOffice renders (a .pdf takes seconds)."""
    return progress(f"LibreOffice is rendering {output}",
                    when=str(output).lower().endswith(".pdf"))
