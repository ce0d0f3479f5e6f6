"""LibreOffice itself, driven through Python-UNO (Debian's python3-uno, run by the system
python3 in tests/uno_paragraphs.py): accepting every tracked change of a redline gives the
new version, numbers included, and rejecting every change the old one; a paragraph a
delegate inserts in Word renumbers the paragraphs after it."""
from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from conftest import CORPUS, ROOT
from assembler.compare.authors import attribution_from
from assembler.compare.redline import build_redline, default_who
from assembler.numbering import compute_labels
from assembler.readers.docx import read_docx_draft
from assembler.source import load_draft
from assembler.writers.docx.draft import build_docx
from assembler.writers.docx.redline import build_redline_docx

pytestmark = pytest.mark.slow
DRAFTS = ROOT / "drafts" / "gcm-modalities"
SYSTEM_PYTHON = "/usr/bin/python3"


def uno_available() -> bool:
    if not shutil.which("soffice") or not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


def libreoffice(tmp: Path, *jobs: tuple[Path, str]) -> dict[tuple[Path, str], dict]:
    """What LibreOffice shows of each file (as-is, or after accepting or rejecting every
    tracked change): its paragraphs as [label, text] and how many tracked changes remain."""
    if not uno_available():
        pytest.skip("LibreOffice with python3-uno is not installed (make sysdeps)")
    args = [f"{path}:{mode}" for path, mode in jobs]
    run = subprocess.run([SYSTEM_PYTHON, str(ROOT / "tests" / "uno_paragraphs.py"),
                          str(tmp / "lo-profile"), *args],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    return {job: out[arg] for job, arg in zip(jobs, args)}


def numbered(paragraphs: list) -> list[tuple[str, str]]:
    """(label, first words) of every numbered paragraph, in order."""
    return [(label, " ".join(text.split()[:6])) for label, text in paragraphs if label]


def expected_labels(draft) -> list[str]:
    labels = compute_labels(draft)
    return [lab.mark for lab in labels.values() if lab.kind in ("op", "sub") and lab.mark]


def test_rev1_redline_accepted_is_rev1_and_rejected_is_the_first_draft(tmp_path):
    first, rev1 = load_draft(DRAFTS / "first-draft.draft"), load_draft(DRAFTS / "rev1.draft")
    red = tmp_path / "redline.docx"
    red.write_bytes(build_redline_docx(build_redline(
        first, rev1, attribution=attribution_from(rev1, default_who(rev1)))))
    old, new = tmp_path / "first.docx", tmp_path / "rev1.docx"
    old.write_bytes(build_docx(first))
    new.write_bytes(build_docx(rev1))
    seen = libreoffice(tmp_path, (red, "accept"), (red, "reject"), (new, "as-is"), (old, "as-is"))
    accepted, rejected = seen[(red, "accept")], seen[(red, "reject")]
    assert accepted["changes"] == 0 and rejected["changes"] == 0
    # every numbered paragraph, label and words, as LibreOffice shows each version built alone
    assert numbered(accepted["paragraphs"]) == numbered(seen[(new, "as-is")]["paragraphs"])
    assert numbered(rejected["paragraphs"]) == numbered(seen[(old, "as-is")]["paragraphs"])
    # and those labels are the ones each version prints
    assert [lab for lab, _ in numbered(accepted["paragraphs"])] == expected_labels(rev1)
    assert [lab for lab, _ in numbered(rejected["paragraphs"])] == expected_labels(first)
    # the whole text too (the masthead's changed lines included)
    body = lambda ps: [(lab, " ".join(t.split())) for lab, t in ps if t.strip()]  # noqa: E731
    assert body(accepted["paragraphs"]) == body(seen[(new, "as-is")]["paragraphs"])
    assert body(rejected["paragraphs"]) == body(seen[(old, "as-is")]["paragraphs"])


def insert_after(path: Path, out: Path, words: str, track: bool) -> None:
    """A delegate in Word puts the cursor at the end of OP 3 and presses Enter: the new
    paragraph has OP 3's paragraph properties (its numbering), then types `words`."""
    d = docx.Document(str(path))
    op3 = next(p for p in d.paragraphs if p.text.startswith("Reaffirms") or
               p._p.pPr is not None and p._p.pPr.numPr is not None and
               p.text.startswith(("Decides also that the conference", "Also decides")))
    new = copy.deepcopy(op3._p)
    for child in list(new):
        if child.tag != new.pPr.tag:
            new.remove(child)
    op3._p.addnext(new)
    para = docx.text.paragraph.Paragraph(new, op3._parent)
    run = para.add_run(words)
    if track:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        ins = OxmlElement("w:ins")
        ins.set(qn("w:id"), "9001")
        ins.set(qn("w:author"), "Delegation A")
        ins.set(qn("w:date"), "2017-01-20T00:00:00Z")
        run._r.addprevious(ins)
        ins.append(run._r)
        rpr = new.pPr.get_or_add_rPr() if hasattr(new.pPr, "get_or_add_rPr") else None
        mark = OxmlElement("w:ins")
        mark.set(qn("w:id"), "9002")
        mark.set(qn("w:author"), "Delegation A")
        mark.set(qn("w:date"), "2017-01-20T00:00:00Z")
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            new.pPr.append(rpr)
        rpr.append(mark)
    d.save(str(out))


@pytest.mark.parametrize("track", [False, True])
def test_a_paragraph_inserted_in_word_renumbers_what_follows(tmp_path, track):
    first = load_draft(DRAFTS / "first-draft.draft")
    built, edited = tmp_path / "first.docx", tmp_path / "edited.docx"
    built.write_bytes(build_docx(first))
    words = "Decides to review these modalities at its seventy-third session;"
    insert_after(built, edited, words, track)
    jobs = [(built, "as-is"), (edited, "accept" if track else "as-is")]
    if track:
        jobs.append((edited, "reject"))
    seen = libreoffice(tmp_path, *jobs)
    before = numbered(seen[(built, "as-is")]["paragraphs"])
    after = numbered(seen[jobs[1]]["paragraphs"])
    ops_before = [(lab, t) for lab, t in before if lab[:-1].isdigit()]
    ops_after = [(lab, t) for lab, t in after if lab[:-1].isdigit()]
    k = next(i for i, (_, t) in enumerate(ops_after) if t.startswith("Decides to review"))
    assert ops_after[k][0] == f"{k + 1}."
    # the paragraphs after it moved up by one; those before kept their numbers
    assert ops_after[:k] == ops_before[:k]
    assert [t for _, t in ops_after[k + 1:]] == [t for _, t in ops_before[k:]]
    assert [lab for lab, _ in ops_after[k + 1:]] == [f"{n}." for n in range(k + 2, len(ops_after) + 1)]
    if track:
        assert numbered(seen[(edited, "reject")]["paragraphs"]) == before
    # and the importer reads the new paragraph as an operative paragraph, the rest by id
    back = read_docx_draft(edited.read_bytes()).draft if not track else None
    if back is not None:
        ops = [o for o in back.operative if hasattr(o, "children")]
        assert len(ops) == len(first.operative_paragraphs()) + 1
        assert ops[k].content and "review these modalities" in "".join(
            getattr(i, "text", "") for i in ops[k].content)
        assert [o.id for o in ops[:k]] == [o.id for o in first.operative_paragraphs()[:k]]


def test_a_numbering_change_is_tracked_so_rejecting_it_gives_the_old_label(tmp_path):
    """A lone operative paragraph has no number; when a second one is inserted before it, it
    becomes "2.": the redline tracks that as a change of paragraph properties (w:pPrChange),
    so LibreOffice's reject-all gives the unnumbered paragraph back."""
    from dataclasses import replace
    first = load_draft(DRAFTS / "first-draft.draft")
    ops = first.operative_paragraphs()
    one = replace(first, operative=(ops[1],))
    two = replace(first, operative=(ops[2], ops[1]))
    red = tmp_path / "redline.docx"
    red.write_bytes(build_redline_docx(build_redline(one, two)))
    seen = libreoffice(tmp_path, (red, "accept"), (red, "reject"))
    accepted = numbered(seen[(red, "accept")]["paragraphs"])
    assert [lab for lab, _ in accepted] == ["1.", "2."]
    assert accepted[1][1].startswith("Underlines further")
    rejected = seen[(red, "reject")]["paragraphs"]
    assert numbered(rejected) == []
    assert any(text.startswith("Underlines further") for _, text in rejected)


CUBA = ROOT / "drafts" / "cuba-embargo"


def _l_rev(tmp: Path) -> Path:
    """l-81 revised: its L/Rev.1 face, a second sponsor, a new date (fictional, as l-81)."""
    text = (CUBA / "l-81.draft").read_text("utf-8")
    text = text.replace("stage: L\n", "stage: L-rev\n").replace(
        "symbol: A/81/L.6\n", "symbol: A/81/L.6/Rev.1\n").replace(
        "submitted-by: Delegation A\n", "submitted-by: Delegation A and Delegation B\n").replace(
        "date: 21 October 2026\n", "date: 27 October 2026\n").replace(
        "version: l-81\n", "version: l-81-rev1\n")
    path = tmp / "l-81-rev1.draft"
    path.write_text(text, "utf-8")
    return path


def test_a_face_change_is_tracked_whole(tmp_path):
    """A/RES to L (the penholder's annual update), L to A/RES and L to L/Rev.: accepting
    every change gives the new document and rejecting every change the old one, masthead,
    running headers and footers and closing formula included; the changes are the new
    version's sponsor's."""
    from conftest import run_cli
    drafts = {"res": CUBA / "res-80-4.draft", "l": CUBA / "l-81.draft", "rev": _l_rev(tmp_path)}
    built = {}
    for name, path in drafts.items():
        built[name] = tmp_path / f"{name}.docx"
        assert run_cli("build", path, "-o", built[name]).returncode == 0
    jobs, pairs = [], []
    for old, new in (("res", "l"), ("l", "res"), ("l", "rev")):
        red = tmp_path / f"{old}-{new}.docx"
        r = run_cli("redline", drafts[old], drafts[new], "-o", red)
        assert r.returncode == 0, r.stderr
        authors = {el.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}author")
                   for el in docx.Document(str(red)).element.iter(
                       "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ins")}
        sponsor = load_draft(drafts[new]).metadata.get("submitted-by") or "Co-facilitators"
        assert authors == {sponsor}, (old, new, authors)
        jobs += [(red, "accept"), (red, "reject")]
        pairs.append((red, built[new], built[old]))
    jobs += [(p, "as-is") for p in built.values()]
    seen = libreoffice(tmp_path, *jobs)
    for red, new, old in pairs:
        accepted, rejected = seen[(red, "accept")], seen[(red, "reject")]
        assert accepted["changes"] == 0 and rejected["changes"] == 0
        assert _whole(accepted) == _whole(seen[(new, "as-is")]), red.name
        assert _whole(rejected) == _whole(seen[(old, "as-is")]), red.name
    # the faces do differ: the test would see a change left untracked
    assert _whole(seen[(built["res"], "as-is")]) != _whole(seen[(built["l"], "as-is")])


