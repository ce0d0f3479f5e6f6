"""Compilation of proposals -> Word, through the ooxml builder (no markup here): a summary
table by proposer and status, then each unit's base text and the proposals on it, with the
text as it would read in bold (insertions) and struck out (deletions)."""
from __future__ import annotations

from collections import Counter

from ...amendments.compile import Compilation, conflict_line
from ...diff import DELETE, INSERT
from ...layout import Layout, load_layout
from ...ooxml import DocumentBuilder, ParaFormat, Run
from .draft import fonts, page_numbers, page_setup

_HEAD_PT = 8   # the summary table's status heads

# how the legend's marked words look
_MARKS = {"base": {"italic": True}, "insertions": {"bold": True}, "deletions": {"strike": True}}


def compilation_docx(c: Compilation, layout: Layout | None = None) -> bytes:
    layout = layout or load_layout()
    b = DocumentBuilder(fonts(layout), page_setup(layout), c.lang.word)
    b.title = c.title
    b.paragraph([Run(c.title, bold=True, size_pt=12)],
                ParaFormat(style="Title", align="center",
                           space_after_pt=2 if c.date else 12))
    if c.date:
        b.paragraph([Run(c.words["as-at"].format(date=c.date))],
                    ParaFormat(align="center", space_after_pt=12))
    w = c.words
    b.paragraph([Run(text, **_MARKS.get(mark, {})) for text, mark in c.legend()],
                ParaFormat(align="both"))
    _summary(b, c, layout)
    if c.conflicts:
        b.paragraph([Run(w["conflicts"], bold=True)], ParaFormat(style="Heading2", keep_next=True))
        for x in c.conflicts:
            b.paragraph([Run(conflict_line(x, c.lang))], ParaFormat(left_cm=0.6))
    if c.not_applicable:
        b.paragraph([Run(w["not-applicable"], bold=True)],
                    ParaFormat(style="Heading2", keep_next=True))
        for x in c.not_applicable:
            b.paragraph([Run(x.line(c.lang))], ParaFormat(left_cm=0.6))
    b.paragraph([Run(w["by-paragraph"], bold=True)],
                ParaFormat(style="Heading2", keep_next=True, space_before_pt=12))
    for row in c.rows:
        b.paragraph([Run(row.label, bold=True)], ParaFormat(keep_next=True, space_before_pt=8,
                                                            space_after_pt=2))
        text = [Run(t, italic=i, sup=sup) for t, i, sup in row.styled] if row.styled \
            else [Run(row.text)]
        b.paragraph(text, ParaFormat(align="both", keep_next=bool(row.entries)))
        for n, e in enumerate(row.entries):
            last = n == len(row.entries) - 1
            indent = ParaFormat(left_cm=1.0, space_after_pt=1, keep_next=True)
            b.paragraph([Run(f"{e.change_id} — {e.who}", bold=True),
                         Run(f"  [{e.status}]", italic=True)], indent)
            b.paragraph([Run(e.prose, italic=True)], indent)
            if e.note:
                b.paragraph([Run(e.note, size_pt=9)], indent)
            runs = [Run(t, bold=m == INSERT, strike=m == DELETE, italic=i, sup=sup)
                    for t, m, i, sup in e.styled or [(t, m, False, False) for t, m in e.preview]]
            b.paragraph(runs, ParaFormat(left_cm=1.0, align="both",
                                         space_after_pt=6 if last and not e.conflicts else 2,
                                         keep_next=bool(e.conflicts)))
            for x in e.conflicts:
                b.paragraph([Run(w["conflicts-with"].format(clash=x), bold=True, size_pt=9)],
                            ParaFormat(left_cm=1.0, space_after_pt=6))
    return b.to_bytes(header_footer=page_numbers(b, layout))


def _summary(b: DocumentBuilder, c: Compilation, layout: Layout) -> None:
    w = c.words
    b.paragraph([Run(w["summary"], bold=True)], ParaFormat(style="Heading2", keep_next=True))
    statuses = c.statuses
    header = [[Run(w["proposer"], bold=True)]] + [[Run(c.lang.status(s), bold=True, size_pt=_HEAD_PT)]
                                                   for s in statuses] + \
        [[Run(w["total"], bold=True)]]
    rows = [(header, True)]
    totals: Counter = Counter()
    for proposer, counts in sorted(c.summary.items()):
        totals.update(counts)
        rows.append(([[Run(proposer)]] + [[Run(str(counts[s] or ""))] for s in statuses] +
                     [[Run(str(sum(counts.values())))]], False))
    rows.append(([[Run(w["total"], bold=True)]] + [[Run(str(totals[s] or ""), bold=True)]
                                                 for s in statuses] +
                 [[Run(str(len(c.proposals)), bold=True)]], False))
    page = page_setup(layout)
    usable = page.width_cm - page.left_cm - page.right_cm
    # each status column as wide as its longest word ("modification"), never broken inside
    # a word; the proposers' names take the rest
    columns = [max(1.2, word_cm(c.lang.status(s), _HEAD_PT)) for s in statuses]
    total = 1.2
    first = max(usable / 5, usable - total - sum(columns))
    b.table(rows, [first] + columns + [total])


def word_cm(text: str, size_pt: float) -> float:
    """The width of `text`'s longest word set bold at `size_pt` (about 0.55 em a letter),
    with the cell's own margins."""
    longest = max((len(w) for w in text.split()), default=0)
    return longest * size_pt * 0.55 / 28.35 + 0.4
