"""The visual (bold and strike-out) Word redline prints one note per footnote of each
version, at its first marker; another marker of it refers to the note and prints its
number, as the built draft, its HTML face and the HTML redline do."""
from __future__ import annotations

import re

from assembler.compare.redline import build_redline
from assembler.source import load_draft
from assembler.writers.docx.redline import build_redline_docx

from conftest import ROOT, pandoc_text

DRAFTS = ROOT / "drafts" / "gcm-modalities"


def test_the_visual_redline_prints_a_footnote_marked_twice_once(tmp_path):
    first = load_draft(DRAFTS / "first-draft.draft")
    rev1 = load_draft(DRAFTS / "rev1.draft")
    path = tmp_path / "visual.docx"
    path.write_bytes(build_redline_docx(build_redline(first, rev1), visual=True))
    text = pandoc_text(path, to="markdown")
    assert re.findall(r"^\[\^(\d+)\]:", text, re.M) == ["1"]
    # OP 6 (b) carries the note, OP 6 (c) refers to it and prints its number
    assert re.findall(r"April 201[78](\[\^1\]|\^1\^)", text) == ["[^1]", "^1^"]
    assert "The list of proposed as well as final names" in text   # the note, once
    assert text.count("The list of proposed as well as final names") == 1