def _whole(view) -> tuple:
    """A document as LibreOffice shows it: its paragraphs' words, and its running headers
    and footers."""
    texts = [" ".join(t.split()) for t in view["whole"] if t.strip()]
    furniture = sorted({tuple(" ".join(t.split()) for t in v if t.strip())
                        for v in view["furniture"].values()})
    return texts, furniture


def test_the_penholders_track_changes_file_of_the_demo_gives_both_documents(tmp_path):
    """The penholder's file as `make demo` makes it: the redline from the UN's own PDF of
    A/RES/80/4 to this year's L-document (drafts/cuba-embargo/l-81.draft). LibreOffice's
    accept-all is the L-document built alone, reject-all the resolution read from the PDF
    and built alone, masthead, running headers and footers and closing included."""
    from conftest import run_cli
    pdf = ROOT.parent / "shared" / "real" / "pdf" / "A_RES_80_4.pdf"
    res = tmp_path / "res.draft"
    assert run_cli("import", pdf, "-o", res).returncode == 0
    built = {}
    for name, path in (("res", res), ("l", CUBA / "l-81.draft")):
        built[name] = tmp_path / f"{name}.docx"
        assert run_cli("build", path, "-o", built[name]).returncode == 0
    red = tmp_path / "l-81-track-changes.docx"
    r = run_cli("redline", pdf, CUBA / "l-81.draft", "-o", red)
    assert r.returncode == 0, r.stderr
    seen = libreoffice(tmp_path, (red, "accept"), (red, "reject"), (built["res"], "as-is"),
                       (built["l"], "as-is"))
    assert seen[(red, "accept")]["changes"] == 0 and seen[(red, "reject")]["changes"] == 0
    assert _whole(seen[(red, "accept")]) == _whole(seen[(built["l"], "as-is")])
    assert _whole(seen[(red, "reject")]) == _whole(seen[(built["res"], "as-is")])


