"""Hypothesis strategies for generated drafts, shared by the property tests."""
from __future__ import annotations

from hypothesis import strategies as st

from assembler.inline import normalize
from assembler.model import (Annex, AnnexParagraph, CrossRef, Draft, Footnote, FootnoteRef,
                             Heading, Metadata, OperativeParagraph, PreambularParagraph, Row,
                             SubParagraph, Table, Text)

# Text with the characters that stress the source format: markup characters, brackets,
# backslashes, bars, non-ASCII, spaces at the ends.
_ALPHABET = st.sampled_from(list("abcdefghij klmn   ,;.:()\"'-/") +
                            list("*[]{}^#@|\\") + ["é", "ü", "—", "’", "ç"])
words = st.text(_ALPHABET, min_size=1, max_size=30)
plain_words = st.lists(st.sampled_from(
    "the conference shall decides migration global compact member states process "
    "preparatory General Assembly requests invites all relevant and of to in".split()),
    min_size=1, max_size=12).map(" ".join)


@st.composite
def content(draw, text=words, footnotes=(), targets=(), min_items=1):
    items = []
    for _ in range(draw(st.integers(min_items, 4))):
        choice = draw(st.integers(0, 9))
        if choice == 8 and footnotes:
            items.append(FootnoteRef(draw(st.sampled_from(footnotes))))
        elif choice == 9 and targets:
            items.append(CrossRef(draw(st.sampled_from(targets))))
        else:
            items.append(Text(draw(text), italic=draw(st.booleans()), bold=draw(st.booleans()),
                              sup=draw(st.integers(0, 5)) == 0))
    result = normalize(items)
    return result or (Text("x"),)


@st.composite
def drafts(draw, text=words, max_ops=6, with_annex=True):
    n_fn = draw(st.integers(0, 2))
    fn_ids = tuple(f"fn{i}" for i in range(1, n_fn + 1))
    n_pp = draw(st.integers(0, 3))
    n_op = draw(st.integers(1, max_ops))
    op_ids = tuple(f"op{i}" for i in range(1, n_op + 1))
    c = lambda: draw(content(text, fn_ids, op_ids))  # noqa: E731
    pre = tuple(PreambularParagraph(f"pp{i}", c()) for i in range(1, n_pp + 1))

    def subs(prefix, degree):
        if degree > 3 or not draw(st.integers(0, 2)) == 0:
            return ()
        return tuple(SubParagraph(f"{prefix}.{k}", c(), subs(f"{prefix}.{k}", degree + 1),
                                  draw(st.sampled_from([None, "a.", "A)", "(i)"])),
                                  draw(st.booleans()) and k > 1)
                     for k in range(1, draw(st.integers(1, 3)) + 1))

    ops = []
    for i, oid in enumerate(op_ids, 1):
        if draw(st.integers(0, 4)) == 0:
            ops.append(Heading(f"h{i}", c()))
        ops.append(OperativeParagraph(oid, c(), subs(oid, 1)))
    notes = tuple(Footnote(f, draw(content(text))) for f in fn_ids)
    annexes = ()
    if with_annex and draw(st.booleans()):
        rows = tuple(Row(f"t1.r{k}", tuple(draw(content(text)) for _ in range(2)), k == 0)
                     for k in range(draw(st.integers(1, 3))))
        annexes = (Annex("annex1", (Text("Annex"),),
                         (AnnexParagraph("annex1.p1", c()), Table("t1", rows, (Text("Mapping"),)))),)
    meta = Metadata(negotiation="generated", version="v1", stage="first",
                    title="A generated draft", formula="The General Assembly,",
                    extra=(("x-note", "kept as is"),))
    return Draft(meta, pre, tuple(ops), notes, annexes)
