"""The scripts of the status test server: what it answers, per command.

A :class:`StatusScript` is read from a mapping (:meth:`StatusScript.parse`),
a JSON or TOML file (:meth:`StatusScript.load`, schema in
``serve-script.schema.json``) or ``dimse-status serve --status`` options,
and checked as a whole before any server starts: a code the standard does
not list for the command (:func:`~dimse_status.is_permitted`), a malformed
code, or a detail the status (or the command's response) cannot carry is a
:class:`ScriptError` (a ``ValueError``) naming the value and where it is.
"""

# pynetdicom's objects are typed loosely (event handlers, primitives): Any here.
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
# pyright: reportUnknownArgumentType=false

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base import Command, described, shown
from ..registry import refuse_unpermitted
from ..resolve import Status, as_status
from .answer import Answer, PendingRun, Step
from .outcome_script import abort_of, reject_of

if TYPE_CHECKING:

    from ..association.outcome import Rejection
    from ..services import Service

__all__ = ["SCHEMA_PATH", "Answer", "CommandScript", "PendingRun", "Rule", "ScriptError", "Step",
           "StatusScript"]

SCHEMA_PATH = Path(__file__).with_name("serve-script.schema.json")
"""The JSON Schema of a script file (``dimse-status serve --schema`` prints it)."""


# Commands whose request is answered by Pending responses and then a final one.
MULTI = frozenset({Command.C_FIND, Command.C_GET, Command.C_MOVE})
DIMSE_C = (Command.C_ECHO, Command.C_STORE, Command.C_FIND, Command.C_GET, Command.C_MOVE)

