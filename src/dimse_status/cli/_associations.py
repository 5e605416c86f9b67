"""annotate()'s associations: the service class each message of a log is
read in, followed association by association.

A message's codes are read in the service class of its SOP class: the one
the message names (``Affected SOP Class UID : ...``, ``Requested SOP Class
UID : ...``, dcm4che's ``cuid=``), else the one named last, by the request
before it.  DCMTK writes ``Affected SOP Class UID : none`` where a message
has none: that names nothing.

A message that names no SOP class may name its presentation context
(``Presentation Context ID       : 1``, DCMTK's and pynetdicom's dumps); the
association's negotiation, when the log shows it, says what each accepted
context is for::

    D:   Context ID:        1 (Accepted)
    D:     Abstract Syntax: =BasicGrayscalePrintManagementMetaSOPClass

(DCMTK's ``BEGIN A-ASSOCIATE-AC`` dump; pynetdicom's ``A-ASSOCIATE-AC PDU``
dump is the same, and its ``Using Presentation Context:`` lines before a
request give ``Context ID:        1`` with no result).  Such a message is read
in the service of its context's abstract syntax; in no service when the
association's accepted contexts are known and it is not one of them.

Where an association begins or ends (``Requesting Association``,
``Accepting Association``, ``Association Received``, ``Releasing
Association``, ``Association Released``, ``Association Release``,
``Aborting Association``, ``Association Aborted``, ``Peer Aborted
Association``, ``Association Rejected``, ``Association Terminated``), its
contexts and the SOP class named last are forgotten: no code is read in the
service of the association before.

dcm4che names the association of each message instead (``UPSSCU->UPSSCP(1)
<< ``): the SOP class each one named last is kept by name, so interleaved
associations are each read in their own service.
"""

from __future__ import annotations

from .._typechecking import TYPE_CHECKING

if TYPE_CHECKING:
    from re import Pattern

    from ..services import Service

    # What a line says of the associations (see Associations.parse).
    Context = tuple[int, int, "Service | None"]

__all__ = ["LITERALS", "SEARCHED", "Associations"]

# The substrings of the lines read here (besides the SOP class lines); a
# block of lines is searched for the first two only: the line after an
# accepted context is its abstract syntax's.
SEARCHED = ("Context ID", "Association")
LITERALS = (*SEARCHED, "Abstract Syntax")

# What a line says: an association begins or ends; the message's
# presentation context; an accepted context (its abstract syntax next); a
# context that was not accepted; an abstract syntax.
BOUNDARY, PRESENTATION, ACCEPTED, OFFERED, SYNTAX = range(5)

# Every repetition is bounded: a crafted line costs time linear in its length.
_CONTEXT_SOURCE = (
    r"\bPresentation Context ID[ \t]{0,64}:[ \t]{0,64}(?P<p>[0-9]{1,3})(?![0-9])"
    r"|\bContext ID:[ \t]{0,64}(?P<c>[0-9]{1,3})(?![0-9])(?:[ \t]{1,64}\((?P<r>[^\r\n]{0,9}))?"
    r"|\bAbstract Syntax:[ \t]{0,64}(?P<a>[^ \t\r\n][^\r\n]{0,127})"
    r"|\b(?:Requesting|Accepting|Releasing|Aborting) Association\b"
    r"|\bAssociation (?:Received|Released?|Aborted|Rejected|Terminated)\b"
    r"|\bAborted Association\b"
)
# The association a dcm4che line names: ``UPSSCU->UPSSCP(1) << `` (requestor)
# or ``STORESCP<-DCMQRSCP(2) >> `` (acceptor), before each message it logs.
_NAMED_SOURCE = (r"(?<![^ \t])(?P<a>[^ \t\r\n]{1,64}(?:->|<-)[^ \t\r\n]{1,64}"
                 r"\([0-9]{1,10}\)) (?:<<|>>) ")
_MEMO_SIZE = 4096  # lines, dcm4che associations remembered (then forgotten, all at once)


