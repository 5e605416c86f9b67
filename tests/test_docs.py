"""Every code example in README.md and docs/ runs, so none can rot.

- ``python`` blocks run in order, one namespace per file; a line
  ``print(x)  # text`` must print ``text``.
- ``console`` blocks are transcripts: each ``$ dimse-status ...`` line runs the
  command line and its output must be the lines that follow (a last line
  ``[exit N]`` gives the exit status, 0 otherwise).
- ``sh`` blocks (install commands) are not run.
- The package's docstring examples run as doctests.
"""

from __future__ import annotations

import doctest
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import dimse_status
from dimse_status.cli import main

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
PRINT = re.compile(r"^(\s*)print\((.*)\)\s+#\s+(.*)$")


@pytest.fixture(autouse=True)
def fresh_default_registry() -> Iterator[None]:
    """Examples may register statuses process-wide; each page starts clean."""
    dimse_status.default_registry.clear()
    yield
    dimse_status.default_registry.clear()


def _blocks(page: Path, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(page.read_text(encoding="utf-8"))
            if lang == language]


def _checked(source: str, first: int) -> tuple[str, int]:
    """``print(x)  # text`` becomes a call that checks it prints ``text``;
    the checks are numbered from ``first``, and the next number is returned."""
    lines: list[str] = []
    number = first
    for line in source.splitlines():
        match = PRINT.match(line)
        if match:
            indent, expr, expected = match.groups()
            line = f"{indent}__expect__({number}, str({expr}), {expected.strip()!r})"
            number += 1
        lines.append(line)
    return "\n".join(lines), number


def test_every_page_is_looked_at() -> None:
    names = {p.name for p in PAGES}
    assert {"README.md", "index.md", "usage.md", "services.md", "pydicom.md",
            "migration.md", "dicomweb.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_python_examples_run(page: Path) -> None:
    """Each example runs, and every ``print(x)  # text`` in it runs and prints
    ``text`` (one in an ``except`` block that is never reached fails)."""
    seen: set[int] = set()

    def expect(number: int, printed: str, expected: str) -> None:
        assert printed == expected, f"printed {printed!r}, the page says {expected!r}"
        seen.add(number)

    namespace: dict[str, object] = {"__name__": f"example_{page.stem}", "__expect__": expect}
    checks = 0
    for number, block in enumerate(_blocks(page, "python"), 1):
        assert not re.search(r"^\s*(import|from) pytest\b", block, re.M), (
            f"{page.name} example {number} needs pytest; examples run without it"
        )
        source, checks = _checked(block, checks)
        exec(compile(source, f"{page.name} example {number}", "exec"), namespace)
    assert seen == set(range(checks)), f"checks never reached: {set(range(checks)) - seen}"


def _transcripts() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for page in PAGES:
        for block in _blocks(page, "console"):
            command: str | None = None
            expected: list[str] = []
            for line in block.splitlines():
                if line.startswith("$ "):
                    if command is not None:
                        out.append((page.name, command, "\n".join(expected)))
                    command, expected = line[2:], []
                else:
                    expected.append(line)
            if command is not None:
                out.append((page.name, command, "\n".join(expected)))
    return out


TRANSCRIPTS = _transcripts()


def test_there_are_transcripts() -> None:
    assert len(TRANSCRIPTS) >= 3


@pytest.mark.parametrize(("page", "command", "expected"), TRANSCRIPTS,
                         ids=[f"{p}: {c}" for p, c, _ in TRANSCRIPTS])
def test_console_examples_print_what_they_show(
    page: str, command: str, expected: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The output shown, and the exit status: 0, or the ``[exit N]`` line
    that ends the transcript of a command.  Paths are the repository's."""
    monkeypatch.chdir(ROOT)
    argv = shlex.split(command)
    assert argv[0] == "dimse-status"
    status = 0
    exit_line = re.search(r"^\[exit (\d+)\]\n*\Z", expected, re.M)
    if exit_line:
        status = int(exit_line.group(1))
        expected = expected[:exit_line.start()]
    assert main(argv[1:]) == status
    assert capsys.readouterr().out.rstrip("\n") == expected.rstrip("\n")


def test_docstring_examples() -> None:
    """Every module's docstring examples run, in every layer of the package."""
    import importlib
    import pkgutil

    modules: list[ModuleType] = [dimse_status] + [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(dimse_status.__path__, "dimse_status.")
        if info.name != "dimse_status.__main__"  # runs the command line when imported
    ]
    results = {module.__name__: doctest.testmod(module, verbose=False) for module in modules}
    assert sum(r.attempted for r in results.values()) > 0
    assert {name: r.failed for name, r in results.items() if r.failed} == {}
    # the layers' examples are among them
    for name in ("dimse_status.toolkit.errors", "dimse_status.cli.annotator",
                 "dimse_status.testing.script", "dimse_status.toolkit.permitted",
                 "dimse_status.association.outcome", "dimse_status.cli.outcomes"):
        assert results[name].attempted > 0, name


def test_the_api_reference_lists_every_public_name() -> None:
    """docs/reference.md documents exactly what ``dimse_status`` exports."""
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    documented = re.findall(r"^::: dimse_status(?:\.\w+)*\.(\w+)$", text, re.M)
    assert len(documented) == len(set(documented)), "a name is documented twice"
    modules = {"compat", "names", "dicomweb", "association"}
    assert set(documented) - modules == set(dimse_status.__all__)


def test_the_api_reference_lists_every_name_of_the_association_module() -> None:
    """``::: dimse_status.association`` lists exactly the module's ``__all__``."""
    from dimse_status import association

    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    found = re.search(r"^::: dimse_status\.association\n    options:\n      members: \[(.*)\]$",
                      text, re.M)
    assert found is not None
    members = [name.strip() for name in found.group(1).split(",")]
    assert sorted(members) == sorted(association.__all__)
