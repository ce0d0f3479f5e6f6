"""Word files that went through LibreOffice, read back: what the user did is all that is
marked. The files are our own outputs, opened and saved by LibreOffice (a margin comment put
in through its flat ODF format, which it then writes as a .docx, as it would save a comment
typed in)."""
from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, run_cli

DRAFTS = ROOT / "drafts" / "gcm-modalities"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def convert(source: Path, to: str, outdir: Path) -> Path:
    """LibreOffice opens `source` and saves it as `to` ("docx" or "fodt")."""
    exe = shutil.which("soffice")
    if not exe:
        pytest.skip("LibreOffice is not installed (make sysdeps)")
    outdir.mkdir(exist_ok=True)
    target = {"docx": 'docx:MS Word 2007 XML', "fodt": "fodt"}[to]
    subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{outdir.parent}/profile",
                    "--convert-to", target, "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=300)
    out = outdir / f"{source.stem}.{to}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


def paragraph_starting(tree, start: str):
    body = tree.getroot().find(f"{{{OFFICE}}}body")
    return next(p for p in body.iter(f"{{{TEXT}}}p") if "".join(p.itertext()).startswith(start))


@pytest.fixture(scope="module")
def first_draft(tmp_path_factory) -> tuple[Path, Path]:
    """Our Word file of the first draft, and the flat ODF LibreOffice makes of it."""
    work = tmp_path_factory.mktemp("roundtrip")
    docx = work / "first-draft.docx"
    r = run_cli("build", DRAFTS / "first-draft.draft", "-o", docx)
    assert r.returncode == 0, r.stderr
    return docx, convert(docx, "fodt", work / "flat")


def word_parts(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode(), z.read("word/footnotes.xml").decode()


@pytest.mark.slow
def test_a_libreoffice_save_marks_nothing(first_draft, tmp_path):
    """LibreOffice keeps the footnote the draft cites twice as one note, its second marker
    a NOTEREF field to a bookmark it moves to a point before the first mark; the file reads
    as the draft it was built from, and `diff` says nothing changed."""
    saved = convert(first_draft[0], "docx", tmp_path / "saved")
    body, notes = word_parts(saved)
    assert notes.count("<w:footnote ") - notes.count('w:type="') == 1   # one note
    assert body.count("NOTEREF") == 1 and body.count("<w:footnoteReference") == 1
    r = run_cli("diff", DRAFTS / "first-draft.draft", saved)
    assert r.returncode == 0 and r.stdout.strip() == "", r.stdout + r.stderr
    out = tmp_path / "read.draft"
    r = run_cli("import", saved, "-o", out)
    assert r.returncode == 0 and "0 warnings" in r.stderr + r.stdout, r.stderr
    assert "1 footnote" in r.stderr + r.stdout


@pytest.mark.slow
def test_a_pasted_paragraph_is_one_insertion_in_plain_prose(first_draft, tmp_path):
    """A paragraph copied and pasted below itself (LibreOffice renames its copied bookmark
    "_Copy_1") and edited: `diff` infers one new paragraph after it, said in plain words, no
    id and no markup; nothing else is marked."""
    tree = etree.parse(str(first_draft[1]), PARSER)
    para = paragraph_starting(tree, "Requests further the Secretary-General")
    item = para
    while item.getparent().tag not in (f"{{{TEXT}}}list", f"{{{OFFICE}}}text"):
        item = item.getparent()
    twin = copy.deepcopy(item)
    for el in twin.iter():
        if "prepare a note" in (el.text or ""):
            el.text = el.text.replace("prepare a note", "prepare a second note")
            break
        if "prepare a note" in (el.tail or ""):
            el.tail = el.tail.replace("prepare a note", "prepare a second note")
            break
    else:
        pytest.fail("the paragraph's words are not where LibreOffice put them")
    item.addnext(twin)
    flat = tmp_path / "pasted.fodt"
    tree.write(str(flat), xml_declaration=True, encoding="UTF-8")
    pasted = convert(flat, "docx", tmp_path / "out")
    body, _ = word_parts(pasted)
    assert "_Copy_1" in body
    r = run_cli("diff", DRAFTS / "first-draft.draft", pasted)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines == ["Insert a new operative paragraph after operative paragraph 12, reading: "
                     "“Requests further the Secretary-General to prepare a second note on the "
                     "organization of work of the intergovernmental conference that will serve "
                     "as the basis for the precise modalities of the intergovernmental "
                     "conference to be decided no later than January 2018;”."]


@pytest.mark.slow
def test_a_comment_is_carried_or_warned_with_its_place(first_draft, tmp_path):
    """A margin comment is no part of the text: the import says whose it is, on which
    paragraph and what it says, instead of dropping it without a word."""
    tree = etree.parse(str(first_draft[1]), PARSER)
    para = paragraph_starting(tree, "Requests the President of the General Assembly to appoint")
    note = etree.Element(f"{{{OFFICE}}}annotation")
    etree.SubElement(note, f"{{{DC}}}creator").text = "Delegation Q"
    etree.SubElement(note, f"{{{DC}}}date").text = "2017-01-10T10:00:00"
    etree.SubElement(note, f"{{{TEXT}}}p").text = "Should the two come from two regions?"
    note.tail, para.text = para.text, None
    para.insert(0, note)
    flat = tmp_path / "commented.fodt"
    tree.write(str(flat), xml_declaration=True, encoding="UTF-8")
    commented = convert(flat, "docx", tmp_path / "out")
    with zipfile.ZipFile(commented) as z:
        assert "Should the two come from two regions?" in z.read("word/comments.xml").decode()
    r = run_cli("import", commented, "-o", tmp_path / "commented.draft")
    assert r.returncode == 0, r.stderr
    said = " ".join(r.stderr.split())
    assert ("(“Requests the President of the General Assembly to …”): a comment by "
            "Delegation Q is not part of the draft's text and is left out: “Should the two "
            "come from two regions?”") in said
    assert "1 warning" in said


def test_an_issued_faces_bound_dates_read_back_as_written(tmp_path):
    """The resolution's Word file keeps each date's day and month on one line (a no-break
    space, as the UN sets "of | 27 October 2000"); read back, the text is the draft's own."""
    from assembler.source import load_draft
    source = ROOT / "drafts" / "cuba-embargo" / "res-80-4.draft"
    docx = tmp_path / "res.docx"
    r = run_cli("build", source, "-o", docx)
    assert r.returncode == 0, r.stderr
    body, _ = word_parts(docx)
    assert "26\u00a0October 1994" in body and "26 October 1994" not in body
    back = tmp_path / "back.draft"
    r = run_cli("import", docx, "-o", back)
    assert r.returncode == 0, r.stderr
    ours, theirs = load_draft(source), load_draft(back)
    def texts(d):
        return [u.content for u in d.units() if hasattr(u, "content")]
    assert texts(theirs) == texts(ours) and len(texts(ours)) > 10
    assert "\u00a0" not in back.read_text("utf-8")
