"""Small pure helpers of the Word reader: paragraphs' text, typed labels cut off, spaces,
bold by layout, and cross-references found in foreign text."""
from __future__ import annotations

import re
from dataclasses import replace

from ..inline import normalize
from ..model import Break, Draft, OperativeParagraph, Text
from ..numbering import compute_labels
from ..ooxml.reader import WParagraph, WTable
from ..unit_marks import parse_unit
from .untext import find_cross_refs

OP_NUMBER = re.compile(r"^(\d{1,3}(?: ?(?:bis|ter|quater|quinquies))?)\.(?:\t| +)\s*")
ANNEX = re.compile(r"^(Annex|Appendix|Attachment)(\s+[IVXLC\d]+)?\s*$", re.I)


def block_text(b) -> str:
    return b.text if isinstance(b, WParagraph) else ""


def unit_of(b) -> tuple[str, str] | None:
    if not isinstance(b, WParagraph):
        return None
    for name in b.starts:
        parsed = parse_unit(name)
        if parsed and parsed[0] not in ("fn", "r", "tb"):
            return parsed
    return None


def starts_text(b) -> bool:
    """Where the text of a draft without enacting formula begins: a table, a numbered
    paragraph, or an annex heading."""
    if isinstance(b, WTable):
        return True
    if b.numbering is not None and b.numbering.format not in ("none", "bullet"):
        return True
    text = b.text.strip()
    return bool(OP_NUMBER.match(text) or ANNEX.match(text))


def has_content(p: WParagraph) -> bool:
    return any((r.text.strip() and not r.tab) or r.footnote is not None for r in p.runs)


def content_text(content) -> str:
    return "".join(c.text if isinstance(c, Text) else ("\n" if isinstance(c, Break) else "")
                   for c in content)


def drop(content: list, n: int) -> list:
    """Content without its first n characters (a typed number or label)."""
    out, remaining = [], n
    for item in content:
        if remaining > 0 and isinstance(item, Text):
            if len(item.text) <= remaining:
                remaining -= len(item.text)
                continue
            item = replace(item, text=item.text[remaining:])
            remaining = 0
        out.append(item)
    return out


def split_mark(content: list) -> tuple[str | None, list]:
    """'(a)<tab>text' as the writer made it -> ('(a)', text)."""
    text = content_text(content)
    if "\t" not in text:
        return None, content
    head = text.split("\t", 1)[0]
    return head.strip() or None, drop(content, len(head) + 1)


def strip_ends(content) -> list:
    """Foreign text: no spaces at the ends, tabs inside read as spaces."""
    content = [replace(c, text=c.text.replace("\t", " ")) if isinstance(c, Text) else c
               for c in content]
    if content and isinstance(content[0], Text):
        content[0] = replace(content[0], text=content[0].text.lstrip())
    if content and isinstance(content[-1], Text):
        content[-1] = replace(content[-1], text=content[-1].text.rstrip())
    return list(normalize(content))


def strip_start(content: list, own: bool) -> list:
    """The space (or tab, in a footnote set with a hanging number) after a footnote's own
    number."""
    if content and isinstance(content[0], Text):
        t = content[0].text
        t = t[1:] if own and t[:1] in (" ", "\t") else (t if own else t.lstrip())
        content = [replace(content[0], text=t)] + content[1:]
    if not own and content and isinstance(content[-1], Text):
        content[-1] = replace(content[-1], text=content[-1].text.rstrip())
    return content


def unbold(content):
    """Headings and titles are bold by layout, not by meaning."""
    return [replace(c, bold=False) if isinstance(c, Text) else c for c in content]


def ends_clause(content) -> bool:
    return content_text(content).rstrip().endswith((";", ".", ":", ","))


def foreign_cross_refs(draft: Draft) -> Draft:
    """'paragraphs 14 and 19' in a foreign file point at this draft's operative paragraphs;
    in a resolution in parts, at those of the part the text stands in (each part numbers
    its paragraphs from 1)."""
    labels = compute_labels(draft)
    op_ids: dict[str, dict[int, str]] = {}
    sub_ids: dict[str, dict[str, str]] = {}
    for uid, label in labels.items():
        if label.kind == "op":
            op_ids.setdefault(label.part, {})[int(label.number)] = uid
        elif label.kind == "sub" and label.root != "pp":
            sub_ids.setdefault(label.part, {})[label.number] = uid

    def fix(content, part: str, sure_only=False):
        out: list = []
        for item in content:
            if isinstance(item, Text) and not item.italic and not item.bold and not item.sup:
                out += find_cross_refs(item.text, op_ids.get(part, {}), sub_ids.get(part, {}),
                                       sure_only)
            else:
                out.append(item)
        return normalize(out)

    def sub(u):
        return replace(u, content=fix(u.content, labels[u.id].part),
                       children=tuple(sub(c) for c in u.children))

    def item(u):
        if isinstance(u, OperativeParagraph):
            return sub(u)
        if u.kind == "pp":  # a preamble speaks of paragraphs only when it says whose
            return replace(u, content=fix(u.content, labels[u.id].part, sure_only=True))
        return u
    return replace(draft, preamble=tuple(item(u) for u in draft.preamble),
                   operative=tuple(item(u) for u in draft.operative))
