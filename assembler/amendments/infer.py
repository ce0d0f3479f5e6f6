"""The changes that turn one version of a draft into another, as a delegation would propose them.

    changes, notes = infer_changes(old, new)        # an Inferred(changes, notes)

`changes` is a tuple of Change in document order: applied to `old` (apply_proposals) they
give `new`. `notes` is a list of sentences naming what no change can say (annexes, tables and
footnotes added, removed or changed, list styles); when it is empty the changes are the
whole difference. Pure: two Drafts in, changes out.

Used for versions that arrive without a record of how they were made (`assembler diff
--as-proposals`), for tracked changes read from Word (readers/word_changes.py: the text with
every change rejected against one author's view), and checked by the property "changes
inferred from a -> b, applied to a, give b" (tests/amendments/test_amendments_properties.py).

1. Pairing, by the one rule (compare/pairing.py, docs/pairing.md): ids are identity when
   the new version names its base or the ids are more than positions. Documents that carry
   no ids (typed in Word, plain text) get them from their readers by position (pp1, op1, h1,
   op1.a); between two such versions units are paired by text (compare/align.py), and the
   positional ids are weighed against it: both readings are inferred, and the one asking
   less of the reader is kept (a unit taken under another id counts against its reading, so
   ids win ties).
2. Structure, list by list: old units left unpaired are deleted (their sub-paragraphs go
   with them), new ones inserted after the sibling before them (or at the start of their
   paragraph or part); of the paired units under the same parent the longest run that kept
   its order stays, the others move (with their sub-paragraphs).
3. Words: a paired unit whose text changed is compared word by word (compare/words.py). A few
   edits become replace / delete / insert words, quoted as the base version reads (cross-
   references by its numbers), an insertion anchored on the words before it, grown until
   they are unique, or said "at the start/end of" the paragraph when it is there (at the
   end: before the closing punctuation, where insert-words puts it); a rewrite (more than MAX_WORD_EDITS edits, or more than
   MAX_CHANGED_SHARE of the text deleted) becomes "replace the paragraph".
   The same words replaced the same way in every unit of a part where they stand become
   one replacement throughout (kinds/replace_throughout.py), when that makes the same text.
4. Exactness: a unit's word changes are made the way apply.py makes them and must give its
   new text. Each is written as a person would (no spaces at the ends of quotes, spacing
   left to `apply`) where that gives the same text, else exactly (exact=True); if neither
   does, the unit is replaced whole.
"""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from ..compare.align import align, longest_in_order
from ..compare.pairing import ids_are_identity, pairs_by_id
from ..compare.words import DELETE, EQUAL, INSERT, diff_content
from ..errors import AssemblerError, ProblemsFound
from ..inline import plain
from ..model import CrossRef, Draft, FootnoteRef, contents_of
from ..numbering import compute_labels
from ..source.markup import render_inline
from .kinds import Difference, combine, infer as say, kind
from .kinds.insert_words import edge
from .model import Change, PARTS, Proposal, number_changes
from .targets import UnitIndex
from .words import UnitWords

MAX_WORD_EDITS = 5          # more edits than this in one unit: replace the unit
MAX_CHANGED_SHARE = 0.6     # or when more than this share of its text is deleted
_STRUCTURAL = ("pp", "op", "sub", "heading")   # units changes insert, delete and move
_WORDED = _STRUCTURAL + ("fn", "p")            # units whose words changes amend
_SENTENCE = 20   # what one more change costs the reader, in characters quoted
_RENAMED = 40    # what a unit taken under another id costs its reading


class Inferred(NamedTuple):
    changes: tuple   # tuple[Change, ...], in document order
    notes: list      # list[str]: what the changes cannot say


def infer_changes(old: Draft, new: Draft) -> Inferred:
    """The changes that turn `old` into `new`, and notes on what they cannot say."""
    by_id = pairs_by_id(old, new)
    result = _infer(old, new, by_id)
    if ids_are_identity(old, new):
        return result
    o_units, n_units = old.unit_index(), new.unit_index()
    # a unit taken for one of another kind (a paragraph for a sub-paragraph) cannot move there
    by_text = {n: o for n, o in align(old, new).pairs().items()
               if o_units[o].kind == n_units[n].kind}
    if by_text == by_id:
        return result
    other = _infer(old, new, by_text)
    renamed = sum(n != o for n, o in by_text.items())
    # a reading whose changes do not apply, or do not give the new text, loses to one that
    # does, whatever it costs (pairing by text can take a unit for one it cannot become)
    if _outcome(old, new, other) != _outcome(old, new, result):
        return max((result, other), key=lambda r: _outcome(old, new, r))
    return other if _cost(other) + _RENAMED * renamed < _cost(result) else result


