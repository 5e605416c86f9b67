"""Status tables for a DICOM Conformance Statement, in the layout of PS3.2 Annex N.

PS3.2 Annex N ("Conformance Statement Sample Integrated Modality") asks for
one table per role, service and command.  Read in the chtml pages of
dicom.nema.org "current": N.7.3.2.5 (PS3.2 2024d; Tables N.7-42 and N.7-43,
C-STORE), N.7.3.2.1 and N.7.3.2.7 (PS3.2 2024c; Tables N.7-10 and N.7-48,
Worklist and Q/R C-FIND):

- the SCU table lists the Status Codes the SCU supports and "defines the
  application behavior when encountering" them, in the columns *Service
  Status | Further Meaning | Status Code | Behavior* (Table N.7-42), and ends
  with a row ``- | Other Status Codes | anything else`` for the behaviour on
  an unknown code;
- the SCP table lists the Status Codes the SCP sends and "defines conditions
  in which the listed Status Codes are sent", in the columns *Service Status
  | Further Meaning | Status Codes | Related Fields | Condition* (Table
  N.7-43; the stored page breaks off in the last header, which the
  template's instruction names: 'comments ... can be provided in the
  "Condition" Column'), with ``N/A`` "if there are no related fields".
  Some SCP templates (N.7-41, Instance Availability Notification N-CREATE)
  have no Related Fields column; this module always writes N.7-43's.

The templates write "Status Code(s)", not "Error Code".  The Service Status
is the PS3.7 Annex C class word the templates use (Success, Warning,
Failure, Cancel, Pending: the value of ``StatusType``), the rows grouped in
that order as the templates group them, and written on every row so that
each row stands alone (in a CSV, or a sorted table); a masked range is
written as the templates write it, ``A700-A7FF``.  The vendor's cells
(Behavior, Condition) are left empty for the vendor to fill.

The rows come from the data: with a service, the service's own statuses for
the command first, then the command's (a code the service defines again is
listed once, as the service's), as ``Status(code, command, service=...)``
reads them.  A table leaves out what may not be sent there: a member the
standard does not list for its command (0112H for C-STORE, C-FIND, C-GET
and C-MOVE, kept from the seed: ``member.listed`` is False), and a code the
service's table leaves out (Non-Patient Object Storage lists no C-STORE
warning: ``service.excludes(command, code)``).
"""

from __future__ import annotations

from .._typechecking import TYPE_CHECKING
from ..base import (
    Command,
    ServiceEnum,
    StatusEnum,
    StatusType,
    described,
    format_tag,
    shown,
    tag_name,
)
from ..statuses import COMMAND_ENUMS

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Literal

    from typing_extensions import NoReturn, TypeAlias

    from ..services import Service

    Role: TypeAlias = Literal["scu", "scp"]
    TableFormat: TypeAlias = Literal["markdown", "html", "csv"]

__all__ = [
    "FORMATS",
    "OTHER_STATUS_CODES_ROW",
    "ROLES",
    "SCP_COLUMNS",
    "SCU_COLUMNS",
    "conformance_members",
    "conformance_rows",
    "conformance_table",
    "render_table",
    "sop_classes",
]

ROLES: tuple[Role, ...] = ("scu", "scp")
"""The roles a table is written for: the SCU's, or the SCP's."""

FORMATS: tuple[TableFormat, ...] = ("markdown", "html", "csv")
"""The formats :func:`conformance_table` writes."""

SCU_COLUMNS = ("Service Status", "Further Meaning", "Status Code", "Behavior")
"""The columns of an SCU's table (PS3.2 Table N.7-42)."""

SCP_COLUMNS = ("Service Status", "Further Meaning", "Status Codes", "Related Fields", "Condition")
"""The columns of an SCP's table (PS3.2 Table N.7-43)."""

OTHER_STATUS_CODES_ROW = ("-", "Other Status Codes", "anything else", "")
"""The last row of an SCU's table: its behaviour on any other code."""

_NO_RELATED_FIELDS = "N/A"

# Where PS3.4 gives a service's statuses per SOP class, the section of a
# status names its SOP class: the tables of a conformance statement differ
# by SOP class there (PS3.2 Table N.7-52 lists B600 for the Film Session's
# N-CREATE, not the Film Box's B605 and C616).
SOP_CLASS_SECTIONS: tuple[tuple[str, str], ...] = (
    ("PS3.4 H.4.1.", "Basic Film Session SOP Class"),
    ("PS3.4 H.4.2.", "Basic Film Box SOP Class"),
    ("PS3.4 H.4.3.1.", "Basic Grayscale Image Box SOP Class"),
    ("PS3.4 P.2.", "Procedural Event Logging SOP Class"),
    ("PS3.4 P.3", "Substance Administration Logging SOP Class"),
)
"""(section prefix, SOP class): the SOP class a service's status is given for."""


