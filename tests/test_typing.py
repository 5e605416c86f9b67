"""The contract's static types, checked by mypy --strict and pyright (strict).

``tests/typing/pass_*.py`` must check clean; in ``tests/typing/fail_*.py`` each
line marked ``# E:`` must be reported, and no other line.

Each checker runs once over every case (one process for mypy, one for
pyright, per Python version checked), and each test reads its file's
diagnostics from that run: starting a checker costs seconds, a case
milliseconds.  The cases are checked as the oldest and the newest Python
the package supports.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "typing"
PASS = sorted(CASES.glob("pass_*.py"))
FAIL = sorted(CASES.glob("fail_*.py"))
VERSIONS = ("3.10", "3.13")

pytestmark = pytest.mark.typecheck

Diagnostics = dict[str, set[int]]  # file name -> lines with an error


def _expected_lines(path: Path) -> set[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {n for n, line in enumerate(lines, 1) if re.search(r"#\s*E:", line)}


def _mypy(version: str, tmp: Path) -> Diagnostics:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "mypy.ini"),
         "--cache-dir", str(tmp / "mypy-cache"), "--python-version", version,
         *(str(p) for p in PASS + FAIL)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )
    found: Diagnostics = defaultdict(set)
    for match in re.finditer(r"^tests/typing/(\w+\.py):(\d+): error", result.stdout, re.M):
        found[match.group(1)].add(int(match.group(2)))
    if result.returncode not in (0, 1) or (result.returncode == 1 and not found):
        pytest.fail(f"mypy did not run:\n{result.stdout}{result.stderr}")
    return found


def _pyright(version: str, tmp: Path) -> Diagnostics:
    exe = shutil.which("pyright", path=str(Path(sys.executable).parent)) or shutil.which("pyright")
    if exe is None:
        pytest.fail("pyright is not installed (pip install -e '.[test]')")
    # A directory and config of its own: the project's config excludes fail_ cases.
    where = tmp / f"pyright-{version}"
    where.mkdir()
    for case in PASS + FAIL:
        shutil.copy(case, where / case.name)
    config = where / "pyrightconfig.json"
    config.write_text(json.dumps({
        "include": ["."],
        "extraPaths": [str(ROOT / "src")],
        "typeCheckingMode": "strict",
        "pythonVersion": version,
        "reportMissingModuleSource": False,
    }))
    result = subprocess.run(
        [exe, "--outputjson", "--pythonpath", sys.executable, "-p", str(config)],
        capture_output=True, text=True, cwd=where, timeout=600, check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright did not run:\n{result.stdout}{result.stderr}")
    found: Diagnostics = defaultdict(set)
    for d in report["generalDiagnostics"]:
        if d["severity"] == "error":
            found[Path(d["file"]).name].add(d["range"]["start"]["line"] + 1)
    return found


CHECKERS = {"mypy": _mypy, "pyright": _pyright}


@pytest.fixture(scope="session")
def diagnostics(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Diagnostics]:
    """Every checker's errors over every case, for every version: one run each, on first use."""
    runs: dict[tuple[str, str], Diagnostics] = {}
    tmp = tmp_path_factory.mktemp("typing")
    for name, run in CHECKERS.items():
        for version in VERSIONS:
            runs[name, version] = run(version, tmp)
    return runs


PARAMS = [(checker, version) for checker in CHECKERS for version in VERSIONS]
IDS = [f"{checker}-{version}" for checker, version in PARAMS]


@pytest.mark.parametrize(("checker", "version"), PARAMS, ids=IDS)
@pytest.mark.parametrize("case", PASS, ids=lambda p: p.name)
def test_accepted(
    checker: str, version: str, case: Path, diagnostics: dict[tuple[str, str], Diagnostics]
) -> None:
    assert diagnostics[checker, version].get(case.name, set()) == set()


@pytest.mark.parametrize(("checker", "version"), PARAMS, ids=IDS)
@pytest.mark.parametrize("case", FAIL, ids=lambda p: p.name)
def test_rejected(
    checker: str, version: str, case: Path, diagnostics: dict[tuple[str, str], Diagnostics]
) -> None:
    expected = _expected_lines(case)
    assert expected, f"{case.name} marks no line with '# E:'"
    assert diagnostics[checker, version].get(case.name, set()) == expected


def test_no_case_is_left_out() -> None:
    """Every file in tests/typing is a pass_ or fail_ case, so none is silently unchecked."""
    strays = {p.name for p in CASES.glob("*.py")} - {p.name for p in PASS + FAIL}
    assert strays == set()
