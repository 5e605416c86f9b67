"""annotate(): logs from pynetdicom, DCMTK and dcm4che get each status code's
meaning appended, and nothing else changes.

The logs under fixtures/logs/ were captured over 127.0.0.1 (dcm4che's two
are hand-made from its source formats); their README says how.  Each is compared
byte for byte with its golden ``.annotated`` file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dimse_status import Command, Service, StatusRegistry
from dimse_status.cli.annotator import MARKER, annotate, annotate_blocks

LOGS = Path(__file__).resolve().parent / "fixtures" / "logs"
FIXTURES = sorted(LOGS.glob("*.log"))
NOTE = re.compile(r"(?:  \[dimse-status [^\]]+\])+")


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # line endings as they are


def annotated(path: Path, command: Command | None = None,
              service: Service | None = None) -> str:
    with path.open(encoding="utf-8", newline="") as lines:
        return "".join(annotate(lines, command, service))


def notes(line: str, command: Command | None = None) -> list[str]:
    """The annotations annotate() appends to one line, without the brackets."""
    [out] = annotate([line], command)
    assert out.startswith(line)
    return re.findall(r"\[dimse-status ([^\]]+)\]", out[len(line):])


def test_the_fixtures_are_there() -> None:
    names = {p.stem for p in FIXTURES}
    assert names == {"pynetdicom-scu", "pynetdicom-scp", "dcmtk-storescu", "dcmtk-findscu",
                     "dcmtk-movescu", "dcmtk-getscu", "dcm4che-handmade", "dcmtk-verbose",
                     "pynetdicom-ups", "dcm4che-interleaved", "pynetdicom-n-scu",
                     "pynetdicom-n-scp", "dcmtk-dcmprscp"}
    assert {p.stem for p in LOGS.glob("*.annotated")} == names


@pytest.mark.parametrize("log", FIXTURES, ids=lambda p: p.stem)
def test_each_log_annotates_to_its_golden_file(log: Path) -> None:
    assert annotated(log) == read(log.with_suffix(".annotated"))


# What marks a status line in each toolkit's output, told apart from annotate()'s
# own rules: the lines that must change, and only they.
ORACLES = {
    "dcmtk": re.compile(r"^D: DIMSE Status +: 0x[0-9a-f]{4}: "
                        r"|^W: Move response with error status \(Refused: "),
    "pynetdicom": re.compile(r"^D: Status +: 0x[0-9A-F]{4}|\(Status: 0x[0-9A-F]{4} - "
                             r"|(?:: (?:\d+ - )?|SCP response )0x[0-9A-F]{4} "
                             r"\((?:Pending|Success|Warning|Failure)"),
    # DCMTK at -v: the texts of dcmnet/libsrc/diutil.cc only (issue 21 item 6)
    "dcmtk-verbose": re.compile(r"(?:Response(?::? \d+)?|response with \w+ status) "
                                r"\((?:Success|Pending|Warning|Refused|Error|Failed|Cancel)"),
    "dcm4che": re.compile(r", status=[0-9a-f]{1,4}H|with Status [0-9A-F]{4}H for "
                          r"|^\(0000,0900\) US \[\d+\] Status$"),
}


@pytest.mark.parametrize("log", FIXTURES, ids=lambda p: p.stem)
def test_only_the_status_lines_change_and_only_at_their_end(log: Path) -> None:
    before = read(log).splitlines(keepends=True)
    after = annotated(log).splitlines(keepends=True)
    assert len(before) == len(after)
    oracle = ORACLES.get(log.stem) or ORACLES[log.stem.split("-")[0]]
    changed = 0
    for old, new in zip(before, after, strict=True):
        body = old.rstrip("\r\n")
        ending = old[len(body):]
        if oracle.search(body):
            changed += 1
            assert new.startswith(body) and new.endswith(ending), new
            assert NOTE.fullmatch(new[len(body):len(new) - len(ending)]), new
        else:
            assert new == old
    assert changed >= {"pynetdicom-ups": 1, "dcm4che-interleaved": 2, "pynetdicom-n-scp": 1,
                       "dcmtk-dcmprscp": 3}.get(log.stem, 4)


@pytest.mark.parametrize(("log", "shown", "meaning"), [
    # The same class of code means different things for different commands.
    ("dcmtk-storescu", "0xc123: Error: Cannot understand",
     "C-STORE 0xC123 Failure: Error: Cannot understand"),
    ("dcmtk-findscu", "0xc001: Failed: Unable to process",
     "C-FIND 0xC001 Failure: Failed: Unable to process"),
    ("dcmtk-storescu", "0xb000: Warning", "C-STORE 0xB000 Warning: Coercion of Data Elements"),
    ("dcmtk-movescu", "0xa801", "C-MOVE 0xA801 Failure: Refused: Move Destination unknown"),
    # getscu answers C-STORE sub-operations in the middle of its C-GET.
    ("dcmtk-getscu", "0xff00", "C-GET 0xFF00 Pending: Sub-operations are continuing"),
    ("pynetdicom-scu", "I: Received Store Response (Status: 0xA700",
     "C-STORE 0xA700 Failure: Refused: Out of Resources"),
    ("pynetdicom-scu", "I: Get SCP Result: 0xB000 (Warning)",
     "C-GET 0xB000 Warning: Sub-operations Complete - One or more Failures or Warnings"),
    ("pynetdicom-scp", "I: Get SCP: Received Store SCP response 0xA700 (Failure)",
     "C-STORE 0xA700 Failure: Refused: Out of Resources"),
    ("dcm4che-handmade", "(0000,0900) US [42752] Status",
     "C-STORE 0xA700 Failure: Refused: Out of Resources"),
    ("dcm4che-handmade", "status=c001H", "C-FIND 0xC001 Failure: Failed: Unable to process"),
    ("dcm4che-handmade", "<< 2:C-STORE-RSP[pcid=1, status=a700H",
     "C-STORE 0xA700 Failure: Refused: Out of Resources"),
])
def test_a_status_line_is_read_for_its_command(log: str, shown: str, meaning: str) -> None:
    lines = [line for line in annotated(LOGS / f"{log}.log").splitlines() if shown in line]
    assert lines
    assert all(line.endswith(f"  [dimse-status {meaning}]") for line in lines), lines


def test_a_getscu_store_response_between_get_responses_is_read_for_c_store() -> None:
    lines = annotated(LOGS / "dcmtk-getscu.log").splitlines()
    contexts = [line.split(MARKER)[1].split()[0] for line in lines if MARKER in line]
    assert contexts == ["C-STORE", "C-GET", "C-STORE", "C-GET", "C-GET"]


def test_a_service_reads_the_ups_n_action_code() -> None:
    """The N-ACTION-RQ names its SOP class (cuid=...): the response's C310
    is read in the Unified Procedure Step service class (issue 21 item 4)."""
    log = LOGS / "dcm4che-handmade.log"
    [line] = [line for line in annotated(log).splitlines() if "status=c310H" in line]
    assert line.endswith("[dimse-status N-ACTION UNIFIED_PROCEDURE_STEP 0xC310 Failure: "
                         "Failed: The UPS is not yet in the IN PROGRESS state]")
    ups = Service.UNIFIED_PROCEDURE_STEP
    [line] = [line for line in annotated(log, service=ups).splitlines()
              if "status=c310H" in line]
    assert line.endswith("[dimse-status N-ACTION UNIFIED_PROCEDURE_STEP 0xC310 Failure: "
                         "Failed: The UPS is not yet in the IN PROGRESS state]")


@pytest.mark.parametrize(("sop_class", "service"), [
    ("D: Affected SOP Class UID        : Unified Procedure Step - Push SOP Class",  # pynetdicom
     "UNIFIED_PROCEDURE_STEP"),
    ("D: Requested SOP Class UID       : UnifiedProcedureStepPushSOPClass",  # DCMTK
     "UNIFIED_PROCEDURE_STEP"),
    ("  cuid=1.2.840.10008.5.1.4.34.6.1 - Unified Procedure Step - Push SOP Class",  # dcm4che
     "UNIFIED_PROCEDURE_STEP"),
])
def test_each_toolkits_sop_class_line_sets_the_service(sop_class: str, service: str) -> None:
    out = list(annotate(["I: Sending N-ACTION Request\n", sop_class + "\n",
                         "D: Status                        : 0xC310\n"]))
    assert out[2].endswith(f"[dimse-status N-ACTION {service} 0xC310 Failure: Failed: "
                           "The UPS is not yet in the IN PROGRESS state]\n")
    assert out[:2] == ["I: Sending N-ACTION Request\n", sop_class + "\n"]


def test_interleaved_associations_read_each_code_in_its_own_service() -> None:
    # Two dcm4che associations answered in turn: the UPS response's status
    # comes after the Print request's SOP class, and before its own.
    log = (LOGS / "dcm4che-interleaved.log").read_text(encoding="utf-8")
    whole = "".join(annotate_blocks([log]))
    by_line = "".join(annotate(log.splitlines(keepends=True)))
    for out in (whole, by_line):
        found = re.findall(r"\[dimse-status (N-ACTION [A-Z_]+ 0x[0-9A-F]{4})", out)
        assert found == ["N-ACTION UNIFIED_PROCEDURE_STEP 0xC310",
                         "N-ACTION PRINT_MANAGEMENT 0xC600"]
        assert "Unknown Failure" not in out


def test_each_request_reads_its_codes_in_its_sop_classes_service() -> None:
    log = [
        "D: Message Type                  : N-ACTION RQ\n",
        "D: Requested SOP Class UID       : Basic Film Session SOP Class\n",
        "D: Status                        : 0xC600\n",
        "D: Message Type                  : N-ACTION RSP\n",  # UPS now
        "D: Affected SOP Class UID        : 1.2.840.10008.5.1.4.34.6.1\n",
        "D: Status                        : 0xC600\n",
        "D: Message Type                  : C-STORE RSP\n",  # Storage: no service
        "D: Affected SOP Class UID        : CT Image Storage\n",
        "D: Status                        : 0xC600\n",
        "D: Message Type                  : N-ACTION RSP\n",  # UPS, but C-STORE: none
        "D: Affected SOP Class UID        : 1.2.840.10008.5.1.4.34.6.1\n",
        "D: Message Type                  : C-STORE RSP\n",
        "D: Status                        : 0xC600\n",
    ]
    out = [line.split(MARKER)[1] for line in annotate(log) if MARKER in line]
    assert [note.split(":")[0] for note in out] == [
        "N-ACTION PRINT_MANAGEMENT 0xC600 Failure",
        "N-ACTION UNIFIED_PROCEDURE_STEP 0xC600 Failure", "C-STORE 0xC600 Failure",
        "C-STORE 0xC600 Failure"]
    assert "Film Box SOP Instances" in out[0] and "Unknown Failure" in out[1]
    # --service overrides what the log names.
    out = [line.split(MARKER)[1] for line in annotate(log, service=Service.PRINT_MANAGEMENT)
           if MARKER in line]
    assert out[1].startswith("N-ACTION PRINT_MANAGEMENT 0xC600 Failure")


def services_read(text: str) -> list[str]:
    """Each annotation's command, service (if any) and code, by lines and by
    one block, which must agree."""
    found = [re.findall(r"\[dimse-status ([^\]]+?) (?:Success|Warning|Failure|Pending|Cancel):",
                        out)
             for out in ("".join(annotate(text.splitlines(keepends=True))),
                         "".join(annotate_blocks([text])))]
    assert found[0] == found[1]
    return found[0]


def test_a_message_without_its_sop_class_is_read_in_its_contexts_service() -> None:
    """pynetdicom-n-scu.log (issue 21 item 4): a UPS association, then a
    Print one with DCMTK's dcmprscp, whose N-GET response names no SOP class
    (pynetdicom failed to log the request): only its Presentation Context
    ID, 1, accepted for the Basic Grayscale Print Management Meta SOP Class,
    places 0x0000 in Print Management, not in the UPS of the association
    before.  Then a Storage association."""
    assert services_read(read(LOGS / "pynetdicom-n-scu.log")) == [
        "N-ACTION UNIFIED_PROCEDURE_STEP 0xC310", "N-GET PRINT_MANAGEMENT 0x0000",
        "N-CREATE PRINT_MANAGEMENT 0x0000", "N-ACTION PRINT_MANAGEMENT 0xC600",
        "C-STORE 0xA700", "C-STORE 0xA700"]


def test_dcmtks_none_names_no_sop_class() -> None:
    """dcmprscp's responses say ``Affected SOP Class UID : none``: each is
    read in the service of its request's SOP class (0xC600 is Print's)."""
    assert services_read(read(LOGS / "dcmtk-dcmprscp.log")) == [
        "N-GET PRINT_MANAGEMENT 0x0000", "N-CREATE PRINT_MANAGEMENT 0x0000",
        "N-ACTION PRINT_MANAGEMENT 0xC600"]


def test_without_the_negotiation_the_association_before_is_forgotten() -> None:
    """The same log without its negotiation dumps: the N-GET response's
    context is unknown, and the UPS association's SOP class was forgotten
    when it was released, so 0x0000 gets no service (never UPS's)."""
    lines = read(LOGS / "pynetdicom-n-scu.log").splitlines(keepends=True)
    cut = "".join(line for line in lines if "Context ID:" not in line)
    assert services_read(cut)[:2] == ["N-ACTION UNIFIED_PROCEDURE_STEP 0xC310", "N-GET 0x0000"]


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_the_contexts_are_followed_whatever_the_line_ending(ending: str) -> None:
    log = read(LOGS / "pynetdicom-n-scu.log").replace("\n", ending)
    assert services_read(log)[:2] == ["N-ACTION UNIFIED_PROCEDURE_STEP 0xC310",
                                      "N-GET PRINT_MANAGEMENT 0x0000"]
    lines = log.splitlines(keepends=True)
    for size in (1, 2, 3):  # an accepted context's abstract syntax in the next block
        blocks = ["".join(lines[i:i + size]) for i in range(0, len(lines), size)]
        assert "".join(annotate_blocks(blocks)) == "".join(annotate(lines))


UPS_RESPONSE = [
    "D: Message Type                  : N-ACTION RSP\n",
    "D: Affected SOP Class UID        : Unified Procedure Step - Push SOP Class\n",
    "D: Status                        : 0xC310\n",
]
NO_SOP_CLASS = ["D: Message Type                  : N-SET RSP\n",
                "D: Status                        : 0xC310\n"]


@pytest.mark.parametrize("boundary", [
    # pynetdicom 3.0.4
    "I: Requesting Association", "I: Accepting Association", "I: Releasing Association",
    "I: Association Released", "I: Aborting Association", "I: Association Aborted",
    "E: Association Rejected",
    # DCMTK 3.6.7
    "D: Association Received: 127.0.0.1",
    "I: Association Received (127.0.0.1:N-SCU -> PRINTSCP) 2026-12-07 08:37:40",
    "I: Sub-Association Received", "I: Association Release", "I: Peer Aborted Association",
    "I: Association Rejected:", "I: DcmSCP: Association Terminated",
])
def test_where_an_association_ends_or_begins_its_service_is_forgotten(boundary: str) -> None:
    out = services_read("".join([*UPS_RESPONSE, boundary + "\n", *NO_SOP_CLASS]))
    assert out == ["N-ACTION UNIFIED_PROCEDURE_STEP 0xC310", "N-SET 0xC310"]
    # Not every line that names an association is a boundary.
    assert services_read("".join([*UPS_RESPONSE, "I: Association Accepted\n",
                                  *NO_SOP_CLASS]))[1] == "N-SET UNIFIED_PROCEDURE_STEP 0xC310"


# Lines of the captures that change what annotate knows of an association,
# and status lines that use it, for the test below.
ASSOCIATION_LINES = [
    "I: Requesting Association\n", "I: Association Accepted\n", "I: Releasing Association\n",
    "D: Association Received: 127.0.0.1\n", "D: Association Parameters Negotiated:\n",
    "D:   Context ID:        1 (Accepted)\n",
    "D:     Abstract Syntax: =Unified Procedure Step - Push SOP Class\n",
    "D:   Context ID:        3 (Accepted)\n",
    "D:     Abstract Syntax: =BasicGrayscalePrintManagementMetaSOPClass\n",
    "D:   Context ID:        5 (Proposed)\n", "D:     Abstract Syntax: =CTImageStorage\n",
    "I:   Context ID:        3\n",
    "D: Presentation Context ID       : 1\n", "D: Presentation Context ID       : 3\n",
    "D: Presentation Context ID       : 5\n",
    "D: Affected SOP Class UID        : none\n",
    "D: Requested SOP Class UID       : Unified Procedure Step - Push SOP Class\n",
    "D: Affected SOP Class UID        : Basic Film Session SOP Class\n",
    "D: Affected SOP Class UID        : CT Image Storage\n",
    "D: Message Type                  : N-ACTION RSP\n", "D: Status : 0xC310\n",
    "D: Status : 0xC600\n", "D: Message ID Being Responded To : 1\n",
]


@pytest.mark.parametrize("seed", range(20))
def test_blocks_follow_the_associations_as_the_lines_do(seed: int) -> None:
    """Block by block, the associations' lines are searched for only while
    they can change something: what they change is what line by line
    reading changes, however the lines come and the blocks are cut."""
    import random

    chance = random.Random(seed)
    lines = [chance.choice(ASSOCIATION_LINES) for _ in range(400)]
    expected = "".join(annotate(lines))
    for size in (1, 2, 3, 5, 8, 400):
        blocks = ["".join(lines[i:i + size]) for i in range(0, len(lines), size)]
        assert "".join(annotate_blocks(blocks)) == expected, size
    assert MARKER in expected


def accepted(number: int, syntax: str, result: str = " (Accepted)") -> list[str]:
    return [f"D:   Context ID:        {number}{result}\n", f"D:     Abstract Syntax: ={syntax}\n"]


def test_only_accepted_contexts_name_a_service() -> None:
    ac = [*accepted(1, "UnifiedProcedureStepPushSOPClass"),
          *accepted(3, "BasicFilmSessionSOPClass", " (Abstract Syntax Not Supported)"),
          *accepted(5, "BasicFilmSessionSOPClass", " (Transfer Syntax(es) Not Supported)"),
          *accepted(7, "CTImageStorage")]
    for pcid, read_in in [(1, "N-SET UNIFIED_PROCEDURE_STEP"), (3, "N-SET"), (5, "N-SET"),
                          (7, "N-SET"), (9, "N-SET")]:
        message = ["D: Message Type                  : N-SET RSP\n",
                   f"D: Presentation Context ID       : {pcid}\n",
                   "D: Status                        : 0xC310\n"]
        # after a request of another service: the context wins; a context
        # the association did not accept (3, 5, 9) is read in none
        request = ["D: Requested SOP Class UID       : Basic Film Session SOP Class\n"]
        assert services_read("".join([*ac, *request, *message])) == [f"{read_in} 0xC310"]
    # The message's own SOP class, after its context, wins.
    own = ["D: Presentation Context ID       : 1\n",
           "D: Affected SOP Class UID        : Basic Film Session SOP Class\n",
           "D: Message Type                  : N-SET RSP\n", "D: Status : 0xC310\n"]
    assert services_read("".join([*ac, *own])) == ["N-SET PRINT_MANAGEMENT 0xC310"]
    # Without the negotiation, a context says nothing: the request's SOP class stays.
    assert services_read("".join([
        "D: Requested SOP Class UID       : Unified Procedure Step - Push SOP Class\n",
        "D: Message Type                  : N-SET RSP\n",
        "D: Presentation Context ID       : 1\n", "D: Status : 0xC310\n",
    ])) == ["N-SET UNIFIED_PROCEDURE_STEP 0xC310"]
    # pynetdicom's "Using Presentation Context" names an accepted one.
    using = ["I: Using Presentation Context:\n", "I:   Context ID:        3\n",
             "I:   Abstract Syntax:   =Basic Grayscale Print Management Meta SOP Class\n",
             "D: Message Type                  : N-SET RSP\n",
             "D: Presentation Context ID       : 3\n", "D: Status : 0xC600\n"]
    assert services_read("".join(using)) == ["N-SET PRINT_MANAGEMENT 0xC600"]


@pytest.mark.parametrize("log", FIXTURES, ids=lambda p: p.stem)
def test_annotating_twice_changes_nothing(log: Path) -> None:
    once = annotated(log)
    assert "".join(annotate(once)) == once


# --------------------------------------------------------------- unit tests


@pytest.mark.parametrize("line", [
    "D: Message ID                    : 1",
    "D: Message ID Being Responded To : 41",
    "D: Presentation Context ID       : 41",
    "D:   02  00  00  00  10  1d  00  01  00  00  41  4e  59  2d  53  43",
    "D: DcmFileFormat::checkMetaHeaderValue() Version of MetaHeader is ok: 0x0001",
    "I: (0010,0020) LO [C001]                                   # 1 PatientID",
    "D: (0000,0900) tag, (0000,0902) Error Comment, (0008,0058) FailedSOPInstanceUIDList",
    "D: Affected SOP Instance UID     : 1.2.826.0.1.3680043.8.498.1390.3",
    "D: PDU Type: Associate Accept, PDU Length: 4125 + 6 bytes PDU header",
    "I: Sub-Operations Remaining: 0, Completed: 1, Failed: 1, Warning: 0",
    "D: DIMSE status is: Pending",
    "Group length 0x00000112, element (0000,0900)",
    "status=ffffffffH",  # dcm4che's -1 when a response has no Status
    "Status: 0x0000A700",
    "Status: 0xA7001",
    "Status: 42752",
    "Status: 2h ago",
    "StatusDetail 0x0001",
    "ErrorStatus: 0xA700",
    "(0000,0900) US [70000] Status",
    "read 0xA700 bytes (0xFF00 more to come)",
])
def test_no_number_that_is_not_a_status_is_annotated(line: str) -> None:
    assert list(annotate([line + "\n"])) == [line + "\n"]


@pytest.mark.parametrize(("line", "code"), [
    ("D: Status                        : 0xA700 - Failure", 0xA700),
    ("I: Received Echo Response (Status: 0x0000 - Success)", 0x0000),
    ("D: DIMSE Status                  : 0xa700: Refused: Out of resources", 0xA700),
    ("1:C-STORE-RSP[pcid=1, status=a700H, errorComment=full", 0xA700),
    ("1:C-STORE-RSP[pcid=1, status=0H", 0x0000),
    ('"ERROR: Received C-STORE-RSP with Status A700H for /x.dcm"', 0xA700),
    ("W: Unknown status value returned by the EVT_C_STORE handler: 0xC123", 0xC123),
    ("I: Find SCP Response: 1 - 0xFF00 (Pending)", 0xFF00),
    ("I: Move SCP Response 2: 0xB000 (Warning - some failed)", 0xB000),
    ("(0000,0900) Status                              US: 42752", 0xA700),
    ("(0000,0900) US 42752                                   #   2, 1 Status", 0xA700),
    ("(0000,0900) US [42752] Status", 0xA700),
    ("(0000,0900) US 0xa700", 0xA700),
    ("STATUS=0XA700", 0xA700),
])
def test_each_way_a_log_shows_a_status(line: str, code: int) -> None:
    [note] = notes(line, Command.C_STORE)
    assert note.startswith(f"C-STORE 0x{code:04X} ")


def test_the_annotation_format() -> None:
    [out] = annotate(["x Status: 0xA7F3\n"], Command.C_STORE)
    assert out == ("x Status: 0xA7F3  [dimse-status C-STORE 0xA7F3 Failure: Refused: Out of "
                   "Resources]\n")
    [out] = annotate(["x Status: 0xA700"])
    assert out == ("x Status: 0xA700  [dimse-status general 0xA700 Failure: "
                   "Unknown Failure (Annex C: Axxx is a Failure)]")


def test_command_overrides_what_the_log_says() -> None:
    line = "I: Received Find Response (Status: 0xC000)"
    assert notes(line) == ["C-FIND 0xC000 Failure: Failed: Unable to process"]
    assert notes(line, Command.C_STORE) == ["C-STORE 0xC000 Failure: Error: Cannot understand"]


def test_a_request_names_the_command_of_the_status_lines_after_it() -> None:
    log = [
        "D: Status : 0xC000\n",                  # nothing named yet: the general meaning
        "I: Sending Find Request: MsgID 1\n",
        "D: Status : 0xC000\n",                  # the find's response
        "I: Sending Store Request: MsgID 2\n",
        "D: Status : 0xC000\n",                  # the store's
        "D: Message Type : C-MOVE RSP\n",
        "D: Status : 0xC000\n",
    ]
    out = list(annotate(log))
    assert [line.split(MARKER)[1].split(" 0x")[0] for line in out[::2]] == [
        "general", "C-FIND", "C-STORE", "C-MOVE"]
    assert out[1::2] == log[1::2]


def test_a_line_names_its_own_command_before_or_after_the_code() -> None:
    log = ["Sending Store Request\n", "Get SCP: Received Store SCP response 0xA700 (Failure)\n",
           "Status: 0xC000 in the C-FIND response\n", "Status: 0xC000\n"]
    out = list(annotate(log))
    assert "C-STORE 0xA700" in out[1]
    assert "C-FIND 0xC000" in out[2]
    assert "C-FIND 0xC000" in out[3]  # the line before named C-FIND last


def test_empty_input() -> None:
    assert list(annotate([])) == []
    assert list(annotate("")) == []
    assert list(annotate(["", "\n"])) == ["", "\n"]


def test_several_codes_on_one_line_each_get_one_note_in_order() -> None:
    line = "C-FIND-RSP status=ff00H, Status: 0x0000, again status=ff00H, C-STORE Status: 0xC000"
    assert notes(line) == [
        "C-FIND 0xFF00 Pending: Matches are continuing - Current Match is supplied and any "
        "Optional Keys were supported in the same manner as Required Keys",
        "C-FIND 0x0000 Success: Matching is complete - No final Identifier is supplied",
        "C-STORE 0xC000 Failure: Error: Cannot understand",
    ]


def test_a_huge_line() -> None:
    filler = "x" * 5_000_000
    body = f"{filler} 1:C-STORE-RSP[pcid=1, status=a700H {filler}"
    [out] = annotate([body + "\n"])
    assert out == body + "  [dimse-status C-STORE 0xA700 Failure: Refused: Out of Resources]\n"
    many = "Status Status: " * 500_000
    assert list(annotate([many])) == [many]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r", ""])
def test_the_line_ending_is_kept_after_the_note(ending: str) -> None:
    [out] = annotate([f"Status: 0x0000{ending}"], Command.C_ECHO)
    assert out == f"Status: 0x0000  [dimse-status C-ECHO 0x0000 Success: Success]{ending}"


def test_a_whole_text_or_an_item_of_several_lines_is_read_line_by_line() -> None:
    text = "Sending Store Request\r\nStatus: 0xA700\nother\rStatus: 0x0000"
    out = list(annotate(text))
    assert out == list(annotate(["Sending Store Request\r\n", "Status: 0xA700\n", "other\r",
                                 "Status: 0x0000"]))
    assert len(out) == 4 and out[1].endswith("Out of Resources]\n") and out[2] == "other\r"
    assert "".join(annotate([text])) == "".join(out)


def test_garbage_passes_through() -> None:
    junk = "\udcff\x00\x1b[31m Status: 0xA700\x1b[0m \ufffd\u2028 [dimse-statu"
    [out] = annotate([junk + "\n"], Command.C_STORE)
    assert out == junk + "  [dimse-status C-STORE 0xA700 Failure: Refused: Out of Resources]\n"
    lines = ["\x00" * 100 + "\n", "\udc80\udcff\n", "]]]][[[[\n"]
    assert list(annotate(lines)) == lines


def test_lines_are_read_as_they_are_consumed() -> None:
    def log() -> Iterator[str]:
        yield "Sending Echo Request\n"
        yield "Status: 0x0000\n"
        raise RuntimeError("the rest of the log is not there")

    out = annotate(log())
    assert next(out) == "Sending Echo Request\n"
    assert next(out).endswith("[dimse-status C-ECHO 0x0000 Success: Success]\n")
    with pytest.raises(RuntimeError, match="not there"):
        next(out)


def test_a_registry_and_a_service() -> None:
    mine = StatusRegistry()
    mine.add(0xC9F0, "Failure", "Vendor: unsupported compression", command=Command.C_STORE)
    [out] = annotate(["C-STORE-RSP status=c9f0H"], registry=mine)
    assert out.endswith("[dimse-status C-STORE 0xC9F0 Failure: Vendor: unsupported compression]")
    [out] = annotate(["C-STORE-RSP status=c9f0H"])
    assert "Cannot understand" in out
    # A service applies where a command is known; without one, the general meaning.
    ups = Service.UNIFIED_PROCEDURE_STEP
    first, second = annotate(["Status: 0xC310", "N-ACTION-RSP status=c310H"], service=ups)
    assert "[dimse-status general 0xC310 " in first
    assert "[dimse-status N-ACTION UNIFIED_PROCEDURE_STEP 0xC310 " in second


@pytest.mark.parametrize(("args", "kwargs", "message"), [
    ((["x"], "C-STORE"), {}, "'C-STORE'"),
    ((["x"], None, "UPS"), {}, "service must be a dimse_status.Service"),
    ((["x"],), {"registry": {}}, "registry must be a StatusRegistry"),
    ((b"Status: 0x0000\n",), {}, "decode the bytes first"),
])
def test_bad_arguments_fail_at_the_call(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        annotate(*args, **kwargs)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def test_an_item_that_is_not_a_str_fails_when_it_is_reached() -> None:
    out = annotate(["Status: 0x0000\n", b"Status: 0x0000\n"])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    assert next(out).endswith("Success]\n")
    with pytest.raises(TypeError, match=r"lines of str, not bytes b'Status"):
        next(out)


def test_the_package_name_is_the_function_whatever_was_imported_first() -> None:
    """``dimse_status.annotate`` is the function even when its module is
    imported first, in a fresh interpreter (no submodule has its name)."""
    import subprocess
    import sys

    code = ("import dimse_status.cli.annotator as first, dimse_status; "
            "from dimse_status import annotate; "
            "print(callable(annotate), annotate is dimse_status.annotate, "
            "annotate is first.annotate)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.split() == ["True", "True", "True"]


# ------------------------------------------------- hostile lines (issue 21)


_CRAFTED = {
    "status value, blanks": "Status value" + " " * 1_000_000 + "x",
    "status, blanks": "Status" + " " * 1_000_000 + "x",
    "status value, text": "Status value" + "a" * 1_000_000,
    "status, colon, blanks": "Status:" + " " * 1_000_000 + "x",
    "status value, repeated": "Status value " * 80_000,
    "status and 63 blanks, repeated": ("Status" + " " * 63) * 15_000,
    "dump tag, blanks": "(0000,0900)" + " " * 1_000_000 + "x",
    "0x, repeated": "0x" * 500_000,
    "tabs": "STATUS value\t" + "\t" * 1_000_000 + ":",
    # issue 21 item 4: the presentation contexts and associations
    "context id, blanks": "Presentation Context ID" + " " * 1_000_000 + ":",
    "context id, repeated": "Presentation Context ID : 1" * 40_000,
    "accepted context, repeated": "  Context ID:        1 (" * 40_000,
    "abstract syntax, text": "Abstract Syntax: =" + "x" * 1_000_000,
    "associations, repeated": "Association Released " * 50_000,
    "accepted contexts and their syntaxes, repeated": (
        "  Context ID:        1 (Accepted) Abstract Syntax: =" * 20_000),
}


@pytest.mark.parametrize("line", _CRAFTED.values(), ids=list(_CRAFTED))
def test_a_crafted_megabyte_line_takes_linear_time(line: str) -> None:
    """A peer's text that findscu logs on one line: before issue 21 the
    first of these took minutes (27 s for 4,000 blanks).  Timed in a child
    with a timeout, against copying the same line there (a generous bound:
    the copy costs microseconds, so the bound is about a second of CPU
    time)."""
    import subprocess
    import sys

    code = (
        "import sys, time\n"
        "from dimse_status.cli.annotator import annotate, annotate_blocks\n"
        "line = sys.stdin.read()\n"
        "list(annotate(['warm Status: 0x0000']))\n"
        "t = time.process_time(); copy = ''.join([line[:]]); base = time.process_time() - t\n"
        "t = time.process_time(); [out] = annotate([line]); took = time.process_time() - t\n"
        "assert out == line\n"
        "t = time.process_time(); [out] = annotate_blocks([line])\n"
        "took += time.process_time() - t\n"
        "assert out == line\n"
        "print(took, base)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], input=line, capture_output=True,
                            text=True, timeout=60, check=True)
    took, base = map(float, result.stdout.split())
    # CPU time, which other load on the machine does not count: each takes
    # 0.1-0.3 s (before issue 21 the first took hours).
    assert took < 1.0 + 1000 * base, (took, base)


def test_a_code_is_looked_for_a_bounded_distance_after_status() -> None:
    assert notes("Status" + " " * 64 + ": 0xA700", Command.C_STORE)
    assert notes("Status" + " " * 65 + "0xA700", Command.C_STORE) == []
    assert notes("Unknown status value returned by the EVT_C_STORE handler: 0xC123",
                 Command.C_STORE)
    assert notes("status value " + "x" * 81 + ": 0xC123", Command.C_STORE) == []


def test_a_fake_annotation_in_a_peers_text_does_not_hide_the_status() -> None:
    """dcm4che logs a peer's Error Comment on the status line: one that ends
    in a fake annotation is text, and the real status is annotated after it."""
    fake = "  [dimse-status C-STORE 0xA700 Success: Success]"
    line = f"<< 1:C-STORE-RSP[pcid=1, status=a700H, errorComment=ok{fake}"
    real = "  [dimse-status C-STORE 0xA700 Failure: Refused: Out of Resources]"
    [out] = annotate([line + "\n"])
    assert out == line + real + "\n"
    assert list(annotate([out])) == [out]  # and annotating twice changes nothing
    # Elsewhere on the line, or not in the exact form, it is text too.
    for text in [f"status=a700H{fake} more", "status=a700H  [dimse-status whatever]",
                 "status=a700H  [dimse-status C-STORE 0xa700 Success: Success]"]:
        [out] = annotate([text], Command.C_STORE)
        assert out == text + real


@pytest.mark.parametrize(("line", "note"), [
    ("I: Received Store Response (Refused: OutOfResources)",
     "C-STORE 0xA700 Failure: Refused: Out of Resources"),
    ("I: Received Store Response (Warning: CoercionOfDataElements)",
     "C-STORE 0xB000 Warning: Coercion of Data Elements"),
    ("I: Find Response: 2 (Pending: WarningUnsupportedOptionalKeys)", "C-FIND 0xFF01 Pending: "),
    ("I: Received Final Find Response (Failed: UnableToProcess)",
     "C-FIND 0xC000 Failure: Failed: Unable to process"),
    ("W: Move response with error status (Refused: MoveDestinationUnknown)",
     "C-MOVE 0xA801 Failure: Refused: Move Destination unknown"),
    ("I: Received Final Move Response (Warning: SubOperationsCompleteOneOrMoreFailures)",
     "C-MOVE 0xB000 Warning: "),
    ("I: Received Echo Response (Success)", "C-ECHO 0x0000 Success: Success"),
])
def test_dcmtks_verbose_texts_are_read(line: str, note: str) -> None:
    """DCMTK's -v shows a status only as diutil.cc's text; a text that stands
    for a range (A7xx, Cxxx) is read as the range's first code."""
    [found] = notes(line)
    assert found.startswith(note)


def test_a_text_dcmtk_does_not_print_for_the_command_is_not_read() -> None:
    assert notes("I: Received Store Response (Pending)") == []
    assert notes("I: Received Find Response (Nonsense: Words)") == []
    assert notes("I: Received Store Response (Refused: OutOfResources) x") != []


@pytest.mark.parametrize("size", [1, 7, 4096])
def test_blocks_of_whole_lines_annotate_as_the_lines_do(size: int) -> None:
    """annotate_blocks (what the command reads with) gives what annotate
    gives line by line, however the log is cut into blocks of whole lines."""
    from dimse_status.cli.annotator import annotate_blocks

    text = "".join(read(log) for log in FIXTURES)
    lines = text.splitlines(keepends=True)
    blocks = ["".join(lines[i:i + size]) for i in range(0, len(lines), size)]
    assert "".join(annotate_blocks(blocks)) == "".join(annotate(lines))


@pytest.mark.parametrize("size", [1, 3, 1000])
def test_blocks_find_every_status_line_and_command_the_lines_by_line_reading_does(
        size: int) -> None:
    """What annotate_blocks searches for (literals, form 2's expression, the
    text between status lines remembered) reads what annotate reads line by
    line: hex that is no status, a command named on such a line, form 2 in
    either case, long text between status lines, the same text after
    different commands, a last line without its ending."""
    from dimse_status.cli.annotator import annotate_blocks

    long_gap = "".join(f"D: (0008,0018) UI [1.2.3.{i}]\n" for i in range(60))  # > 1 KiB
    text = "".join([
        "D: Message Type : C-FIND RQ 0x0001\n", "D: Identifier : None\n",
        "D: Status : 0xC001\n",
        "D: Message Type : C-STORE RSP\n", "D: Identifier : None\n",
        "D: Status : 0xC001\n",
        "I: Find SCP Response: 1 - 0xFF00 (Pending)\n", "I: 0XFF01 (Pending)\n",
        "N-ACTION 0x12 (no status)\n", long_gap, "Status: 0xC310\n",
        "C-MOVE RQ\n", long_gap, "Status: 0xA801\n",
        "D: Status : 0x0000",
    ])
    lines = text.splitlines(keepends=True)
    blocks = ["".join(lines[i:i + size]) for i in range(0, len(lines), size)]
    expected = "".join(annotate(lines))
    assert "".join(annotate_blocks(blocks)) == expected
    assert expected.count(MARKER) == 7
