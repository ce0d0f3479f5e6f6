"""Links between real resolutions of the 78th, 79th and 80th sessions: each found with its
evidence and the right confidence, and a resolution on another topic recalled first is
reported doubtful, never called sure."""
from __future__ import annotations

import pytest

from lineagedocs import drafts  # noqa: F401 (a fixture)
from assembler.lineage.evidence import profile
from assembler.lineage.link import DOUBTFUL, SURE, UNLINKED, link_all

# 79th-session resolutions of ../shared/real/more and their 78th-session predecessors
# (tests/lineage/real/), checked by reading both texts
PAIRS = {"A_RES_79_52": "A_RES_78_48", "A_RES_79_54": "A_RES_78_47",
         "A_RES_79_255": "A_RES_78_249", "A_RES_79_300": "A_RES_78_295"}
SESSION_78 = ["A_RES_78_48", "A_RES_78_47", "A_RES_78_249", "A_RES_78_295", "A_RES_78_213",
              "A_RES_78_8", "A_RES_78_11", "A_RES_78_29", "A_RES_78_91", "A_RES_78_99"]
SESSION_79 = ["A_RES_79_7", "A_RES_79_52", "A_RES_79_54", "A_RES_79_255", "A_RES_79_300",
              "A_RES_79_152", "A_RES_79_73", "A_RES_79_107"]


@pytest.fixture(scope="module")
def links(drafts):
    names = SESSION_78 + SESSION_79 + ["A_RES_80_4"]
    return {l.document.name: l for l in link_all([profile(drafts(n), n) for n in names])}


def test_the_cuba_embargo_resolution_continues_last_years(links):
    link = links["A_RES_80_4"]
    assert link.predecessor.symbol == "A/RES/79/7"
    assert link.confidence == SURE
    kinds = [e.kind for e in link.evidence]
    assert kinds[:3] == ["recalled", "latest", "same-title"]
    assert "agenda" in kinds and "most-wording" in kinds
    assert str(link.evidence[0]) == "recalls its resolution 79/7 in PP6"
    assert link.doubts == ()


@pytest.mark.parametrize("new, old", PAIRS.items())
def test_each_79th_session_resolution_finds_its_78th_session_predecessor(links, new, old):
    link = links[new]
    assert link.predecessor is not None and link.predecessor.name == old
    assert link.confidence == SURE
    assert {"recalled", "same-title"} <= {e.kind for e in link.evidence}
    assert f"recalls its resolution {old[6:].replace('_', '/')} in PP" in str(link.evidence[0])


def test_a_resolution_recalling_one_on_another_topic_is_doubtful(links):
    """A/RES/79/152 (violence against women and girls: the digital environment) recalls
    78/213 (human rights and digital technologies) first: its own predecessor, of the 77th
    session, was not read. The link is made, doubtful, and says why: no title in common."""
    link = links["A_RES_79_152"]
    assert link.predecessor.name == "A_RES_78_213"
    assert link.confidence == DOUBTFUL
    assert "title" not in {e.kind.split("-")[-1] for e in link.evidence}


def test_resolutions_whose_predecessor_was_not_read_are_unlinked_naming_it(links):
    # 78th-session resolutions: their predecessors (77th session) are not among those read
    for name in SESSION_78:
        assert links[name].confidence == UNLINKED and links[name].predecessor is None
    # "Recalling its resolutions ... 76/50 of 6 December 2021 and 77/62 of 7 December 2022"
    assert links["A_RES_78_48"].outside == "A/RES/77/62"
    # A/RES/79/7 recalls 78/7, not read here
    assert links["A_RES_79_7"].confidence == UNLINKED
    assert links["A_RES_79_7"].outside == "A/RES/78/7"


def test_a_tie_is_stated_and_doubtful(drafts):
    """Two resolutions of one session with A/RES/79/7's title and text: neither is called
    sure, and the link names the other."""
    from dataclasses import replace
    first = profile(drafts("A_RES_79_7"), "A_RES_79_7")
    twin = replace(first, name="twin", symbol="A/RES/79/999", number="79/999")
    new = profile(drafts("A_RES_80_4"), "A_RES_80_4")
    # neither is recalled by number once the recall is taken away: title and wording only
    new = replace(new, citations=())
    link = {l.document.name: l for l in link_all([first, twin, new])}["A_RES_80_4"]
    assert link.confidence == DOUBTFUL
    assert any(d.startswith("tie: ") for d in link.doubts)
