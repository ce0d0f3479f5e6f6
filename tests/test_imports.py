"""The package's import graph, read from the source with ast (every import counts, late ones
inside functions too, since a late import only hides a cycle; those for type checkers only
do not): no module imports itself
through others, no two packages import each other, and no module takes another's private
(_name) names."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "assembler"


@dataclass(frozen=True)
class Import:
    module: str      # the importing module
    target: str      # the module imported from
    names: tuple     # the names taken (empty for `import x`)
    line: int


def module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def imports(root: Path = PACKAGE) -> tuple[set[str], list[Import]]:
    modules: dict[str, tuple[Path, bool]] = {}
    for path in sorted(root.rglob("*.py")):
        name, is_package = module_name(path)
        modules[name] = (path, is_package)
    found: list[Import] = []
    for name, (path, is_package) in modules.items():
        here = name.split(".") if is_package else name.split(".")[:-1]
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                node.body = []  # imports for type hints only are not made when it runs
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[:len(here) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if not target.startswith("assembler"):
                    continue
                for alias in node.names:  # `from . import x` imports the module x
                    sub = f"{target}.{alias.name}"
                    if sub in modules:
                        found.append(Import(name, sub, (), node.lineno))
                    else:
                        found.append(Import(name, target, (alias.name,), node.lineno))
            elif isinstance(node, ast.Import):
                found += [Import(name, a.name, (), node.lineno) for a in node.names
                          if a.name.startswith("assembler")]
    return set(modules), found


def known(found: list[Import], modules: set[str]) -> list[Import]:
    return [i for i in found if i.target in modules]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def package_of(module: str) -> str:
    """assembler.compare.align -> assembler.compare; top-level modules stand for themselves."""
    return ".".join(module.split(".")[:2])


def module_graph(found: list[Import]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for i in found:
        # a package's __init__ gathering its own modules is not a cycle with them
        if i.module != i.target and not (i.target.startswith(i.module + ".")):
            graph.setdefault(i.module, set()).add(i.target)
    return graph


def test_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_every_import_of_the_package_names_a_module_that_is_there():
    """A late import of a module that moved fails only when its line runs."""
    modules, found = imports()
    missing = [f"{i.module}:{i.line} imports {i.target}" for i in found
               if i.target not in modules]
    assert missing == []


def defined(path: Path) -> set[str]:
    """The names a module defines at its top level (inside top-level if/try too)."""
    names: set[str] = set()
    body = list(ast.parse(path.read_text("utf-8")).body)
    while body:
        node = body.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.If, ast.Try)):
            body += node.body + node.orelse + getattr(node, "finalbody", [])
            body += [s for h in getattr(node, "handlers", []) for s in h.body]
    return names


def test_every_name_imported_from_the_package_is_there():
    """`from .yamlio import dump_proposal` after dump_proposal moved fails only when the
    function holding that import runs; here it fails at once."""
    modules, found = imports()
    paths = {name: path for name, path in
             ((module_name(p)[0], p) for p in PACKAGE.rglob("*.py"))}
    missing = [f"{i.module}:{i.line} imports {n} from {i.target}"
               for i in known(found, modules) for n in i.names
               if n != "*" and n not in defined(paths[i.target])]
    assert missing == []


def test_no_module_imports_itself_through_others():
    modules, found = imports()
    assert found, "the import graph is empty: the reader is broken"
    assert cycles(module_graph(known(found, modules))) == []


def test_no_two_packages_import_each_other():
    modules, found = imports()
    graph: dict[str, set[str]] = {}
    for i in known(found, modules):
        a, b = package_of(i.module), package_of(i.target)
        if a != b:
            graph.setdefault(a, set()).add(b)
    assert cycles(graph) == []


def test_no_private_names_taken_from_another_module():
    _, found = imports()
    taken = [f"{i.module}:{i.line} takes {n} from {i.target}" for i in found
             for n in i.names if n.startswith("_") and not n.startswith("__")
             and i.target != i.module]
    assert taken == []


WHOLE_PACKAGE = {"test_imports.py", "test_packaging.py", "test_fuzz.py"}  # about every module


def test_the_tests_folder_mirrors_the_package():
    """tests/<package>/ for assembler/<package>/, tests/test_<module>.py for a top-level
    module, as python-docx lays out its tests; a new test file finds its place by that rule."""
    tests = ROOT / "tests"
    package = ROOT / "assembler"
    for folder in sorted(p for p in tests.iterdir() if p.is_dir()):
        if folder.name in ("real", "__pycache__") or not list(folder.glob("test_*.py")):
            continue
        assert (package / folder.name / "__init__.py").is_file(), \
            f"tests/{folder.name}/ mirrors no package assembler/{folder.name}/"
    for test in sorted(tests.glob("test_*.py")):
        if test.name in WHOLE_PACKAGE:
            continue
        module = test.name.removeprefix("test_")
        assert (package / module).is_file(), \
            f"tests/{test.name} tests no top-level module assembler/{module}; move it to " \
            f"the folder of the package it tests"
