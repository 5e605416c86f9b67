"""The server and client toolkit over real associations on 127.0.0.1, with
pynetdicom on both sides: ``status_handler`` for every DIMSE command, status
logging, what a client sees after an abort, and the final C-GET/C-MOVE
status pynetdicom sends for chosen sub-operation statuses, against the
tally's."""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownParameterType=false
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false
# pyright: reportUnknownLambdaType=false

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from loopback import TIMEOUT, StartSCP, alarm, associate, instance, peer, servers, tally_final
from pydicom import Dataset
from pydicom.tag import Tag
from pydicom.uid import UID, CTImageStorage, generate_uid
from pynetdicom import build_role, evt

from dimse_status import (
    Command,
    CStoreStatus,
    NoResponseError,
    Service,
    Status,
    StatusError,
    StatusRegistry,
    SubOperationTally,
    retrieve_outcome,
    status_handler,
    status_log_handlers,
)
from dimse_status.toolkit.handlers import DEFAULT_FAILURES

Verification = UID("1.2.840.10008.1.1")
FIND = UID("1.2.840.10008.5.1.4.1.2.1.1")  # Patient Root Q/R Find
MOVE = UID("1.2.840.10008.5.1.4.1.2.1.2")
GET = UID("1.2.840.10008.5.1.4.1.2.1.3")
FILM_SESSION = UID("1.2.840.10008.5.1.1.1")  # Basic Film Session: every N-* command

EVENTS = {
    Command.C_ECHO: evt.EVT_C_ECHO, Command.C_STORE: evt.EVT_C_STORE,
    Command.C_FIND: evt.EVT_C_FIND, Command.C_GET: evt.EVT_C_GET,
    Command.C_MOVE: evt.EVT_C_MOVE, Command.N_EVENT_REPORT: evt.EVT_N_EVENT_REPORT,
    Command.N_GET: evt.EVT_N_GET, Command.N_SET: evt.EVT_N_SET,
    Command.N_ACTION: evt.EVT_N_ACTION, Command.N_CREATE: evt.EVT_N_CREATE,
    Command.N_DELETE: evt.EVT_N_DELETE,
}
CONTEXTS = {
    Command.C_ECHO: [Verification], Command.C_STORE: [CTImageStorage],
    Command.C_FIND: [FIND], Command.C_GET: [GET, CTImageStorage],
    Command.C_MOVE: [MOVE, CTImageStorage],
}
PAIRS = {Command.N_EVENT_REPORT, Command.N_GET, Command.N_SET, Command.N_ACTION,
         Command.N_CREATE}

# A failure the standard lists for each command that may carry an Error Comment.
ANSWERS = {
    Command.C_ECHO: 0x0122, Command.C_STORE: 0xA7F3, Command.C_FIND: 0xC001,
    Command.C_GET: 0xA701, Command.C_MOVE: 0xA801, Command.N_EVENT_REPORT: 0x0110,
    Command.N_GET: 0x0124, Command.N_SET: 0x0124, Command.N_ACTION: 0x0124,
    Command.N_CREATE: 0x0124, Command.N_DELETE: 0x0124,
}
# A code each command does not list: refused before the wire.
UNLISTED = 0xB123


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    with alarm(40):
        yield


@pytest.fixture
def scp() -> Iterator[StartSCP]:
    with servers() as start:
        yield start


def _query() -> Dataset:
    query = Dataset()
    query.QueryRetrieveLevel = "PATIENT"
    query.PatientID = "1234"
    return query


def _handler(command: Command, body: Callable[[], Any], destination: int | None) -> Any:
    """A raw pynetdicom handler for ``command`` whose answer is ``body()``
    (which may raise): returned, paired with None, or yielded as its command needs."""
    if command is Command.C_FIND:
        def find(event: Any) -> Iterator[Any]:
            yield body(), None
        return find
    if command is Command.C_GET:
        def get(event: Any) -> Iterator[Any]:
            answer = body()
            yield 1
            yield answer, None
        return get
    if command is Command.C_MOVE:
        def move(event: Any) -> Iterator[Any]:
            yield "127.0.0.1", destination
            yield 1
            yield body(), None
        return move
    if command in PAIRS:
        return lambda event: (body(), None)
    return lambda event: body()


