"""Issue 23: every row's verification record, and what the data says about itself.

The records are read from ``tools/standard.py`` (the single source of truth)
and compared with what the package, README and statuses.json state.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import dimse_status
from dimse_status import (
    CFindStatus,
    CGetStatus,
    CMoveStatus,
    Command,
    CStoreStatus,
    GeneralStatus,
    Status,
    StatusType,
    is_permitted,
)
from dimse_status.base import ServiceTable
from dimse_status.services import (
    ProcedureStepNSetStatus,
    Service,
    UPSNActionStatus,
)
from dimse_status.statuses import CURRENT_EDITION, VERIFICATION, VERIFICATION_SUMMARY

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import standard  # noqa: E402


def _rows() -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [("GeneralStatus", row) for row in standard.GENERAL]
    rows += [(t.enum, row) for t in standard.COMMANDS for row in t.rows]
    rows += [(service.name + " " + command, row)
             for service in standard.SERVICES for command, own in service.own for row in own]
    return rows


def test_every_row_has_its_verification_record() -> None:
    missing = [f"{where}.{row.name}" for where, row in _rows()
               if not isinstance(row.verified, standard.Check)]
    assert missing == []
    for _, row in _rows():
        check = row.verified
        assert check.where, row.name
        if check.edition is None:
            assert check.where.startswith("NOT VERIFIED: "), row.name
        else:
            assert re.fullmatch(r"20[0-9]{2}[a-e]", check.edition), row.name
            assert check.edition in check.where, row.name  # the text read names its edition
        assert "complete read" not in check.where


def test_a_row_without_a_record_stops_the_generator() -> None:
    import generate

    row = standard.GENERAL[0]._replace(verified=None)
    with pytest.raises(SystemExit, match="no verification record"):
        generate.record(row)


def test_every_service_command_has_its_table_record() -> None:
    for service in standard.SERVICES:
        for command in service.commands:
            use = standard.SERVICE_TABLES[(service.name, command)]
            live = Service[service.name].table(Command[command])
            assert (live.section, live.edition, live.verified) == (
                use.section, use.verified.edition, use.verified.where)


def _members() -> list[Any]:
    from dimse_status import StatusEnum
    from dimse_status.services import SERVICE_ENUMS
    from dimse_status.statuses import COMMAND_ENUMS

    enums: set[type[StatusEnum]] = {
        GeneralStatus, *COMMAND_ENUMS.values(),
        *(e for by_command in SERVICE_ENUMS.values() for e in by_command.values())}
    return [member for enum in enums for member in enum]


def test_members_carry_their_records() -> None:
    records = {(row.name, row.code, row.verified.edition, row.verified.where)
               for _, row in _rows()}
    for member in _members():
        assert (member.name, member.pattern, member.edition, member.verified) in records, member
        assert member.is_verified is (member.edition is not None)


def test_the_statement_matches_the_records() -> None:
    editions = Counter(row.verified.edition for _, row in _rows())
    verified = [e for e in editions if e is not None]
    assert min(verified) == dimse_status.DICOM_EDITION
    assert {**{e: editions[e] for e in sorted(verified, reverse=True)},
                            "not verified": editions[None]} == VERIFICATION
    current = sum(n for e, n in editions.items() if e is not None and e >= CURRENT_EDITION)
    older = sum(n for e, n in editions.items() if e is not None and e < CURRENT_EDITION)
    summary = (f"rows verified against {CURRENT_EDITION} (the current edition): {current}; "
               f"against older texts only: {older} (")
    assert VERIFICATION_SUMMARY.startswith(summary)
    assert VERIFICATION_SUMMARY.endswith(f"not verified: {editions[None]}")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"The data follows DICOM **{dimse_status.DICOM_EDITION}**" in readme
    assert VERIFICATION_SUMMARY in readme
    assert "complete read" not in readme
    document = json.loads(resources.files("dimse_status").joinpath("statuses.json")
                          .read_text(encoding="utf-8"))
    assert document["edition"] == dimse_status.DICOM_EDITION
    assert document["verification"]["summary"] == VERIFICATION_SUMMARY
    assert document["verification"]["not_verified"] == editions[None]
    assert Counter(row["edition"] for row in document["statuses"]) == editions


# Item 4: a command member reached through a service whose table was not read.


def _unread(service: Service, command: Command) -> ServiceTable:
    """``service``'s table for ``command`` as if nobody had read it."""
    return ServiceTable(service.table(command).section, None, "NOT VERIFIED: (a test's)")


