"""Static types of service-class statuses; checked by mypy --strict, pyright, pyrefly and ty."""

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
    NSetStatus,
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

# A service with statuses of its own for the command: the command's enum or
# the service's own.
assert_type(
    Status(code, Command.N_ACTION, service=Service.UNIFIED_PROCEDURE_STEP).member,
    NActionStatus | UPSNActionStatus | None,
)
assert_type(
    Status(code, Command.N_ACTION, service=UPS).member, NActionStatus | UPSNActionStatus | None
)
assert_type(
    Status(code, Command.N_CREATE, service=Service.PRINT_MANAGEMENT).member,
    NCreateStatus | PrintNCreateStatus | None,
)
assert_type(
    Status(code, Command.N_SET, service=Service.PROCEDURE_STEP).member,
    NSetStatus | ProcedureStepNSetStatus | None,
)
assert_type(
    Status(code, Command.C_FIND, service=Service.QUERY_RETRIEVE).member,
    CFindStatus | QueryRetrieveCFindStatus | None,
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
    NActionStatus | UPSNActionStatus | None,
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
    """An exhaustive match over the command's enum and the service's own."""
    member = Status(code, Command.N_CREATE, service=UPS).member
    match member:
        case None:
            return "unknown"
        case NCreateStatus.SUCCESS:
            return "created"
        case UPSNCreateStatus.CREATED_WITH_MODIFICATIONS:
            return "created, modified"
        case UPSNCreateStatus.STATE_NOT_SCHEDULED:
            return "resend as SCHEDULED"
        case NCreateStatus.ATTRIBUTE_LIST_ERROR | NCreateStatus.ATTRIBUTE_VALUE_OUT_OF_RANGE:
            return "created with a warning"
        case NCreateStatus():
            return "rejected"  # every other NCreateStatus member
        case _:
            assert_never(member)


def qr_find(code: int) -> str:
    """The command's members keep their identity in a service context."""
    member = Status(code, Command.C_FIND, service=Service.QUERY_RETRIEVE).member
    if isinstance(member, CFindStatus):
        return find_member(member)
    match member:
        case None:
            return "unknown"
        case QueryRetrieveCFindStatus.RESPONSE_LIMIT_REACHED:
            return "ask again for more"
        case QueryRetrieveCFindStatus.INVALID_PRIOR_RECORD_KEY:
            return "restart the query"
        case _:
            assert_never(member)


def find_member(member: CFindStatus) -> str:
    return member.name


def find_status(status: Status[CFindStatus]) -> int:
    return status.code


def qr_status(status: Status[CFindStatus | QueryRetrieveCFindStatus]) -> int:
    return status.code


# A service without statuses of its own for the command: a Status[CFindStatus].
find_status(Status(code, Command.C_FIND, service=Service.BASIC_WORKLIST_MANAGEMENT))
qr_status(Status(code, Command.C_FIND, service=Service.QUERY_RETRIEVE))
qr_status(Status(code, Command.C_FIND))  # a command-level status is one too
# Assignability, not assert_type: ty infers the more precise
# Literal[UPSNActionStatus.NOT_YET_IN_PROGRESS] | None; both are assignable.
own: UPSNActionStatus | None = Status(UPSNActionStatus.NOT_YET_IN_PROGRESS).member

plain: NCreateStatus | None = Status(code, Command.N_CREATE).member
