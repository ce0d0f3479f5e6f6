"""Word automatic numbering (numbering.xml): list definitions and the counting Word does.

A paragraph names a w:num and a level; the w:num points at a w:abstractNum whose levels
give the format ("decimal", "lowerLetter") and the label text ("%1.", "(%2)"). Counters
belong to the abstract list, so two w:num sharing one abstract list continue each other,
unless a w:num overrides a level's start (a restart). A level's counter resets when a
higher level advances.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import record
from .ns import w


@record  # a frozen dataclass, made cheaply (records.py)
class NumInfo:
    """Word automatic numbering on a paragraph, with the label Word would display."""
    num_id: str
    level: int
    label: str
    format: str       # decimal, lowerLetter, lowerRoman, upperLetter, upperRoman, bullet
    value: int
    left_twips: int = 0


@record
class Level:
    format: str = "decimal"
    text: str = "%1."
    start: int = 1
    left_twips: int = 0


_UNDEFINED = Level()  # what a level the list does not define counts as (made once)


@dataclass
class NumDef:
    abstract: str
    levels: dict                     # level -> Level
    overrides: dict = field(default_factory=dict)  # level -> start value


def read_numbering(root) -> dict[str, NumDef]:
    abstracts: dict[str, dict] = {}
    for an in root.iter(w("abstractNum")):
        levels = {}
        for lvl in an.iter(w("lvl")):
            levels[_int(lvl.get(w("ilvl")))] = _level(lvl)
        abstracts[an.get(w("abstractNumId"), "")] = levels
    nums: dict[str, NumDef] = {}
    for num in root.iter(w("num")):
        aid_el = num.find(w("abstractNumId"))
        aid = aid_el.get(w("val"), "") if aid_el is not None else ""
        levels = dict(abstracts.get(aid, {}))
        overrides = {}
        for ov in num.findall(w("lvlOverride")):
            ilvl = _int(ov.get(w("ilvl")))
            so = ov.find(w("startOverride"))
            if so is not None:
                overrides[ilvl] = _int(so.get(w("val")), 1)
            lvl = ov.find(w("lvl"))
            if lvl is not None:
                levels[ilvl] = _level(lvl)
        nums[num.get(w("numId"), "")] = NumDef(aid, levels, overrides)
    return nums


def _level(lvl) -> Level:
    def val(tag, default=""):
        el = lvl.find(w(tag))
        return el.get(w("val"), default) if el is not None else default
    left = 0
    ind = lvl.find(f"{w('pPr')}/{w('ind')}")
    if ind is not None:
        left = _int(ind.get(w("left")) or ind.get(w("start")))
    return Level(val("numFmt", "decimal"), val("lvlText", "%1."), _int(val("start", "1"), 1), left)


def _int(s, default: int = 0) -> int:
    try:
        return int(s)
    except (TypeError, ValueError):
        return default


_PLACEHOLDERS = tuple((k, f"%{k + 1}") for k in range(9))  # a level's text names levels so


class NumberingCounter:
    """Counts numbered paragraphs in document order and gives the label Word displays."""

    def __init__(self, nums: dict[str, NumDef]):
        self.nums = nums
        self.counters: dict[str, dict[int, int]] = {}   # abstract id -> level -> value
        self.restarted: set[str] = set()
        self._named: dict[tuple, tuple] = {}  # see _placeholders

    def next(self, num_id: str, level: int, counted: bool = True):
        num = self.nums.get(num_id)
        if num is None:
            return None
        key = num.abstract or num_id
        counters = self.counters.setdefault(key, {})
        if num.overrides and num_id not in self.restarted:
            # the first paragraph of a restarted list: its counters begin again
            self.restarted.add(num_id)
            self.counters[key] = counters = {}
        lvl = num.levels.get(level) or _UNDEFINED
        if counted:
            start = num.overrides.get(level, lvl.start)
            counters[level] = counters.get(level, start - 1) + 1
            for deeper in [k for k in counters if k > level]:
                del counters[deeper]
        value = counters.get(level, num.overrides.get(level, lvl.start))
        label = lvl.text
        for k, placeholder, lk in self._placeholders(num, label):
            v = counters.get(k, num.overrides.get(k, lk.start))
            label = label.replace(placeholder, format_number(lk.format, v))
        return NumInfo(num_id, level, label, lvl.format, value, lvl.left_twips)

    def _placeholders(self, num: NumDef, text: str) -> tuple:
        """The levels a label text names ("%1.%2" names 0 and 1), with their definitions:
        found once per list and text, not for every paragraph."""
        key = (id(num), text)
        found = self._named.get(key)
        if found is None:
            found = self._named[key] = tuple(
                (k, placeholder, num.levels.get(k) or _UNDEFINED)
                for k, placeholder in (_PLACEHOLDERS if "%" in text else ())
                if placeholder in text)
        return found


def format_number(fmt: str, n: int) -> str:
    if fmt == "decimal":  # most labels: nothing to import
        return str(n)
    from ..numbering import letters, roman
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


# ---------------------------------------------------------------- writing numbering.xml

_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
            "I": "upperRoman"}


@record
class ListLevel:
    """One level of a list as a writer asks for it: its label as UN text writes it ("1.",
    "(a)", "A)", "i."), where counting starts, and the hanging indent of its paragraphs."""
    style: str
    start: int = 1
    left_cm: float = 0.0
    hanging_cm: float = 0.0       # negative: the first line indented by that much instead
    tab_cm: float | None = None   # where the text after the label starts, when not at left_cm


@record
class WordList:
    """A list Word counts on its own: a level's counter resets only when a higher level of
    the same list advances, so a list that goes on after other paragraphs is one WordList."""
    name: str
    levels: tuple  # tuple[ListLevel, ...], level 0 first


def level_text(style: str, ilvl: int) -> tuple[str, str]:
    """("lowerLetter", "(%2)") for "(a)" at level 1: Word's format and label text."""
    for i, ch in enumerate(style):
        if ch in _FORMATS:
            return _FORMATS[ch], style[:i] + f"%{ilvl + 1}" + style[i + 1:]
    return "decimal", f"%{ilvl + 1}."


