"""Decisions on proposals: the words a co-facilitator uses (accept, reject, ...) and the
status each records, and the checks a decision must pass before it goes into the file.
A decision refused says why as a Refusal (refusals.py), which each face words."""
from __future__ import annotations

from dataclasses import replace

from ..amendments.model import (STATUS_WORDS, Proposal, StatusEntry, allowed,
                                transition_hint)
from ..amendments.kinds import kind
from ..amendments.prose import prose_to_change
from ..dates import checked_day
from ..errors import AssemblerError
from ..fs.names import check_name
from .refusals import Refusal, from_error

ACTIONS = {"accept": "accepted", "modify": "accepted-with-modification",
           "accept-with-modification": "accepted-with-modification", "reject": "rejected",
           "withdraw": "withdrawn", "supersede": "superseded", "merge": "merged",
           "reopen": "proposed"}


def issued_in(prop: Proposal, versions) -> str:
    """The version whose changes name `prop` (its provenance), "" when none does: a proposal
    applied in an issued version is part of that version's record."""
    for v in versions:
        if any(r.proposal == prop.id for r in v.draft.provenance):
            return v.name
    return ""


def checked_date(date: str) -> str:
    """`date` if it is a real day, else a refusal naming the date input."""
    try:
        return checked_day(date, "")
    except AssemblerError as err:
        raise from_error("date", err, "date", date) from None


def decide(prop: Proposal, action: str, date: str, note: str = "", by: str = "",
           text: str | None = None, changes: tuple[str, ...] = (),
           issued: str = "", on_file: frozenset[str] | None = None) -> StatusEntry:
    """The status entry that records `action` on `prop`, or a Refusal saying why it cannot be.
    An acceptance with modification carries the modified changes: `changes` in UN prose, or
    `text` for a proposal with one change that has text. `issued`: the version that applied
    it (issued_in), after which no decision changes it. `on_file`: the ids of the proposals
    on file, when known, which `by` must name."""
    if action not in ACTIONS:
        raise Refusal("unknown-action", field="action", value=action,
                      actions=", ".join(ACTIONS))
    new = ACTIONS[action]
    if issued:
        raise Refusal("issued", file=prop.file, pid=prop.id, version=issued,
                      new=STATUS_WORDS[new])
    if not allowed(prop.status, new):
        raise Refusal("not-allowed", file=prop.file, pid=prop.id,
                      old=STATUS_WORDS[prop.status], new=STATUS_WORDS[new],
                      transitions=transition_hint(prop.status))
    if date:
        checked_date(date)
    _check_by(prop, new, action, by, on_file)
    return StatusEntry(new, date, note, by, _modified(prop, new, action, text, changes))


def _modified(prop: Proposal, new: str, action: str, text: str | None,
              changes: tuple[str, ...]) -> tuple:
    """The modified changes of an acceptance with modification; none for other decisions."""
    if new != "accepted-with-modification":
        if text is not None or changes:
            raise Refusal("text-not-for", field="text", action=action)
        return ()
    if text is not None and changes:
        raise Refusal("text-and-changes", field="text")
    if text is not None and not text.strip():
        raise Refusal("text-empty", field="text")
    if changes:
        return tuple(prose_to_change(s) for s in changes)
    if text is None:
        raise Refusal("no-modification", field="text")
    with_text = [c for c in prop.changes if kind(c.kind).has_text]
    if len(prop.changes) != 1 or not with_text:
        raise Refusal("text-needs-one-change", field="text", file=prop.file)
    return (replace(prop.changes[0], text=text, id="", line=None),)


def _check_by(prop: Proposal, new: str, action: str, by: str,
              on_file: frozenset[str] | None) -> None:
    """Superseded by, or merged into, another proposal named by its id: not itself, not a
    path or a file name, one on file when the negotiation is known; and `by` only for
    those two."""
    if new not in ("superseded", "merged"):
        if by:
            raise Refusal("by-not-for", field="by", value=by, action=action)
        return
    word = "by" if new == "superseded" else "into"
    if not by:
        raise Refusal("by-missing", field="by", new=new, word=word)
    try:
        check_name(by, "a proposal id")
    except AssemblerError as err:
        raise from_error("by-not-a-name", err, "by", by) from None
    if by.lower().endswith((".yaml", ".yml", ".md", ".txt")):
        raise Refusal("by-file-name", field="by", value=by, stem=by.rsplit(".", 1)[0])
    if by == prop.id:
        raise Refusal("by-itself", field="by", value=by, file=prop.file, new=new, word=word)
    if on_file is not None and by not in on_file:
        raise Refusal("by-not-on-file", field="by", value=by, file=prop.file)
