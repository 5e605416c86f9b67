"""The codes of PS3.8 for an association that fails: one ``IntEnum`` per field.

Each member is an ``int`` whose value is the byte on the wire, with the
standard's term (``term``), a short phrase (``phrase``), its meaning
(``description``), the section that defines it (``section``) and the text
read for it (``verified``), as ``http.HTTPStatus`` members carry theirs.

Only the values the standard defines are members; a reserved value read
from the wire stays an ``int`` in a :class:`~dimse_status.association.Rejection`
or :class:`~dimse_status.association.Abort`.

>>> RejectPresentationReason(1).phrase
'temporary congestion'
>>> RejectSource.SERVICE_PROVIDER_PRESENTATION.reasons is RejectPresentationReason
True
"""

from __future__ import annotations

from enum import IntEnum

from .._typechecking import TYPE_CHECKING
from ..base import described, shown

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "PS38_EDITION", "AbortReason", "AbortSource", "ContextResult", "OutcomeEnum",
    "RejectACSEReason", "RejectPresentationReason", "RejectResult", "RejectSource",
    "RejectUserReason",
]

PS38_EDITION = "2024c"
"""The edition of PS3.8 read for every member: its DocBook source
(``part08.xml``, github.com/aglv/dicom-spec, branch ``src/2024c``, commit
e6ab1b35), sections 9.3.3.2 (Table 9-18), 9.3.4 (Table 9-21) and 9.3.8
(Table 9-26)."""

_READ = f"PS3.8 {PS38_EDITION}, DocBook source (github.com/aglv/dicom-spec src/2024c e6ab1b35)"
_RJ = "PS3.8 9.3.4"  # A-ASSOCIATE-RJ PDU, Table 9-21
_AB = "PS3.8 9.3.8"  # A-ABORT PDU, Table 9-26
_PC = "PS3.8 9.3.3.2"  # Presentation Context Item (A-ASSOCIATE-AC), Table 9-18
_TABLES = {_RJ: "Table 9-21", _AB: "Table 9-26", _PC: "Table 9-18"}


class OutcomeEnum(IntEnum):
    """Base of the association enums: an ``int`` (the field's value on the
    wire) with the standard's words for it."""

    _value_: int
    term: str
    """The value as the standard writes it: ``"temporary-congestion"``."""
    phrase: str
    """The same in plain words: ``"temporary congestion"``."""
    description: str
    """What the value means."""
    section: str
    """The section of PS3.8 that defines the value: ``"PS3.8 9.3.4"``."""
    verified: str
    """The text of the standard read for it, with its edition and table."""
    edition: str
    """The edition of PS3.8 read for it: ``"2024c"`` (:data:`PS38_EDITION`)."""

    if TYPE_CHECKING:
        def __new__(cls, value: int, *row: str) -> Self: ...
    else:

        def __new__(cls, value, term, description, section):
            member = int.__new__(cls, value)
            member._value_ = value
            member.term = term
            member.phrase = term.replace("-", " ")
            member.description = description
            member.section = section
            member.verified = f"{_READ}, {section} {_TABLES[section]}"
            member.edition = PS38_EDITION
            member.__doc__ = f"{value} - {term}: {description} ({section})."
            return member

    def __str__(self) -> str:
        """The value, as a byte of the PDU: ``"2"`` (on every Python)."""
        return str(self._value_)

    def __format__(self, format_spec: str) -> str:
        return int.__format__(self, format_spec)

    @classmethod
    def parse(cls, text: str) -> Self:
        """The member for its value (``"1"``), its term
        (``"temporary-congestion"``) or its name (``"TEMPORARY_CONGESTION"``),
        in any case, ``-``, ``_`` or blanks alike; ``ValueError`` names
        anything else."""
        if not isinstance(text, str):
            raise TypeError(f"{cls.__name__} to parse must be a str, not {described(text)}")
        key = _key(text)
        for member in cls:
            if key in (str(member._value_), _key(member.term), _key(member.name),
                       *(_key(a) for a in _ALIASES.get((cls.__name__, member.name), ()))):
                return member
        choices = ", ".join(f"{m._value_} {m.term}" for m in cls)
        raise ValueError(f"unknown {cls.__name__} {shown(text)}; expected one of {choices}")


def _key(text: str) -> str:
    return "".join(text.strip().casefold().replace("_", "-").split()).replace("-", "")


