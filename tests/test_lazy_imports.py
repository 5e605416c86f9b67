"""No public name of a package may be the name of one of its modules (issue 25, item 2).

When a package binds a public name equal to a submodule's, the name is the
function until the submodule is imported, and the module after: importing
``dimse_status.annotate`` sets the package's attribute ``annotate`` to the
module. Under 3.15's lazy imports (``python -X lazy_imports=all``) that is
what ``from dimse_status import annotate`` gave after
``importlib.import_module("dimse_status.annotate")``.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import subprocess
import sys
from types import ModuleType

import pytest

import dimse_status


def _packages() -> list[ModuleType]:
    """dimse_status and every package inside it."""
    found = [dimse_status]
    for info in pkgutil.walk_packages(dimse_status.__path__, "dimse_status."):
        if info.ispkg:
            found.append(importlib.import_module(info.name))
    return found


def test_no_public_name_is_the_name_of_a_submodule() -> None:
    """In dimse_status and in each of its subpackages, no name in ``__all__``
    (or public attribute, for a package without ``__all__``) is the name of a
    module or package directly inside it."""
    clashes: dict[str, list[str]] = {}
    for package in _packages():
        children = {info.name for info in pkgutil.iter_modules(package.__path__)}
        public = getattr(package, "__all__", None)
        if public is None:
            public = [n for n in vars(package) if not n.startswith("_")
                      and not isinstance(getattr(package, n), ModuleType)]
        same = sorted(children.intersection(public))
        if same:
            clashes[package.__name__] = same
    assert clashes == {}, (
        "public names that are also submodule names (importing the submodule "
        f"replaces the name with the module): {clashes}"
    )


def _imports_pydicom_at_load(module: str) -> bool:
    """Whether ``module``'s source imports pynetdicom or pydicom at its top
    level (not inside a function or under ``TYPE_CHECKING``)."""
    import ast

    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    with open(spec.origin, encoding="utf-8") as file:
        tree = ast.parse(file.read())
    for node in tree.body:
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        if any(n.split(".")[0] in ("pynetdicom", "pydicom") for n in names):
            return True
    return False


# Modules that import pynetdicom (so pydicom) when loaded are left out:
# pydicom 3.0 itself cannot be imported under -X lazy_imports=all (its
# pydicom.uid and pydicom.config import each other); they have no public
# names of the package's.
_SKIPPED = sorted(
    info.name for info in pkgutil.walk_packages(dimse_status.__path__, "dimse_status.")
    if not info.ispkg and info.name.rsplit(".", 1)[-1] != "__main__"
    and _imports_pydicom_at_load(info.name))

# Run under -X lazy_imports=all: every submodule imported first (as a tool or
# a test would), then every public name imported from the package.
_LAZY_CHECK = """
import importlib, json, pkgutil, sys, types
assert sys.get_lazy_imports() == "all", sys.get_lazy_imports()
import dimse_status
skipped = {skipped!r}
for info in pkgutil.walk_packages(dimse_status.__path__, "dimse_status."):
    if info.name.rsplit(".", 1)[-1] != "__main__" and info.name not in skipped:
        importlib.import_module(info.name)  # (__main__ would run the CLI)
from dimse_status import ({names})
values = {{{pairs}}}
print(json.dumps(sorted(
    name for name, value in values.items() if isinstance(value, types.ModuleType))))
"""


@pytest.mark.skipif(sys.version_info < (3, 15), reason="-X lazy_imports is new in 3.15")
def test_public_names_under_lazy_imports_are_not_modules() -> None:
    names = list(dimse_status.__all__)
    code = _LAZY_CHECK.format(names=", ".join(names), skipped=set(_SKIPPED),
                              pairs=", ".join(f"{n!r}: {n}" for n in names))
    done = subprocess.run(
        [sys.executable, "-X", "lazy_imports=all", "-c", code],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert modules == [], f"public names that are modules under lazy imports: {modules}"


def test_only_the_wire_module_is_left_out_of_the_lazy_check() -> None:
    """The lazy check leaves out what loads pynetdicom at import: the test
    server's wire module, which is imported only when a server starts."""
    assert _SKIPPED == ["dimse_status.testing.wire"]
