"""Rejected: service arguments the API refuses, and enums of the wrong context."""

from __future__ import annotations

from dimse_status import Command, NActionStatus, Service, Status, UPSNActionStatus, UPSNSetStatus

UPS = Service.UNIFIED_PROCEDURE_STEP

Status(0xC310, service=UPS)  # E: a service needs a command
Status(0xC310, Command.N_ACTION, service="UPS")  # E: a str is not a Service


def action_handler(status: UPSNActionStatus) -> None: ...


action_handler(UPSNSetStatus.NOT_IN_PROGRESS)  # E: N-SET's enum is not N-ACTION's
member = Status(0xC310, Command.N_ACTION).member
if member is not None:
    action_handler(member)  # E: without the service, the member is an NActionStatus

ups_action: Status[NActionStatus] = Status(0, Command.N_ACTION, service=UPS)  # E: UPS enum
