"""Tracked changes in a Word draft -> one proposal per author, against the original text.

A delegation returns the draft with Word's track changes on; each w:ins / w:del carries its
w:author. The text with every change rejected is the version the file was based on; the text
with one author's changes accepted (and everyone else's rejected) is what that author
proposes. The difference between the two, inferred word by word (amendments/infer.py), is the
author's proposal. A file built by `assembler build` names its version in its properties.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..amendments.infer import infer_changes
from ..amendments.model import Proposal, number_changes
from ..errors import AssemblerError, Warning_
from ..fs.names import name_from
from ..model import Draft
from ..ooxml.changes import resolve, resolve_for
from ..ooxml.reader import read_docx
from ..unit_marks import PROPERTY_PREFIX
from .docx import comment_left_out, commented, interpret
from .word_refs import typed_over


@dataclass
class WordProposals:
    original: Draft                    # the text with every change rejected
    proposals: list[Proposal]
    notes: list[str] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)


def word_proposals(path: Path | str, base: Draft | None = None) -> WordProposals:
    doc = read_docx(path)
    file = str(path)
    authors = doc.authors()
    if not authors:
        raise AssemblerError("has no tracked changes", file=file,
                             hint="import it without --changes proposals")
    typed = typed_over(doc)  # the references typed over, as they were before resolving
    original = interpret(resolve(doc, "reject"), file, comments=False, base=base)
    version = (base.metadata.version if base is not None else "") or \
        doc.properties.get(PROPERTY_PREFIX + "version", "") or original.draft.metadata.version \
        or Path(file).stem
    dates = _first_dates(doc)
    out = WordProposals(original.draft, [], [], list(original.warnings))
    if base is not None:
        built_from = doc.properties.get(PROPERTY_PREFIX + "version", "")
        if built_from and base.metadata.version and built_from != base.metadata.version:
            out.notes.append(f"the file was built from version '{built_from}', not from "
                             f"'{base.metadata.version}' given as the base")
        untracked, _ = infer_changes(base, original.draft)
        if untracked:
            out.notes.append(f"the file's text before its tracked changes differs from "
                             f"'{base.metadata.version or 'the base'}' in {len(untracked)} "
                             f"place(s): edits made without track changes are not proposals")
    for author in authors:
        view = interpret(resolve_for(doc, author), file, base=base, before=original.draft,
                         typed=frozenset(n for n, a in typed.items() if a == author))
        changes, notes = infer_changes(original.draft, view.draft)
        out.notes += [f"{author}: {n}" for n in notes]
        if not changes:
            out.notes.append(f"{author}: tracked changes that change no words (formatting only)")
            continue
        pid = _unique(f"P-{name_from(author, 'author', lower=True)}",
                      {p.id for p in out.proposals})
        # what a delegation says in its margin comments is its rationale
        rationale = "\n".join(text for who, _, text in doc.comments if who == author)
        out.proposals.append(Proposal(pid, author, version, number_changes(pid, changes),
                                      date=dates.get(author, ""),
                                      title=f"Tracked changes by {author} in {Path(file).name}",
                                      rationale=rationale))
    # a comment is the rationale of its author's proposal; any other one is said left out
    proposing = {p.proposer: p.id for p in out.proposals}
    for place in doc.comment_places:
        author, _, location = place
        if author in proposing:
            out.notes.append(f"{author}: the comment on {commented(doc, location)} is the "
                             f"rationale of {proposing[author]}")
        else:
            out.warnings.append(comment_left_out(doc, place, file))
    return out


def _first_dates(doc) -> dict[str, str]:
    """Each author's earliest change date (YYYY-MM-DD), from the w:date of the marks."""
    dates: dict[str, str] = {}
    paras = list(doc.paragraphs()) + [p for ps in doc.footnotes.values() for p in ps]
    for p in paras:
        for mark in [p.mark_change] + [r.change for r in p.runs]:
            if mark and mark.date[:10]:
                d = mark.date[:10]
                if mark.author not in dates or d < dates[mark.author]:
                    dates[mark.author] = d
    return dates


def _unique(pid: str, taken: set[str]) -> str:
    """Two authors whose names make one id ("Delegation A", "delegation a") keep two files."""
    n, out = 2, pid
    while out in taken:
        out, n = f"{pid}-{n}", n + 1
    return out
