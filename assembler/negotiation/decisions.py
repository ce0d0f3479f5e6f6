"""Decisions on proposals: the words a co-facilitator uses (accept, reject, ...) and the
status each records, and the checks a decision must pass before it goes into the file."""
from __future__ import annotations

from dataclasses import replace

from ..amendments.model import (STATUS_WORDS, Proposal, StatusEntry, allowed,
                                transition_hint)
from ..amendments.kinds import kind
from ..amendments.prose import prose_to_change
from ..dates import checked_day
from ..errors import AssemblerError
from ..fs.names import check_name

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


def decide(prop: Proposal, action: str, date: str, note: str = "", by: str = "",
           text: str | None = None, changes: tuple[str, ...] = (),
           issued: str = "") -> StatusEntry:
    """The status entry that records `action` on `prop`, or an error saying why it cannot be.
    An acceptance with modification carries the modified changes: `changes` in UN prose, or
    `text` for a proposal with one change that has text. `issued`: the version that applied
    it (issued_in), after which no decision changes it."""
    if action not in ACTIONS:
        raise AssemblerError(f"unknown action '{action}'", hint=f"one of {', '.join(ACTIONS)}")
    new = ACTIONS[action]
    if issued:
        raise AssemblerError(f"{prop.id} is applied in {issued}, which is issued: it can no "
                             f"longer be {STATUS_WORDS[new]}", file=prop.file,
                             hint="propose a change to the new version instead")
    if not allowed(prop.status, new):
        raise AssemblerError(f"{prop.id} is {STATUS_WORDS[prop.status]} and cannot become "
                             f"{STATUS_WORDS[new]}", file=prop.file,
                             hint=transition_hint(prop.status))
    if date:
        checked_day(date, "--date")
    _check_by(prop, new, action, by)
    if new != "accepted-with-modification" and (text is not None or changes):
        raise AssemblerError(f"--text and --change are for modify, not {action}",
                             hint="leave them out, or use modify")
    modified: tuple = ()
    if new == "accepted-with-modification":
        if text is not None and changes:
            raise AssemblerError("give the modification either as --text or as --change, "
                                 "not both", hint="--text for a proposal with one change; "
                                 "--change 'In ...' for each modified change")
        if text is not None and not text.strip():
            raise AssemblerError("--text is empty", hint="give the modified text")
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


def _check_by(prop: Proposal, new: str, action: str, by: str) -> None:
    """Superseded by, or merged into, another proposal named by its id: not itself, not a
    path or a file name; and --by only for those two."""
    if new not in ("superseded", "merged"):
        if by:
            raise AssemblerError(f"--by is for supersede and merge, not {action}",
                                 hint="leave out --by")
        return
    word = "by" if new == "superseded" else "into"
    if not by:
        raise AssemblerError(f"say which proposal it is {new} {word}", hint="add --by P-NN")
    check_name(by, "a proposal id", "--by")
    if by.lower().endswith((".yaml", ".yml", ".md", ".txt")):
        raise AssemblerError(f"--by {by}: give the proposal's id, not its file name",
                             hint=f"e.g. --by {by.rsplit('.', 1)[0]}")
    if by == prop.id:
        raise AssemblerError(f"--by {by}: a proposal cannot be {new} {word} itself",
                             file=prop.file, hint="name the proposal that takes it over")
