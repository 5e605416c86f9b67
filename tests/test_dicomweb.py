"""dimse_status.dicomweb: PS3.18's statuses, written and read."""

from __future__ import annotations

import json
import subprocess
import sys
from http import HTTPStatus

import pytest

from dimse_status import CFindStatus, Command, CStoreStatus, GeneralStatus, Status
from dimse_status.dicomweb import (
    StoreOutcome,
    failure_reason,
    ups_status,
    ups_warning,
    warning_header,
    warning_reason,
)
from dimse_status.dicomweb.data import FAILURE_REASONS, UPS_WARNINGS, WARNING_REASONS
from dimse_status.services import UPSNActionStatus, UPSNCreateStatus, UPSNSetStatus

CT = "1.2.840.10008.5.1.4.1.1.2"


# --- failure_reason / warning_reason ------------------------------------------------


@pytest.mark.parametrize("value", [42752, "A700", "a700", "0xA700", "0XA700", "A700H", " A700 "])
def test_a_failure_reason_is_read_as_decimal_int_or_hex_str(value: int | str) -> None:
    reason = failure_reason(value)
    assert reason.code == 0xA700 and reason.listed
    assert reason.meaning == "Refused out of Resources"  # PS3.18's words, not C-STORE's
    assert reason.status.member is CStoreStatus.OUT_OF_RESOURCES
    assert reason.section == "PS3.18 I.2.2" and reason.problem is None


def test_ps3_18_meanings_win_over_c_store_where_they_differ() -> None:
    c122 = failure_reason(49442)
    assert c122.meaning == "Referenced Transfer Syntax not supported"
    assert c122.status.member is CStoreStatus.CANNOT_UNDERSTAND  # C-STORE's Cxxx
    assert failure_reason(0xC9F0).value is not None
    assert failure_reason(0xC9F0).meaning == "Error: Cannot understand"
    processing = failure_reason(272)  # dicomweb-client's file backend writes this
    assert processing.meaning == "Processing failure" and processing.status.is_failure
    assert processing.status.member is None  # a general code, not a C-STORE member
    assert failure_reason(290).status.member is CStoreStatus.SOP_CLASS_NOT_SUPPORTED


def test_every_listed_value_reads_as_its_row() -> None:
    for row in FAILURE_REASONS:
        for code in (row.first, row.last):
            assert failure_reason(code).value == row or row.pattern == "Cxxx"
            assert failure_reason(code).status.is_failure
    for row in WARNING_REASONS:
        reason = warning_reason(row.first)
        assert reason.value == row and reason.status.is_warning and reason.problem is None
        assert reason.meaning == Status(row.first, Command.C_STORE).description


def test_unlisted_codes_are_implementation_specific() -> None:
    reason = failure_reason(0xA801)
    assert not reason.listed and reason.problem is None
    assert "implementation specific" in str(reason)
    assert not warning_reason("B00E").listed and warning_reason("B00E").problem is None


def test_a_reason_of_the_wrong_type_is_flagged_not_refused() -> None:
    assert failure_reason("B00E").problem == (
        "0xB00E is a Warning code, not a failure (PS3.18 I.2.2 lists failures)")
    assert failure_reason("B00E").status.is_warning
    assert warning_reason(0xA700).problem == (
        "0xA700 is a Failure code, not a warning (PS3.18 I.2.1 lists warnings)")
    assert warning_reason(0).problem is not None


@pytest.mark.parametrize(("value", "error", "shown"), [
    (True, TypeError, "bool"), (b"A700", TypeError, "bytes"), (None, TypeError, "None"),
    (-1, ValueError, "-1"), (65536, ValueError, "65536"), ("42752", ValueError, "'42752'"),
    ("A7 00", ValueError, "'A7 00'"), ("", ValueError, "''"),
    ("Z" * 500, ValueError, "characters)"),
])
def test_bad_reason_values_are_refused_naming_them(value: object, error: type[Exception],
                                                   shown: str) -> None:
    with pytest.raises(error, match="Failure Reason") as raised:
        failure_reason(value)  # type: ignore[arg-type]
    assert shown in str(raised.value) and len(str(raised.value)) < 300


