"""Conformance-statement tables: the arguments a checker accepts; checked by
mypy --strict, pyright, pyrefly and ty."""

from __future__ import annotations

from typing_extensions import assert_type

from dimse_status import Command, Service, conformance_table
from dimse_status.cli.conformance import ROLES, conformance_rows

assert_type(conformance_table(Command.C_STORE), str)
assert_type(conformance_table(Command.C_FIND, Service.QUERY_RETRIEVE, "scu", "html"), str)
assert_type(conformance_table(Command.N_ACTION, role="scp", fmt="csv"), str)
for role in ROLES:
    assert_type(conformance_rows(Command.C_ECHO, None, role), list[tuple[str, ...]])
# a SOP class where the standard's tables differ by SOP class (keyword only)
assert_type(conformance_table(Command.N_CREATE, Service.PRINT_MANAGEMENT,
                              sop_class="Basic Film Box SOP Class"), str)
