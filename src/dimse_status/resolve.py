"""Where a code is resolved: the ``Status`` facade and the status registries.

Resolution of ``Status(code, command)``, first match wins:

0. with ``service=``, the service's own statuses for the command (PS3.4),
   exact codes first, then its masked ranges;
1. the command's exact code (a member of its enum);
2. registered custom statuses for the command (a vendor code inside a
   standard mask, with the mask's type, refines it);
3. the command's masked ranges, the most specific mask first;
4. registered custom statuses for no command in particular;
5. the general codes of PS3.7 Annex C (``member`` is then ``None``, as the
   code is not a member of the command's enum);
6. the Annex C class of the code (``Bxxx`` Warning, ``Axxx``/``Cxxx``
   Failure, ``FF00``/``FF01`` Pending), with ``member`` ``None``;
7. the seed's fallback: an unknown Failure.

Without a command, steps 1 and 5 are one: the ``GeneralStatus`` members.

Registries are copy-on-write: a registration builds new tables under a lock
and publishes them with one assignment, so a thread that resolves sees either
all of a registration or none of it.  Each table set keeps a small bounded
memo of the statuses it has resolved.
"""

from __future__ import annotations

import os as _os
from _thread import allocate_lock
from bisect import bisect_left, bisect_right
from collections import namedtuple
from operator import index
from sys import modules

from ._typechecking import TYPE_CHECKING, Generic, final
from .base import Command, StatusEnum, StatusType, annex_c_class, described, format_tag, shown
from .dataset import EMPTY_DETAILS, StatusDetails, SubOperations, check_tags
from .statuses import COMMAND_ENUMS, GeneralStatus

# Only type checkers import typing (see _typechecking.py).
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any, NamedTuple, SupportsIndex

    from pydicom import Dataset
    from typing_extensions import NoReturn, Self

    # The generated overloads that type Status(...) and Status.from_dataset().
    from ._signatures import M_co
    from ._signatures import StatusSignatures as _StatusBase
    from .services import Service

    class _CustomStatusFields(NamedTuple):
        code: int
        end: int
        type: StatusType
        description: str
        command: Command | None = None
        related_attributes: tuple[int, ...] = ()

    # (member or None, type, description, related attributes)
    _Entry = tuple[StatusEnum | None, StatusType, str, tuple[int, ...]]
    # A status's attributes (its __dict__), shared by the statuses of one
    # meaning for one command and service: see _meaning()
    _Meaning = dict[str, Any]
    _Key = Command | None
    # The first codes of the registrations (cut to where each still holds)
    # that meet 256 codes, and those registrations, sorted and disjoint
    _Bucket = tuple[tuple[int, ...], tuple["CustomStatus", ...]]
else:
    M_co = None

    class _StatusBase(int, Generic):
        __slots__ = ()

    _CustomStatusFields = namedtuple(
        "_CustomStatusFields", "code end type description command related_attributes",
        defaults=(None, ()),
    )

__all__ = [
    "CustomStatus",
    "Status",
    "StatusConflictError",
    "StatusRegistry",
    "add_status",
    "default_registry",
    "register_statuses",
]

_MEMO_LIMIT = 256  # statuses kept per command and registry generation
_SERVICE_MEMO_LIMIT = 1024  # statuses kept for all service contexts together
_ENUMS: dict[_Key, type[StatusEnum]] = {None: GeneralStatus}
for _command, _enum in COMMAND_ENUMS.items():
    _ENUMS[_command] = _enum


def _entry(member: StatusEnum) -> _Entry:
    return (member, member.type, member.description, member.related_attributes)


def _standard_exact(key: _Key) -> dict[int, _Entry]:
    return {m.value: _entry(m) for m in _ENUMS[key] if not m.is_masked}


def _standard_masks(key: _Key) -> tuple[tuple[int, dict[int, _Entry]], ...]:
    by_mask: dict[int, dict[int, _Entry]] = {}
    for m in _ENUMS[key]:
        if m.is_masked:
            by_mask.setdefault(m.mask, {})[m.value] = _entry(m)
    # The most specific mask (most bits set) first.
    return tuple(sorted(by_mask.items(), key=lambda item: -bin(item[0]).count("1")))


_MASKS = {key: _standard_masks(key) for key in _ENUMS}
# Each command's masked members as (first code, last code, member)
_MASK_SPANS = {
    key: tuple((m.value, m.codes[-1], m) for m in _ENUMS[key] if m.is_masked) for key in _ENUMS
}

_UNKNOWN: _Entry = (
    None, StatusType.FAILURE, "Unknown Status (no Annex C class: read as a Failure)", ()
)
_CLASS_ENTRIES: dict[int, _Entry] = {
    0xA: (None, StatusType.FAILURE, "Unknown Failure (Annex C: Axxx is a Failure)", ()),
    0xB: (None, StatusType.WARNING, "Unknown Warning (Annex C: Bxxx is a Warning)", ()),
    0xC: (None, StatusType.FAILURE, "Unknown Failure (Annex C: Cxxx is a Failure)", ()),
}
# 01xx and 02xx (but 0107 and 0116, general codes) are Failures, fixed by the
# standard for every service.
_BLOCK_ENTRIES: dict[int, _Entry] = {
    0x01: (None, StatusType.FAILURE, "Unknown Failure (Annex C: 01xx is a Failure)", ()),
    0x02: (None, StatusType.FAILURE, "Unknown Failure (Annex C: 02xx is a Failure)", ()),
}
_CODE_CLASS_ENTRIES: dict[int, _Entry] = {
    0x0001: (None, StatusType.WARNING, "Warning (Annex C: 0001 is a Warning)", ()),
    0xFF00: (None, StatusType.PENDING, "Pending (Annex C: FF00 is Pending)", ()),
    0xFF01: (None, StatusType.PENDING, "Pending (Annex C: FF01 is Pending)", ()),
}


