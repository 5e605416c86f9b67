"""What an A-ASSOCIATE-RJ or an A-ABORT said: :class:`Rejection` and :class:`Abort`.

Both keep what was read from the wire, reserved values included (a reserved
value stays an ``int`` and is shown as reserved, never an error); whatever
*sends* one calls :meth:`Rejection.check_sendable` or
:meth:`Abort.check_sendable`, which refuse them.

>>> r = Rejection(2, 3, 1)
>>> print(r)
Rejected (transient) by the service provider (presentation): temporary congestion [PS3.8 9.3.4]
>>> r.reason, r.is_transient
(<RejectPresentationReason.TEMPORARY_CONGESTION: 1>, True)
>>> print(Rejection(1, 1, 4))
Rejected (permanent) by the service user: reserved reason 4 [PS3.8 9.3.4]
>>> print(Abort.parse("provider,6"))
Aborted by the service provider: invalid PDU parameter value [PS3.8 9.3.8]
"""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from .._typechecking import TYPE_CHECKING, Generic, overload
from ..base import described, shown
from .codes import (
    RESERVED_REJECT_REASONS,
    AbortReason,
    AbortSource,
    OutcomeEnum,
    RejectACSEReason,
    RejectPresentationReason,
    RejectResult,
    RejectSource,
    RejectUserReason,
)

RejectReason: TypeAlias = Union[RejectUserReason, RejectACSEReason, RejectPresentationReason]
"""The reason of a rejection: a member of its source's reason enum."""

if TYPE_CHECKING:
    from typing import Literal

    from typing_extensions import Self, TypeVar

    _E = TypeVar("_E", bound=OutcomeEnum)
    # Covariant: a Rejection[RejectUserReason] is a Rejection (of any reason).
    _R_co = TypeVar("_R_co", bound=RejectReason, default=RejectReason, covariant=True)
else:
    _R_co = None

__all__ = ["Abort", "RejectReason", "Rejection"]

_REJECT_REASONS = (RejectUserReason, RejectACSEReason, RejectPresentationReason)


