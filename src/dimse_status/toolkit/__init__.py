"""For SCP and SCU code: what a handler answers and what a client reads.

- ``handlers.py``: :func:`status_handler`, which turns a pynetdicom event
  handler's exception or return value into the command's response status;
- ``errors.py``: :class:`StatusError`, raised by a handler to answer with a
  status (as dcm4che's ``DicomServiceException``);
- ``suboperations.py``: :class:`SubOperationTally` and
  :func:`retrieve_outcome`, the C-GET/C-MOVE counts and final status of
  PS3.4 C.4.2.3.1 and C.4.3.3.1;
- ``permitted.py``: :func:`is_permitted`, whether the standard lists a code
  for a command;
- ``statuslog.py``: :func:`describe`, :func:`log_status` and
  :func:`status_log_handlers`, statuses in logs;
- ``contexts.py``: :func:`meanings`, a code in every context it has one.

Every name here is also importable from :mod:`dimse_status`.

Layer: above the core.  It may import the core (``base``, ``statuses``,
``services``, ``registry``, ``resolve``, ``dataset``); nothing from
:mod:`dimse_status.testing`, :mod:`dimse_status.names` or
:mod:`dimse_status.cli`.
"""

from __future__ import annotations

from ..dataset import NoResponseError
from .contexts import meanings
from .errors import StatusError
from .handlers import status_handler
from .permitted import is_permitted
from .statuslog import describe, log_status, status_log_handlers
from .suboperations import RetrieveOutcome, SubOperationTally, retrieve_outcome

__all__ = [
    "NoResponseError", "RetrieveOutcome", "StatusError", "SubOperationTally", "describe",
    "is_permitted", "log_status", "meanings", "retrieve_outcome", "status_handler",
    "status_log_handlers",
]
