"""The whole suite: tests on every CPython 3.10-3.13 found, then the checks run once.

    nox              # everything (about 6 minutes on two cores)
    nox -s tests     # the run-time tests on each interpreter found
    nox -s checks    # ruff, mypy --strict, pyright, generated files, the typing
                     # cases, the built sdist and wheel (twine check, installed in a new
                     # venv), and the status test server under load
    nox -s docs      # the documentation site, built strictly (warnings fail it)
    nox -s tests-next  # the run-time tests on 3.14 and 3.15 in a Debian sid
                       # chroot (root; not in the default run: .ci/run runs it)

Day to day, on one interpreter: ``pytest -n 4`` in the venv the README sets
up runs every test, the typing cases included, in under two minutes.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import subprocess

import nox

nox.options.sessions = ["tests", "checks", "docs"]
nox.options.reuse_existing_virtualenvs = True
# uv makes and fills each session's venv in seconds; plain venv+pip where it is missing.
nox.options.default_venv_backend = "uv|virtualenv"

VERSIONS = ["3.10", "3.11", "3.12", "3.13"]


def _expose_pyenv_interpreters() -> None:
    """Put pyenv's CPythons on PATH as ``python3.X``, so nox (and uv) find
    them by version: pyenv's own shims fail for versions not activated.
    Versions neither pyenv nor PATH has are skipped (an error on CI)."""
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    links = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".nox", "interpreters")
    os.makedirs(links, exist_ok=True)
    for version in VERSIONS:
        pattern = os.path.join(root, "versions", f"{version}.*", "bin", f"python{version}")
        found = sorted(glob.glob(pattern), key=lambda p: [int(n) for n in
                       re.findall(r"\d+", p.split(os.sep)[-3])])
        link = os.path.join(links, f"python{version}")
        if found and os.path.realpath(link) != found[-1]:
            with contextlib.suppress(FileNotFoundError):
                os.remove(link)
            os.symlink(found[-1], link)
    os.environ["PATH"] = os.pathsep.join([links, os.environ.get("PATH", "")])


_expose_pyenv_interpreters()


def _cache_bytecode(session: nox.Session) -> None:
    """Let the session's processes cache their bytecode under its venv.

    uv installs without compiling, and where PYTHONDONTWRITEBYTECODE is set
    every process the tests start (pytest's workers, the command line,
    servers) compiled pydicom, pynetdicom and the package again: about 1.6 s
    of CPU each. The cache is written under .nox, never in the checkout."""
    assert isinstance(session.virtualenv.location, str)
    session.env["PYTHONDONTWRITEBYTECODE"] = ""
    session.env["PYTHONPYCACHEPREFIX"] = os.path.join(session.virtualenv.location, "pycache")


@nox.session(python=VERSIONS)
def tests(session: nox.Session) -> None:
    """The run-time tests on one interpreter (the static checks run once, in ``checks``)."""
    session.install("-e", ".[test]")
    _cache_bytecode(session)
    # Two workers per core: about half of a run is waiting on peers over
    # loopback (DCMTK's tools, pynetdicom's threads, timeouts), so a second
    # worker per core takes a quarter off the time. A test module stays on one
    # worker (its servers and module fixtures are set up once).
    session.run("pytest", "-n", str(2 * (os.cpu_count() or 1)), "--dist", "loadfile",
                "-m", "not typecheck and not package and not load", *session.posargs)


@nox.session(name="tests-next", python=False)
def tests_next(session: nox.Session) -> None:
    """The run-time tests on CPython 3.14 and 3.15, which Debian 12 lacks, in a
    cached Debian sid chroot (tools/next_pythons.sh; posargs go to pytest).
    It needs root and debootstrap: where it cannot run it says so and passes,
    and fails on CI."""
    session.run("bash", "tools/next_pythons.sh", *session.posargs, external=True)


@nox.session
def checks(session: nox.Session) -> None:
    """Everything that does not depend on the interpreter, run once: ruff, mypy
    --strict and pyright over the project, the generated files, the typing
    cases (mypy, pyright, pyrefly and ty, as 3.10, 3.13, 3.14 and 3.15), the
    release artifacts, and the status test server under load."""
    session.install("-e", ".[test]")
    _cache_bytecode(session)
    # pyright (node, a core of its own for about 15 s) beside ruff, mypy and
    # the check of the generated files; with the venv first on PATH, as
    # session.run would put it.
    path = os.pathsep.join([session.bin, os.environ.get("PATH", "")])
    session.log("pyright (beside the next three)")
    with subprocess.Popen([os.path.join(session.bin, "pyright")],
                          env={**os.environ, "PATH": path}) as pyright:
        session.run("ruff", "check", ".")
        session.run("mypy")
        session.run("python", "tools/generate.py", "--check")
    if pyright.returncode != 0:
        session.error(f"pyright failed with exit code {pyright.returncode}")
    # The typing cases and the release artifacts side by side (a file per
    # worker: the package's build and venvs are made once); the load tests
    # alone, as they measure threads, descriptors and memory.
    session.run("pytest", "-n", "auto", "--dist", "loadfile", "-m", "typecheck or package",
                *session.posargs)
    session.run("pytest", "-m", "load", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """The documentation site, built with --strict: a broken link or API reference fails it."""
    session.install("-e", ".[docs]")
    session.run("zensical", "build", "--strict", "--clean")