def _class_entry(code: int) -> _Entry:
    """Steps 6 and 7: the Annex C class of a code nobody defines."""
    entry = _CODE_CLASS_ENTRIES.get(code)
    if entry is None:
        entry = _CLASS_ENTRIES.get(code >> 12) or _BLOCK_ENTRIES.get(code >> 8, _UNKNOWN)
    return entry


def _service_tables(
    service_enum: type[StatusEnum],
) -> tuple[dict[int, _Entry], tuple[tuple[int, dict[int, _Entry]], ...]]:
    """Step 0's tables for one (service, command): the service's own exact
    codes and masks."""
    exact = {m.value: _entry(m) for m in service_enum if not m.is_masked}
    by_mask: dict[int, dict[int, _Entry]] = {}
    for m in service_enum:
        if m.is_masked:
            by_mask.setdefault(m.mask, {})[m.value] = _entry(m)
    masks = tuple(sorted(by_mask.items(), key=lambda item: -bin(item[0]).count("1")))
    return exact, masks


_SERVICE_TABLES: dict[
    tuple[Service, Command], tuple[dict[int, _Entry], tuple[tuple[int, dict[int, _Entry]], ...]]
] = {}


def _load_services() -> type[Service]:
    """Import the service classes' enums (on first use) and build step 0's tables."""
    global _service_class
    if _service_class is None:
        from . import services

        if not _SERVICE_TABLES:
            _SERVICE_TABLES.update({
                (service, command): _service_tables(enum)
                for service, enums in services.SERVICE_ENUMS.items()
                for command, enum in enums.items()
                if enum is not COMMAND_ENUMS[command]
            })
        _service_class = services.Service
    return _service_class


_service_class: type[Service] | None = None  # once step 0's tables are built


class CustomStatus(_CustomStatusFields):
    """A registered status: the codes ``code`` to ``end`` (inclusive) mean
    ``description`` for ``command`` (``None``: for any command), with the
    fields ``code, end, type, description, command, related_attributes``."""

    __slots__ = ()

    def covers(self, code: int) -> bool:
        return self.code <= code <= self.end

    def __str__(self) -> str:
        codes = f"0x{self.code:04X}" + (f"-0x{self.end:04X}" if self.end != self.code else "")
        where = self.command.label if self.command is not None else "any command"
        return f"{codes} ({where}) {self.type.value}: {self.description}"


class StatusConflictError(ValueError):
    """A registration would redefine what the standard or an earlier
    registration defines; pass ``override=True`` to do it anyway."""


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


def _check_command(command: object) -> _Key:
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
# grow with the number of registrations, and it keeps no object but its
# CustomStatus (few objects for the garbage collector to walk).
_BUCKET_SHIFT = 8
_NO_SEGMENTS: _Bucket = ((), ())
_EMPTY_INDEX: tuple[_Bucket, ...] = (_NO_SEGMENTS,) * (0x10000 >> _BUCKET_SHIFT)


