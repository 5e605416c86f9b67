"""pynetdicom glue: the outcome of an association from what pynetdicom keeps.

pynetdicom is optional and imported only when a handler list is asked for.

- :func:`rejection_of`: the :class:`Rejection` of a rejected ``Association``
  (pynetdicom keeps the A-ASSOCIATE-RJ as ``assoc.acceptor.primitive``).
- :func:`context_results`: each requested presentation context with its
  :class:`ContextResult` (``assoc.accepted_contexts`` and
  ``assoc.rejected_contexts``).
- :class:`OutcomeRecorder`: handlers to bind before associating that record
  the A-ASSOCIATE-RJ and A-ABORT PDUs as they arrive (``EVT_PDU_RECV``) and
  the A-ABORT pynetdicom sends (``EVT_PDU_SENT``).  pynetdicom 3.0.4 keeps no
  A-ABORT of an established association, and refuses an A-ASSOCIATE-RJ or
  A-ABORT with a reserved value when it turns the PDU into its primitive
  (it then aborts the association itself): the recorder still sees the
  PDU's fields, read before that.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .codes import ContextResult
from .outcome import Abort, Rejection

__all__ = ["NegotiatedContext", "OutcomeRecorder", "context_results", "rejection_of"]


def rejection_of(assoc: Any) -> Rejection | None:
    """The :class:`Rejection` a pynetdicom ``Association`` received, or
    ``None`` when it was not rejected (or pynetdicom kept no A-ASSOCIATE-RJ:
    it refuses one with a reserved reason, see :class:`OutcomeRecorder`)."""
    if not getattr(assoc, "is_rejected", False):
        return None
    primitive = getattr(getattr(assoc, "acceptor", None), "primitive", None)
    result = getattr(primitive, "result", None)
    source = getattr(primitive, "result_source", None)
    reason = getattr(primitive, "diagnostic", None)
    if not (isinstance(result, int) and isinstance(source, int) and isinstance(reason, int)):
        return None
    return Rejection(result, source, reason)


class NegotiatedContext(NamedTuple):
    """A requested presentation context and what the acceptor answered."""

    context_id: int
    abstract_syntax: str
    result: ContextResult | int
    """The :class:`ContextResult`, or the int read when not defined by PS3.8."""


def context_results(assoc: Any) -> list[NegotiatedContext]:
    """Each presentation context an accepted pynetdicom ``Association``
    requested, in context ID order, with its result (PS3.8 9.3.3.2).  Empty
    for an association that was never accepted."""
    contexts = [*getattr(assoc, "accepted_contexts", ()), *getattr(assoc, "rejected_contexts", ())]
    out: list[NegotiatedContext] = []
    for cx in contexts:
        raw = cx.result
        if raw is None:
            continue
        value: ContextResult | int = (ContextResult(raw) if raw in ContextResult._value2member_map_
                                      else int(raw))
        out.append(NegotiatedContext(int(cx.context_id), str(cx.abstract_syntax), value))
    return sorted(out, key=lambda c: c.context_id)


class OutcomeRecorder:
    """Records what the peer sent when an association fails.

    >>> recorder = OutcomeRecorder()
    >>> recorder.rejection is None and recorder.abort is None
    True

    Bind it before associating, then read :attr:`rejection` and
    :attr:`abort`::

        recorder = OutcomeRecorder()
        assoc = ae.associate("127.0.0.1", 11112, evt_handlers=recorder.handlers())

    For an SCP, pass ``recorder.handlers()`` to ``start_server``; the last
    association's PDUs win.
    """

    __slots__ = ("abort", "rejection", "sent_abort")

    def __init__(self) -> None:
        self.rejection: Rejection | None = None
        """The A-ASSOCIATE-RJ received, as on the wire (reserved values included)."""
        self.abort: Abort | None = None
        """The A-ABORT (or A-P-ABORT) PDU received from the peer."""
        self.sent_abort: Abort | None = None
        """The A-ABORT PDU pynetdicom sent to the peer."""

    def handlers(self) -> list[Any]:
        """``[(evt.EVT_PDU_RECV, ...), (evt.EVT_PDU_SENT, ...)]`` for
        ``evt_handlers``; imports pynetdicom."""
        from pynetdicom import evt

        return [(evt.EVT_PDU_RECV, self.on_pdu_received),
                (evt.EVT_PDU_SENT, self.on_pdu_sent)]

    def on_pdu_received(self, event: Any) -> None:
        """An ``EVT_PDU_RECV`` handler: keeps an A-ASSOCIATE-RJ or A-ABORT."""
        found = _outcome(event.pdu)
        if isinstance(found, Rejection):
            self.rejection = found
        elif isinstance(found, Abort):
            self.abort = found

    def on_pdu_sent(self, event: Any) -> None:
        """An ``EVT_PDU_SENT`` handler: keeps the A-ABORT pynetdicom sent."""
        found = _outcome(event.pdu)
        if isinstance(found, Abort):
            self.sent_abort = found

    def __repr__(self) -> str:
        return (f"OutcomeRecorder(rejection={self.rejection!r}, abort={self.abort!r}, "
                f"sent_abort={self.sent_abort!r})")


def _outcome(pdu: Any) -> Rejection | Abort | None:
    """A pynetdicom A-ASSOCIATE-RJ PDU (type 03H) as a Rejection, an A-ABORT
    PDU (07H) as an Abort; the fields as decoded, before pynetdicom checks them."""
    kind = type(pdu).__name__
    if kind == "A_ASSOCIATE_RJ":
        return Rejection(int(pdu.result), int(pdu.source), int(pdu.reason_diagnostic))
    if kind == "A_ABORT_RQ":
        return Abort(int(pdu.source), int(pdu.reason_diagnostic))
    return None
