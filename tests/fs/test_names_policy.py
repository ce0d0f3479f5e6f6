"""One names policy (assembler/fs/names.py) for everything that becomes a file name:
proposal ids, versions, authors turned into ids. Never outside the output folder, never too
long, never a traceback."""
from __future__ import annotations

import json

import pytest

from assembler.amendments.yamlio import SCHEMA, load_proposal
from assembler.fs import names
from assembler.ooxml.editor import TrackedEditor
from assembler.writers.docx.draft import build_docx

from conftest import FIRST_DRAFT, ROOT
from inproc import cli, one_line_error

REV1 = ROOT / "drafts" / "gcm-modalities" / "rev1.draft"
ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"
RULE = ("use letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 "
        "characters")


@pytest.mark.parametrize("pid", ["../../x", "..", "x/y", "/tmp/abs-id", ".hidden", "P 01",
                                 "P-01\nstage: adopted", "a" * 5000, "P-01."])
def test_diff_refuses_ids_that_are_not_safe_names(tmp_path, pid):
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    line = one_line_error(cli("diff", FIRST_DRAFT, REV1, "--as-proposals", "--id", pid,
                              "-o", out))
    assert line.startswith("error: --id '") and line.endswith(f"({RULE})"), line
    assert ("5,000 characters is too long" in line) == (len(pid) == 5000)
    # nothing anywhere under tmp_path but the empty folder, and nothing at the absolute path
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert not (tmp_path / "x.yaml").exists()


def test_a_safe_id_is_written_inside_the_folder(tmp_path):
    r = cli("diff", FIRST_DRAFT, REV1, "--as-proposals", "--id", "P-inferred", "-o", tmp_path)
    assert r.code == 0, r.stderr
    assert load_proposal(tmp_path / "P-inferred.yaml").id == "P-inferred"


def test_inside_refuses_a_name_that_climbs_out(tmp_path):
    with pytest.raises(Exception, match="not allowed"):
        names.inside(tmp_path, "../x", ".yaml")
    # a symlink in the folder named like the file: the path resolves elsewhere
    (tmp_path / "P-01.yaml").symlink_to("/etc/hostname")
    with pytest.raises(Exception, match="would be written outside"):
        names.inside(tmp_path, "P-01", ".yaml")


def test_long_author_names_make_short_distinct_ids():
    a = names.name_from("Delegation " + "A" * 3000, lower=True)
    b = names.name_from("Delegation " + "A" * 2999 + "B", lower=True)
    assert a != b and len(a) <= 60 and len(b) <= 60
    assert names.is_name("P-" + a)


def test_a_3000_character_author_becomes_a_proposal_file(first_draft, tmp_path):
    author = "Delegation " + "A" * 3000
    ed = TrackedEditor(build_docx(first_draft))
    ed.replace_words("to appoint two co-facilitators", "two", "three", author,
                     "2017-01-10T10:00:00Z")
    ed.delete_words("Calls upon Member States to contribute", "concrete ",
                    "delegation " + "a" * 3000, "2017-01-11T09:10:00Z")
    src = tmp_path / "returned.docx"
    src.write_bytes(ed.to_bytes())
    out = tmp_path / "proposals"
    out.mkdir()
    r = cli("import", src, "--changes", "proposals", "--base", FIRST_DRAFT, "-o", out)
    assert r.code == 0 and r.exception is None, (r.stderr, r.exception)
    files = sorted(out.iterdir())
    assert len(files) == 2  # one id each, though both names slug alike
    props = [load_proposal(f) for f in files]
    assert sorted(len(p.proposer) for p in props) == [3011, 3011]
    assert all(len(f.name) <= 70 for f in files)


@pytest.mark.parametrize("verb", ["import", "apply"])
def test_a_version_name_is_a_name(tmp_path, seed_path, verb):
    out = tmp_path / "v.draft"
    if verb == "import":
        r = cli("import", seed_path, "-o", out, "--version", "../../v")
    else:
        r = cli("apply", FIRST_DRAFT, ROUND1, "-o", out, "--version", "../../v")
    assert "--version '../../v': not allowed, as a version name becomes a file name" in \
        one_line_error(r)
    assert not out.exists()


def test_a_proposal_naming_a_base_outside_its_folder_is_not_followed(tmp_path):
    """A proposal's `base` names a version looked up beside the draft: never a path."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    base = drafts / "rev1.draft"
    base.write_bytes(REV1.read_bytes())
    secret = tmp_path / "secret.draft"
    secret.write_bytes(FIRST_DRAFT.read_bytes())
    text = (ROUND1 / "P-01.yaml").read_text("utf-8").replace("base: first-draft", "base: ../secret")
    (tmp_path / "P-01.yaml").write_text(text, "utf-8")
    line = one_line_error(cli("proposals", tmp_path / "P-01.yaml", "--base", base))
    assert "written against '../secret', which is not available beside 'rev1'" in line


def test_the_schema_says_the_same_as_the_policy():
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert schema["properties"]["id"]["pattern"] == names.PATTERN
    assert schema["properties"]["id"]["maxLength"] == names.NAME_MAX
