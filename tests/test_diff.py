"""The one low-level diff (assembler/diff.py): its vocabulary and its users."""
from __future__ import annotations

from pathlib import Path

from assembler.diff import DELETE, EQUAL, INSERT, diff_tokens, map_offset
from assembler.compare.words import diff_text

PACKAGE = Path(__file__).resolve().parent.parent / "assembler"


def test_only_the_diff_module_talks_to_diff_match_patch():
    users = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
             if "diff_match_patch" in p.read_text("utf-8")]
    assert users == ["diff.py"]


def test_word_diff_of_plain_texts_keeps_words_whole():
    pieces = diff_text("the two co-facilitators shall meet", "the three co-facilitators shall meet")
    assert (("two", DELETE) in pieces and ("three", INSERT) in pieces
            and pieces[0] == ("the ", EQUAL))
    assert "".join(t for t, op in pieces if op != INSERT) == "the two co-facilitators shall meet"


def test_runs_walk_both_sequences():
    a, b = ["a", "b", "c", "d"], ["a", "x", "c", "d", "e"]
    runs = diff_tokens(a, b, semantic=False)
    assert sum(n for op, n in runs if op != INSERT) == len(a)
    assert sum(n for op, n in runs if op != DELETE) == len(b)


def test_an_offset_follows_its_words_into_the_new_text():
    old = "Decides to convene the conference in 2018"
    new = "Further decides to convene the conference in 2018"
    assert new[map_offset(old, new, old.index("conference")):].startswith("conference")
