"""The release artifacts: what ``pip install dimse-status`` would get.

The sdist and the wheel are built as a release builds them (the wheel from the
sdist), checked with ``twine check``, and the wheel is installed into a new
venv, away from this checkout, where the package must import, be typed, and
run its command line.  The sdist must carry what a packager needs to run the
generator check and the tests.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import dimse_status

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.package
UV = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env,
        timeout=600, check=False,
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _clean_env() -> dict[str, str]:
    """The environment without anything that points Python at this checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    installer = ["--installer", "uv"] if UV else []
    _run(sys.executable, "-m", "build", *installer, "--outdir", out, ROOT, cwd=out)
    return out


def _one(dist: Path, pattern: str) -> Path:
    found = sorted(dist.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def test_twine_check_passes(dist: Path) -> None:
    output = _run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()),
                  cwd=dist)
    assert output.count("PASSED") == 2, output


def test_the_wheel_holds_the_package_and_nothing_else(dist: Path) -> None:
    names = zipfile.ZipFile(_one(dist, "*.whl")).namelist()
    version = dimse_status.__version__
    assert {n.split("/")[0] for n in names} == {
        "dimse_status", f"dimse_status-{version}.dist-info"
    }
    for data in ("py.typed", "statuses.py", "statuses.json", "statuses.schema.json",
                 "_signatures.pyi", "toolkit/__init__.py", "names/data.py", "cli/app.py",
                 "testing/server.py", "testing/serve-script.schema.json"):
        assert f"dimse_status/{data}" in names, data


def test_the_sdist_holds_the_sources_of_truth_and_the_tests(dist: Path) -> None:
    sdist = _one(dist, "*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in ("pyproject.toml", "README.md", "CHANGELOG.md", "noxfile.py", "mypy.ini",
                   "tools/standard.py", "tools/generate.py", "tests/test_status.py",
                   "tests/typing/pass_status.py", "docs/status-tables.md", "mkdocs.yml",
                   "src/dimse_status/py.typed"):
        assert needed in names, needed


def test_the_sdist_runs_the_generator_check_and_the_tests(
    dist: Path, tmp_path: Path
) -> None:
    with tarfile.open(_one(dist, "*.tar.gz")) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(tmp_path, filter="data")
        else:  # pragma: no cover - CPython before 3.10.12
            tar.extractall(tmp_path)  # our own sdist
    (tree,) = tmp_path.iterdir()
    _run(sys.executable, "tools/generate.py", "--check", cwd=tree)
    env = {**_clean_env(), "PYTHONPATH": str(tree / "src")}
    where = _run(sys.executable, "-c", "import dimse_status; print(dimse_status.__file__)",
                 cwd=tree, env=env)
    assert Path(where.strip()).is_relative_to(tree)
    output = _run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                  "tests/test_status.py", "tests/test_seed.py", cwd=tree, env=env)
    assert " passed" in output and "failed" not in output


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the wheel installed: its bin directory."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    wheel = _one(dist, "*.whl")
    if UV:
        _run(UV, "venv", "-q", "-p", sys.executable, venv, cwd=venv.parent)
        _run(UV, "pip", "install", "-q", "-p", venv / "bin" / "python", wheel,
             cwd=venv.parent)
    else:
        _run(sys.executable, "-m", "venv", venv, cwd=venv.parent)
        _run(venv / "bin" / "python", "-m", "pip", "install", "-q", wheel, cwd=venv.parent)
    return venv / "bin"


def test_the_installed_wheel_imports_typed_and_away_from_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    code = (
        "import importlib.metadata, pathlib, dimse_status\n"
        "where = pathlib.Path(dimse_status.__file__).parent\n"
        "print(where)\n"
        "print((where / 'py.typed').is_file())\n"
        "print(importlib.metadata.version('dimse-status'))\n"
        "print(dimse_status.__version__)\n"
    )
    where, typed, metadata_version, version = _run(
        installed / "python", "-c", code, cwd=tmp_path, env=_clean_env()
    ).split()
    assert Path(where).is_relative_to(installed.parent)
    assert typed == "True"
    assert metadata_version == version == importlib.metadata.version("dimse-status")


def test_the_installed_command_line_runs_and_says_its_version(
    installed: Path, tmp_path: Path
) -> None:
    env = _clean_env()
    explained = _run(installed / "dimse-status", "explain", "A7F3", "--command", "C-STORE",
                     cwd=tmp_path, env=env)
    assert explained.startswith("(0xA7F3) Failure: Refused: Out of Resources")
    version = _run(installed / "dimse-status", "--version", cwd=tmp_path, env=env)
    assert version.split()[:2] == ["dimse-status", dimse_status.__version__]
    table = json.loads(_run(installed / "dimse-status", "table", "--format", "json",
                            cwd=tmp_path, env=env))
    assert table["version"] == dimse_status.__version__ and len(table["statuses"]) > 200
    explained = _run(installed / "dimse-status", "explain", "C603", cwd=tmp_path, env=env)
    assert "N-ACTION in Print Management" in explained


