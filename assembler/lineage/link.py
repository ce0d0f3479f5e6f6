"""Each document linked to the earlier resolution it continues, on the evidence both carry.

Pure: profiles in, links out. For a document of session s every resolution of an earlier
session is a candidate; the evidence for each is weighed (a recall of its number, the same
or a similar title, the same agenda item, shared wording) and the best linked when its
evidence is enough. Confidence says how far the evidence goes:

- sure: the document recalls the candidate by number and carries its title (the same or a
  similar one), or carries the same title under the same agenda item with most of its
  wording, and no other candidate comes near;
- likely: two kinds of evidence agree, and no other candidate comes near;
- doubtful: one kind of evidence only, a rival almost as good (a tie, named), or a
  predecessor that another document claims with better evidence.

A document with no candidate good enough is unlinked: a new topic, or one whose predecessor
is not among the documents read (then the most recent resolution it recalls is named).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from ..compare.align import overlap
from .evidence import Profile, title_key

SURE, LIKELY, DOUBTFUL, UNLINKED = "sure", "likely", "doubtful", "unlinked"
LEVELS = (SURE, LIKELY, DOUBTFUL, UNLINKED)

ENOUGH = 3.0        # the least evidence that links at all
NEAR = 1.5          # a rival within this much of the best is a tie to state
SIMILAR_TITLE = 0.8
PARTLY_TITLE = 0.5
MOST_WORDING = 0.5
SOME_WORDING = 0.2


@dataclass(frozen=True)
class Evidence:
    kind: str         # recalled, cited, latest, same-title, similar-title, agenda, wording
    detail: str       # what a reader checks: "recalls its resolution 78/7 in PP6"
    weight: float

    def __str__(self) -> str:
        return self.detail


@dataclass(frozen=True)
class Candidate:
    profile: Profile
    evidence: tuple = ()      # Evidence, ...

    @property
    def score(self) -> float:
        return sum(e.weight for e in self.evidence)

    def kinds(self) -> set[str]:
        """Independent kinds of evidence: citation, title, agenda, wording."""
        groups = {"recalled": "citation", "cited": "citation", "latest": "citation",
                  "same-title": "title", "similar-title": "title", "partly-title": "title",
                  "agenda": "agenda", "wording": "wording", "most-wording": "wording"}
        return {groups[e.kind] for e in self.evidence}

    def has(self, *kinds: str) -> bool:
        return any(e.kind in kinds for e in self.evidence)

    @property
    def strength(self) -> int:
        """The class of the evidence, compared before its weight: 3 recalled or cited and
        titled alike, 2 the same title, 1 a similar title or a recall in the first
        paragraphs, 0 less (a citation further down, a title partly alike, wording)."""
        titled = self.has("same-title", "similar-title")
        if titled and self.has("recalled", "cited"):
            return 3
        if self.has("same-title"):
            return 2
        return 1 if titled or self.has("recalled") else 0


@dataclass(frozen=True)
class Link:
    """A document and the resolution it continues (None: unlinked), with the evidence."""
    document: Profile
    predecessor: Profile | None
    confidence: str
    evidence: tuple = ()      # Evidence, ...
    doubts: tuple = ()        # str, ...: ties, rivals, counter-evidence
    outside: str = ""         # unlinked: the latest earlier resolution it recalls, not read
    rivals: tuple = field(default=(), compare=False)  # Candidate, ... near the best

    @property
    def linked(self) -> bool:
        return self.predecessor is not None


def link_all(profiles: list[Profile]) -> list[Link]:
    """Every document's link, in the order given."""
    by_number = {p.number: p for p in profiles if p.number}
    rarity = title_weights(profiles)
    links = [link_one(p, profiles, by_number, rarity) for p in profiles]
    return _shared_predecessors(links)


def title_weights(profiles: list[Profile]) -> dict[str, float]:
    """How much each title word tells: 'International Day of Potato' and 'International
    Day of Play' share three words of four, but the three are in many titles and tell
    little (inverse document frequency over the titles read)."""
    df: Counter = Counter()
    for p in profiles:
        df.update(set(p.key.split()))
    n = len(profiles) + 1
    return {w: math.log(n / c) for w, c in df.items()}


