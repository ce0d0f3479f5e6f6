"""The room as a Starlette application: routes, and who may do what.

Every endpoint is declared with `@route(path, role=..., method=...)`: the guard signs the
visitor in from the session cookie (the account must still be active and of the session's
generation), checks the role, checks the CSRF token of every POST, reads the form with
bounded sizes, then runs the handler in a worker thread (it reads and writes files). A
handler names proposals by id; the Store looks them up among the files it lists.
"""
from __future__ import annotations

import datetime as _dt
import re
import tempfile
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Callable

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..amendments.model import (STATUS_WORDS, Change, Proposal, StatusEntry, allowed,
                                number_changes)
from ..amendments.targets import UnitIndex
from ..errors import AssemblerError
from ..fs.names import is_name
from . import views
from .views import say
from .accounts import CHAIR, DELEGATION, Account, Accounts
from .security import CSRF_FIELD, CSRF_HEADER, RateLimit, SecurityHeaders, csrf_ok, csrf_token
from .store import Store, today

MAX_FIELD = 5000          # characters in one form field
MAX_UPLOAD = 10 * 2**20   # a Word file with tracked changes
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".txt": "text/plain"}
# the co-facilitators' decisions (the same words as `assembler status`)
DECISIONS = {"accept": "accepted", "reject": "rejected", "reopen": "proposed",
             "modify": "accepted-with-modification", "supersede": "superseded", "merge": "merged"}


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
        self.session["flash"] = message[:500]

    def field(self, name: str, default: str = "") -> str:
        value = self.form.get(name, default)
        if not isinstance(value, str):
            raise Refused(400, f"the field '{name}' must be text")
        if len(value) > MAX_FIELD:
            raise Refused(400, f"the field '{name}' is longer than {MAX_FIELD} characters")
        return value


def one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------- the application

class Room:
    def __init__(self, store: Store, *, secure_cookies: bool = False):
        self.store = store
        self.accounts = Accounts(store)
        self.limit = RateLimit()
        self.secure = secure_cookies
        loader = jinja2.FileSystemLoader(str(resources.files(__package__) / "templates"))
        self.env = jinja2.Environment(loader=loader, autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True,
                                      lstrip_blocks=True)
        self.env.globals["STATUS_WORDS"] = STATUS_WORDS
        self.env.globals["decisions_for"] = decisions_for
        static = resources.files(__package__) / "static"
        self.static = {f.name: f.read_bytes() for f in static.iterdir() if f.is_file()}
        self.static["un.css"] = views.un_css()

    # -- state of the room
    def state(self) -> dict:
        return self.store.read_json("state.json", {"open": True, "deadline": ""})

    def is_open(self) -> bool:
        s = self.state()
        if not s.get("open", True):
            return False
        deadline = s.get("deadline", "")
        if deadline:
            try:
                limit = _dt.datetime.fromisoformat(deadline)
            except ValueError:
                return True
            if limit.tzinfo is None:
                limit = limit.replace(tzinfo=_dt.timezone.utc)
            return _dt.datetime.now(_dt.timezone.utc) <= limit
        return True

    # -- rendering
    def page(self, ctx_or_request, name: str, code: int = 200, **values) -> HTMLResponse:
        request = ctx_or_request.request if isinstance(ctx_or_request, Ctx) else ctx_or_request
        account = ctx_or_request.account if isinstance(ctx_or_request, Ctx) else None
        values.setdefault("flash", request.session.pop("flash", ""))
        html = self.env.get_template(name).render(
            csrf=csrf_token(request.session), account=account, negotiation=self.store.name,
            room_open=self.is_open(), state=self.state(), **values)
        return HTMLResponse(html, status_code=code)

    def signed_in(self, request: Request) -> Account | None:
        account = self.accounts.get(request.session.get("account", ""))
        if account is None or not account.active or \
                account.generation != request.session.get("generation"):
            return None
        return account


ROUTES: list[tuple[str, str, str | None, Callable]] = []


