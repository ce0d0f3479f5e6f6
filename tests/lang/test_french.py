"""A French table (assembler/lang/fr.py, not for release) written as far as the tool writes,
to prove the language seam: leads with accents are read as leads, dates print and read the
French way ("22 décembre 2016", "1er mai 2017"), revisions are named by the table, and
amendment prose makes French's contractions ("Au troisième alinéa du préambule") without
touching quoted words."""
from __future__ import annotations

import pytest

from assembler.amendments.model import Change
from assembler.amendments.prose import change_to_prose
from assembler.amendments.targets import UnitIndex
from assembler.dates import bind_dates, checked_day, iso_day, printed_day, unbind_dates
from assembler.lang import ENGLISH, TABLES
from assembler.lang.fr import FRENCH, cardinal, ordinal
from assembler.leads import italicize_lead, lead_length
from assembler.model import Text
from assembler.negotiation.next_version import next_label
from assembler.stages import masthead_for, session_words, stage_name

from langstub import in_language


@pytest.fixture()
def french(monkeypatch):
    monkeypatch.setitem(TABLES, FRENCH.key, FRENCH)
    return FRENCH


def test_french_is_not_offered_for_release():
    assert "fr" not in TABLES


def test_the_french_table_has_every_entry_english_has():
    from assembler.amendments.kinds import REGISTRY
    for name in ("masthead", "prose", "amendment", "places", "long_names", "short_names",
                 "stage_names"):
        assert set(getattr(FRENCH, name)) == set(getattr(ENGLISH, name)), name
        assert getattr(FRENCH, name) != getattr(ENGLISH, name), name   # its own words
    for k in REGISTRY.values():   # a kind's own words, where it brings them
        assert set(k.own_prose.get("fr", k.own_prose.get("en", {}))) == \
            set(k.own_prose.get("en", {})), k.name


@pytest.mark.parametrize("n, words", [
    (1, "premier"), (5, "cinquième"), (9, "neuvième"), (11, "onzième"), (21, "vingt et unième"),
    (71, "soixante et onzième"), (77, "soixante-dix-septième"), (80, "quatre-vingtième"),
    (81, "quatre-vingt-unième"), (95, "quatre-vingt-quinzième"), (101, "101e")])
def test_french_ordinals(n, words):
    assert ordinal(n) == words
    assert cardinal(80) == "quatre-vingts" and cardinal(91) == "quatre-vingt-onze"


@pytest.mark.parametrize("text, kind, lead", [
    ("Réaffirme sa résolution 71/1 du 19 septembre 2016;", "op", "Réaffirme"),
    ("Décide également que la conférence se tiendra;", "op", "Décide également"),
    ("Prend note du rapport du Secrétaire général;", "op", "Prend note"),
    ("Prie le Président de l'Assemblée générale de nommer", "op", "Prie"),
    ("Rappelant sa résolution 70/302;", "pp", "Rappelant"),
    ("Profondément préoccupée par la situation,", "pp", "Profondément préoccupée"),
    ("Considérant que les migrations", "pp", "Considérant"),
    ("Étant donné que", "pp", "Étant"),   # an unlisted participle, accented
])
def test_leads_with_accents_are_read_as_leads(text, kind, lead):
    assert text[:lead_length(text, kind, FRENCH)] == lead
    italic = italicize_lead((Text(text),), kind, FRENCH)
    assert italic[0] == Text(lead, italic=True)


def test_english_leads_read_as_before():
    assert lead_length("Decides also that", "op") == len("Decides also")
    assert lead_length("Réaffirme sa résolution", "op") == 0   # not an English verb
    # an accented word is one word (it was cut at the accent: "R", then "affirmes")
    assert lead_length("Réaffirmes", "op") == len("Réaffirmes")


def test_french_dates_print_and_read(french):
    assert printed_day("2016-12-22", FRENCH) == "22 décembre 2016"
    assert printed_day("2017-05-01", FRENCH) == "1er mai 2017"
    assert printed_day("2017-05-01", ENGLISH) == "1 May 2017"
    assert iso_day("adopté le 1er mai 2017") == "2017-05-01"
    assert iso_day("22 décembre 2016") == "2016-12-22"
    assert checked_day("13 février 2017") == "13 février 2017"
    bound = bind_dates("le 1er mai 2017 et le 22 décembre 2016", FRENCH)
    assert bound == "le 1er\u00a0mai 2017 et le 22\u00a0décembre 2016"
    assert unbind_dates(bound) == "le 1er mai 2017 et le 22 décembre 2016"


