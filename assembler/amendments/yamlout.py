"""Writing proposals as YAML: a whole proposal (dump_proposal), or one more status entry into
an existing file, leaving the rest of it (comments included) as it was."""
from __future__ import annotations

import yaml

from ..errors import AssemblerError
from .kinds import kind
from .model import Change, Proposal, StatusEntry
from .yamlio import FRONT, LineLoader

def change_to_mapping(c: Change) -> dict:
    m: dict = {"kind": c.kind}
    m.update(kind(c.kind).to_mapping(c))
    if c.occurrence:
        m["occurrence"] = c.occurrence
    if c.exact:
        m["exact"] = True
    return m


def _entry_mapping(e: StatusEntry) -> dict:
    m: dict = {"status": e.status}
    for key in ("date", "note", "by"):
        if getattr(e, key):
            m[key] = getattr(e, key)
    if e.changes:
        m["changes"] = [change_to_mapping(c) for c in e.changes]
    return m


def dump_proposal(p: Proposal) -> str:
    """The proposal as a YAML file (structured changes; the schema's field order)."""
    m: dict = {"id": p.id, "proposer": p.proposer}
    if p.co_sponsors:
        m["co-sponsors"] = list(p.co_sponsors)
    if p.date:
        m["date"] = p.date
    m["base"] = p.base
    if p.title:
        m["title"] = p.title
    if p.rationale:
        m["rationale"] = p.rationale
    if p.symbol:
        m["symbol"] = p.symbol
    if p.sponsors_note:
        m["sponsors-footnote"] = p.sponsors_note
    if p.footnotes:
        m["footnotes"] = dict(p.footnotes)
    if p.instructions:
        m["instructions"] = list(p.instructions)
    m["changes"] = [change_to_mapping(c) for c in p.changes]
    if p.history:
        m["status"] = [_entry_mapping(e) for e in p.history]
    return yaml.safe_dump(m, sort_keys=False, allow_unicode=True, width=100)


def status_text(entry: StatusEntry, indent: int) -> str:
    """One history entry as block YAML, indented to sit in an existing `status:` list."""
    body = yaml.safe_dump([_entry_mapping(entry)], sort_keys=False, allow_unicode=True,
                          width=100)
    pad = " " * indent
    return "".join(pad + line + "\n" for line in body.splitlines())


def with_status_entry(text: str, entry: StatusEntry, file: str, *, prose: bool) -> str:
    """The file's text with one more status entry at the end of its `status:` list."""
    head_start, head_end = 0, len(text)
    if prose:
        m = FRONT.match(text)
        if not m:
            raise AssemblerError("no '---' header", file=file, line=1)
        head_start, head_end = m.start(1), m.end(1)
    head = text[head_start:head_end]
    root = yaml.compose(head, Loader=LineLoader)
    status_node = None
    for key, value in root.value:
        if key.value == "status":
            status_node = value
    if status_node is None:
        insert = head if head.endswith("\n") else head + "\n"
        new_head = insert + "status:\n" + status_text(entry, 2)
    else:
        if not isinstance(status_node, yaml.SequenceNode) or status_node.flow_style \
                or not status_node.value:
            raise AssemblerError("'status:' must be a block list ('- status: ...' lines) to "
                                 "add to it", file=file, line=status_node.start_mark.line + 1)
        first = status_node.value[0]
        line_start = head.rfind("\n", 0, first.start_mark.index) + 1
        dash = head.index("-", line_start)
        indent = dash - line_start
        last_end = len(head[:status_node.value[-1].end_mark.index].rstrip())
        cut = head.find("\n", last_end)
        cut = len(head) if cut < 0 else cut + 1
        sep = "" if head[:cut].endswith("\n") else "\n"
        new_head = head[:cut] + sep + status_text(entry, indent) + head[cut:]
    return text[:head_start] + new_head + text[head_end:]
