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
