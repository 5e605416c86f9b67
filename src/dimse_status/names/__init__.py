"""Other toolkits' words for the statuses: names and packs.

What DCMTK, dcm4che, fo-dicom and pynetdicom call each status
(:func:`names_for`, :func:`find_names`), and the codes a toolkit sends of its
own as an opt-in registry (:func:`pack`): ``Status(0xC211, Command.C_STORE,
registry=pack("pynetdicom"))``.  The data (:mod:`dimse_status.names.data`)
is generated from ``tools/toolkits.py``, each toolkit with the version and
commit it was transcribed from.

Layer: above the core.  It may import the core (``base``, ``statuses``,
``services``, ``registry``, ``resolve``); nothing from ``toolkit``,
``testing`` or ``cli``.
"""

from __future__ import annotations

from .data import NAMES, PACK_CODES, TOOLKITS
from .lookup import find_names, names_for, pack
from .model import PackCode, Toolkit, ToolkitName

__all__ = [
    "NAMES", "PACK_CODES", "TOOLKITS", "PackCode", "Toolkit", "ToolkitName",
    "find_names", "names_for", "pack",
]
