"""dimse_status.association against real peers on 127.0.0.1: pynetdicom SCPs
that reject or abort by themselves, a raw peer that sends the bytes of
PS3.8 9.3.4 and 9.3.8 (reserved values included), and DCMTK's dcmqrscp.
Every wait is bounded; every server stops by itself."""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownArgumentType=false
# pyright: reportUnknownVariableType=false, reportUnknownLambdaType=false

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Generator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from loopback import TIMEOUT, ae
from pydicom.uid import UID
from test_dcmtk import dcmtk

from dimse_status.association import (
    Abort,
    AbortSource,
    ContextResult,
    OutcomeRecorder,
    Rejection,
    RejectPresentationReason,
    RejectUserReason,
    context_results,
    rejection_of,
)

pytestmark = pytest.mark.usefixtures("bounded")
Verification = UID("1.2.840.10008.1.1")  # pynetdicom.sop_class.Verification, untyped there


def _scu(port: int, called: str = "ANY-SCP", calling: str = "PYNETDICOM",
         recorder: OutcomeRecorder | None = None, contexts: tuple[str, ...] = (Verification,),
         timeout: float = TIMEOUT) -> Any:
    entity = ae(calling)
    entity.acse_timeout = timeout
    for uid in contexts:
        entity.add_requested_context(uid)
    return entity.associate("127.0.0.1", port, ae_title=called,
                            evt_handlers=recorder.handlers() if recorder else [])


def _pynetdicom_scp(**settings: Any) -> tuple[Any, int]:
    entity = ae("ANY-SCP")
    entity.add_supported_context(Verification)
    for name, value in settings.items():
        setattr(entity, name, value)
    handlers = settings.pop("handlers", [])
    server = entity.start_server(("127.0.0.1", 0), block=False, evt_handlers=handlers)
    assert server is not None
    return server, int(server.server_address[1])


def test_pynetdicom_rejects_an_unknown_called_ae_title() -> None:
    server, port = _pynetdicom_scp(require_called_aet=True)
    try:
        recorder = OutcomeRecorder()
        assoc = _scu(port, called="NOT-THE-SCP", recorder=recorder)
        assert assoc.is_rejected
        rejection = rejection_of(assoc)
        assert rejection == (1, 1, 7) == recorder.rejection
        assert rejection is not None and not rejection.is_transient
        assert rejection.reason is RejectUserReason.CALLED_AE_TITLE_NOT_RECOGNIZED
    finally:
        server.shutdown()


def test_pynetdicom_rejects_past_its_association_limit() -> None:
    server, port = _pynetdicom_scp(maximum_associations=1)
    try:
        first = _scu(port)
        assert first.is_established
        second = _scu(port)
        rejection = rejection_of(second)
        assert rejection == (2, 3, 2) and rejection is not None and rejection.is_transient
        assert rejection.reason is RejectPresentationReason.LOCAL_LIMIT_EXCEEDED
        first.release()
    finally:
        server.shutdown()


def test_an_accepted_association_is_no_rejection_and_has_context_results() -> None:
    server, port = _pynetdicom_scp()
    try:
        recorder = OutcomeRecorder()
        # CT Image Storage is not supported by the SCP: abstract syntax not supported
        assoc = _scu(port, recorder=recorder, contexts=(Verification, "1.2.840.10008.5.1.4.1.1.2"))
        assert assoc.is_established and rejection_of(assoc) is None
        results = context_results(assoc)
        assert [(c.context_id, c.abstract_syntax, c.result) for c in results] == [
            (1, Verification, ContextResult.ACCEPTANCE),
            (3, "1.2.840.10008.5.1.4.1.1.2", ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED)]
        assoc.release()
        assert recorder.rejection is None and recorder.abort is None
    finally:
        server.shutdown()


def test_pynetdicom_scp_that_aborts_an_established_association() -> None:
    def abort(event: Any) -> int:
        event.assoc.abort()
        return 0x0000

    from pynetdicom import evt

    server, port = _pynetdicom_scp(handlers=[(evt.EVT_C_ECHO, abort)])
    try:
        recorder = OutcomeRecorder()
        assoc = _scu(port, recorder=recorder)
        assert assoc.is_established
        assoc.send_c_echo()
        deadline = time.monotonic() + TIMEOUT
        while assoc.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert assoc.is_aborted
        assert recorder.abort == Abort(0, 0)  # A-ABORT: the peer application
        assert recorder.abort is not None and recorder.abort.source is AbortSource.SERVICE_USER
    finally:
        server.shutdown()


# --- a raw peer: the bytes of PS3.8 9.3.4 and 9.3.8, reserved values included -------------


def _rj(result: int, source: int, reason: int) -> bytes:
    """An A-ASSOCIATE-RJ PDU (Table 9-21)."""
    return bytes([0x03, 0, 0, 0, 0, 4, 0, result, source, reason])


def _abort_pdu(source: int, reason: int) -> bytes:
    """An A-ABORT PDU (Table 9-26)."""
    return bytes([0x07, 0, 0, 0, 0, 4, 0, 0, source, reason])


