"""DCMTK's SCUs against the status test server: ``echoscu``, ``storescu``,
``findscu``, ``movescu`` and ``getscu`` (Debian's ``dcmtk``, installed by
the suite when missing) get the scripted statuses; their exit codes and the
statuses their ``-d`` output shows are asserted, and the server's record.

Exit codes are DCMTK 3.6's: ``storescu`` fails (non-zero) on a Failure,
``movescu`` exits 68 after a Warning final; ``echoscu``, ``findscu`` and
``getscu`` exit 0 whatever status they received (they only log it), and
``echoscu`` even when the association is aborted.
"""

from __future__ import annotations

import logging
import re
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from loopback import TIMEOUT, alarm
from pydicom import Dataset, FileMetaDataset
from pydicom.uid import CTImageStorage, ImplicitVRLittleEndian, generate_uid
from test_dcmtk import _ensure_dcmtk, dcmtk  # pyright: ignore[reportPrivateUsage]

from dimse_status import Command, StatusServer, status_server


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    with alarm(60):
        yield


@pytest.fixture(scope="module", autouse=True)
def tools() -> None:
    _ensure_dcmtk()
    for tool in ("echoscu", "storescu", "findscu"):
        assert dcmtk(tool), f"DCMTK's {tool} is missing"


def run_tool(tool: str, server: StatusServer | tuple[str, int], *args: str,
         files: tuple[str, ...] = ()) -> tuple[int, str]:
    """Run DCMTK's ``tool`` with ``-d`` against ``server`` (or a STATUS-SCP
    at this address; ``files`` after the peer and port): its exit code and log."""
    host, port = server.address if isinstance(server, StatusServer) else server
    called = server.ae_title if isinstance(server, StatusServer) else "STATUS-SCP"
    timeouts = ["-to", str(TIMEOUT), "-ta", str(TIMEOUT), "-td", str(TIMEOUT)]
    result = subprocess.run(
        [str(dcmtk(tool)), "-d", "-aet", tool.upper(), "-aec", called, *timeouts,
         *args, host, str(port), *files],
        capture_output=True, text=True, timeout=30, check=False)
    return result.returncode, result.stdout + result.stderr


def statuses_in(log: str) -> list[int]:
    """The statuses of the responses in a DCMTK ``-d`` log, in order."""
    return [int(code, 16) for code in re.findall(r"^D: DIMSE Status\s+: 0x([0-9a-f]{4})", log,
                                                 re.M)]


def comments_in(log: str) -> list[str]:
    return [c.strip() for c in re.findall(r"\(0000,0902\) LO \[(.*?)\]", log)]


def counts_in(log: str) -> list[tuple[str, ...]]:
    """(remaining, completed, failed, warning) of each C-GET/C-MOVE response."""
    return re.findall(r"^D: Remaining Suboperations\s+: (\S+)\n"
                      r"D: Completed Suboperations\s+: (\S+)\n"
                      r"D: Failed Suboperations\s+: (\S+)\n"
                      r"D: Warning Suboperations\s+: (\S+)", log, re.M)


QUERY = ["-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=PAT-1"]


def test_echoscu() -> None:
    with status_server({"C-ECHO": ["0000", {"status": "0122", "error_comment": "refused"},
                                   "abort"]}) as server:
        ok, log_ok = run_tool("echoscu", server)
        refused, log_refused = run_tool("echoscu", server)
        aborted, log_aborted = run_tool("echoscu", server)
        received = server.received
    assert ok == 0 and "Received Echo Response (Success)" in log_ok
    assert refused == 0 and "Received Echo Response (Unknown Status: 0x122)" in log_refused
    assert comments_in(log_refused) == ["refused"]
    assert aborted == 0 and "Received Echo Response" not in log_aborted
    assert "Peer Aborted Association" in log_aborted
    assert [(e.calling_ae_title, e.aborted) for e in received] == [
        ("ECHOSCU", False), ("ECHOSCU", False), ("ECHOSCU", True)]


