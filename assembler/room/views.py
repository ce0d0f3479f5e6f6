"""What the room's pages show, built from the same writers the command line uses: the draft in
UN layout (writers/html), a delegation's preview with its collisions (amendments/preview and
writers/redline_html), the compilation (amendments/compile). Pure over the model, except
that it reads what the Store gives it."""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from markupsafe import Markup

from ..amendments.prose import for_readers
from ..amendments.conflicts import ConflictsFound
from ..amendments.model import Change, Proposal, number_changes
from ..amendments.prose import change_to_prose
from ..amendments.targets import UnitIndex
from ..errors import AssemblerError
from ..model import Draft
from ..negotiation.refusals import PLAIN, Refusal, Wording
from .store import Store

_ARTICLE = re.compile(r"<article\b.*</article>", re.S)
_DEGREE = re.compile(r' style="--degree: (\d+)"')
DRAWN = 256   # proposals' redlines kept per version (Planner.drawn)


# The workflow's inputs as the room's forms name them (negotiation/refusals.py): in plain
# words, the proposal chosen in "Merged into / superseded by" by its id
WORDING = Wording({**PLAIN.names, "by": "proposal"}, {**PLAIN.asks, "by": "the proposal's id"})


def say(err: AssemblerError) -> str:
    """An error for a web page: what and what to do, never a path on the server (several
    problems found at once: each of them; a workflow's refusal in the room's words)."""
    problems = getattr(err, "problems", ())
    if problems:
        return "; ".join(say(p) for p in problems)
    if isinstance(err, Refusal):
        err = err.worded(WORDING)
    text = err.message
    if err.unit:
        text = f"{err.unit}: {text}"
    if err.hint:
        text += f" ({err.hint})"
    return text


def draft_article(draft: Draft) -> Markup:
    """The draft as the HTML writer lays it out (numbered as issued), without the page's
    inline stylesheet (the room serves un.css; its CSP allows no inline style)."""
    from ..writers.html.draft import build_html
    html = build_html(draft).decode("utf-8")
    m = _ARTICLE.search(html)
    return Markup(m.group(0) if m else "")


def current_article(store: Store) -> Markup:
    """The current version's page, drawn once per version."""
    return store.per_version("article", lambda: draft_article(store.current().draft))


@lru_cache(maxsize=1)
def un_css() -> bytes:
    from ..layout import load_layout
    from ..writers.html.draft import page_context, render
    return render("un.css.j2", {**page_context(load_layout()), "face": None}).encode("utf-8")


def unit_choices(store: Store) -> list[tuple[str, str]]:
    """(id, "OP 5: Decides that ...") for every paragraph a change can name."""
    def make():
        from ..inline import plain
        index = store.index()
        out = []
        for unit in index.draft.units():
            if unit.kind in ("pp", "op", "sub", "heading"):
                text = plain(unit.content)
                out.append((unit.id, f"{index.short_of(unit.id)}: {text[:70]}"
                            f"{'…' if len(text) > 70 else ''}"))
        return out
    return store.per_version("choices", make)


def prose_of(proposal: Proposal, store: Store, *, readers: bool = True, typed: bool = False
             ) -> list[tuple[str, str]]:
    """Each change of a proposal in UN prose, never by internal id: numbered as the current
    version numbers its paragraphs while it is open and can be carried onto it, else as the
    version it was written against numbers them. For readers, its texts in plain words;
    else in the markup they are written in, to be read again (a modification to edit), or,
    `typed`, with each text as typed where it says no more than that (`typed_text`)."""
    index = index_of(store, proposal.base)
    if proposal.base and proposal.base != store.current().name and \
            proposal.status == "proposed":
        # still open on an older version: worded as it applies to the current one, in the
        # numbers every other page shows (the preview's collisions, the text)
        carried = store.carried(proposal)
        if carried is not None:
            proposal, index = carried, store.index()
    out = []
    for c in proposal.effective_changes:
        uid = index.resolve(c.target) if index else None
        shown = replace(c, target=uid, destination=index.resolve(c.destination) or
                        c.destination) if uid else c
        try:
            shown = for_readers(shown, index if uid else None) if readers else shown
            if typed and shown.text and typed_text(shown.text) is not None:
                shown = replace(shown, text=typed_text(shown.text))
            out.append((c.id, change_to_prose(shown, index if uid else None)))
        except (AssemblerError, KeyError):
            out.append((c.id, f"{c.kind} {c.target}"))
    return out


