"""Start-up imports only what is asked for: `--version` and `--help` are answered without
typer or the packages that read, write and negotiate, a verb imports its own module only;
and the answers given that way are the ones typer gives (the verb table, the help page at
every width, the version). Speed itself is measured by benchmarks/bench_startup.py."""
from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from importlib.metadata import version

import pytest

from conftest import ROOT, run_cli
from assembler.cli import helptext, verbs
from assembler.cli.version import fast_version

HEAVY = ("typer", "rich", "click", "assembler.readers", "assembler.writers",
         "assembler.negotiation", "assembler.amendments")
# env that makes rich style the page, so that the fast path steps aside
STYLING = ("FORCE_COLOR", "TTY_COMPATIBLE", "PY_COLORS", "GITHUB_ACTIONS", "TERMINAL_WIDTH",
           "_TYPER_FORCE_DISABLE_TERMINAL", "JUPYTER_COLUMNS")
# runs the command's main() as the console script does, then lists what was imported
RUNNER = """
import sys
sys.argv = ["assembler", *sys.argv[1:]]
from assembler.cli import main
try:
    main()
except SystemExit as stop:
    code = stop.code
sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n")
sys.exit(code)
"""


def plain_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in STYLING}
    return {**env, **extra}


def imported(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    r = subprocess.run([sys.executable, "-c", RUNNER, *args], capture_output=True, text=True,
                       env=plain_env(COLUMNS="80"), timeout=120)
    return r, set(r.stderr.rpartition("MODULES ")[2].split())


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize("args", [["--version"], ["--help"], []])
def test_version_and_help_import_neither_typer_nor_readers_writers_or_negotiation(args):
    r, modules = imported(*args)
    assert r.returncode == (2 if not args else 0), r.stderr
    assert "assembler.cli" in modules
    assert heavy(modules) == []
    assert not [m for m in modules if m.startswith("assembler.cli.")
                and m.rpartition(".")[2] in verbs.MODULES]  # nor any verb module


def test_a_verb_imports_its_own_module_alone():
    r, modules = imported("import", "--help")
    assert r.returncode == 0 and "Usage: assembler import" in r.stdout
    loaded = {m.rpartition(".")[2] for m in modules if m.startswith("assembler.cli.")}
    assert loaded & set(verbs.MODULES) == {"drafts"}
    assert [m for m in heavy(modules) if m.startswith("assembler.")] == []


def whole_app():
    import typer
    from assembler.cli import app
    return typer.main.get_command(app)


def test_the_verb_table_is_the_typer_apps():
    """Names in the order --help lists them, the module registering each, the summary."""
    group = whole_app()
    assert list(verbs.VERBS) == list(group.commands)
    for name, command in group.commands.items():
        module, summary = verbs.VERBS[name]
        help_text = inspect.cleandoc(command.short_help or command.help or "")
        assert summary == help_text.split("\n\n")[0].replace("\n", " ").strip(), name
        if command.callback is not None:
            assert command.callback.__module__ == f"assembler.cli.{module}", name
    import assembler.cli.room as room
    assert verbs.VERBS["room"][0] == "room" and room.room_app
    assert group.help == verbs.DESCRIPTION
    options = [(p.opts[0], p.help) for p in group.params if not p.hidden]
    assert [*options, ("--help", "Show this message and exit.")] == list(verbs.OPTIONS)


def typer_page(args: list[str], width: int, program: str = "assembler", **env: str):
    from typer.testing import CliRunner
    from assembler.cli import app
    unset = {name: None for name in (*STYLING, "NO_COLOR")}
    return CliRunner().invoke(app, args, env={**unset, "COLUMNS": str(width), **env},
                              prog_name=program)


STYLES = {"plain": (None, {}), "colour": (helptext.ansi, {"FORCE_COLOR": "1"}),
          "NO_COLOR": (helptext.mono, {"FORCE_COLOR": "1", "NO_COLOR": "1"})}


@pytest.mark.parametrize("styled", list(STYLES))
def test_the_help_page_is_typers_at_every_width(styled):
    style, env = STYLES[styled]
    for width in [*range(helptext.MIN_WIDTH, 161), 200, 250]:
        asked = typer_page(["--help"], width, **env)
        assert asked.exit_code == 0
        assert helptext.render(width, style) + "\n" == asked.output, width
    bare = typer_page([], 80, **env)  # no arguments: the page, exit 2
    assert bare.exit_code == 2 and bare.output == helptext.render(80, style)


def test_the_console_script_prints_typers_page_and_steps_aside_where_rich_would_differ():
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")
    for styled, (_, env) in STYLES.items():
        r = subprocess.run([exe, "--help"], capture_output=True, text=True,
                           env=plain_env(COLUMNS="80", **env), timeout=120)
        assert r.returncode == 0 and r.stdout == typer_page(["--help"], 80, **env).output, styled
    module = subprocess.run([sys.executable, "-m", "assembler", "--help"], capture_output=True,
                            text=True, env=plain_env(COLUMNS="80"), timeout=120)
    assert module.stdout == typer_page(["--help"], 80, "python -m assembler").output
    narrow = run_with(COLUMNS="40")  # rich shortens names there: typer lays it out
    assert narrow.returncode == 0 and "…" in narrow.stdout
    dumb = {"FORCE_COLOR": "1", "TERM": "dumb"}  # rich's dumb terminal is 80 wide
    r = run_with(COLUMNS="100", **dumb)
    assert r.returncode == 0 and r.stdout == typer_page(["--help"], 100, **dumb).output
    r = run_with(COLUMNS="100", TERMINAL_WIDTH="70")  # typer's own width (read on import)
    assert r.returncode == 0 and {len(line) for line in r.stdout.splitlines() if line} == {70}


def run_with(**env: str) -> subprocess.CompletedProcess:
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")
    return subprocess.run([exe, "--help"], capture_output=True, text=True, env=plain_env(**env),
                          timeout=120)


def test_the_version_is_the_metadatas_by_either_way_in():
    assert fast_version() == version("assembler")
    for command in (["-m", "assembler", "--version"], ["-c", RUNNER, "--version"]):
        r = subprocess.run([sys.executable, *command], capture_output=True, text=True,
                           cwd=ROOT, timeout=120)
        assert r.returncode == 0 and r.stdout == f"assembler {version('assembler')}\n"
    assert run_cli("--version").stdout == f"assembler {version('assembler')}\n"


def test_a_reader_that_stops_early_gets_what_typer_gives_it():
    """`assembler --help | head -1`: exit 1, nothing on stderr, by either path."""
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")
    for env in ({"COLUMNS": "80"}, {"COLUMNS": "40"}):  # the fast page; typer's
        p = subprocess.Popen([exe, "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=plain_env(**env))
        p.stdout.close()
        assert (p.wait(timeout=120), p.stderr.read()) == (1, b""), env
        p.stderr.close()
