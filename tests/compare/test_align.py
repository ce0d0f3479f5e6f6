"""Aligning two versions of the seed's first draft, unit by unit."""
from __future__ import annotations

from dataclasses import replace

from assembler.compare import (CHANGED, DELETED, EQUAL, INSERTED, MOVED_AWAY, align)
from assembler.model import OperativeParagraph, Text


def set_text(draft, uid, old, new):
    """Replace words in one operative paragraph's plain text runs."""
    ops = []
    for item in draft.operative:
        if item.id == uid:
            content = tuple(replace(t, text=t.text.replace(old, new, 1)) if isinstance(t, Text)
                            and old in t.text else t for t in item.content)
            assert content != item.content, f"{old!r} not in {uid}"
            item = replace(item, content=content)
        ops.append(item)
    return replace(draft, operative=tuple(ops))


def move_after(draft, uid, after):
    items = list(draft.operative)
    unit = next(i for i in items if i.id == uid)
    items.remove(unit)
    k = next(n for n, i in enumerate(items) if i.id == after)
    items.insert(k + 1, unit)
    return replace(draft, operative=tuple(items))


def test_identical_versions_have_no_changes(first_draft):
    a = align(first_draft, first_draft)
    assert a.changes() == []
    assert len(a.entries) == sum(1 for _ in first_draft.units())


def test_word_change_is_one_changed_unit(first_draft):
    new = set_text(first_draft, "op3", "shall be open", "should be open")
    changes = align(first_draft, new).changes()
    assert [(e.status, e.id) for e in changes] == [(CHANGED, "op3")]


def test_deletion_renumbers_without_text_changes(first_draft):
    new = replace(first_draft, operative=tuple(i for i in first_draft.operative if i.id != "op4"))
    changes = align(first_draft, new).changes()
    assert [(e.status, e.id) for e in changes] == [(DELETED, "op4")]


def test_insertion(first_draft):
    items = list(first_draft.operative)
    items.insert(2, OperativeParagraph("op2bis", (Text("Decides", italic=True),
                                                  Text(" to meet again;"))))
    changes = align(first_draft, replace(first_draft, operative=tuple(items))).changes()
    assert [(e.status, e.id) for e in changes] == [(INSERTED, "op2bis")]


def test_move_is_a_move_not_a_delete_and_insert(first_draft):
    new = move_after(first_draft, "op9", "op12")
    a = align(first_draft, new)
    changes = a.changes()
    assert [(e.status, e.id, e.moved) for e in changes] == [
        (MOVED_AWAY, "op9", False), (EQUAL, "op9", True)]
    # the moved-away entry stands where op9 was, the moved one after op12
    ids = [e.id for e in a.part("operative")]
    assert ids.index("op9") < ids.index("op10")
    assert ids.index("op9", ids.index("op9") + 1) == ids.index("op12") + 1


def test_moved_with_children_moves_them_too(first_draft):
    new = move_after(first_draft, "op6", "op8")
    moved = {e.id for e in align(first_draft, new).changes() if e.moved}
    assert moved == {"op6", "op6.a", "op6.b", "op6.c"}


def _renumber_ids(draft):
    """What a separate import does: ids by position (op1, op2, ...)."""
    ops, n = [], 0
    for item in draft.operative:
        if isinstance(item, OperativeParagraph):
            n += 1
            item = replace(item, id=f"op{n}", children=())
        ops.append(item)
    return replace(draft, operative=tuple(ops))


def test_separate_imports_align_by_text(first_draft):
    base = _renumber_ids(first_draft)
    items = list(base.operative)
    items.insert(3, OperativeParagraph("opX", (Text("Welcomes", italic=True),
                                               Text(" the offer of a host country;"))))
    shifted = _renumber_ids(replace(base, operative=tuple(items)))
    shifted = set_text(shifted, "op11", "would jointly service", "shall jointly service")
    a = align(base, shifted)
    changes = a.changes()
    assert [(e.status, e.new.id if e.new else None) for e in changes] == [
        (INSERTED, "op4"), (CHANGED, "op11")]
    assert a.pairs()["op11"] == "op10"
    assert a.old_for("op29").id == "op28"


def test_rewritten_paragraph_keeps_its_id_pairing(first_draft):
    items = [replace(i, content=(Text("Decides", italic=True), Text(" something else entirely;")))
             if i.id == "op12" else i for i in first_draft.operative]
    changes = align(first_draft, replace(first_draft, operative=tuple(items))).changes()
    assert [(e.status, e.id, e.matched_by) for e in changes] == [(CHANGED, "op12", "id")]


def test_footnote_change(first_draft):
    fn = first_draft.footnotes[0]
    new_fn = replace(fn, content=(Text("A shorter note."),))
    new = replace(first_draft, footnotes=(new_fn,) + first_draft.footnotes[1:])
    changes = align(first_draft, new).changes()
    assert [(e.part, e.status, e.id) for e in changes] == [("footnotes", CHANGED, fn.id)]
