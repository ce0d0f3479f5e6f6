"""The jinja2 sandbox every template renders in (built-in and a user's own), with limits: no
single operation may make a text or list of more than MAX_ITEMS, no number of more than
MAX_BITS bits, a whole rendering stops past MAX_OUTPUT characters and past MAX_SECONDS.
`{{ 'x' * 10**10 }}` is refused with its reason instead of taking the machine's memory;
jinja2's own sandbox already refuses unsafe attributes and bounds range().

Time: loops and macro calls are where a template spends unbounded time (nested loops over
range(), a macro calling itself twice), so every loop turn and every macro call checks the
clock, through a call the sandbox adds to the template when it is parsed."""
from __future__ import annotations

import contextvars
import functools
import math
import re
import time

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_ITEMS = 1_000_000          # characters or items one operation may make
MAX_BITS = 10_000              # an integer's size
MAX_OUTPUT = 64 * 1024 * 1024  # characters one rendering may write
MAX_SECONDS = 30.0             # one rendering's time (a 2,000-paragraph draft takes about 1 s)
_TICK = "__assembler_tick__"   # the global the added calls name
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline",
                                                                         default=None)
_WIDTHS = re.compile(r"%[-#0 +]*(\d+)?(?:\.(\d+))?|\{[^{}]*?:[^{}]*?(\d+)")


def _refuse(what: str) -> SecurityError:
    return SecurityError(f"{what}, more than a template may make")


def _check_binop(operator: str, left, right) -> None:
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and \
                    len(seq) * n > MAX_ITEMS:
                raise _refuse(f"'*' would make {len(seq) * n:,} "
                              f"{'characters' if isinstance(seq, str) else 'items'} "
                              f"(limit {MAX_ITEMS:,})")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0 \
                and right * math.log2(abs(left)) > MAX_BITS:
            raise _refuse(f"'**' would make a number of {right * math.log2(abs(left)):,.0f} "
                          f"bits (limit {MAX_BITS:,})")
    elif operator == "%" and isinstance(left, str):
        _check_format(left)
        for v in right if isinstance(right, tuple) else (right,):
            _check_value(v)


def _check_format(text: str) -> None:
    for m in _WIDTHS.finditer(text):
        for g in m.groups():
            if g and (len(g) > 7 or int(g) > MAX_ITEMS):
                raise _refuse(f"a width of {g} characters (limit {MAX_ITEMS:,})")


def _check_value(v) -> None:
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > MAX_ITEMS:
        raise _refuse(f"an argument of {v:,} (limit {MAX_ITEMS:,}) to a call")


def _check_args(obj, args, kwargs) -> None:
    for v in list(args) + list(kwargs.values()):
        _check_value(v)
    inner = getattr(obj, "__wrapped__", obj)  # jinja2 wraps str.format to sandbox it
    if getattr(inner, "__name__", "") in ("format", "format_map") and \
            isinstance(getattr(inner, "__self__", None), str):
        _check_format(inner.__self__)


def _bounded(func):
    """A filter whose numeric arguments are checked first ('x'|center(10**10) is refused,
    when run and when jinja2 folds constants while compiling)."""
    @functools.wraps(func)  # keeps jinja2's pass_context/pass_environment marks
    def wrapper(*args, **kwargs):
        _check_args(func, args[1:], kwargs)
        if func.__name__ in ("do_format",) and args and isinstance(args[0], str):
            _check_format(args[0])
        return func(*args, **kwargs)
    return wrapper


def _tick() -> str:
    """The clock check a loop turn or macro call makes (it writes nothing)."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise SecurityError(f"the rendering took more than {MAX_SECONDS:g} s (limit "
                            f"{MAX_SECONDS:g} s), more than a template may take")
    return ""


class BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = {name: _bounded(f) for name, f in self.filters.items()}
        self.globals[_TICK] = _tick

    def _parse(self, source, name, filename):
        """The parsed template with a clock check opening every loop body and macro."""
        tree = super()._parse(source, name, filename)
        for node in tree.find_all((nodes.For, nodes.Macro, nodes.CallBlock)):
            check = nodes.ExprStmt(nodes.Call(nodes.Name(_TICK, "load"), [], [], None, None))
            node.body.insert(0, check)
        return tree

    def call_binop(self, context, operator, left, right):
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja2's signature)
        _check_args(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


def render_bounded(template, context: dict) -> str:
    """Render, stopping once the output passes MAX_OUTPUT characters or the time MAX_SECONDS."""
    token = _deadline.set(time.monotonic() + MAX_SECONDS)
    try:
        out, size = [], 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise _refuse(f"the output passed {MAX_OUTPUT // 2**20} Mi characters")
            _tick()
            out.append(chunk)
        return "".join(out)
    finally:
        _deadline.reset(token)
