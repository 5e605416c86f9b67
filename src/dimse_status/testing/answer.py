"""The responses a script gives one request: :class:`Step` (one response,
or an abort), :class:`PendingRun` (a response's ``pending``: Pending
responses made as they are sent) and :class:`Answer`, the sequence of both
that :meth:`~dimse_status.testing.StatusScript.answer` returns."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from ..base import Command
from ..resolve import Status

if TYPE_CHECKING:
    from ..association.outcome import Abort
    from ..services import Service

__all__ = ["Answer", "PendingRun", "Step"]


@dataclass(frozen=True)
class Step:
    """One thing the server does for a request: after ``delay`` seconds, send
    ``status`` (with its details), or abort the association if ``status`` is
    ``None``: with the A-ABORT ``abort`` (PS3.8 9.3.8), or as pynetdicom
    does (service-user, reason 0) if ``abort`` is ``None``."""

    status: Status[Any] | None
    delay: float = 0.0
    abort: Abort | None = None

    @property
    def is_abort(self) -> bool:
        """Whether the step aborts the association instead of answering."""
        return self.status is None


@dataclass(frozen=True)
class PendingRun:
    """``count`` FF00 Pending responses (a response's ``pending``), each made
    when it is sent: a C-GET's or C-MOVE's carry the counts, one more
    completed sub-operation each, from ``completed``, ``failed`` and
    ``warning`` (the counts before the run), and the Pending responses of the
    answer still to come as remaining (``left`` after the run)."""

    command: Command
    service: Service | None
    count: int
    delay: float = 0.0
    completed: int = 0
    failed: int = 0
    warning: int = 0
    left: int = 0

    def step(self, index: int) -> Step:
        """The ``index``-th response of the run (from 0)."""
        status: Status[Any] = Status(0xFF00, self.command, self.service)
        if self.command is not Command.C_FIND:
            status = status.with_details(remaining=self.count - index - 1 + self.left,
                                         completed=self.completed + index + 1,
                                         failed=self.failed, warning=self.warning)
        return Step(status, self.delay)


class Answer(Sequence[Step]):
    """The responses to one request, in order: a sequence of :class:`Step`
    whose Pending runs (:class:`PendingRun`) are made as they are read, so
    that ``pending = 10000`` costs no more than one response until it is sent."""

    __slots__ = ("_length", "_parts")

    def __init__(self, parts: Sequence[Step | PendingRun]) -> None:
        self._parts = tuple(parts)
        self._length = sum(p.count if isinstance(p, PendingRun) else 1 for p in self._parts)

    @property
    def parts(self) -> tuple[Step | PendingRun, ...]:
        """The responses as scripted: steps, and runs of Pending responses."""
        return self._parts

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Step]:
        for part in self._parts:
            if isinstance(part, PendingRun):
                for index in range(part.count):
                    yield part.step(index)
            else:
                yield part

    @overload
    def __getitem__(self, index: int) -> Step: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Step, ...]: ...
    def __getitem__(self, index: int | slice) -> Step | tuple[Step, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError("answer index out of range")
        for part in self._parts:
            size = part.count if isinstance(part, PendingRun) else 1
            if position < size:
                return part.step(position) if isinstance(part, PendingRun) else part
            position -= size
        raise IndexError("answer index out of range")  # pragma: no cover

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Answer):
            return self._parts == other._parts
        if isinstance(other, tuple):
            return len(other) == self._length and tuple(self) == other  # pyright: ignore[reportUnknownArgumentType]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._parts)

    def __repr__(self) -> str:
        return f"Answer({list(self._parts)!r})"
