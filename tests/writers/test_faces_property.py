"""Generated drafts with hostile text (markup characters, quotes, brackets) in every face:
the HTML stays valid HTML5 and shows each unit's text exactly; the plain text keeps it too."""
from __future__ import annotations

import re
from dataclasses import replace

import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembler.inline import plain
from assembler.model import Draft
from assembler.writers.html.draft import build_html
from assembler.writers.text.draft import build_text
from strategies import drafts

ISSUED = dict(stage="adopted", symbol="A/RES/71/280", date="17 April 2017", session="71",
              agenda_items="13", job_number="17-05719", closing="74th plenary meeting / 6 April 2017")


def face(draft: Draft, which: str, title: str) -> Draft:
    meta = draft.metadata.with_values(title=title)
    if which == "adopted":
        meta = meta.with_values(**ISSUED, **{"adopted-on": "6 April 2017",
                                             "adopted-from": "A/71/L.58"})
    return replace(draft, metadata=meta)


def squash(s: str) -> str:
    return " ".join(s.split())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), st.sampled_from(["first", "adopted"]),
       st.text(st.sampled_from(list('ab<>&"\'/{}*') + [" ", "é"]), min_size=1, max_size=20)
       .filter(str.strip))
def test_html_valid_and_text_exact(draft, which, title):
    d = face(draft, which, title)
    page = build_html(d)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(page)
    assert not parser.errors
    by_id = {el.get("id"): el for el in tree.iter() if el.get("id")}
    for unit in list(d.preamble) + d.operative_paragraphs():
        el = by_id[unit.id]
        p = el if el.tag == "p" else el.find("p")
        shown = "".join(p.itertext())
        if unit.kind == "op":
            shown = re.sub(r"^\S*\s?", "", shown, count=1) if p.find("span") is not None else shown
        expected = plain(unit.content, ref=lambda uid: "", note=lambda fid: "")
        # cross-reference numbers and footnote numbers are added by the writer
        assert squash(re.sub(r"\d+", "", expected)) in squash(re.sub(r"\d+|↩", "", shown)) or \
            squash(expected) == "" , (expected, shown)
    heading = tree.find(".//h1")
    assert squash(title) in squash("".join(heading.itertext()))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), st.sampled_from(["first", "adopted"]))
def test_plain_text_keeps_every_word(draft, which):
    d = face(draft, which, "A generated draft")
    # footnote numbers and cross-reference numbers are the writer's: compare without digits,
    # footnote markers kept in place as "[]" (stripping every "[n]" would also strip a
    # cross-reference the drafter put in brackets)
    text = re.sub(r"\d+", "", squash(build_text(d).decode("utf-8")))
    for unit in d.units():
        if unit.kind in ("pp", "op", "sub"):
            words = plain(unit.content, ref=lambda uid: "", note=lambda fid: "[]").split()
            for word in words:
                assert re.sub(r"\d+", "", word) in text, word
