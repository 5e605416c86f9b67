"""dimse_status.dicomweb against a real DICOMweb client (dicomweb-client).

A minimal STOW-RS endpoint on 127.0.0.1 (the standard library's
``http.server``, in a thread; here only, not in the package) stores nothing:
it reads each instance's UIDs from the multipart request and answers with a
``StoreOutcome`` of scripted C-STORE statuses.  ``DICOMwebClient`` stores
three pydicom datasets through it; the tests check the HTTP status the
client sees, what it does with it, and that ``StoreOutcome.from_json`` (and
``from_dataset``, what ``store_instances`` returns) gives back each
instance's status.  The UPS-RS Warning header round trip goes over
``urllib``: dicomweb-client has no UPS-RS transactions (it exposes no
response headers of its own).
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import BytesIO
from typing import Any

import pytest

from dimse_status import Command, CStoreStatus, Status
from dimse_status.dicomweb import StoreOutcome, ups_status, ups_warning, warning_header
from dimse_status.dicomweb.data import UPS_WARNINGS
from dimse_status.services import UPSNActionStatus, UPSNCreateStatus, UPSNSetStatus

pydicom = pytest.importorskip("pydicom")
dicomweb_client = pytest.importorskip("dicomweb_client")
requests = pytest.importorskip("requests")

CT = "1.2.840.10008.5.1.4.1.1.2"
SERVE_AT_MOST = 60.0  # seconds: the server stops by itself after this
WAIT = 10.0  # every wait of the client and of the tests is bounded


def _instances(body: bytes, content_type: str) -> list[tuple[str, str]]:
    """(SOP Class UID, SOP Instance UID) of each part of a multipart/related
    request of application/dicom parts."""
    boundary = next(p.split("=", 1)[1].strip('"') for p in content_type.split(";")
                    if p.strip().startswith("boundary="))
    found: list[tuple[str, str]] = []
    for part in body.split(b"--" + boundary.encode())[1:]:
        if part.startswith(b"--"):
            break
        payload = part.split(b"\r\n\r\n", 1)[1].removesuffix(b"\r\n")
        ds = pydicom.dcmread(BytesIO(payload), force=True)
        found.append((str(ds.SOPClassUID), str(ds.SOPInstanceUID)))
    return found


class Endpoint:
    """What the endpoint answers: a status per instance, in request order,
    and the response headers of UPS-RS answers."""

    def __init__(self) -> None:
        self.statuses: list[int] = []
        self.requests: list[list[tuple[str, str]]] = []
        self.warning: str | None = None
        self.http_status = HTTPStatus.OK


def _handler(endpoint: Endpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = WAIT  # a stuck connection cannot hold the server

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.path.startswith("/workitems"):  # UPS-RS: the scripted Warning
                headers = {} if endpoint.warning is None else {"Warning": endpoint.warning}
                self._answer(endpoint.http_status, b"", headers)
                return
            instances = _instances(body, self.headers["Content-Type"])
            endpoint.requests.append(instances)
            outcome = StoreOutcome()
            for (sop_class, sop_instance), status in zip(instances, endpoint.statuses,
                                                         strict=True):
                url = f"http://127.0.0.1/studies/1/series/1/instances/{sop_instance}"
                stored = not Status(status, Command.C_STORE).is_failure
                outcome.add(sop_class, sop_instance, status, url if stored else None)
            import json

            self._answer(outcome.http_status, json.dumps(outcome.to_json()).encode(),
                         {"Content-Type": "application/dicom+json"})

    return Handler


@pytest.fixture
def endpoint() -> Iterator[tuple[Endpoint, str]]:
    script = Endpoint()
    server = HTTPServer(("127.0.0.1", 0), _handler(script))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    stop = threading.Timer(SERVE_AT_MOST, server.shutdown)  # stops by itself
    stop.daemon = True
    thread.start()
    stop.start()
    try:
        yield script, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stop.cancel()
        server.shutdown()
        server.server_close()
        thread.join(WAIT)
        assert not thread.is_alive()


def _datasets() -> list[Any]:
    from pydicom.dataset import FileMetaDataset
    from pydicom.uid import UID, ExplicitVRLittleEndian

    out: list[Any] = []
    for n in (1, 2, 3):
        ds = pydicom.Dataset()
        ds.SOPClassUID = CT
        ds.SOPInstanceUID = UID(f"1.2.826.0.1.3680043.2.1125.{n}")
        ds.StudyInstanceUID = "1.2.826.0.1.3680043.2.1125.100"
        ds.SeriesInstanceUID = "1.2.826.0.1.3680043.2.1125.200"
        ds.PatientName = "Test^DICOMweb"
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = UID(CT)
        meta.MediaStorageSOPInstanceUID = UID(f"1.2.826.0.1.3680043.2.1125.{n}")
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta = meta
        out.append(ds)
    return out


def _client(url: str) -> Any:
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment for 127.0.0.1
    return dicomweb_client.DICOMwebClient(url=url, session=session, timeout=WAIT)


def _statuses(outcome: StoreOutcome) -> dict[str, tuple[int, bool]]:
    return {i.sop_instance_uid: (i.status.code, i.stored) for i in outcome.instances}


def _expected(statuses: list[int]) -> dict[str, tuple[int, bool]]:
    return {f"1.2.826.0.1.3680043.2.1125.{n}": (code, not Status(code, Command.C_STORE)
                                                 .is_failure)
            for n, code in enumerate(statuses, 1)}


def test_a_mix_is_202_and_the_client_reads_each_status(
        endpoint: tuple[Endpoint, str]) -> None:
    """Stored, stored with a warning, failed: 202.  dicomweb-client returns
    the body as a Dataset (202 is "ok" to requests) and logs nothing: its
    failure logging runs only when the response is not ok, after
    raise_for_status, which has raised for every such response."""
    script, url = endpoint
    script.statuses = [0x0000, 0xB000, 0xA7F3]
    ds = _client(url).store_instances(_datasets())
    assert [uid for _, uid in script.requests[0]] == [
        f"1.2.826.0.1.3680043.2.1125.{n}" for n in (1, 2, 3)]
    outcome = StoreOutcome.from_dataset(ds)
    assert _statuses(outcome) == _expected(script.statuses)
    by_uid = {i.sop_instance_uid: i for i in outcome.instances}
    assert by_uid["1.2.826.0.1.3680043.2.1125.2"].status.member is (
        CStoreStatus.COERCION_OF_DATA_ELEMENTS)
    failed = by_uid["1.2.826.0.1.3680043.2.1125.3"]
    assert failed.status.member is CStoreStatus.OUT_OF_RESOURCES
    assert failed.reason is not None and failed.reason.meaning == "Refused out of Resources"
    assert outcome.http_status == HTTPStatus.ACCEPTED and outcome.problems == []
    # the same body, as JSON
    assert _statuses(StoreOutcome.from_json(ds.to_json_dict())) == _expected(script.statuses)


def test_all_stored_is_200(endpoint: tuple[Endpoint, str]) -> None:
    script, url = endpoint
    script.statuses = [0x0000, 0x0000, 0x0000]
    session_response: list[int] = []
    client = _client(url)

    def seen(response: Any, *args: object, **kwargs: object) -> None:
        session_response.append(int(response.status_code))

    client._session.hooks["response"].append(seen)  # what the client saw
    ds = client.store_instances(_datasets())
    assert session_response == [200]
    outcome = StoreOutcome.from_dataset(ds)
    assert _statuses(outcome) == _expected(script.statuses)
    assert all(i.retrieve_url is not None for i in outcome.instances)
    assert outcome.http_status == HTTPStatus.OK


def test_all_stored_with_warnings_is_202(endpoint: tuple[Endpoint, str]) -> None:
    script, url = endpoint
    script.statuses = [0xB000, 0xB006, 0xB007]
    outcome = StoreOutcome.from_dataset(_client(url).store_instances(_datasets()))
    assert _statuses(outcome) == _expected(script.statuses)
    assert [i.reason.meaning for i in outcome.instances if i.reason is not None] == [
        "Coercion of Data Elements", "Elements Discarded", "Data Set does not match SOP Class"]
    assert outcome.http_status == HTTPStatus.ACCEPTED


def test_none_stored_is_409_and_the_client_raises(endpoint: tuple[Endpoint, str]) -> None:
    """dicomweb-client raises requests' HTTPError for 409; the body is on
    the exception's response, and from_json reads every instance from it."""
    script, url = endpoint
    script.statuses = [0x0122, 0xC122, 0xA900]
    with pytest.raises(requests.HTTPError) as raised:
        _client(url).store_instances(_datasets())
    response: Callable[[], Any] = raised.value.response.json
    assert raised.value.response.status_code == HTTPStatus.CONFLICT
    outcome = StoreOutcome.from_json(response())
    assert _statuses(outcome) == _expected(script.statuses)
    meanings = [i.reason.meaning for i in outcome.instances if i.reason is not None]
    assert meanings == ["Referenced SOP Class not supported",
                        "Referenced Transfer Syntax not supported",
                        "Error: Data Set does not match SOP Class"]
    assert outcome.http_status == HTTPStatus.CONFLICT


