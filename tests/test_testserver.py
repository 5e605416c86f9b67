"""The status test server (``dimse_status.testing``): its scripts, checked
before it starts; pynetdicom SCUs against it on 127.0.0.1 (every scripted
status arrives with its details, C-FIND's Pending responses in order, C-GET
and C-MOVE counts as scripted, aborts, cancels, the N-services of MPPS and
UPS); what it records and logs; the ``status_scp`` fixture; and the command
line (``run_serve`` through argparse, ``python -m dimse_status serve``,
SIGINT and SIGTERM)."""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownParameterType=false
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from loopback import TIMEOUT, alarm, associate, instance
from pydicom import Dataset
from pydicom.tag import Tag
from pydicom.uid import UID, CTImageStorage, generate_uid

import dimse_status
from dimse_status import (
    CFindStatus,
    Command,
    CStoreStatus,
    Exchange,
    Service,
    Status,
    StatusScript,
    StatusServer,
    status_server,
)
from dimse_status.cli import main
from dimse_status.cli.serve import add_serve_parser, run_serve
from dimse_status.testing import SCHEMA_PATH, ScriptError
from dimse_status.testing.pytest_plugin import StatusServers

ROOT = Path(__file__).resolve().parents[1]
Verification = UID("1.2.840.10008.1.1")
FIND = UID("1.2.840.10008.5.1.4.1.2.1.1")  # Patient Root Q/R Find
MOVE = UID("1.2.840.10008.5.1.4.1.2.1.2")
GET = UID("1.2.840.10008.5.1.4.1.2.1.3")
MPPS = UID("1.2.840.10008.3.1.2.3.3")
UPS_PUSH = UID("1.2.840.10008.5.1.4.34.6.1")
UPS_PULL = UID("1.2.840.10008.5.1.4.34.6.3")


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    with alarm(60):
        yield


def _query() -> Dataset:
    query = Dataset()
    query.QueryRetrieveLevel = "PATIENT"
    query.PatientID = "1234"
    return query


def _attributes() -> Dataset:
    """An N-CREATE or N-SET data set (pynetdicom announces a data set even for an
    empty one, then sends none: the peer waits for it)."""
    ds = Dataset()
    ds.PatientName = "Test^Patient"
    return ds


def _status(ds: Dataset, command: Command, service: Service | None = None) -> Status[Any]:
    return Status.from_dataset(ds, command, service)


def _shown(status: Status[Any]) -> tuple[int, tuple[Any, ...]]:
    """What a status carried: its code and details."""
    return status.code, tuple(status.details)


# --- scripts ------------------------------------------------------------------------


def test_answers_in_turn_then_again_from_the_first() -> None:
    script = StatusScript.parse({"c-store": ["0000", "0000", {"status": "A700",
                                                              "error_comment": "disk full"}]})
    codes = [script.answer(Command.C_STORE, n)[0].status for n in range(1, 8)]
    assert [c.code for c in codes if c is not None] == [0, 0, 0xA700, 0, 0, 0xA700, 0]
    third = codes[2]
    assert third is not None and third.error_comment == "disk full"
    assert third.member is CStoreStatus.OUT_OF_RESOURCES


def test_rules_win_over_the_list_and_then_follows_it() -> None:
    script = StatusScript.parse({"C-STORE": {
        "answers": ["B000", "B007"],
        "then": "0000",
        "rules": [{"request": 2, "answer": "abort"}, {"every": 3, "answer": "C000"}],
    }})

    def code(n: int) -> str:
        step = script.answer("C-STORE", n)[0]
        return "abort" if step.status is None else f"{step.status.code:04X}"

    assert [code(n) for n in range(1, 8)] == ["B000", "abort", "C000", "0000", "0000", "C000",
                                              "0000"]


def test_unscripted_commands_answer_success() -> None:
    script = StatusScript.parse({})
    echo = [_shown(s.status) for s in script.answer(Command.C_ECHO, 1) if s.status is not None]
    assert echo == [(0, (
        (), None, None, None, None, None, None))]
    move = script.answer(Command.C_MOVE, 5)[0].status
    assert move is not None and move.code == 0 and move.sub_operations[1:] == (0, 0, 0)


