"""Hypothesis probes (issue 12): every public argument, anything at all.

Each public entry point either answers or raises its own ``TypeError`` or
``ValueError`` with a short message; registrations match a plain model; the
compat drop-in matches pynetdicom2 itself on random registration sequences.
Example counts are kept small so that the suite stays fast.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any

import pynetdicom2.dimsemessages as d2
import pynetdicom2.statuses as p2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pynetdicom2_tables import fresh_tables

from dimse_status import (
    Command,
    CustomStatus,
    Service,
    Status,
    StatusConflictError,
    StatusRegistry,
    StatusType,
    add_status,
    compat,
    default_registry,
)
from dimse_status._tables import BUCKET_SHIFT
from dimse_status.base import parse_code

# PROBES=1000 pytest tests/test_probes.py probes harder.
FEW = settings(max_examples=int(os.environ.get("PROBES", "60")), deadline=None)


class _BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr exploded")


anything: st.SearchStrategy[object] = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(10**6000), 10**6000),
    st.floats(), st.text(max_size=300), st.binary(max_size=20),
    st.sampled_from([*Command, *Service, *StatusType, StatusRegistry, default_registry,
                     _BadRepr(), object(), [], (), {}, 1j, "C-STORE", "UPS", "Failure"]),
    st.lists(st.integers(), max_size=3),
)
codes = st.one_of(st.integers(0, 0xFFFF), anything)
commands = st.one_of(st.none(), st.sampled_from(list(Command)), anything)
services = st.one_of(st.none(), st.sampled_from(list(Service)), anything)


def _answers_or_refuses(call: Callable[[], object]) -> object:
    """``call()``'s result, or None if it raised our own short TypeError/ValueError."""
    try:
        return call()
    except (TypeError, ValueError) as exc:
        message = str(exc)
        assert message and len(message) < 1500, message
        assert "Traceback" not in message
        return None


@pytest.fixture(autouse=True)
def clean_default_registry() -> Iterator[None]:
    default_registry.clear()
    yield
    default_registry.clear()


@FEW
@given(code=codes, command=commands, service=services,
       registry=st.one_of(st.none(), st.just(default_registry), anything))
def test_status_answers_or_refuses_anything(
    code: object, command: object, service: object, registry: object,
) -> None:
    status = _answers_or_refuses(
        lambda: Status(code, command, service, registry=registry))  # type: ignore[call-overload]
    if status is not None:
        assert isinstance(status, Status)
        made: Status[Any] = status  # pyright: ignore[reportUnknownVariableType]
        assert made.code == code and isinstance(made.type, StatusType) and made.description
        again: Status[Any] = pickle.loads(pickle.dumps(made))
        assert (again.type, again.description, again.member) == (
            made.type, made.description, made.member)


@FEW
@given(text=anything, field=anything)
def test_parsers_answer_or_refuse_anything(text: object, field: object) -> None:
    for call in (lambda: Command.parse(text), lambda: Command.from_field(field),  # type: ignore[arg-type]
                 lambda: Service.parse(text), lambda: StatusType.parse(text),  # type: ignore[arg-type]
                 lambda: parse_code(text),  # type: ignore[arg-type]
                 lambda: compat.Status(field, text)):  # type: ignore[arg-type]
        _answers_or_refuses(call)


@FEW
@given(field=st.integers(-(2**40), 2**40))
def test_command_fields_are_16_bit(field: int) -> None:
    command = _answers_or_refuses(lambda: Command.from_field(field))
    if command is not None:
        assert 0 <= field <= 0xFFFF and command == field & 0x7FFF


@FEW
@given(code=codes, code_type=st.one_of(st.sampled_from(["Warning", "failure"]), anything),
       description=st.one_of(st.text(max_size=30), anything), end=st.one_of(st.none(), codes),
       command=commands, related=st.one_of(st.just(()), anything),
       registry=st.one_of(st.none(), anything))
def test_add_status_registers_or_refuses_anything(
    code: object, code_type: object, description: object, end: object, command: object,
    related: object, registry: object,
) -> None:
    mine = StatusRegistry()
    target = mine if registry is None else registry
    before = mine.custom_statuses

    def add() -> object:
        return add_status(code, code_type, description, end, command,  # type: ignore[arg-type]
                          related_attributes=related, registry=target)  # type: ignore[arg-type]

    added = _answers_or_refuses(add)
    assert mine.custom_statuses == (before if added is None else (*before, added))


@FEW
@given(offending=anything, comment=st.one_of(st.text(max_size=80), anything),
       count=anything)
