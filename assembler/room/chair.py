"""The co-facilitators' pages: the compilation by paragraph with filters, decisions with
notes (merge and supersede among them), issuing the next version with its redline,
compilation and comparison, and opening or closing the room with a deadline."""
from __future__ import annotations

import datetime as _dt
from pathlib import PurePath

from starlette.responses import Response

from ..amendments.model import STATUS_WORDS
from ..errors import AssemblerError
from . import views
from .accounts import CHAIR
from .store import today
from .views import say
from .web import DECISIONS, DOCX, MAX_FIELD, Ctx, Refused, back, one_line, route, valid_id


@route("/compilation", role=CHAIR)
def compilation(ctx: Ctx) -> Response:
    return compilation_page(ctx, "/compilation")


@route("/amendments")
def amendments_in_place(ctx: Ctx) -> Response:
    """What every delegation may see: the text with each proposal on file in place (struck
    out and bold, proposer, status, collisions), filtered as the co-facilitators filter."""
    return compilation_page(ctx, "/amendments")


def compilation_page(ctx: Ctx, here: str) -> Response:
    q = ctx.request.query_params
    proposer, status = q.get("proposer", "")[:MAX_FIELD], q.get("status", "")[:40]
    conflicts = q.get("conflicts") == "1"
    view = views.compilation_of(ctx.room.store, proposer, status, conflicts)
    store = ctx.room.store
    return ctx.room.page(ctx, "compilation.html.j2", view=view, proposer=proposer, here=here,
                         status=status, conflicts=conflicts, version=store.current(),
                         next_version=views.next_version_label(store),
                         round=store.round_proposals(),
                         left_out=store.left_out() if ctx.account.chair else [])


@route("/p/{pid}/decide", role=CHAIR, method="POST")
def decide(ctx: Ctx, pid: str) -> Response:
    """A decision recorded as `assembler status` records it (negotiation/workflow.py)."""
    from ..negotiation.workflow import Decision
    store = ctx.room.store
    p = store.filed(valid_id(pid))
    if p is None:
        raise Refused(404, "No such proposal on file.")
    action = ctx.field("action")
    if action not in DECISIONS:
        return back(ctx, f"/p/{p.id}", "Choose a decision.")
    # the form sends every field; each is the decision's only when the decision takes it
    by = ctx.field("by") if DECISIONS[action] in ("superseded", "merged") else ""
    # typed as plain text, as a delegate's change is: a lone "*" is an asterisk (views.as_typed)
    text = views.as_typed(one_line(ctx.field("text"))) if action == "modify" else None
    # a proposal of several changes is modified change by change, in UN prose (one a line)
    changes = tuple(filter(None, map(one_line, ctx.field("changes").splitlines()))) \
        if action == "modify" and len(p.changes) > 1 else ()
    if changes and ctx.field("typed") == "1":   # shown as typed (views.to_modify): read so
        try:
            changes = tuple(map(views.typed_back, changes))
        except AssemblerError as err:
            return back(ctx, f"/p/{p.id}", say(err))
    decision = Decision(action, today(), one_line(ctx.field("note"))[:1000], by,
                        None if changes else text or None, changes)
    try:
        with store.action(ctx.account.name, f"decide {action}", p.id) as w:
            entry = store.decide(w, p.id, decision)
            w.detail = entry.note
    except AssemblerError as err:
        return back(ctx, f"/p/{p.id}", say(err))
    return back(ctx, ctx.field("back") if ctx.field("back") == "/compilation" else f"/p/{p.id}",
                f"{p.id}: {STATUS_WORDS[entry.status]}.")


@route("/issue", role=CHAIR, method="POST")
def issue(ctx: Ctx) -> Response:
    """The next version issued as `assembler apply` issues it (negotiation/workflow.py)."""
    from ..amendments.conflicts import ConflictsFound
    from ..negotiation.refusals import Refusal
    store = ctx.room.store
    base, date = store.current(), one_line(ctx.field("date"))
    try:
        if not date:   # the room's form asks for one; `apply` may leave it out
            raise Refusal("date", field="date", detail="is missing")
        with store.action(ctx.account.name, "issue", store.next_version_name()) as w:
            made = store.issue(w, date)
            w.detail = f"{len(made.record.applied)} change(s) applied to {base.name}" + \
                not_applied(made.record.not_applicable)
    except ConflictsFound as err:
        return back(ctx, "/compilation", "Not issued: " + "; ".join(
            str(c) for c in err.conflicts[:5]) + " — decide between them first.")
    except Refusal as err:
        if err.field == "date":   # what was wrong with the one given, if one was
            wrong = f": {err.words(views.WORDING)[0]}" if date else ""
            return back(ctx, "/compilation", f"Give the new version's date, e.g. 13 January "
                                             f"2017{wrong}.")
        return back(ctx, "/compilation", f"Not issued: {say(err)}")
    except AssemblerError as err:   # a file named by its name, never its path on the server
        where = f"{PurePath(err.file).name}: " if err.file else ""
        return back(ctx, "/compilation", f"Not issued: {where}{say(err)}")
    rec = made.record
    return back(ctx, "/issued", f"{made.label} is issued: {len(rec.applied)} change(s) from the "
                                f"accepted proposals." + not_applied(rec.not_applicable))


def not_applied(missing: list) -> str:
    """The accepted changes an issue could not make, each with its reason (the record file
    keeps them all)."""
    if not missing:
        return ""
    shown = "; ".join(str(x) for x in missing[:4])
    more = f"; and {len(missing) - 4} more (see the version's record)" if len(missing) > 4 else ""
    return f" {len(missing)} accepted change(s) could not be applied: {shown}{more}."


@route("/issued", role=CHAIR)
def issued(ctx: Ctx) -> Response:
    versions = ctx.room.store.versions()
    return ctx.room.page(ctx, "issued.html.j2", versions=versions[1:][::-1],
                         accounts=ctx.room.accounts.all(),
                         audit=ctx.room.store.record.lines(50)[::-1])


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
        from ..compare.provenance import version_record
        from ..negotiation.negotiation import proposal_facts
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

