"""The amendment document as one HTML page, as the UN issues it: the masthead every face
draws (templates/html/masthead.html.j2, from the document's stages.Masthead, in the
layout's figures), the proposers' line, the draft's title and the numbered instructions
(templates/html/amendment.html.j2)."""
from __future__ import annotations

from markupsafe import Markup, escape

from ...amendments.document import AmendmentDocument
from ...errors import AssemblerError
from ...layout import Layout, load_layout
from ...model import Text
from ...source.markup import parse_inline
from .draft import issued_context, page_context, render


def _marked(sentence: str) -> Markup:
    """The sentence with the quoted text's markup shown (*Decides* in italics); stars that
    are no markup (a quoted footnote mark) stay as written."""
    try:
        content = parse_inline(sentence)
    except AssemblerError:
        return escape(sentence)
    out = []
    for item in content:
        if isinstance(item, Text):
            t = escape(item.text)
            for on, tag in ((item.sup, "sup"), (item.bold, "b"), (item.italic, "i")):
                t = Markup(f"<{tag}>%s</{tag}>") % t if on else t
            out.append(t)
    return Markup("").join(out)


def write_amendment(doc: AmendmentDocument, layout: Layout | None = None) -> bytes:
    face, layout = doc.masthead(), layout or load_layout()
    ctx = {"title": doc.symbol, "lang": doc.language.html, "face": face,
           # an instruction, and each new paragraph it brings as a block of its own
           "instructions": [[_marked(part) for part in s.split("\n\n")]
                            for s in doc.instructions],
           "notes": doc.notes_below,
           **page_context(layout, issued=True), **issued_context(face, layout)}
    return render("amendment.html.j2", ctx).encode("utf-8")