def _sop_class_of(member: StatusEnum) -> str | None:
    for prefix, sop_class in SOP_CLASS_SECTIONS:
        if member.section.startswith(prefix) or member.section == prefix.rstrip("."):
            return sop_class
    return None


def sop_classes(command: Command, service: Service | None = None) -> tuple[str, ...]:
    """The SOP classes whose tables differ for ``command`` in ``service``
    (each has statuses of its own), in the standard's order; ``()`` where
    one table serves the service."""
    if service is None:
        return ()
    from ..services import SERVICE_ENUMS

    own = SERVICE_ENUMS[service].get(command)
    if own is None or own is COMMAND_ENUMS[command]:
        return ()
    found = {_sop_class_of(member) for member in own} - {None}
    ordered = tuple(name for _, name in SOP_CLASS_SECTIONS if name in found)
    return ordered if len(ordered) > 1 else ()


def conformance_members(
    command: Command, service: Service | None = None, sop_class: str | None = None
) -> list[StatusEnum]:
    """The members a conformance table lists, in its order: by Service Status
    (Success, Warning, Failure, Cancel, Pending), and within each the
    service's own statuses first, then the command's, each in the order of
    its enum; a code the service defines again is the service's only.  A
    member the standard does not list for the command (``listed`` False) and
    a code the service's table leaves out (``service.excludes``) are left out.

    Where the service's statuses differ by SOP class (:func:`sop_classes`),
    ``sop_class`` is one of them, and only its own statuses are listed.

    ``ValueError`` names a command the service does not use, and a missing
    or unknown ``sop_class``."""
    if not isinstance(command, Command):
        raise TypeError(f"command must be a Command, not {described(command)}")
    enums: list[type[StatusEnum]] = []
    if service is not None:
        if not isinstance(service, ServiceEnum):
            raise TypeError(f"service must be a Service or None, not {described(service)}")
        if command not in service.commands:
            uses = ", ".join(c.label for c in service.commands)
            raise ValueError(
                f"the {service.title} service ({service.name}) does not use "
                f"{command.label}; it uses {uses}"
            )
        from ..services import SERVICE_ENUMS

        own = SERVICE_ENUMS[service][command]
        if own is not COMMAND_ENUMS[command]:
            enums.append(own)
    classes = sop_classes(command, service)
    if sop_class is not None and sop_class not in classes:
        choices = ", ".join(classes) or "none: one table serves it"
        raise ValueError(f"no {command.label} table of {shown(sop_class)}; the SOP classes "
                         f"of its tables: {choices}")
    if classes and sop_class is None:
        raise ValueError(f"the {command.label} statuses of {service.title if service else ''} "
                         f"differ by SOP class: choose one of {', '.join(classes)}")
    enums.append(COMMAND_ENUMS[command])
    members: list[StatusEnum] = []
    codes: set[int] = set()
    for enum in enums:
        for member in enum:
            if sop_class is not None and _sop_class_of(member) not in (None, sop_class):
                continue
            if member.value not in codes:
                codes.add(member.value)
                if member.listed and (service is None
                                      or not service.excludes(command, member.value)):
                    members.append(member)
    order = {status_type: n for n, status_type in enumerate(StatusType)}
    return sorted(members, key=lambda m: order[m.type])  # stable: enum order within a type


# A note of this project's inside a description, which a conformance
# statement does not carry: "(legacy code; the standard's code is 0122H)".
_PROJECT_NOTES = (" (legacy code; ",)


def _meaning_cell(member: StatusEnum) -> str:
    """The Further Meaning: the description in the standard's words only;
    the project's notes on a code stay in its docs and ``explain``."""
    text = member.description
    for note in _PROJECT_NOTES:
        at = text.find(note)
        if at >= 0 and text.endswith(")"):
            text = text[:at]
    return text


def _code_cell(member: StatusEnum) -> str:
    codes = member.codes
    return f"{codes[0]:04X}-{codes[-1]:04X}" if member.is_masked else f"{codes[0]:04X}"


def _related_cell(member: StatusEnum) -> str:
    fields = [f"{format_tag(tag)} {tag_name(tag)}" for tag in member.related_attributes]
    return ", ".join(fields) or _NO_RELATED_FIELDS