@pytest.fixture
def ct_file(tmp_path: Path) -> Path:
    return write_ct(tmp_path / "ct.dcm")


def write_ct(path: Path) -> Path:
    """A CT instance of patient PAT-1, as a DICOM file at ``path``."""
    ds = Dataset()
    ds.SOPClassUID, ds.SOPInstanceUID = CTImageStorage, generate_uid()
    ds.PatientID, ds.PatientName = "PAT-1", "Test^Patient"
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.save_as(path, enforce_file_format=True)
    return path


def test_storescu(ct_file: Path) -> None:
    script = {"C-STORE": ["0000", "B007", {"status": "A7F3", "error_comment": "disk full",
                                           "offending_element": "(7FE0,0010)"}]}
    with status_server(script) as server:
        results = [run_tool("storescu", server, files=(str(ct_file),)) for _ in range(3)]
        received = server.received
    assert [rc == 0 for rc, _ in results] == [True, True, False]
    assert [statuses_in(log) for _, log in results] == [[0x0000], [0xB007], [0xA7F3]]
    assert comments_in(results[2][1]) == ["disk full"]
    assert "(0000,0901) AT (7fe0,0010)" in results[2][1]
    assert {e.dataset().PatientID for e in received} == {"PAT-1"}


def test_findscu() -> None:
    script = {"C-FIND": [["FF01", "FF00", {"status": "C001", "error_comment": "bad query"}],
                         {"status": "0000", "pending": 3}]}
    with status_server(script) as server:
        first, log_first = run_tool("findscu", server, *QUERY)
        second, log_second = run_tool("findscu", server, *QUERY)
        received = server.received
    assert (first, second) == (0, 0)
    assert statuses_in(log_first) == [0xFF01, 0xFF00, 0xC001]
    assert comments_in(log_first) == ["bad query"]
    assert statuses_in(log_second) == [0xFF00] * 3 + [0x0000]
    assert "Received Find Response 3" in log_second and "Received Final Find Response" in log_second
    assert [e.dataset().PatientID for e in received] == ["PAT-1", "PAT-1"]


def test_movescu() -> None:
    script = {"C-MOVE": [[
        {"status": "FF00", "remaining": 1, "completed": 1, "failed": 0, "warning": 0},
        {"status": "B000", "completed": 2, "failed": 1, "warning": 0},
    ], {"status": "A801", "error_comment": "unknown destination"}]}
    with status_server(script) as server:
        warned, log_warned = run_tool("movescu", server, "-aem", "STORE_SCP", *QUERY)
        failed, log_failed = run_tool("movescu", server, "-aem", "NOWHERE", *QUERY)
        received = server.received
    assert warned == 68  # DCMTK: a Warning final
    assert statuses_in(log_warned) == [0xFF00, 0xB000]
    assert counts_in(log_warned) == [("1", "1", "0", "0"), ("none", "2", "1", "0")]
    assert failed != 0 and statuses_in(log_failed) == [0xA801]
    assert comments_in(log_failed) == ["unknown destination"]
    assert [(e.command, e.move_destination) for e in received] == [
        (Command.C_MOVE, "STORE_SCP"), (Command.C_MOVE, "NOWHERE")]


