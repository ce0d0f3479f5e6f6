"""The light path of `assembler redline` (cli/light.py, no typer): it reads the command
line as typer does or not at all, and what it writes and says is what the typer command
writes and says, byte for byte, exit codes included, though the installed command ends the
process at once after it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from assembler.cli import light
from assembler.source import load_draft
from assembler.writers.docx.draft import build_docx
from conftest import ROOT, run_process
from test_startup import heavy, imported

DRAFTS = ROOT / "drafts" / "gcm-modalities"
OLD, NEW = DRAFTS / "first-draft.draft", DRAFTS / "rev1.draft"


def typer_command():
    import typer
    from assembler.cli import app
    return typer.main.get_command(app).commands["redline"]


def typer_reads(args: list[str]) -> dict | None:
    """The parameters typer gives the redline verb for `args`, or None when it refuses them."""
    from typer.exceptions import Exit
    from typer._click.exceptions import ClickException
    try:
        ctx = typer_command().make_context("redline", list(args))
    except (ClickException, Exit):
        return None
    return {k: str(v) if isinstance(v, Path) else v for k, v in ctx.params.items()}


def light_reads(args: list[str]) -> dict | None:
    given = light.redline_options(args)
    return None if given is None else \
        {"author": "", "date": "", "visual": False, **given}


def test_the_light_tables_are_the_typer_commands_parameters():
    params = typer_command().params
    assert tuple(p.name for p in params if p.param_type_name == "argument") == light.ARGUMENTS
    options = [p for p in params if p.param_type_name == "option"]
    assert {o: p.name for p in options if not p.is_flag for o in p.opts} == light.VALUES
    assert {o: p.name for p in options if p.is_flag for o in p.opts} == light.FLAGS
    assert all(not p.secondary_opts and not p.multiple and p.nargs == 1 for p in options)
    assert tuple(p.name for p in params if p.required) == light.REQUIRED


PLAIN = [
    ["a.docx", "b.docx", "-o", "out.docx"],
    ["-o", "out.docx", "a.docx", "b.docx"],
    ["a.docx", "-oout.docx", "b.docx", "--visual"],
    ["a.docx", "b.docx", "--output=out.html", "--author", "Delegation A", "--date=2017-01-13"],
    ["a.docx", "b.docx", "-o", "out.docx", "--date", "13 January 2017", "--visual"],
]
UNUSUAL = [
    ["a.docx", "b.docx"],                              # no output: typer says it is missing
    ["a.docx", "-o", "out.docx"],                      # one version only
    ["a.docx", "b.docx", "c.docx", "-o", "out.docx"],  # three
    ["a.docx", "b.docx", "-o", "out.docx", "--help"],
    ["a.docx", "b.docx", "-o", "x.docx", "-o", "y.docx"],  # typer keeps the last
    ["a.docx", "b.docx", "-o", "out.docx", "--visual=yes"],
    ["a.docx", "b.docx", "-o", "out.docx", "--colour"],
    ["--", "a.docx", "b.docx", "-o", "out.docx"],
    ["a.docx", "b.docx", "-o"],
    ["a.docx", "b.docx", "-o", "--visual"],
    ["-", "b.docx", "-o", "out.docx"],
    ["", "b.docx", "-o", "out.docx"],
]


@pytest.mark.parametrize("args", PLAIN)
def test_the_plain_forms_are_read_as_typer_reads_them(args):
    assert light_reads(args) is not None
    assert light_reads(args) == typer_reads(args)


@pytest.mark.parametrize("args", UNUSUAL)
def test_anything_else_is_left_to_typer(args):
    assert light.redline_options(args) is None


TOKENS = st.sampled_from(["a.docx", "b.docx", "out.docx", "-o", "--output", "--output=o.html",
                          "-oo.docx", "--author", "--author=X", "--date", "--date=2017-01-13",
                          "--visual", "--visual=1", "--", "-", "", "-x", "--help", "Rev 1",
                          "-O", "--out"])


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKENS, max_size=8))
def test_whatever_the_light_path_reads_typer_reads_alike(args):
    mine = light_reads(args)
    if mine is not None:
        assert mine == typer_reads(args)


def run(path: str, args: list, cwd: Path) -> subprocess.CompletedProcess:
    """`assembler ARGS` as installed, which takes the light path and leaves at once
    (light.leave), or through typer ("typer")."""
    if path == "light":
        return run_process(*args, cwd=cwd)
    code = "import sys; from assembler.cli import app; app(prog_name='assembler')"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def word_pair(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("word")
    old, new = tmp / "first-draft.docx", tmp / "rev1.docx"
    old.write_bytes(build_docx(load_draft(OLD)))
    new.write_bytes(build_docx(load_draft(NEW)))
    return old, new


CASES = {
    "word": lambda old, new: ["redline", old, new, "-o", "out.docx"],
    "drafts, html, author and date": lambda old, new: [
        "redline", OLD, NEW, "--output=out.html", "--author", "Delegation A",
        "--date", "13 January 2017"],
    "visual": lambda old, new: ["redline", "-oout.docx", OLD, new, "--visual"],
    "not a date": lambda old, new: ["redline", old, new, "-o", "out.docx", "--date", "soon"],
    "no such file": lambda old, new: ["redline", old, "missing.docx", "-o", "out.docx"],
    "not a redline format": lambda old, new: ["redline", old, new, "-o", "out.odt"],
    "not a draft": lambda old, new: ["redline", ROOT / "README.md", new, "-o", "out.docx"],
}


@pytest.mark.parametrize("case", CASES)
def test_both_paths_write_and_say_the_same(case, word_pair, tmp_path):
    args = CASES[case](*word_pair)
    results = {}
    for path in ("light", "typer"):
        folder = tmp_path / path
        folder.mkdir()
        r = run(path, args, folder)
        written = {f.name: f.read_bytes() for f in folder.iterdir()}
        results[path] = (r.returncode, r.stdout, r.stderr, written)
    assert results["light"] == results["typer"]
    code, _, stderr, written = results["light"]
    if case in ("word", "drafts, html, author and date", "visual"):
        assert code == 0 and stderr.startswith("wrote out.") and len(written) == 1
    else:
        assert code == 2 and stderr.startswith("error: ") and written == {}


def test_the_light_path_imports_no_typer(word_pair, tmp_path):
    old, new = word_pair
    r, modules = imported("redline", str(old), str(new), "-o", str(tmp_path / "out.docx"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out.docx").stat().st_size > 0
    assert not [m for m in heavy(modules) if not m.startswith("assembler.")]
    assert "pydantic" not in modules and "assembler.cli.common" not in modules
