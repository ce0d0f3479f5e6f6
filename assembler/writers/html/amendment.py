"""The amendment document as one HTML page: the masthead as the UN prints it, the proposers'
line, the draft's title and the numbered instructions."""
from __future__ import annotations

from html import escape

from ...amendments.document import AmendmentDocument
from ...errors import AssemblerError
from ...model import Text
from ...source.markup import parse_inline
from ...stages import agenda_line

_STYLE = """body{font-family:'Times New Roman',serif;font-size:10pt;max-width:17cm;margin:2cm auto}
.top{display:flex;justify-content:space-between;border-bottom:0.75pt solid #000}
.organ{display:flex;justify-content:space-between;border-bottom:3pt solid #000;padding:4pt 0}
.organ h1{font-size:20pt;margin:0}.facts p,.session p{margin:0}.symbol{font-size:16pt}
.session{margin:12pt 0;width:45%}.submitted{font-weight:bold;margin:24pt 0 12pt}
h2{font-size:12pt;margin:0 1.27cm 12pt}ol,.one{margin-left:1.27cm;text-align:justify}
li{padding-left:0.5cm;margin-bottom:6pt}.new{margin:6pt 0 0;text-indent:1.27cm}"""


def _marked(sentence: str) -> str:
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
            for on, tag in ((item.italic, "i"), (item.bold, "b"), (item.sup, "sup")):
                t = f"<{tag}>{t}</{tag}>" if on else t
            out.append(t)
    return "".join(out)


def _set_out(sentence: str) -> str:
    """An instruction, and each new paragraph it brings as a block of its own."""
    first, *blocks = sentence.split("\n\n")
    return _marked(first) + "".join(f'<p class="new">{_marked(b)}</p>' for b in blocks)


def write_amendment(doc: AmendmentDocument, layout=None) -> bytes:
    e = escape
    lang, words = doc.language, doc.language.masthead
    agenda = agenda_line(doc.agenda_items, lang) if doc.agenda_items else ""
    distr = f'{words["distribution"]} {doc.distribution}'
    original = words["original"].format(language=doc.original)
    session = "".join(f"<p>{e(t)}</p>" for t in (doc.session, doc.committee, agenda) if t)
    session += "".join(f"<p><b>{e(t)}</b></p>" for t in doc.agenda_titles)
    if len(doc.instructions) > 1:
        body = "<ol>" + "".join(f"<li>{_set_out(s)}</li>" for s in doc.instructions) + "</ol>"
    else:
        body = "".join(f'<div class="one">{_set_out(s)}</div>' for s in doc.instructions)
    page = f"""<!DOCTYPE html>
<html lang="{e(lang.html)}"><head><meta charset="utf-8"><title>{e(doc.symbol)}</title>
<style>{_STYLE}</style></head><body>
<div class="top"><span>{e(words["united_nations"])}</span><span class="symbol">{e(doc.symbol)}</span></div>
<div class="organ"><h1>{e(doc.organ)}</h1><div class="facts"><p>{e(distr)}</p>
<p>{e(doc.date)}</p><p>&nbsp;</p><p>{e(original)}</p></div></div>
<div class="session">{session}</div>
<p class="submitted">{e(doc.submitted)}</p>
<h2>{e(doc.title)}</h2>
{body}
{f'<p class="note">* {e(doc.sponsors_note)}</p>' if doc.sponsors_note else ""}
{"".join(f'<p class="note">{e(mark)} {e(text)}</p>' for mark, text in doc.notes)}
</body></html>
"""
    return page.encode("utf-8")
