"""Redline and compare of the real pairs in ../shared/real/ (last year's resolution against
this year's; a draft against the resolution adopted from its revision): only the real
changes show, none from page breaks, running headers, footnote placement or typesetting
(non-breaking hyphens)."""
from __future__ import annotations

import re

import csv

import pytest

from assembler.compare.redline import build_redline
from assembler.inline import plain
from assembler.numbering import compute_labels
from assembler.readers import import_text

from conftest import ROOT, pandoc_text, run_cli
from test_real_import import REAL

PAIRS = {
    # old, new: {unit: (deleted words, inserted words)}, as read by comparing the two texts
    ("A_RES_79_7", "A_RES_80_4"): {
        "pp6": (["and"], [",", "79/7 of 30 October 2024 and"]),
        "pp8": (["78"], [", 78/7", "79"]),
        "op1": (["78"], ["79"]),
        "op4": (["eightieth"], ["eighty-first"]),
        "op5": (["eightieth"], ["eighty-first"]),
    },
    ("A_80_L.2", "A_RES_80_1"): {
        "pp1": (["grave concern", "person in"], ["concern"]),
        "pp2": (["Deploring", "arbitrarily", "upcoming", "session", "person in", "demanding"],
                ["Regretting", "eightieth session of the", "seeking"]),
        "pp3": ([], ["Taking note of the meeting of the Committee on Relations with the Host "
                     "Country of 12 September 2025, and the statements made therein, including "
                     "the position of the United Nations Legal Counsel,"]),
        "op1.a": (["Head of State"], ["President"]),
        "op1.b": ([], ["meetings of the"]),
        "op1.c": (["Head of State", "person in"], ["President"]),
        "op2": (["delivered by the Head of State"],
                ["referred to in paragraph 1 (a) above, delivered"]),
    },
}


def imported(name: str):
    path = REAL / f"{name}.txt"
    if not path.exists():
        pytest.skip("../shared/real is not beside this checkout")
    return import_text(path.read_text("utf-8"), str(path)).draft


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_redline_shows_only_the_real_changes(pair):
    new = imported(pair[1])
    r = build_redline(imported(pair[0]), new)
    labels = compute_labels(new)   # a cross-reference ("paragraph 1 (a)") prints its number
    found = {}
    for u in r.changed_units():
        ops = [(s.op, plain(s.content, lambda t: labels[t].number).strip())
               for c in u.contents for s in c if s.op != "equal"]
        found[u.unit.id] = ([t for op, t in ops if op == "delete"],
                            [t for op, t in ops if op == "insert"])
    assert found == PAIRS[pair]
    # the footnotes' texts are the same where they are the same, wherever the page put them
    changed_notes = {fid for (side, fid), n in r.notes.items() if side == "new"
                     and any(s.op != "equal" for s in n.contents)}
    assert changed_notes == ({"fn1"} if pair[0] == "A_RES_79_7" else set())


def tracked_redline(old, new, out) -> tuple[str, str]:
    """Redline OLD -> NEW as Word tracked changes; its text accepted and rejected (pandoc)."""
    r = run_cli("redline", old, new, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "5 changed, 0 inserted, 0 deleted, 0 moved, 1 footnote changed" in r.stderr + r.stdout
    return (" ".join(pandoc_text(out, "accept").split()),
            " ".join(pandoc_text(out, "reject").split()))


def test_redline_docx_of_the_cuba_pair_as_word_shows_it(tmp_path):
    accepted, rejected = tracked_redline(REAL / "A_RES_79_7.txt", REAL / "A_RES_80_4.txt",
                                         tmp_path / "cuba.docx")
    assert "eighty-first session the item entitled" in accepted
    assert "eightieth session the item entitled" in rejected
    for furniture in ("2/2", "24-20128", "25-17552"):
        assert furniture not in accepted and furniture not in rejected


def test_compare_table_of_the_real_pairs(tmp_path):
    rows = {}
    for old, new in sorted(PAIRS):
        folder = tmp_path / old
        folder.mkdir()
        for name in (old, new):
            r = run_cli("import", REAL / f"{name}.txt", "-o", folder / f"{name}.draft", "-q")
            assert r.returncode == 0, r.stderr
        out = folder / "compare.csv"
        r = run_cli("compare", folder / f"{old}.draft", folder / f"{new}.draft", "-o", out,
                    "--no-proposals", "--no-concordance")
        assert r.returncode == 0, r.stderr
        rows[old] = list(csv.reader(out.open(encoding="utf-8")))
    for old, new in PAIRS:
        table = rows[old]
        header = table[0]
        change = [i for i, h in enumerate(header) if "change" in h.lower()][-1]
        kinds = [row[change] for row in table[1:]]
        added = 1 if old == "A_80_L.2" else 0
        notes = 1 if old == "A_RES_79_7" else 0  # the footnote's report number
        assert kinds.count("changed") == len(PAIRS[(old, new)]) - added + notes, table
        assert kinds.count("added") == added
        assert kinds.count("deleted") == 0 and kinds.count("moved") == 0


def test_annual_update_from_the_issued_resolution(tmp_path):
    """The penholder's job in the demo: import last year's A/RES as issued, its PDF (it gives the
    committed source), edit it into this year's L-document (committed), and send it with
    Track Changes against the issued text: exactly the edits, as Word tracked changes."""
    drafts = ROOT / "drafts" / "cuba-embargo"
    out = tmp_path / "cuba-embargo" / "res-80-4.draft"
    out.parent.mkdir()
    assert run_cli("import", REAL / "pdf" / "A_RES_80_4.pdf", "-o", out, "-q").returncode == 0
    assert out.read_bytes() == (drafts / "res-80-4.draft").read_bytes()
    accepted, rejected = tracked_redline(REAL / "pdf" / "A_RES_80_4.pdf", drafts / "l-81.draft",
                                         tmp_path / "l-81-track-changes.docx")
    assert "at its eighty-second session;" in accepted and "eighty-second" not in rejected
    assert "79/7 and 80/4, the economic" in accepted and "78/7 and 79/7, the economic" in rejected
    # the L-document's face, its sponsors' "*" note (pandoc numbers it) with it; the
    # resolution's face when every change is rejected
    assert re.search(r"Delegation A:(\[\d+\])? draft resolution", accepted)
    assert "Any changes to the list of sponsors" in accepted
    assert "Any changes to the list of sponsors" not in rejected and "Delegation A" not in rejected
    assert "Resolution adopted by the General Assembly on 29 October 2025" in rejected
    assert "Resolution adopted" not in accepted