class Associations:
    """The association annotate() reads in, and the service of the message
    it reads (``service``)."""

    context: Pattern[str]
    named: Pattern[str]

    def __init__(self) -> None:
        import re

        self.context = re.compile(_CONTEXT_SOURCE)
        self.named = re.compile(_NAMED_SOURCE)
        self.service: Service | None = None  # the SOP class's (or context's) named last
        # DCMTK and pynetdicom: the association's accepted contexts (id ->
        # the service of its abstract syntax), and the context whose abstract
        # syntax the next such line gives.
        self.contexts: dict[int, Service | None] = {}
        self.awaiting: int | None = None
        # dcm4che: the service of the SOP class each association's messages
        # named last, and the association the lines so far named last.
        self.services: dict[str, Service | None] = {}
        self.current: str | None = None
        self.memo: dict[str, Context | None] = {}  # what each line read says

    def take(self, body: str) -> None:
        """Follow what a line (without its ending) says, if anything."""
        memo = self.memo
        try:
            context = memo[body]
        except KeyError:
            context = self.parse(body)
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[body] = context
        if context is not None:
            self.read(context)

    def follow(self, text: str, at: int) -> int:
        """:meth:`take` the line of ``text`` (whole lines) that ``at`` falls
        in, and the line after it when it gives an accepted context's
        abstract syntax (when ``text`` ends first, the next text's first line
        does: see :meth:`resume`).  A line's ``\\r`` ending is kept: no
        expression here reads it.  Where the line ends (``at`` when the line
        can say nothing now, and was not read)."""
        if not self.contexts:
            if text.startswith("Presentation ", at - 13):
                return at  # a message's context, while none is known: it says nothing
            if self.service is None and self.awaiting is None and text.startswith(
                    "Association", at):
                return at  # nothing to forget
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        self.take(text[text.rfind("\n", 0, at) + 1:end])
        if self.awaiting is not None and end < len(text):
            self.resume(text, end + 1)
        return end

    def resume(self, text: str, start: int = 0) -> None:
        """The line of ``text`` that begins at ``start``, when the line before
        (at the end of the text before, by default) gave an accepted context."""
        if self.awaiting is not None:
            end = text.find("\n", start)
            self.take(text[start:] if end < 0 else text[start:end])

    def parse(self, body: str) -> Context | None:
        """What a line (without its ending) says of the associations, if
        anything: (what, context id, service)."""
        found = self.context.search(body)
        if found is None:
            return None
        if found["p"] is not None:
            return (PRESENTATION, int(found["p"]), None)
        if found["c"] is not None:
            result = found["r"]
            # "(Accepted)"; none in pynetdicom's "Using Presentation Context"
            accepted = result is None or result == "Accepted)"
            return (ACCEPTED if accepted else OFFERED, int(found["c"]), None)
        if found["a"] is not None:
            from .sopclasses import service_of

            return (SYNTAX, 0, service_of(found["a"]))
        return (BOUNDARY, 0, None)

    def read(self, context: Context) -> None:
        """Take in what a line says (:meth:`parse`)."""
        what, number, service = context
        if what == PRESENTATION:
            contexts = self.contexts
            if number in contexts:
                self.service = contexts[number]
            elif contexts:  # not a context the association accepted
                self.service = None
        elif what == ACCEPTED:
            self.awaiting = number
        elif what == OFFERED:
            self.awaiting = None
        elif what == SYNTAX:
            if self.awaiting is not None:
                self.contexts[self.awaiting] = service
                self.awaiting = None
        else:
            self.contexts.clear()
            self.awaiting = None
            self.service = None

    def enter(self, association: str) -> None:
        """A dcm4che line names its association: its SOP class's service
        is the one named last in it."""
        self.current = association
        if association in self.services:
            self.service = self.services[association]

    def sop_class(self, service: Service | None, association: str | None) -> None:
        """A line names a SOP class of ``service``, in dcm4che's
        ``association`` (None: none named)."""
        self.service = service
        if association is not None:
            if len(self.services) >= _MEMO_SIZE:
                self.services.clear()
            self.services[association] = service

    def name_in(self, body: str) -> str | None:
        """The dcm4che association a line names, if any."""
        found = self.named.search(body)
        return None if found is None else found["a"]

    def named_last(self, text: str, start: int, end: int) -> bool:
        """Remember the dcm4che association ``text[start:end]`` names last,
        if any."""
        rfind = text.rfind
        at = max(rfind(") << ", start, end), rfind(") >> ", start, end))
        if at < 0:
            return False
        begin = max(rfind("\n", start, at), rfind("\r", start, at)) + 1
        found = self.named.search(text, begin, at + 5)
        if found is None:
            return False
        self.current = found["a"]
        return True

