"""Service-class statuses (PS3.4): Status(code, command, service=...)."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

from dimse_status import (
    COMMAND_ENUMS,
    SERVICE_ENUMS,
    CFindStatus,
    CMoveStatus,
    Command,
    CStoreStatus,
    NActionStatus,
    PrintNCreateStatus,
    ProcedureStepNSetStatus,
    Service,
    Status,
    StatusEnum,
    StatusRegistry,
    StatusType,
    UPSNActionStatus,
    UPSNSetStatus,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import standard

UPS = Service.UNIFIED_PROCEDURE_STEP
OWN = [
    (Service[s.name], Command[command], row)
    for s in standard.SERVICES
    for command, rows in s.own
    for row in rows
]
OWN_PAIRS = sorted(
    {(service, command) for service, command, _ in OWN}, key=lambda p: (p[0].name, p[1].name)
)


def test_the_issues_examples() -> None:
    ups = Status(0xC310, Command.N_ACTION, service=UPS)
    assert ups.member is UPSNActionStatus.NOT_YET_IN_PROGRESS
    assert ups.type is StatusType.FAILURE
    assert "not yet in the IN PROGRESS state" in ups.description
    assert ups.member.section == "PS3.4 CC.2.1.4"

    mpps = Status(0x0110, Command.N_SET, service=Service.PROCEDURE_STEP)
    assert mpps.member is ProcedureStepNSetStatus.MAY_NO_LONGER_BE_UPDATED
    assert mpps.is_failure and "may no longer be updated" in mpps.description

    printer = Status(0xB605, Command.N_CREATE, service=Service.PRINT_MANAGEMENT)
    assert printer.member is PrintNCreateStatus.DENSITY_OUT_OF_RANGE
    assert printer.is_warning and "outside of printer's operating range" in printer.description


def test_without_service_nothing_changes() -> None:
    assert Status(0xC310, Command.N_ACTION).member is None
    assert Status(0xC310, Command.N_ACTION).description.startswith("Unknown Failure")
    assert Status(0x0110, Command.N_SET).description == "Processing Failure"
    assert Status(0xB605, Command.N_CREATE).description.startswith("Unknown Warning")


@pytest.mark.parametrize(("service", "command", "row"), OWN,
                         ids=[f"{s.name}-{c.name}-{r.code}" for s, c, r in OWN])
def test_every_service_status_resolves_with_its_type_and_meaning(
    service: Service, command: Command, row: standard.Row
) -> None:
    enum = SERVICE_ENUMS[service][command]
    assert enum is not COMMAND_ENUMS[command]
    member = enum[row.name]
    assert member.pattern == row.code
    assert member.type is StatusType(row.type)
    assert member.description == row.description
    assert member.section == row.section and member.section.startswith("PS3.4 ")
    status = Status(member.value, command, service=service)
    assert status.member is member
    assert (status.type, status.description) == (member.type, member.description)
    assert status.service is service and status.command is command


@pytest.mark.parametrize(("service", "command"), OWN_PAIRS,
                         ids=[f"{s.name}-{c.name}" for s, c in OWN_PAIRS])
def test_every_code_in_a_service_context(service: Service, command: Command) -> None:
    """All 65536 codes: the service's own status, else exactly what the
    command alone resolves to, the same member object included."""
    enum = SERVICE_ENUMS[service][command]
    own = {m.value: m for m in enum}
    assert own.keys() == {m.value for m in enum if not m.is_masked}, "no own masks"
    assert own, "a service enum exists only for statuses of its own"
    for code in range(0x10000):
        got = Status(code, command, service=service)
        if code in own:
            assert got.member is own[code]
            continue
        plain = Status(code, command)
        assert got.member is plain.member
        assert (got.type, got.description, got.related_attributes) == (
            plain.type, plain.description, plain.related_attributes)


def test_a_service_enum_holds_only_the_services_own_statuses() -> None:
    """No twins: the command's statuses keep their identity in a service."""
    for (service, command), enum in [
        ((s, c), e) for s, enums in SERVICE_ENUMS.items() for c, e in enums.items()
        if e is not COMMAND_ENUMS[c]
    ]:
        rows = dict(next(t for t in standard.SERVICES if t.name == service.name).own)
        assert [m.name for m in enum] == [row.name for row in rows[command.name]]
    pending = Status(0xFF00, Command.C_FIND, service=Service.QUERY_RETRIEVE)
    assert pending.member is CFindStatus.PENDING
    action = Status(0x0123, Command.N_ACTION, service=UPS)
    assert action.member is NActionStatus.NO_SUCH_ACTION
    find = Status(0xC123, Command.C_FIND, service=Service.QUERY_RETRIEVE)
    assert find.member is CFindStatus.UNABLE_TO_PROCESS
    assert find.code == 0xC123