# --- StoreOutcome: writing -----------------------------------------------------------


def _outcome(*statuses: int) -> StoreOutcome:
    outcome = StoreOutcome()
    for n, status in enumerate(statuses, 1):
        outcome.add(CT, f"1.2.3.{n}", status)
    return outcome


@pytest.mark.parametrize(("statuses", "expected"), [
    ((0x0000,), HTTPStatus.OK),
    ((0x0000, 0x0000), HTTPStatus.OK),
    ((0x0000, 0xB000), HTTPStatus.ACCEPTED),
    ((0xB006, 0xB007), HTTPStatus.ACCEPTED),  # all stored, with warnings
    ((0x0000, 0xA700), HTTPStatus.ACCEPTED),
    ((0xB000, 0xC122), HTTPStatus.ACCEPTED),
    ((0xA700, 0x0122), HTTPStatus.CONFLICT),
    ((0x0110,), HTTPStatus.CONFLICT),
])
def test_the_http_status_follows_table_10_5_3_1(statuses: tuple[int, ...],
                                               expected: HTTPStatus) -> None:
    assert _outcome(*statuses).http_status is expected


def test_other_failures_and_the_empty_outcome() -> None:
    outcome = StoreOutcome()
    outcome.add_other_failure(0x0110)
    assert outcome.http_status == HTTPStatus.CONFLICT
    outcome.add(CT, "1.2.3.1", 0)
    status: int = outcome.http_status
    assert status == HTTPStatus.ACCEPTED
    with pytest.raises(ValueError, match="empty"):
        _ = StoreOutcome().http_status
    with pytest.raises(ValueError, match="not a failure"):
        StoreOutcome().add_other_failure(0xB000)


def test_add_takes_a_status_a_member_or_a_code() -> None:
    outcome = StoreOutcome()
    assert outcome.add(CT, "1.2.3.1", Status(0xA7F3, Command.C_STORE)).status.code == 0xA7F3
    assert outcome.add(CT, "1.2.3.2", CStoreStatus.ELEMENTS_DISCARDED).stored
    assert not outcome.add(CT, "1.2.3.3", GeneralStatus.PROCESSING_FAILURE).stored
    assert outcome.add(CT, "1.2.3.4", Status(0xB000)).status.member is (
        CStoreStatus.COERCION_OF_DATA_ELEMENTS)


@pytest.mark.parametrize(("status", "error", "message"), [
    (0xFF00, ValueError, "instance 1.2.3.9: .*neither stored"),
    (0xFE00, ValueError, "instance 1.2.3.9: .*neither stored"),
    (CFindStatus.PENDING, ValueError, "instance 1.2.3.9: .*C-FIND"),
    (Status(0xA700, Command.C_FIND), ValueError, "instance 1.2.3.9: .*C-FIND"),
    ("0xA700", TypeError, "instance 1.2.3.9: .*str"),
    (True, TypeError, "instance 1.2.3.9"),
    (0x10000, ValueError, "instance 1.2.3.9: .*outside"),
])
def test_add_refuses_what_is_no_c_store_outcome(status: object, error: type[Exception],
                                                message: str) -> None:
    with pytest.raises(error, match=message):
        StoreOutcome().add(CT, "1.2.3.9", status)  # type: ignore[arg-type]


def test_add_refuses_bad_uids_a_repeated_instance_and_a_url_for_a_failure() -> None:
    outcome = StoreOutcome()
    with pytest.raises(ValueError, match="not a UID"):
        outcome.add(CT, "1.2.x", 0)
    with pytest.raises(ValueError, match="SOP Class UID"):
        outcome.add("", "1.2.3", 0)
    with pytest.raises(TypeError, match="SOP Instance UID"):
        outcome.add(CT, 123, 0)  # type: ignore[arg-type]
    outcome.add(CT, "1.2.3", 0)
    with pytest.raises(ValueError, match=r"instance 1\.2\.3 was added already"):
        outcome.add(CT, "1.2.3", 0)
    with pytest.raises(ValueError, match="no Retrieve URL"):
        outcome.add(CT, "1.2.4", 0xA700, "http://x/instances/1.2.4")


