"""Fuzzing every reader through the command, in-process: random and mutated drafts, YAML and
prose proposals, Word parts, Akoma Ntoso, PDF and UN text. Whatever the input, the command ends
with 0, 1 or 2, never a traceback, and writes nothing when it fails. The whole set stays
within about a minute (max_examples below); `FUZZ_REPORT=1 pytest tests/test_fuzz.py -s`
prints how many inputs were tried and the process's peak memory."""
from __future__ import annotations

import io
import os
import resource
import shutil
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembler.akn.export import export_akn
from assembler.source import load_draft
from assembler.writers.docx.draft import build_docx

from conftest import FIRST_DRAFT, ROOT, SEED
from inproc import cli

ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"
REAL = ROOT.parent / "shared" / "real"
TRIED: Counter = Counter()

FUZZ = settings(deadline=None, database=None, derandomize=False,
                suppress_health_check=list(HealthCheck))

# What hostile and broken inputs are made of: markup of each format, huge numbers, control
# characters, YAML's object-building tags, XML's declarations, lines that look like units.
TOKENS = [b"{#", b"}", b"{#op1}", b"\nop x {#op1}\n", b"\x00", b"\r", b"\r\n", b"\t", b"\\",
          b"&a ", b"*a", b"<<: *a", b"!!python/object:os.system", b"!!binary", b"? ", b"- ",
          b"[", b"]", b"{", b"'", b'"', b"---\n", b"<!DOCTYPE x [<!ENTITY e 'e'>]>", b"&e;",
          b"<w:p>", b"</w:p>", b"<w:t>", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x80\xa8",
          b"99999999999999999999", b"-1", b"0", b"1" * 400, b"x" * 5000, b"\n\n",
          b"stage: adopted\n", b"occurrence: 999999\n", b"date: 2017-13-45\n",
          "In operative paragraph 5, replace “two” with “three”".encode(),
          "[@op99]".encode(), b"[^fn9]", b"^{", b"**", b"*"]