def test_a_service_without_statuses_of_its_own_gives_the_command_enum() -> None:
    assert Status(0xA801, Command.C_MOVE, service=Service.QUERY_RETRIEVE).member is (
        CMoveStatus.MOVE_DESTINATION_UNKNOWN)
    assert Status(0xFF01, Command.C_FIND, service=Service.BASIC_WORKLIST_MANAGEMENT).member is (
        CFindStatus.PENDING_OPTIONAL_KEYS_NOT_SUPPORTED)
    # A command the service has no statuses for reads as the command.
    store = Status(0xC310, Command.C_STORE, service=UPS)
    assert store.member is CStoreStatus.CANNOT_UNDERSTAND


def test_same_code_different_command_in_one_service() -> None:
    action = Status(0xC310, Command.N_ACTION, service=UPS)
    nset = Status(0xC310, Command.N_SET, service=UPS)
    assert action.member is UPSNActionStatus.NOT_YET_IN_PROGRESS
    assert nset.member is UPSNSetStatus.NOT_IN_PROGRESS
    assert action.description != nset.description
    assert action == 0xC310 and nset == 0xC310 and hash(action) == hash(nset)  # ints


def test_service_enums_cover_every_service_and_command() -> None:
    assert set(SERVICE_ENUMS) == set(Service)
    for service, enums in SERVICE_ENUMS.items():
        assert set(service.commands) <= set(enums)
        for command, enum in enums.items():
            assert issubclass(enum, StatusEnum)
            assert enum is COMMAND_ENUMS[command] or enum.__name__.endswith(
                COMMAND_ENUMS[command].__name__)
        assert service.section.startswith("PS3.4 Annex ")


@pytest.mark.parametrize("text", ["UPS", "ups", "Unified Procedure Step",
                                  "unified-procedure-step", "UNIFIED_PROCEDURE_STEP"])
def test_service_parse(text: str) -> None:
    assert Service.parse(text) is UPS


def test_service_parse_aliases() -> None:
    assert Service.parse("MPPS") is Service.PROCEDURE_STEP
    assert Service.parse("Q/R") is Service.QUERY_RETRIEVE
    assert Service.parse("print") is Service.PRINT_MANAGEMENT
    assert Service.parse("mwl") is Service.BASIC_WORKLIST_MANAGEMENT


@pytest.mark.parametrize("text", ["", "UPSS", "Storage Service Class", "x"])
def test_service_parse_rejects_unknown_names(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text).replace("[", r"\[")):
        Service.parse(text)
    with pytest.raises(TypeError, match="must be a str"):
        Service.parse(3)  # type: ignore[arg-type]


def test_bad_service_arguments() -> None:
    with pytest.raises(TypeError, match="needs a command"):
        Status(0xC310, service=UPS)  # type: ignore[call-overload]
    Status(0xC310, Command.N_ACTION, service=UPS)  # memoized now
    bad: object
    for bad in ("UPS", UPS.value, 1, Command.N_ACTION):
        with pytest.raises(TypeError, match=r"service must be a dimse_status\.Service"):
            Status(0xC310, Command.N_ACTION, service=bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="service must be"):
        Status(0xC310, Command.N_ACTION, service=[UPS])  # type: ignore[call-overload]


def test_repr_and_pickle_keep_the_service() -> None:
    s = Status(0xC310, Command.N_ACTION, service=UPS)
    plain = Status(0xC310, Command.N_ACTION)
    assert s == plain == 0xC310 and hash(s) == hash(plain)  # the code's
    assert s.member is not plain.member
    assert repr(s) == "Status(0xC310, Command.N_ACTION, service=Service.UNIFIED_PROCEDURE_STEP)"
    assert str(s) == "(0xC310) Failure: Failed: The UPS is not yet in the IN PROGRESS state"
    copy = pickle.loads(pickle.dumps(s))
    assert copy == s and copy.member is s.member and copy.service is UPS
    assert pickle.loads(pickle.dumps(UPS)) is UPS


def test_registered_statuses_apply_after_the_services_own() -> None:
    registry = StatusRegistry()
    registry.add(0xC310, "Failure", "vendor C310", command=Command.N_ACTION)
    registry.add(0xC400, "Failure", "vendor C400", command=Command.N_ACTION)
    own = Status(0xC310, Command.N_ACTION, service=UPS, registry=registry)
    assert own.member is UPSNActionStatus.NOT_YET_IN_PROGRESS
    custom = Status(0xC400, Command.N_ACTION, service=UPS, registry=registry)
    assert custom.member is None and custom.description == "vendor C400"
    # The default registry knows neither.
    assert Status(0xC400, Command.N_ACTION, service=UPS).description.startswith("Unknown")
