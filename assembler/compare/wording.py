"""The words comparison tables, concordances and histories print around the drafts' text,
from the `comparison` block of one language table. A table spans several versions: it
speaks the language of its newest version (`table_language`, the one place that choice is
made); its concordances and histories keep the table's language."""
from __future__ import annotations

from ..lang import ENGLISH, Language, language_of


def table_language(versions) -> Language:
    """The language of a table of these versions (oldest first): the newest one's."""
    return language_of(versions[-1].draft.metadata)


def say(lang: Language, key: str, **fields: str) -> str:
    """One of the comparison's words, filled: say(lang, "deleted-in", version="Rev.1")."""
    return lang.comparison[key].format(**fields)


def change_word(lang: Language, change: str) -> str:
    """What a version did to a unit ("changed", "moved"), as printed; "" stays ""."""
    return say(lang, change) if change else ""


def kind_name(lang: Language, kind: str) -> str:
    """A row's kind as printed under its id: "operative", "heading", "table row"."""
    key = f"kind-{kind}"
    if key in lang.comparison:
        return say(lang, key)
    return lang.long_names.get(kind, kind)


def document_language(table, concordances=()) -> Language:
    """The language of a document holding a comparison table and/or concordances: the
    table's (the concordances were cut from it)."""
    if table is not None:
        return table.lang
    return concordances[0].lang if concordances else ENGLISH
