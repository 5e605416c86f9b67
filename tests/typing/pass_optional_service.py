"""A service that may be None (``service: Service | None``) gives the
command's union: its enum and its services' own, never all 32 enums.
Checked by mypy --strict, pyright, pyrefly and ty."""

from __future__ import annotations

from pydicom import Dataset
from typing_extensions import assert_type

from dimse_status import (
    AnyServiceStatus,
    CFindStatus,
    Command,
    CStoreStatus,
    NActionStatus,
    NDeleteStatus,
    NGetStatus,
    QueryRetrieveCFindStatus,
    RelevantPatientCFindStatus,
    Service,
    Status,
    UPSNActionStatus,
)
from dimse_status.services import (
    EventLoggingNActionStatus,
    MediaCreationNActionStatus,
    MediaCreationNGetStatus,
    PrintNActionStatus,
    ProcedureStepNGetStatus,
    RTMachineVerificationNActionStatus,
    RTMachineVerificationNGetStatus,
    StorageManagementNActionStatus,
    UPSNGetStatus,
)

FindMember = CFindStatus | QueryRetrieveCFindStatus | RelevantPatientCFindStatus
ActionMember = (
    NActionStatus | PrintNActionStatus | EventLoggingNActionStatus | MediaCreationNActionStatus
    | UPSNActionStatus | RTMachineVerificationNActionStatus | StorageManagementNActionStatus
)
GetMember = (
    NGetStatus | ProcedureStepNGetStatus | MediaCreationNGetStatus | UPSNGetStatus
    | RTMachineVerificationNGetStatus
)


def optional(code: int, service: Service | None, ds: Dataset) -> None:
    assert_type(Status(code, Command.C_FIND, service).member, FindMember | None)
    assert_type(Status(code, Command.C_FIND, service=service).member, FindMember | None)
    assert_type(Status(code, Command.N_ACTION, service).member, ActionMember | None)
    assert_type(Status(code, Command.N_GET, service).member, GetMember | None)
    assert_type(Status(code, Command.C_STORE, service).member, CStoreStatus | None)
    assert_type(Status(code, Command.N_DELETE, service).member, NDeleteStatus | None)
    assert_type(Status.from_dataset(ds, Command.C_FIND, service).member, FindMember | None)
    assert_type(Status.from_dataset(ds, Command.N_ACTION, service).member, ActionMember | None)
    assert_type(Status.from_dataset(ds, Command.C_STORE, service).member, CStoreStatus | None)


def any_command(code: int, command: Command, service: Service | None) -> None:
    """Neither known statically: any command's or service's enum."""
    assert_type(Status(code, command, service).member, AnyServiceStatus | None)
