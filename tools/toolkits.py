"""What DICOM toolkits call the statuses, and the codes they send of their own.

The companion of ``tools/standard.py``: the single source of truth for the
toolkit data, transcribed from each toolkit's source at the version and
commit recorded with it.

* ``Toolkit.names``: the name each toolkit gives a status -- DCMTK's
  ``STATUS_*`` defines (``dcmnet/dimse.h``), dcm4che's ``Status`` constants,
  fo-dicom's ``DicomStatus`` fields and pynetdicom's ``status.Status``
  members -- with the commands (and service) the toolkit uses it with.  A
  name resolves there to a member with the same code and type, unless its
  ``difference`` says why not (tests/test_toolkits.py checks both ways).
* ``Toolkit.codes``: the codes a toolkit sends in situations of its own
  (pynetdicom's ``C211`` when the C-STORE handler raised ...), each with the
  situation and where the toolkit's source sends it.  ``private`` and
  ``retired`` codes make the toolkit's opt-in registry ("pack"); ``standard``
  rows record a standard code the toolkit sends for a situation the
  standard's meaning does not tell (pynetdicom answers 0000 Success when the
  C-ECHO handler raised): they explain, but are not registered.

Codes are written as the toolkit writes them, as four hex digits, with ``x``
for every digit of a masked range (fo-dicom's ``A7xx``).  Commands and
services are the names of ``dimse_status.Command`` and ``Service`` members.
"""

from __future__ import annotations

from typing import NamedTuple

from standard import CANCEL, FAILURE, PENDING, SUCCESS, WARNING

PRIVATE = "private"  # not a status the current standard defines for these commands
RETIRED = "retired"  # a status the standard defined once and has retired
STANDARD = "standard"  # a standard code, sent for a situation of the toolkit's own


class Where(NamedTuple):
    """A context a toolkit uses a name in."""

    command: str = ""  # a Command member's name; "" for no command (GeneralStatus)
    service: str = ""  # a Service member's name; "" for the command's own statuses


def on(*commands: str, service: str = "") -> tuple[Where, ...]:
    """These commands, in ``service``'s context when one is given."""
    return tuple(Where(command, service) for command in commands)


GENERAL = (Where(),)  # the PS3.7 Annex C general codes, whatever the command
_QR = ("C_FIND", "C_GET", "C_MOVE")
_RETRIEVE = ("C_GET", "C_MOVE")
_N = ("N_EVENT_REPORT", "N_GET", "N_SET", "N_ACTION", "N_CREATE", "N_DELETE")


class ToolkitName(NamedTuple):
    """A toolkit's name for a status."""

    name: str  # as the toolkit spells it: STATUS_STORE_Success, Status.Success ...
    code: str
    type: str  # the type the toolkit gives it (or its code's Annex C class)
    where: tuple[Where, ...]  # where the toolkit uses it
    difference: str = ""  # why it has no standard member there; "" if it has
    note: str = ""
    since: str = ""  # the toolkit's version that added it, if newer than the recorded one


class ToolkitCode(NamedTuple):
    """A code a toolkit sends in a situation of its own."""

    code: str
    type: str
    description: str
    commands: tuple[str, ...]  # the commands whose responses carry it
    situation: str  # when the toolkit sends it
    source: str  # where in the toolkit's source (and documentation)
    kind: str = PRIVATE
    last_sent: str = ""  # the last version that sends it, if the recorded one does not
    # The commands whose standard masked range holds the code (a toolkit's
    # deliberate refinement of e.g. C-STORE's Cxxx "Cannot understand", with
    # the range's type).  tests/test_toolkits.py computes and checks it.
    refines: tuple[str, ...] = ()


class Toolkit(NamedTuple):
    """One toolkit's data and where it comes from."""

    name: str
    version: str
    commit: str  # the release's commit in the upstream repository
    repository: str
    files: tuple[str, ...]  # the files the data is transcribed from
    names: tuple[ToolkitName, ...]
    codes: tuple[ToolkitCode, ...] = ()
    note: str = ""


# ---------------------------------------------------------------------------
# pynetdicom 3.0.4: the SCP's own codes (pynetdicom/service_class.py,
# pynetdicom/association.py) and the status.Status members.  Its status
# reference (docs/reference/status.rst) lists the codes as used "internally
# within pynetdicom to help aid in debugging", in per-command blocks: C000-C0FF
# any service, C200-C2FF C-STORE, C300-C3FF C-FIND, C400-C4FF C-GET and
# C500-C5FF C-MOVE.
# ---------------------------------------------------------------------------

# The commands whose handler's status ServiceClass.validate_status() checks.
# C-ECHO's SCP checks it itself and answers Success instead (below).
_VALIDATED = ("C_STORE", "C_FIND", "C_GET", "C_MOVE", *_N)
_CX = ("C_STORE", "C_FIND", "C_GET", "C_MOVE")  # the commands with a standard Cxxx range
_SERVICE_CLASS = "pynetdicom/service_class.py"
_STATUS_RST = "docs/reference/status.rst"
_APPS = "pynetdicom/apps/"  # the apps' handlers (storescp, qrscp ...)
_RAISED = ("the handler bound to evt.EVT_{} raised, or no handler is bound (the default "
           "handler raises NotImplementedError)")


def _raised(event: str, where: str) -> str:
    return _RAISED.format(event) + where


