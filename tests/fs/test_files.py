"""Output files: an issued version (stage L, L-rev or adopted) is never overwritten, by any
verb that writes a draft source; an informal one may be replaced."""
from __future__ import annotations

import pytest

from assembler.errors import AssemblerError
from assembler.files import write_atomic

from conftest import ROOT, run_cli

DRAFTS = ROOT / "drafts" / "gcm-modalities"
ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"


def issued_copy(tmp_path, stage: str):
    """The committed L-document under another stage, as a file someone might write over."""
    text = (DRAFTS / "l-document.draft").read_text("utf-8")
    assert "\nstage: L\n" in text
    path = tmp_path / f"issued-{stage}.draft"
    path.write_text(text.replace("\nstage: L\n", f"\nstage: {stage}\n"), "utf-8")
    return path


@pytest.mark.parametrize("stage", ["L", "L-rev", "adopted"])
@pytest.mark.parametrize("verb", ["import", "apply"])
def test_verbs_never_overwrite_an_issued_version(tmp_path, seed_path, stage, verb):
    target = issued_copy(tmp_path, stage)
    before = target.read_bytes()
    if verb == "import":
        r = run_cli("import", seed_path, "-o", target)
    else:
        r = run_cli("apply", DRAFTS / "first-draft.draft", ROUND1, "-o", target)
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert lines[-1] == (f"error: {target}: is an issued version and is never overwritten "
                         "(write the new version to a new file)"), r.stderr
    assert "Traceback" not in r.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no .part left


def test_crlf_issued_version_is_recognised(tmp_path):
    target = issued_copy(tmp_path, "adopted")
    target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))
    before = target.read_bytes()
    with pytest.raises(AssemblerError, match="issued version"):
        write_atomic(target, b"assembler-draft 1\n")
    assert target.read_bytes() == before


@pytest.mark.parametrize("stage", ["first", "rev", "final"])
def test_an_informal_version_may_be_replaced(tmp_path, stage):
    target = issued_copy(tmp_path, stage)
    r = run_cli("apply", DRAFTS / "first-draft.draft", ROUND1, "-o", target)
    assert r.returncode == 0, r.stderr
    assert target.read_bytes() != (DRAFTS / "l-document.draft").read_bytes()
    assert "\nstage: rev\n" in target.read_text("utf-8")