def as_typed(text: str) -> str:
    """What a person typed in a form, in the markup changes are written in, every character
    standing for itself: a lone "*" or "[^fn1]" is text, never italics or a footnote (the
    room's forms offer no formats)."""
    from ..model import Text
    from ..source.markup import render_inline
    return render_inline((Text(text),)) if text else ""


def typed_text(text: str) -> str | None:
    """A change's text as it was typed, when its markup says no more than the characters
    (escapes only: no formatting, footnote or cross-reference); else None."""
    from ..inline import plain
    from ..source.markup import parse_inline
    shown = plain(parse_inline(text))
    return shown if as_typed(shown) == text else None


def to_modify(proposal: Proposal, store: Store) -> tuple[list[str], bool]:
    """A proposal's changes in UN prose, one a line, for the co-facilitators to modify, and
    whether the texts in them are as typed: so when every text is (`typed_text`) and each
    line reads back (`typed_back`) to its change's text, and a "*" then shows as "*", not
    as its markup "\\*". Else the lines are in the markup the texts are written in."""
    from ..amendments.prose import prose_to_change
    typed = prose_of(proposal, store, readers=False, typed=True)
    texts = {c.id: c.text for c in proposal.effective_changes}
    try:
        if all(prose_to_change(typed_back(line)).text == texts.get(cid, "")
               for cid, line in typed):
            return [line for _, line in typed], True
    except AssemblerError:
        pass
    return [line for _, line in prose_of(proposal, store, readers=False)], False


def typed_back(line: str) -> str:
    """A line of `to_modify` as typed, in markup: its text stands for itself (a lone "*"
    is text), as a delegate's typed text does."""
    from ..amendments.prose import prose_to_change
    c = prose_to_change(line)
    return change_to_prose(replace(c, text=as_typed(c.text))) if c.text else line


def index_of(store: Store, version: str) -> UnitIndex | None:
    """The ways of naming the units of a version of the negotiation (the current one when
    none is named); None for a version not on file."""
    current = store.current()
    if not version or version == current.name:
        return store.index()

    def make():
        draft = store.find_version()(version)
        return UnitIndex(draft) if draft is not None else None
    return store.per_version(f"index:{version}", make)


def version_names(store: Store) -> dict[str, str]:
    """Each version's name as the language table prints it ("Revision 2", "Rev.3"), by its
    file name (rev2): pages print these, never the file names."""
    return store.per_version("version-names", lambda: {v.name: v.stage for v in store.versions()})


def next_version_label(store: Store) -> str:
    """How the version the next issue makes will be named ("Revision 3")."""
    from ..negotiation.next_version import next_metadata
    return next_metadata(store.current().draft, store.next_version_name())["stage_label"]


