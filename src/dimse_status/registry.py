"""The status registries: the statuses an application adds to the standard's.

``StatusRegistry`` holds the registered statuses (:class:`CustomStatus`) on
top of the standard's tables (:mod:`dimse_status._tables`); ``add_status``
and ``register_statuses`` work on the process-wide ``default_registry``.
:mod:`dimse_status.resolve` reads a registry's tables to make a ``Status``.

Registries are copy-on-write: a registration builds new tables under a lock
and publishes them with one assignment, so a thread that resolves sees either
all of a registration or none of it.  Each table set keeps a small bounded
memo of the statuses it has resolved.
"""

from __future__ import annotations

import os as _os
from _thread import allocate_lock
from bisect import bisect_right
from collections import namedtuple

from ._tables import (
    BUCKET_SHIFT,
    ENUMS,
    MASK_SPANS,
    MASKS,
    SERVICE_TABLES,
    STANDARD_EXACT,
    STANDARD_MEMBERS,
    class_entry,
    member_codes,
    mixed_buckets,
    permitted_patterns,
    standard_codes,
)
from ._typechecking import TYPE_CHECKING, final
from .base import Command, StatusType, check_code, check_command, described
from .dataset import check_tags

# Only type checkers import typing (see _typechecking.py).
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any, NamedTuple, SupportsIndex

    from typing_extensions import NoReturn

    from ._tables import Entry, Key
    from .services import Service

    class _CustomStatusFields(NamedTuple):
        code: int
        end: int
        type: StatusType
        description: str
        command: Command | None = None
        related_attributes: tuple[int, ...] = ()

    # A status's attributes (its __dict__), shared by the statuses of one
    # meaning for one command and service: see meaning_of()
    Meaning = dict[str, Any]
    # The first codes of the registrations (cut to where each still holds)
    # that meet 256 codes, and those registrations, sorted and disjoint
    _Bucket = tuple[tuple[int, ...], tuple["CustomStatus", ...]]
else:
    _CustomStatusFields = namedtuple(
        "_CustomStatusFields", "code end type description command related_attributes",
        defaults=(None, ()),
    )

__all__ = [
    "CustomStatus",
    "StatusConflictError",
    "StatusRegistry",
    "add_status",
    "default_registry",
    "register_statuses",
]

MEMO_LIMIT = 256  # statuses kept per command and registry generation
SERVICE_MEMO_LIMIT = 1024  # statuses kept for all service contexts together

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


# Custom statuses are kept per command as sorted, disjoint segments (each a
# CustomStatus, cut to the codes where it still holds), filed in 256 buckets
# of 256 codes: a bucket holds every segment that meets its codes, with their
# first codes for bisect.  A registration copies the bucket index (256
# references) and rebuilds only the buckets it touches, so its cost does not
# grow with the number of registrations, and it keeps no object but its
# CustomStatus (few objects for the garbage collector to walk).
_NO_SEGMENTS: _Bucket = ((), ())
_EMPTY_INDEX: tuple[_Bucket, ...] = (_NO_SEGMENTS,) * (0x10000 >> BUCKET_SHIFT)