class _Tables:
    """One immutable generation of a registry's resolution tables.

    ``log[:count]`` are its registrations, oldest first.  The list is shared
    with the generations before and after it, each seeing its own prefix: a
    registration appends to it (under the registration lock), unless another
    generation already has, and then it copies the prefix first.
    """

    __slots__ = ("buckets", "count", "exact", "high", "log", "meanings", "memo",
                 "service_memo_size")

    def __init__(
        self,
        exact: dict[_Key, dict[int, _Entry]],
        buckets: dict[_Key, Sequence[_Bucket]],
        log: list[CustomStatus],
        count: int,
    ) -> None:
        self.exact = exact
        self.buckets = buckets
        self.log = log
        self.count = count
        # command -> code -> Status, and command -> service -> code -> Status
        # (filled as statuses are resolved; every command's memo is made
        # here, so Status()'s fast path never misses a command).  Status()
        # checks the argument types before it looks here.
        self.memo: dict[_Key, dict[Any, Any]] = {key: {} for key in _ENUMS}
        self.service_memo_size = 0  # statuses in all the services' memos
        # command -> 256 buckets of 256 codes: the meaning every code of the
        # bucket has (a bucket without exact codes, registrations or masks
        # finer than a byte), _MIXED, or None while not yet seen (made on a
        # command's first miss).  What a memo miss reads before resolving.
        self.high: dict[_Key, list[_Meaning | bool | None]] = {}
        # (command, meaning's identity) -> the meaning, as statuses share it
        self.meanings: dict[tuple[Any, ...], _Meaning] = {}

    @classmethod
    def standard(cls) -> _Tables:
        return cls({key: _STANDARD_EXACT[key] for key in _ENUMS},
                   {key: _EMPTY_INDEX for key in _ENUMS}, [], 0)

    def custom_statuses(self) -> tuple[CustomStatus, ...]:
        return tuple(self.log[:self.count])

    def custom(self, key: _Key, code: int) -> _Entry | None:
        starts, segments = self.buckets[key][code >> _BUCKET_SHIFT]
        if starts:
            i = bisect_right(starts, code) - 1
            if i >= 0:
                s = segments[i]
                if code <= s.end:
                    return (None, s.type, s.description, s.related_attributes)
        return None

    def vacant(self, key: _Key, first: int, last: int) -> list[tuple[int, int]]:
        """The codes of ``first..last`` that ``key``'s own tables leave
        undefined (no exact code, registration or mask of that command), as
        (first, last) runs: where a pynetdicom2 range still has a say."""
        # (Only the standard's exact codes are ever in ``exact``.)
        taken = [(c, c) for c in _standard_codes(key, first, last)]
        index = self.buckets[key]
        for b in range(first >> _BUCKET_SHIFT, (last >> _BUCKET_SHIFT) + 1):
            _, segments = index[b]
            lo, hi = _overlapped(index[b], first, last)
            taken += [(s.code, s.end) for s in segments[lo:hi]]
        taken += [(low, high) for low, high, _ in _MASK_SPANS[key]]
        runs: list[tuple[int, int]] = []
        at = first
        for start, end in sorted(taken):
            if end < at or start > last:
                continue
            if start > at:
                runs.append((at, start - 1))
            at = end + 1
        if at <= last:
            runs.append((at, last))
        return runs

    def resolve(self, command: _Key, code: int) -> _Entry:
        entry = self.exact[command].get(code)
        if entry is not None:
            return entry
        entry = self.custom(command, code)
        if entry is not None:
            return entry
        if command is None:
            return _class_entry(code)
        for bits, table in _MASKS[command]:
            entry = table.get(code & bits)
            if entry is not None:
                return entry
        entry = self.custom(None, code)
        if entry is not None:
            return entry
        entry = self.exact[None].get(code)
        if entry is not None:
            return (None, entry[1], entry[2], entry[3])
        return _class_entry(code)

    def resolve_in(self, service: Service, command: Command, code: int) -> _Entry:
        """Step 0, then the command's steps."""
        tables = _SERVICE_TABLES.get((service, command))
        if tables is None:
            return self.resolve(command, code)
        exact, masks = tables
        entry = exact.get(code)
        if entry is not None:
            return entry
        for bits, table in masks:
            entry = table.get(code & bits)
            if entry is not None:
                return entry
        return self.resolve(command, code)

    def meaning(self, key: _Key, entry: _Entry) -> _Meaning:
        """The attributes that every status of ``entry``'s meaning for
        ``key`` (without a service) shares: one dict for them all.  (A
        service's statuses, at most _SERVICE_MEMO_LIMIT of them spread over
        hundreds of contexts, take less memory each with its own.)"""
        member, type_, description, related = entry
        cache_key = (key, id(member), id(type_), description, related)
        meaning = self.meanings.get(cache_key)
        if meaning is None:
            if len(self.meanings) >= _MEANINGS_LIMIT:
                self.meanings.clear()
            meaning = self.meanings.setdefault(cache_key, _meaning(entry, key, None))
        return meaning

    def command_meaning(self, key: _Key, code: int) -> _Meaning:
        """What ``code`` means for ``key`` (no service): its bucket's meaning
        when the bucket is uniform, else resolved; a bucket is classified
        the first time one of its codes is resolved."""
        high = self.high.get(key)
        if high is None:
            high = self.high.setdefault(key, [None] * (0x10000 >> _BUCKET_SHIFT))
        b = code >> _BUCKET_SHIFT
        known = high[b]
        if type(known) is dict:
            return known
        meaning = self.meaning(key, self.resolve(key, code))
        if known is None:
            # Every code of the bucket resolves alike when no exact code of
            # any step, no registration and no mask finer than a byte is in
            # it: then the bucket's meaning answers every later miss.
            mixed = _MIXED_BUCKETS.get(key)
            if mixed is None:
                mixed = _MIXED_BUCKETS.setdefault(key, _mixed_buckets(key))
            uniform = (b not in mixed and not self.buckets[key][b][0]
                       and not self.buckets[None][b][0])
            high[b] = meaning if uniform else _MIXED
        return meaning

    def extended(self, additions: Iterable[CustomStatus], override: bool) -> _Tables:
        """New tables with ``additions`` registered in order; raises, leaving
        ``self`` untouched, if any of them conflicts.  Only the commands
        touched are copied: their exact codes (at most an enum's size) and
        bucket index, and then only the buckets a registration meets."""
        exact = self.exact
        buckets: dict[_Key, Any] = dict(self.buckets)
        copied: set[_Key] = set()
        exact_copied: set[_Key] = set()
        batch = tuple(additions)
        for status in batch:
            key = status.command
            if key not in copied:
                buckets[key] = list(buckets[key])
                copied.add(key)
            entry = _add(buckets[key], status, override)
            # With override, the standard's exact codes in range are redefined.
            for code in _standard_codes(key, status.code, status.end) if override else ():
                if key not in exact_copied:
                    if exact is self.exact:
                        exact = dict(exact)
                    exact[key] = dict(exact[key])
                    exact_copied.add(key)
                exact[key][code] = entry
        log = self.log
        if batch:
            if len(log) != self.count:  # another generation has appended
                log = log[:self.count]
            log.extend(batch)
        return _Tables(exact, buckets, log, self.count + len(batch))


_STANDARD_EXACT = {key: _standard_exact(key) for key in _ENUMS}
# Each command's exact standard codes, sorted, and their members.
_STANDARD_CODES = {key: sorted(_STANDARD_EXACT[key]) for key in _ENUMS}
_STANDARD_MEMBERS = {key: {m.value: m for m in _ENUMS[key] if not m.is_masked} for key in _ENUMS}


def _mixed_buckets(key: _Key) -> frozenset[int]:
    """The buckets of 256 codes in which ``key``'s codes may not all resolve
    alike (with no registration): those holding an exact code of any step
    (the command's, the general codes, 0001, FF00 and FF01), or every bucket
    if a mask is finer than a byte."""
    if any(bits & 0xFF for bits, _ in _MASKS[key]):
        return frozenset(range(0x10000 >> _BUCKET_SHIFT))
    codes = {*_STANDARD_CODES[key], *_STANDARD_CODES[None], *_CODE_CLASS_ENTRIES}
    return frozenset(code >> _BUCKET_SHIFT for code in codes)


