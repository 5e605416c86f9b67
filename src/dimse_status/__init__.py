"""Typed DIMSE status codes: per-command enums, status types and a resolver.

>>> from dimse_status import Command, Service, Status
>>> str(Status(0xA7F3, Command.C_STORE))
'(0xA7F3) Failure: Refused: Out of Resources'
>>> Status(0xC310, Command.N_ACTION, service=Service.UNIFIED_PROCEDURE_STEP).member
<UPSNActionStatus.NOT_YET_IN_PROGRESS: 49936>
"""

from . import statuses
from .base import Command, ServiceEnum, StatusEnum, StatusType
from .resolve import (
    CustomStatus,
    Status,
    StatusConflictError,
    StatusRegistry,
    add_status,
    default_registry,
    register_statuses,
)
from .statuses import *  # noqa: F403 - every generated enum; statuses.__all__ lists them

__version__ = "0.1.0"

__all__ = [
    "Command",
    "CustomStatus",
    "ServiceEnum",
    "Status",
    "StatusConflictError",
    "StatusEnum",
    "StatusRegistry",
    "StatusType",
    "add_status",
    "default_registry",
    "register_statuses",
]
__all__ += statuses.__all__
