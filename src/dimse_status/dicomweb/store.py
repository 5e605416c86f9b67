"""The outcome of a STOW-RS request: the Store Instances Response Module.

A gateway that forwards STOW-RS instances over C-STORE adds each instance's
C-STORE status to a :class:`StoreOutcome`; it gives the HTTP status (PS3.18
10.5.3.1, Table 10.5.3-1) and the response body (PS3.18 Annex I, Table
I.1-1), as a pydicom Dataset or in the DICOM JSON Model (PS3.18 F.2).  A
client reads a server's response back with :meth:`StoreOutcome.from_json`
or :meth:`StoreOutcome.from_dataset`.

>>> from dimse_status import CStoreStatus
>>> outcome = StoreOutcome()
>>> _ = outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.3.1", CStoreStatus.SUCCESS)
>>> _ = outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.3.2", 0xA700)
>>> outcome.http_status
<HTTPStatus.ACCEPTED: 202>
>>> outcome.to_json()["00081198"]["Value"][0]["00081197"]
{'vr': 'US', 'Value': [42752]}
>>> for instance in StoreOutcome.from_json(outcome.to_json()).instances:
...     print(instance.sop_instance_uid, instance.stored, instance.status)
1.2.3.2 False (0xA700) Failure: Refused: Out of Resources
1.2.3.1 True (0x0000) Success: Success
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import NamedTuple

from .._typechecking import TYPE_CHECKING
from ..base import Command, StatusEnum, described, shown
from ..resolve import Status
from ..statuses import CStoreStatus, GeneralStatus
from .reasons import FAILURE_REASON, WARNING_REASON, StoreReason, store_reason

if TYPE_CHECKING:
    from typing import Any

    from pydicom import Dataset

__all__ = ["InstanceOutcome", "StoreOutcome"]

RETRIEVE_URL = "00081190"
FAILED_SOP_SEQUENCE = "00081198"
REFERENCED_SOP_SEQUENCE = "00081199"
OTHER_FAILURES_SEQUENCE = "0008119A"
REFERENCED_SOP_CLASS_UID = "00081150"
REFERENCED_SOP_INSTANCE_UID = "00081155"
WARNING_REASON_TAG = "00081196"
FAILURE_REASON_TAG = "00081197"
_UID_MAX = 64


class InstanceOutcome(NamedTuple):
    """One instance of a STOW-RS response: stored (an item of Referenced
    SOP Sequence (0008,1199)) or not (an item of Failed SOP Sequence
    (0008,1198)), with its C-STORE status."""

    sop_class_uid: str
    """Referenced SOP Class UID (0008,1150)."""
    sop_instance_uid: str
    """Referenced SOP Instance UID (0008,1155)."""
    status: Status[CStoreStatus]
    """Success, or the Warning Reason or Failure Reason read as a C-STORE status."""
    stored: bool
    """Whether the instance was stored (Referenced SOP Sequence)."""
    retrieve_url: str | None = None
    """Retrieve URL (0008,1190) of a stored instance, if any."""
    problem: str | None = None
    """What is wrong with the item as a server sent it (a Warning code as a
    Failure Reason ...); it was read as sent.  ``None`` for a sound item."""

    @property
    def reason(self) -> StoreReason | None:
        """The Failure Reason (not stored) or Warning Reason (stored with a
        warning) with PS3.18's meaning; ``None`` for a plain success."""
        if self.stored:
            return None if self.status.code == 0 else store_reason(WARNING_REASON,
                                                                  self.status.code)
        return store_reason(FAILURE_REASON, self.status.code)


