"""Changes as the sentences delegations write, both ways; each kind holds its own sentences
(amendments/kinds/), this module picks the kind.

    In operative paragraph 5, after “co-facilitators” insert “, one from a developing ...”.
    In the fourteenth preambular paragraph, replace the second occurrence of “and” with “or”.
    Insert a new operative paragraph after operative paragraph 7, reading: “*Encourages* ...”.
    Delete the third preambular paragraph and operative paragraphs 5 to 7.
    Replace “child” with “children” in the title and the operative paragraphs.

Quoted text may use “ ”, ‘ ’, " " or ' '. Inserted text keeps the draft's inline markup
(*italic*). Written sentences name units as the base version numbers them; read sentences
keep the label as written (or give the id when an index of the base version is at hand). An
amendment's body is split into its instructions by `instructions`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..errors import AssemblerError
from .kinds import REGISTRY, Reading, kind
from ..lang import ENGLISH, Language, language_of
from .kinds.grammar import PLURAL, labels, short
from .model import Change, PARTS
from .targets import UnitIndex, in_part

def change_to_prose(change: Change, index: UnitIndex | None = None, *,
                    lang: Language | None = None) -> str:
    """The change as the UN writes it: preambular paragraphs by ordinal ("the fourteenth
    preambular paragraph"), operative ones by number, a full stop at the end. In the index's
    draft's language, or `lang` without an index (English when neither)."""
    if lang is None:
        lang = language_of(index.draft.metadata) if index is not None else ENGLISH

    def name(target: str) -> str:
        return unit_words(target, index, lang)
    sentence = kind(change.kind).write(change, name, lang)
    return sentence if sentence.endswith((".", ":")) else sentence + "."


def for_readers(change: Change, index: UnitIndex | None = None) -> Change:
    """The change as readers see it, not to be read back: its text's plain words (no inline
    markup, no footnote markers, cross-references by the numbers the base version gives),
    and no machine id for a new unit (the sentence says where it goes)."""
    from ..inline import plain
    from ..source.markup import parse_inline

    def words(text: str) -> str:
        return plain(parse_inline(text), ref=lambda t: unit_words(t, index)) if text else text
    shown = replace(change, text=words(change.text), words=words(change.words))
    return replace(shown, new_id="")   # a new unit's id, whatever kind makes it


def readers_prose(change: Change, index: UnitIndex | None = None, *,
                  lang: Language | None = None) -> str:
    """The sentence a person reads (a compilation, `diff`, a proposal file's header)."""
    return change_to_prose(for_readers(change, index), index, lang=lang)


def unit_words(target: str, index: UnitIndex | None = None,
               lang: Language = ENGLISH) -> str:
    """How a sentence names a unit: "the fourteenth preambular paragraph", "operative
    paragraph 5 (b)", "the title"."""
    if index is not None and (target in index.units or target in PARTS):
        label = index.labels.get(target)
        if label is not None and label.kind == "pp" and label.number.isdigit():
            return in_part(_pp(int(label.number), lang), label, lang)
        return index.label_of(target)
    named = labels(target) if index is None else None
    if named and len(named) == 1 and named[0].startswith("PP ") and named[0][3:].isdigit():
        return _pp(int(named[0][3:]), lang)
    return target


def _pp(n: int, lang: Language) -> str:
    return lang.prose["pp"].format(ordinal=lang.prose_ordinal(n, "pp"))


def prose_to_changes(sentence: str, index: UnitIndex | None = None, *,
                     line: int | None = None, file: str | None = None) -> list[Change]:
    """Every change one sentence says."""
    s = _spaced(sentence) if "\n" in sentence else sentence.strip()
    # numbers are computed from position: renumbering needs no saying
    s = _RENUMBER.sub("", s)
    clauses = _clauses(s)   # several changes in one paragraph, said in one sentence
    if clauses and all(_form_of(c) for c in clauses):
        return [c for clause in clauses
                for c in prose_to_changes(clause, index, line=line, file=file)]
    r = Reading(index, s, line, file)
    found = _form_of(s)
    if found:
        k, m = found
        return k.read(m, r)
    raise AssemblerError(f"cannot read the sentence “{short(s)}”", line=line, file=file,
                         hint=f"the nearest form it reads: {nearest_form(s)}")


_HEAD = re.compile(r"^(in\s+[^“‘\"]+?),\s*(?=(?:after|before|at|insert|add|delete|replace)\b)"
                   r"(.+)$", re.I | re.S)
_VERBS = re.compile(r"^(insert|add|delete|replace)\b", re.I)
_AND = re.compile(r"\s*[,;]?\s+and\s+(?=(?:insert|add|delete|replace)\b|[“‘\"])", re.I)


def _form_of(sentence: str):
    """The kind and the match of the first form that reads the sentence, or None."""
    for k in REGISTRY.values():
        for form in k.forms:
            m = form.match(sentence)
            if m:
                return k, m
    return None


def _clauses(sentence: str) -> list[str] | None:
    """"In operative paragraph 9, after “X” insert “Y” and delete “Z”" (and "delete “A” and
    “B”", "replace “A” with “B” and “C” with “D”") as one sentence a change, each "In
    operative paragraph 9, ..."; None when the sentence is not so made."""
    m = _HEAD.match(sentence.rstrip(" ."))
    if not m:
        return None
    head, rest = m.groups()
    parts = _outside_quotes_split(rest)
    if len(parts) < 2:
        return None
    out, verb = [], ""
    for part in parts:
        said = _VERBS.match(part)
        if said:
            verb = said.group(1)
        elif part[:1] in "“‘\"" and verb.lower() in ("delete", "replace"):
            part = f"{verb} {part}"     # "delete “A” and “B”": the verb said once
        elif out:
            return None
        out.append(f"{head}, {part}")
    return out


def _outside_quotes_split(text: str) -> list[str]:
    """`text` split at " and " (before a verb or a quotation) where no quotation is open."""
    parts, start, depth = [], 0, 0
    k = 0
    while k < len(text):
        ch = text[k]
        if ch in "“‘":
            depth += 1
        elif ch in "”’" and depth:
            depth -= 1
        elif depth == 0:
            m = _AND.match(text, k)
            if m and m.start() == k and text[k:m.end()].strip():
                parts.append(text[start:k])
                start = k = m.end()
                continue
        k += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _spaced(sentence: str) -> str:
    """Spaces collapsed; an instruction bringing several new paragraphs keeps a blank line
    between them (see `instructions`)."""
    if not _several(sentence):
        return " ".join(sentence.split())
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", sentence)
                       if part.strip())


