"""Helpers for tests that run pynetdicom SCPs and SCUs over 127.0.0.1.

The fixtures built on them (``bounded``, ``scp``) live in conftest.py.
Every server binds to 127.0.0.1 on a free port and is shut down by its
fixture; every network, ACSE and DIMSE wait is bounded by TIMEOUT.
"""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownParameterType=false

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

TIMEOUT = 5  # seconds, for every network, ACSE and DIMSE wait
Handlers = list[tuple[Any, Callable[..., Any]]]  # (evt.EVT_..., handler) pairs
StartSCP = Callable[[list[UID], Handlers], int]


@contextmanager
def alarm(seconds: int) -> Generator[None, None, None]:
    """Raise TimeoutError in the main thread if the block takes longer."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"loopback test took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def make_ae() -> AE:
    ae = AE()
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = TIMEOUT
    return ae


@contextmanager
def scp_servers() -> Generator[StartSCP, None, None]:
    """A function that starts an SCP for SOP classes and handlers and returns
    its port; every SCP it started is shut down on leaving."""
    servers: list[Any] = []

    def start(contexts: list[UID], handlers: Handlers) -> int:
        ae = make_ae()
        for context in contexts:
            ae.add_supported_context(context, ImplicitVRLittleEndian, scu_role=True,
                                     scp_role=True)
        server = ae.start_server(("127.0.0.1", 0), block=False, evt_handlers=[*handlers])
        assert server is not None
        servers.append(server)
        return int(server.server_address[1])

    try:
        yield start
    finally:
        for server in servers:
            server.shutdown()


def associate(port: int, contexts: list[UID], handlers: Handlers | None = None,
              roles: list[Any] | None = None) -> Association:
    ae = make_ae()
    for context in contexts:
        ae.add_requested_context(context, ImplicitVRLittleEndian)
    assoc = ae.associate("127.0.0.1", port, ext_neg=roles or [], evt_handlers=[*(handlers or [])])
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
