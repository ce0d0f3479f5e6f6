"""What a resolution says of its ancestry, read from real resolutions."""
from __future__ import annotations

from lineagedocs import drafts  # noqa: F401 (a fixture)
from assembler.lineage.evidence import own_numbers, profile, title_key


def test_the_cuba_resolution_recalls_last_years_first_and_last(drafts):
    p = profile(drafts("A_RES_80_4"), "A_RES_80_4")
    assert (p.symbol, p.number, p.session, p.agenda) == ("A/RES/80/4", "80/4", 80, "38")
    assert p.title.startswith("Necessity of ending the economic, commercial and financial")
    recalled = [c.number for c in p.recalled()]
    # PP6 lists the resolutions from 47/19 (1992) on, 78/7 and 79/7 last
    assert recalled[0] == "47/19" and recalled[-1] == "79/7" and "78/7" in recalled
    latest = p.latest_recalled()
    assert (latest.number, latest.unit, latest.early) == ("79/7", "pp6", True)
    # the footnote's report symbol (A/80/...) is no resolution the Assembly recalls
    assert all(not c.number.startswith("80/") for c in p.citations)


def test_another_bodys_resolutions_and_document_symbols_are_not_the_assemblys():
    text = ("Recalling its resolutions 76/139 of 16 December 2021 and 78/176 of 19 December "
            "2023, Human Rights Council resolution 53/2 and the report A/79/80, and "
            "General Assembly resolution 77/7;")
    assert own_numbers(text) == ["76/139", "78/176", "77/7"]
    assert own_numbers("Economic and Social Council resolution 2023/5 and decision 76/512") \
        == []


def test_a_yearly_title_is_the_same_title_whatever_its_year_or_session():
    assert title_key("Report of the International Law Commission on the work of its "
                     "seventy-fifth session") == \
        title_key("Report of the International Law Commission on the work of its "
                  "seventy-fourth session")
    assert title_key("Unforeseen and extraordinary expenses for 2025") == \
        title_key("Unforeseen and extraordinary expenses for 2024")
    assert title_key("Rights of the child") != title_key("The girl child")


def test_a_first_year_resolution_recalls_older_ones_only(drafts):
    """A/RES/79/73 (UNIDIR, biennial) recalls nothing of the 78th session."""
    p = profile(drafts("A_RES_79_73"), "A_RES_79_73")
    assert p.session == 79
    assert p.latest_recalled().session < 78
