"""What the room's pages show (room/views.py), as a room under load asks for it again: a
proposal's redline is kept per version, its collisions are weighed anew each time."""
from __future__ import annotations

from roomkit import make_room, signed_in
from test_room import change, new_draft, submitted_on_op24


def test_a_proposals_page_keeps_its_redline_and_shows_new_collisions(tmp_path):
    """The page of a submitted proposal, opened again after another delegation submitted a
    change of the same words, names that new collision beside the same redline (kept from
    the first opening, not drawn again)."""
    from assembler.room.views import planner_of
    store, accounts, app = make_room(tmp_path)
    pid = submitted_on_op24(app, accounts)
    q, _ = signed_in(app, accounts, "Delegation Q")
    first = q.get(f"/p/{pid}").text
    assert ">six</ins>" in first and "by Delegation R" not in first
    kept = dict(planner_of(store)._drawn)
    assert [key[0] for key in kept] == [pid]
    r, csrf = signed_in(app, accounts, "Delegation R")
    other = new_draft(r, csrf)
    change(r, csrf, other, form="words", target="op24", words="four days", offset="0",
           mode="replace", text="three days")
    r.post(f"/drafts/{other}/submit", data={"csrf": csrf})
    again = q.get(f"/p/{pid}").text
    assert f"collides with {other}/1 by Delegation R" in again and ">six</ins>" in again
    assert all(planner_of(store)._drawn[key] is hit for key, hit in kept.items())


def test_a_submission_is_read_back_out_of_the_lock_and_filed_as_the_draft_stands(
        tmp_path, monkeypatch):
    """The proposal's file text is made and read back before the negotiation's lock is
    taken; a draft changed after that is filed as it stands under the lock, read back
    there."""
    import threading
    import assembler.amendments.yamlio as yamlio
    from assembler.amendments.yamlio import load_proposal
    from assembler.room.store import today
    store, accounts, app = make_room(tmp_path)
    q, csrf = signed_in(app, accounts, "Delegation Q")
    pid = new_draft(q, csrf)
    change(q, csrf, pid, form="words", target="op24", words="four days", offset="0",
           mode="replace", text="six days")
    under_lock, watched = [], [pid]
    real = yamlio.parse_proposal

    def parse(text, *args, **kw):
        if f"id: {watched[0]}" in text and "status: proposed" in text:
            under_lock.append(store._writer == threading.get_ident())
        return real(text, *args, **kw)
    monkeypatch.setattr(yamlio, "parse_proposal", parse)
    r = q.post(f"/drafts/{pid}/submit", data={"csrf": csrf})
    assert r.url.path == f"/p/{pid}" and under_lock[0] is False and True not in under_lock
    assert load_proposal(store.round_dir / f"{pid}.yaml").changes[0].text == "six days"
    # made for the draft as it was, then the draft changed: filed as it stands
    me = accounts.by_name("Delegation Q").id
    other = new_draft(q, csrf)
    change(q, csrf, other, form="words", target="op8", words="cofacilitators", offset="0",
           mode="replace", text="co-chairs")
    made = store.filing(store.private_draft(me, other))
    change(q, csrf, other, form="words", target="op24", words="four days", offset="0",
           mode="replace", text="nine days")
    under_lock.clear()
    watched[0] = other
    with store.action("Delegation Q", "submit", other) as w:
        store.submit(w, me, other, made)
    assert under_lock == [True]
    filed = load_proposal(store.round_dir / f"{other}.yaml")
    assert [c.text for c in filed.changes] == ["co-chairs", "nine days"]
    assert filed.date == today()
