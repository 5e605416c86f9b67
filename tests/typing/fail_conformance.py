"""Rejected: conformance-table arguments outside their choices."""

from __future__ import annotations

from dimse_status import Command, Service, conformance_table

conformance_table(Command.C_STORE, role="sc")  # E: a role is "scu" or "scp"
conformance_table(Command.C_STORE, fmt="pdf")  # E: markdown, html or csv only
conformance_table("C-STORE")  # E: a Command, not its name
conformance_table(Command.N_ACTION, "UPS")  # E: a Service, not its alias
conformance_table(Command.C_STORE, Service.STORAGE, "scp", "markdown", "extra")  # E: four at most