def test_to_json_is_the_annex_i_module_in_the_dicom_json_model() -> None:
    outcome = StoreOutcome(retrieve_url="https://pacs.example/studies/1")
    outcome.add(CT, "1.2.3.1", 0, "https://pacs.example/studies/1/series/1/instances/1.2.3.1")
    outcome.add(CT, "1.2.3.2", 0xB000)
    outcome.add(CT, "1.2.3.3", 0xA7F3)
    outcome.add_other_failure(0x0110)
    doc = outcome.to_json()
    assert doc == {
        "00081190": {"vr": "UR", "Value": ["https://pacs.example/studies/1"]},
        "00081198": {"vr": "SQ", "Value": [{
            "00081150": {"vr": "UI", "Value": [CT]},
            "00081155": {"vr": "UI", "Value": ["1.2.3.3"]},
            "00081197": {"vr": "US", "Value": [0xA7F3]}}]},
        "00081199": {"vr": "SQ", "Value": [
            {"00081150": {"vr": "UI", "Value": [CT]},
             "00081155": {"vr": "UI", "Value": ["1.2.3.1"]},
             "00081190": {"vr": "UR",
                          "Value": ["https://pacs.example/studies/1/series/1/instances/1.2.3.1"]}},
            {"00081150": {"vr": "UI", "Value": [CT]},
             "00081155": {"vr": "UI", "Value": ["1.2.3.2"]},
             "00081190": {"vr": "UR"},
             "00081196": {"vr": "US", "Value": [45056]}}]},
        "0008119A": {"vr": "SQ", "Value": [{"00081197": {"vr": "US", "Value": [272]}}]},
    }
    assert list(doc) == sorted(doc)  # F.2.2: ascending tags
    json.dumps(doc)  # plain JSON


def test_to_dataset_and_back() -> None:
    pytest.importorskip("pydicom")
    outcome = _outcome(0, 0xB007, 0xA900)
    ds = outcome.to_dataset()
    assert ds.FailedSOPSequence[0].FailureReason == 0xA900
    assert ds.ReferencedSOPSequence[1].WarningReason == 0xB007
    assert "WarningReason" not in ds.ReferencedSOPSequence[0]
    back = StoreOutcome.from_dataset(ds)
    assert {i.sop_instance_uid: i.status.code for i in back.instances} == {
        "1.2.3.1": 0, "1.2.3.2": 0xB007, "1.2.3.3": 0xA900}
    assert back.problems == []
    with pytest.raises(TypeError, match="pydicom Dataset"):
        StoreOutcome.from_dataset({})  # type: ignore[arg-type]


def test_without_pydicom_the_dataset_methods_say_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pydicom", None)
    with pytest.raises(ImportError, match=r"dimse-status\[pydicom\]"):
        _outcome(0).to_dataset()


# --- StoreOutcome: reading what servers send ----------------------------------------


def _item(uid: str, tag: str | None = None, value: object = None) -> dict[str, object]:
    item: dict[str, object] = {"00081150": {"vr": "UI", "Value": [CT]},
                               "00081155": {"vr": "UI", "Value": [uid]}}
    if tag is not None:
        item[tag] = {"vr": "US", "Value": [value]}
    return item


def test_microsofts_warning_codes_as_failure_reasons_are_kept_and_flagged() -> None:
    doc = {"00081198": {"vr": "SQ", "Value": [_item("1.2.3.1", "00081197", 0xB00E),
                                              _item("1.2.3.2", "00081197", 0xB00F)]},
           "00081199": {"vr": "SQ", "Value": [_item("1.2.3.3")]}}
    outcome = StoreOutcome.from_json(json.dumps(doc))
    first, second, stored = outcome.instances
    assert not first.stored and first.status.code == 0xB00E and first.status.is_warning
    assert first.problem == "0xB00E is a Warning code, not a failure (PS3.18 I.2.2 lists failures)"
    assert second.problem is not None and stored.problem is None
    assert outcome.problems == [f"instance 1.2.3.1: {first.problem}",
                                f"instance 1.2.3.2: {second.problem}"]
    assert outcome.http_status is HTTPStatus.ACCEPTED  # one stored, two not
    with pytest.raises(ValueError, match=r"instance 1\.2\.3\.1: Failure Reason 0xB00E is a "
                                         "Warning, not a failure"):
        outcome.to_json()