def conformance_rows(
    command: Command, service: Service | None = None, role: Role = "scp",
    sop_class: str | None = None,
) -> list[tuple[str, ...]]:
    """The rows of the table, the column names first (:data:`SCU_COLUMNS` or
    :data:`SCP_COLUMNS`), each a tuple of cell texts; an SCU's table ends
    with :data:`OTHER_STATUS_CODES_ROW`."""
    if role not in ROLES:
        raise ValueError(f"unknown role {shown(role)}; expected one of {', '.join(ROLES)}")
    members = conformance_members(command, service, sop_class)
    if role == "scu":
        return [
            SCU_COLUMNS,
            *((m.type.value, _meaning_cell(m), _code_cell(m), "") for m in members),
            OTHER_STATUS_CODES_ROW,
        ]
    return [
        SCP_COLUMNS,
        *((m.type.value, _meaning_cell(m), _code_cell(m), _related_cell(m), "")
          for m in members),
    ]


def conformance_table(
    command: Command,
    service: Service | None = None,
    role: Role = "scp",
    fmt: TableFormat = "markdown",
    *,
    sop_class: str | None = None,
) -> str:
    """The status table of a DICOM Conformance Statement for ``command``, in
    the layout of the PS3.2 Annex N templates, ready for the vendor to fill.

    ``role`` ``"scp"`` gives the columns Service Status, Further Meaning,
    Status Codes, Related Fields and Condition (PS3.2 Table N.7-43);
    ``"scu"`` gives Service Status, Further Meaning, Status Code and Behavior
    (Table N.7-42), and a last row for any other code.  Behavior and Condition
    are left empty for the vendor.  A masked range reads ``A700-A7FF``;
    related fields read ``(0000,0902) Error Comment``, or ``N/A``.

    With ``service``, the service's own statuses for the command come first,
    then the command's, as ``Status(code, command, service=service)`` reads
    them; ``ValueError`` names a command the service does not use, and an
    unknown ``role`` or ``fmt``.  Where the service's statuses differ by SOP
    class (Print Management's N-CREATE: the Film Session's B600, the Film
    Box's B605 and C616), each SOP class has a table: ``sop_class`` names
    it (:func:`sop_classes` lists them), and is required there.

    ``fmt`` is ``"markdown"`` (a pipe table, ``|`` escaped in cells),
    ``"html"`` (a ``<table>`` fragment, text escaped) or ``"csv"`` (RFC 4180:
    the csv module's quoting and CRLF line ends; write it to a file opened
    with ``newline=""``).  The text ends with a line break.
    """
    if fmt not in FORMATS:  # before the rows: the first error is the first bad argument's
        _unknown_format(fmt)
    return render_table(conformance_rows(command, service, role, sop_class), fmt)


def render_table(rows: Sequence[Sequence[str]], fmt: TableFormat) -> str:
    """``rows`` (the column names first) as a Markdown pipe table, an HTML
    ``<table>`` fragment or RFC 4180 CSV, cells escaped, ending with a line
    break; what :func:`conformance_table` writes."""
    if fmt == "csv":
        return _csv(rows)
    if fmt == "html":
        return _html(rows)
    if fmt == "markdown":
        return _markdown(rows)
    _unknown_format(fmt)


def _unknown_format(fmt: object) -> NoReturn:
    raise ValueError(f"unknown format {shown(fmt)}; expected one of {', '.join(FORMATS)}")


def _csv(rows: Sequence[Sequence[str]]) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _html(rows: Sequence[Sequence[str]]) -> str:
    from html import escape

    def line(tag: str, row: Sequence[str]) -> str:
        cells = "".join(f"<{tag}>{escape(cell, quote=False)}</{tag}>" for cell in row)
        return f"    <tr>{cells}</tr>"

    header, *body = rows
    return "\n".join([
        "<table>",
        "  <thead>",
        line("th", header),
        "  </thead>",
        "  <tbody>",
        *(line("td", row) for row in body),
        "  </tbody>",
        "</table>",
        "",
    ])


def _markdown_cell(text: str) -> str:
    # A backslash first, so that an escaped pipe cannot be undone; a line
    # break would end the row.
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split("\n"))


def _markdown(rows: Sequence[Sequence[str]]) -> str:
    header, *body = rows
    lines = ["| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in [header, *body]]
    lines.insert(1, "|" + "---|" * len(header))
    return "\n".join(lines) + "\n"
