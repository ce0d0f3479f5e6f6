"""Which words of a language table the code looks up: the stub table registered with one
family's mapping recording every key read, so a test can show that a block keeps no dead
words (every key is read when the documents are made)."""
from __future__ import annotations

from dataclasses import replace

from assembler.lang import TABLES

from langstub import STUB


class Recording(dict):
    """A mapping that notes each key read."""

    def __init__(self, words):
        super().__init__(words)
        self.used: set[str] = set()

    def __getitem__(self, key):
        self.used.add(key)
        return super().__getitem__(key)


def recording(monkeypatch, family: str) -> Recording:
    """Register the stub ("xx") with `family`'s mapping ("redline") recording; return it."""
    words = Recording(getattr(STUB, family))
    monkeypatch.setitem(TABLES, STUB.key, replace(STUB, **{family: words}))
    return words