def test_every_spelling_of_a_response() -> None:
    given = Status(0xC001, Command.C_FIND).with_details(error_comment="from a Status")
    script = StatusScript.parse({
        "C-ECHO": 0x0122,
        "C-STORE": CStoreStatus.CANNOT_UNDERSTAND,
        "C-FIND": [[{"status": "FF01"}, "0xFF00", "FF00H", given]],
        "C-GET": {"status": "B000", "pending": 2, "completed": 2, "failed": 1, "warning": 0},
    })
    find = [s.status for s in script.answer("C-FIND", 1)]
    assert [s.code for s in find if s] == [0xFF01, 0xFF00, 0xFF00, 0xC001]
    assert find[-1] is not None and find[-1].error_comment == "from a Status"
    get = [s.status for s in script.answer("C-GET", 1) if s.status is not None]
    assert [(s.code, *s.sub_operations) for s in get] == [
        (0xFF00, 1, 1, 0, 0), (0xFF00, 0, 2, 0, 0), (0xB000, None, 2, 1, 0)]
    store = script.answer("C-STORE", 1)[0].status
    assert store is not None and store.code == 0xC000


def test_statuses_are_read_in_their_service_class() -> None:
    script = StatusScript.parse({"service": "UPS", "N-ACTION": "C310", "C-FIND": "A710"})
    assert script.service is Service.UNIFIED_PROCEDURE_STEP
    action = script.answer(Command.N_ACTION, 1)[0].status
    assert action is not None and action.service is Service.UNIFIED_PROCEDURE_STEP
    assert "not yet in the IN PROGRESS state" in action.description
    find = script.answer(Command.C_FIND, 1)[0].status
    assert find is not None and find.service is Service.QUERY_RETRIEVE  # A710: Q/R's own


BAD_SCRIPTS: list[tuple[object, str]] = [
    ({"C-STOR": "0000"}, "unknown key 'C-STOR'"),
    ({"C-STORE": "XYZ1"}, "'XYZ1' is not a 16-bit hexadecimal status code"),
    ({"C-STORE": 0x10000}, "status 65536 is outside 0x0000..0xFFFF"),
    ({"C-STORE": True}, "not True"),
    ({"C-STORE": "B123"}, "0xB123 is not a status the standard lists for C-STORE"),
    ({"C-ECHO": "0110"}, "0x0110 is not a status the standard lists for C-ECHO"),
    ({"C-STORE": {"status": "0000", "error_comment": "fine"}},
     "Error Comment (0000,0902) does not travel with (0x0000)"),
    ({"C-STORE": {"status": "A700", "completed": 1}},
     "Number of Completed Sub-operations (0000,1021) does not travel with (0xA700)"),
    ({"C-ECHO": {"status": "0122", "offending_element": "(0010,0010)"}},
     "Offending Element (0000,0901) does not travel with (0x0122)"),
    ({"service": "UPS", "N-ACTION": {"status": "C310", "offending_element": "00100010"}},
     "Offending Element (0000,0901) is not a field of the N-ACTION response's command set"),
    ({"C-STORE": {"status": "A700", "error_comment": "x" * 65}}, "is not a valid LO"),
    ({"C-STORE": {"status": "A700", "error_comment": "d\u00e9j\u00e0"}},
     "not in the default character repertoire"),
    ({"C-STORE": {"status": "A700", "error_coment": "typo"}}, "unknown key 'error_coment'"),
    ({"C-STORE": {"status": "A700", "offending_element": "(10,10)"}},
     "Offending Element '(10,10)' is not a tag"),
    ({"C-STORE": {"error_comment": "no status"}}, "unknown key 'error_comment'; expected "
     "answers, then, rules"),
    ({"C-STORE": [{"error_id": 1}]}, "a response table needs a status"),
    ({"N-SET": "0000"}, "N-SET needs a service class"),
    ({"service": "Print", "N-SET": "0000"}, "service 'Print' cannot be served"),
    ({"service": "MPPS", "N-ACTION": "0000"},
     "N-ACTION is not a command of the Procedure Step Service Class"),
    ({"service": "MPPS", "N-DELETE": "0000"}, "N-DELETE is not a command"),
    ({"C-STORE": [["0000", "0000"]]}, "a C-STORE request gets one response, not 2"),
    ({"C-STORE": {"status": "0000", "pending": 2}}, "pending responses are for C-FIND"),
    ({"C-FIND": "FF00"}, "ends with a Pending status"),
    ({"C-FIND": [["0000", "FF00", "0000"]]}, "only Pending responses may come before"),
    ({"C-FIND": [["FF00", "abort", "0000"]]}, "nothing can follow \"abort\""),
    ({"C-FIND": [[]]}, "an answer needs at least one response"),
    ({"C-FIND": {"status": "0000", "pending": 0}}, "pending must be an int in 1..10000"),
    ({"C-FIND": {"status": "0000", "delay": -1}}, "delay must be a number of seconds"),
    ({"C-FIND": {"status": "0000", "delay": 301}}, "in 0..300, not 301"),
    ({"C-STORE": {"answers": "A700"}}, "answers must be a list"),
    ({"C-STORE": {"rules": [{"every": 2, "request": 3, "answer": "0000"}]}},
     "rule 1: a rule needs answer and one of every or request"),
    ({"C-STORE": {"rules": [{"every": 0, "answer": "0000"}]}}, "every must be an int in 1.."),
    ({"C-STORE": {"then": "B123"}}, "C-STORE then: 0xB123 is not"),
    ({"C-STORE": "0000", "c_store": "A700"}, "C-STORE is scripted twice"),
    ({"C-STORE": Status(0x0000, Command.C_FIND)}, "answers C-FIND, not C-STORE"),
    (["C-STORE"], "a script is a table"),
]


