"""The DICOM standard's DIMSE status tables: the single source of truth.

Everything dimse-status knows about a status is written here once, transcribed
from the standard with the section that defines it:

* PS3.7 Annex C (Status Type Encoding) defines the general codes that keep one
  meaning whatever the command;
* PS3.7 chapters 9 (DIMSE-C) and 10 (DIMSE-N) say which statuses each
  command's response may carry;
* PS3.4 (service classes) defines the command-specific codes, many of them
  masked ranges such as ``A7xx``.

``tools/generate.py`` turns this module into ``src/dimse_status/statuses.py``
(the enums) and the generated parts of the documentation; a test checks that
the committed files are what the generator writes.  Edit this file, then run
``python tools/generate.py``.

Codes are written as DICOM writes them: four hex digits, with ``x`` for every
digit of a masked range (``A7xx`` covers 0xA700-0xA7FF, ``Cxxx`` covers
0xC000-0xCFFF).
"""

from __future__ import annotations

from typing import NamedTuple

SUCCESS = "Success"
WARNING = "Warning"
FAILURE = "Failure"
CANCEL = "Cancel"
PENDING = "Pending"

# Command set tags that travel with a status (PS3.7 Annex C and E).
AFFECTED_SOP_CLASS_UID = 0x00000002
OFFENDING_ELEMENT = 0x00000901
ERROR_COMMENT = 0x00000902
ERROR_ID = 0x00000903
AFFECTED_SOP_INSTANCE_UID = 0x00001000
EVENT_TYPE_ID = 0x00001002
ATTRIBUTE_IDENTIFIER_LIST = 0x00001005
ACTION_TYPE_ID = 0x00001008
REMAINING = 0x00001020
COMPLETED = 0x00001021
FAILED = 0x00001022
WARNINGS = 0x00001023

SUB_OPERATIONS = (REMAINING, COMPLETED, FAILED, WARNINGS)
FINAL_SUB_OPERATIONS = (COMPLETED, FAILED, WARNINGS)
ERROR = (OFFENDING_ELEMENT, ERROR_COMMENT)


class Row(NamedTuple):
    """One status: a member of an enum."""

    name: str
    code: str
    type: str
    description: str
    section: str
    related: tuple[int, ...] = ()


class SeedDifference(NamedTuple):
    """A place where the user's seed (pynetdicom2's table) and the standard differ."""

    commands: str
    code: str
    seed: str
    standard: str
    resolution: str