def c_store_status(status: object, what: str) -> Status[CStoreStatus]:
    """``status`` (a Status, a member or a code) read as a C-STORE status;
    ``TypeError`` or ``ValueError`` naming ``what`` otherwise."""
    if isinstance(status, bool) or not isinstance(status, int):
        raise TypeError(f"{what}: the status must be a C-STORE Status, member or code, not "
                        f"{described(status)}")
    value: int = status
    if not 0 <= value <= 0xFFFF:
        raise ValueError(f"{what}: status {shown(value)} is outside 0x0000..0xFFFF")
    command: object = None
    if isinstance(value, StatusEnum):
        command = Status(value).command
    elif _is_status(value):
        command = getattr(value, "command", None)
    if isinstance(command, Command) and command is not Command.C_STORE:
        raise ValueError(f"{what}: {shown(value)} is a {command.label} status, not C-STORE's")
    return Status(int(value), Command.C_STORE)


def _is_status(value: object) -> bool:
    return isinstance(value, Status)


def _uid(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {described(value)}")
    if not value or len(value) > _UID_MAX or any(c not in "0123456789." for c in value):
        raise ValueError(f"{what} {shown(value)} is not a UID (digits and dots, at most "
                         f"{_UID_MAX} characters)")
    return value


def _url(value: object, what: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{what} must be a str or None, not {described(value)}")
    return value or None


def _writable(instance: InstanceOutcome) -> None:
    """``ValueError`` naming the instance if its status cannot go where it
    is: a Failure Reason that is not a failure, a Warning Reason that is not
    a warning (PS3.18 I.2.2, I.2.1)."""
    status, uid = instance.status, instance.sop_instance_uid
    if not instance.stored and not status.is_failure:
        raise ValueError(f"instance {uid}: Failure Reason 0x{status.code:04X} is a "
                         f"{status.type.value}, not a failure (PS3.18 I.2.2)")
    if instance.stored and not (status.is_success or status.is_warning):
        raise ValueError(f"instance {uid}: Warning Reason 0x{status.code:04X} is a "
                         f"{status.type.value}, not a warning (PS3.18 I.2.1)")


class StoreOutcome:
    """The outcome of a STOW-RS request, instance by instance.

    ``StoreOutcome(retrieve_url=None)``; :meth:`add` each instance's C-STORE
    status.  A Success or Warning puts the instance in Referenced SOP
    Sequence (a Warning with its Warning Reason), a Failure in Failed SOP
    Sequence with its Failure Reason; :meth:`add_other_failure` records a
    failure of no instance (Other Failures Sequence (0008,119A)).
    """

    __slots__ = ("_instances", "_other_failures", "problems", "retrieve_url")

    def __init__(self, retrieve_url: str | None = None) -> None:
        self.retrieve_url: str | None = _url(retrieve_url, "Retrieve URL (0008,1190)")
        """The study's Retrieve URL (0008,1190), if any (Type 2: empty if None)."""
        self._instances: dict[str, InstanceOutcome] = {}
        self._other_failures: list[StoreReason] = []
        self.problems: list[str] = []
        """What was wrong with the response read (by :meth:`from_json`), item by item."""

    def __repr__(self) -> str:
        return (f"<StoreOutcome: {len(self._instances)} instances, "
                f"{len(self._other_failures)} other failures>")

    @property
    def instances(self) -> tuple[InstanceOutcome, ...]:
        """Every instance, in the order added (or read)."""
        return tuple(self._instances.values())

    @property
    def other_failures(self) -> tuple[StoreReason, ...]:
        """The failures of no instance (Other Failures Sequence (0008,119A))."""
        return tuple(self._other_failures)

    def add(self, sop_class_uid: str, sop_instance_uid: str,
            status: Status[CStoreStatus] | Status[GeneralStatus] | CStoreStatus | GeneralStatus
            | int, retrieve_url: str | None = None) -> InstanceOutcome:
        """Record an instance's C-STORE ``status`` (a ``Status``, a member or a
        code).  Raises ``ValueError`` naming the instance for a status that is
        neither stored nor failed (Pending, Cancel), a status of another
        command, or an instance added twice."""
        uid = _uid(sop_instance_uid, "SOP Instance UID")
        what = f"instance {uid}"
        _uid(sop_class_uid, f"{what}: SOP Class UID")
        code = c_store_status(status, what)
        url = _url(retrieve_url, f"{what}: Retrieve URL")
        if uid in self._instances:
            raise ValueError(f"{what} was added already")
        if code.is_failure:
            if url is not None:
                raise ValueError(f"{what} was not stored: it has no Retrieve URL")
            instance = InstanceOutcome(sop_class_uid, uid, code, False)
        elif code.is_success or code.is_warning:
            instance = InstanceOutcome(sop_class_uid, uid, code, True, url)
        else:
            raise ValueError(f"{what}: {code} is neither stored (Success, Warning) nor failed "
                             "(Failure): not an outcome")
        self._instances[uid] = instance
        return instance

    def add_other_failure(self, status: Status[CStoreStatus] | Status[GeneralStatus]
                          | CStoreStatus | GeneralStatus | int) -> StoreReason:
        """Record a failure of no instance in particular (PS3.18 Table I.1-1,
        Other Failures Sequence): ``ValueError`` if it is not a failure."""
        code = c_store_status(status, "other failure")
        if not code.is_failure:
            raise ValueError(f"other failure: Failure Reason {code} is not a failure "
                             "(PS3.18 I.2.2)")
        reason = store_reason(FAILURE_REASON, code.code)
        self._other_failures.append(reason)
        return reason

    @property
    def http_status(self) -> HTTPStatus:
        """The STOW-RS response status, PS3.18 10.5.3.1 (Table 10.5.3-1):

        - 200 (OK): every instance stored, none with a warning;
        - 202 (Accepted): some stored, with warnings or failures for others;
          also when every instance was stored but some with warnings: 200
          says "stored all Instances", but only 202 tells a client that the
          body has warnings to read, and its text does not require a failure;
        - 409 (Conflict): none stored (every instance failed, or only other
          failures).

        400 and 415 answer a request that could not be read at all; they
        are not an outcome of stored instances.  ``ValueError`` for an
        outcome with nothing in it.
        """
        if not self._instances and not self._other_failures:
            raise ValueError("an empty StoreOutcome has no HTTP status: add an instance")
        instances = self._instances.values()
        if not any(i.stored for i in instances):
            return HTTPStatus.CONFLICT
        if self._other_failures or any(not i.stored or not i.status.is_success
                                       for i in instances):
            return HTTPStatus.ACCEPTED
        return HTTPStatus.OK

    def to_json(self) -> dict[str, object]:
        """The Store Instances Response Module in the DICOM JSON Model
        (PS3.18 F.2): attributes in ascending tag order, Failure and Warning
        Reason as US numbers.  ``ValueError`` naming an instance whose
        status cannot go where it is (a read Failure Reason that is not a
        failure ...)."""
        failed: list[object] = []
        stored: list[object] = []
        for instance in self._instances.values():
            _writable(instance)
            item: dict[str, object] = {
                REFERENCED_SOP_CLASS_UID: _value("UI", instance.sop_class_uid),
                REFERENCED_SOP_INSTANCE_UID: _value("UI", instance.sop_instance_uid),
            }
            if instance.stored:
                item[RETRIEVE_URL] = _value("UR", instance.retrieve_url)
                if instance.status.is_warning:
                    item[WARNING_REASON_TAG] = _value("US", instance.status.code)
                stored.append(item)
            else:
                item[FAILURE_REASON_TAG] = _value("US", instance.status.code)
                failed.append(item)
        for reason in self._other_failures:
            if not reason.status.is_failure:
                raise ValueError(f"other failure: Failure Reason 0x{reason.code:04X} is a "
                                 f"{reason.status.type.value}, not a failure (PS3.18 I.2.2)")
        doc: dict[str, object] = {RETRIEVE_URL: _value("UR", self.retrieve_url)}
        if failed:
            doc[FAILED_SOP_SEQUENCE] = {"vr": "SQ", "Value": failed}
        if stored:
            doc[REFERENCED_SOP_SEQUENCE] = {"vr": "SQ", "Value": stored}
        if self._other_failures:
            doc[OTHER_FAILURES_SEQUENCE] = {"vr": "SQ", "Value": [
                {FAILURE_REASON_TAG: _value("US", r.code)} for r in self._other_failures]}
        return doc

    def to_dataset(self) -> Dataset:
        """The Store Instances Response Module (PS3.18 Annex I, Table I.1-1)
        as a pydicom ``Dataset``.  Needs pydicom."""
        dataset: Dataset = _pydicom().Dataset.from_json(self.to_json())
        return dataset

    @classmethod
    def from_json(cls, doc: Mapping[str, object] | str | bytes) -> StoreOutcome:
        """A server's STOW-RS response body (DICOM JSON Model, as text or
        parsed), read as sent: every item is kept, and what is wrong with
        one (a Warning code as a Failure Reason, as Microsoft's DICOM server
        sends B00E and B00F; a missing value) is flagged in its
        ``problem`` and in :attr:`problems`, never refusing the response.
        ``TypeError`` or ``ValueError`` for a body that is not a JSON object.
        """
        parsed: object = json.loads(doc) if isinstance(doc, (str, bytes)) else doc
        results = _list(parsed)
        if results is not None and len(results) == 1:
            parsed = results[0]  # F.2.1: results as an array
        module = _mapping(parsed)
        if module is None:
            raise TypeError(f"a STOW-RS response body is a DICOM JSON object, not "
                            f"{described(parsed)}")
        outcome = cls()
        _read_module(outcome, module)
        return outcome

    @classmethod
    def from_dataset(cls, ds: Dataset) -> StoreOutcome:
        """A server's STOW-RS response as a pydicom ``Dataset`` (what
        dicomweb-client's ``store_instances`` returns), read as
        :meth:`from_json` reads it.  Needs pydicom."""
        pydicom = _pydicom()
        if not isinstance(ds, pydicom.Dataset):
            raise TypeError(f"expected a pydicom Dataset, not {described(ds)}")
        return cls.from_json(ds.to_json_dict(suppress_invalid_tags=True))

    def _read(self, instance: InstanceOutcome) -> None:
        """Keep an instance read from a response (a repeated UID too)."""
        key = instance.sop_instance_uid
        while key in self._instances:
            key += " "  # a server that lists an instance twice: keep both
        self._instances[key] = instance
        if instance.problem is not None:
            self.problems.append(f"instance {instance.sop_instance_uid or '(no UID)'}: "
                                 f"{instance.problem}")

    def _read_other(self, reason: StoreReason) -> None:
        self._other_failures.append(reason)
        if reason.problem is not None:
            self.problems.append(f"other failure: {reason.problem}")


def _value(vr: str, value: object) -> dict[str, object]:
    """A DICOM JSON attribute: no ``Value`` when empty (PS3.18 F.2.2)."""
    return {"vr": vr} if value is None else {"vr": vr, "Value": [value]}


def _pydicom() -> Any:
    try:
        import pydicom
    except ImportError:
        raise ImportError("StoreOutcome.to_dataset() and from_dataset() need pydicom: "
                          "pip install 'dimse-status[pydicom]'") from None
    return pydicom



# --- reading a server's response, as sent ------------------------------------------


def _mapping(value: object) -> Mapping[str, object] | None:
    """A JSON object with its keys upper-cased (tags), or None."""
    if not isinstance(value, Mapping):
        return None
    pairs: list[tuple[object, object]] = list(value.items())  # pyright: ignore[reportUnknownArgumentType, reportUnknownMemberType, reportUnknownVariableType]
    return {str(k).upper(): v for k, v in pairs}


def _list(value: object) -> list[object] | None:
    if not isinstance(value, list):
        return None
    items: list[object] = list(value)  # pyright: ignore[reportUnknownArgumentType]
    return items


def _values(element: object) -> list[object] | None:
    """The Value of a DICOM JSON attribute; None if it has none."""
    attribute = _mapping(element)
    return None if attribute is None else _list(attribute.get("VALUE"))


def _items(doc: Mapping[str, object], tag: str, problems: list[str]) -> list[Mapping[str, object]]:
    element = _mapping(doc.get(tag))
    if element is None or element.get("VALUE") is None:
        return []
    values = _values(element)
    if values is None:
        problems.append(f"({tag[:4]},{tag[4:]}) has a Value that is not a list: "
                        f"{shown(element.get('VALUE'))}")
        return []
    items: list[Mapping[str, object]] = []
    for value in values:
        item = _mapping(value)
        if item is None:
            problems.append(f"an item of ({tag[:4]},{tag[4:]}) is not an object: {shown(value)}")
        else:
            items.append(item)
    return items


def _first(item: Mapping[str, object], tag: str) -> object:
    """The first value of an attribute, or None."""
    values = _values(item.get(tag))
    return values[0] if values else None


def _text(item: Mapping[str, object], tag: str, name: str, problems: list[str]) -> str:
    value = _first(item, tag)
    if isinstance(value, str):
        return value
    problems.append(f"{name} ({tag[:4]},{tag[4:]}) is missing" if value is None
                    else f"{name} ({tag[:4]},{tag[4:]}) is {shown(value)}, not text")
    return "" if value is None else str(value)


def _reason(item: Mapping[str, object], attribute: str, problems: list[str]) -> int | None:
    """The code of a reason attribute as sent: a US number (or a decimal
    string, flagged); ``None`` (flagged) when absent or unreadable."""
    tag = FAILURE_REASON_TAG if attribute == FAILURE_REASON else WARNING_REASON_TAG
    value = _first(item, tag)
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        problems.append(f"{attribute} {shown(value)} is a string, not a US number")
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 0xFFFF:
        problems.append(f"{attribute} {shown(value)} is not a US code")
        return None
    return value


def _reason_problem(reason: StoreReason, problems: list[str]) -> str | None:
    found = [*problems, *([reason.problem] if reason.problem else [])]
    return "; ".join(found) or None


def _read_module(outcome: StoreOutcome, doc: Mapping[str, object]) -> None:
    url = _first(doc, RETRIEVE_URL)
    outcome.retrieve_url = url if isinstance(url, str) and url else None
    for stored, tag in ((False, FAILED_SOP_SEQUENCE), (True, REFERENCED_SOP_SEQUENCE)):
        for item in _items(doc, tag, outcome.problems):
            problems: list[str] = []
            class_uid = _text(item, REFERENCED_SOP_CLASS_UID, "Referenced SOP Class UID",
                              problems)
            instance_uid = _text(item, REFERENCED_SOP_INSTANCE_UID,
                                 "Referenced SOP Instance UID", problems)
            attribute = WARNING_REASON if stored else FAILURE_REASON
            code = _reason(item, attribute, problems)
            if code is None and not stored:
                problems.append("no Failure Reason: read as 0110 Processing failure")
                code = 0x0110
            if code is None:
                status = Status(0, Command.C_STORE)
                problem = "; ".join(problems) or None
            else:
                reason = store_reason(attribute, code)
                status, problem = reason.status, _reason_problem(reason, problems)
            retrieve = _first(item, RETRIEVE_URL) if stored else None
            outcome._read(InstanceOutcome(  # pyright: ignore[reportPrivateUsage]
                class_uid, instance_uid, status, stored,
                retrieve if isinstance(retrieve, str) and retrieve else None, problem))
    for item in _items(doc, OTHER_FAILURES_SEQUENCE, outcome.problems):
        problems = []
        code = _reason(item, FAILURE_REASON, problems)
        if code is None:
            problems.append("no Failure Reason: read as 0110 Processing failure")
            code = 0x0110
        reason = store_reason(FAILURE_REASON, code)
        outcome._read_other(reason._replace(  # pyright: ignore[reportPrivateUsage]
            problem=_reason_problem(reason, problems)))
