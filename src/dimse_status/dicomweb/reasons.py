"""What a Warning Reason or Failure Reason of a STOW-RS response means.

PS3.18 Annex I: the Store Instances Response Module carries, per instance,
Warning Reason (0008,1196) (I.2.1, Table I.2-1) or Failure Reason
(0008,1197) (I.2.2, Table I.2-2): C-STORE status codes, written as US, so
DICOM JSON carries them as decimal numbers (``42752`` is A700).  PS3.18 gives
some of them a meaning of its own (C122 "Referenced Transfer Syntax not
supported", where C-STORE reads Cxxx as "Cannot understand"); every other
code is implementation specific and, says I.2.2, defined in the conformance
statement.

>>> reason = failure_reason(42752)
>>> str(reason)
'Failure Reason 0xA700 (A7xx): Refused out of Resources (PS3.18 I.2.2 (Table I.2-2))'
>>> str(reason.status)
'(0xA700) Failure: Refused: Out of Resources'
>>> failure_reason("C122").meaning
'Referenced Transfer Syntax not supported'
>>> failure_reason("0xB00E").problem
'0xB00E is a Warning code, not a failure (PS3.18 I.2.2 lists failures)'
"""

from __future__ import annotations

from typing import NamedTuple

from ..base import Command, StatusType, described, shown
from ..resolve import Status
from ..statuses import CStoreStatus
from .data import FAILURE_REASONS, WARNING_REASONS
from .model import ReasonValue

__all__ = ["StoreReason", "failure_reason", "reason_code", "warning_reason"]

FAILURE_REASON = "Failure Reason"
WARNING_REASON = "Warning Reason"
_SECTIONS = {FAILURE_REASON: "PS3.18 I.2.2", WARNING_REASON: "PS3.18 I.2.1"}
_EXPECTED = {FAILURE_REASON: StatusType.FAILURE, WARNING_REASON: StatusType.WARNING}
_TABLES = {FAILURE_REASON: FAILURE_REASONS, WARNING_REASON: WARNING_REASONS}


class StoreReason(NamedTuple):
    """A Warning Reason or Failure Reason value: PS3.18's meaning, if it
    lists the value, and the C-STORE status the code is."""

    attribute: str
    """``"Failure Reason"`` (0008,1197) or ``"Warning Reason"`` (0008,1196)."""
    code: int
    """The value as sent (``42752`` is 0xA700)."""
    status: Status[CStoreStatus]
    """The code read as a C-STORE status (PS3.4 B.2.3, masks included)."""
    value: ReasonValue | None
    """PS3.18's entry for the code; ``None`` when the code is implementation
    specific (PS3.18 does not list it)."""
    problem: str | None
    """Why the value does not belong in its attribute (a Warning code as a
    Failure Reason ...), or ``None``."""

    @property
    def listed(self) -> bool:
        """Whether PS3.18 lists the code (else it is implementation specific,
        to be defined in the conformance statement, PS3.18 I.2.2)."""
        return self.value is not None

    @property
    def meaning(self) -> str:
        """PS3.18's meaning if it lists the code, else the C-STORE status's."""
        return self.status.description if self.value is None else self.value.meaning

    @property
    def section(self) -> str:
        """Where PS3.18 defines the attribute's values."""
        return _SECTIONS[self.attribute]

    def __str__(self) -> str:
        where = (f"{self.value.pattern}): {self.value.meaning} ({self.value.section})"
                 if self.value is not None
                 else f"implementation specific): {self.status.description}")
        return f"{self.attribute} 0x{self.code:04X} ({where}"


def reason_code(value: object, attribute: str = FAILURE_REASON) -> int:
    """The code of a reason value: an ``int`` as DICOM JSON carries it
    (decimal), or a ``str`` as the standard writes codes (hex, ``0x`` and a
    trailing ``H`` optional).  ``TypeError`` or ``ValueError`` naming it.

    >>> reason_code(42752), reason_code("A700"), reason_code("0x0110")
    (42752, 42752, 272)
    """
    if isinstance(value, str):
        text = value.strip()
        digits = text[2:] if text[:2].lower() == "0x" else text
        digits = digits[:-1] if digits[-1:] in ("h", "H") else digits
        if not 1 <= len(digits) <= 4 or any(c not in "0123456789abcdefABCDEF" for c in digits):
            raise ValueError(f"{attribute} {shown(value)} is not a 16-bit hexadecimal code "
                             "(e.g. A700, 0xA700); an int is read as decimal, as DICOM JSON "
                             "carries it")
        return int(digits, 16)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute} must be an int (decimal, as DICOM JSON carries it) or a "
                        f"str (hex, as the standard writes it), not {described(value)}")
    if not 0 <= value <= 0xFFFF:
        raise ValueError(f"{attribute} {shown(value)} is outside 0..65535 (US)")
    return int(value)


def _entry(attribute: str, code: int) -> ReasonValue | None:
    """PS3.18's entry for ``code``: an exact code before a masked range."""
    rows = _TABLES[attribute]
    exact = [row for row in rows if row.first == row.last == code]
    ranges = [row for row in rows if row.first <= code <= row.last and row.first != row.last]
    found = exact or ranges
    return found[0] if found else None


def _problem(attribute: str, status: Status[CStoreStatus]) -> str | None:
    expected = _EXPECTED[attribute]
    if status.type is expected:
        return None
    kind = "failures" if expected is StatusType.FAILURE else "warnings"
    article = "an" if status.type.value[0] in "AEIOU" else "a"
    return (f"0x{status.code:04X} is {article} {status.type.value} code, not "
            f"{'a failure' if expected is StatusType.FAILURE else 'a warning'} "
            f"({_SECTIONS[attribute]} lists {kind})")


def store_reason(attribute: str, code: int) -> StoreReason:
    """The :class:`StoreReason` of a checked ``code`` in ``attribute``."""
    status = Status(code, Command.C_STORE)
    return StoreReason(attribute, code, status, _entry(attribute, code),
                       _problem(attribute, status))


def failure_reason(code: int | str) -> StoreReason:
    """What a Failure Reason (0008,1197) value means (PS3.18 I.2.2).

    ``code`` is an ``int`` as DICOM JSON carries it (``272`` is 0110) or a
    ``str`` as the standard writes it (``"0110"``, ``"0x0110"``).  A value
    that is not a failure is read all the same and flagged in ``problem``.

    >>> failure_reason(272).meaning
    'Processing failure'
    >>> failure_reason(0xA9F1).value.pattern
    'A9xx'
    >>> failure_reason(0xC9F0).listed, failure_reason(0xFB01).listed
    (True, False)
    """
    return store_reason(FAILURE_REASON, reason_code(code, FAILURE_REASON))


def warning_reason(code: int | str) -> StoreReason:
    """What a Warning Reason (0008,1196) value means (PS3.18 I.2.1).

    >>> str(warning_reason(45056))
    'Warning Reason 0xB000 (B000): Coercion of Data Elements (PS3.18 I.2.1 (Table I.2-1))'
    >>> warning_reason("B00E").listed
    False
    >>> warning_reason("A700").problem
    '0xA700 is a Failure code, not a warning (PS3.18 I.2.1 lists warnings)'
    """
    return store_reason(WARNING_REASON, reason_code(code, WARNING_REASON))
