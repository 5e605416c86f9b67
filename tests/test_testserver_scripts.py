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
    (True, {"C-STORE": ["abort:2,6", " Abort = 0 ", "abort:002, 04", "abort:0,0"]}),
    (True, {"C-STORE": {"abort": {"source": 2, "reason": 5}, "delay": 0.5}}),
    (True, {"C-FIND": [["FF00", {"abort": {"source": 0}}]]}),
    (True, {"C-ECHO": {"rules": [{"every": 2, "answer": {"abort": {"source": 2}}}]}}),
    (False, {"C-STORE": "abort:2,3"}),
    (False, {"C-STORE": "abort:1"}),
    (False, {"C-STORE": "abort:0,2"}),
    (False, {"C-STORE": "abort:provider,6"}),
    (False, {"C-STORE": "abort:2,6,1"}),
    (False, {"C-STORE": {"abort": {"source": 2, "reason": 3}}}),
    (False, {"C-STORE": {"abort": {"source": 1}}}),
    (False, {"C-STORE": {"abort": {"reason": 1}}}),
    (False, {"C-STORE": {"abort": {"source": "2"}}}),
    (False, {"C-STORE": {"abort": {"source": 2}, "status": "0000"}}),
    (False, {"C-STORE": {"abort": "2,6"}}),
    (True, {"reject": {"result": 2, "source": 3, "reason": 1}}),
    (True, {"reject": {"result": 1, "source": 1, "reason": 7, "association": 2},
            "C-ECHO": "0000"}),
    (True, {"reject": {"result": 1, "source": 2, "reason": 2.0}}),
    (False, {"reject": {"result": 2, "source": 3, "reason": 0}}),
    (False, {"reject": {"result": 1, "source": 1, "reason": 4}}),
    (False, {"reject": {"result": 3, "source": 1, "reason": 1}}),
    (False, {"reject": {"result": 1, "source": 4, "reason": 1}}),
    (False, {"reject": {"result": 1, "source": 2, "reason": 3}}),
    (False, {"reject": {"result": 2, "source": 3}}),
    (False, {"reject": {"result": True, "source": 3, "reason": 1}}),
    (False, {"reject": {"result": 2, "source": 3, "reason": 1, "association": 0}}),
    (False, {"reject": {"result": 2, "source": 3, "reason": 1, "colour": "red"}}),
    (False, {"reject": "2,3,1"}),
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


# --- item 9: Pending responses made as they are sent ---------------------------------

_PEAK = """
import json, sys, time, tracemalloc
from dimse_status import StatusScript
pending = int(sys.argv[1])
data = {"C-MOVE": [{"status": "0000", "pending": pending}] * 50,
        "C-FIND": [{"status": "0000", "pending": pending}] * 5}
tracemalloc.start()
start = time.perf_counter()
script = StatusScript.parse(data)
answer = script.answer("C-MOVE", 50)
length, last_pending = len(answer), answer[-2].status
elapsed = time.perf_counter() - start
print(json.dumps([tracemalloc.get_traced_memory()[1], elapsed, length,
                  list(last_pending.sub_operations)]))
"""


def _peak(pending: int) -> tuple[int, float, int, list[int]]:
    result = subprocess.run([sys.executable, "-c", _PEAK, str(pending)], capture_output=True,
                            text=True, timeout=120, check=True)
    peak, elapsed, length, counts = json.loads(result.stdout)
    return peak, elapsed, length, counts


def test_a_large_pending_count_costs_no_memory_or_time() -> None:
    """Issue 24 item 9: 55 answers of 10,000 Pending responses each are not
    built up front (50 took 580 MB and 12-23 s)."""
    small, _, _, _ = _peak(10)
    large, elapsed, length, counts = _peak(10_000)
    assert length == 10_001 and counts == [0, 10_000, 0, 0]
    # Memory independent of K: within 256 kB of the same script with K = 10.
    assert large - small < 256 * 1024, (small, large)
    # A generous bound for a loaded 2-core machine (it takes milliseconds).
    assert elapsed < 10, elapsed


def test_check_prints_a_pending_run_as_one_response(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"C-MOVE": [{"status": "0000", "pending": 10_000}] * 50}),
                    encoding="utf-8")
    result = _check(path)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) < 20_000
    assert ("answer 1: (0xFF00) Pending: Sub-operations are continuing; sub-operations: "
            "remaining 9999, completed 1, failed 0, warning 0 (first of 10000) + (0x0000) "
            "Success") in result.stdout


def test_an_answer_reads_as_a_sequence_of_steps() -> None:
    script = StatusScript.parse({"C-GET": [["FF00", {"status": "B000", "failed": 1,
                                                     "pending": 2}]]})
    answer = script.answer("C-GET", 1)
    steps = list(answer)
    assert len(answer) == 4 and answer[1:] == tuple(steps[1:]) and answer[-1] == steps[-1]
    assert answer == tuple(steps) and answer == script.answer("C-GET", 1)
    with pytest.raises(IndexError):
        answer[4]
    counts = [s.status.sub_operations for s in steps if s.status is not None]
    assert counts == [(2, 1, 0, 0), (1, 2, 0, 0), (0, 3, 0, 0), (None, 3, 1, 0)]