# ---------------------------------------------------------------------------
# PS3.7 Annex C: the general codes, one meaning whatever the command.
# ---------------------------------------------------------------------------
GENERAL: tuple[Row, ...] = (
    Row("SUCCESS", "0000", SUCCESS, "Success", "PS3.7 C.1.1"),
    Row("ATTRIBUTE_LIST_ERROR", "0107", WARNING, "Attribute List Error", "PS3.7 C.4.2",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, ATTRIBUTE_IDENTIFIER_LIST)),
    Row("ATTRIBUTE_VALUE_OUT_OF_RANGE", "0116", WARNING, "Attribute Value Out of Range",
        "PS3.7 C.4.3"),
    Row("SOP_CLASS_NOT_SUPPORTED", "0122", FAILURE, "Refused: SOP Class Not Supported",
        "PS3.7 C.5.6", (ERROR_COMMENT,)),
    Row("CLASS_INSTANCE_CONFLICT", "0119", FAILURE, "Class-Instance Conflict", "PS3.7 C.5.7",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID)),
    Row("DUPLICATE_SOP_INSTANCE", "0111", FAILURE, "Duplicate SOP Instance", "PS3.7 C.5.8",
        (AFFECTED_SOP_INSTANCE_UID,)),
    Row("DUPLICATE_INVOCATION", "0210", FAILURE, "Duplicate Invocation", "PS3.7 C.5.9"),
    Row("INVALID_ARGUMENT_VALUE", "0115", FAILURE, "Invalid Argument Value", "PS3.7 C.5.10",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, EVENT_TYPE_ID, ACTION_TYPE_ID)),
    Row("INVALID_ATTRIBUTE_VALUE", "0106", FAILURE, "Invalid Attribute Value", "PS3.7 C.5.11"),
    Row("INVALID_OBJECT_INSTANCE", "0117", FAILURE, "Invalid Object Instance", "PS3.7 C.5.12",
        (AFFECTED_SOP_INSTANCE_UID,)),
    Row("MISSING_ATTRIBUTE", "0120", FAILURE, "Missing Attribute", "PS3.7 C.5.13",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, ATTRIBUTE_IDENTIFIER_LIST)),
    Row("MISSING_ATTRIBUTE_VALUE", "0121", FAILURE, "Missing Attribute Value", "PS3.7 C.5.14",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, ATTRIBUTE_IDENTIFIER_LIST)),
    Row("MISTYPED_ARGUMENT", "0212", FAILURE, "Mistyped Argument", "PS3.7 C.5.15"),
    Row("NO_SUCH_ARGUMENT", "0114", FAILURE, "No Such Argument", "PS3.7 C.5.16",
        (AFFECTED_SOP_CLASS_UID, EVENT_TYPE_ID, ACTION_TYPE_ID)),
    Row("NO_SUCH_ATTRIBUTE", "0105", FAILURE, "No Such Attribute", "PS3.7 C.5.17",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, ATTRIBUTE_IDENTIFIER_LIST)),
    Row("NO_SUCH_EVENT_TYPE", "0113", FAILURE, "No Such Event Type", "PS3.7 C.5.18",
        (AFFECTED_SOP_CLASS_UID, EVENT_TYPE_ID)),
    Row("NO_SUCH_SOP_INSTANCE", "0112", FAILURE, "No Such SOP Instance", "PS3.7 C.5.19",
        (AFFECTED_SOP_INSTANCE_UID,)),
    Row("NO_SUCH_SOP_CLASS", "0118", FAILURE, "No Such SOP Class", "PS3.7 C.5.20",
        (AFFECTED_SOP_CLASS_UID,)),
    Row("PROCESSING_FAILURE", "0110", FAILURE, "Processing Failure", "PS3.7 C.5.21",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, ERROR_COMMENT, ERROR_ID)),
    Row("RESOURCE_LIMITATION", "0213", FAILURE, "Resource Limitation", "PS3.7 C.5.22"),
    Row("UNRECOGNIZED_OPERATION", "0211", FAILURE, "Unrecognized Operation", "PS3.7 C.5.23"),
    Row("NO_SUCH_ACTION", "0123", FAILURE, "No Such Action", "PS3.7 C.5.24",
        (AFFECTED_SOP_CLASS_UID, ACTION_TYPE_ID)),
    Row("NOT_AUTHORIZED", "0124", FAILURE, "Refused: Not Authorized", "PS3.7 C.5.25",
        (ERROR_COMMENT,)),
    Row("CANCEL", "FE00", CANCEL, "Cancel", "PS3.7 C.3.1"),
)

_BY_NAME = {row.name: row for row in GENERAL}


def general(*names: str) -> tuple[Row, ...]:
    """The Annex C rows of these names, as members of a command's enum."""
    return tuple(_BY_NAME[name] for name in names)


def _legacy_0112(section: str) -> Row:
    # The seed (and PS3.2's conformance templates) read 0112H as "SOP Class Not
    # Supported" for the DIMSE-C services; Annex C defines 0112H as No Such SOP
    # Instance and 0122H as Refused: SOP Class Not Supported.  Both resolve.
    return Row("LEGACY_SOP_CLASS_NOT_SUPPORTED", "0112", FAILURE,
               "Failed: SOP Class Not Supported (legacy code; the standard's code is 0122H)",
               section)


_C_PROTOCOL = general("DUPLICATE_INVOCATION", "MISTYPED_ARGUMENT", "UNRECOGNIZED_OPERATION")


class CommandTable(NamedTuple):
    """The statuses of one command's response."""

    command: str  # the Command member's name
    enum: str  # the enum's class name
    section: str  # where PS3.7 lists the command's Status parameter
    rows: tuple[Row, ...]


_SUB_OPS_CANCEL = Row("CANCEL", "FE00", CANCEL, "Sub-operations terminated due to Cancel Indication",
                      "PS3.4 C.4.3.1.4", SUB_OPERATIONS)
