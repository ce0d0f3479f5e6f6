"""The room as a Starlette application: signing in, the guard every page passes, the pages
everyone signed in sees, and the assembling of it all (delegation.py and chair.py hold the
pages of each role).

Every endpoint is declared with `@route(path, role=..., method=...)`: the guard signs the
visitor in from the session cookie (the account must still be active and of the session's
generation), checks the role, checks the CSRF token of every POST, reads the form with
bounded sizes, then runs the handler in a worker thread (it reads and writes files). A
handler names proposals by id; the Store looks them up among the files it lists.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import secrets
from importlib import resources
from pathlib import Path
from typing import Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..amendments.model import STATUS_WORDS
from ..diff import DELETE, INSERT
from ..errors import AssemblerError
from ..writers.templating import environment
from . import chair, delegation, views  # noqa: F401  (chair and delegation register their routes)
from .accounts import Account, Accounts
from .security import (CSRF_FIELD, CSRF_HEADER, SESSION_HOURS, RateLimit, SecurityHeaders,
                       Sessions, csrf_ok, csrf_token)
from .store import Store
from .views import say
from .web import (MAX_UPLOAD, ROUTES, Ctx, Refused, StampArrival, decisions_for, route,
                  valid_id)

STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".txt": "text/plain"}


# ---------------------------------------------------------------------- the application

class Room:
    def __init__(self, store: Store, *, secure_cookies: bool = False):
        self.store = store
        self.accounts = Accounts(store)
        self.sessions = Sessions(store)
        self.limit = RateLimit()
        self.secure = secure_cookies
        self.env = environment(str(resources.files(__package__) / "templates"))
        self.env.globals["STATUS_WORDS"] = STATUS_WORDS
        self.env.globals["decisions_for"] = decisions_for
        self.env.globals.update(INSERT=INSERT, DELETE=DELETE)  # the compilation's word diff
        static = resources.files(__package__) / "static"
        self.static = {f.name: f.read_bytes() for f in static.iterdir() if f.is_file()}
        self.static["un.css"] = views.un_css()

    # -- state of the room
    def state(self) -> dict:
        return self.store.read_json("state.json", {"open": True, "deadline": ""})

    def deadline(self) -> _dt.datetime | None:
        """The deadline, in UTC (a time written without a zone is UTC), or None."""
        text = self.state().get("deadline", "")
        try:
            limit = _dt.datetime.fromisoformat(text) if text else None
        except ValueError:
            return None
        if limit is not None and limit.tzinfo is None:
            limit = limit.replace(tzinfo=_dt.timezone.utc)
        return limit

    def is_open(self, at: _dt.datetime | None = None) -> bool:
        """Open at `at` (default now): a request is judged by when it arrived (web.arrived)."""
        if not self.state().get("open", True):
            return False
        limit = self.deadline()
        return limit is None or (at or _dt.datetime.now(_dt.timezone.utc)) <= limit

    # -- rendering
    def page(self, ctx_or_request, name: str, code: int = 200, **values) -> HTMLResponse:
        request = ctx_or_request.request if isinstance(ctx_or_request, Ctx) else ctx_or_request
        account = ctx_or_request.account if isinstance(ctx_or_request, Ctx) else None
        values.setdefault("flash", request.session.pop("flash", ""))
        values.setdefault("version_names", views.version_names(self.store))
        html = self.env.get_template(name).render(
            csrf=csrf_token(request.session), account=account, negotiation=self.store.name,
            room_open=self.is_open(), state=self.state(), deadline=self.deadline(), **values)
        return HTMLResponse(html, status_code=code)

    def signed_in(self, request: Request) -> Account | None:
        account = self.accounts.get(request.session.get("account", ""))
        if account is None or not account.active or \
                account.generation != request.session.get("generation") or \
                not request.session.get("sid") or self.sessions.ended(request.session["sid"]):
            return None
        return account


def guarded(room: Room, method: str, role: str | None, fn) -> Callable:
    async def endpoint(request: Request) -> Response:
        account = room.signed_in(request)
        if account is None:
            if method == "GET" and "hx-request" not in request.headers:
                return RedirectResponse("/", 303)
            return HTMLResponse("Sign in first.", 401)
        if role and account.role != role:
            return HTMLResponse("Not for your account.", 403)
        form: dict = {}
        if method == "POST":
            try:
                raw = await request.form(max_files=1, max_fields=60, max_part_size=MAX_UPLOAD)
            except Exception:  # a malformed or oversized body
                return HTMLResponse("The form could not be read.", 400)
            if not csrf_ok(request.session, raw.get(CSRF_FIELD) or
                           request.headers.get(CSRF_HEADER)):
                return HTMLResponse("The form has expired or did not come from the room: "
                                    "reload the page and try again.", 403)
            for key, value in raw.multi_items():
                if isinstance(value, UploadFile):
                    data = await value.read(MAX_UPLOAD + 1)
                    form[key] = (value.filename or "", data)
                else:
                    form[key] = value
        ctx = Ctx(request, account, form, room)

        def handle() -> Response:
            with room.store.reading():   # the round folders listed once for the request
                return fn(ctx, **request.path_params)
        try:
            return await run_in_threadpool(handle)
        except (AssemblerError, Refused) as err:  # one line saying why, never a traceback
            code, message = (err.status, str(err)) if isinstance(err, Refused) else \
                (409, say(err))
            if "hx-request" in request.headers:
                return HTMLResponse(message, code)
            return room.page(ctx, "error.html.j2", code, message=message)
    return endpoint


# ---------------------------------------------------------------------- signing in

async def home(request: Request) -> Response:
    room: Room = request.app.state.room
    account = room.signed_in(request)
    if account is None:
        return room.page(request, "welcome.html.j2")
    return RedirectResponse("/compilation" if account.chair else "/proposals", 303)


async def signin_form(request: Request) -> Response:
    room: Room = request.app.state.room
    token = request.path_params["token"]
    return room.page(request, "signin.html.j2", token=token[:200])


async def signin(request: Request) -> Response:
    room: Room = request.app.state.room
    client = request.client.host if request.client else "?"
    if room.limit.blocked(client):
        return HTMLResponse("Too many failed sign-ins from this address; wait a few minutes.",
                            429, headers={"Retry-After": "300"})
    try:
        form = await request.form(max_files=0, max_fields=5, max_part_size=4096)
    except Exception:
        return HTMLResponse("The form could not be read.", 400)
    if not csrf_ok(request.session, form.get(CSRF_FIELD)):
        return HTMLResponse("The sign-in form has expired: open your sign-in link again.", 403)
    token = form.get("token", "")
    account = await run_in_threadpool(room.accounts.redeem, token if isinstance(token, str)
                                      else "")
    if account is None:
        if await run_in_threadpool(room.accounts.spent, token if isinstance(token, str) else ""):
            # a delegate clicking their link again: told kindly, and no guess counted
            return room.page(request, "spent.html.j2", 410,
                             signed_in=room.signed_in(request) is not None)
        room.limit.failed(client)
        return room.page(request, "welcome.html.j2", 403,
                         flash="This sign-in link is not valid or has been used. Ask the "
                               "co-facilitators for a new one.")
    request.session.clear()  # a new session: nothing carried over from before sign-in
    request.session.update({"account": account.id, "generation": account.generation,
                            "sid": secrets.token_urlsafe(18)})
    csrf_token(request.session)
    return RedirectResponse("/", 303)


@route("/signout", method="POST")
def signout(ctx: Ctx) -> Response:
    """The session ends on the server too: a copy of its cookie signs nobody in."""
    ctx.room.sessions.end(ctx.account.name, ctx.session.get("sid", ""))
    ctx.session.clear()
    return RedirectResponse("/", 303)


async def static(request: Request) -> Response:
    room: Room = request.app.state.room
    name = request.path_params["name"]
    data = room.static.get(name)  # a fixed set of files read at start: no path from the URL
    if data is None:
        return HTMLResponse("Not found.", 404)
    return Response(data, media_type=STATIC_TYPES.get(Path(name).suffix, "text/plain"),
                    headers={"Cache-Control": "public, max-age=3600"})


# ---------------------------------------------------------------------- everyone signed in

@route("/read")
def read(ctx: Ctx) -> Response:
    v = ctx.room.store.current()
    return ctx.room.page(ctx, "read.html.j2", version=v, text=views.current_article(ctx.room.store))


@route("/p/{pid}")
def proposal_page(ctx: Ctx, pid: str) -> Response:
    store = ctx.room.store
    p = store.filed(valid_id(pid))
    if p is None:
        raise Refused(404, "No such proposal on file.")
    invited = ctx.room.store.read_json("invitations.json", {}).get(p.id, [])
    others = [a for a in ctx.room.accounts.delegations()
              if a.name != p.proposer and a.name not in p.co_sponsors and a.id not in invited]
    # its redline on the current version, while it can still be made to it
    pv = views.preview_of(store, p, keep=True) if p.status == "proposed" or \
        p.base == store.current().name else None
    return ctx.room.page(ctx, "proposal.html.j2", p=p, prose=views.prose_of(p, store), pv=pv,
                         mine=p.proposer == ctx.account.name,
                         can_join=ctx.account.id in invited, others=others,
                         round_ids=[q.id for q in store.round_proposals() if q.id != p.id]
                         if ctx.account.chair else [],   # for merging and superseding
                         # its changes as the co-facilitators may modify them, one a line
                         to_modify=views.to_modify(p, store)
                         if ctx.account.chair and len(p.changes) > 1 else ([], False),
                         decisions=decisions_for(p.status))


# ---------------------------------------------------------------------- assembling

ENV_ROOT, ENV_NEGOTIATION, ENV_SECURE = ("ASSEMBLER_ROOM_ROOT", "ASSEMBLER_ROOM_NEGOTIATION",
                                         "ASSEMBLER_ROOM_SECURE")


def from_environment() -> Starlette:
    """The application each worker process of `assembler serve` builds: the room named by
    the environment `serve` sets. Workers share nothing but the files and their locks
    (sessions signed out, accounts, proposals); each counts failed sign-ins on its own."""
    import os
    store = Store(os.environ[ENV_ROOT], os.environ[ENV_NEGOTIATION])
    return create_app(store, secret_key=store.secret_key(),
                      secure_cookies=bool(os.environ.get(ENV_SECURE)))


def create_app(store: Store, *, secret_key: str, secure_cookies: bool = False) -> Starlette:
    room = Room(store, secure_cookies=secure_cookies)
    routes = [Route("/", home), Route("/signin/{token}", signin_form),
              Route("/signin", signin, methods=["POST"]),
              Route("/static/{name}", static)]
    for path, method, role, fn in ROUTES:
        routes.append(Route(path, guarded(room, method, role, fn), methods=[method]))
    if store.record.committer is not None:
        store.record.committer.start()   # commits out of the lock, and any left by a kill

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        if store.record.committer is not None:   # nothing journaled is left uncommitted
            await run_in_threadpool(store.record.committer.close)

    app = Starlette(routes=routes, lifespan=lifespan, middleware=[
        Middleware(StampArrival),   # first: the time a request arrived, before any wait
        Middleware(SecurityHeaders),
        Middleware(SessionMiddleware, secret_key=secret_key, session_cookie="room",
                   max_age=SESSION_HOURS * 3600, same_site="strict", https_only=secure_cookies)])
    app.state.room = room
    return app
