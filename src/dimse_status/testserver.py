"""A status test server: an SCP that answers the statuses you choose.

People who write DICOM clients need a peer that fails on purpose: a C-STORE
answered with A700 and an Error Comment, a C-FIND with FF01, FF00 then C001,
a C-MOVE with B000 and its counts, an abort.  :class:`StatusServer` is that
peer, built on pynetdicom (``pip install "dimse-status[pynetdicom]"``): it
accepts Verification, every Storage SOP class, Query/Retrieve Find, Get and
Move, and the N-services of one chosen service class (MPPS or UPS), and
answers each request as a :class:`StatusScript` says.

- :func:`status_server` (a context manager) and the ``status_scp`` pytest
  fixture (:mod:`dimse_status.pytest_plugin`) start it on 127.0.0.1 on a free
  port and stop it on exit; :attr:`StatusServer.received` records what it was
  sent and what it answered.
- ``dimse-status serve`` runs it from the command line (:func:`add_serve_parser`,
  :func:`run_serve`); ``python -m dimse_status.testserver`` is the same command.

Every status is checked before the server starts: a code the standard does
not list for the command (:func:`~dimse_status.is_permitted`), a malformed
code, or a detail the status (or the command's response) cannot carry is a
``ValueError`` naming the value and where it is in the script.

The server sends exactly what the script says, so it answers requests itself
rather than through pynetdicom's service classes (which compute their own
C-GET and C-MOVE counts, and drop a Pending response without a data set): it
uses pynetdicom for the association, its negotiation and the DIMSE messages.
It performs no C-STORE sub-operations; a C-GET or C-MOVE response carries the
counts the script gives.  A C-FIND Pending response carries the request's
Identifier back as its match.
"""

# pynetdicom's objects are typed loosely (event handlers, primitives): Any here.
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
# pyright: reportUnknownArgumentType=false

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import math
import os
import signal
import socket
import sys
import threading
from collections import deque
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .base import Command, described, shown
from .resolve import Status, as_status
from .statuslog import LEVELS, describe, status_log_fields

if TYPE_CHECKING:
    from pydicom import Dataset

    from .services import Service

__all__ = [
    "SCHEMA_PATH", "Exchange", "Rule", "Step", "StatusScript", "StatusServer", "add_serve_parser",
    "main", "run_serve", "status_server",
]

SCHEMA_PATH = Path(__file__).with_name("serve-script.schema.json")
"""The JSON Schema of a script file (``dimse-status serve --schema`` prints it)."""

_LOGGER = logging.getLogger("dimse_status.serve")

# Commands whose request is answered by Pending responses and then a final one.
_MULTI = frozenset({Command.C_FIND, Command.C_GET, Command.C_MOVE})
_DIMSE_C = (Command.C_ECHO, Command.C_STORE, Command.C_FIND, Command.C_GET, Command.C_MOVE)
# The service classes whose N-services the server can offer.
_N_SERVICES = ("PROCEDURE_STEP", "UNIFIED_PROCEDURE_STEP")

# What each response's command set can carry besides the Status (PS3.7 9.3 and
# 10.3, as pynetdicom builds them): C-ECHO only an Error Comment, no DIMSE-N
# response an Offending Element, only C-GET and C-MOVE the counts.
_COUNTS = ("remaining", "completed", "failed", "warning")
_C_FIELDS = frozenset({"offending_element", "error_comment"})
_N_FIELDS = frozenset({"error_comment", "error_id"})
_WIRE: dict[Command, frozenset[str]] = {
    Command.C_ECHO: frozenset({"error_comment"}),
    Command.C_STORE: _C_FIELDS,
    Command.C_FIND: _C_FIELDS,
    Command.C_GET: _C_FIELDS | frozenset(_COUNTS),
    Command.C_MOVE: _C_FIELDS | frozenset(_COUNTS),
    **{command: _N_FIELDS for command in Command if command not in _DIMSE_C},
}
_PRIMITIVE_FIELDS = {
    "offending_element": "OffendingElement",
    "error_comment": "ErrorComment",
    "error_id": "ErrorID",
    "remaining": "NumberOfRemainingSuboperations",
    "completed": "NumberOfCompletedSuboperations",
    "failed": "NumberOfFailedSuboperations",
    "warning": "NumberOfWarningSuboperations",
}
_FIELD_NAMES = {
    "offending_element": "Offending Element (0000,0901)",
    "error_comment": "Error Comment (0000,0902)",
    "error_id": "Error ID (0000,0903)",
    "remaining": "Number of Remaining Sub-operations (0000,1020)",
    "completed": "Number of Completed Sub-operations (0000,1021)",
    "failed": "Number of Failed Sub-operations (0000,1022)",
    "warning": "Number of Warning Sub-operations (0000,1023)",
}
_STEP_KEYS = ("status", *_PRIMITIVE_FIELDS, "pending", "delay")
_COMMAND_KEYS = ("answers", "then", "rules")
_RULE_KEYS = ("every", "request", "answer")
_MAX_DELAY = 300.0  # seconds a scripted response may wait
_MAX_PENDING = 10_000
_ABORT = "abort"
_CYCLE = "cycle"


class ScriptError(ValueError):
    """A script (or a server option) that cannot be served: the message names
    the value and where it is."""