# What each response's command set can carry besides the Status (PS3.7 9.3 and
# 10.3, as pynetdicom builds them): C-ECHO only an Error Comment, no DIMSE-N
# response an Offending Element, only C-GET and C-MOVE the counts.
COUNTS = ("remaining", "completed", "failed", "warning")
_C_FIELDS = frozenset({"offending_element", "error_comment"})
_N_FIELDS = frozenset({"error_comment", "error_id"})
_WIRE: dict[Command, frozenset[str]] = {
    Command.C_ECHO: frozenset({"error_comment"}),
    Command.C_STORE: _C_FIELDS,
    Command.C_FIND: _C_FIELDS,
    Command.C_GET: _C_FIELDS | frozenset(COUNTS),
    Command.C_MOVE: _C_FIELDS | frozenset(COUNTS),
    **{command: _N_FIELDS for command in Command if command not in DIMSE_C},
}
PRIMITIVE_FIELDS = {
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
STEP_KEYS = ("status", *PRIMITIVE_FIELDS, "pending", "delay")
_COMMAND_KEYS = ("answers", "then", "rules")
_RULE_KEYS = ("every", "request", "answer")
_MAX_DELAY = 300.0  # seconds a scripted response may wait
_MAX_REQUEST = 2**31 - 1
# The spellings of the service classes and commands a script may use, the
# schema's too (tests/test_testserver_scripts.py holds them to each other):
# ASCII, any case.
_SERVICE_NAMES = {
    **{name.lower(): "PROCEDURE_STEP" for name in (
        "MPPS", "Modality Performed Procedure Step", "Procedure Step", "PROCEDURE_STEP")},
    **{name.lower(): "UNIFIED_PROCEDURE_STEP" for name in (
        "UPS", "Unified Procedure Step", "UNIFIED_PROCEDURE_STEP")},
}
_COMMAND_KEY = "(" + "|".join(
    "[-_ ]?".join("".join(f"[{c}{c.lower()}]" for c in word) for word in command.label.split("-"))
    for command in Command) + ")"
"""A command's key: its label with "-", "_", " " or nothing between the words, any case."""
_MAX_PENDING = 10_000
_CYCLE = "cycle"


class ScriptError(ValueError):
    """A script (or a server option) that cannot be served: the message names
    the value and where it is."""




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


def service_of(command: Command, service: Service | None) -> Service | None:
    """The service class a command's statuses are read in."""
    from ..services import Service

    if command is Command.C_ECHO:
        return Service.VERIFICATION
    if command is Command.C_STORE:
        return Service.STORAGE
    if command in MULTI:
        return Service.QUERY_RETRIEVE
    return service


def _default_answer(command: Command) -> Answer:
    """Success; for C-GET and C-MOVE with its counts (no sub-operation)."""
    status: Status[Any] = Status(0x0000, command, service_of(command, None))
    if command in (Command.C_GET, Command.C_MOVE):
        status = status.with_details(completed=0, failed=0, warning=0)
    return Answer((Step(status),))


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
    no match, a C-GET or C-MOVE with zero counts).  A top-level ``reject``
    table, ``{"result": 2, "source": 3, "reason": 1}`` with an optional
    ``"association": N``, rejects every association (or only the N-th, 1 the
    first) with that A-ASSOCIATE-RJ (PS3.8 9.3.4; reserved values refused).

    >>> from dimse_status import StatusScript
    >>> script = StatusScript.parse({"C-STORE": ["0000", {"status": "A700",
    ...                                                   "error_comment": "disk full"}]})
    >>> str(script.answer("C-STORE", 2)[0].status)
    '(0xA700) Failure: Refused: Out of Resources'
    >>> StatusScript.parse({"C-STORE": "B123"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dimse_status.testing.script.ScriptError: script: C-STORE answer 1: 0xB123 is not a status ...
    """

    def __init__(self, commands: Mapping[Command, CommandScript] | None = None,
                 service: Service | None = None, reject: Rejection | None = None,
                 reject_association: int | None = None) -> None:
        """Prefer :meth:`parse`, which checks every status and detail."""
        self._commands: dict[Command, CommandScript] = dict(commands or {})
        self._service = service
        self._reject = None if reject is None else reject.check_sendable()
        self._reject_association = reject_association

    @property
    def reject(self) -> Rejection | None:
        """The A-ASSOCIATE-RJ scripted (``reject``), if any."""
        return self._reject

    @property
    def reject_association(self) -> int | None:
        """The association :attr:`reject` answers (1 the first); ``None``: every one."""
        return self._reject_association

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
            c for c in self._service.commands if c not in DIMSE_C)
        return (*DIMSE_C, *extra)

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
        rejecting = other if other.reject is not None else self
        return StatusScript(commands, service, rejecting.reject, rejecting.reject_association)

    @classmethod
    def parse(cls, data: Mapping[str, Any], *, source: str = "script") -> StatusScript:
        """The script ``data`` describes (see the class's text); ``ValueError``
        (a :class:`ScriptError`) naming the first value that cannot be served,
        prefixed with ``source``."""
        try:
            return cls._parse(data, source)
        except RecursionError:
            raise ScriptError(f"{source}: nested more than Python can read (a script is a "
                              "few levels deep)") from None

    @classmethod
    def _parse(cls, data: Mapping[str, Any], source: str) -> StatusScript:
        if not isinstance(data, Mapping):
            raise ScriptError(f"{source}: a script is a table (a JSON object), not "
                              f"{described(data)}")
        service: Service | None = None
        if "service" in data:
            service = _parse_service(data["service"], source)
        reject: tuple[Rejection | None, int | None] = (None, None)
        if "reject" in data:
            try:
                reject = reject_of(data["reject"])
            except (TypeError, ValueError) as exc:
                raise ScriptError(f"{source}: {exc}") from None
        commands: dict[Command, CommandScript] = {}
        for key, value in data.items():
            if key in ("service", "$schema", "reject"):
                continue
            command = parse_command(key, source)
            if command in commands:
                raise ScriptError(f"{source}: {command.label} is scripted twice "
                                  f"({shown(key)} is another spelling of it)")
            commands[command] = _parse_command_script(command, value, service, source)
        _check_service(commands, service, source)
        return cls(commands, service, *reject)

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
        suffix = file.suffix.lower()
        if suffix not in (".toml", ".json"):
            raise ScriptError(f"{file}: a script is a .toml or .json file, not "
                              f"{file.suffix or 'a file without a suffix'}")
        try:
            if suffix == ".toml":
                toml = _toml()
                try:
                    data = toml.loads(text)
                except toml.TOMLDecodeError as exc:
                    raise ScriptError(f"{file}: not valid TOML: {exc}") from None
            else:
                try:
                    data = json.loads(text, object_pairs_hook=_unique_keys,
                                      parse_float=_json_number)
                except json.JSONDecodeError as exc:
                    raise ScriptError(f"{file}: not valid JSON: {exc}") from None
                except _DuplicateKey as exc:
                    raise ScriptError(f"{file}: the key {shown(exc.key)} is given twice in "
                                      "one table (JSON keeps only the last)") from None
        except RecursionError:
            raise ScriptError(f"{file}: nested more than Python can read (a script is a few "
                              "levels deep)") from None
        return cls.parse(data, source=str(file))

    def __repr__(self) -> str:
        service = "" if self._service is None else f" service={self._service.name}"
        commands = ", ".join(c.label for c in self._commands) or "none scripted"
        return f"<StatusScript {commands}{service}>"


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's members as a dict; :class:`_DuplicateKey` for a key given twice."""
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise _DuplicateKey(key)
        table[key] = value
    return table


def _json_number(text: str) -> float | int:
    """A JSON number with a fraction or exponent: an int if it is integral (JSON
    Schema's ``integer`` counts ``3.0``), else a float (``inf`` past a float's range)."""
    number = float(text)
    return int(number) if number.is_integer() else number


def _toml() -> Any:
    """``tomllib``, or on Python 3.10 its backport ``tomli``."""
    from importlib import import_module

    try:
        return import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    except ImportError:
        raise ScriptError("reading a TOML script on Python 3.10 needs tomli: pip install "
                          "'dimse-status[pynetdicom]' (or use a JSON script)") from None


def _parse_service(value: object, source: str) -> Service:
    from ..services import Service

    name = _SERVICE_NAMES.get(value.lower()) if isinstance(value, str) and value.isascii() \
        else None
    if name is None:
        raise ScriptError(f"{source}: service {shown(value)} cannot be served; the server "
                          "offers the N-services of \"MPPS\" (Modality Performed Procedure "
                          "Step) or \"UPS\" (Unified Procedure Step), in any case")
    return Service[name]


def parse_command(key: object, source: str) -> Command:
    if isinstance(key, str) and re.fullmatch(_COMMAND_KEY, key):
        with contextlib.suppress(ValueError):
            return Command.parse(key)
    choices = ", ".join(c.label for c in Command)
    raise ScriptError(f"{source}: unknown key {shown(key)}; a script's keys are \"service\", "
                      f"\"reject\" and command names ({choices})")


def _check_service(commands: Mapping[Command, CommandScript], service: Service | None,
                   source: str) -> None:
    for command in commands:
        if command in DIMSE_C:
            continue
        if service is None:
            raise ScriptError(f"{source}: {command.label} needs a service class: add "
                              "service = \"MPPS\" or \"UPS\" (--service on the command line)")
        if command not in service.commands:
            served = ", ".join(c.label for c in service.commands if c not in DIMSE_C)
            raise ScriptError(f"{source}: {command.label} is not a command of the "
                              f"{service.title} Service Class ({served})")


def _parse_command_script(command: Command, value: object, service: Service | None,
                          source: str) -> CommandScript:
    where = f"{source}: {command.label}"
    if isinstance(value, Mapping) and "status" not in value and "abort" not in value:
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
                                          limit=_MAX_REQUEST))


def _parse_answer(command: Command, value: object, service: Service | None,
                  where: str) -> Answer:
    items: list[object] = value if isinstance(value, list) else [value]  # pyright: ignore[reportUnknownVariableType]
    if not items:
        raise ScriptError(f"{where}: an answer needs at least one response")
    parts: list[Step | PendingRun] = []
    labels: list[str] = []
    for n, item in enumerate(items, 1):
        label = where if len(items) == 1 else f"{where}, response {n}"
        if parts and isinstance(parts[-1], Step) and parts[-1].is_abort:
            raise ScriptError(f"{label}: nothing can follow \"abort\"")
        new = _parse_response(command, item, service, label)
        parts.extend(new)
        labels.extend([label] * len(new))
    answer = Answer(parts)
    last = parts[-1]
    assert isinstance(last, Step)
    if command not in MULTI and len(answer) > 1:
        raise ScriptError(f"{where}: a {command.label} request gets one response, not "
                          f"{len(answer)}")
    for step in parts[:-1]:
        if isinstance(step, Step) and step.status is not None and not step.status.is_pending:
            raise ScriptError(f"{where}: only Pending responses may come before the last one; "
                              f"{step.status} is final")
    if last.status is not None and last.status.is_pending:
        hint = (" (the responses to one request form one answer: [\"FF00\", \"0000\"] in "
                "a file's answers, FF00+0000 after --status)" if len(items) == 1 else "")
        raise ScriptError(f"{where}: ends with a Pending status ({last.status}); end it with "
                          f"a final status or \"abort\"{hint}")
    if command in (Command.C_GET, Command.C_MOVE):
        answer = Answer(_counted(parts, labels))
    return answer


_COMPLETED_TAG = 0x00001021


def _counted(parts: Sequence[Step | PendingRun], labels: Sequence[str]) -> list[Step | PendingRun]:
    """A C-GET's or C-MOVE's responses with the counts the standard requires
    (PS3.4 C.4.2.1.5-9 and C.4.3.1.4-8, as C.4.2.3.1 and C.4.3.3.1 send them):

    - a Pending response carries all four: the ones the script leaves out
      are those of the Pending before it with one more completed
      sub-operation, and as remaining the Pending responses still to come;
    - a final response whose status lets them travel (0000, B000, A702,
      FE00) carries the completed, failed and warning counts: the ones left
      out are the last Pending response's (0 without one);
    - a final response other than FE00 Cancel with a Number of Remaining
      Sub-operations is refused (C.4.2.1.6, C.4.3.1.5: Pending and Cancel only).
    """
    total = sum(p.count if isinstance(p, PendingRun) else int(_pending(p)) for p in parts)
    seen, counts = 0, {"completed": 0, "failed": 0, "warning": 0}
    out: list[Step | PendingRun] = []
    for part, label in zip(parts, labels, strict=True):
        if isinstance(part, PendingRun):
            seen += part.count
            out.append(PendingRun(part.command, part.service, part.count, part.delay,
                                  left=total - seen, **counts))
            counts["completed"] += part.count
            continue
        status = part.status
        if status is None:
            out.append(part)
            continue
        given: dict[str, Any] = {name: v for name, v in status.details._asdict().items()
                                 if v is not None and v != ()}
        fill: dict[str, int]
        if status.is_pending:
            seen += 1
            fill = {"remaining": total - seen, **counts, "completed": counts["completed"] + 1}
        elif "remaining" in given and status.code != 0xFE00:
            section = "C.4.2.1.6" if status.command is Command.C_MOVE else "C.4.3.1.5"
            raise ScriptError(f"{label}: {_FIELD_NAMES['remaining']} is sent with Pending and "
                              f"Cancel responses only (PS3.4 {section}), not with {status}")
        elif _COMPLETED_TAG in status.related_attributes:
            fill = dict(counts)
        else:
            fill = {}
        filled: dict[str, Any] = {**fill, **given}
        if filled != given:
            status = status.with_details(**filled)
        if status.is_pending:
            counts = {name: filled[name] for name in ("completed", "failed", "warning")}
        out.append(Step(status, part.delay))
    return out


def _pending(part: Step) -> bool:
    return part.status is not None and part.status.is_pending


def _parse_response(command: Command, value: object, service: Service | None,
                    where: str) -> list[Step | PendingRun]:
    """The steps one response of a script stands for (a run of Pending
    responses first, with ``pending``)."""
    context = service_of(command, service)
    abort = _parse_abort(value, where)
    if abort is not None:
        return [abort]
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
        _known_keys(table, STEP_KEYS, where)
        if "status" not in table:
            raise ScriptError(f"{where}: a response table needs a status")
        code = _parse_code(table["status"], where)
        for name in PRIMITIVE_FIELDS:
            if name in table:
                fields[name] = (_parse_tags(table[name], where) if name == "offending_element"
                                else table[name])
        if "delay" in table:
            delay = _parse_delay(table["delay"], where)
        if "pending" in table:
            if command not in MULTI:
                raise ScriptError(f"{where}: pending responses are for C-FIND, C-GET and "
                                  f"C-MOVE, not {command.label}")
            pending = _positive(table["pending"], "pending", where, limit=_MAX_PENDING)
    else:
        code = _parse_code(value, where)
    status: Status[Any] = Status(code, command, context)
    try:
        if context is not None:
            refuse_unpermitted(status.code, status.command, status.service)
        status = status.with_details(**fields)
        for name in fields:
            if name not in _WIRE[command]:
                raise ValueError(f"{_FIELD_NAMES[name]} is not a field of the {command.label} "
                                 "response's command set (PS3.7): pynetdicom cannot send it")
    except (TypeError, ValueError) as exc:
        raise ScriptError(f"{where}: {exc}") from None
    run: list[Step | PendingRun] = [PendingRun(command, context, pending, delay)] if pending \
        else []
    return [*run, Step(status, delay)]


def _parse_abort(value: object, where: str) -> Step | None:
    """The abort step of ``value`` (:func:`.outcome_script.abort_of`), ``None``
    if it is no abort.  A reserved value is refused naming its field."""
    try:
        found = abort_of(value)
    except (TypeError, ValueError) as exc:
        raise ScriptError(f"{where}: {exc}") from None
    if found is None:
        return None
    abort, delay = found
    return Step(None, 0.0 if delay is None else _parse_delay(delay, where), abort)


def _parse_code(value: object, where: str) -> int:
    if isinstance(value, bool):
        raise ScriptError(f"{where}: a status is a code such as \"A700\", not {shown(value)}")
    if isinstance(value, int):
        if not 0 <= value <= 0xFFFF:
            raise ScriptError(f"{where}: status {shown(value)} is outside 0x0000..0xFFFF")
        return int(value)
    if isinstance(value, str):
        from ..base import parse_code

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
    # Compared before any conversion: an int past a float's range (10**400) is
    # refused, not an OverflowError; NaN fails the comparison.
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not 0 <= value <= _MAX_DELAY):
        raise ScriptError(f"{where}: delay must be a number of seconds in 0..{_MAX_DELAY:g}, "
                          f"not {shown(value)}")
    return float(value)


