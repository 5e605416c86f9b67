"""Where a status is printed: the ``dimse-status`` command line.

    dimse-status explain CODE [--command CMD] [--service NAME] [--json]
    dimse-status table [--command CMD] [--service NAME] [--format text|markdown|json]
    dimse-status table --services [--format text|markdown|json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from . import __version__
from .base import Command, StatusEnum, described, format_tag, shown, tag_name
from .resolve import Status
from .services import SERVICE_ENUMS, Service
from .statuses import COMMAND_ENUMS, DICOM_EDITION, GeneralStatus

_CODE = re.compile(r"(?:0[xX])?([0-9a-fA-F]{1,4})|([0-9a-fA-F]{1,4})[hH]")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def parse_code(text: str) -> int:
    """``A7F3``, ``0xA7F3``, ``a7f3`` or ``A7F3H`` -> 0xA7F3."""
    if not isinstance(text, str):
        raise TypeError(f"a status code to parse must be a str, not {described(text)}")
    match = _CODE.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"{shown(text)} is not a 16-bit hexadecimal status code (e.g. A7F3, 0xA7F3)"
        )
    return int(match.group(1) or match.group(2), 16)


def _command(text: str | None) -> Command | None:
    return None if text is None else Command.parse(text)


def _service(text: str | None) -> Service | None:
    return None if text is None else Service.parse(text)


def explain_json(status: Status[Any]) -> dict[str, Any]:
    member = status.member
    return {
        "code": status.code,
        "hex": f"0x{status.code:04X}",
        "type": status.type.value,
        "description": status.description,
        "command": None if status.command is None else status.command.label,
        "service": None if status.service is None else status.service.name,
        "member": None if member is None else member.name,
        "related_attributes": list(status.related_attribute_names),
        "is_standard": status.is_standard,
    }


def explain_text(status: Status[Any]) -> str:
    member = status.member
    lines = [str(status)]
    lines.append(f"  command: {'none' if status.command is None else status.command.label}")
    if status.service is not None:
        service = status.service
        lines.append(f"  service: {service.name} ({service.title}, {service.section})")
    if not status.is_standard:
        lines.append("  class:   none in PS3.7 Annex C (a code implementations shall not send)")
    if member is None:
        lines.append("  member:  none (not a status of this command's enum)")
    else:
        covers = ""
        if member.is_masked:
            covers = f", covers 0x{member.codes[0]:04X}-0x{member.codes[-1]:04X}"
        lines.append(f"  member:  {type(member).__name__}.{member.name} ({member.pattern}{covers})")
        lines.append(f"  section: {member.section}")
        lines.append(f"  checked: {member.verified}")
    for tag in status.related_attributes:
        lines.append(f"  related: {format_tag(tag)} {tag_name(tag)}")
    return "\n".join(lines)


def _enums(
    command: Command | None, service: Service | None = None
) -> list[tuple[str, type[StatusEnum]]]:
    if service is not None:
        enums = SERVICE_ENUMS[service]
        if command is not None:
            return [(command.label, enums.get(command, COMMAND_ENUMS[command]))]
        return [(c.label, e) for c, e in enums.items()]
    if command is not None:
        return [(command.label, COMMAND_ENUMS[command])]
    return [("general", GeneralStatus)] + [(c.label, e) for c, e in COMMAND_ENUMS.items()]


_SERVICE_HEADER = ["Service", "Title", "Section", "Aliases", "Commands", "Enums of its own"]


def services_text(fmt: str) -> str:
    """Every service class: its names, annex, commands and own enums."""
    rows: list[dict[str, Any]] = []
    for service, enums in SERVICE_ENUMS.items():
        own = [e.__name__ for c, e in enums.items() if e is not COMMAND_ENUMS[c]]
        rows.append({
            "service": service.name, "title": service.title, "section": service.section,
            "aliases": list(service.aliases), "commands": [c.label for c in service.commands],
            "enums": own,
        })
    if fmt == "json":
        return json.dumps(rows, indent=2)
    cells = [[r["service"], r["title"], r["section"], ", ".join(r["aliases"]),
              ", ".join(r["commands"]), ", ".join(r["enums"]) or "none"] for r in rows]
    return _render(cells, _SERVICE_HEADER, fmt, "Services")


def _render(rows: list[list[str]], header: list[str], fmt: str, title: str) -> str:
    out: list[str] = []
    if fmt == "markdown":
        out += [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(row) + " |" for row in rows]
    else:
        widths = [max(len(r[i]) for r in [*rows, header]) for i in range(len(header))]
        out.append(title)
        for row in [header, *rows]:
            cells = (c.ljust(w) for c, w in zip(row, widths, strict=True))
            out.append("  " + "  ".join(cells).rstrip())
    return "\n".join(out)


def _row(member: StatusEnum) -> list[str]:
    related = " ".join(format_tag(t) for t in member.related_attributes)
    return [member.pattern, member.type.value, member.name, member.description, related,
            member.section]


_HEADER = ["Code", "Type", "Member", "Description", "Related", "Section"]


def table_text(command: Command | None, fmt: str, service: Service | None = None) -> str:
    groups = _enums(command, service)
    if fmt == "json":
        return json.dumps([
            {
                "command": None if label == "general" else label,
                "service": None if service is None else service.name,
                "enum": enum.__name__,
                "member": m.name,
                "code": m.value,
                "pattern": m.pattern,
                "type": m.type.value,
                "description": m.description,
                "related_attributes": [format_tag(t) for t in m.related_attributes],
                "section": m.section,
                "verified": m.verified,
                "edition": DICOM_EDITION,
            }
            for label, enum in groups for m in enum
        ], indent=2)
    titles = [
        f"{label}: `{enum.__name__}`" if fmt == "markdown" else f"{label} ({enum.__name__})"
        for label, enum in groups
    ]
    return "\n\n".join(
        _render([_row(m) for m in enum], _HEADER, fmt, title)
        for title, (_, enum) in zip(titles, groups, strict=True)
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dimse-status", description="Explain DICOM DIMSE status codes.")
    parser.add_argument("--version", action="version",
                        version=f"dimse-status {__version__} (DICOM {DICOM_EDITION})")
    sub = parser.add_subparsers(dest="action", required=True, parser_class=_Parser)
    explain = sub.add_parser("explain", help="explain one status code")
    explain.add_argument("code", help="hexadecimal code: A7F3, 0xA7F3, a7f3 or A7F3H")
    explain.add_argument("--command", "-c", help="the command answered: C-STORE, c_find, ...")
    explain.add_argument("--service", "-s",
                         help="the PS3.4 service class that answered: UPS, MPPS, Print, ...")
    explain.add_argument("--json", action="store_true", help="print one JSON object")
    table = sub.add_parser("table", help="list the statuses of a command, or of all")
    table.add_argument("--command", "-c", help="only this command's statuses")
    table.add_argument("--service", "-s", help="the statuses of a PS3.4 service class")
    table.add_argument("--services", action="store_true", help="list every service class")
    table.add_argument("--format", "-f", choices=["text", "markdown", "json"], default="text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        command = _command(args.command)
        service = _service(args.service)
        if args.action == "explain":
            if service is not None and command is None:
                raise ValueError("--service needs --command: a service's statuses depend on "
                                 "the command it answers")
            status = Status(parse_code(args.code), command, service=service)
            text = json.dumps(explain_json(status)) if args.json else explain_text(status)
        elif args.services:
            if command is not None or service is not None:
                raise ValueError("--services lists every service; it takes no --command or "
                                 "--service")
            text = services_text(args.format)
        else:
            text = table_text(command, args.format, service)
    except (ValueError, TypeError) as exc:
        parser.error(str(exc))
    return _write(parser.prog, text)


def _write(prog: str, text: str) -> int:
    """Print ``text``; if standard output is closed or cannot be written, say
    so in one line on stderr and return 1 (a reader that went away, a broken
    pipe, is no error: 0, quietly)."""
    out = sys.stdout
    if out is None:  # started with stdout closed (>&-)
        sys.stderr.write(f"{prog}: error: standard output is closed\n")
        return 1
    try:
        out.write(text + "\n")
        out.flush()
    except OSError as exc:
        # Nothing more can reach stdout: point it at devnull so that the
        # interpreter's flush at exit does not fail (and report) again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
        if isinstance(exc, BrokenPipeError):
            return 0
        reason = exc.strerror or type(exc).__name__
        sys.stderr.write(f"{prog}: error: cannot write to standard output: {reason}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