def _outcome(old: Draft, new: Draft, inferred: Inferred) -> int:
    """2 when the changes, applied to `old`, give every unit's text of `new`; 1 when they
    apply but give another text; 0 when apply refuses them."""
    from .apply import apply_proposals      # apply.py does not know inference; no cycle
    prop = Proposal("P-infer", "inferred", old.metadata.version,
                    number_changes("P-infer", inferred.changes))
    try:
        made, _ = apply_proposals(old, [prop], mode="all")
    except (AssemblerError, ProblemsFound):
        return 0
    return 2 if _reading(made) == _reading(new) else 1


def _reading(d: Draft) -> list[tuple[str, str]]:
    """Each unit's text as a reader sees it, cross-references by their numbers."""
    labels = compute_labels(d)
    return [(u.kind, plain(u.content, lambda t: labels[t].number if t in labels else t))
            for u in d.units() if hasattr(u, "content")]


def _cost(inferred: Inferred) -> int:
    return sum(_SENTENCE + len(c.words) + len(c.text) for c in inferred.changes) + \
        _SENTENCE * len(inferred.notes)


# ---------------------------------------------------------------- one reading

def _infer(old: Draft, new: Draft, pairs: dict[str, str]) -> Inferred:
    """The changes when new units continue the old units `pairs` names (new id -> old id)."""
    o_units, n_units = old.unit_index(), new.unit_index()
    kept = set(pairs.values())
    taken = set(o_units) | set(n_units)
    ids: dict[str, str] = {}   # the id each new unit has in the result of applying
    for uid in n_units:
        ids[uid] = pairs.get(uid) or (uid if uid not in o_units else _fresh(uid, taken))
    o_parent, o_lists = _structure(old)
    n_parent, n_lists = _structure(new)
    stay = _staying(pairs, o_parent, o_lists, n_lists)
    place = {uid: k for ids_ in n_lists.values() for k, uid in enumerate(ids_)}
    order = {uid: k for k, uid in enumerate(o_units)}
    labels = compute_labels(old)

    def ref(target: str) -> str:
        """A cross-reference as the base version shows it, as `apply` finds words."""
        return labels[target].number if target in labels else target

    changes: list[Change] = []
    notes: list[str] = []
    gone = [u for u in o_units.values() if u.id not in kept]
    gone_ids = {u.id for u in gone}
    next_gone = 0

    def flush(upto: int) -> None:
        nonlocal next_gone
        while next_gone < len(gone) and order[gone[next_gone].id] < upto:
            u = gone[next_gone]
            next_gone += 1
            if u.kind in _STRUCTURAL:
                if not _inside(o_parent, u.id, gone_ids):
                    changes.append(say(Difference("gone", u.id)))
            elif not _inside(o_parent, u.id, gone_ids):
                notes.append(f"{_what(u)} {u.id} was removed; {_NOT_PROPOSALS}")

    skipped: set[str] = set()
    added = {uid for uid in n_units if uid not in pairs}
    for u in n_units.values():
        uid = ids[u.id]
        if u.id in pairs and u.id in stay:
            flush(order[uid])
        if u.kind in _STRUCTURAL and (u.id not in stay or u.id not in pairs):
            if n_parent.get(u.id) in skipped:
                skipped.add(u.id)
                continue
            parent = n_parent[u.id]
            siblings, k = n_lists[parent], place[u.id]
            while k and siblings[k - 1] in skipped:   # a sibling no change could add
                k -= 1
            at, position = (ids[siblings[k - 1]], "after") if k else \
                (ids.get(parent, parent), "start")
            if u.id in pairs:
                changes.append(say(Difference("moved", uid, at=at, position=position)))
            else:
                content = _renamed(u.content, ids)
                if not plain(content).strip():
                    notes.append(f"{_what(u)} {u.id} was added without words; {_NOT_PROPOSALS}")
                    skipped.add(u.id)
                    continue
                changes.append(say(Difference("added", uid, at=at, position=position,
                                              unit_kind=u.kind, new_id=uid,
                                              text=render_inline(content))))
                continue
        if u.id not in pairs:
            if u.kind not in _STRUCTURAL and n_parent.get(u.id) not in added:
                notes.append(f"{_what(u)} {u.id} was added; {_NOT_PROPOSALS}")
            continue
        was = o_units[uid]
        changes += _edits(was, u, ids, ref, notes)
    flush(len(order))
    return Inferred(tuple(combine(changes, UnitIndex(old))), notes)


_NOT_PROPOSALS = "annex, table and footnote additions and removals are not proposals"


