"""The next version of a negotiation: the metadata it gets and the record, kept beside it,
of what each applied change did."""
from __future__ import annotations

import re

from ..lang import language_of
from ..model import Draft


def next_revision(base: Draft) -> str:
    """The revision number of the version made from `base`: one above the base's, else 1."""
    return str(int(base.metadata.revision) + 1 if base.metadata.revision.isdigit() else 1)


def next_metadata(base: Draft, version: str, stage: str = "rev", revision: str = "",
                  stage_label: str = "", date: str = "") -> dict[str, str]:
    """Metadata for the version made from `base`: a revision one above the base's unless
    given, labelled Rev.N unless given; symbol and job number are the issued document's, so
    they do not carry over."""
    n = revision or next_revision(base)
    return {"version": version, "stage": stage, "revision": n,
            "stage_label": stage_label or next_label(base, n), "date": date,
            "symbol": "", "job_number": ""}


def next_label(base: Draft, n: str) -> str:
    """The next revision's label, as the negotiation has been naming them ("Revision 2" is
    followed by "Revision 3"), else as its language names the stage ("Rev.3")."""
    meta = base.metadata
    label, rev = meta.stage_label.strip(), meta.revision.strip()
    if meta.stage == "rev" and rev and re.fullmatch(rf"\D*\b{re.escape(rev)}", label):
        return label[:-len(rev)] + n
    return language_of(meta).stage_names["rev"].format(revision=n)


def record_json(rec) -> dict:
    """An ApplyRecord as JSON data: each change applied (whose, where, the words out and in),
    each no longer applicable and each left out in a conflict, with why."""
    def one(a):
        return {"change": a.change.id, "proposal": a.proposal.id, "proposer": a.proposal.proposer,
                "kind": a.change.kind, "unit": a.unit, "label": a.label, "deleted": a.deleted,
                "inserted": a.inserted, "span": list(a.span) if a.span else None}
    return {"base": rec.base_version, "applied": [one(a) for a in rec.applied],
            "not_applicable": [{"change": x.change.id, "proposal": x.proposal.id,
                                "reason": x.reason} for x in rec.not_applicable],
            "overridden": [{"change": a.change.id, "reason": why} for a, why in rec.overridden]}
