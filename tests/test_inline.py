"""The canonical form of inline content (inline.normalize): what the comparison's word
diffs and every reader rely on."""
from __future__ import annotations

from hypothesis import given, strategies as st

from assembler.inline import normalize, plain
from assembler.model import Break, CrossRef, FootnoteRef, Text

ITEMS = st.one_of(
    st.builds(Text, st.sampled_from(["", "a", "b ", " of the", "Decides"]), st.booleans(),
              st.booleans(), st.booleans()),
    st.just(Break()), st.just(CrossRef("op3")), st.just(FootnoteRef("1")))


def fmt(t: Text) -> tuple:
    return (t.italic, t.bold, t.sup)


@given(st.lists(ITEMS, max_size=12))
def test_runs_of_one_format_are_merged_and_nothing_else_changes(items):
    out = normalize(items)
    assert plain(out, note=lambda f: f"[{f}]") == plain(items, note=lambda f: f"[{f}]")
    assert all(i.text for i in out if isinstance(i, Text))
    for a, b in zip(out, out[1:]):
        assert not (isinstance(a, Text) and isinstance(b, Text) and fmt(a) == fmt(b))
    # the formats, word by word, and the other items in their places, are kept
    letters = lambda c: [(ch, fmt(i)) if isinstance(i, Text) else (i, None)  # noqa: E731
                         for i in c for ch in (i.text if isinstance(i, Text) else [i])]
    assert letters(out) == letters(items)
    assert normalize(out) == out


def test_a_long_stretch_of_words_becomes_one_run():
    words = [Text(w, italic=True) for w in "Calls upon all Member States".split(" ")]
    spaced = [x for w in words for x in (w, Text(" ", italic=True))][:-1]
    assert normalize(spaced) == (Text("Calls upon all Member States", italic=True),)
    assert normalize([Text("a"), Text(""), Text("b"), Break(), Text("c")]) == \
        (Text("ab"), Break(), Text("c"))
