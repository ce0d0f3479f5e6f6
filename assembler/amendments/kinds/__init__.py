"""Change kinds as a registry: one module a kind (see base.Kind for what each holds).

    kind("insert-words")   the Kind of that name (KeyError names the known ones)
    KINDS                  every kind's name, in the order sentences are tried
    change_schema()        the JSON Schema of a structured change, made from the kinds

Everything that handles changes (apply, conflicts, carry, prose, compile, infer, yamlio,
yamlout, the room's paragraph form, the property tests' strategy, and
schemas/proposal.schema.json through `make schema`) asks the registry; a new kind is one new
module here and one line below.
"""
from __future__ import annotations

from importlib import import_module

from .base import (CLAIMS, Arbitrary, Building, Claim, Difference, Kind, NotCarried, Place,
                   Planned, Planning, Reading, carried_reason)

# One line a kind (its module here). Order matters for reading prose only: the first kind
# whose sentence matches reads it.
MODULES = (
    "insert_words",
    "delete_words",
    "replace_words",
    "replace_throughout",
    "replace_unit",
    "insert_unit",
    "delete_unit",
    "move_unit",
    "split_unit",
)
REGISTRY: dict[str, Kind] = {k.name: k for k in (import_module(f"{__name__}.{m}").KIND
                                                 for m in MODULES)}
KINDS = tuple(REGISTRY)
WORD_KINDS = tuple(n for n, k in REGISTRY.items() if hasattr(k, "edit"))


def kind(name: str) -> Kind:
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown change kind '{name}' (known: {', '.join(KINDS)})") from None


def change_schema() -> dict:
    """The "structured" change of schemas/proposal.schema.json: a kind, then its fields."""
    return {"type": "object", "required": ["kind"],
            "properties": {"kind": {"enum": list(KINDS)}},
            "allOf": [{"if": {"properties": {"kind": {"const": k.name}}}, "then": k.schema}
                      for k in REGISTRY.values()]}


PARTS = ("name", "schema", "example", "forms", "from_mapping", "to_mapping", "write", "read",
         "plan", "claims", "build", "preview", "with_ids", "carry", "infer", "arbitrary")


def missing_parts(k) -> list[str]:
    """The parts a kind lacks (abstract, or a class attribute left unset or empty)."""
    abstract = getattr(type(k), "__abstractmethods__", frozenset())
    return [part for part in PARTS if part in abstract or not getattr(k, part, None)]


def combine(changes: list, index) -> list:
    """Inferred changes, each kind given the chance to say several in one (a replacement
    throughout for the same words replaced in every unit they stand in)."""
    for k in REGISTRY.values():
        changes = k.combine(changes, index)
    return changes


def infer(d: Difference):
    """The change that says difference `d` (the first kind that says it)."""
    for k in REGISTRY.values():
        change = k.infer(d)
        if change is not None:
            return change
    raise ValueError(f"no change kind says a difference of the kind '{d.what}'")


__all__ = ["CLAIMS", "PARTS", "missing_parts", "REGISTRY", "KINDS", "WORD_KINDS", "kind",
           "change_schema", "combine", "infer", "Building", "Claim", "Difference", "Kind",
           "NotCarried", "Place", "Planned", "Planning", "Reading", "Arbitrary",
           "carried_reason", "room_ops"]


def room_ops() -> list[tuple[str, str, str]]:
    """The room's paragraph form's operations: (value, what the menu says, kind)."""
    return [(op, label, k.name) for k in REGISTRY.values() for op, label in k.room_ops]
