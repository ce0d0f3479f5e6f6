"""Settings files in TOML (layouts, letter data): read whole, or one clear error naming the
file and what to do."""
from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import AssemblerError
from .fs.read import read_bytes


def read_toml(path: str | Path, what: str, missing: str, missing_hint: str) -> dict:
    """The file's tables. `what` names the file in messages ("layout file"); `missing` and
    `missing_hint` say what is wrong and what to do when there is no such file."""
    p = Path(path)
    if not p.exists():
        raise AssemblerError(missing, file=str(p), hint=missing_hint)
    data = read_bytes(p, "settings", what=f"a {what} (.toml)")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise AssemblerError(f"{what} is not UTF-8 text (byte {err.start})", file=str(p),
                             hint="give a .toml text file saved as UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        raise AssemblerError(f"{what} is not valid TOML: {err}", file=str(p)) from None
