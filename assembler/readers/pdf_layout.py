"""What a PDF page shows, as printed lines: pure geometry over the characters and rules that
the PDF library hands over (plain dicts: text, fontname, size, x0, x1, top, bottom).

Facts the page states are kept as facts: italics and bold from the font's name, superscripts
by size and rise, the footnote area under its short rule, indentation from the text column,
vertical gaps, centred lines. Running headers and footers are a guess (by position, by what
they say and by repetition across pages), so each is reported with its page and line.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..errors import Warning_
from .printed import PrintedLine, Span

# A font name carries its style ("ABCDEF+LiberationSerif-BoldItalic", "TimesNewRomanPS-ItalicMT").
_ITALIC = re.compile(r"italic|oblique|[-,]it(?:mt)?$", re.I)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)

# Furniture by what it says: "2/5", "- 3 -", "Page 4"; a job number "17-05010 (E) 170417";
# a barcode line "*1705010*"; a document symbol ("A/71/L.58", "A/RES/80/1", "A/C.3/80/L.57").
_PAGE_NO = re.compile(r"^(?:page\s+)?-?\s*\d{1,4}\s*(?:/\s*\d{1,4}|of\s+\d{1,4})?\s*-?$", re.I)
_JOB = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$")
_BARCODE = re.compile(r"^\*\d{6,8}\*$")
_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Z0-9.\-]+){1,6}\*?$")

SUP_RATIO = 0.8      # a run this much smaller than its line's text ...
SUP_RISE = 0.2       # ... whose baseline sits this far (in the line's size) above it is raised
COLUMN_GAP = 4.0     # a horizontal gap of this many font sizes separates columns on one baseline
TAB_GAP = 0.8        # ... and this many a hanging number or label from its paragraph's text
# What hangs before a paragraph's text: "12.", "1000.", "(a)", "iv.", "B)", a bullet
_HANGING = re.compile(r"^(?:\(?[0-9A-Za-z]{1,5}[.)]|[\u2022\u2013\-*])$")
BAND = 0.12          # headers and footers stand in the top and bottom 12% of the page


@dataclass
class RawLine:
    """One baseline's characters on one page, before the document-wide pass."""
    chars: list[dict]
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    spans: tuple[Span, ...] = ()
    region: str = "body"
    line: int = 0


@dataclass
class PageRules:
    """Horizontal rules drawn on a page (lines, or rectangles thin enough to be lines)."""
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, y


def font_style(fontname: str) -> tuple[bool, bool]:
    """(italic, bold) from a font's name, its subset prefix stripped."""
    name = fontname.split("+", 1)[-1]
    return bool(_ITALIC.search(name)), bool(_BOLD.search(name))


def page_rules(lines: list[dict], rects: list[dict]) -> PageRules:
    found = []
    for ln in lines:
        if abs(ln["top"] - ln["bottom"]) < 1.5 and ln["x1"] - ln["x0"] >= 30:
            found.append((ln["x0"], ln["x1"], ln["top"]))
    for r in rects:
        if r["bottom"] - r["top"] <= 1.5 and r["x1"] - r["x0"] >= 30:
            found.append((r["x0"], r["x1"], r["top"]))
    return PageRules(sorted(found, key=lambda t: t[2]))


def page_lines(chars: list[dict], page: int) -> list[RawLine]:
    """The page's characters grouped into lines, top to bottom, superscripts inside theirs."""
    chars = [c for c in chars if c.get("upright", True) and c["text"] not in ("\n", "\r")]
    groups: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        if groups and abs(c["bottom"] - groups[-1][0]["bottom"]) <= max(1.0, 0.15 * c["size"]):
            groups[-1].append(c)
        else:
            groups.append([c])
    lines = [_raw(g, page) for g in groups for g in _split_columns(g)]
    lines = _rows(_attach_small(lines))
    for ln in lines:
        ln.spans = _spans(ln)
        ln.chars = []  # the spans say it all now; a long document keeps no character dicts
    return [ln for ln in lines if "".join(s.text for s in ln.spans).strip()]


