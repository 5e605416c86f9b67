"""The association outcomes a script sends: ``abort`` responses and the
top-level ``reject`` table (PS3.8 9.3.8 and 9.3.4).

Each function raises ``ValueError`` (or ``TypeError``) with a message that
names the field; :mod:`dimse_status.testing.script` prefixes where the value
is and turns it into a :class:`~dimse_status.testing.ScriptError`.  Reserved
values are refused (:meth:`~dimse_status.association.Rejection.check_sendable`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..association.outcome import Abort, Rejection
from ..base import described, shown

__all__ = ["ABORT", "abort_of", "known_keys", "reject_of"]

ABORT = "abort"
_ABORT_TEXT = re.compile(r"\s*abort\s*(?:[:=]\s*(\d{1,3})\s*(?:,\s*(\d{1,3})\s*)?)?",
                         re.IGNORECASE | re.ASCII)
_ABORT_KEYS = ("abort", "delay")
_REJECT_KEYS = ("result", "source", "reason", "association")
_MAX_ASSOCIATION = 2**31


def known_keys(table: Mapping[str, Any], known: Sequence[str], what: str) -> None:
    """``ValueError`` for a key of ``table`` not in ``known``."""
    for key in table:
        if key not in known:
            raise ValueError(f"{what}unknown key {shown(key)}; expected {', '.join(known)}")


def abort_of(value: object) -> tuple[Abort | None, object] | None:
    """``(abort, delay)`` for ``"abort"`` (abort ``None``: pynetdicom's own),
    ``"abort:2,6"`` (``abort=SOURCE[,REASON]``) or ``{"abort": {"source": 2,
    "reason": 6}, "delay": ...}`` (delay as given, ``None`` if absent); ``None``
    if ``value`` is none of them."""
    if isinstance(value, str) and value.strip().lower().startswith(ABORT):
        match = _ABORT_TEXT.fullmatch(value)
        if match is None:
            raise ValueError(f"{shown(value)} is not \"abort\" or \"abort:SOURCE[,REASON]\" in "
                             "numbers (e.g. abort:2,6)")
        if match[1] is None:
            return None, None
        fields: Mapping[str, object] = {"source": int(match[1]), "reason": int(match[2] or 0)}
        delay: object = None
    elif isinstance(value, Mapping) and "abort" in value:
        table: Mapping[str, Any] = value  # pyright: ignore[reportUnknownVariableType]
        known_keys(table, _ABORT_KEYS, "")
        delay = table.get("delay")
        given = table["abort"]
        if not isinstance(given, Mapping):
            raise ValueError("abort is a table with source and reason (PS3.8 9.3.8), not "
                             f"{described(given)}")
        fields = given  # pyright: ignore[reportUnknownVariableType]
        known_keys(fields, ("source", "reason"), "abort: ")
        if "source" not in fields:
            raise ValueError("abort needs a source (0 service-user, 2 service-provider)")
    else:
        return None
    abort = Abort(fields["source"], fields.get("reason", 0))  # type: ignore[arg-type]
    return abort.check_sendable(), delay


def reject_of(value: object) -> tuple[Rejection, int | None]:
    """The rejection of a script's ``reject = { result = 2, source = 3, reason = 1,
    association = N }`` and the association it answers (``None``: every one)."""
    if not isinstance(value, Mapping):
        raise ValueError("reject is a table with result, source, reason and optionally "
                         f"association (PS3.8 9.3.4), not {described(value)}")
    table: Mapping[str, Any] = value  # pyright: ignore[reportUnknownVariableType]
    known_keys(table, _REJECT_KEYS, "reject: ")
    missing = [name for name in _REJECT_KEYS[:3] if name not in table]
    if missing:
        raise ValueError(f"reject needs {', '.join(missing)} (e.g. result = 2, source = 3, "
                         "reason = 1)")
    nth = table.get("association")
    if nth is not None and (isinstance(nth, bool) or not isinstance(nth, int)
                            or not 1 <= nth <= _MAX_ASSOCIATION):
        raise ValueError(f"reject association must be an int in 1..{_MAX_ASSOCIATION} (1 is the "
                         f"first), not {shown(nth)}")
    rejection = Rejection(table["result"], table["source"], table["reason"])
    return rejection.check_sendable(), nth
