"""A treaty in an annex, as the UN prints a convention the Assembly adopts: A/RES/79/243
(the Convention against Cybercrime, 46 pages), from the development corpus, PDF and text
layer. Its articles are headed "Article 9" over a title, in italics, one of them at the top
of a page (page 8); each article numbers its paragraphs from 1 again; the interpretative
notes of its second annex are headed by articles too, but number their paragraphs on (1, 2
under "Article 2", 3 under "Article 17").

Counted from the text layer apart from the reader: 68 articles (the lines "Article N" of the
first annex, 1 to 68 in order); the notes' headings and numbers are
Article 2, 1., 2., Article 17, 3., "Articles 23 and 35, ...", 4., Article 35, 5."""
from __future__ import annotations

import re

import pytest

from assembler.inline import plain
from assembler.readers import read_any
from assembler.survey.checks import judge

from conftest import CORPUS


@pytest.fixture(scope="module", params=["pdf", "txt"])
def reading(request):
    return read_any(CORPUS / f"A_RES_79_243.{request.param}")


def test_every_article_is_a_heading_over_its_title(reading):
    body = reading.draft.annexes[0].body
    heads = [(u, reading.reading.marks.get(u.id)) for u in body
             if re.match(r"Article \d+\b", plain(u.content))]
    assert [m.text for _, m in heads] == [f"Article {n}" for n in range(1, 69)]
    assert all(m.kind == "item" for _, m in heads)
    # the one at a page's top (page 8) is a heading, not the end of the paragraph before
    nine = next(u for u, m in heads if m.text == "Article 9")
    assert plain(nine.content) == "Article 9 Interference with electronic data"


def test_the_notes_number_on_across_their_articles(reading):
    notes = [plain(u.content) for u in reading.draft.annexes[1].body]
    assert [t if t.startswith("Article") else t[:3] for t in notes] == [
        "Article 2", "1. ", "2. ", "Article 17", "3. ",
        "Articles 23 and 35, with regard to the term \u201cinvestigation\u201d", "4. ",
        "Article 35", "5. "]


def test_the_reading_is_judged_exact(reading):
    assert [str(f) for f in judge(reading.draft, reading.reading)] == []
