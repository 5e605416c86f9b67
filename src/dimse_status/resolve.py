"""Where a code is resolved: the ``Status`` facade.

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

The standard's tables are :mod:`dimse_status._tables`, the registered
statuses :mod:`dimse_status.registry`; each registry keeps a small bounded
memo of the statuses resolved in it, which ``Status()`` reads first.
"""

from __future__ import annotations

from ._tables import BUCKET_SHIFT, context_of, load_services
from ._typechecking import TYPE_CHECKING, Generic, final
from .base import (
    Command,
    StatusEnum,
    StatusType,
    annex_c_class,
    check_code,
    check_command,
    described,
    format_tag,
)
from .dataset import EMPTY_DETAILS, StatusDetails, SubOperations, check_tags
from .registry import (
    DEFAULT_MEMO_FOLLOWERS,
    MEMO_LIMIT,
    SERVICE_MEMO_LIMIT,
    StatusRegistry,
    default_registry,
    meaning_of,
    permits,
    refuse_unpermitted,
    registry_of,
)

# Only type checkers import typing (see _typechecking.py).
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from pydicom import Dataset
    from typing_extensions import NoReturn, Self

    # The generated overloads that type Status(...) and Status.from_dataset().
    from ._signatures import M_co
    from ._signatures import StatusSignatures as _StatusBase
    from ._tables import Entry, Key
    from .registry import Meaning
    from .services import Service
else:
    M_co = None

    class _StatusBase(int, Generic):
        __slots__ = ()

__all__ = ["Status", "as_status"]

_default_memo: dict[Key, dict[Any, Any]] = default_registry._memo  # pyright: ignore[reportPrivateUsage]


def _follow_default_memo(memo: dict[Key, dict[Any, Any]]) -> None:
    global _default_memo
    _default_memo = memo


DEFAULT_MEMO_FOLLOWERS.append(_follow_default_memo)


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
    # service, see meaning_of()), so reading one costs what reading any int
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
        """The raw code as received: 0xA7F3 stays 0xA7F3."""  # what jedi shows

    if not TYPE_CHECKING:
        # Type checkers read the overloads of _signatures.pyi instead; jedi
        # reads these definitions, and shows their names and docstrings
        # (a ``from_dataset = classmethod(function)`` showed the function's).

        def __new__(cls, code, command=None, service=None, *, registry=default_registry):
            # Status(...) is answered by _StatusMeta.__call__ (the memo, then
            # _resolve); this runs only for an explicit Status.__new__(Status, ...).
            return _resolve(cls, code, command, service, registry)

        @classmethod
        def from_dataset(
            cls, ds: Dataset, command: Command | None = None, service: Service | None = None,
            *, registry: StatusRegistry | None = None,
        ) -> Status[Any]:
            """The status of a response's command set, read from a pydicom
            Dataset such as the one pynetdicom's ``send_c_*`` calls return,
            with the attributes it carried (:attr:`Status.details`); typed per
            command and service, as ``Status(...)`` is.

            ``command`` may be left out when the dataset has a Command Field
            (0000,0100); if both are there they must agree.  Missing optional
            attributes, an overlong Error Comment and counts on a final
            response are accepted as sent; a dataset without a 16-bit Status
            (0000,0900) raises ``ValueError``, and an empty one (what
            pynetdicom returns after an abort, a release or a timeout)
            :class:`~dimse_status.NoResponseError`, a ``ValueError``.  Needs
            pydicom (``pip install 'dimse-status[pydicom]'``).
            """
            from .dataset import read

            code, field_command, details = read(ds)
            if command is None:
                command = field_command
            elif field_command is not None and field_command is not check_command(command):
                raise ValueError(
                    f"the dataset's Command Field is {field_command.label}, not {command.label}"
                )
            status = _resolve(cls, code, command, service, registry)
            return status if details == EMPTY_DETAILS else status._with(details)  # pyright: ignore[reportPrivateUsage]

    def to_dataset(
        self, *, strict: bool = False, registry: StatusRegistry | None = None
    ) -> Dataset:
        """The response status Dataset: Status (0000,0900) and the attributes
        of :attr:`details` that are set.  Needs pydicom.

        With ``strict=True``, a code the standard does not list for the
        command (see :func:`dimse_status.is_permitted`; custom statuses of
        ``registry`` count as listed) raises ``ValueError`` naming what the
        command permits, instead of building a response no peer expects; and
        the details obey :meth:`with_details`' rules, whatever they were read
        from (a peer's 70-character Error Comment is refused, not re-sent).
        """
        from .dataset import check_details, write

        if strict:
            refuse_unpermitted(self.code, self.command, self.service,
                               self._origin() if registry is None else registry)
            check_details(self.details, self.code, self.type, self.related_attributes,
                          str(self) + self._where())
        return write(self.code, self.details)

    @property
    def is_permitted(self) -> bool:
        """Whether the standard lists the code for :attr:`command` (in
        :attr:`service`), a masked range or a custom status of the registry
        the status was resolved with included (the default registry for an
        unpickled status): :func:`dimse_status.is_permitted`."""
        return permits(int(self), self.command, self.service, self._origin())

    def _origin(self) -> StatusRegistry | None:
        """The registry the status was resolved with; None for the default
        one, and for a status unpickled (its meaning travels, its registry
        does not: it asks the default registry)."""
        registry: StatusRegistry | None = vars(self).get("_registry")
        return registry

    @property
    def is_verified(self) -> bool:
        """Whether what the status means here was checked against a text of
        the standard: its member's record (``member.is_verified``) and, with
        :attr:`service`, the service's table for :attr:`command`
        (``service.table(command).is_verified``).  False without a member
        (an Annex C class, a custom status) and for a service that does not
        use the command (it has no table for it)."""
        member = self.member
        if member is None or not member.is_verified:
            return False
        service, command = self.service, self.command
        if service is None:
            return True
        return (command is not None and command in service.commands
                and service.table(command).is_verified)

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
    details: tuple[Any, ...] = (), meaning: Entry | None = None,
) -> Status[Any]:
    """A pickled status, with its meaning (pickles made without one, by
    earlier versions, resolve the code in the default registry)."""
    if meaning is None:
        status = _resolve(Status, code, command, service, None)
    else:
        status = _new_status(Status, code, command, service, meaning)
    return status._with(StatusDetails(*details)) if details else status  # pyright: ignore[reportPrivateUsage]


