"""The versions of one negotiation, loaded and put in order.

A version is a draft source; its metadata names the negotiation, its own version name and
the version it was based on. A negotiation's versions are the drafts/<negotiation>/*.draft
files ordered by that based_on chain (Negotiation.versions).
"""
from __future__ import annotations

from pathlib import Path

from ..compare.versions import Version, version_of
from ..errors import AssemblerError
from ..source import load_draft

DRAFTS = Path("drafts")
OTHER_DOCUMENTS = {"mapping"}  # stages of documents that are not versions of the text


def load_versions(paths: list[str | Path], same_negotiation: bool = True,
                  in_order: bool = True) -> list[Version]:
    """Load drafts in the order given; all must belong to one negotiation. `in_order`: a
    version may not come before the one it is based on (as named on a command line; a
    folder's files come in any order and are put in order by `order_by_chain`)."""
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
        if in_order and base in names[i + 1:]:
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
