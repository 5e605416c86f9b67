"""UPS-RS Warning header texts, and DIMSE status codes in a Warning header.

PS3.18 chapter 11 (UPS-RS) answers some outcomes with a Warning header,
``Warning: 299 <service>: <text>``, whose texts are the meanings of UPS
statuses (PS3.4 Annex CC), word for word in most cases.  PS3.18 13.4.3.2
recommends that a Warning header "contain a DICOM Status Code ... and
descriptive reason", e.g. ``Warning: A700 <service>: Out of memory``.

(RFC 9111 has obsoleted the Warning header field of HTTP; PS3.18, which
cites RFC 7234 Section 5.5 for it, still uses it.)

>>> from dimse_status.services import UPSNActionStatus
>>> ups_warning(UPSNActionStatus.ALREADY_CANCELED)
'The UPS is already in the requested state of CANCELED.'
>>> ups_status('299 ups.example.org: "The UPS is already in the requested state of CANCELED"')
<UPSNActionStatus.ALREADY_CANCELED: 0xB304>
>>> warning_header(UPSNActionStatus.ALREADY_CANCELED, "ups.example.org")
'299 ups.example.org: B304 The UPS is already in the requested state of CANCELED.'
"""

from __future__ import annotations

import re

from ..base import StatusEnum, described, shown
from ..resolve import Status
from ..services import UPSNActionStatus, UPSNCreateStatus, UPSNSetStatus
from .data import UPS_WARNINGS

__all__ = ["UpsStatus", "ups_status", "ups_warning", "warning_header"]

UpsStatus = UPSNCreateStatus | UPSNSetStatus | UPSNActionStatus
"""A UPS status that PS3.18 gives a Warning text: a member of
``UPSNCreateStatus``, ``UPSNSetStatus`` or ``UPSNActionStatus``."""

_ENUMS: dict[str, type[UPSNCreateStatus] | type[UPSNSetStatus] | type[UPSNActionStatus]] = {
    "N_CREATE": UPSNCreateStatus, "N_SET": UPSNSetStatus, "N_ACTION": UPSNActionStatus}


def _member(command: str, name: str) -> UpsStatus:
    member: UpsStatus = _ENUMS[command][name]
    return member


def _normal(text: str) -> str:
    """Lower case, one space between words, no trailing period."""
    return " ".join(text.split()).lower().rstrip(".").rstrip()


# First text of a member wins (C301 has two: missing, incorrect).  Keyed by
# enum and name: members of two enums with one code are equal ints.
_TEXTS: dict[tuple[type[UpsStatus], str], str] = {}
_MEMBERS: dict[str, UpsStatus] = {}
for _row in UPS_WARNINGS:
    _TEXTS.setdefault((_ENUMS[_row.command], _row.member), _row.text)
    _MEMBERS.setdefault(_normal(_row.text), _member(_row.command, _row.member))
# Longest first, so that a text never matches the end of a longer one.
_BY_LENGTH = sorted(_MEMBERS, key=len, reverse=True)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def ups_warning(member: UPSNCreateStatus | UPSNSetStatus | UPSNActionStatus) -> str | None:
    """The Warning text PS3.18 gives a UPS status (PS3.18 11.4.3.2 to
    11.10.3.2), as it writes it, with its period; ``None`` for a status it
    gives none.  Where it gives one status two texts (C301: "The Transaction
    UID is missing." and "... is incorrect."), the first.

    >>> from dimse_status.services import UPSNSetStatus
    >>> ups_warning(UPSNSetStatus.OPTIONAL_ATTRIBUTES_NOT_SUPPORTED)
    'Requested optional Attributes are not supported.'
    >>> ups_warning(UPSNSetStatus.NOT_MANAGED_BY_SCP) is None
    True
    """
    if not isinstance(member, (UPSNCreateStatus, UPSNSetStatus, UPSNActionStatus)):
        raise TypeError("expected a member of UPSNCreateStatus, UPSNSetStatus or "
                        f"UPSNActionStatus, not {described(member)}")
    return _TEXTS.get((type(member), member.name))


def ups_status(text: str) -> UPSNCreateStatus | UPSNSetStatus | UPSNActionStatus | None:
    """The UPS status of a Warning text a UPS-RS server sent; ``None`` for a
    text PS3.18 does not give.  Reads the text alone or the whole header
    value, as PS3.18 writes it (``299 <service>: <text>``, with or without
    the code) or as RFC 7234 does (``299 agent "<text>"`` and an optional
    date), with a status code before the text or not, in any case, with or
    without the trailing period.

    >>> ups_status("The Transaction UID is incorrect")
    <UPSNActionStatus.WRONG_TRANSACTION_UID: 0xC301>
    >>> ups_status("Warning: 299 dcm4chee: Deletion Lock not granted.")
    <UPSNActionStatus.DELETION_LOCK_NOT_GRANTED: 0xB301>
    >>> ups_status("299 - \\"Something else\\"") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"a Warning text must be a str, not {described(text)}")
    quoted = _QUOTED.search(text)
    body = re.sub(r"\\(.)", r"\1", quoted.group(1)) if quoted else text
    normal = _normal(body)
    for known in _BY_LENGTH:
        if normal == known or normal.endswith((" " + known, ":" + known)):
            return _MEMBERS[known]
    return None


def _is_status(value: object) -> bool:
    return isinstance(value, Status)


_AGENT = re.compile(r"[!-~]+")
_TEXT_LIMIT = 1000


def warning_header(status: int, agent: str) -> str:
    """A Warning header value for ``status`` (a ``Status``, a member or a
    code): ``299 <agent>: <code> <text>``, the four-hex-digit code first
    after the agent as PS3.18 13.4.3.2 recommends, then PS3.18's UPS-RS
    text for a UPS status that has one, else the status's meaning.

    The form is PS3.18's (``299 <service>: <text>``); a client that wants
    RFC 7234's quoted text can quote it.  For a UPS-RS response exactly as
    PS3.18 11.x.3.2 writes it (no code), send ``f"299 {agent}:
    {ups_warning(member)}"``.  :func:`ups_status` reads both.

    >>> from dimse_status import Command, Status
    >>> warning_header(Status(0xA7F3, Command.C_STORE), "gateway.example.org")
    '299 gateway.example.org: A7F3 Refused: Out of Resources'
    """
    if isinstance(status, bool) or not isinstance(status, int):
        raise TypeError(f"status must be a Status, a member or a code, not {described(status)}")
    if not 0 <= status <= 0xFFFF:
        raise ValueError(f"status {shown(status)} is outside 0x0000..0xFFFF")
    if not isinstance(agent, str):
        raise TypeError(f"agent must be a str, not {described(agent)}")
    if not _AGENT.fullmatch(agent):
        raise ValueError(f"agent {shown(agent)} is not a warn-agent (host[:port] or a token: "
                         "printable ASCII, no spaces)")
    value: int = status
    is_status = _is_status(value)
    member: object = getattr(value, "member", None) if is_status else value
    text: str | None = None
    if isinstance(member, (UPSNCreateStatus, UPSNSetStatus, UPSNActionStatus)):
        text = _TEXTS.get((type(member), member.name))
    if text is None:
        if isinstance(member, StatusEnum):
            text = member.description
        else:
            text = str(getattr(value, "description", "")) if is_status else (
                Status(int(value)).description)
    text = " ".join(text.split())[:_TEXT_LIMIT]
    if not all(" " <= c <= "~" for c in text):
        text = text.encode("ascii", "replace").decode("ascii")
    return f"299 {agent}: {int(value):04X} {text}"
