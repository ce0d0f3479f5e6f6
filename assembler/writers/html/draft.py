"""Draft -> one self-contained HTML page (jinja2 templates in templates/html/).

Reusable pieces for other HTML outputs (redlines, comparisons):
- `environment(user_dir)`: the one template environment (writers/templating.py) over the
  HTML templates (a user's own template can read the draft, never the machine);
- `render(name, context, user_template=None)`: one template, errors naming template and line;
- `HtmlDraft(draft, layout, run_hook)`: a draft's units as escaped HTML blocks; `run_hook(unit,
  item, html)` may wrap each inline item (bold insertions, struck-out deletions);
- `render_document(title, body, layout, ...)`: wrap any body in the UN page (base.html.j2,
  print stylesheet from the layout).
"""
from __future__ import annotations

import base64

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2
from .. import templating
from ..sandbox import render_bounded
from markupsafe import Markup, escape

from ...dates import bind_dates
from ...errors import AssemblerError
from ...fs.read import read_bytes
from ...lang import language_of
from ...layout import TEMPLATES, Layout, load_layout
from ...model import (AnnexParagraph, Break, Content, CrossRef, Draft, FootnoteRef, Heading,
                     Table, Text)
from ...numbering import compute_labels
from .printing import page_rule

HTML_TEMPLATES = TEMPLATES / "html"
RunHook = Callable[[str, object, Markup], Markup]


def environment(user_dir: Path | None = None):
    """The template environment (writers/templating.py) over the built-in HTML templates,
    a user's template folder first when given."""
    folders = (HTML_TEMPLATES, TEMPLATES)
    return templating.environment(*((user_dir,) + folders if user_dir else folders))


def template_error(err: Exception, name: str) -> AssemblerError:
    """One line naming the template file and line, for every way a template can fail."""
    if isinstance(err, jinja2.TemplateNotFound):
        missing = err.name or name
        return AssemblerError(f"template '{missing}' does not exist", file=str(missing),
                              hint=f"give an existing file; the built-in ones are in {HTML_TEMPLATES}")
    if isinstance(err, jinja2.TemplateSyntaxError):
        return AssemblerError(f"template error: {err.message}", file=err.filename or err.name or name,
                              line=err.lineno, hint="fix the template")
    line = None
    tb = err.__traceback__
    filename = name
    while tb is not None:  # the template's own frame carries its line number
        code = tb.tb_frame.f_code
        if code.co_filename.endswith((".j2", ".html", ".jinja", ".txt", ".css")):
            filename, line = code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    kind = {jinja2.UndefinedError: "uses something the data does not have",
            jinja2.exceptions.SecurityError: "tried something a template may not do"}
    what = next((v for k, v in kind.items() if isinstance(err, k)), "failed")
    reason = str(err) or {MemoryError: "it ran out of memory", RecursionError: "it recursed "
                          "too deep"}.get(type(err), type(err).__name__)
    return AssemblerError(f"template {what}: {reason}", file=filename, line=line,
                          hint="fix the template or the data it reads")


def render(name: str, context: dict, user_template: Path | None = None) -> str:
    """Render a built-in template by name, or the user's template file when given."""
    try:
        if user_template is not None:
            user_template = Path(user_template)
            if not user_template.exists():
                raise AssemblerError(f"template '{user_template}' does not exist",
                                     file=str(user_template), hint="check the path")
            read_bytes(user_template, "template")  # a regular file of bounded size
            env = environment(user_template.resolve().parent)
            return render_bounded(env.get_template(user_template.name), context)
        return render_bounded(environment().get_template(name), context)
    except AssemblerError:
        raise
    except Exception as err:  # jinja2 errors, and what a template's own code raises
        raise template_error(err, str(user_template or name)) from None


# ----------------------------------------------------------------------- the draft as HTML