PYNETDICOM_CODES: tuple[ToolkitCode, ...] = (
    ToolkitCode(
        "C001", FAILURE,
        "Event handler returned/yielded a status dataset with no (0000,0900) Status element",
        _VALIDATED,
        "the handler returned (or yielded) a pydicom Dataset without a Status element",
        f"{_SERVICE_CLASS} ServiceClass.validate_status(); pynetdicom/association.py "
        f"Association._c_store_scp() (C-STORE sub-operations of a C-GET SCU); {_STATUS_RST}",
        refines=_CX),
    ToolkitCode(
        "C002", FAILURE,
        "Event handler returned/yielded an invalid status object (not a pydicom Dataset or "
        "an int)",
        _VALIDATED,
        "the handler returned (or yielded) a status that is neither an int nor a Dataset",
        f"{_SERVICE_CLASS} ServiceClass.validate_status(); pynetdicom/association.py "
        f"Association._c_store_scp(); {_STATUS_RST}",
        refines=_CX),
    ToolkitCode(
        "C211", FAILURE, "Unhandled exception raised by the handler bound to evt.EVT_C_STORE",
        ("C_STORE",), _raised("C_STORE", " (also as the C-GET SCU's C-STORE sub-operation SCP)"),
        f"{_SERVICE_CLASS} StorageServiceClass.SCP(); pynetdicom/association.py "
        f"Association._c_store_scp(); {_STATUS_RST}",
        refines=("C_STORE",)),
    ToolkitCode(
        "C311", FAILURE, "Unhandled exception raised by the handler bound to evt.EVT_C_FIND",
        ("C_FIND",), _raised("C_FIND", ", or its generator raised while yielding matches"),
        f"{_SERVICE_CLASS} ServiceClass._c_find_scp(), "
        f"RelevantPatientInformationQueryServiceClass.SCP(); {_STATUS_RST}",
        refines=("C_FIND",)),
    ToolkitCode(
        "C312", FAILURE,
        "Failed to encode the dataset received from the handler bound to evt.EVT_C_FIND",
        ("C_FIND",), "a Pending match's Identifier yielded by the handler could not be encoded",
        f"{_SERVICE_CLASS} ServiceClass._c_find_scp(), "
        f"RelevantPatientInformationQueryServiceClass.SCP(); {_STATUS_RST}",
        refines=("C_FIND",)),
    ToolkitCode(
        "C411", FAILURE, "Unhandled exception raised by the handler bound to evt.EVT_C_GET",
        ("C_GET",), _raised("C_GET", ", or its generator raised while yielding"),
        f"{_SERVICE_CLASS} QueryRetrieveServiceClass._get_scp(); {_STATUS_RST}",
        refines=("C_GET",)),
    ToolkitCode(
        "C413", FAILURE,
        "The handler bound to evt.EVT_C_GET yielded an invalid number of sub-operations value",
        ("C_GET",), "int() fails on the handler's first yield (or it yielded nothing)",
        f"{_SERVICE_CLASS} QueryRetrieveServiceClass._get_scp(); {_STATUS_RST}",
        refines=("C_GET",)),
    ToolkitCode(
        "C416", FAILURE,
        "The handler bound to evt.EVT_C_GET yielded more than 65535 matches",
        ("C_GET",),
        "the number of sub-operations yielded is over 65535, the most the Number of "
        "Sub-operations attributes (US) can carry (since pynetdicom 3.0.0; not in its "
        "status reference)",
        f"{_SERVICE_CLASS} QueryRetrieveServiceClass._get_scp()",
        refines=("C_GET",)),
    ToolkitCode(
        "C511", FAILURE, "Unhandled exception raised by the handler bound to evt.EVT_C_MOVE",
        ("C_MOVE",), _raised("C_MOVE", ", or its generator raised while yielding"),
        f"{_SERVICE_CLASS} QueryRetrieveServiceClass._move_scp(); {_STATUS_RST}",
        refines=("C_MOVE",)),
    ToolkitCode(
        "C513", FAILURE,
        "The handler bound to evt.EVT_C_MOVE yielded an invalid number of sub-operations value",
        ("C_MOVE",), "int() fails on the handler's second yield (or it yielded nothing more)",
        f"{_SERVICE_CLASS} QueryRetrieveServiceClass._move_scp(); {_STATUS_RST}",
        refines=("C_MOVE",)),
    ToolkitCode(
        "C514", FAILURE,
        "The handler bound to evt.EVT_C_MOVE failed to yield the (address, port) pair and/or "
        "the number of sub-operations value",
        ("C_MOVE",), "the handler's generator raised (or ended) before its first yield",
        f"{_SERVICE_CLASS} QueryRetrieveServiceClass._move_scp(); {_STATUS_RST}",
        refines=("C_MOVE",)),
    ToolkitCode(
        "C515", FAILURE,
        "The handler bound to evt.EVT_C_MOVE failed to yield a valid (address, port) pair",
        ("C_MOVE",),
        "the destination yielded first is not an (address, port[, kwargs]) sequence, or "
        "associating with it raised",
        f"{_SERVICE_CLASS} QueryRetrieveServiceClass._move_scp(); {_STATUS_RST}",
        refines=("C_MOVE",)),
    ToolkitCode(
        "C516", FAILURE,
        "The handler bound to evt.EVT_C_MOVE yielded more than 65535 matches",
        ("C_MOVE",),
        "the number of sub-operations yielded is over 65535 (since pynetdicom 3.0.0; not in "
        "its status reference)",
        f"{_SERVICE_CLASS} QueryRetrieveServiceClass._move_scp()",
        refines=("C_MOVE",)),
    # Sent by pynetdicom's own apps (pynetdicom/apps/), not by the library: the
    # handlers of storescp, qrscp ... return them.
    ToolkitCode(
        "C210", FAILURE, "Failed to decode the dataset received from the peer", ("C_STORE",),
        "storescp or qrscp (python -m pynetdicom ...) could not decode the received dataset, "
        "or it has no SOP Class UID or SOP Instance UID (the library itself sent it up to "
        "v1.3.1)",
        f"{_APPS}common.py handle_store(); {_APPS}qrscp/handlers.py handle_store(); "
        f"{_STATUS_RST}; sent by {_SERVICE_CLASS} up to v1.3.1 (removed by commit 109df04ac)",
        refines=("C_STORE",)),
    ToolkitCode(
        "C320", FAILURE, "Exception occurred while querying the database", ("C_FIND",),
        "qrscp's C-FIND handler: searching its database raised",
        f"{_APPS}qrscp/handlers.py handle_find()", refines=("C_FIND",)),
    ToolkitCode(
        "C322", FAILURE, "Error creating the response Identifier", ("C_FIND",),
        "qrscp's C-FIND handler: a match could not be made into a response Identifier",
        f"{_APPS}qrscp/handlers.py handle_find()", refines=("C_FIND",)),
    ToolkitCode(
        "C420", FAILURE, "Exception occurred while querying the database", ("C_GET",),
        "qrscp's C-GET handler: searching its database raised",
        f"{_APPS}qrscp/handlers.py handle_get()", refines=("C_GET",)),
    ToolkitCode(
        "C421", FAILURE, "Error reading a matched file", ("C_GET",),
        "qrscp's C-GET handler: a matched instance's file could not be read",
        f"{_APPS}qrscp/handlers.py handle_get()", refines=("C_GET",)),
    ToolkitCode(
        "C520", FAILURE, "Exception occurred while querying the database", ("C_MOVE",),
        "qrscp's C-MOVE handler: searching its database raised",
        f"{_APPS}qrscp/handlers.py handle_move()", refines=("C_MOVE",)),
    ToolkitCode(
        "C521", FAILURE, "Error reading a matched file", ("C_MOVE",),
        "qrscp's C-MOVE handler: a matched instance's file could not be read",
        f"{_APPS}qrscp/handlers.py handle_move()", refines=("C_MOVE",)),
    # Documented, but no longer sent: decoding the request's dataset moved to the handler.
    ToolkitCode(
        "C310", FAILURE, "Failed to decode the dataset received from the peer", ("C_FIND",),
        "the C-FIND request's Identifier could not be decoded",
        f"{_STATUS_RST}; sent by {_SERVICE_CLASS} up to v1.4.1 (removed by commit 46060e444)",
        last_sent="1.4.1", refines=("C_FIND",)),
    ToolkitCode(
        "C410", FAILURE, "Failed to decode the dataset received from the peer", ("C_GET",),
        "the C-GET request's Identifier could not be decoded",
        f"{_STATUS_RST}; sent by {_SERVICE_CLASS} up to v1.3.1 (removed by commit 109df04ac)",
        last_sent="1.3.1", refines=("C_GET",)),
    ToolkitCode(
        "C510", FAILURE, "Failed to decode the dataset received from the peer", ("C_MOVE",),
        "the C-MOVE request's Identifier could not be decoded",
        f"{_STATUS_RST}; sent by {_SERVICE_CLASS} up to v1.4.1 (removed by commit 46060e444)",
        last_sent="1.4.1", refines=("C_MOVE",)),
    # Standard codes for situations of pynetdicom's own.
    ToolkitCode(
        "0110", FAILURE, "Processing Failure", _N,
        _raised("N_*", "; also when the reply's dataset cannot be encoded, or an N-CREATE "
                "Success has no Affected SOP Instance UID"),
        f"{_SERVICE_CLASS} ServiceClass._n_action_scp() ... _n_set_scp()", kind=STANDARD),
    ToolkitCode(
        "0000", SUCCESS, "Success", ("C_ECHO",),
        "the handler bound to evt.EVT_C_ECHO raised, or returned an invalid status or a "
        "Dataset without Status: pynetdicom answers Success",
        f"{_SERVICE_CLASS} VerificationServiceClass.SCP()", kind=STANDARD),
)