def _byte(value: object, field: str) -> int:
    """A field's value as an int of one byte; ``TypeError`` or
    ``ValueError`` naming the field otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{field} must be an int, not {described(value)}")
    if not 0 <= value <= 0xFF:
        raise ValueError(f"{field} {shown(value)} is not a one-byte value (0..255)")
    return int(value)


def _member(enum: type[_E], value: int) -> _E | int:
    """The member of ``enum`` with ``value``, or ``value`` itself (reserved)."""
    for member in enum:
        if int(member) == value:
            return member
    return value


def _number(text: str, field: str) -> int | None:
    text = text.strip()
    try:
        return int(text, 16) if text[:2].lower() == "0x" else int(text, 10)
    except ValueError:
        return None


class _Outcome:
    """What Rejection and Abort share: equality with each other's kind and
    with the tuple of their values, the one-line ``str()``, the ``repr()``."""

    __slots__: tuple[str, ...] = ()
    section: str

    @property
    def description(self) -> str:
        raise NotImplementedError

    def _key(self) -> tuple[int, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Outcome) and type(other) is type(self):
            return self._key() == other._key()
        if isinstance(other, tuple):
            return self._key() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        """The outcome in one line, with its section: ``... [PS3.8 9.3.4]``."""
        return f"{self.description} [{self.section}]"

    def __repr__(self) -> str:
        values = ", ".join(repr(getattr(self, name)) for name in self.__slots__)
        return f"{type(self).__name__}({values})"


class Rejection(_Outcome, Generic[_R_co]):
    """An A-ASSOCIATE-RJ: Result, Source and Reason/Diag. (PS3.8 9.3.4, Table 9-21).

    ``Rejection(result, source, reason)`` takes the three bytes (ints or
    members); each defined value becomes its member (the reason that of its
    source's enum), a reserved one stays an ``int``.  Equal to another
    ``Rejection`` and to the tuple ``(result, source, reason)`` of its values.

    Generic in its reason's enum: with a source known statically (a
    ``RejectSource`` member or its value as a literal), the constructor gives
    ``Rejection[RejectUserReason]``, ``Rejection[RejectACSEReason]`` or
    ``Rejection[RejectPresentationReason]``, whose ``reason`` is that enum or
    an ``int`` (reserved); otherwise ``Rejection`` (any of the three).
    """

    __slots__ = ("result", "source", "reason")  # noqa: RUF023 (the order of repr())

    result: RejectResult | int
    """``RejectResult``, or the int read when reserved."""
    source: RejectSource | int
    """``RejectSource``, or the int read when reserved."""
    reason: _R_co | int
    """The member of the source's reason enum, or the int read when reserved."""
    section = "PS3.8 9.3.4"
    """The section that defines the A-ASSOCIATE-RJ PDU."""

    @overload
    def __init__(
        self: Rejection[RejectUserReason], result: int,
        source: Literal[RejectSource.SERVICE_USER, 1], reason: RejectUserReason | int,
    ) -> None: ...
    @overload
    def __init__(
        self: Rejection[RejectACSEReason], result: int,
        source: Literal[RejectSource.SERVICE_PROVIDER_ACSE, 2], reason: RejectACSEReason | int,
    ) -> None: ...
    @overload
    def __init__(
        self: Rejection[RejectPresentationReason], result: int,
        source: Literal[RejectSource.SERVICE_PROVIDER_PRESENTATION, 3],
        reason: RejectPresentationReason | int,
    ) -> None: ...
    @overload
    def __init__(self: Rejection[RejectReason], result: int, source: int, reason: int) -> None: ...
    def __init__(self, result: int, source: int, reason: int) -> None:
        raw_source = _byte(source, "source")
        self.result = _member(RejectResult, _byte(result, "result"))
        self.source = _member(RejectSource, raw_source)
        raw_reason = _byte(reason, "reason")
        if isinstance(reason, _REJECT_REASONS) and (
                not isinstance(self.source, RejectSource)
                or not isinstance(reason, self.source.reasons)):
            raise TypeError(f"reason {reason!r} is not a reason of source {raw_source}")
        if isinstance(self.source, RejectSource):
            self.reason = _member(self.source.reasons, raw_reason)
        else:
            self.reason = raw_reason

    @classmethod
    def parse(cls, text: str) -> Rejection:
        """``"2,3,1"`` or ``"transient,presentation,temporary-congestion"``
        (numbers, terms, member names or short names: permanent/transient,
        user/acse/presentation), reserved numbers included; ``ValueError``
        naming the field otherwise."""
        if not isinstance(text, str):
            raise TypeError(f"a rejection to parse must be a str, not {described(text)}")
        parts = text.split(",")
        if len(parts) != 3:
            raise ValueError(f"{shown(text)} is not RESULT,SOURCE,REASON (e.g. 2,3,1 or "
                             "transient,presentation,temporary-congestion)")
        result = _parsed(RejectResult, parts[0], "result")
        source = _parsed(RejectSource, parts[1], "source")
        reasons = source.reasons if isinstance(source, RejectSource) else None
        reason = (_parsed(reasons, parts[2], "reason") if reasons is not None
                  else _required_number(parts[2], "reason"))
        return cls(int(result), int(source), int(reason))

    @property
    def is_transient(self) -> bool:
        """Whether the result is rejected-transient: the one answer of DICOM
        that says "try again later"."""
        return self.result is RejectResult.REJECTED_TRANSIENT

    @property
    def reserved_fields(self) -> tuple[str, ...]:
        """The fields holding a value the standard does not define (reserved)."""
        return tuple(name for name in ("result", "source", "reason")
                     if not isinstance(getattr(self, name), OutcomeEnum))

    @property
    def is_reserved(self) -> bool:
        """Whether any field holds a value the standard does not define."""
        return bool(self.reserved_fields)

    @property
    def description(self) -> str:
        """The rejection in words, in one line, without the section."""
        if isinstance(self.result, RejectResult):
            result = self.result.term.split("-")[1]
        else:
            result = f"reserved result {self.result}"
        source = (self.source.label if isinstance(self.source, RejectSource)
                  else f"a reserved source {self.source}")
        if isinstance(self.reason, OutcomeEnum):
            reason = self.reason.phrase
        elif (isinstance(self.source, RejectSource)
              and self.reason not in RESERVED_REJECT_REASONS[self.source]):
            reason = f"reason {self.reason} (not defined for this source)"
        else:
            reason = f"reserved reason {self.reason}"
        return f"Rejected ({result}) by {source}: {reason}"

    def check_sendable(self) -> Self:
        """``self`` if every field holds a value the standard defines;
        ``ValueError`` naming the first field that does not (a reserved value
        is read, never sent)."""
        for name in self.reserved_fields:
            value = getattr(self, name)
            where = f" for source {int(self.source)}" if name == "reason" else ""
            raise ValueError(f"A-ASSOCIATE-RJ {name} {value}{where} is reserved or undefined "
                             f"({self.section}): it is never sent")
        return self

    def _key(self) -> tuple[int, ...]:
        return int(self.result), int(self.source), int(self.reason)