@dataclass
class Block:
    kind: str        # pp, op, sub, heading, p, table
    id: str
    html: Markup = Markup("")
    mark: str = ""
    degree: int = 0
    children: list = field(default_factory=list)
    rows: list = field(default_factory=list)       # table: [(is_header, [cell html])]
    landscape: bool = False
    title: Markup = Markup("")


@dataclass
class Note:
    number: int
    id: str
    html: Markup


class HtmlDraft:
    """The draft's units as escaped HTML; one note per footnote, numbered by its first
    marker, a second marker printing its number and linking to it, as in Word."""

    def __init__(self, draft: Draft, run_hook: RunHook | None = None, issued: bool = False):
        self.draft = draft
        # an issued face keeps a date's day and month on one line, as the UN and Word do
        self.bind = (lambda text: bind_dates(text, language_of(draft.metadata))) if issued \
            else (lambda text: text)
        self.labels = compute_labels(draft)
        self.run_hook = run_hook
        self.notes: list[Note] = []
        self.numbers: dict[str, int] = {}  # footnote id -> its number

    def inline(self, content: Content, unit: str = "") -> Markup:
        parts: list[Markup] = []
        for item in content:
            if isinstance(item, Text):
                html = escape(self.bind(item.text))
                if item.sup:
                    html = Markup("<sup>%s</sup>") % html
                if item.bold:
                    html = Markup("<b>%s</b>") % html
                if item.italic:
                    html = Markup("<i>%s</i>") % html
            elif isinstance(item, CrossRef):
                label = self.labels.get(item.target)
                html = Markup('<a class="xref" href="#%s">%s</a>') % (
                    item.target, label.number if label else item.target)
            elif isinstance(item, FootnoteRef) and item.footnote in self.numbers:
                n = self.numbers[item.footnote]
                html = Markup('<sup class="fnref"><a href="#fn-%d" role="doc-noteref">%d</a>'
                              '</sup>') % (n, n)
            elif isinstance(item, FootnoteRef):
                n = self.numbers[item.footnote] = len(self.notes) + 1
                fn = self.draft.footnote(item.footnote)
                self.notes.append(Note(n, item.footnote, self.inline(fn.content if fn else ())))
                html = Markup('<sup class="fnref"><a href="#fn-%d" id="fnref-%d" '
                              'role="doc-noteref">%d</a></sup>') % (n, n, n)
            elif isinstance(item, Break):
                html = Markup("<br>")
            else:
                continue
            parts.append(self.run_hook(unit, item, html) if self.run_hook else html)
        return Markup("").join(parts)

    def preamble(self) -> list[Block]:
        return [self.item(u) for u in self.draft.preamble]

    def operative(self) -> list[Block]:
        return [self.item(u) for u in self.draft.operative]

    def item(self, unit) -> Block:
        """A heading (a part's with its numeral as its mark), a preambular paragraph (a
        later part's, too) or an operative paragraph."""
        if isinstance(unit, Heading):
            return Block("heading", unit.id, self.inline(unit.content, unit.id),
                         self.labels[unit.id].mark)
        if unit.kind == "op":
            return self.marked(unit, 0)
        block = Block("pp", unit.id, self.inline(unit.content, unit.id))
        block.children = [self.marked(c, 1) for c in unit.children]
        return block

    def marked(self, unit, degree: int) -> Block:
        label = self.labels[unit.id]
        block = Block("op" if degree == 0 else "sub", unit.id,
                      self.inline(unit.content, unit.id), label.mark, degree)
        block.children = [self.marked(c, degree + 1) for c in unit.children]
        return block

    def annexes(self) -> list[dict]:
        out = []
        for annex in self.draft.annexes:
            blocks = []
            for b in annex.body:
                if isinstance(b, AnnexParagraph):
                    blocks.append(Block("p", b.id, self.inline(b.content, b.id)))
                elif isinstance(b, Table):
                    columns = max((len(r.cells) for r in b.rows), default=0)
                    rows = [(r.header, r.id, [self.inline(c, r.id) for c in r.cells]
                             + [Markup("")] * (columns - len(r.cells))) for r in b.rows]
                    blocks.append(Block("table", b.id, rows=rows, landscape=b.landscape,
                                        title=self.inline(b.title, b.id)))
            out.append({"id": annex.id, "title": self.inline(annex.title, annex.id),
                        "blocks": blocks, "landscape": any(x.landscape for x in blocks)})
        return out


