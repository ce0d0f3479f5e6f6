"""The room's guards, tried the way an intruder or a curious delegation would: nobody
without an invitation, no form without its CSRF token, no delegation reading another's drafts,
changing another's proposal or deciding a status; cookie flags, the CSP, escaping, no path
from a request reaching the filesystem, the sign-in rate limit."""
from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from roomkit import csrf_of, make_room, signed_in


@pytest.fixture
def room(tmp_path):
    return make_room(tmp_path)


def new_draft(client, csrf, title="Mine") -> str:
    r = client.post("/drafts", data={"csrf": csrf, "title": title})
    assert r.status_code == 200
    return str(r.url).rsplit("/", 1)[1]


def add_words(client, csrf, pid, target="op5", words="two co-facilitators",
              text="three co-facilitators"):
    return client.post(f"/drafts/{pid}/changes", data={
        "csrf": csrf, "form": "words", "target": target, "words": words, "text": text,
        "mode": "replace", "offset": "0"})


def audit_size(store) -> int:
    return sum(p.stat().st_size for p in store.record.log.segments())


def test_nobody_gets_in_without_an_invitation(room):
    store, accounts, app = room
    c = TestClient(app, base_url="http://127.0.0.1")
    for path in ("/read", "/proposals", "/compilation", "/issued", "/drafts/W-01",
                 "/issued/rev1/redline.docx"):
        r = c.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/", path
    r = c.post("/drafts", data={"csrf": "x", "title": "x"})
    assert r.status_code == 401
    r = c.post("/signin", data={"csrf": "forged", "token": "guess"})
    assert r.status_code == 403
    assert not (store.room_dir / "private").exists()


def test_a_sign_in_link_works_once_and_tokens_are_stored_hashed(room):
    store, accounts, app = room
    _, token = accounts.invite("Co-facilitators", "Delegation A")
    assert token not in (store.room_dir / "accounts.json").read_text()
    c = TestClient(app, base_url="http://127.0.0.1")
    csrf = csrf_of(c.get(f"/signin/{token}").text)
    assert c.post("/signin", data={"csrf": csrf, "token": token}).url.path == "/proposals"
    other = TestClient(app, base_url="http://127.0.0.1")
    csrf2 = csrf_of(other.get(f"/signin/{token}").text)
    r = other.post("/signin", data={"csrf": csrf2, "token": token})
    assert r.status_code == 410 and "This sign-in link has already been used" in r.text
    assert other.get("/proposals", follow_redirects=False).status_code == 303


def test_sign_in_is_rate_limited(room):
    store, accounts, app = room
    _, token = accounts.invite("Co-facilitators", "Delegation A")
    c = TestClient(app, base_url="http://127.0.0.1")
    csrf = csrf_of(c.get("/signin/whatever").text)
    codes = [c.post("/signin", data={"csrf": csrf, "token": f"guess-{i}"}).status_code
             for i in range(12)]
    assert codes[:10] == [403] * 10 and codes[10:] == [429, 429]
    # even the right token is refused while the address is blocked, and is not spent
    r = c.post("/signin", data={"csrf": csrf, "token": token})
    assert r.status_code == 429 and r.headers["retry-after"]
    assert accounts.by_name("Delegation A").token_hash


def test_session_cookie_flags(room, tmp_path):
    store, accounts, app = room
    _, token = accounts.invite("Co-facilitators", "Delegation A")
    c = TestClient(app, base_url="http://127.0.0.1")
    r = c.get(f"/signin/{token}")
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie
    _, accounts2, app2 = make_room(tmp_path / "secure", secure=True)
    r = TestClient(app2, base_url="https://127.0.0.1").get("/signin/x")
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" in cookie


@pytest.mark.parametrize("path", ["/", "/signin/abc", "/static/room.js", "/static/nothing.js",
                                  "/read"])
def test_every_response_carries_a_strict_csp(room, path):
    store, accounts, app = room
    r = TestClient(app, base_url="http://127.0.0.1").get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_hold_no_inline_script_or_style(room):
    store, accounts, app = room
    c, csrf = signed_in(app, accounts, "Delegation A")
    pid = new_draft(c, csrf)
    add_words(c, csrf, pid)
    for path in ("/proposals", f"/drafts/{pid}", f"/drafts/{pid}/preview", "/read"):
        html = c.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert "<style" not in html and " style=" not in html and "onclick" not in html, path


