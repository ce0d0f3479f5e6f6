"""The YAML loading policy for proposals (amendments/yamlio.py): anchors and aliases refused,
depth and node count bounded, so no proposal file can take minutes or gigabytes."""
from __future__ import annotations

import pytest

from conftest import FIRST_DRAFT, ROOT
from inproc import cli, one_line_error

P01 = ROOT / "amendments" / "gcm-modalities" / "rev1" / "P-01.yaml"

BILLION_LAUGHS = """id: P-01
proposer: Delegation A
base: first-draft
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
changes: [*h]
"""


@pytest.mark.parametrize("verb", ["proposals", "apply", "compile"])
def test_nested_aliases_are_refused_at_once(tmp_path, verb):
    bomb = tmp_path / "P-01.yaml"
    bomb.write_text(BILLION_LAUGHS, "utf-8")
    out = tmp_path / ("next.draft" if verb == "apply" else "c.html")
    args = {"proposals": ("proposals", bomb),
            "apply": ("apply", FIRST_DRAFT, bomb, "-o", out),
            "compile": ("compile", FIRST_DRAFT, bomb, "-o", out)}[verb]
    line = one_line_error(cli(*args))  # at the first anchor, before any alias is expanded
    assert line == (f"error: {bomb}:4: YAML anchors and aliases (&a) are not allowed in a "
                    "proposal (write the text out in full where it is needed)")
    assert not out.exists()


def test_an_alias_alone_is_refused_too(tmp_path):
    text = P01.read_text("utf-8")
    f = tmp_path / "P-01.yaml"
    f.write_text(text.replace("proposer:", "x: &who Delegation A\nproposer:", 1)
                 .replace("proposer: ", "proposer: *who #", 1), "utf-8")
    assert "YAML anchors and aliases" in one_line_error(cli("proposals", f))


def test_merge_keys_are_aliases(tmp_path):
    f = tmp_path / "P-01.yaml"
    f.write_text("base: &b {id: P-01, proposer: A, base: first-draft}\n<<: *b\nchanges: []\n",
                 "utf-8")
    assert "YAML anchors and aliases (&b)" in one_line_error(cli("proposals", f))


def test_deep_nesting_is_refused(tmp_path):
    f = tmp_path / "P-01.yaml"
    f.write_text("[" * 50_000 + "]" * 50_000 + "\n", "utf-8")
    line = one_line_error(cli("proposals", f))
    assert line.endswith(":1: nested more than 32 levels deep; refused "
                         "(a proposal needs four levels at most)"), line


def test_too_many_values_are_refused(tmp_path):
    f = tmp_path / "P-01.yaml"
    f.write_text("id: P-01\nproposer: A\nbase: x\nchanges:\n" + "- a\n" * 200_001, "utf-8")
    assert "more than 200,000 YAML values; refused" in one_line_error(cli("proposals", f))


def test_python_tags_are_refused(tmp_path):
    f = tmp_path / "P-01.yaml"
    f.write_text("id: !!python/object/apply:os.system ['true']\nproposer: A\n", "utf-8")
    line = one_line_error(cli("proposals", f))
    assert "not valid YAML" in line and f"{f}:1" in line


def test_prose_header_follows_the_same_policy(tmp_path):
    f = tmp_path / "P-01.md"
    f.write_text("---\nid: &i P-01\nproposer: Delegation A\nbase: first-draft\n---\n"
                 "In operative paragraph 1, delete “and”.\n", "utf-8")
    line = one_line_error(cli("proposals", f))
    assert f"{f}:2: YAML anchors and aliases (&i)" in line


def test_a_prose_proposal_has_a_bounded_number_of_lines(tmp_path):
    f = tmp_path / "P-01.md"
    f.write_text("---\nid: P-01\nproposer: Delegation A\nbase: first-draft\n---\n" +
                 "In operative paragraph 5, replace “two” with “three”.\n" * 50_001, "utf-8")
    assert one_line_error(cli("proposals", f)) == (
        f"error: {f}:6: more than 50,000 lines of changes; refused (split the changes over "
        "several proposals)")