def test_pytest_runs_where_the_wheel_is_installed_without_pynetdicom(
    dist: Path, tmp_path: Path
) -> None:
    """The ``pytest11`` entry point loads the ``status_scp`` plugin in every
    project that has dimse-status installed: without pynetdicom it must load,
    and a server says what to install only when one starts."""
    venv = tmp_path / "v"
    if UV:
        _run(UV, "venv", "-q", "-p", sys.executable, venv, cwd=tmp_path)
        _run(UV, "pip", "install", "-q", "-p", venv / "bin" / "python", _one(dist, "*.whl"),
             "pytest>=8", cwd=tmp_path)
    else:
        _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
        _run(venv / "bin" / "python", "-m", "pip", "install", "-q", _one(dist, "*.whl"),
             "pytest>=8", cwd=tmp_path)
    (tmp_path / "test_plain.py").write_text(
        "import importlib.util, pytest\n"
        "from dimse_status.testing import StatusServer\n\n"
        "def test_no_pynetdicom(status_scp):\n"
        "    assert importlib.util.find_spec('pynetdicom') is None\n"
        "    with pytest.raises(ImportError, match='dimse-status.pynetdicom.'):\n"
        "        StatusServer({'C-ECHO': '0000'}).start()\n",
        encoding="utf-8")
    output = _run(venv / "bin" / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                  "test_plain.py", cwd=tmp_path, env=_clean_env())
    assert "1 passed" in output


@pytest.fixture(scope="module")
def installed_with_extras(installed: Path) -> Path:
    """The wheel's venv with what the test server, the pydicom examples, the
    migration page (pynetdicom2) and pytest need."""
    needs = ["pynetdicom>=3,<4", "pydicom>=2.4", "pytest>=8", "pynetdicom2==0.9.8"]
    if UV:
        _run(UV, "pip", "install", "-q", "-p", installed / "python", *needs, cwd=installed)
    else:
        _run(installed / "python", "-m", "pip", "install", "-q", *needs, cwd=installed)
    return installed


def test_the_installed_fixture_and_serve_command_work(
    installed_with_extras: Path, tmp_path: Path
) -> None:
    """The ``status_scp`` fixture (found through the wheel's entry point) serves
    a scripted status to a pynetdicom client; ``dimse-status serve --schema``
    prints the schema the wheel ships."""
    (tmp_path / "test_client.py").write_text(
        "from pynetdicom import AE\n"
        "import dimse_status\n\n"
        "def test_echo(status_scp):\n"
        "    server = status_scp({'C-ECHO': {'status': '0122', 'error_comment': 'no'}})\n"
        "    ae = AE()\n"
        "    ae.add_requested_context('1.2.840.10008.1.1')\n"
        "    assoc = ae.associate(server.host, server.port, ae_title=server.ae_title)\n"
        "    assert assoc.is_established\n"
        "    status = assoc.send_c_echo()\n"
        "    assoc.release()\n"
        "    assert status.Status == 0x0122 and status.ErrorComment == 'no'\n"
        "    assert 'site-packages' in dimse_status.__file__\n",
        encoding="utf-8")
    output = _run(installed_with_extras / "python", "-m", "pytest", "-q", "-p",
                  "no:cacheprovider", "test_client.py", cwd=tmp_path, env=_clean_env())
    assert "1 passed" in output
    schema = json.loads(_run(installed_with_extras / "dimse-status", "serve", "--schema",
                             cwd=tmp_path, env=_clean_env()))
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_every_docs_example_runs_against_the_installed_wheel(
    installed_with_extras: Path, tmp_path: Path
) -> None:
    """tests/test_docs.py (README and docs examples, transcripts, doctests)
    run by the wheel's interpreter, which cannot see this checkout's src/."""
    env = _clean_env()
    where = _run(installed_with_extras / "python", "-c",
                 "import dimse_status; print(dimse_status.__file__)", cwd=tmp_path, env=env)
    assert Path(where.strip()).is_relative_to(installed_with_extras.parent)
    output = _run(installed_with_extras / "python", "-m", "pytest", "-q", "-p",
                  "no:cacheprovider", "--rootdir", tmp_path, "-c", os.devnull,
                  ROOT / "tests" / "test_docs.py", cwd=tmp_path, env=env)
    assert " passed" in output and "failed" not in output, output
