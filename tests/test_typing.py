"""The contract's static types, checked by the four checkers users run:
mypy --strict, pyright (strict), pyrefly (strict preset) and ty.

``tests/typing/pass_*.py`` must check clean; in ``tests/typing/fail_*.py`` each
line marked ``# E:`` must be reported, and no other line.  Every ``python``
example of README.md and docs/ that makes a static claim (it calls
``assert_type`` or ``assert_never``) is a pass case too; each exhaustive
``match`` among them, with one case deleted, must be rejected at its
``assert_never`` line; and ``fail_readme_match.py`` is the README's
exhaustive match with one case deleted.

Each checker runs once over every case (one process per checker and
Python version checked), and each test reads its file's diagnostics from
that run: starting a checker costs seconds, a case milliseconds.  The cases
are checked as the oldest Python the package supports, 3.13, and the two
newest (3.14 and 3.15).

A checker's own bug is recorded in the case file, on the line it concerns,
as ``# X: <checker> <YYYY-MM-DD> <upstream issue URL or "no upstream issue">
<why>``: on that line the checker's verdict is expected to be the other one
(an error in a pass case, none at an ``# E:`` line).  An exception that no
longer holds fails the test, so that it is removed, never left silently.
"""

from __future__ import annotations

import difflib
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "typing"
PASS = sorted(CASES.glob("pass_*.py"))
FAIL = sorted(CASES.glob("fail_*.py"))
VERSIONS = ("3.10", "3.13", "3.14", "3.15")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```", re.M | re.S)

pytestmark = pytest.mark.typecheck

Diagnostics = dict[str, set[int]]  # file name -> lines with an error


def _static_examples() -> list[tuple[str, str]]:
    """(page and number, source) of every example that claims what a checker says."""
    out: list[tuple[str, str]] = []
    for page in PAGES:
        blocks = FENCE.findall(page.read_text(encoding="utf-8"))
        out += [(f"{page.name}-{n}", block) for n, block in enumerate(blocks, 1)
                if "assert_type(" in block or "assert_never(" in block]
    return out


EXAMPLES = _static_examples()
MATCHES = [(name, source) for name, source in EXAMPLES if "assert_never(" in source]


def _file_name(prefix: str, name: str) -> str:
    return f"{prefix}_{name.replace('.', '_').replace('-', '_')}.py"


def _less_one_case(source: str) -> tuple[str, int]:
    """``source`` with its last ``case Enum.MEMBER`` clause deleted, and the
    line of ``assert_never`` then."""
    lines = source.splitlines()
    starts = [n for n, line in enumerate(lines)
              if re.match(r"\s+case \(?$|\s+case [A-Z]\w*\.[A-Z]", line)]
    first = starts[-1]
    indent = len(lines[first]) - len(lines[first].lstrip())
    last = next(n for n in range(first + 1, len(lines))
                if len(lines[n]) - len(lines[n].lstrip()) <= indent
                and lines[n].strip() and not lines[n].strip().startswith(")"))
    kept = lines[:first] + lines[last:]
    never = next(n for n, line in enumerate(kept, 1) if "assert_never(" in line
                 and "import" not in line)
    return "\n".join(kept) + "\n", never


EXCEPTION = re.compile(
    r"#\s*X:\s*(?P<checker>mypy|pyright|pyrefly|ty)\s+(?P<date>\d{4}-\d{2}-\d{2})\s+"
    r"(?P<issue>https://\S+|no upstream issue)\s+\S"
)


def _exceptions(path: Path, checker: str) -> set[int]:
    """The lines where ``checker`` has a recorded bug of its own."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {n for n, line in enumerate(lines, 1)
            for match in EXCEPTION.finditer(line) if match["checker"] == checker}


def _expected_lines(path: Path, checker: str | None = None) -> set[int]:
    """The lines ``checker`` must report: those marked ``# E:``, with the
    checker's recorded exceptions flipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    marked = {n for n, line in enumerate(lines, 1) if re.search(r"#\s*E:", line)}
    return marked ^ _exceptions(path, checker) if checker else marked


def _exe(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if exe is None:
        pytest.fail(f"{name} is not installed (pip install -e '.[test]')")
    return exe


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, timeout=600,
                          check=False)


def _from_text(name: str, result: subprocess.CompletedProcess[str], line: str) -> Diagnostics:
    """The errors of a checker that prints one ``file:line...`` line each
    (``line`` matches one, with the file name and line number as groups)."""
    found: Diagnostics = defaultdict(set)
    for match in re.finditer(line, result.stdout, re.M):
        found[match.group(1)].add(int(match.group(2)))
    if result.returncode not in (0, 1) or (result.returncode == 1 and not found):
        pytest.fail(f"{name} did not run:\n{result.stdout}{result.stderr}")
    return found


def _from_json(
    name: str, result: subprocess.CompletedProcess[str], errors: str, file: str,
    line: Callable[[dict[str, Any]], int],
) -> Diagnostics:
    """The errors of a checker's JSON report: the list ``errors``, each with
    its ``file``, its ``line()`` and a severity."""
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"{name} did not run:\n{result.stdout}{result.stderr}")
    found: Diagnostics = defaultdict(set)
    for d in report[errors]:
        if d["severity"] == "error":
            found[Path(d[file]).name].add(line(d))
    return found


def _files(where: Path) -> list[str]:
    return [str(p) for p in sorted(where.glob("*.py"))]


def _mypy(where: Path, version: str) -> Diagnostics:
    result = _run([
        sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "mypy.ini"),
        "--cache-dir", str(where.parent / f"mypy-cache-{version}"), "--python-version", version,
        *_files(where)], ROOT)
    return _from_text("mypy", result, r"^(?:.*/)?(\w+\.py):(\d+): error")


def _pyright(where: Path, version: str) -> Diagnostics:
    # A config of its own: the project's excludes the fail_ cases.
    config = where.parent / f"pyrightconfig-{version}.json"
    config.write_text(json.dumps({
        "include": [str(where)],
        "extraPaths": [str(ROOT / "src")],
        "typeCheckingMode": "strict",
        "pythonVersion": version,
        "reportMissingModuleSource": False,
    }))
    result = _run([_exe("pyright"), "--outputjson", "--pythonpath", sys.executable,
                   "-p", str(config)], where)
    return _from_json("pyright", result, "generalDiagnostics", "file",
                      lambda d: int(d["range"]["start"]["line"]) + 1)


def _pyrefly(where: Path, version: str) -> Diagnostics:
    result = _run([
        _exe("pyrefly"), "check", "--preset", "strict", "--output-format", "json",
        "--summary=none", "--python-interpreter-path", sys.executable,
        "--python-version", version, "--search-path", str(ROOT / "src"), *_files(where)], where)
    return _from_json("pyrefly", result, "errors", "path", lambda d: int(d["line"]))


def _ty(where: Path, version: str) -> Diagnostics:
    result = _run([
        _exe("ty"), "check", "--output-format", "concise", "--python", sys.executable,
        "--python-version", version, "--extra-search-path", str(ROOT / "src"),
        *_files(where)], where)
    return _from_text("ty", result, r"^(?:.*/)?(\w+\.py):(\d+):\d+: error\[")


CHECKERS = {"mypy": _mypy, "pyright": _pyright, "pyrefly": _pyrefly, "ty": _ty}


def _run_all(where: Path) -> dict[str, dict[str, list[int]]]:
    """Every checker over ``where`` for every version, two at a time (the
    slow ones, mypy and pyright, overlap the fast ones)."""
    runs = [(checker, version) for checker in CHECKERS for version in VERSIONS]

    def run(checker_version: tuple[str, str]) -> Diagnostics:
        checker, version = checker_version
        return CHECKERS[checker](where, version)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run, runs))
    return {f"{checker} {version}": {name: sorted(lines) for name, lines in found.items()}
            for (checker, version), found in zip(runs, results, strict=True)}


@pytest.fixture(scope="session")
def diagnostics(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Diagnostics]:
    """Every checker's errors over every case (the files, the docs' examples
    and those examples less one case), for every version: one run each,
    shared by pytest-xdist's workers (the first to come runs the checkers)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    results = shared / "typing-diagnostics.json"
    with (shared / "typing-diagnostics.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not results.exists():
            where = shared / "typing" / "cases"
            where.mkdir(parents=True, exist_ok=True)
            for case in PASS + FAIL:
                shutil.copy(case, where / case.name)
            for name, source in EXAMPLES:
                (where / _file_name("example", name)).write_text(source, encoding="utf-8")
            for name, source in MATCHES:
                (where / _file_name("broken", name)).write_text(_less_one_case(source)[0],
                                                                encoding="utf-8")
            results.write_text(json.dumps(_run_all(where)), encoding="utf-8")
        found = json.loads(results.read_text(encoding="utf-8"))
    out: dict[tuple[str, str], Diagnostics] = {}
    for key, by_file in found.items():
        checker, version = key.split()
        out[checker, version] = {name: set(lines) for name, lines in by_file.items()}
    return out


PARAMS = [(checker, version) for checker in CHECKERS for version in VERSIONS]
IDS = [f"{checker}-{version}" for checker, version in PARAMS]
Runs = dict[tuple[str, str], Diagnostics]


@pytest.mark.parametrize(("checker", "version"), PARAMS, ids=IDS)
@pytest.mark.parametrize("case", PASS, ids=lambda p: p.name)
def test_accepted(checker: str, version: str, case: Path, diagnostics: Runs) -> None:
    assert diagnostics[checker, version].get(case.name, set()) == _exceptions(case, checker)


@pytest.mark.parametrize(("checker", "version"), PARAMS, ids=IDS)
@pytest.mark.parametrize("case", FAIL, ids=lambda p: p.name)
def test_rejected(checker: str, version: str, case: Path, diagnostics: Runs) -> None:
    assert _expected_lines(case), f"{case.name} marks no line with '# E:'"
    expected = _expected_lines(case, checker)
    assert diagnostics[checker, version].get(case.name, set()) == expected


def test_no_case_is_left_out() -> None:
    """Every file in tests/typing is a pass_ or fail_ case, so none is silently unchecked."""
    strays = {p.name for p in CASES.glob("*.py")} - {p.name for p in PASS + FAIL}
    assert strays == set()


def test_there_are_static_examples() -> None:
    pages = {name.split("-")[0] for name, _ in EXAMPLES}
    assert {"README.md", "index.md", "services.md", "usage.md"} <= pages


@pytest.mark.parametrize(("checker", "version"), PARAMS, ids=IDS)
@pytest.mark.parametrize(("name", "source"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_examples_in_the_docs_are_accepted(
    checker: str, version: str, name: str, source: str, diagnostics: Runs
) -> None:
    assert diagnostics[checker, version].get(_file_name("example", name), set()) == set()


@pytest.mark.parametrize(("checker", "version"), PARAMS, ids=IDS)
@pytest.mark.parametrize(("name", "source"), MATCHES, ids=[name for name, _ in MATCHES])
def test_examples_less_one_case_are_rejected(
    checker: str, version: str, name: str, source: str, diagnostics: Runs
) -> None:
    """Each exhaustive match in the docs, one case deleted: every checker
    reports the assert_never line, and nothing else."""
    _, never = _less_one_case(source)
    assert diagnostics[checker, version].get(_file_name("broken", name), set()) == {never}


def test_the_readme_fail_case_is_the_readme_example_less_one_case() -> None:
    """So the README's claim ("delete any case and the checkers reject it")
    is the fail case's, and they cannot drift apart."""
    (example,) = [source for name, source in EXAMPLES
                  if name.startswith("README.md") and "on_find_response" in source]
    fail = re.sub(r"  # E:.*", "", (CASES / "fail_readme_match.py").read_text(encoding="utf-8"))
    matcher = difflib.SequenceMatcher(a=example.splitlines(), b=fail.splitlines())
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert len(changes) == 1 and changes[0][0] == "delete", changes
    _, first, last, _, _ = changes[0]
    deleted = example.splitlines()[first:last]
    assert deleted[0].startswith("        case CFindStatus.") and len(deleted) == 2


def test_every_public_symbol_has_a_known_type() -> None:
    """``pyright --verifytypes``: 100% of the public symbols have a type
    every checker infers the same (an unannotated ``__hash__ =
    object.__hash__`` made every signature naming ``Service`` partially unknown)."""
    # The interpreter found first on PATH is this one (with --pythonpath,
    # pyright 1.1.414 finds no py.typed in an editable install).
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    result = subprocess.run(
        [_exe("pyright"), "--verifytypes", "dimse_status", "--ignoreexternal", "--outputjson"],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
        env={**os.environ, "PATH": path},
    )
    try:
        report = json.loads(result.stdout)["typeCompleteness"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"pyright --verifytypes did not run:\n{result.stdout}{result.stderr}")
    unknown = [symbol["name"] for symbol in report["symbols"]
               if symbol["isExported"] and not symbol["isTypeKnown"]]
    assert unknown == []
    assert report["completenessScore"] == 1