def _request(command: Command, port: int) -> list[Dataset]:
    """Send ``command``'s request; return the status datasets received."""
    contexts = CONTEXTS.get(command, [FILM_SESSION])
    roles = [build_role(CTImageStorage, scp_role=True)] if command is Command.C_GET else None
    assoc = associate(port, contexts, roles=roles)
    uid = generate_uid()
    try:
        if command is Command.C_ECHO:
            return [assoc.send_c_echo()]
        if command is Command.C_STORE:
            return [assoc.send_c_store(instance())]
        if command is Command.C_FIND:
            return [rsp for rsp, _ in assoc.send_c_find(_query(), FIND)]
        if command is Command.C_GET:
            return [rsp for rsp, _ in assoc.send_c_get(_query(), GET)]
        if command is Command.C_MOVE:
            return [rsp for rsp, _ in assoc.send_c_move(_query(), "STORE_SCP", MOVE)]
        ds = Dataset()
        ds.NumberOfCopies = 1
        if command is Command.N_EVENT_REPORT:
            rsp, _ = assoc.send_n_event_report(ds, 1, FILM_SESSION, uid)
        elif command is Command.N_GET:
            rsp, _ = assoc.send_n_get([Tag(0x20000010)], FILM_SESSION, uid)
        elif command is Command.N_SET:
            rsp, _ = assoc.send_n_set(ds, FILM_SESSION, uid)
        elif command is Command.N_ACTION:
            rsp, _ = assoc.send_n_action(ds, 1, FILM_SESSION, uid)
        elif command is Command.N_CREATE:
            rsp, _ = assoc.send_n_create(ds, FILM_SESSION, uid)
        else:
            rsp = assoc.send_n_delete(FILM_SESSION, uid)
        return [rsp]
    finally:
        assoc.release()


def _exchange(scp: StartSCP, command: Command, body: Callable[[], Any],
              scp_handlers: Any = None) -> Status[Any]:
    """One exchange of ``command`` whose SCP answers ``body()`` through
    ``status_handler``; the final status the SCU read."""
    destination = scp([CTImageStorage], [(evt.EVT_C_STORE, lambda event: 0x0000)]) \
        if command is Command.C_MOVE else None
    handler = status_handler(_handler(command, body, destination))
    port = scp(CONTEXTS.get(command, [FILM_SESSION]),
               [(EVENTS[command], handler), *(scp_handlers or [])])
    responses = _request(command, port)
    assert responses and len(responses[-1]) > 0, "no response arrived"
    return Status.from_dataset(responses[-1], command)


COMMANDS = list(Command)


def _raise(error: Exception) -> Callable[[], Any]:
    def body() -> Any:
        raise error
    return body


LONG = "handler broke: " + "x" * 80
# What the wrapped handler does -> what the SCU must read: (code, Error Comment);
# None stands for the command's default failure.
BEHAVIOURS: dict[str, tuple[Callable[[Command], Callable[[], Any]], int | None,
                            Callable[[Command], str]]] = {
    "raises StatusError": (
        lambda c: _raise(StatusError(ANSWERS[c], f"{c.label} refused by test")),
        -1, lambda c: f"{c.label} refused by test"),
    "raises RuntimeError": (lambda c: _raise(RuntimeError(LONG)), None,
                            lambda c: LONG[:61] + "..."),
    "returns a Status": (
        lambda c: lambda: Status(ANSWERS[c], c).with_details(error_comment=f"for {c.label}"),
        -1, lambda c: f"for {c.label}"),
    "returns an unlisted code": (
        lambda c: lambda: UNLISTED, None, lambda c: f"refused 0xB123: not a {c.label} status"),
}


@pytest.mark.parametrize("behaviour", list(BEHAVIOURS))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.label)
def test_the_scu_reads_the_code_and_comment_the_adapter_sent(
    scp: StartSCP, command: Command, behaviour: str
) -> None:
    """-1: the code the handler gave (ANSWERS); None: the default failure."""
    make, code, comment = BEHAVIOURS[behaviour]
    status = _exchange(scp, command, make(command))
    expected = ANSWERS[command] if code == -1 else DEFAULT_FAILURES[command]
    assert (status.code, status.error_comment) == (expected, comment(command))
    assert status.is_failure


