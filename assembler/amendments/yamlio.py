"""Proposal files: YAML (one proposal a file), or UN prose under a YAML header.

Errors name the file and line. The JSON Schema in schemas/proposal.schema.json is what
editors validate against; this module checks files with the same schema, then reads them
into the model. Status changes are written into the file as one more history entry, leaving
the rest of the file (comments included) as it was.
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import AssemblerError
from ..resources import SCHEMAS
from ..source import read_text
from .batch import collector_paused
from .model import Change, Proposal, StatusEntry, allowed, number_changes, transition_hint
from .kinds import change_schema, kind
from .prose import instructions, prose_to_changes

SCHEMA = SCHEMAS / "proposal.schema.json"
DATA_SUFFIXES = (".yaml", ".yml")
PROSE_SUFFIXES = (".md", ".txt")
FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)


# ---------------------------------------------------------------- YAML with line numbers

class Located(dict):
    line: int = 0
    lines: dict


class LocatedList(list):
    line: int = 0
    lines: list


# The loading policy: a proposal is plain data a person typed. Anchors and aliases (which
# let a few lines stand for gigabytes), deep nesting and huge node counts are refused while
# composing, before anything is built; the file's size is bounded by fs.read.
MAX_DEPTH = 32
MAX_NODES = 200_000
MAX_PROSE_LINES = 50_000  # the same bound for a proposal in prose


class LineLoader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise AssemblerError(f"YAML anchors and aliases ({sign}{event.anchor}) are not "
                                 "allowed in a proposal", line=event.start_mark.line + 1,
                                 hint="write the text out in full where it is needed")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise AssemblerError(f"more than {MAX_NODES:,} YAML values; refused",
                                 line=event.start_mark.line + 1,
                                 hint="split the changes over several proposals")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise AssemblerError(f"nested more than {MAX_DEPTH} levels deep; refused",
                                     line=event.start_mark.line + 1,
                                     hint="a proposal needs four levels at most")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _mapping(loader: LineLoader, node: yaml.MappingNode) -> Located:
    out = Located()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise AssemblerError(f"the field '{key}' is given twice", line=key_node.start_mark.line + 1,
                                 hint="keep one")
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _sequence(loader: LineLoader, node: yaml.SequenceNode) -> LocatedList:
    out = LocatedList(loader.construct_object(n, deep=True) for n in node.value)
    out.line = node.start_mark.line + 1
    out.lines = [n.start_mark.line + 1 for n in node.value]
    return out


def _timestamp(loader: LineLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)  # dates stay as written


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _parse_yaml(text: str, file: str, offset: int = 0):
    try:
        return yaml.load(text, Loader=LineLoader)
    except AssemblerError as err:
        err.file = file
        err.line = (err.line or 0) + offset
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 + offset if mark else None
        raise AssemblerError(f"not valid YAML: {err.problem or err.context}", file=file,
                             line=line, hint="check the indentation and quoting on that line"
                             ) from None
    except yaml.YAMLError as err:
        raise AssemblerError(f"not valid YAML: {err}", file=file) from None


def _line_at(data, path) -> int | None:
    line = getattr(data, "line", None)
    node = data
    for key in path:
        if isinstance(node, Located) and key in node:
            line = node.lines.get(key, line)
        elif isinstance(node, LocatedList) and isinstance(key, int) and key < len(node):
            line = node.lines[key]
        else:
            break
        node = node[key]
    return line


@lru_cache(maxsize=1)
def proposal_schema() -> dict:
    """The proposal schema: schemas/proposal.schema.json with each change as the kinds
    describe it (tests/amendments/test_kinds.py keeps the file the same)."""
    schema = json.loads(SCHEMA.read_text("utf-8"))
    schema["$defs"]["structured"] = change_schema()
    return schema


def schema_text() -> str:
    """schemas/proposal.schema.json as `make schema` writes it: the file's own parts with the
    changes as the kinds describe them (tests/amendments/test_kinds.py: it is current)."""
    return json.dumps(proposal_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema() -> None:
    SCHEMA.write_text(schema_text(), "utf-8")


@lru_cache(maxsize=1)
def validator():
    import jsonschema
    return jsonschema.Draft202012Validator(proposal_schema())


@lru_cache(maxsize=1)
def _fast_validators():
    """The same schema cut apart for speed: the proposal without its changes, then each
    change against the rules of its kind alone, references inlined (jsonschema's if/then
    chains and $ref lookups are slow on thousands of changes). Any failure falls back to the
    whole schema, which gives the message."""
    import jsonschema
    schema = proposal_schema()
    defs = schema["$defs"]

    def inline(node):
        if isinstance(node, dict):
            if set(node) == {"$ref"}:
                return inline(defs[node["$ref"].rsplit("/", 1)[1]])
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node
    top = inline({k: v for k, v in schema.items() if k != "$defs"})
    top["properties"]["changes"] = {"type": "array", "minItems": 1}
    top["properties"]["status"]["items"]["properties"]["changes"] = {"type": "array",
                                                                     "minItems": 1}
    kinds = {branch["if"]["properties"]["kind"]["const"]:
             jsonschema.Draft202012Validator(inline(branch["then"]))
             for branch in defs["structured"]["allOf"]}
    return jsonschema.Draft202012Validator(top), kinds


def _valid(data) -> bool:
    top, kinds = _fast_validators()
    if not isinstance(data, dict) or not top.is_valid(data):
        return False
    lists = [data.get("changes", [])] + [e.get("changes", []) for e in data.get("status", [])]
    for items in lists:
        for c in items:
            if isinstance(c, str):
                if not c:
                    return False
            elif not (isinstance(c, dict) and c.get("kind") in kinds
                      and kinds[c["kind"]].is_valid(c)):
                return False
    return True


def schema_error(data, file: str, offset: int) -> AssemblerError | None:
    """What is wrong with a parsed proposal against the schema, as one located error; None
    when it is valid (the fast check first)."""
    import jsonschema
    if _valid(data):
        return None
    errors = list(validator().iter_errors(data))
    if not errors:
        return None
    err = _deepest(jsonschema.exceptions.best_match(errors))
    path = list(err.absolute_path)
    line = _line_at(data, path)
    where = "/".join(str(p) for p in path) or "the proposal"
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        key = extra[0] if extra else "?"
        node = data
        for p in path:
            node = node[p]
        line = node.lines.get(key, line) if isinstance(node, Located) else line
        allowed = ", ".join(k for k in err.schema.get("properties", {}))
        return AssemblerError(f"unknown field '{key}' in {where}", file=file,
                              line=(line or 0) + offset or None, hint=f"known here: {allowed}")
    if err.validator == "required":
        msg = err.message.replace(" is a required property", "")
        return AssemblerError(f"{where} lacks the field {msg}", file=file,
                              line=(line or 0) + offset or None, hint="see docs/amendments.md")
    if err.validator == "oneOf" and isinstance(err.instance, dict):
        return AssemblerError(f"{where}: give exactly one place (after, before, start-of or "
                              f"end-of)", file=file, line=(line or 0) + offset or None)
    message = err.message if len(err.message) < 160 else err.message[:157] + "..."
    return AssemblerError(f"{where}: {message}", file=file, line=(line or 0) + offset or None,
                          hint="see docs/amendments.md or schemas/proposal.schema.json")


def _deepest(err):
    """Descend into oneOf/anyOf contexts to the most specific complaint."""
    while err.context:
        inner = [e for e in err.context if not (e.validator == "type" and e.validator_value == "string")]
        if not inner:
            break
        err = max(inner, key=lambda e: len(e.absolute_path))
    return err


# ---------------------------------------------------------------- reading

def load_proposal(path: str | Path) -> Proposal:
    p = Path(path)
    text = _read(p)
    return parse_proposal(text, str(p), prose=p.suffix.lower() in PROSE_SUFFIXES)


def _read(p: Path) -> str:
    if p.is_file() and p.suffix.lower() not in DATA_SUFFIXES + PROSE_SUFFIXES:
        raise AssemblerError(f"'{p.suffix or 'no extension'}' is not a proposal file",
                             file=str(p), hint="proposals are .yaml (data) or .md/.txt (prose)")
    return read_text(p, "a proposal", "see docs/amendments.md", kind="proposal")


def parse_proposal(text: str, file: str = "<proposal>", *, prose: bool = False) -> Proposal:
    offset = 0
    sentences: list[tuple[int, str]] = []
    if prose:
        m = FRONT.match(text)
        if not m:
            raise AssemblerError("a proposal in prose starts with a header between '---' lines",
                                 file=file, line=1, hint="see docs/amendments.md")
        head, body = m.group(1), text[m.end():]
        offset = 1
        first_body_line = text[:m.end()].count("\n") + 1
        if body.count("\n") > MAX_PROSE_LINES:  # each line may be a sentence to parse
            raise AssemblerError(f"more than {MAX_PROSE_LINES:,} lines of changes; refused",
                                 file=file, line=first_body_line,
                                 hint="split the changes over several proposals")
        sentences = instructions(enumerate(body.split("\n"), first_body_line), file)
        data = _parse_yaml(head, file, offset)
        if isinstance(data, dict):
            if "changes" in data:
                raise AssemblerError("a proposal in prose gives its changes as sentences, not "
                                     "in the header", file=file,
                                     line=data.lines["changes"] + offset)
            data["changes"] = [s for _, s in sentences]
            data.lines["changes"] = sentences[0][0] - offset if sentences else 1
            lst = LocatedList(data["changes"])
            lst.line = data.lines["changes"]
            lst.lines = [n - offset for n, _ in sentences]
            data["changes"] = lst
    else:
        data = _parse_yaml(text, file)
    if not isinstance(data, dict):
        raise AssemblerError("a proposal is a YAML mapping (id:, proposer:, base:, changes:)",
                             file=file, line=1, hint="see docs/amendments.md")
    err = schema_error(data, file, offset)
    if err:
        raise err
    _one_line_fields(data, file, offset)
    _dates_and_names(data, file, offset)
    changes = changes_of(data["changes"], file, offset)
    history = []
    for i, entry in enumerate(data.get("status", [])):
        line = data["status"].lines[i] + offset
        history.append(StatusEntry(entry["status"], str(entry.get("date", "")),
                                   entry.get("note", ""), entry.get("by", ""),
                                   changes_of(entry.get("changes", []), file, offset, data["id"]),
                                   line))
    _check_history(history, file)
    pid = data["id"]
    return Proposal(pid, data["proposer"], data["base"],
                    number_changes(pid, changes), tuple(data.get("co-sponsors", ())),
                    str(data.get("date", "")), data.get("title", ""),
                    (data.get("rationale") or "").strip(), tuple(
                        _renumber(pid, h) for h in history), file=file,
                    form="prose" if prose else "data", symbol=data.get("symbol", ""),
                    sponsors_note=data.get("sponsors-footnote", ""),
                    instructions=tuple(data.get("instructions", ())),
                    footnotes=tuple((str(k), str(v)) for k, v in
                                    (data.get("footnotes") or {}).items()))


def _one_line_fields(data: Located, file: str, offset: int) -> None:
    """Names and dates are one line: a line break in a proposer's name would become a line
    of its own in every draft and document that names it."""
    fields = [(k, data.get(k), data.lines.get(k)) for k in ("id", "proposer", "base", "date")]
    fields += [("co-sponsors", v, data["co-sponsors"].lines[i])
               for i, v in enumerate(data.get("co-sponsors", ()))]
    fields += [("by", e.get("by"), e.lines.get("by")) for e in data.get("status", ())]
    for key, value, line in fields:
        if isinstance(value, str) and any(ch in value for ch in "\n\r\f\v\x85\u2028\u2029"):
            raise AssemblerError(f"the field '{key}' holds a line break", file=file,
                                 line=(line or 0) + offset or None, hint="write it on one line")
    _no_controls(data, file, offset, data.line)


def _no_controls(node, file: str, offset: int, line: int | None) -> None:
    """No text in a proposal holds a control character ("\\u0001" written as an escape):
    no document can show one, and Word and XML cannot hold it."""
    from ..fs.read import CONTROL
    if isinstance(node, str):
        m = CONTROL.search(node)
        if m:
            raise AssemblerError(f"holds the control character U+{ord(m.group()):04X}; refused",
                                 file=file, line=(line or 0) + offset or None,
                                 hint="remove it; text holds none")
    elif isinstance(node, dict):
        for k, v in node.items():
            _no_controls(k, file, offset, line)
            _no_controls(v, file, offset, getattr(node, "lines", {}).get(k, line))
    elif isinstance(node, list):
        lines = getattr(node, "lines", [])
        for i, v in enumerate(node):
            _no_controls(v, file, offset, lines[i] if i < len(lines) else line)


def _dates_and_names(data: Located, file: str, offset: int) -> None:
    """Dates are real days; a proposal is superseded by or merged into another proposal,
    named by its id, never by itself."""
    from ..dates import checked_day
    from ..fs.names import check_name
    checks = []
    if data.get("date") not in (None, ""):
        checks.append((lambda v=data["date"]: checked_day(v, "the date"), data.lines["date"]))
    for e in data.get("status", ()):
        if e.get("date") not in (None, ""):
            checks.append((lambda v=e["date"]: checked_day(v, "the date"),
                           e.lines.get("date", e.line)))
        if e.get("by"):
            checks.append((lambda v=e["by"]: check_name(v, "a proposal id", "by:"),
                           e.lines.get("by", e.line)))
            if e["by"] == data["id"]:
                raise AssemblerError(f"by: {e['by']}: a proposal cannot be "
                                     f"{e.get('status')} by or into itself", file=file,
                                     line=(e.lines.get("by") or 0) + offset or None,
                                     hint="name the proposal that takes it over")
    for check, line in checks:
        try:
            check()
        except AssemblerError as err:
            err.file, err.line = file, (line or 0) + offset or None
            raise


def _renumber(pid: str, entry: StatusEntry) -> StatusEntry:
    from dataclasses import replace
    return replace(entry, changes=number_changes(pid, entry.changes)) if entry.changes else entry


def _check_history(history: list[StatusEntry], file: str) -> None:
    current = "proposed"
    for entry in history:
        if entry.status == "proposed" and current == "proposed":
            continue
        if not allowed(current, entry.status):
            raise AssemblerError(f"status '{entry.status}' cannot follow '{current}'",
                                 file=file, line=entry.line,
                                 hint=transition_hint(current))
        current = entry.status


def changes_of(items, file: str, offset: int, pid: str = "") -> tuple[Change, ...]:
    """A proposal's `changes:` items (mappings or sentences of prose) as Changes."""
    out = []
    for i, item in enumerate(items):
        line = items.lines[i] + offset if isinstance(items, LocatedList) else None
        if isinstance(item, str):
            try:
                out += prose_to_changes(item, line=line)
            except AssemblerError as err:
                err.file = file
                raise
        else:
            out.append(change_from_mapping(item, line))
    return tuple(out)