def link_one(doc: Profile, profiles: list[Profile], by_number: dict[str, Profile],
             rarity: dict[str, float] | None = None) -> Link:
    earlier = [p for p in profiles if p.number and 0 < p.session < doc.session]
    if not doc.session:
        return Link(doc, None, UNLINKED, doubts=("its symbol names no session, so no earlier "
                                                 "resolution can be told",))
    cands = [c for c in (weigh(doc, p, rarity or {}) for p in earlier) if c.evidence]
    cands.sort(key=lambda c: (-c.strength, -c.score, -c.profile.session))
    latest = doc.latest_recalled()
    if not cands or cands[0].score < ENOUGH or not cands[0].strength:
        outside = latest.symbol if latest and latest.number not in by_number else ""
        doubts = ()
        if cands:
            best = cands[0]
            doubts = (f"{best.profile.symbol} comes nearest, on too little evidence: "
                      + "; ".join(map(str, best.evidence)),)
        return Link(doc, None, UNLINKED, doubts=doubts, outside=outside)
    best = cands[0]
    rivals = tuple(c for c in cands[1:] if c.strength == best.strength
                   and c.score >= best.score - NEAR and c.profile.session == best.profile.session)
    doubts = [f"tie: {c.profile.symbol} ({c.profile.title}) has almost as much evidence: "
              + "; ".join(map(str, c.evidence)) for c in rivals]
    if latest and latest.session > best.profile.session:
        doubts.append(f"it recalls {latest.symbol}, more recent than {best.profile.symbol}")
    confidence = _confidence(best, rivals, doubts)
    return Link(doc, best.profile, confidence, best.evidence, tuple(doubts), rivals=rivals)


def _confidence(best: Candidate, rivals: tuple, doubts: list[str]) -> str:
    if rivals or doubts or len(best.kinds()) < 2:
        return DOUBTFUL
    if best.strength == 3:
        return SURE
    if best.has("same-title") and best.has("agenda") and best.has("most-wording"):
        return SURE
    if best.strength == 2 or best.has("similar-title") and best.has("agenda", "most-wording"):
        return LIKELY
    if best.has("recalled") and best.has("latest") and best.has("most-wording"):
        return LIKELY
    return DOUBTFUL


def weigh(doc: Profile, cand: Profile, rarity: dict[str, float]) -> Candidate:
    """The evidence that `doc` continues `cand`."""
    ev: list[Evidence] = []
    cited = [c for c in doc.citations if c.number == cand.number]
    if cited:
        first = cited[0]
        if first.early:
            ev.append(Evidence("recalled", f"recalls its resolution {cand.number} in "
                                           f"{first.unit.upper()}", 3.0))
        else:
            ev.append(Evidence("cited", f"cites its resolution {cand.number} in "
                                        f"{first.unit.upper()}", 1.5))
        latest = doc.latest_recalled()
        if latest and latest.number == cand.number:
            ev.append(Evidence("latest", f"{cand.number} is the latest resolution it recalls",
                               1.0))
    same = title_similarity(doc.key, cand.key, rarity)
    if same == 1.0:
        ev.append(Evidence("same-title", "same title" if doc.title == cand.title else
                           f"same title but for its numbers: '{cand.title}'", 3.0))
    elif same >= SIMILAR_TITLE:
        ev.append(Evidence("similar-title", f"similar title ({same:.0%} of its words): "
                                            f"'{cand.title}'", 2.0))
    elif same >= PARTLY_TITLE:
        ev.append(Evidence("partly-title", f"title partly the same ({same:.0%}): "
                                           f"'{cand.title}'", 0.5))
    if not ev:  # no citation, no title: wording alone links nothing (and costs most)
        return Candidate(cand)
    if doc.agenda_title and title_key(doc.agenda_title) == title_key(cand.agenda_title):
        ev.append(Evidence("agenda", f"same agenda item ({cand.agenda}: "
                                     f"{_short(cand.agenda_title)})", 1.0))
    words = overlap(doc.bag, cand.bag)
    if words >= MOST_WORDING:
        ev.append(Evidence("most-wording", f"{words:.0%} of the wording shared", 2.0))
    elif words >= SOME_WORDING:
        ev.append(Evidence("wording", f"{words:.0%} of the wording shared", 1.0))
    return Candidate(cand, tuple(ev))


def title_similarity(a: str, b: str, rarity: dict[str, float] | None = None) -> float:
    """Share of the words two titles have in common, each word weighed by how rare it is
    among the titles (Dice over word sets); 1.0 the same title."""
    if a == b:
        return 1.0
    wa, wb = set(a.split()), set(b.split())
    if not wa or not wb:
        return 0.0
    weight = (lambda w: rarity.get(w, 1.0)) if rarity else (lambda w: 1.0)
    both = sum(map(weight, wa & wb))
    total = sum(map(weight, wa)) + sum(map(weight, wb))
    return min(0.99, 2 * both / total) if total else 0.0


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _shared_predecessors(links: list[Link]) -> list[Link]:
    """A resolution two documents claim stays with the one the evidence favours; the others
    keep their link, made doubtful and saying so."""
    from dataclasses import replace
    claims: dict[str, list[int]] = {}
    for k, link in enumerate(links):
        if link.predecessor is not None:
            claims.setdefault(link.predecessor.name, []).append(k)
    out = list(links)
    for name, ks in claims.items():
        if len(ks) < 2:
            continue
        ks.sort(key=lambda k: -sum(e.weight for e in links[k].evidence))
        for k in ks[1:]:
            first = links[ks[0]].document.symbol or links[ks[0]].document.name
            out[k] = replace(links[k], confidence=DOUBTFUL, doubts=links[k].doubts + (
                f"{links[k].predecessor.symbol} is also claimed, on more evidence, by "
                f"{first}",))
    return out