def test_a_member_returned_by_a_c_store_handler_and_the_success_path(scp: StartSCP) -> None:
    """Members and Success pass through unchanged."""
    member = CStoreStatus.ELEMENTS_DISCARDED
    assert _exchange(scp, Command.C_STORE, lambda: member).member is member
    assert _exchange(scp, Command.C_STORE, lambda: 0).is_success



# --- the Error Comment rule: the raised status always reaches the client -------

GERMAN = "Speicher voll: Größe\tC:\\daten\n" + "ä" * 70
# What an LO can carry of it: transliterated, tab and newline and backslash
# replaced, cut to 64 characters with an ASCII ellipsis.
GERMAN_LO = "Speicher voll: Grosse C:/daten " + "a" * 30 + "..."


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.label)
def test_a_status_error_with_any_text_arrives_as_raised_with_the_text_made_to_fit(
    scp: StartSCP, command: Command
) -> None:
    status = _exchange(scp, command, _raise(StatusError(ANSWERS[command], GERMAN)))
    assert (status.code, status.error_comment) == (ANSWERS[command], GERMAN_LO)
    assert len(GERMAN_LO) == 64


def test_the_text_as_given_stays_on_the_status_error() -> None:
    error = StatusError(CStoreStatus.OUT_OF_RESOURCES, "Speicher voll: Größe")
    assert error.status.error_comment == "Speicher voll: Grosse"
    assert error.error_comment_given == "Speicher voll: Größe"
    assert error.comment_dropped is None


# Statuses whose related fields have no Error Comment (PS3.7 C.5.14, C.5.19, C.5.12).
NO_COMMENT = [(Command.N_SET, 0x0121), (Command.N_ACTION, 0x0112), (Command.C_STORE, 0x0117)]


@pytest.mark.parametrize(("command", "code"), NO_COMMENT, ids=lambda v: getattr(v, "label", ""))
@pytest.mark.parametrize("given", ["resolved", "code"])
def test_a_status_that_carries_no_comment_arrives_without_it_and_the_drop_is_logged(
    scp: StartSCP, caplog: pytest.LogCaptureFixture, command: Command, code: int, given: str
) -> None:
    raised = StatusError(Status(code, command) if given == "resolved" else code, "Größe")
    caplog.set_level(logging.WARNING, logger="dimse_status")
    status = _exchange(scp, command, _raise(raised))
    assert (status.code, status.error_comment) == (code, None)
    dropped = [r.getMessage() for r in caplog.records if r.name == "dimse_status"
               and "without the Error Comment" in r.getMessage()]
    assert len(dropped) == 1, [r.getMessage() for r in caplog.records]
    assert f"0x{code:04X}" in dropped[0] and "'Größe'" in dropped[0]
    assert "does not travel with" in dropped[0]


@pytest.mark.parametrize(("error", "comment"), [
    (OSError("Auf dem Gerät ist kein Speicherplatz mehr verfügbar"),
     "Auf dem Gerat ist kein Speicherplatz mehr verfugbar"),
    (RuntimeError("line one\nline\ttwo \\ three"), "line one line two / three"),
], ids=["non-ASCII", "control characters"])
@pytest.mark.parametrize("command", [Command.C_STORE, Command.C_FIND, Command.N_SET],
                         ids=lambda c: c.label)
def test_a_plain_exception_s_message_arrives_made_printable(
    scp: StartSCP, caplog: pytest.LogCaptureFixture, command: Command, error: Exception,
    comment: str,
) -> None:
    caplog.set_level(logging.DEBUG, logger="dimse_status")
    status = _exchange(scp, command, _raise(error))
    assert (status.code, status.error_comment) == (DEFAULT_FAILURES[command], comment)
    assert not [r for r in caplog.records if "no Error Comment" in r.getMessage()
                or "without the Error Comment" in r.getMessage()]