def test_without_the_table_a_french_date_is_no_date():
    assert iso_day("22 décembre 2016") is None


def test_revisions_are_named_by_the_table(french):
    first = in_language("first-draft.draft", "fr")
    assert stage_name(first.metadata) == "Premier projet"
    assert next_label(first, "1") == "Révision 1"
    rev1 = in_language("rev1.draft", "fr", **{"stage-label": None})
    assert stage_name(rev1.metadata) == "Révision 1"
    assert next_label(rev1, "2") == "Révision 2"
    from assembler.writers.letters import stage_name as in_a_letter
    assert in_a_letter(first) == "premier projet"   # lower case inside a sentence
    assert in_a_letter(rev1) == "Révision 1"         # a revision keeps its capital


def test_the_masthead_is_worded_by_the_table(french):
    face = masthead_for(in_language("l-document.draft", "fr", session="71",
                                    **{"original-language": None}).metadata)
    assert face.session == "Soixante et onzième session"
    assert face.original == "Original\u00a0: français"
    assert face.distribution == "Limitée"
    assert face.agenda == "Points 13 et 117 de l'ordre du jour"
    assert session_words(80, FRENCH) == "Quatre-vingtième session"


@pytest.mark.parametrize("change, sentence", [
    (Change("replace-words", "pp3", words="Réaffirmant", text="Rappelant"),
     "Au troisième alinéa du préambule, remplacer «\u00a0Réaffirmant\u00a0» par "
     "«\u00a0Rappelant\u00a0»."),
    (Change("delete-words", "op26", words="at least"),
     "Au paragraphe 26, supprimer «\u00a0at least\u00a0»."),
    (Change("insert-words", "op5", position="start", text="Également, "),
     "Au début du paragraphe 5, ajouter «\u00a0Également, \u00a0»."),
    (Change("delete-words", "op26", words="à le", occurrence=2),
     "Au paragraphe 26, supprimer la deuxième occurrence de «\u00a0à le\u00a0»."),
    (Change("move-unit", "op9", position="after", destination="op12"),
     "Déplacer le paragraphe 9 après le paragraphe 12."),
    (Change("split-unit", "op7", words="réalités,", occurrence=2),
     "Scinder le paragraphe 7 après la deuxième occurrence des mots «\u00a0réalités,\u00a0»."),
    (Change("insert-unit", "op7", position="after", unit="op", text="*Encourage* les États"),
     "Insérer un nouveau paragraphe du dispositif après le paragraphe 7, ainsi "
     "libellé\u00a0: «\u00a0*Encourage* les États\u00a0»."),
])
def test_amendment_prose_in_french_makes_its_contractions(french, change, sentence):
    index = UnitIndex(in_language("first-draft.draft", "fr"))
    assert change_to_prose(change, index) == sentence


def test_every_french_word_fills_the_fields_english_fills():
    from string import Formatter

    def fields(template: str) -> set:
        return {name for _, name, _, _ in Formatter().parse(template) if name}
    for name in ("masthead", "prose", "amendment", "letters", "redline", "compilation",
                 "comparison", "places", "stage_names", "long_names", "short_names"):
        english, french = getattr(ENGLISH, name), getattr(FRENCH, name)
        assert set(french) == set(english), name
        assert [k for k in english if fields(french[k]) != fields(english[k])] == [], name
        assert french != english, name


def test_a_compilation_and_a_redline_of_a_french_draft_speak_french(french):
    from assembler.amendments.compile import compile_proposals
    from assembler.amendments.model import Proposal
    from assembler.compare.redline import build_redline
    from assembler.writers.html.redline import build_redline_html
    draft = in_language("first-draft.draft", "fr")
    split = Change("split-unit", "op7", words="different realities,", id="P-1/1")
    compiled = compile_proposals(draft, [Proposal("P-1", "Délégation A",
                                                  draft.metadata.version, (split,))])
    assert compiled.title.startswith("Compilation des propositions sur ")
    [entry] = [e for row in compiled.rows for e in row.entries]
    assert entry.prose == ("Scinder le paragraphe 7 après les mots "
                           "«\u00a0different realities,\u00a0».")
    assert entry.note.startswith("scindé après «\u00a0different realities,\u00a0»")
    assert entry.status == "proposée"
    page = build_redline_html(build_redline(draft, in_language("rev1.draft", "fr")))
    page = page.decode("utf-8")
    assert "Modifications par rapport à" in page and "Changes against" not in page
    assert "[déplacé" in page and "le texte ajouté" in page
