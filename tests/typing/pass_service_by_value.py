"""A service by its value (its title), as any Enum by value; checked by
mypy --strict, pyright, pyrefly and ty."""

from __future__ import annotations

from typing_extensions import assert_type

from dimse_status import Service

assert_type(Service("Storage"), Service)
assert_type(Service("Unified Procedure Step"), Service)