def change_from_mapping(m: dict, line: int | None = None) -> Change:
    return kind(m["kind"]).from_mapping(m, line)


def load_proposals(paths, load=None) -> list[Proposal]:
    """Every proposal in the given files and folders, each of which must read; `load` reads
    one file (default: load_proposal; the room passes its cached reader)."""
    with collector_paused():
        return _load_all(paths, load or load_proposal)


def proposal_files(folder: Path) -> list[Path]:
    """A folder's proposal files by name: .yaml, .yml, .md and .txt, not hidden, not README."""
    # by name with os.scandir: a round of a thousand proposals is listed on every page of
    # the room, and sorting Paths and asking each whether it is a file cost ten times more
    with os.scandir(folder) as entries:
        names = sorted(e.name for e in entries
                       if os.path.splitext(e.name)[1].lower() in DATA_SUFFIXES + PROSE_SUFFIXES
                       and not e.name.startswith((".", "README")) and e.is_file())
    # each file's Path made once per folder (making a thousand Paths is most of a listing)
    made = _PATHS.setdefault(str(folder), {})
    out = []
    for name in names:
        path = made.get(name)
        if path is None:
            path = made[name] = folder / name
        out.append(path)
    return out


_PATHS: dict[str, dict[str, Path]] = {}   # folder -> name -> its Path (proposal_files)


def _load_all(paths, load) -> list[Proposal]:
    """Every proposal in the given files and folders (a folder: its .yaml, .yml, .md and
    .txt files, by name). Two proposals with one id are refused."""
    files: list[Path] = []
    for path in map(Path, paths):
        files += proposal_files(path) if path.is_dir() else [path]
    if not files:
        raise AssemblerError("no proposals found", file=", ".join(map(str, paths)) or None,
                             hint="give .yaml, .md or .txt proposal files or a folder of them")
    out: list[Proposal] = []
    seen: dict[str, str] = {}
    for f in files:
        prop = load(f)
        if prop.id in seen:
            raise AssemblerError(f"the id '{prop.id}' is also used by {seen[prop.id]}",
                                 file=str(f), line=1,
                                 hint="give every proposal an id of its own")
        seen[prop.id] = str(f)
        out.append(prop)
    return out
