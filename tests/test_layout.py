"""What the speed of ``Status`` and ``lookup`` rests on, checked as behaviour
(no timings): plain attributes shared by the statuses of one meaning, a
lookup that runs no Python code once a code has been seen, the per-bucket
meanings that answer a memo miss, and imports without ``typing``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from dimse_status import (
    Command,
    CStoreStatus,
    NActionStatus,
    Status,
    StatusRegistry,
    StatusType,
    add_status,
    default_registry,
)

ATTRIBUTES = ("command", "service", "member", "type", "description", "is_success",
              "is_warning", "is_failure", "is_cancel", "is_pending")


def test_attributes_are_plain_and_shared_by_the_statuses_of_one_meaning() -> None:
    """Properties cost a call per read (and ``StatusType.FAILURE`` an enum
    class lookup on 3.10/3.11); one dict per meaning keeps a status small."""
    first, second = Status(0xA7F3, Command.C_STORE), Status(0xA7F4, Command.C_STORE)
    assert vars(first) is vars(second)
    for name in ATTRIBUTES:
        assert name in vars(first), name
        assert not hasattr(Status, name), name  # nothing on the class to look through
    assert vars(first)["is_failure"] is True and first.type is StatusType.FAILURE
    other = Status(0xA7F3, Command.C_FIND)  # the same code, another command
    assert vars(other) is not vars(first) and other.command is Command.C_FIND
    assert (first.code, second.code) == (0xA7F3, 0xA7F4)
    assert type(first.code) is int


def test_details_stay_with_their_status() -> None:
    plain = Status(0xC001, Command.C_STORE)
    shared = dict(vars(plain))
    detailed = plain.with_details(error_comment="cannot decode")
    assert detailed.error_comment == "cannot decode" and detailed.member is plain.member
    assert vars(plain) == shared and plain.error_comment is None
    assert Status(0xC002, Command.C_STORE).details == plain.details  # the same meaning
    assert vars(detailed) is not vars(plain)


def test_related_attributes_come_from_the_member_or_the_meaning() -> None:
    assert Status(0xA7F3, Command.C_STORE).related_attributes == (0x00000902,)
    # A general code for a command: member None, the general code's attributes.
    general = Status(0x0107, Command.C_STORE)
    assert general.member is None and general.related_attributes == (
        0x00000002, 0x00001000, 0x00001005)
    registry = StatusRegistry()
    registry.add(0xC9F0, "Failure", "vendor", command=Command.C_STORE,
                 related_attributes=[0x00000902])
    custom = Status(0xC9F0, Command.C_STORE, registry=registry)
    assert custom.member is None and custom.related_attributes == (0x00000902,)
    assert Status(0x1234, Command.C_STORE).related_attributes == ()


def _python_calls(action: Callable[[], object]) -> list[str]:
    """The Python functions ``action`` calls (C functions are not counted)."""
    calls: list[str] = []

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call":
            calls.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return [name for name in calls if name != "action"]


def test_a_repeated_lookup_runs_no_python_code() -> None:
    assert CStoreStatus.lookup(0xA7F3) is CStoreStatus.OUT_OF_RESOURCES
    assert _python_calls(lambda: CStoreStatus.lookup(0xA7F3)) == ["<lambda>"]
    # A code not seen yet is resolved (and remembered) by Python code.
    assert _python_calls(lambda: NActionStatus.lookup(0xC123)) != ["<lambda>"]
    assert _python_calls(lambda: NActionStatus.lookup(0xC123)) == ["<lambda>"]


@pytest.mark.parametrize("registry", [None, StatusRegistry()], ids=["default", "own"])
def test_a_bucket_met_before_a_registration_gives_way_to_it(
    registry: StatusRegistry | None,
) -> None:
    """A memo miss reads the meaning shared by a bucket of 256 codes; a
    registration in that bucket afterwards must still win."""
    store = Command.C_STORE
    try:
        for code in (0x1234, 0x1235, 0x5601):  # buckets 0x12 and 0x56: unknown codes
            assert Status(code, store, registry=registry).member is None
        for code in range(0x1200, 0x1300):
            Status(code, store, registry=registry)  # memo and bucket full of 0x12xx
        if registry is None:
            add_status(0x1240, "Warning", "vendor", command=store)
            add_status(0x5600, "Pending", "any command", end=0x5610)
        else:
            registry.add(0x1240, "Warning", "vendor", command=store)
            registry.add(0x5600, "Pending", "any command", end=0x5610)
        assert Status(0x1240, store, registry=registry).description == "vendor"
        assert Status(0x1241, store, registry=registry).is_failure
        assert Status(0x5601, store, registry=registry).is_pending
        assert Status(0x5611, store, registry=registry).is_failure
        assert Status(0x1234, store, registry=registry).type is StatusType.FAILURE
    finally:
        if registry is None:
            default_registry.clear()


def test_compat_imports_without_typing() -> None:
    code = "import sys, dimse_status.compat; print('typing' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
