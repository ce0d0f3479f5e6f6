"""Real UN documents (../shared/real/, PyMuPDF text extractions as published) import with the
counts of their INDEX.md, not one character of the body lost or added, and the masthead facts.

The body is checked against this test's own simple reading of each file: the comment header,
the masthead (up to the enacting formula, or the blank lines after the title), the running
headers and footers (the lines around "n/N"), the footnotes (under the rule) and the closing
lines are cut away, and what remains must be the draft printed with its numbers, labels and
footnote marks, whitespace aside.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from assembler.check import check_draft
from assembler.inline import plain
from assembler.numbering import compute_labels
from assembler.readers import import_text

from conftest import ROOT, run_cli

REAL = ROOT.parent / "shared" / "real"
EXTRA = ROOT / "tests" / "real"  # more public texts from the same repository

# symbol: (PP, OP, sub-paragraphs, footnotes incl. "*", annex paragraphs) as INDEX.md counts
# them; annex paragraphs are every printed paragraph of the annex (numbered, lettered,
# headings).
COUNTS = {
    "A_RES_79_7": (8, 5, 0, 1, 0),
    "A_RES_80_4": (8, 5, 0, 1, 0),
    "A_80_L.2": (4, 3, 3, 2, 0),
    "A_RES_80_1": (5, 3, 3, 1, 0),
    "A_RES_80_3": (1, 2, 0, 16, 25 + 3 + 2 + 5),
    "A_C.3_80_L.60": (0, 1, 0, 0, 13 + 13),
    "A_C.3_80_L.57": (0, 2, 0, 0, 0),
    "A_C.3_80_L.58": (0, 1, 0, 1, 0),
    "A_C.3_80_L.61": (0, 2, 0, 0, 0),
    "A_C.3_80_L.62": (0, 1, 0, 0, 0),
    # tests/real/: more texts of the same kind from the same repository
    "A_RES_80_2": (2, 6, 0, 1, 0),
    "A_80_L.7": (4, 5, 0, 4, 0),
    "A_80_L.8": (0, 1, 0, 15, 31 + 13),
}

# Masthead facts as printed on page 1 of each file (read by eye).
MASTHEAD = {
    "A_RES_79_7": dict(stage="adopted", symbol="A/RES/79/7", date="1 November 2024",
                       distribution="General", session="Seventy-ninth session",
                       agenda_items="38", job_number="24-20128",
                       closing="30th plenary meeting / 30 October 2024",
                       **{"adopted-on": "30 October 2024", "adopted-from": "A/79/L.6"}),
    "A_RES_80_4": dict(stage="adopted", symbol="A/RES/80/4", date="31 October 2025",
                       agenda_items="38", closing="22nd plenary meeting / 29 October 2025",
                       **{"adopted-on": "29 October 2025", "adopted-from": "A/80/L.6"}),
    "A_80_L.2": dict(stage="L", symbol="A/80/L.2", date="15 September 2025",
                     distribution="Limited", original_language="English",
                     submitted_by="State of Palestine", agenda_items="7",
                     title="Participation by the State of Palestine during the eightieth session",
                     **{"agenda-titles": "Organization of work, adoption of the agenda and "
                                         "allocation of items", "job-date": "170925"}),
    "A_RES_80_1": dict(stage="adopted", symbol="A/RES/80/1", date="19 September 2025",
                       closing="3rd plenary meeting / 19 September 2025",
                       **{"adopted-from": "A/80/L.2/Rev.1", "adopted-on": "19 September 2025"}),
    "A_RES_80_3": dict(stage="adopted", symbol="A/RES/80/3", title="Awaza Political Declaration",
                       agenda_items="13", closing="18th plenary meeting / 14 October 2025",
                       **{"adopted-from": "A/80/L.4"}),
    "A_C.3_80_L.60": dict(stage="L", symbol="A/C.3/80/L.60", date="16 November 2025",
                          title="Draft programme of work of the Third Committee for the "
                                "eighty-first session of the General Assembly",
                          submitted_by="Draft decision submitted by the Chair of the Committee",
                          agenda_items="121", committee="Third Committee"),
    "A_C.3_80_L.57": dict(stage="L", symbol="A/C.3/80/L.57",
                          submitted_by="United States of America: amendment to revised draft "
                                       "resolution A/C.3/80/L.3/Rev.1"),
    "A_C.3_80_L.58": dict(stage="L", symbol="A/C.3/80/L.58", agenda_items="71 (b)",
                          title="Protection of and assistance to internally displaced persons"),
    "A_C.3_80_L.61": dict(stage="L", symbol="A/C.3/80/L.61", title="Rights of the child",
                          date="14 November 2025"),
    "A_C.3_80_L.62": dict(stage="L", symbol="A/C.3/80/L.62", job_number="25-18530"),
    "A_RES_80_2": dict(stage="adopted", closing="18th plenary meeting / 14 October 2025",
                       **{"main-committee": "Fifth Committee",
                          "adopted-from": "A/80/401, para. 6"}),
    "A_80_L.7": dict(stage="L", submitted_by="Australia", agenda_items="89",
                     **{"sponsors-footnote": "Any changes to the list of sponsors will be "
                                             "reflected in the official record of the meeting."}),
    "A_80_L.8": dict(stage="L", submitted_by="President of the General Assembly",
                     formula="The General Assembly"),
}


def real_files() -> list[Path]:
    return sorted(REAL.glob("*.txt")) + sorted(EXTRA.glob("*.txt"))


@pytest.fixture(scope="module", params=[p.stem for p in real_files()] or ["none"])
def real(request):
    path = next((p for p in real_files() if p.stem == request.param), None)
    if path is None:
        pytest.skip("../shared/real is not beside this checkout")
    text = path.read_text("utf-8")
    return request.param, text, import_text(text, str(path))


# ------------------------------------------------------------------ the test's own reading

def header(text: str) -> dict[str, str]:
    """'# document: A/RES/79/7, Title, 1 November 2024' -> symbol, title."""
    m = re.search(r"^# document: ([^,]+), (.*), (\d{1,2} \w+ \d{4})$", text, re.M)
    return {"symbol": m.group(1), "title": re.sub(r" \(amendment\)$", "", m.group(2)),
            "date": m.group(3)}


def own_reading(text: str) -> tuple[str, list[str]]:
    """(body without whitespace, footnote texts without whitespace), read simply."""
    lines = [l.strip() for l in text.split("\n")]
    lines = lines[next(i for i, l in enumerate(lines) if l == "# ----") + 1:]
    facts = header(text)
    symbol = facts["symbol"]
    squash = lambda s: re.sub(r"[\s\u2010\u2011-]+", "", s).lower()  # noqa: E731
    title = squash(facts["title"])
    # masthead: to the formula; without one, to the first two blank lines after the title
    formula = next((i for i, l in enumerate(lines) if re.match(r"^The General Assembly,?$", l)),
                   None)
    if formula is not None:
        start = formula
    else:
        seen, start = "", 0
        for i, l in enumerate(lines):
            seen += squash(l)
            if title[:30] in seen and not l and not lines[i + 1]:
                start = i
                break
        assert start, "the test found no title block"
    body, notes = [], []
    in_notes = False
    i = start
    while i < len(lines):
        l = lines[i]
        near_page = any(re.match(r"^\d+/\d+$", x) for x in lines[max(0, i - 5):i + 6])
        if near_page and (l == symbol or re.match(r"^\d+/\d+$|^\d\d-\d{5}$", l)
                          or (len(l) > 8 and squash(l) in title)):
            in_notes = False
            i += 1
            continue
        if re.match(r"^_{5,}$", l):
            in_notes = True
        elif re.match(r"^\d+(st|nd|rd|th) plenary meeting$", l):
            i += 2
            continue
        elif in_notes or (l.startswith("* ") and not any(lines[i + 1:])):
            m = re.match(r"^(\d+|\*)\s+(.*)$", l)
            if m:
                notes.append(m.group(2))
            elif l:
                notes[-1] += l
        else:
            body.append(l)
        i += 1
    return squash("".join(body)), [squash(n) for n in notes]


def printed(draft) -> str:
    """The draft as the page prints it: numbers, labels, footnote marks, no whitespace."""
    labels = compute_labels(draft)
    marks = {fn.id: (fn.id[2:] if fn.id != "fn-star" else "*") for fn in draft.footnotes}
    note = lambda fid: marks[fid]  # noqa: E731
    number = lambda uid: labels[uid].number  # noqa: E731  (a cross-reference prints its number)
    out = [draft.metadata.formula]
    for unit in draft.units():
        if unit.kind in ("pp", "op", "sub", "heading"):
            out.append(labels[unit.id].mark + plain(unit.content, number, note=note))
        elif unit.kind == "annex":
            out.append(plain(unit.title))
        elif unit.kind == "p":
            out.append(plain(unit.content, number, note=note))
    return re.sub(r"[\s\u2010\u2011-]+", "", "".join(out)).lower()


# ------------------------------------------------------------------ tests

def test_counts_as_in_the_index(real):
    name, _, result = real
    d = result.draft
    subs = sum(1 for u in d.units() if u.kind == "sub")
    notes = len(d.footnotes) + bool(d.metadata.get("sponsors-footnote"))
    annex = sum(len(a.body) for a in d.annexes)
    assert (len(d.preambular_paragraphs()), len(d.operative_paragraphs()), subs, notes, annex) == COUNTS[name]


def test_no_body_character_lost_or_added(real):
    name, text, result = real
    body, notes = own_reading(text)
    assert printed(result.draft) == body
    squash = lambda s: re.sub(r"[\s\u2010\u2011-]+", "", s).lower()  # noqa: E731
    found = [squash(plain(fn.content)) for fn in result.draft.footnotes]
    sponsors = result.draft.metadata.get("sponsors-footnote")
    assert sorted(found + ([squash(sponsors)] if sponsors else [])) == sorted(notes)


def test_masthead_facts(real):
    name, text, result = real
    meta = result.draft.metadata
    for key, value in MASTHEAD[name].items():
        assert meta.get(key.replace("_", "-")) == value, key
    assert meta.symbol == header(text)["symbol"]
    assert meta.date == header(text)["date"]


def test_check_accepts_the_import(real):
    _, _, result = real
    assert [f for f in check_draft(result.draft) if f.problem] == []


def test_every_guess_is_a_warning_with_page_and_line(real):
    name, _, result = real
    located = [w for w in result.warnings if w.line]
    assert located and all(re.match(r"^page \d+: ", w.message) or "comment header" in w.message
                           for w in located)


def test_paragraph_joined_across_the_page_says_so():
    text = (REAL / "A_RES_79_7.txt").read_text("utf-8")
    result = import_text(text, "A_RES_79_7.txt")
    pp6 = plain(result.draft.preamble[5].content)
    assert "54/21 of 9 November 1999, 55/20" in pp6 and "2/2" not in pp6
    assert any("broken across the page" in w.message and w.message.startswith("page 2")
               for w in result.warnings)


def test_line_end_hyphen_joins_without_space():
    result = import_text((REAL / "A_RES_80_3.txt").read_text("utf-8"), "x.txt")
    words = " ".join(plain(p.content) for a in result.draft.annexes for p in a.body)
    assert "renewed and action-oriented framework" in words
    assert "action- oriented" not in words
    l60 = import_text((REAL / "A_C.3_80_L.60.txt").read_text("utf-8"), "x.txt")
    assert "eighty-first session of the General" in l60.draft.metadata.title


def test_markers_found_in_order_without_false_hits():
    result = import_text((REAL / "A_RES_80_3.txt").read_text("utf-8"), "x.txt")
    d = result.draft
    order = [r.footnote for u in d.units() for r in getattr(u, "content", ())
             if type(r).__name__ == "FootnoteRef"]
    assert order == [f"fn{n}" for n in range(1, 17)]
    text = " ".join(plain(p.content) for a in d.annexes for p in a.body)
    assert "Decade 2014–2024 and provides" in text      # "2014–20243": marker 3 fused to a year
    assert "from 5 to 8 August 2025" in text            # not marker 5
    assert "International Year of Peace and Trust, and" in text


def test_import_cli_summary_and_check(tmp_path):
    out = tmp_path / "cuba" / "res-79-7.draft"
    out.parent.mkdir()
    r = run_cli("import", REAL / "A_RES_79_7.txt", "-o", out)
    assert r.returncode == 0, r.stderr
    assert ("adopted A/RES/79/7, 8 preambular, 5 operative paragraphs, 0 sub-paragraphs, "
            "1 footnote, 0 annexes with 0 paragraphs") in r.stderr + r.stdout
    assert run_cli("check", out).returncode == 0
    out3 = tmp_path / "cuba" / "res-80-3.draft"
    r = run_cli("import", REAL / "A_RES_80_3.txt", "-o", out3)
    assert "16 footnotes, 1 annex with 35 paragraphs" in r.stderr + r.stdout


def test_text_that_is_no_un_document_imports_as_text_with_a_warning(tmp_path):
    src = tmp_path / "notes.txt"
    src.write_text("Shopping list\n\nBread and butter for the week.\n\nCall the plumber about "
                   "the sink.\n", "utf-8")
    out = tmp_path / "x" / "notes.draft"
    out.parent.mkdir()
    r = run_cli("import", src, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "does not read as a UN document" in r.stderr
    assert run_cli("check", out).returncode == 0


@pytest.mark.parametrize("content", ["", "\n\n   \n", "____________\n"])
def test_empty_text_is_refused_in_one_line(tmp_path, content):
    src = tmp_path / "empty.txt"
    src.write_text(content, "utf-8")
    out = tmp_path / "x" / "empty.draft"
    out.parent.mkdir()
    r = run_cli("import", src, "-o", out)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not out.exists()
