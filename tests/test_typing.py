"""The contract's static types, checked by mypy --strict and pyright (strict).

``tests/typing/pass_*.py`` must check clean; in ``tests/typing/fail_*.py`` each
line marked ``# E:`` must be reported, and no other line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "typing"
PASS = sorted(CASES.glob("pass_*.py"))
FAIL = sorted(CASES.glob("fail_*.py"))

pytestmark = pytest.mark.typecheck


def _expected_lines(path: Path) -> set[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {n for n, line in enumerate(lines, 1) if re.search(r"#\s*E:", line)}


def _mypy(path: Path, tmp_path: Path) -> set[int]:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file",
         str(ROOT / "mypy.ini"), "--python-version", f"{sys.version_info[0]}.{sys.version_info[1]}",
         str(path)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )
    pattern = rf"{re.escape(path.name)}:(\d+): error"
    errors = {int(m.group(1)) for m in re.finditer(pattern, result.stdout)}
    if result.returncode not in (0, 1) or (result.returncode == 1 and not errors):
        pytest.fail(f"mypy did not run:\n{result.stdout}{result.stderr}")
    return errors


def _pyright(path: Path, tmp_path: Path) -> set[int]:
    exe = shutil.which("pyright", path=str(Path(sys.executable).parent)) or shutil.which("pyright")
    if exe is None:
        pytest.fail("pyright is not installed (pip install -e '.[test]')")
    # Its own config: the project's excludes the fail_ cases.
    (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    config = tmp_path / "pyrightconfig.json"
    config.write_text(json.dumps({
        "include": [path.name],
        "extraPaths": [str(ROOT / "src")],
        "typeCheckingMode": "strict",
        "pythonVersion": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "reportMissingModuleSource": False,
    }))
    result = subprocess.run(
        [exe, "--outputjson", "--pythonpath", sys.executable, "-p", str(config)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright did not run:\n{result.stdout}{result.stderr}")
    return {
        d["range"]["start"]["line"] + 1
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    }


CHECKERS = {"mypy": _mypy, "pyright": _pyright}


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("case", PASS, ids=lambda p: p.name)
def test_accepted(checker: str, case: Path, tmp_path: Path) -> None:
    assert CHECKERS[checker](case, tmp_path) == set()


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("case", FAIL, ids=lambda p: p.name)
def test_rejected(checker: str, case: Path, tmp_path: Path) -> None:
    expected = _expected_lines(case)
    assert expected, f"{case.name} marks no line with '# E:'"
    assert CHECKERS[checker](case, tmp_path) == expected
