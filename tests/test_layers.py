"""The package's floors: the typed core, then the layers built on it.

The import graph is built from the source of the installed package (every
``.py`` and ``.pyi`` file, imports at module level and inside functions,
the package's lazily imported names), and must keep these rules:

- no import cycle anywhere, at run time or for the type checkers (one
  exception: the generated overloads of ``Status`` in ``_signatures.pyi``
  name ``Status``, which ``resolve`` takes its typed base class from; no
  interpreter ever runs either import);
- each layer imports only the layers below it: the core nothing above it;
  ``toolkit``, ``names``, ``dicomweb`` and ``association`` the core;
  ``testing`` the core, ``toolkit`` and ``association``; ``cli`` any of them;
  nothing imports the package's ``__init__`` (it is the facade, above
  everything);
- no hand-written module over 700 lines, and every generated module says so
  in its first line;
- no public name of a package is the name of one of its submodules (under
  lazy imports, importing the submodule would replace the name).

The last tests show that the check fails when a cycle or an upward import
is added to a copy of the package.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

import dimse_status

PACKAGE = "dimse_status"
ROOT = Path(dimse_status.__file__).resolve().parent

CORE = frozenset({"_typechecking", "base", "statuses", "services", "_signatures", "_tables",
                  "registry", "resolve", "dataset"})
# What each layer may import (besides itself).
MAY_IMPORT: dict[str, frozenset[str]] = {
    "core": frozenset({"core"}),
    "compat": frozenset({"core"}),
    "toolkit": frozenset({"core"}),
    "names": frozenset({"core"}),
    "dicomweb": frozenset({"core"}),
    "association": frozenset({"core"}),
    "testing": frozenset({"core", "toolkit", "association"}),
    "cli": frozenset({"core", "toolkit", "names", "testing", "dicomweb", "association"}),
    "facade": frozenset({"core", "compat", "toolkit", "names", "testing", "cli"}),
}
# The one cycle only type checkers see (see the module docstring).
TYPE_ONLY_CYCLE = ("dimse_status.resolve", "dimse_status._signatures")
MAX_LINES = 700


class Edge(NamedTuple):
    source: str
    target: str
    line: int
    type_only: bool  # under ``if TYPE_CHECKING:`` or in a stub


def layer(module: str) -> str:
    parts = module.split(".")[1:]
    if not parts or parts == ["__main__"]:
        return "facade"
    if parts[0] in CORE:
        return "core"
    if parts[0] in MAY_IMPORT:
        return parts[0]
    raise AssertionError(f"{module} is in no layer: add it to one in tests/test_layers.py")


def module_files(root: Path) -> dict[str, Path]:
    """Every module of the package under ``root``: its dotted name and file."""
    files: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py*")):
        if path.suffix not in (".py", ".pyi") or "__pycache__" in path.parts:
            continue
        parts = [PACKAGE, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        files[".".join(parts)] = path
    return files


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".")
    if level:
        base = base[:len(base) - level + (1 if is_package else 0)]
    return ".".join([*base, *([name] if name else [])])


def imports(module: str, path: Path, modules: set[str]) -> list[Edge]:
    """The package modules ``module`` imports, at any depth of its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.stem == "__init__"
    stub = path.suffix == ".pyi"
    edges: list[Edge] = []

    def add(target: str, node: ast.AST, type_only: bool) -> None:
        # Importing a.b.c runs a/__init__ and a/b/__init__ first (unless a
        # package holds the importing module: then it is being imported).
        parts = target.split(".")
        for end in range(2, len(parts) + 1):
            name = ".".join(parts[:end])
            if name in modules and name != module and not module.startswith(name + "."):
                edges.append(Edge(module, name, getattr(node, "lineno", 0), type_only))
        if target == PACKAGE and module != PACKAGE:
            edges.append(Edge(module, PACKAGE, getattr(node, "lineno", 0), type_only))

    def visit(node: ast.AST, type_only: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for branch in node.body:
                visit(branch, True)
            for branch in node.orelse:
                visit(branch, type_only)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    add(alias.name, node, type_only)
        elif isinstance(node, ast.ImportFrom) and (
                node.level or (node.module or "").split(".")[0] == PACKAGE):
            source = (_resolve(module, is_package, node.level, node.module)
                      if node.level else node.module or "")
            submodules = [f"{source}.{a.name}" for a in node.names
                          if f"{source}.{a.name}" in modules]
            if len(submodules) < len(node.names):  # names defined in ``source``
                add(source, node, type_only)
            for submodule in submodules:  # from . import services
                add(submodule, node, type_only)
        for child in ast.iter_child_nodes(node):
            visit(child, type_only)

    visit(tree, stub)
    if module == PACKAGE:  # the names it imports on first use
        edges += _lazy_edges(tree, modules)
    return edges


def _lazy_edges(tree: ast.Module, modules: set[str]) -> list[Edge]:
    """``__init__``'s ``_LAYERS`` (name -> submodule) and ``_LAZY`` (the
    service names, from ``services``), imported by ``__getattr__``."""
    edges: list[Edge] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) and any(
                isinstance(t, ast.Name) and t.id == "_LAYERS" for t in node.targets):
            for value in node.value.values:
                assert isinstance(value, ast.Constant) and isinstance(value.value, str)
                target = f"{PACKAGE}.{value.value}"
                assert target in modules, f"_LAYERS names {target}, which does not exist"
                edges.append(Edge(PACKAGE, target, node.lineno, False))
    return edges