def _check_service(service: object, command: Command | None) -> Service | None:
    if service is None or isinstance(service, load_services()):
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



def _resolve(
    cls: type[Status[Any]], code: object, command: object, service: object, registry: object
) -> Status[Any]:
    """The slow path of ``Status()``: validate, resolve, remember.

    Safe from any number of threads without a lock: a memo is only ever
    changed by single dict operations, and is iterated only as a copy.
    """
    tables = registry_of(registry)._tables  # pyright: ignore[reportPrivateUsage]
    value = code if type(code) is int and 0 <= code <= 0xFFFF else check_code(code)
    key = command if command is None or type(command) is Command else check_command(command)
    if key is None and service is None and isinstance(code, StatusEnum):
        key, service = context_of(code)
    context = _check_service(service, key)
    memo: dict[Any, Any] = tables.memo[key]
    if context is not None:
        if tables.service_memo_size >= SERVICE_MEMO_LIMIT:
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
            meaning = meaning_of(tables.resolve_in(context, key, value), key, context,  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
                                 tables.registry)
        status = _int_new(cls, value)
        _set_dict(status, meaning)
        if len(memo) >= MEMO_LIMIT:
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
        meaning = None if high is None else high[code >> BUCKET_SHIFT]
        if type(meaning) is not dict:
            meaning = tables.command_meaning(command, code)
        status: Status[Any] = _int_new(Status, code)  # pyright: ignore[reportUnknownVariableType]
        _set_dict(status, meaning)
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        memo[code] = status
        return status
    return _resolve(Status, code, command, None, None)



def _new_status(
    cls: type[Status[Any]], code: int, command: Command | None, service: Service | None,
    entry: Entry,
) -> Status[Any]:
    """A status with this meaning, without details."""
    status = _int_new(cls, code)
    _set_dict(status, meaning_of(entry, command, service))
    return status


# What makes a status: a new int of the class, given its shared attributes.
_int_new = int.__new__
_set_dict: Callable[[object, Meaning], None] = Status.__dict__["__dict__"].__set__
