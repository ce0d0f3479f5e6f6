"""Decisions on a proposal (accept, modify, reject, withdraw, supersede, merge, reopen),
judged in one place for every face (the `status` verb, the room): the transition, the date,
who takes it over, the modified text. What passes becomes one StatusEntry."""
from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from ..dates import checked_day
from ..errors import AssemblerError
from ..fs.names import check_name
from .model import STATUS_WORDS, TRANSITIONS, Proposal, StatusEntry, allowed

ACTIONS = {"accept": "accepted", "modify": "accepted-with-modification",
           "accept-with-modification": "accepted-with-modification", "reject": "rejected",
           "withdraw": "withdrawn", "supersede": "superseded", "merge": "merged",
           "reopen": "proposed"}
_TEXT_KINDS = ("insert-words", "replace-words", "replace-unit", "insert-unit")


def transition_hint(current: str) -> str:
    nxt = sorted(TRANSITIONS.get(current, ()))
    return f"from {current} it may become {', '.join(nxt)}" if nxt else \
        f"a {current} proposal is closed; submit a new proposal instead"


def decide(prop: Proposal, action: str, *, date: str = "", note: str = "", by: str = "",
           text: str | None = None, changes: list[str] | None = None,
           file: str | None = None, today: _dt.date | None = None) -> StatusEntry:
    """The history entry for `action` on `prop`, or an AssemblerError saying why not."""
    from .prose import prose_to_change
    if action not in ACTIONS:
        raise AssemblerError(f"unknown action '{action}'", hint=f"one of {', '.join(ACTIONS)}")
    new = ACTIONS[action]
    if not allowed(prop.status, new):
        raise AssemblerError(f"{prop.id} is {STATUS_WORDS[prop.status]} and cannot become "
                             f"{STATUS_WORDS[new]}", file=file,
                             hint=transition_hint(prop.status))
    day = checked_day(date, "--date") if date else (today or _dt.date.today()).isoformat()
    if new in ("superseded", "merged"):
        if not by:
            raise AssemblerError(f"say which proposal it is {new} "
                                 f"{'by' if new == 'superseded' else 'into'}",
                                 hint="add --by P-NN")
        check_name(by, "a proposal id", "--by")
        if by.lower().endswith((".yaml", ".yml", ".md", ".txt")):
            raise AssemblerError(f"--by {by}: give the proposal's id, not its file name",
                                 hint=f"e.g. --by {by.rsplit('.', 1)[0]}")
        if by == prop.id:
            raise AssemblerError(f"--by {by}: a proposal cannot be {new} "
                                 f"{'by' if new == 'superseded' else 'into'} itself",
                                 file=file, hint="name the proposal that takes it over")
    elif by:
        raise AssemblerError(f"--by is for supersede and merge, not {action}",
                             hint="leave out --by")
    if new != "accepted-with-modification":
        if text is not None or changes:
            raise AssemblerError(f"--text and --change are for modify, not {action}",
                                 hint="leave them out, or use modify")
        return StatusEntry(new, day, note, by)
    if text is not None and changes:
        raise AssemblerError("give the modification either as --text or as --change, not both",
                             hint="--text for a proposal with one change; --change 'In ...' "
                                  "for each modified change")
    if changes:
        modified = tuple(prose_to_change(s) for s in changes)
    elif text is not None:
        if len(prop.changes) != 1 or prop.changes[0].kind not in _TEXT_KINDS:
            raise AssemblerError("--text works for a proposal with one change that has text",
                                 file=file,
                                 hint="give the modified changes with --change 'In ...'")
        if not text.strip():
            raise AssemblerError("--text is empty", hint="give the modified text")
        modified = (replace(prop.changes[0], text=text, id="", line=None),)
    else:
        raise AssemblerError("an acceptance with modification needs the modified text",
                             hint="add --text '...' or --change 'In operative paragraph ...'")
    return StatusEntry(new, day, note, by, modified)