class Abort(_Outcome):
    """An A-ABORT PDU: Source and Reason/Diag. (PS3.8 9.3.8, Table 9-26).

    Source 0 is the A-ABORT service (the peer application), 2 the A-P-ABORT
    service (the peer's upper layer).  The reason is an :class:`AbortReason`
    only from the service-provider; from the service-user it is not
    significant and stays the int read (0 as sent).
    """

    __slots__ = ("source", "reason")  # noqa: RUF023 (the order of repr())

    source: AbortSource | int
    """``AbortSource``, or the int read when reserved (1)."""
    reason: AbortReason | int
    """``AbortReason`` from the service provider; otherwise the int read."""
    section = "PS3.8 9.3.8"
    """The section that defines the A-ABORT PDU."""

    def __init__(self, source: int, reason: int = 0) -> None:
        self.source = _member(AbortSource, _byte(source, "source"))
        raw_reason = _byte(reason, "reason")
        if isinstance(reason, AbortReason) and self.source is not AbortSource.SERVICE_PROVIDER:
            raise TypeError(f"reason {reason!r} is a service-provider reason, not one of "
                            f"source {int(self.source)}")
        self.reason = (_member(AbortReason, raw_reason)
                       if self.source is AbortSource.SERVICE_PROVIDER else raw_reason)

    @classmethod
    def parse(cls, text: str) -> Abort:
        """``"2,6"``, ``"provider,invalid-PDU-parameter-value"``, ``"0"`` or
        ``"user"`` (the reason then 0); reserved numbers included."""
        if not isinstance(text, str):
            raise TypeError(f"an abort to parse must be a str, not {described(text)}")
        parts = text.split(",")
        if len(parts) not in (1, 2):
            raise ValueError(f"{shown(text)} is not SOURCE[,REASON] (e.g. 2,6 or "
                             "provider,invalid-PDU-parameter-value)")
        source = _parsed(AbortSource, parts[0], "source")
        if len(parts) == 1:
            return cls(int(source))
        reason = (_parsed(AbortReason, parts[1], "reason")
                  if source is AbortSource.SERVICE_PROVIDER
                  else _required_number(parts[1], "reason"))
        return cls(int(source), int(reason))

    @property
    def is_provider(self) -> bool:
        """Whether the service provider aborted (A-P-ABORT), not the peer application."""
        return self.source is AbortSource.SERVICE_PROVIDER

    @property
    def reserved_fields(self) -> tuple[str, ...]:
        """The fields holding a value the standard does not define."""
        fields: list[str] = []
        if not isinstance(self.source, AbortSource):
            fields.append("source")
        if self.source is AbortSource.SERVICE_PROVIDER and not isinstance(
                self.reason, AbortReason):
            fields.append("reason")
        return tuple(fields)

    @property
    def is_reserved(self) -> bool:
        """Whether any field holds a value the standard does not define."""
        return bool(self.reserved_fields)

    @property
    def description(self) -> str:
        """The abort in words, in one line, without the section."""
        if isinstance(self.source, AbortSource):
            text = f"Aborted by {self.source.label}"
        else:
            text = f"Aborted by a reserved source {self.source}"
        if isinstance(self.reason, AbortReason):
            return f"{text}: {self.reason.phrase}"
        if self.source is AbortSource.SERVICE_PROVIDER:
            return f"{text}: reserved reason {self.reason}"
        return f"{text} (reason {self.reason}, not significant)" if self.reason else text

    def check_sendable(self) -> Abort:
        """``self`` if it can be sent as the standard says; ``ValueError``
        naming the field otherwise (a reserved value, or a reason other than
        0 from the service-user, which is sent as 00H)."""
        for name in self.reserved_fields:
            raise ValueError(f"A-ABORT {name} {getattr(self, name)} is reserved or undefined "
                             f"({self.section}): it is never sent")
        if self.source is AbortSource.SERVICE_USER and self.reason != 0:
            raise ValueError(f"A-ABORT reason {self.reason} from the service-user: the field "
                             f"is not significant and sent as 0 ({self.section})")
        return self

    def _key(self) -> tuple[int, ...]:
        return int(self.source), int(self.reason)


def _required_number(text: str, field: str) -> int:
    number = _number(text, field)
    if number is None:
        raise ValueError(f"{field} {shown(text.strip())} is not a number (0..255)")
    return _byte(number, field)


def _parsed(enum: type[_E], text: str, field: str) -> _E | int:
    """A member of ``enum`` for a number, term or name; a reserved number
    stays an int; ``ValueError`` naming ``field`` otherwise."""
    number = _number(text, field)
    if number is not None:
        return _member(enum, _byte(number, field))
    try:
        return enum.parse(text)
    except ValueError as exc:
        raise ValueError(f"{field}: {exc}") from None