PYNETDICOM_NAMES: tuple[ToolkitName, ...] = (
    ToolkitName("Status.SUCCESS", "0000", SUCCESS, GENERAL),
    ToolkitName("Status.CANCEL", "FE00", CANCEL, GENERAL),
    ToolkitName("Status.PENDING", "FF00", PENDING, on(*_QR)),
    ToolkitName("Status.MOVE_DESTINATION_UNKNOWN", "A801", FAILURE, on("C_MOVE")),
)

# ---------------------------------------------------------------------------
# DCMTK 3.6.7 (Debian's libdcmtk-dev 3.6.7-9~deb12u4): every STATUS_* define
# of dcmnet/include/dcmtk/dcmnet/dimse.h, and the one 3.7.0 adds.  The type is
# the one DCMTK's own DICOM_*_STATUS() macros give the code.  DCMTK sends no
# codes of its own: its tools send these standard ones.
# ---------------------------------------------------------------------------

_PRINT = "PRINT_MANAGEMENT"
_LOG = "APPLICATION_EVENT_LOGGING"
_MEDIA = "MEDIA_CREATION_MANAGEMENT"
_RELEVANT = "RELEVANT_PATIENT_INFORMATION_QUERY"
_UPS = "UNIFIED_PROCEDURE_STEP"
_DEPRECATED = "deprecated in dimse.h, will be removed in a future version"
_C604 = ("retired: PS3.4 no longer defines C604 (dimse.h: retired, see DICOM PS3.4; "
         "dimdump.cc: Basic film session/box failure - Position collision); it reads as "
         "an Annex C Failure")
_C606 = ("not in the current PS3.4, though dimse.h does not mark it retired (dimdump.cc: "
         "Image box failure - More than one VOI LUT); it reads as an Annex C Failure")
_OPTIONAL_ATTRIBUTES = (Where("N_GET"), Where("N_GET", "PROCEDURE_STEP"), Where("N_GET", _MEDIA),
                        Where("N_GET", _UPS), Where("N_SET", _UPS))

# dimse.h groups the STATUS_N_* codes as the DIMSE-N commands' (DCMTK prints
# them for N-command responses only): each is offered for the N-commands
# whose PS3.7 statuses hold its code.
_NO_N_MEMBER = "no DIMSE-N command of PS3.7 lists the code; dimse.h names it for them"
_N_BUT_CREATE = ("N_EVENT_REPORT", "N_GET", "N_SET", "N_ACTION", "N_DELETE")
_N_BUT_EVENT = ("N_GET", "N_SET", "N_ACTION", "N_CREATE", "N_DELETE")

