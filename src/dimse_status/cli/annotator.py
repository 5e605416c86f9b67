"""Where a log is explained: DIMSE status codes in network logs, annotated.

``annotate(lines)`` yields every line of a log as it came, except that a line
which shows a DIMSE status code gets the code's meaning appended: DCMTK's
``D: DIMSE Status                  : 0xa700: Refused: Out of resources``, in
a C-STORE exchange, ends with::

      [dimse-status C-STORE 0xA700 Failure: Refused: Out of Resources]

The annotation is two spaces, then ``[dimse-status CONTEXT 0xCODE TYPE:
DESCRIPTION]``: CONTEXT is the command the code was read for (``C-STORE``;
``general`` when no command is known: the PS3.7 Annex C meaning), followed by
the service class's name when one was given (``N-ACTION
UNIFIED_PROCEDURE_STEP``); CODE is four upper-case hex digits; TYPE and
DESCRIPTION are the status's, as ``str(Status(...))`` prints them.  One
annotation per distinct code on the line, in the order the codes appear, each
placed before the line ending (``\\n``, ``\\r\\n`` or ``\\r``, kept as it was).
``grep 'dimse-status .* Failure:'`` finds every failure.  A line that already
holds an annotation is passed through unchanged, so annotating twice changes
nothing.

A status code is read where a log shows it as one, and nowhere else:

1. after the word ``status`` (``Status``, ``STATUS``), as ``0x`` and up to
   four hex digits or up to four hex digits and ``H``: pynetdicom's
   ``Status                        : 0xA700 - Failure`` and ``Received Store
   Response (Status: 0xA700 - Failure)``, DCMTK's ``DIMSE Status
   : 0xa700: Refused: Out of resources``, dcm4che's ``status=a700H`` and
   ``with Status A700H``, pynetdicom's ``Unknown status value returned by
   the EVT_C_STORE handler: 0xC123``;
2. ``0x`` and four hex digits followed by a status type in parentheses:
   pynetdicom's ``Find SCP Response: 1 - 0xFF00 (Pending)``;
3. the Status element (0000,0900) in a command-set dump, decimal or hex:
   pydicom's ``(0000,0900) Status   US: 42752``, DCMTK's ``(0000,0900) US
   42752   #   2, 1 Status``, dcm4che's ``(0000,0900) US [42752] Status``.

Message IDs, tags, UIDs, lengths, counts and PDU hex dumps are none of these.

The command a code is read for: ``command`` when given; else the last command
the same line names before the code (``C-STORE RSP``, ``1:C-STORE-RSP[``,
``Received Store Response``, ``Find SCP Response``), or the first it names
after the code; else the last command a previous line named (``Message Type
: C-FIND RSP`` before its ``Status`` line; a request's command stands for its
response's); else none, and the code gets its general meaning.  Commands
are named ``C-STORE``, ``N-ACTION`` (``-RQ``/``-RSP``/`` RQ``/`` RSP`` or
not; ``_`` for ``-`` too) or, as pynetdicom and DCMTK write them,
``Echo``/``Store``/``Find``/``Get``/``Move`` before ``Request``,
``Response``, ``SCP``, ``SCU`` or ``Result`` (pynetdicom's ``Get Response``
of an N-GET is read as C-GET, but its ``Message Type : N-GET RSP`` comes
before the Status).  A log that interleaves several associations can mislead
the inference; ``command`` then settles it.
"""

from __future__ import annotations

from .._typechecking import TYPE_CHECKING
from ..base import Command
from ..registry import StatusRegistry, default_registry
from ..resolve import Status

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from re import Match, Pattern
    from typing import Any

    from ..services import Service

__all__ = ["MARKER", "annotate"]

MARKER = "[dimse-status "
"""How every annotation begins (after its two spaces)."""

