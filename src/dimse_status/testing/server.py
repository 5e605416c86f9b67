"""A status test server: an SCP that answers the statuses you choose.

People who write DICOM clients need a peer that fails on purpose: a C-STORE
answered with A700 and an Error Comment, a C-FIND with FF01, FF00 then C001,
a C-MOVE with B000 and its counts, an abort.  :class:`StatusServer` is that
peer, built on pynetdicom (``pip install "dimse-status[pynetdicom]"``): it
accepts Verification, every Storage SOP class, Query/Retrieve Find, Get and
Move, and the N-services of one chosen service class (MPPS or UPS), and
answers each request as a :class:`StatusScript` says.

- :func:`status_server` (a context manager) and the ``status_scp`` pytest
  fixture (:mod:`dimse_status.testing.pytest_plugin`) start it on 127.0.0.1 on a free
  port and stop it on exit; :attr:`StatusServer.received` records what it was
  sent and what it answered.
- ``dimse-status serve`` runs it from the command line
  (:mod:`dimse_status.cli.serve`).

Every status is checked before the server starts: a code the standard does
not list for the command (:func:`~dimse_status.is_permitted`), a malformed
code, or a detail the status (or the command's response) cannot carry is a
``ValueError`` naming the value and where it is in the script.

The server sends exactly what the script says, so it answers requests itself
rather than through pynetdicom's service classes (which compute their own
C-GET and C-MOVE counts, and drop a Pending response without a data set): it
uses pynetdicom for the association, its negotiation and the DIMSE messages.
It performs no C-STORE sub-operations; a C-GET or C-MOVE response carries the
counts the script gives.  A C-FIND Pending response carries the request's
Identifier back as its match.
"""

# pynetdicom's objects are typed loosely (event handlers, primitives): Any here.
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
# pyright: reportUnknownArgumentType=false

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Generator, Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any

from ..association.outcome import Rejection
from ..base import Command, shown
from ..resolve import Status
from ..toolkit.statuslog import LEVELS, describe, status_log_fields
from .script import (
    COUNTS,
    DIMSE_C,
    MULTI,
    PRIMITIVE_FIELDS,
    ScriptError,
    StatusScript,
    service_of,
)

if TYPE_CHECKING:
    from pydicom import Dataset

    from ..base import StatusEnum
    from ..services import Service
    from .wire import Cancels, Link

__all__ = ["Exchange", "StatusServer", "status_server"]

LOGGER = logging.getLogger("dimse_status.serve")




class Exchange:
    """One request the server received, and what it answered.

    A response is recorded just before it is sent, so a client that has
    read its final response finds it here.
    """

    __slots__ = ("_aborted", "_cancelled", "_data", "_responses", "calling_ae_title",
                 "command", "message_id", "move_destination", "number", "peer",
                 "sop_class_uid", "transfer_syntax")

    def __init__(self, command: Command, number: int, message_id: int, sop_class_uid: str,
                 calling_ae_title: str, peer: tuple[str, int], transfer_syntax: str,
                 data: bytes, move_destination: str | None) -> None:
        self.command: Command = command
        """The command of the request."""
        self.number: int = number
        """The request's number among the server's requests of this command (from 1)."""
        self.message_id: int = message_id
        """The request's Message ID."""
        self.sop_class_uid: str = sop_class_uid
        """The request's Affected (or Requested) SOP Class UID."""
        self.calling_ae_title: str = calling_ae_title
        """The AE title of the client."""
        self.peer: tuple[str, int] = peer
        """The client's (address, port)."""
        self.transfer_syntax: str = transfer_syntax
        """The transfer syntax of the presentation context."""
        self.move_destination: str | None = move_destination
        """A C-MOVE's Move Destination, else ``None``."""
        self._data = data
        self._responses: list[Status[StatusEnum]] = []
        self._aborted = False
        self._cancelled = False

    @property
    def responses(self) -> tuple[Status[StatusEnum], ...]:
        """The statuses sent in answer, with their details, in order."""
        return tuple(self._responses)

    @property
    def aborted(self) -> bool:
        """Whether the association ended before the answer was finished: the
        script aborted it, the peer aborted or went away, or the server stopped
        (the log line says which); :attr:`responses` holds what was sent."""
        return self._aborted

    @property
    def cancelled(self) -> bool:
        """Whether a C-CANCEL ended the answer (with FE00 Cancel)."""
        return self._cancelled

    @property
    def data(self) -> bytes:
        """The request's data set as it arrived (the C-STORE data set, the
        C-FIND/C-GET/C-MOVE Identifier, the N-SET Modification List ...);
        ``b""`` if it had none."""
        return self._data

    def dataset(self) -> Dataset:
        """The request's data set, decoded with pydicom (empty if it had none)."""
        from pydicom import Dataset
        from pydicom.filereader import read_dataset
        from pydicom.uid import UID

        if not self._data:
            return Dataset()
        syntax = UID(self.transfer_syntax)
        stream = BytesIO(self._data)
        if syntax.is_deflated:
            import zlib

            stream = BytesIO(zlib.decompress(self._data, -zlib.MAX_WBITS))
        return read_dataset(stream, syntax.is_implicit_VR, syntax.is_little_endian)

    def __repr__(self) -> str:
        sent = ", ".join(f"0x{s.code:04X}" for s in self._responses)
        end = " aborted" if self._aborted else ""
        return (f"<Exchange {self.command.label} #{self.number} from {self.calling_ae_title}: "
                f"[{sent}]{end}>")