def route(path: str, *, role: str | None = None, method: str = "GET"):
    def deco(fn):
        ROUTES.append((path, method, role, fn))
        return fn
    return deco


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
        try:
            return await run_in_threadpool(fn, ctx, **request.path_params)
        except AssemblerError as err:
            err = Refused(409, say(err))
            if "hx-request" in request.headers:
                return HTMLResponse(str(err), err.status)
            return room.page(ctx, "error.html.j2", err.status, message=str(err))
        except Refused as err:
            if "hx-request" in request.headers:
                return HTMLResponse(str(err), err.status)
            return room.page(ctx, "error.html.j2", err.status, message=str(err))
    return endpoint


def back(ctx: Ctx, path: str, message: str = "") -> Response:
    if message:
        ctx.flash(message)
    if "hx-request" in ctx.request.headers:
        r = Response(status_code=204)
        r.headers["HX-Redirect"] = path
        return r
    return RedirectResponse(path, 303)


def open_for(ctx: Ctx) -> None:
    if not ctx.account.chair and not ctx.room.is_open():
        raise Refused(409, "The room is closed: proposals can no longer be written, "
                           "submitted or changed.")


def valid_id(pid: str) -> str:
    if not is_name(pid):
        raise Refused(404, "No such proposal.")
    return pid


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
        room.limit.failed(client)
        return room.page(request, "welcome.html.j2", 403,
                         flash="This sign-in link is not valid or has been used. Ask the "
                               "co-facilitators for a new one.")
    request.session.clear()  # a new session: nothing carried over from before sign-in
    request.session.update({"account": account.id, "generation": account.generation})
    csrf_token(request.session)
    return RedirectResponse("/", 303)


@route("/signout", method="POST")
def signout(ctx: Ctx) -> Response:
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
    return ctx.room.page(ctx, "read.html.j2", version=v, text=views.draft_article(v.draft))


@route("/p/{pid}")
def proposal_page(ctx: Ctx, pid: str) -> Response:
    store = ctx.room.store
    p = store.filed(valid_id(pid))
    if p is None:
        raise Refused(404, "No such proposal on file.")
    base = store.current().draft
    invited = ctx.room.store.read_json("invitations.json", {}).get(p.id, [])
    others = [a for a in ctx.room.accounts.delegations()
              if a.name != p.proposer and a.name not in p.co_sponsors and a.id not in invited]
    return ctx.room.page(ctx, "proposal.html.j2", p=p, prose=views.prose_of(p, base),
                         mine=p.proposer == ctx.account.name,
                         can_join=ctx.account.id in invited, others=others,
                         round_ids=[q.id for q in store.round_proposals() if q.id != p.id],
                         decisions=decisions_for(p.status))


# ---------------------------------------------------------------------- a delegation

@route("/proposals", role=DELEGATION)
def my_proposals(ctx: Ctx) -> Response:
    store, me = ctx.room.store, ctx.account
    filed = store.on_file()
    invited = store.read_json("invitations.json", {})
    return ctx.room.page(
        ctx, "mine.html.j2", drafts=store.private_drafts(me.id),
        submitted=[p for p in filed if p.proposer == me.name],
        sponsoring=[p for p in filed if me.name in p.co_sponsors],
        invitations=[p for p in filed if me.id in invited.get(p.id, ())],
        round=[p for p in store.round_proposals() if p.proposer != me.name],
        version=store.current())


@route("/drafts", role=DELEGATION, method="POST")
def new_draft(ctx: Ctx) -> Response:
    open_for(ctx)
    store = ctx.room.store
    title = one_line(ctx.field("title"))[:200]
    with store.action(ctx.account.name, "new draft") as w:
        pid = store.new_proposal_id()
        store.save_private(w, ctx.account.id, Proposal(pid, ctx.account.name,
                                                       store.current().name, (), title=title))
        w.detail = pid
    return back(ctx, f"/drafts/{pid}")


