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

from ..association import Abort, ContextResult, OutcomeEnum, Rejection
from ..base import shown

__all__ = ["explain_outcome"]


def _field(name: str, value: OutcomeEnum | int, reserved: str = "reserved") -> str:
    if isinstance(value, OutcomeEnum):
        meaning = f": {value.description}" if value.description and name != "source" else ""
        return f"  {name}: {int(value)} {value.term}{meaning}"
    return f"  {name}: {value} ({reserved}: not defined by the standard; read, never sent)"


def explain_outcome(reject: str | None = None, abort: str | None = None,
                    context_result: str | None = None) -> str:
    """The text ``explain`` prints for one of its association options."""
    given = [name for name, v in (("--reject", reject), ("--abort", abort),
                                  ("--context-result", context_result)) if v is not None]
    if len(given) != 1:
        raise ValueError(f"give one of --reject, --abort, --context-result, not {', '.join(given)}")
    if reject is not None:
        rejection = Rejection.parse(reject)
        return "\n".join([
            str(rejection),
            _field("result", rejection.result),
            _field("source", rejection.source),
            _field("reason", rejection.reason),
            "  transient: " + ("yes (the caller may try again later)" if rejection.is_transient
                               else "no (calling again will not help)"),
        ])
    if abort is not None:
        found = Abort.parse(abort)
        lines = [str(found), _field("source", found.source)]
        if found.is_provider:
            lines.append(_field("reason", found.reason))
        else:
            lines.append(f"  reason: {int(found.reason)} (not significant from this source)")
        return "\n".join(lines)
    assert context_result is not None
    text = context_result.strip()
    try:
        result = (ContextResult(int(text)) if text.isdigit() else ContextResult.parse(text))
    except ValueError:
        raise ValueError(f"context result {shown(text)} is not one of PS3.8 Table 9-18: "
                         + ", ".join(f"{int(m)} {m.term}" for m in ContextResult)) from None
    verdict = ("yes" if result.is_accepted else "no, by the service provider"
               if result.is_provider_rejection else "no, by the called application")
    return (f"Presentation context result {int(result)} {result.term}: {result.description} "
            f"[{result.section}]\n  accepted: {verdict}")
