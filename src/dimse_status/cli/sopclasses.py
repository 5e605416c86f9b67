"""The SOP classes that tell annotate() a service class: UID and name -> Service.

A log names the SOP class of each request (pynetdicom's ``Affected SOP Class
UID : Unified Procedure Step - Push SOP Class``, DCMTK's ``Requested SOP
Class UID : UnifiedProcedureStepPushSOPClass``, dcm4che's ``cuid=1.2.840.
10008.5.1.4.34.6.1 - Unified Procedure Step - Push SOP Class``); the codes of
its response are read in that SOP class's service class (``Status(code,
command, service)``).  Only the service classes with statuses of their own
for some command are here; any other SOP class (a Storage one) reads codes
without a service.

The UIDs and names are PS3.6 Annex A's (the SOP classes of each service
class are in the PS3.4 annex given); DCMTK 3.6.7 spells each name as in
``dcmdata/dcuid.h`` (``UID_`` less), which equals PS3.6's once case,
blanks and punctuation are ignored (and a UID after SOP Class), but for
the worklist's.
"""

from __future__ import annotations

from ..services import Service

__all__ = ["SOP_CLASSES", "service_of"]

_UPS = Service.UNIFIED_PROCEDURE_STEP  # PS3.4 Annex CC (CC.3.1)
_PRINT = Service.PRINT_MANAGEMENT  # PS3.4 Annex H (H.4)
_MPPS = Service.PROCEDURE_STEP  # PS3.4 Annex F (F.7, F.8, F.9)

SOP_CLASSES: tuple[tuple[str, str, Service], ...] = (
    # (UID, PS3.6 name, service class)
    ("1.2.840.10008.5.1.4.34.6.1", "Unified Procedure Step - Push SOP Class", _UPS),
    ("1.2.840.10008.5.1.4.34.6.2", "Unified Procedure Step - Watch SOP Class", _UPS),
    ("1.2.840.10008.5.1.4.34.6.3", "Unified Procedure Step - Pull SOP Class", _UPS),
    ("1.2.840.10008.5.1.4.34.6.4", "Unified Procedure Step - Event SOP Class", _UPS),
    ("1.2.840.10008.5.1.4.34.6.5", "Unified Procedure Step - Query SOP Class", _UPS),
    ("1.2.840.10008.5.1.1.1", "Basic Film Session SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.2", "Basic Film Box SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.4", "Basic Grayscale Image Box SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.4.1", "Basic Color Image Box SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.9", "Basic Grayscale Print Management Meta SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.14", "Print Job SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.15", "Basic Annotation Box SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.16", "Printer SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.16.376", "Printer Configuration Retrieval SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.18", "Basic Color Print Management Meta SOP Class", _PRINT),
    ("1.2.840.10008.5.1.1.23", "Presentation LUT SOP Class", _PRINT),
    ("1.2.840.10008.3.1.2.3.3", "Modality Performed Procedure Step SOP Class", _MPPS),
    ("1.2.840.10008.3.1.2.3.4", "Modality Performed Procedure Step Retrieve SOP Class", _MPPS),
    ("1.2.840.10008.3.1.2.3.5", "Modality Performed Procedure Step Notification SOP Class",
     _MPPS),
    # PS3.4 Annex J (J.3)
    ("1.2.840.10008.1.20.1", "Storage Commitment Push Model SOP Class",
     Service.STORAGE_COMMITMENT),
    # PS3.4 Annex P (P.3, P.5)
    ("1.2.840.10008.1.40", "Procedural Event Logging SOP Class",
     Service.APPLICATION_EVENT_LOGGING),
    ("1.2.840.10008.1.42", "Substance Administration Logging SOP Class",
     Service.APPLICATION_EVENT_LOGGING),
    # PS3.4 Annex S (S.3)
    ("1.2.840.10008.5.1.1.33", "Media Creation Management SOP Class UID",
     Service.MEDIA_CREATION_MANAGEMENT),
    # PS3.4 Annex DD (DD.3, DD.4)
    ("1.2.840.10008.5.1.4.34.8", "RT Conventional Machine Verification",
     Service.RT_MACHINE_VERIFICATION),
    ("1.2.840.10008.5.1.4.34.9", "RT Ion Machine Verification", Service.RT_MACHINE_VERIFICATION),
    # PS3.4 Annex EE (EE.3)
    ("1.2.840.10008.5.1.1.40", "Display System SOP Class", Service.DISPLAY_SYSTEM_MANAGEMENT),
    # PS3.4 Annex R (R.3)
    ("1.2.840.10008.5.1.4.33", "Instance Availability Notification SOP Class",
     Service.INSTANCE_AVAILABILITY_NOTIFICATION),
    # PS3.4 Annex K (K.6); DCMTK: FINDModalityWorklistInformationModel
    ("1.2.840.10008.5.1.4.31", "Modality Worklist Information Model - FIND",
     Service.BASIC_WORKLIST_MANAGEMENT),
    # PS3.4 Annex Q (Q.2)
    ("1.2.840.10008.5.1.4.37.1", "General Relevant Patient Information Query",
     Service.RELEVANT_PATIENT_INFORMATION_QUERY),
    ("1.2.840.10008.5.1.4.37.2", "Breast Imaging Relevant Patient Information Query",
     Service.RELEVANT_PATIENT_INFORMATION_QUERY),
    ("1.2.840.10008.5.1.4.37.3", "Cardiac Relevant Patient Information Query",
     Service.RELEVANT_PATIENT_INFORMATION_QUERY),
)


def _key(name: str) -> str:
    key = "".join(c for c in name.lower() if c.isalnum())
    return key[:-3] if key.endswith("classuid") else key


_BY_KEY: dict[str, Service] = {}
for _uid, _name, _service in SOP_CLASSES:
    _BY_KEY[_uid] = _service
    _BY_KEY[_key(_name)] = _service
_BY_KEY[_key("FINDModalityWorklistInformationModel")] = Service.BASIC_WORKLIST_MANAGEMENT


def service_of(sop_class: str) -> Service | None:
    """The service class of a SOP class given by UID or name (PS3.6's,
    pynetdicom's or DCMTK's spelling); None for any other."""
    text = sop_class.strip().lstrip("=")
    found = _BY_KEY.get(text)
    if found is None:
        found = _BY_KEY.get(_key(text))
    return found
