"""Custom statuses: conflicts, scoping, atomicity and threads."""

from __future__ import annotations

import copy
import pickle
import threading
from collections.abc import Iterator

import pytest

from dimse_status import (
    Command,
    CStoreStatus,
    CustomStatus,
    Service,
    Status,
    StatusConflictError,
    StatusRegistry,
    StatusType,
    add_status,
    compat,
    default_registry,
    register_statuses,
)

UNKNOWN = "Unknown Status (no Annex C class: read as a Failure)"


@pytest.fixture(autouse=True)
def clean_default_registry() -> Iterator[None]:
    default_registry.clear()
    yield
    default_registry.clear()


def test_vendor_code_refines_a_mask_of_the_same_type_and_wins() -> None:
    added = add_status(
        0xC9F0, "Failure", "Vendor: unsupported compression", command=Command.C_STORE
    )
    assert added == CustomStatus(0xC9F0, 0xC9F0, StatusType.FAILURE,
                                 "Vendor: unsupported compression", Command.C_STORE)
    status = Status(0xC9F0, Command.C_STORE)
    assert status.description == "Vendor: unsupported compression"
    assert status.member is None
    assert Status(0xC9F1, Command.C_STORE).member is CStoreStatus.CANNOT_UNDERSTAND
    assert Status(0xC9F0, Command.C_FIND).description == "Failed: Unable to process"


def test_other_type_inside_a_standard_mask_is_a_conflict_unless_asked() -> None:
    with pytest.raises(StatusConflictError, match="CANNOT_UNDERSTAND"):
        add_status(0xC9F0, StatusType.WARNING, "odd", command=Command.C_STORE)
    assert Status(0xC9F0, Command.C_STORE).member is CStoreStatus.CANNOT_UNDERSTAND
    add_status(0xC9F0, StatusType.WARNING, "odd", command=Command.C_STORE, override=True)
    assert Status(0xC9F0, Command.C_STORE).is_warning


def test_redefining_an_exact_standard_code_is_a_conflict_unless_asked() -> None:
    with pytest.raises(StatusConflictError, match=r"0x0117 .*INVALID_SOP_INSTANCE"):
        add_status(0x0117, "Warning", "mine", command=Command.C_STORE)
    with pytest.raises(StatusConflictError, match="already defined for C-STORE"):
        add_status(0x0100, "Failure", "mine", end=0x01FF, command=Command.C_STORE)
    with pytest.raises(StatusConflictError, match="PROCESSING_FAILURE"):
        add_status(0x0110, "Failure", "mine")
    add_status(0x0117, "Warning", "mine", command=Command.C_STORE, override=True)
    assert Status(0x0117, Command.C_STORE).description == "mine"
    assert Status(0x0117, Command.N_GET).description == "Invalid SOP Instance"


def test_overlapping_registrations_conflict_and_nothing_is_lost() -> None:
    add_status(0x1000, "Warning", "first", end=0x100F, command=Command.C_STORE)
    with pytest.raises(StatusConflictError, match="0x1000-0x100F"):
        add_status(0x100F, "Warning", "second", end=0x1010, command=Command.C_STORE)
    assert Status(0x1010, Command.C_STORE).description == UNKNOWN
    add_status(0x1004, "Failure", "middle", end=0x1005, command=Command.C_STORE, override=True)
    assert [Status(c, Command.C_STORE).description for c in range(0x1003, 0x1007)] == [
        "first", "middle", "middle", "first"]


def test_custom_for_any_command_comes_after_the_commands_own() -> None:
    add_status(0x1234, "Warning", "general vendor code")
    add_status(0x1234, "Failure", "store vendor code", command=Command.C_STORE)
    assert Status(0x1234).description == "general vendor code"
    assert Status(0x1234, Command.C_FIND).description == "general vendor code"
    assert Status(0x1234, Command.C_STORE).description == "store vendor code"
    # the command's standard codes still come first
    add_status(0xA000, "Warning", "odd", end=0xAFFF)
    assert Status(0xA701, Command.C_GET).description.startswith("Refused: Out of Resources")


