"""Comparison tables, concordances and histories speak the language of their newest version:
with the stub table ("xx-" before every word of the comparison block) every title, legend,
column head, kind, change word, note, sheet name and unit number word of every format comes
out marked, and no English label is left. Terminal history stays English (CLI output)."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

import pytest

from assembler.compare.history import unit_history
from assembler.compare.table import build_table
from assembler.compare.versions import Version
from assembler.compare.wording import table_language
from assembler.lang import ENGLISH, TABLES
from assembler.model import Text
from assembler.source.reader import parse_draft
from assembler.writers.docx.comparison import compare_docx
from assembler.writers.html.comparison import compare_html

from conftest import pandoc_text
from inproc import cli
from langstub import DRAFTS, STUB, in_language, stub  # noqa: F401 (stub: a fixture)
from recording import Recording

CHAIN = ("first-draft", "rev1", "rev2")


def xx_text(name: str, **lines: str) -> str:
    """A committed draft's text with `language: xx` (and metadata lines replaced)."""
    text = (DRAFTS / f"{name}.draft").read_text("utf-8")
    head, body = text.split("\n\n", 1)
    for k, v in lines.items():
        head = re.sub(rf"^{k}: .*$", f"{k}: {v}", head, flags=re.M)
    return f"{head}\nlanguage: xx\n\n{body}"


def back_text() -> str:
    """A fourth version: the first draft's text again after Rev.2 (units dropped since come
    back, units added go)."""
    text = xx_text("first-draft", version="rev3", stage="rev", date="2 February 2017")
    return text.replace("stage-label: First Draft of the Resolution\n",
                        "based-on: rev2\nstage-label: Revision 3\nrevision: 3\n")


def split_first_paragraph(draft):
    """The draft with its first paragraph's text in two pieces: the same words, other
    contents (what a table calls a change of formatting only)."""
    pp = draft.preamble[0]
    last = pp.content[-1]
    content = pp.content[:-1] + (Text(last.text[:4]), Text(last.text[4:]))
    return replace(draft, preamble=(replace(pp, content=content),) + draft.preamble[1:])


def annex_versions() -> list[Version]:
    """The events mapping (one annex, a table) and a copy with a second annex."""
    one = xx_text("events-mapping")
    two = one.rstrip("\n") + "\n\nannex {#annex2}\n\np A second annex. {#annex2.p1}\n"
    two = two.replace("version: events-mapping", "version: mapping-2")
    return [Version(parse_draft(t, f"{n}.draft")[0], n)
            for n, t in (("events-mapping", one), ("mapping-2", two))]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Every document the comparison verbs make from the xx versions, as a person reads it,
    with the block's words that were looked up."""
    words = Recording(STUB.comparison)
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(TABLES, "xx", replace(STUB, comparison=words))
        folder = tmp_path_factory.mktemp("xx-negotiation")
        for name in CHAIN:
            (folder / f"{name}.draft").write_text(xx_text(name), "utf-8")
        (folder / "rev3.draft").write_text(back_text(), "utf-8")
        files = [folder / f"{n}.draft" for n in (*CHAIN, "rev3")]
        out = {}
        for suffix in ("docx", "html", "csv", "xlsx"):
            path = folder / f"comparison.{suffix}"
            r = cli("compare", *files, "-o", path)
            assert r.code == 0 and r.exception is None, (r.stderr, r.exception)
            out[suffix] = path
        for suffix in ("docx", "html", "csv", "xlsx"):
            path = folder / f"concordance.{suffix}"
            pairs = "last" if suffix == "csv" else "each"
            r = cli("concordance", *files, "--pairs", pairs, "-o", path)
            assert r.code == 0 and r.exception is None, (r.stderr, r.exception)
            out[f"concordance.{suffix}"] = path
        for suffix in ("txt", "html"):
            path = folder / f"history.{suffix}"
            r = cli("history", folder, "op24", "-o", path)
            assert r.code == 0 and r.exception is None, (r.stderr, r.exception)
            out[f"history.{suffix}"] = path
        terminal = cli("history", folder, "op5")
        assert terminal.code == 0, terminal.stderr
        annex = build_table(annex_versions())
        two = build_table([Version(in_language(f"{n}.draft", "xx"), n) for n in CHAIN[:2]])
        untitled = unit_history(two, "op5")
        for suffix, write in (("docx", compare_docx), ("html", compare_html)):
            out[f"untitled.{suffix}"] = folder / f"untitled.{suffix}"
            out[f"untitled.{suffix}"].write_bytes(write(two))
        rev2 = in_language("rev2.draft", "xx")
        out["formatted.docx"] = folder / "formatted.docx"
        out["formatted.docx"].write_bytes(compare_docx(build_table(
            [Version(rev2, "rev2"), Version(split_first_paragraph(rev2), "rev3")])))
    return {"files": out, "terminal": terminal.stdout, "annex": annex,
            "untitled": untitled, "used": words.used}


