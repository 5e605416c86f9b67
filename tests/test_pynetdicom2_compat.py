"""Differential test: dimse_status.compat against the real pynetdicom2 0.9.8.

Every code 0x0000-0xFFFF is resolved for no command and for each command, the
command given both as a dimse_status.Command and as pynetdicom2's own response
message class.  Each difference in status_type or description must match a
row of tools/standard.py's PYNETDICOM2_DIFFERENCES (the documented standard
corrections, rendered in docs/pynetdicom2.md), and each row must match at
least one difference.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pynetdicom2.dimsemessages as d2
import pynetdicom2.statuses as p2
import pytest

from dimse_status import Command, compat

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import standard

MESSAGES: list[Any] = sorted(
    (cls for name, cls in vars(d2).items() if name.endswith("RSPMessage")),
    key=lambda cls: cls.command_field,
)
Difference = tuple[str, int, str]  # (command label or "none", code, field)


def _matches(pattern: str, code: int) -> bool:
    pattern = pattern.strip()
    if "-" in pattern:
        first, last = pattern.split("-")
        return int(first, 16) <= code <= int(last, 16)
    digits = f"{code:04X}"
    return all(p in ("x", d) for p, d in zip(pattern, digits, strict=True))


@cache
def _codes(patterns: str) -> frozenset[int]:
    """Every code one of the comma-separated ``patterns`` covers (as
    ``_matches`` reads them: a pattern's ``x`` digits are any digit)."""
    codes: set[int] = set()
    for pattern in (p.strip() for p in patterns.split(",")):
        if "-" in pattern:
            codes.update(code for code in range(0x10000) if _matches(pattern, code))
            continue
        assert re.fullmatch(r"[0-9A-Fx]{4}", pattern), pattern
        fixed = int("".join("0" if digit == "x" else "F" for digit in pattern), 16)
        value = int(pattern.replace("x", "0"), 16)
        codes.update(code for code in range(0x10000) if code & fixed == value)
    return frozenset(codes)


def _applies(row: standard.CompatDifference, command: str, field: str) -> bool:
    return (not row.commands or command in row.commands) and row.field in (field, "status_type")


def _explains(row: standard.CompatDifference, difference: Difference) -> bool:
    command, code, field = difference
    return _applies(row, command, field) and code in _codes(row.codes)


def differences(commands: list[Any]) -> set[Difference]:
    found: set[Difference] = set()
    for command in [None, *commands]:
        label = "none" if command is None else Command.from_field(command.command_field).label
        for code in range(0x10000):
            theirs = p2.Status(code, command)
            ours = compat.Status(code, command)
            if ours.status_type != theirs.status_type:
                found.add((label, code, "status_type"))
            elif ours.description != theirs.description:
                found.add((label, code, "description"))
    return found


@pytest.fixture(scope="module")
def found() -> set[Difference]:
    return differences(MESSAGES)


def test_every_command_is_swept() -> None:
    assert {Command.from_field(m.command_field) for m in MESSAGES} == set(Command)


def _by_key(found: set[Difference]) -> dict[tuple[str, str], set[int]]:
    """The codes of the differences found, by (command, field)."""
    by_key: dict[tuple[str, str], set[int]] = {}
    for label, code, field in found:
        by_key.setdefault((label, field), set()).add(code)
    return by_key


def _unexplained(found: set[Difference]) -> set[Difference]:
    """The differences no row explains: what ``_explains`` decides one by
    one, as set operations per (command, field) over the 770,000 found."""
    left: set[Difference] = set()
    for (label, field), codes in _by_key(found).items():
        for row in standard.PYNETDICOM2_DIFFERENCES:
            if _applies(row, label, field):
                codes = codes - _codes(row.codes)
        left.update((label, code, field) for code in codes)
    return left


def test_every_difference_is_a_documented_correction(found: set[Difference]) -> None:
    unexplained = sorted((label, f"0x{code:04X}", field)
                         for label, code, field in _unexplained(found))
    assert unexplained == []


def test_every_documented_correction_still_differs(found: set[Difference]) -> None:
    by_key = _by_key(found)
    stale = [row for row in standard.PYNETDICOM2_DIFFERENCES
             if not any(_applies(row, label, field) and not codes.isdisjoint(_codes(row.codes))
                        for (label, field), codes in by_key.items())]
    assert stale == []


def test_our_commands_and_their_message_classes_agree() -> None:
    """compat answers the same for Command.X and pynetdicom2's message class."""
    for message in MESSAGES:
        command = Command.from_field(message.command_field)
        for code in range(0x10000):
            a, b = compat.Status(code, command), compat.Status(code, message)
            assert (a.status_type, a.description) == (b.status_type, b.description)


def test_the_sweep_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """An undocumented difference is reported."""
    real = compat.Status

    class Wrong(real):  # type: ignore[misc,valid-type]
        @property
        def status_type(self) -> str:
            return "Warning" if int(self) == 0x0110 else super().status_type

    monkeypatch.setattr(compat, "Status", Wrong)
    found = differences(MESSAGES[:1])
    assert ("none", 0x0110, "status_type") in found
    assert not any(_explains(row, ("none", 0x0110, "status_type"))
                   for row in standard.PYNETDICOM2_DIFFERENCES)
    assert ("none", 0x0110, "status_type") in _unexplained(found)


def test_every_public_name_of_pynetdicom2_statuses_is_in_compat() -> None:
    typing_helpers = {"Literal", "Optional", "Type", "Union", "dataclass", "dimse"}
    not_ported = {"KNOWN_STATUSES", "UNKNOWN"}  # pynetdicom2's internal tables
    names = {n for n in vars(p2) if not n.startswith("_")} - typing_helpers - not_ported
    assert sorted(n for n in names if not hasattr(compat, n)) == []


@pytest.mark.parametrize("name", [n for n in compat.__all__ if n.isupper()])
def test_constants_match_in_code_and_type(name: str) -> None:
    theirs, ours = getattr(p2, name), getattr(compat, name)
    assert int(ours) == int(theirs)
    assert ours.status_type == theirs.status_type