# --- the server ---------------------------------------------------------------------


def _check_ae_title(value: object) -> str:
    if (not isinstance(value, str) or not 1 <= len(value.strip()) <= 16
            or not all(" " <= c <= "~" for c in value) or "\\" in value):
        raise ScriptError(f"AE title {shown(value)} must be 1 to 16 printable ASCII characters "
                          "without a backslash")
    return value.strip()


def _check_number(value: object, what: str, low: float, high: float) -> float:
    # Compared before any conversion: 10**400 is refused, not an OverflowError.
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not low <= value <= high):
        raise ScriptError(f"{what} must be a number in {low:g}..{high:g}, not {shown(value)}")
    return float(value)


def _check_int(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ScriptError(f"{what} must be an int in {low}..{high}, not {shown(value)}")
    return value


def _as_script(script: StatusScript | Mapping[str, Any] | str | os.PathLike[str] | None
               ) -> StatusScript:
    if script is None:
        return StatusScript()
    if isinstance(script, StatusScript):
        return script
    if isinstance(script, (str, os.PathLike)):
        return StatusScript.load(script)
    return StatusScript.parse(script)


class StatusServer:
    """An SCP that answers each request as its script says (see the module's text).

    ``StatusServer(script, host="127.0.0.1", port=0, ...)`` checks the
    script and the options (``ValueError`` naming the first bad one);
    :meth:`start` listens (port 0: a free port, read back from :attr:`port`),
    :meth:`stop` aborts the associations still open and waits (bounded) for
    every thread the server started to end.  As a context manager it starts
    and stops.

    - ``script``: a :class:`StatusScript`, the mapping :meth:`StatusScript.parse`
      takes, or the path of a script file; ``None`` answers everything with Success;
    - ``host``: the address to listen on; 127.0.0.1 unless you give another;
    - ``ae_title``: the server's AE title (any called AE title is accepted);
    - ``timeout``: seconds for each ACSE, DIMSE and network wait (an idle
      association is aborted after it);
    - ``max_associations``: associations served at once;
    - ``record``: how many :class:`Exchange` records :attr:`received` keeps
      (the latest; 0 keeps none);
    - ``reject``: a :class:`~dimse_status.association.Rejection` (or its text,
      ``"2,3,1"``, ``"transient,presentation,1"``) to answer every association
      with, or only the ``reject_nth`` (1 is the first); reserved values are a
      ``ValueError`` naming the field (PS3.8 9.3.4); it wins over the script's;
    - ``logger``: where each response is logged, one line each
      (``dimse_status.serve`` by default), at the level its type calls for
      (:data:`dimse_status.statuslog.LEVELS`).
    """

    def __init__(
        self,
        script: StatusScript | Mapping[str, Any] | str | os.PathLike[str] | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        ae_title: str = "STATUS-SCP",
        timeout: float = 10.0,
        max_associations: int = 10,
        record: int = 1000,
        logger: logging.Logger | None = None,
        reject: Rejection | str | None = None,
        reject_nth: int | None = None,
    ) -> None:
        self._script = _as_script(script)
        self._rejection = _as_rejection(reject, reject_nth)
        self._reject_nth = reject_nth
        if self._rejection is None:  # reject= wins over the script's reject
            self._rejection = self._script.reject
            self._reject_nth = self._script.reject_association
        self._requests = 0
        if not isinstance(host, str) or not host.strip():
            raise ScriptError(f"host must be an address such as 127.0.0.1, not {shown(host)}")
        self._host = host.strip()
        self._port = _check_int(port, "port", 0, 65535)
        self._ae_title = _check_ae_title(ae_title)
        self._timeout = _check_number(timeout, "timeout", 0.1, 3600)
        self._max_associations = _check_int(max_associations, "max_associations", 1, 1000)
        self._received: deque[Exchange] = deque(maxlen=_check_int(record, "record", 0, 10**7))
        self._logger = LOGGER if logger is None else logger
        self._lock = threading.Lock()
        self._counts: dict[Command, int] = {}
        self._stopping = threading.Event()
        self._ae: Any = None
        self._server: Any = None
        self._threads: list[threading.Thread] = []
        self._gate: Any = None
        self._links: dict[int, Link] = {}
        self._handing = 0

    @property
    def script(self) -> StatusScript:
        """The script the server answers with."""
        return self._script

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return self._host

    @property
    def port(self) -> int:
        """The port the server listens on (the free port chosen, once started with port 0)."""
        return self._port

    @property
    def address(self) -> tuple[str, int]:
        """``(host, port)``."""
        return (self._host, self._port)

    @property
    def ae_title(self) -> str:
        """The server's AE title."""
        return self._ae_title

    @property
    def received(self) -> list[Exchange]:
        """What the server received and answered, oldest first (the latest
        ``record`` exchanges)."""
        with self._lock:
            return list(self._received)

    @property
    def is_running(self) -> bool:
        """Whether the server is listening."""
        return self._server is not None

    def start(self) -> StatusServer:
        """Listen; ``ValueError`` if the address cannot be bound, ``ImportError``
        (saying what to install) without pynetdicom."""
        if self._server is not None:
            raise RuntimeError("the server is already running")
        try:
            from pynetdicom import AE, evt
        except ImportError:
            raise ImportError("the status test server needs pynetdicom: pip install "
                              "'dimse-status[pynetdicom]'") from None
        from .wire import Gate, GatedServer, GuardedHandler

        ae: Any = AE(ae_title=self._ae_title)
        ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = self._timeout
        ae.maximum_associations = self._max_associations
        ae.require_called_aet = False
        for context in _contexts(self._script.service):
            ae.add_supported_context(*context)
        self._stopping.clear()
        try:
            server: Any = ae.make_server(
                (self._host, self._port), server_class=GatedServer,
                request_handler=GuardedHandler,
                evt_handlers=[(evt.EVT_REQUESTED, self._on_requested)])
        except OSError as exc:
            raise ScriptError(f"cannot listen on {self._host}:{self._port}: "
                              f"{exc.strerror or exc}") from None
        gate = Gate(timeout=self._timeout, limit=self._max_associations, active=self._active,
                    hand_over=self._hand_over, logger=self._logger,
                    reject=self._scripted_rejection if self._rejection else None)
        server.gate, server.prepare = gate, self._prepare
        acceptor = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                    name="AcceptorServer@dimse-status", daemon=True)
        ae._servers.append(server)
        self._ae, self._server, self._gate = ae, server, gate
        self._threads = [acceptor, gate.thread]
        gate.start()
        acceptor.start()
        self._port = int(server.server_address[1])
        return self

    def _scripted_rejection(self) -> tuple[bytes, str] | None:
        """The A-ASSOCIATE-RJ PDU (PS3.8 9.3.4) for this request, if scripted."""
        rejection = self._rejection
        with self._lock:
            self._requests += 1
            number = self._requests
        if rejection is None or self._reject_nth not in (None, number):
            return None
        pdu = bytes([0x03, 0, 0, 0, 0, 4, 0, int(rejection.result), int(rejection.source),
                     int(rejection.reason)])
        return pdu, str(rejection)

    def _active(self) -> int:
        """Associations served or about to be (the gate's limit counts them)."""
        with self._lock:
            self._links = {k: v for k, v in self._links.items() if not v.ended}
            return self._handing + len(self._links)

    def _hand_over(self, sock: socket.socket, address: Any, data: bytes) -> None:
        with self._lock:
            self._handing += 1
        try:
            self._server.hand_over(sock, address, data)
        except BaseException:
            with self._lock:
                self._handing -= 1
            raise

    def _prepare(self, assoc: Any, sock: socket.socket, data: bytes) -> Any:
        """The socket of a connection handed over by the gate, and its :class:`Link`."""
        from .wire import GuardedSocket, Link, guard_dimse, link_handlers, peer_text

        link = Link(assoc, peer_text(assoc.requestor.address_info.as_tuple))
        maximum = int(self._ae.maximum_pdu_size) if self._ae is not None else 0

        def oversize(length: int) -> None:
            link.aborted_by = "server"
            self._logger.error("%s: aborted the association: a P-DATA-TF of %d bytes "
                               "announced, more than the %d offered", link.who, length, maximum)

        guarded = GuardedSocket(assoc, sock, data, maximum, oversize, link.closed)
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        guard_dimse(assoc, link, self._logger)
        for event, handler in link_handlers(link, self._logger):
            assoc.bind(event, handler)
        with self._lock:
            self._handing -= 1
            self._links[id(assoc)] = link
        return guarded

    def stop(self) -> None:
        """Stop listening, abort the associations still open, and return
        within about the timeout plus a second, whatever the peers do."""
        ae, server, gate = self._ae, self._server, self._gate
        self._server = self._ae = self._gate = None
        if ae is None:
            return
        deadline = time.monotonic() + self._timeout + 1
        self._stopping.set()
        with contextlib.suppress(Exception):
            server.shutdown()
        if gate is not None:
            gate.close(1.0)
        with self._lock:
            links = list(self._links.values())
            threads, self._threads = self._threads, []
        for link in links:
            link.closed()
            with contextlib.suppress(Exception):
                link.assoc.abort(block=False)
        grace = time.monotonic() + min(0.5, self._timeout)
        for link in links:
            if link.assoc.ident is not None:
                link.assoc.join(max(0.0, grace - time.monotonic()))
        for link in links:
            if link.assoc.is_alive():  # a peer that does not read: cut the connection
                link.assoc.dul.kill_dul()
                link.assoc._kill = True
                raw = getattr(link.assoc.dul.socket, "socket", None)
                if isinstance(raw, socket.socket):
                    with contextlib.suppress(OSError):
                        raw.shutdown(socket.SHUT_RDWR)
        for thread in [*threads, *(link.assoc for link in links),
                       *(link.assoc.dul for link in links)]:
            if isinstance(thread, threading.Thread) and thread.ident is not None:
                thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            self._links.clear()

    def __enter__(self) -> StatusServer:
        return self.start() if self._server is None else self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "listening" if self._server is not None else "stopped"
        return f"<StatusServer {self._ae_title} {self._host}:{self._port} {state}>"

    # -- serving --

    def _on_requested(self, event: Any) -> None:
        """A new association: its requests are answered by :meth:`_serve`
        instead of pynetdicom's service classes."""
        assoc = event.assoc
        with self._lock:
            link = self._links.get(id(assoc))

        def serve(msg: Any, context_id: int) -> None:
            try:
                self._serve(assoc, msg, context_id)
            except Exception:  # a bug here must not leave the client waiting
                self._logger.exception("aborting: the request could not be answered")
                if link is not None:
                    link.aborted_by = "the server"
                assoc.abort()

        assoc._serve_request = serve

    def _serve(self, assoc: Any, msg: Any, context_id: int) -> None:
        if not msg.is_valid_request:
            return
        with self._lock:
            link = self._links.get(id(assoc))
        if link is None:  # not handed over by the gate: cannot happen
            return
        context = next((cx for cx in assoc.accepted_contexts if cx.context_id == context_id),
                       None)
        try:
            command = Command.parse(type(msg).__name__)
        except ValueError:
            command = None
        if context is None or command is None or command not in self._script.served():
            self._logger.error("%s: aborted the association: %s on presentation context %s "
                               "is not served", link.who, type(msg).__name__, context_id)
            link.aborted_by = "the server"
            assoc.abort()
            return
        with self._lock:
            number = self._counts[command] = self._counts.get(command, 0) + 1
        answer = self._script.answer(command, number)
        exchange = Exchange(
            command, number, int(msg.MessageID), str(_sop_class(msg)),
            str(assoc.requestor.ae_title).strip(),
            (str(assoc.requestor.address), int(assoc.requestor.port)),
            str(context.transfer_syntax[0]), _data(msg),
            None if command is not Command.C_MOVE else str(msg.MoveDestination).strip(),
        )
        with self._lock:
            self._received.append(exchange)
        label = f"{link.who} {command.label} #{number}"
        from .wire import Cancels

        cancels = Cancels(link.wake)
        assoc.dimse.cancel_req = cancels
        last: Status[Any] | None = None
        for step in answer:
            if step.delay:
                self._pause(link, step.delay, cancels, msg.MessageID)
            if link.gone.is_set() or self._stopping.is_set() or not assoc.is_established:
                exchange._aborted = True  # pyright: ignore[reportPrivateUsage]
                why = "the server stopped" if self._stopping.is_set() else (
                    f"aborted by {link.aborted_by or 'the peer'}")
                self._logger.warning("%s: the association ended before the answer was "
                                     "finished (%s); %d response(s) sent", label, why,
                                     len(exchange._responses))  # pyright: ignore[reportPrivateUsage]
                return
            status = step.status
            if command in MULTI and cancels.pop(msg.MessageID, None) is not None:
                status = _cancelled(command, last)
                exchange._cancelled = True  # pyright: ignore[reportPrivateUsage]
            if status is None:
                exchange._aborted = True  # pyright: ignore[reportPrivateUsage]
                from .wire import send_abort

                link.aborted_by = "the server (scripted)"
                sent = "" if step.abort is None else f": {step.abort}"
                self._logger.warning("%s: aborted the association (scripted)%s", label, sent)
                abort = (0, 0) if step.abort is None else (int(step.abort.source),
                                                           int(step.abort.reason))
                send_abort(assoc, *abort)
                return
            exchange._responses.append(status)  # pyright: ignore[reportPrivateUsage]
            assoc.dimse.send_msg(_response(msg, command, status), context_id)
            self._log(label, status)
            if exchange.cancelled:
                return
            last = status

    def _pause(self, link: Link, delay: float, cancels: Cancels, message_id: int) -> None:
        """Wait ``delay`` seconds, or until the association ends, the server
        stops or a C-CANCEL of the request arrives."""
        end = time.monotonic() + delay
        while not (link.gone.is_set() or self._stopping.is_set() or message_id in cancels):
            left = end - time.monotonic()
            if left <= 0:
                return
            link.wake.wait(left)
            link.wake.clear()

    def _log(self, label: str, status: Status[Any]) -> None:
        level = LEVELS[status.type]
        if self._logger.isEnabledFor(level):
            self._logger.log(level, "%s: sent %s", label, _sent(status),
                             extra=status_log_fields(status, "sent"))


