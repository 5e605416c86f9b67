"""The status test server rejects associations as told (``reject``, every
association or the Nth), and real peers read what it sent: DCMTK's echoscu
and storescu (``-d``: their logs, which ``annotate`` explains) and a
pynetdicom SCU (``rejection_of``).  Every wait is bounded."""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from loopback import TIMEOUT, ae, instance
from pydicom.uid import UID
from test_dcmtk import _ensure_dcmtk, dcmtk  # pyright: ignore[reportPrivateUsage]

from dimse_status import StatusServer, annotate
from dimse_status.association import OutcomeRecorder, Rejection, rejection_of
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
