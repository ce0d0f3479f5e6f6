"""The language seam: a draft's `language:` picks the table the writers and the prose take
their words and codes from. A second, stub table (every English line marked "XX") shows
what follows it; English stays the default."""
from __future__ import annotations

import re
import zipfile
from dataclasses import replace

import pytest

from assembler.akn.export import export_akn
from assembler.compare.versions import Version
from assembler.amendments import Change, UnitIndex, change_to_prose
from assembler.errors import AssemblerError
from assembler.lang import ENGLISH, TABLES, language_of
from assembler.leads import italicize_lead, lead_length, lead_text
from assembler.model import Text
from assembler.source.reader import parse_draft
from assembler.stages import masthead_for
from assembler.writers.docx.draft import build_docx
from assembler.writers.letters import stage_name
from assembler.writers.html.draft import build_html
from assembler.writers.text.draft import build_text

from conftest import ROOT

DRAFTS = ROOT / "drafts" / "gcm-modalities"

STUB = replace(
    ENGLISH, key="xx", name="Xish", word="xx-XX", html="xx", akn="xxx",
    ordinal=lambda n: f"#{n}",
    masthead={k: f"XX {v}" for k, v in ENGLISH.masthead.items() if k != "list_separator"}
    | {"list_separator": " + "},
    long_names={k: f"xx-{v}" for k, v in ENGLISH.long_names.items()},
    places={k: f"xx-{v}" for k, v in ENGLISH.places.items()},
    stage_names={k: v and f"Zz{v.lower()}" for k, v in ENGLISH.stage_names.items()},
    letters={"draft": "zzdraft"},
    leads=replace(ENGLISH.leads, operative=frozenset({"xxdecidez"}), preambular=frozenset(),
                  participle="xxing", verb_ending="zz"),
    prose_ordinal=lambda n, use: f"#{n}{use}",
    prose={"pp": "xx-pp {ordinal}", "occurrence": "xx-occurrence {ordinal} of "})


@pytest.fixture()
def stub(monkeypatch):
    monkeypatch.setitem(TABLES, STUB.key, STUB)
    return STUB


def in_language(name: str, key: str, **lines: str | None):
    """A committed draft with a `language:` line (and metadata lines replaced)."""
    text = (DRAFTS / name).read_text("utf-8")
    head, body = text.split("\n\n", 1)
    for k, v in lines.items():   # None: the line goes
        head = re.sub(rf"^{k}: .*\n?", "" if v is None else f"{k}: {v}\n", head + "\n",
                      flags=re.M).rstrip("\n")
    draft, _ = parse_draft(f"{head}\nlanguage: {key}\n\n{body}", name)
    return draft


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
    html = build_html(draft).decode("utf-8")
    assert '<html lang="xx">' in html and "XX Distr.:" in html and "XX #71 session" in html
    text = build_text(draft).decode("utf-8")
    assert "XX Distr.:" in text and "XX Draft resolution submitted by" in text
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
    assert said.startswith("In xx-pp #3pp, replace xx-occurrence #2occurrence of “the”"), said
    english = UnitIndex(in_language("first-draft.draft", "en"))
    said = change_to_prose(Change("replace-words", "pp3", words="the", text="a", occurrence=12),
                           english)
    assert said == ("In the third preambular paragraph, replace the 12th occurrence of “the” "
                    "with “a”.")
