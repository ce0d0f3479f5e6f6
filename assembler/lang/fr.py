"""French, as far as the tool writes: NOT FOR RELEASE. It is not in TABLES (a draft cannot
pick it with `language: fr`); tests/lang/test_french.py registers it to prove that the words
the tool writes around a draft come from the table alone. What still needs code is listed in
the notes of branch workflow4: long names as templates ("l'alinéa 3 du préambule",
"le paragraphe 6 b)"), sub-paragraph labels printed the French way, reading amendment prose
in French (amendments/kinds/grammar.py is English), and messages to the user."""
from __future__ import annotations

from .table import Language, Leads

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

# The formulae of covering letters (templates/letters/*.j2).
_LETTERS = {
    "draft": "projet",
    "title": "Lettres d'envoi",
    "salutation": "Excellence,",
    "closing": "Nous vous prions d'agréer, Excellence, les assurances de notre très haute "
               "considération.",
    "closing-one": "Je vous prie d'agréer, Excellence, les assurances de ma très haute "
                   "considération.",
    "capacity": "Nous avons l'honneur de vous écrire en notre qualité de cofacilitateurs de "
                "{process}.",
    "thanks": "À cet égard, nous tenons à remercier tous les États Membres de leur participation "
              "constructive à l'examen du {previous} diffusé le {circulated}. À l'issue des "
              "échanges tenus le {exchanges}, nous avons le plaisir de diffuser le {stage} "
              "de {resolution}.",
    "meeting": "Comme annoncé lors des dernières consultations officieuses, nous souhaitons "
               "confirmer que les consultations sur le {stage} se tiendront le {date} de {start} "
               "à {end}, salle {room}. Nous invitons tous les États Membres à faire part de leurs "
               "réactions à cette occasion et comptons sur leur participation, toujours très "
               "appréciée.",
    "mapping": "Nous avons également le plaisir de diffuser {mapping}.",
    "attached": "Vous trouverez ci-joint une lettre datée du {date} émanant de {senders}, "
                "{mandate}.",
    "representative": "{honorific} {name}, Représentant(e) permanent(e) de {country}",
    "senders": " et ",
}

# A redline's legend and notes, and a delegation's preview's conflict comments.
_REDLINE = {
    "title": "Version révisée annotée\u00a0: {title}",
    "untitled": "Version révisée annotée",
    "changes-against": "Modifications par rapport à {base}\u00a0:",
    "previous": "la version précédente",
    "dated": "{base} du {date}",
    "legend": "{inserted} figure en gras\u00a0; {deleted} est barré\u00a0; un paragraphe "
              "déplacé est {struck} à son ancienne place, marqué {moved_to}, et figure à sa "
              "nouvelle place marqué {moved_from}. Les numéros de paragraphe, dans le texte et "
              "dans ces notes, sont ceux de la nouvelle version.",
    "inserted": "le texte ajouté", "deleted": "le texte supprimé", "struck": "barré",
    "margin-notes": "Les notes en marge signalent les propositions déposées qui portent sur "
                    "le même paragraphe.",
    "moved-to": "[déplacé {place}]",
    "moved-from": "[déplacé depuis {place}]",
    "after": "après {unit}",
    "beginning": "le début",
    "conflict": "Incompatible avec {theirs} de {proposer} ({status})\u00a0: {reason}. "
                "Votre modification\u00a0: {mine}.",
    "conflict-author": "Incompatibilité avec {proposer}",
}

# A compilation of proposals (amendments/compile.py and its writers).
_COMPILATION = {
    "title": "Compilation des propositions sur {stage}",
    "definite": "le {version}",
    "as-at": "Au {date}",
    "legend": "Pour chaque paragraphe {base}\u00a0: son texte, puis chaque proposition qui "
              "le concerne,",
    "legend-reads": "avec le texte tel qu'il se lirait\u00a0: {insertions}, {deletions}.",
    "insertions": "ajouts en gras", "deletions": "suppressions barrées",
    "summary": "Récapitulatif par auteur et par statut",
    "proposer": "Auteur", "total": "Total",
    "conflicts": "Incompatibilités",
    "not-applicable": "Propositions devenues sans objet",
    "by-paragraph": "Propositions paragraphe par paragraphe",
    "row-title": "Titre",
    "status-proposed": "proposée", "status-accepted": "acceptée",
    "status-accepted-with-modification": "acceptée avec modification",
    "status-rejected": "rejetée", "status-withdrawn": "retirée",
    "status-superseded": "remplacée", "status-merged": "fusionnée",
    "status-by": "{status} par {by}",
    "status-into": "{status} dans {by}",
    "co-sponsors": "{proposer} (coauteurs\u00a0: {co_sponsors})",
    "carried": "rédigée sur {base}, reportée sur {version}",
    "in-order": "les instructions du document dans l'ordre, chacune sur le texte tel que "
                "l'ont laissé les précédentes",
    "notes": "{note}\u00a0; {more}",
    "no-longer-applies": "{change} ({proposer}) est devenue sans objet\u00a0: {reason}",
    "conflict": "Incompatibilité dans {unit}\u00a0: {reason}\u00a0: {a} de {a_proposer} et "
                "{b} de {b_proposer}",
    "clash": "{change} ({proposer})\u00a0: {reason}",
    "conflicts-with": "Incompatible avec {clash}",
    "conflict-same-point": "deux insertions au même endroit",
    "conflict-same-words": "les mêmes mots sont modifiés deux fois",
    "conflict-overlap": "elles modifient des mots qui se chevauchent",
    "conflict-replaced": "l'une remplace le paragraphe que l'autre modifie",
    "conflict-both-replace": "toutes deux remplacent le paragraphe",
    "conflict-both-move": "toutes deux déplacent le paragraphe",
    "conflict-both-place": "toutes deux placent un paragraphe {position} celui-ci",
    "conflict-deleted": "l'une supprime le paragraphe que l'autre modifie",
    "conflict-deleted-parent": "l'une supprime {paragraph}, qui le contient",
    "not-carried-gone": "{unit} de {version} ne figure plus dans {new}",
    "not-carried-words-gone": "les mots {words} ne figurent plus dans {unit}{now}",
    "not-carried-now-reads": " (ce passage se lit désormais {text})",
    "not-carried-words-moved": "les mots {words} figurent {count} fois dans {unit} et le "
                               "texte qui les entoure a changé",
    "not-carried-scope-gone": "les mots {words} ne figurent plus dans {scope} de {new}",
    "scope-text": "le texte", "scope-or": " ou ",
    "not-carried-changed": "{unit} a changé depuis {version}\u00a0; le remplacer en entier "
                           "annulerait ce changement",
}

