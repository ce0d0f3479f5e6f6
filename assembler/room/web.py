"""What every page of the room shares: the route registry, the request context a handler
gets (who is signed in, the form, the room), refusals, and redirects that work for plain
forms and for htmx alike."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..amendments.model import allowed
from ..fs.names import is_name
from ..negotiation.decisions import ACTIONS
from .accounts import Account

if TYPE_CHECKING:
    from .app import Room

MAX_FIELD = 5000          # characters in one form field
MAX_UPLOAD = 10 * 2**20   # a Word file with tracked changes
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# the co-facilitators' decisions, in the words of `assembler status` (withdrawing is the
# proposer's); the simple ones first, as the compilation offers them
DECISIONS = {k: ACTIONS[k] for k in ("accept", "reject", "reopen", "modify", "supersede",
                                     "merge")}


def decisions_for(status: str) -> list[tuple[str, str]]:
    """The decisions a proposal of this status may still receive (the compilation's simple
    ones first: accept, reject, reopen)."""
    return [(k, v) for k, v in DECISIONS.items() if allowed(status, v)]


class Refused(Exception):
    """A request the visitor may not make: a status code and one line saying why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Ctx:
    request: Request
    account: Account
    form: dict
    room: "Room"

    @property
    def session(self) -> dict:
        return self.request.session

    def flash(self, message: str) -> None:
        self.session["flash"] = message[:1200]

    def field(self, name: str, default: str = "") -> str:
        value = self.form.get(name, default)
        if not isinstance(value, str):
            raise Refused(400, f"the field '{name}' must be text")
        if len(value) > MAX_FIELD:
            raise Refused(400, f"the field '{name}' is longer than {MAX_FIELD} characters")
        return value


def one_line(text: str) -> str:
    return " ".join(text.split())


ROUTES: list[tuple[str, str, str | None, Callable]] = []


def route(path: str, *, role: str | None = None, method: str = "GET"):
    def deco(fn):
        ROUTES.append((path, method, role, fn))
        return fn
    return deco


def back(ctx: Ctx, path: str, message: str = "") -> Response:
    if message:
        ctx.flash(message)
    if "hx-request" in ctx.request.headers:
        r = Response(status_code=204)
        r.headers["HX-Redirect"] = path
        return r
    return RedirectResponse(path, 303)


class StampArrival:
    """ASGI middleware, the outermost: the moment a request arrived, before it waits for its
    body, a worker thread or the negotiation's lock. A submission is on time when it arrived
    before the deadline, however long the room then took to reach it. Under `assembler
    serve` the server's protocol (StampedH11) has stamped it earlier still, and that stamp
    stands."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            scope.setdefault("state", {}).setdefault("arrived",
                                                     _dt.datetime.now(_dt.timezone.utc))
        await self.app(scope, receive, send)


class StampedH11(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, stamping each request when its head is read from the
    socket: earlier than any ASGI middleware, which runs only once the event loop reaches
    the request's task, behind every other task of a rush."""

    def data_received(self, data: bytes) -> None:
        at = _dt.datetime.now(_dt.timezone.utc)
        before = self.scope
        super().data_received(data)
        if self.scope is not before and self.scope is not None:   # a request begun here
            self.scope.setdefault("state", {}).setdefault("arrived", at)


def arrived(request: Request) -> _dt.datetime:
    return request.scope.get("state", {}).get("arrived") or \
        _dt.datetime.now(_dt.timezone.utc)


def open_for(ctx: Ctx) -> None:
    if not ctx.account.chair and not ctx.room.is_open(at=arrived(ctx.request)):
        raise Refused(409, "The room is closed: proposals can no longer be written, "
                           "submitted or changed.")


def valid_id(pid: str) -> str:
    if not is_name(pid):
        raise Refused(404, "No such proposal.")
    return pid

