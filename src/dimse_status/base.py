"""What a status is: its type, the command it answers, and the enum base classes.

``StatusType`` is PS3.7 Annex C's five status classes, ``Command`` the DIMSE
commands whose responses carry a Status (0000,0900), ``StatusEnum`` the base
of every status enum in :mod:`dimse_status.statuses`, and ``ServiceEnum`` the
base of its ``Service`` enum of PS3.4 service classes.
"""

from __future__ import annotations

from enum import Enum, IntEnum
from operator import index

from ._typechecking import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from typing_extensions import Self

__all__ = [
    "Command", "ServiceEnum", "ServiceTable", "StatusEnum", "StatusType", "annex_c_class",
    "check_code", "check_command", "described", "format_tag", "parse_code", "shown", "tag_name",
]

__version__ = "0.1.0"
"""The package's version (``dimse_status.__version__``); here, at the bottom
of the layers, so that every layer can name it."""

_SHOWN_LIMIT = 80  # characters of a value that an error message repeats


def shown(value: object) -> str:
    """``value`` as an error message names it: its ``repr()``, shortened if
    long, and never an error of its own (a huge int, a ``__repr__`` that raises)."""
    if isinstance(value, int) and value.bit_length() > 64:
        sign = "-" if value < 0 else ""
        return f"{sign}<an int of {value.bit_length()} bits>"
    try:
        text = repr(value)
    except Exception:  # the message must not fail
        return f"<{type(value).__name__} object>"
    if len(text) > _SHOWN_LIMIT:
        text = f"{text[:_SHOWN_LIMIT - 20]}... ({len(text)} characters)"
    return text


def described(value: object) -> str:
    """``value``'s type and :func:`shown` value: ``str 'x'``."""
    return f"{type(value).__name__} {shown(value)}"


def check_code(code: object, what: str = "status code") -> int:
    """``code`` as an int in 0..0xFFFF; ``TypeError``/``ValueError`` naming it otherwise."""
    if isinstance(code, bool):
        raise TypeError(f"{what} must be an int, not the bool {code!r}")
    try:
        value = index(code)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{what} must be an int, not {described(code)}") from None
    if not 0 <= value <= 0xFFFF:
        raise ValueError(f"{what} {shown(value)} is outside 0x0000..0xFFFF")
    return value


def check_command(command: object) -> Command | None:
    if command is None or isinstance(command, Command):
        return command
    raise TypeError(
        f"command must be a dimse_status.Command or None, not {described(command)} "
        "(use Command.parse() or Command.from_field())"
    )


# Custom statuses are kept per command as sorted, disjoint segments (each a
# CustomStatus, cut to the codes where it still holds), filed in 256 buckets
# of 256 codes: a bucket holds every segment that meets its codes, with their
# first codes for bisect.  A registration copies the bucket index (256
# references) and rebuilds only the buckets it touches, so its cost does not


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def parse_code(text: str) -> int:
    """A status code as DICOM writes it: ``A7F3``, ``0xA7F3``, ``a7f3`` or
    ``A7F3H`` -> 0xA7F3 (one to four hex digits, surrounding blanks ignored);
    ``ValueError`` naming the text otherwise."""
    if not isinstance(text, str):
        raise TypeError(f"a status code to parse must be a str, not {described(text)}")
    digits = text.strip()
    if digits[:2] in ("0x", "0X"):
        digits = digits[2:]
    elif digits[-1:] in ("h", "H"):
        digits = digits[:-1]
    if not 1 <= len(digits) <= 4 or not _HEX_DIGITS.issuperset(digits):
        raise ValueError(
            f"{shown(text)} is not a 16-bit hexadecimal status code (e.g. A7F3, 0xA7F3)"
        )
    return int(digits, 16)


class StatusType(Enum):
    """The status class of PS3.7 Annex C; the value is the category string
    pynetdicom and pynetdicom2 use."""

    SUCCESS = "Success"
    WARNING = "Warning"
    FAILURE = "Failure"
    CANCEL = "Cancel"
    PENDING = "Pending"

    @classmethod
    def parse(cls, value: StatusType | str) -> StatusType:
        """Return the member for a ``StatusType`` or its string (``"Failure"``,
        any case); raise ``ValueError`` or ``TypeError`` naming anything else."""
        if isinstance(value, StatusType):
            return value
        if not isinstance(value, str):
            raise TypeError(f"status type must be a StatusType or str, not {described(value)}")
        member = _STATUS_TYPES.get(value.casefold())
        if member is None:
            choices = ", ".join(m.value for m in cls)
            raise ValueError(f"unknown status type {shown(value)}; expected one of {choices}")
        return member


