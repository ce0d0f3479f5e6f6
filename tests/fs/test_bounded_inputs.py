"""Every input is read one way (assembler/fs/read.py): regular files only, never past the
limit of its kind. Devices, pipes, folders and kernel files are refused in one line, exit 2,
before a byte is read (so /dev/zero cannot eat memory and a pipe cannot hang)."""
from __future__ import annotations

import os

import pytest

from assembler.errors import AssemblerError
from assembler.fs import read as fsread

from conftest import FIRST_DRAFT, ROOT
from inproc import cli, one_line_error

ROUND1 = ROOT / "amendments" / "gcm-modalities" / "rev1"


@pytest.mark.parametrize("path, says", [
    ("/dev/zero", "is a device, not a draft source"),
    ("/dev/urandom", "is a device, not a draft source"),
    ("/proc/self/mem", "is a system file, not a draft source"),
    ("/proc/self/status", "is a system file, not a draft source"),
])
def test_check_refuses_what_is_not_a_file(path, says):
    line = one_line_error(cli("check", path))
    assert line.startswith(f"error: {path}: {says}"), line


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "v.draft"
    os.mkfifo(fifo)
    line = one_line_error(cli("check", fifo))
    assert "is a pipe, not a draft source" in line


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "x.draft").mkdir()
    assert "is a folder, not a file (give a draft source)" in one_line_error(cli("check", tmp_path / "x.draft"))


@pytest.mark.parametrize("suffix, what", [
    (".docx", "a Word file"), (".akn.xml", "an Akoma Ntoso file"),
    (".txt", "the text of a draft"), (".md", "the text of a draft")])
def test_import_refuses_devices_behind_a_proper_name(tmp_path, suffix, what):
    link = tmp_path / f"zero{suffix}"
    link.symlink_to("/dev/zero")
    out = tmp_path / "out.draft"
    line = one_line_error(cli("import", link, "-o", out))
    assert f"is a device, not {what}" in line
    assert not out.exists()


def test_proposals_and_layouts_read_the_same_way(tmp_path):
    link = tmp_path / "P-01.yaml"
    link.symlink_to("/dev/urandom")
    assert "is a device, not a proposal" in one_line_error(cli("proposals", link))
    layout = tmp_path / "layout.toml"
    layout.symlink_to("/dev/zero")
    line = one_line_error(cli("build", FIRST_DRAFT, "--layout", layout,
                              "-o", tmp_path / "x.html"))
    assert "is a device" in line
    assert not (tmp_path / "x.html").exists()


def test_a_folder_of_proposals_skips_a_pipe_named_like_one(tmp_path):
    for f in ROUND1.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    os.mkfifo(tmp_path / "P-99.yaml")
    r = cli("proposals", tmp_path)
    assert r.code == 0, r.stderr


def test_each_kind_has_its_limit(tmp_path, monkeypatch):
    big = tmp_path / "P-01.yaml"
    big.write_bytes((ROUND1 / "P-01.yaml").read_bytes() + b"#" * 2048 + b"\n")
    monkeypatch.setitem(fsread.LIMITS, "proposal", (1024, "a proposal"))
    line = one_line_error(cli("proposals", big))
    assert "is larger than 1 KiB, more than a proposal can be; refused" in line
    # the draft limit is another one: the same size is fine for a draft
    assert cli("check", FIRST_DRAFT).code == 0


def test_a_file_that_grows_past_its_stat_is_still_bounded(tmp_path, monkeypatch):
    """The limit holds on what is read, not on what stat said."""
    f = tmp_path / "v.draft"
    f.write_bytes(b"x" * 5000)
    monkeypatch.setitem(fsread.LIMITS, "draft", (4096, "a draft source"))
    real_fstat = os.fstat

    class Small:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10
    monkeypatch.setattr(fsread.os, "fstat", lambda fd: Small(real_fstat(fd)))
    with pytest.raises(AssemblerError, match="larger than 4 KiB"):
        fsread.read_bytes(f, "draft")
    assert len(fsread.read_bytes(f, "draft", truncate=True)) == 4096


def test_unreadable_file_is_one_line(tmp_path, monkeypatch):
    f = tmp_path / "v.draft"
    f.write_bytes(FIRST_DRAFT.read_bytes())
    f.chmod(0)
    if os.geteuid() == 0:
        # root (as in CI) reads a mode-0 file, so the kernel's refusal is made here
        real_open = fsread.os.open

        def refusing(path, *args, **kwargs):
            if os.fspath(path) == os.fspath(f):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_open(path, *args, **kwargs)
        monkeypatch.setattr(fsread.os, "open", refusing)
    assert "permission denied" in one_line_error(cli("check", f))


def test_control_characters_are_refused_in_text_inputs(tmp_path):
    """Found by the fuzzer: a control character in a draft's metadata crashed the Word
    writer. Text holds none; the text of a PDF keeps its form feeds (page breaks)."""
    d = tmp_path / "v.draft"
    d.write_bytes(FIRST_DRAFT.read_bytes().replace(b"stage-label: F", b"stage-label: \x01F"))
    line = one_line_error(cli("build", d, "-o", tmp_path / "v.docx"))
    assert line == (f"error: {d}:5: holds the control character U+0001; refused (remove it; "
                    "text holds none)")
    assert not (tmp_path / "v.docx").exists()
    p = tmp_path / "P-01.yaml"
    p.write_text((ROUND1 / "P-01.yaml").read_text().replace("text: co-facilitators",
                                                            'text: "co-\\u0007facilitators"', 1))
    assert "holds the control character U+0007" in one_line_error(cli("proposals", p))


def test_a_damaged_deflate_stream_is_one_line(tmp_path):
    """Found by the fuzzer: zlib's own error escaped the Word reader."""
    import io
    import zipfile
    from assembler.source import load_draft
    from assembler.writers.docx.draft import build_docx
    data = bytearray(build_docx(load_draft(FIRST_DRAFT)))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 5, start + 40):
        data[k] ^= 0x55
    src = tmp_path / "in.docx"
    src.write_bytes(bytes(data))
    line = one_line_error(cli("import", src, "-o", tmp_path / "x.draft"))
    assert "part word/document.xml is damaged" in line or "not well-formed" in line, line
