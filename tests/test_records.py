"""records.record: a class made a record behaves as the same class made a frozen dataclass
(parameters, defaults and factories, __post_init__, equality and hashing over the compared
fields, repr, `replace`, freezing, copying and pickling), and the records the redline
makes by the thousand keep their fields' parameters."""
from __future__ import annotations

import copy
import inspect
import pickle
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields, replace

import pytest

from assembler.compare.align import Entry
from assembler.compare.redline import RedlineUnit, Segment
from assembler.model import Draft, Metadata, OperativeParagraph, SubParagraph, Text
from assembler.numbering import Label
from assembler.ooxml.numbering_xml import NumInfo
from assembler.ooxml.reader import WParagraph, WRun
from assembler.records import record

RECORDS = (WRun, WParagraph, NumInfo, Text, SubParagraph, OperativeParagraph, Entry, Segment,
           RedlineUnit, Label, Draft, Metadata)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_a_record_takes_its_fields_as_parameters(cls):
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields(cls)]
    for p, f in zip(params, fields(cls)):
        if f.default is not MISSING:
            assert p.default == f.default
        elif f.default_factory is MISSING:
            assert p.default is inspect.Parameter.empty
    assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"


def both(body: dict, name: str = "Thing"):
    """The class `body` describes, made a record and made a frozen dataclass."""
    return (record(type(name, (), dict(body))),
            dataclass(frozen=True)(type(name, (), dict(body))))


BODIES = {
    "plain": {"__annotations__": {"text": "str", "italic": "bool", "marks": "tuple"},
              "italic": False, "marks": ()},
    "factory": {"__annotations__": {"n": "int", "items": "list"},
                "items": field(default_factory=list)},
    "one field": {"__annotations__": {"n": "int"}},
    "no field": {},
    "not compared": {"__annotations__": {"n": "int", "note": "str"},
                     "note": field(default="", compare=False, repr=False)},
}
ARGS = {"plain": [(("a",), {}), (("a", True), {"marks": ("x",)}), ((), {"text": "b"})],
        "factory": [((1,), {}), ((2, [3]), {})], "one field": [((1,), {})],
        "no field": [((), {})], "not compared": [((1,), {}), ((1, "x"), {})]}


@pytest.mark.parametrize("kind", BODIES)
def test_a_record_behaves_as_a_frozen_dataclass(kind):
    made, frozen = both(BODIES[kind])
    for args, kw in ARGS[kind]:
        a, b = made(*args, **kw), frozen(*args, **kw)
        assert vars(a) == vars(b) and repr(a) == repr(b)
        assert a == made(*args, **kw) and a != b  # another class: not equal
        try:
            expected = hash(b)
        except TypeError:  # a list among the fields: neither can be hashed
            with pytest.raises(TypeError):
                hash(a)
        else:
            assert hash(a) == expected == hash(made(*args, **kw))
        assert copy.deepcopy(a) == a and copy.copy(a) == a
        for name in vars(a):
            with pytest.raises(FrozenInstanceError):
                setattr(a, name, 1)
            with pytest.raises(FrozenInstanceError):
                delattr(a, name)
        if vars(a):
            name = next(iter(vars(a)))
            assert vars(replace(a, **{name: vars(b)[name]})) == vars(b)
    with pytest.raises(TypeError):
        made(*ARGS[kind][0][0], 1, 2, 3, 4)
    if kind == "not compared":
        assert made(1, "x") == made(1, "y") and hash(made(1, "x")) == hash(made(1, "y"))
    if kind == "factory":
        assert made(1).items is not made(1).items


def test_post_init_runs_and_a_record_repr_stops_at_itself():
    seen = []
    made = record(type("Checked", (), {"__annotations__": {"n": "int"},
                                      "__post_init__": lambda self: seen.append(self.n)}))
    made(3)
    assert seen == [3]
    box = record(type("Box", (), {"__annotations__": {"items": "list"}}))([])
    box.items.append(box)
    assert repr(box) == "Box(items=[...])"


def test_a_record_keeps_what_the_model_relies_on():
    run = Text("Decides", italic=True)
    assert replace(run, text="Requests") == Text("Requests", True)
    assert run != Text("Decides") and {run: 1}[Text("Decides", True)] == 1
    assert repr(run) == "Text(text='Decides', italic=True, bold=False, sup=False)"
    with pytest.raises(TypeError):
        Text()  # the text is still required
    with pytest.raises(TypeError):
        Text("a", nonsense=1)
    assert Draft().metadata == Metadata() and Draft().metadata is not Draft().metadata
    op = OperativeParagraph("op1", (run,), (SubParagraph("op1.a", (Text("x"),)),))
    assert pickle.loads(pickle.dumps(op)) == op and copy.deepcopy(op) == op


def test_a_class_a_record_cannot_be_is_refused():
    with pytest.raises(TypeError):
        record(type("Settable", (), {"__annotations__": {"n": "int"},
                                     "__setattr__": lambda self, k, v: None}))
    with pytest.raises(TypeError):
        record(type("Late", (), {"__annotations__": {"n": "int"}, "n": field(init=False)}))
