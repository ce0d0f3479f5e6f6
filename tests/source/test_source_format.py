"""The draft source format: lossless, canonical, git-friendly, and strict about bad input."""
from __future__ import annotations

import difflib
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings

from assembler.errors import AssemblerError
from assembler.model import Text
from assembler.source import dump_draft, parse_draft

from conftest import FIRST_DRAFT, run_cli
from strategies import drafts


def test_committed_draft_round_trips_to_the_same_bytes():
    text = FIRST_DRAFT.read_text("utf-8")
    draft, _ = parse_draft(text, str(FIRST_DRAFT))
    assert dump_draft(draft) == text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_save_load_save_is_lossless(draft):
    text = dump_draft(draft)
    loaded, _ = parse_draft(text)
    assert loaded == draft
    assert dump_draft(loaded) == text


def test_one_word_changes_one_line(first_draft):
    op5 = first_draft.unit_index()["op5"]
    new_content = tuple(Text(i.text.replace("two co-facilitators", "three co-facilitators"),
                             i.italic, i.bold, i.sup) if isinstance(i, Text) else i
                        for i in op5.content)
    ops = tuple(replace(u, content=new_content) if u.id == "op5" else u
                for u in first_draft.operative)
    before = dump_draft(first_draft).splitlines()
    after = dump_draft(replace(first_draft, operative=ops)).splitlines()
    changed = [l for l in difflib.unified_diff(before, after, lineterm="", n=0)
               if l[:1] in "+-" and not l.startswith(("+++", "---"))]
    assert len(changed) == 2 and "three co-facilitators" in changed[1]


def test_ids_are_at_the_end_of_each_unit_line():
    for line in FIRST_DRAFT.read_text("utf-8").split("\n\n", 1)[1].splitlines():
        if line.strip():
            assert line.endswith("}") and " {#" in line


BAD = {
    "duplicated id": ("assembler-draft 1\n\nop *Decides* x; {#op1}\nop *Decides* y. {#op1}\n",
                      4, "duplicated id 'op1'"),
    "unknown kind": ("assembler-draft 1\n\nop *Decides* x. {#op1}\nxx something {#q}\n",
                     4, "unknown unit kind 'xx'"),
    "dangling footnote": ("assembler-draft 1\n\nop *Decides* x[^fn9]. {#op1}\n",
                          3, "points to no footnote"),
    "no header": ("op *Decides* x. {#op1}\n", 1, "not a draft source"),
    "missing id": ("assembler-draft 1\n\nop *Decides* x.\n", 3, "has no id"),
    "unclosed italic": ("assembler-draft 1\n\nop *Decides x. {#op1}\n", 3, "not closed"),
    "orphan sub": ("assembler-draft 1\n\n  - a sub {#s1}\n", 3, "no paragraph above it"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_drafts_name_the_line(name):
    text, line, message = BAD[name]
    with pytest.raises(AssemblerError) as err:
        parse_draft(text, "bad.draft")
    assert err.value.line == line
    assert message in str(err.value)
    assert str(err.value).startswith(f"bad.draft:{line}: ")


@pytest.mark.parametrize("name,data,message", [
    ("empty", b"", "empty file"),
    ("binary", b"PK\x03\x04\x00\x00binary", "binary file"),
    ("latin1", "assembler-draft 1\n\nop *D\xe9cide* x. {#op1}\n".encode("latin-1"), "not UTF-8"),
    ("dup", BAD["duplicated id"][0].encode(), "duplicated id"),
    ("kind", BAD["unknown kind"][0].encode(), "unknown unit kind"),
    ("note", BAD["dangling footnote"][0].encode(), "points to no footnote"),
])
def test_cli_refuses_bad_input_cleanly(tmp_path, name, data, message):
    src = tmp_path / f"{name}.draft"
    src.write_bytes(data)
    out = tmp_path / "out.docx"
    for args in (("check", src), ("build", src, "-o", out)):
        res = run_cli(*args)
        assert res.returncode == 2, res
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and str(src) in lines[0]
        assert "Traceback" not in res.stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == [src.name]  # nothing half-written


def test_check_reports_problems_with_exit_1(tmp_path):
    src = tmp_path / "p.draft"
    src.write_text("assembler-draft 1\nstage: first\n\nop *Decides* x. {#op1}\n\n"
                   "fn An unused note. {#fn1}\n", "utf-8")
    res = run_cli("check", src)
    assert res.returncode == 1
    assert f"{src}:6: fn1: problem: footnote has no marker" in res.stdout


def test_check_accepts_the_first_draft():
    res = run_cli("check", FIRST_DRAFT)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "valid" in res.stdout
