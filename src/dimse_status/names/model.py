"""The shapes of the toolkits' data (:mod:`dimse_status.names.data`)."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["PackCode", "Toolkit", "ToolkitName"]


class Toolkit(NamedTuple):
    """A toolkit the data was transcribed from."""

    name: str
    version: str
    commit: str
    repository: str
    files: tuple[str, ...]


class ToolkitName(NamedTuple):
    """A toolkit's name for a status (or a masked range of them)."""

    toolkit: str
    """``"DCMTK"``, ``"dcm4che"``, ``"fo-dicom"`` or ``"pynetdicom"``."""
    name: str
    """As the toolkit spells it: ``STATUS_STORE_Refused_OutOfResources``."""
    first: int
    """The code, or the first code of the range the name stands for."""
    last: int
    """The last code of the range (``first`` for one code)."""
    type: str
    """The status type the toolkit gives it: ``"Failure"`` ..."""
    where: tuple[tuple[str | None, str | None], ...]
    """The (command, service) member names the toolkit uses it with;
    ``(None, None)`` for a general code."""
    difference: str
    """Why the name has no member of the standard there; ``""`` if it has."""
    since: str = ""
    """The toolkit's version that added the name, when it is newer than the
    version recorded (``TOOLKITS``); ``""`` for a name that version has."""

    def covers(self, code: int) -> bool:
        return self.first <= code <= self.last


class PackCode(NamedTuple):
    """A code a toolkit sends in a situation of its own."""

    toolkit: str
    first: int
    last: int
    type: str
    description: str
    commands: tuple[str, ...]
    """The ``Command`` member names whose responses carry it."""
    situation: str
    """When the toolkit sends it."""
    source: str
    """Where in the toolkit's source it is sent."""
    kind: str
    """``"private"`` (not a standard status) or ``"retired"`` (once standard)."""
    last_sent: str
    """The last version that sends it, if the recorded version no longer does."""