# --- the script ---------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One thing the server does for a request: after ``delay`` seconds, send
    ``status`` (with its details), or abort the association if ``status`` is
    ``None``."""

    status: Status[Any] | None
    delay: float = 0.0

    @property
    def is_abort(self) -> bool:
        """Whether the step aborts the association instead of answering."""
        return self.status is None


Answer = tuple[Step, ...]


@dataclass(frozen=True)
class Rule:
    """Requests that get ``answer`` whatever the list says: every ``every``-th
    request of the command, or its ``request``-th (counted from 1)."""

    answer: Answer
    every: int | None = None
    request: int | None = None

    def matches(self, number: int) -> bool:
        """Whether the ``number``-th request of the command is one of this rule's."""
        if self.every is not None:
            return number % self.every == 0
        return number == self.request


@dataclass(frozen=True)
class CommandScript:
    """How the server answers one command's requests: the first matching
    rule, else the ``answers`` in turn, then ``then`` (or the answers again
    from the first, if ``then`` is ``None``)."""

    command: Command
    answers: tuple[Answer, ...] = ()
    then: Answer | None = None
    rules: tuple[Rule, ...] = ()

    def answer(self, number: int) -> Answer:
        """The answer to the ``number``-th request (counted from 1)."""
        for rule in self.rules:
            if rule.matches(number):
                return rule.answer
        if number <= len(self.answers):
            return self.answers[number - 1]
        if self.then is not None:
            return self.then
        if self.answers:
            return self.answers[(number - 1) % len(self.answers)]
        return _default_answer(self.command)


def _service_of(command: Command, service: Service | None) -> Service | None:
    """The service class a command's statuses are read in."""
    from .services import Service

    if command is Command.C_ECHO:
        return Service.VERIFICATION
    if command is Command.C_STORE:
        return Service.STORAGE
    if command in _MULTI:
        return Service.QUERY_RETRIEVE
    return service


def _default_answer(command: Command) -> Answer:
    """Success; for C-GET and C-MOVE with its counts (no sub-operation)."""
    status: Status[Any] = Status(0x0000, command, _service_of(command, None))
    if command in (Command.C_GET, Command.C_MOVE):
        status = status.with_details(completed=0, failed=0, warning=0)
    return (Step(status),)


class StatusScript:
    """What a :class:`StatusServer` answers, per command; checked when built.

    Build one with :meth:`parse` from a mapping (what a JSON or TOML script
    file holds) or :meth:`load` from a file.  The mapping's keys are command
    names (``"C-STORE"``, ``"c_find"`` ...) and ``"service"`` (``"MPPS"`` or
    ``"UPS"``: the service class whose N-services are offered).  A command's
    value is an answer (every request gets it), a list of answers (the
    requests get them in turn, then again from the first), or a table:

    - ``answers``: the list of answers, in turn;
    - ``then``: ``"cycle"`` (the default: start the list again) or the answer
      every request after the list gets;
    - ``rules``: a list of ``{"every": N, "answer": ...}`` (requests N, 2N,
      3N ...) and ``{"request": K, "answer": ...}`` (the K-th request); the
      first rule that matches wins over the list.

    An answer is a response, or for C-FIND, C-GET and C-MOVE a list of them:
    Pending responses, then a final one.  A response is a code (``"A700"``,
    ``"0xA700"``, an int, a status member or a :class:`~dimse_status.Status`
    with its details), ``"abort"`` (abort the association instead of
    answering), or a table with ``status`` and the details the status lets
    travel: ``error_comment``, ``offending_element`` (a list of tags, such as
    ``"(0010,0020)"``), ``error_id``, and for C-GET and C-MOVE
    ``remaining``, ``completed``, ``failed``, ``warning``; plus ``delay``
    (seconds to wait before sending it, at most 300) and, for the final
    response of a C-FIND, C-GET or C-MOVE, ``pending`` (that many FF00
    Pending responses first; a C-GET or C-MOVE one counts one more completed
    sub-operation each).

    A command the script leaves out is answered with Success (a C-FIND with
    no match, a C-GET or C-MOVE with zero counts).

    >>> from dimse_status import StatusScript
    >>> script = StatusScript.parse({"C-STORE": ["0000", {"status": "A700",
    ...                                                   "error_comment": "disk full"}]})
    >>> str(script.answer("C-STORE", 2)[0].status)
    '(0xA700) Failure: Refused: Out of Resources'
    >>> StatusScript.parse({"C-STORE": "B123"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dimse_status.testserver.ScriptError: script: C-STORE answer 1: 0xB123 is not a status ...
    """

    def __init__(self, commands: Mapping[Command, CommandScript] | None = None,
                 service: Service | None = None) -> None:
        """Prefer :meth:`parse`, which checks every status and detail."""
        self._commands: dict[Command, CommandScript] = dict(commands or {})
        self._service = service

    @property
    def service(self) -> Service | None:
        """The service class whose N-services the server offers (MPPS or UPS), if any."""
        return self._service

    @property
    def commands(self) -> Mapping[Command, CommandScript]:
        """The scripted commands (the others are answered with Success)."""
        return dict(self._commands)

    def served(self) -> tuple[Command, ...]:
        """Every command the server answers with this script."""
        extra = () if self._service is None else tuple(
            c for c in self._service.commands if c not in _DIMSE_C)
        return (*_DIMSE_C, *extra)

    def answer(self, command: Command | str, number: int) -> Answer:
        """The steps that answer the ``number``-th request (from 1) of ``command``."""
        if isinstance(command, str):
            command = Command.parse(command)
        script = self._commands.get(command)
        return _default_answer(command) if script is None else script.answer(number)

    def merged(self, other: StatusScript) -> StatusScript:
        """This script with ``other``'s commands (and service, if it has one) in place."""
        service = other.service if other.service is not None else self._service
        commands = {**self._commands, **other._commands}
        _check_service(commands, service, "script")
        return StatusScript(commands, service)

    @classmethod
    def parse(cls, data: Mapping[str, Any], *, source: str = "script") -> StatusScript:
        """The script ``data`` describes (see the class's text); ``ValueError``
        (a :class:`ScriptError`) naming the first value that cannot be served,
        prefixed with ``source``."""
        if not isinstance(data, Mapping):
            raise ScriptError(f"{source}: a script is a table (a JSON object), not "
                              f"{described(data)}")
        service: Service | None = None
        if "service" in data:
            service = _parse_service(data["service"], source)
        commands: dict[Command, CommandScript] = {}
        for key, value in data.items():
            if key in ("service", "$schema"):
                continue
            command = _parse_command(key, source)
            if command in commands:
                raise ScriptError(f"{source}: {command.label} is scripted twice "
                                  f"({shown(key)} is another spelling of it)")
            commands[command] = _parse_command_script(command, value, service, source)
        _check_service(commands, service, source)
        return cls(commands, service)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> StatusScript:
        """The script in a ``.toml`` or ``.json`` file (TOML needs Python 3.11's
        ``tomllib`` or, on 3.10, ``tomli``, which the ``pynetdicom`` extra installs)."""
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ScriptError(f"cannot read the script {str(file)!r}: {reason}") from None
        data: Any
        if file.suffix.lower() == ".toml":
            toml = _toml()
            try:
                data = toml.loads(text)
            except toml.TOMLDecodeError as exc:
                raise ScriptError(f"{file}: not valid TOML: {exc}") from None
        elif file.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ScriptError(f"{file}: not valid JSON: {exc}") from None
        else:
            raise ScriptError(f"{file}: a script is a .toml or .json file, not "
                              f"{file.suffix or 'a file without a suffix'}")
        return cls.parse(data, source=str(file))

    def __repr__(self) -> str:
        service = "" if self._service is None else f" service={self._service.name}"
        commands = ", ".join(c.label for c in self._commands) or "none scripted"
        return f"<StatusScript {commands}{service}>"