def test_getscu(tmp_path: Path) -> None:
    script = {"C-GET": [
        {"status": "A702", "completed": 0, "failed": 3, "warning": 0, "pending": 2},
        {"status": "0000", "completed": 0, "failed": 0, "warning": 0},
    ]}
    with status_server(script) as server:
        failed, log_failed = run_tool("getscu", server, "-od", str(tmp_path), *QUERY)
        done, log_done = run_tool("getscu", server, "-od", str(tmp_path), *QUERY)
    assert (failed, done) == (0, 0)
    assert statuses_in(log_failed) == [0xFF00, 0xFF00, 0xA702]
    assert counts_in(log_failed) == [("1", "1", "0", "0"), ("0", "2", "0", "0"),
                                   ("none", "0", "3", "0")]
    assert statuses_in(log_done) == [0x0000]


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def test_a_client_that_gives_up_during_a_delay(ct_file: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    """Issue 24 item 1: storescu gives up (-td 1) while the answer waits its
    3 s delay: the server records the peer's abort, sends nothing, and its
    slot is free at once (item 2: the next client is served)."""
    caplog.set_level(logging.DEBUG, logger="dimse_status.serve")
    script = {"C-STORE": [{"status": "0000", "delay": 3}, "0000"]}
    with status_server(script, max_associations=1) as server:
        start = time.monotonic()
        result = subprocess.run(
            [str(dcmtk("storescu")), "-aec", server.ae_title, "-td", "1", "-ta", "5",
             server.host, str(server.port), str(ct_file)],
            capture_output=True, text=True, timeout=30, check=False)
        assert result.returncode != 0
        assert _wait_for(lambda: bool(server.received) and server.received[0].aborted, 1.5)
        assert time.monotonic() - start < 3
        exchange = server.received[0]
        assert exchange.responses == ()
        code, log = run_tool("storescu", server, files=(str(ct_file),))
        assert code == 0 and statuses_in(log) == [0x0000], log
    lines = [r.getMessage() for r in caplog.records if r.name == "dimse_status.serve"]
    assert not any("C-STORE #1: sent" in line for line in lines), lines
    assert any("C-STORE #1: the association ended before the answer was finished "
               "(aborted by the peer); 0 response(s) sent" in line for line in lines), lines
    assert any(line.endswith("association aborted by the peer") for line in lines), lines


def test_a_c_cancel_during_a_delay_is_answered_at_once() -> None:
    """Issue 24 item 3: FE00 Cancel goes out when the C-CANCEL arrives, not when the delay ends."""
    from loopback import associate
    from pydicom.uid import UID

    find = UID("1.2.840.10008.5.1.4.1.2.1.1")
    query = Dataset()
    query.QueryRetrieveLevel, query.PatientID = "PATIENT", "1"
    with status_server({"C-FIND": {"status": "0000", "pending": 3, "delay": 4}}) as server:
        assoc = associate(server.port, [find])
        context = assoc.accepted_contexts[0].context_id
        threading.Timer(0.3, assoc.send_c_cancel, (1, context)).start()
        start = time.monotonic()
        statuses = [int(status.Status) for status, _ in assoc.send_c_find(query, find, msg_id=1)]
        waited = time.monotonic() - start
        assoc.release()
    assert statuses == [0xFE00] and waited < 2, (statuses, waited)
    assert server.received[0].cancelled


def test_counts_the_standard_requires_are_filled_in(tmp_path: Path) -> None:
    """Issue 24 item 8: a final C-MOVE after a Pending run carries the counts
    (PS3.4 C.4.2.3.1), completed = the Pending responses sent; a hand-written
    FF00 of a C-GET carries all four (remaining: the Pending still to come)."""
    script = {"C-MOVE": {"status": "0000", "pending": 3},
              "C-GET": [["FF00", "FF00", {"status": "B000", "failed": 1}]]}
    with status_server(script) as server:
        moved, log_moved = run_tool("movescu", server, "-aem", "STORE_SCP", *QUERY)
        got, log_got = run_tool("getscu", server, "-od", str(tmp_path), *QUERY)
    assert moved == 0 and statuses_in(log_moved) == [0xFF00] * 3 + [0x0000], log_moved
    assert counts_in(log_moved) == [("2", "1", "0", "0"), ("1", "2", "0", "0"),
                                    ("0", "3", "0", "0"), ("none", "3", "0", "0")], log_moved
    assert got == 0 and statuses_in(log_got) == [0xFF00, 0xFF00, 0xB000], log_got
    assert counts_in(log_got) == [("1", "1", "0", "0"), ("0", "2", "0", "0"),
                                  ("none", "2", "1", "0")], log_got
