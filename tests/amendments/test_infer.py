"""Inferring the changes between two versions (amendments/infer.py) when their ids do not
follow the units: versions imported separately, numbered by position as readers number a
document that carries no ids."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings

from assembler.amendments import (Proposal, UnitIndex, apply_proposals, change_to_prose,
                                  infer_changes, number_changes)
from assembler.amendments.model import Change
from assembler.inline import plain
from assembler.model import Annex, AnnexParagraph, CrossRef, OperativeParagraph, Text
from assembler.numbering import compute_labels

from conftest import ROOT
from positional import by_position
from test_amendments_properties import two_versions


def reading(d):
    """Each unit's text as a reader sees it (cross-references by their numbers)."""
    labels = compute_labels(d)
    return [(u.kind, plain(u.content, lambda t: labels[t].number))
            for u in d.units() if hasattr(u, "content")]


def applied(base, changes):
    prop = Proposal("P-x", "Delegation A", base.metadata.version, number_changes("P-x", changes))
    return apply_proposals(base, [prop], mode="all")[0]


def test_an_insertion_between_versions_numbered_by_position_is_one_insertion(first_draft):
    ops = [u for u in first_draft.operative if u.id != "op3"]
    at = next(k for k, u in enumerate(ops) if u.id == "op10")
    ops.insert(at, OperativeParagraph("x", (Text("Decides", italic=True),
                                            Text(" to hold one more meeting in New York;"))))
    ops = [replace(u, content=tuple(replace(t, text=t.text.replace("two co-facilitators",
                                                                    "three co-facilitators"))
                                    if isinstance(t, Text) else t for t in u.content))
           if u.id == "op5" else u for u in ops]
    old, new = by_position(first_draft), by_position(replace(first_draft, operative=tuple(ops)))
    assert new.unit_index()["op9"].content != old.unit_index()["op9"].content  # ids shifted
    changes, notes = infer_changes(old, new)
    index = UnitIndex(old)
    assert [change_to_prose(c, index) for c in changes] == [
        "Delete operative paragraph 3.",
        "In operative paragraph 5, replace “two” with “three”.",
        "Insert a new operative paragraph after operative paragraph 9, with id op9-new, "
        "reading: “*Decides* to hold one more meeting in New York;”."]
    assert notes == []
    assert reading(applied(old, changes)) == reading(new)


def test_ids_are_kept_when_the_new_version_names_its_base(first_draft):
    """op27 rewritten to read as op28 did, op28 deleted: between versions numbered by
    position that reads as op27 deleted; a version made from its base (based_on) keeps ids
    as identity, so it is op27 changed and op28 deleted."""
    ops = list(first_draft.operative)
    i27 = next(k for k, u in enumerate(ops) if u.id == "op27")
    i28 = next(k for k, u in enumerate(ops) if u.id == "op28")
    ops[i27] = replace(ops[i27], content=ops[i28].content)
    new = replace(first_draft, operative=tuple(u for u in ops if u.id != "op28"))
    changes, _ = infer_changes(first_draft, new)
    assert [(c.kind, c.target) for c in changes] == [("delete-unit", "op27")]
    assert reading(applied(first_draft, changes)) == reading(new)
    made_from = replace(new, metadata=new.metadata.with_values(based_on="first-draft"))
    changes, _ = infer_changes(first_draft, made_from)
    assert ("delete-unit", "op28") in [(c.kind, c.target) for c in changes]
    assert applied(first_draft, changes).operative == new.operative


def test_what_no_change_can_say_is_a_note(first_draft):
    annex = Annex("annex1", (Text("Annex"),), (AnnexParagraph("annex1.p1", (Text("Terms."),)),))
    new = replace(first_draft, annexes=(annex,),
                  footnotes=first_draft.footnotes[:0])
    changes, notes = infer_changes(first_draft, new)
    assert changes == ()
    assert any(n.startswith("annex annex1 was added") for n in notes)
    assert any(n.startswith("footnote fn1 was removed") for n in notes)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(two_versions())
def test_versions_numbered_by_position_give_the_new_text(pair):
    """Generated pairs of versions, both numbered by position: the inferred changes, applied
    to the old version, give every unit's text of the new one (ids may differ)."""
    old, new = (by_position(d) for d in pair)
    changes, _ = infer_changes(old, new)
    assert reading(applied(old, changes)) == reading(new)


def test_words_added_at_the_start_or_end_are_said_so(first_draft):
    """Words added at the end of a paragraph (before its closing punctuation) or at its start
    are inferred as the UN writes them: "At the end of operative paragraph 5, add ...", with no
    quoted anchor; applied, they give the new text."""
    op5 = first_draft.operative[4]
    text = plain(op5.content)
    assert text.endswith(":") or text.endswith(";") or text.endswith(".")
    ended = replace(op5, content=op5.content[:-1] + (Text(
        plain(op5.content[-1:])[:-1] + " and experts" + text[-1]),))
    op1 = first_draft.operative[0]
    a = op1.children[0]
    started = replace(op1, children=(replace(a, content=(Text("in any case " + a.content[0].text),)
                                             + a.content[1:]),)
                      + op1.children[1:])
    new = replace(first_draft, operative=(started,) + first_draft.operative[1:4] + (ended,)
                  + first_draft.operative[5:])
    inferred = infer_changes(first_draft, new)
    said = [change_to_prose(c, UnitIndex(first_draft)) for c in inferred.changes]
    assert said == ["At the beginning of operative paragraph 1 (a), add “in any case”.",
                    "At the end of operative paragraph 5, add “and experts”."], said
    assert reading(applied(first_draft, list(inferred.changes))) == reading(new)


def test_inferred_prose_reads_as_plain_words():
    """What `diff` prints and a proposal file's header says: no inline markup, no footnote
    marker, no machine id, cross-references by number (the Rev.1 draft's new paragraphs and
    a footnote added with a new one)."""
    from assembler.amendments.prose import readers_prose
    from assembler.source import load_draft
    base = load_draft(ROOT / "drafts" / "gcm-modalities" / "first-draft.draft")
    later = load_draft(ROOT / "drafts" / "gcm-modalities" / "rev1.draft")
    changes, _ = infer_changes(base, later)
    index = UnitIndex(base)
    said = [readers_prose(c, index) for c in changes]
    assert any("reading: “Recognizing the positive contribution" in s for s in said)
    for s in said:
        assert "*" not in s and "[^" not in s and "with id" not in s and "[@" not in s, s
    new = Change("insert-unit", "op11", position="after", unit="op", new_id="op11-2",
                 text="*Stresses* the report called for in [@op11][^fn1];")
    assert readers_prose(new, index) == (
        "Insert a new operative paragraph after operative paragraph 11, reading: “Stresses "
        "the report called for in operative paragraph 11;”.")
    # the proposal keeps its markup and id: the prose it is read back from says them
    assert "with id op11-2" in change_to_prose(new, index) and "*Stresses*" in \
        change_to_prose(new, index)
