"""Every context in which a code has a meaning: for a raw code in a log line,
with no idea which command or service sent it."""

from __future__ import annotations

from .._typechecking import TYPE_CHECKING
from ..base import Command
from ..resolve import Status

if TYPE_CHECKING:
    from ..base import StatusEnum
    from ..registry import StatusRegistry

__all__ = ["meanings"]


def meanings(
    code: int, *, registry: StatusRegistry | None = None,
) -> tuple[Status[StatusEnum], ...]:
    """What ``code`` means wherever it means something: first the general
    meaning (``Status(code)``: an Annex C code, or the Annex C class of the
    code), then the status of each command whose enum has a member for it
    (masked ranges included), then each service class's own status for a
    command; and a status registered in ``registry`` for a command.

    >>> from dimse_status import meanings
    >>> for status in meanings(0xC603):
    ...     where = status.command.label if status.command else "general"
    ...     if status.service:
    ...         where += f" in {status.service.title}"
    ...     print(f"{where}: {status.description}")
    general: Unknown Failure (Annex C: Cxxx is a Failure)
    C-STORE: Error: Cannot understand
    C-FIND: Failed: Unable to process
    C-GET: Failed: Unable to process
    C-MOVE: Failed: Unable to process
    N-SET in Print Management: Failed: Image size is larger than image box size
    N-ACTION in Print Management: Failed: Image size is larger than image box size
    """
    from ..services import SERVICE_CONTEXTS

    general = Status(code, registry=registry)
    found: list[Status[StatusEnum]] = [general]
    for command in Command:
        status = Status(code, command, registry=registry)
        registered = status.member is None and status.description != Status(code).description
        if status.member is not None or registered:
            found.append(status)
    for enum, (service, command) in SERVICE_CONTEXTS.items():  # the services' own statuses
        if enum.lookup(general.code) is not None:
            found.append(Status(code, command, service, registry=registry))
    return tuple(found)
