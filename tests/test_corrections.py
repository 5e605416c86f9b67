"""The rows issue 10's audit corrected, each as the standard's section says
(the sections are in tools/standard.py), the edition and the verification."""

from __future__ import annotations

from typing import TypeVar

import pytest

import dimse_status
from dimse_status import (
    COMMAND_ENUMS,
    DICOM_EDITION,
    CFindStatus,
    CGetStatus,
    CMoveStatus,
    Command,
    CStoreStatus,
    GeneralStatus,
    NActionStatus,
    NCreateStatus,
    NEventReportStatus,
    NGetStatus,
    NSetStatus,
    Service,
    Status,
    StatusEnum,
    StatusType,
)
from dimse_status.services import (
    SERVICE_ENUMS,
    MediaCreationNActionStatus,
    MediaCreationNCreateStatus,
    PrintNSetStatus,
    QueryRetrieveCFindStatus,
    RelevantPatientCFindStatus,
    RTMachineVerificationNCreateStatus,
    RTMachineVerificationNSetStatus,
    StorageManagementNActionStatus,
)

E = TypeVar("E", bound=StatusEnum)
SOP_CLASS, SOP_INSTANCE, IDENTIFIER_LIST = 0x00000002, 0x00001000, 0x00001005
EVENT_TYPE_ID, ACTION_TYPE_ID = 0x00001002, 0x00001008
OFFENDING, COMMENT = 0x00000901, 0x00000902


def _m(enum: type[E], code: int) -> E:
    """The member of ``enum`` for ``code`` (its value or inside its range)."""
    return next(m for m in enum if m.covers(code))


def _own(enum: type[StatusEnum], command: Command) -> set[int]:
    """The codes a service enum adds to (or words differently from) the command's."""
    base = {(m.name, m.value, m.description, m.section) for m in COMMAND_ENUMS[command]}
    return {m.value for m in enum if (m.name, m.value, m.description, m.section) not in base}


@pytest.mark.parametrize("enum", [GeneralStatus, NSetStatus, NCreateStatus])
def test_1_attribute_failures_carry_only_what_c5_13_14_17_list(
    enum: type[StatusEnum],
) -> None:
    members = {m.value: m for m in enum}
    if 0x0120 in members:  # C.5.13 (N-CREATE and the general codes)
        assert members[0x0120].related_attributes == (IDENTIFIER_LIST,)
    assert members[0x0105].related_attributes == (IDENTIFIER_LIST,)  # C.5.17
    assert members[0x0121].related_attributes == ()  # C.5.14: an untagged data set


def test_2_event_and_action_type_ids_only_in_their_own_responses() -> None:
    for code in (0x0114, 0x0115):
        assert EVENT_TYPE_ID in _m(NEventReportStatus, code).related_attributes
        assert ACTION_TYPE_ID not in _m(NEventReportStatus, code).related_attributes
        assert ACTION_TYPE_ID in _m(NActionStatus, code).related_attributes
        assert EVENT_TYPE_ID not in _m(NActionStatus, code).related_attributes
        # Without a command both may be meant.
        assert {EVENT_TYPE_ID, ACTION_TYPE_ID} <= set(_m(GeneralStatus, code).related_attributes)


@pytest.mark.parametrize("code", [0x0210, 0x0211, 0x0212])
def test_3_c_find_has_no_protocol_error_members(code: int) -> None:
    assert code not in {m.value for m in CFindStatus}
    assert code not in {m.value for m in QueryRetrieveCFindStatus}
    status = Status(code, Command.C_FIND)
    assert status.member is None and status.is_failure
    assert status.description == _m(GeneralStatus, code).description  # Annex C's meaning
    for enum in (CGetStatus, CMoveStatus, CStoreStatus):  # PS3.7 lists them there
        assert code in {m.value for m in enum}


def test_4_relevant_patient_failures_carry_offending_element() -> None:
    for code in (0xC100, 0xC200):
        assert _m(RelevantPatientCFindStatus, code).related_attributes == (OFFENDING, COMMENT)
        status = Status(code, Command.C_FIND, Service.RELEVANT_PATIENT_INFORMATION_QUERY)
        assert status.with_details(offending_element=[0x00100020]).offending_element


def test_5_film_box_n_set_has_c616() -> None:
    status = Status(0xC616, Command.N_SET, Service.PRINT_MANAGEMENT)
    assert status.member is PrintNSetStatus.UNPRINTED_FILM_BOX_EXISTS
    assert status.is_failure and status.member.section == "PS3.4 H.4.2.2.2.2"


def test_6_media_creation_a510_is_an_n_create_status() -> None:
    create = Status(0xA510, Command.N_CREATE, Service.MEDIA_CREATION_MANAGEMENT)
    assert create.member is MediaCreationNCreateStatus.ALREADY_INITIATED
    assert create.member.section == "PS3.4 S.3.2.1.4"
    action = Status(0xA510, Command.N_ACTION, Service.MEDIA_CREATION_MANAGEMENT)
    assert action.member is None and "Unknown" in action.description
    assert 0xA510 not in {m.value for m in MediaCreationNActionStatus}


def test_7_rt_machine_verification_has_one_table_per_command() -> None:
    assert _own(RTMachineVerificationNCreateStatus, Command.N_CREATE) == {
        0xC227, 0xC221, 0xC222, 0xC223}
    assert _own(RTMachineVerificationNSetStatus, Command.N_SET) == {0xC224, 0xC225, 0xC226}