def test_a_failure_code_as_warning_reason_is_kept_and_refused_on_writing() -> None:
    doc = {"00081199": {"vr": "SQ", "Value": [_item("1.2.3.1", "00081196", 0xA700)]}}
    outcome = StoreOutcome.from_json(doc)
    (instance,) = outcome.instances
    assert instance.stored and instance.status.is_failure and instance.problem is not None
    with pytest.raises(ValueError, match=r"instance 1\.2\.3\.1: Warning Reason 0xA700 is a "
                                         "Failure, not a warning"):
        outcome.to_json()


def test_a_malformed_response_is_read_item_by_item() -> None:
    doc: list[dict[str, object]] = [{"00081198": {"vr": "SQ", "Value": [
        {"00081155": {"vr": "UI", "Value": ["1.2.3.1"]}},  # no class, no reason
        _item("1.2.3.2", "00081197", "272"),  # a string
        _item("1.2.3.3", "00081197", "junk"),
        "not an item",
    ]}, "0008119a": {"vr": "SQ", "Value": [{}]}, "00081199": {"vr": "SQ", "Value": "x"}}]
    outcome = StoreOutcome.from_json(doc)  # type: ignore[arg-type]
    one, two, three = outcome.instances
    assert one.status.code == 0x0110 and one.sop_class_uid == ""
    assert one.problem is not None and "no Failure Reason" in one.problem
    assert two.status.code == 272 and two.problem is not None and "string" in two.problem
    assert three.status.code == 0x0110
    assert len(outcome.other_failures) == 1
    assert outcome.other_failures[0].problem is not None
    assert any("not an object" in p for p in outcome.problems)
    assert any("not a list" in p for p in outcome.problems)


@pytest.mark.parametrize("doc", ["[1, 2]", "42", "[]"])
def test_a_body_that_is_no_object_is_refused(doc: str) -> None:
    with pytest.raises(TypeError, match="DICOM JSON object"):
        StoreOutcome.from_json(doc)


# --- UPS-RS ------------------------------------------------------------------------

_ENUMS = {"N_CREATE": UPSNCreateStatus, "N_SET": UPSNSetStatus, "N_ACTION": UPSNActionStatus}


def test_every_ups_text_names_its_member() -> None:
    for row in UPS_WARNINGS:
        member = _ENUMS[row.command][row.member]
        assert int(member) == row.code
        assert ups_status(row.text) is member


def test_ups_warning_gives_each_member_its_first_text() -> None:
    assert ups_warning(UPSNCreateStatus.CREATED_WITH_MODIFICATIONS) == (
        "The Workitem was created with modifications.")
    assert ups_warning(UPSNActionStatus.WRONG_TRANSACTION_UID) == "The Transaction UID is missing."
    assert ups_warning(UPSNSetStatus.MAY_NO_LONGER_BE_UPDATED) != ups_warning(
        UPSNActionStatus.MAY_NO_LONGER_BE_UPDATED)  # equal ints, different enums
    assert ups_warning(UPSNActionStatus.NOT_MANAGED_BY_SCP) is None
    with pytest.raises(TypeError, match="UPSNActionStatus"):
        ups_warning(CStoreStatus.SUCCESS)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "The UPS is already COMPLETED.",
    "the ups is already completed",
    "  The  UPS is already COMPLETED  ",
    "Warning: 299 ups.example.org: The UPS is already COMPLETED.",
    "299 ups.example.org: C311 The UPS is already COMPLETED.",
    "Warning: <service>: The UPS is already COMPLETED.",  # as 2026a writes it, no code
    '299 ups.example.org "The UPS is already COMPLETED."',
    '299 ups.example.org "The UPS is already COMPLETED" "Sat, 01 Jan 2000 00:00:00 GMT"',
])
def test_ups_status_is_tolerant_of_the_wrapping(text: str) -> None:
    assert ups_status(text) is UPSNActionStatus.ALREADY_COMPLETED_CANNOT_CANCEL