def my_draft(ctx: Ctx, pid: str) -> Proposal:
    draft = ctx.room.store.private_draft(ctx.account.id, valid_id(pid))
    if draft is None:  # another delegation's draft is not found either: it is not ours to see
        raise Refused(404, "No such draft among yours.")
    return draft


@route("/drafts/{pid}", role=DELEGATION)
def edit_draft(ctx: Ctx, pid: str) -> Response:
    draft = my_draft(ctx, pid)
    v = ctx.room.store.current()
    return ctx.room.page(ctx, "draft.html.j2", p=draft, version=v,
                         text=views.draft_article(v.draft),
                         prose=views.prose_of(draft, v.draft),
                         units=views.unit_choices(v.draft))


def change_from_form(ctx: Ctx, index: UnitIndex) -> list[Change]:
    """The change a form describes: words selected in a paragraph, a paragraph operation, or
    sentences in UN prose."""
    from ..amendments.prose import prose_to_change
    form = ctx.field("form")
    if form == "prose":
        lines = [one_line(x) for x in ctx.field("prose").splitlines() if x.strip()]
        if not lines:
            raise Refused(400, "Write at least one sentence, e.g. In operative paragraph 5, "
                               "replace “two” with “three”.")
        try:
            return [prose_to_change(s, index, line=i) for i, s in enumerate(lines, 1)]
        except AssemblerError as err:
            raise Refused(409, say(err))
    target = ctx.field("target")
    if target not in index.units:
        raise Refused(409, "Choose a paragraph of the current version.")
    text = one_line(ctx.field("text"))
    if form == "words":
        words = " ".join(ctx.field("words").split(" ")).strip()
        if not words:
            raise Refused(409, "Select the words to change in the paragraph first.")
        mode = ctx.field("mode", "replace")
        occurrence = _occurrence(index, target, words, ctx.field("offset"))
        if mode == "replace" and text:
            return [Change("replace-words", target, words, text, occurrence=occurrence)]
        if mode in ("replace", "delete"):
            return [Change("delete-words", target, words, occurrence=occurrence)]
        if mode in ("before", "after"):
            if not text:
                raise Refused(409, "Type the words to insert.")
            return [Change("insert-words", target, words, text, position=mode,
                           occurrence=occurrence)]
        raise Refused(400, "Unknown way of changing words.")
    if form == "unit":
        op = ctx.field("op")
        kind = index.units[target].kind
        if op in ("insert-after", "insert-before"):
            if not text:
                raise Refused(409, "Type the text of the new paragraph.")
            return [Change("insert-unit", target, text=text, position=op.split("-")[1],
                           unit=kind if kind in ("pp", "op", "sub") else "op")]
        if op == "delete":
            return [Change("delete-unit", target)]
        if op == "replace":
            if not text:
                raise Refused(409, "Type the new text of the paragraph.")
            return [Change("replace-unit", target, text=text)]
        if op in ("move-after", "move-before"):
            dest = ctx.field("destination")
            if dest not in index.units or dest == target:
                raise Refused(409, "Choose another paragraph to move it next to.")
            return [Change("move-unit", target, position=op.split("-")[1], destination=dest)]
        raise Refused(400, "Unknown paragraph operation.")
    raise Refused(400, "Unknown form.")


def _occurrence(index: UnitIndex, target: str, words: str, offset: str) -> int:
    """Which occurrence of the words was selected: the one starting nearest the selection's
    offset in the paragraph (0 when the words occur once)."""
    from ..amendments.words import UnitWords
    unit = index.units[target]
    found = UnitWords(unit.content, index.number).occurrences(words)
    if len(found) <= 1:
        return 0
    at = int(offset) if offset.isdigit() else 0
    return min(range(len(found)), key=lambda i: abs(found[i] - at)) + 1


def _candidate(ctx: Ctx, draft: Proposal) -> Proposal:
    index = UnitIndex(ctx.room.store.current().draft)
    out = draft
    for c in change_from_form(ctx, index):
        out = views.with_change(out, c)
    return out


