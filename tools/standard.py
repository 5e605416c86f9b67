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

Which text was read: every row carries a verification record (``Row.verified``,
a :class:`Check`): the edition of the text that was actually read for it and
where that text was read (the section or table, and the copy).  There is no
default: a row without a record fails ``tests/test_verification.py`` and the
generator, and a row whose text could not be found or that the standard does
not list says so (``Check(None, "NOT VERIFIED: ...")``).

The full text read for every row is the 2024c release: PS3.7 from its DocBook
source (``part07.xml``, which prints "DICOM PS3.7 2024c") and PS3.4 from its
chtml pages (the pages do not print the edition; the copy is the git branch
``2024c`` of aglv/dicom-spec, which holds the 2024c release).  Where a newer
page of the standard could be read (dicom.nema.org "current" chtml pages as
stored in the search corpus, each printing its edition), the row records
that page and its edition.  The newest published edition is
:data:`CURRENT_EDITION` (2026b): its DocBook sources are stored, but only their
opening pages could be read, so no row is recorded as read in it.
``tools/generate.py`` derives ``DICOM_EDITION`` and the spread of editions from
these records.
"""

from __future__ import annotations

from typing import NamedTuple

CURRENT_EDITION = "2026b"
"""The newest published edition of the standard (PS3.4 and PS3.7 2026b)."""

NOT_VERIFIED = "NOT VERIFIED"


class Check(NamedTuple):
    """A row's verification record: which text of the standard was read for it."""

    edition: str | None  # the edition printed on (or released as) the text read; None: not verified
    where: str  # what was read and where: part, edition, section or table, copy

    def also(self, other: Check) -> Check:
        """Another fact about the row read in ``other`` (e.g. its definition in
        Annex C and its listing for a command): the row as a whole was
        reconciled with the older of the two editions."""
        if self.edition is None or other.edition is None:
            edition = None
        else:
            edition = min(self.edition, other.edition)
        return Check(edition, f"{self.where}; {other.where}")

    def confirmed_by(self, other: Check) -> Check:
        """The same text read in another edition too, with the same result: the
        row follows the newer one."""
        editions = [e for e in (self.edition, other.edition) if e is not None]
        return Check(max(editions) if editions else None, f"{other.where}; {self.where}")


_COPY_2024C_PS4 = "chtml of the 2024c release (aglv/dicom-spec branch 2024c)"
_COPY_2024C_PS7 = "DocBook of the 2024c release (aglv/dicom-spec src/2024c part07.xml)"
_CURRENT_PAGE = "dicom.nema.org current chtml page, as stored in the search corpus"


def ps4(section: str, table: str = "") -> Check:
    """A PS3.4 section (and table) read in the 2024c release."""
    what = f"{section} ({table})" if table else section
    return Check("2024c", f"PS3.4 2024c {what}, {_COPY_2024C_PS4}")


def ps7(section: str) -> Check:
    """A PS3.7 section read in the 2024c release."""
    return Check("2024c", f"PS3.7 2024c {section}, {_COPY_2024C_PS7}")


def page(part: str, edition: str, section: str) -> Check:
    """A page of the standard read as stored, printing ``edition``:
    ``page("PS3.7", "2025b", "C.4.2")``."""
    return Check(edition, f"{part} {edition} page {section} ({_CURRENT_PAGE})")


def not_verified(why: str) -> Check:
    """A row no text of the standard confirms (or lists for its table)."""
    return Check(None, f"{NOT_VERIFIED}: {why}")


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

# PS3.7 9.1.3.1.7-10 (C-GET-RSP) and 9.1.4.1.8-11 (C-MOVE-RSP): each count may
# travel with any response, and must with Pending; PS3.4 Y.4.1.1.4, Y.4.2.1.4
# and Z.4.2.1.4 list all four (Tables C.4-2 and C.4-3 the last three).
SUB_OPERATIONS = (REMAINING, COMPLETED, FAILED, WARNINGS)
ERROR = (OFFENDING_ELEMENT, ERROR_COMMENT)


class Row(NamedTuple):
    """One status: a member of an enum."""

    name: str
    code: str
    type: str
    description: str
    section: str
    related: tuple[int, ...] = ()
    verified: Check | None = None  # the verification record; None fails the tests
    aliases: tuple[str, ...] = ()  # earlier member names, kept as enum aliases
    listed: bool = True  # False: the standard does not list it for its command (kept from the seed)


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
_GENERAL_AS_WRITTEN: tuple[Row, ...] = (
    Row("SUCCESS", "0000", SUCCESS, "Success", "PS3.7 C.1.1",
        verified=page("PS3.7", "2024e", "chapter_C (C.1.1)")),
    # The Annex C class table lists 0001 as a Warning; PS3.4 gives it one
    # meaning wherever it uses it (F.8.2.1.4, CC.2.7.4, S.3.2.4.4), and PS3.7
    # 10.1.2.1.9 lists that warning for N-GET.
    Row("OPTIONAL_ATTRIBUTES_NOT_SUPPORTED", "0001", WARNING,
        "Requested optional Attributes are not supported",
        "PS3.7 Annex C; PS3.4 F.8.2.1.4, CC.2.7.4, S.3.2.4.4",
        verified=page("PS3.7", "2024e", "chapter_C (Status Class table)").also(
            ps4("F.8.2.1.4, CC.2.7.4 and S.3.2.4.4", "Tables F.8.2-2, CC.2.7-1, S.3.2.4.4-1"))),
    # 2025b renamed C.4.2 "Attribute List warning" (CP-2384); it was "Attribute
    # list error".  ATTRIBUTE_LIST_ERROR stays as an alias.
    Row("ATTRIBUTE_LIST_WARNING", "0107", WARNING, "Attribute List Warning", "PS3.7 C.4.2",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, ATTRIBUTE_IDENTIFIER_LIST),
        verified=page("PS3.7", "2025b", "C.4.2"), aliases=("ATTRIBUTE_LIST_ERROR",)),
    Row("ATTRIBUTE_VALUE_OUT_OF_RANGE", "0116", WARNING, "Attribute Value Out of Range",
        "PS3.7 C.4.3"),
    Row("SOP_CLASS_NOT_SUPPORTED", "0122", FAILURE, "Refused: SOP Class Not Supported",
        "PS3.7 C.5.6", (ERROR_COMMENT,)),
    Row("CLASS_INSTANCE_CONFLICT", "0119", FAILURE, "Class-Instance Conflict", "PS3.7 C.5.7",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID)),
    Row("DUPLICATE_SOP_INSTANCE", "0111", FAILURE, "Duplicate SOP Instance", "PS3.7 C.5.8",
        (AFFECTED_SOP_INSTANCE_UID,)),
    Row("DUPLICATE_INVOCATION", "0210", FAILURE, "Duplicate Invocation", "PS3.7 C.5.9"),
    # Event Type ID only in the N-EVENT-REPORT-RSP, Action Type ID only in the
    # N-ACTION-RSP (C.5.10, C.5.16): see _event_report() and _action().
    Row("INVALID_ARGUMENT_VALUE", "0115", FAILURE, "Invalid Argument Value", "PS3.7 C.5.10",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, EVENT_TYPE_ID, ACTION_TYPE_ID),
        verified=ps7("C.5.10").confirmed_by(page("PS3.7", "2024c", "C.5.10"))),
    Row("INVALID_ATTRIBUTE_VALUE", "0106", FAILURE, "Invalid Attribute Value", "PS3.7 C.5.11"),
    # C.5.12 reads "Invalid SOP Instance" (older texts: "Invalid object
    # instance"); INVALID_OBJECT_INSTANCE stays as an alias.
    Row("INVALID_SOP_INSTANCE", "0117", FAILURE, "Invalid SOP Instance", "PS3.7 C.5.12",
        (AFFECTED_SOP_INSTANCE_UID,),
        aliases=("INVALID_OBJECT_INSTANCE",)),
    # C.5.13: Attribute Identifier List only.
    Row("MISSING_ATTRIBUTE", "0120", FAILURE, "Missing Attribute", "PS3.7 C.5.13",
        (ATTRIBUTE_IDENTIFIER_LIST,)),
    # C.5.14: only the untagged Modification List / Attribute List data set.
    Row("MISSING_ATTRIBUTE_VALUE", "0121", FAILURE, "Missing Attribute Value", "PS3.7 C.5.14"),
    Row("MISTYPED_ARGUMENT", "0212", FAILURE, "Mistyped Argument", "PS3.7 C.5.15"),
    Row("NO_SUCH_ARGUMENT", "0114", FAILURE, "No Such Argument", "PS3.7 C.5.16",
        (AFFECTED_SOP_CLASS_UID, EVENT_TYPE_ID, ACTION_TYPE_ID)),
    # C.5.17: Attribute Identifier List only.
    Row("NO_SUCH_ATTRIBUTE", "0105", FAILURE, "No Such Attribute", "PS3.7 C.5.17",
        (ATTRIBUTE_IDENTIFIER_LIST,)),
    Row("NO_SUCH_EVENT_TYPE", "0113", FAILURE, "No Such Event Type", "PS3.7 C.5.18",
        (AFFECTED_SOP_CLASS_UID, EVENT_TYPE_ID)),
    Row("NO_SUCH_SOP_INSTANCE", "0112", FAILURE, "No Such SOP Instance", "PS3.7 C.5.19",
        (AFFECTED_SOP_INSTANCE_UID,)),
    Row("NO_SUCH_SOP_CLASS", "0118", FAILURE, "No Such SOP Class", "PS3.7 C.5.20",
        (AFFECTED_SOP_CLASS_UID,)),
    Row("PROCESSING_FAILURE", "0110", FAILURE, "Processing Failure", "PS3.7 C.5.21",
        (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, ERROR_COMMENT, ERROR_ID),
        verified=page("PS3.7", "2024e", "C.5.21")),
    Row("RESOURCE_LIMITATION", "0213", FAILURE, "Resource Limitation", "PS3.7 C.5.22"),
    Row("UNRECOGNIZED_OPERATION", "0211", FAILURE, "Unrecognized Operation", "PS3.7 C.5.23"),
    Row("NO_SUCH_ACTION", "0123", FAILURE, "No Such Action", "PS3.7 C.5.24",
        (AFFECTED_SOP_CLASS_UID, ACTION_TYPE_ID)),
    Row("NOT_AUTHORIZED", "0124", FAILURE, "Refused: Not Authorized", "PS3.7 C.5.25",
        (ERROR_COMMENT,)),
    Row("CANCEL", "FE00", CANCEL, "Cancel", "PS3.7 C.3.1"),
)

_BY_NAME = {row.name: row for row in _GENERAL_AS_WRITTEN}


def general(*names: str) -> tuple[Row, ...]:
    """The Annex C rows of these names, as members of a command's enum."""
    return tuple(_BY_NAME[name] for name in names)


def _only_in(rows: tuple[Row, ...], foreign: int) -> tuple[Row, ...]:
    """``rows`` without the tag ``foreign`` in 0114's and 0115's related
    fields: PS3.7 C.5.10 and C.5.16 permit Event Type ID only in the
    N-EVENT-REPORT-RSP and Action Type ID only in the N-ACTION-RSP."""
    return tuple(
        row._replace(related=tuple(t for t in row.related if t != foreign))
        if row.code in ("0114", "0115") else row
        for row in rows
    )


