"""Over a real association on 127.0.0.1: pynetdicom SCPs and SCUs exchange
statuses built and read by dimse_status.

Every server binds to 127.0.0.1 on a free port, is shut down by its fixture,
and every test is bounded by DIMSE/ACSE timeouts and an alarm.
"""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownParameterType=false
# pyright: reportUnknownVariableType=false

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from loopback import StartSCP, associate, instance
from pydicom import Dataset
from pydicom.uid import UID, CTImageStorage
from pynetdicom import build_role, evt

from dimse_status import CFindStatus, CGetStatus, Command, CStoreStatus, Status

PatientRootQueryRetrieveInformationModelFind = UID("1.2.840.10008.5.1.4.1.2.1.1")
PatientRootQueryRetrieveInformationModelGet = UID("1.2.840.10008.5.1.4.1.2.1.3")
pytestmark = pytest.mark.usefixtures("bounded")


@pytest.mark.parametrize("returned", [
    CStoreStatus.SUCCESS, CStoreStatus.OUT_OF_RESOURCES, CStoreStatus.CANNOT_UNDERSTAND,
    CStoreStatus.ELEMENTS_DISCARDED,
    # A Status is an int: pynetdicom sends its code (it answered 0xC002,
    # "Invalid status returned by callback", when a Status was not an int).
    Status(0xA7F3, Command.C_STORE),  # a code inside A7xx, as received
    Status(0xB007, Command.C_STORE),
    Status(0x0000, Command.C_STORE),  # falsy, as 0 is
    Status(0xC310, Command.C_STORE),
], ids=lambda s: f"{type(s).__name__}-{int(s):04X}")
def test_a_handler_returns_a_member_or_a_status_and_the_scu_receives_its_code(
    scp: StartSCP, returned: CStoreStatus | Status[CStoreStatus]
) -> None:
    def handle_store(event: Any) -> int:
        return returned

    port = scp([CTImageStorage], [(evt.EVT_C_STORE, handle_store)])
    assoc = associate(port, [CTImageStorage])
    try:
        rsp = assoc.send_c_store(instance())
    finally:
        assoc.release()
    assert rsp.Status == int(returned)
    status = Status.from_dataset(rsp, Command.C_STORE)
    assert status.code == int(returned) and status == returned
    member = returned if isinstance(returned, CStoreStatus) else returned.member
    assert status.member is member


def test_a_handler_returns_to_dataset_and_the_error_comment_arrives(
    scp: StartSCP,
) -> None:
    sent = Status(0xC123, Command.C_STORE).with_details(
        error_comment="cannot parse Pixel Data", offending_element=[0x7FE00010])

    def handle_store(event: Any) -> Dataset:
        return sent.to_dataset()

    port = scp([CTImageStorage], [(evt.EVT_C_STORE, handle_store)])
    assoc = associate(port, [CTImageStorage])
    try:
        rsp = assoc.send_c_store(instance())
    finally:
        assoc.release()
    status = Status.from_dataset(rsp, Command.C_STORE)
    assert status.member is CStoreStatus.CANNOT_UNDERSTAND
    assert status.code == 0xC123
    assert status.error_comment == "cannot parse Pixel Data"
    assert status.offending_element == (0x7FE00010,)
    assert status == sent


def test_c_find_pending_and_final_responses(scp: StartSCP) -> None:
    def handle_find(event: Any) -> Iterator[tuple[int, Dataset | None]]:
        for i, pending in enumerate(
            [CFindStatus.PENDING, CFindStatus.PENDING_OPTIONAL_KEYS_NOT_SUPPORTED]
        ):
            match = Dataset()
            match.PatientName = f"Match^{i}"
            match.QueryRetrieveLevel = "PATIENT"
            yield pending, match

    port = scp([PatientRootQueryRetrieveInformationModelFind], [(evt.EVT_C_FIND, handle_find)])
    assoc = associate(port, [PatientRootQueryRetrieveInformationModelFind])
    query = Dataset()
    query.QueryRetrieveLevel = "PATIENT"
    query.PatientName = "*"
    try:
        responses = list(assoc.send_c_find(query, PatientRootQueryRetrieveInformationModelFind))
    finally:
        assoc.release()
    statuses = [Status.from_dataset(rsp, Command.C_FIND) for rsp, _ in responses]
    assert [s.member for s in statuses] == [
        CFindStatus.PENDING, CFindStatus.PENDING_OPTIONAL_KEYS_NOT_SUPPORTED, CFindStatus.SUCCESS,
    ]
    assert [s.is_pending for s in statuses] == [True, True, False]
    assert statuses[-1].is_success
    names = [str(ident.PatientName) for _, ident in responses[:2] if ident is not None]
    assert names == ["Match^0", "Match^1"]


def test_c_get_with_a_failed_sub_operation(scp: StartSCP) -> None:
    """The SCU stores one instance and refuses the other: the final response
    is B000 with one completed and one failed sub-operation."""

    def handle_get(event: Any) -> Iterator[Any]:
        yield 2
        for name in ("First^Patient", "Second^Patient"):
            yield CGetStatus.PENDING, instance(name)

    def scu_store(event: Any) -> CStoreStatus:
        if str(event.dataset.PatientName) == "Second^Patient":
            return CStoreStatus.OUT_OF_RESOURCES
        return CStoreStatus.SUCCESS

    port = scp([PatientRootQueryRetrieveInformationModelGet, CTImageStorage],
               [(evt.EVT_C_GET, handle_get)])
    assoc = associate(
        port, [PatientRootQueryRetrieveInformationModelGet, CTImageStorage],
        handlers=[(evt.EVT_C_STORE, scu_store)],
        roles=[build_role(CTImageStorage, scp_role=True)],
    )
    query = Dataset()
    query.QueryRetrieveLevel = "PATIENT"
    query.PatientID = "1234"
    try:
        responses = list(assoc.send_c_get(query, PatientRootQueryRetrieveInformationModelGet))
    finally:
        assoc.release()
    statuses = [Status.from_dataset(rsp, Command.C_GET) for rsp, _ in responses]
    pending, final = statuses[:-1], statuses[-1]
    assert all(s.member is CGetStatus.PENDING for s in pending)
    assert [s.sub_operations.remaining for s in pending] == [1, 0]
    assert final.member is CGetStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES
    assert final.is_warning
    assert final.sub_operations.completed == 1
    assert final.sub_operations.failed == 1
    assert final.sub_operations.warning == 0