def _what(unit) -> str:
    return {"fn": "footnote", "p": "annex paragraph", "row": "table row"}.get(unit.kind,
                                                                              unit.kind)


def _fresh(uid: str, taken: set[str]) -> str:
    """An id for a new unit whose own id names another unit of the old version."""
    fresh, k = f"{uid}-new", 2
    while fresh in taken:
        fresh, k = f"{uid}-new{k}", k + 1
    taken.add(fresh)
    return fresh


def _inside(parents: dict, uid: str, gone: set[str]) -> bool:
    """Whether a unit goes with an enclosing unit that is itself deleted or removed."""
    p = parents.get(uid)
    while p is not None and p not in PARTS:
        if p in gone:
            return True
        p = parents.get(p)
    return False


def _structure(d: Draft) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each unit's parent (a unit id, a part, or the annex/table holding it) and each
    parent's list of units (preamble, operative part, paragraphs with sub-paragraphs)."""
    parents: dict[str, str] = {}
    lists: dict[str, list[str]] = {"preamble": [u.id for u in d.preamble],
                                   "operative": [u.id for u in d.operative]}
    def walk(unit, parent):
        parents[unit.id] = parent
        kids = getattr(unit, "children", ())
        lists[unit.id] = [c.id for c in kids]
        for c in kids:
            walk(c, unit.id)
    for u in d.preamble:
        walk(u, "preamble")
    for u in d.operative:
        walk(u, "operative")
    for annex in d.annexes:
        for block in annex.body:
            parents[block.id] = annex.id
            for row in getattr(block, "rows", ()):
                parents[row.id] = block.id
    return parents, lists


def _staying(pairs: dict, o_parent: dict, o_lists: dict, n_lists: dict) -> set[str]:
    """New ids of the paired units that stay where they were: under the same parent, in the
    longest run that kept its order (patience sorting). A moved unit takes its
    sub-paragraphs along, so they stay."""
    stay: set[str] = set()
    for parent, n_ids in n_lists.items():
        o_par = parent if parent in PARTS else pairs.get(parent)
        if o_par is None:
            continue
        pos = {uid: i for i, uid in enumerate(o_lists.get(o_par, ()))}
        common = [n for n in n_ids if pairs.get(n) in pos and o_parent.get(pairs[n]) == o_par]
        stay |= longest_in_order([(n, pos[pairs[n]]) for n in common])
    return stay


def _renamed(content, ids: dict[str, str]):
    """Inline references of the new version, pointing at the ids their units have in the
    result (the old ids of paired units)."""
    out = []
    for i in content:
        if isinstance(i, CrossRef) and i.target in ids:
            i = CrossRef(ids[i.target])
        elif isinstance(i, FootnoteRef) and i.footnote in ids:
            i = FootnoteRef(ids[i.footnote])
        out.append(i)
    return tuple(out)


# ---------------------------------------------------------------- one unit

def _edits(was, now, ids: dict, ref, notes: list[str]) -> list[Change]:
    """The changes to one paired unit's own text (and notes on what else changed in it)."""
    for attr in ("list_style", "list_continues"):
        if getattr(was, attr, None) != getattr(now, attr, None):
            notes.append(f"{_what(was)} {was.id}: its list style changed; list styles are "
                         f"not proposals")
            break
    if was.kind not in _WORDED:
        if tuple(contents_of(was)) != tuple(_renamed(c, ids) for c in contents_of(now)) or \
                getattr(was, "header", None) != getattr(now, "header", None):
            notes.append(f"{_what(was)} {was.id} changed; annex and table changes are not "
                         f"proposals")
        return []
    b = _renamed(now.content, ids)
    if b == was.content:
        return []
    if not plain(b).strip() and plain(was.content).strip():
        # no change empties a unit of its words (apply refuses an empty replacement)
        notes.append(f"{_what(was)} {was.id} lost all its words; a unit is deleted, never "
                     f"emptied")
        return []
    return _content_changes(was.id, was.content, b, ref)


def _content_changes(uid: str, a, b, ref) -> list[Change]:
    """Word changes turning content `a` into `b` exactly, or one replace-unit."""
    words = UnitWords(a, ref)
    exact = _word_changes(uid, a, b, words, ref)
    if exact is not None:
        pretty = [_tidy(c, words) for c in exact]
        # an insertion next to a footnote marker may need the words after it as anchor
        for attempt in (lambda: pretty, lambda: exact,
                        lambda: _word_changes(uid, a, b, words, ref, ahead=True)):
            made = attempt()
            if made is not None and _made(words, made) == b:
                return made
    return [say(Difference("rewritten", uid, text=render_inline(b)))]