def _toml() -> Any:
    """``tomllib``, or on Python 3.10 its backport ``tomli``."""
    from importlib import import_module

    try:
        return import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    except ImportError:
        raise ScriptError("reading a TOML script on Python 3.10 needs tomli: pip install "
                          "'dimse-status[pynetdicom]' (or use a JSON script)") from None


def _parse_service(value: object, source: str) -> Service:
    from .services import Service

    try:
        service = Service.parse(value) if isinstance(value, str) else None
    except ValueError:
        service = None
    if service is None or service.name not in _N_SERVICES:
        raise ScriptError(f"{source}: service {shown(value)} cannot be served; the server "
                          "offers the N-services of \"MPPS\" (Modality Performed Procedure "
                          "Step) or \"UPS\" (Unified Procedure Step)")
    return service


def _parse_command(key: object, source: str) -> Command:
    try:
        if isinstance(key, str):
            return Command.parse(key)
    except ValueError:
        pass
    choices = ", ".join(c.label for c in Command)
    raise ScriptError(f"{source}: unknown key {shown(key)}; a script's keys are \"service\" "
                      f"and command names ({choices})")


def _check_service(commands: Mapping[Command, CommandScript], service: Service | None,
                   source: str) -> None:
    for command in commands:
        if command in _DIMSE_C:
            continue
        if service is None:
            raise ScriptError(f"{source}: {command.label} needs a service class: add "
                              "service = \"MPPS\" or \"UPS\" (--service on the command line)")
        if command not in service.commands:
            served = ", ".join(c.label for c in service.commands if c not in _DIMSE_C)
            raise ScriptError(f"{source}: {command.label} is not a command of the "
                              f"{service.title} Service Class ({served})")


def _parse_command_script(command: Command, value: object, service: Service | None,
                          source: str) -> CommandScript:
    where = f"{source}: {command.label}"
    if isinstance(value, Mapping) and "status" not in value:
        table: Mapping[str, Any] = value  # pyright: ignore[reportUnknownVariableType]
        _known_keys(table, _COMMAND_KEYS, where)
        answers_value = table.get("answers", [])
        if not isinstance(answers_value, list):
            raise ScriptError(f"{where}: answers must be a list of answers, not "
                              f"{described(answers_value)}")
        answers: list[object] = answers_value  # pyright: ignore[reportUnknownVariableType]
        then_value: object = table.get("then", _CYCLE)
        rules_value = table.get("rules", [])
        if not isinstance(rules_value, list):
            raise ScriptError(f"{where}: rules must be a list of tables, not "
                              f"{described(rules_value)}")
        rules_list: list[object] = rules_value  # pyright: ignore[reportUnknownVariableType]
    else:
        answers = value if isinstance(value, list) else [value]  # pyright: ignore[reportUnknownVariableType]
        then_value, rules_list = _CYCLE, []
    parsed = tuple(_parse_answer(command, item, service, f"{where} answer {n}")
                   for n, item in enumerate(answers, 1))
    then = None if then_value == _CYCLE else _parse_answer(command, then_value, service,
                                                           f"{where} then")
    rules = tuple(_parse_rule(command, rule, service, f"{where} rule {n}")
                  for n, rule in enumerate(rules_list, 1))
    return CommandScript(command, parsed, then, rules)