def _post(url: str) -> tuple[int, str | None]:
    request = urllib.request.Request(f"{url}/workitems/1.2.3/state", data=b"{}", method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=WAIT) as response:
            return response.status, response.headers.get("Warning")
    except urllib.error.HTTPError as error:
        code: int = error.code
        warning: str | None = error.headers.get("Warning")
        return code, warning


@pytest.mark.parametrize("row", UPS_WARNINGS, ids=lambda r: f"{r.code}-{r.section}")
def test_ups_rs_warning_texts_round_trip(endpoint: tuple[Endpoint, str], row: Any) -> None:
    """Each PS3.18 text, as 11.x.3.2 writes it and as warning_header()
    writes it, reaches a urllib client and reads back as its UPS status."""
    script, url = endpoint
    enum = {"N_CREATE": UPSNCreateStatus, "N_SET": UPSNSetStatus,
            "N_ACTION": UPSNActionStatus}[row.command]
    member = enum[row.member]
    assert isinstance(member, (UPSNCreateStatus, UPSNSetStatus, UPSNActionStatus))
    failure = Status(member).is_failure
    script.http_status = HTTPStatus.CONFLICT if failure else HTTPStatus.OK
    for header in (f"299 ups.example.org: {row.text}", warning_header(member, "ups.example.org"),
                   f'299 ups.example.org "{row.text}"'):
        script.warning = header
        status, warning = _post(url)
        assert status == script.http_status and warning == header
        assert ups_status(header) is member
    text = ups_warning(member)
    assert text is not None and ups_status(text) is member
