"""The room's audit log in append-only segments: room/<negotiation>/audit/000001.jsonl,
000002.jsonl, ..., one line per action, a new segment once the last one holds SEGMENT_BYTES.
A closed segment never changes, so a git commit of an action carries only the segment its
line went to (a blob of at most a segment), never a copy of the whole log; nothing of the
record is dropped. A room begun before segments keeps its audit.jsonl as the first, closed
segment.

A line's place is its segment, its end in that segment, and its end in the whole log
(every segment before it counted in full): the committer takes each segment's prefix from
the file, and an action is committed once HEAD holds the log at least that long."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

SEGMENT_BYTES = 64 * 1024
_NUMBERED = re.compile(r"\d{6}\.jsonl")


@dataclass(frozen=True)
class Place:
    """Where a line ended: its segment, the segment's length and the whole log's length
    just after it."""
    segment: Path
    end: int
    total: int


class AuditLog:
    def __init__(self, room_dir: Path):
        self.folder = room_dir / "audit"
        self.legacy = room_dir / "audit.jsonl"   # a room's log before segments
        self._closed: dict[str, int] = {}   # a closed segment's length (it never changes)

    def segments(self) -> list[Path]:
        """Every segment, oldest first."""
        numbered = sorted(p for p in self.folder.glob("*.jsonl")
                          if _NUMBERED.fullmatch(p.name)) if self.folder.is_dir() else []
        return ([self.legacy] if self.legacy.is_file() else []) + numbered

    def append(self, line: dict) -> Place:
        """One line at the end of the log (call under the negotiation's lock); flushed, not
        yet synced (durable.py does that out of the lock)."""
        segments = self.segments()
        last = segments[-1] if segments and segments[-1] != self.legacy else None
        if last is None or last.stat().st_size >= SEGMENT_BYTES:
            n = int(last.stem) + 1 if last is not None else 1
            self.folder.mkdir(parents=True, exist_ok=True)
            last = self.folder / f"{n:06d}.jsonl"
        before = sum(self._length(p) for p in segments if p != last)
        with open(last, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            fh.flush()
            end = fh.tell()
        return Place(last, end, before + end)

    def _length(self, closed: Path) -> int:
        key = str(closed)
        if key not in self._closed:
            self._closed[key] = closed.stat().st_size
        return self._closed[key]

    def lines(self, limit: int | None = None) -> list[dict]:
        """The last `limit` lines (all when None), oldest first."""
        out: list[str] = []
        for path in reversed(self.segments()):
            out[:0] = [x for x in path.read_text("utf-8").splitlines() if x.strip()]
            if limit is not None and len(out) >= limit:
                out = out[-limit:]
                break
        return [json.loads(x) for x in out]