def numbering_part(lists: list[WordList]) -> "etree._Element":
    """numbering.xml: one abstract list per WordList (none shared, so Word and LibreOffice
    count alike), and one w:num (numId = position + 1) pointing at it."""
    from lxml import etree

    from .ns import NSMAP

    def twips(cm: float) -> str:
        return str(round(cm * 1440 / 2.54))
    root = etree.Element(w("numbering"), nsmap=NSMAP)
    for n, wl in enumerate(lists):
        an = etree.SubElement(root, w("abstractNum"))
        an.set(w("abstractNumId"), str(n))
        etree.SubElement(an, w("multiLevelType")).set(w("val"), "multilevel")
        etree.SubElement(an, w("name")).set(w("val"), wl.name)
        for ilvl, lv in enumerate(wl.levels):
            fmt, text = level_text(lv.style, ilvl)
            lvl = etree.SubElement(an, w("lvl"))
            lvl.set(w("ilvl"), str(ilvl))
            etree.SubElement(lvl, w("start")).set(w("val"), str(lv.start))
            etree.SubElement(lvl, w("numFmt")).set(w("val"), fmt)
            etree.SubElement(lvl, w("lvlText")).set(w("val"), text)
            etree.SubElement(lvl, w("lvlJc")).set(w("val"), "left")
            ppr = etree.SubElement(lvl, w("pPr"))
            if lv.tab_cm is not None:  # the tab after the label stops here
                tab = etree.SubElement(etree.SubElement(ppr, w("tabs")), w("tab"))
                tab.set(w("val"), "num")
                tab.set(w("pos"), twips(lv.tab_cm))
            ind = etree.SubElement(ppr, w("ind"))
            ind.set(w("left"), twips(lv.left_cm))
            if lv.hanging_cm >= 0:
                ind.set(w("hanging"), twips(lv.hanging_cm))
            else:
                ind.set(w("firstLine"), twips(-lv.hanging_cm))
    for n, _ in enumerate(lists):
        num = etree.SubElement(root, w("num"))
        num.set(w("numId"), str(n + 1))
        etree.SubElement(num, w("abstractNumId")).set(w("val"), str(n))
    return root
