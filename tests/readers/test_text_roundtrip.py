"""The tool reads back the .txt it publishes: every face (informal, L, L/Rev., A/RES) of the
committed example versions and of generated drafts imports to an equal model, ids aside.

Plain text carries words, numbers, labels, footnotes and the masthead; it does not carry
italics, bold or superscript, and a cross-reference prints as the number it points at, so the
comparison reads both drafts as the page shows them: each unit's kind, its text with
cross-references as their numbers and footnote markers where they stand, its number or label,
and the footnote texts in the order they are referred to. Annex tables print as labelled blocks
and are left out of the generated drafts.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assembler.inline import plain
from assembler.model import Metadata, Table
from assembler.numbering import compute_labels
from assembler.readers import import_text
from assembler.source import load_draft
from assembler.writers.text.draft import build_text

from conftest import ROOT
from strategies import drafts, plain_words

FACES = {
    "first": dict(stage="first", date="22 December 2016"),
    "rev": dict(stage="rev", revision="2", date="3 February 2017"),
    "L": dict(stage="L", symbol="A/71/L.58", date="30 March 2017", session="Seventy-first session",
              agenda_items="13 and 117", submitted_by="Delegation A and Delegation B",
              job_number="17-05010", original_language="English",
              **{"agenda-titles": "Integrated and coordinated implementation of and follow-up "
                                  "to the outcomes of the major United Nations conferences / "
                                  "Follow-up to the outcome of the Millennium Summit"}),
    "L-rev": dict(stage="L-rev", symbol="A/71/L.58/Rev.1", date="4 April 2017",
                  session="Seventy-first session", agenda_items="13",
                  submitted_by="President of the General Assembly", job_number="17-05500"),
    "adopted": dict(stage="adopted", symbol="A/RES/71/280", date="17 April 2017",
                    session="Seventy-first session", agenda_items="117", job_number="17-05719",
                    closing="74th plenary meeting / 6 April 2017",
                    **{"adopted-on": "6 April 2017", "adopted-from": "A/71/L.58",
                       "agenda-titles": "Follow-up to the outcome of the Millennium Summit"}),
}
# What each face prints, so what must come back.
SHOWN = ("stage", "symbol", "date", "title", "session", "agenda-items", "agenda-titles",
         "submitted-by", "job-number", "closing", "adopted-on", "adopted-from", "formula",
         "original-language", "revision")


def as_printed(d):
    labels = compute_labels(d)
    notes: list[str] = []
    numbers: dict[str, int] = {}

    def note(fid: str) -> str:
        if fid not in numbers:
            fn = d.footnote(fid)
            notes.append(" ".join(plain(fn.content).split()) if fn else "")
            numbers[fid] = len(notes)
        return f"^{numbers[fid]}"

    def text(content) -> str:
        ref = lambda uid: labels[uid].number if uid in labels else uid  # noqa: E731
        return " ".join(plain(content, ref=ref, note=note).split())

    def unit(u):  # the label as printed stands for list style and counting on
        return (u.kind, labels[u.id].mark, text(u.content),
                tuple(unit(c) for c in getattr(u, "children", ())))

    def lines(u, depth=0):  # one line a unit, so that a failure names the unit
        kind, mark, words, children = u
        yield f"{'  ' * depth}{kind} {mark} {words}"
        for c in children:
            yield from lines(c, depth + 1)

    body = [f"pp {text(p.content)}" for p in d.preamble]
    body += [line for u in d.operative for line in lines(unit(u))]
    body += [f"annex {text(a.title)}: " + " | ".join(
        "table" if isinstance(b, Table) else text(b.content) for b in a.body) for a in d.annexes]
    return body + [f"fn {n}" for n in notes]


def shown(meta: Metadata) -> dict[str, str]:
    return {k: meta.get(k) for k in SHOWN if meta.get(k)}


def read_back(draft):
    return import_text(build_text(draft).decode("utf-8"), "published.txt")


@pytest.mark.parametrize("version", ["first-draft", "rev1", "rev2", "l-document", "resolution"])
def test_published_text_of_the_examples_reads_back(version):
    draft = load_draft(ROOT / "drafts" / "gcm-modalities" / f"{version}.draft")
    back = read_back(draft).draft
    assert as_printed(back) == as_printed(draft)
    assert shown(back.metadata).items() >= shown(draft.metadata).items()


def _punctuated(d):
    """UN punctuation, which the page relies on to tell a paragraph from a heading: a
    preambular paragraph ends with a comma, an operative paragraph with a semicolon."""
    from assembler.model import Text
    pp = tuple(replace(p, content=p.content + (Text(","),)) for p in d.preamble)
    ops = tuple(replace(o, content=o.content + (Text(";"),)) if o.kind == "op" else o
                for o in d.operative)
    return replace(d, preamble=pp, operative=ops)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(text=plain_words, with_annex=False), st.sampled_from(sorted(FACES)))
def test_published_text_reads_back_for_every_face(draft, face):
    # Two notes printed word for word alike are read as one footnote referenced twice (the
    # readers say so in a warning): that is how Word and PDF print a shared footnote, so a
    # draft holding two distinct footnotes with the same words cannot come back as two.
    texts = [" ".join(plain(f.content).split()) for f in draft.footnotes]
    assume(len(set(texts)) == len(texts))
    meta = draft.metadata.with_values(**FACES[face])
    draft = replace(draft, metadata=meta)
    back = read_back(draft).draft
    assert as_printed(back) == as_printed(draft)
    assert shown(back.metadata).items() >= shown(draft.metadata).items()
