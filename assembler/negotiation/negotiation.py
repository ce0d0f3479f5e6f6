"""One negotiation: its versions (drafts/<negotiation>/*.draft) and the proposals made on them
(amendments/<negotiation>/, one subfolder a round).

Every command that needs more than the files it is given asks this object: the version a
proposal was written against, the versions in based-on order, the proposals on file, who
made the changes between two versions. It reads files and nothing else; what it returns
are model values.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Callable

from ..compare.provenance import ProposalFacts
from ..errors import AssemblerError
from ..fs.names import is_name
from ..fs.read import is_regular, read_head
from ..model import Draft
from ..source import load_draft
from .versions import DRAFTS, OTHER_DOCUMENTS, Version, load_versions, order_by_chain

Warn = Callable[[str], None]
AMENDMENTS = Path("amendments")
MAX_CHAIN = 50  # a based-on chain longer than this is a loop nobody meant


class Negotiation:
    """The versions in `folder` and the proposals in amendments/<name>/."""

    def __init__(self, folder: Path, name: str = "", root: Path | None = None):
        self.folder = folder
        self._name = name
        self.root = root  # where amendments/ is looked for after the folder's own root
        self._drafts: dict[str, Draft | None] = {}

    @classmethod
    def named(cls, negotiation: str | Path, root: Path | None = None) -> "Negotiation":
        """A negotiation named on the command line: a folder of .draft files, or a name
        under drafts/."""
        p = Path(negotiation)
        if p.is_dir():
            return cls(p, root=root)
        folder = (root / DRAFTS if root else DRAFTS) / str(negotiation)
        if folder.is_dir():
            return cls(folder, root=root)
        raise AssemblerError(f"no negotiation '{negotiation}'", file=str(folder),
                             hint="give a negotiation name under drafts/ or a folder of .draft "
                                  "files")

    @classmethod
    def of(cls, path: Path, draft: Draft, root: Path | None = None) -> "Negotiation":
        """The negotiation a version file belongs to: the versions beside it, the proposals
        filed under the negotiation its metadata names."""
        return cls(Path(path).resolve().parent, draft.metadata.negotiation, root)

    @classmethod
    def of_proposal(cls, path: Path) -> "Negotiation | None":
        """The negotiation a proposal file is filed under (amendments/<name>/..., its
        versions in drafts/<name>/ beside amendments/); None when it is filed elsewhere."""
        path = Path(path).resolve()
        for folder in path.parents:
            if folder.parent.name == AMENDMENTS.name:
                drafts = folder.parent.parent / DRAFTS / folder.name
                return cls(drafts, folder.name, folder.parent.parent) \
                    if drafts.is_dir() and any(drafts.glob("*.draft")) else None
        return None

    @cached_property
    def name(self) -> str:
        if self._name:
            return self._name
        versions = self.versions()
        return versions[0].draft.metadata.negotiation if versions else ""

    # ------------------------------------------------------------ versions

    def versions(self) -> list[Version]:
        """Every version in the folder, ordered by their based-on chain.

        Drafts that say they are illustrative (an `illustrative:` metadata line, e.g. the same
        text shown in an L-document's face) are other faces of a version, not versions of the
        text, and are left out; so are documents of another kind filed with the negotiation
        (the Secretariat's mapping of events)."""
        return list(self._versions)

    @cached_property
    def _versions(self) -> tuple[Version, ...]:
        paths = sorted(self.folder.glob("*.draft"))
        if not paths:
            raise AssemblerError("no .draft files in this folder", file=str(self.folder))
        versions = [v for v in load_versions(paths, in_order=False)
                    if not v.draft.metadata.get("illustrative")
                    and v.draft.metadata.stage not in OTHER_DOCUMENTS]
        if not versions:
            raise AssemblerError("every draft in this folder is illustrative",
                                 file=str(self.folder))
        return tuple(order_by_chain(versions))

    def version(self, name: str) -> Draft | None:
        """The version called `name`: <folder>/<name>.draft, or any draft in the folder whose
        `version:` line names it; None when there is none. Proposals written against an older
        version ask for it here to be carried forward."""
        if name not in self._drafts:
            self._drafts[name] = self._find(name)
        return self._drafts[name]

    def _find(self, name: str) -> Draft | None:
        # a name, never a path: a proposal's `base: ../secret` does not reach outside
        direct = self.folder / f"{name}.draft" if is_name(name) else None
        if direct is not None and is_regular(direct):
            return load_draft(direct)
        for path in sorted(self.folder.glob("*.draft")):
            if not is_regular(path):
                continue
            if ("version", name) in {(k, v) for _, k, v in read_head(path)}:
                return load_draft(path)
        return None

    def provenance_since(self, new: Draft, old: Draft) -> Draft:
        """`new` with the provenance of the versions between `old` and it: when NEW was not
        made directly from OLD (Rev.2 against the first draft) the versions between them
        (followed through `based-on`) also say who changed what. The newest record of a unit
        comes first; a version missing from the folder ends the chain."""
        records = list(new.provenance)
        current, seen = new, {new.metadata.version}
        while current.metadata.based_on and current.metadata.based_on != old.metadata.version:
            name = current.metadata.based_on
            if name in seen or len(seen) > MAX_CHAIN:
                break
            seen.add(name)
            try:
                found = self.version(name)
            except AssemblerError:
                found = None
            if found is None:
                break
            current = found
            known = {r.unit for r in records}
            records += [r for r in current.provenance if r.unit not in known]
        return replace(new, provenance=tuple(records)) if records else new

    # ------------------------------------------------------------ proposals

    @cached_property
    def amendments(self) -> Path | None:
        """amendments/<negotiation>/ beside the drafts folder (drafts/<negotiation>/), else
        under the root given or the current folder; None when there is none."""
        if not self.name:
            return None
        for base in (self.folder.resolve().parent.parent, self.root or Path.cwd()):
            folder = base / AMENDMENTS / self.name
            if folder.is_dir():
                return folder
        return None

    def proposals(self, warn: Warn | None = None) -> list:
        """Every proposal on file: amendments/<negotiation>/ and its round folders, oldest
        round first (on_file.py, as the room lists them). A file that cannot be read is left
        out with a warning naming it, and so is a proposal whose id an earlier file already
        used; the rest still count."""
        if self.amendments is None:
            return []
        # the amendments package is large: imported only by commands that read proposals
        from .on_file import proposals_on_file
        listed = proposals_on_file(self.amendments)
        if warn:
            for problem in listed.problems():
                warn(f"warning: {problem}")
        return [p for p, _ in listed.proposals]

    def proposal_dates(self, warn: Warn | None = None) -> dict[str, str]:
        """The date of each proposal on file, by id."""
        return {p.id: p.date for p in self.proposals(warn)}

    def proposal_facts(self, warn: Warn | None = None) -> dict[str, ProposalFacts]:
        """What a comparison table shows of each proposal on file beyond its id and
        proposer: status, co-sponsors, rationale; by id."""
        return proposal_facts(self.proposals(warn))


def proposal_facts(proposals) -> dict[str, ProposalFacts]:
    """Status, co-sponsors and rationale of each proposal, by id."""
    return {p.id: ProposalFacts(p.status, tuple(p.co_sponsors),
                                p.proposer, " ".join(p.rationale.split()))
            for p in proposals}
