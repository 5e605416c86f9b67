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
request give ``Context ID:        1`` with no result; the line after it
gives its abstract syntax, or none is known).  Such a message is read in
the service of its context's abstract syntax; in no service when the
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

__all__ = ["LITERALS", "Associations"]

# The substrings of the lines read here (besides the SOP class lines), line
# by line; see Associations.begin() for blocks.
LITERALS = ("Context ID", "Abstract Syntax", "Association")

# What a line says: an association begins or ends; the message's
# presentation context; an accepted context (its abstract syntax next); a
# context that was not accepted; an abstract syntax.
BOUNDARY, PRESENTATION, ACCEPTED, OFFERED, SYNTAX = range(5)

# What block mode searches for, lazily: an association's end or start, a
# message's presentation context.
_END_LITERAL = "Association"
_PRESENTED_LITERAL = "Presentation Context ID"
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
        # Block mode (see begin()).
        self.text = ""
        self.at = 0
        self.declared: list[int] = []
        self.next_declared = 0
        self.ends = self.presented = (0, -1)
        self.active = False
        # Whether a line read (not followed) changed whether there is
        # something to forget: the lines to follow next are not those found.
        self.changed = False

    def take(self, body: str) -> None:
        """Follow what a line (its ending or not) says, if anything."""
        self.read(self.said(body))

    def said(self, body: str) -> Context | None:
        """What a line (its ending or not) says (:meth:`parse`), remembered."""
        memo = self.memo
        try:
            return memo[body]
        except KeyError:
            context = memo[body] = self.parse(body)
            if len(memo) > _MEMO_SIZE:
                memo.clear()
            return context

    # Block mode: a text of whole lines is searched for the accepted contexts'
    # lines ("Context ID:", one search); for an association's end or start
    # only while there is something to forget, from there to the first one;
    # for a message's presentation context only while contexts are known,
    # up to that end.  Every line that changes what is known is followed, in
    # order, as line by line reading would.

    def begin(self, text: str, search: bool = True) -> None:
        """A new text (whole lines) to follow (``search``: else its lines are
        all read, and :meth:`advance` does nothing)."""
        from ._lines import hits

        self.active = search
        if not search:
            return
        self.text = text
        self.at = 0  # text[:at] is followed
        self.declared = hits(text, ("Context ID:",))
        self.next_declared = 0  # declared[:next_declared] are followed
        self.ends = (0, -1)  # no association's end in text[ends[0]:ends[1]]; one at ends[1]
        self.presented = (0, -1)  # the same for a message's presentation context
        if self.awaiting is not None:  # the text before ended with an accepted context
            end = text.find("\n")
            self.take(text if end < 0 else text[:end])

    def advance(self, upto: int) -> int:
        """Follow, in order, the lines of the text that change what is known
        and were not followed, up to ``upto``; where the next such line is
        (while what is known does not change: see ``changed``)."""
        self.changed = False
        if not self.active:
            return upto
        text = self.text
        declared = self.declared
        while True:
            at = len(text) + 1  # none
            i = self.next_declared
            if i < len(declared) and declared[i] < at:
                at = declared[i]
            if self.contexts or self.service is not None or self.awaiting is not None:
                ending = self._next(self.ends, _END_LITERAL, len(text))
                self.ends = (self.at, ending)
                at = min(at, ending)
                if self.contexts:
                    presented = self._next(self.presented, _PRESENTED_LITERAL, ending)
                    self.presented = (self.at, presented)
                    at = min(at, presented)
            if at >= upto:
                break
            end = text.find("\n", at)
            if end < 0:
                end = len(text)
            self.take(text[text.rfind("\n", 0, at) + 1:end])
            if self.awaiting is not None and end + 1 < len(text):  # its abstract syntax
                after = text.find("\n", end + 1)
                self.take(text[end + 1:] if after < 0 else text[end + 1:after])
            self.at = end + 1
            while i < len(declared) and declared[i] <= end:
                i += 1
            self.next_declared = i
        self.at = max(self.at, upto)
        return at

    def finish(self) -> None:
        """The text is followed: lines are read one by one again."""
        self.active = False
        self.text = ""
        self.declared = []

    def _next(self, found: tuple[int, int], literal: str, limit: int) -> int:
        """Where ``literal`` is next found in the text from ``self.at`` (in a
        line that changes what is known: an association's end or start, a
        message's context), or ``limit``; ``found`` is the last answer
        (from, at), kept while it holds."""
        since, at = found
        if since <= self.at <= at:
            return min(at, limit)
        text = self.text
        at = text.find(literal, self.at, limit)
        if literal is _END_LITERAL:
            while at >= 0:
                end = text.find("\n", at)
                said = self.said(text[text.rfind("\n", 0, at) + 1:len(text) if end < 0 else end])
                if said is not None and said[0] == BOUNDARY:
                    break
                at = text.find(literal, at + len(literal), limit)
        return limit if at < 0 else at

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

    def read(self, context: Context | None) -> None:
        """Take in what a line says (:meth:`parse`).  An accepted context's
        abstract syntax is the next line's, or none."""
        awaiting, self.awaiting = self.awaiting, None
        if context is None:
            return
        what, number, service = context
        if what == PRESENTATION:
            contexts = self.contexts
            if number in contexts:
                self.service = contexts[number]
            elif contexts:  # not a context the association accepted
                self.service = None
        elif what == ACCEPTED:
            self.awaiting = number
        elif what == SYNTAX:
            if awaiting is not None:
                self.contexts[awaiting] = service
        elif what == BOUNDARY:
            self.contexts.clear()
            self.service = None

    def passed(self, context: Context | None) -> None:
        """A line read line by line says ``context`` (block mode follows the
        lines itself)."""
        if not self.active:
            self.read(context)

    def enter(self, association: str) -> None:
        """A dcm4che line names its association: its SOP class's service
        is the one named last in it."""
        self.current = association
        if association in self.services:
            service = self.services[association]
            self.changed |= (service is None) is not (self.service is None)
            self.service = service

    def sop_class(self, service: Service | None, association: str | None) -> None:
        """A line names a SOP class of ``service``, in dcm4che's
        ``association`` (None: none named)."""
        self.changed |= (service is None) is not (self.service is None)
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

