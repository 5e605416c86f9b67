"""Rejected uses of the server and client toolkit."""

from __future__ import annotations

from collections.abc import Iterator

from dimse_status import (
    CGetStatus,
    CMoveStatus,
    Command,
    Status,
    StatusError,
    SubOperationTally,
    describe,
    is_permitted,
    meanings,
    retrieve_outcome,
    status_handler,
)
from dimse_status.testing import Exchange


class Event:
    """Stands for pynetdicom's Event."""


# SubOperationTally(Command.C_FIND) type-checks (the fallback overload takes
# any Command, as Status(code, command) does) and raises ValueError at run time.
get_final: Status[CGetStatus] = SubOperationTally(Command.C_MOVE).final()  # E: a C-MOVE final
SubOperationTally(Command.C_GET, total="3")  # E: total is an int
SubOperationTally(Command.C_GET).add("0xA700")  # E: a code, member, Status or Dataset
is_permitted(0xA700, "C-STORE")  # E: a Command, not its name
retrieve_outcome(0xB000)  # E: a Status, not a code
StatusError("0xA700")  # E: a Status, member or code
move: Status[CMoveStatus] = Status(0, Command.C_MOVE).to_dataset(strict=True)  # E: a Dataset


@status_handler
def handle_store(event: Event) -> int:
    return 0


@status_handler(failure=0xC001)
def handle_find(event: Event) -> Iterator[tuple[int, None]]:
    yield 0xFF00, None


handle_store()  # E: the wrapped handler still takes the event
handle_store(Event(), 1)  # E: and nothing else
handle_find("event", strict=True)  # E: same parameters as the handler
status_handler(failure="C001")  # E: failure is a code

member = StatusError(0xA700).status.member
if member is not None:
    member.descriptoin  # E: no Any: a misspelt attribute of the status's member

# Item 14: no Any left in the toolkit's public signatures.
meant = meanings(1)[0].member
if meant is not None:
    meant.descriptoin  # E: meanings() are Status[StatusEnum]
handle_store(Event()).descriptoin  # E: the wrapped handler's answer is typed
describe(0xA700)  # E: describe takes a Status


def served(exchange: Exchange) -> None:
    sent = exchange.responses[0].member
    if sent is not None:
        sent.descriptoin  # E: the test server's statuses are Status[StatusEnum]
