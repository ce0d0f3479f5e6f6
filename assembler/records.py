"""Frozen records made thousands of times a run (a Word file's runs and paragraphs, the
model's words and paragraphs, a comparison's entries): `record` makes a class a frozen
dataclass whose __init__ sets every field in one step. The __init__ a frozen dataclass is
given sets each field through object.__setattr__, which costs three times as much;
everything else (fields, defaults, order, equality, hashing, freezing, `replace`) is the
dataclass's own, and the class costs no more to make (its __init__ is written once)."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields


def record(cls: type) -> type:
    """`@dataclass(frozen=True)`, with an __init__ that sets the fields in one step. The
    fields take plain defaults (no default_factory) and the class has no __post_init__,
    which the one-step __init__ would skip."""
    cls = dataclass(frozen=True, init=False)(cls)
    params = fields(cls)
    if hasattr(cls, "__post_init__") \
            or any(f.default_factory is not MISSING or not f.init or f.kw_only for f in params):
        raise TypeError(f"{cls.__name__}: a record's fields have plain defaults, and it has "
                        "no __post_init__")
    defaults = {f"_{f.name}": f.default for f in params if f.default is not MISSING}
    signature = ", ".join(f.name if f.default is MISSING else f"{f.name}=_{f.name}"
                          for f in params)
    body = ", ".join(f"{f.name}={f.name}" for f in params)
    namespace: dict = {}
    exec(f"def __init__(self, {signature}):\n    self.__dict__.update({body})\n",
         defaults, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init
    return cls