def graph(root: Path) -> list[Edge]:
    files = module_files(root)
    names = set(files)
    return [edge for module, path in files.items() for edge in imports(module, path, names)]


def cycles(edges: list[Edge]) -> list[list[str]]:
    """The import cycles of ``edges``, one per strongly connected group."""
    succ: dict[str, set[str]] = {}
    for e in edges:
        succ.setdefault(e.source, set()).add(e.target)
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(succ.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                walk(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(succ):
        if node not in state:
            walk(node)
    return found


def violations(edges: list[Edge]) -> list[str]:
    """Every broken rule of the import graph, as a readable line."""
    problems: list[str] = []
    runtime = [e for e in edges if not e.type_only]
    for cycle in cycles(runtime):
        problems.append("import cycle: " + " -> ".join(cycle))
    typed = [e for e in edges if (e.source, e.target) != TYPE_ONLY_CYCLE]
    for cycle in cycles(typed):
        if cycle not in (c for c in cycles(runtime)):
            problems.append("import cycle (for type checkers): " + " -> ".join(cycle))
    for e in edges:
        source, target = layer(e.source), layer(e.target)
        if target == "facade":
            problems.append(f"{e.source}:{e.line} imports the package facade {e.target}")
        elif source != target and target not in MAY_IMPORT[source]:
            problems.append(f"upward import: {e.source}:{e.line} ({source}) imports "
                            f"{e.target} ({target})")
    return problems


def test_the_import_graph_keeps_the_floors() -> None:
    edges = graph(ROOT)
    assert len(edges) > 50  # the graph was read at all
    assert violations(edges) == []


def test_the_graph_sees_each_kind_of_import() -> None:
    """Module level, inside functions, under TYPE_CHECKING, lazily through
    the facade: each kind is in the graph (else the rules check nothing)."""
    edges: dict[tuple[str, str], list[Edge]] = {}
    for e in graph(ROOT):
        edges.setdefault((e.source, e.target), []).append(e)
    assert any(not e.type_only for e in edges["dimse_status.resolve", "dimse_status.registry"])
    assert all(e.type_only for e in edges["dimse_status.resolve", "dimse_status._signatures"])
    # inside a function: the command line's names lookup
    assert ("dimse_status.cli.app", "dimse_status.names") in edges
    # a subpackage's __init__ runs before its module
    assert ("dimse_status.cli.serve", "dimse_status.testing") in edges
    assert ("dimse_status", "dimse_status.cli.annotator") in edges  # lazily


def test_the_core_imports_no_layer_at_run_time() -> None:
    """In a fresh interpreter, every core module imported: no module of a
    layer above is loaded."""
    import subprocess
    import sys

    core = sorted(f"{PACKAGE}.{name}" for name in CORE if name != "_signatures")
    code = (f"import importlib, sys\nfor m in {core!r}: importlib.import_module(m)\n"
            "print(sorted(m for m in sys.modules if m.startswith('dimse_status.')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    loaded = set(ast.literal_eval(result.stdout))
    assert loaded <= {f"{PACKAGE}.{name}" for name in CORE}, loaded


def size_problems(root: Path) -> list[str]:
    problems: list[str] = []
    for module, path in module_files(root).items():
        text = path.read_text(encoding="utf-8")
        if "GENERATED by tools/generate.py" in text[:2000]:
            if not text.startswith("# GENERATED by tools/generate.py"):
                problems.append(f"{module}: a generated module says so in its first line")
        elif text.count("\n") > MAX_LINES:
            problems.append(f"{module} has {text.count(chr(10))} lines (at most {MAX_LINES})")
    return problems


def test_modules_are_small_or_generated() -> None:
    assert size_problems(ROOT) == []


def test_every_subpackage_says_what_it_may_import() -> None:
    for name in ("toolkit", "testing", "names", "cli", "dicomweb", "association"):
        doc = importlib.import_module(f"{PACKAGE}.{name}").__doc__ or ""
        assert "Layer:" in doc and "may import" in doc, name


def test_no_public_name_is_a_submodule_name() -> None:
    packages = [dimse_status] + [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(dimse_status.__path__, f"{PACKAGE}.") if info.ispkg]
    for package in packages:
        submodules = {info.name for info in pkgutil.iter_modules(package.__path__)}
        public = set(getattr(package, "__all__", ()))
        assert public & submodules == set(), package.__name__


# --- the check can fail -------------------------------------------------------------


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the package's source to break."""
    target = tmp_path / PACKAGE
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _append(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")


def test_an_upward_import_inside_a_function_fails_the_check(copy: Path) -> None:
    _append(copy / "dataset.py", "def _late() -> None:\n    from .toolkit import errors\n")
    assert any(p.startswith("upward import: dimse_status.dataset:") and "toolkit" in p
               for p in violations(graph(copy)))


def test_an_upward_type_only_import_fails_the_check(copy: Path) -> None:
    _append(copy / "toolkit" / "handlers.py",
            "if TYPE_CHECKING:\n    from ..testing import StatusServer\n")
    assert any("dimse_status.toolkit.handlers" in p and "(testing)" in p
               for p in violations(graph(copy)))


def test_a_cycle_fails_the_check(copy: Path) -> None:
    # registry already imports _tables; _tables importing registry closes a loop
    _append(copy / "_tables.py", "def _late() -> None:\n    from . import registry\n")
    problems = violations(graph(copy))
    assert any(p.startswith("import cycle: ") and "dimse_status._tables" in p
               and "dimse_status.registry" in p for p in problems), problems


def test_importing_the_facade_fails_the_check(copy: Path) -> None:
    _append(copy / "toolkit" / "errors.py", "import dimse_status\n")
    assert any("imports the package facade" in p for p in violations(graph(copy)))


def test_a_long_hand_written_module_fails_the_check(copy: Path) -> None:
    _append(copy / "toolkit" / "errors.py", "\n".join(f"X{n} = {n}" for n in range(MAX_LINES)))
    assert size_problems(copy) == [f"dimse_status.toolkit.errors has "
                                   f"{(copy / 'toolkit' / 'errors.py').read_text().count(chr(10))}"
                                   f" lines (at most {MAX_LINES})"]
