"""Reading an input: regular files only, never more than a limit per kind of input.

A path may name anything: a device that never ends (/dev/zero, /dev/urandom), a pipe that
blocks, a folder, a pseudo-file of the kernel (/proc, /sys) whose size says 0. Each is
refused with one line before a byte is read; a regular file is read through its descriptor
and never past its kind's limit, so a file that grows while it is read is refused too.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from ..errors import AssemblerError

MiB = 1024 * 1024

# The most each kind of input can be. A draft of a long resolution is a few hundred KiB;
# these leave more than an order of magnitude of room while keeping memory bounded (a draft
# takes about 25 times its size in memory: benchmarks/bench_hostile.py).
LIMITS: dict[str, tuple[int, str]] = {
    "draft": (16 * MiB, "a draft source"),
    "text": (16 * MiB, "the text of a draft"),
    "docx": (64 * MiB, "a Word file"),  # compressed; its parts are bounded in ooxml/safezip
    "akn": (16 * MiB, "an Akoma Ntoso file"),
    "pdf": (64 * MiB, "a PDF file"),  # readers/pdf.py also bounds pages and memory
    "proposal": (16 * MiB, "a proposal"),
    "settings": (4 * MiB, "a settings file"),
    "template": (4 * MiB, "a template"),
    "head": (64 * 1024, "a file's first lines"),
}
_PSEUDO = ("/proc/", "/sys/")  # kernel files: sizes lie, reads have side effects
_CHUNK = 1 * MiB


def limit_of(kind: str) -> int:
    return LIMITS[kind][0]


def read_bytes(path: str | Path, kind: str, *, what: str = "", truncate: bool = False) -> bytes:
    """The file's bytes, or an AssemblerError in one line saying why it cannot be read.
    `kind` picks the limit (LIMITS); `what` names the input in messages; with `truncate`,
    the first `limit` bytes are returned instead of refusing a longer file (for peeking at
    a header)."""
    limit, default_what = LIMITS[kind]
    what = what or default_what
    name = str(path)
    fd = _open(path, what)
    try:
        st = os.fstat(fd)
        _refuse_special(st, name, what)
        if not truncate and st.st_size > limit:
            raise _too_big(name, what, limit)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                if truncate:
                    return b"".join(chunks)[:limit]
                raise _too_big(name, what, limit)
        return b"".join(chunks)
    except OSError as err:
        raise AssemblerError(f"cannot be read ({os.strerror(err.errno or errno.EIO)})",
                             file=name, hint=f"give {what} as a regular file") from None
    finally:
        os.close(fd)


def is_regular(path: str | Path) -> bool:
    """True when the path is a regular file that read_bytes would open (for listing
    folders: a fifo or a device named like a proposal is skipped, not read)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and not _pseudo(str(path))


def _open(path: str | Path, what: str) -> int:
    name = str(path)
    if _pseudo(name):
        raise AssemblerError(f"is a system file, not {what}", file=name,
                             hint=f"give {what} as a regular file")
    try:
        # O_NONBLOCK: opening a pipe with no writer must not hang; it is refused just after
        return os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
                       | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise AssemblerError("no such file", file=name, hint="check the path") from None
    except IsADirectoryError:
        raise AssemblerError("is a folder, not a file", file=name, hint=f"give {what}") from None
    except PermissionError:
        raise AssemblerError("cannot be read (permission denied)", file=name) from None
    except OSError as err:
        raise AssemblerError(f"cannot be opened ({os.strerror(err.errno or errno.EIO)})",
                             file=name, hint=f"give {what} as a regular file") from None


def _pseudo(name: str) -> bool:
    try:
        real = os.path.realpath(name)
    except (OSError, ValueError):
        return False
    return real.startswith(_PSEUDO) or real in ("/proc", "/sys")


def _refuse_special(st: os.stat_result, name: str, what: str) -> None:
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise AssemblerError("is a folder, not a file", file=name, hint=f"give {what}")
    kind = ("a pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode)
            or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a file")
    raise AssemblerError(f"is {kind}, not {what}", file=name,
                         hint=f"give {what} as a regular file")


def _too_big(name: str, what: str, limit: int) -> AssemblerError:
    return AssemblerError(f"is larger than {_size(limit)}, more than {what} can be; refused",
                          file=name, hint=f"check that this is {what}")


def _size(n: int) -> str:
    return f"{n // MiB} MiB" if n >= MiB else f"{n // 1024} KiB"


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def decode_text(data: bytes, name: str, what: str, *, empty_hint: str = "",
                binary_hint: str = "", allow: str = "") -> str:
    """UTF-8 text from an input's bytes (BOM dropped), or one line saying why it is not.
    Control characters (other than tab and line ends, and those in `allow`) are refused:
    no document holds them, and Word and XML cannot."""
    if not data.strip():
        raise AssemblerError(f"empty file: not {what}", file=name, line=1,
                             hint=empty_hint or None)
    if b"\x00" in data[:8192]:
        raise AssemblerError(f"binary file: not {what}", file=name, line=1,
                             hint=binary_hint or None)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise AssemblerError(f"not UTF-8 text (byte {err.start})", file=name, line=line,
                             hint="save the file as UTF-8") from None
    for m in CONTROL.finditer(text):
        if m.group() not in allow:
            line = text.count("\n", 0, m.start()) + 1
            raise AssemblerError(f"holds the control character U+{ord(m.group()):04X}; refused",
                                 file=name, line=line, hint="remove it; text holds none")
    return text.removeprefix("\ufeff")


def read_text_of(path: str | Path, kind: str, *, what: str = "", empty_hint: str = "",
                 binary_hint: str = "") -> str:
    """read_bytes, then decode_text."""
    what = what or LIMITS[kind][1]
    # the text of a PDF keeps its page breaks (form feeds), which the importer reads
    return decode_text(read_bytes(path, kind, what=what), str(path), what,
                       empty_hint=empty_hint, binary_hint=binary_hint,
                       allow="\f" if kind == "text" else "")


def read_head(path: str | Path) -> list[tuple[int, str, str]]:
    """The metadata lines of a draft file (header.head_lines), read from its head only,
    without parsing the rest; nothing for a file that cannot be read."""
    from ..header import head_lines
    try:
        data = read_bytes(path, "head", truncate=True)
    except AssemblerError:
        return []
    return head_lines(data.decode("utf-8", "replace"), len(data) < LIMITS["head"][0])
