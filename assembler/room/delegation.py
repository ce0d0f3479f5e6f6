"""The delegations' pages: their proposals, drafts only they see, the editor (words selected
in a paragraph, paragraph operations, UN prose), the live preview with its collisions, the
preview as Word tracked changes, submission, Word uploads, co-sponsors, withdrawal."""
from __future__ import annotations

import tempfile
from pathlib import Path

from starlette.responses import HTMLResponse, Response

from ..amendments.kinds import kind, room_ops
from ..amendments.model import Change, Proposal, number_changes
from ..amendments.targets import UnitIndex
from ..errors import AssemblerError
from . import views
from .accounts import DELEGATION
from .store import today
from .views import say
from .web import DOCX, MAX_UPLOAD, Ctx, Refused, back, one_line, open_for, route, valid_id


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
                         text=views.current_article(ctx.room.store),
                         prose=views.prose_of(draft, ctx.room.store),
                         units=views.unit_choices(ctx.room.store), unit_ops=room_ops())


def change_from_form(ctx: Ctx, index: UnitIndex) -> list[Change]:
    """The change a form describes: words selected in a paragraph, a paragraph operation, or
    sentences in UN prose."""
    from ..amendments.prose import instructions, prose_to_changes
    form = ctx.field("form")
    if form == "prose":
        try:   # as a proposal file's body: numbered or not, sentences across lines
            lines = instructions(enumerate((one_line(x) for x in
                                            ctx.field("prose").splitlines()), 1))
            if not lines:
                raise Refused(400, "Write at least one sentence, e.g. In operative paragraph "
                                   "5, replace “two” with “three”.")
            return [c for i, s in lines for c in prose_to_changes(s, index, line=i)]
        except AssemblerError as err:
            raise Refused(409, say(err))
    target = ctx.field("target")
    if target not in index.units:
        raise Refused(409, "Choose a paragraph of the current version.")
    text = views.as_typed(one_line(ctx.field("text")))
    if form == "words":
        words = one_line(ctx.field("words"))
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
    if form == "unit":   # each operation is its kind's (kinds.room_ops, Kind.from_form)
        op = ctx.field("op")
        by = next((name for value, _, name in room_ops() if value == op), None)
        if by is None:
            raise Refused(400, "Unknown paragraph operation.")
        try:
            return kind(by).from_form(op, target, text, ctx.field, index)
        except AssemblerError as err:
            raise Refused(409, say(err))
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
    index = ctx.room.store.index()
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
    return back(ctx, f"/drafts/{draft.id}#changes")  # where the change just added is listed


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
                         pv=views.preview_of(ctx.room.store, draft, whole=whole, keep=True),
                         trying=False)


@route("/drafts/{pid}/clean", role=DELEGATION)
def clean(ctx: Ctx, pid: str) -> Response:
    draft = my_draft(ctx, pid)
    try:
        return HTMLResponse(views.clean_of(ctx.room.store, draft))
    except AssemblerError as err:
        raise Refused(409, say(err))


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
    from ..amendments.preview import preview as make_preview
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


def _pending(ctx: Ctx, draft: Proposal) -> Proposal | None:
    """The draft with the change still in the word editor when Submit was pressed (the
    button sends the editor's fields), or None when nothing is pending there: no words
    selected, or the selected words left as they were."""
    if ctx.field("form") != "words" or not one_line(ctx.field("words")):
        return None
    if ctx.field("mode", "replace") == "replace" and \
            one_line(ctx.field("text")) == one_line(ctx.field("words")):
        return None
    return _candidate(ctx, draft)


@route("/drafts/{pid}/submit", role=DELEGATION, method="POST")
def submit(ctx: Ctx, pid: str) -> Response:
    open_for(ctx)
    draft = my_draft(ctx, pid)
    store = ctx.room.store
    try:
        pending = _pending(ctx, draft)
    except Refused as err:
        return back(ctx, f"/drafts/{draft.id}", f"Not submitted: the change in the editor "
                                                f"cannot be made ({err}).")
    proposal = pending or draft
    made = store.filing(proposal)   # its file's text read back, before the lock
    # checked as it will be filed, its redline kept for its page, where the answer leads
    error = views.check_of(store, made[3][0] if made else proposal, keep=made is not None)
    if error:
        what = "with the change in the editor, " if pending else ""
        return back(ctx, f"/drafts/{draft.id}", f"Not submitted: {what}{error}")
    try:
        with store.action(ctx.account.name, "submit", draft.id) as w:
            if pending:  # kept and submitted under one lock: both or neither
                store.save_private(w, ctx.account.id, pending)
            store.submit(w, ctx.account.id, draft.id, made)
            w.detail = f"{len(proposal.changes)} change(s)"
    except AssemblerError as err:
        return back(ctx, f"/drafts/{draft.id}", say(err))
    added = (f" It includes the change that was in the editor: "
             f"{views.prose_of(proposal, store)[-1][1]}") if pending else ""
    return back(ctx, f"/p/{draft.id}", f"{draft.id} is submitted.{added}")


@route("/drafts/{pid}/discard", role=DELEGATION, method="POST")
def discard(ctx: Ctx, pid: str) -> Response:
    open_for(ctx)
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
    from ..negotiation.workflow import Decision
    open_for(ctx)
    p = my_filed(ctx, pid)
    store = ctx.room.store
    try:   # judged as `assembler status FILE withdraw` judges it: only while undecided
        with store.action(ctx.account.name, "withdraw", p.id) as w:
            store.decide(w, p.id, Decision("withdraw", today(),
                                           one_line(ctx.field("note"))[:1000]))
    except AssemblerError as err:
        return back(ctx, f"/p/{p.id}", f"Not withdrawn: {say(err)}")
    return back(ctx, f"/p/{p.id}", f"{p.id} is withdrawn.")


@route("/p/{pid}/invite", role=DELEGATION, method="POST")
def invite_cosponsor(ctx: Ctx, pid: str) -> Response:
    open_for(ctx)
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
    open_for(ctx)
    store = ctx.room.store
    p = store.filed(valid_id(pid))
    if p is None or ctx.account.id not in store.read_json("invitations.json", {}).get(p.id, ()):
        raise Refused(403, "Only a delegation invited by the proposer may co-sponsor.")
    with store.action(ctx.account.name, "co-sponsor", p.id) as w:
        store.add_co_sponsor(w, p.id, ctx.account.name)
        invitations = dict(store.read_json("invitations.json", {}))
        invitations[p.id] = [a for a in invitations.get(p.id, []) if a != ctx.account.id]
        store.write_json(w, "invitations.json", invitations)
    return back(ctx, f"/p/{p.id}", f"You co-sponsor {p.id}.")

