"""A bold/strike-out redline's legend, in the new version's language: its heading ("Changes
against Rev.1 of 3 May 2017:") and its sentence as pieces, each marked as the writers show
it ("ins" bold, "del" struck out, "note" as a move note, "" plain). Word and HTML render
the same pieces; neither writes a word of it."""
from __future__ import annotations

from dataclasses import dataclass

from ..lang import Language, language_of, pieces
from .redline import Redline

# the legend sentence's fields -> how each is marked
_MARKS = {"inserted": "ins", "deleted": "del", "struck": "del",
          "moved_to": "note", "moved_from": "note"}


@dataclass(frozen=True)
class Legend:
    heading: str                          # "Changes against Rev.1 of 3 May 2017:"
    pieces: tuple[tuple[str, str], ...]   # (mark, text)
    margin_notes: str                     # said when a preview flags clashes in the margin


def legend_of(redline: Redline) -> Legend:
    lang = language_of(redline.new.metadata)
    words = lang.redline
    old = redline.old.metadata
    base = old.stage_label or old.version or words["previous"]
    if old.date:
        base = words["dated"].format(base=base, date=old.date)
    return Legend(words["changes-against"].format(base=base), _pieces(lang),
                  words["margin-notes"])


def _pieces(lang: Language) -> tuple[tuple[str, str], ...]:
    words = lang.redline
    anywhere = "..."   # the legend's moves go anywhere
    values = {"inserted": words["inserted"], "deleted": words["deleted"],
              "struck": words["struck"],
              "moved_to": words["moved-to"].format(place=anywhere),
              "moved_from": words["moved-from"].format(place=anywhere)}
    return tuple((_MARKS[field] if field else "", text)
                 for text, field in pieces(words["legend"], values))
