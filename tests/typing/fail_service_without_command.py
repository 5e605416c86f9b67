"""Rejected: a service without a command, which always raises TypeError
(a service's statuses depend on the command it answers)."""

from __future__ import annotations

from dimse_status import Service, Status

Status(0xC310, None, Service.UNIFIED_PROCEDURE_STEP)  # E: a service needs a command
Status(0xC310, None, service=Service.STORAGE)  # E: a service needs a command
Status(0xC310, command=None, service=Service.STORAGE)  # E: a service needs a command