@route("/drafts/{pid}/changes", role=DELEGATION, method="POST")
def add_change(ctx: Ctx, pid: str) -> Response:
    open_for(ctx)
    store = ctx.room.store
    draft = my_draft(ctx, pid)
    try:
        updated = _candidate(ctx, draft)
    except Refused as err:
        return back(ctx, f"/drafts/{draft.id}", str(err))
    error = views.check_of(store, updated)
    if error:  # a change that cannot be placed is not kept
        return back(ctx, f"/drafts/{draft.id}", f"Not added: {error}")
    with store.action(ctx.account.name, "change draft", draft.id) as w:
        store.save_private(w, ctx.account.id, updated)
        w.detail = updated.changes[-1].kind
    return back(ctx, f"/drafts/{draft.id}")


@route("/drafts/{pid}/changes/{n:int}/delete", role=DELEGATION, method="POST")
def remove_change(ctx: Ctx, pid: str, n: int) -> Response:
    open_for(ctx)
    draft = my_draft(ctx, pid)
    with ctx.room.store.action(ctx.account.name, "change draft", draft.id) as w:
        ctx.room.store.save_private(w, ctx.account.id, views.without_change(draft, n))
        w.detail = f"removed change {n}"
    return back(ctx, f"/drafts/{draft.id}")


@route("/drafts/{pid}/preview", role=DELEGATION)
def preview(ctx: Ctx, pid: str) -> Response:
    draft = my_draft(ctx, pid)
    whole = ctx.request.query_params.get("whole") == "1"
    return ctx.room.page(ctx, "preview.html.j2", p=draft,
                         pv=views.preview_of(ctx.room.store, draft, whole=whole), trying=False)


@route("/drafts/{pid}/try", role=DELEGATION, method="POST")
def try_change(ctx: Ctx, pid: str) -> Response:
    """The live preview: the draft with the change being written, not yet kept."""
    draft = my_draft(ctx, pid)
    try:
        candidate = _candidate(ctx, draft)
    except Refused as err:
        return ctx.room.page(ctx, "preview.html.j2", p=draft,
                             pv=views.PreviewView(error=str(err)), trying=True)
    return ctx.room.page(ctx, "preview.html.j2", p=draft,
                         pv=views.preview_of(ctx.room.store, candidate), trying=True)


@route("/drafts/{pid}/preview.docx", role=DELEGATION)
def preview_docx(ctx: Ctx, pid: str) -> Response:
    from ..compare.preview import preview as make_preview
    from ..writers.docx.redline import build_redline_docx
    store = ctx.room.store
    draft = my_draft(ctx, pid)
    base = store.current().draft
    try:
        pv = make_preview(base, [draft], views.on_file_for(store, base, draft),
                          versions=store.find_version())
    except AssemblerError as err:
        raise Refused(409, say(err))
    data = build_redline_docx(pv.redline, visual=False, comments=pv.comments())
    return Response(data, media_type=DOCX, headers={
        "Content-Disposition": f'attachment; filename="preview-{draft.id}.docx"'})


@route("/drafts/{pid}/submit", role=DELEGATION, method="POST")
def submit(ctx: Ctx, pid: str) -> Response:
    open_for(ctx)
    draft = my_draft(ctx, pid)
    store = ctx.room.store
    error = views.check_of(store, draft)
    if error:
        return back(ctx, f"/drafts/{draft.id}", f"Not submitted: {error}")
    try:
        with store.action(ctx.account.name, "submit", draft.id) as w:
            store.submit(w, ctx.account.id, draft.id)
            w.detail = f"{len(draft.changes)} change(s)"
    except AssemblerError as err:
        return back(ctx, f"/drafts/{draft.id}", say(err))
    return back(ctx, f"/p/{draft.id}", f"{draft.id} is submitted.")


@route("/drafts/{pid}/discard", role=DELEGATION, method="POST")
def discard(ctx: Ctx, pid: str) -> Response:
    draft = my_draft(ctx, pid)
    with ctx.room.store.action(ctx.account.name, "discard draft", draft.id) as w:
        ctx.room.store.discard_private(w, ctx.account.id, draft.id)
    return back(ctx, "/proposals", f"Draft {draft.id} discarded.")


