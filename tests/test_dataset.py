"""pydicom: Status.from_dataset(), with_details() and to_dataset()."""

from __future__ import annotations

import pickle
import sys

import pytest
from pydicom import Dataset
from pydicom.multival import MultiValue
from pydicom.valuerep import validate_value

from dimse_status import (
    CGetStatus,
    CMoveStatus,
    Command,
    CStoreStatus,
    GeneralStatus,
    Service,
    Status,
    StatusDetails,
    SubOperations,
    UPSNActionStatus,
)


def response(**elements: object) -> Dataset:
    ds = Dataset()
    for keyword, value in elements.items():
        setattr(ds, keyword, value)
    return ds


def test_reads_status_and_every_related_attribute() -> None:
    ds = response(Status=0xC001, ErrorComment="cannot parse", OffendingElement=[0x00100010],
                  ErrorID=7)
    status = Status.from_dataset(ds, Command.C_STORE)
    assert status.member is CStoreStatus.CANNOT_UNDERSTAND
    assert status.code == 0xC001
    assert status.error_comment == "cannot parse"
    assert status.offending_element == (0x00100010,)
    assert status.error_id == 7
    assert status.sub_operations == SubOperations(None, None, None, None)


def test_reads_sub_operation_counts() -> None:
    ds = response(Status=0xB000, NumberOfCompletedSuboperations=3,
                  NumberOfFailedSuboperations=1, NumberOfWarningSuboperations=0)
    status = Status.from_dataset(ds, Command.C_GET)
    assert status.member is CGetStatus.SUB_OPERATIONS_COMPLETE_WITH_FAILURES
    assert status.sub_operations == SubOperations(None, 3, 1, 0)
    assert status.details.completed == 3


def test_without_details_it_is_the_plain_status() -> None:
    status = Status.from_dataset(response(Status=0), Command.C_STORE)
    assert status is Status(0, Command.C_STORE)
    assert status.details == StatusDetails()


def test_tolerates_what_real_peers_send() -> None:
    # An Error Comment longer than LO's 64 characters, and one a backslash split.
    long = "x" * 200
    with pytest.warns(UserWarning, match="exceeds the maximum length of 64"):
        ds = response(Status=0xA700, ErrorComment=long)
    assert Status.from_dataset(ds, Command.C_STORE).error_comment == long
    ds = Dataset()
    ds.add_new(0x00000900, "US", 0xC000)
    ds.add_new(0x00000902, "LO", MultiValue(str, ["part one", "part two"]))
    assert Status.from_dataset(ds, Command.C_FIND).error_comment == "part one\\part two"
    # Counts on a final C-STORE response: kept as sent.
    status = Status.from_dataset(response(Status=0, NumberOfRemainingSuboperations=0),
                                 Command.C_STORE)
    assert status.sub_operations.remaining == 0
    # An empty optional element is absent.
    ds = response(Status=0xC000)
    ds.add_new(0x00000902, "LO", None)
    assert Status.from_dataset(ds, Command.C_STORE).error_comment is None


def test_the_command_field_names_the_command() -> None:
    ds = response(Status=0xA801, CommandField=0x8021)
    assert Status.from_dataset(ds).member is CMoveStatus.MOVE_DESTINATION_UNKNOWN
    assert Status.from_dataset(ds, Command.C_MOVE).command is Command.C_MOVE
    with pytest.raises(ValueError, match="Command Field is C-MOVE, not C-STORE"):
        Status.from_dataset(ds, Command.C_STORE)
    assert Status.from_dataset(response(Status=0x0110)).member is GeneralStatus.PROCESSING_FAILURE


def test_service_context() -> None:
    ds = response(Status=0xC310, ErrorComment="not started")
    status = Status.from_dataset(ds, Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP)
    assert status.member is UPSNActionStatus.NOT_YET_IN_PROGRESS
    assert status.error_comment == "not started"


