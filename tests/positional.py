"""A draft renumbered as a reader numbers a document that carries no ids (pp1, op1, h1,
op1.1), cross-references following, with no base named: a version imported on its own."""
from __future__ import annotations

from dataclasses import replace

from assembler.model import CrossRef


def by_position(d):
    """The draft with the ids a reader gives a document without ids (pp1, op1, h1, op1.1)."""
    names: dict[str, str] = {}

    def sub(unit, uid):
        names[unit.id] = uid
        return replace(unit, id=uid, children=tuple(sub(c, f"{uid}.{k}")
                                                    for k, c in enumerate(unit.children, 1)))
    ops, n, h = [], 0, 0
    for u in d.operative:
        if u.kind == "op":
            n += 1
            ops.append(sub(u, f"op{n}"))
        else:
            h += 1
            names[u.id] = f"h{h}"
            ops.append(replace(u, id=f"h{h}"))
    pre = []
    for i, u in enumerate(d.preamble, 1):
        names[u.id] = f"pp{i}"
        pre.append(replace(u, id=f"pp{i}"))

    def refs(unit):
        unit = replace(unit, content=tuple(CrossRef(names.get(c.target, c.target))
                                           if isinstance(c, CrossRef) else c
                                           for c in unit.content))
        if hasattr(unit, "children"):
            unit = replace(unit, children=tuple(refs(c) for c in unit.children))
        return unit
    return replace(d, preamble=tuple(refs(u) for u in pre),
                   operative=tuple(refs(u) for u in ops),
                   metadata=d.metadata.with_values(based_on=""))
