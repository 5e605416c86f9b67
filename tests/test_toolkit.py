"""The server and client toolkit without a network: the sub-operation tally
against PS3.4's rule over a grid, the reading of a final response, the
permitted-status check over every code, StatusError and describe()."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable
from typing import Any

import pytest

from dimse_status import (
    COMMAND_ENUMS,
    SERVICE_ENUMS,
    Command,
    CStoreStatus,
    NoResponseError,
    RetrieveOutcome,
    Status,
    StatusEnum,
    StatusError,
    StatusRegistry,
    StatusType,
    SubOperationTally,
    describe,
    is_permitted,
    retrieve_outcome,
    status_handler,
)

# C-STORE statuses of each Annex C type a sub-operation may answer.
ANSWER = {"completed": (0x0000,), "warning": (0xB000, 0xB006, 0xB007, 0xB123, 0x0001),
          "failed": (0xA700, 0xA7F3, 0xA900, 0xC000, 0xC123, 0x0122, 0x0211, 0xFE00, 0xFF00)}


def standard_final(completed: int, failed: int, warning: int) -> int:
    """PS3.4 C.4.2.3.1 / C.4.3.3.1 as written: Success if all sub-operations
    completed successfully; Failure (A702) if all were unsuccessful;
    Warning (B000) otherwise."""
    total = completed + failed + warning
    if completed == total:
        return 0x0000
    if failed == total:
        return 0xA702
    return 0xB000


GRID = list(itertools.product(range(4), repeat=3))


@pytest.mark.parametrize("command", [Command.C_GET, Command.C_MOVE], ids=lambda c: c.label)
@pytest.mark.parametrize(("completed", "failed", "warning"), GRID)
def test_the_final_status_follows_the_standard_over_the_grid(
    command: Command, completed: int, failed: int, warning: int
) -> None:
    rng = random.Random(completed * 16 + failed * 4 + warning)
    answers = [rng.choice(ANSWER[kind]) for kind, n in
               (("completed", completed), ("failed", failed), ("warning", warning))
               for _ in range(n)]
    rng.shuffle(answers)
    tally = SubOperationTally(command, total=len(answers))
    for code in answers:
        tally.add(code)
    final = tally.final()
    assert final.code == standard_final(completed, failed, warning)
    assert final.command is command and final.member is not None
    assert final.sub_operations == (None, completed, failed, warning)
    ds = final.to_dataset(strict=True)
    assert (ds.NumberOfCompletedSuboperations, ds.NumberOfFailedSuboperations,
            ds.NumberOfWarningSuboperations) == (completed, failed, warning)
    assert "NumberOfRemainingSuboperations" not in ds
    assert retrieve_outcome(final) is {0x0000: RetrieveOutcome.COMPLETE,
                                       0xA702: RetrieveOutcome.FAILED,
                                       0xB000: RetrieveOutcome.PARTIAL}[final.code]


@pytest.mark.parametrize(("completed", "failed", "warning"), GRID)
@pytest.mark.parametrize("left", [0, 1, 3])
def test_cancel_gives_fe00_with_the_remaining_count(
    completed: int, failed: int, warning: int, left: int
) -> None:
    tally = SubOperationTally(Command.C_MOVE, total=completed + failed + warning + left)
    for code in [0x0000] * completed + [0xC000] * failed + [0xB000] * warning:
        tally.add(code)
    pending = tally.pending()
    assert pending.code == 0xFF00 and pending.sub_operations == (left, completed, failed, warning)
    cancel = tally.cancel()
    assert cancel.code == 0xFE00 and cancel.is_cancel
    assert cancel.sub_operations == (left, completed, failed, warning)
    assert cancel.to_dataset().NumberOfRemainingSuboperations == left
    assert retrieve_outcome(cancel) is RetrieveOutcome.CANCELLED


def test_sub_operations_never_performed_count_as_failed() -> None:
    tally = SubOperationTally(Command.C_GET, total=3)
    tally.add(CStoreStatus.SUCCESS)
    final = tally.final()
    assert (final.code, final.sub_operations.completed, final.sub_operations.failed) == (
        0xB000, 1, 2)


def test_add_reads_pynetdicom_datasets_an_empty_one_is_a_failure() -> None:
    from pydicom import Dataset

    tally = SubOperationTally(Command.C_GET)
    warned = Dataset()
    warned.Status = 0xB123
    assert tally.add(warned) is StatusType.WARNING
    assert tally.add(Dataset()) is StatusType.FAILURE
    assert (tally.completed, tally.failed, tally.warning, tally.remaining) == (0, 1, 1, None)


def test_a_batch_of_c_stores_gives_the_worst_status_received() -> None:
    batch = SubOperationTally(Command.C_STORE)
    assert batch.final() == Status(0x0000, Command.C_STORE)
    for code in (0x0000, 0xB007, 0xA7F3, 0xC000, 0xB000):
        batch.add(code)
    assert batch.final() == Status(0xA7F3, Command.C_STORE)
    with pytest.raises(ValueError, match="batch of C-STOREs"):
        batch.cancel()
    with pytest.raises(ValueError, match=r"not <Command\.C_FIND"):
        SubOperationTally(Command.C_FIND)


READINGS = [
    (0x0000, (3, 0, 0), RetrieveOutcome.COMPLETE),
    (0x0000, (0, 0, 0), RetrieveOutcome.COMPLETE),
    (0x0000, (2, 1, 0), RetrieveOutcome.INCONSISTENT),
    (0x0000, (2, 0, 1), RetrieveOutcome.INCONSISTENT),
    (0xB000, (2, 1, 0), RetrieveOutcome.PARTIAL),
    (0xB000, (0, 0, 3), RetrieveOutcome.PARTIAL),
    (0xB000, (0, 2, 1), RetrieveOutcome.PARTIAL),
    (0xB000, (3, 0, 0), RetrieveOutcome.INCONSISTENT),  # nothing to warn about
    (0xB000, (0, 3, 0), RetrieveOutcome.INCONSISTENT),  # all failed: A702
    (0xA702, (0, 3, 0), RetrieveOutcome.FAILED),
    (0xA702, (1, 2, 0), RetrieveOutcome.INCONSISTENT),
    (0xA702, (0, 2, 1), RetrieveOutcome.INCONSISTENT),
    (0xC000, None, RetrieveOutcome.FAILED),
    (0xA801, None, RetrieveOutcome.FAILED),
    (0xB000, None, RetrieveOutcome.PARTIAL),
    (0xFE00, (1, 1, 1), RetrieveOutcome.CANCELLED),
]


@pytest.mark.parametrize(("code", "counts", "outcome"), READINGS)
def test_reading_a_final_response(
    code: int, counts: tuple[int, int, int] | None, outcome: RetrieveOutcome
) -> None:
    status = Status(code, Command.C_MOVE)
    if counts is not None:
        status = status.with_details(completed=counts[0], failed=counts[1], warning=counts[2])
    assert retrieve_outcome(status) is outcome


def test_a_pending_response_is_not_final() -> None:
    with pytest.raises(ValueError, match="Pending, not a final response"):
        retrieve_outcome(Status(0xFF00, Command.C_GET))


# --- is_permitted --------------------------------------------------------------

def _oracle(enum: type[StatusEnum]) -> set[int]:
    """The codes an enum's listed members stand for: each exact code, and
    every code that agrees with a masked member on its mask's bits (a member
    the standard does not list for its command, 0112 kept from the seed, is
    not permitted)."""
    codes = {m.value for m in enum if not m.is_masked and m.listed}
    for m in enum:
        if m.is_masked and m.listed:
            free = ~m.mask & 0xFFFF
            codes.update(m.value | low for low in range(free + 1) if low & m.mask == 0)
    return codes


CONTEXTS: list[tuple[Command, Any]] = [(c, None) for c in Command] + [
    (command, service) for service, enums in SERVICE_ENUMS.items() for command in enums]


def test_is_permitted_over_every_code_command_and_service_context() -> None:
    """65,536 codes x 11 commands, and each service's commands."""
    oracles: dict[type[StatusEnum], set[int]] = {}
    for command, service in CONTEXTS:
        # A service enum holds the service's own statuses; the command's apply too.
        enums = [COMMAND_ENUMS[command]]
        if service is not None:
            enums.append(SERVICE_ENUMS[service][command])
        for enum in enums:
            if enum not in oracles:
                oracles[enum] = _oracle(enum)
        # ... less the codes the service's table leaves out (Non-Patient
        # Object Storage: no C-STORE warnings).
        def kept(code: int, command: Command = command, service: Any = service) -> bool:
            return service is None or not service.excludes(command, code)

        expected = {code for enum in enums for code in oracles[enum] if kept(code)}
        got = {code for code in range(0x10000) if is_permitted(code, command, service)}
        assert got == expected, (command, service)
        unlisted = {m.value for enum in enums for m in enum if not m.listed and kept(m.value)}
        for code in [*range(0, 0x10000, 251), *unlisted]:  # the resolver agrees
            member = Status(code, command, service).member
            assert (member is not None) == (code in expected or code in unlisted), (
                hex(code), command, service)