@pytest.mark.parametrize(("ds", "message"), [
    (response(ErrorComment="no status"), r"no Status \(0000,0900\)"),
    (Dataset(), r"empty: no response arrived"),
])
def test_rejects_what_is_not_a_status(ds: Dataset, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Status.from_dataset(ds)


def test_rejects_a_status_that_is_not_16_bit() -> None:
    ds = Dataset()
    ds.add_new(0x00000900, "US", MultiValue(int, [1, 2]))
    with pytest.raises(ValueError, match=r"Status \(0000,0900\) is .*not a 16-bit integer"):
        Status.from_dataset(ds)
    ds = Dataset()
    ds.add_new(0x00000900, "UL", 0x10000)
    with pytest.raises(ValueError, match=r"65536 is outside 0x0000\.\.0xFFFF"):
        Status.from_dataset(ds)
    ds = Dataset()
    ds.add_new(0x00000900, "LO", "Failure")
    with pytest.raises(ValueError, match="'Failure', not a 16-bit integer"):
        Status.from_dataset(ds)


def test_rejects_what_is_not_a_dataset() -> None:
    with pytest.raises(TypeError, match="expected a pydicom Dataset, not dict"):
        Status.from_dataset({"Status": 0})  # type: ignore[call-overload]


def test_round_trip() -> None:
    status = Status(0xC001, Command.C_STORE).with_details(
        error_comment="cannot parse", offending_element=[0x00100010, 0x00100020])
    ds = status.to_dataset()
    assert ds.Status == 0xC001
    assert ds.ErrorComment == "cannot parse"
    assert list(ds.OffendingElement) == [0x00100010, 0x00100020]
    assert "ErrorID" not in ds
    back = Status.from_dataset(ds, Command.C_STORE)
    assert back == status and back.member is CStoreStatus.CANNOT_UNDERSTAND
    for element in ds:
        validate_value(element.VR, element.value, validation_mode=2)


def test_round_trip_of_counts() -> None:
    status = Status(0xFF00, Command.C_MOVE).with_details(remaining=4, completed=1, failed=0,
                                                          warning=0)
    ds = status.to_dataset()
    assert (ds.NumberOfRemainingSuboperations, ds.NumberOfCompletedSuboperations) == (4, 1)
    assert Status.from_dataset(ds, Command.C_MOVE) == status


@pytest.mark.parametrize(("status", "details", "message"), [
    (Status(0, Command.C_STORE), {"error_comment": "x"},
     r"Error Comment \(0000,0902\) does not travel with \(0x0000\) Success: Success for "
     r"C-STORE; the standard allows: none"),
    (Status(0xA700, Command.C_STORE), {"completed": 1},
     r"Number of Completed Sub-operations \(0000,1021\) does not travel with"),
    (Status(0xFF00, Command.C_FIND), {"error_comment": "x"}, "does not travel with"),
    (Status(0xC001, Command.C_STORE), {"error_comment": "x" * 65}, "not a valid LO"),
    (Status(0xC001, Command.C_STORE), {"error_comment": "a\\b"}, "not a valid LO"),
    (Status(0xC001, Command.C_STORE), {"offending_element": [-1]}, "32-bit tags, not -1"),
    (Status(0xB000, Command.C_GET), {"completed": 70000}, "0..65535, not 70000"),
    (Status(0xB000, Command.C_GET), {"completed": True}, "0..65535, not True"),
])
def test_writing_only_emits_what_the_standard_allows(
    status: Status[object], details: dict[str, object], message: str  # type: ignore[type-var]
) -> None:
    with pytest.raises(ValueError, match=message):
        status.with_details(**details)  # type: ignore[arg-type]


def test_service_class_failures_may_carry_an_error_comment() -> None:
    """PS3.7 Annex C: any Axxx/Bxxx/Cxxx Warning or Failure may carry Offending
    Element and Error Comment, also a code the command's table does not list."""
    status = Status(0xC310, Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP)
    assert status.with_details(error_comment="x").to_dataset().ErrorComment == "x"
    assert Status(0xCABC, Command.N_SET).with_details(error_comment="y").error_comment == "y"
    with pytest.raises(ValueError, match="does not travel"):
        Status(0x0211, Command.N_SET).with_details(error_comment="z")


def test_details_in_repr_and_pickle_but_not_in_equality() -> None:
    """A Status is an int: equality and hash are the code's, details or not."""
    plain = Status(0xC001, Command.C_STORE)
    commented = plain.with_details(error_comment="x")
    assert commented == plain == 0xC001 and commented.member is plain.member
    assert hash(commented) == hash(plain) == hash(0xC001)
    assert repr(commented) == "Status(0xC001, Command.C_STORE).with_details(error_comment='x')"
    copy = pickle.loads(pickle.dumps(commented))
    assert repr(copy) == repr(commented) and copy.details == commented.details
    with pytest.raises(AttributeError, match="immutable"):
        commented.error_comment = "y"  # type: ignore[misc]


def test_without_pydicom_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pydicom", None)
    with pytest.raises(ImportError, match=r"pip install 'dimse-status\[pydicom\]'"):
        Status(0, Command.C_STORE).to_dataset()
    with pytest.raises(ImportError, match="need pydicom"):
        Status.from_dataset(object())  # type: ignore[call-overload]
    # Everything else works without it.
    assert Status(0xC001, Command.C_STORE).with_details(error_comment="x").error_comment == "x"


def test_rejects_malformed_optional_attributes_with_their_names() -> None:
    ds = Dataset()
    ds.add_new(0x00000900, "US", 0xB000)
    ds.add_new(0x00001021, "US", MultiValue(int, [1, 2]))
    with pytest.raises(ValueError, match=r"Number of Completed Sub-operations \(0000,1021\) "
                                         r"holds 2 values, not one"):
        Status.from_dataset(ds, Command.C_GET)
    ds = response(Status=0, CommandField=0x9999)
    with pytest.raises(ValueError, match="0x9999 is not the Command Field"):
        Status.from_dataset(ds)
