"""Members by value, a Status as an int, and a member's own command;
checked by mypy --strict, pyright, pyrefly and ty."""

from __future__ import annotations

from typing import Final

from typing_extensions import assert_type

from dimse_status import (
    AnyCommandStatus,
    Command,
    CStoreStatus,
    GeneralStatus,
    NActionStatus,
    Status,
    UPSNActionStatus,
)

# Value lookup, as HTTPStatus(404): masked codes included (at run time).
assert_type(CStoreStatus(0xA700), CStoreStatus)
assert_type(CStoreStatus(0xA7F3), CStoreStatus)
assert_type(CStoreStatus.lookup(0xA7F3), CStoreStatus | None)
assert_type(UPSNActionStatus.lookup(0xC310), UPSNActionStatus | None)
assert_type(GeneralStatus.lookup(0x0110), GeneralStatus | None)

# A Status is an int whose value is the code.
status = Status(0xA7F3, Command.C_STORE)
code: int = status
assert_type(f"{status:04X}", str)
assert_type(status + 0, int)
assert_type(status == 0xA7F3, bool)


def store_handler(event: object) -> int:
    """A pynetdicom handler may return a Status, as it may return a member."""
    return Status(0xA700, Command.C_STORE)


# A member without a command reads as its own command's (and service's).
# Assignability, not assert_type: ty infers the more precise
# Literal[CStoreStatus.OUT_OF_RESOURCES] | None (the member's own literal
# type), mypy, pyright and pyrefly CStoreStatus | None; both are assignable.
own_store: CStoreStatus | None = Status(CStoreStatus.OUT_OF_RESOURCES).member
own_ups: UPSNActionStatus | None = Status(UPSNActionStatus.NOT_YET_IN_PROGRESS).member
assert_type(Status(0xA700).member, GeneralStatus | None)

# A command in a constant keeps its literal type for mypy when declared Final.
STORE: Final = Command.C_STORE
assert_type(Status(0xA7F3, STORE).member, CStoreStatus | None)


def any_command(command: Command) -> None:
    assert_type(Status(0xA7F3, command).member, AnyCommandStatus | None)


def action(member: NActionStatus) -> Status[NActionStatus]:
    return Status(member)

# Membership, masked codes included, the same on every version.
assert_type(CStoreStatus.has_code(0xA7F3), bool)
