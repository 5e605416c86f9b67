"""Static types of dimse_status.dicomweb; checked by mypy --strict and pyright."""

from __future__ import annotations

from http import HTTPStatus

from pydicom import Dataset
from typing_extensions import assert_type

from dimse_status import Command, CStoreStatus, GeneralStatus, Status
from dimse_status.dicomweb import (
    InstanceOutcome,
    ReasonValue,
    StoreOutcome,
    StoreReason,
    failure_reason,
    ups_status,
    ups_warning,
    warning_header,
    warning_reason,
)
from dimse_status.services import UPSNActionStatus, UPSNCreateStatus, UPSNSetStatus

outcome = StoreOutcome(retrieve_url="https://pacs.example/studies/1")
added = outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.3", CStoreStatus.SUCCESS)
assert_type(added, InstanceOutcome)
outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.4", Status(0xA700, Command.C_STORE))
outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.5", 0xB000, "https://pacs.example/i/1.2.5")
outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.6", GeneralStatus.PROCESSING_FAILURE)
assert_type(outcome.add_other_failure(0x0110), StoreReason)
assert_type(outcome.http_status, HTTPStatus)
code: int = outcome.http_status
assert_type(outcome.to_json(), dict[str, object])
assert_type(outcome.to_dataset(), Dataset)
assert_type(outcome.instances, tuple[InstanceOutcome, ...])
assert_type(outcome.other_failures, tuple[StoreReason, ...])
assert_type(outcome.retrieve_url, str | None)

read = StoreOutcome.from_json('{"00081199": {"vr": "SQ"}}')
assert_type(read, StoreOutcome)
assert_type(StoreOutcome.from_json(b"{}"), StoreOutcome)
assert_type(StoreOutcome.from_json({"00081190": {"vr": "UR"}}), StoreOutcome)
assert_type(StoreOutcome.from_dataset(Dataset()), StoreOutcome)
for instance in read.instances:
    assert_type(instance.status, Status[CStoreStatus])
    assert_type(instance.status.member, CStoreStatus | None)
    assert_type(instance.stored, bool)
    assert_type(instance.problem, str | None)
    assert_type(instance.retrieve_url, str | None)
    assert_type(instance.reason, StoreReason | None)

reason = failure_reason(42752)
assert_type(reason, StoreReason)
assert_type(warning_reason("B000"), StoreReason)
assert_type(reason.status, Status[CStoreStatus])
assert_type(reason.value, ReasonValue | None)
assert_type(reason.meaning, str)
assert_type(reason.listed, bool)
assert_type(reason.problem, str | None)

assert_type(ups_warning(UPSNActionStatus.ALREADY_CANCELED), str | None)
assert_type(ups_warning(UPSNCreateStatus.CREATED_WITH_MODIFICATIONS), str | None)
found = ups_status("299 ups.example: The UPS is already COMPLETED.")
assert_type(found, UPSNCreateStatus | UPSNSetStatus | UPSNActionStatus | None)
assert_type(warning_header(Status(0xA700, Command.C_STORE), "gw"), str)
assert_type(warning_header(UPSNSetStatus.NOT_IN_PROGRESS, "gw"), str)
