"""The `assembler` command. Each verb lives in a module of this package and registers itself
on `app`; this file only wires them together."""
from __future__ import annotations

from .common import app
from . import drafts  # noqa: F401  (registers import, check, build)
from . import interchange  # noqa: F401  (registers export, diff)
from . import letters  # noqa: F401  (registers letter)
from . import compare  # noqa: F401  (registers compare, concordance, history)
from . import redline  # noqa: F401  (registers redline, preview)
from . import amend  # noqa: F401  (registers proposals, status, apply, compile)
from . import amendment  # noqa: F401  (registers amendment-doc)
from . import room  # noqa: F401  (registers serve, room init|invite|revoke|list)
from . import survey  # noqa: F401  (registers survey)


def main() -> None:
    app()
