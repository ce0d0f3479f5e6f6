"""What a PDF page shows, as printed lines: pure geometry over the pieces of text (spans, or
characters in a table; pdf_pieces.py) and the rules the page draws.

Facts the page states are kept as facts: italics and bold from the font, superscripts by
MuPDF's flag or by size and rise, the footnote area under its short rule (drawn, or typed as
a row of underscores as the UN's Word files do), indentation from the text column, vertical
gaps, centred lines. Running headers and footers are a guess (by position, by what they say
and by repetition across pages), so each is reported with its page and line.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..errors import Warning_
from .pdf_pieces import Piece
from .printed import PrintedLine, Span

# Furniture by what it says: "2/5", "- 3 -", "Page 4"; a job number "17-05010 (E) 170417";
# a barcode line "*1705010*"; a document symbol ("A/71/L.58", "A/RES/80/1", "A/C.3/80/L.57").
_PAGE_NO = re.compile(r"^(?:page\s+)?-?\s*\d{1,4}\s*(?:/\s*\d{1,4}|of\s+\d{1,4})?\s*-?$", re.I)
# ("25-16535*": reissued, with the dates it was issued and reissued)
_JOB = re.compile(r"^\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}$")
_BARCODE = re.compile(r"^\*\d{6,8}\*$")
_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Z0-9.\-]+){1,6}\*?$")
_UNDERSCORES = re.compile(r"^_{5,}$")  # a rule typed as text (the UN's footnote separator)
_NOTE_START = re.compile(r"^(?:\d{1,3}|\*{1,3}|\u2020)\s")
_MARKER = re.compile(r"^(?:\d{1,3}|\*{1,3}|\u2020)$")  # a footnote reference

SUP_RATIO = 0.9      # a run this much smaller than its line's text (6.5 points by 8) ...
SUP_RISE = 0.2       # ... whose baseline sits this far (in the line's size) above it is raised
COLUMN_GAP = 4.0     # a horizontal gap of this many font sizes separates columns on one baseline
TAB_GAP = 0.8        # ... and this many a hanging number or label from its paragraph's text
# What hangs before a paragraph's text: "12.", "1000.", "(a)", "iv.", "B)", a bullet, and
# the items of a programme of work ("Item 1." set off by a tab before the item's title)
_HANGING = re.compile(r"^(?:\(?[0-9A-Za-z]{1,5}[.)]|[\u2022\u2013\-*]"
                      r"|(?:Item|Article|Chapter|Part|Section|Rule) (?:\d{1,3}|[IVXL]{1,6})\.)$")
BAND = 0.12          # headers and footers stand in the top and bottom 12% of the page


@dataclass
class RawLine:
    """One baseline's pieces on one page, before the document-wide pass. `top`/`bottom`
    are the box of its ink, `base` its baseline."""
    pieces: list[Piece]
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    base: float = 0.0
    spans: tuple[Span, ...] = ()
    region: str = "body"
    line: int = 0


@dataclass
class PageRules:
    """Horizontal rules drawn on a page (lines, or rectangles thin enough to be lines), and
    rows of underscores typed as one."""
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, y
    typed: set[float] = field(default_factory=set)  # the y of those typed as underscores


def page_lines(pieces: list[Piece], page: int,
               rules: PageRules | None = None) -> list[RawLine]:
    """The page's pieces grouped into lines, top to bottom, superscripts inside theirs. A
    line of underscores alone goes to `rules` (when given) as a rule, with its line kept
    until the document-wide pass knows whether it is the footnote rule."""
    groups: list[list[Piece]] = []
    for c in sorted(pieces, key=lambda c: (round(c.base, 1), c.x0)):
        if groups and abs(c.base - groups[-1][0].base) <= max(1.0, 0.15 * c.size):
            groups[-1].append(c)
        else:
            groups.append([c])
    lines = [_raw(g, page) for g in groups for g in _split_columns(g)]
    lines = _rows(_attach_small(lines))
    for ln in lines:
        ln.spans = _spans(ln)
        ln.pieces = []  # the spans say it all now; a long document keeps no pieces
        if rules is not None and _UNDERSCORES.match(_text(ln)):
            rules.rules.append((ln.x0, ln.x1, ln.base))
            rules.typed.add(ln.base)
    if rules is not None:
        rules.rules.sort(key=lambda r: r[2])
    return [ln for ln in lines if "".join(s.text for s in ln.spans).strip()]


def _rows(lines: list[RawLine]) -> list[RawLine]:
    """Reading order: top to bottom, and left to right among lines that stand side by side
    (their heights overlap, as "United Nations" beside the symbol in a masthead)."""
    lines = sorted(lines, key=lambda ln: (ln.base, ln.x0))
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


def _split_columns(group: list[Piece]) -> list[list[Piece]]:
    """One baseline holding separate columns ("United Nations ... A/71/L.58") -> one group
    each. A hanging mark set off by a tab ("1." or "(a)" before the text) stands apart too:
    it is printed in its own column, left of the paragraph's text."""
    group = sorted(group, key=lambda c: c.x0)
    out = [[group[0]]]
    last = group[0]
    for c in group[1:]:
        gap = c.x0 - last.x1
        size = max(c.size, last.size)
        word = " ".join(p.text for p in out[-1]).strip()
        if gap > COLUMN_GAP * size or (gap > TAB_GAP * size and len(out) == 1
                                        and _HANGING.match(word)):
            out.append([])
        out[-1].append(c)
        last = c
    return out