@pytest.mark.parametrize(("data", "message"), BAD_SCRIPTS, ids=[m for _, m in BAD_SCRIPTS])
def test_a_bad_script_is_one_clear_line(data: Any, message: str) -> None:
    with pytest.raises(ValueError) as info:
        StatusScript.parse(data)
    text = str(info.value)
    assert message in text and "\n" not in text
    assert isinstance(info.value, ScriptError)


def test_the_error_says_where_in_the_script() -> None:
    with pytest.raises(ValueError, match=r"^script: C-FIND answer 2, response 3: 0xB000 is not"):
        StatusScript.parse({"C-FIND": ["0000", ["FF00", "FF01", "B000"]]})
    with pytest.raises(ValueError, match=r"^script: C-STORE rule 1 answer: 0xFF00 is not"):
        StatusScript.parse({"C-STORE": {"rules": [{"every": 2, "answer": "FF00"}]}})


def test_a_bad_script_never_starts_a_server() -> None:
    before = threading.active_count()
    with pytest.raises(ValueError, match="0xB123"), status_server({"C-STORE": "B123"}):
        pytest.fail("the server started")  # pragma: no cover
    assert threading.active_count() == before


@pytest.mark.parametrize(("options", "message"), [
    ({"port": 70000}, "port must be an int in 0..65535, not 70000"),
    ({"port": "11112"}, "port must be an int"),
    ({"ae_title": ""}, "AE title '' must be 1 to 16"),
    ({"ae_title": "A" * 17}, "must be 1 to 16"),
    ({"timeout": 0}, "timeout must be a number in 0.1..3600, not 0"),
    ({"timeout": float("nan")}, "timeout must be a number"),
    ({"max_associations": 0}, "max_associations must be an int in 1..1000"),
    ({"record": -1}, "record must be an int in 0.."),
    ({"host": ""}, "host must be an address"),
])
def test_bad_options_are_refused_before_starting(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as info:
        StatusServer(None, **options)
    assert message in str(info.value)


SCRIPT_TOML = """\
service = "MPPS"

[C-STORE]
answers = ["0000", { status = "A700", error_comment = "disk full" }]
rules = [{ every = 5, answer = "abort" }]

[c-find]
answers = [[
  "FF01", "FF00",
  { status = 0xC001, error_comment = "bad query", offending_element = ["(0010,0020)"] },
]]

[C-MOVE]
answers = [{ status = "B000", completed = 2, failed = 1, warning = 0, pending = 3 }]

[N-SET]
answers = [{ status = "0110", error_id = 0xA710, error_comment = "locked" }]
"""


def _same(a: StatusScript, b: StatusScript) -> bool:
    return all(a.answer(c, n) == b.answer(c, n) for c in a.served() for n in range(1, 7)) \
        and a.service is b.service


def test_toml_and_json_files_say_the_same(tmp_path: Path) -> None:
    toml = tmp_path / "script.toml"
    toml.write_text(SCRIPT_TOML, encoding="utf-8")
    data = {
        "service": "MPPS",
        "C-STORE": {"answers": ["0000", {"status": "A700", "error_comment": "disk full"}],
                    "rules": [{"every": 5, "answer": "abort"}]},
        "c-find": {"answers": [["FF01", "FF00", {"status": 0xC001, "error_comment": "bad query",
                                                  "offending_element": ["(0010,0020)"]}]]},
        "C-MOVE": {"answers": [{"status": "B000", "completed": 2, "failed": 1, "warning": 0,
                                "pending": 3}]},
        "N-SET": {"answers": [{"status": "0110", "error_id": 0xA710, "error_comment": "locked"}]},
    }
    path = tmp_path / "script.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _same(StatusScript.load(toml), StatusScript.load(path))
    assert _same(StatusScript.load(toml), StatusScript.parse(data))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("name", "text", "message"), [
    ("bad.toml", "[C-STORE\n", "bad.toml: not valid TOML"),
    ("bad.json", "{", "bad.json: not valid JSON"),
    ("script.yaml", "{}", "a script is a .toml or .json file, not .yaml"),
    ("wrong.json", '{"C-STORE": "B123"}', "wrong.json: C-STORE answer 1: 0xB123"),
])
def test_bad_files(tmp_path: Path, name: str, text: str, message: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        StatusScript.load(tmp_path / name)
    assert message in str(info.value) and "\n" not in str(info.value)


GOOD_FOR_THE_SCHEMA: list[dict[str, Any]] = [
    {"C-STORE": "A700"},
    {"C-STORE": 0xA700, "$schema": "serve-script.schema.json"},
    {"C-ECHO": "abort", "C-FIND": [["FF00", {"status": "0000", "delay": 0.5}]]},
    {"service": "UPS", "n-action": {"status": "C310", "error_comment": "x"},
     "C-GET": {"answers": ["0000"], "then": "cycle",
               "rules": [{"request": 3, "answer": ["FF00", "A702"]}]}},
]
BAD_FOR_THE_SCHEMA: list[dict[str, Any]] = [
    {"C-STORE": {"status": "A700", "colour": "red"}},
    {"C-STORE": {"answers": [], "then": "repeat"}},
    {"C-STORE": {"rules": [{"every": 2}]}},
    {"C-STORE": {"status": "A7000"}},
    {"service": "Print"},
    {"C-STORE": {"status": "A700", "error_comment": "a\\b"}},
    {"C-STORE": {"rules": [{"every": 2, "request": 1, "answer": "0000"}]}},
]


def test_the_schema_agrees_with_the_parser() -> None:
    """Scripts the schema accepts parse; the structures it refuses, the parser
    refuses too (the schema cannot know which statuses a command permits)."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for data in GOOD_FOR_THE_SCHEMA:
        jsonschema.validate(data, schema)
        StatusScript.parse(data)
    for data in BAD_FOR_THE_SCHEMA:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)
        with pytest.raises(ValueError):
            StatusScript.parse(data)


def test_the_docs_show_the_schema_as_shipped() -> None:
    page = (ROOT / "docs" / "testing-clients.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```json\n(.*?)^```", page, re.M | re.S)
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) in [json.loads(b) for b in blocks]


# --- over the network ---------------------------------------------------------------


def test_every_scripted_status_arrives_with_its_details() -> None:
    script = {
        "C-ECHO": {"status": "0122", "error_comment": "echo refused"},
        "C-STORE": {"status": "A7F3", "error_comment": "disk full",
                    "offending_element": ["(7FE0,0010)", "00080016"]},
        "C-FIND": [["FF01", "FF00", {"status": "C001", "error_comment": "bad query",
                                     "offending_element": "(0010,0020)"}]],
        "C-GET": [[{"status": "FF00", "remaining": 2, "completed": 1, "failed": 0, "warning": 0},
                   {"status": "FF00", "remaining": 1, "completed": 1, "failed": 1, "warning": 0},
                   {"status": "B000", "completed": 2, "failed": 1, "warning": 0,
                    "error_comment": "one failed"}]],
        "C-MOVE": {"status": "A801", "error_comment": "who is X?"},
    }
    with status_server(script) as server:
        assoc = associate(server.port, [Verification, CTImageStorage, FIND, GET, MOVE])
        try:
            echo = _status(assoc.send_c_echo(), Command.C_ECHO)
            ds = instance()
            store = _status(assoc.send_c_store(ds), Command.C_STORE)
            find = [(_status(rsp, Command.C_FIND), ident)
                    for rsp, ident in assoc.send_c_find(_query(), FIND)]
            get = [_status(rsp, Command.C_GET) for rsp, _ in assoc.send_c_get(_query(), GET)]
            move = [_status(rsp, Command.C_MOVE)
                    for rsp, _ in assoc.send_c_move(_query(), "X", MOVE)]
        finally:
            assoc.release()
        received = server.received
    assert (echo.code, echo.error_comment) == (0x0122, "echo refused")
    assert (store.code, store.error_comment, store.offending_element) == (
        0xA7F3, "disk full", (0x7FE00010, 0x00080016))
    assert [s.code for s, _ in find] == [0xFF01, 0xFF00, 0xC001]
    assert [ident and ident.PatientID for _, ident in find[:2]] == ["1234", "1234"]  # the query
    assert find[-1][1] is None
    assert (find[-1][0].error_comment, find[-1][0].offending_element) == ("bad query",
                                                                          (0x00100020,))
    assert [(s.code, *s.sub_operations) for s in get] == [
        (0xFF00, 2, 1, 0, 0), (0xFF00, 1, 1, 1, 0), (0xB000, None, 2, 1, 0)]
    assert get[-1].error_comment == "one failed"
    assert [(s.code, s.error_comment) for s in move] == [(0xA801, "who is X?")]
    # The record: what arrived and what went back, with the details.
    assert [(e.command, e.number, [s.code for s in e.responses]) for e in received] == [
        (Command.C_ECHO, 1, [0x0122]), (Command.C_STORE, 1, [0xA7F3]),
        (Command.C_FIND, 1, [0xFF01, 0xFF00, 0xC001]),
        (Command.C_GET, 1, [0xFF00, 0xFF00, 0xB000]), (Command.C_MOVE, 1, [0xA801])]
    assert received[1].responses[0].error_comment == "disk full"
    assert received[1].dataset().SOPInstanceUID == ds.SOPInstanceUID
    assert received[1].sop_class_uid == CTImageStorage
    assert received[2].dataset().PatientID == "1234"
    assert received[4].move_destination == "X"
    assert received[0].calling_ae_title == "PYNETDICOM" and received[0].peer[0] == "127.0.0.1"


def test_requests_are_answered_in_turn_across_associations() -> None:
    with status_server({"C-STORE": {"answers": ["0000", "B007"],
                                    "rules": [{"every": 3, "answer": "A700"}]}}) as server:
        codes: list[int] = []
        for _ in range(3):
            assoc = associate(server.port, [CTImageStorage])
            try:
                codes += [_status(assoc.send_c_store(instance()), Command.C_STORE).code
                          for _ in range(2)]
            finally:
                assoc.release()
        assert [e.number for e in server.received] == [1, 2, 3, 4, 5, 6]
    assert codes == [0x0000, 0xB007, 0xA700, 0xB007, 0x0000, 0xA700]


def test_abort_instead_of_an_answer() -> None:
    with status_server({"C-STORE": "abort", "C-FIND": [["FF00", "abort"]]}) as server:
        assoc = associate(server.port, [CTImageStorage, FIND])
        assert len(assoc.send_c_store(instance())) == 0  # no response: pynetdicom's empty Dataset
        deadline = time.monotonic() + TIMEOUT
        while assoc.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert assoc.is_aborted
        assoc = associate(server.port, [FIND])
        responses = [rsp for rsp, _ in assoc.send_c_find(_query(), FIND)]
        assert [len(rsp) and rsp.Status for rsp in responses] == [0xFF00, 0]
        assert [(e.aborted, len(e.responses)) for e in server.received] == [(True, 0), (True, 1)]


def test_a_c_cancel_ends_the_pending_responses_with_cancel() -> None:
    script = {"C-FIND": {"status": "0000", "pending": 50, "delay": 0.05},
              "C-GET": [[{"status": "FF00", "remaining": 9, "completed": 1, "failed": 0,
                          "warning": 0, "delay": 0.2}] * 9 + ["0000"]]}
    with status_server(script) as server:
        assoc = associate(server.port, [FIND, GET])
        try:
            for model, send in ((FIND, assoc.send_c_find), (GET, assoc.send_c_get)):
                responses = send(_query(), model, msg_id=7)
                first, _ = next(responses)
                assoc.send_c_cancel(7, query_model=model)
                rest = [rsp for rsp, _ in responses]
                assert first.Status == 0xFF00 and rest[-1].Status == 0xFE00
                assert len(rest) < 10
        finally:
            assoc.release()
        find, get = server.received
    assert find.cancelled and find.responses[-1].code == 0xFE00
    # A C-GET's Cancel carries the counts of its last Pending response.
    assert get.responses[-1].sub_operations == (9, 1, 0, 0)


def test_the_n_services_of_mpps() -> None:
    script = {"service": "MPPS",
              "N-CREATE": "0106",
              "N-SET": {"status": "0110", "error_id": 0xA710, "error_comment": "completed"}}
    with status_server(script) as server:
        assoc = associate(server.port, [MPPS])
        try:
            uid = generate_uid()
            created, _ = assoc.send_n_create(_attributes(), MPPS, uid)
            updated, _ = assoc.send_n_set(_attributes(), MPPS, uid)
        finally:
            assoc.release()
        assert [e.command for e in server.received] == [Command.N_CREATE, Command.N_SET]
    create = _status(created, Command.N_CREATE, Service.PROCEDURE_STEP)
    assert create.code == 0x0106 and create.description == "Invalid Attribute Value"
    update = _status(updated, Command.N_SET, Service.PROCEDURE_STEP)
    assert (update.code, update.error_id, update.error_comment) == (0x0110, 0xA710, "completed")
    assert "may no longer be updated" in update.description


def test_the_n_services_of_ups() -> None:
    script = {"service": "UPS", "N-ACTION": {"status": "C310", "error_comment": "not yet"},
              "N-GET": "0001", "N-CREATE": ["0000", "C309"]}
    with status_server(script) as server:
        assoc = associate(server.port, [UPS_PUSH, UPS_PULL])
        try:
            uid = generate_uid()
            first, _ = assoc.send_n_create(_attributes(), UPS_PUSH, uid)
            second, _ = assoc.send_n_create(_attributes(), UPS_PUSH, generate_uid())
            got, _ = assoc.send_n_get([Tag(0x00741000)], UPS_PULL, uid)
            action, _ = assoc.send_n_action(_attributes(), 1, UPS_PULL, uid)
        finally:
            assoc.release()
    ups = Service.UNIFIED_PROCEDURE_STEP
    assert [_status(r, Command.N_CREATE, ups).code for r in (first, second)] == [0, 0xC309]
    assert _status(got, Command.N_GET, ups).is_warning
    done = _status(action, Command.N_ACTION, ups)
    assert (done.code, done.error_comment) == (0xC310, "not yet")
    assert "IN PROGRESS" in done.description


def test_n_requests_are_not_served_without_a_service() -> None:
    with status_server({}) as server:
        ae_ = __import__("loopback").ae()
        ae_.add_requested_context(MPPS)
        assoc = ae_.associate("127.0.0.1", server.port)
        assert not assoc.is_established  # no MPPS presentation context accepted


def test_one_log_line_per_response(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="dimse_status.serve")
    with status_server({"C-FIND": {"status": "A700", "error_comment": "full", "pending": 2},
                        "C-STORE": "abort"}) as server:
        assoc = associate(server.port, [FIND, CTImageStorage])
        list(assoc.send_c_find(_query(), FIND))
        assoc.send_c_store(instance())
    lines = [r for r in caplog.records if r.name == "dimse_status.serve"]
    assert [r.levelno for r in lines] == [logging.DEBUG, logging.DEBUG, logging.ERROR,
                                          logging.WARNING]
    assert re.fullmatch(r"PYNETDICOM@127\.0\.0\.1:\d+ C-FIND #1: sent \(0xA700\) Failure: "
                        r"Refused: Out of Resources \[C-FIND\]; Error Comment 'full'",
                        lines[2].getMessage())
    assert lines[2].__dict__["code_hex"] == "0xA700"  # the status log's structured fields
    assert lines[3].getMessage().endswith("C-STORE #1: aborted the association (scripted)")


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_leaving_the_block_leaves_no_thread_or_socket() -> None:
    before_threads, before_fds = set(threading.enumerate()), _fds()
    with status_server({"C-FIND": {"status": "0000", "pending": 200, "delay": 0.05}}) as server:
        idle = associate(server.port, [Verification])  # still open when the server stops
        busy = associate(server.port, [FIND])
        responses = busy.send_c_find(_query(), FIND)
        next(responses)
    rest = list(responses)
    assert len(rest) < 200
    for assoc in (idle, busy):
        assoc.join(TIMEOUT)
        assert not assoc.is_alive() and (assoc.is_aborted or not assoc.is_established)
    assert set(threading.enumerate()) <= before_threads
    assert _fds() <= before_fds


def test_it_binds_the_loopback_address_unless_told_otherwise() -> None:
    with status_server() as server:
        assert server.address == ("127.0.0.1", server.port) and server.port > 0
        with socket.socket() as probe:
            probe.settimeout(1)
            other = [a for a in _local_addresses() if not a.startswith("127.")]
            if other:
                assert probe.connect_ex((other[0], server.port)) != 0


def _local_addresses() -> list[str]:
    try:
        return [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None,
                                                            socket.AF_INET)]
    except OSError:
        return []


def test_a_busy_port_is_a_clear_error() -> None:
    with status_server() as server, pytest.raises(ValueError,
                                                  match=rf"cannot listen on 127\.0\.0\.1:"
                                                  rf"{server.port}: "):
        StatusServer(port=server.port).start()


def test_the_fixture_starts_and_stops_servers(status_scp: StatusServers) -> None:
    server = status_scp({"C-ECHO": {"status": "0122", "error_comment": "from the fixture"}})
    assert server.is_running
    assoc = associate(server.port, [Verification])
    try:
        status = _status(assoc.send_c_echo(), Command.C_ECHO)
    finally:
        assoc.release()
    assert status.error_comment == "from the fixture"
    status_scp.stop()
    assert not server.is_running


def test_the_public_names() -> None:
    assert dimse_status.status_server is status_server
    assert {"StatusScript", "StatusServer", "status_server", "Exchange"} <= set(
        dimse_status.__all__)
    assert Exchange.__name__ == "Exchange" and int(CFindStatus.PENDING) == 0xFF00


def test_the_docstring_examples() -> None:
    import doctest

    from dimse_status.testing import script, server

    results = [doctest.testmod(module) for module in (script, server)]
    assert sum(r.attempted for r in results) > 0 and not any(r.failed for r in results)


# --- the command line ---------------------------------------------------------------


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dimse-status")
    add_serve_parser(parser.add_subparsers(dest="action"))
    return parser.parse_args(["serve", *argv])


@pytest.mark.parametrize(("argv", "message"), [
    (["--status", "c-store=B123"], "--status: C-STORE answer 1: 0xB123 is not a status"),
    (["--status", "c-store"], "--status c-store: expected COMMAND=ANSWERS"),
    (["--status", "x-store=0000"], "unknown key 'x-store'"),
    (["--status", "c-store=A700/comment=x"], "'comment=x' is not key=value with a key of"),
    (["--status", "c-move=B000/completed=two"], "completed must be an integer, not 'two'"),
    (["--status", "c-store=0000", "--status", "C_STORE=A700"], "C-STORE is given twice"),
    (["--status", "n-set=0000"], "N-SET needs a service class"),
    (["--service", "print"], "service 'print' cannot be served"),
    (["--port", "-1"], "port must be an int in 0..65535, not -1"),
    (["--timeout", "0"], "timeout must be a number in 0.1..3600, not 0"),
    (["--ae-title", "TOO-LONG-AE-TITLE"], "AE title 'TOO-LONG-AE-TITLE' must be 1 to 16"),
    (["--script", "/nonexistent/script.toml"], "cannot read the script"),
])
def test_run_serve_refuses_bad_options_in_one_line(argv: list[str], message: str) -> None:
    with pytest.raises(ValueError) as info:
        run_serve(_args(*argv))
    assert message in str(info.value) and "\n" not in str(info.value)


def test_check_prints_what_would_be_served(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    path = tmp_path / "script.toml"
    path.write_text(SCRIPT_TOML, encoding="utf-8")
    assert run_serve(_args("--script", str(path), "--status",
                           "c-store=A700/error_comment=disk full,0000/delay=0.5", "--check")) == 0
    out = capsys.readouterr().out
    assert out.startswith("STATUS-SCP on 127.0.0.1:11112, timeout 30 s\n")
    assert "service: Procedure Step\n" in out
    # --status wins over the file's C-STORE; the file's C-MOVE stays.
    assert ("C-STORE: answer 1: (0xA700) Failure: Refused: Out of Resources; Error Comment "
            "'disk full'; answer 2: (0x0000) Success: Success; then cycle\n") in out
    assert "C-MOVE: answer 1: (0xFF00) Pending" in out
    assert "N-SET: answer 1: (0x0110) Failure" in out and "C-ECHO: Success (not scripted)" in out


def test_the_command_line_grammar() -> None:
    args = _args("--status", "c-find=FF01+FF00+C001/error_comment=bad/offending_element="
                 "(0010,0020)/offending_element=00100010,0000/pending=2",
                 "--status", "c-move=B000/completed=2/failed=1/warning=0", "--check")
    from dimse_status.cli.serve import _cli_script  # pyright: ignore[reportPrivateUsage]

    script = _cli_script(args.status, None)
    first = [s.status for s in script.answer("C-FIND", 1) if s.status is not None]
    assert [s.code for s in first] == [0xFF01, 0xFF00, 0xC001]
    assert first[-1].offending_element == (0x00100020, 0x00100010)
    assert [s.status.code for s in script.answer("C-FIND", 2) if s.status is not None] == [
        0xFF00, 0xFF00, 0]
    move = script.answer("C-MOVE", 1)[0].status
    assert move is not None and move.sub_operations == (None, 2, 1, 0)


def test_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_serve(_args("--schema")) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(SCHEMA_PATH.read_text("utf-8"))


def test_main_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["serve", "--status", "c-store=B123"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(
        "dimse-status: error: --status: C-STORE answer 1: 0xB123")


def _serve(*argv: str) -> tuple[subprocess.Popen[str], int]:
    """``python -m dimse_status serve`` on a free port; its port, read
    from the line it prints when it listens."""
    process = subprocess.Popen(
        [sys.executable, "-m", "dimse_status", "serve", "--port", "0", "--timeout", "5",
         *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    line = process.stderr.readline()
    match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if match is None:
        process.kill()
        pytest.fail(f"no listening line: {line!r} {process.communicate(timeout=TIMEOUT)}")
    return process, int(match.group(1))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_command_serves_logs_and_stops_on_a_signal(signum: int) -> None:
    process, port = _serve("--status", "c-echo=0122/error_comment=scripted", "--status",
                           "c-find=FF00+0000")
    try:
        assoc = associate(port, [Verification, FIND], called="STATUS-SCP")
        try:
            echo = _status(assoc.send_c_echo(), Command.C_ECHO)
            find = [rsp.Status for rsp, _ in assoc.send_c_find(_query(), FIND)]
        finally:
            assoc.release()
        process.send_signal(signum)
        _, err = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert (echo.code, echo.error_comment) == (0x0122, "scripted") and find == [0xFF00, 0]
    assert process.returncode == 0, err
    lines = err.splitlines()
    assert lines[-1] == "dimse-status serve: stopped"
    sent = [line for line in lines if ": sent (" in line]
    assert len(sent) == 3 and "C-ECHO #1: sent (0x0122) Failure" in sent[0]
    assert "Error Comment 'scripted'" in sent[0]


def test_the_command_refuses_a_bad_script_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[C-STORE]\nanswers = [{ status = "A700", completed = 3 }]\n',
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "dimse_status", "serve", "--script",
                             str(path)], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "bad.toml: C-STORE answer 1: Number of Completed Sub-operations (0000,1021) does not " \
           "travel with (0xA700)" in result.stderr


def test_dimse_status_serve_help_documents_it() -> None:
    from dimse_status.cli.app import build_parser

    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]  # pyright: ignore[reportPrivateUsage]
    assert "serve" in actions[0].choices
    result = subprocess.run([sys.executable, "-m", "dimse_status", "serve", "--help"],
                            capture_output=True, text=True, timeout=30, check=True)
    for text in ("--status COMMAND=ANSWERS", "--script FILE", "--service", "127.0.0.1",
                 "every third C-STORE fails"):
        assert text in result.stdout
    bad = subprocess.run([sys.executable, "-m", "dimse_status", "serve", "--status",
                          "c-store=B123"], capture_output=True, text=True, timeout=30,
                         check=False)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "0xB123" in bad.stderr


def test_the_docs_pytest_example_passes_under_pytest(tmp_path: Path) -> None:
    """The page's pytest example, run by pytest with the installed plugin."""
    page = (ROOT / "docs" / "testing-clients.md").read_text(encoding="utf-8")
    examples = [b for b in re.findall(r"^```python\n(.*?)^```", page, re.M | re.S)
                if "def test_" in b]
    assert examples
    (tmp_path / "test_example.py").write_text("\n\n".join(examples), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             str(tmp_path / "test_example.py")], capture_output=True, text=True,
                            timeout=120, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b[1-9]\d* passed\b", result.stdout), result.stdout


def test_the_docs_toml_example_is_a_valid_script(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "testing-clients.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```toml\n(.*?)^```", page, re.M | re.S)
    (tmp_path / "script.toml").write_text(block, encoding="utf-8")
    script = StatusScript.load(tmp_path / "script.toml")
    store = [script.answer(Command.C_STORE, n)[0].status for n in range(1, 6)]
    assert [None if s is None else s.code for s in store] == [0, 0xB007, None, 0, 0]
    assert script.service is Service.UNIFIED_PROCEDURE_STEP
