"""Every pair of colliding changes is found, however many proposals change the same words:
in the core (find_conflicts), the compilation, the preview and apply."""
from __future__ import annotations

from itertools import combinations

import pytest

from assembler.amendments import (Change, ConflictsFound, Proposal, StatusEntry,
                                  apply_proposals, number_changes)
from assembler.amendments.compile import compile_proposals
from assembler.amendments.preview import preview

DELEGATIONS = [f"Delegation {chr(ord('A') + i)}" for i in range(24)]


def proposal(pid, *changes, status="proposed", proposer=None):
    return Proposal(pid, proposer or f"Delegation {pid}", "first-draft",
                    number_changes(pid, changes), history=(StatusEntry(status),))


def same_words(n: int) -> list[Proposal]:
    """n delegations each replacing "at least four days" in OP 26 their own way."""
    return [proposal(f"P-{i + 1:02}", Change("replace-words", "OP 26", words="at least four days",
                                             text=f"{i + 2} days"), proposer=DELEGATIONS[i])
            for i in range(n)]


def pairs(conflicts) -> set[frozenset]:
    return {frozenset((c.a.proposal.id, c.b.proposal.id)) for c in conflicts}


def test_the_compilation_shows_every_pair_of_24_proposals_on_the_same_words(first_draft):
    props = same_words(24)
    comp = compile_proposals(first_draft, props)
    ids = [p.id for p in props]
    assert pairs(comp.conflicts) == {frozenset(x) for x in combinations(ids, 2)}
    assert len(comp.conflicts) == 24 * 23 // 2
    # each entry names the 23 others it collides with
    [row] = [r for r in comp.rows if r.unit == "op26"]
    assert [len(e.conflicts) for e in row.entries] == [23] * 24


def test_a_preview_names_every_proposal_on_file_on_the_same_words(first_draft):
    on_file = same_words(24)
    mine = proposal("D-01", Change("delete-words", "OP 26", words="four days"),
                    proposer="Delegation Y")
    p = preview(first_draft, [mine], on_file)
    assert sorted(c.theirs for c in p.clashes) == sorted(f"{q.id}/1" for q in on_file)
    assert {c.proposer for c in p.clashes} == set(DELEGATIONS)


def test_a_change_overlapping_two_others_names_both(first_draft):
    # "at least four days" and "four days of informal interactive" overlap; "days of" lies
    # in both, after the start of the second: it collides with each
    left = proposal("P-L", Change("delete-words", "OP 26", words="at least four days"),
                    proposer="Delegation A")
    long = proposal("P-W", Change("replace-words", "OP 26",
                                  words="four days of informal interactive",
                                  text="hearings"), proposer="Delegation B")
    mid = proposal("P-M", Change("replace-words", "OP 26", words="days of", text="days and"),
                   proposer="Delegation C")
    apart = proposal("P-X", Change("delete-words", "OP 26",
                                   words="between April 2017 and June 2018, "),
                     proposer="Delegation D")
    want = {frozenset(x) for x in (("P-L", "P-W"), ("P-L", "P-M"), ("P-W", "P-M"))}
    with pytest.raises(ConflictsFound) as err:
        apply_proposals(first_draft, [left, long, mid, apart], mode="all")
    assert pairs(err.value.conflicts) == want
    assert pairs(compile_proposals(first_draft, [apart, mid, long, left]).conflicts) == want
    p = preview(first_draft, [mid], [left, long, apart])
    assert sorted(c.theirs for c in p.clashes) == ["P-L/1", "P-W/1"]


def test_insertions_at_one_point_all_collide_and_an_insertion_at_an_edge_does_not(first_draft):
    at = [proposal(f"P-{i}", Change("insert-words", "OP 5", words="two", position="after",
                                    text=f"or {i}"), proposer=DELEGATIONS[i]) for i in range(4)]
    edge = proposal("P-E", Change("replace-words", "OP 5", words="co-facilitators",
                                  text="facilitators"), proposer="Delegation Z")
    comp = compile_proposals(first_draft, at + [edge])
    assert pairs(comp.conflicts) == {frozenset((a.id, b.id)) for a, b in combinations(at, 2)}
    assert {c.why for c in comp.conflicts} == {"same-point"}


def test_every_pair_replacing_moving_or_placing_at_one_paragraph(first_draft):
    reps = [proposal(f"P-{i}", Change("replace-unit", "OP 24", text=f"*Also decides* {i};"),
                     proposer=DELEGATIONS[i]) for i in range(3)]
    moves = [proposal(f"M-{i}", Change("move-unit", "OP 9", position="after",
                                       destination=f"OP {12 + i}"), proposer=DELEGATIONS[i])
             for i in range(3)]
    places = [proposal(f"I-{i}", Change("insert-unit", "OP 7", position="after", unit="op",
                                        text=f"*New* {i};"), proposer=DELEGATIONS[i])
              for i in range(3)]
    comp = compile_proposals(first_draft, reps + moves + places)
    want = {frozenset((a.id, b.id)) for group in (reps, moves, places)
            for a, b in combinations(group, 2)}
    assert pairs(comp.conflicts) == want


def test_every_deletion_of_a_paragraph_is_named_against_a_change_inside_it(first_draft):
    dels = [proposal(f"P-{i}", Change("delete-unit", "OP 19"), proposer=DELEGATIONS[i])
            for i in range(2)]
    inside = proposal("P-W", Change("insert-words", "OP 19 (b)", words="Member States",
                                    position="after", text="x"), proposer="Delegation Z")
    comp = compile_proposals(first_draft, dels + [inside])
    assert pairs(comp.conflicts) == {frozenset(("P-0", "P-W")), frozenset(("P-1", "P-W"))}