def _sent(status: Status[Any]) -> str:
    """:func:`describe`'s line for what was sent: a meaning that names an
    Error ID (MPPS 0110's "(Error ID A710)") says instead the one the
    response carries, in hex, or none."""
    text = describe(status)
    named = re.search(r" \(Error ID [0-9A-F]{4}\)", text)
    if named is not None:
        sent = ("no Error ID sent" if status.error_id is None
                else f"Error ID {status.error_id:04X} sent")
        text = f"{text[:named.start()]} ({sent}){text[named.end():]}"
    if status.error_id is not None:
        text = text.replace(f"; Error ID {status.error_id}", f"; Error ID {status.error_id:04X}")
    return text
def _as_rejection(reject: object, nth: object) -> Rejection | None:
    """What ``StatusServer(reject=..., reject_nth=...)`` sends: checked as sendable."""
    if nth is not None:
        _check_int(nth, "reject_nth", 1, 2**31)
        if reject is None:
            raise ScriptError("reject_nth needs reject: the rejection to send")
    if reject is None:
        return None
    if isinstance(reject, str):
        reject = Rejection.parse(reject)
    if not isinstance(reject, Rejection):
        raise TypeError(f"reject must be a Rejection or its text (2,3,1), not {shown(reject)}")
    try:
        return reject.check_sendable()
    except ValueError as exc:
        raise ScriptError(f"reject: {exc}") from None


