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
    from typing import TypeVar

    from ..base import StatusEnum
    from ..resolve import Status

    M = TypeVar("M", bound=StatusEnum)

__all__ = ["StatusError", "lo", "with_comment"]

_LO_MAX = 64
_ELLIPSIS = "..."  # '…' is not ASCII
# Letters NFKD does not take apart into a base letter and combining marks.
_LETTERS = str.maketrans({
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "\u0131": "i", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-",  # dotless i, quotation marks, dashes
})


def lo(text: str) -> str:
    """``text`` as an Error Comment (VR LO, in the command set's default
    character repertoire) can carry it: letters with accents transliterated
    (``unicodedata`` NFKD without the combining marks; ``ß`` is ``ss``), any
    other non-ASCII character ``?``, a control character (newline, tab ...)
    a space, a backslash (LO's value separator) ``/``, the ends stripped, and
    at most 64 characters (a longer text ends in ``...``).

    >>> from dimse_status.toolkit.errors import lo
    >>> lo("Speicher voll: Größe\\n\\tC:\\\\data")
    'Speicher voll: Grosse  C:/data'
    """
    import unicodedata

    chars: list[str] = []
    for char in unicodedata.normalize("NFKD", text.translate(_LETTERS)):
        if " " <= char <= "~":
            chars.append("/" if char == "\\" else char)
        elif unicodedata.category(char) == "Cc":
            chars.append(" ")
        elif not unicodedata.combining(char):
            chars.append("?")
    fitted = "".join(chars).strip()
    if len(fitted) > _LO_MAX:
        fitted = fitted[:_LO_MAX - len(_ELLIPSIS)].rstrip() + _ELLIPSIS
    return fitted


class StatusError(Exception):
    """An exception that answers with a status, as dcm4che's
    ``DicomServiceException`` does.

    Raise it in a handler wrapped by :func:`dimse_status.status_handler`: the
    peer receives :attr:`status` with its details.  ``status`` is a
    :class:`~dimse_status.Status`, a status member (``CStoreStatus.OUT_OF_RESOURCES``)
    or a code; a member or code without a command is resolved for the
    handler's command when the response is built.

    The status always goes out.  ``error_comment`` is made to fit an LO
    (:func:`lo`: transliterated to ASCII, control characters and backslashes
    replaced, cut to 64 characters); when the standard lets no Error Comment
    travel with the status (N-SET 0121, C-STORE 0117 ...), the status goes
    without it and :attr:`comment_dropped` says why.  The text as given stays
    in :attr:`error_comment_given`, for the server's own logs.

    >>> from dimse_status import CStoreStatus, StatusError
    >>> error = StatusError(CStoreStatus.OUT_OF_RESOURCES, "Speicher voll: Größe")
    >>> error.status.error_comment, hex(error.status.code), error.error_comment_given
    ('Speicher voll: Grosse', '0xa700', 'Speicher voll: Größe')
    >>> str(error)
    "(0xA700) Failure: Refused: Out of Resources [C-STORE]; Error Comment 'Speicher voll: Grosse'"
    """

    status: Status[StatusEnum]
    """The status the handler answers with, its details included."""
    error_comment_given: str | None
    """The Error Comment as given, before :func:`lo` made it fit."""
    comment_dropped: str | None
    """Why the status carries no Error Comment although one was given (the
    standard lets none travel with it); ``None`` otherwise."""

    def __init__(
        self,
        status: Status[StatusEnum] | StatusEnum | int,
        error_comment: str | None = None,
        *,
        offending_element: Iterable[int] | None = None,
        error_id: int | None = None,
    ) -> None:
        from ..base import described
        from ..resolve import Status, as_status

        if error_comment is not None and not isinstance(error_comment, str):
            raise TypeError(f"error_comment must be a str or None, not {described(error_comment)}")
        resolved = as_status(status)
        if resolved is None:
            resolved = Status(status)  # a member reads as its own command's (and service's)
        self.error_comment_given = error_comment
        self.comment_dropped = None
        if error_comment is not None or offending_element is not None or error_id is not None:
            resolved, self.comment_dropped = with_comment(
                resolved,
                resolved.error_comment if error_comment is None else lo(error_comment),
                offending_element=offending_element, error_id=error_id)
        self.status = resolved
        super().__init__(resolved)

    def __str__(self) -> str:
        from .statuslog import describe

        return describe(self.status)


def with_comment(
    status: Status[M], comment: str | None, *, offending_element: Iterable[int] | None = None,
    error_id: int | None = None,
) -> tuple[Status[M], str | None]:
    """``status`` with these details (``None``: the ones it has) and Error
    Comment ``comment`` (already fitted by :func:`lo`); and, when the
    standard lets no Error Comment travel with the status, the status without
    it and the reason.  ``ValueError`` for another detail the status cannot carry."""
    d = status.details
    tags = d.offending_element if offending_element is None else offending_element
    number = d.error_id if error_id is None else error_id

    def build(text: str | None) -> Status[M]:
        return status.with_details(
            offending_element=tags, error_comment=text, error_id=number, remaining=d.remaining,
            completed=d.completed, failed=d.failed, warning=d.warning)

    try:
        return build(comment), None
    except ValueError as exc:
        if comment is None:
            raise
        reason = str(exc)
    return build(None), reason