_MIXED_BUCKETS: dict[_Key, frozenset[int]] = {}  # made on a command's first miss
_MIXED = False  # a bucket whose codes are resolved one by one
_MEANINGS_LIMIT = 1024  # shared meanings kept per registry generation


def _standard_codes(key: _Key, first: int, last: int) -> list[int]:
    """The exact standard codes of ``key`` in ``first..last``."""
    codes = _STANDARD_CODES[key]
    return codes[bisect_left(codes, first):bisect_right(codes, last)]


def _standard_conflict(status: CustomStatus) -> str | None:
    """Why ``status`` would redefine the standard, or ``None`` if it does not."""
    key, first, last = status.command, status.code, status.end
    for code in _standard_codes(key, first, last)[:1]:
        m = _STANDARD_MEMBERS[key][code]
        where = key.label if key is not None else "any command"
        return (
            f"0x{m.value:04X} is already defined for {where} as "
            f"{type(m).__name__}.{m.name} ({m.type.value}: {m.description}); "
            "pass override=True to redefine it"
        )
    for low, high, m in _MASK_SPANS[key]:
        if m.type is not status.type and first <= high and low <= last:
            return (
                f"{status} lies in {type(m).__name__}.{m.name} ({m.pattern}), which is a "
                f"{m.type.value}; a code inside a standard range keeps the range's type "
                "unless override=True"
            )
    return None


def _overlapped(bucket: _Bucket, first: int, last: int) -> tuple[int, int]:
    """The slice of ``bucket``'s segments that meet ``first..last``."""
    starts, segments = bucket
    lo = bisect_right(starts, first) - 1
    if lo < 0 or segments[lo].end < first:
        lo += 1
    return lo, bisect_right(starts, last)


def _add(index: list[_Bucket], status: CustomStatus, override: bool) -> _Entry:
    """Register ``status`` into one command's (copied) bucket index; its entry."""
    first, last = status.code, status.end
    entry: _Entry = (None, status.type, status.description, status.related_attributes)
    b_first, b_last = first >> _BUCKET_SHIFT, last >> _BUCKET_SHIFT
    head: CustomStatus | None = None
    tail: CustomStatus | None = None
    for b in range(b_first, b_last + 1):
        bucket = index[b]
        if bucket[0]:
            lo, hi = _overlapped(bucket, first, last)
            if lo < hi:
                if head is None:
                    head = bucket[1][lo]
                tail = bucket[1][hi - 1]
    if not override:
        conflict = _standard_conflict(status)
        if conflict is not None:
            raise StatusConflictError(conflict)
        if head is not None:
            raise StatusConflictError(
                f"{status} overlaps the registered 0x{head.code:04X}-0x{head.end:04X} "
                f"({head.type.value}: {head.description}); pass override=True to replace it"
            )
    if head is None and b_first == b_last:  # the usual case: one bucket, nothing replaced
        starts, segments = index[b_first]
        i = bisect_right(starts, first)
        index[b_first] = (starts[:i] + (first,) + starts[i:],
                          segments[:i] + (status,) + segments[i:])
        return entry
    pieces: list[CustomStatus] = [status]
    span_first, span_last = first, last
    if head is not None and head.code < first:
        pieces.insert(0, head._replace(end=first - 1))
        span_first = head.code
    if tail is not None and tail.end > last:
        pieces.append(tail._replace(code=last + 1))
        span_last = tail.end
    # Every bucket the old segments or the new pieces meet is rebuilt.
    for b in range(span_first >> _BUCKET_SHIFT, (span_last >> _BUCKET_SHIFT) + 1):
        starts, segments = index[b]
        lo, hi = _overlapped(index[b], first, last)
        low, high = b << _BUCKET_SHIFT, ((b + 1) << _BUCKET_SHIFT) - 1
        new = tuple(p for p in pieces if p.code <= high and p.end >= low)
        index[b] = (starts[:lo] + tuple(p.code for p in new) + starts[hi:],
                    segments[:lo] + new + segments[hi:])
    return entry


def _custom_status(
    code: object,
    code_type: object,
    description: object,
    end: object = None,
    command: object = None,
    related_attributes: object = (),
) -> CustomStatus:
    first = check_code(code)
    last = first if end is None else check_code(end, "end code")
    if last < first:
        raise ValueError(f"end code 0x{last:04X} is below code 0x{first:04X}")
    if not isinstance(description, str):
        raise TypeError(f"description must be a str, not {described(description)}")
    return CustomStatus(
        first, last, StatusType.parse(code_type), str.__str__(description),  # type: ignore[arg-type]
        _check_command(command), check_tags(related_attributes, "related_attributes"),
    )


# One lock serialises the registrations of every registry.  A child process
# forked while another thread held it gets a new one: the child has no such
# thread, and the published tables are whole (see _publish).
_lock = allocate_lock()


def _new_lock_after_fork() -> None:
    global _lock
    _lock = allocate_lock()


if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_new_lock_after_fork)