@route("/upload", role=DELEGATION, method="POST")
def upload(ctx: Ctx) -> Response:
    """A Word file with tracked changes: one private draft per author of changes in it, each
    in this delegation's name (a delegation proposes only as itself)."""
    from ..readers.word_changes import word_proposals
    open_for(ctx)
    store = ctx.room.store
    item = ctx.form.get("file")
    if not isinstance(item, tuple) or not item[1]:
        return back(ctx, "/proposals", "Choose a Word file (.docx) with tracked changes.")
    name, data = item
    if len(data) > MAX_UPLOAD:
        return back(ctx, "/proposals", f"The file is larger than {MAX_UPLOAD // 2**20} MB.")
    base = store.current()
    with tempfile.TemporaryDirectory(prefix="room-upload-") as tmp:
        path = Path(tmp) / "upload.docx"  # never the name the browser sent
        path.write_bytes(data)
        try:
            found = word_proposals(path, base.draft)
        except AssemblerError as err:
            return back(ctx, "/proposals", f"{one_line(name)[:80]}: {say(err)}")
        except Exception as err:  # a reader choking on what is not a Word file
            return back(ctx, "/proposals", f"{one_line(name)[:80]} could not be read as a "
                        f"Word file ({type(err).__name__}).")
    made = []
    with store.action(ctx.account.name, "upload", one_line(name)[:80]) as w:
        for prop in found.proposals:
            pid = store.new_proposal_id()
            mine = Proposal(pid, ctx.account.name, base.name,
                            number_changes(pid, prop.changes),
                            title=f"From {one_line(name)[:80]} (changes by {prop.proposer})")
            store.save_private(w, ctx.account.id, mine)
            made.append(pid)
        w.detail = ", ".join(made)
    notes = "; ".join(found.notes[:3])
    return back(ctx, f"/drafts/{made[0]}" if len(made) == 1 else "/proposals",
                f"{len(made)} draft(s) made from {one_line(name)[:80]}" +
                (f". Notes: {notes}" if notes else "."))


def my_filed(ctx: Ctx, pid: str) -> Proposal:
    p = ctx.room.store.filed(valid_id(pid))
    if p is None or p.proposer != ctx.account.name:
        raise Refused(403, "Only the proposer may do this.")
    return p


@route("/p/{pid}/withdraw", role=DELEGATION, method="POST")
def withdraw(ctx: Ctx, pid: str) -> Response:
    p = my_filed(ctx, pid)
    if not allowed(p.status, "withdrawn"):
        return back(ctx, f"/p/{p.id}", f"{p.id} is {STATUS_WORDS[p.status]} and cannot be "
                                       "withdrawn.")
    with ctx.room.store.action(ctx.account.name, "withdraw", p.id) as w:
        ctx.room.store.add_status(w, p.id, StatusEntry("withdrawn", today(),
                                                       one_line(ctx.field("note"))))
    return back(ctx, f"/p/{p.id}", f"{p.id} is withdrawn.")


@route("/p/{pid}/invite", role=DELEGATION, method="POST")
def invite_cosponsor(ctx: Ctx, pid: str) -> Response:
    p = my_filed(ctx, pid)
    store = ctx.room.store
    guest = ctx.room.accounts.get(ctx.field("delegation"))
    if guest is None or guest.role != DELEGATION or guest.name == p.proposer:
        return back(ctx, f"/p/{p.id}", "Choose another delegation.")
    with store.action(ctx.account.name, "invite co-sponsor", p.id) as w:
        invitations = dict(store.read_json("invitations.json", {}))
        invitations[p.id] = sorted(set(invitations.get(p.id, [])) | {guest.id})
        store.write_json(w, "invitations.json", invitations)
        w.detail = guest.name
    return back(ctx, f"/p/{p.id}", f"{guest.name} is invited to co-sponsor {p.id}.")


