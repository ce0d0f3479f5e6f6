"""The negotiation's workflow, one set of functions for the command line and the room:

    on_file.proposals_on_file(folder)          the proposals on file (one listing)
    decide_on_file(path, decision, ...)        a decision judged and recorded in its file
    file_proposal(folder, proposal, ...)       a proposal put on file (as_filed: its text,
                                               read back, made before the lock)
    round_to_issue(folder)                     the proposals a version is issued from
    next_version(base, proposals, ...)         the next version made and checked
    write_version(made, path, ...)             ... and issued: written whole, never over one

The caller holds the negotiation's locks (fs.locks: `holding` on a verb, Store.action in the
room). Refusals are Refusal values (refusals.py), worded by each face; errors of the files
themselves (unreadable, a full disk) are the file layer's, the same for both.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..amendments.model import Proposal, StatusEntry
from ..amendments.record import ApplyRecord
from ..errors import AssemblerError
from ..fs.names import check_name, inside
from ..fs.write import check_output_path, refuse_issued, write_atomic
from ..model import Draft
from .decisions import checked_date, decide, issued_in
from .next_version import next_metadata, record_json
from .refusals import Refusal, from_error
from .versions import Version


@dataclass(frozen=True)
class Decision:
    """What a co-facilitator (or a proposer withdrawing) decided, as given."""
    action: str
    date: str
    note: str = ""
    by: str = ""                     # supersede/merge: the proposal that takes it over
    text: str | None = None          # modify: the modified text of a one-change proposal
    changes: tuple[str, ...] = ()    # modify: the modified changes in UN prose


def decide_on_file(path: Path, decision: Decision, versions: Sequence[Version] = (),
                   on_file: Callable[[], Iterable[str]] | None = None
                   ) -> tuple[Proposal, StatusEntry]:
    """Judge `decision` on the proposal filed at `path`, read afresh (under the caller's
    lock, so a decision recorded meanwhile counts), and record it: one more entry in the
    file's history, the rest of the file untouched, written only if it reads back.
    `versions`: the negotiation's, to refuse a proposal an issued version applied;
    `on_file()`: the ids on file, which `by` must name (None: the negotiation is unknown).
    Returns the proposal as it was and the entry recorded."""
    from ..amendments.yamlio import PROSE_SUFFIXES, load_proposal, parse_proposal
    from ..amendments.yamlout import with_status_entry
    from ..source import read_text
    prop = load_proposal(path)
    ids = frozenset(on_file()) if on_file is not None and decision.by else None
    entry = decide(prop, decision.action, decision.date, decision.note, decision.by,
                   decision.text, decision.changes, issued=issued_in(prop, versions),
                   on_file=ids)
    original = read_text(path, "a proposal", kind="proposal")
    prose = Path(path).suffix.lower() in PROSE_SUFFIXES
    updated = with_status_entry(original, entry, str(path), prose=prose)
    parse_proposal(updated, str(path), prose=prose)  # what we write must read back
    write_atomic(path, updated.encode("utf-8"))
    return prop, entry


def file_proposal(folder: Path, proposal: Proposal, date: str, on_file: Iterable[str],
                  made: tuple | None = None) -> tuple[Proposal, Path]:
    """Put `proposal` on file in `folder` (a round) as proposed on `date`: refused without
    changes or under an id already on file; written only if it reads back, never over a
    file there. `made`: what `as_filed` gave for these three, made before the caller took
    the negotiation's lock (the read-back is the dear part)."""
    if not proposal.changes:
        raise Refusal("no-changes", value=proposal.id)
    if proposal.id in set(on_file):
        raise Refusal("id-on-file", value=proposal.id)
    filed, path, text = made or as_filed(folder, proposal, date)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"), replace=False)  # never over one on file
    return filed, path