def test_registries_are_scoped() -> None:
    mine = StatusRegistry()
    mine.add(0x1234, "Warning", "only mine", command=Command.C_ECHO)
    assert Status(0x1234, Command.C_ECHO, registry=mine).description == "only mine"
    assert Status(0x1234, Command.C_ECHO).description == UNKNOWN
    assert default_registry.custom_statuses == ()
    copy = mine.copy()
    mine.clear()
    assert Status(0x1234, Command.C_ECHO, registry=copy).description == "only mine"
    assert Status(0x1234, Command.C_ECHO, registry=mine).description == UNKNOWN
    with pytest.raises(TypeError, match="StatusRegistry"):
        Status(0, registry={})  # type: ignore[call-overload]


def test_add_many_is_all_or_nothing() -> None:
    reg = StatusRegistry()
    good = CustomStatus(0x1000, 0x1000, StatusType.WARNING, "good", Command.C_STORE)
    bad = CustomStatus(0x0117, 0x0117, StatusType.WARNING, "bad", Command.C_STORE)
    with pytest.raises(StatusConflictError):
        reg.add_many([good, bad])
    assert reg.custom_statuses == ()
    assert Status(0x1000, Command.C_STORE, registry=reg).description == UNKNOWN
    with pytest.raises(StatusConflictError):  # conflicts inside one batch count too
        reg.add_many([good, good._replace(description="again")])
    reg.add_many([good])
    assert list(reg.custom_statuses) == [good]


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((True, "Failure", "x"), TypeError, "bool"),
        ((0x10000, "Failure", "x"), ValueError, "65536"),
        ((0x10, "Failure", "x", 0x0F), ValueError, "below"),
        ((0x10, "Broken", "x"), ValueError, "'Broken'"),
        ((0x10, "Failure", 3), TypeError, "description"),
        ((0x10, "Failure", "x", None, "C-STORE"), TypeError, "command must be"),
    ],
)
def test_bad_registrations_are_named_and_change_nothing(
    args: tuple[object, ...], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        add_status(*args)  # type: ignore[arg-type]
    assert default_registry.custom_statuses == ()


def test_register_statuses_restores_the_standard_like_the_seed() -> None:
    compat.add_status(0x0110, "Warning", "shadowed")
    compat.add_status(0x1234, "Warning", "kept", command=Command.C_STORE)
    assert compat.Status(0x0110).status_type == "Warning"
    register_statuses()
    assert compat.Status(0x0110).status_type == "Failure"
    assert compat.Status(0x1234, Command.C_STORE).description == "kept"
    compat.register_statuses()
    assert len(default_registry.custom_statuses) == 1


def test_compat_add_status_exact_codes_last_wins_ranges_first_wins() -> None:
    """pynetdicom2's order (checked against pynetdicom2 in test_reliability.py)."""
    compat.add_status(0x1000, "Warning", "one", end=0x10FF)
    compat.add_status(0x1000, "Failure", "two", end=0x10FF)
    compat.add_status(0x1050, "Warning", "x")
    compat.add_status(0x1050, "Failure", "y")
    assert compat.Status(0x1050).description == "y"
    assert compat.Status(0x1051).description == "one"


def test_registration_from_threads_while_others_resolve() -> None:
    reg = StatusRegistry()
    writers, per_writer = 8, 200
    errors: list[BaseException] = []
    stop = threading.Event()

    def write(w: int) -> None:
        try:
            for i in range(per_writer):
                code = 0x1000 + w * per_writer + i
                reg.add(code, "Warning", f"w{w}-{i}", command=Command.C_STORE)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def read() -> None:
        try:
            while not stop.is_set():
                for code in (0x1000, 0x10C7, 0x1640):
                    status = Status(code, Command.C_STORE, registry=reg)
                    # a registration is seen whole or not at all
                    w, i = divmod(code - 0x1000, per_writer)
                    assert status.description in (UNKNOWN, f"w{w}-{i}")
                    assert status.type in (StatusType.FAILURE, StatusType.WARNING)
                    known = status.description != UNKNOWN
                    assert (status.type is StatusType.WARNING) == known
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(4)]
    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for t in readers + threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    stop.set()
    for t in readers:
        t.join(timeout=60)
    assert not errors
    assert len(reg.custom_statuses) == writers * per_writer
    for w in range(writers):
        for i in range(per_writer):
            code = 0x1000 + w * per_writer + i
            assert Status(code, Command.C_STORE, registry=reg).description == f"w{w}-{i}"