def _raw(pieces: list[Piece], page: int) -> RawLine:
    sizes = Counter()
    for c in pieces:
        sizes[round(c.size, 1)] += len(c.text)
    size = sizes.most_common(1)[0][0]
    main = [c for c in pieces if round(c.size, 1) == size]
    return RawLine(pieces, page, min(c.x0 for c in pieces), max(c.x1 for c in pieces),
                   min(c.top for c in pieces), max(c.bottom for c in pieces), size,
                   Counter(round(c.base, 1) for c in main).most_common(1)[0][0])


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
        raised = host.base - ln.base >= SUP_RISE * host.size
        for c in ln.pieces:
            c.raised = raised
        host.pieces.extend(ln.pieces)
        host.x0, host.x1 = min(host.x0, ln.x0), max(host.x1, ln.x1)
    return [ln for ln in out if ln.pieces]


def _spans(ln: RawLine) -> tuple[Span, ...]:
    """The line's text in runs of one format; a space where the page leaves a gap. A space
    between two formats goes with the plain one ("Recalling" italic, then " its"; "27. " then
    "Decides" italic), as Word runs have it."""
    spans: list[Span] = []
    prev: Piece | None = None
    for c in sorted(ln.pieces, key=lambda c: c.x0):
        text = c.text
        space = prev is not None and (prev.space_after or c.space_before
                                      or c.x0 - prev.x1 > 0.2 * min(c.size, prev.size))
        italic, bold = c.italic, c.bold
        # MuPDF's flag, or smaller and raised within its line
        sup = c.raised or (c.sup and c.size < ln.size * 0.9)
        if sup and space and _MARKER.match(text):
            space = False  # "Development 5 and": Word's space before a footnote reference
        plain_before = spans and not (spans[-1].italic or spans[-1].bold or spans[-1].sup)
        if (italic or bold) and not sup and plain_before and not space:
            # punctuation set in the lead's font ("2" then italic ". Also commends") is the
            # plain text's: the lead is the words
            lead = len(text) - len(text.lstrip(".,;: "))
            if lead:
                spans[-1] = replace(spans[-1], text=spans[-1].text + text[:lead])
                text = text[lead:]
                if not text:
                    prev = c
                    continue
        same = spans and (spans[-1].italic, spans[-1].bold, spans[-1].sup) == (italic, bold, sup)
        if space and spans and (same or not (spans[-1].italic or spans[-1].bold or spans[-1].sup)):
            spans[-1] = replace(spans[-1], text=spans[-1].text + " ")  # "27. " then "Decides"
        elif space:
            text = " " + text
        if same:
            spans[-1] = replace(spans[-1], text=spans[-1].text + text)
        else:
            spans.append(Span(text, italic, bold, sup))
        prev = c
    return tuple(spans)


def _text(ln: RawLine) -> str:
    return "".join(s.text for s in ln.spans)


def _bold(ln: RawLine) -> bool:
    return all(s.bold for s in ln.spans if s.text.strip())


def _italic(ln: RawLine) -> bool:
    return all(s.italic for s in ln.spans if s.text.strip())


def _closed(ln: RawLine) -> bool:
    """The line ends as a paragraph or a list item ends."""
    return _text(ln).rstrip().endswith((".", ";", ":"))


