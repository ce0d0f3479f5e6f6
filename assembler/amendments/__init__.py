"""Amendment proposals: the data model, reading and writing them (YAML, UN prose), applying
them to a version with provenance, conflicts, carrying forward, and compilations.

The API other parts build on:

    load_proposal(path) / load_proposals(paths) -> Proposal(s)
    dump_proposal(proposal) -> YAML text
    change_to_prose(change, index) / prose_to_change(sentence, index) -> Change
    apply_proposals(base, proposals, mode=..., prefer=..., versions=...) -> (Draft, ApplyRecord)
    infer_changes(old, new) -> Inferred(changes, notes): the changes (tuple of Change) that
        turn draft `old` into `new`, and notes (list of str) on what no change can say;
        units paired by id, and by text between versions numbered by position (infer.py)
"""
from .apply import apply_proposals
from .record import Applied, ApplyRecord, NotApplicable
from .conflicts import Conflict, ConflictsFound
from .kinds import KINDS
from .model import (STATUSES, Change, Proposal, StatusEntry, allowed, number_changes,
                    selected)
from .targets import UnitIndex

__all__ = ["Applied", "ApplyRecord", "NotApplicable", "apply_proposals", "Conflict",
           "ConflictsFound", "KINDS", "STATUSES", "Change", "Proposal", "StatusEntry", "allowed",
           "number_changes", "selected", "UnitIndex"]

from .infer import Inferred, infer_changes  # noqa: E402
from .prose import change_to_prose, prose_to_change  # noqa: E402
from .yamlio import load_proposal, load_proposals, parse_proposal  # noqa: E402
from .yamlout import dump_proposal  # noqa: E402

__all__ += ["Inferred", "infer_changes", "change_to_prose", "prose_to_change", "dump_proposal",
            "load_proposal", "load_proposals", "parse_proposal"]