def as_filed(folder: Path, proposal: Proposal, date: str) -> tuple[Proposal, Path, str]:
    """`proposal` as it goes on file in `folder` on `date`: read back from its file's text,
    its path and that text; nothing is written."""
    from ..amendments.yamlio import parse_proposal
    from ..amendments.yamlout import dump_proposal
    if not proposal.changes:
        raise Refusal("no-changes", value=proposal.id)
    filed = replace(proposal, date=date, history=(StatusEntry("proposed", date),))
    path = inside(folder, check_name(proposal.id), ".yaml")
    text = dump_proposal(filed)
    return parse_proposal(text, str(path)), path, text  # what goes on file must read back


def round_to_issue(folder: Path, load: Callable[[Path], Proposal] | None = None
                   ) -> list[Proposal]:
    """The proposals a version is issued from: every proposal file of the round's folder,
    each of which must read, as `assembler apply FOLDER` reads them (a broken file may hold
    an accepted change: nothing is issued until it is corrected; a listing leaves it out,
    on_file.py). None when the round has no file yet. `load`: a cached reader."""
    from ..amendments.yamlio import load_proposals, proposal_files
    if not folder.is_dir() or not proposal_files(folder):
        return []
    return load_proposals([folder], load)


@dataclass(frozen=True)
class NextVersion:
    """A next version made and not yet written: the draft, its source text, what each change
    did, and whether it must pass `check` (it must when its base does)."""
    draft: Draft
    text: str
    record: ApplyRecord
    must_check: bool

    @property
    def label(self) -> str:
        return self.draft.metadata.stage_label

    def record_json(self) -> bytes:
        return json.dumps(record_json(self.record), indent=1, ensure_ascii=False) \
            .encode("utf-8")


def next_version(base: Draft, proposals: list[Proposal], name: str, *, date: str = "",
                 stage: str = "rev", revision: str = "", stage_label: str = "",
                 everything: bool = False, prefer: tuple[str, ...] = (),
                 versions=None) -> NextVersion:
    """The version made from `base` by the accepted changes of `proposals` (`everything`:
    every change still on the table, for a preview): named `name`, dated `date`, numbered
    one revision above the base unless told. Conflicts raise ConflictsFound, nothing made;
    `prefer` names the proposals that win one. `versions`: name -> Draft, to carry
    proposals written against an older version."""
    from ..amendments.apply import apply_proposals
    from ..check import check_draft
    from ..source import dump_draft
    try:
        check_name(name, "a version name")
    except AssemblerError as err:
        raise from_error("name-not-a-name", err, "name", name) from None
    if date:
        checked_date(date)
    ids = {p.id for p in proposals}
    for pid in prefer:
        if pid not in ids:  # a mistyped id would silently leave the conflict to chance
            raise Refusal("prefer-unknown", field="prefer", value=pid,
                          ids=", ".join(sorted(ids)))
    meta = next_metadata(base, name, stage, revision, stage_label, date)
    new, rec = apply_proposals(base, proposals, mode="all" if everything else "accepted",
                               prefer=prefer, versions=versions, metadata=meta)
    return NextVersion(new, dump_draft(new), rec,
                       must_check=not any(f.problem for f in check_draft(base)))


def write_version(made: NextVersion, path: Path, record: Path | None = None,
                  versions_folder: Path | None = None) -> list[Path]:
    """Issue `made`: its record (JSON, if a path is given), then the version itself, each
    written whole. Nothing is written unless the version reads back as the same units (and
    passes `check` when it must) and every path may be written. A file in `versions_folder`
    (the negotiation's versions) is never replaced, nor anywhere an issued one (fs.write);
    elsewhere a preview may replace an informal draft. Returns the paths written."""
    from ..source.writer import readable_back
    readable_back(made.draft, made.text, str(path), made.must_check)
    is_version = versions_folder is not None and \
        Path(path).resolve().parent == Path(versions_folder).resolve()
    for p in (path, record) if record else (path,):
        check_output_path(p)
        refuse_issued(p)
    if is_version and Path(path).exists():
        raise AssemblerError("is a version of the negotiation and is never overwritten",
                             file=str(path), hint="give the next version a new name")
    written = []
    if record:
        written.append(write_atomic(record, made.record_json()))
    written.append(write_atomic(path, made.text.encode("utf-8"), replace=not is_version,
                                replace_hint="a version is never overwritten"))
    return written