def _known_keys(table: Mapping[str, Any], known: Sequence[str], where: str) -> None:
    for key in table:
        if key not in known:
            raise ScriptError(f"{where}: unknown key {shown(key)}; expected "
                              f"{', '.join(known)}")


def _positive(value: object, what: str, where: str, *, limit: int = 0xFFFF) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
        raise ScriptError(f"{where}: {what} must be an int in 1..{limit}, not {shown(value)}")
    return value


def _parse_rule(command: Command, value: object, service: Service | None,
                where: str) -> Rule:
    if not isinstance(value, Mapping):
        raise ScriptError(f"{where}: a rule is a table with every or request, and answer; "
                          f"not {described(value)}")
    rule: Mapping[str, Any] = value  # pyright: ignore[reportUnknownVariableType]
    _known_keys(rule, _RULE_KEYS, where)
    if ("every" in rule) == ("request" in rule) or "answer" not in rule:
        raise ScriptError(f"{where}: a rule needs answer and one of every or request")
    answer = _parse_answer(command, rule["answer"], service, f"{where} answer")
    if "every" in rule:
        return Rule(answer, every=_positive(rule["every"], "every", where))
    return Rule(answer, request=_positive(rule["request"], "request", where,
                                          limit=2**31 - 1))


def _parse_answer(command: Command, value: object, service: Service | None,
                  where: str) -> Answer:
    items: list[object] = value if isinstance(value, list) else [value]  # pyright: ignore[reportUnknownVariableType]
    if not items:
        raise ScriptError(f"{where}: an answer needs at least one response")
    steps: list[Step] = []
    for n, item in enumerate(items, 1):
        label = where if len(items) == 1 else f"{where}, response {n}"
        if steps and steps[-1].is_abort:
            raise ScriptError(f"{label}: nothing can follow \"abort\"")
        steps.extend(_parse_response(command, item, service, label))
    last = steps[-1]
    if command not in _MULTI and len(steps) > 1:
        raise ScriptError(f"{where}: a {command.label} request gets one response, not "
                          f"{len(steps)}")
    for step in steps[:-1]:
        if step.status is not None and not step.status.is_pending:
            raise ScriptError(f"{where}: only Pending responses may come before the last one; "
                              f"{step.status} is final")
    if last.status is not None and last.status.is_pending:
        hint = (" (the responses to one request form one answer: [\"FF00\", \"0000\"] in "
                "a file's answers, FF00+0000 after --status)" if len(items) == 1 else "")
        raise ScriptError(f"{where}: ends with a Pending status ({last.status}); end it with "
                          f"a final status or \"abort\"{hint}")
    return tuple(steps)


def _parse_response(command: Command, value: object, service: Service | None,
                    where: str) -> list[Step]:
    """The steps one response of a script stands for (several with ``pending``)."""
    context = _service_of(command, service)
    if isinstance(value, str) and value.strip().lower() == _ABORT:
        return [Step(None)]
    fields: dict[str, Any] = {}
    delay = 0.0
    pending = 0
    given = as_status(value)
    if given is not None:
        if given.command is not None and given.command is not command:
            raise ScriptError(f"{where}: {given} answers {given.command.label}, not "
                              f"{command.label}")
        code = given.code
        fields = {name: v for name, v in given.details._asdict().items()
                  if v is not None and v != ()}
    elif isinstance(value, Mapping):
        table: Mapping[str, Any] = value  # pyright: ignore[reportUnknownVariableType]
        _known_keys(table, _STEP_KEYS, where)
        if "status" not in table:
            raise ScriptError(f"{where}: a response table needs a status")
        code = _parse_code(table["status"], where)
        for name in _PRIMITIVE_FIELDS:
            if name in table:
                fields[name] = (_parse_tags(table[name], where) if name == "offending_element"
                                else table[name])
        if "delay" in table:
            delay = _parse_delay(table["delay"], where)
        if "pending" in table:
            if command not in _MULTI:
                raise ScriptError(f"{where}: pending responses are for C-FIND, C-GET and "
                                  f"C-MOVE, not {command.label}")
            pending = _positive(table["pending"], "pending", where, limit=_MAX_PENDING)
    else:
        code = _parse_code(value, where)
    status: Status[Any] = Status(code, command, context)
    try:
        if context is not None:
            from .permitted import refuse_unpermitted

            refuse_unpermitted(status)
        status = status.with_details(**fields)
        for name in fields:
            if name not in _WIRE[command]:
                raise ValueError(f"{_FIELD_NAMES[name]} is not a field of the {command.label} "
                                 "response's command set (PS3.7): pynetdicom cannot send it")
    except (TypeError, ValueError) as exc:
        raise ScriptError(f"{where}: {exc}") from None
    steps = [Step(_pending(command, context, n, pending), delay) for n in range(1, pending + 1)]
    return [*steps, Step(status, delay)]


def _pending(command: Command, context: Service | None, number: int,
             total: int) -> Status[Any]:
    status: Status[Any] = Status(0xFF00, command, context)
    if command is Command.C_FIND:
        return status
    return status.with_details(remaining=total - number, completed=number, failed=0, warning=0)


