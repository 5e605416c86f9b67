"""Static types the contract promises; checked by mypy --strict, pyright, pyrefly and ty."""

from __future__ import annotations

from typing_extensions import assert_never, assert_type

from dimse_status import (
    AnyCommandStatus,
    CEchoStatus,
    CFindStatus,
    CGetStatus,
    CMoveStatus,
    Command,
    CStoreStatus,
    GeneralStatus,
    NActionStatus,
    NCreateStatus,
    NDeleteStatus,
    NEventReportStatus,
    NGetStatus,
    NSetStatus,
    Status,
    StatusEnum,
    StatusRegistry,
    StatusType,
)

code = 0xA7F3
assert_type(Status(code).member, GeneralStatus | None)
assert_type(Status(code, None).member, GeneralStatus | None)
assert_type(Status(code, Command.C_ECHO).member, CEchoStatus | None)
assert_type(Status(code, Command.C_STORE).member, CStoreStatus | None)
assert_type(Status(code, Command.C_FIND).member, CFindStatus | None)
assert_type(Status(code, Command.C_GET).member, CGetStatus | None)
assert_type(Status(code, Command.C_MOVE).member, CMoveStatus | None)
assert_type(Status(code, Command.N_EVENT_REPORT).member, NEventReportStatus | None)
assert_type(Status(code, Command.N_GET).member, NGetStatus | None)
assert_type(Status(code, Command.N_SET).member, NSetStatus | None)
assert_type(Status(code, Command.N_ACTION).member, NActionStatus | None)
assert_type(Status(code, Command.N_CREATE).member, NCreateStatus | None)
assert_type(Status(code, Command.N_DELETE).member, NDeleteStatus | None)
assert_type(Status(code, Command.C_STORE, registry=StatusRegistry()).member, CStoreStatus | None)


def dynamic(command: Command) -> None:
    assert_type(Status(code, command).member, AnyCommandStatus | None)


def maybe(command: Command | None) -> None:
    assert_type(Status(code, command).member, AnyCommandStatus | GeneralStatus | None)


status = Status(code, Command.C_STORE)
assert_type(status.code, int)
assert_type(status.command, Command | None)
assert_type(status.type, StatusType)
assert_type(status.description, str)
assert_type(status.related_attributes, tuple[int, ...])
assert_type(status.is_failure, bool)
assert_type(int(status), int)
assert_type(CStoreStatus.OUT_OF_RESOURCES.type, StatusType)
assert_type(CStoreStatus.OUT_OF_RESOURCES.description, str)
assert_type(CStoreStatus.OUT_OF_RESOURCES.related_attributes, tuple[int, ...])
assert_type(CStoreStatus.OUT_OF_RESOURCES.codes, range)
assert_type(CStoreStatus.OUT_OF_RESOURCES.value, int)
assert_type(Command.from_field(0x8001), Command)

# A Status of one command's enum is a Status of any enum (covariance).
any_status: Status[StatusEnum] = status


def store_handler() -> CStoreStatus:
    """A pynetdicom-style handler returns a member as is."""
    return CStoreStatus.OUT_OF_RESOURCES


def handler_int() -> int:
    return CStoreStatus.SUCCESS


def describe(code: int) -> str:
    """An exhaustive match over every CStoreStatus member plus None."""
    member = Status(code, Command.C_STORE).member
    match member:
        case None:
            return "unknown"
        case CStoreStatus.SUCCESS:
            return "stored"
        case (
            CStoreStatus.COERCION_OF_DATA_ELEMENTS
            | CStoreStatus.ELEMENTS_DISCARDED
            | CStoreStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING
        ):
            return "stored with a warning"
        case CStoreStatus.OUT_OF_RESOURCES:
            return "retry later"
        case (
            CStoreStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS
            | CStoreStatus.CANNOT_UNDERSTAND
            | CStoreStatus.LEGACY_SOP_CLASS_NOT_SUPPORTED
            | CStoreStatus.SOP_CLASS_NOT_SUPPORTED
            | CStoreStatus.INVALID_OBJECT_INSTANCE
            | CStoreStatus.NOT_AUTHORIZED
            | CStoreStatus.DUPLICATE_INVOCATION
            | CStoreStatus.MISTYPED_ARGUMENT
            | CStoreStatus.UNRECOGNIZED_OPERATION
        ):
            return "rejected"
        case _:
            assert_never(member)