@route("/p/{pid}/join", role=DELEGATION, method="POST")
def join(ctx: Ctx, pid: str) -> Response:
    store = ctx.room.store
    p = store.filed(valid_id(pid))
    if p is None or ctx.account.id not in store.read_json("invitations.json", {}).get(p.id, ()):
        raise Refused(403, "Only a delegation invited by the proposer may co-sponsor.")
    with store.action(ctx.account.name, "co-sponsor", p.id) as w:
        store.rewrite_filed(w, replace(p, co_sponsors=p.co_sponsors + (ctx.account.name,)))
        invitations = dict(store.read_json("invitations.json", {}))
        invitations[p.id] = [a for a in invitations.get(p.id, []) if a != ctx.account.id]
        store.write_json(w, "invitations.json", invitations)
    return back(ctx, f"/p/{p.id}", f"You co-sponsor {p.id}.")


# ---------------------------------------------------------------------- the co-facilitators

@route("/compilation", role=CHAIR)
def compilation(ctx: Ctx) -> Response:
    q = ctx.request.query_params
    proposer, status = q.get("proposer", "")[:MAX_FIELD], q.get("status", "")[:40]
    conflicts = q.get("conflicts") == "1"
    view = views.compilation_of(ctx.room.store, proposer, status, conflicts)
    store = ctx.room.store
    return ctx.room.page(ctx, "compilation.html.j2", view=view, proposer=proposer,
                         status=status, conflicts=conflicts, version=store.current(),
                         next_version=store.next_version_name(),
                         round=store.round_proposals())


@route("/p/{pid}/decide", role=CHAIR, method="POST")
def decide(ctx: Ctx, pid: str) -> Response:
    store = ctx.room.store
    p = store.filed(valid_id(pid))
    if p is None:
        raise Refused(404, "No such proposal on file.")
    from ..negotiation.decisions import decide as decision
    action = ctx.field("action")
    if action not in DECISIONS:
        return back(ctx, f"/p/{p.id}", "Choose a decision.")
    by = ctx.field("by") if DECISIONS[action] in ("superseded", "merged") else ""
    if by and (by == p.id or store.filed(by) is None):
        return back(ctx, f"/p/{p.id}", f"{by} is not another proposal on file.")
    text = one_line(ctx.field("text")) if action == "modify" else None
    try:
        entry = decision(p, action, today(), one_line(ctx.field("note"))[:1000], by,
                         text or None)
    except AssemblerError as err:
        return back(ctx, f"/p/{p.id}", say(err).replace("--by P-NN", "the proposal's id")
                    .replace("--text '...'", "the modified text"))
    new = entry.status
    with store.action(ctx.account.name, f"decide {action}", p.id) as w:
        store.add_status(w, p.id, entry)
        w.detail = entry.note
    return back(ctx, ctx.field("back") if ctx.field("back") == "/compilation" else f"/p/{p.id}",
                f"{p.id}: {STATUS_WORDS[new]}.")


@route("/issue", role=CHAIR, method="POST")
def issue(ctx: Ctx) -> Response:
    from ..amendments.apply import apply_proposals
    from ..amendments.conflicts import ConflictsFound
    from ..dates import iso_day
    from ..negotiation.next_version import next_metadata, record_json
    store = ctx.room.store
    date = one_line(ctx.field("date"))
    if not date or not iso_day(date):
        return back(ctx, "/compilation", "Give the new version's date, e.g. 13 January 2017.")
    base = store.current()
    name = store.next_version_name()
    meta = next_metadata(base.draft, name, date=date)
    n = meta["revision"]
    try:
        new, rec = apply_proposals(base.draft, store.round_proposals(), mode="accepted",
                                   versions=store.find_version(), metadata=meta)
        with store.action(ctx.account.name, "issue", name) as w:
            store.issue(w, new, record_json(rec))
            w.detail = f"{len(rec.applied)} change(s) applied to {base.name}"
    except ConflictsFound as err:
        return back(ctx, "/compilation", "Not issued: " + "; ".join(
            str(c) for c in err.conflicts[:5]) + " — decide between them first.")
    except AssemblerError as err:
        return back(ctx, "/compilation", f"Not issued: {say(err)}")
    return back(ctx, "/issued", f"Rev.{n} is issued: {len(rec.applied)} change(s) from the "
                                f"accepted proposals.")


