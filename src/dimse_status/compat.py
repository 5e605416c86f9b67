"""A drop-in for ``pynetdicom2.statuses``, the module the user's seed documents.

Same names, same behaviour: ``Status(value, command=None)`` with
``.status_type`` (a string), ``.description`` and the ``is_*`` flags;
``add_status`` registers process-wide in pynetdicom2's order (an exact code
for a command, the last registered winning; then the command's ranges, the
first registered winning; then the same for no command in particular);
unknown codes are Failures.  A status compares equal, by code, with any
``pynetdicom2.statuses.Status``, such as those pynetdicom2's own helpers
return.  ``command`` may be a :class:`~dimse_status.Command`
or any class with a ``command_field`` attribute, such as pynetdicom2's message
classes.  Meanings come from the standard, so a few differ from pynetdicom2's
table; README.md lists them.
"""

from __future__ import annotations

import sys

from ._typechecking import TYPE_CHECKING
from .base import Command, StatusType, check_code, described
from .registry import add_status_as_seed, register_statuses
from .resolve import Status as _Status

__all__ = [
    "C_FIND_CANCEL",
    "C_FIND_OUT_OF_RESOURCES",
    "C_FIND_PENDING",
    "C_FIND_PENDING_WARNING",
    "C_FIND_UNABLE_TO_PROCESS",
    "C_GET_CANCEL",
    "C_GET_PENDING",
    "C_GET_UNABLE_TO_PROCESS",
    "C_GET_WARNING",
    "C_MOVE_CANCEL",
    "C_MOVE_DESTINATION_UNKNOWN",
    "C_MOVE_PENDING",
    "C_MOVE_UNABLE_TO_PROCESS",
    "C_MOVE_WARNING",
    "C_STORE_CANNON_UNDERSTAND",
    "C_STORE_CANNOT_UNDERSTAND",
    "C_STORE_ELEMENTS_DISCARDED",
    "C_STORE_OUT_OF_RESOURCES",
    "PROCESSING_FAILURE",
    "SOP_CLASS_NOT_SUPPORTED",
    "SUCCESS",
    "Status",
    "add_status",
    "register_statuses",
]


# Only type checkers import typing (see _typechecking.py): it would double the
# import time of this module.
if TYPE_CHECKING:
    from typing import Any, Protocol, SupportsIndex, Union

    class HasCommandField(Protocol):
        """A pynetdicom2 message class: anything with a ``command_field``."""

        command_field: int

    CommandLike = Union[Command, type[HasCommandField], HasCommandField, None]


def _command(command: object) -> Command | None:
    if command is None or type(command) is Command:
        return command  # pyright: ignore[reportReturnType]
    field = getattr(command, "command_field", None)
    if isinstance(field, int) and not isinstance(field, bool):
        return Command.from_field(field)
    raise TypeError(
        f"command must be a Command or have a command_field attribute, not {described(command)}"
    )


def _pynetdicom2_code(other: object) -> int | None:
    """The code of a ``pynetdicom2.statuses.Status``, if ``other`` is one
    (pynetdicom2 is not imported: only looked for if already loaded)."""
    module = sys.modules.get("pynetdicom2.statuses")
    their_status: object = getattr(module, "Status", None)
    if isinstance(their_status, type) and isinstance(other, their_status):
        return int(other)  # type: ignore[call-overload, no-any-return]
    return None


class Status:
    """A message status, as pynetdicom2's ``statuses.Status``; read-only (a
    new meaning is registered with :func:`add_status`)."""

    __slots__ = ("_status",)

    def __init__(self, value: SupportsIndex, command: CommandLike = None) -> None:
        self._status = _Status(check_code(value), _command(command))

    def __reduce__(self) -> tuple[Any, ...]:
        # Every pickle protocol (0 and 1 cannot pickle __slots__ by
        # themselves); the typed status pickles its meaning.
        return (_from_status, (self._status,))

    @property
    def status_type(self) -> str:
        """``"Success"``, ``"Warning"``, ``"Failure"``, ``"Cancel"`` or ``"Pending"``."""
        return self._status.type.value

    @property
    def description(self) -> str:
        return self._status.description

    @property
    def is_success(self) -> bool:
        return self._status.is_success

    @property
    def is_warning(self) -> bool:
        return self._status.is_warning

    @property
    def is_failure(self) -> bool:
        return self._status.is_failure

    @property
    def is_cancel(self) -> bool:
        return self._status.is_cancel

    @property
    def is_pending(self) -> bool:
        return self._status.is_pending

    @property
    def status(self) -> _Status[Any]:
        """The typed :class:`dimse_status.Status` behind this one."""
        return self._status

    def __int__(self) -> int:
        return self._status.code

    def __index__(self) -> int:
        return self._status.code

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Status):
            return int(self) == int(other)
        code = _pynetdicom2_code(other)
        if code is not None:
            return int(self) == code
        return NotImplemented

    def __hash__(self) -> int:
        return hash(int(self))

    def __str__(self) -> str:
        return str(self._status)

    def __repr__(self) -> str:
        return f"Status(0x{int(self):04X})"