def test_a_redline_of_a_resolution_in_parts_counts_each_part_from_one(tmp_path):
    """A/RES/78/247 (development corpus, tests/fixtures/corpus): OP 3 of part I deleted, OP 1
    of part II changed. LibreOffice counts part II from 1 again in every view, and accepting
    or rejecting every change gives each version's labels and words."""
    from assembler.readers import read_any
    from assembler.source.reader import parse_draft
    from assembler.source.writer import dump_draft
    old = read_any(CORPUS / "A_RES_78_247.pdf").draft
    text = dump_draft(old).replace("*Notes with appreciation* the work",
                                   "*Notes with deep appreciation* the work")
    new, _ = parse_draft("\n".join(l for l in text.split("\n") if "{#op3}" not in l))
    red = tmp_path / "redline.docx"
    red.write_bytes(build_redline_docx(build_redline(old, new)))
    old_docx, new_docx = tmp_path / "old.docx", tmp_path / "new.docx"
    old_docx.write_bytes(build_docx(old))
    new_docx.write_bytes(build_docx(new))
    seen = libreoffice(tmp_path, (red, "accept"), (red, "reject"), (new_docx, "as-is"),
                       (old_docx, "as-is"))
    accepted, rejected = seen[(red, "accept")], seen[(red, "reject")]
    assert numbered(accepted["paragraphs"]) == numbered(seen[(new_docx, "as-is")]["paragraphs"])
    assert numbered(rejected["paragraphs"]) == numbered(seen[(old_docx, "as-is")]["paragraphs"])
    assert [lab for lab, _ in numbered(accepted["paragraphs"])] == expected_labels(new)
    assert [lab for lab, _ in numbered(rejected["paragraphs"])] == expected_labels(old)
    assert expected_labels(new)[-2:] == ["1.", "2."]  # part II counts from 1 again
    assert ("1.", "Notes with deep appreciation the work") in numbered(accepted["paragraphs"])


