"""What a document carries that tells which earlier resolution it continues: its session and
number, its title, its agenda item, the Assembly's own resolutions it recalls (and where),
and its wording as word pairs. Pure: a Draft in, a Profile out."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..compare.align import unit_text, word_pairs
from ..inline import plain
from ..model import Draft, descendants

# the preambular paragraphs where a resolution recalls the one it continues
EARLY_PPS = 6

# "its resolution(s) ...", "General Assembly resolution(s) ..." start a run of the Assembly's
# own numbers; the run ends where another body's documents or a decision begin
_OWN = re.compile(r"\b(?:its|General Assembly|Assembly)\s+resolutions?\b", re.I)
_STOP = re.compile(r"\b(?:Council|Committee|Commission|Conference|Board|Court|Organization|"
                   r"decisions?|documents?|reports?|[Ss]ecretary-General)\b|;|\.\s")
_NUMBER = re.compile(r"(?<![\w/.‑-])((?:ES-|S-)?\d{1,2})/(\d{1,3})(?:\s?[A-Z]{1,2}\b)?"
                     r"(?![\w/])")
_SYMBOL_SESSION = re.compile(r"^A/(?:RES/|C\.\d/|ES-\d+/)?(\d{1,3})/")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Citation:
    """An Assembly resolution a document recalls."""
    number: str       # "78/7"
    session: int      # 78 (0 for a special or emergency special session's)
    unit: str         # where: "pp3", "op2"
    early: bool       # in the first preambular paragraphs

    @property
    def symbol(self) -> str:
        return f"A/RES/{self.number}"


@dataclass(frozen=True)
class Profile:
    """One document as evidence: who it is and what it says of its ancestry."""
    name: str                 # the document's name (its files' stem)
    file: str                 # the file read
    symbol: str
    number: str               # "79/7" for a resolution, "" for a draft
    session: int              # 79 (0 when the symbol names none)
    title: str
    agenda: str               # "38", "26 (b)"
    agenda_title: str
    date: str
    citations: tuple = ()     # Citation, ... in document order
    bag: Counter = field(default_factory=Counter, compare=False, repr=False)
    words: int = 0

    @property
    def key(self) -> str:
        """Title as compared: letters and digits, lower case, one space between words."""
        return title_key(self.title)

    def recalled(self) -> list[Citation]:
        """Each resolution of an earlier regular session it recalls, once (first place)."""
        seen: dict[str, Citation] = {}
        for c in self.citations:
            if 0 < c.session < self.session or (self.session == 0 and c.session):
                seen.setdefault(c.number, c)
        return list(seen.values())

    def latest_recalled(self) -> Citation | None:
        """The most recent earlier resolution it recalls (the one a yearly update names
        last in its first paragraphs)."""
        cs = self.recalled()
        return max(cs, key=lambda c: (c.session, int(c.number.split("/")[1]))) if cs else None


def title_key(title: str) -> str:
    """A title as compared: lower case, one space between words, and every number, in
    figures or words ('2024', 'seventy-fourth'), one '#': a yearly title changes its year
    or session and stays the same title."""
    text = unicodedata.normalize("NFKC", title).lower()
    words = ["#" if w.isdigit() or w in NUMBER_WORDS else w for w in _WORDS.findall(text)]
    return " ".join(w for k, w in enumerate(words) if w != "#" or words[k - 1:k] != ["#"])


_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
          "eighty ninety hundred thousand").split()
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
             "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
             "nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth "
             "ninetieth hundredth thousandth").split()
NUMBER_WORDS = frozenset(_UNITS + _ORDINALS)


def session_of(symbol: str) -> int:
    m = _SYMBOL_SESSION.match(symbol)
    return int(m.group(1)) if m else 0


def citations(draft: Draft) -> tuple[Citation, ...]:
    """The Assembly's own resolutions a draft names, unit by unit."""
    out: list[Citation] = []
    parts = [(u, "pp", k < EARLY_PPS) for k, pp in enumerate(draft.preambular_paragraphs())
             for u in (pp, *descendants(pp))]
    parts += [(u, "op", False) for op in draft.operative_paragraphs()
              for u in (op, *descendants(op))]
    for unit, _, early in parts:
        text = plain(getattr(unit, "content", ()) or ())
        for number in own_numbers(text):
            out.append(Citation(number, _session(number), unit.id, early))
    return tuple(out)


def own_numbers(text: str) -> list[str]:
    """The numbers of the Assembly's own resolutions named in `text`: 'its resolutions 47/19
    of 24 November 1992 ... and 78/7 of 2 November 2023' gives 47/19 ... 78/7; another
    body's resolution ('Human Rights Council resolution 53/2') gives nothing."""
    text = " ".join(text.split())
    found: list[str] = []
    for m in _OWN.finditer(text):
        rest = text[m.end():]
        stop = _STOP.search(rest)
        run = rest[:stop.start()] if stop else rest
        found += [f"{a}/{b}" for a, b in _NUMBER.findall(run)]
    return list(dict.fromkeys(found))


def _session(number: str) -> int:
    head = number.split("/")[0]
    return int(head) if head.isdigit() else 0


def profile(draft: Draft, name: str, file: str = "") -> Profile:
    m = draft.metadata
    symbol = m.symbol
    number = m.get("resolution-number") or (symbol[6:] if symbol.startswith("A/RES/") else "")
    body = " ".join(unit_text(u) for u in draft.units() if getattr(u, "content", None))
    return Profile(name=name, file=file, symbol=symbol, number=number,
                   session=session_of(symbol), title=" ".join(m.title.split()),
                   agenda=m.agenda_items, agenda_title=m.get("agenda-titles"), date=m.date,
                   citations=citations(draft), bag=word_pairs(body), words=len(body.split()))
