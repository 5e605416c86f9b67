"""The contract's static types, checked by mypy --strict and pyright (strict).

``tests/typing/pass_*.py`` must check clean; in ``tests/typing/fail_*.py`` each
line marked ``# E:`` must be reported, and no other line.  Every ``python``
example of README.md and docs/ that makes a static claim (it calls
``assert_type`` or ``assert_never``) is a pass case too, and
``fail_readme_match.py`` is the README's exhaustive match with one case deleted.
"""

from __future__ import annotations

import difflib
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
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def _static_examples() -> list[tuple[str, str]]:
    """(page and number, source) of every example that claims what a checker says."""
    out: list[tuple[str, str]] = []
    for page in PAGES:
        blocks = FENCE.findall(page.read_text(encoding="utf-8"))
        out += [(f"{page.name}-{n}", block) for n, block in enumerate(blocks, 1)
                if "assert_type(" in block or "assert_never(" in block]
    return out


EXAMPLES = _static_examples()

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


def test_there_are_static_examples() -> None:
    pages = {name.split("-")[0] for name, _ in EXAMPLES}
    assert {"README.md", "index.md", "services.md", "usage.md"} <= pages


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize(("name", "source"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_examples_in_the_docs_are_accepted(
    checker: str, name: str, source: str, tmp_path: Path
) -> None:
    case = tmp_path / "cases" / f"example_{name.replace('.', '_').replace('-', '_')}.py"
    case.parent.mkdir()
    case.write_text(source, encoding="utf-8")
    assert CHECKERS[checker](case, tmp_path) == set()


def test_the_readme_fail_case_is_the_readme_example_less_one_case() -> None:
    """So the README's claim ("delete any case and both checkers reject it")
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


MATCHES = [(name, source) for name, source in EXAMPLES if "assert_never(" in source]


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


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize(("name", "source"), MATCHES, ids=[name for name, _ in MATCHES])
def test_examples_less_one_case_are_rejected(
    checker: str, name: str, source: str, tmp_path: Path
) -> None:
    """Each exhaustive match in the docs, one case deleted: both checkers
    report the assert_never line, and nothing else."""
    broken, never = _less_one_case(source)
    case = tmp_path / "cases" / f"broken_{name.replace('.', '_').replace('-', '_')}.py"
    case.parent.mkdir()
    case.write_text(broken, encoding="utf-8")
    assert CHECKERS[checker](case, tmp_path) == {never}
