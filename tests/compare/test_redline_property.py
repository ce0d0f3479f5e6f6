"""Property: for any generated draft and any mix of edits, the redline's tracked changes,
accepted, read exactly as the new version, and rejected, as the old one (numbers, which Word
counts, aside)."""
from __future__ import annotations

import re
import tempfile
from html import unescape
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembler.compare.redline import build_redline
from assembler.model import Footnote, OperativeParagraph, Text
from assembler.writers.docx.draft import build_docx
from assembler.writers.docx.redline import build_redline_docx
from conftest import pandoc_text
from strategies import drafts, plain_words
from strategies import words as markup_words
from conftest import counted
from test_redline import without_numbers


def _edit_words(draw, content):
    items = list(content)
    texts = [i for i, x in enumerate(items) if isinstance(x, Text)]
    if not texts:
        return content + (Text(" " + draw(plain_words)),)
    k = draw(st.sampled_from(texts))
    words = items[k].text.split(" ")
    pos = draw(st.integers(0, len(words) - 1))
    how = draw(st.sampled_from(["replace", "insert", "delete"]))
    new = draw(plain_words)
    if how == "replace":
        words[pos] = new
    elif how == "insert":
        words.insert(pos, new)
    elif len(words) > 1:
        del words[pos]
    items[k] = replace(items[k], text=" ".join(words))
    return tuple(items)


@st.composite
def pairs(draw, text=plain_words):
    old = draw(drafts(text=text, max_ops=6))
    new = old
    for n in range(draw(st.integers(1, 4))):
        ops = list(new.operative)
        kind = draw(st.sampled_from(["words", "delete", "insert", "move", "footnote", "pp"]))
        if kind == "words":
            k = draw(st.integers(0, len(ops) - 1))
            ops[k] = replace(ops[k], content=_edit_words(draw, ops[k].content))
        elif kind == "delete" and len([o for o in ops if isinstance(o, OperativeParagraph)]) > 1:
            del ops[draw(st.integers(0, len(ops) - 1))]
        elif kind == "insert":
            ops.insert(draw(st.integers(0, len(ops))), OperativeParagraph(
                f"new{n}", (Text("Decides", italic=True), Text(" " + draw(plain_words) + ";"))))
        elif kind == "move" and len(ops) > 2:
            unit = ops.pop(draw(st.integers(0, len(ops) - 1)))
            ops.insert(draw(st.integers(0, len(ops))), unit)
        elif kind == "footnote" and new.footnotes:
            fn = new.footnotes[0]
            new = replace(new, footnotes=(Footnote(fn.id, _edit_words(draw, fn.content)),)
                          + new.footnotes[1:])
        elif kind == "pp" and new.preamble:
            pre = list(new.preamble)
            k = draw(st.integers(0, len(pre) - 1))
            pre[k] = replace(pre[k], content=_edit_words(draw, pre[k].content))
            new = replace(new, preamble=tuple(pre))
        if any(isinstance(o, OperativeParagraph) for o in ops):
            new = replace(new, operative=tuple(ops))
    return old, new


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_accept_is_new_and_reject_is_old(pair):
    old, new = pair
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "r.docx").write_bytes(build_redline_docx(build_redline(old, new)))
        (t / "new.docx").write_bytes(build_docx(new))
        (t / "old.docx").write_bytes(build_docx(old))
        assert words(t / "r.docx", "accept") == words(t / "new.docx")
        # references to operative paragraphs are fields Word counts in either view (a
        # number counted in one version only, a lone paragraph's, is typed: the same number)
        assert _references(without_numbers(words(counted(t / "r.docx", t), "reject"))) == \
            _references(without_numbers(words(counted(t / "old.docx", t))))


def _references(text: str) -> str:
    """A reference's number as typed or as a field counted again ("#") reads alike; the
    generated text may run a reference into its words ("1a" then the number), so every
    number reads as "#" (the accepted view above is compared number for number)."""
    return re.sub(r"\d+", "#", text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs(text=markup_words))
def test_markup_characters_and_spaces_survive(pair):
    """Text full of the source format's markup characters, brackets and odd spacing."""
    test_accept_is_new_and_reject_is_old.hypothesis.inner_test(pair)


def words(path: Path, mode: str = "accept") -> str:
    """The text pandoc reads, block by block, without layout: table column widths follow the
    text of one version, and the redline lays its tables out as the new version does."""
    html = pandoc_text(path, mode, to="html")
    html = re.sub(r"<colgroup>.*?</colgroup>", "", html, flags=re.S)
    html = re.sub(r"</(p|li|td|th|h\d|tr)>", "\n", html)
    text = unescape(re.sub(r"<[^>]+>", "", html))
    # a space ending a note's paragraph is no word: pandoc keeps it from a plain run and
    # drops it from a rejected deletion (" ↩︎", its backlink, follows it)
    text = re.sub(r"\s+(?=\u21a9)", "", text)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
