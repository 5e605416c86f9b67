from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from loopback import StartSCP

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def bounded() -> Iterator[None]:
    """Fail, rather than hang, if a test takes more than 30 s."""
    from loopback import alarm

    with alarm(30):
        yield


@pytest.fixture
def scp() -> Iterator[StartSCP]:
    """Start a pynetdicom SCP on 127.0.0.1 for these SOP classes and handlers;
    return its port.  Every SCP started is shut down after the test."""
    from loopback import servers

    with servers() as start:
        yield start


def _poll_quickly() -> None:
    """pynetdicom's non-blocking ``start_server`` serves with socketserver's
    default 0.5 s poll, so each ``shutdown()`` at a test's end waits up to
    half a second (a C-MOVE test's two servers, a second).  The suite's
    servers poll every 20 ms instead: the same behaviour, a faster teardown."""
    import functools
    import socketserver

    try:
        from pynetdicom.transport import AssociationServer
    except ImportError:  # pynetdicom is a test dependency; without it nothing starts
        return
    AssociationServer.serve_forever = functools.partialmethod(  # type: ignore[method-assign,assignment]
        socketserver.BaseServer.serve_forever, poll_interval=0.02)


_poll_quickly()

# DCMTK's tools (Debian's 3.6.7) keep Nagle's algorithm on unless TCP_NODELAY
# is set: a request written in four small writes waits for the peer's delayed
# ACK, about 40 ms per message on loopback. Every tool the suite starts runs
# without it (their -d logs gain one "disabling Nagle algorithm" line).
os.environ.setdefault("TCP_NODELAY", "1")
