"""Display numbers computed from position: the only place labels come from.

Stable ids are identity; "14", "(c)", "ii." are rendering. Deleting a paragraph renumbers
everything after it, and cross-references follow because they point at ids.
"""
from __future__ import annotations

from .lang import ENGLISH, Language
from .inline import footnote_refs
from .model import Draft, Heading, contents_of
from .records import record

DEGREE_STYLES = {1: "(a)", 2: "(i)", 3: "a.", 4: "i."}
_TOKENS = "aAiI1"


@record  # a frozen dataclass, made cheaply (records.py)
class Label:
    """How one unit is numbered in one version of a draft."""
    kind: str               # "pp", "op", "sub", "heading"
    mark: str               # what is printed before the text: "14.", "(a)", "" for a PP
    path: tuple             # ("14", "(a)") for a sub-paragraph, ("3",) for PP 3
    degree: int = 0         # 0 for PP/OP/heading, 1..4 for sub-paragraphs
    root: str = ""          # the part a sub-paragraph's or a heading's paragraph is in: "op",
    # or "pp" for a preambular paragraph's list and a heading among preambular paragraphs;
    # "part" for a part heading
    part: str = ""          # in a resolution in parts, the part the unit is in: "II"
    head: str = ""          # a sub-paragraph of a numbered operative paragraph: that
    # paragraph's id, whose counted number a reference to the sub-paragraph starts with

    @property
    def named(self) -> str:
        """The kind a unit is named by: a sub-paragraph by its paragraph's ("OP 3 (a)",
        "PP 2 (b)"), any other by its own."""
        return (self.root or "op") if self.kind == "sub" else self.kind

    @property
    def number(self) -> str:
        """The reference form used inside the text: "14", "14 (a)"."""
        return " ".join(self.path)

    @property
    def counted(self) -> bool:
        """An operative paragraph's number is a list number the word processor counts, and
        a reference to it a field it counts again (ooxml.formats.number_of): like the
        paragraph's own number, such a reference follows its target with no edit. A
        reference to a sub-paragraph of it starts with that field ("20" of "20 (a)")."""
        return bool(self.mark) and (self.kind == "op" or bool(self.head))

    def follows(self, old: Label) -> bool:
        """A reference printing this label where it printed `old` only followed its target
        when the word processor counts the number that changed: the operative paragraph's,
        its sub-paragraph's letters the same."""
        return self.counted and old.counted and self.kind == old.kind \
            and self.path[1:] == old.path[1:]

    @property
    def short(self) -> str:
        """The form delegations write in compilations: "OP 14 (a)", "PP 3"."""
        return self.short_in(ENGLISH)

    def short_in(self, lang: Language) -> str:
        """The short form in a draft's language; in a resolution in parts, with the part
        ("OP II.1", "PP II.2 (a)")."""
        within = f"{self.part}." if self.part and self.root != "part" else ""
        return f"{lang.short_names[self.named]} {within}{self.number}"


def roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                       (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                       (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (UN practice doubles the letter)."""
    base = chr(ord("a") + (n - 1) % 26)
    return base * ((n - 1) // 26 + 1)


def format_mark(style: str, n: int) -> str:
    """Put the n-th counter into a style such as "(a)", "a.", "A)", "(i)", "1."."""
    for i, ch in enumerate(style):
        if ch in _TOKENS:
            if ch == "a":
                counter = letters(n)
            elif ch == "A":
                counter = letters(n).upper()
            elif ch == "i":
                counter = roman(n)
            elif ch == "I":
                counter = roman(n).upper()
            else:
                counter = str(n)
            return style[:i] + counter + style[i + 1:]
    raise ValueError(f"list style {style!r} has no counter (one of a, A, i, I, 1)")


def valid_style(style: str) -> bool:
    return sum(style.count(t) for t in _TOKENS) == 1 and len(style) <= 4


def _bare(mark: str) -> str:
    """The mark as written inside a reference: "(a)" stays, "a." becomes "a"."""
    return mark.rstrip(".") if not mark.startswith("(") else mark


def compute_labels(draft: Draft) -> dict[str, Label]:
    labels: dict[str, Label] = {}
    pp = op = parts = 0
    part = ""
    items = draft.preamble + draft.operative
    alone = _alone(items)
    for k, item in enumerate(items):
        if isinstance(item, Heading):
            if item.part:  # a part of a resolution in parts: "II", and counts from 1 again
                parts += 1
                part = roman(parts).upper()
                pp = op = 0
                labels[item.id] = Label("heading", part, (part,), root="part", part=part)
            elif k < len(draft.preamble) or _before_pp(items, k):  # named by what follows
                labels[item.id] = Label("heading", "", (str(pp + 1),), root="pp", part=part)
            else:
                labels[item.id] = Label("heading", "", (str(op + 1),), part=part)
            continue
        if item.kind == "pp":
            pp += 1
            labels[item.id] = Label("pp", "", (str(pp),), part=part)
            _label_children(item, (str(pp),), 1, labels, root="pp", part=part)
            continue
        op += 1
        labels[item.id] = Label("op", "" if item.id in alone else f"{op}.", (str(op),),
                                part=part)
        _label_children(item, (str(op),), 1, labels, part=part,
                        head="" if item.id in alone else item.id)
    return labels


def _alone(items: tuple) -> set[str]:
    """The operative paragraphs printed without a number: a resolution's single one, or
    a part's single one (A/RES/79/281, part II)."""
    parts: list[list[str]] = [[]]
    for item in items:
        if isinstance(item, Heading) and item.part:
            parts.append([])
        elif item.kind == "op":
            parts[-1].append(item.id)
    return {ids[0] for ids in parts if len(ids) == 1}


def _before_pp(items: tuple, k: int) -> bool:
    """Does the heading at k stand before a preambular paragraph?"""
    return next((u.kind == "pp" for u in items[k + 1:] if not isinstance(u, Heading)), False)


def _label_children(parent, path: tuple, degree: int, labels: dict[str, Label],
                    start: int = 0, root: str = "op", part: str = "", head: str = "") -> None:
    """Label parent's children; `start` is where a continued list resumes counting."""
    style = parent.list_style or DEGREE_STYLES.get(degree, "(a)")
    previous_children = 0
    for count, child in enumerate(parent.children, start + 1):
        mark = format_mark(style, count)
        child_path = path + (_bare(mark),)
        labels[child.id] = Label("sub", mark, child_path, degree, root, part, head)
        grand_start = previous_children if child.list_continues else 0
        _label_children(child, child_path, degree + 1, labels, grand_start, root, part, head)
        previous_children = grand_start + len(child.children)


def footnote_numbers(draft: Draft) -> dict[str, int]:
    """The number each footnote is printed with: by the order of its first marker in the
    text, then the footnotes no marker refers to. The one rule for amendment targets
    ("In footnote 2, ..."), comparisons and readers' checks: after a paragraph moves, its
    footnote's number moves with it. (Word prints a second marker of one footnote as a
    footnote of its own, with the next number; the comparison and the targets name the
    footnote by its first.)"""
    numbers: dict[str, int] = {}
    for unit in draft.units():
        if unit.kind == "fn":
            continue
        for content in contents_of(unit):
            for fid in footnote_refs(content):
                numbers.setdefault(fid, len(numbers) + 1)
    for fn in draft.footnotes:
        numbers.setdefault(fn.id, len(numbers) + 1)
    return numbers