# --- item 8: the counts the standard requires -----------------------------------------


@pytest.mark.parametrize(("data", "message"), [
    ({"C-MOVE": {"status": "B000", "remaining": 1, "completed": 1, "failed": 1, "warning": 0}},
     "C-MOVE answer 1: Number of Remaining Sub-operations (0000,1020) is sent with Pending and "
     "Cancel responses only (PS3.4 C.4.2.1.6), not with (0xB000)"),
    ({"C-GET": [["FF00", {"status": "0000", "remaining": 0}]]},
     "C-GET answer 1, response 2: Number of Remaining Sub-operations (0000,1020) is sent with "
     "Pending and Cancel responses only (PS3.4 C.4.3.1.5)"),
])
def test_remaining_on_a_final_response_is_refused(data: Any, message: str) -> None:
    with pytest.raises(ValueError) as info:
        StatusScript.parse(data)
    assert message in str(info.value)


def test_counts_are_filled_in_where_the_standard_requires_them() -> None:
    script = StatusScript.parse({"C-MOVE": [
        {"status": "0000", "pending": 3},
        ["FF00", {"status": "FF00", "failed": 1}, {"status": "B000", "warning": 2}],
        {"status": "A702", "completed": 0, "failed": 5, "warning": 0, "pending": 2},
        "A801", "FE00", {"status": "FE00", "remaining": 4, "pending": 1},
    ]})

    def counts(number: int) -> list[tuple[int | None, ...]]:
        return [tuple(s.status.sub_operations) for s in script.answer("C-MOVE", number)
                if s.status is not None]

    assert counts(1) == [(2, 1, 0, 0), (1, 2, 0, 0), (0, 3, 0, 0), (None, 3, 0, 0)]
    assert counts(2) == [(1, 1, 0, 0), (0, 2, 1, 0), (None, 2, 1, 2)]
    assert counts(3) == [(1, 1, 0, 0), (0, 2, 0, 0), (None, 0, 5, 0)]  # given wins
    assert counts(4) == [(None, None, None, None)]  # A801 carries no counts
    assert counts(5) == [(None, 0, 0, 0)]
    assert counts(6) == [(0, 1, 0, 0), (4, 1, 0, 0)]


# --- item 12: "," "+" "/" inside an Error Comment on the command line ------------------


def _cli(*options: str) -> StatusScript:

    from dimse_status.cli.serve import _cli_script  # pyright: ignore[reportPrivateUsage]

    return _cli_script(list(options), None)


def test_a_backslash_escapes_the_separators_in_status() -> None:
    script = _cli(r"c-find=FF00+C001/error_comment=a\,b\+c\/d e,0000",
                  r"c-store=A700/error_comment=disk full\, retry in 5\/10 s")
    final = script.answer("C-FIND", 1)[-1].status
    assert final is not None and final.error_comment == "a,b+c/d e"
    assert [s.status.code for s in script.answer("C-FIND", 2) if s.status is not None] == [0]
    store = script.answer("C-STORE", 1)[0].status
    assert store is not None and store.error_comment == "disk full, retry in 5/10 s"


@pytest.mark.parametrize(("option", "message"), [
    (r"c-store=A700/error_comment=a\b", r"a backslash escapes , + / or a backslash only, "
     r"not '\\b'"),
    (r"c-store=A700/error_comment=a\\b", "is not a valid LO"),  # \\ is a backslash: LO refuses it
    ("c-store=A700/error_comment=trailing\\", "a backslash escapes"),
])
def test_a_bad_escape_is_one_line(option: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        _cli(option)
    assert message in str(info.value) and "\n" not in str(info.value)


# --- item 13: the Error ID logged is the one sent ------------------------------------


@pytest.mark.parametrize(("details", "logged"), [
    ({"error_id": 0xA711}, "may no longer be updated (Error ID A711 sent) [N-SET]; "
                           "Error ID A711"),
    ({"error_id": 0xA710}, "may no longer be updated (Error ID A710 sent) [N-SET]; "
                           "Error ID A710"),
    ({}, "may no longer be updated (no Error ID sent) [N-SET]"),
])
def test_the_mpps_0110_line_logs_the_error_id_sent(caplog: pytest.LogCaptureFixture,
                                                   details: dict[str, int],
                                                   logged: str) -> None:
    import logging

    from loopback import alarm, associate
    from pydicom import Dataset
    from pydicom.uid import UID, generate_uid

    from dimse_status import Command, Service, Status, status_server

    mpps = UID("1.2.840.10008.3.1.2.3.3")
    caplog.set_level(logging.DEBUG, logger="dimse_status.serve")
    attributes = Dataset()
    attributes.PatientName = "Test^Patient"
    with alarm(60), status_server({"service": "MPPS",
                                   "N-SET": {"status": "0110", **details}}) as server:
        assoc = associate(server.port, [mpps])
        try:
            updated, _ = assoc.send_n_set(attributes, mpps, generate_uid())
        finally:
            assoc.release()
    status = Status.from_dataset(updated, Command.N_SET, Service.PROCEDURE_STEP)
    assert status.error_id == details.get("error_id")
    (line,) = [r.getMessage() for r in caplog.records if ": sent (0x0110)" in r.getMessage()]
    assert line.endswith(logged), line
