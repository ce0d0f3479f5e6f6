"""The one rule for pairing the units of two versions (docs/pairing.md).

A unit of the newer version continues a unit of the older one, or is new. Which, depends on
whether the ids can be trusted:

- Ids are identity when the newer version names the one it is based on (`based-on`: made by
  `apply`, or by hand from the older source), or when its ids are not merely positions (a
  unit inserted as op16bis, a Word file with our bookmarks): a unit keeps its id, and a new
  id is a new unit however much it reads like one that went.
- Ids are positions when the newer version was numbered by its reader (pp1, op1, h1, op1.a:
  a document typed in Word or printed as a PDF) and names no base, whatever the older one's
  ids: an inserted paragraph shifts every id after it, so units are paired by their text
  (align.py: same text, similar text, then id). The issued text of a version made by
  `apply` (ids like op16bis), imported again from its PDF, is such a newer version.

Redline, comparison table, concordance, history, preview and inferred changes all pair
through align(), which applies this rule; inference between versions numbered by position
also weighs the positional ids (amendments/infer.py).
"""
from __future__ import annotations

from ..model import Draft


def numbered_by_position(draft: Draft) -> bool:
    """Ids as readers number documents that carry none: pp1.., op1.., h1.., op1.a .."""
    def numbered(ids, prefix):
        return ids == [f"{prefix}{i}" for i in range(1, len(ids) + 1)]

    def subs_named_by_parent(unit) -> bool:
        return all(c.id.startswith(unit.id + ".") and subs_named_by_parent(c)
                   for c in getattr(unit, "children", ()))
    both = draft.preamble + draft.operative
    return numbered([u.id for u in both if u.kind == "pp"], "pp") and \
        numbered([u.id for u in both if u.kind == "op"], "op") and \
        numbered([u.id for u in both if u.kind == "heading"], "h") and \
        all(subs_named_by_parent(u) for u in both)


def ids_are_identity(old: Draft, new: Draft) -> bool:
    """Whether units pair by id (else by text): see the module docstring."""
    return bool(new.metadata.based_on) or not numbered_by_position(new)


def pairs_by_id(old: Draft, new: Draft) -> dict[str, str]:
    """New unit id -> old unit id for the units whose id and kind both versions share."""
    units = old.unit_index()
    return {u.id: u.id for u in new.units() if u.id in units and units[u.id].kind == u.kind}