def test_ups_status_of_other_texts() -> None:
    # "...requested state of COMPLETED" is not "...already COMPLETED"
    assert ups_status("The UPS is already in the requested state of COMPLETED") is (
        UPSNActionStatus.ALREADY_COMPLETED)
    assert ups_status("Filtered Worklist Subscriptions are not supported.") is None
    assert ups_status("") is None
    assert ups_status("xThe UPS is already COMPLETED") is None
    with pytest.raises(TypeError, match="str"):
        ups_status(b"The UPS is already COMPLETED")  # type: ignore[arg-type]


def test_warning_header_puts_the_code_first_after_the_agent() -> None:
    assert warning_header(Status(0xA7F3, Command.C_STORE), "gw.example:8080") == (
        "299 gw.example:8080: A7F3 Refused: Out of Resources")
    assert warning_header(CStoreStatus.ELEMENTS_DISCARDED, "gw") == (
        "299 gw: B006 Elements Discarded")
    assert warning_header(0x0110, "gw") == "299 gw: 0110 Processing Failure"
    assert warning_header(UPSNSetStatus.OPTIONAL_ATTRIBUTES_NOT_SUPPORTED, "gw") == (
        "299 gw: 0001 Requested optional Attributes are not supported.")
    with pytest.raises(ValueError, match="agent 'a b'"):
        warning_header(0, "a b")
    with pytest.raises(ValueError, match="agent ''"):
        warning_header(0, "")
    with pytest.raises(TypeError, match="bool"):
        warning_header(True, "gw")
    with pytest.raises(ValueError, match="65536"):
        warning_header(0x10000, "gw")


def test_importing_dicomweb_loads_neither_pydicom_nor_other_layers() -> None:
    code = ("import sys, dimse_status.dicomweb; print(sorted(m for m in sys.modules if "
            "m == 'pydicom' or m.startswith(('dimse_status.cli', 'dimse_status.toolkit', "
            "'dimse_status.testing', 'dimse_status.names'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "[]"


# --- the command line ----------------------------------------------------------------


def test_explain_dicomweb_reads_decimal_and_names_the_section(
        capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status.cli import main

    assert main(["explain", "42752", "--dicomweb", "failure-reason"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("(0xA700) Failure: Refused: Out of Resources\n")
    assert "STOW-RS Failure Reason (PS3.18 I.2.2): A7xx Refused out of Resources" in out
    assert main(["explain", "0110", "--dicomweb", "failure-reason"]) == 0  # leading 0: hex
    assert "272 decimal = 0x0110" in capsys.readouterr().out
    assert main(["explain", "B00E", "--dicomweb", "failure-reason", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["listed"] is False and document["type"] == "Warning"
    assert document["problem"].startswith("0xB00E is a Warning code")


@pytest.mark.parametrize("argv", [
    ["explain", "99999", "--dicomweb", "failure-reason"],
    ["explain", "x" * 300, "--dicomweb", "warning-reason"],
    ["explain", "1", "--dicomweb", "failure-reason", "--command", "C-FIND"],
    ["explain", "1", "--dicomweb", "nonsense"],
    ["table", "--dicomweb", "--format", "csv"],
])
def test_bad_dicomweb_input_is_one_line_and_exit_2(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status.cli import main

    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and len(err) < 400 and "Traceback" not in err


def test_table_dicomweb_lists_the_ps3_18_values(capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status.cli import main

    assert main(["table", "--dicomweb"]) == 0
    out = capsys.readouterr().out
    for row in (*WARNING_REASONS, *FAILURE_REASONS):
        assert row.meaning in out and row.section in out
    assert all(row.text in out for row in UPS_WARNINGS)
    assert main(["table", "--dicomweb", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["reasons"]) == 9 and document["edition"] == "2024c"
