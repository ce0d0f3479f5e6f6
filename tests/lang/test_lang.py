"""The language seam: a draft's `language:` picks the table the writers and the prose take
their words and codes from. A second, stub table (every English line marked "XX") shows
what follows it; English stays the default."""
from __future__ import annotations

import zipfile

import pytest

from assembler.akn.export import export_akn
from assembler.compare.versions import Version
from assembler.amendments import Change, UnitIndex, change_to_prose
from assembler.errors import AssemblerError
from assembler.lang import ENGLISH, language_of
from assembler.leads import italicize_lead, lead_length, lead_text
from assembler.model import Text
from assembler.stages import masthead_for
from assembler.writers.docx.draft import build_docx
from assembler.writers.letters import stage_name
from assembler.writers.html.draft import build_html
from assembler.writers.text.draft import build_text

from langstub import DRAFTS, in_language, stub  # noqa: F401 (stub: a fixture)


def docx_parts(data: bytes) -> str:
    import io
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/styles.xml").decode() + z.read("word/document.xml").decode()


def test_english_is_the_default_and_an_unknown_language_is_named():
    plain = in_language("l-document.draft", "en")
    assert language_of(plain.metadata) is ENGLISH
    with pytest.raises(AssemblerError, match="language 'fr': there is no table for it"):
        language_of(in_language("l-document.draft", "fr").metadata)


def test_the_writers_follow_the_table(stub):
    draft = in_language("l-document.draft", "xx", session="71", **{"agenda-items": "13, 117"})
    word = docx_parts(build_docx(draft))
    assert 'w:lang w:val="xx-XX"' in word and "en-GB" not in word
    assert "XX Distr.:" in word and "XX Original: English" in word   # the file says English
    assert "XX #71 session" in word and "XX Agenda items 13 and 117" in word
    assert "XX United Nations" in word
    assert "Illustrative" not in word   # a stand-in's note is the screen's (docs/faces.md)
    html = build_html(draft).decode("utf-8")
    assert '<html lang="xx">' in html and "XX Distr.:" in html and "XX #71 session" in html
    assert "XX United Nations" in html
    assert 'aria-label="xx-Footnotes"' in html and 'aria-label="xx-back to text"' in html
    text = build_text(draft).decode("utf-8")
    assert "XX Distr.:" in text and "XX Draft resolution submitted by" in text
    assert text.startswith("XX United Nations") and "Illustrative" not in text
    assert '<p class="illustrative">XX Illustrative: ' in html
    akn = export_akn(draft).decode("utf-8")
    assert 'FRBRlanguage language="xxx"' in akn
    adopted = in_language("resolution.draft", "xx")
    word = docx_parts(build_docx(adopted))
    assert "XX Resolution adopted by the General Assembly on" in word
    assert "XX [without reference to a Main Committee" in word


def test_english_output_is_what_it_was(stub):
    """The same draft without the line: English codes and words, no stub word anywhere."""
    draft = in_language("l-document.draft", "en")
    word = docx_parts(build_docx(draft))
    assert 'w:lang w:val="en-GB"' in word and "XX" not in word
    assert "Distr.:" in word and "Original: English" in word


def test_prose_names_units_in_the_draft_language(stub):
    draft = in_language("first-draft.draft", "xx")
    index = UnitIndex(draft)
    said = change_to_prose(Change("delete-unit", "op27"), index)
    assert "xx-operative paragraph 27" in said
    said = change_to_prose(Change("replace-words", "fn1", words="reduest", text="request"), index)
    assert "xx-footnote 1" in said
    english = UnitIndex(in_language("first-draft.draft", "en"))
    assert "xx-" not in change_to_prose(Change("delete-unit", "op27"), english)


def test_stage_names_follow_the_table(stub):
    unlabelled = {"stage-label": None}
    first = in_language("first-draft.draft", "xx", **unlabelled)
    rev = in_language("rev1.draft", "xx", **unlabelled)
    assert masthead_for(first.metadata).stage_label == "Zzfirst draft"     # the masthead
    assert Version(first, "first").stage == "Zzfirst draft"                # a comparison
    assert Version(rev, "rev1").stage == "Zzrev.1"
    assert stage_name(first) == "zzfirst draft"                            # a letter
    assert stage_name(in_language("l-document.draft", "xx")) == "zzdraft"
    english = in_language("first-draft.draft", "en", **unlabelled)
    assert Version(english, "first").stage == "First draft" and stage_name(english) == "first draft"


