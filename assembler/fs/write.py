"""Writing an output: whole or not at all, never over an issued version, with the mode the
user's umask gives (as any program creating a file would), and every failure of the disk or
of permissions told in one line.

The bytes go to a temporary file beside the target, are flushed to disk, then renamed into
place; a proposal file or any output that must not replace what is there is linked into
place instead, which fails if the name is taken (no window between checking and writing).
"""
from __future__ import annotations

import errno
import os
import signal
import tempfile
from pathlib import Path

from ..errors import AssemblerError
from ..stages import ISSUED
from .read import is_regular, read_head

# What the system says, as the user can act on it
_DISK = {
    errno.ENOSPC: ("the disk is full", "free some space and run it again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space and run it again"),
    errno.EFBIG: ("the file would be larger than this system allows (file size limit)",
                  "raise the limit (ulimit -f) or write elsewhere"),
    errno.EROFS: ("the folder is on a read-only file system", "choose another output folder"),
    errno.EACCES: ("cannot write here (permission denied)",
                   "choose a folder you can write to, or change its permissions"),
    errno.EPERM: ("cannot write here (operation not permitted)",
                  "choose a folder you can write to, or change its permissions"),
    errno.ENAMETOOLONG: ("the file name is too long", "choose a shorter name"),
    errno.EIO: ("the disk reported an input/output error", "check the disk"),
}


def check_output_path(path: str | Path) -> Path:
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise AssemblerError(f"the folder '{folder}' does not exist", file=str(p),
                             hint="create it first or choose another output path")
    if p.is_dir():
        raise AssemblerError("is a folder; give a file name", file=str(p))
    if p.exists() and not is_regular(p):
        raise AssemblerError("is not a regular file (a device, pipe or system file); refused",
                             file=str(p), hint="write to a file")
    return p


def refuse_issued(path: str | Path) -> None:
    """An issued draft source (stage L, L-rev or adopted) is never overwritten."""
    p = Path(path)
    if not is_regular(p) or p.suffix != ".draft":
        return
    if any(key == "stage" and value in ISSUED for _, key, value in read_head(p)):
        raise AssemblerError("is an issued version and is never overwritten", file=str(p),
                             hint="write the new version to a new file")


def write_atomic(path: str | Path, data: bytes, *, replace: bool = True,
                 replace_hint: str = "") -> Path:
    """Write `data` to `path` whole or not at all. With replace=False an existing file is
    refused (`replace_hint` says how to ask for it)."""
    p = check_output_path(path)
    refuse_issued(p)
    if not replace and os.path.lexists(p):
        raise _exists(p, replace_hint)
    _ignore_fsize_signal()
    folder = p.parent if str(p.parent) else Path(".")
    try:
        # the temporary name is short whatever the target's, so it never exceeds NAME_MAX
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name[:40]}.", suffix=".part", dir=folder)
    except OSError as err:
        raise os_error(err, p) from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, _mode_for(p))
            if replace:
                os.replace(tmp, p)
            else:
                _link_new(tmp, p, replace_hint)
        except OSError as err:
            raise os_error(err, p) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return p


def os_error(err: OSError, path: Path | str) -> AssemblerError:
    """One line for a failed write, saying that nothing was written."""
    message, hint = _DISK.get(err.errno or 0, (f"cannot be written ({err.strerror or err})",
                                               "check the output path"))
    return AssemblerError(f"{message}; nothing was written", file=str(path), hint=hint)


def _exists(p: Path, hint: str) -> AssemblerError:
    return AssemblerError("already exists and is not replaced", file=str(p),
                          hint=hint or "choose another name")


def _link_new(tmp: str, p: Path, hint: str) -> None:
    try:
        os.link(tmp, p)
    except FileExistsError:
        raise _exists(p, hint) from None
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if os.path.lexists(p):  # a file system without hard links: check, then rename
            raise _exists(p, hint) from None
        os.replace(tmp, p)
        return
    os.unlink(tmp)


def _mode_for(p: Path) -> int:
    """An existing file keeps its mode; a new one gets what the umask leaves of 0666."""
    try:
        return os.stat(p).st_mode & 0o7777
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    try:  # Linux says it without changing it (threads may be creating files meanwhile)
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _ignore_fsize_signal() -> None:
    """Past the file size limit the kernel sends SIGXFSZ, which kills the process unseen;
    ignored, the write fails with EFBIG and the user reads why."""
    try:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    except (AttributeError, ValueError, OSError):  # no such signal, or not the main thread
        pass
