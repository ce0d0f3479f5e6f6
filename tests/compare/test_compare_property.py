"""Property: on any chain of generated versions (paragraphs and sub-paragraphs reworded,
deleted, inserted, moved), the comparison table holds every unit of every version exactly
once, in its own row, with its text; rows follow the newest version's order."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembler.compare.table import build_table
from assembler.negotiation.versions import Version
from assembler.model import OperativeParagraph, Text

from strategies import drafts
from test_compare import assert_complete


@st.composite
def next_version(draw, draft, k: int):
    ops = list(draft.operative)
    edits = draw(st.lists(st.tuples(st.sampled_from(["reword", "delete", "insert", "move",
                                                     "drop-sub"]),
                                    st.integers(0, 50), st.integers(0, 50)), max_size=5))
    for n, (kind, i, j) in enumerate(edits):
        if not ops:
            break
        i %= len(ops)
        if kind == "reword":
            u = ops[i]
            ops[i] = replace(u, content=u.content + (Text(f" amended {k}.{n}"),))
        elif kind == "delete" and len(ops) > 1:
            del ops[i]
        elif kind == "insert":
            ops.insert(i, OperativeParagraph(f"v{k}n{n}", (Text(f"New paragraph {k}.{n};"),)))
        elif kind == "move":
            u = ops.pop(i)
            ops.insert(j % (len(ops) + 1), u)
        elif kind == "drop-sub" and getattr(ops[i], "children", ()):
            ops[i] = replace(ops[i], children=ops[i].children[1:])
    meta = draft.metadata.with_values(version=f"v{k}", based_on=draft.metadata.version,
                                      stage="rev", revision=str(k - 1))
    return replace(draft, operative=tuple(ops), metadata=meta)


@st.composite
def chains(draw):
    d = draw(drafts(max_ops=5))
    out = [d]
    for k in range(2, draw(st.integers(2, 4)) + 1):
        out.append(draw(next_version(out[-1], k)))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chains())
def test_every_unit_once_in_its_own_row(chain):
    versions = [Version(d, d.metadata.version) for d in chain]
    table = build_table(versions)
    assert_complete(versions, table)
    # the rows of the newest version's units come in its order
    newest = [u.id for u in chain[-1].units()]
    in_rows = [r.cells[-1].unit_id for r in table.rows if r.cells[-1].present]
    assert in_rows == newest
    # an absent cell always says when the unit came or went
    for row in table.rows:
        for cell in row.cells:
            assert cell.present or cell.note.startswith(("added in", "deleted in"))
