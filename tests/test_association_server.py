"""The status test server rejects associations as told (``reject``, every
association or the Nth), and real peers read what it sent: DCMTK's echoscu
and storescu (``-d``: their logs, which ``annotate`` explains) and a
pynetdicom SCU (``rejection_of``).  Every wait is bounded."""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path

import pytest
from loopback import TIMEOUT, ae, instance
from pydicom.uid import UID
from test_dcmtk import _ensure_dcmtk, dcmtk  # pyright: ignore[reportPrivateUsage]

from dimse_status import StatusServer, annotate, status_server
from dimse_status.association import (
    Abort,
    AbortReason,
    OutcomeRecorder,
    Rejection,
    rejection_of,
)
from dimse_status.cli import main
from dimse_status.testing.script import ScriptError

pytestmark = pytest.mark.usefixtures("bounded")
DEFINED = [(1, 1, 1), (1, 1, 2), (1, 1, 3), (1, 1, 7), (1, 2, 1), (2, 2, 2), (2, 3, 1),
           (2, 3, 2), (1, 3, 2), (2, 1, 7)]  # every defined (source, reason), both results
Verification = UID("1.2.840.10008.1.1")


def _run(tool: str, port: int, *args: str) -> str:
    timeouts = ["-to", str(TIMEOUT), "-ta", str(TIMEOUT), "-td", str(TIMEOUT)]
    result = subprocess.run([str(dcmtk(tool)), "-d", *timeouts, "-aec", "STATUS-SCP",
                             "127.0.0.1", str(port), *args],
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode != 0  # rejected
    return result.stdout + result.stderr


@pytest.mark.parametrize("sent", DEFINED, ids=[",".join(map(str, s)) for s in DEFINED])
def test_echoscu_reads_each_rejection_and_annotate_explains_it(sent: tuple[int, int, int]) -> None:
    _ensure_dcmtk()
    with StatusServer(reject=",".join(map(str, sent)), timeout=TIMEOUT) as server:
        log = _run("echoscu", server.port)
    rejection = Rejection(*sent)
    words = {1: "Rejected Permanent", 2: "Rejected Transient"}[sent[0]]
    assert f"Result: {words}" in log
    notes = [line for line in annotate(log.splitlines()) if "[dimse-status A-ASSOCIATE-RJ" in line]
    assert notes == [next(line for line in log.splitlines() if line.startswith("F: Reason:"))
                     + f"  [dimse-status A-ASSOCIATE-RJ ({sent[0]},{sent[1]},{sent[2]}) "
                       f"{rejection}]"]


def test_storescu_reads_the_nth_rejection(tmp_path: Path) -> None:
    _ensure_dcmtk()
    file = tmp_path / "ct.dcm"
    instance().save_as(file, enforce_file_format=True)
    with StatusServer(reject="transient,presentation,local-limit-exceeded", reject_nth=2,
                      timeout=TIMEOUT) as server:
        first = subprocess.run([str(dcmtk("storescu")), "-d", "-aec", "STATUS-SCP", "127.0.0.1",
                                str(server.port), str(file)],
                               capture_output=True, text=True, timeout=30, check=False)
        assert first.returncode == 0, first.stdout + first.stderr
        log = _run("storescu", server.port, str(file))
    assert "F: Reason: Local Limit Exceeded" in log
    assert "(2,3,2) Rejected (transient)" in "\n".join(annotate(log.splitlines()))


@pytest.mark.parametrize("sent", DEFINED, ids=[",".join(map(str, s)) for s in DEFINED])
def test_a_pynetdicom_scu_reads_each_rejection(sent: tuple[int, int, int]) -> None:
    """The recorder always has it; ``rejection_of`` whenever pynetdicom 3.0.4
    saw it (a race of its own: a rejection that arrives before its requestor
    thread checks the connection is lost to it, see docs/association.md)."""
    recorder = OutcomeRecorder()
    with StatusServer(reject=Rejection(*sent), timeout=TIMEOUT) as server:
        entity = ae()
        entity.add_requested_context(Verification)
        assoc = entity.associate("127.0.0.1", server.port, ae_title="STATUS-SCP",
                                 evt_handlers=recorder.handlers())
    assert recorder.rejection == sent
    assert recorder.rejection is not None and recorder.rejection.is_transient is (sent[0] == 2)
    if assoc.is_rejected:
        assert rejection_of(assoc) == sent
    else:
        assert assoc.is_aborted and rejection_of(assoc) is None


@pytest.mark.parametrize(("reject", "match"), [
    ("1,1,4", "reject: A-ASSOCIATE-RJ reason 4 for source 1 is reserved"),
    ("2,3,0", "reason 0 for source 3 is reserved"),
    ("3,1,1", "result 3 is reserved"),
    ("2,4,1", "source 4 is reserved"),
])
def test_the_server_refuses_to_send_a_reserved_value(reject: str, match: str) -> None:
    with pytest.raises(ScriptError, match=match):
        StatusServer(reject=reject)
    with pytest.raises(ScriptError, match="reject_nth needs reject"):
        StatusServer(reject_nth=2)


def test_serve_refuses_a_reserved_rejection(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--reject", "1,1,4", "--check"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "reason 4 for source 1 is reserved" in err


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_script_rejects_the_nth_association_and_a_pynetdicom_scu_reads_it(
        tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"script{suffix}"
    path.write_text('reject = { result = 2, source = 3, reason = 2, association = 2 }\n'
                    if suffix == ".toml" else
                    '{"reject": {"result": 2, "source": 3, "reason": 2, "association": 2}}',
                    encoding="utf-8")
    outcomes: list[Rejection | None] = []
    with StatusServer(path, timeout=TIMEOUT) as server:
        for _ in range(3):
            recorder = OutcomeRecorder()
            entity = ae()
            entity.add_requested_context(Verification)
            assoc = entity.associate("127.0.0.1", server.port, ae_title="STATUS-SCP",
                                     evt_handlers=recorder.handlers())
            if assoc.is_established:
                assoc.release()
            outcomes.append(recorder.rejection)
    assert outcomes == [None, (2, 3, 2), None]


def test_a_scripted_rejection_of_every_association_reaches_echoscu(tmp_path: Path) -> None:
    _ensure_dcmtk()
    path = tmp_path / "script.toml"
    path.write_text("reject = { result = 1, source = 1, reason = 7 }\n", encoding="utf-8")
    with StatusServer(path, timeout=TIMEOUT) as server:
        logs = [_run("echoscu", server.port) for _ in range(2)]
    assert all("Result: Rejected Permanent" in log
               and "F: Reason: Called AE Title Not Recognized" in log for log in logs), logs


def test_reject_given_to_the_server_wins_over_the_script() -> None:
    script = {"reject": {"result": 1, "source": 1, "reason": 1}}
    recorder = OutcomeRecorder()
    with StatusServer(script, reject="2,3,1", timeout=TIMEOUT) as server:
        entity = ae()
        entity.add_requested_context(Verification)
        entity.associate("127.0.0.1", server.port, ae_title="STATUS-SCP",
                         evt_handlers=recorder.handlers())
    assert recorder.rejection == (2, 3, 1)
    assert StatusServer(script).script.reject == (1, 1, 1)


@pytest.mark.parametrize(("reject", "match"), [
    ({"result": 1, "source": 1, "reason": 4}, "reason 4 for source 1 is reserved"),
    ({"result": 3, "source": 1, "reason": 1}, "result 3 is reserved"),
    ({"result": 2, "source": 0, "reason": 1}, "source 0 is reserved"),
    ({"result": 2, "source": 3, "reason": "1"}, "reason must be an int"),
    ({"result": 2, "source": 3}, "reject needs reason"),
    ({"result": 2, "source": 3, "reason": 1, "association": 0}, "reject association must"),
])
def test_a_script_refuses_a_rejection_that_cannot_be_sent(reject: object, match: str) -> None:
    with pytest.raises(ScriptError, match=f"^script: .*{match}"):
        StatusServer({"reject": reject})


def test_serve_check_refuses_a_reserved_scripted_rejection(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "script.json"
    path.write_text('{"reject": {"result": 2, "source": 3, "reason": 5}}', encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--script", str(path), "--check"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "reason 5 for source 3 is reserved" in err


# --- aborts with a chosen source and reason (PS3.8 9.3.8) ---------------------------

SENDABLE_ABORTS = [(0, 0), (2, 0), (2, 1), (2, 2), (2, 4), (2, 5), (2, 6)]


@pytest.mark.parametrize("sent", SENDABLE_ABORTS, ids=[f"{s},{r}" for s, r in SENDABLE_ABORTS])
def test_the_server_sends_the_abort_pdu_scripted_then_closes(sent: tuple[int, int]) -> None:
    """The bytes on the wire: 07H, reserved, length 4, reserved, reserved,
    source, reason (PS3.8 9.3.8); then the connection is closed."""
    import test_testserver_wire as raw


    source, reason = sent
    with status_server({"C-ECHO": f"abort:{source},{reason}"}, timeout=TIMEOUT) as server, \
            raw._established(server.port) as sock:  # pyright: ignore[reportPrivateUsage]
        sock.sendall(raw._p_data(raw._verification_rq(command_field=True)))  # pyright: ignore[reportPrivateUsage]
        kind, body = raw._read_pdu(sock)  # pyright: ignore[reportPrivateUsage]
        assert (kind, body) == (0x07, bytes([0, 0, source, reason]))
        sock.settimeout(TIMEOUT)
        assert sock.recv(64) == b""  # closed (within the timeout, or recv raises)
        assert [e.aborted for e in server.received] == [True]


def test_a_pynetdicom_scu_reads_the_provider_abort_from_a_script_file(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="dimse_status.serve")
    path = tmp_path / "script.toml"
    path.write_text('[C-ECHO]\nanswers = ["0000", { abort = { source = 2, reason = 6 } }]\n',
                    encoding="utf-8")
    recorder = OutcomeRecorder()
    with StatusServer(path, timeout=TIMEOUT) as server:
        entity = ae()
        entity.add_requested_context(Verification)
        assoc = entity.associate("127.0.0.1", server.port, ae_title="STATUS-SCP",
                                 evt_handlers=recorder.handlers())
        assert assoc.is_established
        assert assoc.send_c_echo().Status == 0
        assert len(assoc.send_c_echo()) == 0  # no response: aborted
        assoc.join(TIMEOUT)
        assert assoc.is_aborted
    assert recorder.abort == (2, 6) and recorder.abort is not None
    assert recorder.abort.reason is AbortReason.INVALID_PDU_PARAMETER_VALUE
    assert any(r.getMessage().endswith("C-ECHO #2: aborted the association (scripted): "
                                       f"{Abort(2, 6)}") for r in caplog.records)


@pytest.mark.parametrize(("option", "match"), [
    ("c-echo=abort:2\\,3", "A-ABORT reason 3 is reserved"),
    ("c-echo=abort/source=1", "A-ABORT source 1 is reserved"),
    ("c-echo=abort/source=0/reason=6", "A-ABORT reason 6 from the service-user"),
    ("c-echo=abort/source=2/colour=red", "is not source=N, reason=N or delay=S"),
])
def test_serve_refuses_an_abort_that_cannot_be_sent(
        capsys: pytest.CaptureFixture[str], option: str, match: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--status", option, "--check"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and match in err


def test_serve_scripts_an_abort_of_either_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    for option in ("c-echo=abort/source=2/reason=6", "c-echo=abort:2\\,6"):
        assert main(["serve", "--status", option, "--check"]) == 0
        assert f"C-ECHO: answer 1: abort: {Abort(2, 6)}; then cycle" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["serve", "--status", "c-echo=abort:provider\\,6", "--check"])
    assert "in numbers (e.g. abort:2,6)" in capsys.readouterr().err


def _after_request(log: str) -> list[str]:
    """The log's lines from the request sent on, without the tool's varying numbers."""
    lines = log.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("I: Sending"))
    return [re.sub(r"\d{4}-\d\d-\d\d.*", "", line) for line in lines[start:]]


@pytest.mark.parametrize("tool", ["echoscu", "storescu"])
def test_dcmtk_reads_each_abort_but_logs_neither_source_nor_reason(
        tmp_path: Path, tool: str) -> None:
    """DCMTK 3.6.7 with ``-d`` (``-ll trace`` too) says "Peer Aborted
    Association" and nothing of the A-ABORT's source and reason: its logs
    are the same for every one, so ``annotate`` has nothing to explain
    there (pynetdicom's debug log has them: the next test)."""
    _ensure_dcmtk()
    file = tmp_path / "ct.dcm"
    instance().save_as(file, enforce_file_format=True)
    command = "C-ECHO" if tool == "echoscu" else "C-STORE"
    extra = [] if tool == "echoscu" else [str(file)]
    seen: list[list[str]] = []
    for source, reason in SENDABLE_ABORTS:
        with StatusServer({command: f"abort:{source},{reason}"}, timeout=TIMEOUT) as server:
            result = subprocess.run(
                [str(dcmtk(tool)), "-d", "-to", str(TIMEOUT), "-ta", str(TIMEOUT), "-td",
                 str(TIMEOUT), "-aec", "STATUS-SCP", "127.0.0.1", str(server.port), *extra],
                capture_output=True, text=True, timeout=30, check=False)
            assert [e.aborted for e in server.received] == [True]
        log = result.stdout + result.stderr
        assert "I: Peer Aborted Association" in log, log
        assert not [line for line in annotate(log.splitlines()) if "A-ABORT" in line]
        seen.append(_after_request(log))
    assert all(lines == seen[0] for lines in seen), seen


def test_a_pynetdicom_debug_log_of_each_abort_is_explained(
        caplog: pytest.LogCaptureFixture) -> None:
    for source, reason in SENDABLE_ABORTS:
        caplog.clear()
        caplog.set_level(logging.DEBUG, logger="pynetdicom")
        with StatusServer({"C-ECHO": f"abort:{source},{reason}"}, timeout=TIMEOUT) as server:
            entity = ae()
            entity.add_requested_context(Verification)
            assoc = entity.associate("127.0.0.1", server.port, ae_title="STATUS-SCP")
            assert len(assoc.send_c_echo()) == 0
            assoc.join(TIMEOUT)
        log = [r.getMessage() for r in caplog.records if r.name.startswith("pynetdicom")]
        notes = [line for line in annotate(log) if "[dimse-status A-ABORT" in line]
        assert any(line.endswith(f"[dimse-status A-ABORT ({source},{reason}) "
                                 f"{Abort(source, reason)}]") for line in notes), log
