"""The standard's statuses as resolution tables, and which codes each command permits.

For each command (``None``: no command, the ``GeneralStatus`` members) the
exact codes of its enum, its masked ranges (the most specific first), and
for a code nobody defines its PS3.7 Annex C class; for each (service,
command) pair the service's own statuses (PS3.4), built the first time a
service is used.  :mod:`dimse_status.registry` adds the registered statuses
on top of these, :mod:`dimse_status.resolve` makes ``Status`` objects of
what they say.

Which codes a command may answer with (PS3.7 Annex C: "implementations shall
not use status codes not listed") is a fact of the same tables:
:func:`member_codes` and :func:`permitted_patterns`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from sys import modules

from ._typechecking import TYPE_CHECKING
from .base import Command, StatusEnum, StatusType
from .statuses import COMMAND_ENUMS, GeneralStatus

if TYPE_CHECKING:
    from .services import Service

    # (member or None, type, description, related attributes)
    Entry = tuple[StatusEnum | None, StatusType, str, tuple[int, ...]]
    Key = Command | None

BUCKET_SHIFT = 8  # registrations and uniform meanings are filed by 256 codes
ENUMS: dict[Key, type[StatusEnum]] = {None: GeneralStatus}
for _command, _enum in COMMAND_ENUMS.items():
    ENUMS[_command] = _enum

def _entry(member: StatusEnum) -> Entry:
    return (member, member.type, member.description, member.related_attributes)


def _standard_exact(key: Key) -> dict[int, Entry]:
    return {m.value: _entry(m) for m in ENUMS[key] if not m.is_masked}


def _standard_masks(key: Key) -> tuple[tuple[int, dict[int, Entry]], ...]:
    by_mask: dict[int, dict[int, Entry]] = {}
    for m in ENUMS[key]:
        if m.is_masked:
            by_mask.setdefault(m.mask, {})[m.value] = _entry(m)
    # The most specific mask (most bits set) first.
    return tuple(sorted(by_mask.items(), key=lambda item: -bin(item[0]).count("1")))


MASKS = {key: _standard_masks(key) for key in ENUMS}
# Each command's masked members as (first code, last code, member)
MASK_SPANS = {
    key: tuple((m.value, m.codes[-1], m) for m in ENUMS[key] if m.is_masked) for key in ENUMS
}

_UNKNOWN: Entry = (
    None, StatusType.FAILURE, "Unknown Status (no Annex C class: read as a Failure)", ()
)
_CLASS_ENTRIES: dict[int, Entry] = {
    0xA: (None, StatusType.FAILURE, "Unknown Failure (Annex C: Axxx is a Failure)", ()),
    0xB: (None, StatusType.WARNING, "Unknown Warning (Annex C: Bxxx is a Warning)", ()),
    0xC: (None, StatusType.FAILURE, "Unknown Failure (Annex C: Cxxx is a Failure)", ()),
}
# 01xx and 02xx (but 0107 and 0116, general codes) are Failures, fixed by the
# standard for every service.
_BLOCK_ENTRIES: dict[int, Entry] = {
    0x01: (None, StatusType.FAILURE, "Unknown Failure (Annex C: 01xx is a Failure)", ()),
    0x02: (None, StatusType.FAILURE, "Unknown Failure (Annex C: 02xx is a Failure)", ()),
}
CODE_CLASS_ENTRIES: dict[int, Entry] = {
    0x0001: (None, StatusType.WARNING, "Warning (Annex C: 0001 is a Warning)", ()),
    0xFF00: (None, StatusType.PENDING, "Pending (Annex C: FF00 is Pending)", ()),
    0xFF01: (None, StatusType.PENDING, "Pending (Annex C: FF01 is Pending)", ()),
}


def class_entry(code: int) -> Entry:
    """Steps 6 and 7: the Annex C class of a code nobody defines."""
    entry = CODE_CLASS_ENTRIES.get(code)
    if entry is None:
        entry = _CLASS_ENTRIES.get(code >> 12) or _BLOCK_ENTRIES.get(code >> 8, _UNKNOWN)
    return entry


def _service_tables(
    service_enum: type[StatusEnum],
) -> tuple[dict[int, Entry], tuple[tuple[int, dict[int, Entry]], ...]]:
    """Step 0's tables for one (service, command): the service's own exact
    codes and masks."""
    exact = {m.value: _entry(m) for m in service_enum if not m.is_masked}
    by_mask: dict[int, dict[int, Entry]] = {}
    for m in service_enum:
        if m.is_masked:
            by_mask.setdefault(m.mask, {})[m.value] = _entry(m)
    masks = tuple(sorted(by_mask.items(), key=lambda item: -bin(item[0]).count("1")))
    return exact, masks


SERVICE_TABLES: dict[
    tuple[Service, Command], tuple[dict[int, Entry], tuple[tuple[int, dict[int, Entry]], ...]]
] = {}


def load_services() -> type[Service]:
    """Import the service classes' enums (on first use) and build step 0's tables."""
    global _service_class
    if _service_class is None:
        from . import services

        if not SERVICE_TABLES:
            SERVICE_TABLES.update({
                (service, command): _service_tables(enum)
                for service, enums in services.SERVICE_ENUMS.items()
                for command, enum in enums.items()
                if enum is not COMMAND_ENUMS[command]
            })
        _service_class = services.Service
    return _service_class


_service_class: type[Service] | None = None  # once step 0's tables are built


STANDARD_EXACT = {key: _standard_exact(key) for key in ENUMS}
# Each command's exact standard codes, sorted, and their members.
STANDARD_CODES = {key: sorted(STANDARD_EXACT[key]) for key in ENUMS}
STANDARD_MEMBERS = {key: {m.value: m for m in ENUMS[key] if not m.is_masked} for key in ENUMS}


def mixed_buckets(key: Key) -> frozenset[int]:
    """The buckets of 256 codes in which ``key``'s codes may not all resolve
    alike (with no registration): those holding an exact code of any step
    (the command's, the general codes, 0001, FF00 and FF01), or every bucket
    if a mask is finer than a byte."""
    if any(bits & 0xFF for bits, _ in MASKS[key]):
        return frozenset(range(0x10000 >> BUCKET_SHIFT))
    codes = {*STANDARD_CODES[key], *STANDARD_CODES[None], *CODE_CLASS_ENTRIES}
    return frozenset(code >> BUCKET_SHIFT for code in codes)


def standard_codes(key: Key, first: int, last: int) -> list[int]:
    """The exact standard codes of ``key`` in ``first..last``."""
    codes = STANDARD_CODES[key]
    return codes[bisect_left(codes, first):bisect_right(codes, last)]


def context_of(value: object) -> tuple[Command | None, Service | None]:
    """The command (and service) whose enum ``value`` is a member of, what
    ``Status(member)`` reads it for: ``(Command.C_STORE, None)`` for
    ``CStoreStatus.SUCCESS``, ``(Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP)``
    for a ``UPSNActionStatus``; ``(None, None)`` for a ``GeneralStatus``
    member or anything else."""
    if not isinstance(value, StatusEnum):
        return None, None
    enum = type(value)
    command = _COMMAND_OF.get(enum)
    if command is not None or enum is GeneralStatus or "dimse_status.services" not in modules:
        # (a service enum's member exists only once services is imported)
        return command, None
    from .services import SERVICE_CONTEXTS

    service, command = SERVICE_CONTEXTS.get(enum, (None, None))
    return command, service


_COMMAND_OF = {enum: command for command, enum in COMMAND_ENUMS.items()}

# (command, service) -> every code a member covers; built on first use.
_CODES: dict[tuple[Key, Service | None], frozenset[int]] = {}


def command_enums(command: Key, service: Service | None) -> tuple[type[StatusEnum], ...]:
    """The enums whose members answer ``command`` in ``service``'s context:
    the service's own statuses for the command first, then the command's."""
    if command is None:
        if service is not None:
            raise TypeError(f"service={service!r} needs a command")
        return (GeneralStatus,)
    if not isinstance(command, Command):
        raise TypeError(f"command must be a dimse_status.Command or None, not {command!r}")
    if service is None:
        return (COMMAND_ENUMS[command],)
    from .services import SERVICE_ENUMS, Service

    if not isinstance(service, Service):
        raise TypeError(f"service must be a dimse_status.Service or None, not {service!r}")
    own = SERVICE_ENUMS[service].get(command, COMMAND_ENUMS[command])
    return (COMMAND_ENUMS[command],) if own is COMMAND_ENUMS[command] else (
        own, COMMAND_ENUMS[command])


def member_codes(command: Key, service: Service | None) -> frozenset[int]:
    """Every code a member of ``command``'s enums (in ``service``) covers,
    masked ranges included: the codes the standard permits there."""
    key = (command, service)
    codes = _CODES.get(key)
    if codes is None:
        codes = frozenset(code for enum in command_enums(command, service)
                          for member in enum for code in member.codes)
        _CODES[key] = codes
    return codes


def permitted_patterns(command: Key, service: Service | None = None) -> tuple[str, ...]:
    """The standard's statuses for ``command`` as the standard writes them:
    ``('0000', 'B000', ..., 'A7xx', 'Cxxx', ...)``, in the enum's order."""
    return tuple(dict.fromkeys(member.pattern for enum in command_enums(command, service)
                               for member in enum))
