"""The amendment document in Word, as the UN issues it: the L-document masthead (symbol,
"Distr.: Limited", date, original language, session, committee, agenda item and its title),
the proposers' line "X and Y: amendment to draft resolution A/...", the draft's title, then the
instructions, numbered when there are several (hanging numbers, as operative paragraphs)."""
from __future__ import annotations

from ...amendments.document import AmendmentDocument
from ...errors import AssemblerError
from ...layout import Layout, load_layout
from ...model import Draft, Metadata
from ...ooxml import ParaFormat, Run
from ...source.markup import parse_inline
from .draft import DraftDocx
from .mastheads import furniture, limited_heading, session_block, top


def write_amendment(doc: AmendmentDocument, layout: Layout | None = None) -> bytes:
    layout = layout or load_layout()
    lang = doc.language
    # an issued L-document: the UN's page and type (stage "L" picks them; the masthead is
    # drawn below from the amendment's own facts)
    dd = DraftDocx(Draft(Metadata(title=doc.title, symbol=doc.symbol, stage="L")), layout)
    dd.builder.language = lang.word   # the base draft's, which this stand-in does not carry
    dd.builder.title = f"{doc.symbol}: {doc.submitted}"
    face = doc.masthead()
    top(dd, face)
    session_block(dd, face)
    limited_heading(dd, face)
    ind = layout.section("indents")
    left = ind.get("body_left_cm", 1.27)
    first = ind.get("preamble_first_line_cm", 1.27)
    numbered = len(doc.instructions) > 1
    for n, sentence in enumerate(doc.instructions, 1):
        # an instruction bringing several new paragraphs prints each as a paragraph; as
        # the UN sets them, the number stands at the text column, its words after a tab
        # one indent in, and the following lines run back to the column
        for k, part in enumerate(sentence.split("\n\n")):
            words = _runs(dd, part)
            runs = [Run(f"{n}."), Run(tab=True)] + words if numbered and not k else words
            dd.builder.paragraph(runs, ParaFormat(left_cm=left,
                                                  first_line_cm=0.0 if numbered and not k
                                                  else first,
                                                  right_cm=ind.get("body_right_cm", 1.27),
                                                  tabs_cm=((left + first, "left"),),
                                                  align="both", space_after_pt=6))
    if doc.job_number:  # issued: the short rule under the text, as on the UN's
        dd.end_rule()
    # the note on the proposers' "*" and those of new text ("**"), under the instructions
    for k, (mark, text) in enumerate(doc.notes_below):
        dd.builder.paragraph([Run(f"{mark} {text}")],
                             ParaFormat(left_cm=left, align="left",
                                        space_before_pt=24 if k == 0 else 0))
    if doc.job_number:
        furniture(dd, face)
    return dd.builder.to_bytes(**dd.package_options)


def _runs(dd, sentence: str) -> list[Run]:
    """The sentence with the quoted text's markup shown (*Decides* in italics); a sentence
    whose stars are not markup (a footnote mark quoted, "Court*") stays as written."""
    try:
        return dd.runs(parse_inline(sentence))
    except AssemblerError:
        return [Run(sentence)]
