"""The stated policies for suspicious packages and documents (docs/word-and-akn.md, "What is
refused"): Word packages with a DTD in [Content_Types].xml, macros or no [Content_Types].xml;
Akoma Ntoso without mainBody or with one wId on two units; one proposal deleting a paragraph
it also amends; a template asking for more than a template may make."""
from __future__ import annotations

import io
import re
import zipfile

import pytest

from assembler.akn.export import export_akn
from assembler.writers.docx.draft import build_docx

from conftest import FIRST_DRAFT, ROOT
from inproc import cli, one_line_error


def _rezip(data: bytes, *, drop=(), add=None, change=None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename in drop:
                continue
            body = src.read(info.filename)
            if change and info.filename in change:
                body = change[info.filename](body)
            out.writestr(info.filename, body)
        for name, body in (add or {}).items():
            out.writestr(name, body)
    return buf.getvalue()


@pytest.fixture(scope="module")
def built(first_draft=None) -> bytes:
    from assembler.source import load_draft
    return build_docx(load_draft(FIRST_DRAFT))


def _import(tmp_path, data: bytes) -> str:
    src, out = tmp_path / "in.docx", tmp_path / "out.draft"
    src.write_bytes(data)
    line = one_line_error(cli("import", src, "-o", out))
    assert not out.exists()
    return line.removeprefix(f"error: {src}: ")


def test_the_built_package_itself_is_read(tmp_path, built):
    src = tmp_path / "in.docx"
    src.write_bytes(built)
    assert cli("import", src, "-o", tmp_path / "x.draft").code == 0


def test_a_dtd_in_content_types_is_refused(tmp_path, built):
    dtd = lambda b: b.replace(b"<Types", b'<!DOCTYPE Types [<!ENTITY a "aaaa">]><Types', 1)
    said = _import(tmp_path, _rezip(built, change={"[Content_Types].xml": dtd}))
    assert said.startswith("part [Content_Types].xml declares a DTD or entities; refused"), said


def test_a_missing_content_types_is_refused(tmp_path, built):
    said = _import(tmp_path, _rezip(built, drop=("[Content_Types].xml",)))
    assert said == ("has no [Content_Types].xml, so it is not a Word package; refused (open it "
                    "in Word and save it again as .docx)")


def test_macros_are_refused(tmp_path, built):
    said = _import(tmp_path, _rezip(built, add={"word/vbaProject.bin": b"\x00" * 64}))
    assert said == ("holds macros (word/vbaProject.bin); refused (save it from Word as a .docx "
                    "without macros)")
    macro_type = lambda b: b.replace(b"wordprocessingml.document.main+xml",
                                     b"ms-word.document.macroEnabled.main+xml")
    said = _import(tmp_path, _rezip(built, change={"[Content_Types].xml": macro_type}))
    assert said.startswith("is a macro-enabled document ([Content_Types].xml); refused")


def test_word_proposals_follow_the_same_policy(tmp_path, built):
    src = tmp_path / "in.docx"
    src.write_bytes(_rezip(built, add={"word/vbaProject.bin": b"x"}))
    out = tmp_path / "props"
    out.mkdir()
    assert "holds macros" in one_line_error(cli("import", src, "--changes", "proposals",
                                                "-o", out))
    assert list(out.iterdir()) == []


@pytest.fixture(scope="module")
def akn() -> bytes:
    from assembler.source import load_draft
    return export_akn(load_draft(FIRST_DRAFT))


def _akn_import(tmp_path, data: bytes):
    src, out = tmp_path / "in.akn.xml", tmp_path / "out.draft"
    src.write_bytes(data)
    return cli("import", src, "-o", out), src, out


def test_akn_without_main_body_is_refused(tmp_path, akn):
    data = re.sub(rb"<mainBody.*</mainBody>", b"", akn, flags=re.S)
    assert b"mainBody" not in data
    r, src, out = _akn_import(tmp_path, data)
    assert one_line_error(r) == (f"error: {src}: the statement has no mainBody, so no operative "
                                 "part; refused (export it again, or put the operative "
                                 "paragraphs in <mainBody>)")
    assert not out.exists()


def test_akn_with_a_repeated_wid_is_refused(tmp_path, akn):
    assert akn.count(b'wId="op5"') == 1
    data = akn.replace(b'wId="op6"', b'wId="op5"', 1)
    r, src, out = _akn_import(tmp_path, data)
    line = one_line_error(r)
    assert line.startswith(f"error: {src}: the wId 'op5' is given to two units"), line
    assert line.endswith("(give every unit a wId of its own)") and not out.exists()


def test_akn_with_an_empty_main_body_is_refused_as_check_would(tmp_path, akn):
    data = re.sub(rb"(<mainBody[^>]*>).*(</mainBody>)", rb"\1\2", akn, flags=re.S)
    r, src, out = _akn_import(tmp_path, data)
    assert "the draft has no operative paragraphs" in one_line_error(r)
    assert not out.exists()


def test_one_proposal_changing_a_paragraph_it_deleted_is_refused(tmp_path):
    """A proposal's changes are instructions read in order (issue 20): a later one cannot
    change what an earlier one deleted. That is no conflict between proposers but a proposal
    to fix: refused in one line naming both instructions, nothing written."""
    p = tmp_path / "P-50.yaml"
    p.write_text("id: P-50\nproposer: Delegation A\nbase: first-draft\nchanges:\n"
                 "  - kind: delete-unit\n    target: OP 26\n"
                 "  - kind: replace-words\n    target: OP 26\n    words: four days\n"
                 "    text: five days\n"
                 "status:\n  - status: accepted\n    date: 2017-01-12\n", "utf-8")
    out = tmp_path / "next.draft"
    r = cli("apply", FIRST_DRAFT, p, "-o", out)
    assert r.code == 2 and r.exception is None, r.stderr
    assert "P-50.yaml:7: P-50/2: operative paragraph 26 was deleted by P-50/1" in r.stderr
    assert not out.exists()
    # two word changes in one proposal that do not touch each other stay fine
    p.write_text(p.read_text().replace("kind: delete-unit\n    target: OP 26",
                                       "kind: replace-words\n    target: OP 26\n    words: "
                                       "to organize\n    text: to convene"))
    assert cli("apply", FIRST_DRAFT, p, "-o", out).code == 0


@pytest.mark.parametrize("template, says", [
    ("{{ 'x' * 10**10 }}", "'*' would make 10,000,000,000 characters (limit 1,000,000)"),
    ("{{ [1] * 10**9 }}", "'*' would make 1,000,000,000 items"),
    ("{{ 'x'|center(10**10) }}", "an argument of 10,000,000,000 (limit 1,000,000) to a call"),
    ("{{ 'x'.ljust(10**10) }}", "an argument of 10,000,000,000"),
    ("{{ '%999999999s' % 'x' }}", "a width of 999999999 characters"),
    ("{{ '{:>999999999}'.format(1) }}", "a width of 999999999 characters"),
    ("{{ 7 ** 99999 }}", "'**' would make a number of 280,733 bits"),
    # half a million characters a turn: the output limit is met in 135 turns, long before
    # the time limit even on a loaded machine (16 a turn once met the time limit first)
    ("{% for i in range(100000) %}{{ 'x' * 500000 }}{% endfor %}",
     "the output passed 64 Mi characters"),
])
def test_templates_meet_the_sandbox_limits_with_a_reason(tmp_path, template, says):
    t = tmp_path / "mine.html.j2"
    t.write_text(template + "\n")
    out = tmp_path / "x.html"
    line = one_line_error(cli("build", FIRST_DRAFT, "--template", t, "-o", out))
    assert "template tried something a template may not do: " + says in line, line
    assert line.endswith("more than a template may make (fix the template or the data it "
                         "reads)")
    assert not out.exists()


@pytest.mark.parametrize("template", [
    # nested loops writing nothing: 10**10 turns
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    # a macro calling itself twice: 2**60 calls, never deeper than 60
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
])
def test_a_template_that_runs_too_long_is_stopped_with_the_limit(tmp_path, monkeypatch,
                                                                 template):
    from assembler.writers import sandbox
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 2.0)
    t = tmp_path / "slow.html.j2"
    t.write_text(template + "\n")
    out = tmp_path / "x.html"
    line = one_line_error(cli("build", FIRST_DRAFT, "--template", t, "-o", out))
    assert f"{t}:1: template tried something a template may not do: the rendering took more " \
           "than 2 s (limit 2 s)" in line, line
    assert not out.exists()
    # the limit is per rendering: the built-in template renders the same draft afterwards
    assert cli("build", FIRST_DRAFT, "-o", out).code == 0 and out.exists()


def test_a_letter_template_meets_the_same_limits(tmp_path):
    data = (ROOT / "drafts" / "gcm-modalities" / "first-draft.letters.toml").read_text()
    (tmp_path / "first-draft.letters.toml").write_text(
        re.sub(r'template = "[^"]+"', 'template = "mine.j2"', data))
    (tmp_path / "mine.j2").write_text("{{ 'x' * 10**10 }}\n")
    draft = tmp_path / "first-draft.draft"
    draft.write_bytes(FIRST_DRAFT.read_bytes())
    line = one_line_error(cli("letter", draft, "-o", tmp_path / "l.html"))
    assert "'*' would make 10,000,000,000 characters" in line
