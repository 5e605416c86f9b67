"""The ``status_scp`` pytest fixture: status test servers for a test.

Installed with dimse-status as a pytest plugin (the ``pytest11`` entry point
``dimse_status``), so a test only names the fixture::

    def test_my_client_reports_a_full_disk(status_scp):
        server = status_scp({"C-STORE": {"status": "A700", "error_comment": "disk full"}})
        ...  # point the client at server.host, server.port

``status_scp(script, **options)`` starts a :class:`~dimse_status.testing.StatusServer`
(the options of :func:`~dimse_status.testing.status_server`: 127.0.0.1 and a free port
unless told otherwise) and returns it; every server the test started is
stopped when the test ends.  ``pytest -p no:dimse_status`` leaves the plugin
out; ``pytest_plugins = ["dimse_status.testing.pytest_plugin"]`` in a ``conftest.py``
loads it where entry points are not read.  It needs pynetdicom only when a
server starts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import logging
    import os

    from .script import StatusScript
    from .server import StatusServer

__all__ = ["StatusServers", "status_scp"]


class StatusServers:
    """What the ``status_scp`` fixture gives: call it to start a server."""

    def __init__(self) -> None:
        self._started: list[StatusServer] = []

    def __call__(
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
    ) -> StatusServer:
        """Start a :class:`~dimse_status.testing.StatusServer` for ``script``; it is
        stopped when the test ends."""
        from .server import StatusServer

        server = StatusServer(script, host=host, port=port, ae_title=ae_title,
                              timeout=timeout, max_associations=max_associations,
                              record=record, logger=logger)
        server.start()
        self._started.append(server)
        return server

    def stop(self) -> None:
        """Stop every server started (the fixture does it after the test)."""
        while self._started:
            self._started.pop().stop()


@pytest.fixture
def status_scp() -> Iterator[StatusServers]:
    """Start status test servers in a test: ``status_scp(script, **options)``
    returns a running :class:`~dimse_status.testing.StatusServer`; all are stopped
    after the test."""
    servers = StatusServers()
    try:
        yield servers
    finally:
        servers.stop()
