"""The shapes of the PS3.18 data (:mod:`dimse_status.dicomweb.data`)."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["ReasonValue", "UpsWarning"]


class ReasonValue(NamedTuple):
    """A value PS3.18 Annex I defines for Warning Reason (0008,1196) or
    Failure Reason (0008,1197), with PS3.18's own meaning."""

    attribute: str
    """``"Warning Reason"`` or ``"Failure Reason"``."""
    pattern: str
    """The code as the standard writes it: ``"A7xx"``, ``"C122"``."""
    first: int
    """The code, or the first code of the range."""
    last: int
    """The last code of the range (``first`` for one code)."""
    meaning: str
    """PS3.18's Meaning column, verbatim."""
    explanation: str
    """PS3.18's Explanation column, verbatim."""
    section: str
    """``"PS3.18 I.2.2 (Table I.2-2)"``."""
    verified: str
    """Which text of PS3.18 was read for it (edition and source)."""


class UpsWarning(NamedTuple):
    """A Warning header text of a UPS-RS transaction (PS3.18 chapter 11) and
    the UPS status (PS3.4 Annex CC) it stands for."""

    transaction: str
    """The PS3.18 transaction: ``"Change Workitem State"``."""
    command: str
    """The ``Command`` member of the UPS operation: ``"N_ACTION"``."""
    code: int
    """The UPS status's code."""
    member: str
    """The status's member name in ``UPS<command>Status``."""
    text: str
    """PS3.18's text after ``299 <service>:``, verbatim, with its period."""
    section: str
    """``"PS3.18 11.7.3.2"``."""
    match: str
    """How the text reads against the status's PS3.4 meaning."""
    verified: str
    """Which text of PS3.18 was read for it (edition and source)."""