_STATUS_TYPES = {member.value.casefold(): member for member in StatusType}


def annex_c_class(code: int) -> StatusType | None:
    """The Status Class PS3.7 Annex C gives ``code`` whatever the command, or
    ``None`` for the codes it gives none (0002-00FF, 0300-9FFF, D000-FDFF,
    FE01-FEFF, FF02-FFFF), which implementations shall not send.

    The same classes as DCMTK's ``DICOM_*_STATUS`` macros (``dimse.h``);
    ``None`` where its ``DICOM_STANDARD_STATUS`` is false.
    """
    high = code >> 12
    if high == 0xA or high == 0xC:
        return StatusType.FAILURE
    if high == 0xB or code == 0x0001 or code == 0x0107 or code == 0x0116:
        return StatusType.WARNING
    if code >> 8 == 0x01 or code >> 8 == 0x02:
        return StatusType.FAILURE
    return _SINGLE_CLASSES.get(code)


_SINGLE_CLASSES = {
    0x0000: StatusType.SUCCESS,
    0xFE00: StatusType.CANCEL,
    0xFF00: StatusType.PENDING,
    0xFF01: StatusType.PENDING,
}


class Command(IntEnum):
    """A DIMSE command whose response carries a Status; the value is the
    request's Command Field (0000,0100), PS3.7 E.1."""

    C_ECHO = 0x0030
    C_STORE = 0x0001
    C_FIND = 0x0020
    C_GET = 0x0010
    C_MOVE = 0x0021
    N_EVENT_REPORT = 0x0100
    N_GET = 0x0110
    N_SET = 0x0120
    N_ACTION = 0x0130
    N_CREATE = 0x0140
    N_DELETE = 0x0150

    @property
    def label(self) -> str:
        """The name as the standard writes it: ``C-STORE``."""
        return self.name.replace("_", "-")

    @classmethod
    def from_field(cls, field: int) -> Command:
        """The command of a request or response Command Field: ``0x0001`` and
        ``0x8001`` both give ``C_STORE``.  ``ValueError`` names a field that is
        not 16-bit or not a command with a status."""
        if isinstance(field, bool) or not isinstance(field, int):
            raise TypeError(f"command field must be an int, not {described(field)}")
        if not 0 <= field <= 0xFFFF:
            raise ValueError(f"command field {shown(field)} is not a 16-bit value")
        try:
            return cls(field & 0x7FFF)
        except ValueError:
            raise ValueError(
                f"0x{field:04X} is not the Command Field of a DIMSE command with a status"
            ) from None

    @classmethod
    def parse(cls, text: str) -> Command:
        """The command for ``"C-STORE"``, ``"c_store"``, ``"cstore"`` or
        ``"C_STORE"``; ``ValueError`` names anything else."""
        if not isinstance(text, str):
            raise TypeError(f"command name must be a str, not {described(text)}")
        command = _COMMANDS_BY_KEY.get(_name_key(text))
        if command is None:
            choices = ", ".join(c.label for c in cls)
            raise ValueError(f"unknown DIMSE command {shown(text)}; expected one of {choices}")
        return command


_COMMANDS_BY_KEY = {command.name.replace("_", ""): command for command in Command}


def _name_key(text: str) -> str:
    """``"C-STORE"``, ``"c_store"`` and ``"C Store"`` all give ``"CSTORE"``;
    ``"Q/R"`` gives ``"QR"``."""
    return text.strip().upper().translate(_SEPARATORS)


_SEPARATORS = str.maketrans("", "", "-_ /")


