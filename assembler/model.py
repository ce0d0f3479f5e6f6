"""The one model of a draft resolution that every reader fills and every writer renders.

Everything here is an immutable value (frozen dataclasses holding tuples), so operations
(apply, renumber, diff) are pure functions that share untouched units between versions.
Display numbers ("14", "(c)", "ii.") are never stored: see numbering.py.
"""
from __future__ import annotations

from dataclasses import field, fields, replace
from typing import Iterable, Iterator, Union

from .records import record

# A unit's stable id (op1, op1.a, fn2, annex1:p3): the one pattern the source format, its
# inline references, the change records and the proposals' schema and prose all use
UNIT_ID = r"[A-Za-z0-9][A-Za-z0-9._:-]*"
# A metadata value holding several lines (the closing's, the agenda items' titles)
LIST_SEPARATOR = " / "


def listed(value: str) -> tuple[str, ...]:
    """The lines of a metadata value written with " / " between them, each stripped, none
    empty."""
    return tuple(p.strip() for p in value.split(LIST_SEPARATOR) if p.strip())


def joined(lines: Iterable[str]) -> str:
    """Lines as one metadata value (what `listed` splits)."""
    return LIST_SEPARATOR.join(lines)


# ---------------------------------------------------------------- inline content

@record  # a frozen dataclass, made cheaply (records.py)
class Text:
    """A run of characters sharing one set of character formats."""
    text: str
    italic: bool = False
    bold: bool = False
    sup: bool = False


@record
class FootnoteRef:
    """A footnote marker; its number is its footnote's (numbering.footnote_numbers: by its
    first marker in the text)."""
    footnote: str  # id of a Footnote in Draft.footnotes


@record
class CrossRef:
    """A reference to another unit of the same draft ("paragraphs 14 and 19").

    It renders the target's current number, so it follows the unit through renumbering.
    References to other documents are plain Text and never change.
    """
    target: str  # id of a unit


@record
class Break:
    """A line break inside one unit (table cells)."""


Inline = Union[Text, FootnoteRef, CrossRef, Break]
Content = tuple  # tuple[Inline, ...]


# ---------------------------------------------------------------- units

@record
class PreambularParagraph:
    """A preambular paragraph; it may end in a lettered list of its own ("... a major
    contribution to:" then "(a) International peace and security,"), labelled as an
    operative paragraph's sub-paragraphs are."""
    id: str
    content: Content
    children: tuple = ()  # tuple[SubParagraph, ...]
    list_style: str | None = None
    list_continues: bool = False
    kind = "pp"


@record
class SubParagraph:
    """A lettered or numbered sub-paragraph; degree comes from its depth in the tree.

    list_style/list_continues describe how this unit's own children are labelled: the
    style ("(a)", "a.", "A)", "(i)", "i.") overrides the degree's default, and
    list_continues makes the count go on from the previous sibling's children (the seed's
    paragraph 14 labels group B's items d, e, f).
    """
    id: str
    content: Content
    children: tuple = ()
    list_style: str | None = None
    list_continues: bool = False
    kind = "sub"


@record
class OperativeParagraph:
    id: str
    content: Content
    children: tuple = ()  # tuple[SubParagraph, ...]
    list_style: str | None = None
    list_continues: bool = False
    kind = "op"


@record
class Heading:
    """A heading grouping the paragraphs after it ("Phase I"), operative or preambular.

    A part heading opens a part of a resolution in parts (A/RES/78/247: "I", "II", each
    with preambular paragraphs of its own): its number is computed ("I", "II"), and the
    paragraphs after it, preambular and operative, are numbered from 1 again. The first
    part's heading stands in the preamble; a later part's heading and its preambular
    paragraphs stand among the operative items."""
    id: str
    content: Content
    part: bool = False
    kind = "heading"


@record
class Footnote:
    id: str
    content: Content
    kind = "fn"


@record
class Row:
    id: str
    cells: tuple  # tuple[Content, ...]
    header: bool = False
    kind = "row"


@record
class Table:
    id: str
    rows: tuple = ()  # tuple[Row, ...]
    title: Content = ()
    landscape: bool = False
    kind = "table"


@record
class AnnexParagraph:
    id: str
    content: Content
    kind = "p"


@record
class Annex:
    id: str
    title: Content = ()
    body: tuple = ()  # tuple[AnnexParagraph | Table, ...]
    kind = "annex"


Unit = Union[PreambularParagraph, OperativeParagraph, SubParagraph, Heading, Footnote,
             Annex, AnnexParagraph, Table, Row]
OperativeItem = Union[OperativeParagraph, Heading, PreambularParagraph]  # PP: a later part's


# ---------------------------------------------------------------- the draft

STAGES = ("elements", "zero", "first", "rev", "final", "L", "L-rev", "adopted", "mapping")


