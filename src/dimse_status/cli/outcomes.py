"""``explain --reject``, ``--abort`` and ``--context-result``: the codes of
PS3.8 for an association that fails (:mod:`dimse_status.association`).

>>> print(explain_outcome(reject="2,3,1"))
Rejected (transient) by the service provider (presentation): temporary congestion [PS3.8 9.3.4]
  result: 2 rejected-transient: the association is refused for now: the caller may try again later
  source: 3 DICOM UL service-provider (Presentation related function)
  reason: 1 temporary-congestion: the called side is too busy to accept an association now
  transient: yes (the caller may try again later)
"""

from __future__ import annotations

import json
from typing import Any

from ..association import Abort, AbortReason, ContextResult, OutcomeEnum, Rejection, RejectSource
from ..base import shown

__all__ = ["AssociationLines", "explain_outcome", "outcome_json"]


def _field(name: str, value: OutcomeEnum | int, reserved: str = "reserved") -> str:
    if isinstance(value, OutcomeEnum):
        meaning = f": {value.description}" if value.description and name != "source" else ""
        return f"  {name}: {int(value)} {value.term}{meaning}"
    return f"  {name}: {value} ({reserved}: not defined by the standard; read, never sent)"


def explain_outcome(reject: str | None = None, abort: str | None = None,
                    context_result: str | None = None, *, as_json: bool = False) -> str:
    """The text ``explain`` prints for one of its association options; with
    ``as_json``, one JSON object (:func:`outcome_json`)."""
    given = [name for name, v in (("--reject", reject), ("--abort", abort),
                                  ("--context-result", context_result)) if v is not None]
    if len(given) != 1:
        raise ValueError(f"give one of --reject, --abort, --context-result, not {', '.join(given)}")
    found: Rejection | Abort | ContextResult
    if reject is not None:
        found = Rejection.parse(reject)
    elif abort is not None:
        found = Abort.parse(abort)
    else:
        assert context_result is not None
        found = _context_result(context_result)
    if as_json:
        return json.dumps(outcome_json(found))
    if isinstance(found, Rejection):
        return "\n".join([
            str(found),
            _field("result", found.result),
            _field("source", found.source),
            _field("reason", found.reason),
            "  transient: " + ("yes (the caller may try again later)" if found.is_transient
                               else "no (calling again will not help)"),
        ])
    if isinstance(found, Abort):
        lines = [str(found), _field("source", found.source)]
        if found.is_provider:
            lines.append(_field("reason", found.reason))
        else:
            lines.append(f"  reason: {int(found.reason)} (not significant from this source)")
        return "\n".join(lines)
    return (f"Presentation context result {int(found)} {found.term}: {found.description} "
            f"[{found.section}]\n  accepted: {_verdict(found)}")


def _context_result(text: str) -> ContextResult:
    text = text.strip()
    try:
        return ContextResult(int(text)) if text.isdigit() else ContextResult.parse(text)
    except ValueError:
        raise ValueError(f"context result {shown(text)} is not one of PS3.8 Table 9-18: "
                         + ", ".join(f"{int(m)} {m.term}" for m in ContextResult)) from None


def _verdict(result: ContextResult) -> str:
    return ("yes" if result.is_accepted else "no, by the service provider"
            if result.is_provider_rejection else "no, by the called application")


def _term(value: OutcomeEnum | int) -> str | None:
    return value.term if isinstance(value, OutcomeEnum) else None


def outcome_json(found: Rejection | Abort | ContextResult) -> dict[str, Any]:
    """``explain --json`` of an association outcome: the fields as ints with
    their terms (``None`` when reserved), the description and the section.

    >>> outcome_json(Rejection(2, 3, 1))["reason_term"], outcome_json(Abort(2, 6))["reason"]
    ('temporary-congestion', 6)
    """
    if isinstance(found, ContextResult):
        return {"outcome": "presentation-context-result", "result": int(found),
                "term": found.term, "accepted": found.is_accepted,
                "provider_rejection": found.is_provider_rejection,
                "description": found.description, "section": found.section}
    fields: dict[str, Any] = {}
    names = ("result", "source", "reason") if isinstance(found, Rejection) \
        else ("source", "reason")
    for name in names:
        value = getattr(found, name)
        fields[name], fields[f"{name}_term"] = int(value), _term(value)
    if isinstance(found, Rejection):
        return {"outcome": "A-ASSOCIATE-RJ", **fields, "description": found.description,
                "section": found.section, "is_transient": found.is_transient,
                "reserved": list(found.reserved_fields)}
    return {"outcome": "A-ABORT", **fields, "description": found.description,
            "section": found.section, "is_provider": found.is_provider,
            "reserved": list(found.reserved_fields)}