# A command as logs spell it, and the Command it names.
_COMMANDS: dict[str, Command] = {c.label: c for c in Command}
_WORDS: dict[str, Command] = {
    "Echo": Command.C_ECHO, "Store": Command.C_STORE, "Find": Command.C_FIND,
    "Get": Command.C_GET, "Move": Command.C_MOVE,
}

_HEX = "[0-9A-Fa-f]"
_CODE_SOURCE = (
    # 1. after "status": 0xA700, 0xa700, a700H (dcm4che), 0H
    rf"\b(?:[Ss]tatus|STATUS)(?:\s+value\b[^:\n]{{0,80}}?)?\s*[:=-]?\s*"
    rf"(?:0[xX](?P<x>{_HEX}{{1,4}})|(?P<h>{_HEX}{{1,4}})H)(?![0-9A-Za-z])"
    # 2. 0xFF00 (Pending)
    rf"|(?<![0-9A-Za-z])0[xX](?P<t>{_HEX}{{4}}) \((?:Pending|Success|Warning|Failure|Cancel)\b"
    # 3. the Status element in a dump: US: 42752, US 42752, US [42752]
    rf"|\(0000,0900\)(?:\s+Status)?\s+US:?\s+\[?"
    rf"(?:0[xX](?P<ex>{_HEX}{{1,4}})|(?P<d>[0-9]{{1,5}}))(?![0-9A-Za-z])"
)
_COMMAND_SOURCE = (
    r"(?<![0-9A-Za-z])(?P<c>[CN][-_](?:EVENT[-_]REPORT|ECHO|STORE|FIND|GET|MOVE|SET|ACTION"
    r"|CREATE|DELETE))(?![0-9A-Za-z])"
    r"|\b(?P<w>Echo|Store|Find|Get|Move) (?=(?i:request|response|rq|rsp|scp|scu|result)\b)"
)
_LINE_SOURCE = r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+"


class _Patterns:
    """The compiled expressions; ``re`` is imported on the first annotate()
    call, not with the package (``import dimse_status`` stays as fast)."""

    code: Pattern[str]
    command: Pattern[str]
    line: Pattern[str]

    def __init__(self) -> None:
        import re

        self.code = re.compile(_CODE_SOURCE)
        self.command = re.compile(_COMMAND_SOURCE)
        self.line = re.compile(_LINE_SOURCE)


_patterns: list[_Patterns] = []


def _code_of(match: Match[str]) -> int | None:
    digits = match["x"] or match["h"] or match["t"] or match["ex"]
    if digits is not None:
        return int(digits, 16)
    value = int(match["d"])
    return value if value <= 0xFFFF else None


def annotate(
    lines: Iterable[str],
    command: Command | None = None,
    service: Service | None = None,
    *,
    registry: StatusRegistry | None = None,
) -> Iterator[str]:
    """Yield each line of a log, with the meaning of every DIMSE status code
    it shows appended as ``  [dimse-status C-STORE 0xA700 Failure: ...]``.

    ``lines`` are ``str`` lines with or without their line endings, such as a
    text file or ``sys.stdin`` yields (a single ``str`` is read as a whole
    log).  ``command`` reads every code for that command; without it each
    code is read for the command its line, or the lines before, name (see the
    module's documentation), else as a general (PS3.7 Annex C) code.
    ``service`` adds a PS3.4 service class's own statuses wherever a command
    is known; ``registry`` the custom statuses of a ``StatusRegistry``
    (the default registry without it).  Lines are read one at a time, as
    they are consumed.

    A bad ``command``, ``service`` or ``registry`` raises ``TypeError`` here,
    before any line is read; an item of ``lines`` that is not a ``str``
    raises ``TypeError`` when it is reached.

    >>> from dimse_status import Command
    >>> for line in annotate(["Status: 0xC001", "D: Message ID : 1"], Command.C_STORE):
    ...     print(line)
    Status: 0xC001  [dimse-status C-STORE 0xC001 Failure: Error: Cannot understand]
    D: Message ID : 1
    """
    if registry is None:
        registry = default_registry
    given: object = lines
    if isinstance(given, (bytes, bytearray)):
        raise TypeError(f"annotate() reads str lines; decode the {type(given).__name__} first")
    # Status() checks the arguments, and names a bad one, as everywhere else.
    Status(0, Command.C_ECHO if command is None else command, service, registry=registry)
    if not _patterns:
        _patterns.append(_Patterns())
    if isinstance(lines, str):
        lines = [lines] if lines else []
    return _annotated(lines, command, service, registry)


