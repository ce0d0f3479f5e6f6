"""What every change kind must say about itself, and the contexts it says it in.

A kind is one module of this package holding one Kind: its schema fragment (the fields of its
YAML mapping), its prose both ways (the sentence it writes, the sentences it reads), how it is
placed against the base version and built into the next one, the span it claims (what two
changes may not both do), how it is carried onto a newer version, and the differences between
two versions it expresses (inference). Kind is abstract: a kind lacking a part cannot be made,
and tests/amendments/test_kinds.py checks each part does its work.
"""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, ClassVar, NamedTuple

from ...errors import AssemblerError
from ...inline import plain
from ...lang import ENGLISH, Language
from ...model import Content, Heading, OperativeParagraph, PreambularParagraph, SubParagraph
from ...source.markup import parse_inline
from ..model import PARTS, Change, Proposal
from ..targets import UnitIndex
from ..words import Edit, UnitWords


MAKERS = {"pp": PreambularParagraph, "op": OperativeParagraph, "sub": SubParagraph,
          "heading": Heading}   # the units changes insert, delete and move


class NotCarried(Exception):
    """A change that no longer applies to the newer version. `why` names the reason's
    sentence ("not-carried-{why}" in a language's compilation words), `fields` fill it:
    labels and versions as they are, `words` and `reads` quoted, `scope` said in words."""

    def __init__(self, why: str, **fields: str):
        super().__init__(why)
        self.why, self.fields = why, tuple(fields.items())

    def __str__(self) -> str:
        return carried_reason(self.why, self.fields, ENGLISH)


def carried_reason(why: str, fields: tuple, lang: Language) -> str:
    """Why a change no longer applies, in a language."""
    words = lang.compilation
    said = dict(fields)
    if "words" in said:
        said["words"] = lang.quote(said["words"])
    reads = said.pop("reads", "")
    said["now"] = words["not-carried-now-reads"].format(text=lang.quote(reads)) if reads else ""
    if "scope" in said:
        said["scope"] = scope_words(said["scope"], lang)
    return words[f"not-carried-{why}"].format(**said)


def scope_words(scope: str, lang: Language) -> str:
    """The parts a replacement throughout is made in: "the title or the preambular
    paragraphs", "the text"."""
    parts = scope.split()
    if "all" in parts:
        return lang.compilation["scope-text"]
    return lang.compilation["scope-or"].join(lang.prose[f"scope-{s}"] for s in parts)


# ---------------------------------------------------------------- contexts

class Claim(NamedTuple):
    """What a planned change needs to itself. `what` is one of:
    words (an edit of the unit's words), replaces, deletes, moves (the unit), places (a
    (reference, position) where a unit goes), needs (the unit must stay)."""
    what: str
    key: object


CLAIMS = ("words", "replaces", "deletes", "moves", "places", "needs")


class Planning:
    """The base version as changes are placed against it: its index, each unit's words (made
    once), and the ids of units that changes insert."""

    def __init__(self, index: UnitIndex, words_cache: dict | None = None):
        self.index = index
        self.cache = {} if words_cache is None else words_cache
        self.new_ids: dict[str, str] = {}  # inserted unit id -> its kind
        # the draft amended, when changes are placed on the text as earlier instructions of
        # their document left it (ordered.py): quoted words not found in that text are
        # looked for there
        self.before: UnitIndex | None = None

    def label_of(self, uid: str) -> str:
        """A unit named as the draft amended numbers it (messages speak of that draft)."""
        if self.before is not None and uid in self.before.units:
            return self.before.label_of(uid)
        return self.index.label_of(uid)

    def words(self, uid: str) -> UnitWords:
        uw = self.cache.get(uid)
        if uw is None:
            uw = self.cache[uid] = UnitWords(self.index.units[uid].content, self.index.number)
        return uw

    def new_unit_id(self, p, kind: str) -> str:
        """The id of the unit a planned change makes (the one it asks for, else one made
        from its proposal and number), taken so that no other change makes it too."""
        uid = p.change.new_id or f"{kind}-{slug(p.proposal.id)}-{p.order[1]}"
        if uid in self.index.units or uid in self.new_ids:
            raise error(p, f"the new unit's id '{uid}' is already used",
                        hint="give the new unit another id")
        self.new_ids[uid] = kind
        return uid

    def unit(self, p, *, amendable: bool = False) -> str:
        """The base unit a change names (an error naming the change when there is none)."""
        uid = self.index.resolve(p.change.target)
        if uid is None or uid in PARTS:
            raise error(p, self.index.describe_missing(p.change.target),
                        hint="name it by id (op14.a) or as the base version numbers it "
                             "(OP 14 (a))")
        kind = self.index.units[uid].kind
        if amendable and kind in ("annex", "table", "row"):
            raise error(p, f"{uid} is a {kind}; only paragraphs, headings and footnotes can be "
                           "amended", hint="amend its paragraphs instead")
        return uid


def slug(pid: str) -> str:
    """A proposal's id as part of a unit's id."""
    return "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in pid)


