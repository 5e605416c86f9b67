"""Rejected: lookups and conversions the contract refuses."""

from __future__ import annotations

from dimse_status import CFindStatus, Command, CStoreStatus, Status

CStoreStatus.lookup("A7F3")  # E: a str is not a code
found: CStoreStatus = CStoreStatus.lookup(0xA7F3)  # E: lookup may give None
member: CStoreStatus = Status(0xA700, Command.C_STORE)  # E: a Status is an int, not a member
text: str = Status(0xA700, Command.C_STORE)  # E: an int, not a str
find: Status[CFindStatus] = Status(CStoreStatus.SUCCESS)  # E: a C-STORE member reads as C-STORE
CStoreStatus.lookup(code=0xA7F3)  # E: code is positional-only