def page_context(layout: Layout, issued: bool = False) -> dict:
    """The layout's figures for un.css.j2: an issued face's page is [issued_page] over
    [page], as in Word."""
    page = dict(layout.section("page"))
    if issued:
        page.update(layout.section("issued_page"))
    return {"page": page, "fonts": layout.section("fonts"),
            "indents": layout.section("indents"), "masthead_look": layout.section("masthead"),
            "furniture": layout.section("furniture"),
            "issued_fonts": layout.section("issued_fonts") if issued else {},
            "page_rule": page_rule(layout, issued=issued), "emblem": emblem_context(layout)}


def emblem_context(layout: Layout) -> dict | None:
    """The emblem the user supplied, for an issued face's masthead: the image inline (the
    page stays one file) at the layout's width; None if none was given."""
    image = layout.emblem()
    if image is None:
        return None
    width = layout.get("masthead", "emblem_width_pt", 56.2)
    src = f"data:{image.media_type};base64,{base64.b64encode(image.data).decode('ascii')}"
    return {"src": src, "width_pt": width, "height_pt": round(image.height_for(width), 2)}


def render_document(title: str, body: Markup, layout: Layout | None = None, *,
                    masthead: Markup = Markup(""), css_extra: str = "", face=None,
                    template: str = "base.html.j2", lang: str = "en") -> str:
    """Any body inside the UN page: same fonts, sizes and margins as the Word output."""
    ctx = {"title": title, "body": Markup(body), "masthead": Markup(masthead), "lang": lang,
           "css_extra": Markup(css_extra), "face": face,
           **page_context(layout or load_layout(), issued=bool(face and face.issued))}
    return render(template, ctx)


def draft_context(draft: Draft, layout: Layout, run_hook: RunHook | None = None) -> dict:
    from ...stages import masthead_for
    meta = draft.metadata
    face = masthead_for(meta) if meta.stage else None
    h = HtmlDraft(draft, run_hook, issued=bool(face and face.issued))
    ctx = {"draft": draft, "meta": dict(meta.items()), "face": face,
           "title": face.title if face else meta.title,
           "formula": meta.formula, "preamble": h.preamble(), "operative": h.operative(),
           "closing": list(meta.lines("closing")),
           "annexes": h.annexes(), "lang": language_of(meta).html,
           "footnotes_label": language_of(meta).places["footnotes"],
           "back_label": language_of(meta).places["back-to-text"],
           **page_context(layout, issued=bool(face and face.issued))}
    ctx["notes"] = h.notes  # filled while the units above were rendered
    if face and face.issued:
        ctx.update(issued_context(face, layout))
    return ctx


def issued_context(face, layout: Layout) -> dict:
    """An issued face's barcode, drawn (job.html.j2) and for the printed page's foot, where
    it has the Word face's size ([furniture]) and its text under it."""
    if not face.barcode:
        return {}
    import base64
    from ...barcode import svg
    bars = svg(face.barcode)
    look, pt = layout.section("furniture"), 72 / 2.54
    sized = svg(face.barcode, look.get("barcode_narrow_cm", 0.03) * pt,
                look.get("barcode_height_cm", 0.45) * pt, "pt", look.get("barcode_pt", 7))
    return {"barcode_svg": Markup(bars),  # built from the job number's digits only
            "barcode_uri": "data:image/svg+xml;base64," + base64.b64encode(sized.encode()).decode()}


def build_html(draft: Draft, layout: Layout | None = None, template: Path | None = None,
               run_hook: RunHook | None = None) -> bytes:
    ctx = draft_context(draft, layout or load_layout(), run_hook)
    return render("draft.html.j2", ctx, template).encode("utf-8")
