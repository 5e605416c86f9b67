"""The final status of a C-GET or C-MOVE from its C-STORE sub-operations.

An SCP counts each C-STORE sub-operation by the Annex C type of its status
(:class:`SubOperationTally`); the final response follows PS3.4:

- C.4.2.3.1 (C-MOVE) and C.4.3.3.1 (C-GET), baseline SCP behaviour: when no
  sub-operation remains, the final status is Success if every sub-operation
  completed successfully, Warning if one or more completed and one or more
  failed or had a warning status, Warning if every sub-operation had a warning
  status, and Failure if every sub-operation was unsuccessful;
- C.4.2.1.5 and C.4.3.1.4 (the status tables): the codes are 0000, B000
  ("Sub-operations Complete - One or more Failures" for C-MOVE, "... or
  Warnings" for C-GET) and A702
  ("Refused: Out of Resources - Unable to perform sub-operations"); FE00 when
  a C-CANCEL ended the retrieve, with the Number of Remaining Sub-operations
  not initiated;
- C.4.2.2 and C.4.3.2 (SCU behaviour) read the same rule back:
  :func:`retrieve_outcome` says whether a final response was complete,
  partial, failed, cancelled, or contradicts its own counts.

Nothing here needs pydicom, except :meth:`SubOperationTally.add` given a
``Dataset``.
"""

from __future__ import annotations

from enum import Enum

from .._typechecking import TYPE_CHECKING, Generic, overload
from ..base import Command, StatusEnum, StatusType

if TYPE_CHECKING:
    from typing import Any, Literal, TypeVar

    from pydicom import Dataset

    from ..registry import StatusRegistry
    from ..resolve import Status
    from ..statuses import CGetStatus, CMoveStatus, CStoreStatus

    M = TypeVar("M", bound=StatusEnum)
else:
    M = None

__all__ = ["RetrieveOutcome", "SubOperationTally", "retrieve_outcome"]

_RETRIEVES = (Command.C_GET, Command.C_MOVE)
_COMMANDS = (Command.C_GET, Command.C_MOVE, Command.C_STORE)
# Worst first: the batch outcome of C-STOREs is the first status of the worst type.
_SEVERITY = {StatusType.SUCCESS: 0, StatusType.WARNING: 1, StatusType.FAILURE: 2}


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 0xFFFF:
        raise ValueError(f"{name} must be an int in 0..65535, not {value!r}")
    return value


def _check_uid(uid: object) -> None:
    from ..base import described, shown

    if not isinstance(uid, str):
        raise TypeError(f"sop_instance_uid must be a str, not {described(uid)}")
    if not 0 < len(uid) <= 64 or not all(c in "0123456789." for c in uid):
        raise ValueError(f"sop_instance_uid {shown(uid)} is not a UID (VR UI: digits and dots, "
                         "at most 64 characters)")


