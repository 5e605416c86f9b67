"""Differential test: every service table in pynetdicom.status against ours.

For each PS3.4 service, every code pynetdicom lists must resolve, in that
service's context and for at least one of its commands, to a status the
standard defines (not the Annex C fallback) with pynetdicom's type; and every
status of the service's own must be in pynetdicom's table.  Differences in
type or coverage must be exactly those tools/standard.py documents.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pynetdicom.status as pst

from dimse_status import COMMAND_ENUMS, SERVICE_ENUMS, Command, GeneralStatus, Service, Status

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import standard

Table = dict[int, tuple[str, str]]
QR: dict[Command | None, Table] = {
    Command.C_FIND: pst.QR_FIND_SERVICE_CLASS_STATUS,
    Command.C_MOVE: pst.QR_MOVE_SERVICE_CLASS_STATUS,
    Command.C_GET: pst.QR_GET_SERVICE_CLASS_STATUS,
}
GENERAL: dict[Command | None, Table] = {None: pst.GENERAL_STATUS}

# Service -> pynetdicom's table per command (None: for every command of the
# service).  The Q/R-like services use pynetdicom's Q/R tables, as
# pynetdicom.status's comments and its service classes do.
PYNETDICOM: dict[Service, dict[Command | None, Table]] = {
    Service.VERIFICATION: {None: pst.VERIFICATION_SERVICE_CLASS_STATUS},
    Service.STORAGE: {None: pst.STORAGE_SERVICE_CLASS_STATUS},
    Service.QUERY_RETRIEVE: QR,
    Service.PROCEDURE_STEP: {None: pst.PROCEDURE_STEP_STATUS},
    Service.PRINT_MANAGEMENT: {None: pst.PRINT_JOB_MANAGEMENT_SERVICE_CLASS_STATUS},
    Service.STORAGE_COMMITMENT: {None: pst.STORAGE_COMMITMENT_SERVICE_CLASS_STATUS},
    Service.BASIC_WORKLIST_MANAGEMENT: {None: pst.MODALITY_WORKLIST_SERVICE_CLASS_STATUS},
    Service.APPLICATION_EVENT_LOGGING: {
        None: pst.APPLICATION_EVENT_LOGGING_SERVICE_CLASS_STATUS},
    Service.RELEVANT_PATIENT_INFORMATION_QUERY: {
        None: pst.RELEVANT_PATIENT_SERVICE_CLASS_STATUS},
    Service.INSTANCE_AVAILABILITY_NOTIFICATION: GENERAL,
    Service.MEDIA_CREATION_MANAGEMENT: {
        None: pst.MEDIA_CREATION_MANAGEMENT_SERVICE_CLASS_STATUS},
    Service.HANGING_PROTOCOL_QUERY_RETRIEVE: QR,
    Service.SUBSTANCE_ADMINISTRATION_QUERY: {
        None: pst.SUBSTANCE_ADMINISTRATION_SERVICE_CLASS_STATUS},
    Service.COLOR_PALETTE_QUERY_RETRIEVE: QR,
    Service.COMPOSITE_INSTANCE_ROOT_RETRIEVE: {c: QR[c] for c in (Command.C_MOVE, Command.C_GET)},
    Service.COMPOSITE_INSTANCE_RETRIEVE_WITHOUT_BULK_DATA: {Command.C_GET: QR[Command.C_GET]},
    Service.IMPLANT_TEMPLATE_QUERY_RETRIEVE: QR,
    Service.UNIFIED_PROCEDURE_STEP: {None: pst.UNIFIED_PROCEDURE_STEP_SERVICE_CLASS_STATUS},
    Service.RT_MACHINE_VERIFICATION: {None: pst.RT_MACHINE_VERIFICATION_SERVICE_CLASS_STATUS},
    Service.DISPLAY_SYSTEM_MANAGEMENT: GENERAL,
    Service.NON_PATIENT_OBJECT_STORAGE: {Command.C_STORE: pst.NON_PATIENT_SERVICE_CLASS_STATUS},
    Service.DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE: QR,
    Service.PROTOCOL_APPROVAL_QUERY_RETRIEVE: QR,
    Service.INVENTORY_QUERY_RETRIEVE: QR,
    Service.STORAGE_MANAGEMENT: {None: pst.STORAGE_MANAGEMENT_SERVICE_CLASS_STATUS},
}
GENERAL_CODES = {m.value for m in GeneralStatus}


def _known(status: Status[object]) -> bool:  # type: ignore[type-var]
    """A status the standard defines, not the Annex C class fallback."""
    return status.member is not None or status.code in GENERAL_CODES


def _tables(service: Service) -> list[tuple[tuple[Command, ...], Table]]:
    return [
        (service.commands if command is None else (command,), table)
        for command, table in PYNETDICOM[service].items()
    ]


def differences() -> set[tuple[str, int, str]]:
    """(service, code, kind) for every difference in type or coverage."""
    found: set[tuple[str, int, str]] = set()
    for service in Service:
        for commands, table in _tables(service):
            for code, (category, _) in table.items():
                statuses = [Status(code, c, service=service) for c in commands]
                known = [s for s in statuses if _known(s)]
                if not known:
                    found.add((service.name, code, "coverage"))
                elif any(s.type.value != category for s in known):
                    found.add((service.name, code, "type"))
        for command, enum in SERVICE_ENUMS[service].items():
            inherited = {(m.name, m.value) for m in COMMAND_ENUMS[command]}
            table = PYNETDICOM[service].get(command, PYNETDICOM[service].get(None, {}))
            for member in enum:
                if (member.name, member.value) in inherited:
                    continue
                if not all(code in table for code in member.codes):
                    found.add((service.name, member.value, "coverage"))
    return found


def _documented() -> set[tuple[str, int, str]]:
    return {
        (d.service, int(code.strip(), 16), d.kind)
        for d in standard.PYNETDICOM_DIFFERENCES
        if d.kind in ("type", "coverage")
        for code in d.code.split(",")
    }


def test_every_service_is_compared() -> None:
    assert set(PYNETDICOM) == set(Service)


def test_differences_in_type_or_coverage_are_exactly_the_documented_ones() -> None:
    assert differences() == _documented()


def test_the_comparison_can_fail() -> None:
    """A table that disagrees is reported, so an empty result means agreement."""
    saved = PYNETDICOM[Service.UNIFIED_PROCEDURE_STEP]
    PYNETDICOM[Service.UNIFIED_PROCEDURE_STEP] = {None: {
        0xC310: ("Warning", "wrong type"), 0x0F0F: ("Failure", "not a status"),
    }}
    try:
        found = differences()
    finally:
        PYNETDICOM[Service.UNIFIED_PROCEDURE_STEP] = saved
    assert ("UNIFIED_PROCEDURE_STEP", 0xC310, "type") in found
    assert ("UNIFIED_PROCEDURE_STEP", 0x0F0F, "coverage") in found
    # And our own UPS statuses missing from that table are coverage differences.
    assert ("UNIFIED_PROCEDURE_STEP", 0xC309, "coverage") in found


def test_documented_differences_name_real_services_and_kinds() -> None:
    for d in standard.PYNETDICOM_DIFFERENCES:
        assert d.service in Service.__members__
        assert d.kind in ("type", "coverage", "meaning")