def test_custom_statuses_are_permitted_in_their_registry_only() -> None:
    mine = StatusRegistry()
    mine.add(0xC9F0, "Failure", "vendor", command=Command.C_STORE)
    mine.add(0xB123, "Warning", "vendor warning", command=Command.C_FIND)
    mine.add(0xD000, "Failure", "anywhere", end=0xD00F)
    assert not is_permitted(0xB123, Command.C_FIND)
    assert is_permitted(0xB123, Command.C_FIND, registry=mine)
    assert not is_permitted(0xB123, Command.C_STORE, registry=mine)
    assert all(is_permitted(c, cmd, registry=mine) for c in range(0xD000, 0xD010)
               for cmd in Command)
    assert not is_permitted(0xD010, Command.C_ECHO, registry=mine)


def test_status_is_permitted_and_strict_to_dataset() -> None:
    assert Status(0xA7F3, Command.C_STORE).is_permitted
    assert not Status(0xB123, Command.C_FIND).is_permitted
    Status(0xB123, Command.C_FIND).to_dataset()  # not strict: sent, as pynetdicom does
    with pytest.raises(ValueError, match=r"0xB123 is not a status .* C-FIND .* permits 0000, "
                                         r"FF00, FF01, FE00, A700, A900, Cxxx"):
        Status(0xB123, Command.C_FIND).to_dataset(strict=True)
    mine = StatusRegistry()
    mine.add(0xB123, "Warning", "vendor warning", command=Command.C_FIND)
    assert Status(0xB123, Command.C_FIND).to_dataset(strict=True, registry=mine).Status == 0xB123