def test_with_details_accepts_or_refuses_anything(
    offending: object, comment: object, count: object,
) -> None:
    status: Any = Status(0xC001, Command.C_MOVE)
    for details in ({"offending_element": offending}, {"error_comment": comment},
                    {"error_id": count}, {"failed": count}):
        def make(d: dict[str, object] = details) -> object:
            return status.with_details(**d)

        made: Any = _answers_or_refuses(make)
        if made is not None:  # what with_details accepts, to_dataset writes faithfully
            ds = made.to_dataset()
            back = Status.from_dataset(ds, Command.C_MOVE)
            assert back.details == made.details


# --- the registry against a plain model ---------------------------------------

REGION = range(0xD000, 0xD400)  # no standard status of C-STORE or of no command here
KEYS: list[Command | None] = [Command.C_STORE, None]


registrations = st.lists(
    st.tuples(st.integers(REGION.start, REGION.stop - 1), st.integers(0, 0x240),
              st.sampled_from(KEYS), st.booleans()),
    min_size=1, max_size=25,
)


@FEW
@given(steps=registrations)
def test_registry_matches_a_model(steps: list[tuple[int, int, Command | None, bool]]) -> None:
    registry = StatusRegistry()
    model: dict[Command | None, dict[int, str]] = {key: {} for key in KEYS}
    for n, (first, length, key, override) in enumerate(steps):
        last = min(first + length, REGION.stop - 1)
        description = f"r{n}"
        clash = any(code in model[key] for code in range(first, last + 1))
        try:
            registry.add(first, "Warning", description, last, key, override=override)
        except StatusConflictError:
            assert clash and not override
        else:
            assert override or not clash
            model[key].update(dict.fromkeys(range(first, last + 1), description))
    tables: Any = registry._tables  # pyright: ignore[reportPrivateUsage]
    for key in KEYS:
        for code in REGION:
            entry = tables.custom(key, code)
            assert (entry and entry[2]) == model[key].get(code), (key, hex(code))
        _check_buckets(tables.buckets[key])
    replayed: Any = pickle.loads(pickle.dumps(registry))._tables
    for key in KEYS:
        for code in REGION:
            assert replayed.custom(key, code) == tables.custom(key, code)


def _check_buckets(index: Any) -> None:
    """Each bucket: sorted, disjoint segments that meet its codes, and every
    segment is in each bucket it meets."""
    shift = BUCKET_SHIFT
    for b, (starts, segments) in enumerate(index):
        assert list(starts) == [s[0] for s in segments]
        low, high = b << shift, ((b + 1) << shift) - 1
        for s, t in pairwise(segments):
            assert s[1] < t[0]
        for s in segments:
            assert s[0] <= high and s[1] >= low
            for other in range(s[0] >> shift, (s[1] >> shift) + 1):
                assert s in index[other][1]


# --- compat against pynetdicom2 itself ----------------------------------------

MESSAGES: list[Any] = [d2.CStoreRSPMessage, d2.CFindRSPMessage, None]
COMPAT_CODES = [*range(0xD000, 0xD040), *range(0xA7F0, 0xA800), *range(0xC000, 0xC010), 0xA700]


compat_steps = st.lists(
    st.tuples(st.sampled_from(COMPAT_CODES), st.one_of(st.none(), st.integers(0, 0x30)),
              st.sampled_from(MESSAGES), st.sampled_from(["Warning", "Failure", "Pending"])),
    min_size=1, max_size=12,
)


@FEW
@given(steps=compat_steps)
def test_compat_registers_as_pynetdicom2_does(
    steps: list[tuple[int, int | None, Any, str]],
) -> None:
    default_registry.clear()
    with fresh_tables():
        for module in (p2, compat):
            for n, (code, length, message, code_type) in enumerate(steps):
                end = None if length is None else min(code + length, 0xFFFF)
                add: Any = module.add_status
                add(code, code_type, f"user {n}", end, message)
        user = re.compile("user ")
        for message in MESSAGES:
            for code in COMPAT_CODES:
                theirs, ours = p2.Status(code, message), compat.Status(code, message)
                if user.match(theirs.description) or user.match(ours.description):
                    assert (ours.description, ours.status_type) == (
                        theirs.description, theirs.status_type), (hex(code), message)


def test_the_registry_model_check_can_fail() -> None:
    """The bucket check rejects a segment missing from a bucket it meets."""
    registry = StatusRegistry()
    registry.add_many([CustomStatus(0xD0F0, 0xD110, StatusType.WARNING, "x", None)])
    index = list(registry._tables.buckets[None])  # pyright: ignore[reportPrivateUsage]
    _check_buckets(index)
    index[0xD1] = ((), ())
    with pytest.raises(AssertionError):
        _check_buckets(index)
