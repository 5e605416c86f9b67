"""Static types of the server and client toolkit; checked by mypy --strict,
pyright, pyrefly and ty."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from pydicom import Dataset
from typing_extensions import assert_type

from dimse_status import (
    CGetStatus,
    CMoveStatus,
    Command,
    CStoreStatus,
    NoResponseError,
    RetrieveOutcome,
    Status,
    StatusEnum,
    StatusError,
    StatusType,
    SubOperationTally,
    describe,
    is_permitted,
    log_status,
    meanings,
    retrieve_outcome,
    status_handler,
    status_log_handlers,
)
from dimse_status.testing import Exchange

move = SubOperationTally(Command.C_MOVE, total=3)
assert_type(move, SubOperationTally[CMoveStatus])
assert_type(move.add(0x0000), StatusType)
move.add(CStoreStatus.OUT_OF_RESOURCES)
move.add(Status(0xB123, Command.C_STORE))
move.add(Dataset())
assert_type(move.final(), Status[CMoveStatus])
assert_type(move.cancel(), Status[CMoveStatus])
assert_type(move.remaining, int | None)
assert_type(SubOperationTally(Command.C_GET).final(), Status[CGetStatus])
assert_type(SubOperationTally(Command.C_STORE).final(), Status[CStoreStatus])
assert_type(retrieve_outcome(move.final()), RetrieveOutcome)

assert_type(is_permitted(0xB123, Command.C_FIND), bool)
assert_type(Status(0xA7F3, Command.C_STORE).is_permitted, bool)
assert_type(Status(0xA7F3, Command.C_STORE).to_dataset(strict=True), Dataset)
assert_type(describe(Status(0)), str)
log_status(Status(0xA700, Command.C_STORE), logging.getLogger("scp"), direction="sent")
handlers: list[Any] = status_log_handlers()

error = StatusError(CStoreStatus.OUT_OF_RESOURCES, "disk full", offending_element=[0x00100010])
assert_type(error.status, Status[StatusEnum])
assert_type(error.error_comment_given, str | None)
assert_type(error.comment_dropped, str | None)
assert issubclass(NoResponseError, ValueError)


class Event:
    """Stands for pynetdicom's Event."""


@status_handler
def handle_store(event: Event) -> CStoreStatus:
    raise StatusError(CStoreStatus.OUT_OF_RESOURCES, "disk full")


@status_handler(failure=0xC001)
def handle_find(event: Event) -> Iterator[tuple[int, Dataset | None]]:
    yield 0xFF00, Dataset()


@status_handler
def handle_n_get(event: Event, verbose: bool = False) -> tuple[int, Dataset | None]:
    return 0x0000, None


# The wrapped handlers keep their parameters.
store: Callable[[Event], Any] = handle_store
find: Callable[[Event], Iterator[Any]] = handle_find
handle_store(Event())
handle_n_get(Event(), verbose=True)
responses = list(handle_find(Event()))


def tally_for(command: Command, get: bool) -> None:
    """The fallback overload: a command known only at run time (item 13)."""
    assert_type(SubOperationTally(command), SubOperationTally[StatusEnum])
    either = SubOperationTally(Command.C_GET if get else Command.C_MOVE, total=2)
    assert_type(either.final(), Status[StatusEnum])
    either.add(0xA700, sop_instance_uid="1.2.3")
    assert_type(either.failed_sop_instance_uids, tuple[str, ...])
    assert_type(either.to_dataset(), Dataset)


# Item 14: no Any in the toolkit's public signatures.
assert_type(meanings(0xC603), tuple[Status[StatusEnum], ...])
assert_type(describe(Status(0xA700, Command.C_STORE)), str)  # any Status[...] is one
log_status(error.status)
assert_type(handle_store(Event()), CStoreStatus | Dataset | tuple[Dataset, object])
assert_type(handle_n_get(Event()),
            tuple[int, Dataset | None] | Dataset | tuple[Dataset, object])
assert_type(next(handle_find(Event())),
            tuple[int, Dataset | None] | tuple[Dataset, object] | tuple[None, None] | int)


def served(exchange: Exchange) -> None:
    """The test server's objects (item 14)."""
    assert_type(exchange.responses, tuple[Status[StatusEnum], ...])
    assert_type(exchange.command, Command)
    assert_type(exchange.peer, tuple[str, int])
    assert_type(exchange.move_destination, str | None)