def test_memo_is_bounded() -> None:
    reg = StatusRegistry()
    for code in range(0x10000):
        Status(code, Command.C_FIND, registry=reg)
    memo = reg._tables.memo  # pyright: ignore[reportPrivateUsage]
    assert 0 < len(memo[Command.C_FIND]) <= 256
    assert all(len(codes) <= 256 for codes in memo.values())


def test_service_memo_is_bounded_across_all_services() -> None:
    from dimse_status import Service

    reg = StatusRegistry()
    for service in Service:
        for command in Command:
            for code in range(0xC000, 0xC000 + 64):
                Status(code, command, service, registry=reg)
    tables = reg._tables  # pyright: ignore[reportPrivateUsage]
    total = sum(len(codes) for by_code in tables.memo.values()
                for key, codes in by_code.items() if isinstance(key, Service))
    assert 0 < total <= 1024
    # What is memoized is still right.
    status = Status(0xC310, Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP, registry=reg)
    assert status.member is not None and status.member.name == "NOT_YET_IN_PROGRESS"


def test_a_status_remembers_the_registry_it_was_resolved_with() -> None:
    """Issue 20 item 15: ``is_permitted`` and strict ``to_dataset`` use the
    registry a status was resolved with; the default registry's statuses
    (the hot path's shared meanings) carry nothing more."""
    mine = StatusRegistry()
    mine.add(0xB123, "Warning", "vendor warning", command=Command.C_FIND)
    mine.add(0xC9F0, "Failure", "vendor failure", command=Command.C_STORE)
    find = Status(0xB123, Command.C_FIND, registry=mine)
    assert find.description == "vendor warning" and find.is_permitted
    assert find.to_dataset(strict=True).Status == 0xB123
    # the memo's status, a second miss in the same bucket, a service's context,
    # from_dataset and with_details all remember it
    assert Status(0xB123, Command.C_FIND, registry=mine) is find
    assert Status(0xC9F0, Command.C_STORE, registry=mine).is_permitted
    assert Status(0xC9F0, Command.C_STORE, Service.STORAGE, registry=mine).is_permitted
    ds = Status(0xB123, Command.C_FIND).to_dataset()
    assert Status.from_dataset(ds, Command.C_FIND, registry=mine).is_permitted
    commented = find.with_details(error_comment="disk")
    assert commented.is_permitted and commented.to_dataset(strict=True).ErrorComment == "disk"
    # registry= given to to_dataset still wins
    with pytest.raises(ValueError, match="0xB123 is not a status"):
        find.to_dataset(strict=True, registry=StatusRegistry())
    # the same code in the default registry: not permitted, nothing remembered
    plain = Status(0xB123, Command.C_FIND)
    assert not plain.is_permitted and "_registry" not in vars(plain)
    assert "_registry" not in vars(Status(0xB123, Command.C_FIND, registry=default_registry))
    # a copy is the status itself; a pickle keeps the meaning and remembers
    # no registry: it asks the default registry, as a status resolved there does
    assert copy.copy(find) is find and copy.deepcopy(find) is find
    unpickled = pickle.loads(pickle.dumps(find))
    assert unpickled.description == "vendor warning" and not unpickled.is_permitted
    assert "_registry" not in vars(unpickled)
    # a registry's copy is a registry of its own: its statuses remember it
    other = mine.copy()
    assert vars(Status(0xB123, Command.C_FIND, registry=other))["_registry"] is other
