"""Scripts of the status test server that a careless or hostile file makes
hard to read (issue 24, items 8-13): counts the standard requires, Pending
runs generated as they are sent, deep nesting and huge numbers, duplicate
keys, the schema and the loader agreeing file by file, escapes in
``--status``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dimse_status import StatusScript
from dimse_status.testing import SCHEMA_PATH


def _check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dimse_status", "serve", "--script", str(path),
                           "--check"], capture_output=True, text=True, timeout=60, check=False)


def _one_line_exit_2(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2 and result.stdout == "", result
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("dimse-status: error: ") and message in result.stderr, \
        result.stderr


# --- item 10: nesting and numbers no reader was built for ----------------------------

DEEP = 1000, 100_000
HUGE = "1" + "0" * 400  # 10**400


@pytest.mark.parametrize("depth", DEEP)
@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_a_deeply_nested_script_is_one_line_and_exit_2(tmp_path: Path, suffix: str,
                                                       depth: int) -> None:
    nested = "[" * depth + '"0000"' + "]" * depth
    text = f'{{"C-FIND": {nested}}}' if suffix == ".json" else f"C-FIND = {nested}\n"
    path = tmp_path / f"deep{suffix}"
    path.write_text(text, encoding="utf-8")
    result = _check(path)
    _one_line_exit_2(result, str(path))


@pytest.mark.parametrize(("name", "text", "message"), [
    ("delay.json", f'{{"C-FIND": {{"status": "0000", "delay": {HUGE}}}}}',
     "delay must be a number of seconds in 0..300"),
    ("delay.toml", f'C-FIND = {{ status = "0000", delay = {HUGE} }}\n',
     "delay must be a number of seconds in 0..300"),
    ("float.json", '{"C-FIND": {"status": "0000", "delay": 1e400}}', "not inf"),
    ("pending.json", f'{{"C-FIND": {{"status": "0000", "pending": {HUGE}}}}}',
     "pending must be an int in 1..10000"),
    ("code.json", f'{{"C-FIND": {HUGE}}}', "is outside 0x0000..0xFFFF"),
    ("count.json", f'{{"C-GET": {{"status": "0000", "completed": {HUGE}}}}}',
     "must be an int in 0..65535"),
])
def test_a_huge_number_is_one_line_and_exit_2(tmp_path: Path, name: str, text: str,
                                              message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _one_line_exit_2(_check(path), message)


def test_a_huge_timeout_is_one_line_and_exit_2() -> None:
    result = subprocess.run([sys.executable, "-m", "dimse_status", "serve", "--timeout", HUGE,
                             "--check"], capture_output=True, text=True, timeout=60, check=False)
    _one_line_exit_2(result, "timeout must be a number in 0.1..3600")
    from dimse_status import StatusServer

    with pytest.raises(ValueError, match=r"timeout must be a number in 0\.1\.\.3600"):
        StatusServer(timeout=10**400)


# --- item 11: duplicate keys; the schema and the loader agree ------------------------


@pytest.mark.parametrize(("text", "key"), [
    ('{"C-STORE": "0000", "C-STORE": "A700"}', "'C-STORE'"),
    ('{"C-STORE": {"status": "A700", "status": "0000"}}', "'status'"),
    ('{"C-FIND": {"answers": ["0000"], "then": "0000", "then": "cycle"}}', "'then'"),
])
def test_a_key_given_twice_is_refused_by_name(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=f"the key {key} is given twice"):
        StatusScript.load(path)


FILES: list[tuple[bool, Any]] = [
    (True, {"service": "mpps", "N-SET": "0000"}),
    (True, {"service": "Procedure Step", "n_create": "0000"}),
    (True, {"service": "ups", "N EVENT_REPORT": "0000", "nAction": "0000"}),
    (True, {"C-STORE": {"rules": [{"request": 2**31 - 1, "answer": "0000"}]}}),
    (True, {"c store": {"status": "A700", "error_comment": "x" * 64}}),
    (True, {"C-FIND": {"status": "0000", "pending": 3.0, "delay": 0.5}}),
    (True, {"C-MOVE": [["FF00", {"status": "B000", "completed": 1, "failed": 1,
                                 "warning": 0}]]}),
    (True, {"$schema": "x", "cecho": "abort"}),
    (False, {"service": "mpps "}),
    (False, {"service": "Modality-Performed-Procedure-Step"}),
    (False, {"service": "MPP\u017f"}),  # LATIN SMALL LETTER LONG S: casefolds to "s"
    (False, {"service": "Print"}),
    (False, {"C-STORE": {"rules": [{"request": 2**31, "answer": "0000"}]}}),
    (False, {"C-ECHOX": "0000"}),
    (False, {"C/STORE": "0000"}),
    (False, {" C-STORE": "0000"}),
    (False, {"C-FIND": {"status": "0000", "pending": 10001}}),
    (False, {"C-FIND": {"status": "0000", "pending": 2.5}}),
    (False, {"C-FIND": {"status": "0000", "delay": 300.5}}),
    (False, {"C-STORE": {"status": "A700", "error_comment": "x" * 65}}),
    (False, {"C-STORE": {"status": "A700", "error_comment": "a\\b"}}),
    (False, {"C-STORE": {"status": "A700", "colour": "red"}}),
    (False, {"C-STORE": {"status": 65536}}),
    (False, {"C-STORE": {"answers": [], "then": "repeat"}}),
    (False, {"C-STORE": {"rules": [{"every": 2, "request": 1, "answer": "0000"}]}}),
    (False, ["C-STORE"]),
]


@pytest.mark.parametrize(("good", "data"), FILES, ids=[json.dumps(d)[:60] for _, d in FILES])
def test_the_schema_and_the_loader_agree_file_by_file(tmp_path: Path, good: bool,
                                                      data: Any) -> None:
    path = tmp_path / "script.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    by_schema = jsonschema.Draft202012Validator(schema).is_valid(  # pyright: ignore[reportUnknownMemberType]
        json.loads(path.read_text(encoding="utf-8")))
    try:
        StatusScript.load(path)
    except ValueError:
        by_loader = False
    else:
        by_loader = True
    assert (by_schema, by_loader) == (good, good)


def test_the_schema_spells_names_as_the_loader_does() -> None:
    import re

    from dimse_status.testing import script

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    keys = schema["propertyNames"]["anyOf"][1]["pattern"]
    assert keys == f"^{script._COMMAND_KEY}$"  # pyright: ignore[reportPrivateUsage]
    service = schema["properties"]["service"]["pattern"]
    spelled = set(script._SERVICE_NAMES)  # pyright: ignore[reportPrivateUsage]
    assert all(re.fullmatch(service, name) and re.fullmatch(service, name.upper())
               for name in spelled)
    assert service.count("|") == len(spelled) - 1
