"""The co-facilitators' decisions (room/chair.py) on the text a delegate would read: what
they type as a modified text is plain text, as a delegation's typed change is."""
from __future__ import annotations

import html

from roomkit import flash, make_room, signed_in
from test_room import submitted_on_op24
from assembler.amendments.yamlio import load_proposal


def test_a_modified_text_of_one_change_is_plain_text(tmp_path):
    """A lone "*" and "[^fn1]" typed in "Modified text" are stored escaped (never italics
    or a footnote), and the proposal's page shows them as typed."""
    store, accounts, app = make_room(tmp_path)
    pid = submitted_on_op24(app, accounts)
    chair, csrf = signed_in(app, accounts, "Co-facilitators", "chair")
    r = chair.post(f"/p/{pid}/decide", data={"csrf": csrf, "action": "modify",
                                             "text": "March 2018 for 5 * [^fn1] days"})
    assert flash(r.text) == f"{pid}: accepted with modification."
    p = load_proposal(store.round_dir / f"{pid}.yaml")
    assert p.effective_changes[0].text == r"March 2018 for 5 \* \[^fn1] days"
    page = html.unescape(chair.get(f"/p/{pid}").text)
    assert "“March 2018 for 5 * [^fn1] days”" in page
    assert r"\*" not in page
