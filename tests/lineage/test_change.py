"""What changed from A/RES/79/7 to A/RES/80/4, counted from the comparison the tool makes
everywhere, against what reading the two texts shows: PP6 and PP8 add 79/7 to the list of
resolutions, OP1 takes note of the report on 79/7 (not 78/7), OP4 and OP5 move to the
eighty-first session, the footnote cites A/80/83 (not A/79/80); the rest is word for word."""
from __future__ import annotations

from lineagedocs import drafts  # noqa: F401 (a fixture)
from assembler.compare.align import EQUAL, align
from assembler.lineage.change import change


def test_the_cuba_resolution_changed_six_units_in_a_few_words(drafts):
    old, new = drafts("A_RES_79_7"), drafts("A_RES_80_4")
    c = change(old, new)
    assert (c.kept, c.changed, c.added, c.deleted, c.moved) == (8, 6, 0, 0, 0)
    changed = {e.id for e in align(old, new).entries if e.status != EQUAL}
    assert changed == {"pp6", "pp8", "op1", "op4", "op5", "fn1"}
    # PP6 gains "79/7 of 30 October 2024 and" (7 words) ... a few words, nothing more
    assert 7 <= c.words_added <= 20 and 1 <= c.words_deleted <= 10
    assert 0 < c.measure < 0.03
    assert c.words_old > 600 and c.words_new > c.words_old


def test_a_resolution_against_itself_changed_nothing(drafts):
    d = drafts("A_RES_79_52")
    c = change(d, d)
    assert (c.changed, c.added, c.deleted, c.moved, c.words_changed) == (0, 0, 0, 0, 0)
    assert c.kept > 0 and c.measure == 0


def test_the_arms_trade_treaty_resolution_changed_more_than_the_cuba_one(drafts):
    att = change(drafts("A_RES_78_48"), drafts("A_RES_79_52"))
    cuba = change(drafts("A_RES_79_7"), drafts("A_RES_80_4"))
    assert att.changed + att.added + att.deleted > cuba.changed
    assert att.measure > cuba.measure