_RETRIEVE_COMMON = (
    Row("OUT_OF_RESOURCES_UNABLE_TO_CALCULATE_MATCHES", "A701", FAILURE,
        "Refused: Out of Resources - Unable to calculate number of matches",
        "PS3.4 C.4.3.1.4", (ERROR_COMMENT,)),
    Row("IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS", "A900", FAILURE,
        "Error: Identifier does not match SOP Class", "PS3.4 C.4.3.1.4", ERROR),
    Row("UNABLE_TO_PROCESS", "Cxxx", FAILURE, "Failed: Unable to process",
        "PS3.4 C.4.3.1.4", ERROR),
    Row("NONE_OF_THE_FRAMES_FOUND", "AA00", FAILURE,
        "Failed: None of the frames requested were found in the SOP Instance",
        "PS3.4 Y.4.2.1.4", (ERROR_COMMENT,)),
    Row("UNABLE_TO_CREATE_NEW_OBJECT", "AA01", FAILURE,
        "Failed: Unable to create new object for this SOP class", "PS3.4 Y.4.2.1.4",
        (ERROR_COMMENT,)),
    Row("UNABLE_TO_EXTRACT_FRAMES", "AA02", FAILURE, "Failed: Unable to extract frames",
        "PS3.4 Y.4.2.1.4", (ERROR_COMMENT,)),
    Row("TIME_BASED_REQUEST_FOR_NON_TIME_BASED_INSTANCE", "AA03", FAILURE,
        "Failed: Time-based request received for a non-time-based original SOP Instance",
        "PS3.4 Y.4.2.1.4", (ERROR_COMMENT,)),
    Row("INVALID_REQUEST", "AA04", FAILURE, "Failed: Invalid Request", "PS3.4 Y.4.2.1.4",
        ERROR),
)


def _retrieve(section: str, frames_section: str, counts: tuple[int, ...]) -> tuple[Row, ...]:
    """The C-GET and C-MOVE statuses they share, with their own sections."""
    rows = (
        Row("SUCCESS", "0000", SUCCESS, "Sub-operations Complete - No Failures or Warnings",
            section, counts),
        Row("PENDING", "FF00", PENDING, "Sub-operations are continuing", section,
            SUB_OPERATIONS),
        _SUB_OPS_CANCEL._replace(section=section),
        Row("SUB_OPERATIONS_COMPLETE_WITH_FAILURES", "B000", WARNING,
            "Sub-operations Complete - One or more Failures or Warnings", section, counts),
        Row("OUT_OF_RESOURCES_UNABLE_TO_PERFORM_SUB_OPERATIONS", "A702", FAILURE,
            "Refused: Out of Resources - Unable to perform sub-operations", section, counts),
    )
    common = tuple(
        row._replace(section=frames_section if row.section.startswith("PS3.4 Y") else section)
        for row in _RETRIEVE_COMMON
    )
    return rows + common