def _legacy_0112(section: str) -> Row:
    # The seed (and PS3.2's conformance templates) read 0112H as "SOP Class Not
    # Supported" for the DIMSE-C services; Annex C defines 0112H as No Such SOP
    # Instance and 0122H as Refused: SOP Class Not Supported.  Both resolve.
    # PS3.7 2024c lists 0122H, not 0112H, for C-STORE, C-FIND, C-GET and C-MOVE:
    # the row is kept from the seed, not in the command's table (not permitted).
    return Row("LEGACY_SOP_CLASS_NOT_SUPPORTED", "0112", FAILURE,
               "Failed: SOP Class Not Supported (legacy code; the standard's code is 0122H)",
               section, verified=not_verified(
                   f"not in the command's table ({section}, 2024c, lists 0122H Refused: SOP "
                   "Class not supported); kept from the seed (pynetdicom2) and PS3.2's "
                   "conformance templates"), listed=False)


_C_PROTOCOL = general("DUPLICATE_INVOCATION", "MISTYPED_ARGUMENT", "UNRECOGNIZED_OPERATION")


class CommandTable(NamedTuple):
    """The statuses of one command's response."""

    command: str  # the Command member's name
    enum: str  # the enum's class name
    section: str  # where PS3.7 lists the command's Status parameter
    rows: tuple[Row, ...]


# PS3.4 Tables C.4-1, C.4-2 and C.4-3 (2020 text) and the current Table
# CC.2.8-2 read A900 "Error: Data Set does not match SOP Class"; older texts
# (and so the member's first name) said "Identifier does not match SOP Class".
_A900 = Row("DATA_SET_DOES_NOT_MATCH_SOP_CLASS", "A900", FAILURE,
            "Error: Data Set does not match SOP Class", "PS3.4 C.4.3.1.4", ERROR,
            aliases=("IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS",))

_SUB_OPS_CANCEL = Row("CANCEL", "FE00", CANCEL, "Sub-operations terminated due to Cancel Indication",
                      "PS3.4 C.4.3.1.4", SUB_OPERATIONS)
