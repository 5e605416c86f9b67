"""A decorator that makes pynetdicom event handlers answer with statuses.

``@status_handler`` wraps a handler bound to ``EVT_C_ECHO``, ``EVT_C_STORE``,
``EVT_C_FIND``, ``EVT_C_GET``, ``EVT_C_MOVE`` or an ``EVT_N_*`` event:

- a :class:`~dimse_status.StatusError` raised by the handler becomes its
  status's response dataset, Error Comment and all;
- any other exception becomes the command's default failure
  (:data:`DEFAULT_FAILURES`, or ``failure=``) with the exception's text as
  Error Comment;
- the status always goes out: an Error Comment is made to fit an LO
  (:func:`~dimse_status.toolkit.errors.lo`), and one the status cannot
  carry (N-SET 0121 ...) is dropped, with a warning on the
  ``dimse_status`` logger saying why;
- a returned (or yielded) :class:`~dimse_status.Status`, member or code
  becomes its response dataset with its details;
- a status the standard does not list for the command is refused before it
  goes on the wire: :func:`~dimse_status.is_permitted`; the peer gets the
  default failure, with an Error Comment naming the refused code.

The command comes from the event (``event.event``), or from ``command=``.
"""

from __future__ import annotations

import functools
import inspect
import logging

from .._typechecking import TYPE_CHECKING, overload
from ..base import Command, shown
from ..dataset import EMPTY_DETAILS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any, Protocol, TypeVar, Union

    from pydicom import Dataset
    from typing_extensions import ParamSpec

    from ..registry import StatusRegistry
    from ..resolve import Status
    from ..services import Service

    P = ParamSpec("P")
    R = TypeVar("R")
    Y = TypeVar("Y")

    # What a wrapped handler returns: what the handler returned, or the
    # response Dataset made of its status (paired with the N-* handler's
    # dataset, as pynetdicom takes it).
    Answered = Union[R, "Dataset", tuple["Dataset", object]]
    # What a wrapped generator handler yields: what the handler yielded (the
    # destination, the count, a Dataset it built), a status made a response
    # Dataset with its identifier, or pynetdicom's signs for "no destination"
    # (None, None) and one sub-operation (1) before a failure.
    Yielded = Union[Y, tuple["Dataset", object], tuple[None, None], int]

    class StatusHandlerDecorator(Protocol):
        """What ``status_handler(...)`` with options returns."""

        @overload
        def __call__(
            self, handler: Callable[P, Iterator[Y]], /,
        ) -> Callable[P, Iterator[Yielded[Y]]]: ...
        @overload
        def __call__(self, handler: Callable[P, R], /) -> Callable[P, Answered[R]]: ...

__all__ = ["DEFAULT_FAILURES", "status_handler"]

_LOGGER = logging.getLogger("dimse_status")

DEFAULT_FAILURES: dict[Command, int] = {
    Command.C_ECHO: 0x0122,  # the only C-ECHO failure that may carry an Error Comment
    Command.C_STORE: 0xC000,  # Cxxx Error: Cannot understand
    Command.C_FIND: 0xC000,  # Cxxx Failed: Unable to process
    Command.C_GET: 0xC000,
    Command.C_MOVE: 0xC000,
    Command.N_EVENT_REPORT: 0x0110,  # Processing failure
    Command.N_GET: 0x0110,
    Command.N_SET: 0x0110,
    Command.N_ACTION: 0x0110,
    Command.N_CREATE: 0x0110,
    Command.N_DELETE: 0x0110,
}
"""The status a wrapped handler's unexpected exception answers with, per
command: a failure the standard lists for the command that may carry an
Error Comment (of C-ECHO's failures, 0122, 0210, 0211 and 0212, only 0122
"Refused: SOP Class not supported" may)."""

# Handlers whose pynetdicom return value is (status, dataset).
_PAIRS = frozenset({Command.N_EVENT_REPORT, Command.N_GET, Command.N_SET, Command.N_ACTION,
                    Command.N_CREATE})
_GENERATORS = frozenset({Command.C_FIND, Command.C_GET, Command.C_MOVE})
_UNKNOWN_DESTINATION = 0xA801  # C-MOVE "Refused: Move Destination unknown"


