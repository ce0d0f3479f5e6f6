"""English, the language drafts are negotiated in."""
from __future__ import annotations

from .table import Language, Leads

_ONES = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
         "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
         "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_TENS = ("", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")


def _figures(n: int) -> str:
    """101 -> '101st' ('101th' is not written)."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal(n: int) -> str:
    """71 -> 'seventy-first'; from 100 on in figures."""
    if not 0 < n < 100:
        return _figures(n)
    if n < 20:
        return _ONES[n]
    if n % 10 == 0:
        return _TENS[n // 10] + "ieth"
    return _TENS[n // 10] + "y-" + _ONES[n % 10]


def prose_ordinal(n: int, use: str) -> str:
    """Ordinals as amendment prose writes them: a paragraph's spelled to the hundredth
    ("the fourteenth preambular paragraph"), an occurrence's to the tenth, then "the 12th"."""
    if use == "occurrence" and n > 10:
        return _figures(n)
    return "hundredth" if n == 100 else ordinal(n)


# Lead phrases: the opening words UN style sets in italics (leads.py reads them).
_OPERATIVE_VERBS = frozenset("""
accepts acknowledges adopts affirms agrees appeals applauds appreciates approves asks
authorizes authorises calls commends concludes condemns confirms congratulates considers
decides declares demands deplores designates directs draws emphasizes emphasises encourages
endorses enjoins establishes expresses extends finds highlights instructs invites launches
notes proclaims reaffirms recalls recognizes recognises recommends regrets reiterates
rejects reminds renews requests resolves stresses strongly suggests supports takes
transmits trusts underlines underscores urges welcomes
""".split())

_PREAMBULAR_WORDS = frozenset("""
alarmed aware cognizant concerned conscious convinced deeply determined emphasizing
gravely guided mindful noting recognizing reaffirming recalling reiterating stressing
taking welcoming acknowledging affirming bearing believing considering desiring
emphasising encouraging expressing having highlighting recognising reiterating seeking
underlining underscoring acting appreciating commending confident viewing regretting
committed disturbed encouraged resolved dismayed appalled distressed outraged shocked
inspired persuaded satisfied pleased seized
""".split())

_ADVERBS_BEFORE = frozenset("also further once again strongly firmly fully deeply gravely "
                           "equally additionally furthermore moreover".split())
_ADVERBS_AFTER = ("once again", "also", "further", "again", "with appreciation",
                 "with concern", "with deep concern", "with grave concern",
                 "with satisfaction", "with regret", "in this regard")
_PHRASAL = {
    "calls": ("upon", "on"), "bearing": ("in mind",), "taking": ("note", "into account"),
    "takes": ("note",), "having": ("considered", "examined", "adopted", "heard", "received"),
    "expressing": ("concern", "appreciation", "deep concern", "its appreciation"),
    "expresses": ("concern", "appreciation", "deep concern", "its appreciation"),
    "draws": ("attention",), "deeply": ("concerned",), "gravely": ("concerned",),
}


# Amendment prose as the UN writes it (str.format templates): each change kind's sentence,
# keyed by the kind's name, and the phrases the sentences are made of.
_PROSE = {
    "pp": "the {ordinal} preambular paragraph",
    "occurrence": "the {ordinal} occurrence of ",
    "quote": "“{text}”",
    "comma": ", ", "and": "{rest} and {last}",
    # where a unit or words go
    "before": "before", "after": "after", "start": "at the start of", "end": "at the end of",
    "to-start": "to the start of", "to-end": "to the end of",
    # the units an insertion makes
    "new-pp": "preambular paragraph", "new-op": "operative paragraph",
    "new-sub": "sub-paragraph", "new-heading": "heading",
    # the sentences
    "delete-unit": "Delete {target}",
    "delete-unit-reading": "Delete {target} reading: {words}",
    "delete-words": "In {target}, delete {occurrence}{words}",
    "insert-unit": "Insert a new {unit} {place} {target}{id}, reading: {text}",
    "with-id": ", with id {id}",
    "insert-words": "In {target}, {place} {occurrence}{words} insert {text}",
    "insert-words-start": "At the beginning of {target}, add {text}",
    "insert-words-end": "At the end of {target}, add {text}",
    "move-unit": "Move {target} {place} {destination}",
    "replace-unit": "Replace {target} to read: {text}",
    "replace-words": "In {target}, replace {occurrence}{words} with {text}",
    "replace-throughout": "Replace {words} with {text} {scope}",
    "scope-all": "throughout the text", "scope-in": "in {parts}",
    "scope-title": "the title", "scope-preamble": "the preambular paragraphs",
    "scope-operative": "the operative paragraphs",
    # a compilation's note beside a moved paragraph
    "note-moved": "moved {place} {target}",
}


