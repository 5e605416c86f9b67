"""The command line: explain, table, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dimse_status.cli import main, parse_code


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
        "member": "OUT_OF_RESOURCES",
        "related_attributes": ["(0000,0902)"],
    }


def test_explain_json_unknown_without_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "1234", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["command"], out["member"], out["type"]) == (None, None, "Failure")


def test_explain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "0xC001", "-c", "c_find"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "(0xC001) Failure: Failed: Unable to process"
    assert "CFindStatus.UNABLE_TO_PROCESS (Cxxx, covers 0xC000-0xCFFF)" in out
    assert "(0000,0902) Error Comment" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_table_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "--command", "C-MOVE", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "MOVE_DESTINATION_UNKNOWN" in out
    assert "CStoreStatus" not in out
    if fmt == "json":
        rows = json.loads(out)
        assert {r["enum"] for r in rows} == {"CMoveStatus"}
        assert next(r for r in rows if r["pattern"] == "Cxxx")["code"] == 0xC000


def test_table_of_everything(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["table", "--format", "json"]) == 0
    enums = {r["enum"] for r in json.loads(capsys.readouterr().out)}
    assert len(enums) == 12


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["explain", "ZZZZ"], "'ZZZZ' is not a 16-bit hexadecimal status code"),
        (["explain", "12345"], "'12345'"),
        (["explain", "0000", "--command", "C-FOO"], "unknown DIMSE command 'C-FOO'"),
        (["table", "--command", "X"], "unknown DIMSE command 'X'"),
        (["table", "--format", "html"], "invalid choice: 'html'"),
        (["frobnicate"], "invalid choice"),
        ([], "required"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dimse_status", *argv],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr
