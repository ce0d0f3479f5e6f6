"""Resolutions in parts, as the Fifth Committee's are printed: A/RES/78/247 ("I" and "II",
each with its own preambular paragraphs, each part's paragraphs numbered from 1 again) and
A/RES/79/281 (two preambular paragraphs for the whole, then parts I and II; part II's single
operative paragraph has no number). Both from the development corpus, PDF and text layer.

Counts established by reading the text layers (tests/fixtures/corpus/*.txt) beside the PDFs:
78/247: part I 2 PP + OP 1-10, part II 2 PP + OP 1-2, footnotes 1-2.
79/281: 2 PP; part I 1 PP + OP 1-19; part II 1 PP + 1 unnumbered OP; footnotes 1-5."""
from __future__ import annotations

import re
import zipfile
import pytest

from assembler.akn.export import export_akn
from assembler.amendments.prose import prose_to_changes
from assembler.amendments.targets import UnitIndex
from assembler.errors import AssemblerError
from assembler.inline import plain
from assembler.model import Heading
from assembler.numbering import compute_labels
from assembler.readers import read_any
from assembler.readers.akn import read_akn
from assembler.readers.docx import read_docx_draft
from assembler.source.reader import parse_draft
from assembler.source.writer import dump_draft
from assembler.survey.checks import judge
from assembler.writers.docx.draft import build_docx
from assembler.writers.html.draft import build_html
from assembler.writers.text.draft import build_text

from conftest import CORPUS

# (document, [(part numeral, title start, PPs, printed OP marks)], PPs before the parts, notes)
TRUTH = {
    "A_RES_78_247": ([("I", "Activities of the Office of Internal Oversight", 2,
                       [f"{n}." for n in range(1, 11)]),
                      ("II", "Activities of the Independent Audit Advisory", 2, ["1.", "2."])],
                     0, 2),
    "A_RES_79_281": ([("I", "Report of the Joint Inspection Unit", 1,
                       [f"{n}." for n in range(1, 20)]),
                      ("II", "Review of consideration of and action taken", 1, [""])],
                     2, 5),
}


def _parts(draft):
    """What a reader made of a draft in parts: the units before the first part, then each
    part's (numeral, title, PPs, OP marks)."""
    labels = compute_labels(draft)
    before, parts = 0, []
    for unit in draft.preamble + draft.operative:
        if isinstance(unit, Heading) and unit.part:
            parts.append((labels[unit.id].mark, plain(unit.content), 0, []))
        elif unit.kind == "pp" and not parts:
            before += 1
        elif unit.kind == "pp":
            parts[-1] = parts[-1][:2] + (parts[-1][2] + 1, parts[-1][3])
        elif unit.kind == "op":
            parts[-1][3].append(labels[unit.id].mark)
    return before, parts


@pytest.mark.parametrize("name", sorted(TRUTH))
@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
def test_each_part_with_its_own_preamble_and_numbers_read_and_judged_exact(name, suffix):
    result = read_any(CORPUS / f"{name}{suffix}")
    draft = result.draft
    parts, before, notes = TRUTH[name]
    got_before, got = _parts(draft)
    assert got_before == before
    assert [(m, pps, marks) for m, _, pps, marks in got] == \
        [(m, pps, marks) for m, _, pps, marks in parts]
    for (_, title, _, _), (_, want, _, _) in zip(got, parts):
        assert title.startswith(want)
        assert not re.match(r"^[IVX]+\b", title)  # the numeral is computed, not text
    assert len(draft.footnotes) == notes
    findings = judge(draft, result.reading)
    assert not findings, [f.message for f in findings]


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_the_pdf_and_its_text_layer_read_alike(name):
    """Unit for unit and word for word. The text layer keeps the narrow no-break spaces
    ("22\u202fDecember") the page sets as spaces, and only the page knows how far an
    italic lead runs ("Reiterates its request", A/RES/79/281)."""
    def units(suffix):
        draft = read_any(CORPUS / f"{name}{suffix}").draft
        return [(u.id, u.kind, getattr(u, "part", False),
                 " ".join(plain(u.content).replace("\u202f", " ").split()))
                for u in draft.units() if hasattr(u, "content")]
    assert units(".pdf") == units(".txt")


def test_a_misplaced_restart_is_caught_by_the_numbers_check():
    """The check compares each printed number with the part's count: a part heading the
    reader invented (numbers printed 11, 12 read as 1, 2) would not come out exact."""
    result = read_any(CORPUS / "A_RES_78_247.txt")
    marks = result.reading.marks
    op11 = next(u for u in result.draft.operative if u.kind == "op" and u.id == "op11")
    assert marks[op11.id].text == "1"
    marks[op11.id] = marks[op11.id].__class__(marks[op11.id].kind, "11", marks[op11.id].index)
    findings = judge(result.draft, result.reading)
    assert any("numbers it 11, its place 1" in f.message for f in findings), findings


