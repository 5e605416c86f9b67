"""DCMTK as the peer: ``dcmqrscp`` is the C-MOVE and C-GET SCP, and the
finals it sends for chosen sub-operation statuses must equal the tally's
answer; ``movescu`` and ``getscu`` drive the same retrieves from DCMTK's side.

DCMTK comes from Debian's ``dcmtk`` package: installed with apt-get when the
tools are missing, skipped (with the reason) only where apt is unavailable.
Every process binds 127.0.0.1 on a free port, every wait is bounded, and the
fixtures stop what they start.
"""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownParameterType=false
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false
# pyright: reportUnknownLambdaType=false

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from loopback import TIMEOUT, ae, alarm, associate, instance, peer, servers, tally_final
from pydicom import Dataset
from pydicom.uid import UID, CTImageStorage, generate_uid
from pynetdicom import build_role, evt

from dimse_status import CMoveStatus, Command, Status, StatusError, retrieve_outcome, status_handler

TOOLS = ("dcmqrscp", "movescu", "getscu")
MOVE = UID("1.2.840.10008.5.1.4.1.2.1.2")  # Patient Root Q/R Move
GET = UID("1.2.840.10008.5.1.4.1.2.1.3")
Verification = UID("1.2.840.10008.1.1")
THREE = "THREE"  # a patient with three instances
NOBODY = "NOBODY"  # a patient with none


def dcmtk(tool: str) -> str | None:
    """DCMTK's ``tool`` on PATH.  pynetdicom installs Python apps of the same
    names (movescu, getscu ...) in every venv it is installed in, which may be
    on PATH before DCMTK's (an activated venv): a script is passed over."""
    for directory in os.environ.get("PATH", os.defpath).split(os.pathsep):
        found = shutil.which(tool, path=directory) if directory else None
        if found is not None and not _is_script(found):
            return found
    return None


def _is_script(path: str) -> bool:
    with open(path, "rb") as file:
        return file.read(2) == b"#!"


def _ensure_dcmtk() -> None:
    if all(dcmtk(tool) for tool in TOOLS):
        return
    if shutil.which("apt-get") is None:
        pytest.skip("DCMTK's tools are missing and apt-get is unavailable to install them")
    sudo: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            pytest.skip("DCMTK's tools are missing and apt-get needs root (no sudo here)")
        sudo = ["sudo", "-n"]
    for command in ([*sudo, "apt-get", "update", "-qq"],
                    [*sudo, "apt-get", "install", "-y", "-qq", "dcmtk"]):
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        if result.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    assert all(dcmtk(tool) for tool in TOOLS), "apt-get installed dcmtk without its tools"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[str]) -> None:
    """Until dcmqrscp accepts an association (a bare TCP probe would end a
    single-process dcmqrscp)."""
    entity = ae()
    entity.add_requested_context(Verification)
    entity.acse_timeout = entity.network_timeout = 1
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"dcmqrscp exited with {process.returncode}")
        assoc = entity.associate("127.0.0.1", port, ae_title="QRSCP")
        if assoc.is_established:
            assoc.release()
            return
        time.sleep(0.1)
    pytest.fail(f"dcmqrscp did not accept an association on port {port} within {TIMEOUT} s")


class QRSCP:
    """A running dcmqrscp: its port, and the port of C-MOVE's STORE_SCP."""

    def __init__(self, port: int, store_port: int) -> None:
        self.port = port
        self.store_port = store_port


@pytest.fixture(scope="module")
def qrscp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QRSCP]:
    _ensure_dcmtk()
    root: Path = tmp_path_factory.mktemp("dcmqrscp")
    (root / "db").mkdir()
    port, store_port = _free_port(), _free_port()
    (root / "dcmqrscp.cfg").write_text(
        f"NetworkTCPPort = {port}\nMaxPDUSize = 16384\nMaxAssociations = 16\n"
        "HostTable BEGIN\n"
        f"store = (STORE_SCP, 127.0.0.1, {store_port})\n"
        "movescu = (MOVESCU, 127.0.0.1, 0)\n"
        "HostTable END\nVendorTable BEGIN\nVendorTable END\n"
        f"AETable BEGIN\nQRSCP {root / 'db'} RW (100, 1024mb) ANY\nAETable END\n",
        encoding="utf-8",
    )
    # dcmqrscp 3.6.7's --single-process crashes after its first association:
    # it forks a child per association, all in a process group of their own.
    log = (root / "dcmqrscp.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(dcmtk("dcmqrscp")), "-c", str(root / "dcmqrscp.cfg"), str(port)],
        cwd=root, stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        _wait_for(port, process)
        assoc = associate(port, [CTImageStorage], called="QRSCP")
        try:
            study, series = generate_uid(), generate_uid()
            for n in range(3):
                ds = instance(f"Three^{n}")
                ds.PatientID = THREE
                ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
                status = Status.from_dataset(assoc.send_c_store(ds), Command.C_STORE)
                assert status.is_success, status
        finally:
            assoc.release()
        yield QRSCP(port, store_port)
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # dcmqrscp and its children
        try:
            process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=TIMEOUT)
        log.close()


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    with alarm(60):
        yield