def test_forms_without_the_csrf_token_are_refused_and_write_nothing(room):
    store, accounts, app = room
    c, csrf = signed_in(app, accounts, "Delegation A")
    before = audit_size(store)
    assert c.post("/drafts", data={"title": "no token"}).status_code == 403
    assert c.post("/drafts", data={"title": "wrong", "csrf": csrf + "x"}).status_code == 403
    other, other_csrf = signed_in(app, accounts, "Delegation B")
    assert c.post("/drafts", data={"title": "B's token", "csrf": other_csrf}).status_code == 403
    assert audit_size(store) > before  # B's sign-in only
    assert not (store.room_dir / "private").exists()
    # the header htmx sends counts as the token
    r = c.post("/drafts", data={"title": "by htmx"}, headers={"X-CSRF-Token": csrf,
                                                              "HX-Request": "true"})
    assert r.status_code == 204 and r.headers["hx-redirect"].startswith("/drafts/W-")


def test_a_delegation_never_reads_or_changes_another_delegations_draft(room):
    store, accounts, app = room
    a, a_csrf = signed_in(app, accounts, "Delegation A")
    b, b_csrf = signed_in(app, accounts, "Delegation B")
    pid = new_draft(a, a_csrf, "A's secret plan")
    assert add_words(a, a_csrf, pid).status_code == 200
    for path in (f"/drafts/{pid}", f"/drafts/{pid}/preview", f"/drafts/{pid}/preview.docx",
                 f"/drafts/{pid}/clean", f"/p/{pid}"):
        r = b.get(path)
        assert r.status_code == 404 and "secret plan" not in r.text, path
    assert "secret plan" not in b.get("/proposals").text
    for path in (f"/drafts/{pid}/changes", f"/drafts/{pid}/submit", f"/drafts/{pid}/discard",
                 f"/drafts/{pid}/changes/1/delete", f"/drafts/{pid}/try"):
        data = {"csrf": b_csrf, "form": "words", "target": "op5", "words": "two",
                "text": "four", "mode": "replace"}
        assert b.post(path, data=data).status_code == 404, path
    # A's draft is as A left it, and nothing of it is on file
    assert store.private_draft(accounts.by_name("Delegation A").id, pid).changes[0].text == \
        "three co-facilitators"
    assert store.filed(pid) is None
    # the co-facilitators do not read unsubmitted drafts either
    chair, _ = signed_in(app, accounts, "Co-facilitators", "chair")
    assert chair.get(f"/drafts/{pid}").status_code == 403
    assert "secret plan" not in chair.get("/compilation").text


def test_a_delegation_cannot_change_anothers_proposal_or_decide(room):
    store, accounts, app = room
    a, a_csrf = signed_in(app, accounts, "Delegation A")
    b, b_csrf = signed_in(app, accounts, "Delegation B")
    pid = new_draft(a, a_csrf)
    add_words(a, a_csrf, pid)
    assert a.post(f"/drafts/{pid}/submit", data={"csrf": a_csrf}).url.path == f"/p/{pid}"
    text = store.round_dir.joinpath(f"{pid}.yaml").read_text()
    assert b.post(f"/p/{pid}/withdraw", data={"csrf": b_csrf}).status_code == 403
    b_id = accounts.by_name("Delegation B").id
    assert b.post(f"/p/{pid}/invite", data={"csrf": b_csrf, "delegation": b_id}).status_code == 403
    assert b.post(f"/p/{pid}/join", data={"csrf": b_csrf}).status_code == 403
    for action in ("accept", "reject"):
        r = b.post(f"/p/{pid}/decide", data={"csrf": b_csrf, "action": action})
        assert r.status_code == 403
    # another delegation's filed proposal (P-11 by Delegation A in the copy) is no different
    assert b.post("/p/P-11/withdraw", data={"csrf": b_csrf}).status_code == 403
    assert b.post("/issue", data={"csrf": b_csrf, "date": "1 February 2017"}).status_code == 403
    assert b.post("/room", data={"csrf": b_csrf, "open": "0"}).status_code == 403
    assert b.get("/compilation").status_code == 403
    assert store.round_dir.joinpath(f"{pid}.yaml").read_text() == text
    assert not (store.drafts_dir / "rev1.draft").exists()