def test_is_permitted_rejects_bad_input_naming_it() -> None:
    with pytest.raises(ValueError, match="70000"):
        is_permitted(70000, Command.C_STORE)
    with pytest.raises(TypeError, match="'C-STORE'"):
        is_permitted(0, "C-STORE")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


# --- StatusError, NoResponseError, describe --------------------------------------

def test_status_error_carries_a_status_with_its_details() -> None:
    error = StatusError(CStoreStatus.CANNOT_UNDERSTAND, "bad\\pixel " + "y" * 80,
                        offending_element=[0x7FE00010])
    assert error.status.command is Command.C_STORE
    assert error.status.error_comment == ("bad/pixel " + "y" * 80)[:61] + "..."
    assert error.error_comment_given == "bad\\pixel " + "y" * 80
    assert error.status.offending_element == (0x7FE00010,)
    assert str(error) == describe(error.status)
    success = StatusError(Status(0x0000, Command.C_STORE), "success carries no comment")
    assert (success.status.code, success.status.error_comment) == (0x0000, None)
    assert success.comment_dropped is not None and "Error Comment" in success.comment_dropped


def test_no_response_error_is_a_value_error() -> None:
    from pydicom import Dataset

    assert issubclass(NoResponseError, ValueError)
    with pytest.raises(NoResponseError):
        Status.from_dataset(Dataset(), Command.C_ECHO)


def test_describe_is_one_line_with_every_detail() -> None:
    status = Status(0xB000, Command.C_MOVE).with_details(completed=2, failed=1, warning=0)
    assert describe(status) == (
        "(0xB000) Warning: Sub-operations Complete - One or more Failures "
        "[C-MOVE]; sub-operations: completed 2, failed 1, warning 0")
    bare = Status(0x0122)
    assert describe(bare) == str(bare)
    full = Status(0xC123, Command.C_STORE).with_details(
        error_comment="x", offending_element=[0x00100010, 0x00100020])
    assert describe(full).endswith("; Error Comment 'x'; Offending Element (0010,0010) (0010,0020)")
    assert "\n" not in describe(full)


@pytest.mark.parametrize(("options", "error", "named"), [
    ({"failure": 0x10000}, ValueError, "65536"),
    ({"failure": -1}, ValueError, "-1"),
    ({"failure": "C000"}, TypeError, "'C000'"),
    ({"failure": True}, TypeError, "True"),
    ({"failure": 0x0000}, ValueError, "0x0000 is a Success"),
    ({"failure": 0xFF00}, ValueError, "0xFF00 is a Pending"),
    ({"failure": 0xA801, "command": Command.C_STORE}, ValueError, "not a status of C-STORE"),
    ({"command": "C-STORE"}, TypeError, "'C-STORE'"),
    ({"service": "UPS"}, TypeError, "'UPS'"),
    ({"registry": {}}, TypeError, "registry"),
    ({"strict": "yes"}, TypeError, "'yes'"),
])
def test_status_handler_checks_every_option_when_decorating(
    options: dict[str, Any], error: type[Exception], named: str
) -> None:
    with pytest.raises(error, match=re.escape(named)):
        status_handler(**options)