@final
class StatusRegistry:
    """The statuses an application adds to the standard's.

    ``Status(code, command, registry=r)`` resolves against ``r``; without
    ``registry`` the process-wide :data:`default_registry` is used.  A new
    registry knows the standard's statuses and nothing else.  Registries can
    be copied (``copy()``, :mod:`copy`) and pickled: a copy has the same
    registrations and is independent from then on.
    """

    __slots__ = ("__weakref__", "_memo", "_tables")

    def __init__(self) -> None:
        self._publish(_Tables.standard())

    def _publish(self, tables: _Tables) -> None:
        # One assignment makes a generation visible to resolvers; ``_memo``
        # (read by Status()'s fast path) follows, so a resolver sees the
        # previous generation or this one, each whole.
        global _default_memo
        self._tables = tables
        self._memo = tables.memo
        if self is _default:
            _default_memo = tables.memo

    def add(
        self,
        code: SupportsIndex,
        code_type: StatusType | str,
        description: str,
        end: SupportsIndex | None = None,
        command: Command | None = None,
        *,
        related_attributes: Iterable[int] = (),
        override: bool = False,
    ) -> CustomStatus:
        """Register ``code`` (to ``end``, inclusive) as ``description`` for
        ``command`` (``None``: for every command).

        Raises :class:`StatusConflictError` if it redefines a code the
        standard defines exactly for that command, gives a code inside a
        standard masked range another type, or overlaps an earlier
        registration, unless ``override`` is true; then it wins.
        """
        status = _custom_status(code, code_type, description, end, command, related_attributes)
        with _lock:
            self._publish(self._tables.extended((status,), override))
        return status

    def add_many(self, statuses: Iterable[CustomStatus], *, override: bool = False) -> None:
        """Register several statuses at once: all of them, or none if any fails."""
        checked = [
            _custom_status(s.code, s.type, s.description, s.end, s.command, s.related_attributes)
            if isinstance(s, CustomStatus)
            else _not_custom(s)
            for s in statuses
        ]
        with _lock:
            self._publish(self._tables.extended(checked, override))

    def _add_as_seed(self, status: CustomStatus, single: bool) -> None:
        """Register ``status`` by pynetdicom2's rules (see :func:`add_status_as_seed`)."""
        with _lock:
            tables = self._tables
            if single:
                pieces = [status]
            else:
                vacant = tables.vacant(status.command, status.code, status.end)
                pieces = [status._replace(code=first, end=last) for first, last in vacant]
            self._publish(tables.extended(pieces, override=True))

    @property
    def custom_statuses(self) -> tuple[CustomStatus, ...]:
        """Every registration, oldest first."""
        return self._tables.custom_statuses()

    def clear(self) -> None:
        """Forget every registration: only the standard's statuses remain."""
        with _lock:
            self._publish(_Tables.standard())

    def restore_standard(self) -> None:
        """Drop the registrations that redefine a standard status; keep the rest."""
        with _lock:
            keep = [s for s in self.custom_statuses if _standard_conflict(s) is None]
            self._publish(_Tables.standard().extended(keep, override=True))

    def copy(self) -> StatusRegistry:
        """A new registry with the same registrations."""
        new = StatusRegistry()
        new._publish(self._tables.extended((), override=True))
        return new

    __copy__ = copy

    def __deepcopy__(self, memo: dict[int, object]) -> StatusRegistry:
        return self.copy()

    def __reduce__(self) -> tuple[Any, ...]:
        return (_registry_of, (self.custom_statuses,))

    def __repr__(self) -> str:
        return f"<StatusRegistry with {self._tables.count} custom statuses>"


def _registry_of(statuses: tuple[CustomStatus, ...]) -> StatusRegistry:
    """A registry with these registrations (in order, each winning over the
    ones before, as they did when they were made): unpickling."""
    registry = StatusRegistry()
    registry.add_many(statuses, override=True)
    return registry


def _not_custom(value: object) -> NoReturn:
    raise TypeError(f"expected a CustomStatus, not {described(value)}")


def _registry(registry: object) -> StatusRegistry:
    """``registry``, or the default one for ``None``; ``TypeError`` naming anything else."""
    if registry is None:
        return default_registry
    if type(registry) is StatusRegistry:
        return registry
    what = described(registry)
    if isinstance(registry, type) and issubclass(registry, StatusRegistry):
        raise TypeError(
            f"registry must be a StatusRegistry instance, not the class {registry.__name__} "
            "itself: pass StatusRegistry() or a registry you made"
        )
    if isinstance(registry, StatusRegistry):
        raise TypeError(
            f"registry must be a StatusRegistry, not an instance of its subclass "
            f"{type(registry).__name__}: subclasses are not supported"
        )
    raise TypeError(f"registry must be a StatusRegistry or None, not {what}")


_default: StatusRegistry | None = None
_default_memo: dict[_Key, dict[Any, Any]] = {}
default_registry = _default = StatusRegistry()
"""The process-wide registry that ``Status`` uses when given none."""
_default_memo = default_registry._memo  # pyright: ignore[reportPrivateUsage]


class _StatusMeta(type):
    """Status's metaclass: ``Status(...)`` answers from the memo before any
    ``__new__`` is looked up, which saves a tenth of a call.

    Type checkers do not see ``__call__``, so they type ``Status(...)`` by
    the overloads of ``__new__`` in ``_signatures.pyi``.
    """

    if not TYPE_CHECKING:

        def __call__(cls, code, command=None, service=None, *, registry=None):
            # Fast path: a plain int already resolved for this command (and
            # service) in the default registry (None) or a StatusRegistry.
            # The memo only holds valid codes, and the exact-type checks keep
            # a bool, a float, an int posing as a command or anything posing
            # as a registry from finding a memoized status; services hash by
            # identity, so nothing but a Service finds a service's memo (a
            # service's memo sits in its command's memo under the Service
            # key; anything else found there is a Status, which has no []).
            # Every command has a memo (see _Tables), so a miss is a code not
            # seen yet: _miss makes its status without checking anything
            # twice.  Memos are only read here, never iterated: no lock is
            # needed.  (The branches are written out: one shared ``memo``
            # local costs the default registry 2-3 ns a call.)
            if code.__class__ is int and (command.__class__ is Command or command is None):
                if registry is None:
                    if service is None:
                        memo = _default_memo[command]
                        status = memo.get(code)
                        if status is not None:
                            return status
                        return _miss(memo, command, code)
                    try:
                        return _default_memo[command][service][code]
                    except (KeyError, TypeError):
                        pass
                elif registry.__class__ is StatusRegistry:
                    try:
                        if service is None:
                            return registry._memo[command][code]
                        return registry._memo[command][service][code]
                    except (KeyError, TypeError):
                        pass
            return _resolve(cls, code, command, service, registry)