def _query(patient: str) -> Dataset:
    query = Dataset()
    query.QueryRetrieveLevel = "PATIENT"
    query.PatientID = patient
    return query




# The C-STORE status the sub-operation peer answers to each of the three
# instances (or no instance at all: the patient NOBODY).
CASES = [
    (),
    (0x0000, 0x0000, 0x0000),
    (0x0000, 0x0000, 0xA700),  # 2 completed + 1 failed: B000
    (0xA700, 0xC000, 0xA7F3),  # all failed: A702
    (0x0000, 0xB000, 0xB007),
    (0xB000, 0xB006, 0xB007),  # all warnings: B000
    (0x0000, 0xB123, 0xB123),  # Annex C Bxxx warnings
]


def _finals(final: Status[Any]) -> tuple[int, int | None, int | None, int | None]:
    sub = final.sub_operations
    return (final.code, sub.completed, sub.failed, sub.warning)


def _ids(codes: tuple[int, ...]) -> str:
    return "-".join(f"{c:04X}" for c in codes) or "none"


@pytest.mark.parametrize("codes", CASES, ids=_ids)
def test_dcmqrscp_c_move_final_equals_the_tally(qrscp: QRSCP, codes: tuple[int, ...]) -> None:
    with _store_scp(qrscp.store_port, codes):
        assoc = associate(qrscp.port, [MOVE], called="QRSCP")
        try:
            responses = [rsp for rsp, _ in assoc.send_c_move(
                _query(THREE if codes else NOBODY), "STORE_SCP", MOVE)]
        finally:
            assoc.release()
    final = Status.from_dataset(responses[-1], Command.C_MOVE)
    expected = tally_final(Command.C_MOVE, codes)
    assert _finals(final) == _finals(expected)
    assert retrieve_outcome(final) is retrieve_outcome(expected)


@pytest.mark.parametrize("codes", CASES, ids=_ids)
def test_dcmqrscp_c_get_final_equals_the_tally(qrscp: QRSCP, codes: tuple[int, ...]) -> None:
    assoc = associate(qrscp.port, [GET, CTImageStorage], called="QRSCP",
                      handlers=[(evt.EVT_C_STORE, peer(codes))],
                      roles=[build_role(CTImageStorage, scp_role=True)])
    try:
        responses = [rsp for rsp, _ in assoc.send_c_get(_query(THREE if codes else NOBODY), GET)]
    finally:
        assoc.release()
    final = Status.from_dataset(responses[-1], Command.C_GET)
    assert _finals(final) == _finals(tally_final(Command.C_GET, codes))


@contextmanager
def _store_scp(port: int, codes: tuple[int, ...]) -> Generator[None, None, None]:
    """A storage SCP on ``port`` (where dcmqrscp's HostTable sends C-MOVE's
    STORE_SCP) answering ``codes`` in turn; shut down on leaving."""
    entity = ae("STORE_SCP")
    entity.add_supported_context(CTImageStorage)
    server = entity.start_server(("127.0.0.1", port), block=False,
                                 evt_handlers=[(evt.EVT_C_STORE, peer(codes))])
    assert server is not None
    try:
        yield
    finally:
        server.shutdown()


@pytest.mark.parametrize(("tool", "codes"), [
    ("movescu", (0x0000, 0x0000, 0xA700)),
    ("getscu", (0x0000, 0x0000, 0x0000)),  # getscu stores everything it is sent
])
def test_movescu_and_getscu_report_dcmqrscps_final(
    qrscp: QRSCP, tool: str, codes: tuple[int, ...], tmp_path: Path
) -> None:
    """DCMTK's own SCUs against dcmqrscp; their debug log shows the final status."""
    expected = tally_final(Command.C_MOVE if tool == "movescu" else Command.C_GET, codes)
    args = [str(dcmtk(tool)), "-d", "-aet", "MOVESCU", "-aec", "QRSCP", "-P", "-k",
            "QueryRetrieveLevel=PATIENT", "-k", f"PatientID={THREE}", "-to", str(TIMEOUT),
            "-ta", str(TIMEOUT), "-td", str(TIMEOUT)]
    if tool == "movescu":
        args += ["-aem", "STORE_SCP"]
    else:
        args += ["-od", str(tmp_path)]
    with _store_scp(qrscp.store_port, codes):
        result = subprocess.run([*args, "127.0.0.1", str(qrscp.port)], capture_output=True,
                                text=True, timeout=30, check=False)
    log = result.stdout + result.stderr
    # (movescu exits non-zero after a Warning or Failure final: 68 for B000.)
    # -d dumps each response: "DIMSE Status : 0xb000: Warning: ..."; the last is the final.
    finals = re.findall(r"^D: DIMSE Status\s+: 0x([0-9a-f]{4})", log, re.M)
    assert finals and int(finals[-1], 16) == expected.code, log


