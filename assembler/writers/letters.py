"""Covering letters from data and jinja2 templates (templates/letters/).

The data (signatories, their missions and titles, place and date, the consultation meeting)
lives beside the draft in `<version>.letters.toml`; each [[letter]] names its template. A
template writes blocks separated by blank lines, each optionally opening with its role:
[letterhead] [date] [salutation] [closing] [signature] [addressee] (body otherwise); in a
[signature] block a line '||' starts the next signatory's column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import templating
from .sandbox import render_bounded
from markupsafe import Markup, escape

from ..errors import AssemblerError
from ..layout import TEMPLATES, Layout
from ..model import Draft
from ..tomlfile import read_toml
from ..ooxml import DocumentBuilder, ParaFormat, Run
from ..ooxml.headers import Cell, Line, frame
from ..lang import Language, language_of
from ..stages import INFORMAL, stage_name as _stage_label
from .html.draft import template_error

LETTER_TEMPLATES = TEMPLATES / "letters"
ROLES = ("letterhead", "date", "salutation", "body", "closing", "signature", "addressee")
_ROLE = re.compile(r"^\[(\w+)\]\s*")


@dataclass
class Block:
    role: str
    columns: list[list[str]] = field(default_factory=list)  # columns of lines

    @property
    def text(self) -> str:
        return " ".join(" ".join(col) for col in self.columns)


@dataclass
class Letter:
    template: str
    blocks: list[Block]

    def text(self) -> str:
        """The letter as plain text, one block a paragraph."""
        return "\n\n".join("\n".join("\n".join(c) for c in b.columns) for b in self.blocks) + "\n"


def letters_path(draft_path: Path) -> Path:
    p = Path(draft_path)
    return p.with_name(p.stem + ".letters.toml")


def load_letter_data(path: Path) -> dict:
    data = read_toml(path, "letter data", "no letter data for this draft",
                     "write the letters' data there (see drafts/gcm-modalities/"
                     "first-draft.letters.toml) or pass --letter-data")
    if not data.get("letter"):
        raise AssemblerError("letter data has no [[letter]] table", file=str(path),
                             hint="add [[letter]] with template = \"co-facilitators.j2\"")
    for i, letter in enumerate(data["letter"], 1):
        if "template" not in letter:
            raise AssemblerError(f"letter {i} has no 'template'", file=str(path),
                                 hint="add template = \"co-facilitators.j2\" to that [[letter]]")
    return data


def environment(extra_dir: Path | None = None):
    """The template environment (templating.py) of the letters, the data's folder first:
    plain text, which the Word and HTML writers escape where they set it."""
    folders = ((extra_dir,) if extra_dir else ()) + (LETTER_TEMPLATES,)
    return templating.environment(*folders, text=True)


def stage_name(draft: Draft) -> str:
    meta = draft.metadata
    lang = language_of(meta)
    label = _stage_label(meta, lang) if meta.stage in INFORMAL else lang.letters["draft"]
    # a revision's name keeps its capital ("Rev.2" mid-sentence), as the table spells it
    rev = re.match(r"\w*", lang.stage_names["rev"]).group()
    return label[0].lower() + label[1:] if label and not (rev and label.startswith(rev)) \
        else label


def formulae(lang: Language):
    """say(key, **fields) for templates: one of the language's letter formulae, filled. A
    formula it lacks, or a field left out, fails naming both (the template's line is added)."""
    def say(key: str, **fields) -> str:
        if key not in lang.letters:
            raise LookupError(f"say(\"{key}\"): the {lang.name} table has no such formula "
                              f"(it has {', '.join(sorted(lang.letters))})")
        try:
            return lang.letters[key].format(**fields)
        except KeyError as err:
            raise LookupError(f"say(\"{key}\") needs {err.args[0]}=") from None
    return say


def render_letters(draft: Draft, data: dict, data_file: Path | None = None) -> list[Letter]:
    """Each [[letter]] of `data` rendered through its template (sandboxed: the data and the
    draft's metadata are all a template can reach)."""
    base = Path(data_file).resolve().parent if data_file else None
    env = environment(base)
    say = formulae(language_of(draft.metadata))
    out = []
    for letter in data["letter"]:
        name = letter["template"]
        ctx = {"letter": letter, "signatories": data.get("signatories", []),
               "meta": dict(draft.metadata.items()), "say": say,
               "stage_name": letter.get("stage_name") or stage_name(draft)}
        try:
            text = render_bounded(env.get_template(name), ctx)
        except Exception as err:
            found = next((Path(d) / name for loader in env.loader.loaders
                          for d in loader.searchpath if (Path(d) / name).is_file()), None)
            raise template_error(err, str(found or name)) from None
        out.append(Letter(name, parse_blocks(text, name)))
    return out


def parse_blocks(text: str, name: str) -> list[Block]:
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        role = "body"
        m = _ROLE.match(chunk)
        if m:
            role = m.group(1)
            if role not in ROLES:
                raise AssemblerError(f"unknown letter block role '[{role}]'", file=name,
                                     hint="roles: " + ", ".join(ROLES))
            chunk = chunk[m.end():]
        columns: list[list[str]] = [[]]
        for line in chunk.splitlines():
            if line.strip() == "||":
                columns.append([])
            elif line.strip():
                columns[-1].append(" ".join(line.split()))
        if role == "body":  # a body paragraph is one line of running text
            columns = [[" ".join(" ".join(c) for c in columns)]]
        blocks.append(Block(role, columns))
    return blocks


# ------------------------------------------------------------------------------- output

def letters_into_docx(builder: DocumentBuilder, letters: list[Letter], layout: Layout,
                      own_section: bool = False) -> None:
    """Each letter on its own page(s), then a page break before what follows; with
    `own_section`, the letters form a section of their own without the issued text's
    headers, footers and page numbers."""
    look = layout.section("letter")
    size = look.get("pt", 12)
    page = builder.page
    width = page.width_cm - page.left_cm - page.right_cm
    for letter in letters:
        for block in letter.blocks:
            fmt = ParaFormat(align={"letterhead": "center", "date": "right"}.get(block.role, "both"
                             if block.role == "body" else "left"),
                             space_after_pt=look.get("space_after_pt", 12),
                             space_before_pt=look.get("addressee_space_before_pt", 36)
                             if block.role == "addressee" else None,
                             first_line_cm=look.get("first_line_cm", 1.27) if block.role == "body" else 0)
            if block.role == "signature" and len(block.columns) > 1:
                share = width / len(block.columns)
                cells = [Cell([Line([Run(text, bold=i == 0, size_pt=size)],
                                    ParaFormat(space_after_pt=0, right_cm=0.5))
                               for i, text in enumerate(col)]) for col in block.columns]
                builder.paragraph([], ParaFormat(space_before_pt=look.get("signature_space_before_pt", 36),
                                                 space_after_pt=0))  # room to sign
                frame(builder, [cells], [share] * len(block.columns))
                builder.paragraph([], ParaFormat(space_after_pt=0))
                continue
            lines = [text for col in block.columns for text in col]
            runs: list[Run] = []
            for i, text in enumerate(lines):
                if i:
                    runs.append(Run(line_break=True))
                runs.append(Run(text, size_pt=size, bold=block.role == "letterhead"
                                or (block.role == "signature" and i == 0)))
            if block.role == "signature":
                fmt.space_before_pt = look.get("signature_space_before_pt", 36)
            builder.paragraph(runs, fmt)
        if own_section and letter is letters[-1]:
            builder.end_section(builder.page)
            builder.plain_sections = len(builder.sections)
        else:
            builder.page_break()


def letters_html(letters: list[Letter]) -> Markup:
    parts = []
    for letter in letters:
        parts.append(Markup('<section class="letter">'))
        for block in letter.blocks:
            if block.role == "signature":
                cols = Markup("").join(
                    Markup('<div class="signatory">%s</div>') % Markup("<br>").join(
                        [Markup("<b>%s</b>") % col[0]] + [escape(t) for t in col[1:]])
                    for col in block.columns if col)
                parts.append(Markup('<div class="signatures">%s</div>') % cols)
            else:
                body = Markup("<br>").join(escape(t) for c in block.columns for t in c)
                parts.append(Markup('<p class="%s">%s</p>') % (block.role, body))
        parts.append(Markup("</section>"))
    return Markup("\n").join(parts)


def letters_text(letters: list[Letter]) -> str:
    return ("\n" + "\f" + "\n").join(letter.text() for letter in letters)


LETTER_CSS = """
section.letter { margin-bottom: 2cm; font-size: 12pt; }
section.letter p { margin: 0 0 12pt; }
section.letter .letterhead { text-align: center; font-weight: bold; }
section.letter .date { text-align: right; }
section.letter .closing { text-align: left; margin-top: 0; }
section.letter + section.letter { border-top: 1px dashed #bbb; padding-top: 1cm; }
section.letter .body { text-align: justify; text-indent: 1.27cm; }
section.letter .addressee { margin-top: 36pt; }
section.letter .signatures { display: flex; gap: 1cm; margin-top: 36pt; }
section.letter .signatory { flex: 1; }
@media print { section.letter { break-after: page; margin: 0; }
               section.letter + section.letter { border-top: 0; padding-top: 0; } }
"""