def _rows(lines: list[RawLine]) -> list[RawLine]:
    """Reading order: top to bottom, and left to right among lines that stand side by side
    (their heights overlap, as "United Nations" beside the symbol in a masthead)."""
    lines = sorted(lines, key=lambda ln: (ln.bottom, ln.x0))
    out: list[RawLine] = []
    row: list[RawLine] = []
    low = 0.0
    for ln in lines:
        if row and ln.top < low - 0.2 * min(ln.size, row[-1].size):
            row.append(ln)
            low = max(low, ln.bottom)
            continue
        out.extend(sorted(row, key=lambda r: r.x0))
        row, low = [ln], ln.bottom
    out.extend(sorted(row, key=lambda r: r.x0))
    return out


def _split_columns(group: list[dict]) -> list[list[dict]]:
    """One baseline holding separate columns ("United Nations ... A/71/L.58") -> one group
    each. A hanging mark set off by a tab ("1." or "(a)" before the text) stands apart too:
    it is printed in its own column, left of the paragraph's text."""
    group = sorted(group, key=lambda c: c["x0"])
    out = [[group[0]]]
    last = group[0]
    for c in group[1:]:
        if c["text"] == " ":
            out[-1].append(c)
            continue
        gap = c["x0"] - last["x1"]
        size = max(c["size"], last["size"])
        word = "".join(ch["text"] for ch in out[-1]).strip()
        if gap > COLUMN_GAP * size or (gap > TAB_GAP * size and len(out) == 1
                                        and _HANGING.match(word)):
            out.append([])
        out[-1].append(c)
        last = c
    return [g for g in out if any(c["text"].strip() for c in g)]


def _raw(chars: list[dict], page: int) -> RawLine:
    ink = [c for c in chars if c["text"].strip()] or chars
    sizes = Counter(round(c["size"], 1) for c in ink)
    return RawLine(chars, page, min(c["x0"] for c in ink), max(c["x1"] for c in ink),
                   min(c["top"] for c in ink), max(c["bottom"] for c in ink),
                   sizes.most_common(1)[0][0])


def _attach_small(lines: list[RawLine]) -> list[RawLine]:
    """A group of small characters raised beside a line of bigger ones ("73rd", a footnote
    marker) joins that line."""
    big = sorted((ln for ln in lines), key=lambda ln: -ln.size)
    out: list[RawLine] = []
    for ln in lines:
        host = None
        for other in big:
            if other is ln or other.size * SUP_RATIO <= ln.size:
                continue
            mid = (ln.top + ln.bottom) / 2
            if other.top - 0.3 * other.size <= mid <= other.bottom and \
                    other.x0 - 3 * other.size <= ln.x0 <= other.x1 + other.size:
                host = other
                break
        if host is None:
            out.append(ln)
            continue
        raised = host.bottom - ln.bottom >= SUP_RISE * host.size
        for c in ln.chars:
            c["_sup"] = raised
        host.chars.extend(ln.chars)
        host.x0, host.x1 = min(host.x0, ln.x0), max(host.x1, ln.x1)
    return [ln for ln in out if ln.chars]


def _spans(ln: RawLine) -> tuple[Span, ...]:
    """The line's text in runs of one format; a space where the page leaves a gap. A space
    between two formats goes with the plain one ("Recalling" italic, then " its"; "27. " then
    "Decides" italic), as Word runs have it."""
    spans: list[Span] = []
    space = False
    prev = None
    for c in sorted(ln.chars, key=lambda c: c["x0"]):
        text = c["text"]
        if text.isspace():
            space = bool(spans)
            prev = None
            continue
        if prev is not None and c["x0"] - prev["x1"] > 0.2 * min(c["size"], prev["size"]):
            space = True
        italic, bold = font_style(c.get("fontname", ""))
        sup = bool(c.get("_sup"))
        same = spans and (spans[-1].italic, spans[-1].bold, spans[-1].sup) == (italic, bold, sup)
        if space and spans and (same or not (spans[-1].italic or spans[-1].bold or spans[-1].sup)):
            spans[-1] = replace(spans[-1], text=spans[-1].text + " ")  # "27. " then "Decides"
        elif space:
            text = " " + text
        if same:
            spans[-1] = replace(spans[-1], text=spans[-1].text + text)
        else:
            spans.append(Span(text, italic, bold, sup))
        space = False
        prev = c
    return tuple(spans)


