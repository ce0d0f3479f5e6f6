"""Change kinds as a registry (assembler/amendments/kinds/): every kind has every part, and
each part works: its schema takes its mappings, its sentences read back, it applies to a real
draft, it claims its span against other changes, it is carried forward and inferred."""
from __future__ import annotations

import json

import jsonschema
import pytest

from assembler.amendments import apply_proposals, infer_changes
from assembler.amendments.kinds import (KINDS, REGISTRY, Kind, change_schema, missing_parts)
from assembler.amendments.kinds.base import Difference
from assembler.amendments.model import Change, Proposal, number_changes
from assembler.amendments.prose import change_to_prose, prose_to_changes
from assembler.amendments.yamlio import proposal_schema, schema_text
from assembler.amendments.yamlout import change_to_mapping
from assembler.amendments.yamlio import change_from_mapping

from conftest import ROOT

KINDS_DIR = ROOT / "assembler" / "amendments" / "kinds"
SCHEMA = ROOT / "schemas" / "proposal.schema.json"
HELPERS = {"__init__", "base", "grammar", "inwords"}


def test_every_kind_module_is_registered_and_has_every_part():
    modules = {p.stem for p in KINDS_DIR.glob("*.py")} - HELPERS
    assert {m.replace("_", "-") for m in modules} == set(KINDS)
    for name, k in REGISTRY.items():
        assert k.name == name
        assert missing_parts(k) == [], name


def test_a_kind_lacking_a_part_is_caught():
    whole = dict(vars(type(REGISTRY["delete-unit"])))
    for part in ("carry", "infer", "claims", "read"):
        parts = {k: v for k, v in whole.items() if k != part}
        with pytest.raises(TypeError, match=part):
            type("Lacking", (Kind,), parts)()
    for part in ("schema", "forms", "example"):
        lacking = type("Lacking", (type(REGISTRY["delete-unit"]),), {part: None})()
        assert missing_parts(lacking) == [part]


def test_the_schema_file_is_the_one_the_kinds_make():
    on_disk = json.loads(SCHEMA.read_text("utf-8"))
    assert on_disk["$defs"]["structured"] == change_schema(), \
        "schemas/proposal.schema.json is behind the kinds: run make schema"
    assert SCHEMA.read_text("utf-8") == schema_text(), "run make schema"
    assert proposal_schema()["$defs"]["structured"] == change_schema()


def test_make_schema_writes_what_the_kinds_say(tmp_path, monkeypatch):
    """`make schema` rewrites the file from the kinds: a kind's schema changed shows in it."""
    from assembler.amendments import yamlio
    copy = tmp_path / "proposal.schema.json"
    copy.write_text(SCHEMA.read_text("utf-8"), "utf-8")
    monkeypatch.setattr(yamlio, "SCHEMA", copy)
    k = REGISTRY["delete-unit"]
    monkeypatch.setattr(type(k), "schema", {**k.schema, "description": "made by make schema"})
    yamlio.proposal_schema.cache_clear()
    try:
        yamlio.write_schema()
    finally:
        yamlio.proposal_schema.cache_clear()
    written = json.loads(copy.read_text("utf-8"))
    [then] = [rule["then"] for rule in written["$defs"]["structured"]["allOf"]
              if rule["if"]["properties"]["kind"]["const"] == "delete-unit"]
    assert then["description"] == "made by make schema"
    assert written["properties"] == json.loads(SCHEMA.read_text("utf-8"))["properties"]


@pytest.mark.parametrize("name", KINDS)
def test_each_kinds_example_reads_writes_and_validates(name):
    k = REGISTRY[name]
    [change] = prose_to_changes(k.example)
    assert change.kind == name
    again = prose_to_changes(change_to_prose(change))
    assert again == [change]
    mapping = change_to_mapping(change)
    jsonschema.validate({"id": "P-1", "proposer": "Delegation A", "base": "v",
                         "changes": [mapping]}, proposal_schema())
    assert change_from_mapping(mapping) == change


# ---------------------------------------------------------------- on the example draft

@pytest.fixture(scope="module")
def first():
    from assembler.source import load_draft
    return load_draft(ROOT / "drafts" / "gcm-modalities" / "first-draft.draft")


def _proposal(pid, *changes, base="first-draft"):
    return Proposal(pid, f"Delegation {pid}", base, number_changes(pid, changes),
                    history=())


def test_every_kind_is_inferred_and_applies(first):
    """Inference goes through the registry: each difference is said by the kind that says
    it, and applying what was inferred gives the new version back."""
    changes = (Change("delete-unit", "OP 3"), Change("move-unit", "OP 9", position="after",
                                                     destination="OP 12"),
               Change("insert-unit", "OP 7", position="after", unit="op",
                      text="*Encourages* Member States to take part"),
               Change("replace-unit", "PP 3", text="*Acknowledging* the work done so far"),
               Change("replace-words", "OP 24", words="three days", text="four days"),
               Change("delete-words", "OP 26", words="at least"),
               Change("insert-words", "OP 5", words="two co-facilitators", position="after",
                      text="and experts"),
               Change("replace-throughout", "operative", words="stakeholders", text="actors"),
               Change("split-unit", "OP 28", words="contributing generously"))
    new, _ = apply_proposals(first, [_proposal("P-1", *changes)], mode="all")
    inferred = infer_changes(first, new)
    assert {c.kind for c in inferred.changes} == set(KINDS)
    [throughout] = [c for c in inferred.changes if c.kind == "replace-throughout"]
    assert (throughout.target, throughout.words, throughout.text) == ("operative",
                                                                      "stakeholders", "actors")
    again, _ = apply_proposals(first, [_proposal("P-2", *inferred.changes)], mode="all")
    assert [u.content for u in again.units()] == [u.content for u in new.units()]


def test_the_registry_says_each_difference_once():
    from assembler.amendments.kinds import infer
    said = {what: infer(Difference(what, "op1", at="op2", position="after", text="x",
                                   unit_kind="op", said="y" if what != "gone" else "")).kind
            for what in ("gone", "added", "moved", "rewritten", "words", "throughout")}
    assert said == {"gone": "delete-unit", "added": "insert-unit", "moved": "move-unit",
                    "rewritten": "replace-unit", "words": "replace-words",
                    "throughout": "replace-throughout"}