def _parse_code(value: object, where: str) -> int:
    if isinstance(value, bool):
        raise ScriptError(f"{where}: a status is a code such as \"A700\", not {shown(value)}")
    if isinstance(value, int):
        if not 0 <= value <= 0xFFFF:
            raise ScriptError(f"{where}: status {shown(value)} is outside 0x0000..0xFFFF")
        return int(value)
    if isinstance(value, str):
        from .cli import parse_code

        try:
            return parse_code(value)
        except ValueError as exc:
            raise ScriptError(f"{where}: {exc}, or \"abort\"") from None
    raise ScriptError(f"{where}: a response is a code such as \"A700\", \"abort\" or a table "
                      f"with a status; not {described(value)}")


def _parse_tags(value: object, where: str) -> tuple[int, ...]:
    items: list[object] = value if isinstance(value, list) else [value]  # pyright: ignore[reportUnknownVariableType]
    return tuple(_parse_tag(item, where) for item in items)


def _parse_tag(value: object, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 0xFFFFFFFF:
        return value
    if isinstance(value, str):
        text = value.strip().removeprefix("0x").removeprefix("0X")
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1]
        text = text.replace(",", "")
        if len(text) == 8:
            with contextlib.suppress(ValueError):
                return int(text, 16)
    raise ScriptError(f"{where}: Offending Element {shown(value)} is not a tag such as "
                      "\"(0010,0020)\" or \"00100020\"")


def _parse_delay(value: object, where: str) -> float:
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or not 0 <= value <= _MAX_DELAY):
        raise ScriptError(f"{where}: delay must be a number of seconds in 0..{_MAX_DELAY:g}, "
                          f"not {shown(value)}")
    return float(value)


# --- what the server received -------------------------------------------------------


class Exchange:
    """One request the server received, and what it answered.

    A response is recorded just before it is sent, so a client that has
    read its final response finds it here.
    """

    __slots__ = ("_aborted", "_cancelled", "_data", "_responses", "calling_ae_title",
                 "command", "message_id", "move_destination", "number", "peer",
                 "sop_class_uid", "transfer_syntax")

    def __init__(self, command: Command, number: int, message_id: int, sop_class_uid: str,
                 calling_ae_title: str, peer: tuple[str, int], transfer_syntax: str,
                 data: bytes, move_destination: str | None) -> None:
        self.command = command
        """The command of the request."""
        self.number = number
        """The request's number among the server's requests of this command (from 1)."""
        self.message_id = message_id
        """The request's Message ID."""
        self.sop_class_uid = sop_class_uid
        """The request's Affected (or Requested) SOP Class UID."""
        self.calling_ae_title = calling_ae_title
        """The AE title of the client."""
        self.peer = peer
        """The client's (address, port)."""
        self.transfer_syntax = transfer_syntax
        """The transfer syntax of the presentation context."""
        self.move_destination = move_destination
        """A C-MOVE's Move Destination, else ``None``."""
        self._data = data
        self._responses: list[Status[Any]] = []
        self._aborted = False
        self._cancelled = False

    @property
    def responses(self) -> tuple[Status[Any], ...]:
        """The statuses sent in answer, with their details, in order."""
        return tuple(self._responses)

    @property
    def aborted(self) -> bool:
        """Whether the server aborted the association instead of (finishing) its answer."""
        return self._aborted

    @property
    def cancelled(self) -> bool:
        """Whether a C-CANCEL ended the answer (with FE00 Cancel)."""
        return self._cancelled

    @property
    def data(self) -> bytes:
        """The request's data set as it arrived (the C-STORE data set, the
        C-FIND/C-GET/C-MOVE Identifier, the N-SET Modification List ...);
        ``b""`` if it had none."""
        return self._data

    def dataset(self) -> Dataset:
        """The request's data set, decoded with pydicom (empty if it had none)."""
        from pydicom import Dataset
        from pydicom.filereader import read_dataset
        from pydicom.uid import UID

        if not self._data:
            return Dataset()
        syntax = UID(self.transfer_syntax)
        stream = BytesIO(self._data)
        if syntax.is_deflated:
            import zlib

            stream = BytesIO(zlib.decompress(self._data, -zlib.MAX_WBITS))
        return read_dataset(stream, syntax.is_implicit_VR, syntax.is_little_endian)

    def __repr__(self) -> str:
        sent = ", ".join(f"0x{s.code:04X}" for s in self._responses)
        end = " aborted" if self._aborted else ""
        return (f"<Exchange {self.command.label} #{self.number} from {self.calling_ae_title}: "
                f"[{sent}]{end}>")


# --- the server ---------------------------------------------------------------------


def _check_ae_title(value: object) -> str:
    if (not isinstance(value, str) or not 1 <= len(value.strip()) <= 16
            or not all(" " <= c <= "~" for c in value) or "\\" in value):
        raise ScriptError(f"AE title {shown(value)} must be 1 to 16 printable ASCII characters "
                          "without a backslash")
    return value.strip()


def _check_number(value: object, what: str, low: float, high: float) -> float:
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or not low <= value <= high):
        raise ScriptError(f"{what} must be a number in {low:g}..{high:g}, not {shown(value)}")
    return float(value)