def test_italic_leads_are_read_with_the_table(stub):
    """The words that make a lead come from the table: the stub's verbs are leads, English
    ones are not, and the other way round."""
    theirs, ours = "Xxdecidez also that the meeting", "Decides also that the meeting"
    assert theirs[:lead_length(theirs, "op", stub)] == "Xxdecidez also"
    assert lead_length(ours, "op", stub) == 0 and lead_length("Recalling its", "pp", stub) == 0
    assert lead_length(theirs, "op") == 0 and ours[:lead_length(ours, "op")] == "Decides also"
    assert lead_text(italicize_lead((Text(theirs),), "op", stub)) == "Xxdecidez also"
    assert lead_text(italicize_lead((Text(theirs),), "op")) == ""


def test_prose_ordinals_and_occurrences_follow_the_table(stub):
    index = UnitIndex(in_language("first-draft.draft", "xx"))
    said = change_to_prose(Change("replace-words", "pp3", words="the", text="a", occurrence=2),
                           index)
    assert said.startswith("xx-In xx-pp #3pp, replace xx-occurrence #2occurrence of «the»"), said
    english = UnitIndex(in_language("first-draft.draft", "en"))
    said = change_to_prose(Change("replace-words", "pp3", words="the", text="a", occurrence=12),
                           english)
    assert said == ("In the third preambular paragraph, replace the 12th occurrence of “the” "
                    "with “a”.")


# One change of every kind and form a sentence takes (against the first draft).
EVERY_FORM = (
    Change("delete-unit", "op27"),
    Change("delete-words", "op26", words="at least", occurrence=2),
    Change("insert-unit", "op7", position="after", unit="op", text="*Decides* to meet",
           new_id="op7bis"),
    Change("insert-unit", "op5", position="end", unit="sub", text="experts;"),
    Change("insert-words", "op5", words="co-facilitators", text="and experts", position="before",
           occurrence=3),
    Change("insert-words", "op5", text="and experts", position="end"),
    Change("insert-words", "op5", text="Also", position="start"),
    Change("move-unit", "op9", position="after", destination="op12"),
    Change("move-unit", "op9", position="end", destination="operative"),
    Change("replace-unit", "pp3", text="*Acknowledging* the work"),
    Change("replace-words", "op24", words="three days", text="four days"),
    Change("replace-throughout", "title preamble operative", words="child", text="children"),
    Change("replace-throughout", "all", words="Member States", text="States"),
)

ENGLISH_SENTENCES = (
    "Delete operative paragraph 27.",
    "In operative paragraph 26, delete the second occurrence of “at least”.",
    "Insert a new operative paragraph after operative paragraph 7, with id op7bis, reading: "
    "“*Decides* to meet”.",
    "Insert a new sub-paragraph at the end of operative paragraph 5, reading: “experts;”.",
    "In operative paragraph 5, before the third occurrence of “co-facilitators” insert "
    "“and experts”.",
    "At the end of operative paragraph 5, add “and experts”.",
    "At the beginning of operative paragraph 5, add “Also”.",
    "Move operative paragraph 9 after operative paragraph 12.",
    "Move operative paragraph 9 to the end of the operative part.",
    "Replace the third preambular paragraph to read: “*Acknowledging* the work”.",
    "In operative paragraph 24, replace “three days” with “four days”.",
    "Replace “child” with “children” in the title, the preambular paragraphs and the operative "
    "paragraphs.",
    "Replace “Member States” with “States” throughout the text.",
)


def every_form() -> tuple:
    """EVERY_FORM, then each kind it leaves out by its own example (a kind added later)."""
    from assembler.amendments.kinds import REGISTRY
    from assembler.amendments.prose import prose_to_changes
    shown = {c.kind for c in EVERY_FORM}
    return EVERY_FORM + tuple(prose_to_changes(k.example)[0] for name, k in REGISTRY.items()
                              if name not in shown)


def test_every_kind_has_its_sentence_in_the_table():
    """In English's table, or among the kind's own words (a kind added later brings them)."""
    from assembler.amendments.kinds import REGISTRY
    assert {c.kind for c in every_form()} == set(REGISTRY)
    for name, k in REGISTRY.items():
        assert name in ENGLISH.prose or name in k.own_prose["en"], name


