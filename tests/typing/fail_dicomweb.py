"""Rejected uses of dimse_status.dicomweb."""

from __future__ import annotations

from dimse_status import CStoreStatus
from dimse_status.dicomweb import (
    StoreOutcome,
    failure_reason,
    ups_status,
    ups_warning,
    warning_header,
    warning_reason,
)
from dimse_status.services import UPSNSetStatus

outcome = StoreOutcome()
outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.3", "A700")  # E: a status, member or code
outcome.add("1.2.840.10008.5.1.4.1.1.2", 1.23, 0)  # E: a UID is a str
outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.3")  # E: the status is required
outcome.add("1.2.840.10008.5.1.4.1.1.2", "1.2.3", 0, retrieve_url=7)  # E: a URL is a str
text: str = outcome.http_status  # E: an HTTPStatus
outcome.http_status = 200  # E: read-only
StoreOutcome.from_json(42)  # E: a JSON object, str or bytes
failure_reason(b"A700")  # E: an int or a str
warning_reason(None)  # E: an int or a str
ups_warning(CStoreStatus.SUCCESS)  # E: a UPS status
member: UPSNSetStatus = ups_status("Requested optional Attributes are not supported.")  # E: a union or None
warning_header(0xA700)  # E: the agent is required
warning_header("A700", "gw")  # E: a code, not its text
