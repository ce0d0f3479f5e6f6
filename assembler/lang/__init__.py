"""The language seam: the words the tool writes around a draft's own text (masthead lines,
language codes, ordinals, italic leads, stage names, amendment prose, letters' formulae) come
from one table per language, chosen by the draft's `language:` metadata (none: English).
English is the only real table; another language is a module like en.py whose Language is
added to TABLES. Messages to the user (errors, warnings, help) stay English, and so does the
reading of amendment prose (amendments/kinds/grammar.py)."""
from __future__ import annotations

from ..errors import AssemblerError
from .en import ENGLISH
from .table import Language, pieces

TABLES: dict[str, Language] = {ENGLISH.key: ENGLISH}


def language_of(metadata) -> Language:
    """The table for a draft's metadata. A language without a table is refused in one line
    naming the ones there are."""
    key = (metadata.get("language") or ENGLISH.key).strip()
    if key not in TABLES:
        raise AssemblerError(f"language '{key}': there is no table for it",
                             hint=f"use one of {', '.join(sorted(TABLES))} in 'language:'")
    return TABLES[key]


__all__ = ["ENGLISH", "Language", "TABLES", "language_of", "pieces"]
