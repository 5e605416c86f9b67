"""The status test server's connections, before and under pynetdicom.

pynetdicom gives each TCP connection two threads as soon as it is accepted,
reads with no timeout (a peer that sends part of a PDU holds a thread
forever) and buffers a P-DATA-TF PDU whole, whatever length it announces.
This module puts a gate in front of it and a guard under it:

- :class:`Gate`: one thread, a selector, holds every accepted connection
  until its A-ASSOCIATE-RQ has arrived whole (at most the server's timeout;
  anything else is dropped with one log line).  The association limit is
  applied there: a request beyond it gets an A-ASSOCIATE-RJ (transient,
  local limit exceeded) without a thread being started.
- :class:`GatedServer`: pynetdicom's threaded server with the gate as its
  way of processing an accepted connection, and a request handler whose
  socket (:class:`GuardedSocket`) replays what the gate read, bounds every
  read and write by the timeout, and aborts the association at the header
  of a P-DATA-TF longer than the maximum PDU length the server offered.
"""

# pynetdicom's objects are typed loosely (event handlers, primitives): Any here.
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
# pyright: reportUnknownArgumentType=false, reportMissingTypeStubs=false

from __future__ import annotations

import contextlib
import logging
import queue
import selectors
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from pynetdicom import evt
from pynetdicom.presentation import PresentationContext
from pynetdicom.transport import (
    AssociationSocket,
    RequestHandler,
    ThreadedAssociationServer,
)

__all__ = ["Cancels", "Gate", "GatedServer", "GuardedSocket", "Link", "guard_dimse",
           "link_handlers", "send_abort"]

# A-ASSOCIATE-RJ: transient, service-provider (presentation), local limit exceeded (PS3.8 9.3.4).
REJECT_LIMIT = struct.pack(">BBIBBBB", 0x03, 0, 4, 0, 2, 3, 2)
# A-ABORT: service-provider, invalid PDU parameter value (PS3.8 9.3.8).
ABORT_INVALID = struct.pack(">BBIBBBB", 0x07, 0, 4, 0, 0, 2, 6)
_MAX_REQUEST = 1 << 20  # bytes an A-ASSOCIATE-RQ may announce
_READY: Callable[[AssociationSocket], bool] = vars(AssociationSocket)["ready"].fget


def peer_text(address: Any) -> str:
    """``host:port`` of a socket address."""
    try:
        return f"{address[0]}:{address[1]}"
    except (TypeError, IndexError):
        return str(address)


@dataclass
class _Pending:
    sock: socket.socket
    address: Any
    deadline: float
    fd: int = -1
    data: bytearray = field(default_factory=bytearray)


