"""Statuses in one line and in the logs.

:func:`describe` writes a status with its details on one line;
:func:`log_status` logs one at a level that follows its type, with
structured fields in ``extra`` for JSON formatters; and
:func:`status_log_handlers` gives pynetdicom event handlers that log every
status an association receives and sends (pynetdicom's own log prints
C-ECHO 0x0122 and C-STORE 0xB123 as "Unknown" and leaves out the Error Comment).
"""

from __future__ import annotations

import logging

from .._typechecking import TYPE_CHECKING
from ..base import StatusType, format_tag

if TYPE_CHECKING:
    from typing import Any, TypedDict

    from ..base import Command, StatusEnum
    from ..registry import StatusRegistry
    from ..resolve import Status
    from ..services import Service

    class StatusLogFields(TypedDict):
        """The structured fields of a logged status (:func:`status_log_fields`)."""

        code: int
        code_hex: str
        type: str
        command: str | None
        member: str | None
        comment: str | None
        direction: str | None

__all__ = ["LEVELS", "describe", "log_status", "status_log_handlers", "status_log_fields"]

LEVELS: dict[StatusType, int] = {
    StatusType.SUCCESS: logging.INFO,
    StatusType.PENDING: logging.DEBUG,
    StatusType.CANCEL: logging.INFO,
    StatusType.WARNING: logging.WARNING,
    StatusType.FAILURE: logging.ERROR,
}
"""The level :func:`log_status` logs a status of each type at."""

_COUNTS = ("remaining", "completed", "failed", "warning")
# The command of a logged response: its Command Field's (typed so that a
# service may be given with it).
_FROM_FIELD: Command | None = None


def describe(status: Status[StatusEnum]) -> str:
    """The status on one line: code, type, meaning, command, and the details
    it carries (Error Comment, Offending Element, Error ID, counts).

    >>> from dimse_status import Command, Status, describe
    >>> describe(Status(0xA7F3, Command.C_STORE).with_details(error_comment="disk full"))
    "(0xA7F3) Failure: Refused: Out of Resources [C-STORE]; Error Comment 'disk full'"
    """
    text = str(status)
    if status.command is not None:
        text += f" [{status.command.label}]"
    details = status.details
    parts: list[str] = []
    if details.error_comment is not None:
        parts.append(f"Error Comment {details.error_comment!r}")
    if details.offending_element:
        parts.append("Offending Element " + " ".join(map(format_tag, details.offending_element)))
    if details.error_id is not None:
        parts.append(f"Error ID {details.error_id}")
    counts = [f"{name} {getattr(details, name)}" for name in _COUNTS
              if getattr(details, name) is not None]
    if counts:
        parts.append("sub-operations: " + ", ".join(counts))
    return "; ".join([text, *parts])


def status_log_fields(status: Status[StatusEnum], direction: str | None = None
                      ) -> StatusLogFields:
    """The structured fields :func:`log_status` puts in ``extra``: ``code``
    (int), ``code_hex`` (``"0xA7F3"``), ``type`` (``"Failure"``),
    ``command`` (``"C-STORE"`` or None), ``member`` (the member's name or
    None), ``comment`` (the Error Comment or None) and ``direction``
    (``"received"``, ``"sent"`` or None)."""
    return {
        "code": status.code,
        "code_hex": f"0x{status.code:04X}",
        "type": status.type.value,
        "command": None if status.command is None else status.command.label,
        "member": None if status.member is None else status.member.name,
        "comment": status.error_comment,
        "direction": direction,
    }


def log_status(
    status: Status[StatusEnum],
    logger: logging.Logger | None = None,
    *,
    direction: str | None = None,
) -> None:
    """Log ``status`` on ``logger`` (``dimse_status``'s if None) at the level
    :data:`LEVELS` gives for its type, the message :func:`describe`'s line,
    the fields of :func:`status_log_fields` in ``extra``."""
    target = logging.getLogger("dimse_status") if logger is None else logger
    level = LEVELS[status.type]
    if target.isEnabledFor(level):
        prefix = "" if direction is None else f"{direction} "
        target.log(level, "%s%s", prefix, describe(status),
                   extra=status_log_fields(status, direction))


def status_log_handlers(
    logger: logging.Logger | None = None,
    *,
    service: Service | None = None,
    registry: StatusRegistry | None = None,
) -> list[Any]:
    """pynetdicom event handlers that log every status an association
    receives (``EVT_DIMSE_RECV``) and sends (``EVT_DIMSE_SENT``) with
    :func:`log_status`; pass them as ``evt_handlers`` to ``AE.associate``
    or ``AE.start_server`` (typed as ``list[Any]``: pynetdicom is optional).

    Each status is read as ``Status.from_dataset(command_set, service=service,
    registry=registry)``: with ``service=Service.UNIFIED_PROCEDURE_STEP`` an
    N-ACTION C310 is logged with its UPS meaning, with ``registry=`` a vendor
    code with the registry's.  The service applies to every response of the
    association (a command the service does not use reads as without it).
    ``TypeError`` names a service or registry of the wrong type here, not at
    the first response.  Needs pynetdicom."""
    from pynetdicom import evt

    from .._tables import load_services
    from ..base import described
    from ..registry import registry_of

    if service is not None and not isinstance(service, load_services()):
        raise TypeError("status_log_handlers: service must be a dimse_status.Service or "
                        f"None, not {described(service)}")
    registry_of(registry)  # its TypeError names what was given

    def on_received(event: Any) -> None:
        _log_message(event.message, logger, "received", service, registry)

    def on_sent(event: Any) -> None:
        _log_message(event.message, logger, "sent", service, registry)

    return [(evt.EVT_DIMSE_RECV, on_received), (evt.EVT_DIMSE_SENT, on_sent)]


def _log_message(
    message: Any, logger: logging.Logger | None, direction: str,
    service: Service | None = None, registry: StatusRegistry | None = None,
) -> None:
    """Log the status of a DIMSE response message; requests carry none."""
    from ..resolve import Status

    command_set: Any = getattr(message, "command_set", None)
    if command_set is None or "Status" not in command_set:
        return
    try:
        status = Status.from_dataset(command_set, _FROM_FIELD, service, registry=registry)
    except ValueError as exc:  # a malformed status: say so, never break the association
        (logging.getLogger("dimse_status") if logger is None else logger).warning(
            "%s a response whose status cannot be read: %s", direction, exc)
        return
    log_status(status, logger, direction=direction)
