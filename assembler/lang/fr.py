"""French, as far as the tool writes: NOT FOR RELEASE. It is not in TABLES (a draft cannot
pick it with `language: fr`); tests/lang/test_french.py registers it to prove that the words
the tool writes around a draft come from the table alone. What still needs code is listed in
the notes of branch workflow4: long names as templates ("l'alinéa 3 du préambule",
"le paragraphe 6 b)"), sub-paragraph labels printed the French way, reading amendment prose
in French (amendments/kinds/grammar.py is English), and messages to the user. The words of
letters, redlines, compilations and comparisons are still English's here: they need
translating, not code."""
from __future__ import annotations

from dataclasses import replace

from .en import ENGLISH
from .table import Leads

_UNITS = ("", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
          "dix-neuf")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def cardinal(n: int) -> str:
    """1 to 99 in words: 71 -> "soixante et onze", 80 -> "quatre-vingts"."""
    if n < 20:
        return _UNITS[n]
    if n < 70:
        tens, unit = _TENS[n // 10], n % 10
        return tens if not unit else f"{tens} et un" if unit == 1 else f"{tens}-{_UNITS[unit]}"
    if n < 80:
        return "soixante et onze" if n == 71 else f"soixante-{_UNITS[n - 60]}"
    return "quatre-vingts" if n == 80 else f"quatre-vingt-{_UNITS[n - 80]}"


def ordinal(n: int) -> str:
    """71 -> "soixante et onzième", 1 -> "premier"; from 100 on in figures ("101e")."""
    if not 0 < n < 100:
        return f"{n}e"
    if n == 1:
        return "premier"
    words = cardinal(n)
    if words.endswith("quatre-vingts"):
        return words[:-1] + "ième"
    if words.endswith("cinq"):
        return words + "uième"
    if words.endswith("neuf"):
        return words[:-1] + "vième"
    return (words[:-1] if words.endswith("e") else words) + "ième"


def prose_ordinal(n: int, use: str) -> str:
    """"le troisième alinéa", "la première occurrence"."""
    if use == "occurrence" and n == 1:
        return "première"
    return ordinal(n)


_OPERATIVE_VERBS = frozenset("""
accueille adopte affirme approuve autorise condamne confirme considère décide déclare
demande déplore encourage engage exhorte félicite invite note prend prie proclame réaffirme
rappelle recommande reconnaît regrette réitère remercie salue souligne souscrit
""".split())
_PREAMBULAR_WORDS = frozenset("""
affirmant ayant considérant consciente convaincue déterminée gardant notant préoccupée
profondément prenant rappelant réaffirmant reconnaissant résolue saluant soulignant
soucieuse sachant
""".split())
_PHRASAL = {"prend": ("note", "acte"), "prenant": ("note", "acte"),
            "ayant": ("examiné", "adopté", "entendu"), "gardant": ("à l'esprit",),
            "profondément": ("préoccupée", "inquiète")}

_PROSE = {
    "pp": "le {ordinal} alinéa du préambule",
    "occurrence": "la {ordinal} occurrence de ",
    "quote": "«\u00a0{text}\u00a0»",
    "comma": ", ", "and": "{rest} et {last}",
    "before": "avant", "after": "après", "start": "au début de", "end": "à la fin de",
    "to-start": "au début de", "to-end": "à la fin de",
    "new-pp": "nouvel alinéa du préambule", "new-op": "nouveau paragraphe du dispositif",
    "new-sub": "nouvel alinéa", "new-heading": "nouvel intertitre",
    "delete-unit": "Supprimer {target}",
    "delete-unit-reading": "Supprimer {target}, ainsi libellé\u00a0: {words}",
    "delete-words": "À {target}, supprimer {occurrence}{words}",
    "insert-unit": "Insérer un {unit} {place} {target}{id}, ainsi libellé\u00a0: {text}",
    "with-id": ", avec l'identifiant {id}",
    "insert-words": "À {target}, {place} {occurrence}{words}, insérer {text}",
    "insert-words-start": "Au début de {target}, ajouter {text}",
    "insert-words-end": "À la fin de {target}, ajouter {text}",
    "move-unit": "Déplacer {target} {place} {destination}",
    "replace-unit": "Remplacer {target} par le texte suivant\u00a0: {text}",
    "replace-words": "À {target}, remplacer {occurrence}{words} par {text}",
    "replace-throughout": "Remplacer {words} par {text} {scope}",
    "scope-all": "dans l'ensemble du texte", "scope-in": "dans {parts}",
    "scope-title": "le titre", "scope-preamble": "les alinéas du préambule",
    "scope-operative": "les paragraphes du dispositif",
    "note-moved": "déplacé {place} {target}",
}

_AMENDMENT = {
    "submitted": "{proposers}\u00a0:{mark} amendement au {kind} {symbol}",
    "draft": "projet de résolution",
    "revised-draft": "projet de résolution révisé",
}

FRENCH = replace(
    ENGLISH, key="fr", name="français", word="fr-FR", html="fr", akn="fra", ordinal=ordinal,
    masthead={
        "united_nations": "Nations Unies",
        "illustrative": "À titre d'illustration\u00a0: {reason}",
        "organ": "Assemblée générale",
        "distribution": "Distr.\u00a0:",
        "limited": "Limitée",
        "general": "Générale",
        "original": "Original\u00a0: {language}",
        "session": "{Ordinal} session",
        "agenda_item": "Point {item} de l'ordre du jour",
        "agenda_items": "Points {items} et {last} de l'ordre du jour",
        "list_separator": ", ",
        "submitted_by_office": "Projet de résolution présenté par {by}",
        "submitted_by_the_office": "Projet de résolution présenté par le {by}",
        "submitted_by_states": "{by}\u00a0: projet de résolution",
        "sponsors_note": "Toute modification de la liste des auteurs sera consignée dans le "
                         "compte rendu officiel de la séance.",
        "adopted": "Résolution adoptée par l'{organ} le {date}",
        "committee": "[sur la base du rapport de la {committee} ({source})]",
        "no_committee": "[sans renvoi à une grande commission ({source})]",
    },
    short_names={"pp": "Al.", "op": "Par.", "sub": "Par.", "heading": "Intertitre"},
    # with their articles, so that "À {target}" contracts ("Au paragraphe 5")
    long_names={"pp": "l'alinéa", "op": "le paragraphe", "sub": "le paragraphe",
                "heading": "l'intertitre", "fn": "la note"},
    places={"preamble": "le préambule", "operative": "le dispositif", "footnotes": "Notes",
            "back-to-text": "retour au texte", "title": "le titre",
            "heading": "l'intertitre «\u00a0{text}\u00a0»", "in-part": "{unit} de la section {part}"},
    stage_names={"elements": "Document d'éléments", "zero": "Avant-projet",
                 "first": "Premier projet", "rev": "Révision {revision}",
                 "final": "Projet final", "mapping": "", "L": "Document L",
                 "L-rev": "Document L révisé", "adopted": "Résolution adoptée"},
    leads=Leads(operative=_OPERATIVE_VERBS, preambular=_PREAMBULAR_WORDS,
                adverbs_before=frozenset({"également", "aussi"}),
                adverbs_after=("également", "en outre", "de nouveau", "aussi"),
                phrasal=_PHRASAL, participle="ant", verb_ending="e", not_verb_ending="ée"),
    prose_ordinal=prose_ordinal, prose=_PROSE, amendment=_AMENDMENT,
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"),
    day="{day} {month} {year}", day_suffixes={1: "er"},
    contractions=(("à le", "au"), ("à les", "aux"), ("de le", "du"), ("de les", "des")),
)