def test_storescu_reads_the_raised_status_and_the_fitted_comment(
    scp: StartSCP, tmp_path: Path
) -> None:
    """DCMTK's storescu on the wire: A700 with the comment made to fit."""
    from test_dcmtk import _ensure_dcmtk  # pyright: ignore[reportPrivateUsage]
    from test_testserver_dcmtk import comments_in, run_tool, statuses_in, write_ct

    _ensure_dcmtk()

    @status_handler
    def store(event: Any) -> int:
        raise StatusError(CStoreStatus.OUT_OF_RESOURCES, GERMAN)

    port = scp([CTImageStorage], [(evt.EVT_C_STORE, store)])
    ct = write_ct(tmp_path / "ct.dcm")
    code, log = run_tool("storescu", ("127.0.0.1", port), files=(str(ct),))
    assert code != 0, log  # storescu fails on a Failure
    assert statuses_in(log) == [0xA700], log
    assert comments_in(log) == [GERMAN_LO], log



# --- generators returned, and the points of a C-GET or C-MOVE ------------------

def _search(code: int) -> Iterator[Any]:
    match = Dataset()
    match.PatientID = "1234"
    yield 0xFF00, match
    raise StatusError(code, "search broke")


def test_a_c_find_handler_that_returns_its_generator_is_adapted(scp: StartSCP) -> None:
    @status_handler
    def find(event: Any) -> Iterator[Any]:
        return _search(0xC001)  # not ``yield from``

    port = scp([FIND], [(evt.EVT_C_FIND, find)])
    assoc = associate(port, [FIND])
    try:
        responses = [rsp for rsp, _ in assoc.send_c_find(_query(), FIND)]
    finally:
        assoc.release()
    statuses = [Status.from_dataset(rsp, Command.C_FIND) for rsp in responses]
    assert [(s.code, s.error_comment) for s in statuses] == [
        (0xFF00, None), (0xC001, "search broke")]


def test_a_c_get_handler_that_returns_its_generator_is_adapted(scp: StartSCP) -> None:
    def items() -> Iterator[Any]:
        yield 1
        raise StatusError(0xA701, "cannot count")

    @status_handler
    def get(event: Any) -> Iterator[Any]:
        return items()

    port = scp([GET, CTImageStorage], [(evt.EVT_C_GET, get)])
    assoc = associate(port, [GET, CTImageStorage], roles=[build_role(CTImageStorage,
                                                                     scp_role=True)])
    try:
        responses = [rsp for rsp, _ in assoc.send_c_get(_query(), GET)]
    finally:
        assoc.release()
    final = Status.from_dataset(responses[-1], Command.C_GET)
    assert (final.code, final.error_comment) == (0xA701, "cannot count")


def _move(scp: StartSCP, handler: Callable[[Any], Iterator[Any]]) -> Status[Any]:
    port = scp([MOVE, CTImageStorage], [(evt.EVT_C_MOVE, status_handler(handler))])
    assoc = associate(port, [MOVE])
    try:
        responses = [rsp for rsp, _ in assoc.send_c_move(_query(), "STORE_SCP", MOVE)]
    finally:
        assoc.release()
    assert responses and len(responses[-1]) > 0, "no response arrived"
    return Status.from_dataset(responses[-1], Command.C_MOVE)


def test_c_move_a_status_error_after_the_destination_arrives_as_raised(scp: StartSCP) -> None:
    store_port = scp([CTImageStorage], [(evt.EVT_C_STORE, lambda event: 0x0000)])

    def move(event: Any) -> Iterator[Any]:
        yield "127.0.0.1", store_port
        raise StatusError(0xA701, "Größe unknown")

    final = _move(scp, move)
    assert (final.code, final.error_comment) == (0xA701, "Grosse unknown")


def test_c_move_destination_unknown_before_the_destination_arrives_as_a801(
    scp: StartSCP
) -> None:
    def move(event: Any) -> Iterator[Any]:
        if event is not None:
            raise StatusError(0xA801, "no such AE")
        yield "127.0.0.1", 0  # never reached: a generator

    assert _move(scp, move).code == 0xA801