# --- the toolkit's server under DCMTK's clients (issue 20, items 5 and 12) ----

def _scu(tool: str, port: int, *extra: str) -> str:
    """Run DCMTK's ``tool`` (-d) against a pynetdicom SCP on 127.0.0.1; its log."""
    _ensure_dcmtk()
    args = [str(dcmtk(tool)), "-d", "-aet", "SCU", "-aec", "ANY-SCP", "-P", "-k",
            "QueryRetrieveLevel=PATIENT", "-k", "PatientID=1", "-to", str(TIMEOUT),
            "-ta", str(TIMEOUT), "-td", str(TIMEOUT), *extra, "127.0.0.1", str(port)]
    result = subprocess.run(args, capture_output=True, text=True, timeout=30, check=False)
    return result.stdout + result.stderr


def test_movescu_reads_a801_raised_before_the_destination() -> None:
    """Item 5 on the wire: StatusError(MOVE_DESTINATION_UNKNOWN) raised before
    the destination is yielded reaches movescu as A801 (pynetdicom's C514 before)."""

    @status_handler
    def move(event: Any) -> Iterator[Any]:
        if event is not None:  # always: before the destination is yielded
            raise StatusError(CMoveStatus.MOVE_DESTINATION_UNKNOWN, "no such AE")
        yield None  # a generator handler

    with servers() as scp:
        port = scp([MOVE, CTImageStorage], [(evt.EVT_C_MOVE, move)])
        log = _scu("movescu", port, "-aem", "NOWHERE")
    finals = re.findall(r"^D: DIMSE Status\s+: 0x([0-9a-f]{4})", log, re.M)
    assert finals == ["a801"], log


def test_getscu_reads_a_failed_sub_operation_in_the_final(tmp_path: Path) -> None:
    """Item 12 on the wire, as pynetdicom's C-GET SCP sends it: a handler
    wrapped by status_handler yields two instances, getscu cannot take the
    second (a SOP Class it did not propose): the final is B000, completed 1,
    failed 1, with an identifier (the Failed SOP Instance UID List, which
    pynetdicom writes from its own bookkeeping: checked with a pynetdicom
    client); the tally's answer for the same sub-operations is the same."""
    good, bad = instance("Good"), instance("Bad")
    bad.SOPClassUID = UID("1.2.826.0.1.3680043.8.498.999")  # no client proposes it

    @status_handler
    def get(event: Any) -> Iterator[Any]:
        yield 2
        yield 0xFF00, good
        yield 0xFF00, bad

    with servers() as scp:
        port = scp([GET, CTImageStorage], [(evt.EVT_C_GET, get)])
        log = _scu("getscu", port, "-od", str(tmp_path))
        assoc = associate(port, [GET, CTImageStorage],
                          roles=[build_role(CTImageStorage, scp_role=True)],
                          handlers=[(evt.EVT_C_STORE, lambda event: 0x0000)])
        try:
            final, identifier = list(assoc.send_c_get(_query("1"), GET))[-1]
        finally:
            assoc.release()
    expected = tally_final(Command.C_GET, (0x0000, 0xA700))
    # getscu's last response: its counts, "Data Set : present", its status
    last = log[log.rindex("C-GET RSP"):]
    assert re.search(r"Completed Suboperations\s+: 1\n.*Failed Suboperations\s+: 1\n", last,
                     re.S), log
    assert re.search(r"Data Set\s+: present", last), log
    assert re.search(rf"DIMSE Status\s+: 0x{expected.code:04x}:", last), log
    status = Status.from_dataset(final, Command.C_GET)
    assert status.code == expected.code == 0xB000
    assert (status.sub_operations.completed, status.sub_operations.failed) == (1, 1)
    assert identifier is not None
    assert identifier.FailedSOPInstanceUIDList == bad.SOPInstanceUID  # one UID: a str