# The formulae of covering letters, as templates/letters/*.j2 say them (say("closing")).
_LETTERS = {
    "draft": "draft",   # an issued draft, as a letter names it ("circulate the draft of ...")
    "title": "Covering letters",
    "salutation": "Excellency,",
    "closing": "Please accept, Excellency, the assurances of our highest consideration.",
    "closing-one": "Please accept, Excellency, the assurances of my highest consideration.",
    "capacity": "We are pleased to write to you in our capacity as co-facilitators of {process}.",
    "thanks": "In this regard, we would like to thank all Member States for the constructive "
              "engagement in the discussion of the {previous} circulated on {circulated}. As a "
              "result of the exchanges held on {exchanges}, we are pleased to circulate the "
              "{stage} of {resolution}.",
    "meeting": "As announced during the last informal consultations, we herewith would like to "
               "confirm that the consultations on the {stage} will take place on {date} from "
               "{start} to {end} in {room}. We invite all Member States to share their reactions "
               "in the context of this meeting and look forward to counting on your continued and "
               "most appreciated participation.",
    "mapping": "We are pleased to circulate as well {mapping}.",
    "attached": "Please find attached a letter dated {date} from {senders}, {mandate}.",
    "representative": "{honorific} {name}, Permanent Representative of {country}",
    "senders": ", and ",   # between the representatives a letter is from
}


# A redline's legend and notes (compare/legend.py, compare/redline.py and the redline
# writers) and a delegation's preview's conflict comments (amendments/preview.py).
_REDLINE: dict[str, str] = {
    "title": "Redline: {title}",          # the Word file's and the page's title
    "untitled": "Redline",
    "changes-against": "Changes against {base}:",
    "previous": "the previous version",   # the base, when it has no stage label nor version
    "dated": "{base} of {date}",
    # the legend, its marked words in their own keys (shown bold, struck out, as move notes)
    "legend": "{inserted} is in bold; {deleted} is struck out; a moved paragraph is {struck} "
              "where it stood, marked {moved_to}, and appears where it now stands marked "
              "{moved_from}. Paragraph numbers, in the text and in these notes, are those of "
              "the new version.",
    "inserted": "inserted text", "deleted": "deleted text", "struck": "struck out",
    "margin-notes": "Notes in the margin flag proposals on file that touch the same paragraph.",
    # a moved paragraph's notes: where it went, where it came from
    "moved-to": "[moved to {place}]",
    "moved-from": "[moved from {place}]",
    "after": "after {unit}",
    "beginning": "the beginning",
    # a delegation's preview: a clash with a proposal on file, as a comment and its author
    "conflict": "Conflicts with {theirs} by {proposer} ({status}): {reason}. "
                "Your change: {mine}.",
    "conflict-author": "Conflict with {proposer}",
}


