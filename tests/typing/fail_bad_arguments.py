"""Rejected: arguments the contract refuses."""

from __future__ import annotations

from dimse_status import Command, Status

Status("A7F3")  # E: a str is not a code
Status(0, "C-STORE")  # E: a str is not a Command
Status(0, Command.C_STORE).code = 1  # E: a Status is read-only
