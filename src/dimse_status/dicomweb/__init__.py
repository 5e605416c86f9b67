"""DICOMweb meets DIMSE: the statuses of PS3.18, for gateways and clients.

- :class:`StoreOutcome`: a STOW-RS response (PS3.18 10.5.3, Annex I) from
  each instance's C-STORE status, and back: its HTTP status, its body as a
  pydicom Dataset or DICOM JSON, and each instance's status read from a
  server's response;
- :func:`failure_reason`, :func:`warning_reason`: what a Failure Reason or
  Warning Reason value means (PS3.18 I.2.2, I.2.1), ``42752`` as A700;
- :func:`ups_warning`, :func:`ups_status`: the UPS-RS Warning header texts
  (PS3.18 11.x.3.2) and the UPS statuses they stand for;
- :func:`warning_header`: a Warning header value with the status code
  first (PS3.18 13.4.3.2).

The values are generated from ``tools/standard.py`` into
:mod:`dimse_status.dicomweb.data`, each with its section and the edition of
PS3.18 read for it.  Pure data and small functions: no HTTP framework;
pydicom only for ``to_dataset``/``from_dataset``.

Layer: above the core.  It may import the core (``base``, ``statuses``,
``services``, ``resolve``); nothing from ``toolkit``, ``testing``,
``names`` or ``cli``.  ``import dimse_status`` does not import it.
"""

from __future__ import annotations

from .data import PS3_18_EDITION
from .model import ReasonValue, UpsWarning
from .reasons import StoreReason, failure_reason, warning_reason
from .store import InstanceOutcome, StoreOutcome
from .ups import UpsStatus, ups_status, ups_warning, warning_header

__all__ = [
    "PS3_18_EDITION", "InstanceOutcome", "ReasonValue", "StoreOutcome", "StoreReason",
    "UpsStatus", "UpsWarning", "failure_reason", "ups_status", "ups_warning",
    "warning_header", "warning_reason",
]
