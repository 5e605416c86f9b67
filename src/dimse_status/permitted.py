"""Whether a status may be sent in answer to a command.

PS3.7 Annex C: "implementations shall not use status codes not listed" for
the DIMSE service.  A code is permitted for a command (in a service's context,
if one is given) when it is the code of a member of the command's enum (or of
the service's enum of its own statuses for the command), lies inside a member's masked range such as
``A7xx``, or is covered by a registered custom status for the command or for
every command.  pynetdicom only logs a warning for the rest and sends them;
here they can be refused before they go on the wire
(``Status.to_dataset(strict=True)``, :func:`dimse_status.status_handler`).
"""

from __future__ import annotations

from ._typechecking import TYPE_CHECKING
from .base import Command, StatusEnum
from .resolve import _registry, check_code  # pyright: ignore[reportPrivateUsage]
from .statuses import COMMAND_ENUMS, GeneralStatus

if TYPE_CHECKING:
    from typing import Any

    from .resolve import Status, StatusRegistry
    from .services import Service

__all__ = ["context_of", "is_permitted", "permitted_patterns", "refuse_unpermitted"]

# (command, service) -> every code a member covers; built on first use.
_CODES: dict[tuple[Command | None, Service | None], frozenset[int]] = {}


def _enums(command: Command | None, service: Service | None) -> tuple[type[StatusEnum], ...]:
    """The enums whose members answer ``command`` in ``service``'s context:
    the service's own statuses for the command first, then the command's."""
    if command is None:
        if service is not None:
            raise TypeError(f"service={service!r} needs a command")
        return (GeneralStatus,)
    if not isinstance(command, Command):
        raise TypeError(f"command must be a dimse_status.Command or None, not {command!r}")
    if service is None:
        return (COMMAND_ENUMS[command],)
    from .services import SERVICE_ENUMS, Service

    if not isinstance(service, Service):
        raise TypeError(f"service must be a dimse_status.Service or None, not {service!r}")
    own = SERVICE_ENUMS[service].get(command, COMMAND_ENUMS[command])
    return (COMMAND_ENUMS[command],) if own is COMMAND_ENUMS[command] else (
        own, COMMAND_ENUMS[command])


def _member_codes(command: Command | None, service: Service | None) -> frozenset[int]:
    key = (command, service)
    codes = _CODES.get(key)
    if codes is None:
        codes = frozenset(code for enum in _enums(command, service)
                          for member in enum for code in member.codes)
        _CODES[key] = codes
    return codes


def is_permitted(
    code: int,
    command: Command | None,
    service: Service | None = None,
    registry: StatusRegistry | None = None,
) -> bool:
    """Whether ``code`` may answer ``command`` (in ``service``'s context).

    True for a member's code, a code inside a member's masked range, and a
    code a custom status in ``registry`` (the default one if ``None``)
    covers, for the command or for every command.  Without a command, the
    general codes of PS3.7 Annex C (``GeneralStatus``) are the members.

    >>> from dimse_status import Command, is_permitted
    >>> is_permitted(0xA7F3, Command.C_STORE), is_permitted(0xB123, Command.C_FIND)
    (True, False)
    """
    codes = _CODES.get((command, service)) or _member_codes(command, service)
    value = code if code.__class__ is int and 0 <= code <= 0xFFFF else check_code(code)
    if value in codes:
        return True
    tables = _registry(registry)._tables  # pyright: ignore[reportPrivateUsage]
    if not tables.count:
        return False
    return tables.custom(command, value) is not None or tables.custom(None, value) is not None


def permitted_patterns(command: Command | None, service: Service | None = None) -> tuple[str, ...]:
    """The standard's statuses for ``command`` as the standard writes them:
    ``('0000', 'B000', ..., 'A7xx', 'Cxxx', ...)``, in the enum's order."""
    return tuple(dict.fromkeys(member.pattern for enum in _enums(command, service)
                               for member in enum))


def refuse_unpermitted(status: Status[Any], registry: StatusRegistry | None = None) -> None:
    """Raise ``ValueError`` if ``status`` may not answer its command, naming
    what the command permits."""
    if is_permitted(status.code, status.command, status.service, registry):
        return
    where = "any command" if status.command is None else status.command.label
    if status.service is not None:
        where += f" in the {status.service.title} Service Class"
    raise ValueError(
        f"0x{status.code:04X} is not a status the standard lists for {where} (PS3.7 Annex C: "
        f"implementations shall not use other codes); it permits "
        f"{', '.join(permitted_patterns(status.command, status.service))} "
        "and the custom statuses registered for it"
    )


def context_of(value: object) -> tuple[Command | None, Service | None]:
    """The command (and service) whose enum ``value`` is a member of:
    ``(Command.C_STORE, None)`` for ``CStoreStatus.SUCCESS``,
    ``(Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP)`` for a
    ``UPSNActionStatus``; ``(None, None)`` for a ``GeneralStatus`` member or
    anything else."""
    if not isinstance(value, StatusEnum):
        return None, None
    enum = type(value)
    for command, command_enum in COMMAND_ENUMS.items():
        if command_enum is enum:
            return command, None
    if enum is GeneralStatus:
        return None, None
    from .services import SERVICE_ENUMS

    for service, enums in SERVICE_ENUMS.items():
        for command, service_enum in enums.items():
            if service_enum is enum:
                return command, service
    return None, None