def _from_dataset(
    cls: type[Status[Any]], ds: Dataset, command: Command | None = None,
    service: Service | None = None, *, registry: StatusRegistry | None = None,
) -> Status[Any]:
    """The status of a response's command set, read from a pydicom Dataset
    such as the one pynetdicom's ``send_c_*`` calls return, with the
    attributes it carried (:attr:`Status.details`).

    ``command`` may be left out when the dataset has a Command Field
    (0000,0100); if both are there they must agree.  Missing optional
    attributes, an overlong Error Comment and counts on a final response
    are accepted as sent; a dataset without a 16-bit Status (0000,0900)
    raises ``ValueError``, and an empty one (what pynetdicom returns after
    an abort, a release or a timeout) :class:`~dimse_status.NoResponseError`,
    a ``ValueError``.  Needs pydicom (``pip install
    'dimse-status[pydicom]'``).
    """
    from .dataset import read

    code, field_command, details = read(ds)
    if command is None:
        command = field_command
    elif field_command is not None and field_command is not _check_command(command):
        raise ValueError(
            f"the dataset's Command Field is {field_command.label}, not {command.label}"
        )
    status = _resolve(cls, code, command, service, registry)
    return status if details == EMPTY_DETAILS else status._with(details)  # pyright: ignore[reportPrivateUsage]