# ------------------------------------------------------------------ the document-wide pass

def footnote_rule(ln_rules: PageRules, lines: list[RawLine], height: float) -> float | None:
    """The y of the page's footnote rule: a short rule in the lower part of the page, at
    the left of the notes under it (the UN sets it a little left of them), with text no
    bigger than the body's under it."""
    if not lines:
        return None
    body = Counter(round(ln.size) for ln in lines).most_common(1)
    body_size = body[0][0] if body else 0
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    for x0, x1, y in ln_rules.rules:
        if y < 0.3 * height or x1 - x0 > 0.6 * (right - left):
            continue
        under = [ln for ln in lines if ln.top > y]
        if not under or x0 > min(ln.x0 for ln in under) + 12 or \
                any(ln.size >= body_size and round(ln.size) > body_size for ln in under):
            continue
        # a drawn rule is also a table's: under the footnote rule a note opens (a note
        # running on from the page before comes under a typed rule)
        first = min(under, key=lambda ln: ln.top)
        if y in ln_rules.typed or (first.spans and first.spans[0].sup) or \
                _NOTE_START.match(_text(first)):
            return y
    return None


def _furniture_key(ln: RawLine) -> str:
    """What stays of a running header or footer from page to page: not its numbers."""
    return re.sub(r"\d+", "#", _text(ln)).strip().lower()


def furniture(pages: list[list[RawLine]], height: float,
              notes_under: list[float | None] | None = None) -> dict[int, str]:
    """id(line) -> "header"/"footer" for the lines that are running furniture.
    `notes_under` (per page, the y of its footnote rule) keeps a footnote's lines out of
    the footer however often they repeat (one note printed under two markers can end at
    the foot of two pages alike); furniture that says what it is stays furniture."""

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
            if _UNDERSCORES.match(text):
                continue  # a rule is the footnote rule or text, never furniture
            said = (_PAGE_NO.match(text) or _JOB.match(text) or _BARCODE.match(text)
                    or (ln.page > 1 and where == "header" and _SYMBOL.match(text)))
            repeated = len(pages) > 1 and seen[(where, _text(ln).strip())] >= often
            rule = notes_under[pages.index(lines)] if notes_under else None
            if repeated and not said and rule is not None and ln.top > rule:
                continue  # a footnote's line under the page's footnote rule
            if said or repeated:
                found[id(ln)] = (where, bool(said))
        # a running title set beside the symbol ("A/RES/80/4" between the two lines of
        # the title) stands on the symbol's rows: furniture with it
        grown = True
        while grown:
            grown = False
            for ln in lines:
                where = band(ln)
                if where and id(ln) not in found and ln.page > 1 and any(
                        found[id(o)][0] == where and found[id(o)][1]
                        and o.top - 0.6 * o.size < ln.bottom and ln.top < o.bottom + 0.6 * o.size
                        for o in lines if id(o) in found):
                    found[id(ln)] = (where, True)
                    grown = True
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


def _run_on(body: Counter) -> float:
    """Where a page's run-on lines start: the left edge most of its lines share, or the
    margin a little left of it that three lines share (a page of sub-paragraphs sets most
    lines at their indent, A/RES/78/255's page 1); the masthead's edge, far left, is not."""
    common = body.most_common(1)[0][0]
    margins = [x for x, n in body.items() if n >= 3 and common - 40 <= x < common]
    return float(min(margins) if margins else common)


