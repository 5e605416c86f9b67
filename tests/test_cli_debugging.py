"""The command line for debugging: explain in every context, check's exit
status, toolkit packs and names, the tables as CSV and JSON (with their
schema), and conformance tables."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dimse_status
from dimse_status import Command, Service, Status, StatusType, meanings
from dimse_status.cli import main
from dimse_status.cli.app import EXIT_STATUS
from dimse_status.cli.conformance import conformance_table
from dimse_status.names import NAMES, PACK_CODES, find_names, names_for, pack
from dimse_status.services import SERVICE_CONTEXTS


def _document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        files("dimse_status").joinpath("statuses.json").read_text(encoding="utf-8"))
    return data


def _member(row: dict[str, Any]) -> dimse_status.StatusEnum:
    module = dimse_status.services if row["context"] == "service" else dimse_status.statuses
    enum: type[dimse_status.StatusEnum] = getattr(module, row["enum"])
    return enum[row["member"]]


# --- explain without a command, and meanings() ------------------------------

@settings(max_examples=300, deadline=None)
@given(st.integers(0, 0xFFFF))
def test_meanings_lists_every_context_that_gives_the_code_a_meaning(code: int) -> None:
    found = meanings(code)
    assert found[0] == code and found[0].command is None and found[0].service is None
    listed = {(s.command, s.service) for s in found[1:]}
    for command in Command:
        assert (Status(code, command).member is not None) == ((command, None) in listed)
    for enum, (service, command) in SERVICE_CONTEXTS.items():
        assert (enum.lookup(code) is not None) == ((command, service) in listed)
    for status in found[1:]:
        assert status.member is not None and status.member.covers(code)


def test_explain_without_a_command_shows_the_service_meaning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "C603"]) == 0
    out = capsys.readouterr().out
    assert "N-ACTION in Print Management: Failure: Image size is larger" in out
    assert "C-STORE: Failure: Error: Cannot understand [CStoreStatus.CANNOT_UNDERSTAND]" in out
    assert main(["explain", "A7F3", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["command"] is None and document["member"] is None
    assert [(c["command"], c["member"], c["pattern"]) for c in document["contexts"]] == [
        ("C-STORE", "OUT_OF_RESOURCES", "A7xx")]


def test_explain_without_a_command_says_when_nothing_defines_the_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "9000"]) == 0
    assert "no command or service class defines 0x9000" in capsys.readouterr().out


def test_a_registered_status_is_a_meaning_in_its_registry() -> None:
    mine = dimse_status.StatusRegistry()
    mine.add(0xD123, "Warning", "vendor", command=Command.C_STORE)
    assert [s.description for s in meanings(0xD123, registry=mine)[1:]] == ["vendor"]
    assert meanings(0xD123)[1:] == ()


# --- check --------------------------------------------------------------------

@pytest.mark.parametrize(("code", "command", "kind"), [
    ("0000", "C-STORE", StatusType.SUCCESS), ("B007", "C-STORE", StatusType.WARNING),
    ("A7F3", "C-STORE", StatusType.FAILURE), ("FE00", "C-FIND", StatusType.CANCEL),
    ("FF01", "C-FIND", StatusType.PENDING), ("9000", "N-SET", StatusType.FAILURE),
])
def test_check_exits_with_the_status_type(
    code: str, command: str, kind: StatusType, capsys: pytest.CaptureFixture[str]
) -> None:
    status = Status(int(code, 16), Command.parse(command))
    assert status.type is kind
    assert main(["check", code, "--command", command]) == EXIT_STATUS[kind]
    assert capsys.readouterr().out == f"{status}\n"
    assert main(["check", code, "-c", command, "--quiet"]) == EXIT_STATUS[kind]
    assert capsys.readouterr().out == ""


def test_exit_statuses_are_distinct_and_clear_of_errors() -> None:
    assert sorted(EXIT_STATUS.values()) == [0, 3, 4, 5, 6]
    assert set(EXIT_STATUS) == set(StatusType)


def test_check_as_a_script_sees_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dimse_status", "check", "C211", "-c", "C-STORE", "-q",
         "--service", "STORAGE"],
        capture_output=True, text=True, timeout=60, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (4, "", "")


@pytest.mark.parametrize("argv", [
    ["explain", "C603"], ["check", "A700", "-c", "C-STORE"], ["names", "Pending"],
    ["table", "-f", "csv"], ["conformance", "-c", "C-FIND", "-s", "QR"],
])
def test_an_unwritable_standard_output_is_one_line(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "dimse_status", *argv], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "dimse-status: error: cannot write to standard output: No space left on device"]


# --- packs and names ---------------------------------------------------------------

@pytest.mark.parametrize("toolkit", sorted({row.toolkit for row in PACK_CODES}))
def test_a_pack_explains_every_code_of_its_toolkit(toolkit: str) -> None:
    registry = pack(toolkit)
    for row in PACK_CODES:
        if row.toolkit != toolkit:
            continue
        for name in row.commands:
            for code in (row.first, row.last):
                status = Status(code, Command[name], registry=registry)
                assert status.description == f"{row.description} ({toolkit})"
                assert status.type.value == row.type
    assert pack(toolkit.upper()).custom_statuses == registry.custom_statuses


def test_a_pack_changes_nothing_outside_it(capsys: pytest.CaptureFixture[str]) -> None:
    pack("pynetdicom")
    assert Status(0xC211, Command.C_STORE).description == "Error: Cannot understand"
    assert main(["explain", "C211", "-c", "C-STORE", "--pack", "pynetdicom"]) == 0
    assert capsys.readouterr().out.startswith(
        "(0xC211) Failure: Unhandled exception raised by the handler bound to evt.EVT_C_STORE")


def test_every_toolkit_name_is_found_by_its_own_spelling() -> None:
    for name in NAMES:
        assert name in find_names(name.name), name.name
    # Exact names first, then the names that contain the text.
    found = [n.name for n in find_names("OutOfResources")]
    assert found[0] == "Status.OutOfResources"
    assert "STATUS_STORE_Refused_OutOfResources" in found[1:]


def test_names_for_a_status_are_names_of_its_code_in_its_context() -> None:
    found = names_for(Status(0xA7F3, Command.C_STORE))
    assert {n.toolkit for n in found} == {"DCMTK", "dcm4che", "fo-dicom"}
    assert all(n.first <= 0xA7FF and n.last >= 0xA700 for n in found)
    assert names_for(Status(0xA7F3, Command.N_SET)) == ()


def test_names_cli_resolves_each_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["names", "STATUS_MOVE_Failed_MoveDestinationUnknown", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["member"] == "CMoveStatus.MOVE_DESTINATION_UNKNOWN" and entry["code"] == 0xA801
    with pytest.raises(ValueError, match="unknown toolkit 'dcm5che'"):
        pack("dcm5che")
    with pytest.raises(TypeError):
        find_names(0xA801)  # type: ignore[arg-type]


# --- the tables as data -------------------------------------------------------------

def test_the_shipped_json_is_valid_by_its_schema_and_carries_version_and_edition() -> None:
    schema = json.loads(files("dimse_status").joinpath("statuses.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    document = _document()
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    assert document["version"] == dimse_status.__version__
    assert document["edition"] == dimse_status.DICOM_EDITION


def test_the_schema_refuses_what_it_should() -> None:
    schema = json.loads(files("dimse_status").joinpath("statuses.schema.json").read_text())
    document = _document()
    document["statuses"][0] = {**document["statuses"][0], "type": "Fine"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def test_every_json_row_maps_back_to_its_member() -> None:
    rows = _document()["statuses"]
    members = [_member(row) for row in rows]
    assert len({(type(m), m) for m in members}) == len(rows)
    for row, member in zip(rows, members, strict=True):
        assert (member.value, member.codes[-1], member.mask) == (
            row["first"], row["last"], row["mask"])
        assert (member.type.value, member.description, member.section, member.verified) == (
            row["type"], row["description"], row["section"], row["verified"])
        assert member.pattern == row["pattern"]
        assert [dimse_status.base.format_tag(t) for t in member.related_attributes] == (
            row["related_attributes"])
        for alias in row["aliases"]:
            assert type(member)[alias] is member
    enums: list[type[dimse_status.StatusEnum]] = [
        dimse_status.GeneralStatus, *dimse_status.COMMAND_ENUMS.values(), *SERVICE_CONTEXTS]
    assert len(rows) == sum(len(enum) for enum in enums)


def test_the_cli_json_is_the_shipped_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == _document()


def test_every_csv_row_maps_back_to_its_member(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(_document()["statuses"])
    for row in rows:
        member = _member(row)
        assert (member.value, member.type.value, member.description) == (
            int(row["first"]), row["type"], row["description"])
        assert row["service"] == ("" if row["context"] != "service" else row["service"])


def test_a_service_table_has_its_own_statuses_then_its_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["table", "-s", "QR", "-c", "C-FIND", "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    contexts = [row["context"] for row in rows]
    assert contexts == sorted(contexts, key=lambda c: c != "service") and "command" in contexts
    assert {row["service"] for row in rows} == {"QUERY_RETRIEVE", ""}


# --- conformance ---------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["markdown", "html", "csv"])
@pytest.mark.parametrize("role", ["scu", "scp"])
def test_conformance_prints_the_table(
    fmt: str, role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["conformance", "-c", "N-ACTION", "-s", "UPS", "--role", role, "--format", fmt]
    assert main(argv) == 0
    expected = conformance_table(Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP,
                                 role, fmt)  # type: ignore[arg-type]
    assert capsys.readouterr().out == expected.rstrip("\r\n") + "\n"


# --- annotate -------------------------------------------------------------------------

LOGS = sorted((Path(__file__).resolve().parent / "fixtures" / "logs").glob("*.log"))


def _annotate(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "dimse_status", "annotate", *argv],
                          input=stdin, capture_output=True, timeout=60, check=False)


@pytest.mark.parametrize("log", LOGS, ids=lambda p: p.name)
def test_annotate_a_captured_log_from_a_file_and_from_stdin(log: Path) -> None:
    golden = log.with_suffix(".annotated").read_bytes()
    from_file = _annotate(str(log))
    assert (from_file.returncode, from_file.stderr) == (0, b"")
    assert from_file.stdout == golden
    assert _annotate(stdin=log.read_bytes()).stdout == golden


def test_annotate_passes_any_bytes_through_and_keeps_line_endings() -> None:
    log = b"Status : 0xA700\r\n\xff\xfe not UTF-8\nno status here\r"
    result = _annotate("--command", "C-STORE", stdin=log)
    assert result.returncode == 0
    assert result.stdout == (
        b"Status : 0xA700  [dimse-status C-STORE 0xA700 Failure: Refused: Out of Resources]"
        b"\r\n\xff\xfe not UTF-8\nno status here\r")


def test_annotate_with_a_pack() -> None:
    result = _annotate("--pack", "pynetdicom", "-c", "C-STORE", stdin=b"status=c211H\n")
    assert result.stdout.decode().endswith(
        "[dimse-status C-STORE 0xC211 Failure: Unhandled exception raised by the handler "
        "bound to evt.EVT_C_STORE (pynetdicom)]\n")


@pytest.mark.parametrize(("argv", "message"), [
    (["no-such.log"], "cannot read 'no-such.log': No such file or directory"),
    (["-c", "C-FOO"], "unknown DIMSE command 'C-FOO'"),
    (["--pack", "nobody"], "unknown toolkit 'nobody'"),
])
def test_annotate_bad_input_is_one_line_and_exit_2(argv: list[str], message: str) -> None:
    result = _annotate(*argv, stdin=b"")
    assert result.returncode == 2 and result.stdout == b""
    (line,) = result.stderr.decode().splitlines()
    assert message in line


def test_annotate_to_an_unwritable_output_is_one_line() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "dimse_status", "annotate", str(LOGS[0])], stdout=full,
            stderr=subprocess.PIPE, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "dimse-status: error: cannot write to standard output: No space left on device"]