DCMTK_NAMES: tuple[ToolkitName, ...] = (
    ToolkitName("STATUS_Success", "0000", SUCCESS, GENERAL),
    ToolkitName("STATUS_Pending", "FF00", PENDING, on(*_QR), note=_DEPRECATED),
    ToolkitName("STATUS_ECHO_Success", "0000", SUCCESS, on("C_ECHO")),
    ToolkitName("STATUS_ECHO_Refused_SOPClassNotSupported", "0122", FAILURE, on("C_ECHO")),
    ToolkitName("STATUS_ECHO_DuplicateInvocation", "0210", FAILURE, on("C_ECHO")),
    ToolkitName("STATUS_ECHO_UnrecognizedOperation", "0211", FAILURE, on("C_ECHO")),
    ToolkitName("STATUS_ECHO_MistypedArgument", "0212", FAILURE, on("C_ECHO")),
    ToolkitName("STATUS_STORE_Success", "0000", SUCCESS, on("C_STORE")),
    ToolkitName("STATUS_STORE_Refused_SOPClassNotSupported", "0122", FAILURE, on("C_STORE")),
    ToolkitName("STATUS_STORE_Refused_NotAuthorized", "0124", FAILURE, on("C_STORE")),
    ToolkitName("STATUS_STORE_InvalidSOPClass", "0117", FAILURE, on("C_STORE"),
                note="0117H is Invalid SOP Instance (PS3.7 C.5.12)"),
    ToolkitName("STATUS_STORE_DuplicateInvocation", "0210", FAILURE, on("C_STORE")),
    ToolkitName("STATUS_STORE_UnrecognizedOperation", "0211", FAILURE, on("C_STORE")),
    ToolkitName("STATUS_STORE_MistypedArgument", "0212", FAILURE, on("C_STORE")),
    ToolkitName("STATUS_STORE_Refused_OutOfResources", "A700", FAILURE, on("C_STORE"),
                note="dimse.h: significant in the high byte only (A7xx)"),
    ToolkitName("STATUS_STORE_Error_DataSetDoesNotMatchSOPClass", "A900", FAILURE,
                on("C_STORE"), note="dimse.h: significant in the high byte only (A9xx)"),
    ToolkitName("STATUS_STORE_Error_CannotUnderstand", "C000", FAILURE, on("C_STORE"),
                note="dimse.h: significant in the high nibble only (Cxxx)"),
    ToolkitName("STATUS_STORE_Warning_CoercionOfDataElements", "B000", WARNING, on("C_STORE")),
    ToolkitName("STATUS_STORE_Warning_DataSetDoesNotMatchSOPClass", "B007", WARNING,
                on("C_STORE")),
    ToolkitName("STATUS_STORE_Warning_ElementsDiscarded", "B006", WARNING, on("C_STORE")),
    ToolkitName("STATUS_FIND_Success", "0000", SUCCESS, on("C_FIND")),
    ToolkitName("STATUS_FIND_Refused_SOPClassNotSupported", "0122", FAILURE, on("C_FIND")),
    ToolkitName("STATUS_FIND_Cancel", "FE00", CANCEL, on("C_FIND")),
    ToolkitName("STATUS_FIND_Success_MatchingIsComplete", "0000", SUCCESS, on("C_FIND")),
    ToolkitName("STATUS_FIND_Refused_OutOfResources", "A700", FAILURE, on("C_FIND")),
    ToolkitName("STATUS_FIND_Failed_IdentifierDoesNotMatchSOPClass", "A900", FAILURE,
                on("C_FIND"), note=_DEPRECATED),
    ToolkitName("STATUS_FIND_Error_DataSetDoesNotMatchSOPClass", "A900", FAILURE,
                on("C_FIND")),
    ToolkitName("STATUS_FIND_Failed_UnableToProcess", "C000", FAILURE, on("C_FIND"),
                note="dimse.h: significant in the high nibble only (Cxxx)"),
    ToolkitName("STATUS_FIND_Failed_MoreThanOneMatchFound", "C100", FAILURE,
                on("C_FIND", service=_RELEVANT)),
    ToolkitName("STATUS_FIND_Failed_UnableToSupportRequestedTemplate", "C200", FAILURE,
                on("C_FIND", service=_RELEVANT)),
    ToolkitName("STATUS_FIND_Cancel_MatchingTerminatedDueToCancelRequest", "FE00", CANCEL,
                on("C_FIND")),
    ToolkitName("STATUS_FIND_Pending_MatchesAreContinuing", "FF00", PENDING, on("C_FIND")),
    ToolkitName("STATUS_FIND_Pending_WarningUnsupportedOptionalKeys", "FF01", PENDING,
                on("C_FIND")),
    ToolkitName("STATUS_MOVE_Success", "0000", SUCCESS, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Refused_SOPClassNotSupported", "0122", FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Refused_NotAuthorized", "0124", FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Cancel", "FE00", CANCEL, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_DuplicateInvocation", "0210", FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_UnrecognizedOperation", "0211", FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_MistypedArgument", "0212", FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Success_SubOperationsCompleteNoFailures", "0000", SUCCESS,
                on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Refused_OutOfResourcesNumberOfMatches", "A701", FAILURE,
                on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Refused_OutOfResourcesSubOperations", "A702", FAILURE,
                on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Refused_MoveDestinationUnknown", "A801", FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Failed_SOPClassNotSupported", "0122", FAILURE, on("C_MOVE"),
                note=_DEPRECATED),
    ToolkitName("STATUS_MOVE_Failed_MoveDestinationUnknown", "A801", FAILURE, on("C_MOVE"),
                note=_DEPRECATED),
    ToolkitName("STATUS_MOVE_Failed_IdentifierDoesNotMatchSOPClass", "A900", FAILURE,
                on("C_MOVE"), note=_DEPRECATED),
    ToolkitName("STATUS_MOVE_Error_DataSetDoesNotMatchSOPClass", "A900", FAILURE,
                on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Failed_NoneOfTheFramesWereFoundInSOPInstance", "AA00", FAILURE,
                on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Failed_UnableToCreateNewObjectForThisSOPClass", "AA01", FAILURE,
                on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Failed_UnableToExtractFrames", "AA02", FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Failed_TimeBasedRequestForNonTimeBasedSOPInstance", "AA03",
                FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Failed_InvalidRequest", "AA04", FAILURE, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Failed_UnableToProcess", "C000", FAILURE, on("C_MOVE"),
                note="dimse.h: significant in the high nibble only (Cxxx)"),
    ToolkitName("STATUS_MOVE_Cancel_SubOperationsTerminatedDueToCancelIndication", "FE00",
                CANCEL, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Warning_SubOperationsCompleteOneOrMoreFailures", "B000",
                WARNING, on("C_MOVE")),
    ToolkitName("STATUS_MOVE_Pending_SubOperationsAreContinuing", "FF00", PENDING,
                on("C_MOVE")),
    ToolkitName("STATUS_GET_Success", "0000", SUCCESS, on("C_GET")),
    ToolkitName("STATUS_GET_Refused_SOPClassNotSupported", "0122", FAILURE, on("C_GET")),
    ToolkitName("STATUS_GET_Cancel", "FE00", CANCEL, on("C_GET")),
    ToolkitName("STATUS_GET_DuplicateInvocation", "0210", FAILURE, on("C_GET")),
    ToolkitName("STATUS_GET_UnrecognizedOperation", "0211", FAILURE, on("C_GET")),
    ToolkitName("STATUS_GET_MistypedArgument", "0212", FAILURE, on("C_GET")),
    ToolkitName("STATUS_GET_Success_SubOperationsCompleteNoFailures", "0000", SUCCESS,
                on("C_GET")),
    ToolkitName("STATUS_GET_Refused_OutOfResourcesNumberOfMatches", "A701", FAILURE,
                on("C_GET")),
    ToolkitName("STATUS_GET_Refused_OutOfResourcesSubOperations", "A702", FAILURE,
                on("C_GET")),
    ToolkitName("STATUS_GET_Failed_SOPClassNotSupported", "0122", FAILURE, on("C_GET"),
                note=_DEPRECATED),
    ToolkitName("STATUS_GET_Failed_IdentifierDoesNotMatchSOPClass", "A900", FAILURE,
                on("C_GET"), note=_DEPRECATED),
    ToolkitName("STATUS_GET_Error_DataSetDoesNotMatchSOPClass", "A900", FAILURE, on("C_GET")),
    ToolkitName("STATUS_GET_Failed_NoneOfTheFramesWereFoundInSOPInstance", "AA00", FAILURE,
                on("C_GET")),
    ToolkitName("STATUS_GET_Failed_UnableToCreateNewObjectForThisSOPClass", "AA01", FAILURE,
                on("C_GET")),
    ToolkitName("STATUS_GET_Failed_UnableToExtractFrames", "AA02", FAILURE, on("C_GET")),
    ToolkitName("STATUS_GET_Failed_TimeBasedRequestForNonTimeBasedSOPInstance", "AA03",
                FAILURE, on("C_GET")),
    ToolkitName("STATUS_GET_Failed_InvalidRequest", "AA04", FAILURE, on("C_GET")),
    ToolkitName("STATUS_GET_Failed_UnableToProcess", "C000", FAILURE, on("C_GET"),
                note="dimse.h: significant in the high nibble only (Cxxx)"),
    ToolkitName("STATUS_GET_Cancel_SubOperationsTerminatedDueToCancelIndication", "FE00",
                CANCEL, on("C_GET")),
    ToolkitName("STATUS_GET_Warning_SubOperationsCompleteOneOrMoreFailures", "B000", WARNING,
                on("C_GET")),
    ToolkitName("STATUS_GET_Pending_SubOperationsAreContinuing", "FF00", PENDING,
                on("C_GET")),
    ToolkitName("STATUS_N_Success", "0000", SUCCESS, on(*_N)),
    ToolkitName("STATUS_N_Refused_NotAuthorized", "0124", FAILURE, on(*_N_BUT_EVENT)),
    ToolkitName("STATUS_N_Cancel", "FE00", CANCEL, on(*_N), _NO_N_MEMBER),
    ToolkitName("STATUS_N_AttributeListError", "0107", WARNING, on("N_GET", "N_SET", "N_CREATE"),
                note="deprecated in DCMTK 3.7.0 for STATUS_N_AttributeListWarning"),
    ToolkitName("STATUS_N_AttributeListWarning", "0107", WARNING,
                on("N_GET", "N_SET", "N_CREATE"),
                note="new in DCMTK 3.7.0 (commit ccfd10b84f)", since="3.7.0"),
    ToolkitName("STATUS_N_SOPClassNotSupported", "0122", FAILURE, on(*_N), _NO_N_MEMBER),
    ToolkitName("STATUS_N_ClassInstanceConflict", "0119", FAILURE, on(*_N_BUT_CREATE)),
    ToolkitName("STATUS_N_DuplicateSOPInstance", "0111", FAILURE, on("N_CREATE")),
    ToolkitName("STATUS_N_DuplicateInvocation", "0210", FAILURE, on(*_N)),
    ToolkitName("STATUS_N_InvalidArgumentValue", "0115", FAILURE, on("N_EVENT_REPORT", "N_ACTION")),
    ToolkitName("STATUS_N_InvalidAttributeValue", "0106", FAILURE, on("N_SET", "N_CREATE")),
    ToolkitName("STATUS_N_AttributeValueOutOfRange", "0116", WARNING, on("N_SET", "N_CREATE")),
    ToolkitName("STATUS_N_InvalidObjectInstance", "0117", FAILURE, on(*_N), note=_DEPRECATED),
    ToolkitName("STATUS_N_InvalidSOPInstance", "0117", FAILURE, on(*_N)),
    ToolkitName("STATUS_N_MissingAttribute", "0120", FAILURE, on("N_CREATE")),
    ToolkitName("STATUS_N_MissingAttributeValue", "0121", FAILURE, on("N_SET", "N_CREATE")),
    ToolkitName("STATUS_N_MistypedArgument", "0212", FAILURE, on(*_N)),
    ToolkitName("STATUS_N_NoSuchAction", "0123", FAILURE, on("N_ACTION")),
    ToolkitName("STATUS_N_NoSuchArgument", "0114", FAILURE, on("N_EVENT_REPORT", "N_ACTION")),
    ToolkitName("STATUS_N_NoSuchAttribute", "0105", FAILURE, on("N_SET", "N_CREATE")),
    ToolkitName("STATUS_N_NoSuchEventType", "0113", FAILURE, on("N_EVENT_REPORT")),
    ToolkitName("STATUS_N_NoSuchObjectInstance", "0112", FAILURE, on(*_N_BUT_CREATE),
                note=_DEPRECATED),
    ToolkitName("STATUS_N_NoSuchSOPInstance", "0112", FAILURE, on(*_N_BUT_CREATE)),
    ToolkitName("STATUS_N_NoSuchSOPClass", "0118", FAILURE, on(*_N)),
    ToolkitName("STATUS_N_ProcessingFailure", "0110", FAILURE, on(*_N)),
    ToolkitName("STATUS_N_ResourceLimitation", "0213", FAILURE, on(*_N)),
    ToolkitName("STATUS_N_UnrecognizedOperation", "0211", FAILURE, on(*_N)),
    ToolkitName("STATUS_N_Warning_RequestedOptionalAttributesNotSupported", "0001", WARNING,
                _OPTIONAL_ATTRIBUTES, note="dimse.h: used by multiple services"),
    ToolkitName("STATUS_N_PRINT_BFS_Warn_MemoryAllocation", "B600", WARNING,
                on("N_CREATE", "N_SET", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_Warn_NoSessionPrinting", "B601", WARNING,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_Warn_EmptyPage", "B602", WARNING,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFB_Warn_EmptyPage", "B603", WARNING,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_BFB_IB_Warn_ImageDemagnified", "B604", WARNING,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_BFB_IB_Warn_ImageCropped", "B609", WARNING,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_BFB_IB_Warn_ImageDecimated", "B60A", WARNING,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_Fail_NoFilmBox", "C600", FAILURE,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_Fail_PrintQueueFull", "C601", FAILURE,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFB_Fail_PrintQueueFull", "C602", FAILURE,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_BFB_Fail_ImageSize", "C603", FAILURE,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_BFS_BFB_Fail_PositionCollision", "C604", FAILURE,
                on("N_ACTION", service=_PRINT), difference=_C604),
    ToolkitName("STATUS_N_PRINT_BFS_BFB_Fail_CombinedImageSize", "C613", FAILURE,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_IB_Warn_MinMaxDensity", "B605", WARNING,
                on("N_CREATE", "N_SET", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_IB_Fail_InsufficientMemory", "C605", FAILURE,
                on("N_SET", service=_PRINT)),
    ToolkitName("STATUS_N_PRINT_IB_Fail_MoreThanOneVOILUT", "C606", FAILURE,
                on("N_SET", service=_PRINT), difference=_C606),
    ToolkitName("STATUS_N_MPPS_Warning_RequestedOptionalAttributesNotSupported", "0001",
                WARNING, on("N_GET", service="PROCEDURE_STEP")),
    ToolkitName("STATUS_N_LOG_Failure_ProceduralLoggingNotAvailable", "C101", FAILURE,
                on("N_ACTION", service=_LOG)),
    ToolkitName("STATUS_N_LOG_Failure_EventInformationDoesNotMatchTemplate", "C102", FAILURE,
                on("N_ACTION", service=_LOG)),
    ToolkitName("STATUS_N_LOG_Failure_CannotMatchEventToCurrentStudy", "C103", FAILURE,
                on("N_ACTION", service=_LOG)),
    ToolkitName("STATUS_N_LOG_Failure_IDsInconsistentInMatchingCurrentStudy", "C104", FAILURE,
                on("N_ACTION", service=_LOG)),
    ToolkitName("STATUS_N_LOG_Warning_SynchronizationFrameOfReferenceDoesNotMatch", "B101",
                WARNING, on("N_ACTION", service=_LOG)),
    ToolkitName("STATUS_N_LOG_Warning_StudyInstanceUIDCoercion", "B102", WARNING,
                on("N_ACTION", service=_LOG)),
    ToolkitName("STATUS_N_LOG_Warning_IDsInconsistentInMatchingCurrentStudy", "B104", WARNING,
                on("N_ACTION", service=_LOG)),
    ToolkitName("STATUS_N_MEDIA_Failed_MediaCreationActionAlreadyReceived", "A510", FAILURE,
                on("N_CREATE", service=_MEDIA),
                note="the name says Action, but PS3.4 S.3.2.1.4 defines A510 for N-CREATE "
                     "(S.3.2.2.4: no N-ACTION specific codes)"),
    ToolkitName("STATUS_N_MEDIA_Failed_MediaCreationRequestAlreadyCompleted", "C201", FAILURE,
                on("N_ACTION", service=_MEDIA)),
    ToolkitName("STATUS_N_MEDIA_Failed_MediaCreationRequestAlreadyInProgress", "C202",
                FAILURE, on("N_ACTION", service=_MEDIA)),
    ToolkitName("STATUS_N_MEDIA_Failed_CancellationDenied", "C203", FAILURE,
                on("N_ACTION", service=_MEDIA)),
    ToolkitName("STATUS_N_MEDIA_Warning_RequestedOptionalAttributesNotSupported", "0001",
                WARNING, on("N_GET", service=_MEDIA)),
)

# DCMTK 3.6.7's status texts at -v (dcmnet/libsrc/diutil.cc, DU_cstoreStatusString()
# ... DU_neventReportStatusString(): "Received Store Response (Refused:
# OutOfResources)"), each with the codes and commands its printer gives it.  A
# text a printer shows for a masked range (switch on statusCode & 0xff00 or
# & 0xf000) is recorded with that range.  Any other code prints "Unknown
# Status: 0x..." (annotate reads the code).
_QR_BY_DUMP = ("C_FIND", "C_MOVE", "C_GET")  # the order of diutil.cc's printers
_N_BY_DUMP = ("N_CREATE", "N_GET", "N_SET", "N_ACTION", "N_DELETE", "N_EVENT_REPORT")
_N_UNABLE = ("dimse.h defines no Cxxx for the DIMSE-N commands; DCMTK's N printers read "
             "any Cxxx as C-FIND's UnableToProcess (PS3.7 Annex C: a Failure)")
_NOT_LISTED = ("DCMTK's {} printer has a text for it; PS3.7's statuses of {} do not "
               "list the code").format

DCMTK_TEXTS: tuple[ToolkitName, ...] = (
    ToolkitName("Success", "0000", SUCCESS,
                on("C_ECHO", "C_STORE", *_QR_BY_DUMP, *_N_BY_DUMP)),
    ToolkitName("Refused: SOPClassNotSupported", "0122", FAILURE,
                on("C_STORE", "C_FIND", "C_MOVE", "C_GET")),
    ToolkitName("Warning: CoercionOfDataElements", "B000", WARNING, on("C_STORE")),
    ToolkitName("Warning: DataSetDoesNotMatchSOPClass", "B007", WARNING, on("C_STORE")),
    ToolkitName("Warning: ElementsDiscarded", "B006", WARNING, on("C_STORE")),
    ToolkitName("Refused: OutOfResources", "A7xx", FAILURE, on("C_STORE")),
    ToolkitName("Error: DataSetDoesNotMatchSOPClass", "A9xx", FAILURE, on("C_STORE")),
    ToolkitName("Error: CannotUnderstand", "Cxxx", FAILURE, on("C_STORE")),
    ToolkitName("Pending", "FF00", PENDING, on("C_FIND", "C_MOVE", "C_GET")),
    ToolkitName("Refused: OutOfResources", "A700", FAILURE, on("C_FIND")),
    ToolkitName("Error: DataSetDoesNotMatchSOPClass", "A900", FAILURE,
                on("C_FIND", "C_MOVE", "C_GET")),
    ToolkitName("Cancel: MatchingTerminatedDueToCancelRequest", "FE00", CANCEL, on("C_FIND")),
    ToolkitName("Pending: WarningUnsupportedOptionalKeys", "FF01", PENDING, on("C_FIND")),
    ToolkitName("Failed: UnableToProcess", "Cxxx", FAILURE, on(*_QR_BY_DUMP)),
    ToolkitName("Failed: UnableToProcess", "Cxxx", FAILURE, on(*_N_BY_DUMP), _N_UNABLE),
    ToolkitName("Refused: OutOfResourcesNumberOfMatches", "A701", FAILURE, on("C_MOVE", "C_GET")),
    ToolkitName("Refused: OutOfResourcesSubOperations", "A702", FAILURE, on("C_MOVE", "C_GET")),
    ToolkitName("Refused: MoveDestinationUnknown", "A801", FAILURE, on("C_MOVE")),
    ToolkitName("Cancel: SubOperationsTerminatedDueToCancelIndication", "FE00", CANCEL,
                on("C_MOVE", "C_GET")),
    ToolkitName("Warning: SubOperationsCompleteOneOrMoreFailures", "B000", WARNING,
                on("C_MOVE", "C_GET")),
    ToolkitName("Failure: ClassInstanceConflict", "0119", FAILURE,
                on("N_GET", "N_SET", "N_ACTION", "N_DELETE", "N_EVENT_REPORT")),
    ToolkitName("Failure: ClassInstanceConflict", "0119", FAILURE, on("N_CREATE"),
                _NOT_LISTED("N-CREATE", "N-CREATE")),
    ToolkitName("Failure: DuplicateInvocation", "0210", FAILURE,
                on(*_N_BY_DUMP)),
    ToolkitName("Failure: DuplicateSOPInstance", "0111", FAILURE, on("N_CREATE")),
    ToolkitName("Failure: InvalidAttributeValue", "0106", FAILURE, on("N_CREATE", "N_SET")),
    ToolkitName("Failure: InvalidSOPInstance", "0117", FAILURE,
                on(*_N_BY_DUMP)),
    ToolkitName("Failure: MissingAttribute", "0120", FAILURE, on("N_CREATE")),
    ToolkitName("Failure: MissingAttributeValue", "0121", FAILURE, on("N_CREATE", "N_SET")),
    ToolkitName("Failure: MistypedArgument", "0212", FAILURE,
                on(*_N_BY_DUMP)),
    ToolkitName("Failure: NoSuchAttribute", "0105", FAILURE, on("N_CREATE", "N_SET")),
    ToolkitName("Failure: NoSuchSOPClass", "0118", FAILURE,
                on(*_N_BY_DUMP)),
    ToolkitName("Failure: NoSuchSOPInstance", "0112", FAILURE,
                on("N_GET", "N_SET", "N_ACTION", "N_DELETE", "N_EVENT_REPORT")),
    ToolkitName("Failure: NoSuchSOPInstance", "0112", FAILURE, on("N_CREATE"),
                _NOT_LISTED("N-CREATE", "N-CREATE")),
    ToolkitName("Failure: ProcessingFailure", "0110", FAILURE,
                on(*_N_BY_DUMP)),
    ToolkitName("Failure: ResourceLimitation", "0213", FAILURE,
                on(*_N_BY_DUMP)),
    ToolkitName("Failure: UnrecognizedOperation", "0211", FAILURE,
                on("N_CREATE", "N_SET", "N_ACTION", "N_DELETE", "N_EVENT_REPORT")),
    ToolkitName("Warning: AttributeValueOutOfRange", "0116", WARNING,
                on("N_CREATE", "N_SET")),
    ToolkitName("Warning: AttributeValueOutOfRange", "0116", WARNING, on("N_GET"),
                _NOT_LISTED("N-GET", "N-GET")),
    ToolkitName("Warning: AttributeListError", "0107", WARNING, on("N_GET")),
    ToolkitName("Failure: InvalidArgumentValue", "0115", FAILURE, on("N_ACTION", "N_EVENT_REPORT")),
    ToolkitName("Failure: NoSuchAction", "0123", FAILURE, on("N_ACTION")),
    ToolkitName("Failure: NoSuchArgument", "0114", FAILURE, on("N_ACTION", "N_EVENT_REPORT")),
    ToolkitName("Failure: NoSuchEventType", "0113", FAILURE, on("N_EVENT_REPORT")),
)

DCMTK_CODES: tuple[ToolkitCode, ...] = (
    ToolkitCode(
        "C604", FAILURE, "Basic film session/box failure - Position collision (retired)",
        ("N_ACTION",), "named by dimse.h and printed by DIMSE dumps; DCMTK does not send it",
        "dcmnet/include/dcmtk/dcmnet/dimse.h STATUS_N_PRINT_BFS_BFB_Fail_PositionCollision; "
        "dcmnet/libsrc/dimdump.cc", kind=RETIRED),
    ToolkitCode(
        "C606", FAILURE, "Image box failure - More than one VOI LUT", ("N_SET",),
        "named by dimse.h and printed by DIMSE dumps; DCMTK does not send it",
        "dcmnet/include/dcmtk/dcmnet/dimse.h STATUS_N_PRINT_IB_Fail_MoreThanOneVOILUT; "
        "dcmnet/libsrc/dimdump.cc"),
)

# ---------------------------------------------------------------------------
# dcm4che 5.34.3: org.dcm4che3.net.Status (unchanged since commit 92d1a0fc7b,
# 2019-09-24).  Its tools answer with standard codes; the one situation the
# code does not tell is recorded.
# ---------------------------------------------------------------------------

DCM4CHE_NAMES: tuple[ToolkitName, ...] = (
    ToolkitName("Status.Success", "0000", SUCCESS, GENERAL),
    ToolkitName("Status.Pending", "FF00", PENDING, on(*_QR)),
    ToolkitName("Status.PendingWarning", "FF01", PENDING, on("C_FIND")),
    ToolkitName("Status.Cancel", "FE00", CANCEL, GENERAL),
    ToolkitName("Status.NoSuchAttribute", "0105", FAILURE, GENERAL),
    ToolkitName("Status.InvalidAttributeValue", "0106", FAILURE, GENERAL),
    ToolkitName("Status.AttributeListError", "0107", WARNING, GENERAL),
    ToolkitName("Status.ProcessingFailure", "0110", FAILURE, GENERAL),
    ToolkitName("Status.DuplicateSOPinstance", "0111", FAILURE, GENERAL),
    ToolkitName("Status.NoSuchObjectInstance", "0112", FAILURE, GENERAL),
    ToolkitName("Status.NoSuchEventType", "0113", FAILURE, GENERAL),
    ToolkitName("Status.NoSuchArgument", "0114", FAILURE, GENERAL),
    ToolkitName("Status.InvalidArgumentValue", "0115", FAILURE, GENERAL),
    ToolkitName("Status.AttributeValueOutOfRange", "0116", WARNING, GENERAL),
    ToolkitName("Status.InvalidObjectInstance", "0117", FAILURE, GENERAL),
    ToolkitName("Status.NoSuchSOPclass", "0118", FAILURE, GENERAL),
    ToolkitName("Status.ClassInstanceConflict", "0119", FAILURE, GENERAL),
    ToolkitName("Status.MissingAttribute", "0120", FAILURE, GENERAL),
    ToolkitName("Status.MissingAttributeValue", "0121", FAILURE, GENERAL),
    ToolkitName("Status.SOPclassNotSupported", "0122", FAILURE, GENERAL,
                note="its javadoc says 112H; the constant is 0x0122"),
    ToolkitName("Status.NoSuchActionType", "0123", FAILURE, GENERAL),
    ToolkitName("Status.NotAuthorized", "0124", FAILURE, GENERAL),
    ToolkitName("Status.DuplicateInvocation", "0210", FAILURE, GENERAL),
    ToolkitName("Status.UnrecognizedOperation", "0211", FAILURE, GENERAL),
    ToolkitName("Status.MistypedArgument", "0212", FAILURE, GENERAL),
    ToolkitName("Status.ResourceLimitation", "0213", FAILURE, GENERAL),
    ToolkitName("Status.OutOfResources", "A700", FAILURE, on("C_STORE", "C_FIND")),
    ToolkitName("Status.UnableToCalculateNumberOfMatches", "A701", FAILURE, on(*_RETRIEVE)),
    ToolkitName("Status.UnableToPerformSubOperations", "A702", FAILURE, on(*_RETRIEVE)),
    ToolkitName("Status.MoveDestinationUnknown", "A801", FAILURE, on("C_MOVE")),
    ToolkitName("Status.IdentifierDoesNotMatchSOPClass", "A900", FAILURE, on(*_QR)),
    ToolkitName("Status.DataSetDoesNotMatchSOPClassError", "A900", FAILURE, on("C_STORE")),
    ToolkitName("Status.OneOrMoreFailures", "B000", WARNING, on(*_RETRIEVE)),
    ToolkitName("Status.CoercionOfDataElements", "B000", WARNING, on("C_STORE")),
    ToolkitName("Status.ElementsDiscarded", "B006", WARNING, on("C_STORE")),
    ToolkitName("Status.DataSetDoesNotMatchSOPClassWarning", "B007", WARNING, on("C_STORE")),
    ToolkitName("Status.UnableToProcess", "C000", FAILURE, on(*_QR)),
    ToolkitName("Status.CannotUnderstand", "C000", FAILURE, on("C_STORE")),
    ToolkitName("Status.UPSCreatedWithModifications", "B300", WARNING,
                on("N_CREATE", service=_UPS)),
    ToolkitName("Status.UPSDeletionLockNotGranted", "B301", WARNING,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSAlreadyInRequestedStateOfCanceled", "B304", WARNING,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSCoercedInvalidValuesToValidValues", "B305", WARNING,
                on("N_SET", service=_UPS)),
    ToolkitName("Status.UPSAlreadyInRequestedStateOfCompleted", "B306", WARNING,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSMayNoLongerBeUpdated", "C300", FAILURE,
                on("N_SET", "N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSTransactionUIDNotCorrect", "C301", FAILURE,
                on("N_SET", "N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSAlreadyInProgress", "C302", FAILURE, on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSStateMayNotChangedToScheduled", "C303", FAILURE,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSNotMetFinalStateRequirements", "C304", FAILURE,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSDoesNotExist", "C307", FAILURE,
                on("N_SET", "N_GET", "N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSUnknownReceivingAET", "C308", FAILURE,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSNotScheduled", "C309", FAILURE, on("N_CREATE", service=_UPS)),
    ToolkitName("Status.UPSNotYetInProgress", "C310", FAILURE,
                on("N_SET", "N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSAlreadyCompleted", "C311", FAILURE, on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSPerformerCannotBeContacted", "C312", FAILURE,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSPerformerChoosesNotToCancel", "C313", FAILURE,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSActionNotAppropriate", "C314", FAILURE,
                on("N_ACTION", service=_UPS)),
    ToolkitName("Status.UPSDoesNotSupportEventReports", "C315", FAILURE,
                on("N_ACTION", service=_UPS)),
)

DCM4CHE_CODES: tuple[ToolkitCode, ...] = (
    ToolkitCode(
        "0110", FAILURE, "Processing Failure", ("C_STORE",),
        "storescp (and getscu's C-STORE sub-operation SCP) could not store the received "
        "object; the exception's message is the Error Comment",
        "dcm4che-tool/dcm4che-tool-storescp/src/main/java/org/dcm4che3/tool/storescp/"
        "StoreSCP.java; dcm4che-tool/dcm4che-tool-getscu/src/main/java/org/dcm4che3/tool/"
        "getscu/GetSCU.java", kind=STANDARD),
)

# ---------------------------------------------------------------------------
# fo-dicom 5.1.3: FellowOakDicom.Network.DicomStatus (unchanged since commit
# dbab9e865a, 2023-12-17).  DicomStatus.Lookup() reads an unknown code as
# ProcessingFailure.
# ---------------------------------------------------------------------------

_FO_PRINT_B000 = ("fo-dicom writes B000; PS3.4 H.4.1.2.1.2 and H.4.1.2.2.2 give Memory "
                  "allocation not supported as B600. B000 reads as an Annex C Warning, the "
                  "same type")

FO_DICOM_NAMES: tuple[ToolkitName, ...] = (
    ToolkitName("DicomStatus.Success", "0000", SUCCESS, GENERAL),
    ToolkitName("DicomStatus.Cancel", "FE00", CANCEL, GENERAL),
    ToolkitName("DicomStatus.Pending", "FF00", PENDING, on(*_QR)),
    ToolkitName("DicomStatus.Warning", "0001", WARNING, GENERAL,
                note="fo-dicom names it as a generic Warning; Annex C's class table and "
                     "PS3.4 give 0001 the meaning Requested optional Attributes are not "
                     "supported (GeneralStatus.OPTIONAL_ATTRIBUTES_NOT_SUPPORTED)"),
    ToolkitName("DicomStatus.WarningClass", "Bxxx", WARNING, GENERAL,
                difference="names the Annex C Warning class Bxxx, not one status"),
    ToolkitName("DicomStatus.AttributeListError", "0107", WARNING, GENERAL),
    ToolkitName("DicomStatus.AttributeValueOutOfRange", "0116", WARNING, GENERAL),
    ToolkitName("DicomStatus.SOPClassNotSupported", "0122", FAILURE, GENERAL),
    ToolkitName("DicomStatus.ClassInstanceConflict", "0119", FAILURE, GENERAL),
    ToolkitName("DicomStatus.DuplicateSOPInstance", "0111", FAILURE, GENERAL),
    ToolkitName("DicomStatus.DuplicateInvocation", "0210", FAILURE, GENERAL),
    ToolkitName("DicomStatus.InvalidArgumentValue", "0115", FAILURE, GENERAL),
    ToolkitName("DicomStatus.InvalidAttributeValue", "0106", FAILURE, GENERAL),
    ToolkitName("DicomStatus.InvalidObjectInstance", "0117", FAILURE, GENERAL),
    ToolkitName("DicomStatus.MissingAttribute", "0120", FAILURE, GENERAL),
    ToolkitName("DicomStatus.MissingAttributeValue", "0121", FAILURE, GENERAL),
    ToolkitName("DicomStatus.MistypedArgument", "0212", FAILURE, GENERAL),
    ToolkitName("DicomStatus.NoSuchArgument", "0114", FAILURE, GENERAL),
    ToolkitName("DicomStatus.NoSuchEventType", "0113", FAILURE, GENERAL),
    ToolkitName("DicomStatus.NoSuchObjectInstance", "0112", FAILURE, GENERAL),
    ToolkitName("DicomStatus.NoSuchSOPClass", "0118", FAILURE, GENERAL),
    ToolkitName("DicomStatus.ProcessingFailure", "0110", FAILURE, GENERAL),
    ToolkitName("DicomStatus.ResourceLimitation", "0213", FAILURE, GENERAL),
    ToolkitName("DicomStatus.UnrecognizedOperation", "0211", FAILURE, GENERAL),
    ToolkitName("DicomStatus.NoSuchActionType", "0123", FAILURE, GENERAL),
    ToolkitName("DicomStatus.StorageStorageOutOfResources", "A7xx", FAILURE, on("C_STORE")),
    ToolkitName("DicomStatus.StorageDataSetDoesNotMatchSOPClassError", "A9xx", FAILURE,
                on("C_STORE")),
    ToolkitName("DicomStatus.StorageCannotUnderstand", "Cxxx", FAILURE, on("C_STORE")),
    ToolkitName("DicomStatus.StorageCoercionOfDataElements", "B000", WARNING, on("C_STORE")),
    ToolkitName("DicomStatus.StorageDataSetDoesNotMatchSOPClassWarning", "B007", WARNING,
                on("C_STORE")),
    ToolkitName("DicomStatus.StorageElementsDiscarded", "B006", WARNING, on("C_STORE")),
    ToolkitName("DicomStatus.QueryRetrieveOutOfResources", "A700", FAILURE, on("C_FIND")),
    ToolkitName("DicomStatus.QueryRetrieveUnableToCalculateNumberOfMatches", "A701", FAILURE,
                on(*_RETRIEVE)),
    ToolkitName("DicomStatus.QueryRetrieveUnableToPerformSuboperations", "A702", FAILURE,
                on(*_RETRIEVE)),
    ToolkitName("DicomStatus.QueryRetrieveMoveDestinationUnknown", "A801", FAILURE,
                on("C_MOVE")),
    ToolkitName("DicomStatus.QueryRetrieveIdentifierDoesNotMatchSOPClass", "A900", FAILURE,
                on(*_QR)),
    ToolkitName("DicomStatus.QueryRetrieveUnableToProcess", "Cxxx", FAILURE, on(*_QR)),
    ToolkitName("DicomStatus.QueryRetrieveOptionalKeysNotSupported", "FF01", PENDING,
                on("C_FIND")),
    ToolkitName("DicomStatus.QueryRetrieveSubOpsOneOrMoreFailures", "B000", WARNING,
                on(*_RETRIEVE)),
    ToolkitName("DicomStatus.PrintManagementMemoryAllocationNotSupported", "B000", WARNING,
                on("N_CREATE", "N_SET", service=_PRINT), difference=_FO_PRINT_B000),
    ToolkitName("DicomStatus.PrintManagementFilmSessionPrintingNotSupported", "B601", WARNING,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementFilmSessionEmptyPage", "B602", WARNING,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementFilmBoxEmptyPage", "B603", WARNING,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementImageDemagnified", "B604", WARNING,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementMinMaxDensityOutOfRange", "B605", WARNING,
                on("N_CREATE", "N_SET", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementImageCropped", "B609", WARNING,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementImageDecimated", "B60A", WARNING,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementFilmSessionEmpty", "C600", FAILURE,
                on("N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementPrintQueueFull", "C601", FAILURE,
                on("N_ACTION", service=_PRINT),
                note="Film Session's code; fo-dicom has no name for Film Box's C602"),
    ToolkitName("DicomStatus.PrintManagementImageLargerThanImageBox", "C603", FAILURE,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementInsufficientMemoryInPrinter", "C605", FAILURE,
                on("N_SET", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementCombinedImageLargerThanImageBox", "C613", FAILURE,
                on("N_SET", "N_ACTION", service=_PRINT)),
    ToolkitName("DicomStatus.PrintManagementExistingFilmBoxNotPrinted", "C616", FAILURE,
                on("N_CREATE", service=_PRINT)),
    ToolkitName("DicomStatus.MediaCreationManagementDuplicateInitiateMediaCreation", "A510",
                FAILURE, on("N_CREATE", service=_MEDIA),
                note="PS3.4 S.3.2.1.4 defines A510 for N-CREATE"),
    ToolkitName("DicomStatus.MediaCreationManagementMediaCreationRequestAlreadyCompleted",
                "C201", FAILURE, on("N_ACTION", service=_MEDIA)),
    ToolkitName("DicomStatus.MediaCreationManagementMediaCreationRequestAlreadyInProgress",
                "C202", FAILURE, on("N_ACTION", service=_MEDIA)),
    ToolkitName("DicomStatus.MediaCreationManagementCancellationDeniedForUnspecifiedReason",
                "C203", FAILURE, on("N_ACTION", service=_MEDIA)),
)

FO_DICOM_CODES: tuple[ToolkitCode, ...] = (
    ToolkitCode(
        "0110", FAILURE, "Processing Failure", ("C_STORE",),
        "the received C-STORE data set could not be parsed; the exception's message "
        "(shortened to 64 characters) is the Error Comment",
        "FO-DICOM.Core/Network/DicomService.cs (DicomService, receiving a C-STORE request)",
        kind=STANDARD),
)

TOOLKITS: tuple[Toolkit, ...] = (
    Toolkit("pynetdicom", "3.0.4", "2692cb93222c82c872ec8ecc8a426f1c9d86bc46",
            "https://github.com/pydicom/pynetdicom",
            ("pynetdicom/service_class.py", "pynetdicom/association.py",
             "pynetdicom/status.py", "docs/reference/status.rst", "pynetdicom/apps/common.py",
             "pynetdicom/apps/qrscp/handlers.py"),
            PYNETDICOM_NAMES, PYNETDICOM_CODES,
            note="status.Status has names for four codes; the service tables in "
                 "pynetdicom.status give descriptions, not names."),
    Toolkit("DCMTK", "3.6.7", "a137f1aff4e1df3fbefe53ee8b160973c74c96dd",
            "https://github.com/DCMTK/dcmtk",
            ("dcmnet/include/dcmtk/dcmnet/dimse.h", "dcmnet/libsrc/dimdump.cc",
             "dcmnet/libsrc/diutil.cc"),
            DCMTK_NAMES + DCMTK_TEXTS, DCMTK_CODES,
            note="Debian's libdcmtk-dev 3.6.7-9~deb12u4 installs the same dimse.h as "
                 "/usr/include/dcmtk/dcmnet/dimse.h; 3.7.0 (ccfd10b84f) adds "
                 "STATUS_N_AttributeListWarning."),
    Toolkit("dcm4che", "5.34.3", "1b79f7b6f1f23a1a0b5f9990446ac309e1199a34",
            "https://github.com/dcm4che/dcm4che",
            ("dcm4che-net/src/main/java/org/dcm4che3/net/Status.java",),
            DCM4CHE_NAMES, DCM4CHE_CODES),
    Toolkit("fo-dicom", "5.1.3", "552a142ef172bf40bc808160fae6eacd53e45f03",
            "https://github.com/fo-dicom/fo-dicom",
            ("FO-DICOM.Core/Network/DicomStatus.cs",),
            FO_DICOM_NAMES, FO_DICOM_CODES,
            note="DicomStatus.Lookup() answers ProcessingFailure (0110) for a code it does "
                 "not know."),
)
