"""Rejected: one command's status where another's is expected."""

from __future__ import annotations

from dimse_status import Command, CFindStatus, CStoreStatus, Status


def find_handler(status: CFindStatus) -> None: ...


find_handler(CStoreStatus.SUCCESS)  # E: a CStoreStatus is not a CFindStatus

member = Status(0, Command.C_STORE).member
if member is not None:
    find_handler(member)  # E: Status(x, C_STORE).member is a CStoreStatus


def store_handler() -> CStoreStatus:
    return CFindStatus.PENDING  # E: a CFindStatus is not a CStoreStatus


store_status: Status[CStoreStatus] = Status(0, Command.C_FIND)  # E: wrong command's Status
