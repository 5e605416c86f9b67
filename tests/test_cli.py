"""The command line: explain, table, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dimse_status import COMMAND_ENUMS, CStoreStatus, Service, __version__
from dimse_status.base import parse_code
from dimse_status.cli import main


@pytest.mark.parametrize("text", ["A7F3", "0xA7F3", "a7f3", "A7F3H", "0XA7F3", "a7f3h"])
def test_code_spellings(text: str) -> None:
    assert parse_code(text) == 0xA7F3


@pytest.mark.parametrize("text", ["", "G000", "12345", "0x", "0xA7F3H", "-1", "A7 F3"])
def test_bad_code_spellings(text: str) -> None:
    with pytest.raises(ValueError, match="16-bit hexadecimal"):
        parse_code(text)


def test_explain_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "A7F3", "--command", "C-STORE", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "code": 0xA7F3,
        "hex": "0xA7F3",
        "type": "Failure",
        "description": "Refused: Out of Resources",
        "command": "C-STORE",
        "service": None,
        "member": "OUT_OF_RESOURCES",
        "enum": "CStoreStatus",
        "pattern": "A7xx",
        "section": "PS3.4 B.2.3",
        "verified": CStoreStatus.OUT_OF_RESOURCES.verified,
        "related_attributes": ["(0000,0902)"],
        "is_standard": True,
        "names": [{"toolkit": "DCMTK", "name": "STATUS_STORE_Refused_OutOfResources"},
                  {"toolkit": "dcm4che", "name": "Status.OutOfResources"},
                  {"toolkit": "fo-dicom", "name": "DicomStatus.StorageStorageOutOfResources"}],
    }


def test_explain_json_unknown_without_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "1234", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["command"], out["member"], out["type"]) == (None, None, "Failure")
    assert out["is_standard"] is False and "no Annex C class" in out["description"]


def test_explain_text_says_when_annex_c_gives_no_class(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "0x9000"]) == 0
    assert "none in PS3.7 Annex C" in capsys.readouterr().out
    assert main(["explain", "0x0107", "-c", "N-SET"]) == 0
    out = capsys.readouterr().out
    assert "Annex C" not in out and "checked: PS3.7 2025b page C.4.2" in out


def test_version_shows_the_package_and_the_edition(capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status import DICOM_EDITION, __version__

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"dimse-status {__version__} (DICOM {DICOM_EDITION})"


def test_json_table_carries_the_edition_and_the_verification(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["table", "--command", "C-FIND", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["edition"] == "2025b" and document["version"] == __version__
    rows = document["statuses"]
    b001 = [row for row in rows if row["verified"].startswith("NOT VERIFIED")]
    assert all(row["verified"] for row in rows) and b001 == []  # none among the commands'
    assert main(["table", "--service", "QR", "-c", "C-FIND", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["statuses"]
    assert [r["member"] for r in rows if r["verified"].startswith("NOT VERIFIED")] == [
        "RESPONSE_LIMIT_REACHED"]


def test_explain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "0xC001", "-c", "c_find"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "(0xC001) Failure: Failed: Unable to process"
    assert "CFindStatus.UNABLE_TO_PROCESS (Cxxx, covers 0xC000-0xCFFF)" in out
    assert "(0000,0902) Error Comment" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
def test_table_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "--command", "C-MOVE", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "MOVE_DESTINATION_UNKNOWN" in out
    assert "CStoreStatus" not in out
    if fmt == "json":
        rows = json.loads(out)["statuses"]
        assert {r["enum"] for r in rows} == {"CMoveStatus"}
        cxxx = next(r for r in rows if r["pattern"] == "Cxxx")
        assert (cxxx["first"], cxxx["last"], cxxx["mask"]) == (0xC000, 0xCFFF, 0xF000)


def test_table_of_everything(capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status.services import SERVICE_CONTEXTS

    assert main(["table", "--format", "json"]) == 0
    enums = {r["enum"] for r in json.loads(capsys.readouterr().out)["statuses"]}
    assert enums == {"GeneralStatus", *(e.__name__ for e in COMMAND_ENUMS.values()),
                     *(e.__name__ for e in SERVICE_CONTEXTS)}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["explain", "ZZZZ"], "'ZZZZ' is not a 16-bit hexadecimal status code"),
        (["explain", "12345"], "'12345'"),
        (["explain", "0000", "--command", "C-FOO"], "unknown DIMSE command 'C-FOO'"),
        (["table", "--command", "X"], "unknown DIMSE command 'X'"),
        (["table", "--format", "html"], "invalid choice: 'html'"),
        (["frobnicate"], "invalid choice"),
        ([], "a command is required"),
        (["check", "A700"], "check needs --command"),
        (["check", "A700", "-c", "C-STORE", "--pack", "nobody"], "unknown toolkit 'nobody'"),
        (["explain", "A700", "-c", "C-STORE", "-s", "UPS"], "not C-STORE"),
        (["names", "NoSuchNameAnywhere"], "no toolkit name matches 'NoSuchNameAnywhere'"),
        (["conformance"], "conformance needs --command"),
        (["conformance", "-c", "C-STORE", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["table", "--services", "--format", "csv"], "--services has no csv format"),
        (["explain", "A" * 100_000], "... (100002 characters)"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dimse_status", *argv],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    # Bare ``dimse-status`` also prints its usage (on stdout); nothing else does.
    assert result.stdout == "" if argv else result.stdout.startswith("usage: dimse-status")
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_explain_with_service_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "C310", "-c", "N-ACTION", "--service", "UPS", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["member"] == "NOT_YET_IN_PROGRESS"
    assert out["service"] == "UNIFIED_PROCEDURE_STEP"
    assert out["type"] == "Failure"
    assert main(["explain", "C310", "-c", "N-ACTION", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["member"] is None and out["service"] is None


def test_explain_with_service_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "0110", "-c", "n-set", "-s", "mpps"]) == 0
    out = capsys.readouterr().out
    assert "may no longer be updated" in out
    assert "service: PROCEDURE_STEP (Procedure Step, PS3.4 Annex F)" in out
    assert "ProcedureStepNSetStatus.MAY_NO_LONGER_BE_UPDATED" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["explain", "C310", "-s", "nope", "-c", "N-ACTION"], "unknown service class 'nope'"),
    (["explain", "C310", "-s", "UPS"], "--service needs --command"),
    (["table", "-s", "nope"], "unknown service class 'nope'"),
    (["table", "--services", "-s", "UPS"], "--services lists every service"),
])
def test_bad_service_input(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_table_of_a_service(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "--service", "UPS", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["statuses"]
    enums = {row["enum"] for row in rows}
    assert {"UPSNActionStatus", "UPSNSetStatus", "CFindStatus"} <= enums
    # The service's own statuses, then those of the commands it uses.
    assert {row["service"] for row in rows} == {"UNIFIED_PROCEDURE_STEP", None}
    ups = Service.UNIFIED_PROCEDURE_STEP
    assert {r["enum"] for r in rows if r["service"] is None} == {
        e.__name__ for c, e in COMMAND_ENUMS.items() if c in ups.commands}
    c310 = [r for r in rows if r["enum"] == "UPSNActionStatus" and r["pattern"] == "C310"]
    assert c310[0]["member"] == "NOT_YET_IN_PROGRESS"
    assert main(["table", "-s", "print", "-c", "N-CREATE"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("N-CREATE (PrintNCreateStatus)") and "B605" in out


def test_table_lists_every_service(capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status import Service

    assert main(["table", "--services", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["service"] for r in rows] == [s.name for s in Service]
    ups = next(r for r in rows if r["service"] == "UNIFIED_PROCEDURE_STEP")
    assert ups["aliases"] == ["UPS"] and "UPSNActionStatus" in ups["enums"]
    assert main(["table", "--services", "--format", "markdown"]) == 0
    assert "| UNIFIED_PROCEDURE_STEP | Unified Procedure Step |" in capsys.readouterr().out