@contextmanager
def raw_peer(answer: bytes) -> Generator[int, None, None]:
    """A peer that reads one A-ASSOCIATE-RQ and answers ``answer``; its port."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(TIMEOUT)

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(TIMEOUT)
            header = conn.recv(6, socket.MSG_WAITALL)
            if len(header) == 6:
                conn.recv(int.from_bytes(header[2:], "big"), socket.MSG_WAITALL)
                conn.sendall(answer)
                conn.settimeout(1)
                with suppress(OSError):
                    conn.recv(1024)  # until the peer closes (or the timeout)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        listener.close()
        thread.join(TIMEOUT + 1)


@pytest.mark.parametrize("sent", [(2, 3, 1), (1, 2, 2), (1, 1, 3)])
def test_pynetdicom_keeps_a_defined_rejection(sent: tuple[int, int, int]) -> None:
    with raw_peer(_rj(*sent)) as port:
        recorder = OutcomeRecorder()
        assoc = _scu(port, recorder=recorder)
    assert recorder.rejection == sent
    # pynetdicom 3.0.4 loses a rejection that arrives before its requestor
    # thread has checked the connection (it finds it closed and aborts)
    assert rejection_of(assoc) == sent if assoc.is_rejected else assoc.is_aborted


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
@pytest.mark.parametrize("sent", [(2, 3, 0), (1, 1, 4), (2, 3, 5), (1, 1, 10)])
def test_pynetdicom_refuses_a_reserved_reason_but_the_recorder_reads_it(
        sent: tuple[int, int, int]) -> None:
    """pynetdicom 3.0.4 raises in A_ASSOCIATE.diagnostic's setter (its
    reactor thread dies with the ValueError): the association is aborted,
    not rejected, and keeps no A-ASSOCIATE-RJ; the recorder, bound to
    EVT_PDU_RECV, has the PDU's fields, read before that.  (pynetdicom then
    waits out its ACSE timeout: 1 s here.)"""
    with raw_peer(_rj(*sent)) as port:
        recorder = OutcomeRecorder()
        assoc = _scu(port, recorder=recorder, timeout=1)
    assert not assoc.is_rejected and assoc.is_aborted and rejection_of(assoc) is None
    assert recorder.rejection == sent
    assert recorder.rejection is not None and recorder.rejection.reserved_fields == ("reason",)


@pytest.mark.parametrize("sent", [(2, 3, 7), (2, 3, 3), (1, 2, 7)])
def test_pynetdicom_keeps_a_reserved_reason_it_takes_for_a_user_reason(
        sent: tuple[int, int, int]) -> None:
    """pynetdicom 3.0.4 checks the reason against 1, 2, 3 and 7 whatever the
    source: (2,3,7) passes, and the glue shows its reason as reserved."""
    with raw_peer(_rj(*sent)) as port:
        assoc = _scu(port)
    if not assoc.is_rejected:  # pynetdicom's race (see above): rare
        pytest.skip("pynetdicom 3.0.4 lost the rejection to its connection race")
    rejection = rejection_of(assoc)
    assert rejection == sent
    assert rejection is not None and rejection.reserved_fields == ("reason",)
    assert f"reason {sent[2]}" in str(rejection)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
@pytest.mark.parametrize("sent", [(2, 6), (2, 1), (0, 0), (2, 3)])
def test_the_recorder_reads_an_abort(sent: tuple[int, int]) -> None:
    """(2,3), reserved, is refused by pynetdicom's A_P_ABORT as (2,3,0) is
    by its A_ASSOCIATE; the recorder reads it all the same."""
    with raw_peer(_abort_pdu(*sent)) as port:
        recorder = OutcomeRecorder()
        assoc = _scu(port, recorder=recorder, timeout=1)
    assert assoc.is_aborted and not assoc.is_established
    assert recorder.abort == sent
    assert recorder.abort is not None and recorder.abort.is_reserved is (sent == (2, 3))


# --- DCMTK dcmqrscp ------------------------------------------------------------------------


def test_dcmqrscp_rejects_an_unknown_calling_ae_title(tmp_path: Path) -> None:
    """DCMTK 3.6.7 answers (1,1,7) called-AE-title-not-recognized, where the
    standard's reason would be (1,1,3) calling-AE-title-not-recognized."""
    tool = dcmtk("dcmqrscp")
    if tool is None:
        pytest.skip("DCMTK's dcmqrscp is not installed")
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = int(probe.getsockname()[1])
    storage = tmp_path / "db"
    storage.mkdir()
    config = tmp_path / "dcmqrscp.cfg"
    config.write_text(
        f"NetworkTCPPort = {port}\nMaxPDUSize = 16384\nMaxAssociations = 4\n"
        "HostTable BEGIN\nknown = (KNOWN, 127.0.0.1, 10401)\nHostTable END\n"
        "VendorTable BEGIN\nVendorTable END\n"
        f"AETable BEGIN\nQRSCP {storage} RW (10, 1024mb) known\nAETable END\n")
    process = subprocess.Popen([tool, "-c", str(config), "-s", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        # dcmqrscp takes a moment to listen: associate until it answers (bounded)
        deadline = time.monotonic() + 3 * TIMEOUT
        while True:
            recorder = OutcomeRecorder()
            assoc = _scu(port, called="QRSCP", calling="STRANGER", recorder=recorder)
            if assoc.is_rejected or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        rejection = rejection_of(assoc)
        assert rejection == Rejection(1, 1, 7) == recorder.rejection
    finally:
        process.terminate()
        process.communicate(timeout=TIMEOUT)
