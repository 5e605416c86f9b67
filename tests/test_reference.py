"""Every row of the cited reference compilation against the data.

``shared/reference/dimse-status-codes.json`` (beside the repository, in the
project's shared folder) compiles every status of PS3.7 and PS3.4 with its
section and the text that was read for it.  It is a cross-check, not the
authority: each difference from it must be one of the deliberate differences
of ``tools/standard.py`` (REFERENCE_DIFFERENCES, each with the decision the
standard's text supports), and each of those must still be a difference.

Compared for each reference row: that the code is a status of the same table
(the Annex C codes, a command's enum, or a service's enum for a command),
its type, its mask and its related command fields (tags only; the untagged
data sets are not compared).  And back: every Annex C and command member, and
every status a service adds of its own, must be a row of the reference; every
service's command list must be the reference's.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from dimse_status import COMMAND_ENUMS, Command, GeneralStatus, StatusEnum
from dimse_status.services import SERVICE_ENUMS, Service

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import standard

REFERENCE = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "dimse-status-codes.json"
)
Key = tuple[str, str, str, str]  # (table, command label or "", code, field)
_TAG = re.compile(r"\((0000),([0-9A-Fa-f]{4})\)")


def _load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return data


def _base(row: dict[str, Any]) -> int:
    return int(row["base"], 16)


def _related(row: dict[str, Any]) -> set[int]:
    return {int(g + e, 16) for text in row["related"] for g, e in _TAG.findall(text)}


def _covering(enum: list[StatusEnum], code: int) -> StatusEnum | None:
    """The most specific member covering ``code``, as the resolver picks it."""
    found = [m for m in enum if m.covers(code)]
    return max(found, key=lambda m: bin(m.mask).count("1")) if found else None


def _compare(
    table: str, command: str, rows: list[dict[str, Any]], enum: list[StatusEnum],
    own: list[StatusEnum],
) -> set[Key]:
    """Differences of ``rows`` (reference) from ``enum``; ``own`` are the members
    that must each be a reference row."""
    out: set[Key] = set()
    for row in rows:
        if row["code"] is None:  # an Annex C section whose code PS3.4 assigns
            continue
        member = _covering(enum, _base(row))
        if member is None:
            out.add((table, command, row["code"], "missing"))
            continue
        if member.type.value != row["type"]:
            out.add((table, command, row["code"], "type"))
        if member.mask != (int(row["mask"], 16) if row["mask"] else 0xFFFF):
            out.add((table, command, row["code"], "mask"))
        if set(member.related_attributes) != _related(row):
            out.add((table, command, row["code"], "related"))
    bases = [_base(row) for row in rows if row["code"] is not None]
    for member in own:
        if not any(member.covers(base) for base in bases):
            out.add((table, command, member.pattern, "extra"))
    return out


def _service_name(title: str) -> Service | None:
    try:
        return Service.parse(title.split(" (")[0])
    except ValueError:
        return None


def reference_differences(data: dict[str, Any]) -> set[Key]:
    out = _compare("general", "", data["general"], list(GeneralStatus), list(GeneralStatus))
    for label, rows in data["commands"].items():
        if label == "C-CANCEL":  # a request without a response: no Status
            assert rows == []
            continue
        enum = list(COMMAND_ENUMS[Command.parse(label)])
        out |= _compare(label, "", rows, enum, enum)
    for title, entry in data["services"].items():
        service = _service_name(title)
        if service is None:  # retired service classes: nothing to compare
            assert entry["statuses"] == [] and entry["commands"] == [], title
            continue
        labels = [c.label for c in service.commands]
        if sorted(labels) != sorted(entry["commands"]):
            out.add((service.name, "", "", "commands"))
        for command in {Command.parse(row["command"]) for row in entry["statuses"]}:
            # A service enum holds the service's own statuses only; the
            # command's statuses come after them, as the resolver reads them.
            service_enum = SERVICE_ENUMS[service].get(command, COMMAND_ENUMS[command])
            own = [] if service_enum is COMMAND_ENUMS[command] else list(service_enum)
            enum = [*own, *COMMAND_ENUMS[command]]
            rows = [row for row in entry["statuses"] if row["command"] == command.label]
            out |= _compare(service.name, command.label, rows, enum, own)
    return out


def documented() -> set[Key]:
    return {
        (d.table, d.command, code, d.field)
        for d in standard.REFERENCE_DIFFERENCES for code in d.codes
    }


# The compilation lies beside the project's own workspace and CI's clone
# (../shared/reference/), not beside a user's clone: there these two tests are
# not defined, rather than skipped with a reason nobody could act on.
if REFERENCE.exists():

    def test_every_difference_from_the_reference_is_documented() -> None:
        found = reference_differences(_load())
        assert sorted(found - documented()) == []

    def test_every_documented_difference_still_differs() -> None:
        found = reference_differences(_load())
        assert sorted(documented() - found) == []


def test_documented_differences_are_well_formed() -> None:
    fields = {"missing", "extra", "type", "mask", "related", "commands"}
    for d in standard.REFERENCE_DIFFERENCES:
        assert d.field in fields and d.codes and d.reference and d.decision, d