class Planner:
    """The current version made ready once for planning (amendments.apply.Ready), and what
    every preview asks again of each proposal on file: its changes placed alone against the
    version, the units they touch, and it carried onto the version when written against an
    older one. Kept per proposal object: the Store reads a file again
    into a new object when it changes, and the Planner holds each object it kept (so its id
    is never another's)."""

    def __init__(self, store: Store):
        from ..amendments.apply import ready
        self.made = ready(store.current().draft)
        self.versions = store.find_version()
        self._plans: dict[int, tuple] = {}
        self._touched: dict[int, tuple] = {}
        self._carried: dict[int, tuple] = {}
        self._weighed: tuple | None = None   # (proposals on file, candidates, by unit)
        self._weighed_lock = threading.Lock()
        self._drawn: OrderedDict = OrderedDict()   # a proposal's redline, the latest kept
        self._drawn_lock = threading.Lock()

    def drawn(self, p: Proposal):
        """The proposal made to this version and compared (amendments.preview.draw), kept
        for the DRAWN proposals asked last: a proposal's page is opened by many, and
        only its collisions change with what else is on file."""
        from ..amendments.preview import draw
        key = (p.id, p.proposer, p.date, p.base,
               tuple((c, c.id) for c in p.effective_changes))
        with self._drawn_lock:
            hit = self._drawn.get(key)
            if hit is not None:
                self._drawn.move_to_end(key)
                return hit
        hit = draw(self.made.draft, [p], versions=self.versions, made=self.made)
        with self._drawn_lock:
            self._drawn[key] = hit
            while len(self._drawn) > DRAWN:
                self._drawn.popitem(last=False)
        return hit

    def alone(self, p: Proposal) -> list | None:
        from ..amendments.preview import planned_alone
        hit = self._plans.get(id(p))
        if hit is None or hit[0] is not p:
            hit = self._plans[id(p)] = (p, planned_alone(self.made, p, self.versions))
        return hit[1]

    def touched(self, p: Proposal) -> frozenset | None:
        """The units of this version the proposal's changes name, or None when one of them
        names a unit this version does not have."""
        hit = self._touched.get(id(p))
        if hit is None or hit[0] is not p:
            uids = {self.made.index.resolve(name) for c in p.effective_changes
                    for name in (c.target, c.destination) if name}
            hit = self._touched[id(p)] = (p, None if None in uids else frozenset(uids))
        return hit[1]

    def weighed(self, store: Store) -> tuple[list, dict]:
        """The proposals a preview may collide with: those on this version, and those still
        open on an older one (carried onto it); with, for each unit, where in that list are
        the ones touching it. Made again only when the Store lists other objects; extended
        when it lists the same ones and more after them (what a submission does)."""
        on_file = store.on_file()
        with self._weighed_lock:
            kept = self._weighed
            if kept is not None and len(kept[0]) <= len(on_file) and \
                    all(a is b for a, b in zip(kept[0], on_file)):
                if len(kept[0]) < len(on_file):
                    self._weigh(store, on_file[len(kept[0]):], kept[1], kept[2])
                    self._weighed = (on_file, kept[1], kept[2])
                return kept[1], kept[2]
            candidates: list = []
            by_unit: dict = {}
            self._weigh(store, on_file, candidates, by_unit)
            self._weighed = (on_file, candidates, by_unit)
            return candidates, by_unit

    def _weigh(self, store: Store, proposals: list, candidates: list, by_unit: dict) -> None:
        """`proposals` added at the end of `candidates` and indexed by the units they touch
        (in place: readers only ever see the lists grow)."""
        version = self.made.draft.metadata.version
        for p in proposals:
            if not p.base or p.base == version:
                q = p
            elif p.status == "proposed":  # still open on an older version: carried onto this
                hit = self._carried.get(id(p))
                if hit is None or hit[0] is not p:
                    hit = self._carried[id(p)] = (p, store.carried(p))
                if hit[1] is None:
                    continue
                q = hit[1]
            else:
                continue
            candidates.append(q)
            uids = self.touched(q)
            for uid in (None,) if uids is None else uids:
                by_unit.setdefault(uid, []).append(len(candidates) - 1)


def planner_of(store: Store) -> Planner:
    return store.per_version("planner", lambda: Planner(store))


@dataclass
class PreviewView:
    redline: Markup = Markup("")
    clashes: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    error: str = ""


def on_file_for(store: Store, base: Draft, mine: Proposal) -> list[Proposal]:
    """Proposals a preview collides with: those on this version, and those still open on an
    older one (carried onto it); never the proposal itself. Of those on this version, only
    the ones touching a paragraph near mine (the same, one holding it, one it holds, or
    where a paragraph is put): no other can conflict, and a round of a thousand proposals
    would otherwise be planned for every preview."""
    index, lineage, planner = store.index(), store.lineage(), planner_of(store)
    candidates, by_unit = planner.weighed(store)
    near: set[str] = set()
    for c in mine.changes:
        for name in (c.target, c.destination):
            uid = index.resolve(name) if name else None
            if uid:
                near |= lineage.get(uid, {uid})
    at = set(by_unit.get(None, ()))  # naming a unit this version lacks: kept, to be safe
    for uid in near:
        at.update(by_unit.get(uid, ()))
    return [candidates[i] for i in sorted(at) if candidates[i].id != mine.id]