def _check_int(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ScriptError(f"{what} must be an int in {low}..{high}, not {shown(value)}")
    return value


def _as_script(script: StatusScript | Mapping[str, Any] | str | os.PathLike[str] | None
               ) -> StatusScript:
    if script is None:
        return StatusScript()
    if isinstance(script, StatusScript):
        return script
    if isinstance(script, (str, os.PathLike)):
        return StatusScript.load(script)
    return StatusScript.parse(script)


class StatusServer:
    """An SCP that answers each request as its script says (see the module's text).

    ``StatusServer(script, host="127.0.0.1", port=0, ...)`` checks the
    script and the options (``ValueError`` naming the first bad one);
    :meth:`start` listens (port 0: a free port, read back from :attr:`port`),
    :meth:`stop` aborts the associations still open and waits (bounded) for
    every thread the server started to end.  As a context manager it starts
    and stops.

    - ``script``: a :class:`StatusScript`, the mapping :meth:`StatusScript.parse`
      takes, or the path of a script file; ``None`` answers everything with Success;
    - ``host``: the address to listen on; 127.0.0.1 unless you give another;
    - ``ae_title``: the server's AE title (any called AE title is accepted);
    - ``timeout``: seconds for each ACSE, DIMSE and network wait (an idle
      association is aborted after it);
    - ``max_associations``: associations served at once;
    - ``record``: how many :class:`Exchange` records :attr:`received` keeps
      (the latest; 0 keeps none);
    - ``logger``: where each response is logged, one line each
      (``dimse_status.serve`` by default), at the level its type calls for
      (:data:`dimse_status.statuslog.LEVELS`).
    """

    def __init__(
        self,
        script: StatusScript | Mapping[str, Any] | str | os.PathLike[str] | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        ae_title: str = "STATUS-SCP",
        timeout: float = 10.0,
        max_associations: int = 10,
        record: int = 1000,
        logger: logging.Logger | None = None,
    ) -> None:
        self._script = _as_script(script)
        if not isinstance(host, str) or not host.strip():
            raise ScriptError(f"host must be an address such as 127.0.0.1, not {shown(host)}")
        self._host = host.strip()
        self._port = _check_int(port, "port", 0, 65535)
        self._ae_title = _check_ae_title(ae_title)
        self._timeout = _check_number(timeout, "timeout", 0.1, 3600)
        self._max_associations = _check_int(max_associations, "max_associations", 1, 1000)
        self._received: deque[Exchange] = deque(maxlen=_check_int(record, "record", 0, 10**7))
        self._logger = _LOGGER if logger is None else logger
        self._lock = threading.Lock()
        self._counts: dict[Command, int] = {}
        self._stopping = threading.Event()
        self._ae: Any = None
        self._server: Any = None
        self._threads: list[threading.Thread] = []

    @property
    def script(self) -> StatusScript:
        """The script the server answers with."""
        return self._script

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return self._host

    @property
    def port(self) -> int:
        """The port the server listens on (the free port chosen, once started with port 0)."""
        return self._port

    @property
    def address(self) -> tuple[str, int]:
        """``(host, port)``."""
        return (self._host, self._port)

    @property
    def ae_title(self) -> str:
        """The server's AE title."""
        return self._ae_title

    @property
    def received(self) -> list[Exchange]:
        """What the server received and answered, oldest first (the latest
        ``record`` exchanges)."""
        with self._lock:
            return list(self._received)

    @property
    def is_running(self) -> bool:
        """Whether the server is listening."""
        return self._server is not None

    def start(self) -> StatusServer:
        """Listen; ``ValueError`` if the address cannot be bound, ``ImportError``
        (saying what to install) without pynetdicom."""
        if self._server is not None:
            raise RuntimeError("the server is already running")
        try:
            from pynetdicom import AE, evt
        except ImportError:
            raise ImportError("the status test server needs pynetdicom: pip install "
                              "'dimse-status[pynetdicom]'") from None
        ae: Any = AE(ae_title=self._ae_title)
        ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = self._timeout
        ae.maximum_associations = self._max_associations
        ae.require_called_aet = False
        for context in _contexts(self._script.service):
            ae.add_supported_context(*context)
        self._stopping.clear()
        before = set(threading.enumerate())
        try:
            server = ae.start_server((self._host, self._port), block=False,
                                     evt_handlers=[(evt.EVT_REQUESTED, self._on_requested)])
        except OSError as exc:
            raise ScriptError(f"cannot listen on {self._host}:{self._port}: "
                              f"{exc.strerror or exc}") from None
        # pynetdicom's thread that accepts connections (it runs serve_forever).
        self._threads = [t for t in threading.enumerate()
                         if t not in before and t.name.startswith("AcceptorServer")]
        self._ae, self._server = ae, server
        self._port = int(server.server_address[1])
        return self

    def stop(self) -> None:
        """Stop listening, abort the associations still open, and wait (at
        most the timeout, plus a second) for the server's threads to end."""
        ae, self._server = self._ae, None
        if ae is None:
            return
        self._stopping.set()
        self._ae = None
        with self._lock:
            threads = list(self._threads)
            self._threads = []
        threads += [a for a in ae.active_associations]
        ae.shutdown()
        for thread in threads:
            thread.join(self._timeout + 1)
            dul = getattr(thread, "dul", None)
            if isinstance(dul, threading.Thread):
                dul.join(self._timeout + 1)

    def __enter__(self) -> StatusServer:
        return self.start() if self._server is None else self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "listening" if self._server is not None else "stopped"
        return f"<StatusServer {self._ae_title} {self._host}:{self._port} {state}>"

    # -- serving --

    def _on_requested(self, event: Any) -> None:
        """A new association: its requests are answered by :meth:`_serve`
        instead of pynetdicom's service classes."""
        assoc = event.assoc
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(assoc)
        # A response is written as several PDUs: without TCP_NODELAY, Nagle's
        # algorithm holds each later one until the peer's delayed ACK (40 ms).
        raw = getattr(getattr(assoc.dul, "socket", None), "socket", None)
        if isinstance(raw, socket.socket):
            with contextlib.suppress(OSError):
                raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def serve(msg: Any, context_id: int) -> None:
            try:
                self._serve(assoc, msg, context_id)
            except Exception:  # a bug here must not leave the client waiting
                self._logger.exception("aborting: the request could not be answered")
                assoc.abort()

        assoc._serve_request = serve

    def _serve(self, assoc: Any, msg: Any, context_id: int) -> None:
        if not msg.is_valid_request:
            return
        context = next((cx for cx in assoc.accepted_contexts if cx.context_id == context_id),
                       None)
        try:
            command = Command.parse(type(msg).__name__)
        except ValueError:
            command = None
        if context is None or command is None or command not in self._script.served():
            self._logger.error("aborting: %s on presentation context %s is not served",
                               type(msg).__name__, context_id)
            assoc.abort()
            return
        with self._lock:
            number = self._counts[command] = self._counts.get(command, 0) + 1
        answer = self._script.answer(command, number)
        exchange = Exchange(
            command, number, int(msg.MessageID), str(_sop_class(msg)),
            str(assoc.requestor.ae_title).strip(),
            (str(assoc.requestor.address), int(assoc.requestor.port)),
            str(context.transfer_syntax[0]), _data(msg),
            None if command is not Command.C_MOVE else str(msg.MoveDestination).strip(),
        )
        with self._lock:
            self._received.append(exchange)
        who = f"{exchange.calling_ae_title}@{exchange.peer[0]}:{exchange.peer[1]}"
        label = f"{who} {command.label} #{number}"
        assoc.dimse.cancel_req = {}
        last: Status[Any] | None = None
        for index, step in enumerate(answer):
            if step.delay and self._stopping.wait(step.delay):
                return
            if not assoc.is_established:
                return
            status = step.status
            if index and command in _MULTI and assoc.dimse.cancel_req.pop(msg.MessageID, None):
                status = _cancelled(command, last)
                exchange._cancelled = True  # pyright: ignore[reportPrivateUsage]
            if status is None:
                exchange._aborted = True  # pyright: ignore[reportPrivateUsage]
                self._logger.warning("%s: aborted the association (scripted)", label)
                assoc.abort()
                return
            exchange._responses.append(status)  # pyright: ignore[reportPrivateUsage]
            assoc.dimse.send_msg(_response(msg, command, status), context_id)
            self._log(label, status)
            if exchange.cancelled:
                return
            last = status

    def _log(self, label: str, status: Status[Any]) -> None:
        level = LEVELS[status.type]
        if self._logger.isEnabledFor(level):
            self._logger.log(level, "%s: sent %s", label, describe(status),
                             extra=status_log_fields(status, "sent"))


def _cancelled(command: Command, last: Status[Any] | None) -> Status[Any]:
    """FE00 Cancel, with the counts of the last Pending response of a C-GET or C-MOVE."""
    status: Status[Any] = Status(0xFE00, command, _service_of(command, None))
    if last is None or command is Command.C_FIND:
        return status
    counts = {name: getattr(last.details, name) for name in _COUNTS}
    return status.with_details(**counts)


def _sop_class(msg: Any) -> str:
    uid = getattr(msg, "AffectedSOPClassUID", None)
    return str(uid if uid is not None else getattr(msg, "RequestedSOPClassUID", ""))


_DATA_FIELDS = ("DataSet", "Identifier", "AttributeList", "ModificationList",
                "ActionInformation", "EventInformation")


def _data(msg: Any) -> bytes:
    for name in _DATA_FIELDS:
        stream = getattr(msg, name, None)
        if isinstance(stream, BytesIO):
            return stream.getvalue()
    return b""


def _response(msg: Any, command: Command, status: Status[Any]) -> Any:
    """The response primitive for ``msg`` carrying ``status`` and its details."""
    from pynetdicom import dimse_primitives

    rsp: Any = getattr(dimse_primitives, type(msg).__name__)()
    rsp.MessageIDBeingRespondedTo = msg.MessageID
    if command in _DIMSE_C:
        rsp.AffectedSOPClassUID = msg.AffectedSOPClassUID
    if command is Command.C_STORE:
        rsp.AffectedSOPInstanceUID = msg.AffectedSOPInstanceUID
    elif command is Command.N_CREATE:
        from pydicom.uid import generate_uid

        rsp.AffectedSOPClassUID = msg.AffectedSOPClassUID
        rsp.AffectedSOPInstanceUID = msg.AffectedSOPInstanceUID or generate_uid()
    elif command is Command.N_EVENT_REPORT:
        rsp.AffectedSOPClassUID = msg.AffectedSOPClassUID
        rsp.AffectedSOPInstanceUID = msg.AffectedSOPInstanceUID
        rsp.EventTypeID = msg.EventTypeID
    elif command not in _DIMSE_C:
        rsp.AffectedSOPClassUID = msg.RequestedSOPClassUID
        rsp.AffectedSOPInstanceUID = msg.RequestedSOPInstanceUID
        if command is Command.N_ACTION:
            rsp.ActionTypeID = msg.ActionTypeID
    rsp.Status = status.code
    for name, value in status.details._asdict().items():
        if value is not None and value != ():
            setattr(rsp, _PRIMITIVE_FIELDS[name],
                    list(value) if name == "offending_element" else value)
    if command is Command.C_FIND and status.is_pending and isinstance(msg.Identifier, BytesIO):
        rsp.Identifier = BytesIO(msg.Identifier.getvalue())
    return rsp


def _contexts(service: Service | None) -> list[tuple[Any, ...]]:
    """(abstract syntax, transfer syntaxes) of every presentation context served."""
    from pynetdicom import ALL_TRANSFER_SYNTAXES, DEFAULT_TRANSFER_SYNTAXES
    from pynetdicom.presentation import (
        AllStoragePresentationContexts,
        ModalityPerformedPresentationContexts,
        QueryRetrievePresentationContexts,
        UnifiedProcedurePresentationContexts,
        VerificationPresentationContexts,
    )

    out: list[tuple[Any, ...]] = []
    for cx in VerificationPresentationContexts + QueryRetrievePresentationContexts:
        out.append((cx.abstract_syntax, DEFAULT_TRANSFER_SYNTAXES))
    for cx in AllStoragePresentationContexts:
        # A C-GET's SCU offers them with role selection: both roles accepted.
        out.append((cx.abstract_syntax, ALL_TRANSFER_SYNTAXES, True, True))
    if service is not None:
        extra = (ModalityPerformedPresentationContexts if service.name == "PROCEDURE_STEP"
                 else UnifiedProcedurePresentationContexts)
        out += [(cx.abstract_syntax, DEFAULT_TRANSFER_SYNTAXES) for cx in extra]
    return out


@contextlib.contextmanager
def status_server(
    script: StatusScript | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    ae_title: str = "STATUS-SCP",
    timeout: float = 10.0,
    max_associations: int = 10,
    record: int = 1000,
    logger: logging.Logger | None = None,
) -> Generator[StatusServer, None, None]:
    """A running :class:`StatusServer` for the block, on 127.0.0.1 and a
    free port unless told otherwise; stopped (associations aborted, threads
    ended) on leaving.

    .. code-block:: python

        with status_server({"C-STORE": {"status": "A700", "error_comment": "disk full"}}) as server:
            my_client.store(server.host, server.port, dataset)   # gets A700
            assert server.received[0].command is Command.C_STORE
    """
    server = StatusServer(script, host=host, port=port, ae_title=ae_title, timeout=timeout,
                          max_associations=max_associations, record=record, logger=logger)
    server.start()
    try:
        yield server
    finally:
        server.stop()


# --- the command line ---------------------------------------------------------------

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
pending, delay).  Examples:
  --status "c-store=A700/error_comment=disk full"
  --status c-store=0000,0000,A700            every third C-STORE fails
  --status c-find=FF01+FF00+C001             two matches, then a failure
  --status c-move=B000/completed=2/failed=1/warning=0
  --status c-echo=abort
