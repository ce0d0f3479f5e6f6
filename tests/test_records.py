"""records.record: the frozen records made thousands of times a run keep a frozen
dataclass's parameters, defaults, equality, hashing, `replace` and freezing, and the
decorator refuses a class its one-step __init__ would get wrong."""
from __future__ import annotations

import inspect
from dataclasses import MISSING, dataclass, field, fields, replace

import pytest

from assembler.compare.align import Entry
from assembler.compare.redline import RedlineUnit, Segment
from assembler.model import OperativeParagraph, SubParagraph, Text
from assembler.numbering import Label
from assembler.ooxml.numbering_xml import NumInfo
from assembler.ooxml.reader import WParagraph, WRun
from assembler.records import record

RECORDS = (WRun, WParagraph, NumInfo, Text, SubParagraph, OperativeParagraph, Entry, Segment,
           RedlineUnit, Label)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_the_one_step_init_takes_the_fields_as_the_dataclass_did(cls):
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields(cls)]
    assert [p.default for p in params] == \
        [inspect.Parameter.empty if f.default is MISSING else f.default for f in fields(cls)]
    assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
    assert cls.__dataclass_params__.frozen


def test_records_made_in_one_step_are_the_values_they_were():
    @dataclass(frozen=True)
    class Plain:
        text: str
        italic: bool = False
        marks: tuple = ()

    Quick = record(type("Quick", (), {
        "__annotations__": {"text": "str", "italic": "bool", "marks": "tuple"},
        "italic": False, "marks": ()}))
    for args, kw in [(("a",), {}), (("a", True), {"marks": ("x",)}), ((), {"text": "b"})]:
        quick, plain = Quick(*args, **kw), Plain(*args, **kw)
        assert vars(quick) == vars(plain)
        assert repr(quick).split("(", 1)[1] == repr(plain).split("(", 1)[1]
        assert hash(quick) == hash(Quick(*args, **kw)) and quick == Quick(*args, **kw)
    run = Text("Decides", italic=True)
    assert replace(run, text="Requests") == Text("Requests", True)
    assert run != Text("Decides") and hash(run) != hash(Text("Decides"))
    with pytest.raises(AttributeError):
        run.text = "Requests"  # still frozen
    with pytest.raises(TypeError):
        Text()  # the text is still required
    with pytest.raises(TypeError):
        Text("a", nonsense=1)


def test_a_class_the_one_step_init_would_get_wrong_is_refused():
    class Listed:
        items: list = field(default_factory=list)

    class Checked:
        n: int

        def __post_init__(self):
            assert self.n >= 0

    for cls in (Listed, Checked):
        with pytest.raises(TypeError):
            record(cls)