@route("/issued", role=CHAIR)
def issued(ctx: Ctx) -> Response:
    versions = ctx.room.store.versions()
    return ctx.room.page(ctx, "issued.html.j2", versions=versions[1:][::-1],
                         accounts=ctx.room.accounts.all(),
                         audit=ctx.room.store.audit_lines(50)[::-1])


DOWNLOADS = {"redline.docx": DOCX, "compilation.docx": DOCX,
             "comparison.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@route("/issued/{version}/{kind}", role=CHAIR)
def download(ctx: Ctx, version: str, kind: str) -> Response:
    store = ctx.room.store
    versions = store.versions()
    names = [v.name for v in versions]
    if version not in names[1:] or kind not in DOWNLOADS:
        raise Refused(404, "No such document.")
    i = names.index(version)
    old, new = versions[i - 1], versions[i]
    if kind == "redline.docx":
        from ..compare.authors import attribution_from
        from ..compare.redline import build_redline, default_who
        from ..writers.docx.redline import build_redline_docx
        dates = {p.id: p.date for p in store.on_file()}
        who = default_who(new.draft, "Co-facilitators")
        r = build_redline(old.draft, new.draft, "Co-facilitators", "",
                          attribution_from(new.draft, who, dates))
        data = build_redline_docx(r)
    elif kind == "compilation.docx":
        from ..amendments.compile import compile_proposals
        from ..writers.docx.compilation import compilation_docx
        props = [p for p in store.on_file() if p.base == old.name]
        data = compilation_docx(compile_proposals(old.draft, props,
                                                  versions=store.find_version()))
    else:
        from ..compare.provenance import proposal_facts, version_record
        from ..compare.table import build_table
        from ..writers.tabular.xlsx import compare_xlsx
        chain = versions[:i + 1]
        facts = proposal_facts(store.on_file())
        table = build_table(chain, [version_record(v, facts) for v in chain],
                            title=new.draft.metadata.title)
        data = compare_xlsx(table, [])
    return Response(data, media_type=DOWNLOADS[kind], headers={
        "Content-Disposition": f'attachment; filename="{version}-{kind}"'})


@route("/room", role=CHAIR, method="POST")
def room_state(ctx: Ctx) -> Response:
    opened = ctx.field("open") == "1"
    deadline = one_line(ctx.field("deadline"))
    if deadline:
        try:
            _dt.datetime.fromisoformat(deadline)
        except ValueError:
            return back(ctx, "/issued", "The deadline is a date and time, e.g. "
                                        "2017-01-20T18:00 (UTC).")
    with ctx.room.store.action(ctx.account.name, "open room" if opened else "close room") as w:
        ctx.room.store.write_json(w, "state.json", {"open": opened, "deadline": deadline})
        w.detail = deadline
    return back(ctx, "/issued", "The room is open." if opened else "The room is closed.")


# ---------------------------------------------------------------------- assembling

def create_app(store: Store, *, secret_key: str, secure_cookies: bool = False) -> Starlette:
    room = Room(store, secure_cookies=secure_cookies)
    routes = [Route("/", home), Route("/signin/{token}", signin_form),
              Route("/signin", signin, methods=["POST"]),
              Route("/static/{name}", static)]
    for path, method, role, fn in ROUTES:
        routes.append(Route(path, guarded(room, method, role, fn), methods=[method]))
    app = Starlette(routes=routes, middleware=[
        Middleware(SecurityHeaders),
        Middleware(SessionMiddleware, secret_key=secret_key, session_cookie="room",
                   max_age=12 * 3600, same_site="strict", https_only=secure_cookies)])
    app.state.room = room
    return app
