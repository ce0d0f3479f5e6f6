"""The room's guards that are not about who may do what: security headers with a strict
Content-Security-Policy, CSRF tokens, sessions ended on the server, and the sign-in rate
limit."""
from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import defaultdict, deque

# Scripts and styles only from the room itself (htmx and room.js are files it serves); no
# inline script or style, no eval, no framing, forms only back to the room.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),   # sign-in links carry a token in their path
    (b"cache-control", b"no-store"),
]
SESSION_HOURS = 12   # a session cookie's life
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class SecurityHeaders:
    """ASGI middleware: the headers above on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in have]
            await send(message)
        await self.app(scope, receive, with_headers)


def csrf_token(session: dict) -> str:
    """The session's CSRF token, made on first use (before sign-in too)."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(24)
    return token


def csrf_ok(session: dict, sent: str | None) -> bool:
    token = session.get("csrf")
    return bool(token and sent and hmac.compare_digest(token, sent))


class RateLimit:
    """At most `limit` failed sign-ins per client address in `window` seconds; a success
    does not count (193 delegations may sign in from one address)."""

    def __init__(self, limit: int = 10, window: float = 300.0):
        self.limit, self.window = limit, window
        self.failures: dict[str, deque] = defaultdict(deque)
        self.lock = threading.Lock()

    def _trim(self, q: deque, now: float) -> None:
        while q and now - q[0] > self.window:
            q.popleft()

    def blocked(self, client: str) -> bool:
        with self.lock:
            q = self.failures[client]
            self._trim(q, time.monotonic())
            return len(q) >= self.limit

    def failed(self, client: str) -> None:
        with self.lock:
            q = self.failures[client]
            now = time.monotonic()
            self._trim(q, now)
            q.append(now)


class Sessions:
    """Sessions ended by signing out. The cookie is signed, not stored, so a copy of it would
    work until it expires: each session has an id, and the ids of those signed out are kept
    (room/<negotiation>/signed-out.json, read by every worker) until the cookie would have
    expired anyway."""
    FILE = "signed-out.json"

    def __init__(self, store):
        self.store = store

    def ended(self, sid: str) -> bool:
        return bool(sid) and sid in self.store.read_json(self.FILE, {})

    def end(self, actor: str, sid: str) -> None:
        if not sid:
            return
        now = time.time()
        with self.store.action(actor, "sign out") as w:
            ended = {k: t for k, t in self.store.read_json(self.FILE, {}).items()
                     if now - t < SESSION_HOURS * 3600}
            ended[sid] = now
            self.store.write_json(w, self.FILE, ended)
