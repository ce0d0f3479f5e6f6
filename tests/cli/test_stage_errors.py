"""Bad input for stages, templates and PDF: one clear line, exit 2, nothing written."""
from __future__ import annotations

import pytest

from assembler.errors import AssemblerError
from assembler.model import Metadata
from assembler.stages import StageError, agenda_line, masthead_for, session_words, submitted_line
from conftest import ROOT, run_cli

DRAFTS = ROOT / "drafts" / "gcm-modalities"
FIRST = DRAFTS / "first-draft.draft"


def one_line_error(r, *needles):
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in r.stderr
    for n in needles:
        assert n in lines[0], (n, lines[0])


def test_unknown_stage_in_the_file_names_its_line(tmp_path):
    bad = tmp_path / "bad.draft"
    bad.write_text(FIRST.read_text("utf-8").replace("stage: first", "stage: second"), "utf-8")
    out = tmp_path / "out.docx"
    r = run_cli("build", bad, "-o", out)
    one_line_error(r, f"{bad}:4", "unknown stage 'second'", "L-rev", "adopted")
    assert not out.exists()


def test_unknown_stage_option(tmp_path):
    out = tmp_path / "out.docx"
    one_line_error(run_cli("build", FIRST, "--stage", "Z", "-o", out), "unknown stage 'Z'", "--stage")
    assert not out.exists()


@pytest.mark.parametrize("ext", ["docx", "html", "txt", "pdf"])
def test_l_document_without_symbol(tmp_path, ext):
    out = tmp_path / f"out.{ext}"
    r = run_cli("build", FIRST, "--stage", "L", "-o", out)
    one_line_error(r, str(FIRST), "stage 'L' needs metadata 'symbol'", "--symbol")
    assert not out.exists() and not list(tmp_path.iterdir())


def test_missing_field_named_after_overrides(tmp_path):
    out = tmp_path / "out.docx"
    r = run_cli("build", FIRST, "--stage", "L", "--symbol", "A/71/L.58", "-o", out)
    # the first draft has a title and a date; what an L-document needs beyond them is named
    one_line_error(r, "stage 'L' needs metadata 'job-number'", "--job-number")
    assert not out.exists()


def test_symbol_must_fit_the_stage(tmp_path):
    out = tmp_path / "out.docx"
    r = run_cli("build", DRAFTS / "l-document.draft", "--stage", "adopted", "-o", out)
    one_line_error(r, "symbol 'A/71/L.58' does not fit stage 'adopted'", "A/RES/71/280")
    assert not out.exists()