def error(p, message: str, hint: str | None = None) -> AssemblerError:
    """An error about one planned change: its id, its proposal's file, its line."""
    return AssemblerError(f"{p.change.id}: {message}", file=p.proposal.file or None,
                          line=p.change.line, hint=hint)


_FOOTNOTE_MARK = re.compile(r"\w+\*+(?=[\s,;.:)”’]|$)")


def new_content(p, text: str, *, whole: bool = False) -> Content:
    """A change's new text read as inline markup; `whole` refuses an empty paragraph."""
    try:
        content = parse_inline(text)
    except AssemblerError as err:
        mark = _FOOTNOTE_MARK.search(text)
        if mark:   # "Development**": a printed footnote mark, not bold
            raise error(p, f"the text has a footnote mark (“{mark.group(0)}”), read as an "
                           f"unclosed italic or bold",
                        hint="leave the mark out, or write the footnote in the draft's markup "
                             "(a [^fn1] reference), or \\* for an asterisk") from None
        raise error(p, f"the text cannot be read: {err.message}", err.hint) from None
    if whole and not plain(content).strip():
        raise error(p, "the new text is empty", hint="to take a paragraph out, delete it")
    return content


# ---------------------------------------------------------------- the plan

@dataclass(frozen=True)
class Place:
    """A unit a planned change puts somewhere: a new one (`made`) or one it moves, `position`
    (before, after, start, end) the reference unit or part `ref`."""
    unit: str
    ref: str
    position: str
    made: object = None


@dataclass
class Planned:
    """A change resolved against the text it is made to. What it does is all here, typed:
    `unit` is the unit it is about, `edit` what it does to that unit's words, `places` the
    units it puts somewhere (a kind touching several units, a split, says each), so that
    applying, building, checking levels and compiling need to know no kind."""
    change: Change
    proposal: Proposal
    unit: str                 # the unit changed (or inserted)
    order: tuple              # (proposal id, change number): ties are broken the same always
    edit: Edit | None = None  # word changes of `unit`
    places: tuple[Place, ...] = ()
    # the net effect of a document's instructions applied in order (ordered.py): those
    # instructions, in order, as compilations show them
    said: tuple = ()

    @property
    def made(self) -> dict[str, object]:
        """The units it makes, by id."""
        return {q.unit: q.made for q in self.places if q.made is not None}


@dataclass
class Building:
    """The next version as the planned changes describe it, before it is put together."""
    contents: dict = field(default_factory=dict)                    # unit -> new content
    edits: dict = field(default_factory=lambda: defaultdict(list))  # unit -> [Edit]
    deleted: set = field(default_factory=set)
    moved: set = field(default_factory=set)
    new_units: dict = field(default_factory=dict)                   # id -> unit made
    new_footnotes: list = field(default_factory=list)               # notes new text brings
    places: dict = field(default_factory=lambda: defaultdict(list))  # (ref, pos) -> [(order, Place)]
    title: list = field(default_factory=list)                       # [(words, text)] in the title

    def place(self, p: Planned) -> None:
        """The units `p` places, each where it goes (made ones among the new units)."""
        for q in p.places:
            if q.made is not None:
                self.new_units[q.unit] = q.made
            self.places[(q.ref, q.position)].append((p.order, q))


@dataclass(frozen=True)
class Difference:
    """One difference between two versions, as inference finds it (amendments/infer.py).

    gone       unit                      a unit of the old version is not in the new one
    added      unit, at, position, text, unit_kind, new_id
    moved      unit, at, position
    rewritten  unit, text                its words changed beyond a few edits
    words      unit, said, text, occurrence; for an insertion (said empty) anchor, position
    """
    what: str
    unit: str
    at: str = ""
    position: str = ""
    text: str = ""
    unit_kind: str = ""
    new_id: str = ""
    said: str = ""
    anchor: str = ""
    occurrence: int = 0


class Reading(NamedTuple):
    """What a sentence is read with: the base version's index (or None), where it stands."""
    index: UnitIndex | None
    sentence: str
    line: int | None
    file: str | None = None


# ---------------------------------------------------------------- the kind

