"""The draft header read one way (header.head_lines, fs.read.read_head): what
`refuse_issued`, the negotiation's version lookup and `build`'s messages read from a file's
head is what the parser reads from the whole file; and a metadata value of several lines is
split one way (model.listed), which every writer's closing and masthead use."""
from __future__ import annotations

import pytest

from assembler.errors import AssemblerError
from assembler.fs.write import write_atomic
from assembler.model import joined, listed
from assembler.negotiation import Negotiation
from assembler.publish import metadata_line
from assembler.source import load_draft
from assembler.fs.read import read_head

from conftest import ROOT

DRAFTS = sorted((ROOT / "drafts").glob("*/*.draft"))


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_the_head_says_what_the_parser_reads(path):
    head = read_head(path)
    draft = load_draft(path)
    assert head and dict((k, v) for _, k, v in head) == dict(draft.metadata.items())
    lines = path.read_text("utf-8").split("\n")
    for number, key, _ in head:
        assert lines[number - 1].startswith(f"{key}:")
        assert metadata_line(path, key) == number


def test_an_issued_version_with_a_byte_order_mark_is_still_refused(tmp_path):
    issued = tmp_path / "l.draft"
    text = (ROOT / "drafts" / "gcm-modalities" / "l-document.draft").read_text("utf-8")
    assert "\nstage: L\n" in text
    issued.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    before = issued.read_bytes()
    with pytest.raises(AssemblerError, match="is an issued version"):
        write_atomic(issued, b"assembler-draft 1\n")
    assert issued.read_bytes() == before


def test_a_version_is_found_by_its_version_line_whatever_its_file_name(tmp_path):
    folder = tmp_path / "drafts" / "gcm-modalities"
    folder.mkdir(parents=True)
    src = ROOT / "drafts" / "gcm-modalities"
    (folder / "zero.draft").write_bytes((src / "first-draft.draft").read_bytes())
    found = Negotiation(folder, "gcm-modalities").version("first-draft")
    assert found is not None and found.metadata.version == "first-draft"
    assert Negotiation(folder, "gcm-modalities").version("first") is None


def test_a_value_of_several_lines_is_split_one_way():
    meta = load_draft(ROOT / "drafts" / "gcm-modalities" / "resolution.draft").metadata
    assert meta.lines("closing") == ("74th plenary meeting", "6 April 2017")
    titles = meta.lines("agenda-titles")
    assert len(titles) == 2 and titles[1] == "Follow-up to the outcome of the Millennium Summit"
    assert joined(titles) == meta.get("agenda-titles")
    assert listed(" a /  / b ") == ("a", "b") and listed("") == ()