def test_revoking_or_inviting_again_ends_sessions_at_once(room):
    store, accounts, app = room
    a, a_csrf = signed_in(app, accounts, "Delegation A")
    assert a.get("/proposals").status_code == 200
    accounts.invite("Co-facilitators", "Delegation A")  # a new link: the old session ends
    assert a.get("/proposals", follow_redirects=False).status_code == 303
    a, a_csrf = signed_in(app, accounts, "Delegation A")
    accounts.revoke("Co-facilitators", "Delegation A")
    assert a.get("/proposals", follow_redirects=False).status_code == 303
    assert a.post("/drafts", data={"csrf": a_csrf, "title": "x"}).status_code == 401


def test_what_people_type_is_escaped(room):
    store, accounts, app = room
    a, csrf = signed_in(app, accounts, "Delegation <b>A</b>")
    pid = new_draft(a, csrf, "<script>alert(1)</script>")
    add_words(a, csrf, pid, text="<img src=x onerror=alert(1)>")
    for path in ("/proposals", f"/drafts/{pid}", f"/drafts/{pid}/preview"):
        html = a.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>A</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in a.get("/proposals").text


@pytest.mark.parametrize("path", ["/static/..%2F..%2Fsecret.key", "/static/../store.py",
                                  "/static/%2e%2e/app.py", "/drafts/..%2Faccounts.json",
                                  "/drafts/..%2F..%2F..%2Fdrafts%2Fgcm-modalities%2Ffirst-draft",
                                  "/p/..%2Fsecret.key", "/issued/..%2F..%2Fsecret/redline.docx",
                                  "/issued/first-draft/redline.docx"])
def test_no_request_path_reaches_the_filesystem(room, path):
    store, accounts, app = room
    chair, _ = signed_in(app, accounts, "Co-facilitators", "chair")
    a, _ = signed_in(app, accounts, "Delegation A")
    key = store.secret_key()
    for c in (chair, a):
        r = c.get(path)
        assert r.status_code in (403, 404), (path, r.status_code)
        assert key not in r.text and "Zero-Clause" not in r.text


def test_a_forged_or_tampered_session_cookie_signs_nobody_in(room):
    store, accounts, app = room
    a, _ = signed_in(app, accounts, "Delegation A")
    value = a.cookies["room"]
    payload, rest = value.split(".", 1)
    import base64
    import json
    data = json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))
    chair = accounts.invite("Co-facilitators", "Co-facilitators", "chair")[0]
    data.update({"account": chair.id, "generation": chair.generation})
    forged = base64.b64encode(json.dumps(data).encode()).decode().rstrip("=")
    c = TestClient(app, base_url="http://127.0.0.1", cookies={"room": forged + "." + rest})
    assert c.get("/compilation", follow_redirects=False).status_code == 303


def test_signing_out_ends_the_session_on_the_server(room):
    """A copy of the session cookie taken before signing out signs nobody in after it."""
    store, accounts, app = room
    a, a_csrf = signed_in(app, accounts, "Delegation A")
    copy = TestClient(app, base_url="http://127.0.0.1")
    copy.cookies.set("room", a.cookies.get("room"))
    assert copy.get("/proposals").status_code == 200
    a.post("/signout", data={"csrf": a_csrf})
    assert a.get("/proposals", follow_redirects=False).status_code == 303
    assert copy.get("/proposals", follow_redirects=False).status_code == 303
    assert copy.post("/drafts", data={"csrf": a_csrf, "title": "x"}).status_code == 401
    # signing in again opens a new session; the ended one stays ended
    b, _ = signed_in(app, accounts, "Delegation A")
    assert b.get("/proposals").status_code == 200
    assert copy.get("/proposals", follow_redirects=False).status_code == 303


