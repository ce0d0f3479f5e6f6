"""Fixtures over the real documents: the seed and the drafts derived from it."""
from __future__ import annotations

import inspect
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# development-corpus documents (wannli/mandate-pipeline: 78th and 79th sessions, the 80th
# session's First Committee drafts) that reader tests read
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEED = ROOT.parent / "shared" / "seed" / "000_97f5620c005065cf.txt"
FIRST_DRAFT = ROOT / "drafts" / "gcm-modalities" / "first-draft.draft"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the seed (../shared/seed) is not beside this checkout")
    return SEED


@pytest.fixture(scope="session")
def first_draft():
    from assembler.source import load_draft
    return load_draft(FIRST_DRAFT)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the `assembler` command in this process, through the installed command's own
    entry (cli.main: the answers without typer, the light redline, typer), with its output
    and exit code as a process would give them: an exception a process would die of is
    exit 1 and its traceback on stderr. The command's start-up is paid once per test run,
    not per call; where the process itself is the point (start-up imports, signals, the
    environment, locks between processes) a test uses `run_process`."""
    import contextlib
    import sys
    import traceback
    from click.testing import CliRunner
    from assembler.cli import app, main  # noqa: F401 (app: every verb, in the order a
    # process registers them, before main registers the one it is given)
    argv = ["assembler", *map(str, args)]
    with CliRunner().isolation() as (out, err, _), contextlib.chdir(cwd or ROOT):
        saved, sys.argv = sys.argv, argv
        try:
            main()
            code = 0
        except SystemExit as exit_:
            code = exit_.code
            if isinstance(code, str):  # SystemExit("message"): printed, exit 1
                sys.stderr.write(code + "\n")
                code = 1
            code = code or 0
        except Exception:
            traceback.print_exc()
            code = 1
        finally:
            sys.argv = saved
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    return subprocess.CompletedProcess(argv, code, stdout, stderr)


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed `assembler` command as a user would, in a process of its own."""
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def pandoc_text(path: Path, track_changes: str = "accept", to: str = "plain") -> str:
    import pypandoc
    return pypandoc.convert_file(str(path), to, format="docx",
                                 extra_args=[f"--track-changes={track_changes}", "--wrap=none"])


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def counted(path: Path, tmp: Path) -> Path:
    """A copy of a .docx whose REF fields show "#": pandoc reads a field's result as it was
    last counted, and a reference to an operative paragraph is a field Word and LibreOffice
    count again in either view, as they count the paragraphs' numbers
    (tests/writers/test_libreoffice.py checks the numbers they give)."""
    import zipfile
    from lxml import etree
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(items["word/document.xml"],
                            etree.XMLParser(resolve_entities=False, no_network=True))
    for p in root.iter(f"{_W}p"):
        state = None
        for el in p.iter(f"{_W}fldChar", f"{_W}instrText", f"{_W}delInstrText", f"{_W}t", f"{_W}delText"):
            tag = el.tag.replace(_W, "")
            if tag == "fldChar":
                state = {"begin": "instr", "separate": state and state + "-result",
                         "end": None}[el.get(f"{_W}fldCharType")]
            elif tag in ("instrText", "delInstrText") and state == "instr":
                state = "ref" if el.text.split()[:1] == ["REF"] else "other"
            elif state == "ref-result":
                el.text = "#"
    items["word/document.xml"] = etree.tostring(root)
    out = tmp / f"counted-{path.name}"
    with zipfile.ZipFile(out, "w") as z:
        for name, data in items.items():
            z.writestr(name, data)
    return out


def soffice_pdf(docx: Path, outdir: Path) -> Path:
    """Render with LibreOffice, as a person would open the file."""
    exe = shutil.which("soffice")
    if not exe:
        pytest.skip("LibreOffice is not installed (make sysdeps)")
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (docx.stem + ".pdf")


# ------------------------------------------------------------------ make test-fast
# A test that starts LibreOffice, Chromium or a process of its own, or reads or writes a
# PDF (directly, through a helper of its module or of tests/, or through a fixture), is
# marked slow, so that `make test-fast` (-m "not slow") runs the rest in a fraction of the
# time; `make test` runs everything.
_EXTERNAL = re.compile(r"\b(?:soffice|uno_paragraphs|libreoffice|convert|chromium|playwright|"
                       r"print_html|pdftoppm|run_process|subprocess)\b|\"pdf\"|\.pdf\"")


def _runs_external(fn, seen: set) -> bool:
    if not inspect.isfunction(fn) or fn in seen:
        return False
    seen.add(fn)
    try:
        source = inspect.getsource(fn)
    except (OSError, TypeError):
        return False
    if _EXTERNAL.search(source):
        return True
    module = sys.modules.get(fn.__module__)
    return any(_runs_external(getattr(module, name, None), seen)
               for name in fn.__code__.co_names if module is not None)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("slow") or not hasattr(item, "function"):
            continue
        seen: set = set()
        fixtures = [d.func for defs in item._fixtureinfo.name2fixturedefs.values() for d in defs]
        if any(_runs_external(f, seen) for f in [item.function, *fixtures]):
            item.add_marker(pytest.mark.slow)
