"""The status test server: an SCP that answers the statuses you choose.

For people who test DICOM clients: :class:`StatusServer` (and the
:func:`status_server` context manager) answers each request as a
:class:`StatusScript` says, and records each :class:`Exchange`; the
``status_scp`` pytest fixture (:mod:`dimse_status.testing.pytest_plugin`)
starts one for a test.  Built on pynetdicom (``pip install
"dimse-status[pynetdicom]"``), imported when a server starts.

- ``script.py``: what the server answers (parsing, checks, the JSON Schema);
- ``server.py``: the server, what it records, the context manager;
- ``pytest_plugin.py``: the fixture.

Layer: above the toolkit.  It may import the core and
:mod:`dimse_status.toolkit`; nothing from :mod:`dimse_status.cli` (the
``dimse-status serve`` command is built on this package there).
"""

from __future__ import annotations

from .script import SCHEMA_PATH, ScriptError, StatusScript
from .server import Exchange, StatusServer, status_server

__all__ = [
    "SCHEMA_PATH", "Exchange", "ScriptError", "StatusScript", "StatusServer", "status_server",
]
