"""Where a status meets pydicom: the attributes that travel with a Status.

A DIMSE response carries its Status (0000,0900) and, depending on the status,
Offending Element (0000,0901), Error Comment (0000,0902), Error ID (0000,0903)
and the four sub-operation counts (0000,1020)-(0000,1023).  ``read`` takes
them from a pydicom ``Dataset`` such as the one pynetdicom's ``send_c_*``
calls return; ``write`` builds that Dataset back.  pydicom is imported only
here, and only when one of them is called.
"""

from __future__ import annotations

from collections import namedtuple

from ._typechecking import TYPE_CHECKING
from .base import Command, StatusType, described, format_tag, shown, tag_name

if TYPE_CHECKING:
    from typing import Any, NamedTuple

    from pydicom import Dataset

    class StatusDetails(NamedTuple):
        """The attributes a response carried with its status; ``None`` (or
        ``()``) where it carried none."""

        offending_element: tuple[int, ...] = ()
        error_comment: str | None = None
        error_id: int | None = None
        remaining: int | None = None
        completed: int | None = None
        failed: int | None = None
        warning: int | None = None

    class SubOperations(NamedTuple):
        """The sub-operation counts of a C-MOVE or C-GET response."""

        remaining: int | None
        completed: int | None
        failed: int | None
        warning: int | None
else:
    StatusDetails = namedtuple(
        "StatusDetails",
        "offending_element error_comment error_id remaining completed failed warning",
        defaults=((), None, None, None, None, None, None),
    )
    StatusDetails.__doc__ = (
        "The attributes a response carried with its status; None (or ()) where it "
        "carried none."
    )
    SubOperations = namedtuple("SubOperations", "remaining completed failed warning")
    SubOperations.__doc__ = "The sub-operation counts of a C-MOVE or C-GET response."

__all__ = [
    "FIELD_TAGS", "NoResponseError", "StatusDetails", "SubOperations", "check_details",
    "check_tags", "read", "write",
]



class NoResponseError(ValueError):
    """The response dataset is empty: no response arrived.

    pynetdicom's ``send_c_*`` and ``send_n_*`` return an empty ``Dataset()``
    when the association was aborted or released, or the response timed out
    (its DIMSE timeout).  There is no status to read; this is a
    ``ValueError``, so code that caught the plain ``ValueError`` of earlier
    versions still does.
    """


STATUS_TAG = 0x00000900
COMMAND_FIELD_TAG = 0x00000100
FIELD_TAGS: dict[str, int] = {
    "offending_element": 0x00000901,
    "error_comment": 0x00000902,
    "error_id": 0x00000903,
    "remaining": 0x00001020,
    "completed": 0x00001021,
    "failed": 0x00001022,
    "warning": 0x00001023,
}
"""The command set tag of each field of :class:`StatusDetails`."""

_LO_MAX = 64
EMPTY_DETAILS = StatusDetails()

# PS3.7 Annex C: a Warning or Failure of a service-class-specific code (Axxx,
# Bxxx, Cxxx) may carry Offending Element and Error Comment (C.4.1, C.5.1).
_SERVICE_CLASS_FIELDS = (0x00000901, 0x00000902)


def _pydicom() -> Any:
    try:
        import pydicom
    except ImportError:
        raise ImportError(
            "Status.from_dataset() and to_dataset() need pydicom: "
            "pip install 'dimse-status[pydicom]'"
        ) from None
    return pydicom


def allowed_tags(code: int, type_: StatusType, related: tuple[int, ...]) -> tuple[int, ...]:
    """The command set tags the standard lets travel with this status."""
    if type_ in (StatusType.WARNING, StatusType.FAILURE) and code >> 12 in (0xA, 0xB, 0xC):
        return tuple(dict.fromkeys((*related, *_SERVICE_CLASS_FIELDS)))
    return related


_TAGS = {**FIELD_TAGS, "command_field": COMMAND_FIELD_TAG, "status": STATUS_TAG}


