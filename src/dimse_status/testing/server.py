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
import math
import os
import socket
import threading
from collections import deque
from collections.abc import Generator, Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any

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

    from ..services import Service

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
        self._responses: list[Status[Any]] = []
        self._aborted = False
        self._cancelled = False

    @property
    def responses(self) -> tuple[Status[Any], ...]:
        """The statuses sent in answer, with their details, in order."""
        return tuple(self._responses)

    @property
    def aborted(self) -> bool:
        """Whether the server aborted the association instead of (finishing) its answer."""
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
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or not low <= value <= high):
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
    ) -> None:
        self._script = _as_script(script)
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
        ae: Any = AE(ae_title=self._ae_title)
        ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = self._timeout
        ae.maximum_associations = self._max_associations
        ae.require_called_aet = False
        for context in _contexts(self._script.service):
            ae.add_supported_context(*context)
        self._stopping.clear()
        before = set(threading.enumerate())
        try:
            server = ae.start_server((self._host, self._port), block=False,
                                     evt_handlers=[(evt.EVT_REQUESTED, self._on_requested)])
        except OSError as exc:
            raise ScriptError(f"cannot listen on {self._host}:{self._port}: "
                              f"{exc.strerror or exc}") from None
        # pynetdicom's thread that accepts connections (it runs serve_forever).
        self._threads = [t for t in threading.enumerate()
                         if t not in before and t.name.startswith("AcceptorServer")]
        self._ae, self._server = ae, server
        self._port = int(server.server_address[1])
        return self

    def stop(self) -> None:
        """Stop listening, abort the associations still open, and wait (at
        most the timeout, plus a second) for the server's threads to end."""
        ae, self._server = self._ae, None
        if ae is None:
            return
        self._stopping.set()
        self._ae = None
        with self._lock:
            threads = list(self._threads)
            self._threads = []
        threads += [a for a in ae.active_associations]
        ae.shutdown()
        for thread in threads:
            thread.join(self._timeout + 1)
            dul = getattr(thread, "dul", None)
            if isinstance(dul, threading.Thread):
                dul.join(self._timeout + 1)

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
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(assoc)
        # A response is written as several PDUs: without TCP_NODELAY, Nagle's
        # algorithm holds each later one until the peer's delayed ACK (40 ms).
        raw = getattr(getattr(assoc.dul, "socket", None), "socket", None)
        if isinstance(raw, socket.socket):
            with contextlib.suppress(OSError):
                raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def serve(msg: Any, context_id: int) -> None:
            try:
                self._serve(assoc, msg, context_id)
            except Exception:  # a bug here must not leave the client waiting
                self._logger.exception("aborting: the request could not be answered")
                assoc.abort()

        assoc._serve_request = serve

    def _serve(self, assoc: Any, msg: Any, context_id: int) -> None:
        if not msg.is_valid_request:
            return
        context = next((cx for cx in assoc.accepted_contexts if cx.context_id == context_id),
                       None)
        try:
            command = Command.parse(type(msg).__name__)
        except ValueError:
            command = None
        if context is None or command is None or command not in self._script.served():
            self._logger.error("aborting: %s on presentation context %s is not served",
                               type(msg).__name__, context_id)
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
        who = f"{exchange.calling_ae_title}@{exchange.peer[0]}:{exchange.peer[1]}"
        label = f"{who} {command.label} #{number}"
        assoc.dimse.cancel_req = {}
        last: Status[Any] | None = None
        for index, step in enumerate(answer):
            if step.delay and self._stopping.wait(step.delay):
                return
            if not assoc.is_established:
                return
            status = step.status
            if index and command in MULTI and assoc.dimse.cancel_req.pop(msg.MessageID, None):
                status = _cancelled(command, last)
                exchange._cancelled = True  # pyright: ignore[reportPrivateUsage]
            if status is None:
                exchange._aborted = True  # pyright: ignore[reportPrivateUsage]
                self._logger.warning("%s: aborted the association (scripted)", label)
                assoc.abort()
                return
            exchange._responses.append(status)  # pyright: ignore[reportPrivateUsage]
            assoc.dimse.send_msg(_response(msg, command, status), context_id)
            self._log(label, status)
            if exchange.cancelled:
                return
            last = status

    def _log(self, label: str, status: Status[Any]) -> None:
        level = LEVELS[status.type]
        if self._logger.isEnabledFor(level):
            self._logger.log(level, "%s: sent %s", label, describe(status),
                             extra=status_log_fields(status, "sent"))


def _cancelled(command: Command, last: Status[Any] | None) -> Status[Any]:
    """FE00 Cancel, with the counts of the last Pending response of a C-GET or C-MOVE."""
    status: Status[Any] = Status(0xFE00, command, service_of(command, None))
    if last is None or command is Command.C_FIND:
        return status
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


