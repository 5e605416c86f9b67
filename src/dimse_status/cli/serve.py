"""``dimse-status serve``: the status test server from the command line.

Builds a :class:`~dimse_status.testing.StatusScript` from ``--script`` files
and ``--status`` options, starts a :class:`~dimse_status.testing.StatusServer`
and serves until interrupted (or ``--duration`` ends).
"""

# pynetdicom's objects are typed loosely (event handlers, primitives): Any here.
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
# pyright: reportUnknownArgumentType=false

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

from ..base import shown
from ..testing.script import (
    COUNTS,
    SCHEMA_PATH,
    STEP_KEYS,
    Answer,
    PendingRun,
    ScriptError,
    StatusScript,
    Step,
    parse_command,
)
from ..testing.server import LOGGER, StatusServer
from ..toolkit.statuslog import describe

__all__ = ["add_serve_parser", "run_serve"]


_DESCRIPTION = """\
Run an SCP that answers the statuses you choose, to test a DICOM client:
Verification, every Storage SOP class, Query/Retrieve Find/Get/Move, and with
--service the N-services of MPPS or UPS.  It listens on 127.0.0.1 unless --host
names another address, logs one line per response, and stops on Ctrl-C or
SIGTERM.  Every status is checked before it starts."""

_EPILOG = """\
--status COMMAND=ANSWERS scripts one command (repeat it for others):
ANSWERS are answered in turn, then again from the first, separated by ",";
the responses of one C-FIND/C-GET/C-MOVE answer are joined by "+"; a
response is a hex code or "abort", then /key=value details (error_comment,
offending_element, error_id, remaining, completed, failed, warning,
pending, delay); a backslash puts "," "+" "/" or "\\" in a value (\\, \\+
\\/ \\\\).  Examples:
  --status "c-store=A700/error_comment=disk full"
  --status 'c-store=A700/error_comment=full\\, retry in 5\\/10 s'
  --status c-store=0000,0000,A700            every third C-STORE fails
  --status c-find=FF01+FF00+C001             two matches, then a failure
  --status c-move=B000/completed=2/failed=1/warning=0
  --status c-echo=abort                      as pynetdicom aborts (service-user)
  --status c-echo=abort/source=2/reason=6    an A-ABORT of your choice (PS3.8 9.3.8;
                                             abort:2\\,6 alike)
A script file (--script, TOML or JSON; --schema prints its JSON Schema)
holds sequences and rules such as every Nth request; --status wins over it."""


def add_serve_parser(subparsers: Any) -> None:
    """Add ``serve`` to a command line's sub-commands (``argparse``'s
    ``add_subparsers()`` result); :func:`run_serve` runs it."""
    parser = subparsers.add_parser(
        "serve", help="run an SCP that answers the statuses you choose (for testing clients)",
        description=_DESCRIPTION, epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_arguments(parser)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--script", metavar="FILE", help="a TOML or JSON script file")
    parser.add_argument("--status", metavar="COMMAND=ANSWERS", action="append", default=[],
                        help="script one command on the command line (see below)")
    parser.add_argument("--service", metavar="NAME",
                        help="also serve the N-services of MPPS or UPS")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default 127.0.0.1, this machine only)")
    parser.add_argument("--port", "-p", type=int, default=11112,
                        help="the port (default 11112; 0 picks a free one)")
    parser.add_argument("--ae-title", "-a", default="STATUS-SCP",
                        help="the server's AE title (default STATUS-SCP)")
    parser.add_argument("--timeout", "-t", type=float, default=30.0,
                        help="seconds for each ACSE, DIMSE and network wait (default 30)")
    parser.add_argument("--max-associations", type=int, default=10,
                        help="associations served at once (default 10)")
    parser.add_argument("--reject", metavar="RESULT,SOURCE,REASON[@N]",
                        help="answer every association (or the Nth) with this A-ASSOCIATE-RJ "
                             "(PS3.8 9.3.4): 2,3,1 or transient,presentation,1")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="log only Warning and Failure responses and aborts")
    parser.add_argument("--check", action="store_true",
                        help="check the script and options, print the script, and exit")
    parser.add_argument("--schema", action="store_true",
                        help="print the JSON Schema of script files and exit")