def document_lines(pages: list[list[RawLine]], rules: list[PageRules], height: float,
                   file: str) -> tuple[list[PrintedLine], list[Warning_]]:
    """Every page's lines with regions, indents, gaps and centring; furniture reported."""
    for lines in pages:
        for k, ln in enumerate(lines, 1):
            ln.line = k
    marks = furniture(pages, height, [footnote_rule(r, lines, height)
                                      for lines, r in zip(pages, rules)])
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
            if rule_y is None:
                break
            if ln.top > rule_y:
                ln.region = "footnote"
            elif ln.base == rule_y and _UNDERSCORES.match(_text(ln)):
                ln.region = "rule"  # the rule typed as underscores is the rule, not text
    edges = _column_edges(pages)
    pitch = _pitch(pages)
    # left edges that many lines share are indents (a justified line between two indents
    # only looks centred)
    lefts = {x for x, n in Counter(round(ln.x0) for lines in pages for ln in lines).items()
             if n >= 3}
    out: list[PrintedLine] = []
    last: tuple[float, bool, float, bool] | None = None  # the last body line's indent from
    # its page's run-on lines, its boldness, its indent from the column's edge, and whether
    # it closed a paragraph in plain type
    for lines, page_rules_ in zip(pages, rules):
        if not lines:
            continue
        left, right = edges[lines[0].page % 2]
        body = Counter(round(ln.x0) for ln in lines if ln.region == "body")
        run_on = _run_on(body) if body else left
        prev: RawLine | None = None
        for ln in lines:
            if ln.region == "footnote" and (prev is None or prev.region != "footnote") \
                    and not (out and out[-1].region == "rule"):
                out.append(PrintedLine((Span("_" * 10),), ln.page, ln.line, "rule"))
            gap = None
            if prev is not None:
                step = pitch.get(round(ln.size), 1.15 * ln.size)
                gap = round(max(0.0, (ln.base - prev.base) / step - 1), 2)
                # the line spacing's own play is no gap; a gap is counted in quarter lines
                # (the UN's 6 points after a paragraph of 12-point lines measure 0.47-0.5)
                gap = round(gap * 4) / 4 if gap >= 0.25 else 0.0
            opens = None
            if prev is None and ln.region == "body" and last is not None:
                # a page's first line set in further than the line that ended the page
                # before opens a paragraph, and so does a bold one (a heading) after plain
                # text. Each measured from its page's run-on lines (the left edge most of
                # its lines share), whatever the margins of odd and even pages
                # (and further in than that line, measured from the column's edge: a page
                # all of whose lines stand at a sub-paragraph's indent has no run-on lines
                # of its own, A/RES/78/1's page 10)
                # and an italic line (an article's heading) after a paragraph's close
                # (A/RES/79/243's "Article 9" at the top of page 8)
                opens = (ln.x0 - run_on > last[0] + 3 and ln.x0 - left > last[2] + 3) \
                    or (_bold(ln) and not last[1]) or (_italic(ln) and last[3])
            centred = (ln.x0 - left > 2 * ln.size and round(ln.x0) not in lefts
                       and ln.x1 - ln.x0 < 0.75 * (right - left)
                       and abs((ln.x0 + ln.x1) / 2 - (left + right) / 2) < 0.6 * ln.size)
            out.append(PrintedLine(ln.spans, ln.page, ln.line, ln.region,  # type: ignore[arg-type]
                                   indent=round(ln.x0 - left, 1), gap_before=gap,
                                   size=ln.size, centred=centred, opens=opens))
            if ln.region in ("body", "footnote"):
                prev = ln
            if ln.region == "body":
                last = (ln.x0 - run_on, _bold(ln), ln.x0 - left,
                        _closed(ln) and not _italic(ln))
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
    mirror their margins: the rightmost edge that many body lines share (justified line
    ends), and the leftmost edge that many of the lines reaching it share (run-on lines of
    paragraphs), so a stray line (a wide title, the masthead's session and agenda set left of
    the UN's text column on page 1) is not taken for the margin and an indent means the same
    on every page."""
    edges: dict[int, tuple[float, float]] = {}
    for parity in (0, 1):
        body = [ln for lines in pages for ln in lines
                if ln.page % 2 == parity and ln.region == "body"]
        if len(body) >= 8:
            enough = max(3, len(body) // 20)
            # lines at least half the text's width: a table's column of figures, set
            # flush right, is no line end of the text
            reach = max(ln.x1 for ln in body) - min(ln.x0 for ln in body)
            wide = [ln for ln in body if ln.x1 - ln.x0 >= 0.5 * reach]
            rights = [x for x, n in Counter(round(ln.x1) for ln in wide).items() if n >= enough]
            if not rights:
                continue
            full = [ln for ln in wide if ln.x1 >= max(rights) - 4]
            lefts = [x for x, n in Counter(round(ln.x0) for ln in full).items() if n >= 3]
            if not lefts:
                lefts = [x for x, n in Counter(round(ln.x0) for ln in body).items() if n >= enough]
            if lefts:
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
            if round(a.size) == round(b.size) and b.base > a.base:
                steps.setdefault(round(b.size), []).append(b.base - a.base)
    out = {}
    for size, values in steps.items():
        values.sort()
        out[size] = values[len(values) // 4] if values else 1.15 * size  # tight lines: the 1st quartile
    return out
