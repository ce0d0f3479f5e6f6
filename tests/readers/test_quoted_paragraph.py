"""A paragraph quoted inside an operative paragraph: A/RES/78/248's OP 14 approves "the
following amendment to the statute of the United Nations Dispute Tribunal: Article 9, new
paragraph 4:" and quotes that paragraph, its own "4." set in from the margin on every line.
From the development corpus (PDF and text layer).

Counted from the page apart from the reader: 16 operative paragraphs (1-14 in parts I-III,
15-16 in part IV); the quotation is OP 14's; "new paragraph 4" is the statute's paragraph,
not this resolution's OP 4."""
from __future__ import annotations

from assembler.inline import plain
from assembler.model import CrossRef, contents_of
from assembler.readers import read_any
from assembler.survey.checks import judge

from conftest import CORPUS


def test_the_page_reads_the_quotation_as_the_paragraph_s_own_words():
    read = read_any(CORPUS / "A_RES_78_248.pdf")
    ops = read.draft.operative_paragraphs()
    assert len(ops) == 16
    fourteen = plain(ops[13].content)
    assert fourteen.startswith("Decides to approve the following amendment")
    assert "Article 9, new paragraph 4: 4. In hearing an application" in fourteen
    assert fourteen.endswith("proportionate to the offence.")
    assert plain(ops[14].content).startswith("Invites the Sixth Committee")
    assert not [x for c in contents_of(ops[13]) for x in c if isinstance(x, CrossRef)]
    assert judge(read.draft, read.reading) == []


def test_the_text_layer_which_cannot_see_the_setting_in_is_review():
    read = read_any(CORPUS / "A_RES_78_248.txt")
    assert "numbers" in {f.check for f in judge(read.draft, read.reading)}