COMMANDS: tuple[CommandTable, ...] = (
    CommandTable("C_ECHO", "CEchoStatus", "PS3.7 9.1.5.1.4",
                 general("SUCCESS", "SOP_CLASS_NOT_SUPPORTED") + _C_PROTOCOL),
    CommandTable("C_STORE", "CStoreStatus", "PS3.7 9.1.1.1.9", (
        Row("SUCCESS", "0000", SUCCESS, "Success", "PS3.4 B.2.3"),
        Row("COERCION_OF_DATA_ELEMENTS", "B000", WARNING, "Coercion of Data Elements",
            "PS3.4 B.2.3", ERROR),
        Row("ELEMENTS_DISCARDED", "B006", WARNING, "Elements Discarded", "PS3.4 B.2.3", ERROR),
        Row("DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING", "B007", WARNING,
            "Data Set does not match SOP Class", "PS3.4 B.2.3", ERROR),
        Row("OUT_OF_RESOURCES", "A7xx", FAILURE, "Refused: Out of Resources", "PS3.4 B.2.3",
            (ERROR_COMMENT,)),
        Row("DATA_SET_DOES_NOT_MATCH_SOP_CLASS", "A9xx", FAILURE,
            "Error: Data Set does not match SOP Class", "PS3.4 B.2.3", ERROR),
        Row("CANNOT_UNDERSTAND", "Cxxx", FAILURE, "Error: Cannot understand", "PS3.4 B.2.3",
            ERROR),
        _legacy_0112("PS3.7 9.1.1.1.9"),
    ) + general("SOP_CLASS_NOT_SUPPORTED", "INVALID_OBJECT_INSTANCE", "NOT_AUTHORIZED")
      + _C_PROTOCOL),
    CommandTable("C_FIND", "CFindStatus", "PS3.7 9.1.2.1.6", (
        Row("SUCCESS", "0000", SUCCESS, "Matching is complete - No final Identifier is supplied",
            "PS3.4 C.4.1.1.4"),
        Row("PENDING", "FF00", PENDING,
            "Matches are continuing - Current Match is supplied and any Optional Keys were "
            "supported in the same manner as Required Keys", "PS3.4 C.4.1.1.4"),
        Row("PENDING_OPTIONAL_KEYS_NOT_SUPPORTED", "FF01", PENDING,
            "Matches are continuing - Warning that one or more Optional Keys were not "
            "supported for existence and/or matching for this Identifier", "PS3.4 C.4.1.1.4"),
        Row("CANCEL", "FE00", CANCEL, "Matching terminated due to Cancel request",
            "PS3.4 C.4.1.1.4"),
        Row("OUT_OF_RESOURCES", "A700", FAILURE, "Refused: Out of Resources",
            "PS3.4 C.4.1.1.4", (ERROR_COMMENT,)),
        Row("IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS", "A900", FAILURE,
            "Error: Identifier does not match SOP Class", "PS3.4 C.4.1.1.4", ERROR),
        Row("UNABLE_TO_PROCESS", "Cxxx", FAILURE, "Failed: Unable to process",
            "PS3.4 C.4.1.1.4", ERROR),
        _legacy_0112("PS3.7 9.1.2.1.6"),
    ) + general("SOP_CLASS_NOT_SUPPORTED", "NOT_AUTHORIZED") + _C_PROTOCOL),
    CommandTable("C_GET", "CGetStatus", "PS3.7 9.1.3.1.6",
                 _retrieve("PS3.4 C.4.3.1.4", "PS3.4 Y.4.2.1.4", FINAL_SUB_OPERATIONS)
                 + (_legacy_0112("PS3.7 9.1.3.1.6"),)
                 + general("SOP_CLASS_NOT_SUPPORTED", "NOT_AUTHORIZED") + _C_PROTOCOL),
    CommandTable("C_MOVE", "CMoveStatus", "PS3.7 9.1.4.1.7",
                 _retrieve("PS3.4 C.4.2.1.5", "PS3.4 Y.4.1.1.4", SUB_OPERATIONS)
                 + (Row("MOVE_DESTINATION_UNKNOWN", "A801", FAILURE,
                        "Refused: Move Destination unknown", "PS3.4 C.4.2.1.5",
                        (ERROR_COMMENT,)),
                    _legacy_0112("PS3.7 9.1.4.1.7"))
                 + general("SOP_CLASS_NOT_SUPPORTED", "NOT_AUTHORIZED") + _C_PROTOCOL),
    CommandTable("N_EVENT_REPORT", "NEventReportStatus", "PS3.7 10.1.1.1.8", general(
        "SUCCESS", "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION", "INVALID_ARGUMENT_VALUE",
        "INVALID_OBJECT_INSTANCE", "MISTYPED_ARGUMENT", "NO_SUCH_ARGUMENT",
        "NO_SUCH_EVENT_TYPE", "NO_SUCH_SOP_CLASS", "NO_SUCH_SOP_INSTANCE",
        "PROCESSING_FAILURE", "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION")),
    CommandTable("N_GET", "NGetStatus", "PS3.7 10.1.2.1.9", general(
        "SUCCESS", "ATTRIBUTE_LIST_ERROR", "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION",
        "INVALID_OBJECT_INSTANCE", "MISTYPED_ARGUMENT", "NO_SUCH_SOP_CLASS",
        "NO_SUCH_SOP_INSTANCE", "PROCESSING_FAILURE", "RESOURCE_LIMITATION",
        "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
    CommandTable("N_SET", "NSetStatus", "PS3.7 10.1.3.1.9", general(
        "SUCCESS", "ATTRIBUTE_LIST_ERROR", "ATTRIBUTE_VALUE_OUT_OF_RANGE",
        "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION", "INVALID_ATTRIBUTE_VALUE",
        "INVALID_OBJECT_INSTANCE", "MISSING_ATTRIBUTE_VALUE", "MISTYPED_ARGUMENT",
        "NO_SUCH_ATTRIBUTE", "NO_SUCH_SOP_CLASS", "NO_SUCH_SOP_INSTANCE", "PROCESSING_FAILURE",
        "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
    CommandTable("N_ACTION", "NActionStatus", "PS3.7 10.1.4.1.10", general(
        "SUCCESS", "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION", "INVALID_ARGUMENT_VALUE",
        "INVALID_OBJECT_INSTANCE", "MISTYPED_ARGUMENT", "NO_SUCH_ACTION", "NO_SUCH_ARGUMENT",
        "NO_SUCH_SOP_CLASS", "NO_SUCH_SOP_INSTANCE", "PROCESSING_FAILURE",
        "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
    CommandTable("N_CREATE", "NCreateStatus", "PS3.7 10.1.5.1.6", general(
        "SUCCESS", "ATTRIBUTE_LIST_ERROR", "ATTRIBUTE_VALUE_OUT_OF_RANGE",
        "DUPLICATE_INVOCATION", "DUPLICATE_SOP_INSTANCE", "INVALID_ATTRIBUTE_VALUE",
        "INVALID_OBJECT_INSTANCE", "MISSING_ATTRIBUTE", "MISSING_ATTRIBUTE_VALUE",
        "MISTYPED_ARGUMENT", "NO_SUCH_ATTRIBUTE", "NO_SUCH_SOP_CLASS", "PROCESSING_FAILURE",
        "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
    CommandTable("N_DELETE", "NDeleteStatus", "PS3.7 10.1.6.1.7", general(
        "SUCCESS", "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION", "INVALID_OBJECT_INSTANCE",
        "MISTYPED_ARGUMENT", "NO_SUCH_SOP_CLASS", "NO_SUCH_SOP_INSTANCE", "PROCESSING_FAILURE",
        "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
)

# ---------------------------------------------------------------------------
# Where the seed (pynetdicom2's statuses table) and the standard differ, and
# what dimse-status does about it.  Rendered into README.md.
# ---------------------------------------------------------------------------
SEED_DIFFERENCES: tuple[SeedDifference, ...] = (
    SeedDifference(
        "C-STORE, C-FIND, C-GET, C-MOVE", "0112",
        "Failed: SOP Class Not Supported",
        "Annex C (C.5.19): 0112H is No Such SOP Instance; Refused: SOP Class Not Supported "
        "is 0122H (C.5.6), the code real peers such as DCMTK send",
        "Both resolve to a Failure: 0122H to SOP_CLASS_NOT_SUPPORTED, 0112H to "
        "LEGACY_SOP_CLASS_NOT_SUPPORTED. Without a command, 0112H is No Such SOP Instance."),
    SeedDifference(
        "N-GET, N-SET, N-CREATE", "0107, 0116",
        "Failure (Attribute List Error, Attribute Value Out Of Range)",
        "Annex C lists both in the Warning Status Class (C.4.2, C.4.3); some PS3.4 and PS3.2 "
        "tables list them under Failure",
        "Warning, as Annex C encodes them: the operation was performed."),
    SeedDifference(
        "C-FIND", "A700, A900",
        "single codes, where C-STORE has A7xx and A9xx",
        "PS3.4 C.4.1.1.4 writes single codes A700 and A900 for C-FIND too",
        "Single codes, as the standard writes them. Other Axxx codes resolve through the "
        "Annex C class: Failure, with member None."),
    SeedDifference(
        "C-FIND, C-GET, C-MOVE", "A900",
        "Error: Data Set does not match SOP Class",
        "PS3.4 C.4: Identifier does not match SOP Class",
        "The standard's wording; the type (Failure) is the same."),
    SeedDifference(
        "N-SET, N-CREATE, N-GET, N-EVENT-REPORT, N-ACTION, N-DELETE", "0000",
        "no Success row",
        "PS3.7 10.1: every DIMSE-N response may report Success",
        "Every enum has a SUCCESS member."),
    SeedDifference(
        "N-EVENT-REPORT, N-ACTION", "0210",
        "related attribute (0000,0110) (Message ID)",
        "PS3.7 C.5.9: Duplicate Invocation carries no further fields; a response has no "
        "Message ID",
        "No related attributes."),
    SeedDifference(
        "C-GET", "FE00",
        "Cancel Sub-operations terminated due to Cancel Indication",
        "PS3.4 C.4.3.1.4: Sub-operations terminated due to Cancel Indication",
        "The standard's wording (the seed repeats the type in the text)."),
    SeedDifference(
        "C-GET", "AA00-AA04",
        "listed for C-MOVE only",
        "PS3.4 Y.4.2.1.4 defines them for C-GET as well (Composite Instance Root Retrieve)",
        "Members of both CGetStatus and CMoveStatus."),
    SeedDifference(
        "(none)", "0000",
        "general Success has an empty description",
        "PS3.7 C.1.1: Success",
        "The description reads Success."),
)