# Comparison tables, concordances and unit histories (compare/ and their writers).
_COMPARISON = {
    "title": "Comparaison des versions",
    "concordance": "Concordance\u00a0: {newer} et {older}",
    "concordance-of": "Concordance\u00a0: {title}",
    "history": "Historique de {unit} ({id})",
    "history-of": "Historique de {unit} ({id})\u00a0: {title}",
    "legend": "Une ligne par unité, une colonne par version. Dans chaque colonne, les mots "
              "ajoutés depuis\nla colonne de gauche sont en {bold} et les mots supprimés sont "
              "{struck}.",
    "bold": "gras", "struck": "barrés",
    "legend-proposals": "À côté de chaque version, les propositions à l'origine de ses "
                        "modifications.",
    "legend-proposals-html": "Sous chaque modification\u00a0: les propositions qui l'ont "
                             "apportée, leurs auteurs et leur statut.",
    "changed-only": "n'afficher que les unités modifiées par une version",
    "head-unit": "Unité", "head-proposals-of": "Propositions ({version})",
    "head-change": "Modification", "head-proposers": "Auteurs des propositions",
    "head-proposals": "Propositions", "head-note": "Note", "head-rationale": "Justification",
    "csv-row": "ligne", "csv-kind": "type", "csv-dated": "{version} ({date})",
    "csv-number": "{version}\u00a0: numéro", "csv-text": "{version}\u00a0: texte",
    "csv-change": "{version}\u00a0: modification", "csv-note": "{version}\u00a0: note",
    "csv-proposals": "{version}\u00a0: propositions",
    "csv-proposers": "{version}\u00a0: auteurs", "csv-status": "{version}\u00a0: statut",
    "conc-newer": "numéro {version}", "conc-older": "numéro(s) {version}",
    "conc-change": "modification", "conc-proposers": "auteurs des propositions",
    "conc-proposals": "propositions", "conc-note": "note", "conc-rationale": "justification",
    "conc-unit": "unité",
    "sheet": "Comparaison", "sheet-concordance": "Concordance {newer} - {older}",
    "heading-before": "{heading} avant {op}",
    "footnote": "Note {number}", "annex": "Annexe", "annex-n": "Annexe {number}",
    "table": "Tableau {number}", "table-row": "Tableau {table}, ligne {row}",
    "annex-para": "Annexe, par. {number}",
    "kind-pp": "préambule", "kind-op": "dispositif", "kind-sub": "alinéa",
    "kind-annex": "annexe", "kind-p": "paragraphe d'annexe", "kind-table": "tableau",
    "kind-row": "ligne de tableau",
    "unchanged": "inchangé", "changed": "modifié", "added": "ajouté", "deleted": "supprimé",
    "moved": "déplacé",
    "deleted-in": "supprimé dans {version}", "added-in": "ajouté dans {version}",
    "reinstated": "rétabli (dernière présence dans {version})",
    "formatting": "mise en forme modifiée",
    "new-in": "nouveau dans {version}", "renumbered": "renuméroté",
    "by": "par {who} dans {proposal}",
    "with": "{proposer} (avec {co_sponsors})",
}

FRENCH = Language(   # every field its own: nothing is English's by default
    key="fr", name="français", word="fr-FR", html="fr", akn="fra", ordinal=ordinal,
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
    prose_ordinal=prose_ordinal, prose=_PROSE, amendment=_AMENDMENT, letters=_LETTERS,
    redline=_REDLINE, compilation=_COMPILATION, comparison=_COMPARISON,
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"),
    day="{day} {month} {year}", day_suffixes={1: "er"},
    contractions=(("à le", "au"), ("à les", "aux"), ("de le", "du"), ("de les", "des")),
)