@final
class Status(_StatusBase[M_co], metaclass=_StatusMeta):
    """A status code as received, with its meaning for a command.

    ``Status(0xA7F3, Command.C_STORE)`` resolves to
    ``CStoreStatus.OUT_OF_RESOURCES``; ``.code`` stays 0xA7F3.  With
    ``service=``, the service's own statuses for the command come first:
    ``Status(0xC310, Command.N_ACTION, service=Service.UNIFIED_PROCEDURE_STEP)``
    is ``UPSNActionStatus.NOT_YET_IN_PROGRESS``.  A member alone brings its
    command: ``Status(CStoreStatus.OUT_OF_RESOURCES)`` reads it for C-STORE.

    A status is an ``int`` whose value is the code as received, as
    ``HTTPStatus`` is: a pynetdicom handler may return it, ``status == 0xA7F3``,
    ``f"{status:04X}"``; equality and hash are the code's.  Statuses are
    immutable.
    """

    # A status's attributes are plain instance attributes (its __dict__ is
    # shared by every status of the same meaning for the same command and
    # service, see _meaning()), so reading one costs what reading any int
    # subclass's attribute costs; type checkers see read-only properties.
    if TYPE_CHECKING:

        @property
        def command(self) -> Command | None:
            """The command the status answers, if known."""
            ...

        @property
        def service(self) -> Service | None:
            """The service class whose statuses were read first, if given."""
            ...

        @property
        def type(self) -> StatusType:
            """Success, Warning, Failure, Cancel or Pending."""
            ...

        @property
        def description(self) -> str:
            """What the status means for the command."""
            ...

        @property
        def member(self) -> M_co | None:
            """The member of the command's enum (``GeneralStatus`` without a
            command; the service's enum for the command with ``service=``)
            that the code resolves to, masked ranges included; ``None`` when
            the code is not one of the enum's statuses."""
            ...

        @property
        def is_success(self) -> bool:
            """Whether the status is Success (0000) (PS3.7 Annex C)."""
            ...

        @property
        def is_warning(self) -> bool:
            """Whether the status is a Warning: done, with something to report (PS3.7 Annex C)."""
            ...

        @property
        def is_failure(self) -> bool:
            """Whether the status is a Failure: the operation was not performed (PS3.7 Annex C)."""
            ...

        @property
        def is_cancel(self) -> bool:
            """Whether the status is Cancel: terminated by a C-CANCEL (PS3.7 Annex C)."""
            ...

        @property
        def is_pending(self) -> bool:
            """Whether the status is Pending: more responses follow (PS3.7 Annex C)."""
            ...

        @property
        def code(self) -> int:
            """The raw code as received: 0xA7F3 stays 0xA7F3."""
            ...

    else:
        # int(status), without a Python frame
        code = property(int.__int__, doc="The raw code as received: 0xA7F3 stays 0xA7F3.")

    if not TYPE_CHECKING:
        # Type checkers read the overloads of _signatures.pyi instead.

        def __new__(cls, code, command=None, service=None, *, registry=default_registry):
            # Status(...) is answered by _StatusMeta.__call__ (the memo, then
            # _resolve); this runs only for an explicit Status.__new__(Status, ...).
            return _resolve(cls, code, command, service, registry)

        from_dataset = classmethod(_from_dataset)

    def to_dataset(
        self, *, strict: bool = False, registry: StatusRegistry | None = None
    ) -> Dataset:
        """The response status Dataset: Status (0000,0900) and the attributes
        of :attr:`details` that are set.  Needs pydicom.

        With ``strict=True``, a code the standard does not list for the
        command (see :func:`dimse_status.is_permitted`; custom statuses of
        ``registry`` count as listed) raises ``ValueError`` naming what the
        command permits, instead of building a response no peer expects.
        """
        from .dataset import write

        if strict:
            from .permitted import refuse_unpermitted

            refuse_unpermitted(self, registry)
        return write(self.code, self.details)

    @property
    def is_permitted(self) -> bool:
        """Whether the standard lists the code for :attr:`command` (in
        :attr:`service`), a masked range or a custom status of the default
        registry included: :func:`dimse_status.is_permitted`."""
        from .permitted import is_permitted

        return is_permitted(int(self), self.command, self.service)

    def with_details(
        self,
        *,
        offending_element: Iterable[int] | None = None,
        error_comment: str | None = None,
        error_id: int | None = None,
        remaining: int | None = None,
        completed: int | None = None,
        failed: int | None = None,
        warning: int | None = None,
    ) -> Self:
        """This status carrying these attributes, e.g. for a handler's
        response: ``Status(0xC001, Command.C_STORE).with_details(error_comment="...")``.

        Raises ``ValueError`` naming an attribute the standard does not let
        travel with this status (Error Comment with Success, counts with a
        C-STORE status ...), or a value its VR does not allow.
        """
        from .dataset import check_details

        tags = () if offending_element is None else check_tags(
            offending_element, "Offending Element (0000,0901)")
        details = StatusDetails(
            tags, error_comment, error_id, remaining, completed, failed, warning,
        )
        details = check_details(details, self.code, self.type, self.related_attributes,
                                str(self) + self._where())
        return self._with(details)

    def _where(self) -> str:
        where = "" if self.command is None else f" for {self.command.label}"
        if self.service is not None:
            where += f" in {self.service.title}"
        return where

    def _with(self, details: StatusDetails) -> Self:
        copy = _int_new(type(self), self)
        _set_dict(copy, {**vars(self), "_details": details})
        return copy

    @property
    def details(self) -> StatusDetails:
        """The attributes the response carried with its status (from
        :meth:`from_dataset` or :meth:`with_details`); empty otherwise."""
        details: StatusDetails = vars(self).get("_details", EMPTY_DETAILS)
        return details

    @property
    def error_comment(self) -> str | None:
        """Error Comment (0000,0902), if the response carried one."""
        return self.details.error_comment

    @property
    def offending_element(self) -> tuple[int, ...]:
        """Offending Element (0000,0901): the tags in error, if any."""
        return self.details.offending_element

    @property
    def error_id(self) -> int | None:
        """Error ID (0000,0903), if the response carried one."""
        return self.details.error_id

    @property
    def sub_operations(self) -> SubOperations:
        """The sub-operation counts (0000,1020)-(0000,1023); ``None`` where absent."""
        d = self.details
        return SubOperations(d.remaining, d.completed, d.failed, d.warning)

    @property
    def related_attributes(self) -> tuple[int, ...]:
        """Command set tags that may travel with the status, e.g. ``0x00000902``."""
        related: tuple[int, ...] | None = vars(self).get("_related")
        if related is None:
            member = self.member
            related = () if member is None else member.related_attributes
        return related

    @property
    def is_standard(self) -> bool:
        """Whether PS3.7 Annex C gives the code a Status Class (DCMTK's
        ``DICOM_STANDARD_STATUS``).  False for 0002-00FF, 0300-9FFF,
        D000-FDFF, FE01-FEFF and FF02-FFFF, which implementations shall not
        send: such a code reads as an unknown Failure (the seed's fallback)
        unless a registered status defines it."""
        return annex_c_class(int(self)) is not None

    @property
    def related_attribute_names(self) -> tuple[str, ...]:
        """The related attributes as DICOM writes tags: ``("(0000,0902)",)``."""
        return tuple(format_tag(tag) for tag in self.related_attributes)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Status is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Status is immutable; cannot delete {name!r}")

    # int gives equality, hash, ordering and format (f"{status:04X}"); a
    # copy or a pickle is resolved again, so it is the memo's status.
    def __reduce__(self) -> tuple[Any, ...]:
        # The meaning travels with the code: a status from a custom registry
        # (or registered in another process) keeps it when unpickled.
        meaning = (self.member, self.type, self.description, self.related_attributes)
        return (_unpickle, (int(self), self.command, self.service, tuple(self.details),
                            meaning))

    def __copy__(self) -> Self:
        return self  # immutable

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        return self

    def __str__(self) -> str:
        return f"(0x{self.code:04X}) {self.type.value}: {self.description}"

    def __repr__(self) -> str:
        command = "" if self.command is None else f", Command.{self.command.name}"
        service = "" if self.service is None else f", service=Service.{self.service.name}"
        details = ", ".join(
            f"{name}=({''.join(f'0x{tag:08X}, ' for tag in value).rstrip()})"
            if name == "offending_element" else f"{name}={value!r}"
            for name, value in self.details._asdict().items()
            if value is not None and value != ()
        )
        details = f".with_details({details})" if details else ""
        return f"Status(0x{self.code:04X}{command}{service}){details}"


def as_status(value: object) -> Status[Any] | None:
    """``value`` if it is a :class:`Status`, else ``None``.  (A Status is an
    ``int``: narrowing an ``int`` with ``isinstance`` would lose the type
    argument for the checkers.)"""
    if isinstance(value, Status):
        status: Status[Any] = value  # pyright: ignore[reportUnknownVariableType]
        return status
    return None


def _unpickle(
    code: int, command: Command | None, service: Service | None,
    details: tuple[Any, ...] = (), meaning: _Entry | None = None,
) -> Status[Any]:
    """A pickled status, with its meaning (pickles made without one, by
    earlier versions, resolve the code in the default registry)."""
    if meaning is None:
        status = _resolve(Status, code, command, service, None)
    else:
        status = _new_status(Status, code, command, service, meaning)
    return status._with(StatusDetails(*details)) if details else status  # pyright: ignore[reportPrivateUsage]


def _check_service(service: object, command: Command | None) -> Service | None:
    if service is None or isinstance(service, _load_services()):
        if service is not None and command is None:
            raise TypeError(
                f"service={service!r} needs a command: a service's statuses depend on the "
                "command it answers"
            )
        return service
    raise TypeError(
        f"service must be a dimse_status.Service or None, not {described(service)} "
        "(use Service.parse())"
    )