def _cancelled(command: Command, last: Status[Any] | None) -> Status[Any]:
    """FE00 Cancel, with the counts of the last Pending response of a C-GET or C-MOVE."""
    status: Status[Any] = Status(0xFE00, command, service_of(command, None))
    if command is Command.C_FIND:
        return status
    if last is None:
        return status.with_details(completed=0, failed=0, warning=0)
    counts = {name: getattr(last.details, name) for name in COUNTS}
    return status.with_details(**counts)


def _sop_class(msg: Any) -> str:
    uid = getattr(msg, "AffectedSOPClassUID", None)
    return str(uid if uid is not None else getattr(msg, "RequestedSOPClassUID", ""))


_DATA_FIELDS = ("DataSet", "Identifier", "AttributeList", "ModificationList",
                "ActionInformation", "EventInformation")


def _data(msg: Any) -> bytes:
    for name in _DATA_FIELDS:
        stream = getattr(msg, name, None)
        if isinstance(stream, BytesIO):
            return stream.getvalue()
    return b""


def _response(msg: Any, command: Command, status: Status[Any]) -> Any:
    """The response primitive for ``msg`` carrying ``status`` and its details."""
    from pynetdicom import dimse_primitives

    rsp: Any = getattr(dimse_primitives, type(msg).__name__)()
    rsp.MessageIDBeingRespondedTo = msg.MessageID
    if command in DIMSE_C:
        rsp.AffectedSOPClassUID = msg.AffectedSOPClassUID
    if command is Command.C_STORE:
        rsp.AffectedSOPInstanceUID = msg.AffectedSOPInstanceUID
    elif command is Command.N_CREATE:
        from pydicom.uid import generate_uid

        rsp.AffectedSOPClassUID = msg.AffectedSOPClassUID
        rsp.AffectedSOPInstanceUID = msg.AffectedSOPInstanceUID or generate_uid()
    elif command is Command.N_EVENT_REPORT:
        rsp.AffectedSOPClassUID = msg.AffectedSOPClassUID
        rsp.AffectedSOPInstanceUID = msg.AffectedSOPInstanceUID
        rsp.EventTypeID = msg.EventTypeID
    elif command not in DIMSE_C:
        rsp.AffectedSOPClassUID = msg.RequestedSOPClassUID
        rsp.AffectedSOPInstanceUID = msg.RequestedSOPInstanceUID
        if command is Command.N_ACTION:
            rsp.ActionTypeID = msg.ActionTypeID
    rsp.Status = status.code
    for name, value in status.details._asdict().items():
        if value is not None and value != ():
            setattr(rsp, PRIMITIVE_FIELDS[name],
                    list(value) if name == "offending_element" else value)
    if command is Command.C_FIND and status.is_pending and isinstance(msg.Identifier, BytesIO):
        rsp.Identifier = BytesIO(msg.Identifier.getvalue())
    return rsp