def test_a_spent_link_gets_a_kind_page_and_never_locks_anyone_out(room):
    store, accounts, app = room
    _, token = accounts.invite("Co-facilitators", "Delegation A")
    _, chair_token = accounts.invite("Co-facilitators", "Co-facilitators", "chair")
    first = TestClient(app, base_url="http://127.0.0.1")
    csrf = csrf_of(first.get(f"/signin/{token}").text)
    assert first.post("/signin", data={"csrf": csrf, "token": token}).url.path == "/proposals"
    # the delegate clicks the link again, and again, in another browser
    again = TestClient(app, base_url="http://127.0.0.1")
    csrf = csrf_of(again.get(f"/signin/{token}").text)
    for _ in range(12):
        r = again.post("/signin", data={"csrf": csrf, "token": token})
        assert r.status_code == 410 and "already been used" in r.text
        assert "ask the co-facilitators for a new link" in r.text
    # ... in the browser already signed in, it says so
    r = first.post("/signin", data={"csrf": csrf_of(first.get(f"/signin/{token}").text),
                                    "token": token})
    assert "You are signed in in this browser" in r.text
    # the co-facilitators' first sign-in from the same address still works
    chair = TestClient(app, base_url="http://127.0.0.1")
    csrf = csrf_of(chair.get(f"/signin/{chair_token}").text)
    assert chair.post("/signin", data={"csrf": csrf, "token": chair_token}).url.path == \
        "/compilation"


def test_a_name_with_angle_brackets_commits_as_itself(tmp_path):
    """git refuses '<' and '>' in an author's name: the account's actions are committed all
    the same, each in its own commit, under the name with look-alike quotes."""
    import subprocess
    from roomkit import negotiation_copy, NEG
    from assembler.room.accounts import Accounts
    from assembler.room.app import create_app
    from assembler.room.store import Store
    root = negotiation_copy(tmp_path)
    git = ["git", "-C", str(root)]
    subprocess.run(git + ["init", "-q"], check=True)
    ident = ["-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ident + ["add", "-A"], check=True)
    subprocess.run(git + ident + ["commit", "-qm", "start"], check=True)
    store = Store(root, NEG)
    with store.action("Co-facilitators", "init room") as w:
        store.init(w)
    app = create_app(store, secret_key=store.secret_key())
    accounts = Accounts(store)
    a, csrf = signed_in(app, accounts, "Friends of <X>")
    r = a.post("/drafts", data={"csrf": csrf, "title": "Mine"})
    pid = str(r.url).rsplit("/", 1)[1]
    b, b_csrf = signed_in(app, accounts, "Delegation B")
    b.post("/drafts", data={"csrf": b_csrf, "title": "Theirs"})
    assert store.record.committer.flush()
    log = subprocess.run(git + ["log", "--format=@@%an|%s", "--name-only"],
                         capture_output=True, text=True).stdout
    commits = [[x for x in c.splitlines() if x] for c in log.split("@@") if c.strip()]
    mine = [c for c in commits if c[0] == "Friends of \u2039X\u203a|room: new draft"]
    assert len(mine) == 1 and any(line.endswith(f"/{pid}.yaml") for line in mine[0]), commits
    theirs = [c for c in commits if c[0] == "Delegation B|room: new draft"]
    assert len(theirs) == 1 and not any(f"/{pid}.yaml" in line for line in theirs[0])
    assert subprocess.run(git + ["status", "--porcelain"], capture_output=True,
                          text=True).stdout.strip() == ""
    # the audit log keeps the name as typed
    assert ("Friends of <X>", "new draft") in [(e["who"], e["action"]) for e in store.record.lines()]


@pytest.mark.parametrize("proxy, blocked", [((), True), (("--proxy", "127.0.0.1"), False)])
def test_x_forwarded_for_is_believed_only_from_the_configured_proxy(tmp_path, proxy, blocked):
    """Guesses from one address, each with another X-Forwarded-For: without a proxy set the
    header is ignored and the address is blocked after 10; behind the configured proxy each
    forwarded address counts on its own."""
    import httpx
    from roomkit import NEG, free_port, serving
    store, accounts, app = make_room(tmp_path)
    port = free_port()
    # one worker process: it counts every guess
    with serving(["serve", NEG, "--root", store.root, "--port", port, "--workers", "1",
                  *proxy], port), httpx.Client(base_url=f"http://127.0.0.1:{port}") as c:
        csrf = csrf_of(c.get("/signin/whatever").text)
        codes = [c.post("/signin", data={"csrf": csrf, "token": f"guess-{i}"},
                        headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
                 for i in range(12)]
    assert codes[:10] == [403] * 10
    assert codes[10:] == ([429, 429] if blocked else [403, 403])