# A compilation of proposals (amendments/compile.py and its writers).
_COMPILATION: dict[str, str] = {
    "title": "Compilation of proposals on {stage}",
    "definite": "the {version}",   # a version a sentence names: "the First Draft"
    "as-at": "As at {date}",       # the day the compilation stands at, under its title
    # the legend, in two lines; its marked words in their own keys (italic, bold, struck out)
    "legend": "For each paragraph of {base}: its text, then every proposal on it,",
    "legend-reads": "with the text as it would read: {insertions}, {deletions}.",
    "insertions": "insertions in bold", "deletions": "deletions struck out",
    # headings and the summary table's heads
    "summary": "Summary by proposer and status",
    "proposer": "Proposer", "total": "Total",
    "conflicts": "Conflicts",
    "not-applicable": "No longer applicable",
    "by-paragraph": "Proposals paragraph by paragraph",
    "row-title": "Title",   # the title's row, when a proposal amends it
    # a proposal's status; Word's narrow columns take a shorter word where there is one
    "status-proposed": "proposed", "status-accepted": "accepted",
    "status-accepted-with-modification": "accepted with modification",
    "status-rejected": "rejected", "status-withdrawn": "withdrawn",
    "status-superseded": "superseded", "status-merged": "merged",
    "status-by": "{status} by {by}",        # superseded by P-10
    "status-into": "{status} into {by}",    # merged into P-19
    "co-sponsors": "{proposer} (co-sponsors: {co_sponsors})",
    # notes beside a proposal
    "carried": "written against {base}, carried onto {version}",
    "in-order": "the document's instructions in order, each on the text as the ones before "
                "it left it",
    "notes": "{note}; {more}",
    "no-longer-applies": "{change} ({proposer}) no longer applies: {reason}",
    "conflict": "Conflict in {unit}: {reason}: {a} by {a_proposer} and {b} by {b_proposer}",
    "clash": "{change} ({proposer}): {reason}",
    "conflicts-with": "Conflicts with {clash}",
    # why two changes cannot both be made (amendments/conflicts.py)
    "conflict-same-point": "two insertions at the same point",
    "conflict-same-words": "the same words are changed twice",
    "conflict-overlap": "they change overlapping words",
    "conflict-replaced": "one replaces the paragraph the other amends",
    "conflict-both-replace": "both replace the paragraph",
    "conflict-both-move": "both move the paragraph",
    "conflict-both-place": "both put a paragraph {position} it",
    "conflict-deleted": "one deletes the paragraph the other changes",
    "conflict-deleted-parent": "one deletes {paragraph}, which holds it",
    # why a proposal written against an older version no longer applies (amendments/kinds/)
    "not-carried-gone": "{unit} of {version} is no longer in {new}",
    "not-carried-words-gone": "the words {words} are no longer in {unit}{now}",
    "not-carried-now-reads": " (that place now reads {text})",
    "not-carried-words-moved": "the words {words} occur {count} times in {unit} and the text "
                               "around them has changed",
    "not-carried-scope-gone": "the words {words} are no longer in {scope} of {new}",
    "scope-text": "the text", "scope-or": " or ",   # the parts the words were sought in
    "not-carried-changed": "{unit} has changed since {version}; replacing it whole would "
                           "undo that",
}


# Comparison tables, concordances and unit histories (compare/ and their writers).
_COMPARISON: dict[str, str] = {
    # titles
    "title": "Comparison of versions",
    "concordance": "Concordance: {newer} against {older}",
    "concordance-of": "Concordance: {title}",
    "history": "History of {unit} ({id})",
    "history-of": "History of {unit} ({id}): {title}",
    # the legend; the line break is where the HTML page breaks it (Word joins the lines)
    "legend": "One row per unit, one column per version. In each column, words added since\n"
              "the column to its left are in {bold} and words removed are {struck}.",
    "bold": "bold", "struck": "struck out",
    "legend-proposals": "Beside each version, the proposals behind its changes.",   # Word
    "legend-proposals-html": "Under each change: the proposals that made it, their "
                             "proposers and status.",
    "changed-only": "show only the units some version changed",   # the HTML filter box
    # column heads of the Word and HTML tables
    "head-unit": "Unit", "head-proposals-of": "Proposals ({version})",
    "head-change": "Change", "head-proposers": "Contributing proposers",
    "head-proposals": "Proposals", "head-note": "Note", "head-rationale": "Rationale",
    # header cells of the .csv/.xlsx sheets, and the sheets' names
    "csv-row": "row", "csv-kind": "kind", "csv-dated": "{version} ({date})",
    "csv-number": "{version}: number", "csv-text": "{version}: text",
    "csv-change": "{version}: change", "csv-note": "{version}: note",
    "csv-proposals": "{version}: proposals", "csv-proposers": "{version}: proposers",
    "csv-status": "{version}: status",
    "conc-newer": "{version} number", "conc-older": "{version} number(s)",
    "conc-change": "change", "conc-proposers": "contributing proposers",
    "conc-proposals": "proposals", "conc-note": "note", "conc-rationale": "rationale",
    "conc-unit": "unit",
    "sheet": "Comparison", "sheet-concordance": "Concordance {newer} - {older}",
    # how a version numbers the units short_names does not name
    "heading-before": "{heading} before {op}",
    "footnote": "Footnote {number}", "annex": "Annex", "annex-n": "Annex {number}",
    "table": "Table {number}", "table-row": "Table {table}, row {row}",
    "annex-para": "Annex para. {number}",
    # a row's kind under its id (headings and footnotes: long_names)
    "kind-pp": "preambular", "kind-op": "operative", "kind-sub": "sub-paragraph",
    "kind-annex": "annex", "kind-p": "annex paragraph", "kind-table": "table",
    "kind-row": "table row",
    # what a version did to a unit, and the notes beside it
    "unchanged": "unchanged", "changed": "changed", "added": "added", "deleted": "deleted",
    "moved": "moved",
    "deleted-in": "deleted in {version}", "added-in": "added in {version}",
    "reinstated": "reinstated (last in {version})", "formatting": "formatting changed",
    "new-in": "new in {version}", "renumbered": "renumbered",
    # a contribution in a history's text
    "by": "by {who} in {proposal}",
    # a proposer with co-sponsors, beside a change
    "with": "{proposer} (with {co_sponsors})",
}