class RejectResult(OutcomeEnum):
    """Result of an A-ASSOCIATE-RJ PDU (PS3.8 9.3.4, Table 9-21)."""

    REJECTED_PERMANENT = (
        1, "rejected-permanent",
        "the association is refused for a lasting reason: calling again later will not help "
        "(PS3.8 7.1.1.7: e.g. the remote application is unknown)", _RJ)
    REJECTED_TRANSIENT = (
        2, "rejected-transient",
        "the association is refused for now: the caller may try again later", _RJ)


class RejectUserReason(OutcomeEnum):
    """Reason/Diag. of an A-ASSOCIATE-RJ from the service-user (Source 1):
    PS3.8 9.3.4, Table 9-21.  4-6 and 8-10 are reserved."""

    NO_REASON_GIVEN = (1, "no-reason-given", "the called application gave no reason", _RJ)
    APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = (
        2, "application-context-name-not-supported",
        "the called application does not support the proposed application context", _RJ)
    CALLING_AE_TITLE_NOT_RECOGNIZED = (
        3, "calling-AE-title-not-recognized",
        "the called application does not know the caller's AE title", _RJ)
    CALLED_AE_TITLE_NOT_RECOGNIZED = (
        7, "called-AE-title-not-recognized",
        "the called AE title is not the called application's", _RJ)


class RejectACSEReason(OutcomeEnum):
    """Reason/Diag. of an A-ASSOCIATE-RJ from the service-provider's ACSE
    function (Source 2): PS3.8 9.3.4, Table 9-21."""

    NO_REASON_GIVEN = (1, "no-reason-given", "the service provider (ACSE) gave no reason", _RJ)
    PROTOCOL_VERSION_NOT_SUPPORTED = (
        2, "protocol-version-not-supported",
        "the called side does not support the proposed protocol version", _RJ)


class RejectPresentationReason(OutcomeEnum):
    """Reason/Diag. of an A-ASSOCIATE-RJ from the service-provider's
    presentation function (Source 3): PS3.8 9.3.4, Table 9-21.  0 and 3-7 are
    reserved.  (The 2024c text misspells 1 as "temporary-congestio".)"""

    TEMPORARY_CONGESTION = (
        1, "temporary-congestion", "the called side is too busy to accept an association now",
        _RJ)
    LOCAL_LIMIT_EXCEEDED = (
        2, "local-limit-exceeded",
        "the called side has as many associations as it allows", _RJ)


class RejectSource(OutcomeEnum):
    """Source of an A-ASSOCIATE-RJ PDU (PS3.8 9.3.4, Table 9-21); each
    source has its own reasons (:attr:`reasons`)."""

    SERVICE_USER = (1, "DICOM UL service-user", "the called application", _RJ)
    SERVICE_PROVIDER_ACSE = (
        2, "DICOM UL service-provider (ACSE related function)",
        "the called side's upper layer, in its association control (ACSE) function", _RJ)
    SERVICE_PROVIDER_PRESENTATION = (
        3, "DICOM UL service-provider (Presentation related function)",
        "the called side's upper layer, in its presentation function", _RJ)

    @property
    def reasons(self) -> _AnyReason:
        """The enum of this source's reasons."""
        return _REASONS[self]

    @property
    def label(self) -> str:
        """``"the service user"``, ``"the service provider (ACSE)"`` or
        ``"the service provider (presentation)"``."""
        return _LABELS[self]


_AnyReason = type[RejectUserReason | RejectACSEReason | RejectPresentationReason]
_REASONS: dict[RejectSource, _AnyReason] = {
    RejectSource.SERVICE_USER: RejectUserReason,
    RejectSource.SERVICE_PROVIDER_ACSE: RejectACSEReason,
    RejectSource.SERVICE_PROVIDER_PRESENTATION: RejectPresentationReason,
}
_LABELS = {
    RejectSource.SERVICE_USER: "the service user",
    RejectSource.SERVICE_PROVIDER_ACSE: "the service provider (ACSE)",
    RejectSource.SERVICE_PROVIDER_PRESENTATION: "the service provider (presentation)",
}

RESERVED_REJECT_REASONS: dict[RejectSource, frozenset[int]] = {
    RejectSource.SERVICE_USER: frozenset({4, 5, 6, 8, 9, 10}),
    RejectSource.SERVICE_PROVIDER_ACSE: frozenset(),
    RejectSource.SERVICE_PROVIDER_PRESENTATION: frozenset({0, 3, 4, 5, 6, 7}),
}
"""The reasons Table 9-21 lists as reserved, per source."""


