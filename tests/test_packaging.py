"""The package as a new user gets it: the wheel, installed on its own and run from a folder
that has nothing to do with the repository, finds its templates, layouts and schemas; and
it asks for exactly the packages it imports."""
from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

NEG = "gcm-modalities"
SOURCES = ("assembler", "templates", "schemas", "pyproject.toml", "setup.py", "README.md")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built offline from a copy of the sources (the checkout stays clean)."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index",
                          "--no-build-isolation", "-w", str(dist), str(src)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    (whl,) = dist.glob("assembler-*.whl")
    return whl


def test_the_wheel_carries_templates_and_schemas_as_package_data(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    for folder in ("templates", "schemas"):
        on_disk = {f"assembler/{folder}/{p.relative_to(ROOT / folder).as_posix()}"
                   for p in (ROOT / folder).rglob("*") if p.is_file()}
        assert on_disk and on_disk <= names, on_disk - names
    # and every module and data file inside the package (the room's templates and htmx)
    inside = {p.relative_to(ROOT).as_posix() for p in (ROOT / "assembler").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert inside <= names, inside - names


def test_the_installed_wheel_works_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    res = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                          "--target", str(target), str(wheel)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    # a user's folder: a draft and a round of proposals, nothing of the repository
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "drafts" / NEG / "first-draft.draft", work / "first-draft.draft")
    shutil.copytree(ROOT / "amendments" / NEG / "rev1", work / "rev1")
    env = {**os.environ, "PYTHONPATH": str(target)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                              cwd=work, env=env, timeout=300)

    where = run("-c", "import assembler, assembler.resources as r; "
                      "print(assembler.__file__); print(r.TEMPLATES); print(r.SCHEMAS)")
    assert where.returncode == 0, where.stderr
    for line in where.stdout.splitlines():  # the installed copy, not the checkout
        assert Path(line).resolve().is_relative_to(target.resolve()), line
    steps = [
        ("build", "first-draft.draft", "-o", "first-draft.docx"),
        ("build", "first-draft.draft", "-o", "first-draft.html"),
        ("proposals", "rev1", "--base", "first-draft.draft"),
        ("compile", "first-draft.draft", "rev1", "-o", "compilation.docx"),
        ("compile", "first-draft.draft", "rev1", "-o", "compilation.html"),
    ]
    for step in steps:
        res = run("-m", "assembler", *step)
        assert res.returncode == 0, (step, res.stderr)
        assert "Traceback" not in res.stderr
    listed = run("-m", "assembler", "proposals", "rev1")
    assert "valid" in listed.stderr and "P-19" in listed.stdout
    with zipfile.ZipFile(work / "first-draft.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
    assert "Times New Roman" in styles + body  # the layout file was found
    assert "intergovernmental conference" in body
    page = (work / "compilation.html").read_text("utf-8")
    assert "Delegation" in page and "<html" in page


# ---------------------------------------------------------------- dependencies

def _imported_top_level(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"assembler"}


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# what the package needs without importing it: what Starlette imports for the room's
# signed sessions (SessionMiddleware) and its form uploads
USED_THROUGH = {"itsdangerous": "starlette.middleware.sessions",
                "python-multipart": "starlette.formparsers"}


def test_runtime_dependencies_are_exactly_what_the_package_imports():
    declared = {_canon(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0])
                for r in importlib.metadata.requires("assembler") or () if "extra ==" not in r}
    owners = importlib.metadata.packages_distributions()
    imported = {_canon(owners[m][0]) for m in _imported_top_level(ROOT / "assembler")
                if m in owners}
    unknown = {m for m in _imported_top_level(ROOT / "assembler") if m not in owners}
    assert not unknown, f"imports no installed distribution provides: {unknown}"
    assert imported == declared - set(USED_THROUGH), (
        f"imported but not declared: {imported - declared}; "
        f"declared but never imported: {declared - imported - set(USED_THROUGH)}")
    for dist, user in USED_THROUGH.items():  # each still needed by what uses it
        assert dist in declared
        source = Path(importlib.util.find_spec(user).origin).read_text("utf-8")
        assert {"itsdangerous": "itsdangerous", "python-multipart": "multipart"}[dist] in source
    # test- and bench-only packages stay in their extras
    extras = {_canon(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0])
              for r in importlib.metadata.requires("assembler") or () if "extra ==" in r}
    assert {"python-docx", "pypandoc-binary", "pytest"} <= extras