def _several(sentence: str) -> bool:
    """Whether an instruction brings several new paragraphs ("insert the following new
    paragraphs:"): its words before the colon say so."""
    head = re.split(r"[:“\"]", sentence, maxsplit=1)[0]
    return bool(PLURAL.search(head)) and bool(re.search(r"\b(?:insert|add)\b", head, re.I))


_RENUMBER = re.compile(r"\s*[,;]?\s*and\s+renumber\s+(?:the\s+)?(?:\w+\s+){0,3}?"
                       r"(?:paragraphs?|sub-?paragraphs?)\s+accordingly(?=\s*[.;]?\s*$)", re.I)
_SHAPE = re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"]*\"|\d+")


def nearest_form(sentence: str) -> str:
    """The example, among the kinds', that reads most like the sentence (quoted words and
    numbers set aside)."""
    from difflib import SequenceMatcher

    def shape(x: str) -> str:
        return _SHAPE.sub("…", x.lower())
    mine = shape(sentence)
    return max((k.example for k in REGISTRY.values()),
               key=lambda ex: SequenceMatcher(None, mine, shape(ex)).ratio())


def prose_to_change(sentence: str, index: UnitIndex | None = None, *,
                    line: int | None = None) -> Change:
    """The one change a sentence says (an error when it says several)."""
    changes = prose_to_changes(sentence, index, line=line)
    if len(changes) != 1:
        raise AssemblerError(f"the sentence “{short(sentence)}” makes {len(changes)} changes",
                             line=line, hint="write one change a sentence here")
    return changes[0]


