"""Rejected: a match over CStoreStatus that forgets NOT_AUTHORIZED (and spells
INVALID_SOP_INSTANCE by its earlier name, INVALID_OBJECT_INSTANCE)."""

from __future__ import annotations

from typing_extensions import assert_never

from dimse_status import Command, CStoreStatus, Status


def describe(code: int) -> str:
    member = Status(code, Command.C_STORE).member
    match member:
        case None:
            return "unknown"
        case (
            CStoreStatus.SUCCESS
            | CStoreStatus.COERCION_OF_DATA_ELEMENTS
            | CStoreStatus.ELEMENTS_DISCARDED
            | CStoreStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING
            | CStoreStatus.OUT_OF_RESOURCES
            | CStoreStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS
            | CStoreStatus.CANNOT_UNDERSTAND
            | CStoreStatus.LEGACY_SOP_CLASS_NOT_SUPPORTED
            | CStoreStatus.SOP_CLASS_NOT_SUPPORTED
            | CStoreStatus.INVALID_OBJECT_INSTANCE
            | CStoreStatus.DUPLICATE_INVOCATION
            | CStoreStatus.MISTYPED_ARGUMENT
            | CStoreStatus.UNRECOGNIZED_OPERATION
        ):
            return "known"
        case _:
            assert_never(member)  # E: NOT_AUTHORIZED is not handled
