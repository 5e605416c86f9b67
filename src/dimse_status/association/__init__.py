"""Typed association outcomes of PS3.8: rejections, aborts, presentation contexts.

A DIMSE status arrives only once an association is accepted; before that,
and when it breaks, DICOM speaks in the codes of PS3.8: the Result, Source
and Reason/Diag. of an A-ASSOCIATE-RJ (9.3.4), the Source and Reason/Diag.
of an A-ABORT (9.3.8), and each presentation context's Result/Reason
(9.3.3.2), all read in PS3.8 2024c (:data:`PS38_EDITION`).

>>> from dimse_status.association import Rejection
>>> print(Rejection.parse("transient,presentation,1"))
Rejected (transient) by the service provider (presentation): temporary congestion [PS3.8 9.3.4]

Layer: above the core.  It may import the core (``base``); nothing from
``toolkit``, ``names``, ``testing`` or ``cli`` (``testing`` and ``cli`` may
import it).  ``import dimse_status`` does not load it; pynetdicom is imported
only by :meth:`OutcomeRecorder.handlers`.
"""

from __future__ import annotations

from .codes import (
    PS38_EDITION,
    AbortReason,
    AbortSource,
    ContextResult,
    OutcomeEnum,
    RejectACSEReason,
    RejectPresentationReason,
    RejectResult,
    RejectSource,
    RejectUserReason,
)
from .glue import NegotiatedContext, OutcomeRecorder, context_results, rejection_of
from .outcome import Abort, Rejection, RejectReason

__all__ = [
    "PS38_EDITION", "Abort", "AbortReason", "AbortSource", "ContextResult", "NegotiatedContext",
    "OutcomeEnum", "OutcomeRecorder", "RejectACSEReason", "RejectPresentationReason",
    "RejectReason", "RejectResult", "RejectSource", "RejectUserReason", "Rejection",
    "context_results", "rejection_of",
]