def preview_of(store: Store, proposal: Proposal, *, whole: bool = False,
               keep: bool = False) -> PreviewView:
    """The proposal's redline on the current version with its collisions; `keep`: its
    redline kept for the next time (a proposal's page, a draft's preview), not for a
    change being tried, which is asked once."""
    from ..amendments.preview import preview
    from ..writers.html.redline import RedlineHtml
    base = store.current().draft
    if not proposal.changes:
        return PreviewView(error="No change yet: select words in a paragraph, or use the "
                                 "forms below.")
    planner = planner_of(store)
    try:
        pv = preview(base, [proposal], on_file_for(store, base, proposal),
                     versions=planner.versions, made=planner.made, alone=planner.alone,
                     drawn=planner.drawn(proposal) if keep else None)
    except ConflictsFound as err:
        return PreviewView(error="Your changes collide among themselves: " +
                           "; ".join(str(c) for c in err.conflicts))
    except AssemblerError as err:
        return PreviewView(error=say(err))
    r = RedlineHtml(pv.redline, pv.comments())
    units = pv.redline.units if whole else pv.redline.changed_units()
    body = "\n".join([r.legend()] + [r.unit(u) for u in units])
    body = _DEGREE.sub(r' data-degree="\1"', body)  # inline styles are refused by the CSP
    return PreviewView(Markup(body), pv.clashes, [str(n) for n in pv.not_applicable])


def clean_of(store: Store, proposal: Proposal) -> Markup:
    """The current version with the proposal made, in UN layout (asked for when opened: a
    whole draft is the dearest part of a preview)."""
    return draft_article(_applied(store.current().draft, proposal, store))


def check_of(store: Store, proposal: Proposal, *, keep: bool = False) -> str:
    """Why the proposal cannot be made to the current version ("" if it can): the check
    before a change is kept or a proposal submitted, without drawing a preview; `keep`:
    drawing its redline and keeping it (Planner.drawn), for the page that shows it next
    (a proposal as it is filed, before its page)."""
    from ..amendments.apply import apply_proposals
    if not proposal.changes:
        return "it has no change yet"
    try:
        planner = planner_of(store)
        if keep:
            planner.drawn(proposal)
        else:
            apply_proposals(planner.made.draft, [proposal], mode="all",
                            versions=planner.versions, made=planner.made)
    except ConflictsFound as err:
        return "its changes collide among themselves: " + "; ".join(map(str, err.conflicts))
    except AssemblerError as err:
        return say(err)
    return ""


def _applied(base: Draft, proposal: Proposal, store: Store) -> Draft:
    from ..amendments.apply import apply_proposals
    planner = planner_of(store)
    new, _ = apply_proposals(base, [proposal], mode="all", versions=planner.versions,
                             made=planner.made)
    return new


def with_change(proposal: Proposal, change: Change) -> Proposal:
    return replace(proposal, changes=number_changes(proposal.id, proposal.changes + (change,)))


def without_change(proposal: Proposal, n: int) -> Proposal:
    kept = tuple(c for i, c in enumerate(proposal.changes, 1) if i != n)
    return replace(proposal, changes=number_changes(proposal.id, kept))


# ---------------------------------------------------------------------- compilation

@dataclass
class CompilationView:
    rows: list           # amendments.compile.Row, filtered
    proposers: list
    statuses: list
    conflicts: int
    error: str = ""
    # where each proposal's decision is offered: under its first change shown (a decision
    # is on the whole proposal), {proposal id: that change's id}
    deciding: dict = field(default_factory=dict)


def compilation_of(store: Store, proposer: str = "", status: str = "",
                   conflicts_only: bool = False) -> CompilationView:
    from ..amendments.compile import compile_proposals
    from ..amendments.model import STATUSES
    base = store.current().draft
    props = store.round_proposals()
    try:
        comp = compile_proposals(base, props, versions=store.find_version(), only_touched=True)
    except AssemblerError as err:
        return CompilationView([], [], list(STATUSES), 0, str(err))
    rows = []
    for row in comp.rows:
        entries = [e for e in row.entries
                   if (not proposer or e.proposal.proposer == proposer
                       or proposer in e.proposal.co_sponsors)
                   and (not status or e.proposal.status == status)
                   and (not conflicts_only or e.conflicts)]
        if entries:
            rows.append(replace(row, entries=entries))
    proposers = sorted({p.proposer for p in props})
    deciding: dict = {}
    for row in rows:
        for e in row.entries:
            deciding.setdefault(e.proposal.id, e.change_id)
    return CompilationView(rows, proposers, list(STATUSES), len(comp.conflicts),
                           deciding=deciding)