def _command_of_event(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Command | None:
    for value in (*args, *kwargs.values()):
        name = getattr(getattr(value, "event", None), "name", None)
        if isinstance(name, str) and name.startswith("EVT_"):
            try:
                return Command.parse(name[4:])
            except ValueError:
                return None
    return None


def _is_status(value: object) -> bool:
    """A status as a handler gives one: a code, member or Status, or a
    Dataset with a Status element."""
    from ..resolve import Status

    return isinstance(value, (int, Status)) or hasattr(value, "Status")


class _Adapter:
    """Turns what a handler returns, yields or raises into response datasets."""

    def __init__(
        self, command: Command | None, service: Service | None, failure: int | None,
        registry: StatusRegistry | None, strict: bool,
    ) -> None:
        self.command = command
        self.service = service
        self.failure = failure
        self.registry = registry
        self.strict = strict

    def resolve(self, command: Command, value: Status[Any] | int) -> Status[Any]:
        from ..resolve import Status, as_status

        given = as_status(value)
        if given is None:
            return Status(value, command, self.service, registry=self.registry)
        if given.command is command:
            return given
        status: Status[Any] = Status(given.code, command, self.service, registry=self.registry)
        return status._with(given.details)  # pyright: ignore[reportPrivateUsage]

    def failed(self, command: Command, comment: str) -> Dataset:
        """The failure response, with ``comment`` made to fit an Error Comment
        if the status lets one travel (it never raises: the peer must get an answer)."""
        from ..resolve import Status

        code = DEFAULT_FAILURES[command] if self.failure is None else self.failure
        status: Status[Any] = Status(code, command, self.service, registry=self.registry)
        return self.sendable(status, comment).to_dataset()

    def sendable(self, status: Status[Any], comment: str | None) -> Status[Any]:
        """``status`` as it goes on the wire: its details checked against it
        again (it may have been resolved for the handler's command), the
        Error Comment ``comment`` (the status's own if None) made to fit an
        LO, or dropped, and logged, when the status cannot carry one."""
        from .errors import lo, with_comment

        given = status.error_comment if comment is None else comment
        fitted = None if given is None else lo(given)
        try:
            sent, dropped = with_comment(status, fitted)
        except ValueError as exc:  # a detail the status cannot carry: the status wins
            _LOGGER.warning("0x%04X sent without its details (%s): %s", status.code,
                            status.details, exc)
            return status._with(EMPTY_DETAILS)  # pyright: ignore[reportPrivateUsage]
        if dropped is not None:
            _LOGGER.warning("0x%04X sent without the Error Comment %s: %s", status.code,
                            shown(given), dropped)
        return sent

    def dataset(self, command: Command, value: Any, comment: str | None = None) -> Any:
        """The response dataset for a returned or yielded status; anything
        else (a Dataset the handler built, None) as it is."""
        if isinstance(value, bool) or not isinstance(value, int):
            return value  # a Status is an int too
        status = self.resolve(command, value)
        if self.strict:
            from .permitted import is_permitted

            if not is_permitted(status.code, command, self.service, self.registry):
                _LOGGER.error("refused to send 0x%04X: not a status of %s", status.code,
                              command.label)
                return self.failed(command, f"refused 0x{status.code:04X}: not a "
                                   f"{command.label} status")
        return self.sendable(status, comment).to_dataset()

    def exception(self, command: Command, exc: BaseException) -> Dataset:
        from .errors import StatusError

        if isinstance(exc, StatusError):
            response: Dataset = self.dataset(command, exc.status, exc.error_comment_given)
            return response
        _LOGGER.exception("the handler for %s raised; answering with a failure", command.label)
        return self.failed(command, str(exc) or type(exc).__name__)

    def convert(self, command: Command, result: Any) -> Any:
        pair: tuple[Any, ...] | None = result if isinstance(result, tuple) else None  # pyright: ignore[reportUnknownVariableType]
        if command in _PAIRS and pair is not None and len(pair) == 2:
            return (self.dataset(command, pair[0]), pair[1])
        return self.dataset(command, result)

    def call(self, handler: Callable[..., Any], args: tuple[Any, ...],
             kwargs: dict[str, Any]) -> Any:
        command = self.command or _command_of_event(args, kwargs)
        if command is None:
            return handler(*args, **kwargs)
        if command in _GENERATORS:
            # A handler that returns its generator (``return search(...)``)
            # is a generator handler: what it yields, and raises, is adapted.
            return self.iterate(lambda: handler(*args, **kwargs), command)
        try:
            result = handler(*args, **kwargs)
        except Exception as exc:
            response = self.exception(command, exc)
            return (response, None) if command in _PAIRS else response
        return self.convert(command, result)

    def iterate(self, produce: Callable[[], Iterable[Any]],
                command: Command | None) -> Iterator[Any]:
        """What the handler's generator (``produce()``) yields, statuses made
        datasets; an exception ends it with its response.  The codes a
        C-GET or C-MOVE handler can send at each point are in "Writing an
        SCP" (docs/writing-an-scp.md)."""
        if command is None:
            yield from produce()
            return
        # pynetdicom reads a C-GET's first yield as the number of
        # sub-operations, and a C-MOVE's first two as the destination and
        # that number: a failure before them needs them to reach the peer.
        counted = command is Command.C_FIND
        destination = command is not Command.C_MOVE
        try:
            for item in produce():
                pair: tuple[Any, ...] | None = (  # pyright: ignore[reportUnknownVariableType]
                    item if isinstance(item, tuple) else None)
                if not destination:
                    destination = True  # (address, port[, kwargs]) or (None, None)
                    yield item
                elif not counted:
                    counted = True  # the number of sub-operations
                    yield item
                elif pair is not None and len(pair) == 2 and _is_status(pair[0]):
                    yield (self.dataset(command, pair[0]), pair[1])
                else:
                    yield item
        except Exception as exc:
            if not destination:  # C-MOVE: pynetdicom answers a (None, None) destination with A801
                from .errors import StatusError

                if isinstance(exc, StatusError) and exc.status.code == _UNKNOWN_DESTINATION:
                    _LOGGER.warning("0xA801 sent by pynetdicom, without details: the C-MOVE "
                                    "destination is yielded as unknown")
                    yield (None, None)
                    return
                _LOGGER.error("the C-MOVE handler raised before yielding the destination: "
                              "pynetdicom answers 0xC514", exc_info=exc)
                raise
            response = self.exception(command, exc)
            if not counted:
                yield 1  # one sub-operation, which the response ends
            yield (response, None)


def _check_options(
    command: object, service: object, failure: object, registry: object, strict: object,
) -> None:
    """``TypeError`` or ``ValueError`` naming the first option of
    :func:`status_handler` it cannot work with: when the handler is
    decorated, not when a peer is waiting for an answer."""
    from .._tables import load_services
    from ..base import check_code, check_command, described
    from ..registry import registry_of
    from ..resolve import Status

    checked = check_command(command)
    if service is not None and not isinstance(service, load_services()):
        raise TypeError(
            f"status_handler: service must be a dimse_status.Service or None, not "
            f"{described(service)}")
    known = registry_of(registry)
    if not isinstance(strict, bool):
        raise TypeError(f"status_handler: strict must be a bool, not {described(strict)}")
    if failure is None:
        return
    code = check_code(failure, "status_handler: failure")
    status: Status[Any] = Status(code, checked, registry=known)
    if not status.is_failure:
        raise ValueError(f"status_handler: failure=0x{code:04X} is a {status.type.value}, "
                         "not a Failure")
    if checked is not None and strict:
        from ..registry import permits

        if not permits(code, checked, service, known):
            raise ValueError(f"status_handler: failure=0x{code:04X} is not a status of "
                             f"{checked.label}")


if TYPE_CHECKING:
    # jedi shows each overload's docstring (and not the implementation's) in
    # a signature: each starts with the implementation's first paragraph.

    @overload
    def status_handler(
        handler: Callable[P, Iterator[Y]], /,
    ) -> Callable[P, Iterator[Yielded[Y]]]:
        """Adapt a pynetdicom event handler to answer with statuses (see the
        module's text): ``@status_handler`` or ``@status_handler(failure=...,
        service=..., command=..., registry=..., strict=...)``.

        ``@status_handler`` on a generator handler (C-FIND, C-GET, C-MOVE):
        the statuses it yields become response datasets."""
    @overload
    def status_handler(handler: Callable[P, R], /) -> Callable[P, Answered[R]]:
        """Adapt a pynetdicom event handler to answer with statuses (see the
        module's text): ``@status_handler`` or ``@status_handler(failure=...,
        service=..., command=..., registry=..., strict=...)``.

        ``@status_handler`` on a handler: the status it returns becomes its
        response dataset."""
    @overload
    def status_handler(
        *, command: Command | None = None, service: Service | None = None,
        failure: int | None = None, registry: StatusRegistry | None = None,
        strict: bool = True,
    ) -> StatusHandlerDecorator:
        """Adapt a pynetdicom event handler to answer with statuses (see the
        module's text): ``@status_handler`` or ``@status_handler(failure=...,
        service=..., command=..., registry=..., strict=...)``.

        ``@status_handler(...)`` with options: ``failure`` replaces the
        command's default failure code; ``strict=False`` lets unlisted codes
        through, as pynetdicom does."""


def status_handler(
    handler: Callable[..., Any] | None = None, /, *, command: Command | None = None,
    service: Service | None = None, failure: int | None = None,
    registry: StatusRegistry | None = None, strict: bool = True,
) -> Any:
    """Adapt a pynetdicom event handler to answer with statuses (see the
    module's text): ``@status_handler`` or ``@status_handler(failure=...,
    service=..., command=..., registry=..., strict=...)``.

    The wrapped handler takes the same arguments; it returns (or, for a
    generator, yields) response datasets where the handler gave statuses.
    ``failure`` replaces the command's default failure code; ``strict=False``
    lets unlisted codes through, as pynetdicom does.
    """
    _check_options(command, service, failure, registry, strict)
    adapter = _Adapter(command, service, failure, registry, strict)

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.isgeneratorfunction(function):
            @functools.wraps(function)
            def generator(*args: Any, **kwargs: Any) -> Iterator[Any]:
                command = adapter.command or _command_of_event(args, kwargs)
                return adapter.iterate(lambda: function(*args, **kwargs), command)

            return generator

        @functools.wraps(function)
        def plain(*args: Any, **kwargs: Any) -> Any:
            return adapter.call(function, args, kwargs)

        return plain

    return decorate if handler is None else decorate(handler)
