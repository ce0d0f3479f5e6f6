"""One template environment factory (writers/templating.py) for every writer, the reports and
the room: no other module builds a jinja2 environment, and what it builds is sandboxed,
autoescaping and strict, whichever folders and whitespace rule it is asked for."""
from __future__ import annotations

import ast

import jinja2
import pytest
from jinja2.exceptions import SecurityError
from markupsafe import Markup

from conftest import ROOT
from assembler.writers.templating import environment

PACKAGE = ROOT / "assembler"
ENVIRONMENTS = {"Environment", "SandboxedEnvironment", "BoundedSandbox", "ImmutableSandboxedEnvironment"}


def test_no_module_but_the_factory_builds_an_environment():
    built = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                    getattr(node.func, "id", "")
                if name in ENVIRONMENTS:
                    built.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert built == ["assembler/writers/templating.py:" + built[0].rsplit(":", 1)[1]]


@pytest.mark.parametrize("trim", [True, False])
def test_every_environment_escapes_refuses_the_machine_and_undefined_names(trim, tmp_path):
    (tmp_path / "t.html.j2").write_text("{{ x }}|{{ y }}", "utf-8")
    (tmp_path / "attr.html.j2").write_text("{{ x.__class__.__mro__ }}", "utf-8")
    (tmp_path / "missing.html.j2").write_text("{{ nothing }}", "utf-8")
    env = environment(tmp_path, trim=trim)
    assert env.get_template("t.html.j2").render(x="<script>", y=Markup("<b>kept</b>")) == \
        "&lt;script&gt;|<b>kept</b>"
    with pytest.raises(SecurityError):
        env.get_template("attr.html.j2").render(x="")
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("missing.html.j2").render()
    assert environment(tmp_path, trim=trim) is env  # compiled once, kept