def test_every_kind_writes_its_sentence_from_the_table(stub):
    """Each kind's sentence, its places, unit names, quotes and lists come from the draft's
    table: in the stub's every sentence is marked and no English quote is left; in English
    they read as the UN writes them."""
    english = UnitIndex(in_language("first-draft.draft", "en"))
    assert tuple(change_to_prose(c, english) for c in EVERY_FORM) == ENGLISH_SENTENCES
    index = UnitIndex(in_language("first-draft.draft", "xx"))
    said = [change_to_prose(c, index) for c in every_form()]
    for sentence in said:
        assert sentence.startswith("xx-") and "“" not in sentence, sentence
    assert said[2] == ("xx-Insert a new xx-operative paragraph xx-after xx-operative paragraph "
                       "7xx-, with id op7bis, reading: «*Decides* to meet».")
    assert said[6] == "xx-At the beginning of xx-operative paragraph 5, add «Also»."
    assert said[8] == "xx-Move xx-operative paragraph 9 xx-to the end of xx-the operative part."
    assert said[11] == ("xx-Replace «child» with «children» xx-in xx-the title ; xx-the "
                        "preambular paragraphs et xx-the operative paragraphs.")


def test_a_compilation_notes_a_move_in_the_draft_language(stub):
    from assembler.amendments.compile import compile_proposals
    from assembler.amendments.model import Proposal
    draft = in_language("first-draft.draft", "xx")
    move = Change("move-unit", "op9", position="after", destination="op12", id="P-1/1")
    notes = [e.note for row in compile_proposals(draft, [Proposal(
        "P-1", "Delegation A", draft.metadata.version, (move,))]).rows for e in row.entries]
    assert notes == ["xx-moved xx-after xx-operative paragraph 12"]


LETTER_DATA = DRAFTS / "first-draft.letters.toml"


def test_letters_say_their_formulae_in_the_draft_language(stub):
    """Both built-in letters take every fixed sentence from the table; the data's own words
    (names, dates, rooms) pass through as they are."""
    from assembler.writers.html.publish import write_letters
    from assembler.layout import load_layout
    from assembler.writers.letters import letters_text, load_letter_data, render_letters
    draft = in_language("first-draft.draft", "xx", **{"stage-label": None})
    letters = render_letters(draft, load_letter_data(LETTER_DATA), LETTER_DATA)
    text = letters_text(letters)
    paragraphs = [b.text for x in letters for b in x.blocks if b.role in ("salutation", "body",
                                                                          "closing")]
    assert len(paragraphs) == 9 and all(t.startswith("zz-") for t in paragraphs), paragraphs
    assert " & " in paragraphs[1]                            # the senders, joined the stub's way
    assert "circulate the zzfirst draft of" in paragraphs[5]  # the stage, named the stub's way
    english = letters_text(render_letters(in_language("first-draft.draft", "en"),
                                          load_letter_data(LETTER_DATA), LETTER_DATA))
    assert "zz-" not in english and english.count("Excellency,") == 4
    page = write_letters(draft, letters, load_layout()).decode("utf-8")
    assert '<html lang="xx">' in page and "<title>zz-Covering letters" in page


def test_a_letter_template_asking_for_an_unknown_formula_is_named(tmp_path):
    from assembler.writers.letters import load_letter_data, render_letters
    (tmp_path / "mine.j2").write_text("[salutation] {{ say('salutation') }}\n\n"
                                      "{{ say('regards') }}\n", "utf-8")
    data = tmp_path / "x.letters.toml"
    data.write_text('[[letter]]\ntemplate = "mine.j2"\n', "utf-8")
    draft = in_language("first-draft.draft", "en")
    with pytest.raises(AssemblerError) as err:
        render_letters(draft, load_letter_data(data), data)
    said = str(err.value)
    assert "mine.j2" in said and ":3" in said and 'say("regards")' in said, said
    (tmp_path / "mine.j2").write_text("{{ say('capacity') }}\n", "utf-8")
    with pytest.raises(AssemblerError, match=r'say\("capacity"\) needs process='):
        render_letters(draft, load_letter_data(data), data)


def test_every_table_has_every_entry_english_has(stub):
    """A table missing an entry would fail only when that word is needed: every table (the
    stub too) holds every key of every mapping English holds."""
    from dataclasses import fields
    from assembler.lang import TABLES
    mappings = [f.name for f in fields(ENGLISH) if isinstance(getattr(ENGLISH, f.name), dict)]
    assert {"masthead", "prose", "letters", "redline", "compilation", "comparison",
            "amendment"} <= set(mappings)
    for table in TABLES.values():
        for name in mappings:
            assert set(getattr(ENGLISH, name)) <= set(getattr(table, name)), (table.key, name)