def _draft():
    return read_any(CORPUS / "A_RES_78_247.pdf").draft


def test_every_writer_prints_the_parts_and_every_reader_reads_them_back(tmp_path):
    draft = _draft()
    # the draft source
    assert "{#h2 part}" in dump_draft(draft)
    again, _ = parse_draft(dump_draft(draft))
    assert again.preamble == draft.preamble and again.operative == draft.operative
    # Word: our reader reads the part back from its bookmark; the numeral on its own line
    (tmp_path / "d.docx").write_bytes(build_docx(draft))
    back = read_docx_draft(tmp_path / "d.docx").draft
    assert back.preamble == draft.preamble and back.operative == draft.operative
    with zipfile.ZipFile(tmp_path / "d.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count("_upt_") == 2
    # Word counts part II from 1 again: two operative lists (two w:num ids used)
    used = set(re.findall(r'<w:numId w:val="(\d+)"/>', xml))
    assert len(used) >= 2
    # Akoma Ntoso: part II a <part> with its num and its preambular paragraphs
    (tmp_path / "d.xml").write_bytes(export_akn(draft))
    akn = (tmp_path / "d.xml").read_text("utf-8")
    assert 'eId="part_II"' in akn and 'eId="part_II__para_1"' in akn
    assert len(set(re.findall(r'eId="([^"]+)"', akn))) == len(re.findall(r'eId="', akn))
    back = read_akn(tmp_path / "d.xml").draft
    assert back.preamble == draft.preamble and back.operative == draft.operative
    # text and HTML: "II" over its title, the numbers from 1 again
    text = build_text(draft).decode("utf-8")
    at = text.index("Activities of the Independent Audit Advisory Committee")
    assert text[:at].rstrip().splitlines()[-1].strip() == "II"
    assert "1.  Notes with appreciation" in text[at:]
    html = build_html(draft).decode("utf-8")
    assert 'class="heading part"' in html and ">II<br>" in html


def test_amendments_name_a_part_and_are_said_back_with_it():
    draft = _draft()
    index = UnitIndex(draft)
    assert index.resolve("section II, paragraph 1") == index.resolve("OP II.1") == "op11"
    assert index.resolve("section I, operative paragraph 1") == "op1"
    assert index.resolve("PP II.2") == "pp4"
    assert index.resolve("OP 1") is None  # one number in each part: which?
    assert "name the part" in index.describe_missing("OP 1")
    assert index.label_of("op11") == "operative paragraph 1 of section II"
    [change] = prose_to_changes("In operative paragraph 1 of section II, after “Notes with” "
                                "insert “deep”.", index)
    assert change.target == "op11"
    [change] = prose_to_changes("Insert a new preambular paragraph after the second "
                                "preambular paragraph of section II, reading: “Noting the "
                                "importance of independent oversight,”.", index)
    assert (change.target, change.position, change.unit) == ("pp4", "after", "pp")
    with pytest.raises(AssemblerError, match="name the part"):
        prose_to_changes("Delete operative paragraph 2.", index)


def test_a_redline_between_versions_in_parts_is_exact_both_ways(tmp_path):
    """Delete OP I.3, add a preambular paragraph to part II, change OP II.1: `diff` says it
    naming the parts, and the Word redline accepted and rejected (pandoc) gives each
    version's words."""
    import pypandoc
    from conftest import run_cli
    old = dump_draft(_draft())
    new = old.replace("*Notes with appreciation* the work",
                      "*Notes with deep appreciation* the valuable work")
    new = "\n".join(l for l in new.split("\n") if "{#op3}" not in l)
    pp4 = next(l for l in new.split("\n") if l.endswith("{#pp4}"))
    new = new.replace(pp4, pp4 + "\n\npp *Noting* the importance of independent oversight, "
                                  "{#pp5}")
    (tmp_path / "old.draft").write_text(old, "utf-8")
    (tmp_path / "new.draft").write_text(new, "utf-8")
    said = run_cli("diff", tmp_path / "old.draft", tmp_path / "new.draft")
    assert said.returncode == 0, said.stderr
    assert "Delete operative paragraph 3 of section I." in said.stdout
    assert "after the second preambular paragraph of section II" in said.stdout
    assert "In operative paragraph 1 of section II" in said.stdout
    red = tmp_path / "r.docx"
    assert run_cli("redline", tmp_path / "old.draft", tmp_path / "new.draft", "-o",
                   red).returncode == 0
    for version in ("old", "new"):
        assert run_cli("build", tmp_path / f"{version}.draft", "-o",
                       tmp_path / f"{version}.docx").returncode == 0

    def words(path, *args):
        text = pypandoc.convert_file(str(path), "plain", extra_args=list(args))
        return [w for w in text.split() if not re.fullmatch(r"\d+\.", w)]  # Word's numbers
    assert words(red, "--track-changes=accept") == words(tmp_path / "new.docx")
    assert words(red, "--track-changes=reject") == words(tmp_path / "old.docx")


# A/RES/79/258 (the programme budget's special subjects): 25 parts. Counted from its text
# layer line by line, apart from this project: each part's numbered paragraphs; parts XIX to
# XXIV print one paragraph each, without a number.
BUDGET = [2, 12, 11, 4, 5, 5, 2, 38, 5, 8, 3, 24, 12, 16, 15, 13, 31, 4, 0, 0, 0, 0, 0, 0, 2]


def test_a_budget_resolution_in_twenty_five_parts():
    result = read_any(CORPUS / "A_RES_79_258.pdf")
    before, parts = _parts(result.draft)
    assert [m for m, _, _, _ in parts] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"]
    for (numeral, _, _, marks), count in zip(parts, BUDGET):
        assert marks == ([f"{n}." for n in range(1, count + 1)] if count else [""]), numeral
    # part XXV's "Recalls its resolution 78/253, ...," closes with a comma before its "1.":
    # a preambular paragraph, though its lead reads as a verb
    assert parts[-1][2] == 1
    findings = judge(result.draft, result.reading)
    assert not findings, [f.message for f in findings]
    # the text layer reads the same parts, and says the one thing it cannot tell alone: its
    # note 31 run into "55/28" ("55/2831"), a figure the text prints nowhere else
    text = read_any(CORPUS / "A_RES_79_258.txt")
    assert _parts(text.draft) == (before, parts)
    said = [f.message for f in judge(text.draft, text.reading)]
    assert len(said) == 1 and "footnote 31" in said[0] and "the PDF's superscript" in said[0]


def test_a_resolution_printed_without_its_enacting_formula_keeps_its_preamble():
    """A/RES/78/225 prints no "The General Assembly,": its eight paragraphs before "1."
    open with preambular leads ("Reaffirming", "Recalling", "Bearing in mind", "Underscoring",
    "Noting") and close with commas; they are its preamble, and the reader says why."""
    for suffix in (".pdf", ".txt"):
        result = read_any(CORPUS / f"A_RES_78_225{suffix}")
        draft = result.draft
        assert not draft.metadata.formula
        assert [plain(p.content).split()[0] for p in draft.preambular_paragraphs()] == [
            "Reaffirming", "Recalling", "Recalling", "Recalling", "Bearing", "Underscoring",
            "Noting", "Noting"]
        assert len(draft.operative_paragraphs()) == 15
        assert any("no enacting formula printed" in w.message for w in result.warnings)
        assert not judge(draft, result.reading)


def test_a_masthead_that_cannot_print_again_is_not_exact():
    """An adoption line broken before its date once left "adopted-by: General Assembly on"
    and no date, silently; the survey now builds the face from what it read."""
    from dataclasses import replace
    result = read_any(CORPUS / "A_RES_78_247.txt")
    assert result.draft.metadata.get("adopted-on") == "22 December 2023"
    assert result.draft.metadata.get("adopted-by") == "General Assembly"
    meta = result.draft.metadata.with_values(adopted_on="")
    broken = replace(result.draft, metadata=replace(meta, extra=tuple(
        (k, v) for k, v in meta.extra if k != "adopted-on")))
    said = [f.message for f in judge(broken, result.reading)]
    assert any("cannot be printed again" in m and "adopted-on" in m for m in said), said


def test_parts_and_sections_over_paragraphs_whose_count_goes_on():
    """A/RES/79/257 heads its later paragraphs "Part I", "Section 1" ... "Section 35" as the
    budget does, then two "Income section" headings, and numbers them on from 34 to 78 (34
    headings, counted in its text layer): headings among the operative paragraphs, not
    parts whose count starts again."""
    result = read_any(CORPUS / "A_RES_79_257.pdf")
    draft = result.draft
    labels = compute_labels(draft)
    heads = [plain(u.content) for u in draft.operative if isinstance(u, Heading)]
    assert len(heads) == 34 and not any(u.part for u in draft.operative if u.kind == "heading")
    assert heads[:2] == ["Part I Overall policymaking, direction and coordination",
                         "Section 1 Overall policymaking, direction and coordination"]
    assert [labels[op.id].mark for op in draft.operative_paragraphs()] == \
        [f"{n}." for n in range(1, 79)]
    assert not judge(draft, result.reading)
