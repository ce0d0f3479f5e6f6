"""The names policy: anything that becomes part of a file name (a proposal id, a version, an
author's name turned into an id) is letters, digits, '.', '_' and '-', starts with a letter
or digit, is at most NAME_MAX characters, and is joined to its folder only through
`inside`, which refuses any path that would leave the folder.

Names a person gives (`--id`) are checked and refused with the rule; names made from data
(a tracked-change author, a version's title) are derived with `name_from`, which cannot fail.
The proposal schema's `id` pattern and maxLength say the same (tests hold them together).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import AssemblerError

NAME_MAX = 100
PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_SAFE = re.compile(PATTERN)
RULE = (f"letters, digits, '.', '_' and '-', starting with a letter or digit, "
        f"at most {NAME_MAX} characters")


def check_name(value: str, what: str = "a proposal id", option: str = "") -> str:
    """`value` if it can be a file name as it stands; else one line giving the rule."""
    shown = value if len(value) <= 40 else value[:37] + "..."
    label = f"{option} '{shown}'" if option else f"'{shown}'"
    if not value:
        raise AssemblerError(f"{label}: {what} cannot be empty", hint=f"use {RULE}")
    if len(value) > NAME_MAX:
        raise AssemblerError(f"{label}: {what} of {len(value):,} characters is too long",
                             hint=f"use {RULE}")
    if not _SAFE.match(value) or value.endswith("."):
        raise AssemblerError(f"{label}: not allowed, as {what} becomes a file name",
                             hint=f"use {RULE}")
    return value


def is_name(value: str) -> bool:
    try:
        check_name(value)
    except AssemblerError:
        return False
    return True


def name_from(text: str, fallback: str = "changes", max_len: int = 60,
              lower: bool = False) -> str:
    """A safe name made from any text: other characters become '-', and a text too long is
    cut and given a short digest of the whole, so two long names stay two names. `lower`:
    lower case, words joined by '-' only (ids made from people's names)."""
    if lower:
        name = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or fallback
    else:
        name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or fallback
    if len(name) > max_len:
        import hashlib  # here: OpenSSL costs start-up a few ms on every verb
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = name[:max_len - 9].rstrip("-.") + "-" + digest
    return name


def inside(folder: str | Path, name: str, suffix: str = "", what: str = "a proposal id") -> Path:
    """folder/<name><suffix>, after checking the name and that the path stays in the folder
    (a symlinked folder is fine; a name cannot climb out of it)."""
    check_name(name, what)
    folder = Path(folder)
    path = folder / f"{name}{suffix}"
    if path.resolve().parent != folder.resolve():
        raise AssemblerError(f"'{name}' would be written outside {folder}",
                             hint=f"use {RULE}")
    return path