def _text(ln: RawLine) -> str:
    return "".join(s.text for s in ln.spans)


# ------------------------------------------------------------------ the document-wide pass

def footnote_rule(ln_rules: PageRules, lines: list[RawLine], height: float) -> float | None:
    """The y of the page's footnote rule: a short rule at the text's left, in the lower
    part of the page, with text no bigger than the body's under it."""
    if not lines:
        return None
    body = Counter(round(ln.size) for ln in lines).most_common(1)
    body_size = body[0][0] if body else 0
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    for x0, x1, y in ln_rules.rules:
        if y < 0.3 * height or x1 - x0 > 0.6 * (right - left) or x0 > left + 12:
            continue
        under = [ln for ln in lines if ln.top > y]
        if under and all(ln.size < body_size or round(ln.size) <= body_size for ln in under):
            return y
    return None


def _furniture_key(ln: RawLine) -> str:
    """What stays of a running header or footer from page to page: not its numbers."""
    return re.sub(r"\d+", "#", _text(ln)).strip().lower()


def furniture(pages: list[list[RawLine]], height: float) -> dict[int, str]:
    """id(line) -> "header"/"footer" for the lines that are running furniture."""

    def band(ln: RawLine) -> str | None:
        if ln.bottom <= BAND * height:
            return "header"
        if ln.top >= (1 - BAND) * height:
            return "footer"
        return None

    # a running title repeats word for word on many pages (on every other page, when odd and
    # even pages differ); a paragraph's last word at the top of two pages does not
    seen: Counter = Counter()
    for lines in pages:
        seen.update({(band(ln), _text(ln).strip()) for ln in lines if band(ln)})
    often = max(2, int(0.3 * len(pages)))
    out: dict[int, str] = {}
    for lines in pages:
        found = {}
        for ln in lines:
            where = band(ln)
            if not where:
                continue
            text = _text(ln).strip()
            said = (_PAGE_NO.match(text) or _JOB.match(text) or _BARCODE.match(text)
                    or (ln.page > 1 and where == "header" and _SYMBOL.match(text)))
            repeated = len(pages) > 1 and seen[(where, _text(ln).strip())] >= often
            if said or repeated:
                found[id(ln)] = (where, bool(said))
        text_lines = [ln for ln in lines if id(ln) not in found]
        for ln in lines:
            if id(ln) not in found:
                continue
            where, said = found[id(ln)]
            # furniture stands apart from the text: no text beside it on its row ("8." at
            # the top of a page is the number of the paragraph beside it), and a clear gap
            # to the text under or over it unless its wording says what it is
            if any(o.top < ln.bottom and ln.top < o.bottom for o in text_lines):
                continue
            near = [o.top - ln.bottom if where == "header" else ln.top - o.bottom
                    for o in text_lines]
            near = [d for d in near if d >= 0]
            if near and min(near) < 0.6 * ln.size and not said:
                continue
            out[id(ln)] = where
    return out


