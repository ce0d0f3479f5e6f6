"""Where each numbered unit stands in Word's automatic numbering: which list, which level.

Word counts, so a paragraph a delegate inserts renumbers what follows, and accepting or
rejecting a redline's changes gives each version its own numbers. The operative paragraphs
and every sub-paragraph list in the default styles ((a), (i), a., i.) share one list, a
level per degree: a level restarts when a higher one advances. A list in another style
("A)") is a list of its own. A list that goes on counting from the previous sibling's
children (`continues`) joins that sibling's list when the paragraph between them is not
part of it (its counter then runs on), else starts a list of its own at the count."""
from __future__ import annotations

from typing import Callable

from ...model import Draft, Heading
from ...numbering import DEGREE_STYLES, Label
from ...ooxml.numbering_xml import ListLevel, WordList

MAX_LEVELS = 9  # Word's levels per list

# degree -> (left, hanging, tab) in cm; a negative hanging indents the first line instead,
# the tab (or None) is where the text after the label starts
Indent = Callable[[int], tuple[float, float, float | None]]


def style_at(degree: int) -> str:
    return "1." if degree == 0 else DEGREE_STYLES.get(degree, "(a)")


def word_list(name: str, degree: int, style: str, start: int, indent: Indent) -> WordList:
    """A list whose level `degree` counts in `style` from `start`, the other levels in the
    default styles. A paragraph's level is always its degree, so a reader (ours, or a
    delegate's eye on Word's outline) sees how deep it stands from the level alone."""
    levels = []
    for k in range(MAX_LEVELS):
        left, hanging, tab = indent(k)
        levels.append(ListLevel(style if k == degree else style_at(k),
                                start if k == degree else 1, left, hanging, tab))
    return WordList(name, tuple(levels))


def word_places(draft: Draft, labels: dict[str, Label], indent: Indent,
                key: Callable[[str], str] = lambda uid: uid) -> dict[str, tuple[WordList, int]]:
    """unit id -> (WordList, level) for every unit the draft prints a number or label for.
    `key` names a list by the id of the unit whose children open it (a redline names the old
    version's lists by the new ids, so both versions' paragraphs fall into one list)."""
    main = word_list("operative", 0, "1.", 1, indent)
    places: dict[str, tuple[WordList, int]] = {}

    def place_children(unit, place: tuple[WordList, int], degree: int, start: int,
                       sibling_list: tuple[WordList, int] | None) -> tuple[WordList, int] | None:
        """Place unit's children, whose count starts after `start`; `sibling_list` is where
        the previous sibling's children stand. Returns where these children stand."""
        if not unit.children:
            return None
        style = unit.list_style or style_at(degree)
        if degree >= MAX_LEVELS:
            return None  # deeper than Word counts: the writer types the label
        if start and sibling_list is not None and sibling_list[0] != place[0] \
                and sibling_list[0].levels[degree].style == style:
            here = sibling_list  # the count runs on in the sibling's list
        elif not start and place[0].levels[degree].style == style:
            here = (place[0], degree)
        else:
            here = (word_list(key(unit.id), degree, style, start + 1, indent), degree)
        count, previous = 0, None
        for child in unit.children:
            places[child.id] = here
            child_start = count if child.list_continues else 0
            previous = place_children(child, here, degree + 1, child_start, previous)
            count = child_start + len(child.children)
        return here

    for pp in draft.preambular_paragraphs():  # a preambular paragraph's list counts on its own
        place_children(pp, (word_list(key(pp.id), 0, "1.", 1, indent), 0), 1, 0, None)
    for item in draft.operative:
        if isinstance(item, Heading) and item.part:  # a later part counts from 1 again
            main = word_list(key(item.id), 0, "1.", 1, indent)
        if isinstance(item, Heading) or item.kind == "pp":
            continue
        lab = labels.get(item.id)
        if lab and lab.mark:
            places[item.id] = (main, 0)
        place_children(item, (main, 0), 1, 0, None)
    return places