class AssociationLines:
    """Reads the association lines of DCMTK ``-d`` and pynetdicom logs, one
    line at a time, and gives the note for the line that completes an
    A-ASSOCIATE-RJ (its Reason) or an A-ABORT (its Abort Reason):

    DCMTK: ``F: Result: Rejected Transient, Source: Service Provider
    (Presentation Related)`` then ``F: Reason: Temporary Congestion``;
    pynetdicom: ``Result: Rejected Transient, Source: Service Provider
    (Presentation)`` then ``Reason: Temporary congestion``, or its PDU dump
    (``Result:    Rejected (Transient)``, ``Source:    DUL service-provider
    (presentation related)``, ``Reason: ...``; ``Abort Source: DUL
    service-provider``, ``Abort Reason: Unexpected PDU``).  A reason a log
    names ``Reserved`` has no number to show, and gets no note.

    >>> lines = AssociationLines()
    >>> lines.note("F: Result: Rejected Permanent, Source: Service User") is None
    True
    >>> print(lines.note("F: Reason: Called AE Title Not Recognized").split(" by ")[0])
      [dimse-status A-ASSOCIATE-RJ (1,1,7) Rejected (permanent)
    """

    __slots__ = ("abort_source", "result", "source")

    def __init__(self) -> None:
        self.result: int | None = None
        self.source: int | None = None
        self.abort_source: int | None = None

    def note(self, line: str) -> str | None:
        """The note for ``line``, or ``None``; remembers what it needs."""
        if "Result" not in line and "Source" not in line and "Reason" not in line:
            return None
        words = _words(line)
        if "abort source:" in words:
            after = words.split("abort source:", 1)[1]
            self.abort_source = 2 if "provider" in after else 0 if "user" in after else None
            return None
        if "abort reason:" in words:
            source, self.abort_source = self.abort_source, None
            if source is None:
                return None
            reason = 0 if source == 0 else _reason(AbortReason, words.split("abort reason:")[1])
            if reason is None:
                return None
            return f"  [dimse-status A-ABORT ({source},{reason}) {Abort(source, reason)}]"
        if "result:" in words and "rejected" in words:
            self.result = 2 if "transient" in words else 1 if "permanent" in words else None
        if "source:" in words and self.result is not None:
            after = words.split("source:", 1)[1]
            self.source = (2 if "acse" in after else 3 if "presentation" in after
                           else 1 if "user" in after else None)
        if "reason:" in words and self.result is not None and self.source is not None:
            result, source = self.result, self.source
            self.result = self.source = None
            reasons = RejectSource(source).reasons
            reason = _reason(reasons, words.split("reason:", 1)[1])
            if reason is None:
                return None
            rejection = Rejection(result, source, reason)
            return f"  [dimse-status A-ASSOCIATE-RJ ({result},{source},{reason}) {rejection}]"
        return None


def _words(line: str) -> str:
    """``line`` in lower case, blanks collapsed, British spellings and DCMTK's
    "App Context" as PS3.8 writes them."""
    text = line.casefold().replace("recognised", "recognized")
    return " ".join(text.replace("app context", "application context").split())


def _reason(enum: type[OutcomeEnum], text: str) -> int | None:
    """The value of the member of ``enum`` whose phrase ``text`` names
    (``no reason`` for ``no reason given``, as DCMTK writes it)."""
    text = " ".join(text.replace("-", " ").split())
    for member in enum:
        phrase = member.phrase.casefold()
        if text == phrase or (text == "no reason" and phrase == "no reason given") or (
                text in ("no reason given", "no reason") and phrase == "reason not specified"):
            return int(member)
    return None