class Gate:
    """Holds accepted connections until their A-ASSOCIATE-RQ is whole (see the module).

    ``hand_over(sock, address, data)`` is called, in the gate's thread, with
    each connection whose request arrived in time and within the limit
    (``active()`` associations at most ``limit - 1``); ``data`` is what was read.
    """

    def __init__(self, *, timeout: float, limit: int, active: Callable[[], int],
                 hand_over: Callable[[socket.socket, Any, bytes], None],
                 logger: logging.Logger, held: int = 0,
                 reject: Callable[[], tuple[bytes, str] | None] | None = None) -> None:
        self._reject = reject  # a scripted A-ASSOCIATE-RJ for this request, and its text
        self._timeout = timeout
        self._limit = limit
        self._active = active
        self._hand_over = hand_over
        self._logger = logger
        self._held = held or max(64, 8 * limit)
        self._selector = selectors.DefaultSelector()
        self._new: queue.SimpleQueue[tuple[socket.socket, Any]] = queue.SimpleQueue()
        self._pending: dict[int, _Pending] = {}
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._closed = threading.Event()
        self.thread: threading.Thread = threading.Thread(
            target=self._run, name="dimse-status-gate", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def admit(self, sock: socket.socket, address: Any) -> None:
        """Hold ``sock`` (called in the thread that accepted it)."""
        if self._closed.is_set():
            _close(sock)
            return
        self._new.put((sock, address))
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")

    def close(self, wait: float) -> None:
        """Stop the gate, close every connection it holds; wait at most ``wait`` s."""
        self._closed.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")
        if self.thread.is_alive():
            self.thread.join(wait)
        if not self.thread.is_alive():
            self._close_all()

    def _close_all(self) -> None:
        for pending in list(self._pending.values()):
            self._drop(pending, None)
        while True:
            try:
                sock, _ = self._new.get_nowait()
            except queue.Empty:
                break
            _close(sock)
        self._selector.close()
        self._wake_r.close()
        self._wake_w.close()

    def _run(self) -> None:
        while not self._closed.is_set():
            now = time.monotonic()
            wait = min((p.deadline for p in self._pending.values()), default=now + 1) - now
            for key, _ in self._selector.select(max(0.0, min(wait, 1.0))):
                if key.data is None:
                    with contextlib.suppress(OSError):
                        while self._wake_r.recv(4096):
                            pass
                else:
                    self._read(key.data)
            self._take_new()
            now = time.monotonic()
            for pending in [p for p in self._pending.values() if p.deadline <= now]:
                self._drop(pending, f"no whole A-ASSOCIATE-RQ within {self._timeout:g} s "
                                    f"({len(pending.data)} bytes received)")

    def _take_new(self) -> None:
        while True:
            try:
                sock, address = self._new.get_nowait()
            except queue.Empty:
                return
            if len(self._pending) >= self._held:
                oldest = min(self._pending.values(), key=lambda p: p.deadline)
                self._drop(oldest, f"{self._held} connections already wait for their "
                                   "A-ASSOCIATE-RQ (this one longest)")
            try:
                sock.setblocking(False)
                pending = _Pending(sock, address, time.monotonic() + self._timeout,
                                   sock.fileno())
                self._selector.register(sock, selectors.EVENT_READ, pending)
            except (OSError, ValueError):
                _close(sock)
                continue
            self._pending[pending.fd] = pending

    def _read(self, pending: _Pending) -> None:
        try:
            chunk = pending.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._drop(pending, f"connection failed before its A-ASSOCIATE-RQ ({exc})")
            return
        if not chunk:
            self._drop(pending, f"closed before a whole A-ASSOCIATE-RQ "
                                f"({len(pending.data)} bytes received)")
            return
        data = pending.data
        data += chunk
        if data[0] != 0x01:
            self._drop(pending, f"not DICOM: the first PDU is of type 0x{data[0]:02X}, "
                                "not an A-ASSOCIATE-RQ (0x01)")
            return
        if len(data) < 6:
            return
        length = struct.unpack(">I", data[2:6])[0]
        if length > _MAX_REQUEST:
            self._drop(pending, f"an A-ASSOCIATE-RQ of {length} bytes announced "
                                f"(at most {_MAX_REQUEST})")
            return
        if len(data) < 6 + length:
            return
        self._forget(pending)
        active = self._active()
        if active >= self._limit:
            self._logger.warning("%s: rejected the association: %d associations at once "
                                 "already (the limit)", peer_text(pending.address), active)
            with contextlib.suppress(OSError):
                pending.sock.send(REJECT_LIMIT)
            _close(pending.sock)
            return
        scripted = self._reject() if self._reject is not None else None
        if scripted is not None:
            pdu, text = scripted
            self._logger.warning("%s: rejected the association (scripted): %s",
                                 peer_text(pending.address), text)
            with contextlib.suppress(OSError):
                pending.sock.send(pdu)
            _close(pending.sock)
            return
        try:
            pending.sock.setblocking(True)
            pending.sock.settimeout(self._timeout)
            self._hand_over(pending.sock, pending.address, bytes(data))
        except Exception:  # the server is going away: the connection with it
            self._logger.exception("%s: the connection could not be served",
                                   peer_text(pending.address))
            _close(pending.sock)

    def _forget(self, pending: _Pending) -> None:
        self._pending.pop(pending.fd, None)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self._selector.unregister(pending.sock)

    def _drop(self, pending: _Pending, reason: str | None) -> None:
        self._forget(pending)
        _close(pending.sock)
        if reason is not None:
            self._logger.warning("%s: dropped the connection: %s", peer_text(pending.address),
                                 reason)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class GuardedSocket(AssociationSocket):
    """pynetdicom's socket with what the gate read first, and a check of
    each PDU header: a P-DATA-TF longer than ``maximum`` bytes (the maximum
    PDU length offered; 0: any) gets an A-ABORT before its body is read."""

    def __init__(self, assoc: Any, client_socket: socket.socket, data: bytes,
                 maximum: int, on_oversize: Callable[[int], None],
                 on_close: Callable[[], None]) -> None:
        super().__init__(assoc, client_socket=client_socket)
        self._replay = bytearray(data)
        self._maximum = maximum
        self._on_oversize = on_oversize
        self._on_close = on_close
        self._body_next = False

    @property
    def ready(self) -> bool:
        if self._replay and self.socket is not None:
            return True
        return bool(_READY(self))

    def recv(self, nr_bytes: int) -> bytearray:
        data = self._replay[:nr_bytes]
        del self._replay[:nr_bytes]
        if len(data) < nr_bytes:
            data += super().recv(nr_bytes - len(data))
        if self._body_next:
            self._body_next = False
        elif nr_bytes == 6 and len(data) == 6:
            self._body_next = True
            kind, _, length = struct.unpack(">BBI", data)
            if kind == 0x04 and self._maximum and length > self._maximum:
                if self.socket is not None:
                    with contextlib.suppress(OSError):
                        self.socket.sendall(ABORT_INVALID)
                self._on_oversize(length)
                # pynetdicom takes this as the connection closed (and ends the association).
                raise ConnectionAbortedError(f"a P-DATA-TF of {length} bytes announced")
        return data

    def close(self) -> None:
        super().close()
        self._on_close()


class SharedContext(PresentationContext):
    """A supported presentation context whose copy shares its UIDs.

    pynetdicom deep-copies the server's supported contexts for every
    association it accepts; deep-copying pydicom's ``UID`` validates each
    one again, which for every storage SOP class and transfer syntax was
    two thirds of the server's CPU time per association.  UIDs are
    immutable strings: a copy needs its own attributes and its own lists,
    not new UIDs."""

    def __deepcopy__(self, memo: dict[int, Any]) -> SharedContext:
        clone = object.__new__(type(self))
        clone.__dict__.update({name: list(value) if isinstance(value, list) else value
                               for name, value in self.__dict__.items()})
        return clone

    @classmethod
    def of(cls, context: PresentationContext) -> SharedContext:
        shared = object.__new__(cls)
        shared.__dict__.update(context.__dict__)
        return shared.__deepcopy__({})


class GatedServer(ThreadedAssociationServer):
    """pynetdicom's threaded server, each accepted connection given to
    ``gate.admit`` instead of a thread; ``prepare(assoc, sock, data)``
    returns the :class:`GuardedSocket` of each connection handed over."""

    gate: Gate
    prepare: Callable[[Any, socket.socket, bytes], GuardedSocket]
    contexts: list[PresentationContext]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.contexts = [SharedContext.of(context) for context in self.contexts]

    def process_request(self, request: Any, client_address: Any) -> None:
        self.gate.admit(request, client_address)

    def hand_over(self, sock: socket.socket, address: Any, data: bytes) -> None:
        """Serve ``sock`` (its first ``data`` already read) with pynetdicom's threads."""
        self._replays[id(sock)] = data
        super().process_request(sock, address)

    @property
    def _replays(self) -> dict[int, bytes]:
        replays: dict[int, bytes] = self.__dict__.setdefault("_replay_data", {})
        return replays

    def take_replay(self, sock: socket.socket) -> bytes:
        return self._replays.pop(id(sock), b"")


class GuardedHandler(RequestHandler):
    """pynetdicom's request handler, with the server's :class:`GuardedSocket`."""

    def _create_association(self) -> Any:
        assoc = super()._create_association()
        server = cast(GatedServer, self.server)
        sock = server.prepare(assoc, self.request, server.take_replay(self.request))
        assoc.dul.socket = sock  # in place of pynetdicom's (set_socket refuses a second)
        # Each socket announced the connection (Evt5): the state machine needs it once.
        with contextlib.suppress(queue.Empty):
            assoc.dul.event_queue.get_nowait()
        return assoc


class Link:
    """One connection handed over to pynetdicom: what its serving waits on."""

    __slots__ = ("aborted_by", "assoc", "finished", "gone", "peer", "wake")

    def __init__(self, assoc: Any, peer: str) -> None:
        self.assoc: Any = assoc  # pynetdicom's Association
        self.peer: str = peer
        self.gone: threading.Event = threading.Event()  # the connection is closed
        self.wake: threading.Event = threading.Event()  # closed, stopping, or a C-CANCEL
        self.aborted_by: str | None = None
        self.finished: bool = False  # released or aborted: no longer counted against the limit

    @property
    def who(self) -> str:
        """``AE@host:port`` of the peer (``host:port`` before its A-ASSOCIATE-RQ is read)."""
        title = str(getattr(self.assoc.requestor, "ae_title", "") or "").strip()
        return f"{title}@{self.peer}" if title else self.peer

    @property
    def ended(self) -> bool:
        return (self.finished or self.gone.is_set()
                or (self.assoc.ident is not None and not self.assoc.is_alive()))

    def closed(self) -> None:
        self.gone.set()
        self.wake.set()


class Cancels(dict[int, Any]):
    """pynetdicom's C-CANCEL requests of an association: each wakes the answer it cancels."""

    def __init__(self, wake: threading.Event) -> None:
        super().__init__()
        self._wake = wake

    def __setitem__(self, key: int, value: Any) -> None:
        super().__setitem__(key, value)
        self._wake.set()


def send_abort(assoc: Any, source: int, reason: int) -> None:
    """Abort ``assoc`` with the A-ABORT (``source``, ``reason``) (PS3.8 9.3.8),
    as pynetdicom's ``Association.abort()`` does (which always sends source
    0): the PDU goes through pynetdicom's state machine, after whatever it
    has queued, then the connection is closed.  ``source`` 2 is the
    A-P-ABORT primitive, whose PDU carries ``reason``."""
    from pynetdicom.pdu_primitives import A_P_ABORT

    acse = assoc.acse
    if source == 2:
        def send(_source: int) -> None:  # in place of acse.send_abort(0), for this call
            primitive = A_P_ABORT()
            primitive.provider_reason = reason
            acse.dul.send_pdu(primitive)
            assoc.is_aborted, assoc.is_established = True, False

        acse.send_abort = send
    assoc.abort()


def guard_dimse(assoc: Any, link: Link, logger: logging.Logger) -> None:
    """A DIMSE message pynetdicom cannot decode (a command set without a
    Command Field ...) aborts the association with one log line."""
    receive = assoc.dimse.receive_primitive

    def guarded(primitive: Any) -> None:
        try:
            receive(primitive)
        except Exception as exc:
            assoc.dimse.message = None
            link.aborted_by = "the server"
            logger.error("%s: aborted the association: a DIMSE message that cannot be "
                         "decoded (%s: %s)", link.who, type(exc).__name__,
                         str(exc).splitlines()[0] if str(exc) else "")
            assoc.dul.event_queue.put("Evt19")  # an invalid PDU: A-ABORT (PS3.8 9.2)

    assoc.dimse.receive_primitive = guarded


def link_handlers(link: Link, logger: logging.Logger) -> list[tuple[Any, Any]]:
    """One log line per association event: accepted, rejected, released, aborted."""
    def accepted(_event: Any) -> None:
        logger.info("%s: association accepted", link.who)

    def rejected(_event: Any) -> None:
        logger.warning("%s: association rejected", link.who)

    def released(_event: Any) -> None:
        link.finished = True
        logger.info("%s: association released", link.who)

    def aborted(_event: Any) -> None:
        link.finished = True
        logger.warning("%s: association aborted by %s", link.who,
                       link.aborted_by or "the peer")

    return [(evt.EVT_ACCEPTED, accepted), (evt.EVT_REJECTED, rejected),
            (evt.EVT_RELEASED, released), (evt.EVT_ABORTED, aborted)]
