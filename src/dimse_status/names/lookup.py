"""Other toolkits' names for the statuses, and their own codes as opt-in registries.

The data is generated into :mod:`dimse_status.names.data` from
``tools/toolkits.py``; this module holds what is done with it:

* :func:`names_for` gives what DCMTK, dcm4che, fo-dicom and pynetdicom call a
  resolved status, and :func:`find_names` goes from a toolkit's name (or part
  of it) to the code and where the toolkit uses it;
* :func:`pack` makes a :class:`~dimse_status.StatusRegistry` of the codes a
  toolkit sends of its own (pynetdicom's C211 when a C-STORE handler raised,
  ...), so ``Status(0xC211, Command.C_STORE, registry=pack("pynetdicom"))``
  says what happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base import Command, StatusType, described, shown
from ..base import _name_key as name_key  # pyright: ignore[reportPrivateUsage]
from ..registry import CustomStatus, StatusRegistry
from .data import NAMES, PACK_CODES, TOOLKITS
from .model import PackCode, ToolkitName

if TYPE_CHECKING:
    from ..resolve import Status

__all__ = ["find_names", "is_log_text", "names_for", "pack"]


def _toolkit(name: str) -> str:
    for toolkit in TOOLKITS:
        if name_key(toolkit.name) == name_key(name):
            return toolkit.name
    choices = ", ".join(t.name for t in TOOLKITS)
    raise ValueError(f"unknown toolkit {shown(name)}; expected one of {choices}")


def pack(toolkit: str) -> StatusRegistry:
    """A new registry that knows the standard's statuses and the codes
    ``toolkit`` sends of its own, each registered for the commands whose
    responses carry it: ``Status(0xC211, Command.C_STORE,
    registry=pack("pynetdicom"))`` reads "Unhandled exception raised by the
    handler bound to evt.EVT_C_STORE".  Make it once and keep it.  A toolkit
    that sends no codes of its own (dcm4che, fo-dicom) has none: ``ValueError``
    names those that have."""
    name = _toolkit(toolkit)
    if not any(row.toolkit == name for row in PACK_CODES):
        have = ", ".join(dict.fromkeys(row.toolkit for row in PACK_CODES))
        raise ValueError(f"{name} has no pack: it sends no codes of its own (packs: {have})")
    registry = StatusRegistry()
    registry.add_many(
        _custom(row, Command[command])
        for row in PACK_CODES if row.toolkit == name for command in row.commands
    )
    return registry


def _custom(row: PackCode, command: Command) -> CustomStatus:
    return CustomStatus(row.first, row.last, StatusType.parse(row.type),
                        f"{row.description} ({row.toolkit})", command)


def names_for(status: Status[Any]) -> tuple[ToolkitName, ...]:
    """What the toolkits call ``status``: the names of its code (or of its
    member's code or range, for a code inside a masked range) that the toolkit
    uses with its command (and service), or for any command."""
    command = None if status.command is None else status.command.name
    service = None if status.service is None else status.service.name
    member = status.member
    return tuple(
        name for name in NAMES
        if not is_log_text(name)
        and (name.covers(status.code) or (member is not None and member.covers(name.first)))
        and any(
            c is None or (c == command and (s is None or s == service)) for c, s in name.where
        )
    )


def is_log_text(name: ToolkitName) -> bool:
    """Whether ``name`` is a text a toolkit prints in its log rather than an
    identifier of its source: DCMTK's -v texts (``Refused: OutOfResources``,
    from dcmnet/libsrc/diutil.cc), unlike its ``STATUS_*`` defines.
    :func:`find_names` finds both; :func:`names_for` gives identifiers."""
    return name.toolkit == "DCMTK" and not name.name.startswith("STATUS_")


def find_names(text: str) -> tuple[ToolkitName, ...]:
    """The toolkit names that are ``text`` (in any case, ignoring ``_``,
    ``-``, ``.`` and spaces; with or without the toolkit's class prefix such
    as ``Status.``), then those that contain it: ``find_names("OutOfResources")``."""
    if not isinstance(text, str):
        raise TypeError(f"a toolkit name must be a str, not {described(text)}")
    key = name_key(text).replace(".", "")
    if not key:
        raise ValueError("an empty name matches nothing")
    keys = [(name, name_key(name.name).replace(".", ""),
             name_key(name.name.rsplit(".", 1)[-1])) for name in NAMES]
    exact = tuple(name for name, whole, last in keys if key in (whole, last))
    return exact + tuple(name for name, whole, last in keys
                         if key in whole and key not in (whole, last))