def _annotated(
    lines: Iterable[str], command: Command | None, service: Service | None,
    registry: StatusRegistry,
) -> Iterator[str]:
    patterns = _patterns[0]
    find_codes = patterns.code.finditer
    find_commands = patterns.command.finditer
    split = patterns.line.findall
    notes: dict[tuple[int, Command | None], str] = {}
    context: Command | None = None  # the command the last lines named
    from .outcomes import AssociationLines

    association = AssociationLines()  # A-ASSOCIATE-RJ and A-ABORT lines (PS3.8)

    def note(code: int, for_command: Command | None) -> str:
        text = notes.get((code, for_command))
        if text is None:
            label = "general"
            status: Status[Any] = Status(code, registry=registry)
            if for_command is not None:
                label = for_command.label
                status = Status(code, for_command, service, registry=registry)
                if service is not None:
                    label = f"{label} {service.name}"
            text = f"  {MARKER}{label} 0x{code:04X} {status.type.value}: {status.description}]"
            notes[code, for_command] = text
        return text

    def one_line(line: str, body: str) -> str:
        nonlocal context
        marker = body.find(MARKER)
        scanned = body if marker < 0 else body[:marker]
        mentions: list[tuple[int, Command]] = []
        if (  # the substrings every command name holds: most lines have none
            "C-" in scanned or "N-" in scanned or "C_" in scanned or "N_" in scanned
            or "Echo " in scanned or "Store " in scanned or "Find " in scanned
            or "Get " in scanned or "Move " in scanned
        ):
            for found in find_commands(scanned):
                named = _COMMANDS.get(found["c"].replace("_", "-")) if found["c"] else (
                    _WORDS[found["w"]])
                if named is not None:
                    mentions.append((found.start(), named))
        added: list[str] = []
        if marker < 0 and (
            "0x" in scanned or "tatus" in scanned or "TATUS" in scanned
            or "0X" in scanned or "(0000,0900)" in scanned
        ):
            for match in find_codes(scanned):
                code = _code_of(match)
                if code is None:
                    continue
                for_command = command
                if for_command is None:
                    for_command = _named_for(match.start(), mentions, context)
                text = note(code, for_command)
                if text not in added:
                    added.append(text)
        if mentions:
            context = mentions[-1][1]
        outcome = association.note(scanned) if marker < 0 else None
        if outcome is not None:
            added.append(outcome)
        return body + "".join(added) + line[len(body):] if added else line

    for item in lines:
        if type(item) is not str:
            raise TypeError(
                f"annotate() reads lines of str, not {type(item).__name__} {item!r:.80}")
        body = _body(item)
        if "\n" not in body and "\r" not in body:
            yield one_line(item, body)
        else:  # an item that holds several lines
            for line in split(item):
                yield one_line(line, _body(line))


def _named_for(
    position: int, mentions: list[tuple[int, Command]], context: Command | None
) -> Command | None:
    """The command a code at ``position`` is read for: the last one its line
    names before it, else the first one the line names after it, else the
    one the lines before named."""
    before = [named for start, named in mentions if start < position]
    if before:
        return before[-1]
    return mentions[0][1] if mentions else context


def _body(line: str) -> str:
    """The line without its line ending."""
    if line.endswith("\n"):
        return line[:-2] if line.endswith("\r\n") else line[:-1]
    return line[:-1] if line.endswith("\r") else line
