"""Where a status is printed: the ``dimse-status`` command line.

    dimse-status explain CODE [--command CMD [--service NAME]] [--pack TOOLKIT] [--json]
    dimse-status explain --reject R,S,REASON | --abort S[,REASON] | --context-result N [--json]
    dimse-status check CODE --command CMD [--service NAME] [--pack TOOLKIT] [--quiet]
    dimse-status table [--command CMD] [--service NAME] [--format text|markdown|csv|json]
    dimse-status table --services [--format text|markdown|json]
    dimse-status names TEXT [--json]
    dimse-status annotate [FILE] [--command CMD [--service NAME]] [--pack TOOLKIT]
    dimse-status conformance --command CMD [--service NAME] [--role scu|scp]
                             [--format markdown|html|csv]
    dimse-status serve [--status CMD=CODES ...] [--script FILE] [--port N] ...

Bad input is one line on stderr and exit status 2; ``check`` exits with the
status type's number (see ``EXIT_STATUS``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO, NoReturn

from ..base import (
    Command,
    ServiceTable,
    StatusType,
    __version__,
    described,
    format_tag,
    shown,
    tag_name,
)
from ..registry import StatusRegistry
from ..resolve import Status
from ..services import SERVICE_ENUMS, Service
from ..statuses import COMMAND_ENUMS, DICOM_EDITION, VERIFICATION_SUMMARY

EXIT_STATUS = {
    StatusType.SUCCESS: 0,
    StatusType.WARNING: 3,
    StatusType.FAILURE: 4,
    StatusType.CANCEL: 5,
    StatusType.PENDING: 6,
}
"""The exit status of ``dimse-status check`` for each status type (1 is an
unwritable standard output and 2 bad input, as for every subcommand)."""

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
    """Everything ``explain`` shows of ``status``, as a JSON object."""
    from ..names import names_for

    member = status.member
    return {
        "code": status.code,
        "hex": f"0x{status.code:04X}",
        "type": status.type.value,
        "description": status.description,
        "command": None if status.command is None else status.command.label,
        "service": None if status.service is None else status.service.name,
        "member": None if member is None else member.name,
        "enum": None if member is None else type(member).__name__,
        "pattern": None if member is None else member.pattern,
        "section": None if member is None else member.section,
        "verified": None if member is None else member.verified,
        "edition": None if member is None else member.edition,
        "table": _table_json(status),
        "is_verified": status.is_verified,
        "related_attributes": list(status.related_attribute_names),
        "is_standard": status.is_standard,
        "names": [{"toolkit": n.toolkit, "name": n.name, **({"since": n.since} if n.since else {})}
                  for n in names_for(status)],
    }


def _service_table(status: Status[Any]) -> ServiceTable | None:
    """The service's table for the status's command, if it has one."""
    service, command = status.service, status.command
    if service is None or command is None or command not in service.commands:
        return None
    return service.table(command)


def _table_json(status: Status[Any]) -> dict[str, Any] | None:
    table = _service_table(status)
    if table is None:
        return None
    return {"section": table.section, "edition": table.edition, "verified": table.verified}


def _not_verified_because(status: Status[Any]) -> str:
    """Why a status with a member is not verified (``Status.is_verified``)."""
    member, service, command = status.member, status.service, status.command
    if member is not None and not member.is_verified:
        return "the status was not verified"
    assert service is not None and command is not None
    if command not in service.commands:
        return f"the {service.title} Service Class has no table for {command.label}"
    return f"the {service.title} Service Class's table for {command.label} was not verified"


def data_json() -> dict[str, str]:
    """What the data rests on: the edition and the spread of the records."""
    return {"edition": DICOM_EDITION, "verification": VERIFICATION_SUMMARY}


def _where(status: Status[Any]) -> str:
    where = "no command" if status.command is None else status.command.label
    if status.service is not None:
        where += f" in {status.service.title}"
    return where


def explain_text(status: Status[Any]) -> str:
    from ..names import names_for

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
        table = _service_table(status)
        if table is not None:
            read = f"read in {table.edition}" if table.is_verified else "not verified"
            lines.append(f"  table:   {table.section}, {read}")
        verdict = "yes" if status.is_verified else f"no ({_not_verified_because(status)})"
        lines.append(f"  verified: {verdict}")
    for tag in status.related_attributes:
        lines.append(f"  related: {format_tag(tag)} {tag_name(tag)}")
    for name in names_for(status):
        since = f" (since {name.toolkit} {name.since})" if name.since else ""
        lines.append(f"  name:    {name.toolkit} {name.name}{since}")
    return "\n".join(lines)


def meanings_text(statuses: tuple[Status[Any], ...]) -> str:
    """``explain`` without a command: the general meaning, then every
    command and service that gives the code a meaning of its own."""
    general, *others = statuses
    lines = [explain_text(general)]
    if not others:
        lines.append(f"  no command or service class defines 0x{general.code:04X}")
    else:
        lines.append(f"  meanings of 0x{general.code:04X} by context "
                     "(use --command, and --service, for one):")
        for status in others:
            member = status.member
            name = "registered" if member is None else f"{type(member).__name__}.{member.name}"
            lines.append(f"    {_where(status)}: {status.type.value}: {status.description} "
                         f"[{name}]")
    return "\n".join(lines)


def statuses_document() -> dict[str, Any]:
    """The shipped ``statuses.json``: every status as data (its JSON Schema
    is ``statuses.schema.json`` beside it)."""
    from importlib.resources import files

    text = files("dimse_status").joinpath("statuses.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def table_rows(command: Command | None, service: Service | None) -> list[dict[str, Any]]:
    """The rows of ``statuses.json`` for a command (the command's own), a
    service (its own statuses for each of its commands, then those
    commands'), both, or neither (all)."""
    rows: list[dict[str, Any]] = statuses_document()["statuses"]
    if service is not None:
        commands = [command] if command is not None else list(service.commands)
        labels = {c.label for c in commands}
        own = [r for r in rows if r["service"] == service.name and r["command"] in labels]
        return own + [r for r in rows if r["context"] == "command" and r["command"] in labels]
    if command is not None:
        return [r for r in rows if r["context"] == "command" and r["command"] == command.label]
    return rows


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


_HEADER = ["Code", "Type", "Member", "Description", "Related", "Section"]
_CSV_FIELDS = ["context", "command", "service", "enum", "member", "aliases", "pattern", "first",
               "last", "mask", "type", "description", "related_attributes", "section",
               "edition", "verified", "listed"]


def table_text(command: Command | None, fmt: str, service: Service | None = None) -> str:
    rows = table_rows(command, service)
    if fmt == "json":
        if command is None and service is None:
            from importlib.resources import files

            return files("dimse_status").joinpath("statuses.json").read_text(
                encoding="utf-8").rstrip("\n")
        return json.dumps({**statuses_document(), "statuses": rows}, indent=1)
    if fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.DictWriter(out, _CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        return out.getvalue().rstrip("\n")
    groups: dict[tuple[str | None, str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["command"], row["enum"]), []).append(row)
    tables: list[str] = []
    for (label, enum), members in groups.items():
        label = label or "general"
        title = f"{label}: `{enum}`" if fmt == "markdown" else f"{label} ({enum})"
        cells = [[r["pattern"], r["type"], r["member"], r["description"],
                  " ".join(r["related_attributes"]), r["section"]] for r in members]
        tables.append(_render(cells, _HEADER, fmt, title))
    return "\n\n".join(tables)


def _cell(value: object) -> object:
    """A JSON value as a CSV cell: a list space-separated, null empty."""
    if isinstance(value, list):
        items: list[object] = value  # pyright: ignore[reportUnknownVariableType]
        return " ".join(str(item) for item in items)
    return "" if value is None else value


def names_text(text: str, as_json: bool) -> str:
    """The toolkit names that match ``text``, each with what it resolves to."""
    from ..names import find_names

    found = find_names(text)
    if not found:
        raise ValueError(f"no toolkit name matches {shown(text)} (try part of a name, "
                         "such as OutOfResources)")
    entries: list[dict[str, Any]] = []
    for name in found:
        for command_name, service_name in name.where:
            command = None if command_name is None else Command[command_name]
            service = None if service_name is None else Service[service_name]
            # (a service without a command is refused, statically and at run time)
            status = (Status(name.first) if command is None
                      else Status(name.first, command, service))
            member = status.member
            entries.append({
                "toolkit": name.toolkit, "name": name.name,
                "code": name.first, "hex": f"0x{name.first:04X}",
                "command": None if command is None else command.label,
                "service": service_name,
                "member": None if member is None else f"{type(member).__name__}.{member.name}",
                "type": status.type.value, "description": status.description,
                "difference": name.difference or None,
                "since": name.since or None,
            })
    if as_json:
        return json.dumps(entries, indent=1)
    lines: list[str] = []
    for e in entries:
        where = e["command"] or "any command"
        if e["service"]:
            where += f" in {Service[e['service']].title}"
        resolved = e["member"] or "no member"
        since = f" (since {e['toolkit']} {e['since']})" if e["since"] else ""
        lines.append(f"{e['toolkit']} {e['name']}{since}: {e['hex']} {where}: {resolved} "
                     f"({e['type']}: {e['description']})")
        if e["difference"]:
            lines.append(f"  differs: {e['difference']}")
    return "\n".join(lines)


def _registry(pack: str | None) -> StatusRegistry | None:
    if pack is None:
        return None
    from ..names import pack as make_pack

    return make_pack(pack)


def _context_options(parser: argparse.ArgumentParser, packs: bool = True) -> None:
    parser.add_argument("--command", "-c", help="the command answered: C-STORE, c_find, ...")
    parser.add_argument("--service", "-s",
                        help="the PS3.4 service class that answered: UPS, MPPS, Print, ...")
    if packs:
        parser.add_argument("--pack", "-p", metavar="TOOLKIT",
                            help="also know the codes this toolkit sends of its own: "
                                 "pynetdicom or DCMTK")


def version_text() -> str:
    """What ``--version`` prints: the package, the DICOM edition, the spread."""
    return f"dimse-status {__version__} (DICOM {DICOM_EDITION}; {VERIFICATION_SUMMARY})"


class _Version(argparse.Action):
    """``--version`` on one line (argparse's own action wraps it)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
        values: str | Sequence[Any] | None, option_string: str | None = None,
    ) -> None:
        print(version_text())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dimse-status", description="Explain DICOM DIMSE status codes.")
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show the version, the DICOM edition and the spread of the "
                             "verification records, and exit")
    sub = parser.add_subparsers(dest="action", parser_class=_Parser, metavar="COMMAND")
    explain = sub.add_parser(
        "explain", help="explain one status code (without --command: in every context)")
    explain.add_argument("code", nargs="?", help="hexadecimal code: A7F3, 0xA7F3, a7f3 or A7F3H")
    _context_options(explain)
    explain.add_argument("--json", action="store_true", help="print one JSON object")
    explain.add_argument("--dicomweb", choices=["failure-reason", "warning-reason"],
                         help="CODE is a STOW-RS Failure or Warning Reason (PS3.18 I.2), "
                              "decimal as DICOM JSON carries it (42752) or hex")
    explain.add_argument("--reject", metavar="RESULT,SOURCE,REASON",
                         help="an A-ASSOCIATE-RJ (PS3.8 9.3.4): 2,3,1 or transient,presentation,1")
    explain.add_argument("--abort", metavar="SOURCE[,REASON]",
                         help="an A-ABORT (PS3.8 9.3.8): 2,6 or provider,6")
    explain.add_argument("--context-result", metavar="N",
                         help="a presentation context's result (PS3.8 9.3.3.2): 0-4")
    check = sub.add_parser(
        "check", help="exit with the status type: 0 success, 3 warning, 4 failure, "
                      "5 cancel, 6 pending",
        description="Print the status and exit with its type: 0 Success, 3 Warning, "
                    "4 Failure, 5 Cancel, 6 Pending (2: bad input).")
    check.add_argument("code", help="hexadecimal code: A7F3, 0xA7F3, a7f3 or A7F3H")
    _context_options(check)
    check.add_argument("--quiet", "-q", action="store_true", help="print nothing")
    table = sub.add_parser("table", help="list the statuses of a command, or of all")
    table.add_argument("--command", "-c", help="only this command's statuses")
    table.add_argument("--service", "-s", help="the statuses of a PS3.4 service class")
    table.add_argument("--services", action="store_true", help="list every service class")
    table.add_argument("--dicomweb", action="store_true",
                       help="list the PS3.18 values: Warning/Failure Reason, UPS-RS texts")
    table.add_argument("--format", "-f", choices=["text", "markdown", "csv", "json"],
                       default="text")
    names = sub.add_parser("names", help="find a status by another toolkit's name for it")
    names.add_argument("text", help="a name or part of one: STATUS_STORE_Refused_OutOfResources,"
                                    " OutOfResources, DicomStatus.Pending ...")
    names.add_argument("--json", action="store_true", help="print a JSON list")
    annotate = sub.add_parser(
        "annotate", help="append the meaning of each status code to a log's lines",
        description="Read a log (pynetdicom's debug log, DCMTK's -d output, dcm4che's) and "
                    "write it back with the meaning of each status code appended to the line "
                    "that shows it, as  [dimse-status C-STORE 0xA700 Failure: ...].")
    annotate.add_argument("file", nargs="?", default="-",
                          help="the log to read (default: standard input)")
    _context_options(annotate)
    from .conformance import FORMATS, ROLES

    conformance = sub.add_parser(
        "conformance", help="a status table for a conformance statement (PS3.2 Annex N)")
    _context_options(conformance, packs=False)
    conformance.add_argument("--role", "-r", choices=ROLES, default="scp")
    conformance.add_argument("--format", "-f", choices=FORMATS, default="markdown")
    conformance.add_argument("--sop-class", metavar="NAME",
                             help="the SOP class's table, where a service's statuses differ "
                                  "by SOP class: 'Basic Film Session SOP Class' ...")
    from .serve import add_serve_parser

    add_serve_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.action is None:
        sys.stdout.write(parser.format_help())
        parser.error("a command is required: explain, check, table, names, annotate, "
                     "conformance or serve")
    if args.action == "annotate":
        return _annotate(parser, args)
    if args.action == "serve":
        from .serve import run_serve

        try:
            return run_serve(args)
        except (ValueError, TypeError, KeyError) as exc:
            parser.error(str(exc))
    try:
        text, code = _run(args)
    except (ValueError, TypeError, KeyError) as exc:
        parser.error(str(exc))
    written = _write(parser.prog, text, quiet=args.action == "check" and args.quiet)
    return written or code


def _context(args: argparse.Namespace) -> tuple[Command | None, Service | None]:
    """``--command`` and ``--service``, refused if the service does not use
    the command."""
    command = _command(args.command)
    service = _service(args.service)
    if service is not None and command is not None and command not in service.commands:
        raise ValueError(f"the {service.title} service class uses "
                         f"{', '.join(c.label for c in service.commands)}, not {command.label}")
    return command, service


def _run(args: argparse.Namespace) -> tuple[str, int]:
    """What to print for the parsed ``args``, and the exit status after it."""
    if args.action == "names":
        return names_text(args.text, args.json), 0
    command, service = _context(args)
    if service is not None and command is None and args.action != "table":
        raise ValueError("--service needs --command: a service's statuses depend on "
                         "the command it answers")
    if args.action == "conformance":
        if command is None:
            raise ValueError("conformance needs --command: the table is one command's")
        from .conformance import conformance_table

        return conformance_table(command, service, args.role, args.format,
                                 sop_class=args.sop_class).rstrip("\r\n"), 0
    if args.action in ("table", "explain") and args.dicomweb:
        return _dicomweb(args, command, service), 0
    if args.action == "table":
        if args.services:
            if command is not None or service is not None:
                raise ValueError("--services lists every service; it takes no --command or "
                                 "--service")
            if args.format == "csv":
                raise ValueError("--services has no csv format; use text, markdown or json")
            return services_text(args.format), 0
        return table_text(command, args.format, service), 0
    if args.action == "explain":
        outcome = (args.reject, args.abort, args.context_result)
        if any(o is not None for o in outcome):
            if args.code is not None or args.command or args.pack:
                raise ValueError("--reject, --abort and --context-result take no CODE, "
                                 "--command or --pack")
            from .outcomes import explain_outcome

            return explain_outcome(*outcome, as_json=args.json), 0
        if args.code is None:
            raise ValueError("explain needs a CODE (or --reject, --abort, --context-result)")
    registry = _registry(args.pack)
    code = parse_code(args.code)
    if args.action == "check":
        if command is None:
            raise ValueError("check needs --command: a code's type depends on the command")
        status = Status(code, command, service, registry=registry)
        return str(status), EXIT_STATUS[status.type]
    if command is None:
        from ..toolkit.contexts import meanings

        found = meanings(code, registry=registry)
        if args.json:
            return json.dumps({**explain_json(found[0]),
                               "contexts": [explain_json(s) for s in found[1:]],
                               "data": data_json()}), 0
        return meanings_text(found), 0
    status = Status(code, command, service, registry=registry)
    if args.json:
        return json.dumps({**explain_json(status), "data": data_json()}), 0
    return explain_text(status), 0


def _dicomweb(args: argparse.Namespace, command: Command | None,
              service: Service | None) -> str:
    """``explain --dicomweb`` and ``table --dicomweb`` (PS3.18's values)."""
    from .dicomweb import dicomweb_table, explain_dicomweb

    if service is not None or command not in (None, Command.C_STORE):
        raise ValueError("--dicomweb reads C-STORE codes: it takes no --service, and no "
                         "--command but C-STORE")
    if args.action == "table":
        if args.services or args.format == "csv":
            raise ValueError("table --dicomweb takes no --services; formats: text, markdown, "
                             "json")
        tables = dicomweb_table(args.format)
        if isinstance(tables, str):
            return tables
        return "\n\n".join(_render(rows, header, args.format, title)
                           for title, header, rows in tables)
    if args.pack is not None:
        raise ValueError("--dicomweb takes no --pack")
    return explain_dicomweb(args.code, args.dicomweb, args.json)


def _annotate(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``dimse-status annotate``: the log in, annotated, out, as it comes;
    bytes that are not UTF-8 pass through as they came."""
    from .annotator import annotate_blocks

    try:
        registry = _registry(args.pack)
        command, service = _context(args)
        if args.file == "-":
            if sys.stdin is None:
                raise ValueError("standard input is closed: name the log to read")
            source: BinaryIO = sys.stdin.buffer
        else:
            source = open(args.file, "rb")  # noqa: SIM115
    except OSError as exc:
        parser.error(f"cannot read {shown(args.file)}: {exc.strerror or exc}")
    except (ValueError, TypeError, KeyError) as exc:
        parser.error(str(exc))
    with source:
        blocks = annotate_blocks(_blocks(source), command, service, registry=registry)
        return _write_lines(parser.prog, blocks, flush=_interactive(sys.stdout))


_BLOCK = 1 << 20  # bytes read at a time, at most


def _blocks(source: BinaryIO) -> Iterator[str]:
    """``source``'s whole lines, as many as one read brought (what a pipe
    or terminal holds now: a live log's line comes out as it came in),
    decoded with undecodable bytes kept as surrogates."""
    read = getattr(source, "read1", source.read)
    held: list[bytes] = []  # a line not yet ended
    while True:
        data: bytes = read(_BLOCK)
        if not data:
            break
        cut = max(data.rfind(b"\n"), data.rfind(b"\r")) + 1
        if cut == 0:
            held.append(data)
            continue
        whole = data[:cut]
        if held:
            whole = b"".join([*held, whole])
            held.clear()
        if cut < len(data):
            held.append(data[cut:])
        yield whole.decode("utf-8", "surrogateescape")
    if held:
        yield b"".join(held).decode("utf-8", "surrogateescape")


def _interactive(out: object) -> bool:
    """Whether ``out`` is read as it is written (a pipe, a terminal): then
    each piece written is flushed; to a regular file, writes are buffered."""
    import stat

    try:
        return not stat.S_ISREG(os.fstat(out.fileno()).st_mode)  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return True


def _write(prog: str, text: str, quiet: bool = False) -> int:
    """Print ``text`` (unless ``quiet``): see :func:`_write_lines`."""
    return 0 if quiet else _write_lines(prog, [text + "\n"])


def _write_lines(prog: str, lines: Iterable[str], flush: bool = False) -> int:
    """Write ``lines`` to standard output (as UTF-8, unpaired surrogates as
    the bytes they stand for), each flushed as it is written if ``flush``;
    if it is closed or cannot be written, say so in one line on stderr and
    return 1 (a reader that went away, a broken pipe, is no error: 0,
    quietly)."""
    out = sys.stdout
    if out is None:  # started with stdout closed (>&-)
        sys.stderr.write(f"{prog}: error: standard output is closed\n")
        return 1
    try:
        binary = getattr(out, "buffer", None)
        for line in lines:
            if binary is None:
                out.write(line)
            else:
                binary.write(line.encode("utf-8", "surrogateescape"))
            if flush:
                (out if binary is None else binary).flush()
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