class SubOperationTally(Generic[M]):
    """The C-STORE sub-operations of one C-GET or C-MOVE, counted by the
    Annex C type of each one's status, and the final status they call for.

    ``SubOperationTally(Command.C_MOVE, total=3)``: :meth:`add` each
    sub-operation's C-STORE status (a :class:`~dimse_status.Status`, a
    member, a code, or pynetdicom's response ``Dataset``); a Success counts
    as completed, a Warning (B000, B007, and any Bxxx or 0001 by its Annex C
    class) as warning, anything else (a Failure, a code that is no C-STORE
    status, an empty dataset: no response) as failed.  :meth:`pending`,
    :meth:`final` and :meth:`cancel` give the responses, counts attached, so
    ``to_dataset()`` writes them.

    ``SubOperationTally(Command.C_STORE)`` counts a plain batch of C-STOREs:
    its :meth:`final` is the worst status received (the first Failure, else
    the first Warning, else Success).
    """

    __slots__ = ("_command", "_completed", "_failed", "_failed_uids", "_registry", "_total",
                 "_warning", "_worst")

    if TYPE_CHECKING:

        @overload
        def __init__(
            self: SubOperationTally[CGetStatus], command: Literal[Command.C_GET], *,
            total: int | None = None, registry: StatusRegistry | None = None,
        ) -> None: ...
        @overload
        def __init__(
            self: SubOperationTally[CMoveStatus], command: Literal[Command.C_MOVE], *,
            total: int | None = None, registry: StatusRegistry | None = None,
        ) -> None: ...
        @overload
        def __init__(
            self: SubOperationTally[CStoreStatus], command: Literal[Command.C_STORE], *,
            total: int | None = None, registry: StatusRegistry | None = None,
        ) -> None: ...
        @overload
        def __init__(
            self: SubOperationTally[StatusEnum], command: Command, *,
            total: int | None = None, registry: StatusRegistry | None = None,
        ) -> None: ...

    def __init__(
        self, command: Command, *, total: int | None = None,
        registry: StatusRegistry | None = None,
    ) -> None:
        """``command`` is the C-GET or C-MOVE whose sub-operations these are
        (C-STORE for a plain batch); ``total`` the number of sub-operations
        the retrieve will perform (needed for the remaining counts)."""
        if command not in _COMMANDS:
            raise ValueError(
                f"a sub-operation tally is for C-GET, C-MOVE or a batch of C-STOREs, "
                f"not {command!r}"
            )
        self._command: Command = command
        self._total = None if total is None else _count("total", total)
        self._registry = registry
        self._completed = self._failed = self._warning = 0
        self._worst: Status[Any] | None = None
        self._failed_uids: list[str] = []

    @property
    def command(self) -> Command:
        """The command whose final status the tally gives."""
        return self._command

    @property
    def completed(self) -> int:
        """Sub-operations that answered Success."""
        return self._completed

    @property
    def failed(self) -> int:
        """Sub-operations that failed (or never answered)."""
        return self._failed

    @property
    def warning(self) -> int:
        """Sub-operations that answered a Warning."""
        return self._warning

    @property
    def remaining(self) -> int | None:
        """Sub-operations not yet counted, if ``total`` was given."""
        if self._total is None:
            return None
        return max(self._total - self._completed - self._failed - self._warning, 0)

    @property
    def failed_sop_instance_uids(self) -> tuple[str, ...]:
        """The SOP Instance UIDs of the sub-operations that failed, as given to
        :meth:`add`: the Failed SOP Instance UID List (0008,0058)."""
        return tuple(self._failed_uids)

    def add(self, response: Status[StatusEnum] | int | Dataset, *,
            sop_instance_uid: str | None = None) -> StatusType:
        """Count one sub-operation's C-STORE status; return how it counted
        (``StatusType.SUCCESS``, ``WARNING`` or ``FAILURE``).
        ``sop_instance_uid``, the instance the sub-operation stored, goes in
        the Failed SOP Instance UID List if it failed.

        ``ValueError`` when the tally is complete (``total`` sub-operations
        counted) or would count more than 65535 (the counts are US)."""
        from ..resolve import Status, as_status

        counted = self._completed + self._failed + self._warning
        if self._total is not None and counted >= self._total:
            raise ValueError(f"the tally of {self._total} sub-operations is complete: "
                             f"sub-operation {counted + 1} cannot be counted")
        if counted >= 0xFFFF:
            raise ValueError("the tally has counted 65535 sub-operations, the most its counts "
                             "(US) can carry: another cannot be counted")
        if sop_instance_uid is not None:
            _check_uid(sop_instance_uid)
        status = as_status(response)
        if status is not None:
            if status.command is not Command.C_STORE:
                status = Status(status.code, Command.C_STORE, registry=self._registry)
        elif isinstance(response, int):
            status = Status(response, Command.C_STORE, registry=self._registry)
        else:
            from ..dataset import NoResponseError

            try:
                status = Status.from_dataset(response, Command.C_STORE, registry=self._registry)
            except NoResponseError:
                status = None
        if status is None:
            kind = StatusType.FAILURE
        else:
            kind = status.type if status.type in _SEVERITY else StatusType.FAILURE
            if self._worst is None or _SEVERITY[kind] > _SEVERITY[
                self._worst.type if self._worst.type in _SEVERITY else StatusType.FAILURE
            ]:
                self._worst = status
        if kind is StatusType.SUCCESS:
            self._completed += 1
        elif kind is StatusType.WARNING:
            self._warning += 1
        else:
            self._failed += 1
            if sop_instance_uid is not None:
                self._failed_uids.append(sop_instance_uid)
        return kind

    def _status(self, code: int, remaining: int | None, failed: int | None = None) -> Status[M]:
        from ..resolve import Status

        status: Status[Any] = Status(code, self._command)
        return status.with_details(
            remaining=remaining, completed=self._completed,
            failed=self._failed if failed is None else failed, warning=self._warning,
        )

    def _retrieve_only(self, what: str) -> None:
        if self._command not in _RETRIEVES:
            raise ValueError(f"{what} is a C-GET or C-MOVE response; this tally counts "
                             f"a batch of {self._command.label}s")

    def pending(self) -> Status[M]:
        """FF00 Pending with the four counts (remaining only if ``total`` was
        given): the response an SCP may send after each sub-operation."""
        self._retrieve_only("pending()")
        return self._status(0xFF00, self.remaining)

    def cancel(self) -> Status[M]:
        """FE00 Cancel with the counts so far and the remaining sub-operations
        the C-CANCEL left uninitiated (PS3.4 C.4.2.3.1, C.4.3.3.1)."""
        self._retrieve_only("cancel()")
        return self._status(0xFE00, self.remaining)

    def final(self) -> Status[M]:
        """The final status (PS3.4 C.4.2.3.1 / C.4.3.3.1, codes of C.4.2.1.5 /
        C.4.3.1.4), with the completed, failed and warning counts:

        - 0000 Success: no sub-operation failed or warned (none at all included);
        - A702 Failure: every sub-operation was unsuccessful;
        - B000 Warning: otherwise (some failed or warned and some completed,
          or all warned).

        Sub-operations of ``total`` never counted are counted as failed: the
        retrieve ended without performing them.  For a batch of C-STOREs,
        the worst status received (Success if there was none).
        """
        from ..resolve import Status

        if self._command is Command.C_STORE:
            worst: Status[Any] = self._worst or Status(0x0000, Command.C_STORE)
            return worst
        failed = self._failed + (self.remaining or 0)  # a reading: the tally stays as it is
        if not failed and not self._warning:
            code = 0x0000
        elif not self._completed and not self._warning:
            code = 0xA702
        else:
            code = 0xB000
        return self._status(code, None, failed)

    def to_dataset(self) -> Dataset:
        """The identifier of a final (or Cancel) response: a ``Dataset`` with
        the Failed SOP Instance UID List (0008,0058) of the sub-operations that
        failed (PS3.4 C.4.2.3.1, C.4.3.3.1); a pynetdicom handler yields
        ``(tally.final(), tally.to_dataset())``.  Needs pydicom."""
        from pydicom import Dataset

        identifier = Dataset()
        identifier.FailedSOPInstanceUIDList = list(self._failed_uids)
        return identifier

    def __repr__(self) -> str:
        total = "" if self._total is None else f", total={self._total}"
        return (f"<SubOperationTally {self._command.label}{total}: completed={self._completed} "
                f"failed={self._failed} warning={self._warning}>")


