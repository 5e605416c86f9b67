"""Static types of the pydicom round trip; checked by mypy --strict, pyright, pyrefly and ty."""

from __future__ import annotations

from pydicom import Dataset
from typing_extensions import assert_type

from dimse_status import (
    AnyCommandStatus,
    Command,
    CStoreStatus,
    GeneralStatus,
    NActionStatus,
    Service,
    Status,
    StatusDetails,
    SubOperations,
    UPSNActionStatus,
)

ds = Dataset()
assert_type(Status.from_dataset(ds, Command.C_STORE).member, CStoreStatus | None)
assert_type(
    Status.from_dataset(ds, Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP).member,
    NActionStatus | UPSNActionStatus | None,
)
# Without a command argument the dataset's Command Field may name any command.
assert_type(Status.from_dataset(ds).member, AnyCommandStatus | GeneralStatus | None)

status = Status(0xC001, Command.C_STORE).with_details(error_comment="cannot parse")
assert_type(status, Status[CStoreStatus])
assert_type(status.to_dataset(), Dataset)
assert_type(status.details, StatusDetails)
assert_type(status.error_comment, str | None)
assert_type(status.offending_element, tuple[int, ...])
assert_type(status.sub_operations, SubOperations)
assert_type(status.sub_operations.completed, int | None)
