"""Drive the command in-process (typer's CliRunner): fast enough for fuzzing, and an
unhandled exception shows up as `result.exception` rather than a traceback on a pipe."""
from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from assembler.cli import app

_runner = CliRunner()


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str
    exception: BaseException | None


def cli(*args) -> Result:
    r = _runner.invoke(app, [str(a) for a in args], catch_exceptions=True)
    exc = r.exception if r.exception is not None and not isinstance(r.exception, SystemExit) \
        else None
    return Result(r.exit_code, r.stdout, r.stderr, exc)


def one_line_error(r: Result) -> str:
    """The error line of a refused run, after checking it is one line and no traceback."""
    assert r.exception is None, repr(r.exception)
    assert r.code == 2, (r.code, r.stdout, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]