# ---------------------------------------------------------------- instructions

_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|\(\d{1,3}\)|[-*•])(?:\s+|$)")
# an instruction opens with a capital; a wrapped line may well start "in accordance with"
_VERB = re.compile(r"^(?:In|Delete|Replace|Insert|Add|Move|After|Before|At|Throughout)\b")
_OPENING, _CLOSING = "“‘", "”’"


def instructions(lines, file: str | None = None) -> list[tuple[int, str]]:
    """The instructions of an amendment's body, as (first line, sentence): numbered or not,
    a sentence broken across lines joined again, and the text of a new paragraph that
    follows its instruction on the next lines ("... reading:" then the paragraph) kept
    with it; after "insert the following new paragraphs:" every paragraph up to the next
    instruction is kept, a blank line between them. `lines` are (line number, text) pairs;
    lines starting with # are comments."""
    out: list[list] = []   # [first line, text, open for a paragraph of text]
    gap = False
    numbered = False       # whether the instructions are numbered (the first one is)
    for n, raw in lines:
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            gap = True
            continue
        marker = _MARKER.match(line)
        cur = out[-1] if out else None
        if marker and cur is not None and (cur[2] or cur[1].endswith(":")) and \
                _numbers_text(marker.group(0), sum(1 for o in out if o[1]) + 1, numbered):
            marker, gap = None, True   # "5." of a new paragraph the instruction brings
        if marker:
            line = line[marker.end():].strip()
            numbered = numbered or not out
        if cur is not None and not marker and gap and _several(cur[1]) and \
                (cur[2] or _text_follows(cur[1])) and \
                not _VERB.match(line):   # the next of several new paragraphs
            cur[1] = f"{cur[1]}\n\n{line}"
            gap = False
            continue
        joins = cur is not None and not marker and (
            _unbalanced(cur[1]) or cur[1].endswith(":") or (cur[2] and not gap) or
            (not gap and not _VERB.match(line) and not _complete(cur[1])))
        if joins:
            cur[2] = cur[2] or cur[1].endswith(":")
            # a word broken at a hyphen across lines ("co-" / "facilitators") joins whole
            glue = "" if cur[1].endswith(("-", "\u2011")) and line[:1].islower() else " "
            if gap and cur[1].endswith(":") and _several(cur[1]):
                glue = "\n\n"   # the first of several new paragraphs, apart as printed
            cur[1] = f"{cur[1]}{glue}{line}" if cur[1] else line
        elif line or marker:
            out.append([n, line, False])
        gap = False
    for first, text, _ in out:
        if _unbalanced(text):
            raise AssemblerError("a quotation opened here is never closed", file=file,
                                 line=first, hint="close every “ with ” (and ‘ with ’)")
    return [(first, text) for first, text, _ in out if text]


def _text_follows(text: str) -> bool:
    """Whether new text, unquoted, follows the instruction's colon on its line."""
    _, colon, rest = text.partition(":")
    return bool(colon) and bool(rest.strip()) and rest.strip()[:1] not in _OPENING + '"'


def _numbers_text(marker: str, expected: int, numbered: bool) -> bool:
    """Whether a number opening a line under an instruction that brings text numbers a new
    paragraph of that text rather than the next instruction: the instructions are not
    numbered, or it is not the next instruction's number."""
    digits = re.sub(r"\D", "", marker)
    return bool(digits) and (not numbered or int(digits) != expected)


def _unbalanced(text: str) -> bool:
    return sum(text.count(c) for c in _OPENING[:1]) != sum(text.count(c) for c in _CLOSING[:1])


def _complete(text: str) -> bool:
    return text.rstrip("”’\"' ").endswith((".", ";")) or text.endswith((".", ";"))
