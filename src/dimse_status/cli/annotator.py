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
``grep 'dimse-status .* Failure:'`` finds every failure.  A line that ends
with exactly the annotations annotate() would append to the rest of it is
passed through unchanged, so annotating twice changes nothing; an
annotation anywhere else (a peer's Error Comment that ends in a fake one)
is text like any other, and the line's real statuses are annotated after it.

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
A code is looked for at most 64 blanks (and, after ``status value``, 80
other characters and a colon) after the word ``status``: the matching is
linear in the length of a line, however it was crafted.

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

The service class a code is read in: ``service`` when given; else that of
the message's SOP class or presentation context, followed association by
association (see ``_associations``).
"""

from __future__ import annotations

from .._typechecking import TYPE_CHECKING
from ..base import Command
from ..registry import StatusRegistry, default_registry
from ..resolve import Status
from ._associations import LITERALS as _CONTEXT_LITERALS
from ._lines import ends_of, lines_any_ending, spans

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from re import Match, Pattern
    from typing import Any

    from ..services import Service
    from ._associations import Context

    _Parsed = tuple[tuple[tuple[int, Command | None], ...], Command | None,
                    tuple[Service | None] | None, int, str | None, Context | None]

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
# Every repetition is bounded and no two adjacent ones can match the same
# characters: a crafted line costs time linear in its length.
_BLANKS = "[ \\t]{0,64}"
_CODE_SOURCE = (
    # 1. after "status": 0xA700, 0xa700, a700H (dcm4che), 0H
    rf"\b(?:[Ss]tatus|STATUS)(?:[ \t]{{1,64}}value\b[^:\r\n]{{0,80}}:)?{_BLANKS}"
    rf"(?:[:=-]{_BLANKS})?"
    rf"(?:0[xX](?P<x>{_HEX}{{1,4}})|(?P<h>{_HEX}{{1,4}})H)(?![0-9A-Za-z])"
    # 2. 0xFF00 (Pending)
    rf"|(?<![0-9A-Za-z])0[xX](?P<t>{_HEX}{{4}}) \((?:Pending|Success|Warning|Failure|Cancel)\b"
    # 3. the Status element in a dump: US: 42752, US 42752, US [42752]
    rf"|\(0000,0900\)(?:[ \t]{{1,64}}Status)?[ \t]{{1,64}}US:?[ \t]{{1,64}}\[?"
    rf"(?:0[xX](?P<ex>{_HEX}{{1,4}})|(?P<d>[0-9]{{1,5}}))(?![0-9A-Za-z])"
    # 4. DCMTK's text at -v: Received Store Response (Refused: OutOfResources),
    #    Received Find Response 2 (Pending), Find Response: 2 (Pending)
    #    Move response with error status (Refused: MoveDestinationUnknown)
    r"|\b(?P<vw>Echo|Store|Find|Get|Move|[CN]-[A-Z]{3,6}(?:-REPORT)?) (?:Response"
    r"(?::? [0-9]{1,10})?|response with (?:warning|error) status) "
    r"\((?P<v>[A-Z][A-Za-z]{0,40}(?:: [A-Z][A-Za-z]{0,80})?)\)"
)
_COMMAND_SOURCE = (
    r"(?<![0-9A-Za-z])(?P<c>[CN][-_](?:EVENT[-_]REPORT|ECHO|STORE|FIND|GET|MOVE|SET|ACTION"
    r"|CREATE|DELETE))(?![0-9A-Za-z])"
    r"|\b(?P<w>Echo|Store|Find|Get|Move) (?=(?i:request|response|rq|rsp|scp|scu|result)\b)"
)
_LINE_SOURCE = r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+"
# The SOP class of a request or response: pynetdicom's and DCMTK's
# "Affected SOP Class UID : name", dcm4che's "cuid=UID - name".
_SOP_CLASS_SOURCE = (
    r"(?:Affected|Requested) SOP Class UID[ \t]{0,64}:[ \t]{0,64}(?P<s>[^\r\n]{1,128})"
    r"|\bcuid=(?P<u>[0-9.]{1,64})"
)
# One annotation as annotate() writes it (the description runs to the end).
_NOTE_SOURCE = (
    r"  \[dimse-status (?:general|[CN]-[A-Z]+(?:-[A-Z]+)?(?: [A-Z][A-Z_]*)?) 0x[0-9A-F]{4} "
    r"(?:Success|Warning|Failure|Cancel|Pending): [^\r\n]*\]"
)

# The substrings that every status (every annotation too) holds, and those of
# the lines that name a request's SOP class, its presentation context or an
# association's: a line without any of them is copied through without a
# regular expression.
# What an association's rejection or abort lines hold (PS3.8: see outcomes.py).
_OUTCOME_LITERALS = ("Result", "Source", "Reason")
_STATUS_LITERALS = ("tatus", "TATUS", "0x", "0X", "(0000,0900)", "Response", "SOP Class UID",
                    "cuid=", *_OUTCOME_LITERALS, *_CONTEXT_LITERALS)
# What block() searches for instead, one search each: the same, except that
# "0x"/"0X" (short and frequent: slow to search for, and most are no status)
# become what form 2 needs around them, found by the expression below (whose
# search skips to each "0"); the associations' lines are searched for apart
# (_associations.Associations.begin), and only followed: never read for
# statuses or commands.  Every line that can show a status is found.
_BLOCK_LITERALS = ("tatus", "TATUS", "(0000,0900)", "Response", "SOP Class UID", "cuid=",
                   *_OUTCOME_LITERALS)
_FORM_2_SOURCE = r"0[xX][0-9A-Fa-f]{4} \("
# The substrings every command name holds.
_COMMAND_LITERALS = ("C-", "N-", "C_", "N_", "Echo ", "Store ", "Find ", "Get ", "Move ")


class _Patterns:
    """The compiled expressions; ``re`` is imported on the first annotate()
    call, not with the package (``import dimse_status`` stays as fast)."""

    code: Pattern[str]
    command: Pattern[str]
    form_2: Pattern[str]
    line: Pattern[str]
    note: Pattern[str]
    sop_class: Pattern[str]

    def __init__(self) -> None:
        import re

        self.code = re.compile(_CODE_SOURCE)
        self.command = re.compile(_COMMAND_SOURCE)
        self.form_2 = re.compile(_FORM_2_SOURCE)
        self.line = re.compile(_LINE_SOURCE)
        self.note = re.compile(_NOTE_SOURCE)
        self.sop_class = re.compile(_SOP_CLASS_SOURCE)


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
    reader = _Reader(command, service, registry)
    given: object = lines
    if isinstance(given, (bytes, bytearray)):
        raise TypeError(f"annotate() reads str lines; decode the {type(given).__name__} first")
    if isinstance(lines, str):
        lines = [lines] if lines else []
    return _annotated(lines, reader)


def annotate_blocks(
    blocks: Iterable[str],
    command: Command | None = None,
    service: Service | None = None,
    *,
    registry: StatusRegistry | None = None,
) -> Iterator[str]:
    """:func:`annotate` for large pieces of a log: each item of ``blocks``
    is any number of whole lines (the last one's ending may be missing only
    at the end of the log) and comes back as one ``str``, annotated.  What
    ``dimse-status annotate`` reads with: most of the text is copied
    between the lines that literal searches find, never looked at by a
    regular expression."""
    reader = _Reader(command, service, registry)
    for block in blocks:
        yield reader.block(block)


def _annotated(lines: Iterable[str], reader: _Reader) -> Iterator[str]:
    split = _patterns[0].line.findall
    block = reader.block
    for item in lines:
        if type(item) is not str:
            raise TypeError(
                f"annotate() reads lines of str, not {type(item).__name__} {item!r:.80}")
        body = _body(item)
        if "\n" in body or "\r" in body:  # an item that holds several lines
            for line in split(item):
                yield block(line)
        elif ("tatus" in body or "0x" in body or "TATUS" in body or "0X" in body
              or "(0000,0900)" in body or "Response" in body or "SOP Class UID" in body
              or "cuid=" in body or "Result" in body or "Source" in body or "Reason" in body
              or "Context ID" in body or "Abstract Syntax" in body or "Association" in body):
            notes = reader.line(body, item)
            yield body + notes + item[len(body):] if notes else item
        else:
            if ("C-" in body or "N-" in body or "C_" in body or "N_" in body or "Echo " in body
                    or "Store " in body or "Find " in body or "Get " in body
                    or "Move " in body):
                reader.pending.append((body, 0, len(body)))
                reader.resolve()
                if ") << " in body or ") >> " in body:  # dcm4che names its association
                    named = reader.associations.name_in(body)
                    if named is not None:
                        reader.associations.current = named
            if reader.associations.awaiting is not None:
                reader.associations.read(None)  # an accepted context without its syntax
            yield item


_MEMO_SIZE = 4096  # distinct status lines remembered (then forgotten, all at once)
_MEMO_TEXT = 1024  # the longest text between status lines whose command is remembered
_UNSEEN: Any = object()
_MARKED = 1  # a line that ends with what may be annotate()'s own notes
_OUTCOME = 2  # a line that may be an association's rejection or abort


class _Reader:
    """What annotate() knows as it reads a log: the command the lines so far
    named last, and the annotations already worded."""

    def __init__(self, command: Command | None, service: Service | None,
                 registry: StatusRegistry | None) -> None:
        if registry is None:
            registry = default_registry
        # Status() checks the arguments, and names a bad one, as everywhere else.
        Status(0, Command.C_ECHO if command is None else command, service, registry=registry)
        if not _patterns:
            _patterns.append(_Patterns())
        self.patterns = _patterns[0]
        self.command = command
        self.service = service
        self.registry = registry
        self.context: Command | None = None  # the command the lines before named last
        # Text not yet searched for the commands it names, oldest first: it
        # is searched (backwards) only when a code needs the context.
        self.pending: list[tuple[str, int, int]] = []
        # Pending text already searched (most recurs between status lines):
        # the command it names last, or None.
        self.named: dict[str, Command | None] = {}
        from ._associations import Associations

        # The service of the SOP class (or context) named last, association
        # by association.
        self.associations = Associations()
        # Block mode: the text before the line being read that was not (the
        # text, where it starts, where the line starts).
        self.gap: tuple[str, int, int] | None = None
        self.tail: tuple[str, int, int] | None = None  # the last block's, after its lines
        self.notes: dict[tuple[int, Command | None, Service | None], str] = {}
        from .outcomes import AssociationLines

        self.association = AssociationLines()  # A-ASSOCIATE-RJ and A-ABORT lines (PS3.8)
        # A status line's codes, each with the command the line names for it
        # (None: the context's), the last command it names, the service of
        # the SOP class it names (a 1-tuple; None: it names none) and what
        # else to look at (_MARKED, _OUTCOME).
        self.parsed: dict[str, _Parsed] = {}

    def note(self, code: int, for_command: Command | None) -> str:
        named = self.associations.service
        key = (code, for_command, named)
        text = self.notes.get(key)
        if text is None:
            service = self.service
            if service is None and for_command is not None:
                service = named  # the service of the SOP class named last
                if service is not None and for_command not in service.commands:
                    service = None
            label = "general"
            registry = self.registry
            status: Status[Any] = Status(code, registry=registry)
            if for_command is not None:
                label = for_command.label
                status = Status(code, for_command, service, registry=registry)
                if service is not None:
                    label = f"{label} {service.name}"
            text = f"  {MARKER}{label} 0x{code:04X} {status.type.value}: {status.description}]"
            if len(self.notes) >= _MEMO_SIZE:
                self.notes.clear()
            self.notes[key] = text
        return text

    def block(self, text: str) -> str:
        """``text`` (whole lines) annotated.  Only the lines that hold one of
        the status literals are read by the expressions; the text between
        them is searched backwards for the command it names last, only when
        a code needs it."""
        crlf = "\r" in text
        if crlf and text.count("\r") != text.count("\r\n"):
            self.associations.begin(text, search=False)  # read line by line
            return self._read(text, lines_any_ending(text, _STATUS_LITERALS))
        # Lines end at "\n" (or "\r\n"): each literal is searched for once per
        # line that holds it, and the lines found are read in order.
        self.associations.begin(text)
        ends = ends_of(text, _BLOCK_LITERALS)
        find = text.find
        search = self.patterns.form_2.search
        found = search(text)
        while found is not None:
            end = find("\n", found.end())
            if end < 0:
                ends.append(len(text))
                break
            ends.append(end)
            found = search(text, end)
        return self._read(text, spans(text, ends, crlf))

    def _read(self, text: str, lines: list[tuple[int, int]]) -> str:
        """``text`` with the notes of ``lines`` (each line's start and end,
        in order), the text between them copied (or kept pending) without
        a look at it, the associations' lines between them followed."""
        pending = self.pending
        line = self.line
        parts: list[str] = []
        copied = 0  # text[:copied] is in parts
        scanned = 0  # text[:scanned] is read or pending
        associations = self.associations
        advance = associations.advance
        following = -1  # where the next association's line to follow is
        for start, end in lines:
            if end > following:
                following = advance(end)
            if start - scanned > 2:  # else a line ending at most: no command
                pending.append((text, scanned, start))
            self.gap = (text, scanned, start)
            notes = line(text[start:end], text)
            if notes:
                parts.append(text[copied:end])
                parts.append(notes)
                copied = end
            scanned = end
            if associations.changed:  # from the line on, other lines may change it
                associations.at = end
                following = -1
        advance(len(text))
        self.associations.finish()
        if len(text) - scanned > 1:
            pending.append((text, scanned, len(text)))
        if lines:
            self.tail = (text, scanned, len(text))
        elif (") << " in text or ") >> " in text) and self.associations.named_last(
                text, 0, len(text)):
            self.tail = None  # dcm4che's request line, read alone
        self.resolve()  # the text is not kept
        if not parts:
            return text
        parts.append(text[copied:])
        return "".join(parts)

    def resolve(self) -> Command | None:
        """The context: the last command named by the pending text, else
        the one remembered before it."""
        pending = self.pending
        memo = self.named
        while pending:
            text, start, end = pending.pop()
            if end - start > _MEMO_TEXT:
                named = _named_last(text, start, end, self.patterns.command.match)
            else:
                # Each piece starts at a line's start or ending: what it
                # names depends on its own text only.
                piece = text[start:end]
                named = memo.get(piece, _UNSEEN)
                if named is _UNSEEN:
                    named = _named_last(piece, 0, end - start, self.patterns.command.match)
                    if len(memo) >= _MEMO_SIZE:
                        memo.clear()
                    memo[piece] = named
            if named is not None:
                pending.clear()
                self.context = named
        return self.context

    def line(self, body: str, text: str) -> str:
        """The annotations for one line (without its ending), ``""`` for
        none or for a line that already ends with exactly them; the command
        the line names last is remembered, and the SOP class it names."""
        parsed = self.parsed.get(body)
        if parsed is None:
            parsed = self._parse(body)
        codes, last, sop, kind, association, context = parsed
        associations = self.associations
        if association is not None:  # dcm4che: the line names its association
            associations.enter(association)
        if context is not None or associations.awaiting is not None:
            associations.passed(context)  # a presentation context, an association's end...
        if sop is not None:  # the line names a SOP class
            if association is None and "cuid=" in body:
                # dcm4che's "  cuid=" line of the message the lines before began
                self._association_before()
                association = associations.current
            if association is not None or sop[0] is not associations.service:
                associations.sop_class(sop[0], association)
        if kind:
            return self._marked_or_outcome(body, kind)
        return self._apply(codes, last)

    def _association_before(self) -> None:
        """In block mode, the association that the text between the last line
        read and this one names last (dcm4che's request line before its
        ``cuid=`` line), if any."""
        gap = self.gap
        if gap is None:
            return
        named_last = self.associations.named_last
        if not named_last(*gap) and gap[1] == 0 and self.tail is not None:
            named_last(*self.tail)  # the line is the block's first

    def _marked_or_outcome(self, body: str, kind: int) -> str:
        """:meth:`line` for a line that ends with what may be annotations,
        or may be an association's rejection or abort."""
        if kind & _MARKED:
            # Annotated already? Only if it ends with what would be appended.
            for cut in self._note_starts(body):
                context = self.resolve()
                if self._notes(body[:cut]) == body[cut:]:
                    return ""
                self.context = context
        notes = self._notes(body)
        if kind & _OUTCOME:
            outcome = self.association.note(body)
            if outcome is not None:
                notes += outcome
        return notes

    def _sop_class(self, body: str) -> tuple[Service | None] | None:
        """The service of the SOP class ``body`` names, as a 1-tuple (None:
        it names none)."""
        found = self.patterns.sop_class.search(body)
        if found is None:
            return None
        from .sopclasses import service_of

        text = found["u"] or found["s"]
        if text == "none":  # DCMTK: the message has none
            return None
        uid = text.split(" ", 1)[0]
        return (service_of(uid if uid[:1].isdigit() else text),)

    def _note_starts(self, body: str) -> list[int]:
        """Where a run of annotations in annotate()'s exact form that ends
        the line could begin: latest first."""
        starts: list[int] = []
        fullmatch = self.patterns.note.fullmatch
        end = len(body)
        while end > 0 and body.endswith("]", 0, end):
            start = body.rfind("  " + MARKER, 0, end)
            if start < 0 or fullmatch(body, start, end) is None:
                break
            starts.append(start)
            end = start
        return starts

    def _parse(self, body: str) -> _Parsed:
        mentions: list[tuple[int, Command]] = []
        if any(literal in body for literal in _COMMAND_LITERALS):
            for found in self.patterns.command.finditer(body):
                named = _named(found)
                if named is not None:
                    mentions.append((found.start(), named))
        codes: list[tuple[int, Command | None]] = []
        for match in self.patterns.code.finditer(body):
            if match["v"] is not None:  # DCMTK's text, for the command it names
                said = _COMMANDS.get(match["vw"]) or _WORDS.get(match["vw"])
                code = None if said is None else _dcmtk_texts().get((said.name, match["v"]))
                if code is not None:
                    codes.append((code, said))
                continue
            code = _code_of(match)
            if code is not None:
                codes.append((code, _named_for(match.start(), mentions)))
        sop = None
        if "SOP Class UID" in body or "cuid=" in body:
            sop = self._sop_class(body)
        kind = _MARKED if body.endswith("]") and MARKER in body else 0
        if MARKER not in body and ("Result" in body or "Source" in body or "Reason" in body):
            kind |= _OUTCOME
        association = None
        if ") << " in body or ") >> " in body:
            association = self.associations.name_in(body)
        context = None
        if "Context ID" in body or "Abstract Syntax" in body or "Association" in body:
            context = self.associations.parse(body)
        parsed = (tuple(codes), mentions[-1][1] if mentions else None, sop, kind,
                  association, context)
        if len(self.parsed) >= _MEMO_SIZE:
            self.parsed.clear()
        self.parsed[body] = parsed
        return parsed

    def _notes(self, body: str) -> str:
        parsed = self.parsed.get(body)
        codes, last, _, _, _, _ = self._parse(body) if parsed is None else parsed
        return self._apply(codes, last)

    def _apply(self, codes: tuple[tuple[int, Command | None], ...],
               last: Command | None) -> str:
        """The notes for a line's ``codes``, and ``last`` (the command it
        names last) remembered."""
        added = ""
        if codes:
            command = self.command
            for code, named in codes:
                if command is not None:
                    named = command
                elif named is None:
                    named = self.resolve()
                text = self.note(code, named)
                if text not in added:
                    added += text
        if last is not None:
            self.pending.clear()
            self.context = last
        return added


def _named_last(text: str, start: int, end: int,
                match: Callable[[str, int, int], Match[str] | None]) -> Command | None:
    """The last command ``text[start:end]`` names, if any: found by
    searching backwards for the literals every name holds."""
    rfind = text.rfind
    at = [rfind(literal, start, end) for literal in _COMMAND_LITERALS]
    while True:
        last = max(at)
        if last < 0:
            return None
        found = match(text, last, end)
        if found is not None:
            named = _named(found)
            if named is not None:
                return named
        i = at.index(last)
        at[i] = rfind(_COMMAND_LITERALS[i], start, last + len(_COMMAND_LITERALS[i]) - 1)


_TEXTS: list[dict[tuple[str, str], int]] = []


def _dcmtk_texts() -> dict[tuple[str, str], int]:
    """DCMTK's status texts at -v (``tools/toolkits.py``'s, from diutil.cc):
    (command member name, text) -> the code (a range's first)."""
    if not _TEXTS:
        from ..names.data import NAMES
        from ..names.lookup import is_log_text

        _TEXTS.append({(command, name.name): name.first for name in NAMES if is_log_text(name)
                       for command, _ in name.where if command is not None})
    return _TEXTS[0]


def _named(found: Match[str]) -> Command | None:
    if found["c"]:
        return _COMMANDS.get(found["c"].replace("_", "-"))
    return _WORDS[found["w"]]


def _named_for(position: int, mentions: list[tuple[int, Command]]) -> Command | None:
    """The command a code at ``position`` is read for: the last one its line
    names before it, else the first one the line names after it, else (None)
    the one the lines before named."""
    before = [named for start, named in mentions if start < position]
    if before:
        return before[-1]
    return mentions[0][1] if mentions else None


def _body(line: str) -> str:
    """The line without its line ending."""
    if line.endswith("\n"):
        return line[:-2] if line.endswith("\r\n") else line[:-1]
    return line[:-1] if line.endswith("\r") else line
