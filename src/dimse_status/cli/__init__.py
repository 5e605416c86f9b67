"""``dimse-status``: the command line for people debugging associations.

- ``app.py``: the parser and ``explain``, ``check``, ``names``, ``table``,
  ``conformance``; :func:`main` is the ``dimse-status`` entry point;
- ``annotator.py``: :func:`annotate`, the meaning of every status in a
  pynetdicom, DCMTK or dcm4che log (``dimse-status annotate``);
- ``conformance.py``: :func:`conformance_table`, PS3.2 Annex N status tables
  for a conformance statement;
- ``serve.py``: ``dimse-status serve``, the status test server's options.

Layer: the top.  It may import every layer below it: the core,
:mod:`dimse_status.toolkit`, :mod:`dimse_status.names` and
:mod:`dimse_status.testing`; nothing imports it but ``dimse_status``'s
lazily imported ``annotate`` and ``conformance_table`` and ``__main__``.
"""

from __future__ import annotations

from .annotator import annotate
from .app import main
from .conformance import conformance_table

__all__ = ["annotate", "conformance_table", "main"]