def test_status_is_verified_takes_the_service_s_table_into_account(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    storage = Service.STORAGE
    assert Status(0x0000, Command.C_STORE, service=storage).is_verified
    tables = storage._tables  # pyright: ignore[reportPrivateUsage]
    monkeypatch.setitem(tables, Command.C_STORE, _unread(storage, Command.C_STORE))
    status = Status(0x0000, Command.C_STORE, service=storage)
    assert status.member is CStoreStatus.SUCCESS and status.member.is_verified  # the member's
    assert not status.is_verified  # but not there: the service's table was not read
    assert Status(0x0000, Command.C_STORE).is_verified  # without the service, it is
    ups = Service.UNIFIED_PROCEDURE_STEP
    assert Status(0xC310, Command.N_ACTION, service=ups).is_verified


def test_status_is_verified_needs_a_verified_member() -> None:
    assert Status(0xA7F3, Command.C_STORE).is_verified
    assert not Status(0x0112, Command.C_STORE).is_verified  # kept from the seed, not listed
    assert not Status(0xB000, Command.C_STORE,
                      service=Service.NON_PATIENT_OBJECT_STORAGE).is_verified  # no member
    assert not Status(0xB123, Command.C_FIND).is_verified  # an Annex C class only
    # a service that does not use the command has no table for it
    assert not Status(0x0000, Command.N_SET, service=Service.STORAGE).is_verified


def test_explain_shows_the_verification_in_the_service_s_context(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from dimse_status.cli import main

    assert main(["explain", "0000", "-c", "C-STORE", "--service", "STORAGE"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = Service.STORAGE.table(Command.C_STORE)
    assert f"  table:   {table.section}, read in {table.edition}" in out
    assert "  verified: yes" in out
    tables = Service.STORAGE._tables  # pyright: ignore[reportPrivateUsage]
    monkeypatch.setitem(tables, Command.C_STORE, _unread(Service.STORAGE, Command.C_STORE))
    assert main(["explain", "0000", "-c", "C-STORE", "--service", "STORAGE", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["is_verified"] is False and document["edition"] == "2024c"
    assert document["table"] == {"section": table.section, "edition": None,
                                 "verified": "NOT VERIFIED: (a test's)"}
    assert main(["explain", "0000", "-c", "C-STORE", "--service", "STORAGE"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"  table:   {table.section}, not verified" in out
    assert ("  verified: no (the Storage Service Class's table for C-STORE was not verified)"
            in out)
    assert main(["explain", "0112", "-c", "C-STORE"]) == 0
    assert "  verified: no (the status was not verified)" in capsys.readouterr().out


# --version, explain --json and the JSON export state the spread.


def test_version_states_the_spread(capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status.cli import main

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == (
        f"dimse-status {dimse_status.__version__} (DICOM {dimse_status.DICOM_EDITION}; "
        f"{VERIFICATION_SUMMARY})")


def test_json_outputs_state_the_spread(capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status.cli import main

    data = {"edition": dimse_status.DICOM_EDITION, "verification": VERIFICATION_SUMMARY}
    assert main(["explain", "A7F3", "-c", "C-STORE", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["data"] == data
    assert main(["explain", "C603", "--json"]) == 0  # every context
    document = json.loads(capsys.readouterr().out)
    assert document["data"] == data and all("data" not in c for c in document["contexts"])
    assert main(["table", "-c", "C-ECHO", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["edition"] == dimse_status.DICOM_EDITION
    assert document["verification"]["summary"] == VERIFICATION_SUMMARY


def test_service_tables_routed_to_worklist_cite_k_4_1() -> None:
    """Item 8: U.4.1, X.4.1, BB.4.1, HH.4.1, II.4.1 and JJ.3.1 send C-FIND to
    the Basic Worklist table (K.4.1, Table K.4-1), not C.4.1.1.4."""
    for service in (Service.HANGING_PROTOCOL_QUERY_RETRIEVE, Service.COLOR_PALETTE_QUERY_RETRIEVE,
                    Service.IMPLANT_TEMPLATE_QUERY_RETRIEVE,
                    Service.DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE,
                    Service.PROTOCOL_APPROVAL_QUERY_RETRIEVE, Service.INVENTORY_QUERY_RETRIEVE):
        table = service.table(Command.C_FIND)
        assert table.section == "PS3.4 K.4.1.1.4 (Table K.4-1)", service
        assert table.is_verified and "K.4.1.1.4" in table.verified
    assert Service.QUERY_RETRIEVE.table(Command.C_FIND).section.startswith("PS3.4 C.4.1.1.4")


def test_inventory_tables_are_verified_now() -> None:
    for command in (Command.C_FIND, Command.C_MOVE, Command.C_GET):
        assert Service.INVENTORY_QUERY_RETRIEVE.table(command).is_verified


# Item 5: Non-Patient Object Storage lists no warnings (GG.4.2, Table GG.4-1).


@pytest.mark.parametrize("code", [0xB000, 0xB006, 0xB007])
def test_non_patient_storage_has_no_c_store_warnings(code: int) -> None:
    service = Service.NON_PATIENT_OBJECT_STORAGE
    status = Status(code, Command.C_STORE, service=service)
    assert status.member is None
    assert status.type is StatusType.WARNING  # its Annex C class
    assert not is_permitted(code, Command.C_STORE, service)
    assert not status.is_permitted
    # without the service, C-STORE's warnings are what they were
    assert Status(code, Command.C_STORE).member is CStoreStatus(code)
    assert is_permitted(code, Command.C_STORE)


def test_non_patient_storage_keeps_its_failures() -> None:
    service = Service.NON_PATIENT_OBJECT_STORAGE
    for code in (0xA700, 0xA900, 0xC000, 0x0000):
        assert Status(code, Command.C_STORE, service=service).member is not None
        assert is_permitted(code, Command.C_STORE, service)


# Item 6: MPPS N-SET 0110 carries C.5.21's fields too.


def test_mpps_n_set_0110_related_attributes() -> None:
    member = ProcedureStepNSetStatus.MAY_NO_LONGER_BE_UPDATED
    assert member.related_attributes == (0x00000002, 0x00001000, 0x00000902, 0x00000903)
    assert set(GeneralStatus.PROCESSING_FAILURE.related_attributes) <= set(
        member.related_attributes)


# Item 7: 0112 is not in the C-STORE, C-FIND, C-GET or C-MOVE tables.


@pytest.mark.parametrize("command", [Command.C_STORE, Command.C_FIND, Command.C_GET,
                                     Command.C_MOVE])
def test_0112_is_kept_from_the_seed_and_not_permitted(command: Command) -> None:
    status = Status(0x0112, command)
    assert status.member is not None and status.member.name == "LEGACY_SOP_CLASS_NOT_SUPPORTED"
    assert not status.member.listed and not status.member.is_verified
    assert "kept from the seed" in status.member.verified
    assert not is_permitted(0x0112, command)
    assert is_permitted(0x0122, command)  # the standard's Refused: SOP Class not supported


def test_0112_without_a_command_and_for_dimse_n_is_permitted() -> None:
    assert is_permitted(0x0112, None) and is_permitted(0x0112, Command.N_GET)
    assert GeneralStatus.NO_SUCH_SOP_INSTANCE.listed


# Wording that follows the 2024c text.


def test_wording_follows_the_text_read() -> None:
    assert CMoveStatus.SUCCESS.description == "Sub-operations Complete - No Failures"
    assert CGetStatus.SUCCESS.description == "Sub-operations Complete - No Failures or Warnings"
    assert UPSNActionStatus.MAY_NO_LONGER_BE_UPDATED.description.startswith("Failed:")
    assert CFindStatus.SUCCESS.edition == "2024c"


def test_what_a_refusal_says_is_permitted_leaves_out_what_is_not() -> None:
    """The patterns ``to_dataset(strict=True)`` names are the permitted ones."""
    from dimse_status.toolkit.permitted import permitted_patterns

    assert "0112" not in permitted_patterns(Command.C_STORE)
    assert "0122" in permitted_patterns(Command.C_STORE)
    non_patient = permitted_patterns(Command.C_STORE, Service.NON_PATIENT_OBJECT_STORAGE)
    assert not {"B000", "B006", "B007"} & set(non_patient)
    assert {"B000", "B006", "B007"} <= set(permitted_patterns(Command.C_STORE))
    with pytest.raises(ValueError, match="not a status the standard lists") as refused:
        Status(0x0112, Command.C_STORE).to_dataset(strict=True)
    assert "0112" not in str(refused.value).split("it permits", 1)[1]
