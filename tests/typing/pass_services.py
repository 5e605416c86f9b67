"""Static types of service-class statuses; checked by mypy --strict and pyright."""

from __future__ import annotations

from typing import Final

from typing_extensions import assert_never, assert_type

from dimse_status import (
    AnyServiceStatus,
    CFindStatus,
    CMoveStatus,
    Command,
    CStoreStatus,
    NActionStatus,
    NCreateStatus,
    PrintNCreateStatus,
    ProcedureStepNSetStatus,
    QueryRetrieveCFindStatus,
    RelevantPatientCFindStatus,
    Service,
    Status,
    StatusRegistry,
    UPSNActionStatus,
    UPSNCreateStatus,
)

code = 0xC310
# A constant for a service needs Final for mypy to keep its literal type.
UPS: Final = Service.UNIFIED_PROCEDURE_STEP

# A service with statuses of its own for the command: the service's enum.
assert_type(
    Status(code, Command.N_ACTION, service=Service.UNIFIED_PROCEDURE_STEP).member,
    UPSNActionStatus | None,
)
assert_type(Status(code, Command.N_ACTION, service=UPS).member, UPSNActionStatus | None)
assert_type(
    Status(code, Command.N_CREATE, service=Service.PRINT_MANAGEMENT).member,
    PrintNCreateStatus | None,
)
assert_type(
    Status(code, Command.N_SET, service=Service.PROCEDURE_STEP).member,
    ProcedureStepNSetStatus | None,
)
assert_type(
    Status(code, Command.C_FIND, service=Service.QUERY_RETRIEVE).member,
    QueryRetrieveCFindStatus | None,
)
# Q/R has no C-MOVE statuses of its own: the command's enum.
assert_type(Status(code, Command.C_MOVE, service=Service.QUERY_RETRIEVE).member, CMoveStatus | None)
assert_type(
    Status(code, Command.C_FIND, service=Service.BASIC_WORKLIST_MANAGEMENT).member,
    CFindStatus | None,
)
assert_type(Status(code, Command.C_STORE, service=Service.STORAGE).member, CStoreStatus | None)
assert_type(Status(code, Command.N_ACTION, service=None).member, NActionStatus | None)
assert_type(
    Status(code, Command.N_ACTION, service=UPS, registry=StatusRegistry()).member,
    UPSNActionStatus | None,
)


def some_service(service: Service) -> None:
    """A service not known statically: the command's enum or any service's for it."""
    assert_type(
        Status(code, Command.C_FIND, service=service).member,
        CFindStatus | QueryRetrieveCFindStatus | RelevantPatientCFindStatus | None,
    )
    assert_type(Status(code, Command.C_MOVE, service=service).member, CMoveStatus | None)


def some_command(command: Command, service: Service) -> None:
    assert_type(Status(code, command, service=service).member, AnyServiceStatus | None)


assert_type(Status(code, Command.N_ACTION, service=UPS).service, Service | None)
assert_type(Service.parse("UPS"), Service)
assert_type(UPS.title, str)
assert_type(UPS.commands, tuple[Command, ...])


def ups_create_handler() -> UPSNCreateStatus:
    """A handler returns the service's member as is; it is still an int."""
    return UPSNCreateStatus.CREATED_WITH_MODIFICATIONS


def n_create_code() -> int:
    return UPSNCreateStatus.STATE_NOT_SCHEDULED


def ups_create(code: int) -> str:
    """An exhaustive match over a service's enum for one command."""
    member = Status(code, Command.N_CREATE, service=UPS).member
    match member:
        case None:
            return "unknown"
        case UPSNCreateStatus.SUCCESS:
            return "created"
        case UPSNCreateStatus.CREATED_WITH_MODIFICATIONS:
            return "created, modified"
        case UPSNCreateStatus.STATE_NOT_SCHEDULED:
            return "resend as SCHEDULED"
        case (
            UPSNCreateStatus.ATTRIBUTE_LIST_ERROR
            | UPSNCreateStatus.ATTRIBUTE_VALUE_OUT_OF_RANGE
        ):
            return "created with a warning"
        case (
            UPSNCreateStatus.DUPLICATE_INVOCATION
            | UPSNCreateStatus.DUPLICATE_SOP_INSTANCE
            | UPSNCreateStatus.INVALID_ATTRIBUTE_VALUE
            | UPSNCreateStatus.INVALID_OBJECT_INSTANCE
            | UPSNCreateStatus.MISSING_ATTRIBUTE
            | UPSNCreateStatus.MISSING_ATTRIBUTE_VALUE
            | UPSNCreateStatus.MISTYPED_ARGUMENT
            | UPSNCreateStatus.NO_SUCH_ATTRIBUTE
            | UPSNCreateStatus.NO_SUCH_SOP_CLASS
            | UPSNCreateStatus.PROCESSING_FAILURE
            | UPSNCreateStatus.RESOURCE_LIMITATION
            | UPSNCreateStatus.UNRECOGNIZED_OPERATION
            | UPSNCreateStatus.NOT_AUTHORIZED
        ):
            return "rejected"
        case _:
            assert_never(member)


plain: NCreateStatus | None = Status(code, Command.N_CREATE).member