def test_override_builds_an_l_document_face(tmp_path):
    """Options override the file for one build: the L-document as a revision."""
    out = tmp_path / "rev.txt"
    r = run_cli("build", DRAFTS / "l-document.draft", "--stage", "L-rev",
                "--symbol", "A/71/L.58/Rev.1", "--date", "4 April 2017", "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text()
    assert "A/71/L.58/Rev.1" in text.splitlines()[0] and "4 April 2017" in text
    assert "Distr.: Limited" in text


def test_unknown_output_extension(tmp_path):
    out = tmp_path / "out.odt"
    one_line_error(run_cli("build", FIRST, "-o", out), "cannot write '.odt'", ".html", ".pdf", ".txt")
    assert not out.exists()


def test_pdf_without_libreoffice_says_how_to_install(monkeypatch):
    import assembler.writers.pdf.libreoffice as pdf
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(AssemblerError) as err:
        pdf.docx_to_pdf(b"PK")
    assert "LibreOffice" in str(err.value) and "apt-get install" in str(err.value)


def test_pdf_is_written_through_libreoffice(tmp_path):
    import shutil
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed (make sysdeps)")
    out = tmp_path / "res.pdf"
    r = run_cli("build", DRAFTS / "resolution.draft", "-o", out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed (make sysdeps)")
    import subprocess
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    # the adopted face, first to last paragraph, as LibreOffice laid it out
    at = 0
    for needle in ("A/RES/71/280", "Resolution adopted by the General Assembly",
                   "The General Assembly,", "28. Urges all Member States"):
        at = text.find(needle, at)
        assert at >= 0, needle


# --------------------------------------------------------------------- user HTML templates

def test_user_html_template_extends_the_builtin_and_is_escaped(tmp_path):
    tpl = tmp_path / "mine.html.j2"
    tpl.write_text('{% extends "draft.html.j2" %}{% block page %}<main><h1>{{ title }}</h1>'
                   '<p>{{ preamble | length }} preambular paragraphs</p>{{ super() }}</main>'
                   '{% endblock %}')
    out = tmp_path / "mine.html"
    r = run_cli("build", FIRST, "--template", tpl, "-o", out)
    assert r.returncode == 0, r.stderr
    page = out.read_text()
    assert "<p>4 preambular paragraphs</p>" in page and 'class="pp" id="pp1"' in page


def test_user_html_template_is_sandboxed(tmp_path):
    tpl = tmp_path / "evil.html.j2"
    tpl.write_text("ok\n{{ draft.__class__.__init__.__globals__ }}\n")
    out = tmp_path / "evil.html"
    r = run_cli("build", FIRST, "--template", tpl, "-o", out)
    one_line_error(r, f"{tpl}:2", "may not")
    assert not out.exists()


def test_user_html_template_syntax_error_names_line(tmp_path):
    tpl = tmp_path / "broken.html.j2"
    tpl.write_text("<p>\n{% for x in preamble %}\n{{ x.html }}\n")
    out = tmp_path / "b.html"
    one_line_error(run_cli("build", FIRST, "--template", tpl, "-o", out), f"{tpl}:", "template error")
    assert not out.exists()


def test_missing_user_template(tmp_path):
    out = tmp_path / "b.html"
    one_line_error(run_cli("build", FIRST, "--template", tmp_path / "nope.j2", "-o", out),
                   "nope.j2", "does not exist")
    assert not out.exists()


# --------------------------------------------------------------------------- stage facts

def test_stage_words():
    assert session_words(71) == "Seventy-first session"
    assert session_words(80) == "Eightieth session"
    assert agenda_line("13") == "Agenda item 13"
    assert agenda_line("13 and 117") == "Agenda items 13 and 117"
    assert submitted_line("Delegation A and Delegation B") == \
        "Delegation A and Delegation B: draft resolution"
    assert submitted_line("President of the General Assembly") == \
        "Draft resolution submitted by the President of the General Assembly"


def test_adopted_needs_its_closing():
    meta = Metadata(stage="adopted", title="T", symbol="A/RES/71/280", date="17 April 2017",
                    session="71", agenda_items="13", job_number="17-05719").with_values(
        **{"adopted-on": "6 April 2017", "adopted-from": "A/71/L.58"})
    with pytest.raises(StageError) as err:
        masthead_for(meta)
    assert err.value.field == "closing"
    face = masthead_for(meta.with_values(closing="74th plenary meeting / 6 April 2017"))
    assert face.session == "Seventy-first session" and face.title == "71/280. T"
    assert face.barcode == "*1705719*" and face.job_number == "17-05719 (E)"


def test_template_for_word_output_is_refused(tmp_path):
    tpl = tmp_path / "mine.html.j2"
    tpl.write_text("{{ title }}")
    out = tmp_path / "x.docx"
    one_line_error(run_cli("build", FIRST, "--template", tpl, "-o", out), "--template", "HTML")
    assert not out.exists()


@pytest.mark.parametrize("option", ["--layout", "--letter-data"])
@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"\xbc\x00\xff binary"), "is not UTF-8 text (byte 0)"),
    (lambda p: p.mkdir(), "is a folder, not a file"),
    (lambda p: p.write_text("a = [\n", "utf-8"), "is not valid TOML"),
])
def test_settings_files_that_cannot_be_read(tmp_path, option, make, message):
    """A layout or letter-data file that is binary, a folder or broken TOML: one line naming
    it, exit 2, nothing written (binary files and folders printed a traceback)."""
    bad = tmp_path / "settings.toml"
    make(bad)
    out = tmp_path / "out.docx"
    extra = ["--with-letter"] if option == "--letter-data" else []
    r = run_cli("build", FIRST, option, bad, *extra, "-o", out)
    one_line_error(r, f"error: {bad}: ", message)
    assert not out.exists()


@pytest.mark.parametrize("edit, message", [
    (("body_pt = 10", 'body_pt = "big"'),
     'layout [fonts] body_pt = "big" should be a number (the default is body_pt = 10)'),
    (("width_cm = 21.0", "width_cm = -5"),
     "layout [page] width_cm = -5 is negative (the default is width_cm = 21.0)"),
    (("title_bold = true", 'title_bold = "yes"'),
     'layout [informal] title_bold = "yes" should be true or false (the default is '
     "title_bold = true)"),
])
@pytest.mark.parametrize("ext", ["docx", "html"])
def test_layout_values_of_the_wrong_kind_are_named(tmp_path, edit, message, ext):
    """A size written as text crashed the Word writer with a traceback."""
    from assembler.layout import DEFAULT_LAYOUT
    text = DEFAULT_LAYOUT.read_text("utf-8")
    assert edit[0] in text
    layout = tmp_path / "mine.toml"
    layout.write_text(text.replace(edit[0], edit[1], 1), "utf-8")
    out = tmp_path / f"out.{ext}"
    one_line_error(run_cli("build", FIRST, "--layout", layout, "-o", out),
                   f"error: {layout}: {message}")
    assert not out.exists()
    # the default layout, given by name, passes its own check
    r = run_cli("build", FIRST, "--layout", DEFAULT_LAYOUT, "-o", out)
    assert r.returncode == 0, r.stderr
