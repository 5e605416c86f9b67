"""The status test server against peers that stall, flood or lie, over raw
sockets on 127.0.0.1 (issue 24, items 4-7): a partial PDU is dropped after
the timeout and holds no thread, the association limit is applied before a
thread is spent, stopping returns within a bound whatever the peers do, a
P-DATA-TF longer than the maximum PDU length offered is aborted at its
header, and an undecodable command set is one log line and an abort."""

# pynetdicom's PDU classes are typed loosely.
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
# pyright: reportUnknownArgumentType=false

from __future__ import annotations

import logging
import socket
import struct
import threading
import time
from collections.abc import Iterator

import pytest
from loopback import alarm
from pydicom.uid import UID

from dimse_status import StatusServer, status_server

SHORT = 0.6  # the server's timeout in these tests (seconds)
STALLS = [
    ("7 bytes of an A-ASSOCIATE-RQ", bytes([1, 0, 0, 0, 0, 0x44, 0])),
    ("an A-ASSOCIATE-RQ announcing 1000 bytes, 10 sent", struct.pack(">BBI", 1, 0, 1000)
     + b"x" * 10),
]
HTTP = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    with alarm(60):
        yield


def _connect(port: int, data: bytes = b"") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    if data:
        sock.sendall(data)
    return sock


def _closed_after(sock: socket.socket) -> float:
    """Seconds until the server closes ``sock`` (what it sent before is skipped)."""
    start = time.monotonic()
    try:
        while sock.recv(4096):
            pass
    except ConnectionResetError:
        pass
    return time.monotonic() - start


def associate_rq(calling: str = "RAW", maximum: int = 16382) -> bytes:
    """An A-ASSOCIATE-RQ for Verification (Implicit VR Little Endian), encoded."""
    from pynetdicom.pdu import A_ASSOCIATE_RQ
    from pynetdicom.pdu_primitives import (
        A_ASSOCIATE,
        ImplementationClassUIDNotification,
        MaximumLengthNotification,
    )
    from pynetdicom.presentation import build_context

    primitive = A_ASSOCIATE()
    primitive.application_context_name = "1.2.840.10008.3.1.1.1"
    primitive.calling_ae_title = calling
    primitive.called_ae_title = "STATUS-SCP"
    context = build_context("1.2.840.10008.1.1", ["1.2.840.10008.1.2"])
    context.context_id = 1
    primitive.presentation_context_definition_list = [context]
    length = MaximumLengthNotification()
    length.maximum_length_received = maximum
    uid = ImplementationClassUIDNotification()
    uid.implementation_class_uid = "1.2.826.0.1.3680043.9.9999"
    primitive.user_information = [length, uid]
    pdu = A_ASSOCIATE_RQ()
    pdu.from_primitive(primitive)
    return bytes(pdu.encode())


def _read_pdu(sock: socket.socket) -> tuple[int, bytes]:
    header = b""
    while len(header) < 6:
        chunk = sock.recv(6 - len(header))
        assert chunk, "the server closed the connection"
        header += chunk
    kind, _, length = struct.unpack(">BBI", header)
    body = b""
    while len(body) < length:
        chunk = sock.recv(length - len(body))
        assert chunk, "the server closed the connection"
        body += chunk
    return kind, body


def _established(port: int) -> socket.socket:
    sock = _connect(port, associate_rq())
    kind, _ = _read_pdu(sock)
    assert kind == 0x02, "no A-ASSOCIATE-AC"
    return sock


def _element(group: int, element: int, value: bytes) -> bytes:
    return struct.pack("<HHI", group, element, len(value)) + value


def _p_data(command_set: bytes) -> bytes:
    pdv = struct.pack(">IBB", len(command_set) + 2, 1, 0x03) + command_set
    return struct.pack(">BBI", 0x04, 0, len(pdv)) + pdv


def _verification_rq(*, command_field: bool) -> bytes:
    uid = b"1.2.840.10008.1.1\0"
    body = _element(0, 0x0002, uid)
    if command_field:
        body += _element(0, 0x0100, struct.pack("<H", 0x0030))
    body += _element(0, 0x0110, struct.pack("<H", 1))
    body += _element(0, 0x0800, struct.pack("<H", 0x0101))
    return _element(0, 0x0000, struct.pack("<I", len(body))) + body


def _threads() -> int:
    return threading.active_count()


@pytest.mark.parametrize(("what", "data"), STALLS, ids=[w for w, _ in STALLS])
def test_a_stalled_peer_is_dropped_after_the_timeout(
        what: str, data: bytes, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="dimse_status.serve")
    with status_server(timeout=SHORT) as server, _connect(server.port, data) as sock:
        waited = _closed_after(sock)
    assert SHORT * 0.8 <= waited <= SHORT + 1.5, (what, waited)
    lines = [r.getMessage() for r in caplog.records if r.name == "dimse_status.serve"]
    assert any("dropped the connection: no whole A-ASSOCIATE-RQ within" in m for m in lines)


def test_a_peer_that_is_not_dicom_is_dropped_at_once() -> None:
    with status_server(timeout=5) as server, _connect(server.port, HTTP) as sock:
        assert _closed_after(sock) < 1