@record
class Metadata:
    """What the masthead and the archive need; every field is optional text.

    `extra` keeps keys that later writers know and this module does not, in file order,
    so that the source format stays lossless.
    """
    negotiation: str = ""
    version: str = ""
    based_on: str = ""
    stage: str = ""
    stage_label: str = ""
    revision: str = ""
    date: str = ""
    title: str = ""
    organ: str = ""
    session: str = ""
    agenda_items: str = ""
    symbol: str = ""
    distribution: str = ""
    original_language: str = ""
    submitted_by: str = ""
    job_number: str = ""
    formula: str = ""
    closing: str = ""
    extra: tuple = ()  # tuple[tuple[str, str], ...]

    @classmethod
    def known_keys(cls) -> tuple[str, ...]:
        return tuple(f.name.replace("_", "-") for f in fields(cls) if f.name != "extra")

    def get(self, key: str) -> str:
        attr = key.replace("-", "_")
        if attr in {f.name for f in fields(self)} and attr != "extra":
            return getattr(self, attr)
        return dict(self.extra).get(key, "")

    def lines(self, key: str) -> tuple[str, ...]:
        """A value of several lines (closing, agenda-titles), one line each (`listed`)."""
        return listed(self.get(key))

    def items(self) -> Iterator[tuple[str, str]]:
        for key in self.known_keys():
            value = self.get(key)
            if value:
                yield key, value
        yield from self.extra

    def with_values(self, **values: str) -> "Metadata":
        known = {k: v for k, v in values.items() if k in {f.name for f in fields(self)}}
        rest = {k.replace("_", "-"): v for k, v in values.items() if k not in known}
        extra = dict(self.extra)
        extra.update(rest)
        return replace(self, **known, extra=tuple((k, v) for k, v in extra.items() if v))


@record
class Provenance:
    """One change that made this version from the one it is based on (Metadata.based_on):
    which change of which proposal, of what kind, on which unit, and who proposed it.
    A deleted unit is named by its id in the base version."""
    change: str          # "P-07/2": proposal id, slash, the change's number in it
    kind: str            # insert-words, replace-unit, delete-unit, ... (amendments/model.py)
    unit: str
    proposer: str = ""

    @property
    def proposal(self) -> str:
        return self.change.rsplit("/", 1)[0]


@record
class Draft:
    metadata: Metadata = field(default_factory=Metadata)
    preamble: tuple = ()   # tuple[PreambularParagraph | Heading, ...]: a heading may group
    # preambular paragraphs ("Transport and transit corridors", or "* * *"), as in A/RES/78/148
    operative: tuple = ()  # tuple[OperativeParagraph | Heading, ...], and in a resolution in
    # parts a later part's heading and preambular paragraphs (Heading.part)
    footnotes: tuple = ()  # tuple[Footnote, ...]
    annexes: tuple = ()    # tuple[Annex, ...]
    provenance: tuple = ()  # tuple[Provenance, ...]: the changes that made this version

    # -- traversal -------------------------------------------------------------
    def units(self) -> Iterator[Unit]:
        """Every unit in document order (footnotes last)."""
        for item in self.preamble + self.operative:
            yield item
            yield from descendants(item)
        for annex in self.annexes:
            yield annex
            for block in annex.body:
                yield block
                if isinstance(block, Table):
                    yield from block.rows
        yield from self.footnotes

    def unit_index(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units()}

    def footnote(self, fid: str) -> Footnote | None:
        for fn in self.footnotes:
            if fn.id == fid:
                return fn
        return None

    def preambular_paragraphs(self) -> list[PreambularParagraph]:
        """Every preambular paragraph, a later part's too."""
        return [u for u in self.preamble + self.operative if isinstance(u, PreambularParagraph)]

    def in_parts(self) -> bool:
        return any(isinstance(u, Heading) and u.part for u in self.preamble + self.operative)

    def operative_paragraphs(self) -> list[OperativeParagraph]:
        return [u for u in self.operative if isinstance(u, OperativeParagraph)]


def table_notes(annex: Annex) -> list[AnnexParagraph]:
    """The lettered notes under a table ("a See A/79/555."), which a draft keeps as
    paragraphs after it: each opens with its letter raised."""
    notes, after_table = [], False
    for block in annex.body:
        first = block.content[0] if isinstance(block, AnnexParagraph) and block.content \
            else None
        if after_table and isinstance(first, Text) and first.sup \
                and len(first.text.strip()) == 1 and first.text.strip().isalpha():
            notes.append(block)
            continue
        after_table = isinstance(block, Table)
    return notes


def in_later_part(kinds: list[str]) -> bool:
    """Do the operative items read so far (their kinds: "op", "pp", "heading", "part" for a
    part heading) end in a later part's heading and its preambular paragraphs, so that a
    preambular paragraph read next belongs among them? A reader's rule for resolutions in
    parts."""
    for kind in reversed(kinds):
        if kind == "part":
            return "op" in kinds
        if kind == "op":
            return False
    return False


def descendants(unit) -> Iterator[SubParagraph]:
    """A unit's sub-paragraphs at every degree, in document order."""
    for child in getattr(unit, "children", ()):
        yield child
        yield from descendants(child)


def contents_of(unit: Unit) -> Iterator[Content]:
    """The inline contents a unit holds directly (a row holds one per cell)."""
    if isinstance(unit, Row):
        yield from unit.cells
    elif isinstance(unit, (Annex, Table)):
        yield unit.title
    else:
        yield unit.content