def _context_of(member: StatusEnum) -> tuple[Command | None, Service | None]:
    """The command, and service, whose enum ``member`` is of: what
    ``Status(member)`` reads it for."""
    enum = type(member)
    command = _COMMAND_OF.get(enum)
    if command is not None or enum is GeneralStatus or "dimse_status.services" not in modules:
        return command, None
    from .services import SERVICE_CONTEXTS

    service, command = SERVICE_CONTEXTS.get(enum, (None, None))
    return command, service


_COMMAND_OF = {enum: command for command, enum in COMMAND_ENUMS.items()}


def _resolve(
    cls: type[Status[Any]], code: object, command: object, service: object, registry: object
) -> Status[Any]:
    """The slow path of ``Status()``: validate, resolve, remember.

    Safe from any number of threads without a lock: a memo is only ever
    changed by single dict operations, and is iterated only as a copy.
    """
    tables = _registry(registry)._tables  # pyright: ignore[reportPrivateUsage]
    value = code if type(code) is int and 0 <= code <= 0xFFFF else check_code(code)
    key = command if command is None or type(command) is Command else _check_command(command)
    if key is None and service is None and isinstance(code, StatusEnum):
        key, service = _context_of(code)
    context = _check_service(service, key)
    memo: dict[Any, Any] = tables.memo[key]
    if context is not None:
        if tables.service_memo_size >= _SERVICE_MEMO_LIMIT:
            # Evict every service's memo.  Another thread may be adding to
            # or evicting the same dicts: iterate copies, and pop what may
            # already be gone.
            tables.service_memo_size = 0
            for by_code in tables.memo.copy().values():
                for memo_key in by_code.copy():
                    if memo_key.__class__ is not int:
                        by_code.pop(memo_key, None)
        memo = memo.setdefault(context, {})
    status = memo.get(value)
    if status is None:
        if context is None:
            meaning = tables.command_meaning(key, value)
        else:
            meaning = _meaning(tables.resolve_in(context, key, value), key, context)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        status = _int_new(cls, value)
        _set_dict(status, meaning)
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[value] = status
        if context is not None:
            tables.service_memo_size += 1
    return status


def _miss(memo: dict[int, Status[Any]], command: Command | None, code: int) -> Status[Any]:
    """``Status(code, command)`` in the default registry when ``memo`` (the
    command's) does not have it yet; ``Status()`` has checked the types of
    code and command."""
    if 0 <= code <= 0xFFFF:
        tables = default_registry._tables  # pyright: ignore[reportPrivateUsage]
        high = tables.high.get(command)
        meaning = None if high is None else high[code >> _BUCKET_SHIFT]
        if type(meaning) is not dict:
            meaning = tables.command_meaning(command, code)
        status: Status[Any] = _int_new(Status, code)  # pyright: ignore[reportUnknownVariableType]
        _set_dict(status, meaning)
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[code] = status
        return status
    return _resolve(Status, code, command, None, None)


def _meaning(entry: _Entry, command: Command | None, service: Service | None) -> _Meaning:
    """The ``__dict__`` of the statuses that mean ``entry`` for ``command``
    in ``service``: ten keys (a dict of ten keys is half the size of one of
    eleven), plus ``_related`` where the member does not give them."""
    member, type_, description, related = entry
    meaning: _Meaning = {
        "command": command, "service": service, "member": member, "type": type_,
        "description": description,
        "is_success": type_ is StatusType.SUCCESS, "is_warning": type_ is StatusType.WARNING,
        "is_failure": type_ is StatusType.FAILURE, "is_cancel": type_ is StatusType.CANCEL,
        "is_pending": type_ is StatusType.PENDING,
    }
    if related != (() if member is None else member.related_attributes):
        meaning["_related"] = related
    return meaning


def _new_status(
    cls: type[Status[Any]], code: int, command: Command | None, service: Service | None,
    entry: _Entry,
) -> Status[Any]:
    """A status with this meaning, without details."""
    status = _int_new(cls, code)
    _set_dict(status, _meaning(entry, command, service))
    return status


# What makes a status: a new int of the class, given its shared attributes.
_int_new = int.__new__
_set_dict: Callable[[object, _Meaning], None] = Status.__dict__["__dict__"].__set__


def add_status(
    code: SupportsIndex,
    code_type: StatusType | str,
    description: str,
    end: SupportsIndex | None = None,
    command: Command | None = None,
    *,
    related_attributes: Iterable[int] = (),
    override: bool = False,
    registry: StatusRegistry | None = None,
) -> CustomStatus:
    """Register a status in ``registry`` (the default one if ``None``); see
    :meth:`StatusRegistry.add`."""
    return _registry(registry).add(
        code, code_type, description, end, command,
        related_attributes=related_attributes, override=override,
    )


def add_status_as_seed(
    code: object, code_type: object, description: object, end: object = None,
    command: Command | None = None,
) -> None:
    """``compat.add_status``: register in the default registry in pynetdicom2's
    order.  A single code (``end`` None) wins over everything registered
    before it for its command, standard statuses included; a range takes
    only the codes that no exact code, earlier range or standard status of
    its command defines (pynetdicom2 tries a command's exact codes, then its
    ranges in the order registered, then the same for no command)."""
    status = _custom_status(code, code_type, description, end, command)
    default_registry._add_as_seed(status, end is None)  # pyright: ignore[reportPrivateUsage]


def register_statuses(registry: StatusRegistry | None = None) -> None:
    """Make the standard's statuses win again, as the seed's
    ``register_statuses()`` does: drop the registrations that redefine a
    standard status, keep the others."""
    _registry(registry).restore_standard()