def _contexts(service: Service | None) -> list[tuple[Any, ...]]:
    """(abstract syntax, transfer syntaxes) of every presentation context served."""
    from pynetdicom import ALL_TRANSFER_SYNTAXES, DEFAULT_TRANSFER_SYNTAXES
    from pynetdicom.presentation import (
        AllStoragePresentationContexts,
        ModalityPerformedPresentationContexts,
        QueryRetrievePresentationContexts,
        UnifiedProcedurePresentationContexts,
        VerificationPresentationContexts,
    )

    out: list[tuple[Any, ...]] = []
    for cx in VerificationPresentationContexts + QueryRetrievePresentationContexts:
        out.append((cx.abstract_syntax, DEFAULT_TRANSFER_SYNTAXES))
    for cx in AllStoragePresentationContexts:
        # A C-GET's SCU offers them with role selection: both roles accepted.
        out.append((cx.abstract_syntax, ALL_TRANSFER_SYNTAXES, True, True))
    if service is not None:
        extra = (ModalityPerformedPresentationContexts if service.name == "PROCEDURE_STEP"
                 else UnifiedProcedurePresentationContexts)
        out += [(cx.abstract_syntax, DEFAULT_TRANSFER_SYNTAXES) for cx in extra]
    return out


@contextlib.contextmanager
def status_server(
    script: StatusScript | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    ae_title: str = "STATUS-SCP",
    timeout: float = 10.0,
    max_associations: int = 10,
    record: int = 1000,
    logger: logging.Logger | None = None,
) -> Generator[StatusServer, None, None]:
    """A running :class:`StatusServer` for the block, on 127.0.0.1 and a
    free port unless told otherwise; stopped (associations aborted, threads
    ended) on leaving.

    .. code-block:: python

        with status_server({"C-STORE": {"status": "A700", "error_comment": "disk full"}}) as server:
            my_client.store(server.host, server.port, dataset)   # gets A700
            assert server.received[0].command is Command.C_STORE
    """
    server = StatusServer(script, host=host, port=port, ae_title=ae_title, timeout=timeout,
                          max_associations=max_associations, record=record, logger=logger)
    server.start()
    try:
        yield server
    finally:
        server.stop()


