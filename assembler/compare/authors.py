"""Who made each change in a version: read from the provenance the version records.

A version made by applying proposals (assembler/amendments) lists, for each unit it changed,
the change and its proposer (Draft.provenance). The redline stamps that unit's changes with
the proposer's name and the proposal's date; units without a record get the default.
"""
from __future__ import annotations

from typing import Mapping

from ..model import Draft
from .redline import Attribution, Who, iso_date


def attribution_from(new: Draft, default: Who, dates: Mapping[str, str] | None = None,
                     old: Draft | None = None) -> Attribution | None:
    """An Attribution over `new`'s provenance, or None if it records none.

    `dates` maps proposal ids to their dates ("12 January 2017" or ISO). A deleted unit is
    recorded under its id in the base version, so look-ups on the old side use the same table.
    """
    records = getattr(new, "provenance", ()) or ()
    if not records:
        return None
    dates = dates or {}
    by_unit: dict[str, list] = {}
    for rec in records:
        by_unit.setdefault(rec.unit, []).append(rec)

    def who(uid: str, side: str) -> Who | None:
        recs = by_unit.get(uid)
        if not recs:
            return None
        names: list[str] = []
        for rec in recs:
            name = rec.proposer or rec.proposal
            if name and name not in names:
                names.append(name)
        when = ""
        for rec in recs:
            when = iso_date(dates.get(rec.proposal, ""))
            if when:
                break
        return Who(" and ".join(names) or default.author, when or default.date)
    return who
