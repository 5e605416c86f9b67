"""Rejected: service arguments the API refuses, and enums of the wrong context."""

from __future__ import annotations

from typing_extensions import assert_never

from dimse_status import (
    CFindStatus,
    Command,
    NActionStatus,
    QueryRetrieveCFindStatus,
    Service,
    Status,
    UPSNActionStatus,
    UPSNSetStatus,
)

UPS = Service.UNIFIED_PROCEDURE_STEP

Status(0xC310, service=UPS)  # E: a service needs a command
Status(0xC310, Command.N_ACTION, service="UPS")  # E: a str is not a Service


def action_handler(status: UPSNActionStatus) -> None: ...


action_handler(UPSNSetStatus.NOT_IN_PROGRESS)  # E: N-SET's enum is not N-ACTION's
member = Status(0xC310, Command.N_ACTION).member
if member is not None:
    action_handler(member)  # E: without the service, the member is an NActionStatus

ups_action: Status[NActionStatus] = Status(0, Command.N_ACTION, service=UPS)  # E: UPS enum
ups_only: Status[UPSNActionStatus] = Status(0, Command.N_ACTION, service=UPS)  # E: or NAction's


def qr_find(code: int) -> str:
    """A match over the Q/R union that forgets the service's own A710."""
    member = Status(code, Command.C_FIND, service=Service.QUERY_RETRIEVE).member
    match member:
        case None:
            return "unknown"
        case CFindStatus():
            return member.name
        case QueryRetrieveCFindStatus.RESPONSE_LIMIT_REACHED:
            return "ask again for more"
        case _:
            assert_never(member)  # E: INVALID_PRIOR_RECORD_KEY is not handled
