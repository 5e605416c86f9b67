"""Over a real association on 127.0.0.1: pynetdicom SCPs and SCUs exchange
statuses built and read by dimse_status.

Every server binds to 127.0.0.1 on a free port, is shut down by its fixture,
and every test is bounded by DIMSE/ACSE timeouts and an alarm.
"""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownParameterType=false
# pyright: reportUnknownVariableType=false

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from loopback import Handlers, alarm, instance, servers
from loopback import associate as _associate
from pydicom import Dataset
from pydicom.uid import UID, CTImageStorage
from pynetdicom import build_role, evt

from dimse_status import CFindStatus, CGetStatus, Command, CStoreStatus, Status

PatientRootQueryRetrieveInformationModelFind = UID("1.2.840.10008.5.1.4.1.2.1.1")
PatientRootQueryRetrieveInformationModelGet = UID("1.2.840.10008.5.1.4.1.2.1.3")
_instance = instance


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """Fail, rather than hang, if a test takes more than 30 s."""
    with alarm(30):
        yield


@pytest.fixture
def scp() -> Iterator[Callable[[list[UID], Handlers], int]]:
    """Start an SCP for these SOP classes and handlers; return its port."""
    with servers() as start:
        yield start


@pytest.mark.parametrize("member", [
    CStoreStatus.SUCCESS, CStoreStatus.OUT_OF_RESOURCES, CStoreStatus.CANNOT_UNDERSTAND,
    CStoreStatus.ELEMENTS_DISCARDED,
])
def test_a_handler_returns_a_member_and_the_scu_resolves_it(
    scp: Callable[[list[UID], Handlers], int], member: CStoreStatus
) -> None:
    def handle_store(event: Any) -> CStoreStatus:
        return member

    port = scp([CTImageStorage], [(evt.EVT_C_STORE, handle_store)])
    assoc = _associate(port, [CTImageStorage])
    try:
        rsp = assoc.send_c_store(_instance())
    finally:
        assoc.release()
    status = Status.from_dataset(rsp, Command.C_STORE)
    assert status.member is member
    assert status.code == member.value


def test_a_handler_returns_to_dataset_and_the_error_comment_arrives(
    scp: Callable[[list[UID], Handlers], int],
) -> None:
    sent = Status(0xC123, Command.C_STORE).with_details(
        error_comment="cannot parse Pixel Data", offending_element=[0x7FE00010])

    def handle_store(event: Any) -> Dataset:
        return sent.to_dataset()

    port = scp([CTImageStorage], [(evt.EVT_C_STORE, handle_store)])
    assoc = _associate(port, [CTImageStorage])
    try:
        rsp = assoc.send_c_store(_instance())
    finally:
        assoc.release()
    status = Status.from_dataset(rsp, Command.C_STORE)
    assert status.member is CStoreStatus.CANNOT_UNDERSTAND
    assert status.code == 0xC123
    assert status.error_comment == "cannot parse Pixel Data"
    assert status.offending_element == (0x7FE00010,)
    assert status == sent


def test_c_find_pending_and_final_responses(scp: Callable[[list[UID], Handlers], int]) -> None:
    def handle_find(event: Any) -> Iterator[tuple[int, Dataset | None]]:
        for i, pending in enumerate(
            [CFindStatus.PENDING, CFindStatus.PENDING_OPTIONAL_KEYS_NOT_SUPPORTED]
        ):
            match = Dataset()
            match.PatientName = f"Match^{i}"
            match.QueryRetrieveLevel = "PATIENT"
            yield pending, match

    port = scp([PatientRootQueryRetrieveInformationModelFind], [(evt.EVT_C_FIND, handle_find)])
    assoc = _associate(port, [PatientRootQueryRetrieveInformationModelFind])
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


def test_c_get_with_a_failed_sub_operation(scp: Callable[[list[UID], Handlers], int]) -> None:
    """The SCU stores one instance and refuses the other: the final response
    is B000 with one completed and one failed sub-operation."""

    def handle_get(event: Any) -> Iterator[Any]:
        yield 2
        for name in ("First^Patient", "Second^Patient"):
            yield CGetStatus.PENDING, _instance(name)

    def scu_store(event: Any) -> CStoreStatus:
        if str(event.dataset.PatientName) == "Second^Patient":
            return CStoreStatus.OUT_OF_RESOURCES
        return CStoreStatus.SUCCESS

    port = scp([PatientRootQueryRetrieveInformationModelGet, CTImageStorage],
               [(evt.EVT_C_GET, handle_get)])
    assoc = _associate(
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