def test_c_move_another_raise_before_the_destination_is_pynetdicom_s_c514(
    scp: StartSCP, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing but A801 can answer before the destination (documented)."""
    def move(event: Any) -> Iterator[Any]:
        if event is not None:
            raise StatusError(0xA701, "before the destination")
        yield "127.0.0.1", 0  # never reached: a generator

    caplog.set_level(logging.ERROR, logger="dimse_status")
    assert _move(scp, move).code == 0xC514
    assert any("pynetdicom answers 0xC514" in r.getMessage() for r in caplog.records)



def test_the_tally_s_failed_sop_instance_uid_list_reaches_the_c_get_scu(scp: StartSCP) -> None:
    @status_handler
    def get(event: Any) -> Iterator[Any]:
        tally = SubOperationTally(Command.C_GET, total=2)
        tally.add(0xA700, sop_instance_uid="1.2.3.4")
        tally.add(0xA700, sop_instance_uid="1.2.3.5")
        yield 2
        yield tally.final(), tally.to_dataset()

    port = scp([GET, CTImageStorage], [(evt.EVT_C_GET, get)])
    assoc = associate(port, [GET, CTImageStorage], roles=[build_role(CTImageStorage,
                                                                     scp_role=True)])
    try:
        responses = list(assoc.send_c_get(_query(), GET))
    finally:
        assoc.release()
    status, identifier = responses[-1]
    assert Status.from_dataset(status, Command.C_GET).code == 0xA702
    assert identifier is not None
    assert list(identifier.FailedSOPInstanceUIDList) == ["1.2.3.4", "1.2.3.5"]


# --- logging -----------------------------------------------------------------

@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.label)
def test_every_received_and_sent_status_is_logged_with_structured_fields(
    scp: StartSCP, command: Command, caplog: pytest.LogCaptureFixture
) -> None:
    code = ANSWERS[command]
    scp_log = logging.getLogger("test.scp")
    sent = Status(code, command).with_details(error_comment="logged")
    port_handlers = status_log_handlers(scp_log)
    caplog.set_level(logging.DEBUG, logger="test")
    _exchange(scp, command, lambda: sent, scp_handlers=port_handlers)
    records = [r for r in caplog.records if r.name == "test.scp"
               and getattr(r, "direction", None) == "sent"]
    assert records, f"no status logged for {command.label}"
    final = records[-1]
    assert final.levelno == logging.ERROR  # a Failure
    assert final.__dict__["code"] == code
    assert final.__dict__["type"] == "Failure"
    assert final.__dict__["command"] == command.label
    assert final.__dict__["comment"] == "logged"
    member = Status(code, command).member
    assert final.__dict__["member"] == (None if member is None else member.name)
    assert f"(0x{code:04X})" in final.getMessage() and "'logged'" in final.getMessage()


def test_the_scu_logs_what_it_receives_at_the_level_of_each_type(
    scp: StartSCP, caplog: pytest.LogCaptureFixture
) -> None:
    """C-FIND: Pending at DEBUG, the final Success at INFO; a C-STORE B123
    warning (pynetdicom's log says "Unknown") at WARNING with its meaning."""

    def find(event: Any) -> Iterator[Any]:
        match = Dataset()
        match.PatientID = "1234"
        yield 0xFF00, match

    port = scp([FIND, CTImageStorage], [(evt.EVT_C_FIND, find),
                                        (evt.EVT_C_STORE, lambda event: 0xB123)])
    caplog.set_level(logging.DEBUG, logger="test")
    assoc = associate(port, [FIND, CTImageStorage],
                      handlers=status_log_handlers(logging.getLogger("test.scu")))
    try:
        list(assoc.send_c_find(_query(), FIND))
        assoc.send_c_store(instance())
    finally:
        assoc.release()
    received = [(r.levelno, r.__dict__["code"]) for r in caplog.records
                if r.name == "test.scu" and r.__dict__.get("direction") == "received"]
    assert received == [(logging.DEBUG, 0xFF00), (logging.INFO, 0x0000),
                        (logging.WARNING, 0xB123)]
    warning = next(r for r in caplog.records if r.__dict__.get("code") == 0xB123)
    assert "Unknown Warning (Annex C: Bxxx is a Warning) [C-STORE]" in warning.getMessage()


UPS_PUSH = UID("1.2.840.10008.5.1.4.34.6.1")


def test_the_logs_read_a_service_and_a_registry_as_status_does(
    scp: StartSCP, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 20 item 16: with ``service=``, a UPS N-ACTION C310 is logged
    with its UPS meaning (not "Unknown Failure"); with ``registry=``, a
    vendor code with the registry's meaning; on both sides of the association."""
    vendor = StatusRegistry()
    vendor.add(0xC9F0, "Failure", "Vendor: worklist locked", command=Command.N_ACTION)
    answers = {1: 0xC310, 2: 0xC9F0}
    port = scp([UPS_PUSH], [
        (evt.EVT_N_ACTION, lambda event: (answers[event.action_type], None)),
        *status_log_handlers(logging.getLogger("test.scp"), service=Service.UNIFIED_PROCEDURE_STEP,
                             registry=vendor)])
    caplog.set_level(logging.DEBUG, logger="test")
    assoc = associate(port, [UPS_PUSH], handlers=status_log_handlers(
        logging.getLogger("test.scu"), service=Service.UNIFIED_PROCEDURE_STEP, registry=vendor))
    information = Dataset()
    information.TransactionUID = generate_uid()  # (an empty one is never answered)
    try:
        for action in answers:
            rsp, _ = assoc.send_n_action(information, action, UPS_PUSH, generate_uid())
            assert rsp.Status == answers[action]
    finally:
        assoc.release()
    for side, direction in (("test.scu", "received"), ("test.scp", "sent")):
        lines = [r.getMessage() for r in caplog.records
                 if r.name == side and r.__dict__.get("direction") == direction]
        assert lines == [
            f"{direction} (0xC310) Failure: Failed: The UPS is not yet in the IN PROGRESS state "
            "[N-ACTION]",
            f"{direction} (0xC9F0) Failure: Vendor: worklist locked [N-ACTION]",
        ], side
    members = [r.__dict__["member"] for r in caplog.records if r.name == "test.scu"]
    assert members == ["NOT_YET_IN_PROGRESS", None]


def test_the_log_handlers_check_service_and_registry_when_made() -> None:
    with pytest.raises(TypeError, match=r"service must be a dimse_status\.Service"):
        status_log_handlers(service="UPS")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    with pytest.raises(TypeError, match="registry must be a StatusRegistry"):
        status_log_handlers(registry={})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


# --- abort ---------------------------------------------------------------------

def test_after_a_real_abort_from_dataset_raises_no_response_error(scp: StartSCP) -> None:
    def abort(event: Any) -> int:
        event.assoc.abort()
        return 0x0000

    port = scp([CTImageStorage], [(evt.EVT_C_STORE, abort)])
    assoc = associate(port, [CTImageStorage])
    rsp = assoc.send_c_store(instance())
    deadline = time.monotonic() + TIMEOUT
    while not assoc.is_aborted and time.monotonic() < deadline:
        time.sleep(0.05)
    assert assoc.is_aborted, "the peer's A-ABORT did not arrive"
    assert len(rsp) == 0
    with pytest.raises(NoResponseError, match="no response arrived"):
        Status.from_dataset(rsp, Command.C_STORE)
    with pytest.raises(ValueError):  # what callers caught before
        Status.from_dataset(rsp, Command.C_STORE)


# --- C-GET and C-MOVE finals from pynetdicom's SCP -----------------------------

# The C-STORE statuses the sub-operation peer answers, one per instance.
SUB_OPERATIONS = [
    (0x0000, 0x0000, 0x0000),
    (0x0000, 0x0000, 0xA700),
    (0xA700, 0xC000, 0xA7F3),
    (0x0000, 0xB000, 0x0000),
    (0xB007, 0xB006, 0xB000),
    (0x0000, 0xB123, 0x0001),  # Annex C warnings pynetdicom counts as failures
    (0xB123, 0xB123),
]
# Where pynetdicom 3.0.4's final differs from PS3.4's rule: it counts any code
# not in its C-STORE table (B123, 0001) as a failure.
PYNETDICOM_FINALS: dict[tuple[int, ...], tuple[int, int, int, int]] = {
    (0x0000, 0xB123, 0x0001): (0xB000, 1, 2, 0),
    (0xB123, 0xB123): (0xA702, 0, 2, 0),
}




def _check_final(command: Command, codes: tuple[int, ...], final: Status[Any]) -> None:
    expected = tally_final(command, codes)
    sub = final.sub_operations
    got = (final.code, sub.completed, sub.failed, sub.warning)
    if codes in PYNETDICOM_FINALS:
        assert got == PYNETDICOM_FINALS[codes]
        assert got != (expected.code, *expected.sub_operations[1:])
    else:
        assert got == (expected.code, *expected.sub_operations[1:])
        assert retrieve_outcome(final) is retrieve_outcome(expected)


@pytest.mark.parametrize("codes", SUB_OPERATIONS, ids=lambda c: "-".join(f"{x:04X}" for x in c))
def test_pynetdicom_c_get_final_against_the_tally(scp: StartSCP, codes: tuple[int, ...]) -> None:
    def handle_get(event: Any) -> Iterator[Any]:
        yield len(codes)
        for _ in codes:
            yield 0xFF00, instance()

    port = scp([GET, CTImageStorage], [(evt.EVT_C_GET, handle_get)])
    assoc = associate(port, [GET, CTImageStorage], handlers=[(evt.EVT_C_STORE, peer(codes))],
                      roles=[build_role(CTImageStorage, scp_role=True)])
    try:
        responses = [rsp for rsp, _ in assoc.send_c_get(_query(), GET)]
    finally:
        assoc.release()
    _check_final(Command.C_GET, codes, Status.from_dataset(responses[-1], Command.C_GET))


@pytest.mark.parametrize("codes", SUB_OPERATIONS, ids=lambda c: "-".join(f"{x:04X}" for x in c))
def test_pynetdicom_c_move_final_against_the_tally(scp: StartSCP, codes: tuple[int, ...]) -> None:
    store_port = scp([CTImageStorage], [(evt.EVT_C_STORE, peer(codes))])

    def handle_move(event: Any) -> Iterator[Any]:
        yield "127.0.0.1", store_port
        yield len(codes)
        for _ in codes:
            yield 0xFF00, instance()

    port = scp([MOVE, CTImageStorage], [(evt.EVT_C_MOVE, handle_move)])
    assoc = associate(port, [MOVE])
    try:
        responses = [rsp for rsp, _ in assoc.send_c_move(_query(), "STORE_SCP", MOVE)]
    finally:
        assoc.release()
    _check_final(Command.C_MOVE, codes, Status.from_dataset(responses[-1], Command.C_MOVE))


def test_the_c_get_scu_tallies_its_own_answers_and_checks_the_final(scp: StartSCP) -> None:
    """The C-GET SCU is the sub-operations' peer: it can tally what it
    answered and see that pynetdicom's final contradicts it for B123."""
    codes = (0xB123, 0xB123)

    def handle_get(event: Any) -> Iterator[Any]:
        yield len(codes)
        for _ in codes:
            yield 0xFF00, instance()

    mine = SubOperationTally(Command.C_GET, total=len(codes))

    @status_handler
    def answer(event: Any) -> int:
        mine.add(0xB123)
        return 0xB123

    port = scp([GET, CTImageStorage], [(evt.EVT_C_GET, handle_get)])
    assoc = associate(port, [GET, CTImageStorage], handlers=[(evt.EVT_C_STORE, answer)],
                      roles=[build_role(CTImageStorage, scp_role=True)])
    try:
        responses = [rsp for rsp, _ in assoc.send_c_get(_query(), GET)]
    finally:
        assoc.release()
    final = Status.from_dataset(responses[-1], Command.C_GET)
    expected = mine.final()
    assert (expected.code, expected.sub_operations.warning) == (0xB000, 2)
    assert (final.code, final.sub_operations.failed) == (0xA702, 2)  # pynetdicom 3.0.4
