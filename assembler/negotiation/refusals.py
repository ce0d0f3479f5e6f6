"""Why a step of the negotiation's workflow is refused, as data: which problem, which input
is at fault (by the domain's name for it: date, by, text, changes, name, prefer), what was
given, and which proposal or file. The domain never names a command-line flag or a form
field: the command line and the room each put a refusal into words with their own names
for the inputs (a `Wording`), the same problem in both.

    raise Refusal("by-itself", field="by", value="P-03", new="superseded", word="by")
    err.worded(CLI_WORDING)    -> "--by P-03: a proposal cannot be superseded by itself"
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..errors import AssemblerError


@dataclass(frozen=True)
class Wording:
    """How one face names the workflow's inputs: `names[input]` where a message quotes it,
    `asks[input]` where a hint asks for it (with an example value)."""
    names: Mapping[str, str]
    asks: Mapping[str, str] = field(default_factory=dict)

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    def ask(self, key: str) -> str:
        return self.asks.get(key, self.name(key))


# Said when no face words it (the Python API, a log): the inputs by their plain names.
PLAIN = Wording(
    names={"action": "the decision", "date": "the date", "by": "the proposal it goes to",
           "text": "the modified text", "changes": "the modified changes",
           "name": "the version name", "prefer": "the proposal preferred"},
    asks={"by": "the id of the proposal that takes it over", "text": "the modified text",
          "changes": "each modified change in UN prose"})

# problem -> (message, hint); {name[x]} / {ask[x]} are the face's words for input x, other
# fields are the facts the refusal carries
PROBLEMS: dict[str, tuple[str, str]] = {
    "unknown-action": ("unknown action '{value}'", "one of {actions}"),
    "issued": ("{pid} is applied in {version}, which is issued: it can no longer be {new}",
               "propose a change to the new version instead"),
    "not-allowed": ("{pid} is {old} and cannot become {new}", "{transitions}"),
    "date": ("{name[date]} {detail}", "{detail_hint}"),
    "text-not-for": ("{name[text]} and {name[changes]} are for modify, not {action}",
                     "leave them out, or use modify"),
    "text-and-changes": ("give the modification either as {name[text]} or as "
                         "{name[changes]}, not both",
                         "{name[text]} for a proposal with one change; {ask[changes]} for "
                         "each modified change"),
    "text-empty": ("{name[text]} is empty", "give the modified text"),
    "text-needs-one-change": ("{name[text]} works for a proposal with one change that has "
                              "text", "give the modified changes with {ask[changes]}"),
    "no-modification": ("an acceptance with modification needs the modified text",
                        "add {ask[text]} or {ask[changes]}"),
    "by-not-for": ("{name[by]} is for supersede and merge, not {action}",
                   "leave out {name[by]}"),
    "by-missing": ("say which proposal it is {new} {word}", "add {ask[by]}"),
    "by-not-a-name": ("{name[by]} {detail}", "{detail_hint}"),
    "by-file-name": ("{name[by]} {value}: give the proposal's id, not its file name",
                     "e.g. {name[by]} {stem}"),
    "by-itself": ("{name[by]} {value}: a proposal cannot be {new} {word} itself",
                  "name the proposal that takes it over"),
    "by-not-on-file": ("{name[by]} {value}: no proposal with that id is on file",
                       "name another proposal of this negotiation"),
    "name-not-a-name": ("{name[name]} {detail}", "{detail_hint}"),
    "prefer-unknown": ("{name[prefer]} {value}: no proposal has that id", "give one of {ids}"),
    "id-on-file": ("a proposal {value} is already on file", "give it another id"),
    "no-changes": ("{value} has no changes", "add a change before submitting"),
}


class Refusal(AssemblerError):
    """A step of the workflow refused (bad input: exit 2 on the command line). `problem` is a
    key of PROBLEMS, `field` the input at fault, `value` what was given, `facts` the rest the
    words need; `str()` says it in PLAIN words, `worded(w)` in a face's."""

    def __init__(self, problem: str, *, field: str = "", value: str = "",
                 file: str | None = None, unit: str | None = None, **facts: str):
        self.problem, self.field, self.value = problem, field, value
        self.facts = facts
        message, hint = self.words(PLAIN)
        super().__init__(message, file=file, unit=unit, hint=hint)

    def words(self, wording: Wording) -> tuple[str, str]:
        """(message, hint) in `wording`."""
        message, hint = PROBLEMS[self.problem]
        names = {k: wording.name(k) for k in wording.names.keys() | PLAIN.names.keys()}
        asks = {k: wording.ask(k) for k in names}
        fill = _Facts(self.facts, value=self.value, name=names, ask=asks)
        return message.format_map(fill), hint.format_map(fill)

    def worded(self, wording: Wording) -> AssemblerError:
        """The same refusal as a plain error, in the words of one face."""
        message, hint = self.words(wording)
        out = AssemblerError(message, file=self.file, line=self.line, unit=self.unit,
                             hint=hint or None)
        out.exit_code = self.exit_code
        return out


class _Facts(dict):
    """A fact the words ask for and the refusal does not carry is said as nothing."""

    def __missing__(self, key: str) -> str:
        return ""


def from_error(problem: str, err: AssemblerError, field: str, value: str,
               **facts: str) -> Refusal:
    """A refusal made from a lower layer's error about one input (a date, a name): its words
    follow the input's name, its hint is kept."""
    return Refusal(problem, field=field, value=value, file=err.file,
                   detail=err.message.strip(), detail_hint=err.hint or "", **facts)