def html_text(path) -> str:
    import html5lib
    doc = html5lib.parse(path.read_text("utf-8"), namespaceHTMLElements=False)
    return " ".join(" ".join(doc.find("body").itertext()).split())


def xlsx_cells(path) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook
    wb = load_workbook(path)
    sheets = [[str(c) for c in row if c is not None]
              for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]
    return wb.sheetnames, sheets


def leading_words() -> dict[str, str]:
    """Each English template's words before its first field: what the stub marks "xx-"."""
    out = {}
    for key, template in ENGLISH.comparison.items():
        lead = re.split(r"\{[^}]*\}|\n", template)[0].strip()
        if lead:
            out[key] = lead
    return out


def unmarked(text: str, labels) -> list[str]:
    """The labels that stand in `text` without the stub's mark before them."""
    return [w for w in labels if re.search(rf"(?<!xx-)\b{re.escape(w)}\b", text)]


# labels that are also ordinary words of the drafts' own text or of ids: checked where they
# stand (heads, tags, sheet cells) rather than anywhere in the page
COMMON = {"row", "kind", "change", "note", "proposals", "rationale", "unit", "bold",
          "struck out", "preambular", "operative", "sub-paragraph", "annex", "table",
          "table row", "annex paragraph", "unchanged", "changed", "added", "deleted", "moved",
          "renumbered", "Annex", "Table", "by"}


def test_the_table_speaks_its_newest_versions_language(stub):
    english, xx = (Version(in_language("first-draft.draft", k), k) for k in ("en", "xx"))
    assert table_language([english, xx]) is stub
    assert table_language([xx, english]) is ENGLISH
    assert build_table([english, xx]).lang is stub


def test_docx_words_are_the_tables(made):
    import docx
    path = made["files"]["docx"]
    text = pandoc_text(path)
    for said in ("xx-One row per unit, one column per version. "
                 "In each column, words added since the column to its left are in xx-bold "
                 "and words removed are xx-struck out. xx-Beside each version",
                 "xx-deleted in Zzrev.1", "xx-added in Zzrev.1", "xx-reinstated (last in",
                 "xx-Heading before OP", "xx-Footnote 1", "[xx-changed]", "[xx-moved]",
                 "xx-Concordance: Zzrev.1 against"):
        assert said in text, said
    assert not unmarked(text, set(leading_words().values()) - COMMON)
    table = docx.Document(str(path)).tables[0]
    head = [c.text for c in table.rows[0].cells]
    assert head[0] == "xx-Unit" and head[3] == "xx-Proposals (Zzrev.1)"
    kinds = {c.text.split("\n")[1] for c in table.columns[0].cells[1:]}
    assert kinds == {"xx-preambular", "xx-operative", "xx-sub-paragraph", "xx-heading",
                     "xx-footnote"}
    tags = set(re.findall(r"\[([^\]]*)\]", "\n".join(c.text for c in table._cells)))
    assert tags and all(t.startswith("xx-") for t in tags), tags
    conc = docx.Document(str(made["files"]["concordance.docx"])).tables[0]
    assert [c.text for c in conc.rows[0].cells][2:] == [
        "xx-Change", "xx-Contributing proposers", "xx-Proposals", "xx-Note", "xx-Rationale"]
    assert {r.cells[2].text for r in conc.rows[1:]} <= {
        "xx-unchanged", "xx-changed", "xx-added", "xx-deleted", "xx-moved"}
    notes = {r.cells[5].text for r in conc.rows[1:]} - {""}
    assert notes and all(n.startswith("xx-") for n in notes), notes
    assert "xx-Concordance: " in pandoc_text(made["files"]["concordance.docx"])
    assert "xx-formatting changed" in pandoc_text(made["files"]["formatted.docx"])


def test_html_words_and_lang_are_the_tables(made):
    import html5lib
    path = made["files"]["html"]
    page = path.read_text("utf-8")
    assert '<html lang="xx">' in page
    assert "xx-bold" in page and "<ins>xx-bold</ins>" in page
    text = html_text(path)
    for said in ("xx-Under each change", "xx-show only the units",
                 "xx-Unit", "xx-Proposals (Zzrev.1)", "xx-deleted in Zzrev.1",
                 "xx-reinstated (last in", "xx-Heading before OP",
                 "xx-Concordance: Zzrev.1 against", "xx-Contributing proposers",
                 "xx-Rationale"):
        assert said in text, said
    assert not unmarked(text, set(leading_words().values()) - COMMON)
    doc = html5lib.parse(page, namespaceHTMLElements=False)
    tags = {t.text for t in doc.iter("span") if t.get("class") == "tag"}
    kinds = {t.text for t in doc.iter("span") if t.get("class") == "kind"}
    assert tags and all(t.startswith("xx-") for t in tags), tags
    assert kinds == {"xx-preambular", "xx-operative", "xx-sub-paragraph", "xx-heading",
                     "xx-footnote"}
    conc = next(t for t in doc.iter("table") if t.get("class") == "concordance")
    changes = {tr.findall("td")[2].text for tr in conc.iter("tr") if tr.findall("td")}
    assert changes and all(c.startswith("xx-") for c in changes), changes
    assert '<html lang="xx">' in made["files"]["history.html"].read_text("utf-8")