def test_a_reference_to_a_sub_paragraph_follows_its_paragraph_both_ways(tmp_path):
    """ "paragraph 19 (a)" is OP 19's counted number and the letters after it: a delegate's
    paragraph inserted before OP 19 renumbers the reference with no mark, and LibreOffice's
    accept-all and reject-all of the redline print each version's number."""
    text = (DRAFTS / "first-draft.draft").read_text("utf-8")
    source = tmp_path / "first.draft"
    source.write_text(text.replace("outlined in paragraph [@op19] that",
                                   "outlined in paragraph [@op19.a] that"), "utf-8")
    first = load_draft(source)
    built, edited, red = tmp_path / "first.docx", tmp_path / "edited.docx", tmp_path / "red.docx"
    built.write_bytes(build_docx(first))
    insert_after(built, edited, "Decides to review these modalities at its seventy-third session;",
                 track=True)
    new = read_docx_draft(edited.read_bytes()).draft
    red.write_bytes(build_redline_docx(build_redline(first, new)))
    seen = libreoffice(tmp_path, (red, "accept"), (red, "reject"), (edited, "as-is"))

    def reference(job) -> str:
        para = next(t for _, t in seen[job]["paragraphs"] if t.startswith("present inputs"))
        return para.split("outlined in ")[1].split(" that")[0]
    assert reference((red, "accept")) == "paragraph 20 (a)"
    assert reference((red, "reject")) == "paragraph 19 (a)"
    assert reference((edited, "as-is")) == "paragraph 20 (a)"  # LibreOffice counts on opening
    # and the redline marks the new paragraph only
    d = docx.Document(str(red))
    from docx.oxml.ns import qn
    changed = [t.text for tag in ("w:ins", "w:del") for el in d.element.body.iter(qn(tag))
               for t in el.iter(qn("w:t"), qn("w:delText"))]
    assert "".join(changed) == "Decides to review these modalities at its seventy-third session;"
