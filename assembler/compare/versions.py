"""A version as a comparison shows it: a draft and how archivists name it (stage, short
name, column heading). Which files are a negotiation's versions, and in what order, is the
negotiation's business (negotiation/versions.py)."""
from __future__ import annotations

from pathlib import Path

from ..model import Draft
from ..records import record
# issued stages are named by their symbol (A/71/L.58)
from ..stages import ISSUED, KNOWN_STAGES, stage_name


@record  # a frozen dataclass, made cheaply (records.py)
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
            return stage_name(m)
        if m.stage in ISSUED and m.symbol:
            return m.symbol
        if m.stage in ("mapping", "rev") or m.stage not in KNOWN_STAGES:
            return m.stage or self.name   # as before: the stage key itself
        return stage_name(m) or self.name

    @property
    def short(self) -> str:
        """The name used in notes ("deleted in Rev.1"): the revision or the symbol if any,
        else the stage."""
        m = self.draft.metadata
        if m.stage == "rev" and m.revision:
            return stage_name(m)
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
