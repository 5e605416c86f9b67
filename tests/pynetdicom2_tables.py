"""pynetdicom2's registration tables, fresh for a test and restored after it."""

from __future__ import annotations

import copy
from collections.abc import Generator
from contextlib import contextmanager

import pynetdicom2.statuses as p2
import pytest

TABLES = ("_status_dict", "_general_status_dict", "_status_ranges", "_general_status_ranges")
ORIGINAL = {name: copy.deepcopy(getattr(p2, name)) for name in TABLES}


@contextmanager
def fresh_tables() -> Generator[None, None, None]:
    """pynetdicom2 registers into copies of its import-time tables meanwhile."""
    with pytest.MonkeyPatch.context() as patch:
        for name in TABLES:
            patch.setattr(p2, name, copy.deepcopy(ORIGINAL[name]))
        yield
