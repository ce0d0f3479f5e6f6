"""A second language table for tests: every English line marked ("XX", "xx-", "zz-"), so a
test can tell which words came from the table. `stub` is the fixture that registers it;
`in_language` gives a committed draft with a `language:` line."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from assembler.amendments.kinds import REGISTRY
from assembler.lang import ENGLISH, TABLES
from assembler.source.reader import parse_draft

from conftest import ROOT

DRAFTS = ROOT / "drafts" / "gcm-modalities"

STUB = replace(
    ENGLISH, key="xx", name="Xish", word="xx-XX", html="xx", akn="xxx",
    ordinal=lambda n: f"#{n}",
    masthead={k: f"XX {v}" for k, v in ENGLISH.masthead.items() if k != "list_separator"}
    | {"list_separator": " + "},
    long_names={k: f"xx-{v}" for k, v in ENGLISH.long_names.items()},
    places={k: f"xx-{v}" for k, v in ENGLISH.places.items()},
    stage_names={k: v and f"Zz{v.lower()}" for k, v in ENGLISH.stage_names.items()},
    letters={k: f"zz-{v}" for k, v in ENGLISH.letters.items()}
    | {"draft": "zzdraft", "senders": " & "},
    leads=replace(ENGLISH.leads, operative=frozenset({"xxdecidez"}), preambular=frozenset(),
                  participle="xxing", verb_ending="zz"),
    prose_ordinal=lambda n, use: f"#{n}{use}",
    # English's phrases and those kinds bring with them
    prose={k: f"xx-{v}" for k, v in ENGLISH.prose.items()}
    | {k: f"xx-{v}" for kind in REGISTRY.values() for k, v in kind.own_prose.get("en", {}).items()}
    | {"pp": "xx-pp {ordinal}", "occurrence": "xx-occurrence {ordinal} of ",
       "quote": "«{text}»", "comma": " ; ", "and": "{rest} et {last}"},
    # the documents' words: each marked "xx-" at its start
    redline={k: f"xx-{v}" for k, v in ENGLISH.redline.items()},
    compilation={k: f"xx-{v}" for k, v in ENGLISH.compilation.items()},
    comparison={k: f"xx-{v}" for k, v in ENGLISH.comparison.items()},
    amendment={k: f"xx-{v}" for k, v in ENGLISH.amendment.items()},
    # dates as French prints them: months in lower case, accents ("22 décembre 2016")
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"))


@pytest.fixture()
def stub(monkeypatch):
    monkeypatch.setitem(TABLES, STUB.key, STUB)
    return STUB


def in_language(name: str, key: str, **lines: str | None):
    """A committed draft with a `language:` line (and metadata lines replaced)."""
    text = (DRAFTS / name).read_text("utf-8")
    head, body = text.split("\n\n", 1)
    for k, v in lines.items():   # None: the line goes
        head = re.sub(rf"^{k}: .*\n?", "" if v is None else f"{k}: {v}\n", head + "\n",
                      flags=re.M).rstrip("\n")
    draft, _ = parse_draft(f"{head}\nlanguage: {key}\n\n{body}", name)
    return draft
