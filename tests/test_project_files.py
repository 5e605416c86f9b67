"""The files a maintainer keeps beside the code agree with each other: the
README's test command is what .ci/run runs, the hosted CI runs the same nox
sessions on the same interpreters, the release builds and checks what the
package test checks, and pre-commit runs ruff and the generated-file check."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _yaml(path: str) -> Any:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def _noxfile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("noxfile_under_test", ROOT / "noxfile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _steps(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"^```sh\n(.*?)^```", text, re.M | re.S)]


def test_ci_runs_exactly_the_readme_test_command_then_3_14_and_3_15() -> None:
    lines = [line.strip() for line in
             (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    test_command = [c for c in _readme_commands() if c.endswith("nox")]
    assert len(test_command) == 1, "the README's test command runs every nox session"
    assert test_command[0] in lines, "the README's test command, as the README writes it"
    after = lines[lines.index(test_command[0]) + 1:]
    assert "bash tools/next_pythons.sh" in after
    assert (ROOT / "tools" / "next_pythons.sh").is_file()


# The interpreters the hosted CI adds to the noxfile's: the two that this
# project's machines run in a Debian sid chroot, and the free-threaded build.
HOSTED_ONLY = ["3.14", "3.15", "3.14t"]


def test_hosted_ci_runs_the_same_sessions_on_the_same_interpreters() -> None:
    nox_module = _noxfile()
    workflow = _yaml(".github/workflows/ci.yml")
    jobs = workflow["jobs"]
    assert jobs["tests"]["strategy"]["matrix"]["python"] == nox_module.VERSIONS + HOSTED_ONLY
    run = [cmd for job in jobs.values() for cmd in _steps(job)]
    sessions = {m for cmd in run for m in re.findall(r"nox -s (\S+)", cmd)}
    assert sessions == set(nox_module.nox.options.sessions)
    # The tests session on the matrix's interpreter, whichever the noxfile lists.
    assert any("nox -s tests --force-python ${{ matrix.python }}" in cmd for cmd in run)


def test_the_supported_versions_agree() -> None:
    """3.10-3.15: the classifiers, the README, the hosted CI."""
    supported = [f"3.{minor}" for minor in range(10, 16)]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.findall(r'"Programming Language :: Python :: (3\.\d+)"', pyproject) == supported
    assert 'requires-python = ">=3.10"' in pyproject
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Python 3.10 to 3.15." in readme
    matrix = _yaml(".github/workflows/ci.yml")["jobs"]["tests"]["strategy"]["matrix"]["python"]
    assert set(supported) <= set(matrix)


def test_release_builds_checks_and_publishes_with_trusted_publishing() -> None:
    workflow = _yaml(".github/workflows/release.yml")
    # PyYAML reads the key "on" as True.
    assert workflow[True] == {"release": {"types": ["published"]}}
    build = _steps(workflow["jobs"]["build"])
    assert "nox -s checks" in build
    assert "python -m build" in build
    assert "python -m twine check --strict dist/*" in build
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("pypa/gh-action-pypi-publish@") for u in uses)
    assert not any("password" in str(step) for step in publish["steps"]), "no token"


def test_pre_commit_runs_ruff_and_the_generated_file_check() -> None:
    config = _yaml(".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert "ruff" in hooks
    assert hooks["generated-files"]["entry"] == "python tools/generate.py --check"