def test_csv_and_xlsx_cells_are_the_tables(made):
    rows = list(csv.reader(io.StringIO(made["files"]["csv"].read_text("utf-8-sig"))))
    assert rows[0][:2] == ["xx-row", "xx-kind"]
    assert rows[0][2] == "xx-xx-First Draft (22 December 2016): number"
    assert all(h.startswith("xx-") for h in rows[0])
    changes = {r[rows[0].index(h)] for r in rows[1:] for h in rows[0] if h.endswith(": change")}
    assert changes - {""} == {"xx-unchanged", "xx-changed", "xx-added", "xx-deleted",
                              "xx-moved"}
    conc = list(csv.reader(io.StringIO(
        made["files"]["concordance.csv"].read_text("utf-8-sig"))))
    assert conc[0] == ["xx-Zzrev.3 number", "xx-Zzrev.2 number(s)", "xx-change",
                       "xx-contributing proposers", "xx-proposals", "xx-note", "xx-rationale",
                       "xx-unit"]
    names, cells = xlsx_cells(made["files"]["xlsx"])
    assert names[0] == "xx-Comparison" and names[1].startswith("xx-Concordance Zzrev.1 - ")
    assert cells[0][:2] == ["xx-row", "xx-kind"]
    everything = " ".join(" ".join(r) for r in cells)
    assert "xx-deleted in Zzrev.1" in everything and "xx-reinstated (last in" in everything
    # who made a change and its status, beside it: the table's words, the names as recorded
    status = [h for h in rows[0] if h.endswith(": status")]
    said = " ".join(r[rows[0].index(h)] for r in rows[1:] for h in status)
    assert ": xx-accepted" in said and ": accepted" not in said
    proposers = " ".join(r[rows[0].index(h)] for r in rows[1:] for h in rows[0]
                         if h.endswith(": proposers"))
    assert "xx-Delegation G (with Delegation H)" in proposers
    assert not unmarked(everything, set(leading_words().values()) - COMMON)
    names, _ = xlsx_cells(made["files"]["concordance.xlsx"])
    assert all(n.startswith("xx-Concordance") for n in names)


def test_untitled_tables(made):
    """A table without a title is headed and footed by the table's words for one."""
    word = pandoc_text(made["files"]["untitled.docx"])
    assert word.startswith("xx-Comparison of versions")
    assert html_text(made["files"]["untitled.html"]).startswith("xx-Comparison of versions")


def test_unit_numbers_and_kinds_of_annexes(made):
    from assembler.compare.wording import kind_name
    table = made["annex"]
    first = {c.number for r in table.rows for c in r.cells[:1] if c.present}
    second = {c.number for r in table.rows for c in r.cells[1:] if c.present}
    assert "xx-Annex" in first and {"xx-Annex I", "xx-Annex II"} <= second
    assert "xx-Table 1" in first and "xx-Table 1, row 2" in first
    assert "xx-Annex para. 1" in first
    kinds = {kind_name(table.lang, r.kind) for r in table.rows}
    assert {"xx-annex", "xx-annex paragraph", "xx-table", "xx-table row"} <= kinds


def test_histories(made):
    story = made["files"]["history.txt"].read_text("utf-8")
    assert story.startswith("xx-History of OP 24 (op24): ")
    assert "-- xx-changed" in story and "xx-by Delegation A in P-11, xx-accepted" in story
    assert made["untitled"].title == "xx-History of OP 4 (op5)"   # no title: no ": title"
    # on the terminal the words are the CLI's: English, though the drafts are not
    terminal = made["terminal"]
    assert re.match(r"History of OP \d+ \(op5\): ", terminal) and "xx-" not in terminal
    assert "-- changed" in terminal and "by Delegation" in terminal


def test_every_word_of_the_block_is_used(made):
    """The table keeps no dead words: every key was looked up making the documents above."""
    assert set(ENGLISH.comparison) - made["used"] == set()
    assert STUB.comparison.keys() == ENGLISH.comparison.keys()


def test_english_tables_are_unmarked(stub, tmp_path):
    """With the stub registered, English drafts still make English tables."""
    versions = [Version(in_language(f"{n}.draft", "en"), n) for n in CHAIN]
    path = tmp_path / "en.docx"
    path.write_bytes(compare_docx(build_table(versions)))
    text = pandoc_text(path)
    assert "xx-" not in text and text.startswith("Comparison of versions")
    assert "One row per unit" in text and "deleted in Rev.1" in text

