"""The versions of one negotiation, loaded and put in order.

A version is a draft source; its metadata names the negotiation, its own version name and
the version it was based on. A negotiation's versions are the drafts/<negotiation>/*.draft
files ordered by that based_on chain (Negotiation.versions).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import AssemblerError
from ..model import Draft
from ..source import load_draft
from ..stages import ISSUED  # named by their symbol (A/71/L.58)

DRAFTS = Path("drafts")
OTHER_DOCUMENTS = {"mapping"}  # stages of documents that are not versions of the text
STAGE_NAMES = {"elements": "Elements paper", "zero": "Zero draft", "first": "First draft",
               "final": "Final draft", "L": "L-document", "L-rev": "Revised L-document",
               "adopted": "Adopted resolution"}


@dataclass(frozen=True)
class Version:
    """One column of a comparison: a draft and how archivists name it."""
    draft: Draft
    name: str          # the version name: metadata `version`, else the file stem
    source: str = ""   # the file it came from

    @property
    def stage(self) -> str:
        m = self.draft.metadata
        if m.stage_label:
            return m.stage_label
        if m.stage == "rev" and m.revision:
            return f"Rev.{m.revision}"
        if m.stage in ISSUED and m.symbol:
            return m.symbol
        return STAGE_NAMES.get(m.stage, m.stage) or self.name

    @property
    def short(self) -> str:
        """The name used in notes ("deleted in Rev.1"): the revision or the symbol if any,
        else the stage."""
        m = self.draft.metadata
        if m.stage == "rev" and m.revision:
            return f"Rev.{m.revision}"
        if m.stage in ISSUED and m.symbol:
            return m.symbol
        label = self.stage
        for word in (" of the Resolution", " of the resolution"):
            label = label.replace(word, "")
        return label

    @property
    def date(self) -> str:
        return self.draft.metadata.date

    @property
    def heading(self) -> str:
        """Column heading: stage and date."""
        return f"{self.stage}, {self.date}" if self.date else self.stage


def version_of(draft: Draft, source: str = "") -> Version:
    name = draft.metadata.version or (Path(source).stem if source else "")
    return Version(draft, name, source)


def load_versions(paths: list[str | Path], same_negotiation: bool = True) -> list[Version]:
    """Load drafts in the order given; all must belong to one negotiation."""
    if not paths:
        raise AssemblerError("no versions given", hint="name two or more .draft files")
    versions = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise AssemblerError("no such version file", file=str(path),
                                 hint="check the path; a negotiation's versions are in "
                                      "drafts/<negotiation>/")
        try:
            versions.append(version_of(load_draft(path), str(path)))
        except AssemblerError as err:
            raise err.located(str(path))
    if same_negotiation:
        check_one_negotiation(versions)
    names = [v.name for v in versions]
    for i, v in enumerate(versions):
        if v.name in names[:i]:
            raise AssemblerError(f"version '{v.name}' is given twice", file=v.source,
                                 hint="name each version once")
        base = v.draft.metadata.based_on
        if base in names[i + 1:]:
            raise AssemblerError(f"is based on '{base}', which is given after it",
                                 file=v.source, hint="name the versions oldest first")
    return versions


def check_one_negotiation(versions: list[Version]) -> None:
    first = versions[0]
    for v in versions[1:]:
        a, b = first.draft.metadata.negotiation, v.draft.metadata.negotiation
        if a != b:
            raise AssemblerError(
                f"belongs to negotiation '{b or '(none)'}', but {first.source} belongs to "
                f"'{a or '(none)'}'", file=v.source,
                hint="compare versions of one negotiation only (the 'negotiation:' line)")


def order_by_chain(versions: list[Version]) -> list[Version]:
    """Order versions so each follows the one it is based on: a single chain, no forks."""
    by_name = {v.name: v for v in versions}
    roots = [v for v in versions if v.draft.metadata.based_on not in by_name]
    if len(roots) != 1:
        names = ", ".join(v.name for v in roots) or "none"
        raise AssemblerError(
            f"the versions do not form one chain: {len(roots)} have no earlier version here "
            f"({names})", file=str(Path(versions[0].source).parent),
            hint="each version names the one it came from in its 'based-on:' line")
    children: dict[str, list[Version]] = {}
    for v in versions:
        children.setdefault(v.draft.metadata.based_on, []).append(v)
    chain = [roots[0]]
    while True:
        nxt = children.get(chain[-1].name, [])
        if len(nxt) > 1:
            raise AssemblerError(
                f"versions {', '.join(n.name for n in nxt)} are all based on "
                f"'{chain[-1].name}'", file=nxt[1].source,
                hint="compare one line of versions: name them on the command line")
        if not nxt:
            break
        chain.append(nxt[0])
    if len(chain) != len(versions):
        left = sorted(set(by_name) - {v.name for v in chain})
        raise AssemblerError(f"versions not on the chain: {', '.join(left)}",
                             file=str(Path(versions[0].source).parent),
                             hint="check their 'based-on:' lines")
    return chain
