"""A negotiation room over a copy of the example negotiation: the first draft and the
proposals filed on it (amendments/gcm-modalities/rev1), plus one undecided proposal by a
fictional group on OP 24, for collisions. Clients sign in as a browser does."""
from __future__ import annotations

import re
import shutil
from contextlib import contextmanager
from pathlib import Path

from conftest import ROOT

NEG = "gcm-modalities"
OPEN_PROPOSAL = """id: G-01
proposer: Group of Friends of Migration
date: 2017-01-10
base: first-draft
changes:
  - kind: replace-words
    target: OP 24
    words: in March 2018 for four days
    text: in March 2018 for five days
status:
  - status: proposed
    date: 2017-01-10
"""


def negotiation_copy(tmp: Path) -> Path:
    drafts = tmp / "drafts" / NEG
    drafts.mkdir(parents=True)
    shutil.copy(ROOT / "drafts" / NEG / "first-draft.draft", drafts)
    shutil.copytree(ROOT / "amendments" / NEG / "rev1", tmp / "amendments" / NEG / "rev1")
    (tmp / "amendments" / NEG / "rev1" / "G-01.yaml").write_text(OPEN_PROPOSAL, "utf-8")
    return tmp


def make_room(tmp: Path, secure: bool = False):
    """(store, accounts, app) for a fresh room over a copy of the negotiation."""
    from assembler.room.accounts import Accounts
    from assembler.room.app import create_app
    from assembler.room.store import Store
    store = Store(negotiation_copy(tmp), NEG)
    with store.action("Co-facilitators", "init room") as w:
        store.init(w)
    app = create_app(store, secret_key=store.secret_key(), secure_cookies=secure)
    return store, Accounts(store), app


def audit_text(store) -> str:
    """The room's audit log, every segment in order (room/auditlog.py)."""
    return "".join(p.read_text("utf-8") for p in store.record.log.segments())


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF field on the page"
    return m.group(1)


def signed_in(app, accounts, name: str, role: str = "delegation"):
    """A TestClient signed in as `name` (invited first), and its CSRF token."""
    from starlette.testclient import TestClient
    _, token = accounts.invite("Co-facilitators", name, role)
    client = TestClient(app, base_url="http://127.0.0.1")
    page = client.get(f"/signin/{token}")
    r = client.post("/signin", data={"csrf": csrf_of(page.text), "token": token})
    assert r.status_code == 200 and "Sign out" in r.text, r.text[:500]
    return client, csrf_of(r.text)


def flash(html: str) -> str:
    m = re.search(r'class="flash"[^>]*>([^<]*)<', html)
    return m.group(1) if m else ""


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(args: list, port: int, **popen):
    """`assembler` run with `args` (serve ...) until it listens on `port` of 127.0.0.1;
    stopped at the end."""
    import shutil
    import socket
    import subprocess
    import time
    import tempfile
    exe = shutil.which("assembler") or str(ROOT / ".venv" / "bin" / "assembler")
    # its stderr to a file: a pipe nobody reads fills up (a room whose commits git refuses
    # says so on every try) and the server's next warning then blocks it
    with tempfile.TemporaryFile() as said:
        server = subprocess.Popen([exe, *map(str, args)], stdout=subprocess.DEVNULL,
                                  stderr=said, **popen)
        try:
            for _ in range(150):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                said.seek(0)
                raise RuntimeError("the room did not start: " + said.read().decode())
            yield server
        finally:
            server.terminate()
            server.wait(timeout=10)