A script file (--script, TOML or JSON; --schema prints its JSON Schema)
holds sequences and rules such as every Nth request; --status wins over it."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


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
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="log only Warning and Failure responses and aborts")
    parser.add_argument("--check", action="store_true",
                        help="check the script and options, print the script, and exit")
    parser.add_argument("--schema", action="store_true",
                        help="print the JSON Schema of script files and exit")


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator``, except inside parentheses (tags)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if char == separator and depth <= 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


_INT_KEYS = frozenset({"error_id", "pending", *_COUNTS})


def _cli_response(text: str, where: str) -> object:
    code, *pairs = text.split("/")
    if not pairs:
        return code.strip()
    table: dict[str, Any] = {"status": code.strip()}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in _STEP_KEYS or key == "status":
            raise ScriptError(f"{where}: {shown(pair)} is not key=value with a key of "
                              f"{', '.join(k for k in _STEP_KEYS if k != 'status')}")
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


def _cli_script(options: Sequence[str], service: str | None) -> StatusScript:
    data: dict[str, Any] = {}
    if service is not None:
        data["service"] = service
    for option in options:
        where = f"--status {option}"
        name, sep, answers = option.partition("=")
        if not sep or not name.strip() or not answers.strip():
            raise ScriptError(f"{where}: expected COMMAND=ANSWERS, such as c-store=A700")
        command = _parse_command(name.strip(), where).label
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
    return " + ".join("abort" if s.status is None else describe(s.status).replace(
        f" [{s.status.command.label}]" if s.status.command else "", "") for s in answer)


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
    server = StatusServer(script, host=args.host, port=args.port, ae_title=args.ae_title,
                          timeout=args.timeout, max_associations=args.max_associations,
                          record=0)
    if args.check:
        sys.stdout.write(_summary(server) + "\n")
        return 0
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    previous_level = _LOGGER.level
    _LOGGER.addHandler(handler)
    _LOGGER.setLevel(logging.WARNING if args.quiet else logging.DEBUG)
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
        _LOGGER.removeHandler(handler)
        _LOGGER.setLevel(previous_level)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m dimse_status.testserver``: the ``serve`` command alone."""
    parser = _Parser(prog="python -m dimse_status.testserver", description=_DESCRIPTION,
                     epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run_serve(args)
    except (ValueError, TypeError) as exc:
        parser.error(str(exc))


if __name__ == "__main__":
    sys.exit(main())