_ESCAPED = ",+/\\"


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator``, except inside parentheses (tags) and
    where a backslash escapes it (the escapes are kept: :func:`_unescape`)."""
    parts, depth, start, escaped = [], 0, 0, False
    for i, char in enumerate(text):
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
            continue
        depth += (char == "(") - (char == ")")
        if char == separator and depth <= 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _unescape(text: str, where: str) -> str:
    """``text`` with ``\\,`` ``\\+`` ``\\/`` ``\\\\`` read as the character."""
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            if not following or following not in _ESCAPED:
                raise ScriptError(f"{where}: a backslash escapes , + / or a backslash only, "
                                  f"not {shown(char + following)}")
            char = following
        out.append(char)
    return "".join(out)


_INT_KEYS = frozenset({"error_id", "pending", *COUNTS})


def _cli_response(text: str, where: str) -> object:
    code, *pairs = _split(text, "/")
    code = _unescape(code, where)
    if not pairs:
        return code.strip()
    if code.strip().lower() == "abort":
        return _cli_abort(pairs, where)
    table: dict[str, Any] = {"status": code.strip()}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = _unescape(key, where).strip().replace("-", "_")
        value = _unescape(value, where)
        if not sep or key not in STEP_KEYS or key == "status":
            raise ScriptError(f"{where}: {shown(pair)} is not key=value with a key of "
                              f"{', '.join(k for k in STEP_KEYS if k != 'status')}")
        parsed: object = value
        if key in _INT_KEYS:
            try:
                parsed = int(value)
            except ValueError:
                raise ScriptError(f"{where}: {key} must be an integer, not {shown(value)}"
                                  ) from None
        elif key == "delay":
            try:
                parsed = float(value)
            except ValueError:
                raise ScriptError(f"{where}: delay must be a number of seconds, not "
                                  f"{shown(value)}") from None
        if key == "offending_element":
            table.setdefault(key, []).append(parsed)
        else:
            table[key] = parsed
    return table


def _cli_abort(pairs: Sequence[str], where: str) -> dict[str, Any]:
    """``abort/source=2/reason=6[/delay=S]`` as a script's abort table."""
    abort: dict[str, int] = {}
    table: dict[str, Any] = {"abort": abort}
    for pair in pairs:
        key, sep, value = (_unescape(part, where).strip() for part in pair.partition("="))
        try:
            if not sep or key not in ("source", "reason", "delay"):
                raise ValueError
            if key == "delay":
                table[key] = float(value)
            else:
                abort[key] = int(value)
        except ValueError:
            raise ScriptError(f"{where}: {shown(pair)} is not source=N, reason=N or delay=S "
                              "after abort (e.g. abort/source=2/reason=6)") from None
    return table


def _cli_script(options: Sequence[str], service: str | None) -> StatusScript:
    data: dict[str, Any] = {}
    if service is not None:
        data["service"] = service
    for option in options:
        where = f"--status {option}"
        name, sep, answers = option.partition("=")
        if not sep or not name.strip() or not answers.strip():
            raise ScriptError(f"{where}: expected COMMAND=ANSWERS, such as c-store=A700")
        command = parse_command(name.strip(), where).label
        if command in data:
            raise ScriptError(f"{where}: {command} is given twice")
        data[command] = [
            [_cli_response(response, where) for response in _split(answer, "+")]
            for answer in _split(answers, ",")
        ]
    return StatusScript.parse(data, source="--status" if options else "--service")


def _summary(server: StatusServer) -> str:
    script = server.script
    lines = [f"{server.ae_title} on {server.host}:{server.port}, timeout {server._timeout:g} s"]  # pyright: ignore[reportPrivateUsage]
    if script.service is not None:
        lines.append(f"service: {script.service.title}")
    for command in script.served():
        scripted = script.commands.get(command)
        if scripted is None:
            lines.append(f"{command.label}: Success (not scripted)")
            continue
        parts = [f"answer {n}: {_answer_text(a)}" for n, a in enumerate(scripted.answers, 1)]
        parts += [f"every {r.every}: {_answer_text(r.answer)}" if r.every is not None
                  else f"request {r.request}: {_answer_text(r.answer)}" for r in scripted.rules]
        then = "cycle" if scripted.then is None else _answer_text(scripted.then)
        lines.append(f"{command.label}: " + "; ".join([*parts, f"then {then}"]))
    return "\n".join(lines)


def _answer_text(answer: Answer) -> str:
    """The answer on one line; a run of Pending responses as its first and how many."""
    parts: list[str] = []
    for part in answer.parts:
        if isinstance(part, PendingRun):
            parts.append(f"{_step_text(part.step(0))} (first of {part.count})")
        else:
            parts.append(_step_text(part))
    return " + ".join(parts)


def _step_text(step: Step) -> str:
    status = step.status
    if status is None:
        return "abort" if step.abort is None else f"abort: {step.abort}"
    return describe(status).replace(f" [{status.command.label}]" if status.command else "", "")


def run_serve(args: argparse.Namespace) -> int:
    """Run ``serve`` with the parsed ``args``; returns the exit status (0 when
    stopped by SIGINT or SIGTERM).  A bad script or option raises
    ``ValueError`` (the command line prints its one line and exits with 2)."""
    if args.schema:
        sys.stdout.write(SCHEMA_PATH.read_text(encoding="utf-8"))
        return 0
    script = StatusScript() if args.script is None else StatusScript.load(args.script)
    if args.status or args.service is not None:
        script = script.merged(_cli_script(args.status, args.service))
    reject, _, nth = (args.reject or "").partition("@")
    if nth and not nth.strip().isdigit():
        raise ValueError(f"--reject: {nth!r} after @ is not the number of an association")
    server = StatusServer(script, host=args.host, port=args.port, ae_title=args.ae_title,
                          timeout=args.timeout, max_associations=args.max_associations,
                          record=0, reject=reject or None,
                          reject_nth=int(nth) if nth else None)
    if args.check:
        sys.stdout.write(_summary(server) + "\n")
        return 0
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    previous_level = LOGGER.level
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.WARNING if args.quiet else logging.DEBUG)
    stop = threading.Event()
    previous: dict[signal.Signals, Any] = {}
    try:
        try:
            server.start()
        except ImportError as exc:
            raise ScriptError(str(exc)) from None
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                previous[signum] = signal.signal(signum, lambda _signum, _frame: stop.set())
        sys.stderr.write(f"dimse-status serve: {server.ae_title} listening on "
                         f"{server.host}:{server.port} (Ctrl-C stops)\n")
        sys.stderr.flush()
        while not stop.wait(0.2):
            pass
        sys.stderr.write("dimse-status serve: stopped\n")
        return 0
    finally:
        server.stop()
        for signum, old in previous.items():
            signal.signal(signum, old)
        LOGGER.removeHandler(handler)
        LOGGER.setLevel(previous_level)