def _from_status(status: _Status[Any]) -> Status:
    new = object.__new__(Status)
    new._status = status  # pyright: ignore[reportPrivateUsage]
    return new


def add_status(
    code: SupportsIndex,
    code_type: StatusType | str,
    description: str,
    end: SupportsIndex | None = None,
    command: CommandLike = None,
) -> None:
    """Add a status to the process-wide registry, in pynetdicom2's order: a
    single code (``end`` None) wins over everything registered before it for
    its command, standard statuses included; a range only takes the codes
    that no exact code, earlier range or standard status of its command
    already defines.  A command's own statuses come before those for no
    command in particular."""
    add_status_as_seed(code, code_type, description, end, _command(command))


#: (0x0000) Success
SUCCESS = Status(0x0000)
#: (0x0110) Processing Failure
PROCESSING_FAILURE = Status(0x0110)
#: (0x0122) Refused: SOP Class Not Supported
SOP_CLASS_NOT_SUPPORTED = Status(0x0122)
#: (0xC000) Error: Cannot understand (C-STORE)
C_STORE_CANNOT_UNDERSTAND = Status(0xC000, Command.C_STORE)
#: The seed's spelling of :data:`C_STORE_CANNOT_UNDERSTAND`.
C_STORE_CANNON_UNDERSTAND = C_STORE_CANNOT_UNDERSTAND
#: (0xA700) Refused: Out of Resources (C-STORE)
C_STORE_OUT_OF_RESOURCES = Status(0xA700, Command.C_STORE)
#: (0xB006) Elements Discarded (C-STORE)
C_STORE_ELEMENTS_DISCARDED = Status(0xB006, Command.C_STORE)
#: (0xFF00) Matches are continuing - Current Match is supplied ... (C-FIND)
C_FIND_PENDING = Status(0xFF00, Command.C_FIND)
#: (0xFF01) Matches are continuing - Warning that one or more Optional Keys ... (C-FIND)
C_FIND_PENDING_WARNING = Status(0xFF01, Command.C_FIND)
#: (0xC000) Failed: Unable to process (C-FIND)
C_FIND_UNABLE_TO_PROCESS = Status(0xC000, Command.C_FIND)
#: (0xA700) Refused: Out of Resources (C-FIND)
C_FIND_OUT_OF_RESOURCES = Status(0xA700, Command.C_FIND)
#: (0xFE00) Matching terminated due to Cancel request (C-FIND)
C_FIND_CANCEL = Status(0xFE00, Command.C_FIND)
#: (0xFF00) Sub-operations are continuing (C-GET)
C_GET_PENDING = Status(0xFF00, Command.C_GET)
#: (0xB000) Sub-operations Complete - One or more Failures or Warnings (C-GET)
C_GET_WARNING = Status(0xB000, Command.C_GET)
#: (0xC000) Failed: Unable to process (C-GET)
C_GET_UNABLE_TO_PROCESS = Status(0xC000, Command.C_GET)
#: (0xFE00) Sub-operations terminated due to Cancel Indication (C-GET)
C_GET_CANCEL = Status(0xFE00, Command.C_GET)
#: (0xFF00) Sub-operations are continuing (C-MOVE)
C_MOVE_PENDING = Status(0xFF00, Command.C_MOVE)
#: (0xB000) Sub-operations Complete - One or more Failures or Warnings (C-MOVE)
C_MOVE_WARNING = Status(0xB000, Command.C_MOVE)
#: (0xC000) Failed: Unable to process (C-MOVE)
C_MOVE_UNABLE_TO_PROCESS = Status(0xC000, Command.C_MOVE)
#: (0xA801) Refused: Move Destination unknown (C-MOVE)
C_MOVE_DESTINATION_UNKNOWN = Status(0xA801, Command.C_MOVE)
#: (0xFE00) Sub-operations terminated due to Cancel Indication (C-MOVE)
C_MOVE_CANCEL = Status(0xFE00, Command.C_MOVE)
