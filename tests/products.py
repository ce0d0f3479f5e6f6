"""Every .docx `make demo` writes (Makefile), as (output name, command line): the Word
files the checks of Word safety and of office behaviour run over."""
from __future__ import annotations

from conftest import ROOT

NEG = ROOT / "drafts" / "gcm-modalities"
AMEND = ROOT / "amendments" / "gcm-modalities"
CUBA = ROOT / "drafts" / "cuba-embargo"
RES_80_4 = ROOT.parent / "shared" / "real" / "pdf" / "A_RES_80_4.pdf"

DEMO_DOCX = {
    "first-draft": ["build", NEG / "first-draft.draft"],
    "with-letter": ["build", NEG / "first-draft.draft", "--with-letter"],
    "letters": ["letter", NEG / "first-draft.draft"],
    "l-document": ["build", NEG / "l-document.draft"],
    "resolution": ["build", NEG / "resolution.draft"],
    "events-mapping": ["build", NEG / "events-mapping.draft"],
    "compilation": ["compile", NEG / "first-draft.draft", AMEND / "rev1"],
    "rev1": ["build", NEG / "rev1.draft"],
    "rev2": ["build", NEG / "rev2.draft"],
    "amendment-A-1": ["amendment-doc", ROOT / "examples" / "amendment" / "A-1.yaml", "--base",
                      NEG / "l-document.draft", "--symbol", "A/71/L.60", "--job-number",
                      "17-05200"],
    "comparison": ["compare", NEG / "first-draft.draft", NEG / "rev1.draft", NEG / "rev2.draft"],
    "redline": ["redline", NEG / "first-draft.draft", NEG / "rev1.draft"],
    "redline-visual": ["redline", NEG / "first-draft.draft", NEG / "rev1.draft", "--visual"],
    "redline-rev2": ["redline", NEG / "rev1.draft", NEG / "rev2.draft"],
    "preview-delegation-q": ["preview", NEG / "rev1.draft",
                             ROOT / "examples" / "preview" / "Q-01.yaml"],
    "l-81": ["build", CUBA / "l-81.draft"],
    "l-81-track-changes": ["redline", RES_80_4, CUBA / "l-81.draft"],
}


def write_products(names, out) -> dict:
    """Write the named products into the folder `out`; name -> path."""
    from inproc import cli
    files = {}
    for name in names:
        path = out / f"{name}.docx"
        r = cli(*DEMO_DOCX[name], "-o", path)
        assert r.code == 0 and r.exception is None, (name, r.stderr, r.exception)
        files[name] = path
    return files
