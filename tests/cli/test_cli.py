"""The command line as people expect of a typer/rich tool: --version, completion, help and
errors without colour codes when piped or with NO_COLOR, one name per idea (old spellings
still accepted), plurals, and the README's tour run as written on a fresh clone."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from assembler.source import load_draft

DRAFTS = ROOT / "drafts" / "gcm-modalities"
ANSI = re.compile(r"\x1b\[")


def test_version_says_which_assembler_runs():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"assembler {version('assembler')}"


def test_help_offers_completion_and_shows_whole_descriptions_without_colour_when_piped():
    r = run_cli("--help")
    assert r.returncode == 0
    assert "--install-completion" in r.stdout and "--version" in r.stdout
    assert not ANSI.search(r.stdout)
    # the command list gives each description whole, not cut with "..."
    commands = r.stdout[r.stdout.index("Commands"):]
    assert "... " not in commands.replace('..."', "")  # a description's own quote aside
    assert "the face" in r.stdout and "follows the draft's stage" in r.stdout


def test_no_color_keeps_help_and_errors_plain_even_at_a_terminal(tmp_path):
    """Under a pseudo-terminal colour is on, unless NO_COLOR says otherwise."""
    import pty
    exe = Path(sys.executable).parent / "assembler"

    def at_terminal(*args: str, **env: str) -> str:
        out = tmp_path / "out.txt"
        code = (f"import os,sys; os.execvpe({str(exe)!r}, {[str(exe), *args]!r}, "
                f"dict(os.environ, **{env!r}))")
        pid, fd = pty.fork()
        if pid == 0:
            os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT), 3)
            os.execv(sys.executable, [sys.executable, "-c", code])
        chunks = []
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.waitpid(pid, 0)
        return b"".join(chunks).decode("utf-8", "replace")
    bad = str(tmp_path / "missing.draft")
    coloured = at_terminal("check", bad, TERM="xterm")
    assert ANSI.search(coloured) and "error:" in coloured
    plain = at_terminal("check", bad, TERM="xterm", NO_COLOR="1")
    assert not ANSI.search(plain) and "error:" in plain


def test_import_and_apply_take_the_version_name_as_name_and_still_as_version(tmp_path, seed_path):
    out = tmp_path / "x.draft"
    r = run_cli("import", seed_path, "-o", out, "--name", "first-draft", "-q")
    assert r.returncode == 0, r.stderr
    assert load_draft(out).metadata.version == "first-draft"
    old = tmp_path / "y.draft"
    assert run_cli("import", seed_path, "-o", old, "--version", "first-draft", "-q").returncode == 0
    assert load_draft(old).metadata.version == "first-draft"
    help_text = run_cli("import", "--help").stdout
    assert "--name" in help_text and "--version" not in help_text  # the old spelling is hidden


def test_compile_says_changed_only_and_still_takes_touched_only(tmp_path):
    outs = []
    for flag in ("--changed-only", "--touched-only"):
        out = tmp_path / f"c{flag}.html"
        r = run_cli("compile", DRAFTS / "first-draft.draft", ROOT / "amendments/gcm-modalities/rev1",
                    "-o", out, flag)
        assert r.returncode == 0, r.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert "--touched-only" not in run_cli("compile", "--help").stdout


def every_verb() -> list[list[str]]:
    """Every registered verb, sub-verbs (room invite, ...) included."""
    import typer
    from assembler.cli import app
    verbs = []
    for name, command in typer.main.get_command(app).commands.items():
        verbs.append([name])
        verbs += [[name, sub] for sub in getattr(command, "commands", {})]
    return verbs


def test_every_verbs_help_labels_its_parameters_for_people(monkeypatch):
    from typer.testing import CliRunner
    from assembler.cli import app
    monkeypatch.setenv("COLUMNS", "100")
    verbs = every_verb()
    assert ["compile"] in verbs and ["room", "invite"] in verbs and len(verbs) > 15
    for verb in [[], *verbs]:
        text = CliRunner().invoke(app, [*verb, "--help"], env={"NO_COLOR": "1"}).output
        assert "Usage: assembler" in text, verb
        assert "<bool>" not in text and "<list[" not in text and "<" not in text.replace(
            "<Enter>", ""), (verb, text)          # no Python types: flags bare, FILE, TEXT
        assert "…" not in text, (verb, text)       # nothing cut short
        assert not re.search(r"\{\w+|\.\.\.\}|\.\.\.\.\.\.", text), (verb, text)  # usage reads A B...
    compile_help = CliRunner().invoke(app, ["compile", "--help"]).output
    assert "Usage: assembler compile [OPTIONS] BASE PROPOSALS..." in compile_help
    rows = {line.split()[1] if line.split()[1] != "*" else line.split()[2]: line
            for line in compile_help.splitlines() if line.startswith("│ ") and len(line.split()) > 3}
    assert "FILE|FOLDER" in rows["PROPOSALS..."] and "FILE" in rows["BASE"]
    assert re.search(r"--changed-only\s+leave out", rows["--changed-only"])  # a flag: no type
    assert re.search(r"--output\s+-o\s+FILE\s", rows["--output"])


def test_help_piped_with_no_color_is_plain_text():
    env = dict(os.environ, NO_COLOR="1")
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")
    for verb in ([], ["apply"]):
        r = subprocess.run([exe, *verb, "--help"], capture_output=True, text=True, env=env)
        assert r.returncode == 0 and "Usage: assembler" in r.stdout
        assert not ANSI.search(r.stdout) and "<bool>" not in r.stdout


def test_on_file_shows_what_it_takes():
    text = run_cli("preview", "--help").stdout
    on_file = next(line for line in text.splitlines() if "--on-file" in line)
    assert "FILE|FOLDER" in on_file and "list[Path]" not in on_file


def test_counts_are_said_with_their_plurals(tmp_path, seed_path):
    r = run_cli("import", seed_path, "-o", tmp_path / "d.draft", "-q")
    assert r.returncode == 0
    assert "28 operative paragraphs" in r.stderr and "(s)" not in r.stderr
    assert re.search(r"\b1 footnote,", r.stderr) and "0 annexes" in r.stderr
    r = run_cli("proposals", ROOT / "amendments/gcm-modalities/rev1/P-01.yaml")
    assert re.search(r"\b1 proposal, \d+ changes?: valid", r.stderr), r.stderr


def tour_commands() -> list[str]:
    """The README's command lines that a fresh clone can run (not the Word files it names as
    examples of a delegate's own, nor the room's: tests/room/test_room_browser.py runs those)."""
    lines = [line[4:] for line in (ROOT / "README.md").read_text("utf-8").splitlines()
             if line.startswith(("    assembler ", "    mkdir ", "    cp "))]
    return [c for c in lines
            if not re.search(r"zero-draft\.docx|returned\.docx|serve |room |room-demo", c)]


@pytest.mark.slow
def test_the_readme_tour_works_as_written_on_a_fresh_clone(tmp_path):
    if not shutil.which("git"):
        pytest.skip("git is needed")
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    (tmp_path / "shared").symlink_to(ROOT.parent / "shared")  # the tour's ../shared
    commands = tour_commands()
    assert commands[0] == "mkdir -p build drafts/tour" and len(commands) > 15
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    for command in commands:
        if ".pdf" in command and not shutil.which("soffice"):
            continue
        r = subprocess.run(shlex.split(command, comments=True), cwd=clone, env=env, capture_output=True,
                           text=True, timeout=600)
        assert r.returncode == 0, f"{command}\n{r.stderr}"
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    changed = [line[3:] for line in status if not line.startswith("??")]
    # the tour records one decision on a proposal, and rewrites no committed draft
    assert changed == ["amendments/gcm-modalities/rev3/R-03.yaml"], changed
