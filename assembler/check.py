"""Checks of a readable draft: problems (exit 1) and style notes (reported, exit 0)."""
from __future__ import annotations

from dataclasses import dataclass

from .inline import cross_refs, footnote_refs, plain
from .leads import lead_text
from .model import STAGES, Draft, FootnoteRef, Heading, contents_of


@dataclass(frozen=True)
class Finding:
    unit: str | None
    message: str
    problem: bool = True

    def __str__(self) -> str:
        kind = "problem" if self.problem else "note"
        return f"{self.unit}: {kind}: {self.message}" if self.unit else f"{kind}: {self.message}"


def check_draft(draft: Draft) -> list[Finding]:
    out: list[Finding] = []
    meta = draft.metadata
    if meta.stage and meta.stage not in STAGES:
        out.append(Finding(None, f"unknown stage '{meta.stage}' (known: {', '.join(STAGES)})"))
    if not draft.operative and not draft.annexes:
        out.append(Finding(None, "the draft has no operative paragraphs"))
    used: set[str] = set()
    kinds = {u.id: u.kind for u in draft.units()}
    for unit in draft.units():
        for content in contents_of(unit):
            used.update(footnote_refs(content))
            for target in cross_refs(content):
                if kinds.get(target) not in ("op", "sub", "pp"):
                    out.append(Finding(unit.id, f"cross-reference to '{target}', which is not "
                                                f"a paragraph"))
                if target == unit.id:
                    out.append(Finding(unit.id, "a paragraph refers to itself"))
        if unit.kind in ("pp", "op", "sub", "heading", "fn") and not plain(unit.content).strip():
            out.append(Finding(unit.id, "the unit has no text"))
        if unit.kind == "fn" and any(isinstance(i, FootnoteRef) for i in unit.content):
            out.append(Finding(unit.id, "a footnote holds a footnote marker"))
    for fn in draft.footnotes:
        if fn.id not in used:
            out.append(Finding(fn.id, "footnote has no marker in the text"))
    for unit in draft.preamble + draft.operative:
        if not isinstance(unit, Heading):
            _depth(unit, 0, out)
    # Style notes: UN conventions a drafter may break on purpose.
    for pp in draft.preambular_paragraphs():
        if not lead_text(pp.content):
            out.append(Finding(pp.id, "preambular paragraph has no italic lead phrase", False))
    ops = draft.operative_paragraphs()
    for op in ops:
        if not lead_text(op.content):
            out.append(Finding(op.id, "operative paragraph has no italic lead verb", False))
    if ops and not ops[-1].children and not plain(ops[-1].content).rstrip().endswith("."):
        out.append(Finding(ops[-1].id, "the last operative paragraph should end with a full stop",
                           False))
    if any(isinstance(u, Heading) for u in draft.operative[:1]):
        out.append(Finding(draft.operative[0].id, "a heading before the first operative "
                                                  "paragraph", False))
    return out


def _depth(unit, degree: int, out: list[Finding]) -> None:
    for child in unit.children:
        if degree + 1 > 4:
            out.append(Finding(child.id, "sub-paragraph deeper than the fourth degree"))
        _depth(child, degree + 1, out)