def document_lines(pages: list[list[RawLine]], rules: list[PageRules], height: float,
                   file: str) -> tuple[list[PrintedLine], list[Warning_]]:
    """Every page's lines with regions, indents, gaps and centring; furniture reported."""
    for lines in pages:
        for k, ln in enumerate(lines, 1):
            ln.line = k
    marks = furniture(pages, height)
    dropped: dict[tuple[str, str], list[RawLine]] = {}
    for lines in pages:
        for ln in lines:
            if id(ln) in marks:
                ln.region = marks[id(ln)]
                dropped.setdefault((ln.region, _furniture_key(ln)), []).append(ln)
    for lines, page_rules_ in zip(pages, rules):
        inner = [ln for ln in lines if ln.region == "body"]
        rule_y = footnote_rule(page_rules_, inner, height)
        for ln in inner:
            if rule_y is not None and ln.top > rule_y:
                ln.region = "footnote"
    edges = _column_edges(pages)
    pitch = _pitch(pages)
    # left edges that many lines share are indents (a justified line between two indents
    # only looks centred)
    lefts = {x for x, n in Counter(round(ln.x0) for lines in pages for ln in lines).items()
             if n >= 3}
    out: list[PrintedLine] = []
    for lines, page_rules_ in zip(pages, rules):
        if not lines:
            continue
        left, right = edges[lines[0].page % 2]
        prev: RawLine | None = None
        for ln in lines:
            if ln.region == "footnote" and (prev is None or prev.region != "footnote"):
                out.append(PrintedLine((Span("_" * 10),), ln.page, ln.line, "rule"))
            gap = None
            if prev is not None:
                step = pitch.get(round(ln.size), 1.15 * ln.size)
                gap = round(max(0.0, (ln.bottom - prev.bottom) / step - 1), 2)
                gap = gap if gap >= 0.25 else 0.0  # the line spacing's own play is no gap
            centred = (ln.x0 - left > 2 * ln.size and round(ln.x0) not in lefts
                       and ln.x1 - ln.x0 < 0.75 * (right - left)
                       and abs((ln.x0 + ln.x1) / 2 - (left + right) / 2) < 0.6 * ln.size)
            out.append(PrintedLine(ln.spans, ln.page, ln.line, ln.region,  # type: ignore[arg-type]
                                   indent=round(ln.x0 - left, 1), gap_before=gap,
                                   size=ln.size, centred=centred))
            if ln.region in ("body", "footnote"):
                prev = ln
    warnings = []
    for (region, text), where in dropped.items():
        first = where[0]
        more = f" and {len(where) - 1} more page(s)" if len(where) > 1 else ""
        what = "running header" if region == "header" else "running footer"
        warnings.append(Warning_(f"page {first.page}, line {first.line}{more}: '{_text(first)}' read as "
                                 f"the {what} (page furniture), not as text", None, file))
    return out, warnings


def _column_edges(pages: list[list[RawLine]]) -> dict[int, tuple[float, float]]:
    """The text column's left and right edges for odd (1) and even (0) pages, which may
    mirror their margins: the leftmost and rightmost edges that many body lines share (run-on
    lines of paragraphs, justified line ends), so a stray line (a wide title) is not taken
    for the margin and an indent means the same on every page."""
    edges: dict[int, tuple[float, float]] = {}
    for parity in (0, 1):
        body = [ln for lines in pages for ln in lines
                if ln.page % 2 == parity and ln.region == "body"]
        if len(body) >= 8:
            enough = max(3, len(body) // 20)
            lefts = [x for x, n in Counter(round(ln.x0) for ln in body).items() if n >= enough]
            rights = [x for x, n in Counter(round(ln.x1) for ln in body).items() if n >= enough]
            if lefts and rights:
                edges[parity] = (float(min(lefts)), float(max(rights)))
    if not edges:
        body = [ln for lines in pages for ln in lines if ln.region == "body"] or \
            [ln for lines in pages for ln in lines]
        edge = (min(ln.x0 for ln in body), max(ln.x1 for ln in body)) if body else (0.0, 0.0)
        return {0: edge, 1: edge}
    if len(edges) == 1:
        edges[1 - next(iter(edges))] = next(iter(edges.values()))
    return edges


def _pitch(pages: list[list[RawLine]]) -> dict[int, float]:
    """The usual distance from one baseline to the next, per font size: a gap is measured in it."""
    steps: dict[int, list[float]] = {}
    for lines in pages:
        for a, b in zip(lines, lines[1:]):
            if round(a.size) == round(b.size) and b.bottom > a.bottom:
                steps.setdefault(round(b.size), []).append(b.bottom - a.bottom)
    out = {}
    for size, values in steps.items():
        values.sort()
        out[size] = values[len(values) // 4] if values else 1.15 * size  # tight lines: the 1st quartile
    return out