def test_status_handler_accepts_good_options() -> None:
    status_handler(failure=0xA700, command=Command.C_STORE)
    status_handler(failure=0xC000)
    status_handler(failure=0xA801, command=Command.C_STORE, strict=False)


def _read(**elements: Any) -> Status[Any]:
    from pydicom import Dataset

    ds = Dataset()
    ds.Status = elements.pop("status")
    for keyword, value in elements.items():
        setattr(ds, keyword, value)
    return Status.from_dataset(ds, Command.C_STORE)


@pytest.mark.parametrize(("read", "named"), [
    (lambda: _read(status=0xA700, ErrorComment="x" * 70), "at most 64"),
    (lambda: _read(status=0xA700, ErrorComment="y" * 10_000_000), "at most 64"),
    (lambda: _read(status=0xA700, ErrorComment="a\\b"), "backslash"),
    (lambda: _read(status=0x0000, ErrorComment="fine"), "does not travel"),
    (lambda: _read(status=0xA700, NumberOfCompletedSuboperations=2), "does not travel"),
], ids=["70 characters", "10 MB", "backslash", "comment on a Success", "counts on C-STORE"])
@pytest.mark.filterwarnings("ignore:The value length:UserWarning")  # pydicom, for the peer's
def test_strict_to_dataset_applies_with_details_rules_to_details_read_from_a_peer(
    read: Callable[[], Status[Any]], named: str
) -> None:
    status = read()
    status.to_dataset()  # as read: written back when not strict
    with pytest.raises(ValueError, match=named) as raised:
        status.to_dataset(strict=True)
    assert len(str(raised.value)) < 400


# --- a tally that cannot lie ---------------------------------------------------

def test_final_is_a_pure_reading() -> None:
    tally = SubOperationTally(Command.C_MOVE, total=3)
    tally.add(0x0000)
    looked = tally.final()
    assert (looked.code, looked.sub_operations.failed) == (0xB000, 2)  # 2 never performed
    assert (tally.completed, tally.failed, tally.remaining) == (1, 0, 2)
    tally.add(0x0000)
    tally.add(0x0000)
    final = tally.final()
    assert (final.code, *final.sub_operations[1:]) == (0x0000, 3, 0, 0)
    assert tally.final() == final and tally.final().sub_operations == final.sub_operations


def test_add_after_the_tally_is_complete_is_refused() -> None:
    tally = SubOperationTally(Command.C_GET, total=3)
    for _ in range(3):
        tally.add(0x0000)
    with pytest.raises(ValueError, match="tally of 3 sub-operations is complete: "
                                         "sub-operation 4"):
        tally.add(0x0000)
    assert (tally.completed, tally.final().code) == (3, 0x0000)


@pytest.mark.parametrize("total", [None, 0xFFFF])
def test_add_that_would_overflow_65535_is_refused(total: int | None) -> None:
    tally = SubOperationTally(Command.C_MOVE, total=total)
    for _ in range(0xFFFF):
        tally.add(0x0000)
    with pytest.raises(ValueError, match="65535"):
        tally.add(0xA700)
    assert (tally.completed, tally.failed) == (0xFFFF, 0)
    assert tally.final().code == 0x0000


@pytest.mark.parametrize("status", [
    Status(0xA700, Command.C_STORE), Status(0x0000, Command.C_FIND), Status(0xB000),
], ids=["C-STORE", "C-FIND", "no command"])
def test_retrieve_outcome_refuses_statuses_of_other_commands(status: Status[Any]) -> None:
    with pytest.raises(ValueError, match="reads a C-GET or C-MOVE response"):
        retrieve_outcome(status)


def test_the_failed_sop_instance_uid_list_is_on_the_tally_and_its_dataset() -> None:
    tally = SubOperationTally(Command.C_GET, total=3)
    tally.add(0xA700, sop_instance_uid="1.2.3.1")
    tally.add(0x0000, sop_instance_uid="1.2.3.2")
    tally.add(0xC000, sop_instance_uid="1.2.3.3")
    assert tally.failed_sop_instance_uids == ("1.2.3.1", "1.2.3.3")
    assert list(tally.to_dataset().FailedSOPInstanceUIDList) == ["1.2.3.1", "1.2.3.3"]
    assert list(SubOperationTally(Command.C_MOVE).to_dataset().FailedSOPInstanceUIDList) == []
    with pytest.raises(ValueError, match=re.escape("'1.2.x' is not a UID")):
        SubOperationTally(Command.C_GET).add(0xA700, sop_instance_uid="1.2.x")