def _word_changes(uid: str, a, b, words: UnitWords, ref,
                  ahead: bool = False) -> list[Change] | None:
    hunks = _hunks(diff_content(a, b), ref)
    base = words.text
    deleted = sum(len(plain(d, ref)) for _, d, _ in hunks)
    if not hunks or len(hunks) > MAX_WORD_EDITS or \
            (base and deleted / len(base) > MAX_CHANGED_SHARE):
        return None
    out = []
    for offset, gone, added in hunks:
        said = plain(gone, ref)
        text = render_inline(added)
        if said:
            out.append(say(Difference("words", uid, said=said, text=text,
                                      occurrence=_occurrence(words, said, offset))))
        elif gone:      # only a footnote marker goes: no words to quote
            return None
        elif base and offset in (edge(base, "start"), edge(base, "end")):
            # "At the end of operative paragraph 5, add ...", as delegations write it
            where = "start" if offset == edge(base, "start") else "end"
            out.append(say(Difference("words", uid, position=where, text=text)))
        else:
            anchor, position, at = _anchor(base, offset, ahead)
            if not anchor.strip():
                return None
            out.append(say(Difference("words", uid, anchor=anchor, position=position,
                                      text=text, occurrence=_occurrence(words, anchor, at))))
    return out


def _hunks(pieces, ref) -> list[tuple[int, tuple, tuple]]:
    """(offset in the old reading, deleted content, inserted content) of each edit."""
    out: list[tuple[int, tuple, tuple]] = []
    offset = start = 0
    gone: list = []
    added: list = []
    for p in pieces + [None]:
        if p is None or p.op == EQUAL:
            if gone or added:
                out.append((start, tuple(gone), tuple(added)))
            gone, added = [], []
            if p is not None:
                offset += len(plain(p.content, ref))
            start = offset
        elif p.op == DELETE:
            gone += p.content
            offset += len(plain(p.content, ref))
        elif p.op == INSERT:
            added += p.content
    return out


def _tidy(change: Change, words: UnitWords) -> Change:
    """The change as a person would write it: no spaces at the ends of the quoted words or
    the new text, spacing left to `apply` (kept when it gives the very same text)."""
    quoted, text = change.words.strip(), change.text.replace("\\ ", " ").strip()
    if not quoted:
        if change.kind != "insert-words":
            return change
        pretty = replace(change, text=text, exact=False)   # at the start or end
        same = _made(words, [pretty])
        return pretty if same is not None and same == _made(words, [change]) else change
    try:
        s, _ = words.locate(change.words, change.occurrence)
    except AssemblerError:
        return change
    s += len(change.words) - len(change.words.lstrip())
    pretty = Change(change.kind, change.target, words=quoted, text=text,
                    position=change.position, occurrence=_occurrence(words, quoted, s))
    same = _made(words, [pretty])
    return pretty if same is not None and same == _made(words, [change]) else change


def _made(words: UnitWords, changes: list[Change]):
    """The unit's content after these word changes, made as apply.py makes them; None when
    one cannot be placed or two overlap (apply would report a conflict)."""
    edits = []
    try:
        for c in changes:
            edits.append(kind(c.kind).edit(words, c))
    except AssemblerError:
        return None
    ordered = sorted(edits, key=lambda x: (x.i, x.j))
    for x, y in zip(ordered, ordered[1:]):
        if y.i < x.j or (x.point and y.point and x.i == y.i):
            return None
    return words.apply(edits)


def _occurrence(words: UnitWords, quoted: str, at: int) -> int:
    """0 when the words occur once, else which occurrence starts at `at` (1 = first)."""
    found = words.occurrences(quoted)
    return found.index(at) + 1 if len(found) > 1 and at in found else 0


def _anchor(text: str, offset: int, ahead: bool = False) -> tuple[str, str, int]:
    """Words that name an insertion point: those before it, grown until they are unique (or
    the text's start), or the words after it when it is at the start (or `ahead`).
    (words, position, where the words start)."""
    if offset > 0 and not (ahead and offset < len(text)):
        for n in range(1, 8):
            start = _back_words(text, offset, n)
            if text.count(text[start:offset]) == 1 or start == 0:
                break
        return text[start:offset], "after", start
    end = offset
    for n in range(1, 8):
        end = _forward_words(text, offset, n)
        if text.count(text[offset:end]) == 1 or end == len(text):
            break
    return text[offset:end], "before", offset


def _back_words(text: str, offset: int, n: int) -> int:
    i = offset
    for _ in range(n):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


def _forward_words(text: str, offset: int, n: int) -> int:
    i = offset
    for _ in range(n):
        while i < len(text) and text[i].isspace():
            i += 1
        while i < len(text) and not text[i].isspace():
            i += 1
    return i