class ServiceTable:
    """Which table of the standard a service's statuses for a command are, and
    what was read for it (``Service.X.table(Command.Y)``)."""

    __slots__ = ("edition", "section", "verified")

    def __init__(self, section: str, edition: str | None, verified: str) -> None:
        self.section = section
        self.edition = edition
        self.verified = verified

    def __repr__(self) -> str:
        return (f"ServiceTable(section={self.section!r}, edition={self.edition!r}, "
                f"verified={self.verified!r})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServiceTable):
            return NotImplemented
        return (self.section, self.edition, self.verified) == (
            other.section, other.edition, other.verified)

    def __hash__(self) -> int:
        return hash((self.section, self.edition, self.verified))

    section: str
    """The section (and table): ``"PS3.4 K.4.1.1.4 (Table K.4-1)"``, or ``"PS3.7 ..."``
    where the service defines no statuses of its own for the command."""
    edition: str | None
    """The edition of the text read for it; ``None`` if it was not verified."""
    verified: str
    """What was read and where (``"NOT VERIFIED: ..."`` if nothing was)."""

    @property
    def is_verified(self) -> bool:
        """Whether a text of the standard was read for the service's table."""
        return self.edition is not None


class ServiceEnum(Enum):
    """Base of the ``Service`` enum: a PS3.4 service class whose value is its
    title, with the annex that defines it and the names users know it by."""

    _value_: str
    title: str
    """The service class as PS3.4 names it: ``"Unified Procedure Step"``."""
    section: str
    """The PS3.4 annex that defines the service class."""
    aliases: tuple[str, ...]
    """Other names for it, such as ``"UPS"`` or ``"MPPS"``."""
    commands: tuple[Command, ...]
    """The DIMSE commands the service class uses."""
    _tables: dict[Command, ServiceTable]
    _excluded: dict[Command, frozenset[int]]

    if TYPE_CHECKING:
        # What type checkers need: ``Service("Storage")`` looks a member up
        # by its title (value), and the class body builds each member from
        # its row.
        def __new__(cls, title: str, *row: object) -> Self:
            ...

    else:

        def __new__(cls, title, section, aliases, commands, tables=None, excluded=None):
            member = object.__new__(cls)
            member._value_ = title
            member.title = title
            member.section = section
            member.aliases = aliases
            member.commands = commands
            member._tables = {c: ServiceTable(*t) for c, t in (tables or {}).items()}
            member._excluded = {c: frozenset(codes) for c, codes in (excluded or {}).items()}
            member.__doc__ = f"The {title} Service Class ({section})."
            return member

    def table(self, command: Command) -> ServiceTable:
        """The table of the standard the service's statuses for ``command`` are,
        with the edition read for it; ``KeyError`` for a command the service
        does not use."""
        return self._tables[command]

    def excludes(self, command: Command, code: int) -> bool:
        """Whether the service's table for ``command`` leaves out ``code``,
        though the command's enum has it (Non-Patient Object Storage lists no
        C-STORE warnings, GG.4.2): it may not be sent in the service's context."""
        excluded = self._excluded.get(command)
        return excluded is not None and code in excluded

    # Members are singletons compared by identity; hashing by identity keeps
    # the resolver's lookups keyed by service as fast as those keyed by command.
    if TYPE_CHECKING:

        def __hash__(self) -> int: ...

    else:
        __hash__ = object.__hash__

    @classmethod
    def parse(cls, text: str) -> Self:
        """The service for its member name (``"UNIFIED_PROCEDURE_STEP"``), its
        title (``"Unified Procedure Step"``) or an alias (``"UPS"``), in any
        case and spelling of separators; ``ValueError`` names anything else."""
        if not isinstance(text, str):
            raise TypeError(f"service name must be a str, not {described(text)}")
        key = _name_key(text)
        for member in cls:
            names = (member.name, member.title, *member.aliases)
            if key and any(_name_key(name) == key for name in names):
                return member
        choices = ", ".join(m.name for m in cls)
        raise ValueError(f"unknown service class {shown(text)}; expected one of {choices}")

_TAG_NAMES = {
    0x00000002: "Affected SOP Class UID",
    0x00000100: "Command Field",
    0x00000900: "Status",
    0x00000901: "Offending Element",
    0x00000902: "Error Comment",
    0x00000903: "Error ID",
    0x00001000: "Affected SOP Instance UID",
    0x00001002: "Event Type ID",
    0x00001005: "Attribute Identifier List",
    0x00001008: "Action Type ID",
    0x00001020: "Number of Remaining Sub-operations",
    0x00001021: "Number of Completed Sub-operations",
    0x00001022: "Number of Failed Sub-operations",
    0x00001023: "Number of Warning Sub-operations",
}


def format_tag(tag: int) -> str:
    """``0x00000902`` as DICOM writes it: ``(0000,0902)``."""
    return f"({tag >> 16:04X},{tag & 0xFFFF:04X})"


def tag_name(tag: int) -> str:
    """The attribute name of a command set tag that travels with a status."""
    return _TAG_NAMES.get(tag, "Unknown")


class StatusEnum(IntEnum):
    """Base of every status enum: an ``int`` whose value is the code, with the
    standard's meaning attached.

    A masked member (``A7xx``) has the lowest code of its range as value and
    covers every code of the range (:attr:`codes`, :meth:`covers`).
    """

    _value_: int
    type: StatusType
    """Success, Warning, Failure, Cancel or Pending (PS3.7 Annex C)."""
    description: str
    """The standard's meaning of the status."""
    related_attributes: tuple[int, ...]
    """Command set tags that may travel with the status, e.g. ``0x00000902``."""
    section: str
    """The section of the standard that defines the status."""
    mask: int
    """The bits a code must share with the value: 0xFFFF for one code, 0xFF00
    for ``A7xx``, 0xF000 for ``Cxxx``."""
    verified: str
    """Which text of the standard was read to check this status, and where, e.g.
    ``"PS3.7 2025b page C.4.2 (dicom.nema.org current chtml page, ...)"``; it
    starts with ``"NOT VERIFIED"`` (and says what the status rests on) where no
    text of the standard confirms it for its table.  See
    ``dimse_status.DICOM_EDITION``."""
    edition: str | None
    """The edition of the newest text of the standard read for this status
    (``"2024c"``, ``"2025b"``), or ``None`` if it was not verified: what to
    filter on.  ``dimse_status.statuses.VERIFICATION`` counts them."""
    listed: bool
    """Whether the standard lists the status in its command's table.  False for
    a status kept from the seed only (0112H for C-STORE, C-FIND, C-GET and
    C-MOVE): it resolves, but may not be sent."""

    if TYPE_CHECKING:
        # What type checkers need: ``CStoreStatus(0xA700)`` looks a member up
        # by value (masked ranges included, see ``_missing_``), and the class
        # body builds each member from its row.
        def __new__(
            cls, value: int,
            *row: StatusType | str | tuple[int, ...] | int | tuple[str | None, str] | bool,
        ) -> Self: ...

    else:

        def __new__(
            cls, code, type, description, related_attributes, section,  # noqa: A002
            mask=0xFFFF, verified=(None, "NOT VERIFIED: no record"), listed=True,
        ):
            member = int.__new__(cls, code)
            member._value_ = code
            member.type = type
            member.description = description
            member.related_attributes = related_attributes
            member.section = section
            member.mask = mask
            member.edition, member.verified = verified
            member.listed = listed
            member.__doc__ = f"{member.pattern} {type.value}: {description}. {section}."
            return member

    @classmethod
    def lookup(cls, code: int, /) -> Self | None:
        """The member that ``code`` means, masked ranges included (0xA7F3 gives
        ``CStoreStatus.OUT_OF_RESOURCES``), or ``None``; never raises for an
        int.  ``code`` is positional-only (``lookup(code=...)`` is a
        ``TypeError`` on every call).  The fastest way to a member: once a code has been seen, one
        dict lookup and no Python code at all (a bounded memo), else a dict
        lookup and one per mask."""
        if cls is StatusEnum:  # no members, and every enum would inherit its table
            return None
        # The first call gives the enum a lookup of its own, which shadows
        # this one: the __getitem__ of a dict of the codes seen, which
        # resolves (and remembers) what it does not hold yet.
        table = _LookupTable(cls)
        type.__setattr__(cls, "lookup", table.__getitem__)
        return table[code]  # type: ignore[return-value]  # pyright: ignore[reportReturnType]

    @classmethod
    def has_code(cls, code: int, /) -> bool:
        """Whether ``code`` means one of the enum's statuses, masked ranges
        included: ``CStoreStatus.has_code(0xA7F3)`` is ``True``.  The same
        answer on every Python version, unlike ``code in CStoreStatus``
        (``TypeError`` for an int on 3.10 and 3.11; on 3.12+ the members'
        values only, so ``False`` for 0xA7F3)."""
        return cls.lookup(code) is not None

    @classmethod
    def _missing_(cls, value: object) -> Self:
        # ``CStoreStatus(0xA7F3)``: a code inside a masked range is its member.
        if isinstance(value, int) and not isinstance(value, bool):
            member = cls.lookup(value)
            if member is not None:
                return member
            if 0 <= value <= 0xFFFF:
                raise ValueError(f"0x{value:04X} is not a valid {cls.__name__}")
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")

    def __str__(self) -> str:
        """The code as DICOM writes it: ``0xA700``."""
        return f"0x{self._value_:04X}"

    def __repr__(self) -> str:
        """``<CStoreStatus.OUT_OF_RESOURCES: 0xA7xx>``: a masked member shows its range."""
        return f"<{type(self).__name__}.{self.name}: 0x{self.pattern}>"

    def __format__(self, format_spec: str) -> str:
        # f"{member}" reads as str(member); any other spec formats the int.
        return str(self) if not format_spec else int.__format__(self, format_spec)

    @property
    def is_verified(self) -> bool:
        """Whether a text of the standard was read that confirms this status for
        its table (``edition`` is not ``None``).  ``Status(...).is_verified``
        also takes the service's table into account."""
        return self.edition is not None

    @property
    def is_masked(self) -> bool:
        """Whether the member stands for a range of codes such as ``A7xx``."""
        return self.mask != 0xFFFF

    @property
    def codes(self) -> range:
        """Every code the member covers: ``range(0xA700, 0xA800)`` for ``A7xx``."""
        return range(self._value_, self._value_ + (~self.mask & 0xFFFF) + 1)

    @property
    def pattern(self) -> str:
        """The code as the standard writes it: ``0000``, ``A7xx``, ``Cxxx``."""
        digits = f"{self._value_:04X}"
        wild = (~self.mask & 0xFFFF).bit_length() // 4
        return digits[: 4 - wild] + "x" * wild

    def covers(self, code: int) -> bool:
        """Whether ``code`` means this status."""
        return code & self.mask == self._value_

    @property
    def is_success(self) -> bool:
        """Whether the status is Success (0000) (PS3.7 Annex C)."""
        return self.type is StatusType.SUCCESS

    @property
    def is_warning(self) -> bool:
        """Whether the status is a Warning: done, with something to report (PS3.7 Annex C)."""
        return self.type is StatusType.WARNING

    @property
    def is_failure(self) -> bool:
        """Whether the status is a Failure: the operation was not performed (PS3.7 Annex C)."""
        return self.type is StatusType.FAILURE

    @property
    def is_cancel(self) -> bool:
        """Whether the status is Cancel: terminated by a C-CANCEL (PS3.7 Annex C)."""
        return self.type is StatusType.CANCEL

    @property
    def is_pending(self) -> bool:
        """Whether the status is Pending: more responses follow (PS3.7 Annex C)."""
        return self.type is StatusType.PENDING


if TYPE_CHECKING:
    # code -> member, and (mask, masked code -> member) the most specific first
    _LookupTables = tuple[dict[int, Any], tuple[tuple[int, dict[int, Any]], ...]]

_LOOKUP: dict[type[StatusEnum], _LookupTables] = {}
_LOOKUP_MEMO_LIMIT = 1024  # codes remembered per enum


class _LookupTable(dict[int, "StatusEnum | None"]):
    """One enum's ``lookup``: code -> member or ``None`` for the codes seen
    (at most ``_LOOKUP_MEMO_LIMIT``, forgotten all at once), a miss resolved
    by :func:`_lookup`.  Only single dict operations: safe from any thread."""

    __slots__ = ("enum",)

    def __init__(self, enum: type[StatusEnum]) -> None:
        super().__init__()
        self.enum = enum

    def __missing__(self, code: int) -> StatusEnum | None:
        member: StatusEnum | None = _lookup(self.enum, code)
        if code.__class__ is int and 0 <= code <= 0xFFFF:
            if len(self) >= _LOOKUP_MEMO_LIMIT:
                self.clear()
            self[code] = member
        return member


def _lookup(cls: type[StatusEnum], code: int) -> Any:
    """What ``cls.lookup(code)`` gives: exact codes, then each mask's codes,
    the most specific mask (most bits set) first."""
    tables = _LOOKUP.get(cls)
    if tables is None:
        by_mask: dict[int, dict[int, Any]] = {}
        for m in cls:
            if m.is_masked:
                by_mask.setdefault(m.mask, {})[m.value] = m
        masks = tuple(sorted(by_mask.items(), key=lambda item: -bin(item[0]).count("1")))
        tables = _LOOKUP[cls] = ({m.value: m for m in cls}, masks)
    exact, masks = tables
    member = exact.get(code)
    if member is None and 0 <= code <= 0xFFFF:
        for bits, table in masks:
            member = table.get(code & bits)
            if member is not None:
                break
    return member
