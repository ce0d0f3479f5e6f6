"""Amendment proposals as data: who proposes what change to which unit, and what became of it.

A Proposal holds Changes and a status history. Changes name their unit by stable id or by the
label the proposer saw ("OP 14 (a)"); targets.py resolves labels against the proposal's base
version. Everything here is an immutable value.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..lang import ENGLISH, Language

# ---------------------------------------------------------------- changes

# The kinds of change live in amendments/kinds/, one module a kind. An inserted or moved unit
# goes before or after its reference unit, or at the start or end of its sub-paragraphs (or of
# a part: "preamble", "operative").
PARTS = ("preamble", "operative")


@dataclass(frozen=True)
class Change:
    """One change. Which fields matter depends on `kind` (amendments/kinds/, whose module
    says what each field means to it; the kinds at the start were these):

    insert-words   target, words (the anchor), position (before/after), text; or position
                   start/end (of the unit's text) without words
    delete-words   target, words
    replace-words  target, words, text
    replace-throughout  target (the scope: "title", "preamble", "operative" or "all",
                   space-separated), words, text: every whole-word occurrence in the scope
    replace-unit   target, text
    insert-unit    target (the reference unit or part), position, unit, text, new_id
    delete-unit    target
    move-unit      target (the unit moved), position, destination

    `occurrence` picks one of several places the words occur (1 = first); 0 means "the only
    one". `text` is in the draft source's inline markup (*italic*, [@op14]). `exact` turns off
    the spacing help (a space added or absorbed at word boundaries), for machine-made changes.
    """
    kind: str
    target: str
    words: str = ""
    text: str = ""
    position: str = ""
    occurrence: int = 0
    unit: str = ""
    new_id: str = ""
    destination: str = ""
    exact: bool = False
    id: str = field(default="", compare=False)      # "P-07/2", given by the proposal
    line: int | None = field(default=None, compare=False)  # where it stood in its file

    @property
    def proposal_id(self) -> str:
        return self.id.rsplit("/", 1)[0]

    def with_text(self, text: str) -> "Change":
        return replace(self, text=text)


# ---------------------------------------------------------------- status

STATUSES = ("proposed", "accepted", "accepted-with-modification", "rejected", "withdrawn",
            "superseded", "merged")
DECIDED_ACCEPTED = ("accepted", "accepted-with-modification")
NOT_PREVIEWED = ("rejected", "withdrawn", "superseded", "merged")

# What may follow what. A withdrawn, superseded or merged proposal is closed: its proposer
# submits a new one. A decision may be reopened (back to proposed) before the next version.
# Only a proposal still undecided may be withdrawn: a decided one stays on the record as
# decided (reopened first, if the co-facilitators agree).
TRANSITIONS = {
    "proposed": {"accepted", "accepted-with-modification", "rejected", "withdrawn",
                 "superseded", "merged"},
    "accepted": {"proposed", "accepted-with-modification", "superseded", "merged"},
    "accepted-with-modification": {"proposed", "accepted", "accepted-with-modification",
                                   "superseded", "merged"},
    "rejected": {"proposed"},
    "withdrawn": set(),
    "superseded": set(),
    "merged": set(),
}

# How a status is said to the user; a compilation says it in its draft's language.
STATUS_WORDS = {s: ENGLISH.status(s) for s in STATUSES}


@dataclass(frozen=True)
class StatusEntry:
    """One step of a proposal's history. `by` names the proposal that superseded it or that it
    was merged into; `changes` hold the modified text of an acceptance with modification."""
    status: str
    date: str = ""
    note: str = ""
    by: str = ""
    changes: tuple = ()  # tuple[Change, ...]
    line: int | None = field(default=None, compare=False)


def allowed(current: str, new: str) -> bool:
    return new in TRANSITIONS.get(current, set())


def transition_hint(current: str) -> str:
    """What a proposal in status `current` may still become, for an error's hint."""
    nxt = sorted(TRANSITIONS.get(current, ()))
    return f"from {current} it may become {', '.join(nxt)}" if nxt else \
        f"a {current} proposal is closed; submit a new proposal instead"


# ---------------------------------------------------------------- proposals

@dataclass(frozen=True)
class Proposal:
    id: str
    proposer: str
    base: str                 # the version it was written against ("first-draft")
    changes: tuple            # tuple[Change, ...]
    co_sponsors: tuple = ()
    date: str = ""
    title: str = ""
    rationale: str = ""
    history: tuple = ()       # tuple[StatusEntry, ...]; empty means proposed
    file: str = field(default="", compare=False)
    form: str = field(default="data", compare=False)  # "data" (YAML) or "prose"
    # an issued amendment document read back: its own symbol, the note on its sponsors
    # ("On behalf of ..."), and its instructions as printed, in order (amendment-doc writes
    # them again as they were while they still say the changes)
    symbol: str = ""
    sponsors_note: str = ""
    instructions: tuple = ()
    # footnotes its new text brings: (id, text in inline markup); the text marks them [^id]
    footnotes: tuple = ()

    @property
    def status(self) -> str:
        return self.history[-1].status if self.history else "proposed"

    @property
    def decision(self) -> StatusEntry | None:
        return self.history[-1] if self.history else None

    @property
    def effective_changes(self) -> tuple:
        """The changes that apply: the modified text when accepted with modification."""
        last = self.decision
        if last and last.status == "accepted-with-modification" and last.changes:
            return last.changes
        return self.changes

    def who_in(self, lang: Language) -> str:
        """The proposer and any co-sponsors, as a compilation names them."""
        if self.co_sponsors:
            return lang.compilation["co-sponsors"].format(
                proposer=self.proposer, co_sponsors=lang.prose["comma"].join(self.co_sponsors))
        return self.proposer

    @property
    def who(self) -> str:
        return self.who_in(ENGLISH)

def number_changes(proposal_id: str, changes) -> tuple:
    """Give each change its id "P-07/1", "P-07/2" ... in proposal order."""
    return tuple(replace(c, id=f"{proposal_id}/{i}") for i, c in enumerate(changes, 1))


def selected(proposals, mode: str = "accepted") -> list[Proposal]:
    """The proposals whose changes go into the next version: accepted (and accepted with
    modification), or with mode "all" every one still on the table (for previews)."""
    if mode == "all":
        return [p for p in proposals if p.status not in NOT_PREVIEWED]
    return [p for p in proposals if p.status in DECIDED_ACCEPTED]
