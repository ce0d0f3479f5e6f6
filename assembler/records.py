"""Frozen records: `@record` in place of `@dataclass(frozen=True)`, for the classes the
redline's path imports on every run (the model, the reader's and the comparison's records).

A record is a frozen dataclass in every way code can see: its fields, defaults and
factories, order, `replace`, `fields`, __post_init__, equality and hashing over its
compared fields, its repr, and assigning to it raises FrozenInstanceError. What differs is
the cost of making the class: the dataclass module writes and compiles six methods for
every frozen class (__init__, __repr__, __eq__, __hash__, __setattr__, __delattr__), about
0.6 ms a class at start-up; a record has its __init__ compiled and shares the others.
(Its __init__ sets the fields one by one through object.__setattr__, as the dataclass's
does: setting them in one step through __dict__ was faster but gave every instance a dict
of its own, 2.2 times the memory.)"""
from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from operator import attrgetter
from reprlib import recursive_repr


def _getter(names: tuple[str, ...]):
    """The values of `names` of an object, as a tuple (attrgetter's own for two or more)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _eq(self, other):
    if other.__class__ is self.__class__:
        compared = self.__class__._record_compared
        return compared(self) == compared(other)
    return NotImplemented


def _hash(self) -> int:
    return hash(self.__class__._record_hashed(self))


@recursive_repr()
def _repr(self) -> str:
    cls = self.__class__
    return f"{cls.__qualname__}(" + ", ".join(
        f"{name}={value!r}" for name, value in zip(cls._record_shown, cls._record_repr(self))) + ")"


def _setattr(self, name: str, value) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def record(cls: type) -> type:
    """The class as a frozen dataclass (see the module's note). Its fields take defaults or
    default factories; a __post_init__ is called as the dataclass calls it."""
    cls = dataclass(init=False, repr=False, eq=False)(cls)  # fields only: no methods made
    params = fields(cls)
    if len(params) != len(cls.__dataclass_fields__) \
            or any(not f.init or f.kw_only for f in params):
        raise TypeError(f"{cls.__name__}: a record's fields are all set by its __init__, "
                        "in order (no InitVar, init=False or keyword-only fields)")
    names = tuple(f.name for f in params)
    env: dict = {"_MISSING": MISSING, "_set": object.__setattr__}
    signature, lines = [], []
    for f in params:
        if f.default is not MISSING:
            env[f"_{f.name}"] = f.default
            signature.append(f"{f.name}=_{f.name}")
        elif f.default_factory is not MISSING:
            env[f"_{f.name}"] = f.default_factory
            signature.append(f"{f.name}=_MISSING")
            lines.append(f"    if {f.name} is _MISSING: {f.name} = _{f.name}()\n")
        else:
            signature.append(f.name)
    lines += [f"    _set(self, {n!r}, {n})\n" for n in names] or ["    pass\n"]
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()\n")
    namespace: dict = {}
    exec(f"def __init__(self, {', '.join(signature)}):\n{''.join(lines)}", env, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init
    cls._record_compared = _getter(tuple(f.name for f in params if f.compare))
    cls._record_hashed = _getter(tuple(
        f.name for f in params if (f.compare if f.hash is None else f.hash)))
    cls._record_shown = tuple(f.name for f in params if f.repr)
    cls._record_repr = _getter(cls._record_shown)
    if "__setattr__" in cls.__dict__ or "__delattr__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: a record (frozen) cannot define __setattr__ or "
                        "__delattr__")
    # a method the class writes itself is kept, as the dataclass module keeps it
    for name, method in (("__eq__", _eq), ("__repr__", _repr), ("__setattr__", _setattr),
                         ("__delattr__", _delattr)):
        if name not in cls.__dict__:
            setattr(cls, name, method)
    if cls.__dict__.get("__hash__") is None:  # none written (or None, beside an __eq__)
        cls.__hash__ = _hash
    return cls
