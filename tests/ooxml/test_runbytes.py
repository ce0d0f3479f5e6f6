"""Plain paragraphs written as bytes (builder.plain_paragraph, ooxml/runbytes.py) are the very
bytes the builder writes when it makes their elements: for any words, formats and bookmark
name, and for the redlines of the seed's negotiation, where most paragraphs go that way."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from conftest import ROOT
from assembler.compare.redline import build_redline
from assembler.ooxml import DocumentBuilder, ParaFormat, Run
from assembler.source import load_draft
from assembler.writers.docx import redline as redline_writer
from assembler.writers.docx.redline import build_redline_docx

NEG = ROOT / "drafts" / "gcm-modalities"

# what lxml escapes: markup characters, "]]>", quotes, tabs, line ends, non-ASCII from both
# planes, spaces at the ends; and now and then what it writes otherwise or refuses: a
# carriage return, control characters, a non-character
_WRITTEN = list("ab cd  &<>]\"'\t\n") + ["é", "\u00a0", "—", "中", "\U0001f600"]
_ODD = ["\r", "\x01", "\x0b", "\ufffe"]
_TEXT = st.one_of(st.text(st.sampled_from(_WRITTEN), max_size=8),
                  st.text(st.sampled_from(_WRITTEN + _ODD), max_size=8))
texts = st.lists(st.tuples(_TEXT, st.booleans(), st.booleans(), st.booleans()), max_size=4)
names = st.one_of(st.text(st.sampled_from(list("_uop1.-é中")), min_size=1, max_size=8),
                  st.text(st.sampled_from(list("_uop1&<>\"'\t\n")), min_size=1, max_size=8))
formats = st.builds(ParaFormat, style=st.sampled_from([None, "Heading1"]),
                    left_cm=st.sampled_from([0.0, 1.27]),
                    first_line_cm=st.sampled_from([0.0, 1.0, -0.5]),
                    align=st.sampled_from(["", "both"]), keep_next=st.booleans())


def document(paragraphs: list, plain: bool) -> tuple[bytes, list[bool]]:
    """A document of (anchor, texts, format) paragraphs between two built ones, each written
    as bytes where it can be (`plain`), else built run by run; which went as bytes."""
    b = DocumentBuilder()
    b.paragraph([Run("before", bold=True)])
    went = []
    for anchor, words, fmt in paragraphs:
        if plain and b.plain_paragraph(anchor, words, fmt):
            went.append(True)
            continue
        went.append(False)
        b.paragraph([Run(bookmark=anchor)] + [Run(t, italic=i, bold=bo, sup=s)
                                              for t, i, bo, s in words], fmt)
    b.paragraph([Run(bookmark=paragraphs[0][0] if paragraphs else "x"), Run("after")])
    return b.to_bytes(), went


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(names, texts, formats), min_size=1, max_size=4))
def test_a_plain_paragraph_is_the_bytes_its_built_runs_are(paragraphs):
    try:
        built, _ = document(paragraphs, plain=False)
    except ValueError:  # a character XML refuses: then the bytes path must refuse it too
        built = None
    if built is None:
        try:
            document(paragraphs, plain=True)
        except ValueError:
            return
        raise AssertionError("written as bytes what lxml refuses to write")
    written, went = document(paragraphs, plain=True)
    assert written == built
    plain = all(t and not any(c in _ODD for c in t)
                for _, words, _ in paragraphs for t, *_ in words)
    if plain and not any(set(a) & set("&<>\"'\t\n") for a, _, _ in paragraphs):
        assert all(went)  # words XML writes as they are, and plain names, go as bytes


def test_the_redlines_of_the_negotiation_are_the_bytes_they_were(monkeypatch):
    """Each redline of the seed's negotiation (first draft to Rev.1 to Rev.2, and to the
    resolution) is byte for byte the redline built run by run, with most paragraphs written
    as bytes."""
    versions = [load_draft(NEG / f"{name}.draft")
                for name in ("first-draft", "rev1", "rev2", "resolution")]
    went: list[bool] = []
    plain = redline_writer.RedlineDocx.plain

    def counted(self, u):
        went.append(plain(self, u))
        return went[-1]

    for old, new in zip(versions, versions[1:]):
        r = build_redline(old, new)
        went.clear()
        monkeypatch.setattr(redline_writer.RedlineDocx, "plain", counted)
        fast = build_redline_docx(r)
        assert sum(went) > len(went) / 3, (sum(went), len(went))
        monkeypatch.setattr(redline_writer.RedlineDocx, "plain", lambda self, u: False)
        assert fast == build_redline_docx(r)
