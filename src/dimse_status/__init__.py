"""Typed DIMSE status codes: per-command enums, status types and a resolver.

>>> from dimse_status import Command, Status
>>> str(Status(0xA7F3, Command.C_STORE))
'(0xA7F3) Failure: Refused: Out of Resources'
"""

from .base import Command, StatusEnum, StatusType
from .resolve import (
    AnyCommandStatus,
    CustomStatus,
    Status,
    StatusConflictError,
    StatusRegistry,
    add_status,
    default_registry,
    register_statuses,
)
from .statuses import (
    COMMAND_ENUMS,
    CEchoStatus,
    CFindStatus,
    CGetStatus,
    CMoveStatus,
    CStoreStatus,
    GeneralStatus,
    NActionStatus,
    NCreateStatus,
    NDeleteStatus,
    NEventReportStatus,
    NGetStatus,
    NSetStatus,
)

__version__ = "0.1.0"

__all__ = [
    "COMMAND_ENUMS",
    "AnyCommandStatus",
    "CEchoStatus",
    "CFindStatus",
    "CGetStatus",
    "CMoveStatus",
    "CStoreStatus",
    "Command",
    "CustomStatus",
    "GeneralStatus",
    "NActionStatus",
    "NCreateStatus",
    "NDeleteStatus",
    "NEventReportStatus",
    "NGetStatus",
    "NSetStatus",
    "Status",
    "StatusConflictError",
    "StatusEnum",
    "StatusRegistry",
    "StatusType",
    "add_status",
    "default_registry",
    "register_statuses",
]
