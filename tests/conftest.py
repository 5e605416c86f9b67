from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from loopback import StartSCP

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def bounded() -> Iterator[None]:
    """Fail, rather than hang, if a test takes more than 30 s."""
    from loopback import alarm

    with alarm(30):
        yield


@pytest.fixture
def scp() -> Iterator[StartSCP]:
    """Start a pynetdicom SCP on 127.0.0.1 for these SOP classes and handlers;
    return its port.  Every SCP started is shut down after the test."""
    from loopback import servers

    with servers() as start:
        yield start
