"""replace-throughout: words replaced wherever they occur in a scope (the title, the
preambular paragraphs, the operative paragraphs, or all of the text).

    Replace “child” with “children” in the title, the preambular paragraphs and the
    operative paragraphs
    Replace “Member States” with “States” throughout the text

Planning finds every occurrence (whole words, through typographic differences too) and makes
each an edit of its unit, so each is claimed against other changes like any word change and
a deleted paragraph holding one is a conflict. Carried forward, the words are looked for again
in the newer version's scope.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...errors import AssemblerError
from ...lang import ENGLISH, Language
from ...model import descendants
from ..model import Change
from ..targets import UnitIndex
from ..words import UnitWords, typographic
from .base import (TEXT, WORDS, Difference, NotCarried, Planning, Reading, error, scope_words,
                   new_content)
from .grammar import END, FLAGS, group, quoted, short
from .inwords import WordKind

SCOPES = ("title", "preamble", "operative", "all")
_READ = {"title": "title", "preamble": "preamble", "preambular paragraphs": "preamble",
         "preambular part": "preamble", "preambular section": "preamble",
         "operative paragraphs": "operative", "operative part": "operative",
         "operative section": "operative", "text": "all", "whole text": "all",
         "entire text": "all", "draft resolution": "all", "draft": "all",
         "draft decision": "all", "resolution": "all", "document": "all"}
_THE = r"(?:the\s+)?(?:words?\s+)?"


class ReplaceThroughout(WordKind):
    name = "replace-throughout"
    has_text = True
    example = ("Replace “Member States” with “States” in the preambular paragraphs and the "
               "operative paragraphs")
    schema = {"additionalProperties": False, "required": ["words", "text", "scope"],
              "properties": {"kind": True, "words": WORDS, "text": TEXT,
                             "scope": {"type": "array", "minItems": 1, "uniqueItems": True,
                                       "items": {"enum": list(SCOPES)}},
                             "exact": {"type": "boolean"}}}
    forms = (
        re.compile(rf"^replace\s+{_THE}{quoted('w')}\s*,?\s+(?:with|by)\s+{_THE}{quoted('x')}"
                   rf"\s*,?\s+(?P<scope>throughout.*?|in\s+.+?){END}", FLAGS),
        re.compile(rf"^(?P<scope>throughout.*?|in\s+the\s+title.*?|in\s+the\s+(?:preambular|"
                   rf"operative)\s+(?:paragraphs|part).*?)\s*,\s*replace\s+{_THE}{quoted('w')}"
                   rf"\s+(?:with|by)\s+{_THE}{quoted('x')}{END}", FLAGS),
    )

    def from_mapping(self, m: dict, line) -> Change:
        return Change(self.name, " ".join(m["scope"]), words=m["words"], text=m["text"],
                      exact=bool(m.get("exact", False)), line=line)

    def to_mapping(self, c: Change) -> dict:
        return {"words": c.words, "text": c.text, "scope": c.target.split()}

    def write(self, c: Change, name, lang: Language = ENGLISH) -> str:
        scope = c.target.split()
        where = lang.prose["scope-all"] if "all" in scope else lang.say(
            "scope-in", parts=lang.listing([lang.prose[f"scope-{s}"] for s in scope]))
        return lang.say(self.name, words=lang.quote(c.words), text=lang.quote(c.text),
                        scope=where)

    def read(self, m: re.Match, r: Reading) -> list[Change]:
        return [Change(self.name, " ".join(scope_of(m["scope"], r)), words=group(m, "w") or "",
                       text=group(m, "x") or "", line=r.line)]

    # ---- application: one planned edit for every occurrence
    def make(self, words: UnitWords, c: Change, s: int, e: int):
        return words.edit(s, e, c.text, exact=c.exact, delete=not c.text)

    def plan(self, p, ctx: Planning) -> list:
        c = p.change
        if c.text:
            new_content(p, c.text)
        out = []
        for uid in units_in(ctx.index, c.target):
            words = ctx.words(uid)
            for s, e, note in _occurrences(words, c.words):
                edit = self.make(words, c, s, e)
                out.append(replace(p, unit=uid, edit=replace(edit, note=note) if note
                                   else edit))
        if not out:
            raise error(p, f"the words “{c.words}” are not in {scope_words(c.target, ENGLISH)}",
                        hint="quote them as the text has them, or widen the scope")
        return out

    def with_ids(self, c: Change, p) -> Change:
        return c

    def carry(self, c: Change, old: UnitIndex, new: UnitIndex) -> Change:
        if not any(_occurrences(UnitWords(new.units[u].content, new.number), c.words)
                   for u in units_in(new, c.target)):
            raise NotCarried("scope-gone", words=c.words, scope=c.target,
                             new=new.draft.metadata.version)
        return c

    def infer(self, d: Difference) -> Change | None:
        if d.what != "throughout":
            return None
        return Change(self.name, d.unit, words=d.said, text=d.text, exact=True)

    # ---- inference across units
    def combine(self, changes: list, index: UnitIndex) -> list:
        """The same words replaced the same way at every place they stand in a part (or the
        whole text), in two or more units: one replacement throughout, where it makes the
        very same text."""
        groups: dict = {}
        for c in changes:
            if c.kind == "replace-words":
                groups.setdefault((c.words, c.text), []).append(c)
        out = list(changes)
        for (said, text), cs in groups.items():
            units = {c.target for c in cs}
            if len(units) < 2:
                continue
            merged = self._merged(said, text, cs, units, index)
            if merged is not None:
                first = out.index(cs[0])
                out = [c for c in out if c not in cs]
                out.insert(min(first, len(out)), merged)
        return out

    names_units = False   # its target is a scope: title, preamble, operative, all

    def arbitrary(self, draw, a) -> Change:
        st = a.st
        scope = draw(st.one_of(st.just(["all"]), st.lists(
            st.sampled_from(["title", "preamble", "operative"]), min_size=1, max_size=3,
            unique=True)))
        return Change(self.name, " ".join(scope), words=draw(a.words), text=draw(a.text))

    def _merged(self, said: str, text: str, cs: list, units: set, index: UnitIndex):
        from .replace_words import KIND as replace_words
        for scope in ("preamble", "operative", "all"):
            inside = units_in(index, scope)
            if not units <= set(inside):
                continue
            words = {u: UnitWords(index.units[u].content, index.number) for u in inside}
            found = {u: _occurrences(w, said) for u, w in words.items()}
            if sum(map(len, found.values())) != len(cs) or \
                    any(len(found[u]) != sum(c.target == u for c in cs) for u in units):
                return None
            for exact in (False, True):
                merged = replace(self.infer(Difference("throughout", scope, said=said,
                                                       text=text)), exact=exact)
                try:
                    same = all(
                        words[u].apply([self.make(words[u], merged, s, e)
                                        for s, e, _ in found[u]]) ==
                        words[u].apply([replace_words.edit(words[u], c)
                                        for c in cs if c.target == u])
                        for u in units)
                except AssemblerError:
                    same = False
                if same:
                    return merged
            return None
        return None


def scope_of(words: str, r: Reading) -> list[str]:
    """["title", "preamble"] from "in the title and the preambular paragraphs"."""
    w = " ".join(words.split())
    w = re.sub(r"^(?:throughout|in)\s*", "", w, flags=re.I)
    if not w:
        return ["all"]
    out: list[str] = []
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", w):
        key = re.sub(r"^(?:the\s+|its\s+)", "", item.strip().lower())
        scope = _READ.get(key)
        if scope is None:
            raise AssemblerError(f"in “{short(r.sentence)}”: “{item}” is not a scope a "
                                 f"replacement throughout can have", line=r.line, file=r.file,
                                 hint="say in the title, the preambular paragraphs, the "
                                      "operative paragraphs, or throughout the text")
        if scope in out:
            raise AssemblerError(f"in “{short(r.sentence)}”: {scope_words(scope, ENGLISH)} "
                                 f"is named twice", line=r.line, file=r.file,
                                 hint="name each part once")
        out.append(scope)
    return ["all"] if "all" in out else out


def units_in(index: UnitIndex, scope: str) -> list[str]:
    """The units of a scope, in document order."""
    parts = scope.split()
    every = "all" in parts
    out = []
    if (every or "title" in parts) and "title" in index.units:
        out.append("title")
    d = index.draft
    for part, units in (("preamble", d.preamble), ("operative", d.operative)):
        if every or part in parts:
            out += [x.id for u in units for x in (u, *descendants(u))]
    return out


def _occurrences(words: UnitWords, quoted_words: str) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence, not overlapping; through typographic differences only
    where there is no exact one."""
    from ..words import differences
    spans = [(s, s + len(quoted_words)) for s in words.occurrences(quoted_words)]
    note = ""
    if not spans:
        spans = typographic(words.text, quoted_words)
    out, reach = [], -1
    for s, e in spans:
        if s < reach or not _whole(words.text, s, e):
            continue
        note = "" if words.text[s:e] == quoted_words or s in words.occurrences(quoted_words) \
            else differences(quoted_words, words.text[s:e])
        out.append((s, e, note))
        reach = e
    return out


def _whole(text: str, s: int, e: int) -> bool:
    return not (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) and \
        not (e < len(text) and text[e].isalnum() and text[e - 1].isalnum())


KIND = ReplaceThroughout()
