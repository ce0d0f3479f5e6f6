"""Reading a session on several processes through the cache, and comparing each link: a
second run reads nothing again, a changed file is read afresh, a file no reader makes sense
of is named and the others go on, and each link's redline and comparison are written."""
from __future__ import annotations

import zipfile

from assembler.corpus import collect
from assembler.lineage.run import compare_all, links_of, read_all

from lineagedocs import folder_of


def test_a_second_run_reads_from_the_cache_and_finds_the_same_links(tmp_path):
    src = folder_of(tmp_path, ["A_RES_78_48", "A_RES_79_52", "A_RES_79_7", "A_RES_80_4"])
    cache = tmp_path / "cache"
    docs = collect([src], "link")
    first = read_all(docs, cache, jobs=2)
    assert [r.error for r in first] == ["", "", "", ""]
    assert not any(r.cached for r in first)
    second = read_all(docs, cache, jobs=2)
    assert all(r.cached for r in second)
    pairs = lambda reads: {(l.document.name, l.predecessor.name if l.predecessor else None,  # noqa: E731
                            l.confidence) for l in links_of(reads)}
    assert pairs(first) == pairs(second)
    assert ("A_RES_79_52", "A_RES_78_48", "sure") in pairs(second)
    assert ("A_RES_80_4", "A_RES_79_7", "sure") in pairs(second)


def test_a_changed_file_is_read_again_and_a_broken_one_is_named(tmp_path):
    src = folder_of(tmp_path, ["A_RES_79_7", "A_RES_80_4"])
    cache = tmp_path / "cache"
    read_all(collect([src], "link"), cache, jobs=1)
    text = (src / "A_RES_80_4.txt").read_text("utf-8")
    (src / "A_RES_80_4.txt").write_text(text.replace("Reiterates its call", "Reiterates its "
                                                     "firm call"), "utf-8")
    (src / "broken.pdf").write_bytes(b"%PDF-1.7 this is no PDF")
    reads = {r.name: r for r in read_all(collect([src], "link"), cache, jobs=2)}
    assert reads["A_RES_79_7"].cached and not reads["A_RES_80_4"].cached
    assert reads["broken"].profile is None and "broken.pdf" in reads["broken"].error
    links = links_of(list(reads.values()))
    assert [l.document.name for l in links if l.linked] == ["A_RES_80_4"]


def test_each_link_gets_its_change_redline_and_comparison(tmp_path):
    src = folder_of(tmp_path, ["A_RES_79_7", "A_RES_80_4", "A_RES_78_48", "A_RES_79_52"])
    cache, pages = tmp_path / "cache", tmp_path / "pages"
    reads = read_all(collect([src], "link"), cache, jobs=2)
    links = links_of(reads)
    html = compare_all(links, reads, cache, jobs=2, pages=pages)
    assert set(html) == {"A_RES_80_4", "A_RES_79_52"}
    cuba = html["A_RES_80_4"]
    assert cuba.change.changed == 6 and not cuba.error
    page = (pages / cuba.redline).read_text("utf-8")
    assert cuba.redline == "A_RES_80_4.redline.html"
    assert "<ins" in page and "eighty-first" in page and "<del" in page
    table = (pages / cuba.comparison).read_text("utf-8")
    assert "A/RES/79/7" in table and "A/RES/80/4" in table
    word = compare_all(links, reads, cache, jobs=1, pages=tmp_path / "word", suffix=".docx")
    docx = tmp_path / "word" / word["A_RES_80_4"].redline
    with zipfile.ZipFile(docx) as z:
        body = z.read("word/document.xml").decode("utf-8")
    # tracked changes: "eighty-first" inserted, "eightieth" deleted
    assert "<w:ins " in body and "<w:del " in body and "eighty-first" in body