def test_stalled_peers_hold_no_thread_and_lock_out_no_client() -> None:
    from loopback import associate

    with status_server(timeout=5, max_associations=2) as server:
        before = _threads()
        stalled = [_connect(server.port, STALLS[n % 2][1]) for n in range(10)]
        try:
            time.sleep(0.3)
            assert _threads() == before  # the gate holds them, with no thread each
            assoc = associate(server.port, [UID("1.2.840.10008.1.1")])
            assert assoc.send_c_echo().Status == 0
            assoc.release()
        finally:
            for sock in stalled:
                sock.close()


def test_beyond_the_limit_a_request_is_rejected_without_a_thread(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="dimse_status.serve")
    with status_server(timeout=5, max_associations=1) as server, _established(server.port):
        before = _threads()
        with _connect(server.port, associate_rq()) as second:
            kind, body = _read_pdu(second)
            assert _threads() <= before
    assert (kind, body) == (0x03, bytes([0, 2, 3, 2]))  # transient, local limit exceeded
    assert any("rejected the association: 1 associations at once already" in r.getMessage()
               for r in caplog.records)


def test_stop_returns_within_a_bound_whatever_the_peers_do() -> None:
    server = StatusServer(timeout=3).start()
    stalled = [_connect(server.port, data) for _, data in STALLS]
    # An established association whose peer sends half a PDU, and one that never reads.
    half = _established(server.port)
    half.sendall(struct.pack(">BBI", 0x04, 0, 100) + b"x" * 10)
    deaf = _established(server.port)
    deaf.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    try:
        time.sleep(0.3)
        start = time.monotonic()
        server.stop()
        assert time.monotonic() - start < 3 + 1.5
        assert not server.is_running
        for sock in [*stalled, half, deaf]:
            sock.settimeout(5)
            assert _closed_after(sock) < 5
    finally:
        for sock in [*stalled, half, deaf]:
            sock.close()


def test_a_p_data_longer_than_offered_is_aborted_at_its_header(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="dimse_status.serve")
    with status_server(timeout=5) as server, _established(server.port) as sock:
        sock.sendall(struct.pack(">BBI", 0x04, 0, 200_000_000) + b"\0" * 65536)
        kind, body = _read_pdu(sock)
        assert _closed_after(sock) < 2
    assert kind == 0x07 and body[2] == 2, (kind, body)  # A-ABORT from the service provider
    assert any("a P-DATA-TF of 200000000 bytes announced" in r.getMessage()
               for r in caplog.records)


def test_a_command_set_without_a_command_field_is_one_line_and_an_abort(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="dimse_status.serve")
    with status_server(timeout=5) as server, _established(server.port) as sock:
        sock.sendall(_p_data(_verification_rq(command_field=False)))
        kind, _ = _read_pdu(sock)
        assert kind == 0x07
    lines = [r for r in caplog.records if r.name == "dimse_status.serve"
             and "cannot be decoded" in r.getMessage()]
    assert len(lines) == 1 and lines[0].exc_info is None
    assert "\n" not in lines[0].getMessage()


def test_the_raw_client_is_served_when_well_formed() -> None:
    """The raw messages of these tests are right: with a Command Field, C-ECHO is answered."""
    with status_server(timeout=5) as server, _established(server.port) as sock:
        sock.sendall(_p_data(_verification_rq(command_field=True)))
        kind, body = _read_pdu(sock)
    assert kind == 0x04 and b"\x00\x00\x00\x09" in body  # a P-DATA-TF with the Status


def test_each_association_copies_the_contexts_without_validating_a_uid_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """pynetdicom deep-copies the server's supported contexts for every
    association; the server's contexts share their UIDs (immutable) in that
    copy instead of making and validating each again (two thirds of the
    server's CPU per association were that), and each copy is still its own."""
    import copy

    from dimse_status.testing.wire import SharedContext

    with status_server({"C-ECHO": "0000"}) as server:
        contexts = server._server.contexts  # pyright: ignore[reportPrivateUsage]
    assert len(contexts) > 100 and all(type(cx) is SharedContext for cx in contexts)
    made: list[str] = []
    real_new = UID.__new__

    def counting(cls: type[UID], value: str, *args: object, **kwargs: object) -> UID:
        made.append(value)
        return real_new(cls, value, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(UID, "__new__", counting)
    copies = copy.deepcopy(contexts)
    assert made == []
    first, original = copies[0], contexts[0]
    assert first is not original and first.abstract_syntax is original.abstract_syntax
    assert first.transfer_syntax == original.transfer_syntax
    assert first.transfer_syntax is not original.transfer_syntax
    first.transfer_syntax = [first.transfer_syntax[0]]
    first.context_id = 1
    assert len(original.transfer_syntax) > 1 and original.context_id is None
    assert [(cx.abstract_syntax, cx.transfer_syntax, cx.as_scp, cx.as_scu) for cx in copies[1:]] \
        == [(cx.abstract_syntax, cx.transfer_syntax, cx.as_scp, cx.as_scu) for cx in contexts[1:]]
