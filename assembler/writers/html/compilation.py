"""Compilation of proposals -> HTML (bold insertions, struck deletions); the page is
templates/compilation.html.j2, rendered in the one template environment (templating.py)."""
from __future__ import annotations

from collections import Counter

from ...amendments.compile import Compilation, conflict_line
from ...resources import TEMPLATES
from ..templating import environment
from .printing import page_rule


def compilation_html(c: Compilation) -> bytes:
    env = environment(TEMPLATES, trim=False)
    totals: Counter = Counter()
    for counts in c.summary.values():
        totals.update(counts)
    page = env.get_template("compilation.html.j2").render(
        c=c, w=c.words, page_rule=page_rule(), summary=sorted(c.summary.items()), totals=totals,
        conflicts=[conflict_line(x, c.lang) for x in c.conflicts],
        not_applicable=[x.line(c.lang) for x in c.not_applicable])
    return page.encode("utf-8")