class RetrieveOutcome(Enum):
    """What a C-GET or C-MOVE final response says happened (PS3.4 C.4.2.2,
    C.4.3.2)."""

    COMPLETE = "complete"
    """Success: every sub-operation completed successfully."""
    PARTIAL = "partial"
    """Warning: one or more sub-operations failed or warned; see the counts."""
    FAILED = "failed"
    """Failure or Refused: no sub-operation succeeded (or none was tried)."""
    CANCELLED = "cancelled"
    """Cancel: a C-CANCEL ended the retrieve; see the counts."""
    INCONSISTENT = "inconsistent"
    """The counts contradict the status (a Success with failures, a Failure
    with completed sub-operations, a Warning with nothing to warn about)."""


def retrieve_outcome(status: Status[StatusEnum]) -> RetrieveOutcome:
    """Read a C-GET or C-MOVE final response: its type and counts.

    A count the response lacks contradicts nothing.  ``ValueError`` for a
    Pending response, which is not final.

    >>> from dimse_status import Command, Status, retrieve_outcome
    >>> rsp = Status(0xB000, Command.C_MOVE).with_details(completed=2, failed=1, warning=0)
    >>> retrieve_outcome(rsp)
    <RetrieveOutcome.PARTIAL: 'partial'>
    >>> retrieve_outcome(Status(0x0000, Command.C_MOVE).with_details(completed=2, failed=1))
    <RetrieveOutcome.INCONSISTENT: 'inconsistent'>
    """
    if status.command not in _RETRIEVES:
        where = "no command" if status.command is None else status.command.label
        raise ValueError(
            f"retrieve_outcome() reads a C-GET or C-MOVE response, not {status} of {where} "
            "(read it with Status(code, Command.C_GET) or Command.C_MOVE)")
    if status.is_pending:
        raise ValueError(f"{status} is Pending, not a final response")
    if status.is_cancel:
        return RetrieveOutcome.CANCELLED
    completed, failed, warning = (status.details.completed or 0, status.details.failed or 0,
                                  status.details.warning or 0)
    if status.is_success:
        ok = not failed and not warning
        return RetrieveOutcome.COMPLETE if ok else RetrieveOutcome.INCONSISTENT
    if status.is_warning:
        counted = any(n is not None for n in status.sub_operations[1:])
        ok = not counted or (bool(failed or warning) and bool(completed or warning))
        return RetrieveOutcome.PARTIAL if ok else RetrieveOutcome.INCONSISTENT
    ok = not completed and not warning
    return RetrieveOutcome.FAILED if ok else RetrieveOutcome.INCONSISTENT