class _Tables:
    """One immutable generation of a registry's resolution tables.

    ``log[:count]`` are its registrations, oldest first.  The list is shared
    with the generations before and after it, each seeing its own prefix: a
    registration appends to it (under the registration lock), unless another
    generation already has, and then it copies the prefix first.
    """

    __slots__ = ("buckets", "count", "exact", "high", "log", "meanings", "memo",
                 "registry", "service_memo_size")

    def __init__(
        self,
        exact: dict[Key, dict[int, Entry]],
        buckets: dict[Key, Sequence[_Bucket]],
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
        self.memo: dict[Key, dict[Any, Any]] = {key: {} for key in ENUMS}
        self.service_memo_size = 0  # statuses in all the services' memos
        # command -> 256 buckets of 256 codes: the meaning every code of the
        # bucket has (a bucket without exact codes, registrations or masks
        # finer than a byte), _MIXED, or None while not yet seen (made on a
        # command's first miss).  What a memo miss reads before resolving.
        self.high: dict[Key, list[Meaning | bool | None]] = {}
        # (command, meaning's identity) -> the meaning, as statuses share it
        self.meanings: dict[tuple[Any, ...], Meaning] = {}
        # The registry that published these tables, None for the default
        # one: what its statuses remember (see meaning_of).
        self.registry: StatusRegistry | None = None

    @classmethod
    def standard(cls) -> _Tables:
        return cls({key: STANDARD_EXACT[key] for key in ENUMS},
                   {key: _EMPTY_INDEX for key in ENUMS}, [], 0)

    def custom_statuses(self) -> tuple[CustomStatus, ...]:
        return tuple(self.log[:self.count])

    def custom(self, key: Key, code: int) -> Entry | None:
        starts, segments = self.buckets[key][code >> BUCKET_SHIFT]
        if starts:
            i = bisect_right(starts, code) - 1
            if i >= 0:
                s = segments[i]
                if code <= s.end:
                    return (None, s.type, s.description, s.related_attributes)
        return None

    def vacant(self, key: Key, first: int, last: int) -> list[tuple[int, int]]:
        """The codes of ``first..last`` that ``key``'s own tables leave
        undefined (no exact code, registration or mask of that command), as
        (first, last) runs: where a pynetdicom2 range still has a say."""
        # (Only the standard's exact codes are ever in ``exact``.)
        taken = [(c, c) for c in standard_codes(key, first, last)]
        index = self.buckets[key]
        for b in range(first >> BUCKET_SHIFT, (last >> BUCKET_SHIFT) + 1):
            _, segments = index[b]
            lo, hi = _overlapped(index[b], first, last)
            taken += [(s.code, s.end) for s in segments[lo:hi]]
        taken += [(low, high) for low, high, _ in MASK_SPANS[key]]
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

    def resolve(self, command: Key, code: int) -> Entry:
        entry = self.exact[command].get(code)
        if entry is not None:
            return entry
        entry = self.custom(command, code)
        if entry is not None:
            return entry
        if command is None:
            return class_entry(code)
        for bits, table in MASKS[command]:
            entry = table.get(code & bits)
            if entry is not None:
                return entry
        entry = self.custom(None, code)
        if entry is not None:
            return entry
        entry = self.exact[None].get(code)
        if entry is not None:
            return (None, entry[1], entry[2], entry[3])
        return class_entry(code)

    def resolve_in(self, service: Service, command: Command, code: int) -> Entry:
        """Step 0, then the command's steps."""
        if service.excludes(command, code):  # not in the service's table (GG.4.2)
            return class_entry(code)
        tables = SERVICE_TABLES.get((service, command))
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

    def meaning(self, key: Key, entry: Entry) -> Meaning:
        """The attributes that every status of ``entry``'s meaning for
        ``key`` (without a service) shares: one dict for them all.  (A
        service's statuses, at most SERVICE_MEMO_LIMIT of them spread over
        hundreds of contexts, take less memory each with its own.)"""
        member, type_, description, related = entry
        cache_key = (key, id(member), id(type_), description, related)
        meaning = self.meanings.get(cache_key)
        if meaning is None:
            if len(self.meanings) >= _MEANINGS_LIMIT:
                self.meanings.clear()
            meaning = self.meanings.setdefault(
                cache_key, meaning_of(entry, key, None, self.registry))
        return meaning

    def command_meaning(self, key: Key, code: int) -> Meaning:
        """What ``code`` means for ``key`` (no service): its bucket's meaning
        when the bucket is uniform, else resolved; a bucket is classified
        the first time one of its codes is resolved."""
        high = self.high.get(key)
        if high is None:
            high = self.high.setdefault(key, [None] * (0x10000 >> BUCKET_SHIFT))
        b = code >> BUCKET_SHIFT
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
                mixed = _MIXED_BUCKETS.setdefault(key, mixed_buckets(key))
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
        buckets: dict[Key, Any] = dict(self.buckets)
        copied: set[Key] = set()
        exact_copied: set[Key] = set()
        batch = tuple(additions)
        for status in batch:
            key = status.command
            if key not in copied:
                buckets[key] = list(buckets[key])
                copied.add(key)
            entry = _add(buckets[key], status, override)
            # With override, the standard's exact codes in range are redefined.
            for code in standard_codes(key, status.code, status.end) if override else ():
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



_MIXED_BUCKETS: dict[Key, frozenset[int]] = {}  # made on a command's first miss
_MIXED = False  # a bucket whose codes are resolved one by one
_MEANINGS_LIMIT = 1024  # shared meanings kept per registry generation


def _standard_conflict(status: CustomStatus) -> str | None:
    """Why ``status`` would redefine the standard, or ``None`` if it does not."""
    key, first, last = status.command, status.code, status.end
    for code in standard_codes(key, first, last)[:1]:
        m = STANDARD_MEMBERS[key][code]
        where = key.label if key is not None else "any command"
        return (
            f"0x{m.value:04X} is already defined for {where} as "
            f"{type(m).__name__}.{m.name} ({m.type.value}: {m.description}); "
            "pass override=True to redefine it"
        )
    for low, high, m in MASK_SPANS[key]:
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


def _add(index: list[_Bucket], status: CustomStatus, override: bool) -> Entry:
    """Register ``status`` into one command's (copied) bucket index; its entry."""
    first, last = status.code, status.end
    entry: Entry = (None, status.type, status.description, status.related_attributes)
    b_first, b_last = first >> BUCKET_SHIFT, last >> BUCKET_SHIFT
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
    for b in range(span_first >> BUCKET_SHIFT, (span_last >> BUCKET_SHIFT) + 1):
        starts, segments = index[b]
        lo, hi = _overlapped(index[b], first, last)
        low, high = b << BUCKET_SHIFT, ((b + 1) << BUCKET_SHIFT) - 1
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
        check_command(command), check_tags(related_attributes, "related_attributes"),
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
        # (The default registry's first tables are published while _default
        # is still None.)
        tables.registry = None if self is _default or _default is None else self
        self._tables = tables
        self._memo = tables.memo
        if self is _default:
            for follow in DEFAULT_MEMO_FOLLOWERS:
                follow(tables.memo)

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
        return (_unpickle_registry, (self.custom_statuses,))

    def __repr__(self) -> str:
        return f"<StatusRegistry with {self._tables.count} custom statuses>"


def _unpickle_registry(statuses: tuple[CustomStatus, ...]) -> StatusRegistry:
    """A registry with these registrations (in order, each winning over the
    ones before, as they did when they were made): unpickling."""
    registry = StatusRegistry()
    registry.add_many(statuses, override=True)
    return registry


def _not_custom(value: object) -> NoReturn:
    raise TypeError(f"expected a CustomStatus, not {described(value)}")


def registry_of(registry: object) -> StatusRegistry:
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
# Status()'s fast path (resolve.py) reads the default registry's memo from a
# global of its own (no attribute lookup); it is told here of each new one.
DEFAULT_MEMO_FOLLOWERS: list[Callable[[dict[Key, dict[Any, Any]]], None]] = []
default_registry: StatusRegistry = StatusRegistry()
"""The process-wide registry that ``Status`` uses when given none."""
_default = default_registry


def meaning_of(
    entry: Entry, command: Command | None, service: Service | None,
    registry: StatusRegistry | None = None,
) -> Meaning:
    """The ``__dict__`` of the statuses that mean ``entry`` for ``command``
    in ``service``: ten keys (a dict of ten keys is half the size of one of
    eleven), plus ``_related`` where the member does not give them, and
    ``_registry`` for a registry other than the default one (the one the
    status was resolved with: ``is_permitted`` asks it)."""
    member, type_, description, related = entry
    meaning: Meaning = {
        "command": command, "service": service, "member": member, "type": type_,
        "description": description,
        "is_success": type_ is StatusType.SUCCESS, "is_warning": type_ is StatusType.WARNING,
        "is_failure": type_ is StatusType.FAILURE, "is_cancel": type_ is StatusType.CANCEL,
        "is_pending": type_ is StatusType.PENDING,
    }
    if related != (() if member is None else member.related_attributes):
        meaning["_related"] = related
    if registry is not None:
        meaning["_registry"] = registry
    return meaning



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
    return registry_of(registry).add(
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
    registry_of(registry).restore_standard()


def permits(
    code: object, command: Command | None, service: Service | None = None,
    registry: StatusRegistry | None = None,
) -> bool:
    """Whether ``code`` may answer ``command`` (in ``service``'s context):
    a member's code, a code inside a member's masked range, or a code a
    custom status of ``registry`` (the default one if ``None``) covers, for
    the command or for every command (PS3.7 Annex C: "implementations shall
    not use status codes not listed")."""
    codes = member_codes(command, service)
    value = code if type(code) is int and 0 <= code <= 0xFFFF else check_code(code)
    if value in codes:
        return True
    tables = registry_of(registry)._tables  # pyright: ignore[reportPrivateUsage]
    if not tables.count:
        return False
    return tables.custom(command, value) is not None or tables.custom(None, value) is not None


def refuse_unpermitted(
    code: int, command: Command | None, service: Service | None = None,
    registry: StatusRegistry | None = None,
) -> None:
    """Raise ``ValueError`` if ``code`` may not answer ``command`` (see
    :func:`permits`), naming what the command permits."""
    if permits(code, command, service, registry):
        return
    where = "any command" if command is None else command.label
    if service is not None:
        where += f" in the {service.title} Service Class"
    raise ValueError(
        f"0x{code:04X} is not a status the standard lists for {where} (PS3.7 Annex C: "
        f"implementations shall not use other codes); it permits "
        f"{', '.join(permitted_patterns(command, service))} "
        "and the custom statuses registered for it"
    )