_RETRIEVE_COMMON = (
    Row("OUT_OF_RESOURCES_UNABLE_TO_CALCULATE_MATCHES", "A701", FAILURE,
        "Refused: Out of Resources - Unable to calculate number of matches",
        "PS3.4 C.4.3.1.4", (ERROR_COMMENT,)),
    _A900,
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


def _retrieve(section: str, frames_section: str, failures: str) -> tuple[Row, ...]:
    """The C-GET and C-MOVE statuses they share, with their own sections.
    ``failures``: what Table C.4-2 (C-MOVE, "Failures") and C.4-3 (C-GET,
    "Failures or Warnings") call the sub-operations that did not succeed."""
    counts = SUB_OPERATIONS
    rows = (
        Row("SUCCESS", "0000", SUCCESS, f"Sub-operations Complete - No {failures}",
            section, counts),
        Row("PENDING", "FF00", PENDING, "Sub-operations are continuing", section,
            SUB_OPERATIONS),
        _SUB_OPS_CANCEL._replace(section=section),
        Row("SUB_OPERATIONS_COMPLETE_WITH_FAILURES", "B000", WARNING,
            f"Sub-operations Complete - One or more {failures}", section, counts),
        Row("OUT_OF_RESOURCES_UNABLE_TO_PERFORM_SUB_OPERATIONS", "A702", FAILURE,
            "Refused: Out of Resources - Unable to perform sub-operations", section, counts),
    )
    common = tuple(
        row._replace(section=frames_section if row.section.startswith("PS3.4 Y") else section)
        for row in _RETRIEVE_COMMON
    )
    return rows + common


_COMMANDS_AS_WRITTEN: tuple[CommandTable, ...] = (
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
    ) + general("SOP_CLASS_NOT_SUPPORTED", "INVALID_SOP_INSTANCE", "NOT_AUTHORIZED")
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
        _A900._replace(section="PS3.4 C.4.1.1.4"),
        Row("UNABLE_TO_PROCESS", "Cxxx", FAILURE, "Failed: Unable to process",
            "PS3.4 C.4.1.1.4", ERROR),
        _legacy_0112("PS3.7 9.1.2.1.6"),
    # PS3.7 9.1.2.1.6 lists neither 0210, 0211 nor 0212 for C-FIND (nor does
    # PS3.2's C-FIND template): they are not CFindStatus members, and resolve
    # through Annex C as general codes.  0124 is kept: see REFERENCE_DIFFERENCES.
    ) + general("SOP_CLASS_NOT_SUPPORTED", "NOT_AUTHORIZED")),
    CommandTable("C_GET", "CGetStatus", "PS3.7 9.1.3.1.6",
                 _retrieve("PS3.4 C.4.3.1.4", "PS3.4 Y.4.2.1.4", "Failures or Warnings")
                 + (_legacy_0112("PS3.7 9.1.3.1.6"),)
                 + general("SOP_CLASS_NOT_SUPPORTED", "NOT_AUTHORIZED") + _C_PROTOCOL),
    CommandTable("C_MOVE", "CMoveStatus", "PS3.7 9.1.4.1.7",
                 _retrieve("PS3.4 C.4.2.1.5", "PS3.4 Y.4.1.1.4", "Failures")
                 + (Row("MOVE_DESTINATION_UNKNOWN", "A801", FAILURE,
                        "Refused: Move Destination unknown", "PS3.4 C.4.2.1.5",
                        (ERROR_COMMENT,)),
                    _legacy_0112("PS3.7 9.1.4.1.7"))
                 + general("SOP_CLASS_NOT_SUPPORTED", "NOT_AUTHORIZED") + _C_PROTOCOL),
    CommandTable("N_EVENT_REPORT", "NEventReportStatus", "PS3.7 10.1.1.1.8", _only_in(general(
        "SUCCESS", "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION", "INVALID_ARGUMENT_VALUE",
        "INVALID_SOP_INSTANCE", "MISTYPED_ARGUMENT", "NO_SUCH_ARGUMENT",
        "NO_SUCH_EVENT_TYPE", "NO_SUCH_SOP_CLASS", "NO_SUCH_SOP_INSTANCE",
        "PROCESSING_FAILURE", "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION"), ACTION_TYPE_ID)),
    # 0001: PS3.7 10.1.2.1.9 lists the warning "not all optional attributes
    # were returned"; PS3.4 F.8.2.1.4, CC.2.7.4 and S.3.2.4.4 give it code 0001.
    CommandTable("N_GET", "NGetStatus", "PS3.7 10.1.2.1.9", general(
        "SUCCESS", "OPTIONAL_ATTRIBUTES_NOT_SUPPORTED", "ATTRIBUTE_LIST_WARNING",
        "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION",
        "INVALID_SOP_INSTANCE", "MISTYPED_ARGUMENT", "NO_SUCH_SOP_CLASS",
        "NO_SUCH_SOP_INSTANCE", "PROCESSING_FAILURE", "RESOURCE_LIMITATION",
        "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
    CommandTable("N_SET", "NSetStatus", "PS3.7 10.1.3.1.9", general(
        "SUCCESS", "ATTRIBUTE_LIST_WARNING", "ATTRIBUTE_VALUE_OUT_OF_RANGE",
        "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION", "INVALID_ATTRIBUTE_VALUE",
        "INVALID_SOP_INSTANCE", "MISSING_ATTRIBUTE_VALUE", "MISTYPED_ARGUMENT",
        "NO_SUCH_ATTRIBUTE", "NO_SUCH_SOP_CLASS", "NO_SUCH_SOP_INSTANCE", "PROCESSING_FAILURE",
        "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
    CommandTable("N_ACTION", "NActionStatus", "PS3.7 10.1.4.1.10", _only_in(general(
        "SUCCESS", "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION", "INVALID_ARGUMENT_VALUE",
        "INVALID_SOP_INSTANCE", "MISTYPED_ARGUMENT", "NO_SUCH_ACTION", "NO_SUCH_ARGUMENT",
        "NO_SUCH_SOP_CLASS", "NO_SUCH_SOP_INSTANCE", "PROCESSING_FAILURE",
        "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED"), EVENT_TYPE_ID)),
    CommandTable("N_CREATE", "NCreateStatus", "PS3.7 10.1.5.1.6", general(
        "SUCCESS", "ATTRIBUTE_LIST_WARNING", "ATTRIBUTE_VALUE_OUT_OF_RANGE",
        "DUPLICATE_INVOCATION", "DUPLICATE_SOP_INSTANCE", "INVALID_ATTRIBUTE_VALUE",
        "INVALID_SOP_INSTANCE", "MISSING_ATTRIBUTE", "MISSING_ATTRIBUTE_VALUE",
        "MISTYPED_ARGUMENT", "NO_SUCH_ATTRIBUTE", "NO_SUCH_SOP_CLASS", "PROCESSING_FAILURE",
        "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
    CommandTable("N_DELETE", "NDeleteStatus", "PS3.7 10.1.6.1.7", general(
        "SUCCESS", "CLASS_INSTANCE_CONFLICT", "DUPLICATE_INVOCATION", "INVALID_SOP_INSTANCE",
        "MISTYPED_ARGUMENT", "NO_SUCH_SOP_CLASS", "NO_SUCH_SOP_INSTANCE", "PROCESSING_FAILURE",
        "RESOURCE_LIMITATION", "UNRECOGNIZED_OPERATION", "NOT_AUTHORIZED")),
)

# ---------------------------------------------------------------------------
# PS3.4 service classes.  A service's own statuses for a command come before
# the command's (PS3.7) statuses when a status is resolved in the service's
# context.  A service whose statuses are all the command's (Storage, Q/R
# C-MOVE and C-GET, Worklist ...) has no own rows: its statuses are the
# command enum's members.
# ---------------------------------------------------------------------------


class ServiceTable(NamedTuple):
    """One PS3.4 service class and the statuses it adds to each command."""

    name: str  # the Service member's name
    title: str  # the service class as PS3.4 names it, without "Service Class"
    section: str  # the PS3.4 annex
    prefix: str  # prefix of its enums' class names: UPS -> UPSNActionStatus
    aliases: tuple[str, ...]  # other names users know it by
    commands: tuple[str, ...]  # the DIMSE commands the service uses
    own: tuple[tuple[str, tuple[Row, ...]], ...] = ()  # command -> its own rows
    note: str = ""
    # command -> codes of the command's enum that the service's table does not
    # list and that may not be sent in its context (they keep their Annex C
    # class, with member None): GG.4.2 lists no warnings for C-STORE.
    excluded: tuple[tuple[str, tuple[str, ...]], ...] = ()


_UPS_NOT_MANAGED = "Failed: Specified SOP Instance UID does not exist or is not a UPS " \
    "Instance managed by this SCP"
_UPS_MAY_NO_LONGER_BE_UPDATED = "Failed: The UPS may no longer be updated"
_UPS_TRANSACTION_UID = "Failed: The correct Transaction UID was not provided"
_OPTIONAL_NOT_SUPPORTED = "Requested optional Attributes are not supported"
_DENSITY = ("Requested Min Density or Max Density outside of printer's operating range. "
            "The printer will use its respective minimum or maximum density value instead")
# The Print Management tables word the same warnings a little differently
# (2024c): the Image Box N-SET table (H.4.3.1.2.1.2) and the N-ACTION tables
# (H.4.1.2.4.2, H.4.2.2.4.2) each keep their own wording here.
_DEMAGNIFIED = "Image size is larger than image box size, the image has been demagnified"
_DEMAGNIFIED_SET = "Image size larger than image box size, the image has been demagnified"
_CROPPED = "Image size is larger than the Image Box size. The Image has been cropped to fit"
_DECIMATED = ("Image size or Combined Print Image size is larger than the Image Box size. "
              "Image or Combined Print Image has been decimated to fit")
_DECIMATED_SET = ("Image size or Combined Print Image size is larger than the Image Box size. "
                  "The Image or Combined Print Image has been decimated to fit")
_IMAGE_TOO_LARGE = "Failed: Image size is larger than image box size"
_COMBINED_TOO_LARGE = "Failed: Combined Print Image size is larger than the Image Box size"
_UNPRINTED = ("Failed: There is an existing Film Box that has not been printed and N-ACTION at "
              "the Film Session level is not supported. A new Film Box will not be created when "
              "a previous Film Box has not been printed")
_QUEUE_FULL = "Failed: Unable to create Print Job SOP Instance; print queue is full"
_RT_NOT_FOUND = "Failed: Applicable Machine Verification instance not found"
# RT Machine Verification, DD.3.2.1.2: one table for N-CREATE (C227, C221-C223)
# and another for N-SET (C224-C226).
_RT_CREATE_ROWS = (
    ("PLAN_NOT_FOUND", "C227", "Failed: No such object instance - Referenced RT Plan not found"),
    ("FRACTION_GROUP_NOT_IN_PLAN", "C221",
     "Failed: The Referenced Fraction Group Number does not exist in the referenced plan"),
    ("NO_BEAMS_IN_FRACTION_GROUP", "C222", "Failed: No beams exist within the referenced fraction group"),
    ("ALREADY_VERIFYING", "C223",
     "Failed: SCU already verifying and cannot currently process this request"),
)
_RT_SET_ROWS = (
    ("BEAM_NOT_IN_FRACTION_GROUP", "C224",
     "Failed: Referenced Beam Number not found within the referenced Fraction Group"),
    ("DEVICE_NOT_SUPPORTED", "C225", "Failed: Referenced device or accessory not supported"),
    ("DEVICE_NOT_IN_BEAM", "C226",
     "Failed: Referenced device or accessory not found within the referenced beam"),
)


def _rt_rows(rows: tuple[tuple[str, str, str], ...]) -> tuple[Row, ...]:
    return tuple(Row(name, code, FAILURE, text, "PS3.4 DD.3.2.1.2") for name, code, text in rows)


_QR_FAMILY = ("C_FIND", "C_MOVE", "C_GET")

_SERVICES_AS_WRITTEN: tuple[ServiceTable, ...] = (
    ServiceTable("VERIFICATION", "Verification", "PS3.4 Annex A", "Verification", (),
                 ("C_ECHO",)),
    ServiceTable("STORAGE", "Storage", "PS3.4 Annex B", "Storage", (), ("C_STORE",),
                 note="Its statuses (B.2.3) are CStoreStatus's members."),
    ServiceTable("QUERY_RETRIEVE", "Query/Retrieve", "PS3.4 Annex C", "QueryRetrieve",
                 ("QR", "Q/R"), _QR_FAMILY, (
                     ("C_FIND", (
                         # The Repository Query table (C.6.4.3, 2024c) lists B001 and
                         # A710; C.6.4.5.2 and C.6.4.5.3 say when they are sent.
                         Row("RESPONSE_LIMIT_REACHED", "B001", WARNING,
                             "Matching reached response limit, subsequent request may return "
                             "additional matches", "PS3.4 C.6.4.3",
                             verified=ps4("C.6.4.3 and C.6.4.5.2")),
                         Row("INVALID_PRIOR_RECORD_KEY", "A710", FAILURE,
                             "Invalid Prior Record Key", "PS3.4 C.6.4.3",
                             verified=page("PS3.4", "2024e", "C.6.4.5.3").also(ps4("C.6.4.3 and C.6.4.5.3"))),
                     )),
                 ), note="C-MOVE and C-GET statuses (C.4.2, C.4.3) are CMoveStatus's and "
                         "CGetStatus's members; the Repository Query codes are its own."),
    ServiceTable("PROCEDURE_STEP", "Procedure Step", "PS3.4 Annex F", "ProcedureStep",
                 ("MPPS", "Modality Performed Procedure Step"),
                 ("N_CREATE", "N_SET", "N_GET", "N_EVENT_REPORT"), (
                     ("N_SET", (
                         # Table F.7.2-2: Processing Failure with this Error
                         # Comment and Error ID A710; 0110 keeps the fields PS3.7
                         # C.5.21 gives it (Affected SOP Class/Instance UID too).
                         Row("MAY_NO_LONGER_BE_UPDATED", "0110", FAILURE,
                             "Processing Failure: Performed Procedure Step Object may no "
                             "longer be updated (Error ID A710)", "PS3.4 F.7.2.2.4",
                             (AFFECTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID, ERROR_COMMENT,
                              ERROR_ID),
                             verified=ps4("F.7.2.2.4", "Table F.7.2-2").also(ps7("C.5.21"))),
                     )),
                     ("N_GET", (
                         Row("OPTIONAL_ATTRIBUTES_NOT_SUPPORTED", "0001", WARNING,
                             _OPTIONAL_NOT_SUPPORTED, "PS3.4 F.8.2.1.4"),
                     )),
                 )),
    ServiceTable("PRINT_MANAGEMENT", "Print Management", "PS3.4 Annex H", "Print",
                 ("PRINT",), ("N_CREATE", "N_SET", "N_GET", "N_ACTION", "N_DELETE",
                              "N_EVENT_REPORT"), (
                     ("N_CREATE", (
                         Row("MEMORY_ALLOCATION_NOT_SUPPORTED", "B600", WARNING,
                             "Memory allocation not supported", "PS3.4 H.4.1.2.1.2"),
                         Row("DENSITY_OUT_OF_RANGE", "B605", WARNING, _DENSITY,
                             "PS3.4 H.4.2.2.1.2"),
                         Row("UNPRINTED_FILM_BOX_EXISTS", "C616", FAILURE, _UNPRINTED,
                             "PS3.4 H.4.2.2.1.2"),
                     )),
                     ("N_SET", (
                         Row("MEMORY_ALLOCATION_NOT_SUPPORTED", "B600", WARNING,
                             "Memory allocation not supported", "PS3.4 H.4.1.2.2.2"),
                         Row("IMAGE_DEMAGNIFIED", "B604", WARNING, _DEMAGNIFIED_SET,
                             "PS3.4 H.4.3.1.2.1.2"),
                         Row("DENSITY_OUT_OF_RANGE", "B605", WARNING, _DENSITY,
                             "PS3.4 H.4.2.2.2.2"),
                         # The Basic Film Box table (H.4.2.2.1.2) is for N-CREATE
                         # and N-SET; H.4.2.2.2.2 points N-SET back to it.
                         Row("UNPRINTED_FILM_BOX_EXISTS", "C616", FAILURE, _UNPRINTED,
                             "PS3.4 H.4.2.2.2.2"),
                         Row("IMAGE_CROPPED", "B609", WARNING, _CROPPED, "PS3.4 H.4.3.1.2.1.2"),
                         Row("IMAGE_DECIMATED", "B60A", WARNING, _DECIMATED_SET,
                             "PS3.4 H.4.3.1.2.1.2"),
                         Row("IMAGE_TOO_LARGE", "C603", FAILURE, _IMAGE_TOO_LARGE,
                             "PS3.4 H.4.3.1.2.1.2"),
                         Row("INSUFFICIENT_PRINTER_MEMORY", "C605", FAILURE,
                             "Failed: Insufficient memory in printer to store the image",
                             "PS3.4 H.4.3.1.2.1.2"),
                         Row("COMBINED_IMAGE_TOO_LARGE", "C613", FAILURE, _COMBINED_TOO_LARGE,
                             "PS3.4 H.4.3.1.2.1.2"),
                     )),
                     ("N_ACTION", (
                         Row("COLLATION_NOT_SUPPORTED", "B601", WARNING,
                             "Film session printing (collation) is not supported",
                             "PS3.4 H.4.1.2.4.2"),
                         Row("FILM_SESSION_EMPTY_PAGE", "B602", WARNING,
                             "Film Session SOP Instance hierarchy does not contain Image Box "
                             "SOP Instances (empty page)", "PS3.4 H.4.1.2.4.2"),
                         Row("FILM_BOX_EMPTY_PAGE", "B603", WARNING,
                             "Film Box SOP Instance hierarchy does not contain Image Box SOP "
                             "Instances (empty page)", "PS3.4 H.4.2.2.4.2"),
                         Row("IMAGE_DEMAGNIFIED", "B604", WARNING, _DEMAGNIFIED,
                             "PS3.4 H.4.2.2.4.2"),
                         Row("IMAGE_CROPPED", "B609", WARNING, _CROPPED, "PS3.4 H.4.2.2.4.2"),
                         Row("IMAGE_DECIMATED", "B60A", WARNING, _DECIMATED,
                             "PS3.4 H.4.2.2.4.2"),
                         Row("NO_FILM_BOXES", "C600", FAILURE,
                             "Failed: Film Session SOP Instance hierarchy does not contain Film Box "
                             "SOP Instances", "PS3.4 H.4.1.2.4.2"),
                         Row("FILM_SESSION_QUEUE_FULL", "C601", FAILURE, _QUEUE_FULL,
                             "PS3.4 H.4.1.2.4.2"),
                         Row("FILM_BOX_QUEUE_FULL", "C602", FAILURE, _QUEUE_FULL,
                             "PS3.4 H.4.2.2.4.2"),
                         Row("IMAGE_TOO_LARGE", "C603", FAILURE, _IMAGE_TOO_LARGE,
                             "PS3.4 H.4.2.2.4.2"),
                         Row("COMBINED_IMAGE_TOO_LARGE", "C613", FAILURE, _COMBINED_TOO_LARGE,
                             "PS3.4 H.4.2.2.4.2"),
                     )),
                 )),
    ServiceTable("STORAGE_COMMITMENT", "Storage Commitment", "PS3.4 Annex J",
                 "StorageCommitment", (), ("N_ACTION", "N_EVENT_REPORT")),
    ServiceTable("BASIC_WORKLIST_MANAGEMENT", "Basic Worklist Management", "PS3.4 Annex K",
                 "Worklist", ("MWL", "WORKLIST", "Modality Worklist"), ("C_FIND",),
                 note="Its C-FIND statuses (K.4.1.1.4) are CFindStatus's members."),
    ServiceTable("APPLICATION_EVENT_LOGGING", "Application Event Logging", "PS3.4 Annex P",
                 "EventLogging", ("EVENT_LOGGING",), ("N_ACTION",), (
                     ("N_ACTION", (
                         Row("SYNCHRONIZATION_FRAME_OF_REFERENCE_MISMATCH", "B101", WARNING,
                             "Specified Synchronization Frame of Reference UID does not match "
                             "SCP Synchronization Frame of Reference", "PS3.4 P.2.2.4"),
                         Row("STUDY_INSTANCE_UID_COERCED", "B102", WARNING,
                             "Study Instance UID coercion; Event logged under a different Study "
                             "Instance UID", "PS3.4 P.2.2.4"),
                         Row("IDS_INCONSISTENT_EVENT_LOGGED", "B104", WARNING,
                             "IDs inconsistent in matching a current study; Event logged",
                             "PS3.4 P.2.2.4"),
                         Row("PROCEDURAL_LOGGING_NOT_AVAILABLE", "C101", FAILURE,
                             "Failed: Procedural Logging not available for specified Study Instance "
                             "UID", "PS3.4 P.2.2.4"),
                         Row("EVENT_DOES_NOT_MATCH_TEMPLATE", "C102", FAILURE,
                             "Failed: Event Information does not match Template", "PS3.4 P.2.2.4"),
                         Row("CANNOT_MATCH_EVENT_TO_STUDY", "C103", FAILURE,
                             "Failed: Cannot match event to a current study", "PS3.4 P.2.2.4"),
                         Row("IDS_INCONSISTENT_EVENT_NOT_LOGGED", "C104", FAILURE,
                             "Failed: IDs inconsistent in matching a current study; Event not logged",
                             "PS3.4 P.2.2.4"),
                         Row("OPERATOR_NOT_AUTHORIZED", "C10E", FAILURE,
                             "Failed: Operator Refused: Not authorized to add entry to "
                             "Medication Administration Record", "PS3.4 P.3.2.4"),
                         Row("PATIENT_NOT_IDENTIFIED", "C110", FAILURE,
                             "Failed: Patient cannot be identified from Patient ID (0010,0020) "
                             "or Admission ID (0038,0010)", "PS3.4 P.3.2.4"),
                         Row("MEDICATION_RECORD_UPDATE_FAILED", "C111", FAILURE,
                             "Failed: Update of Medication Administration Record failed",
                             "PS3.4 P.3.2.4"),
                     )),
                 )),
    ServiceTable("RELEVANT_PATIENT_INFORMATION_QUERY", "Relevant Patient Information Query",
                 "PS3.4 Annex Q", "RelevantPatient", ("RELEVANT_PATIENT",), ("C_FIND",), (
                     # Table Q.2-1: Offending Element and Error Comment.
                     ("C_FIND", (
                         Row("MORE_THAN_ONE_MATCH", "C100", FAILURE,
                             "Failed: More than one match found", "PS3.4 Q.2.1.1.4", ERROR),
                         Row("TEMPLATE_NOT_SUPPORTED", "C200", FAILURE,
                             "Failed: Unable to support requested template", "PS3.4 Q.2.1.1.4",
                             ERROR),
                     )),
                 )),
    ServiceTable("INSTANCE_AVAILABILITY_NOTIFICATION", "Instance Availability Notification",
                 "PS3.4 Annex R", "InstanceAvailability", ("IAN",), ("N_CREATE",),
                 note="Its N-CREATE statuses are PS3.7's (NCreateStatus)."),
    ServiceTable("MEDIA_CREATION_MANAGEMENT", "Media Creation Management", "PS3.4 Annex S",
                 "MediaCreation", ("MEDIA_CREATION",), ("N_CREATE", "N_ACTION", "N_GET"), (
                     # A510 belongs to N-CREATE (S.3.2.1.4); S.3.2.2.4 (N-ACTION
                     # Initiate Media Creation) has no specific status codes.
                     ("N_CREATE", (
                         Row("ALREADY_INITIATED", "A510", FAILURE,
                             "Failed: An Initiate Media Creation action has already been "
                             "received for this SOP Instance", "PS3.4 S.3.2.1.4"),
                     )),
                     ("N_ACTION", (
                         Row("ALREADY_COMPLETED", "C201", FAILURE,
                             "Failed: Media creation request already completed", "PS3.4 S.3.2.3.4"),
                         Row("IN_PROGRESS_CANNOT_INTERRUPT", "C202", FAILURE,
                             "Failed: Media creation request already in progress and cannot be "
                             "interrupted", "PS3.4 S.3.2.3.4"),
                         Row("CANCELLATION_DENIED", "C203", FAILURE,
                             "Failed: Cancellation denied for unspecified reason", "PS3.4 S.3.2.3.4"),
                     )),
                     ("N_GET", (
                         Row("OPTIONAL_ATTRIBUTES_NOT_SUPPORTED", "0001", WARNING,
                             _OPTIONAL_NOT_SUPPORTED, "PS3.4 S.3.2.4.4"),
                     )),
                 )),
    ServiceTable("HANGING_PROTOCOL_QUERY_RETRIEVE", "Hanging Protocol Query/Retrieve",
                 "PS3.4 Annex U", "HangingProtocol", ("HANGING_PROTOCOL",), _QR_FAMILY),
    ServiceTable("SUBSTANCE_ADMINISTRATION_QUERY", "Substance Administration Query",
                 "PS3.4 Annex V", "SubstanceAdministration", ("SUBSTANCE_ADMINISTRATION",),
                 ("C_FIND",)),
    ServiceTable("COLOR_PALETTE_QUERY_RETRIEVE", "Color Palette Query/Retrieve",
                 "PS3.4 Annex X", "ColorPalette", ("COLOR_PALETTE",), _QR_FAMILY),
    ServiceTable("COMPOSITE_INSTANCE_ROOT_RETRIEVE", "Composite Instance Root Retrieve",
                 "PS3.4 Annex Y", "CompositeInstanceRoot", (), ("C_MOVE", "C_GET"),
                 note="Its frame-level codes AA00-AA04 (Y.4.1.1.4, Y.4.2.1.4) are members of "
                      "CMoveStatus and CGetStatus."),
    ServiceTable("COMPOSITE_INSTANCE_RETRIEVE_WITHOUT_BULK_DATA",
                 "Composite Instance Retrieve Without Bulk Data", "PS3.4 Annex Z",
                 "WithoutBulkData", (), ("C_GET",)),
    ServiceTable("IMPLANT_TEMPLATE_QUERY_RETRIEVE", "Implant Template Query/Retrieve",
                 "PS3.4 Annex BB", "ImplantTemplate", ("IMPLANT_TEMPLATE",), _QR_FAMILY),
    ServiceTable("UNIFIED_PROCEDURE_STEP", "Unified Procedure Step", "PS3.4 Annex CC", "UPS",
                 ("UPS",), ("N_CREATE", "N_SET", "N_GET", "N_ACTION", "N_EVENT_REPORT",
                            "C_FIND"), (
                     ("N_CREATE", (
                         Row("CREATED_WITH_MODIFICATIONS", "B300", WARNING,
                             "The UPS was created with modifications", "PS3.4 CC.2.5.4"),
                         Row("STATE_NOT_SCHEDULED", "C309", FAILURE,
                             "Failed: The provided value of UPS State was not SCHEDULED",
                             "PS3.4 CC.2.5.4"),
                     )),
                     ("N_SET", (
                         Row("OPTIONAL_ATTRIBUTES_NOT_SUPPORTED", "0001", WARNING,
                             _OPTIONAL_NOT_SUPPORTED, "PS3.4 CC.2.6.4"),
                         Row("COERCED_INVALID_VALUES", "B305", WARNING,
                             "Coerced invalid values to valid values", "PS3.4 CC.2.6.4"),
                         Row("MAY_NO_LONGER_BE_UPDATED", "C300", FAILURE,
                             _UPS_MAY_NO_LONGER_BE_UPDATED, "PS3.4 CC.2.6.4"),
                         Row("WRONG_TRANSACTION_UID", "C301", FAILURE, _UPS_TRANSACTION_UID,
                             "PS3.4 CC.2.6.4"),
                         Row("NOT_MANAGED_BY_SCP", "C307", FAILURE, _UPS_NOT_MANAGED,
                             "PS3.4 CC.2.6.4"),
                         Row("NOT_IN_PROGRESS", "C310", FAILURE,
                             "Failed: The UPS is not in the IN PROGRESS state",
                             "PS3.4 CC.2.6.4"),
                     )),
                     ("N_GET", (
                         Row("OPTIONAL_ATTRIBUTES_NOT_SUPPORTED", "0001", WARNING,
                             _OPTIONAL_NOT_SUPPORTED, "PS3.4 CC.2.7.4"),
                         Row("NOT_MANAGED_BY_SCP", "C307", FAILURE, _UPS_NOT_MANAGED,
                             "PS3.4 CC.2.7.4"),
                     )),
                     ("N_ACTION", (
                         Row("DELETION_LOCK_NOT_GRANTED", "B301", WARNING,
                             "Deletion Lock not granted", "PS3.4 CC.2.3.4"),
                         Row("ALREADY_CANCELED", "B304", WARNING,
                             "The UPS is already in the requested state of CANCELED",
                             "PS3.4 CC.2.1.4"),
                         Row("ALREADY_COMPLETED", "B306", WARNING,
                             "The UPS is already in the requested state of COMPLETED",
                             "PS3.4 CC.2.1.4"),
                         Row("MAY_NO_LONGER_BE_UPDATED", "C300", FAILURE,
                             "Failed: The UPS may no longer be updated", "PS3.4 CC.2.1.4"),
                         Row("WRONG_TRANSACTION_UID", "C301", FAILURE,
                             "Failed: The correct Transaction UID was not provided",
                             "PS3.4 CC.2.1.4"),
                         Row("ALREADY_IN_PROGRESS", "C302", FAILURE,
                             "Failed: The UPS is already IN PROGRESS", "PS3.4 CC.2.1.4"),
                         Row("SCHEDULED_ONLY_BY_N_CREATE", "C303", FAILURE,
                             "Failed: The UPS may only become SCHEDULED via N-CREATE, not "
                             "N-SET or N-ACTION", "PS3.4 CC.2.1.4"),
                         Row("FINAL_STATE_REQUIREMENTS_NOT_MET", "C304", FAILURE,
                             "Failed: The UPS has not met final state requirements for the "
                             "requested state change", "PS3.4 CC.2.1.4"),
                         Row("NOT_MANAGED_BY_SCP", "C307", FAILURE, _UPS_NOT_MANAGED,
                             "PS3.4 CC.2.1.4"),
                         Row("RECEIVING_AE_UNKNOWN", "C308", FAILURE,
                             "Failed: Receiving AE Title is Unknown to this SCP",
                             "PS3.4 CC.2.3.4"),
                         Row("NOT_YET_IN_PROGRESS", "C310", FAILURE,
                             "Failed: The UPS is not yet in the IN PROGRESS state",
                             "PS3.4 CC.2.1.4"),
                         Row("ALREADY_COMPLETED_CANNOT_CANCEL", "C311", FAILURE,
                             "Failed: The UPS is already COMPLETED", "PS3.4 CC.2.2.4"),
                         Row("PERFORMER_CANNOT_BE_CONTACTED", "C312", FAILURE,
                             "Failed: The performer cannot be contacted", "PS3.4 CC.2.2.4"),
                         Row("PERFORMER_CHOOSES_NOT_TO_CANCEL", "C313", FAILURE,
                             "Failed: Performer chooses not to cancel", "PS3.4 CC.2.2.4"),
                         Row("ACTION_NOT_APPROPRIATE", "C314", FAILURE,
                             "Failed: Specified action not appropriate for specified instance",
                             "PS3.4 CC.2.3.4"),
                         Row("EVENT_REPORTS_NOT_SUPPORTED", "C315", FAILURE,
                             "Failed: SCP does not support Event Reports", "PS3.4 CC.2.3.4"),
                     )),
                 ), note="Its C-FIND statuses (CC.2.8.4) are CFindStatus's members."),
    ServiceTable("RT_MACHINE_VERIFICATION", "RT Machine Verification", "PS3.4 Annex DD",
                 "RTMachineVerification", (), ("N_CREATE", "N_SET", "N_GET", "N_ACTION",
                                               "N_DELETE", "N_EVENT_REPORT"), (
                     ("N_CREATE", _rt_rows(_RT_CREATE_ROWS)),
                     ("N_SET", _rt_rows(_RT_SET_ROWS)),
                     ("N_GET", (
                         Row("INSTANCE_NOT_FOUND", "C112", FAILURE, _RT_NOT_FOUND,
                             "PS3.4 DD.3.2.2.3"),
                     )),
                     ("N_ACTION", (
                         Row("INSTANCE_NOT_FOUND", "C112", FAILURE,
                             "Failed: Machine Verification requested instance not found", "PS3.4 DD.3.2.3.2",
                             verified=ps4("DD.3.2.3.2").confirmed_by(page("PS3.4", "2025b", "DD.3.2.3.2"))),
                     )),
                 )),
    ServiceTable("DISPLAY_SYSTEM_MANAGEMENT", "Display System Management", "PS3.4 Annex EE",
                 "DisplaySystem", ("DISPLAY_SYSTEM",), ("N_GET",)),
    ServiceTable("NON_PATIENT_OBJECT_STORAGE", "Non-Patient Object Storage", "PS3.4 Annex GG",
                 # GG.1.2: C-STORE only; it "does not imply support for any
                 # related Query/Retrieve Service Classes".
                 "NonPatientStorage", ("NON_PATIENT",), ("C_STORE",),
                 excluded=(("C_STORE", ("B000", "B006", "B007")),),
                 note="Its C-STORE codes A700, A900 and C000 lie in CStoreStatus's ranges "
                      "A7xx, A9xx and Cxxx, with the same types."),
    ServiceTable("DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE",
                 "Defined Procedure Protocol Query/Retrieve", "PS3.4 Annex HH",
                 "DefinedProcedureProtocol", ("DEFINED_PROCEDURE_PROTOCOL",), _QR_FAMILY),
    ServiceTable("PROTOCOL_APPROVAL_QUERY_RETRIEVE", "Protocol Approval Query/Retrieve",
                 "PS3.4 Annex II", "ProtocolApproval", ("PROTOCOL_APPROVAL",), _QR_FAMILY),
    ServiceTable("INVENTORY_QUERY_RETRIEVE", "Inventory Query/Retrieve", "PS3.4 Annex JJ",
                 "Inventory", ("INVENTORY",), _QR_FAMILY),
    ServiceTable("STORAGE_MANAGEMENT", "Storage Management", "PS3.4 Annex KK",
                 "StorageManagement", (), ("N_ACTION", "N_EVENT_REPORT"), (
                     # KK.2.2.3 (read in the 2023b page): 0212 when a character
                     # set, matching mechanism or Inventory Level is not supported,
                     # explained in Error Comment; B010 with the unsupported
                     # Attributes in Attribute Identifier List.  The 2023b table
                     # words B010 "Attribute list error - ..."; the compilation
                     # reports that 2025a reads "Attribute List warning - ...".
                     ("N_ACTION", (
                         Row("KEY_ATTRIBUTES_NOT_SUPPORTED", "B010", WARNING,
                             "Attribute list error - One or more of Key Attributes are not "
                             "supported for matching", "PS3.4 KK.2.2.3",
                             (ATTRIBUTE_IDENTIFIER_LIST,),
                             verified=ps4("KK.2.2.3", "Table KK.2.2.3-1")),
                         Row("MISTYPED_ARGUMENT", "0212", FAILURE,
                             "Mistyped argument - one of the parameters supplied has not been "
                             "agreed for use", "PS3.4 KK.2.2.3", (ERROR_COMMENT,),
                             verified=ps4("KK.2.2.3", "Table KK.2.2.3-1")),
                     )),
                 )),
)

# ---------------------------------------------------------------------------
# The verification records.  Every section below was read in the 2024c
# release (PS3.7 DocBook, PS3.4 chtml; see the module docstring) and every
# row citing it was compared with it: code, Status Class, meaning and Related
# Fields.  A row that carries a record of its own (a newer page, or not
# verified) keeps it.  The commands' tables (PS3.7 9.1 and 10.1) were read for
# which general codes each command lists.
# ---------------------------------------------------------------------------
SECTION_READS: dict[str, Check] = {
    **{f"PS3.7 {section}": ps7(section) for section in (
        "C.3.1", "C.4.2", "C.4.3", *(f"C.5.{n}" for n in range(6, 26)))},
    "PS3.4 B.2.3": ps4("B.2.3", "Table B.2-1"),
    "PS3.4 C.4.1.1.4": ps4("C.4.1.1.4", "Table C.4-1"),
    "PS3.4 C.4.2.1.5": ps4("C.4.2.1.5", "Table C.4-2"),
    "PS3.4 C.4.3.1.4": ps4("C.4.3.1.4", "Table C.4-3"),
    "PS3.4 Y.4.1.1.4": ps4("Y.4.1.1.4", "Table Y.4-1"),
    "PS3.4 Y.4.2.1.4": ps4("Y.4.2.1.4", "Table Y.4-2"),
    "PS3.4 F.8.2.1.4": ps4("F.8.2.1.4", "Table F.8.2-2"),
    "PS3.4 H.4.1.2.1.2": ps4("H.4.1.2.1.2", "Table H.4.1.2.1.2-1"),
    "PS3.4 H.4.1.2.2.2": ps4("H.4.1.2.2.2, which points to H.4.1.2.1.2"),
    "PS3.4 H.4.1.2.4.2": ps4("H.4.1.2.4.2", "Table H.4-4"),
    "PS3.4 H.4.2.2.1.2": ps4("H.4.2.2.1.2", "Table H.4.2.2.1.2-1"),
    "PS3.4 H.4.2.2.2.2": ps4("H.4.2.2.2.2, which points to H.4.2.2.1.2"),
    "PS3.4 H.4.2.2.4.2": ps4("H.4.2.2.4.2", "Table H.4-9"),
    "PS3.4 H.4.3.1.2.1.2": ps4("H.4.3.1.2.1.2", "Table H.4.3.1.2.1.2-1"),
    "PS3.4 P.2.2.4": ps4("P.2.2.4"),
    "PS3.4 P.3.2.4": ps4("P.3.2.4", "Table P.3-3"),
    "PS3.4 Q.2.1.1.4": ps4("Q.2.1.1.4", "Table Q.2-1"),
    "PS3.4 S.3.2.1.4": ps4("S.3.2.1.4"),
    "PS3.4 S.3.2.3.4": ps4("S.3.2.3.4", "Table S.3.2.3.4-1"),
    "PS3.4 S.3.2.4.4": ps4("S.3.2.4.4", "Table S.3.2.4.4-1"),
    **{f"PS3.4 CC.2.{n}.4": ps4(f"CC.2.{n}.4") for n in range(1, 9)},
    "PS3.4 DD.3.2.1.2": ps4("DD.3.2.1.2", "Tables DD.3.2.1.2-1 and -2"),
    "PS3.4 DD.3.2.2.3": ps4("DD.3.2.2.3", "Table DD.3.2.2.3-1"),
}
"""Each section read, and the record of every row citing it."""

COMMAND_LISTS: dict[str, Check] = {t.command: ps7(t.section.removeprefix("PS3.7 "))
                                   for t in _COMMANDS_AS_WRITTEN}
"""The reading of each command's Status parameter in PS3.7 (which codes it lists)."""


def _with_record(row: Row, listing: Check | None = None) -> Row:
    """``row`` with its verification record: its own, or its section's (and,
    for a general code in a command's table, the command's listing)."""
    if row.verified is not None:
        check: Check | None = row.verified
    else:
        check = SECTION_READS.get(row.section)
    if check is not None and listing is not None and row.section.startswith("PS3.7 C.") \
            and row.listed:
        check = check.also(listing)
    return row._replace(verified=check)


# The tables as the generator reads them: each row with its record.
GENERAL: tuple[Row, ...] = tuple(_with_record(row) for row in _GENERAL_AS_WRITTEN)
COMMANDS: tuple[CommandTable, ...] = tuple(
    t._replace(rows=tuple(_with_record(row, COMMAND_LISTS[t.command]) for row in t.rows))
    for t in _COMMANDS_AS_WRITTEN)
SERVICES: tuple[ServiceTable, ...] = tuple(
    service._replace(own=tuple((command, tuple(_with_record(row) for row in rows))
                               for command, rows in service.own))
    for service in _SERVICES_AS_WRITTEN)


class TableUse(NamedTuple):
    """Which table of the standard a service's statuses for a command are."""

    section: str  # the section (and table) the service's own text routes the command to
    verified: Check


def _see(own: str, target: str) -> TableUse:
    """A service section that routes the command to another table: both read."""
    return TableUse(f"PS3.4 {target}", ps4(f"{own} (routes to {target})").also(
        ps4(target.split(" ")[0])))


_NO_OWN = "PS3.7 (no service-specific codes)"


def _none(section: str) -> TableUse:
    """A service section saying there are no specific status codes: PS3.7's."""
    return TableUse(_NO_OWN, ps4(f"{section} (no specific Status Codes; see PS3.7)"))


SERVICE_TABLES: dict[tuple[str, str], TableUse] = {
    ("VERIFICATION", "C_ECHO"): TableUse("PS3.7 9.1.5.1.4", ps4("A.2, A.3 (see PS3.7)").also(
        ps7("9.1.5.1.4"))),
    ("STORAGE", "C_STORE"): TableUse("PS3.4 B.2.3 (Table B.2-1)", ps4("B.2.3", "Table B.2-1")),
    ("QUERY_RETRIEVE", "C_FIND"): TableUse("PS3.4 C.4.1.1.4 (Table C.4-1); C.6.4.3",
                                           ps4("C.4.1.1.4 and C.6.4.3")),
    ("QUERY_RETRIEVE", "C_MOVE"): TableUse("PS3.4 C.4.2.1.5 (Table C.4-2)",
                                           ps4("C.4.2.1.5", "Table C.4-2")),
    ("QUERY_RETRIEVE", "C_GET"): TableUse("PS3.4 C.4.3.1.4 (Table C.4-3)",
                                          ps4("C.4.3.1.4", "Table C.4-3")),
    ("PROCEDURE_STEP", "N_CREATE"): _none("F.7.2.1.4"),
    ("PROCEDURE_STEP", "N_SET"): TableUse("PS3.4 F.7.2.2.4 (Table F.7.2-2)",
                                          ps4("F.7.2.2.4", "Table F.7.2-2")),
    ("PROCEDURE_STEP", "N_GET"): TableUse("PS3.4 F.8.2.1.4 (Table F.8.2-2)",
                                          ps4("F.8.2.1.4", "Table F.8.2-2")),
    ("PROCEDURE_STEP", "N_EVENT_REPORT"): _none("F.9.2.3"),
    ("PRINT_MANAGEMENT", "N_CREATE"): TableUse("PS3.4 H.4.1.2.1.2, H.4.2.2.1.2",
                                               ps4("H.4.1.2.1.2 and H.4.2.2.1.2")),
    ("PRINT_MANAGEMENT", "N_SET"): TableUse(
        "PS3.4 H.4.1.2.2.2, H.4.2.2.2.2, H.4.3.1.2.1.2",
        ps4("H.4.1.2.2.2, H.4.2.2.2.2 and H.4.3.1.2.1.2")),
    ("PRINT_MANAGEMENT", "N_GET"): _none("H.4.11.2.2.3"),
    ("PRINT_MANAGEMENT", "N_ACTION"): TableUse("PS3.4 H.4.1.2.4.2, H.4.2.2.4.2",
                                               ps4("H.4.1.2.4.2 and H.4.2.2.4.2")),
    ("PRINT_MANAGEMENT", "N_DELETE"): _none("H.4.1.2.3.1 and H.4.2.2.3.2"),
    ("PRINT_MANAGEMENT", "N_EVENT_REPORT"): TableUse(
        "PS3.4 H.2.5 (PS3.7's categories)", ps4("H.2.5 (Status Code categories of PS3.7)")),
    ("STORAGE_COMMITMENT", "N_ACTION"): _none("J.3.2.1.4"),
    ("STORAGE_COMMITMENT", "N_EVENT_REPORT"): _none("J.3.3.1.4"),
    ("BASIC_WORKLIST_MANAGEMENT", "C_FIND"): TableUse("PS3.4 K.4.1.1.4 (Table K.4-1)",
                                                      ps4("K.4.1.1.4", "Table K.4-1")),
    ("APPLICATION_EVENT_LOGGING", "N_ACTION"): TableUse("PS3.4 P.2.2.4; P.3.2.4 (Table P.3-3)",
                                                        ps4("P.2.2.4 and P.3.2.4")),
    ("RELEVANT_PATIENT_INFORMATION_QUERY", "C_FIND"): TableUse(
        "PS3.4 Q.2.1.1.4 (Table Q.2-1)", ps4("Q.2.1.1.4", "Table Q.2-1")),
    ("INSTANCE_AVAILABILITY_NOTIFICATION", "N_CREATE"): _none("R.3.2.1.4"),
    ("MEDIA_CREATION_MANAGEMENT", "N_CREATE"): TableUse("PS3.4 S.3.2.1.4", ps4("S.3.2.1.4")),
    ("MEDIA_CREATION_MANAGEMENT", "N_ACTION"): TableUse(
        "PS3.4 S.3.2.3.4 (Table S.3.2.3.4-1)", ps4("S.3.2.2.4 and S.3.2.3.4")),
    ("MEDIA_CREATION_MANAGEMENT", "N_GET"): TableUse("PS3.4 S.3.2.4.4 (Table S.3.2.4.4-1)",
                                                     ps4("S.3.2.4.4", "Table S.3.2.4.4-1")),
    ("SUBSTANCE_ADMINISTRATION_QUERY", "C_FIND"): TableUse(
        "PS3.4 V.4.1.1.4 (Table V.4-1)", ps4("V.4.1.1.4", "Table V.4-1")),
    ("COMPOSITE_INSTANCE_ROOT_RETRIEVE", "C_MOVE"): TableUse(
        "PS3.4 Y.4.1.1.4 (Table Y.4-1)", ps4("Y.4.1.1.4", "Table Y.4-1")),
    ("COMPOSITE_INSTANCE_ROOT_RETRIEVE", "C_GET"): TableUse(
        "PS3.4 Y.4.2.1.4 (Table Y.4-2)", ps4("Y.4.2.1.4", "Table Y.4-2")),
    ("COMPOSITE_INSTANCE_RETRIEVE_WITHOUT_BULK_DATA", "C_GET"): TableUse(
        "PS3.4 Z.4.2.1.4 (Table Z.4-1)", ps4("Z.4.2.1.4", "Table Z.4-1")),
    **{(service, "C_FIND"): _see(f"{letter}.4.1" if letter != "JJ" else "JJ.3.1",
                                 "K.4.1.1.4 (Table K.4-1)")
       for service, letter in (("HANGING_PROTOCOL_QUERY_RETRIEVE", "U"),
                               ("COLOR_PALETTE_QUERY_RETRIEVE", "X"),
                               ("IMPLANT_TEMPLATE_QUERY_RETRIEVE", "BB"),
                               ("DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE", "HH"),
                               ("PROTOCOL_APPROVAL_QUERY_RETRIEVE", "II"),
                               ("INVENTORY_QUERY_RETRIEVE", "JJ"))},
    **{(service, command): _see(f"{letter}.4.{n}" if letter != "JJ" else f"JJ.3.{n}",
                                f"{target} (Table {table})")
       for service, letter in (("HANGING_PROTOCOL_QUERY_RETRIEVE", "U"),
                               ("COLOR_PALETTE_QUERY_RETRIEVE", "X"),
                               ("IMPLANT_TEMPLATE_QUERY_RETRIEVE", "BB"),
                               ("DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE", "HH"),
                               ("PROTOCOL_APPROVAL_QUERY_RETRIEVE", "II"),
                               ("INVENTORY_QUERY_RETRIEVE", "JJ"))
       for command, n, target, table in (("C_MOVE", 2, "C.4.2.1.5", "C.4-2"),
                                         ("C_GET", 3, "C.4.3.1.4", "C.4-3"))},
    **{("UNIFIED_PROCEDURE_STEP", command): TableUse(f"PS3.4 {section}", ps4(section))
       for command, section in (("N_CREATE", "CC.2.5.4"), ("N_SET", "CC.2.6.4"),
                                ("N_GET", "CC.2.7.4"),
                                ("N_ACTION", "CC.2.1.4, CC.2.2.4 and CC.2.3.4"),
                                ("C_FIND", "CC.2.8.4 (Table CC.2.8-2)"))},
    ("UNIFIED_PROCEDURE_STEP", "N_EVENT_REPORT"): _none("CC.2.4.4"),
    ("RT_MACHINE_VERIFICATION", "N_CREATE"): TableUse("PS3.4 DD.3.2.1.2 (Table DD.3.2.1.2-1)",
                                                      ps4("DD.3.2.1.2")),
    ("RT_MACHINE_VERIFICATION", "N_SET"): TableUse("PS3.4 DD.3.2.1.2 (Table DD.3.2.1.2-2)",
                                                   ps4("DD.3.2.1.2")),
    ("RT_MACHINE_VERIFICATION", "N_GET"): TableUse("PS3.4 DD.3.2.2.3 (Table DD.3.2.2.3-1)",
                                                   ps4("DD.3.2.2.3")),
    ("RT_MACHINE_VERIFICATION", "N_ACTION"): TableUse(
        "PS3.4 DD.3.2.3.2 (Table DD.3.2.3-2)",
        ps4("DD.3.2.3.2").confirmed_by(page("PS3.4", "2025b", "DD.3.2.3.2"))),
    ("RT_MACHINE_VERIFICATION", "N_DELETE"): _none("DD.3.2.4.2"),
    ("RT_MACHINE_VERIFICATION", "N_EVENT_REPORT"): _none("DD.3.2.5.2"),
    ("DISPLAY_SYSTEM_MANAGEMENT", "N_GET"): _none("EE.2.2.1.3"),
    ("NON_PATIENT_OBJECT_STORAGE", "C_STORE"): TableUse(
        "PS3.4 GG.4.2 (Table GG.4-1)", ps4("GG.4.2", "Table GG.4-1: no Warning")),
    ("STORAGE_MANAGEMENT", "N_ACTION"): TableUse("PS3.4 KK.2.2.3 (Table KK.2.2.3-1)",
                                                 ps4("KK.2.2.3", "Table KK.2.2.3-1")),
    ("STORAGE_MANAGEMENT", "N_EVENT_REPORT"): _none("KK.2.3.3"),
}
"""Every (service, command) pair: the table of the standard the service's
statuses for the command are, and what was read for it."""


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
        "N-GET, N-SET, N-CREATE; C-STORE and every DIMSE-N command", "0107; 0117",
        "Attribute List Error; Invalid Object Instance",
        "PS3.7 2025b: C.4.2 Attribute List warning (CP-2384); C.5.12 Invalid SOP Instance",
        "The current names: ATTRIBUTE_LIST_WARNING and INVALID_SOP_INSTANCE; the earlier "
        "member names ATTRIBUTE_LIST_ERROR and INVALID_OBJECT_INSTANCE remain as aliases."),
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
        "C-MOVE", "0000, B000",
        "Sub-operations Complete - No Failures or Warnings; Sub-operations Complete - One "
        "or more Failures or Warnings (C-GET's wording)",
        "PS3.4 C.4.2.1.5 (Table C.4-2) as the rows' records read it (2024c): Sub-operations "
        "Complete - No Failures; Sub-operations Complete - One or more Failures",
        "The wording of C-MOVE's table; C-GET keeps its own (\"... or Warnings\")."),
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


# ---------------------------------------------------------------------------
# Where pynetdicom's service status tables (pynetdicom.status) and these differ.
# tests/test_pynetdicom_services.py computes every difference in type or
# coverage and requires the "type" and "coverage" rows here to be exactly
# those; the "meaning" rows document differences of wording or scope with the
# same type.  Rendered into docs/service-tables.md.
# ---------------------------------------------------------------------------


class ReferenceDifference(NamedTuple):
    """A difference from a reference implementation's table."""

    service: str  # the Service member's name
    code: str
    kind: str  # "type", "coverage" or "meaning"
    reference: str  # what the reference does
    standard: str  # what the standard says
    resolution: str  # what dimse-status does


_QR_LIKE = ("HANGING_PROTOCOL_QUERY_RETRIEVE", "COLOR_PALETTE_QUERY_RETRIEVE",
            "IMPLANT_TEMPLATE_QUERY_RETRIEVE", "DEFINED_PROCEDURE_PROTOCOL_QUERY_RETRIEVE",
            "PROTOCOL_APPROVAL_QUERY_RETRIEVE", "INVENTORY_QUERY_RETRIEVE")

PYNETDICOM_DIFFERENCES: tuple[ReferenceDifference, ...] = tuple(
    ReferenceDifference(
        service, "A710, B001", "coverage",
        "uses the Q/R C-FIND table, with Invalid Prior Record Key (A710) and Matching reached "
        "response limit (B001)",
        "A710 and B001 belong to the Q/R Repository Query (C.6.4.5); this service's C-FIND "
        "table does not list them",
        "Not statuses of this service: A710 reads as an Annex C Failure and B001 as an Annex C "
        "Warning (member None), the same types.")
    for service in _QR_LIKE
) + (
    ReferenceDifference(
        "UNIFIED_PROCEDURE_STEP", "C310", "meaning",
        "one meaning for every command: The UPS is not yet in the IN PROGRESS state",
        "N-ACTION (CC.2.1.4): not yet IN PROGRESS; N-SET (CC.2.6.4): not in the IN PROGRESS "
        "state",
        "UPSNActionStatus.NOT_YET_IN_PROGRESS and UPSNSetStatus.NOT_IN_PROGRESS; both "
        "Failures."),
    ReferenceDifference(
        "UNIFIED_PROCEDURE_STEP", "B300-C315", "meaning",
        "one table for every UPS command",
        "each code belongs to the commands whose tables list it (CC.2.1-CC.2.7)",
        "A code is the service's own only for those commands; for another command it reads "
        "as that command's (e.g. C309 is a UPS status for N-CREATE only)."),
    ReferenceDifference(
        "PROCEDURE_STEP", "0110", "meaning",
        "Performed Procedure Step object may no longer be updated, for every command",
        "F.7.2.2.4 gives that meaning for N-SET",
        "ProcedureStepNSetStatus.MAY_NO_LONGER_BE_UPDATED for N-SET; Processing Failure "
        "otherwise. Both Failures."),
    ReferenceDifference(
        "PRINT_MANAGEMENT", "B600-C616", "meaning",
        "one table for every Print Management command",
        "each Print Management SOP Class lists its codes for its own commands (H.4)",
        "Tied to N-CREATE, N-SET or N-ACTION as H.4 lists them; C601 (Film Session) and C602 "
        "(Film Box) keep their separate sections."),
    ReferenceDifference(
        "NON_PATIENT_OBJECT_STORAGE", "A700, A900, C000", "meaning",
        "single codes",
        "GG lists the codes; C-STORE's A7xx, A9xx and Cxxx ranges (B.2.3) cover them",
        "Resolved by CStoreStatus's ranges, with the same types."),
    ReferenceDifference(
        "RELEVANT_PATIENT_INFORMATION_QUERY", "C000", "meaning",
        "the single code C000",
        "C-FIND's Unable to process is the range Cxxx (C.4.1.1.4)",
        "Cxxx resolves to UNABLE_TO_PROCESS; C100 and C200 are the service's own."),
)


# ---------------------------------------------------------------------------
# Where dimse_status.compat and the real pynetdicom2 0.9.8 statuses module
# differ: every one a correction from the standard.  The differential test
# (tests/test_pynetdicom2_compat.py) sweeps every code for every command and
# requires each difference to match a row here, and each row to match one.
# Rendered into docs/pynetdicom2.md.
# ---------------------------------------------------------------------------


class CompatDifference(NamedTuple):
    """A correction dimse_status.compat makes to pynetdicom2's answers."""

    commands: tuple[str, ...]  # command labels, "none" for no command, () for all
    codes: str  # patterns: "Bxxx", "0107", "AA00-AA04", comma-separated
    field: str  # "status_type" or "description" (a status_type row covers both)
    pynetdicom2: str
    dimse_status: str
    reason: str


_C_SERVICES_WITHOUT_PENDING = ("C-ECHO", "C-STORE")
_N_COMMANDS = ("N-EVENT-REPORT", "N-GET", "N-SET", "N-ACTION", "N-CREATE", "N-DELETE")

PYNETDICOM2_DIFFERENCES: tuple[CompatDifference, ...] = (
    CompatDifference(
        (), "Bxxx, 0001", "status_type", "Failure (Unknown Status)",
        "Warning (Unknown Warning)",
        "PS3.7 Annex C: codes Bxxx and 0001 are in the Warning class; an unknown code keeps "
        "its class."),
    CompatDifference(
        (), "Axxx, Cxxx, 01xx, 02xx", "description", "Unknown Status",
        "Unknown Failure (Annex C: ...)",
        "PS3.7 Annex C: Axxx, Cxxx, 01xx and 02xx are Failures; the description says so. The "
        "type is the same."),
    CompatDifference(
        ("none", *_C_SERVICES_WITHOUT_PENDING, *_N_COMMANDS), "FF00", "status_type",
        "Failure (Unknown Status)", "Pending",
        "PS3.7 Annex C: FF00 and FF01 are Pending whatever the command."),
    CompatDifference(
        ("none", *_C_SERVICES_WITHOUT_PENDING, "C-GET", "C-MOVE", *_N_COMMANDS), "FF01",
        "status_type", "Failure (Unknown Status)", "Pending",
        "PS3.7 Annex C: FF00 and FF01 are Pending whatever the command."),
    CompatDifference(
        ("none", *_C_SERVICES_WITHOUT_PENDING, *_N_COMMANDS), "FE00", "status_type",
        "Failure (Unknown Status)", "Cancel",
        "PS3.7 C.3.1: FE00 is Cancel whatever the command."),
    CompatDifference(
        (), "0107, 0116", "status_type", "Failure", "Warning",
        "PS3.7 C.4.2, C.4.3: Attribute List Error and Attribute Value Out of Range are "
        "Warnings; the operation was performed."),
    CompatDifference(
        (), "0000", "description", "'' (empty)",
        "Success, or the command's wording (C-FIND, C-GET, C-MOVE)",
        "PS3.7 C.1.1 and PS3.4 C.4: every status has a meaning."),
    CompatDifference(
        ("C-STORE", "C-FIND", "C-GET", "C-MOVE"), "0112", "description",
        "Failed: SOP Class Not Supported",
        "Failed: SOP Class Not Supported (legacy code; the standard's code is 0122H)",
        "PS3.7 C.5.6: Refused: SOP Class Not Supported is 0122H; 0112H is kept for these "
        "commands, marked as legacy."),
    CompatDifference(
        ("none", "C-ECHO", *_N_COMMANDS), "0112", "description",
        "Failed: SOP Class Not Supported", "No Such SOP Instance",
        "PS3.7 C.5.19: 0112H is No Such SOP Instance."),
    CompatDifference(
        (), "0212", "description", "Mistyped argument", "Mistyped Argument",
        "PS3.7 C.5.15's wording."),
    CompatDifference(
        (), "0117", "description", "Invalid Object Instance", "Invalid SOP Instance",
        "PS3.7 C.5.12's title (older texts: Invalid object instance)."),
    CompatDifference(
        (), "0002-00FF, 0300-9FFF, D000-FDFF, FE01-FEFF, FF02-FFFF", "description",
        "Unknown Status", "Unknown Status (no Annex C class: read as a Failure)",
        "PS3.7 Annex C gives these codes no Status Class (implementations shall not send "
        "them); the type stays the seed's Failure, the description says why."),
    CompatDifference(
        ("C-GET",), "AA00-AA04", "description", "Unknown Status",
        "the frame-level retrieve failures", "PS3.4 Y.4.2.1.4 defines them for C-GET too."),
    CompatDifference(
        ("C-MOVE",), "AA03", "description",
        "Failed: Time-based request received for a non-time-based original SOP Instance.",
        "the same without the final period", "PS3.4 Y.4.1.1.4's wording."),
    CompatDifference(
        ("C-FIND",), "FF00, FF01", "description", "Matches are continuing - ... Identifier.",
        "the same without the final period", "PS3.4 C.4.1.1.4's wording."),
)


# ---------------------------------------------------------------------------
# Where the cited reference compilation (shared/reference/dimse-status-codes.json,
# 2020 text plus current pages) and these tables differ.  The compilation is a
# cross-check, not the authority: each row says what the standard's text
# supports and what dimse-status does.  tests/test_reference.py compares every
# row of the compilation and requires its differences to be exactly these.
# Rendered into docs/status-tables.md.
# ---------------------------------------------------------------------------


class CompilationDifference(NamedTuple):
    """A deliberate difference from the reference compilation."""

    table: str  # "general", a command label ("C-FIND") or a Service member name
    command: str  # for a service's table, the command label; "" otherwise
    codes: tuple[str, ...]  # as the compilation writes them (as dimse-status for "extra")
    field: str  # "missing", "extra", "type", "mask", "related" or "commands"
    reference: str  # what the compilation says
    decision: str  # what dimse-status does, and the text that supports it


_RETRIEVE_QR = ("QUERY_RETRIEVE", *_QR_LIKE)

REFERENCE_DIFFERENCES: tuple[CompilationDifference, ...] = (
    *(CompilationDifference(
        label, "", ("0112",), "extra",
        "0112 is not among the command's statuses (PS3.7 lists 0122 Refused: SOP Class not "
        "supported)",
        "Kept as LEGACY_SOP_CLASS_NOT_SUPPORTED: the seed (pynetdicom2) and PS3.2's older "
        "templates read 0112 so for the DIMSE-C services, and peers send it; without a "
        "command 0112 is No Such SOP Instance (C.5.19). See the seed differences.")
      for label in ("C-STORE", "C-FIND", "C-GET", "C-MOVE")),
    CompilationDifference(
        "C-FIND", "", ("0124",), "extra",
        "PS3.7 9.1.2.1.6 (2020 text) does not list 0124 Refused: Not authorized for C-FIND",
        "Kept as CFindStatus.NOT_AUTHORIZED: an Annex C code whose meaning does not depend on "
        "the command (C.5.25), and PS3.4 CC.2.8.3 points C-FIND SCPs to PS3.7's 'Refused: Not "
        "Authorized' code. (0210, 0211 and 0212 were removed: no text lists them for C-FIND.)"),
    *(CompilationDifference(
        service, command, ("0000", "A702", "B000"), "related",
        f"Table C.4-{'2' if command == 'C-MOVE' else '3'}'s Related Fields: Number of "
        "Completed, Failed and Warning Sub-operations (0000,1021)-(0000,1023)",
        "All four counts, Number of Remaining Sub-operations (0000,1020) too: PS3.7 "
        f"{'9.1.4.1.8' if command == 'C-MOVE' else '9.1.3.1.7'} lets it travel with any "
        f"{command} response, and Y.4 (and Z.4 for C-GET) list it for the same codes, so "
        "with_details() accepts what the standard allows.")
      for service in _RETRIEVE_QR for command in ("C-MOVE", "C-GET")),
    CompilationDifference(
        "NON_PATIENT_OBJECT_STORAGE", "C-STORE", ("A700", "A900", "C000"), "mask",
        "Table GG.4-1 writes single codes A700, A900 and C000",
        "The codes of the service's C-STORE are CStoreStatus's: its ranges A7xx, A9xx and "
        "Cxxx (B.2.3) cover them with the same types and meanings, and PS3.4 gives GG no "
        "other meaning for the rest of the ranges."),
    CompilationDifference(
        "RELEVANT_PATIENT_INFORMATION_QUERY", "C-FIND", ("C000",), "mask",
        "Table Q.2-1 writes the single code C000 Unable to process",
        "CFindStatus.UNABLE_TO_PROCESS (Cxxx, C.4.1.1.4) covers it; C100 and C200 are the "
        "service's own codes and win over the range."),
    CompilationDifference(
        "STORAGE_MANAGEMENT", "N-ACTION", ("0110", "0213"), "related",
        "Table KK.2.2.3-1 (as the compilation read it, 2023b and 2025a): Error Comment "
        "(0000,0902) only",
        "Table KK.2.2.3-1 of the 2024c release shows the same (Error Comment only). Kept "
        "PS3.7's fields (C.5.21: Affected SOP Class/Instance UID, Error "
        "Comment, Error ID; C.5.22: none), which 01xx/02xx keep for every service."),
    CompilationDifference(
        "PROCEDURE_STEP", "N-SET", ("0110",), "related",
        "Table F.7.2-2: Error Comment (0000,0902) and Error ID (0000,0903)",
        "Also Affected SOP Class UID (0000,0002) and Affected SOP Instance UID (0000,1000): "
        "0110 is Annex C's Processing Failure (C.5.21, 2024c), whose fields every 01xx code "
        "keeps whatever the service; F.7.2-2 adds the Error Comment and Error ID values."),
    CompilationDifference(
        "UNIFIED_PROCEDURE_STEP", "C-FIND", ("0122",), "related",
        "Table CC.2.8-2 lists 0122 SOP Class not Supported with no Related Fields",
        "Error Comment (0000,0902), as PS3.7 C.5.6 fixes for 0122 whatever the service "
        "(Annex C: 01xx codes keep their meaning and fields)."),
)


# ---------------------------------------------------------------------------
# PS3.18 (DICOMweb): the status values of the Store Instances Response Module
# (Annex I) and the Warning header texts of UPS-RS (chapter 11).  Generated
# into src/dimse_status/dicomweb/data.py and docs/dicomweb-tables.md.
# ---------------------------------------------------------------------------

PS3_18_EDITION = "2024c"
"""The edition of PS3.18 read in full for the rows below (see PS3_18_TEXT)."""
PS3_18_TEXT = ("PS3.18 2024c chtml (github.com/aglv/dicom-spec, branch 2024c, commit "
               "ff269463; DocBook part18.xml of src/2024c says 'DICOM PS3.18 2024c')")
PS3_18_2026A_PAGE = ("PS3.18 2026a page 11.8.3.2 (dicom.nema.org current, as stored by the "
                     "search index; the 2024c text lists only the CANCELED warning)")
WARNING_REASON = "Warning Reason"
FAILURE_REASON = "Failure Reason"


class ReasonRow(NamedTuple):
    """One value PS3.18 defines for Warning Reason (0008,1196) or Failure
    Reason (0008,1197), with PS3.18's own meaning (not C-STORE's)."""

    attribute: str  # WARNING_REASON or FAILURE_REASON
    code: str  # as the standard writes it: "A7xx"
    meaning: str  # PS3.18's Meaning column, verbatim
    explanation: str  # PS3.18's Explanation column, verbatim
    section: str
    verified: str = PS3_18_TEXT


_STORE = "The Studies Store Transaction (Section 10.5)"
# PS3.18 I.2.1, Table I.2-1: "Additional codes may be used for the Warning
# Reason (0008,1196) to address the semantics of other issues."
WARNING_REASONS: tuple[ReasonRow, ...] = (
    ReasonRow(WARNING_REASON, "B000", "Coercion of Data Elements",
              f"{_STORE} modified one or more data elements during storage of the Instance. "
              "See Section 10.5.3.", "PS3.18 I.2.1 (Table I.2-1)"),
    ReasonRow(WARNING_REASON, "B006", "Elements Discarded",
              f"{_STORE} discarded some data elements during storage of the Instance. "
              "See Section 10.5.3.", "PS3.18 I.2.1 (Table I.2-1)"),
    ReasonRow(WARNING_REASON, "B007", "Data Set does not match SOP Class",
              f"{_STORE} observed that the Data Set did not match the constraints of the SOP "
              "Class during storage of the Instance.", "PS3.18 I.2.1 (Table I.2-1)"),
)
# PS3.18 I.2.2, Table I.2-2: "Implementation specific warning and error codes
# shall be defined in the conformance statement."  C122 reads "Referenced
# Transfer Syntax not supported" here, though C-STORE's Cxxx is "Cannot
# understand" (PS3.4 B.2.3); 0110 and 0122 are PS3.7 Annex C general codes.
FAILURE_REASONS: tuple[ReasonRow, ...] = (
    ReasonRow(FAILURE_REASON, "A7xx", "Refused out of Resources",
              f"{_STORE} did not store the Instance because it was out of resources.",
              "PS3.18 I.2.2 (Table I.2-2)"),
    ReasonRow(FAILURE_REASON, "A9xx", "Error: Data Set does not match SOP Class",
              f"{_STORE} did not store the Instance because the Instance does not conform to "
              "its specified SOP Class.", "PS3.18 I.2.2 (Table I.2-2)"),
    ReasonRow(FAILURE_REASON, "Cxxx", "Error: Cannot understand",
              f"{_STORE} did not store the Instance because it cannot understand certain Data "
              "Elements.", "PS3.18 I.2.2 (Table I.2-2)"),
    ReasonRow(FAILURE_REASON, "C122", "Referenced Transfer Syntax not supported",
              f"{_STORE} did not store the Instance because it does not support the requested "
              "Transfer Syntax for the Instance.", "PS3.18 I.2.2 (Table I.2-2)"),
    ReasonRow(FAILURE_REASON, "0110", "Processing failure",
              f"{_STORE} did not store the Instance because of a general failure in "
              "processing the operation.", "PS3.18 I.2.2 (Table I.2-2)"),
    ReasonRow(FAILURE_REASON, "0122", "Referenced SOP Class not supported",
              f"{_STORE} did not store the Instance because it does not support the requested "
              "SOP Class.", "PS3.18 I.2.2 (Table I.2-2)"),
)


class UpsWarningRow(NamedTuple):
    """A Warning header text of a UPS-RS transaction, and the UPS status
    (PS3.4 Annex CC) it stands for."""

    transaction: str  # the PS3.18 transaction
    command: str  # the DIMSE command of the UPS operation: its enum UPS<command>Status
    code: str  # the UPS status's code
    member: str  # its member name in that enum
    text: str  # PS3.18's text after "299 <service>: ", verbatim
    section: str
    match: str  # how the text reads against the status's PS3.4 meaning
    verified: str = PS3_18_TEXT


_WORD_FOR_WORD = "word for word"
UPS_WARNINGS: tuple[UpsWarningRow, ...] = (
    UpsWarningRow("Create Workitem", "N_CREATE", "B300", "CREATED_WITH_MODIFICATIONS",
                  "The Workitem was created with modifications.", "PS3.18 11.4.3.2",
                  "PS3.4 CC.2.5.4 says 'The UPS was created with modifications'"),
    UpsWarningRow("Update Workitem", "N_SET", "B305", "COERCED_INVALID_VALUES",
                  "The Workitem was updated with modifications.", "PS3.18 11.6.3.2",
                  "read as B305 'Coerced invalid values to valid values' (PS3.4 CC.2.6.4), "
                  "the one N-SET warning for changes the SCP made"),
    UpsWarningRow("Update Workitem", "N_SET", "0001", "OPTIONAL_ATTRIBUTES_NOT_SUPPORTED",
                  "Requested optional Attributes are not supported.", "PS3.18 11.6.3.2",
                  _WORD_FOR_WORD),
    UpsWarningRow("Update Workitem", "N_SET", "C310", "NOT_IN_PROGRESS",
                  "The target URI did not reference a claimed Workitem.", "PS3.18 11.6.3.2",
                  "read as C310 'The UPS is not in the IN PROGRESS state' (a claimed "
                  "Workitem is one IN PROGRESS)"),
    UpsWarningRow("Update Workitem", "N_SET", "C300", "MAY_NO_LONGER_BE_UPDATED",
                  "The submitted request is inconsistent with the current state of the "
                  "Workitem.", "PS3.18 11.6.3.2",
                  "read as C300 'The UPS may no longer be updated', the N-SET state failure "
                  "besides C310"),
    UpsWarningRow("Change Workitem State", "N_ACTION", "B304", "ALREADY_CANCELED",
                  "The UPS is already in the requested state of CANCELED.", "PS3.18 11.7.3.2",
                  _WORD_FOR_WORD),
    UpsWarningRow("Change Workitem State", "N_ACTION", "B306", "ALREADY_COMPLETED",
                  "The UPS is already in the requested state of COMPLETED.", "PS3.18 11.7.3.2",
                  _WORD_FOR_WORD),
    UpsWarningRow("Change Workitem State", "N_ACTION", "C301", "WRONG_TRANSACTION_UID",
                  "The Transaction UID is missing.", "PS3.18 11.7.3.2",
                  "PS3.4 CC.2.1.4 has one code for both: 'The correct Transaction UID was "
                  "not provided'"),
    UpsWarningRow("Change Workitem State", "N_ACTION", "C301", "WRONG_TRANSACTION_UID",
                  "The Transaction UID is incorrect.", "PS3.18 11.7.3.2",
                  "PS3.4 CC.2.1.4 has one code for both: 'The correct Transaction UID was "
                  "not provided'"),
    UpsWarningRow("Change Workitem State", "N_ACTION", "C300", "MAY_NO_LONGER_BE_UPDATED",
                  "The submitted request is inconsistent with the state of the UPS Instance.",
                  "PS3.18 11.7.3.2",
                  "one text for every state conflict of PS3.4 CC.2.1.4 (C300, C302, C303, "
                  "C304, C310); read as C300 'The UPS may no longer be updated'"),
    UpsWarningRow("Request Cancellation", "N_ACTION", "B304", "ALREADY_CANCELED",
                  "The UPS is already in the requested state of CANCELED.", "PS3.18 11.8.3.2",
                  _WORD_FOR_WORD),
    UpsWarningRow("Request Cancellation", "N_ACTION", "C311",
                  "ALREADY_COMPLETED_CANNOT_CANCEL", "The UPS is already COMPLETED.",
                  "PS3.18 11.8.3.2", "word for word after 'Refused: ' (PS3.4 CC.2.2.4)",
                  PS3_18_2026A_PAGE),
    UpsWarningRow("Request Cancellation", "N_ACTION", "C313",
                  "PERFORMER_CHOOSES_NOT_TO_CANCEL", "Performer chooses not to cancel.",
                  "PS3.18 11.8.3.2", "word for word after 'Refused: ' (PS3.4 CC.2.2.4)",
                  PS3_18_2026A_PAGE),
    UpsWarningRow("Request Cancellation", "N_ACTION", "C312", "PERFORMER_CANNOT_BE_CONTACTED",
                  "The performer cannot be contacted.", "PS3.18 11.8.3.2",
                  "word for word after 'Refused: ' (PS3.4 CC.2.2.4)", PS3_18_2026A_PAGE),
    UpsWarningRow("Subscribe", "N_ACTION", "B301", "DELETION_LOCK_NOT_GRANTED",
                  "Deletion Lock not granted.", "PS3.18 11.10.3.2", _WORD_FOR_WORD),
)
# PS3.18 11.10.3.2 also has "Filtered Worklist Subscriptions are not
# supported." (with 403): no UPS status stands for it, so it has no row.
