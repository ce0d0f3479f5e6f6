"""One writer for every output (assembler/fs/write.py): atomic, with the umask's mode, disk
and permission failures in one line with nothing left behind; a draft written only if it
reads back (and checks, when its base did); a proposal file never replaced unless asked."""
from __future__ import annotations

import errno
import os
import resource
import shutil
import stat
import subprocess

import pytest

from assembler.fs import write as fswrite

from conftest import FIRST_DRAFT, ROOT, run_cli
from inproc import cli, one_line_error

D = ROOT / "drafts" / "gcm-modalities"
ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"
ASM = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        for out in ("v.draft", "v.docx", "v.html"):
            if out.endswith(".draft"):
                r = cli("apply", FIRST_DRAFT, ROUND1, "-o", tmp_path / out)
            else:
                r = cli("build", FIRST_DRAFT, "-o", tmp_path / out)
            assert r.code == 0, r.stderr
            assert stat.S_IMODE((tmp_path / out).stat().st_mode) == mode, out
    finally:
        os.umask(old)


def test_a_replaced_file_keeps_its_mode(tmp_path):
    out = tmp_path / "v.html"
    out.write_text("old")
    out.chmod(0o604)
    assert cli("build", FIRST_DRAFT, "-o", out).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o604 and out.read_text() != "old"


def _without_root_powers() -> list[str]:
    """Root writes anywhere; without CAP_DAC_OVERRIDE it meets permissions like anyone."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv to drop the override")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def test_a_read_only_folder_is_one_line(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        r = subprocess.run(_without_root_powers() + [ASM, "build", str(FIRST_DRAFT), "-o",
                                                     str(ro / "v.docx")],
                           capture_output=True, text=True, timeout=120)
    finally:
        ro.chmod(0o755)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.strip() == (f"error: {ro / 'v.docx'}: cannot write here (permission "
                                "denied); nothing was written (choose a folder you can write "
                                "to, or change its permissions)")
    assert list(ro.iterdir()) == []


def test_past_the_file_size_limit_is_one_line(tmp_path):
    """A real EFBIG: the process may write 4 KiB, the document is larger."""
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    out = tmp_path / "v.docx"
    r = subprocess.run([ASM, "build", str(FIRST_DRAFT), "-o", str(out)], capture_output=True,
                       text=True, timeout=120, preexec_fn=limit)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "the file would be larger than this system allows (file size limit); nothing " \
           "was written" in r.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code, says", [(errno.ENOSPC, "the disk is full"),
                                        (errno.EDQUOT, "the disk quota is used up"),
                                        (errno.EROFS, "the folder is on a read-only file system"),
                                        (errno.EIO, "the disk reported an input/output error")])
def test_disk_failures_are_one_line(tmp_path, monkeypatch, code, says):
    def full(fd):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(fswrite.os, "fsync", full)
    out = tmp_path / "v.draft"
    line = one_line_error(cli("apply", FIRST_DRAFT, ROUND1, "-o", out))
    assert line.startswith(f"error: {out}: {says}; nothing was written"), line
    assert list(tmp_path.iterdir()) == []


def test_a_device_is_not_an_output(tmp_path):
    out = tmp_path / "v.docx"
    out.symlink_to("/dev/null")
    assert "is not a regular file" in one_line_error(cli("build", FIRST_DRAFT, "-o", out))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and out.is_symlink()


def _round_with(tmp_path, **fields) -> None:
    for f in ROUND1.iterdir():
        shutil.copy(f, tmp_path / f.name)
    text = ("id: P-50\nproposer: {proposer}\nbase: first-draft\nchanges:\n"
            "  - kind: insert-words\n    target: OP 8\n    after: cofacilitators\n"
            "    text: {text}\nstatus:\n  - status: accepted\n    date: 2017-01-12\n")
    (tmp_path / "P-50.yaml").write_text(text.format(**{"proposer": "Delegation A",
                                                       "text": "x", **fields}), "utf-8")


def test_an_inserted_text_with_a_unit_line_is_not_written(tmp_path):
    props = tmp_path / "props"
    props.mkdir()
    _round_with(props, text='" and\\nop Injected paragraph {#op99}\\n"')
    out = tmp_path / "next.draft"
    line = one_line_error(cli("apply", FIRST_DRAFT, props, "-o", out))
    assert line.startswith(f"error: {out}: would not read back"), line
    assert "nothing was written" in line
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["props"]


def test_a_proposer_with_a_unit_line_is_refused_where_it_is_written(tmp_path):
    _round_with(tmp_path, proposer='"Delegation A\\nop Injected paragraph {#op99}"')
    out = tmp_path / "next.draft"
    line = one_line_error(cli("apply", FIRST_DRAFT, tmp_path, "-o", out))
    assert line == (f"error: {tmp_path / 'P-50.yaml'}:2: the field 'proposer' holds a line "
                    "break (write it on one line)")
    assert not out.exists()


def test_what_apply_writes_passes_check(tmp_path):
    out = tmp_path / "rev1.draft"
    assert cli("apply", FIRST_DRAFT, ROUND1, "-o", out).code == 0
    r = run_cli("check", out)
    assert r.returncode == 0, r.stdout + r.stderr


def test_an_existing_proposal_is_not_replaced_unless_asked(tmp_path):
    p01 = tmp_path / "P-01.yaml"
    shutil.copy(ROUND1 / "P-01.yaml", p01)
    before = p01.read_bytes()
    args = ("diff", FIRST_DRAFT, D / "rev1.draft", "--as-proposals", "--id", "P-01", "-o",
            tmp_path)
    line = one_line_error(cli(*args))
    assert line == (f"error: {p01}: already exists and is not replaced (give --replace to "
                    "replace it; its decision history would be lost)")
    assert p01.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["P-01.yaml"]
    r = cli(*args, "--replace")
    assert r.code == 0, r.stderr
    assert p01.read_bytes() != before and b"Changes from first-draft to rev1" in p01.read_bytes()


def test_word_proposals_do_not_replace_proposals_on_file(tmp_path, first_draft):
    from wordfiles import returned_first_draft
    src = tmp_path / "returned.docx"
    src.write_bytes(returned_first_draft(first_draft))
    out = tmp_path / "props"
    out.mkdir()
    assert cli("import", src, "--changes", "proposals", "-o", out).code == 0
    names = sorted(p.name for p in out.iterdir())
    (out / names[0]).write_text((out / names[0]).read_text() + "# decided\n")
    kept = {p.name: p.read_bytes() for p in out.iterdir()}
    line = one_line_error(cli("import", src, "--changes", "proposals", "-o", out))
    assert "already exists and is not replaced (give --replace" in line
    assert {p.name: p.read_bytes() for p in out.iterdir()} == kept
    assert cli("import", src, "--changes", "proposals", "-o", out, "--replace").code == 0
    assert (out / names[0]).read_bytes() != kept[names[0]]
