"""The whole suite: tests on every CPython 3.10-3.13 found, and the static checks.

    nox              # everything
    nox -s tests     # the tests on each interpreter found
    nox -s lint      # ruff, mypy --strict, pyright (strict), generated files
    nox -s docs      # the documentation site, built strictly (warnings fail it)
"""

from __future__ import annotations

import glob
import os
import shutil

import nox

nox.options.sessions = ["tests", "lint", "docs"]
nox.options.reuse_existing_virtualenvs = True

VERSIONS = ["3.10", "3.11", "3.12", "3.13"]


def _interpreter(version: str) -> str | None:
    """An interpreter for ``version``: one pyenv installed, or one on PATH
    (pyenv's shims on PATH fail for versions that are not activated)."""
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    pattern = os.path.join(root, "versions", f"{version}.*", "bin", f"python{version}")
    found = sorted(glob.glob(pattern))
    if found:
        return found[-1]
    return f"python{version}" if shutil.which(f"python{version}") else None


PYTHONS = [p for p in (_interpreter(v) for v in VERSIONS) if p is not None] or [None]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """pytest, typing cases included, on one interpreter."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff, mypy --strict and pyright (strict) over the project; generated files fresh."""
    session.install("-e", ".[test]")
    session.run("ruff", "check", ".")
    session.run("mypy")
    session.run("pyright")
    session.run("python", "tools/generate.py", "--check")


@nox.session
def docs(session: nox.Session) -> None:
    """The MkDocs site, built with --strict: a broken link or reference fails it."""
    session.install("-e", ".[docs]")
    site = os.path.join(session.create_tmp(), "site")
    session.run("mkdocs", "build", "--strict", "--site-dir", site,
                env={"NO_MKDOCS_2_WARNING": "1"})
