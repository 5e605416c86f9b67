"""``StatusError``: raised by a handler to answer with a status.

As dcm4che's ``DicomServiceException`` is.  (``NoResponseError``, what
``Status.from_dataset`` raises for the empty ``Dataset()`` pynetdicom returns
when no response came, is the core's: :mod:`dimse_status.dataset`.)  Neither
needs pydicom.
"""

from __future__ import annotations

from .._typechecking import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from ..base import StatusEnum
    from ..resolve import Status

__all__ = ["StatusError", "lo"]

_LO_MAX = 64


def lo(text: str) -> str:
    """``text`` as an Error Comment can carry it (VR LO): at most 64
    characters, a backslash (LO's value separator) written as ``/``."""
    return text.replace("\\", "/")[:_LO_MAX]


class StatusError(Exception):
    """An exception that answers with a status, as dcm4che's
    ``DicomServiceException`` does.

    Raise it in a handler wrapped by :func:`dimse_status.status_handler`: the
    peer receives :attr:`status` with its details.  ``status`` is a
    :class:`~dimse_status.Status`, a status member (``CStoreStatus.OUT_OF_RESOURCES``)
    or a code; a member or code without a command is resolved for the
    handler's command when the response is built.  ``error_comment`` longer
    than an LO allows is cut to 64 characters.

    >>> from dimse_status import CStoreStatus, StatusError
    >>> error = StatusError(CStoreStatus.OUT_OF_RESOURCES, "disk full")
    >>> error.status.error_comment, hex(error.status.code)
    ('disk full', '0xa700')
    >>> str(error)
    "(0xA700) Failure: Refused: Out of Resources [C-STORE]; Error Comment 'disk full'"
    """

    status: Status[Any]
    """The status the handler answers with, its details included."""

    def __init__(
        self,
        status: Status[Any] | StatusEnum | int,
        error_comment: str | None = None,
        *,
        offending_element: Iterable[int] | None = None,
        error_id: int | None = None,
    ) -> None:
        from ..resolve import Status, as_status

        resolved = as_status(status)
        if resolved is None:
            resolved = Status(status)  # a member reads as its own command's (and service's)
        if error_comment is not None or offending_element is not None or error_id is not None:
            details = resolved.details
            resolved = resolved.with_details(
                offending_element=(offending_element if offending_element is not None
                                   else details.offending_element),
                error_comment=(lo(error_comment) if error_comment is not None
                               else details.error_comment),
                error_id=error_id if error_id is not None else details.error_id,
                remaining=details.remaining, completed=details.completed,
                failed=details.failed, warning=details.warning,
            )
        self.status = resolved
        super().__init__(resolved)

    def __str__(self) -> str:
        from .statuslog import describe

        return describe(self.status)