@st.composite
def mutated(draw, data: bytes, max_edits: int = 6) -> bytes:
    """`data` with a few random edits: bytes flipped, tokens or random bytes inserted,
    slices deleted or duplicated, lines swapped."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, max_edits))):
        op = draw(st.integers(0, 5))
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        if op == 0 and out:
            out[at] = draw(st.integers(0, 255))
        elif op == 1:
            out[at:at] = draw(st.sampled_from(TOKENS))
        elif op == 2:
            out[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif op == 3 and out:
            del out[at:at + draw(st.integers(1, 400))]
        elif op == 4 and out:
            n = draw(st.integers(1, 300))
            out[at:at] = out[at:at + n] * draw(st.integers(1, 4))
        else:
            lines = bytes(out).split(b"\n")
            if len(lines) > 2:
                i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
                out = bytearray(b"\n".join(lines))
    return bytes(out)


def inputs(seed: bytes):
    """Mostly mutated real files, some random bytes, some random text."""
    return st.one_of(mutated(seed), mutated(seed, 2), mutated(seed, 30),
                     st.binary(max_size=2000),
                     st.text(max_size=500).map(lambda s: s.encode("utf-8", "surrogatepass")))


def outcome(args: list, outputs: list[Path], kind: str) -> None:
    """Run the command; it ends 0, 1 or 2 without a traceback, and writes nothing on failure."""
    TRIED[kind] += 1
    r = cli(*args)
    assert r.exception is None, f"{kind}: {type(r.exception).__name__}: {r.exception}"
    assert r.code in (0, 1, 2), (kind, r.code, r.stderr)
    assert "Traceback" not in r.stderr
    if r.code == 2:
        assert r.stderr.strip().startswith("error: ") or "error: " in r.stderr, r.stderr
    if r.code != 0:
        for out in outputs:
            if out.is_dir():
                assert [p.name for p in out.iterdir()] == [], (kind, r.stderr)
            else:
                assert not out.exists(), (kind, r.stderr)
    for out in outputs:  # no temporary file is ever left behind
        folder = out if out.is_dir() else out.parent
        assert not [p for p in folder.iterdir() if p.name.endswith(".part")]


def imported(d: Path, name: str, data: bytes, kind: str) -> tuple[Path, Path]:
    """`data` written as d/name and imported to d/out/in.draft: (source, output)."""
    src, out = d / name, d / "out" / "in.draft"
    src.write_bytes(data)
    out.parent.mkdir()
    outcome(["import", src, "-o", out, "-q"], [out], kind)
    return src, out


class Scratch:
    """A fresh folder per example (hypothesis runs many examples in one test call)."""

    def __enter__(self) -> Path:
        self.path = Path(tempfile.mkdtemp(prefix="fuzz-"))
        return self.path

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


DRAFT = FIRST_DRAFT.read_bytes()


@settings(FUZZ, max_examples=70)
@given(inputs(DRAFT))
def test_fuzz_draft_source(data):
    with Scratch() as d:
        src = d / "v.draft"
        src.write_bytes(data)
        outcome(["check", src], [], "draft source (check)")
        out = d / "out" / "v.docx"
        out.parent.mkdir()
        if data.startswith(b"assembler-draft"):
            outcome(["build", src, "-o", out], [out], "draft source (build)")


@settings(FUZZ, max_examples=60)
@given(st.sampled_from(sorted(p.name for p in ROUND1.glob("*.yaml"))).flatmap(
    lambda name: st.tuples(st.just(name), inputs((ROUND1 / name).read_bytes()))))
def test_fuzz_yaml_proposal(named):
    name, data = named
    with Scratch() as d:
        src = d / name
        src.write_bytes(data)
        outcome(["proposals", src, "--base", FIRST_DRAFT], [], "YAML proposal (proposals)")
        out = d / "out" / "next.draft"
        out.parent.mkdir()
        outcome(["apply", FIRST_DRAFT, src, "-o", out, "--all"], [out], "YAML proposal (apply)")
        if data != (ROUND1 / name).read_bytes():
            before = src.read_bytes()
            r = cli("status", src, "reopen", "--date", "2017-01-20")
            TRIED["YAML proposal (status)"] += 1
            assert r.exception is None and r.code in (0, 2), (r.code, r.stderr, r.exception)
            if r.code != 0:
                assert src.read_bytes() == before


PROSE = (ROUND1 / "P-14.md").read_bytes()


@settings(FUZZ, max_examples=50)
@given(inputs(PROSE))
def test_fuzz_prose_proposal(data):
    with Scratch() as d:
        src = d / "P-14.md"
        src.write_bytes(data)
        outcome(["proposals", src, "--base", FIRST_DRAFT, "--prose"], [],
                "prose proposal (proposals)")
        out = d / "out" / "c.html"
        out.parent.mkdir()
        outcome(["compile", FIRST_DRAFT, src, "-o", out], [out], "prose proposal (compile)")


DOCX = build_docx(load_draft(FIRST_DRAFT))
PARTS = sorted(n for n in zipfile.ZipFile(io.BytesIO(DOCX)).namelist()
               if n.endswith((".xml", ".rels")))


def _replace_part(name: str, body: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(DOCX))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, body if info.filename == name else src.read(info))
    return buf.getvalue()


@settings(FUZZ, max_examples=40)
@given(st.one_of(
    st.sampled_from(PARTS).flatmap(lambda n: st.tuples(
        st.just(n), mutated(zipfile.ZipFile(io.BytesIO(DOCX)).read(n), 8))).map(
        lambda t: _replace_part(*t)),
    mutated(DOCX, 4)))
def test_fuzz_docx(data):
    with Scratch() as d:
        src, _ = imported(d, "in.docx", data, "Word (import)")
        props = d / "props"
        props.mkdir()
        outcome(["import", src, "--changes", "proposals", "--base", FIRST_DRAFT, "-o", props,
                 "-q"], [props], "Word (tracked changes)")


AKN = export_akn(load_draft(FIRST_DRAFT))


@settings(FUZZ, max_examples=40)
@given(inputs(AKN))
def test_fuzz_akoma_ntoso(data):
    with Scratch() as d:
        imported(d, "in.akn.xml", data, "Akoma Ntoso (import)")


PDF = __import__("pdffiles").letter()


@settings(FUZZ, max_examples=15)
@given(inputs(PDF))
def test_fuzz_pdf(data):
    with Scratch() as d:
        imported(d, "in.pdf", data, "PDF (import)")


TEXTS = [SEED] + sorted(REAL.glob("*.txt")) if SEED.exists() else []


@pytest.mark.skipif(not TEXTS, reason="the seed and real documents are not beside this checkout")
@settings(FUZZ, max_examples=40)
@given(st.sampled_from(TEXTS or [FIRST_DRAFT]).flatmap(lambda p: inputs(p.read_bytes()[:20000])))
def test_fuzz_un_text(data):
    with Scratch() as d:
        _, out = imported(d, "in.txt", data, "UN text (import)")
        if out.exists():
            outcome(["check", out], [], "UN text (check of the import)")


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    if os.environ.get("FUZZ_REPORT"):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"\nfuzz inputs tried: {sum(TRIED.values())}")
        for kind, n in sorted(TRIED.items()):
            print(f"  {n:5d}  {kind}")
        print(f"peak memory of the process (ru_maxrss): {peak / 1024:.0f} MiB")
