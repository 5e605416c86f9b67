"""``dimse-status explain CODE --dicomweb failure-reason`` and ``table --dicomweb``.

With ``--dicomweb``, CODE may be decimal, as DICOM JSON and XML carry
Warning Reason and Failure Reason (``42752`` is A700): a value of decimal
digits without a leading zero (JSON numbers have none) is decimal; anything
else is hex as DICOM writes it (``A700``, ``0xA700``, ``0110``, ``A700H``).
"""

from __future__ import annotations

import json

from ..base import shown
from ..dicomweb import failure_reason, warning_reason
from ..dicomweb.data import FAILURE_REASONS, PS3_18_EDITION, UPS_WARNINGS, WARNING_REASONS

__all__ = ["KINDS", "dicomweb_code", "dicomweb_table", "explain_dicomweb"]

KINDS = ("failure-reason", "warning-reason")
_TITLES = {"failure-reason": "STOW-RS Failure Reason (PS3.18 I.2.2)",
           "warning-reason": "STOW-RS Warning Reason (PS3.18 I.2.1)"}


def dicomweb_code(text: str) -> int | str:
    """CODE as ``failure_reason``/``warning_reason`` take it: an int when
    decimal (no leading zero), else the hex text."""
    value = text.strip()
    if value.isdigit() and value.isascii() and (value == "0" or not value.startswith("0")):
        number = int(value)
        if number > 0xFFFF:
            raise ValueError(f"{shown(text)} is outside 0..65535: not a 16-bit status code")
        return number
    return value


def explain_dicomweb(text: str, kind: str, as_json: bool) -> str:
    """What a Warning or Failure Reason value means, PS3.18's meaning first."""
    code = dicomweb_code(text)
    reason = failure_reason(code) if kind == "failure-reason" else warning_reason(code)
    member = reason.status.member
    if as_json:
        return json.dumps({
            "code": reason.code, "hex": f"0x{reason.code:04X}", "attribute": reason.attribute,
            "meaning": reason.meaning, "listed": reason.listed,
            "pattern": None if reason.value is None else reason.value.pattern,
            "section": None if reason.value is None else reason.value.section,
            "explanation": None if reason.value is None else reason.value.explanation,
            "edition": PS3_18_EDITION, "problem": reason.problem,
            "type": reason.status.type.value, "c_store": reason.status.description,
            "member": None if member is None else f"{type(member).__name__}.{member.name}",
        })
    lines = [str(reason.status), f"  {_TITLES[kind]}: "
             + (f"{reason.value.pattern} {reason.value.meaning}" if reason.value is not None
                else "not listed: implementation specific (the conformance statement "
                     "defines it)")]
    lines.append(f"  value:   {reason.code} decimal = 0x{reason.code:04X}")
    if reason.value is not None:
        lines.append(f"  text:    {reason.value.explanation}")
        lines.append(f"  section: {reason.value.section}, read in PS3.18 {PS3_18_EDITION}")
    lines.append("  C-STORE: " + (f"{type(member).__name__}.{member.name}" if member is not None
                                  else "no CStoreStatus member")
                 + f" ({reason.status.description})")
    if reason.problem is not None:
        lines.append(f"  problem: {reason.problem}")
    return "\n".join(lines)


def dicomweb_table(fmt: str) -> str | list[tuple[str, list[str], list[list[str]]]]:
    """The PS3.18 values: Warning and Failure Reason, then the UPS-RS texts;
    JSON text for ``fmt == "json"``, else (title, header, rows) per table
    for the command line's renderer."""
    reasons = [{"attribute": r.attribute, "pattern": r.pattern, "first": r.first,
                "last": r.last, "meaning": r.meaning, "section": r.section}
               for r in WARNING_REASONS + FAILURE_REASONS]
    ups = [{"transaction": r.transaction, "command": r.command.replace("_", "-"),
            "code": f"{r.code:04X}", "member": r.member, "text": r.text, "section": r.section}
           for r in UPS_WARNINGS]
    if fmt == "json":
        return json.dumps({"edition": PS3_18_EDITION, "reasons": reasons, "ups_warnings": ups},
                          indent=1)
    return [
        (f"STOW-RS Warning and Failure Reason (PS3.18 {PS3_18_EDITION} Annex I)",
         ["Attribute", "Code", "Decimal", "PS3.18 meaning", "Section"],
         [[str(r["attribute"]), str(r["pattern"]),
           f"{r['first']}" + (f"-{r['last']}" if r["last"] != r["first"] else ""),
           str(r["meaning"]), str(r["section"])] for r in reasons]),
        ("UPS-RS Warning texts (299 <service>: text)",
         ["Transaction", "Code", "Member", "Warning text", "Section"],
         [[r["transaction"], r["code"], r["member"], r["text"], r["section"]] for r in ups]),
    ]
