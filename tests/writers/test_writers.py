"""The writers' registry: every product and suffix resolves to a writer that writes that
format from the example negotiation, and an unknown suffix is refused naming the product."""
from __future__ import annotations

import pytest

from conftest import ROOT
from assembler.amendments.compile import compile_proposals
from assembler.amendments.yamlio import load_proposals
from assembler.compare.redline import build_redline
from assembler.compare.table import build_table
from assembler.negotiation import load_versions
from assembler.errors import AssemblerError
from assembler.layout import load_layout
from assembler.source import load_draft
from assembler.writers import WRITERS, check_format, writer_for
from assembler.writers.letters import load_letter_data, render_letters

DRAFTS = ROOT / "drafts" / "gcm-modalities"


def looks_like(suffix: str, data: bytes) -> bool:
    return {".docx": data[:2] == b"PK", ".xlsx": data[:2] == b"PK", ".pdf": data[:5] == b"%PDF-",
            ".html": b"<html" in data[:400].lower(), ".htm": b"<html" in data[:400].lower(),
            ".txt": b"<html" not in data and data[:2] != b"PK", ".csv": b"," in data.splitlines()[0]}[suffix]


@pytest.mark.parametrize("product,suffix", [(p, s) for p, d in WRITERS.items() for s in d
                                            if s != ".pdf"])
def test_every_entry_resolves_to_a_writer_of_its_format(product, suffix, tmp_path):
    first = load_draft(DRAFTS / "first-draft.draft")
    layout = load_layout()
    write = writer_for(product, tmp_path / f"out{suffix}")
    if product == "draft":
        data = write(first, layout)
        assert looks_like(suffix, data)
        if suffix in (".txt", ".html", ".htm"):
            assert first.metadata.title.split()[0].encode() in data
    elif product == "redline":
        rev1 = load_draft(DRAFTS / "rev1.draft")
        data = write(build_redline(first, rev1))
        assert looks_like(suffix, data)
    elif product == "letters":
        letters = render_letters(first, load_letter_data(DRAFTS / "first-draft.letters.toml"))
        data = write(first, letters, layout)
        assert looks_like(suffix, data)
    elif product == "compilation":
        comp = compile_proposals(first, load_proposals([ROOT / "amendments/gcm-modalities/rev1"]))
        assert looks_like(suffix, write(comp))
    elif product == "amendment":
        from assembler.amendments.document import document_for
        from assembler.amendments.yamlio import load_proposal
        doc = document_for(load_proposal(ROOT / "examples/amendment/A-1.yaml"),
                           load_draft(DRAFTS / "l-document.draft"), symbol="A/71/L.60")
        data = write(doc)
        assert looks_like(suffix, data) and (suffix == ".docx" or b"A/71/L.60" in data)
    else:
        table = build_table(load_versions([str(DRAFTS / "first-draft.draft"),
                                           str(DRAFTS / "rev1.draft")]))
        assert looks_like(suffix, write(table, [], title="t"))


@pytest.mark.parametrize("product", sorted(WRITERS))
def test_unknown_suffix_is_refused_naming_the_product_and_the_known_ones(product, tmp_path):
    with pytest.raises(AssemblerError) as err:
        check_format(product, tmp_path / "out.odt")
    msg = str(err.value)
    assert "'.odt'" in msg and ".docx" in msg
    assert (product == "draft") or product.rstrip("s") in msg