# An issued amendment document (amendments/document.py and its writers); its masthead
# lines are the table's masthead, its instructions the prose.
_AMENDMENT: dict[str, str] = {
    "submitted": "{proposers}:{mark} amendment to {kind} {symbol}",   # mark: "*", a note
    "draft": "draft resolution",
    "revised-draft": "revised draft resolution",
}


ENGLISH = Language(
    key="en", name="English", word="en-GB", html="en", akn="eng", ordinal=ordinal,
    masthead={
        "united_nations": "United Nations",   # above the organ, beside the symbol
        "illustrative": "Illustrative: {reason}",   # under the masthead of a stand-in
        "organ": "General Assembly",
        "distribution": "Distr.:",
        "limited": "Limited",
        "general": "General",
        "original": "Original: {language}",
        "session": "{Ordinal} session",
        "agenda_item": "Agenda item {item}",
        "agenda_items": "Agenda items {items} and {last}",
        "list_separator": ", ",
        "submitted_by_office": "Draft resolution submitted by {by}",
        "submitted_by_the_office": "Draft resolution submitted by the {by}",
        "submitted_by_states": "{by}: draft resolution",
        # the "*" footnote under the sponsors of a draft States submit (as in A/80/L.2)
        "sponsors_note": "Any changes to the list of sponsors will be reflected in the "
                         "official record of the meeting.",
        "adopted": "Resolution adopted by the {organ} on {date}",
        "committee": "[on the report of the {committee} ({source})]",
        "no_committee": "[without reference to a Main Committee ({source})]",
    },
    short_names={"pp": "PP", "op": "OP", "sub": "OP", "heading": "Heading"},
    long_names={"pp": "preambular paragraph", "op": "operative paragraph",
                "sub": "operative paragraph", "heading": "heading", "fn": "footnote"},
    places={"preamble": "the preamble", "operative": "the operative part",
            # the HTML page's labels of its footnotes' block and of a note's link back
            "footnotes": "Footnotes", "back-to-text": "back to text",
            "title": "the title", "heading": "the heading “{text}”",
            # a unit of a resolution in parts (A/RES/78/247)
            "in-part": "{unit} of section {part}"},
    stage_names={"elements": "Elements paper", "zero": "Zero draft", "first": "First draft",
                 "rev": "Rev.{revision}", "final": "Final draft", "mapping": "",
                 "L": "L-document", "L-rev": "Revised L-document",
                 "adopted": "Adopted resolution"},
    letters=_LETTERS, redline=_REDLINE, compilation=_COMPILATION, comparison=_COMPARISON,
    amendment=_AMENDMENT,
    months=("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"),
    day="{day} {month} {year}",
    prose_ordinal=prose_ordinal,
    prose=_PROSE,
    leads=Leads(operative=_OPERATIVE_VERBS, preambular=_PREAMBULAR_WORDS,
                adverbs_before=_ADVERBS_BEFORE, adverbs_after=_ADVERBS_AFTER,
                phrasal=_PHRASAL, participle="ing", verb_ending="s", not_verb_ending="ss"))