class Kind(ABC):
    name: ClassVar[str]
    schema: ClassVar[dict]          # the JSON Schema of its mapping (besides "kind")
    example: ClassVar[str]          # one sentence of its prose
    forms: ClassVar[tuple]          # the sentences it reads: compiled patterns
    has_text: ClassVar[bool] = False  # whether it brings new words (for previews)
    # Sentences and phrases of its own, by language key, for those the language tables do
    # not hold: a kind added later brings its words with it ({"en": {"split-unit": "..."}}).
    own_prose: ClassVar[dict] = {}
    # The operations the room's paragraph form offers for it: (value, what the menu says).
    room_ops: ClassVar[tuple] = ()
    # Whether its target (and destination) name units, which a document's instructions
    # name as the draft amended numbers them; a replacement throughout names parts.
    names_units: ClassVar[bool] = True

    # ---- data
    @abstractmethod
    def from_mapping(self, m: dict, line: int | None) -> Change:
        """A YAML mapping (already valid against `schema`) as a Change."""

    @abstractmethod
    def to_mapping(self, c: Change) -> dict:
        """The Change as a YAML mapping (without kind, occurrence and exact)."""

    # ---- prose
    @abstractmethod
    def write(self, c: Change, name: Callable[[str], str], lang: Language = ENGLISH) -> str:
        """The change as a delegation writes it; `name` gives a target's words, `lang` the
        prose's phrases."""

    @abstractmethod
    def read(self, m: re.Match, r: Reading) -> list[Change]:
        """The changes one of `forms` matched says."""

    # ---- application
    @abstractmethod
    def plan(self, p, ctx: Planning) -> list:
        """Place the change against the base (fills the Planned `p`); the planned changes."""

    @abstractmethod
    def claims(self, p) -> list[Claim]:
        """The conflict span: what this planned change needs to itself."""

    @abstractmethod
    def build(self, p, b: Building) -> None:
        """Its part of the next version."""

    @abstractmethod
    def preview(self, p, base_text: str, index: UnitIndex) -> tuple[list, str]:
        """The unit as it would read ([(text, op)]) and a note, for compilations."""

    @abstractmethod
    def with_ids(self, c: Change, p) -> Change:
        """The change naming its units by the ids planning found."""

    # ---- carrying forward, inference
    @abstractmethod
    def carry(self, c: Change, old: UnitIndex, new: UnitIndex) -> Change:
        """The change made against `old`, for `new` (raises NotCarried)."""

    @abstractmethod
    def infer(self, d: Difference) -> Change | None:
        """The change saying this difference, when this kind says it."""

    def combine(self, changes: list, index: UnitIndex) -> list:
        """Inferred changes (against the version `index` reads), some said in fewer changes
        of this kind; as they were by default."""
        return changes

    # ---- hooks the rest of the tool asks, each with the answer most kinds give
    def say(self, lang: Language, key: str, **fields: str) -> str:
        """A sentence or phrase in a language: the kind's own words first, then the
        language table's (a KeyError names what neither holds)."""
        template = self.own_prose.get(lang.key, {}).get(key) or lang.prose.get(key)
        if template is None:
            raise KeyError(f"{self.name}: no words for '{key}' in {lang.name}")
        return lang.contract(template.format(**fields))

    def anchor(self, p: Planned) -> str:
        """The unit a compilation shows the planned change under: the unit it changes."""
        return p.unit

    def undoes(self, p: Planned) -> bool:
        """Whether it changes its unit's own words or place, which deleting the unit loses
        (so a deletion conflicts with it even within one proposal)."""
        return p.edit is not None

    def from_form(self, op: str, target: str, text: str, field: Callable[[str], str],
                  index: UnitIndex) -> list[Change]:
        """The change the room's paragraph form describes: `op` one of room_ops, `target`
        the paragraph chosen, `text` what was typed, `field` any other field of the form.
        An AssemblerError says what is missing."""
        raise AssemblerError(f"{self.name} is not offered in the room's paragraph form")

    @abstractmethod
    def arbitrary(self, draw, a: "Arbitrary") -> Change:
        """A change of this kind for a generated draft (the property tests' strategy):
        `draw` and the strategies in `a` as hypothesis gives them."""


class Arbitrary(NamedTuple):
    """What the property tests give a kind to make an arbitrary change of it from:
    hypothesis's strategies module, the draft's units (structural units and footnotes),
    words found nowhere in it, and a new text (inline markup)."""
    st: object
    units: list
    words: object
    text: object

    def place(self, draw) -> tuple[str, str]:
        """(position, reference): where an inserted or moved unit goes."""
        st = self.st
        position = draw(st.sampled_from(["before", "after", "start", "end"]))
        ref = draw(st.sampled_from(self.units)).id
        if position in ("start", "end") and draw(st.booleans()):
            ref = draw(st.sampled_from(["preamble", "operative"]))
        return position, ref


def follow(target: str, old: UnitIndex, new: UnitIndex, change: Change) -> str:
    """A target named in the older version, as the id it has in the newer one."""
    uid = old.resolve(target)
    if uid is None:
        raise AssemblerError(f"{change.id}: {old.describe_missing(target)}", line=change.line)
    if uid not in new.units and uid not in PARTS:
        raise NotCarried("gone", unit=old.label_of(uid), version=old.draft.metadata.version,
                         new=new.draft.metadata.version)
    return uid


def place_key(position: str) -> str:
    return position + "-of" if position in ("start", "end") else position


def place_of(m: dict) -> tuple[str, str]:
    """(position, reference) of a mapping with after:, before:, start-of: or end-of:."""
    key = next(k for k in ("after", "before", "start-of", "end-of") if k in m)
    return key.replace("-of", ""), m[key]


PLACE_SCHEMA = [{"required": ["after"]}, {"required": ["before"]}, {"required": ["start-of"]},
                {"required": ["end-of"]}]
TARGET = {"$ref": "#/$defs/target"}
TEXT = {"$ref": "#/$defs/text"}
OCCURRENCE = {"$ref": "#/$defs/occurrence"}
WORDS = {"type": "string", "minLength": 1}