def _name(field: str) -> str:
    tag = _TAGS[field]
    return f"{tag_name(tag)} {format_tag(tag)}"


def _count(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 0xFFFF:
        raise ValueError(f"{_name(field)} must be an int in 0..65535, not {shown(value)}")
    return value


def check_tags(tags: object, what: str) -> tuple[int, ...]:
    """``tags`` as a tuple of 32-bit tags; ``TypeError`` or ``ValueError``
    naming ``what`` otherwise."""
    if isinstance(tags, (str, bytes)) or not hasattr(tags, "__iter__"):
        raise TypeError(f"{what} must be a sequence of 32-bit tags, not {described(tags)}")
    values: tuple[object, ...] = tuple(tags)  # pyright: ignore[reportArgumentType]
    for tag in values:
        if isinstance(tag, bool) or not isinstance(tag, int) or not 0 <= tag <= 0xFFFFFFFF:
            raise ValueError(f"{what} must list 32-bit tags, not {shown(tag)}")
    return values  # type: ignore[return-value]


def _check_comment(comment: object) -> str:
    """An Error Comment as the command set's LO can carry it: ASCII text
    (the default character repertoire; the command set has no Specific
    Character Set), printable, at most 64 characters, no backslash."""
    if not isinstance(comment, str):
        raise TypeError(f"{_name('error_comment')} must be a str, not {described(comment)}")
    if not all(" " <= char <= "~" for char in comment):
        raise ValueError(
            f"{_name('error_comment')} {shown(comment)} is not in the default character "
            "repertoire: the command set's LO carries printable ASCII only"
        )
    return comment


def check_details(
    details: StatusDetails, code: int, type_: StatusType, related: tuple[int, ...],
    what: str,
) -> StatusDetails:
    """``details``, each value checked, if the standard allows every field set
    with this status; ``ValueError`` naming the first one it does not.  An
    empty Error Comment is no comment (it would not be written)."""
    if details.error_comment == "":
        details = details._replace(error_comment=None)
    allowed = allowed_tags(code, type_, related)
    for field in StatusDetails._fields:
        value: object = getattr(details, field)
        if value is None or value == ():
            continue
        if FIELD_TAGS[field] not in allowed:
            names = ", ".join(f"{tag_name(t)} {format_tag(t)}" for t in allowed) or "none"
            raise ValueError(
                f"{_name(field)} does not travel with {what}; the standard allows: {names}"
            )
    check_values(details)
    comment: str | None = details.error_comment
    if comment is not None and (len(comment) > _LO_MAX or "\\" in comment):
        raise ValueError(
            f"{_name('error_comment')} {shown(comment)} is not a valid LO: at most {_LO_MAX} "
            "characters and no backslash"
        )
    return details


def check_values(details: StatusDetails) -> None:
    """``ValueError`` (or ``TypeError``) naming the first value that its VR
    cannot carry: a count outside US, a tag outside AT, a comment that is not
    ASCII.  (What a peer sent is read as sent; this stops it being written.)"""
    check_tags(details.offending_element, _name("offending_element"))
    if details.error_comment is not None:
        _check_comment(details.error_comment)
    for field in ("error_id", "remaining", "completed", "failed", "warning"):
        count: object = getattr(details, field)
        if count is not None:
            _count(field, count)


def _value(ds: Any, tag: int, field: str) -> Any:
    try:
        element = ds.get(tag)
        value = None if element is None else element.value
    except Exception as exc:  # pydicom's errors for raw bytes vary
        # A raw element pydicom cannot decode (an odd length for US, ...).
        raise ValueError(f"{_name(field)} cannot be decoded: {exc}") from exc
    if value is None:
        return None
    if value is None or value == "" or value == b"" or value == []:
        return None
    return value


def _ints(field: str, value: Any) -> tuple[int, ...]:
    """The integers of a value pydicom decoded: one, or a MultiValue of them."""
    values: list[object] = (
        [value] if isinstance(value, (int, str, bytes)) or not hasattr(value, "__iter__")
        else list(value)
    )
    out: list[int] = []
    for item in values:
        if isinstance(item, bool) or not isinstance(item, int):
            raise ValueError(f"{_name(field)} holds {shown(item)}, not an integer")
        out.append(int(item))
    return tuple(out)


def _text(field: str, value: Any) -> str:
    """The text of a value pydicom decoded: a str, several (a backslash joins
    them again), or bytes of an element held raw or as OB/UN, decoded as the
    default character repertoire (ASCII) that the command set uses."""
    parts: list[object] = (
        [value] if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__")
        else list(value)
    )
    texts: list[str] = []
    for part in parts:
        if isinstance(part, bytes):
            try:
                part = part.decode("ascii").rstrip("\0 ")
            except UnicodeDecodeError:
                raise ValueError(
                    f"{_name(field)} holds bytes outside the default character repertoire "
                    f"(ASCII): {shown(part)}"
                ) from None
        if not isinstance(part, str):
            raise ValueError(f"{_name(field)} holds {shown(part)}, not text")
        texts.append(part)
    return "\\".join(texts)


def _single_int(field: str, value: Any) -> int:
    values = _ints(field, value)
    if len(values) != 1:
        raise ValueError(f"{_name(field)} holds {len(values)} values, not one: {shown(value)}")
    return values[0]


def read(ds: object) -> tuple[int, Command | None, StatusDetails]:
    """The Status code, the command (from Command Field (0000,0100) if the
    dataset has one) and the details in a response status ``Dataset``.

    Tolerates what real peers send: missing optional attributes, an Error
    Comment longer than LO allows (or split by a backslash), counts on any
    response.  Raises ``NoResponseError`` (a ``ValueError``) for an empty
    dataset, ``ValueError`` for a dataset without a Status or with one
    that is not a 16-bit integer, and ``TypeError`` for anything but a Dataset.
    """
    pydicom = _pydicom()
    if not isinstance(ds, pydicom.Dataset):
        raise TypeError(f"expected a pydicom Dataset, not {described(ds)}")
    if len(ds) == 0:  # pyright: ignore[reportArgumentType]  # a Dataset, checked above
        raise NoResponseError(
            "the response dataset is empty: no response arrived (pynetdicom returns an "
            "empty Dataset when the association was aborted or released, or the "
            "response timed out)"
        )
    raw = _value(ds, STATUS_TAG, "status")
    if raw is None:
        raise ValueError("the dataset has no Status (0000,0900): it is not a DIMSE status")
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(f"Status (0000,0900) is {shown(raw)}, not a 16-bit integer")
    if not 0 <= raw <= 0xFFFF:
        raise ValueError(f"Status (0000,0900) {shown(raw)} is outside 0x0000..0xFFFF")
    field = _value(ds, COMMAND_FIELD_TAG, "command_field")
    command = None if field is None else Command.from_field(_single_int("command_field", field))
    values: dict[str, Any] = {}
    for name, tag in FIELD_TAGS.items():
        value = _value(ds, tag, name)
        if value is None:
            continue
        if name == "offending_element":
            values[name] = _ints(name, value)
        elif name == "error_comment":
            values[name] = _text(name, value)
        else:
            values[name] = _single_int(name, value)
    return int(raw), command, StatusDetails(**values)


def write(code: int, details: StatusDetails) -> Dataset:
    """A response status ``Dataset``: Status and the details that are set
    (already checked against the status by :func:`check_details`)."""
    check_values(details)
    pydicom = _pydicom()
    ds: Dataset = pydicom.Dataset()
    ds.add_new(STATUS_TAG, "US", code)
    if details.offending_element:
        ds.add_new(FIELD_TAGS["offending_element"], "AT", list(details.offending_element))
    if details.error_comment is not None:
        ds.add_new(FIELD_TAGS["error_comment"], "LO", details.error_comment)
    for field in ("error_id", "remaining", "completed", "failed", "warning"):
        count: int | None = getattr(details, field)
        if count is not None:
            ds.add_new(FIELD_TAGS[field], "US", count)
    return ds
