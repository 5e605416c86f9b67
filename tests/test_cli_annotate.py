"""``dimse-status annotate`` at its first real use (issue 21): a live log
through a pipe, hostile lines, bad arguments."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_dcmtk import dcmtk

from dimse_status.base import _SHOWN_LIMIT  # pyright: ignore[reportPrivateUsage]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    return env


def _dimse_status(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "dimse_status", *argv], input=stdin,
                          capture_output=True, timeout=60, check=False, env=_env())


def _error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    assert result.returncode == 2 and result.stdout == b"", result
    (line,) = result.stderr.decode().splitlines()
    return line


def test_a_live_log_through_a_pipe_comes_out_line_by_line() -> None:
    """A slow producer (this test, writing to a real pipe) and a reader of
    another: each annotated line arrives within a second of its line,
    while the input stays open (no PYTHONUNBUFFERED)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "dimse_status", "annotate"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert child.stdin is not None and child.stdout is not None
    lines: queue.Queue[bytes] = queue.Queue()

    def read() -> None:
        for line in iter(child.stdout.readline, b""):  # type: ignore[union-attr]
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    out = b""
    try:
        log = [b"I: Sending Store Request: MsgID 1\n",
               b"D: Status : 0xA700\n",
               b"D: another line\r\n",
               b"I: Received Echo Response (Status: 0x0000 - Success)\n"]
        for i, line in enumerate(log):
            child.stdin.write(line)
            child.stdin.flush()
            out = lines.get(timeout=30 if i == 0 else 1)  # the first waits for start-up
            assert out.startswith(line.rstrip(b"\r\n"))
            time.sleep(0.2)
        assert lines.empty()
        child.stdin.close()
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        reader.join(timeout=30)
    assert out.endswith(b"[dimse-status C-ECHO 0x0000 Success: Success]\n")


