"""Helpers for tests over real associations on 127.0.0.1 (pynetdicom on both
sides): every server binds 127.0.0.1 on a free port and is shut down by the
fixture that started it; every wait is bounded by the timeouts below."""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownParameterType=false
# pyright: reportUnknownVariableType=false, reportUnknownLambdaType=false

from __future__ import annotations

import signal
from collections.abc import Callable, Generator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from pydicom import Dataset
from pydicom.uid import UID, CTImageStorage, ImplicitVRLittleEndian, generate_uid
from pynetdicom import AE
from pynetdicom.association import Association

from dimse_status import Command, Status, SubOperationTally

TIMEOUT = 5  # seconds, for every network, ACSE and DIMSE wait
Handlers = list[tuple[Any, Callable[..., Any]]]  # (evt.EVT_..., handler) pairs
StartSCP = Callable[[list[UID], Handlers], int]


@contextmanager
def alarm(seconds: int = 30) -> Generator[None, None, None]:
    """Fail, rather than hang, if the block takes more than ``seconds``."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"loopback test took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def ae(title: str = "PYNETDICOM") -> AE:
    entity = AE(ae_title=title)
    entity.acse_timeout = entity.dimse_timeout = entity.network_timeout = TIMEOUT
    return entity


@contextmanager
def servers() -> Generator[StartSCP, None, None]:
    """Start SCPs for these SOP classes and handlers (each returns its port);
    all are shut down on leaving."""
    started: list[Any] = []

    def start(contexts: list[UID], handlers: Handlers) -> int:
        entity = ae()
        for context in contexts:
            entity.add_supported_context(context, ImplicitVRLittleEndian, scu_role=True,
                                         scp_role=True)
            entity.add_requested_context(context, ImplicitVRLittleEndian)  # C-MOVE's stores
        server = entity.start_server(("127.0.0.1", 0), block=False, evt_handlers=[*handlers])
        assert server is not None
        started.append(server)
        return int(server.server_address[1])

    try:
        yield start
    finally:
        for server in started:
            server.shutdown()


def associate(port: int, contexts: list[UID], handlers: Handlers | None = None,
              roles: list[Any] | None = None, called: str = "ANY-SCP") -> Association:
    entity = ae()
    for context in contexts:
        entity.add_requested_context(context, ImplicitVRLittleEndian)
    assoc = entity.associate("127.0.0.1", port, ae_title=called, ext_neg=roles or [],
                             evt_handlers=[*(handlers or [])])
    assert assoc.is_established
    return assoc


def instance(name: str = "Test^Patient") -> Dataset:
    ds = Dataset()
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = generate_uid()
    ds.PatientName = name
    ds.PatientID = "1234"
    ds.file_meta = Dataset()  # type: ignore[assignment]
    ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian
    return ds


def tally_final(command: Command, codes: tuple[int, ...]) -> Status[Any]:
    """The tally's final C-GET or C-MOVE status for sub-operations answering ``codes``."""
    tally = SubOperationTally(Command.C_MOVE, total=len(codes)) if command is Command.C_MOVE \
        else SubOperationTally(Command.C_GET, total=len(codes))
    for code in codes:
        tally.add(code)
    return tally.final()


def peer(codes: tuple[int, ...]) -> Callable[[Any], int]:
    """A C-STORE handler that answers ``codes`` in turn."""
    answers = iter(codes)
    return lambda event: next(answers)
