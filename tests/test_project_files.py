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


def test_ci_runs_exactly_the_readme_test_command() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in lines if line.strip() and not line.startswith("#")
                and not line.startswith(("set ", "cd ", "export ", "apt-get", "if ", "fi"))]
    assert commands[-1] in _readme_commands()
    assert commands[-1].endswith("nox"), "the README's test command runs every nox session"


def test_hosted_ci_runs_the_same_sessions_on_the_same_interpreters() -> None:
    nox_module = _noxfile()
    workflow = _yaml(".github/workflows/ci.yml")
    jobs = workflow["jobs"]
    assert jobs["tests"]["strategy"]["matrix"]["python"] == nox_module.VERSIONS
    run = [cmd for job in jobs.values() for cmd in _steps(job)]
    # "tests-${{ matrix.python }}" is the tests session on each interpreter.
    sessions = {m.split("-$")[0] for cmd in run for m in re.findall(r"nox -s (\S+)", cmd)}
    assert sessions == set(nox_module.nox.options.sessions)
    assert any("nox -s tests-${{ matrix.python }}" in cmd for cmd in run)


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