class AbortSource(OutcomeEnum):
    """Source of an A-ABORT PDU (PS3.8 9.3.8, Table 9-26); 1 is reserved.
    The PDU carries both the A-ABORT service (the user's) and the A-P-ABORT
    service (the provider's)."""

    SERVICE_USER = (
        0, "DICOM UL service-user (initiated abort)",
        "the peer application aborted the association (A-ABORT)", _AB)
    SERVICE_PROVIDER = (
        2, "DICOM UL service-provider (initiated abort)",
        "the peer's upper layer aborted the association (A-P-ABORT)", _AB)

    @property
    def label(self) -> str:
        """``"the service user"`` or ``"the service provider"``."""
        return "the service user" if self is AbortSource.SERVICE_USER else "the service provider"


class AbortReason(OutcomeEnum):
    """Reason/Diag. of an A-ABORT PDU from the service-provider (Source 2):
    PS3.8 9.3.8, Table 9-26; 3 is reserved.  From the service-user the field
    is not significant (sent as 0)."""

    REASON_NOT_SPECIFIED = (0, "reason-not-specified", "the provider gave no reason", _AB)
    UNRECOGNIZED_PDU = (1, "unrecognized-PDU", "a PDU of an unknown type was received", _AB)
    UNEXPECTED_PDU = (
        2, "unexpected-PDU", "a PDU was received that the protocol does not allow now", _AB)
    UNRECOGNIZED_PDU_PARAMETER = (
        4, "unrecognized-PDU parameter", "a PDU held an item or parameter of an unknown type",
        _AB)
    UNEXPECTED_PDU_PARAMETER = (
        5, "unexpected-PDU parameter", "a PDU held an item or parameter not allowed there", _AB)
    INVALID_PDU_PARAMETER_VALUE = (
        6, "invalid-PDU-parameter value", "a PDU held a parameter with an invalid value", _AB)


class ContextResult(OutcomeEnum):
    """Result/Reason of a presentation context in an A-ASSOCIATE-AC PDU
    (PS3.8 9.3.3.2, Table 9-18)."""

    ACCEPTANCE = (0, "acceptance", "the presentation context is accepted", _PC)
    USER_REJECTION = (
        1, "user-rejection", "the called application refused the presentation context", _PC)
    NO_REASON = (
        2, "no-reason (provider rejection)",
        "the service provider refused the presentation context, giving no reason", _PC)
    ABSTRACT_SYNTAX_NOT_SUPPORTED = (
        3, "abstract-syntax-not-supported (provider rejection)",
        "the called side does not support the abstract syntax (SOP class)", _PC)
    TRANSFER_SYNTAXES_NOT_SUPPORTED = (
        4, "transfer-syntaxes-not-supported (provider rejection)",
        "the called side supports none of the proposed transfer syntaxes", _PC)

    @property
    def is_accepted(self) -> bool:
        """Whether the context was accepted (0)."""
        return self is ContextResult.ACCEPTANCE

    @property
    def is_provider_rejection(self) -> bool:
        """Whether the service provider, not the application, refused it (2-4)."""
        return self._value_ >= 2


# Keyed by (enum, member name): members of two enums with one value are equal ints.
_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("RejectResult", "REJECTED_PERMANENT"): ("permanent",),
    ("RejectResult", "REJECTED_TRANSIENT"): ("transient",),
    ("RejectSource", "SERVICE_USER"): ("user", "service-user"),
    ("RejectSource", "SERVICE_PROVIDER_ACSE"): ("acse", "provider-acse", "service-provider-acse"),
    ("RejectSource", "SERVICE_PROVIDER_PRESENTATION"): (
        "presentation", "provider-presentation", "service-provider-presentation"),
    ("AbortSource", "SERVICE_USER"): ("user", "service-user", "a-abort"),
    ("AbortSource", "SERVICE_PROVIDER"): ("provider", "service-provider", "a-p-abort"),
    ("ContextResult", "ACCEPTANCE"): ("accepted",),
    ("ContextResult", "NO_REASON"): ("no-reason",),
    ("ContextResult", "ABSTRACT_SYNTAX_NOT_SUPPORTED"): ("abstract-syntax-not-supported",),
    ("ContextResult", "TRANSFER_SYNTAXES_NOT_SUPPORTED"): ("transfer-syntaxes-not-supported",),
}