def test_a_regular_file_still_gets_every_byte(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    log = b"Status: 0xA700\r" * 50_000 + b"\xff no end"
    target = tmp_path / "out.log"
    with target.open("wb") as out:
        result = subprocess.run([sys.executable, "-m", "dimse_status", "annotate", "-c",
                                 "C-STORE"], input=log, stdout=out, timeout=60, check=False)
    assert result.returncode == 0
    assert target.read_bytes() == log.replace(
        b"\r", b"  [dimse-status C-STORE 0xA700 Failure: Refused: Out of Resources]\r")


@pytest.mark.parametrize("argv", [
    ["annotate", "--pack", "x" * 100_000],
    ["explain", "A700", "--pack", "x" * 100_000],
    ["explain", "A700", "-c", "C-" + "x" * 100_000],
    ["explain", "A700", "-c", "C-STORE", "-s", "x" * 100_000],
    ["names", "x" * 100_000],
    ["annotate", "/nonexistent/" + "x" * 100_000],
])
def test_an_error_line_quotes_at_most_80_characters_of_its_argument(argv: list[str]) -> None:
    line = _error_line(_dimse_status(*argv))
    assert "x" * _SHOWN_LIMIT not in line, line[:300]
    assert "characters)" in line


def test_conformance_table_quotes_a_bad_argument_shortly() -> None:
    from dimse_status import Command
    from dimse_status.cli.conformance import conformance_table

    for kwargs in [{"role": "r" * 100_000}, {"fmt": "f" * 100_000}]:
        with pytest.raises(ValueError, match=r"\(100002 characters\)") as raised:
            conformance_table(Command.C_STORE, **kwargs)  # type: ignore[arg-type]
        assert len(str(raised.value)) < 300


@pytest.mark.parametrize("toolkit", ["dcm4che", "fo-dicom"])
@pytest.mark.parametrize("action", [["annotate"], ["explain", "C210"], ["check", "C210", "-c",
                                                                         "C-STORE"]])
def test_a_pack_of_a_toolkit_without_one_is_refused(action: list[str], toolkit: str) -> None:
    line = _error_line(_dimse_status(*action, "--pack", toolkit))
    assert line.endswith(f"error: {toolkit} has no pack: it sends no codes of its own "
                         "(packs: pynetdicom, DCMTK)")


def test_annotate_refuses_a_service_that_does_not_use_the_command() -> None:
    line = _error_line(_dimse_status("annotate", "-c", "C-STORE", "-s", "UPS",
                                     stdin=b"Status: 0xC310\n"))
    assert line == ("dimse-status: error: the Unified Procedure Step service class uses "
                    "N-CREATE, N-SET, N-GET, N-ACTION, N-EVENT-REPORT, C-FIND, not C-STORE")
    explain = _error_line(_dimse_status("explain", "C310", "-c", "C-STORE", "-s", "UPS"))
    assert explain == line


def test_annotate_reads_an_n_action_in_its_sop_classes_service() -> None:
    log = (b"I: Sending N-ACTION Request\n"
           b"D: Requested SOP Class UID : UnifiedProcedureStepPushSOPClass\n"
           b"D: DIMSE Status : 0xc310\n")
    result = _dimse_status("annotate", stdin=log)
    assert result.returncode == 0
    assert result.stdout.endswith(b"0xc310  [dimse-status N-ACTION UNIFIED_PROCEDURE_STEP "
                                  b"0xC310 Failure: Failed: The UPS is not yet in the IN "
                                  b"PROGRESS state]\n")


def test_the_sop_class_table_is_pydicoms_and_dcmtks() -> None:
    """Each UID has its PS3.6 name (pydicom's dictionary), and DCMTK's name
    for it (dcmdata/dcuid.h, when Debian's libdcmtk-dev is installed) and
    pynetdicom's find the same service class."""
    import re
    from pathlib import Path

    from pydicom.uid import UID

    from dimse_status.cli.sopclasses import SOP_CLASSES, service_of

    header = Path("/usr/include/dcmtk/dcmdata/dcuid.h")
    dcmtk = {}
    if header.exists():
        dcmtk = {uid: name for name, uid in re.findall(
            r'^#define UID_(\w+)\s+"([0-9.]+)"', header.read_text(encoding="latin-1"), re.M)}
    for uid, name, service in SOP_CLASSES:
        assert UID(uid).name == name, uid
        assert service_of(uid) is service_of(name) is service_of(f" ={name} ") is service
        if dcmtk:
            assert service_of(dcmtk[uid]) is service, (uid, dcmtk[uid])
    assert service_of("1.2.840.10008.5.1.4.1.1.2") is service_of("CT Image Storage") is None


def test_names_finds_dcmtks_verbose_text() -> None:
    result = _dimse_status("names", "Refused: OutOfResources")
    assert result.returncode == 0
    assert result.stdout.decode().splitlines()[:2] == [
        "DCMTK Refused: OutOfResources: 0xA700 C-STORE: CStoreStatus.OUT_OF_RESOURCES "
        "(Failure: Refused: Out of Resources)",
        "DCMTK Refused: OutOfResources: 0xA700 C-FIND: CFindStatus.OUT_OF_RESOURCES "
        "(Failure: Refused: Out of Resources)"]


@pytest.mark.skipif(dcmtk("storescp") is None or dcmtk("storescu") is None,
                    reason="DCMTK is not installed (Debian: apt-get install dcmtk)")
def test_a_live_storescp_log_is_annotated_while_it_runs(tmp_path: Path) -> None:
    """``storescp -ll trace PORT 2>&1 | dimse-status annotate``, as
    docs/debugging.md shows it: the Status of the C-STORE response storescp
    sends (its trace dump's (0000,0900) line: storescp logs none at -d)
    comes out annotated while storescp still runs (stopped by the test, and
    by timeout(1) anyway)."""
    import socket

    from loopback import instance

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    path = tmp_path / "ct.dcm"
    instance().save_as(path, enforce_file_format=True)
    server = subprocess.Popen(
        ["timeout", "60", str(dcmtk("storescp")), "-ll", "trace", "--ignore", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    assert server.stdout is not None
    annotate = subprocess.Popen([sys.executable, "-m", "dimse_status", "annotate"],
                                stdin=server.stdout, stdout=subprocess.PIPE, env=_env())
    server.stdout.close()  # annotate holds the pipe now
    output = annotate.stdout
    assert output is not None
    lines: queue.Queue[bytes] = queue.Queue()

    def read() -> None:
        for line in iter(output.readline, b""):
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 20  # storescp may not listen yet: retry, bounded
        while True:
            sent = subprocess.run([str(dcmtk("storescu")), "127.0.0.1", str(port), str(path)],
                                  capture_output=True, timeout=30, check=False)
            if sent.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert sent.returncode == 0, sent.stderr
        deadline = time.monotonic() + 10
        found = b""
        while not found and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line.startswith(b"T: (0000,0900) US "):
                found = line
        assert server.poll() is None  # storescp still runs
        assert found.rstrip().endswith(b"[dimse-status C-STORE 0x0000 Success: Success]"), found
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
        annotate.wait(timeout=30)
        reader.join(timeout=30)
