"""Properties of applying changes, on generated drafts:
- non-overlapping changes give the same draft whatever order their proposals come in;
- a change written as UN prose reads back as the same change;
- the changes inferred from the difference of drafts a and b, applied to a, give b."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assembler.amendments import (Change, Proposal, StatusEntry, UnitIndex, apply_proposals,
                                  change_to_prose, infer_changes, number_changes,
                                  prose_to_change)
from assembler.amendments.kinds import KINDS, REGISTRY, Arbitrary
from assembler.amendments.prose import instructions
from assembler.amendments.words import UnitWords
from assembler.inline import cross_refs, plain
from assembler.model import (Heading, OperativeParagraph, PreambularParagraph, SubParagraph,
                             Text, contents_of)

from strategies import content, drafts, plain_words

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])
WORDS = "the conference shall decides migration global compact member states".split()


def accepted(pid, changes):
    return Proposal(pid, f"Delegation {pid}", "v1", number_changes(pid, changes),
                    history=(StatusEntry("accepted"),))


def referenced(draft) -> set[str]:
    return {t for u in draft.units() for c in contents_of(u) for t in cross_refs(c)}


def ancestors(draft) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}

    def walk(unit, chain):
        out[unit.id] = chain
        for child in getattr(unit, "children", ()):
            walk(child, chain + [unit.id])
    for u in draft.preamble:
        out[u.id] = []
    for u in draft.operative:
        walk(u, [])
    return out


def structural(draft):
    return [u for u in draft.units() if u.kind in ("pp", "op", "sub", "heading")]


# ---------------------------------------------------------------- order does not matter

@st.composite
def draft_and_changes(draw):
    d = draw(drafts(text=plain_words))
    index = UnitIndex(d)
    units = structural(d)
    up = ancestors(d)
    refs = referenced(d)
    changes: list[Change] = []
    busy: set[str] = set()  # units some change needs to stay
    for unit in draw(st.lists(st.sampled_from(units), max_size=5, unique_by=lambda u: u.id)):
        words = UnitWords(unit.content, lambda t: index.labels[t].number
                          if t in index.labels else t)
        text = words.text
        cut = sorted(draw(st.sets(st.integers(0, len(text)), max_size=6)))
        # disjoint spans [cut0, cut1), [cut2, cut3) ... with a gap of two characters
        spans = [(a, b) for a, b in zip(cut[::2], cut[1::2]) if b > a]
        spans = [s for i, s in enumerate(spans) if i == 0 or s[0] >= spans[i - 1][1] + 2]
        for a, b in spans:
            anchor = text[a:b]
            found = words.occurrences(anchor)
            occ = found.index(a) + 1 if len(found) > 1 else 0
            kind = draw(st.sampled_from(["delete-words", "replace-words", "insert-words"]))
            new = draw(plain_words)
            if kind == "insert-words":
                changes.append(Change(kind, unit.id, words=anchor, text=new, position="after",
                                      occurrence=occ, exact=True))
            else:
                changes.append(Change(kind, unit.id, words=anchor, occurrence=occ, exact=True,
                                      text=new if kind == "replace-words" else ""))
            busy.add(unit.id)
    for n, unit in enumerate(draw(st.lists(st.sampled_from(units), max_size=3,
                                           unique_by=lambda u: u.id))):
        kind = "sub" if unit.kind == "sub" else "pp" if unit.kind == "pp" else "op"
        changes.append(Change("insert-unit", unit.id, position="after", unit=kind,
                              text=draw(plain_words), new_id=f"new{n}"))
        busy.add(unit.id)
    ops = [u for u in d.operative if u.kind == "op"]
    if len(ops) > 2 and draw(st.booleans()):
        a, b = draw(st.lists(st.sampled_from(ops), min_size=2, max_size=2, unique=True))
        changes.append(Change("move-unit", a.id, position="before", destination=b.id))
        busy |= {a.id, b.id}
    for unit in draw(st.lists(st.sampled_from(units), max_size=3, unique_by=lambda u: u.id)):
        subtree = {u for u, chain in up.items() if unit.id in chain or u == unit.id}
        if subtree & (busy | refs):
            continue
        changes.append(Change("delete-unit", unit.id))
        busy |= subtree
    n = draw(st.integers(1, 4))
    groups = [changes[i::n] for i in range(n)]
    props = [accepted(f"P-{i}", g) for i, g in enumerate(groups) if g]
    return d, props, draw(st.permutations(range(len(props))))


@SETTINGS
@given(draft_and_changes())
def test_order_of_application_does_not_change_the_result(case):
    draft, props, order = case
    assume(props)
    first, _ = apply_proposals(draft, props)
    second, _ = apply_proposals(draft, [props[i] for i in order])
    assert first == second


# ---------------------------------------------------------------- prose both ways

@st.composite
def draft_and_change(draw):
    d = draw(drafts(text=plain_words))
    index = UnitIndex(d)
    return index, _change(draw, d, index)


@st.composite
def draft_and_several_changes(draw):
    d = draw(drafts(text=plain_words))
    index = UnitIndex(d)
    return index, [_change(draw, d, index) for _ in range(draw(st.integers(1, 4)))]


def _change(draw, d, index) -> Change:
    headings = [plain(u.content) for u in d.operative if u.kind == "heading"]
    units = [u for u in structural(d) + list(d.footnotes)
             if u.kind != "heading" or headings.count(plain(u.content)) == 1]
    kind = draw(st.sampled_from(KINDS))   # every kind the registry has, each its own way
    text = st.one_of(plain_words, plain_words.map(lambda w: f"*{w}* and more;"))
    return REGISTRY[kind].arbitrary(draw, Arbitrary(st, units, plain_words, text))


@SETTINGS
@given(draft_and_change())
def test_a_change_and_its_prose_read_back_to_the_same_change(case):
    index, change = case
    sentence = change_to_prose(change, index)
    assert prose_to_change(sentence, index) == change, sentence


@SETTINGS
@given(draft_and_several_changes(), st.booleans())
def test_written_instructions_read_back_as_a_numbered_list(case, marker_alone):
    """Several changes written as an amendment's numbered instructions (the number alone on
    its line, as issued documents print it, or before the sentence) read back the same."""
    index, changes = case
    lines = []
    for n, c in enumerate(changes, 1):
        sentence = change_to_prose(c, index)
        lines += [f"{n}.", sentence] if marker_alone else [f"{n}. {sentence}"]
    read = [prose_to_change(s, index) for _, s in instructions(enumerate(lines, 1))]
    assert read == changes, lines


# ---------------------------------------------------------------- diff, then apply

@st.composite
def two_versions(draw):
    a = draw(drafts(text=plain_words, with_annex=False))
    fn_ids = [f.id for f in a.footnotes]
    # new units say something (an insertion of a lone footnote marker is refused)
    new_text = content(plain_words, footnotes=tuple(fn_ids)).filter(lambda c: plain(c).strip())
    counter = iter(range(1000))

    def edit(unit):
        if draw(st.integers(0, 3)) == 0:
            unit = replace(unit, content=_mutate(draw, unit.content))
        kids = getattr(unit, "children", None)
        if kids is None:
            return unit
        kids = [edit(k) for k in kids]
        if draw(st.integers(0, 4)) == 0:
            kids.insert(draw(st.integers(0, len(kids))),
                        SubParagraph(f"new{next(counter)}", draw(new_text)))
        return replace(unit, children=tuple(kids))

    pre = [edit(u) for u in a.preamble]
    ops = [edit(u) for u in a.operative]
    for _ in range(draw(st.integers(0, 2))):
        pre.insert(draw(st.integers(0, len(pre))),
                   PreambularParagraph(f"new{next(counter)}", draw(new_text)))
    for _ in range(draw(st.integers(0, 2))):
        made = draw(st.sampled_from([OperativeParagraph, Heading]))
        unit = made(f"new{next(counter)}", draw(new_text))
        if made is OperativeParagraph and draw(st.booleans()):
            unit = replace(unit, children=(SubParagraph(f"new{next(counter)}", draw(new_text)),))
        ops.insert(draw(st.integers(0, len(ops))), unit)
    if len(ops) > 1 and draw(st.booleans()):  # move one operative unit
        unit = ops.pop(draw(st.integers(0, len(ops) - 1)))
        ops.insert(draw(st.integers(0, len(ops))), unit)
    b = replace(a, preamble=tuple(pre), operative=tuple(ops))
    # delete some units nobody refers to
    refs = referenced(b)
    doomed = set(draw(st.sets(st.sampled_from([u.id for u in structural(b)] or ["-"]),
                              max_size=3))) - refs
    b = replace(b, preamble=tuple(u for u in b.preamble if u.id not in doomed),
                operative=tuple(_prune(u, doomed) for u in b.operative if u.id not in doomed))
    assume(not (referenced(b) - {u.id for u in b.units()}))
    # a footnote goes with the last of its markers, as a deleted paragraph takes its notes
    from assembler.amendments.placing import marked
    gone = marked(a) - marked(b)
    b = replace(b, footnotes=tuple(f for f in b.footnotes if f.id not in gone))
    # both versions valid drafts: every paragraph says something (`check` refuses a unit
    # that is only a footnote marker, and no version is ever saved with one)
    assume(all(plain(u.content).strip() for d in (a, b) for u in d.units()
               if u.kind in ("pp", "op", "sub", "heading")))
    return a, b


def _prune(unit, doomed):
    if not hasattr(unit, "children"):
        return unit
    return replace(unit, children=tuple(_prune(c, doomed) for c in unit.children
                                        if c.id not in doomed))


def _mutate(draw, content_):
    items = list(content_)
    texts = [i for i, x in enumerate(items) if isinstance(x, Text)]
    if not texts:
        return content_ + (Text(" " + draw(st.sampled_from(WORDS))),)
    k = draw(st.sampled_from(texts))
    words = items[k].text.split(" ")
    op = draw(st.integers(0, 2))
    pos = draw(st.integers(0, len(words) - 1))
    if op == 0:
        words.insert(pos, draw(st.sampled_from(WORDS)))
    elif op == 1 and len(words) > 1:
        words.pop(pos)
    else:
        words[pos] = draw(st.sampled_from(WORDS))
    items[k] = replace(items[k], text=" ".join(words) or "x")
    from assembler.inline import normalize
    return normalize(items)


@SETTINGS
@given(two_versions())
def test_changes_inferred_from_a_difference_turn_a_into_b(pair):
    a, b = pair
    changes, _ = infer_changes(a, b)
    made, _ = apply_proposals(a, [accepted("D", changes)])
    strip = lambda d: replace(d, metadata=None, provenance=())  # noqa: E731
    assert strip(made) == strip(b)