def test_8_b010_returns_the_unsupported_attributes() -> None:
    b010 = StorageManagementNActionStatus.KEY_ATTRIBUTES_NOT_SUPPORTED
    assert b010.related_attributes == (IDENTIFIER_LIST,)
    # KK.2.2.3: 0212 with an explanation in Error Comment.
    mistyped = Status(0x0212, Command.N_ACTION, Service.STORAGE_MANAGEMENT)
    assert mistyped.with_details(error_comment="Inventory Level").error_comment


def test_9_non_patient_object_storage_uses_c_store_only() -> None:
    service = Service.NON_PATIENT_OBJECT_STORAGE
    assert service.commands == (Command.C_STORE,)
    assert list(SERVICE_ENUMS[service]) == [Command.C_STORE]


@pytest.mark.parametrize("command", [Command.C_FIND, Command.C_GET, Command.C_MOVE])
def test_10_a900_reads_data_set_does_not_match_sop_class(command: Command) -> None:
    member = _m(COMMAND_ENUMS[command], 0xA900)
    assert member.description == "Error: Data Set does not match SOP Class"
    assert member.name == "DATA_SET_DOES_NOT_MATCH_SOP_CLASS"


def test_10_no_seed_difference_for_a900() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "Identifier does not match" not in readme


def test_11_0001_is_a_general_and_an_n_get_warning() -> None:
    for enum in (GeneralStatus, NGetStatus):
        member = _m(enum, 0x0001)
        assert member.name == "OPTIONAL_ATTRIBUTES_NOT_SUPPORTED" and member.is_warning
    assert Status(0x0001, Command.N_GET).member is NGetStatus.OPTIONAL_ATTRIBUTES_NOT_SUPPORTED
    assert Status(0x0001).member is GeneralStatus.OPTIONAL_ATTRIBUTES_NOT_SUPPORTED


def test_12_current_names_with_the_earlier_ones_as_aliases() -> None:
    assert _m(GeneralStatus, 0x0107).name == "ATTRIBUTE_LIST_WARNING"
    assert _m(GeneralStatus, 0x0107).description == "Attribute List Warning"
    assert _m(GeneralStatus, 0x0117).name == "INVALID_SOP_INSTANCE"
    assert _m(GeneralStatus, 0x0117).description == "Invalid SOP Instance"
    for enum in (GeneralStatus, NGetStatus, NSetStatus, NCreateStatus):
        assert enum.ATTRIBUTE_LIST_ERROR is enum.ATTRIBUTE_LIST_WARNING
        assert enum["ATTRIBUTE_LIST_ERROR"] is _m(enum, 0x0107)
    for other in (GeneralStatus, CStoreStatus, NEventReportStatus, NActionStatus):
        assert other.INVALID_OBJECT_INSTANCE is other.INVALID_SOP_INSTANCE
    assert CFindStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS is (
        CFindStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS)
    # Aliases are not second members: iteration and the tables list each status once.
    assert [m.value for m in GeneralStatus].count(0x0107) == 1


def test_sub_operation_counts_travel_with_any_c_get_response() -> None:
    """PS3.7 9.1.3.1.7: Number of Remaining Sub-operations, as for C-MOVE."""
    done = Status(0x0000, Command.C_GET).with_details(remaining=0, completed=3)
    assert done.sub_operations.remaining == 0


def test_the_edition_is_public() -> None:
    enums: list[type[StatusEnum]] = [GeneralStatus, *COMMAND_ENUMS.values()]
    assert min(m.edition for e in enums for m in e if m.edition is not None) == DICOM_EDITION
    assert "DICOM_EDITION" in dimse_status.__all__


def test_every_member_says_which_text_verified_it() -> None:
    everything: list[type[StatusEnum]] = [
        GeneralStatus, *COMMAND_ENUMS.values(),
        *(e for by_command in SERVICE_ENUMS.values() for e in by_command.values())]
    for enum in everything:
        for member in enum:
            assert member.verified, f"{enum.__name__}.{member.name}"
            assert member.is_verified is (member.edition is not None)
    assert GeneralStatus.ATTRIBUTE_LIST_WARNING.verified.startswith("PS3.7 2025b")
    assert GeneralStatus.ATTRIBUTE_LIST_WARNING.edition == "2025b"
    assert GeneralStatus.ATTRIBUTE_LIST_WARNING.is_verified


def test_unverified_rows_say_so() -> None:
    legacy = CStoreStatus.LEGACY_SOP_CLASS_NOT_SUPPORTED
    assert not legacy.is_verified and legacy.verified.startswith("NOT VERIFIED")
    assert legacy.edition is None and not legacy.listed
    # B001 is in the Repository Query table (C.6.4.3, 2024c): verified now.
    b001 = QueryRetrieveCFindStatus.RESPONSE_LIMIT_REACHED
    assert b001.is_verified and b001.section == "PS3.4 C.6.4.3"
    assert b001.type is StatusType.WARNING


def test_the_docs_tables_show_the_edition_and_the_verification() -> None:
    from pathlib import Path

    docs = Path(__file__).resolve().parents[1] / "docs"
    tables = (docs / "status-tables.md").read_text(encoding="utf-8")
    services = (docs / "service-tables.md").read_text(encoding="utf-8")
    assert f"DICOM edition: **{DICOM_EDITION}**" in tables
    assert f"DICOM edition: **{DICOM_EDITION}**" in services
    assert "| Edition read | Verified |" in tables and "(alias `ATTRIBUTE_LIST_ERROR`)" in tables
    assert "| Edition read | Verified |" in services
    assert "NOT VERIFIED: not in the command's table" in tables
