"""Decisions on proposals: the words a co-facilitator uses (accept, reject, ...) and the
status each records, and the checks a decision must pass before it goes into the file."""
from __future__ import annotations

from dataclasses import replace

from ..amendments.model import (STATUS_WORDS, Proposal, StatusEntry, allowed,
                                transition_hint)
from ..amendments.kinds import kind
from ..amendments.prose import prose_to_change
from ..errors import AssemblerError

ACTIONS = {"accept": "accepted", "modify": "accepted-with-modification",
           "accept-with-modification": "accepted-with-modification", "reject": "rejected",
           "withdraw": "withdrawn", "supersede": "superseded", "merge": "merged",
           "reopen": "proposed"}


def decide(prop: Proposal, action: str, date: str, note: str = "", by: str = "",
           text: str | None = None, changes: tuple[str, ...] = ()) -> StatusEntry:
    """The status entry that records `action` on `prop`, or an error saying why it cannot be.
    An acceptance with modification carries the modified changes: `changes` in UN prose, or
    `text` for a proposal with one change that has text."""
    if action not in ACTIONS:
        raise AssemblerError(f"unknown action '{action}'", hint=f"one of {', '.join(ACTIONS)}")
    new = ACTIONS[action]
    if not allowed(prop.status, new):
        raise AssemblerError(f"{prop.id} is {STATUS_WORDS[prop.status]} and cannot become "
                             f"{STATUS_WORDS[new]}", file=prop.file,
                             hint=transition_hint(prop.status))
    if new in ("superseded", "merged") and not by:
        raise AssemblerError(f"say which proposal it is {new} "
                             f"{'by' if new == 'superseded' else 'into'}", hint="add --by P-NN")
    modified: tuple = ()
    if new == "accepted-with-modification":
        if changes:
            modified = tuple(prose_to_change(s) for s in changes)
        elif text is not None:
            with_text = [c for c in prop.changes if kind(c.kind).has_text]
            if len(prop.changes) != 1 or not with_text:
                raise AssemblerError("--text works for a proposal with one change that has text",
                                     file=prop.file,
                                     hint="give the modified changes with --change 'In ...'")
            modified = (replace(prop.changes[0], text=text, id="", line=None),)
        else:
            raise AssemblerError("an acceptance with modification needs the modified text",
                                 hint="add --text '...' or --change 'In operative paragraph ...'")
    return StatusEntry(new, date, note, by, modified)
