"""Renamed members: each earlier name (an alias) is the member itself to every
checker (mypy --strict, pyright, pyrefly and ty): its literal type, and a
case of an exhaustive match."""

from __future__ import annotations

from typing import Literal

from typing_extensions import assert_never, assert_type

from dimse_status import (
    CFindStatus,
    CGetStatus,
    CMoveStatus,
    Command,
    CStoreStatus,
    GeneralStatus,
    NActionStatus,
    NCreateStatus,
    NDeleteStatus,
    NEventReportStatus,
    NGetStatus,
    NSetStatus,
    Status,
)

assert_type(GeneralStatus.ATTRIBUTE_LIST_ERROR, Literal[GeneralStatus.ATTRIBUTE_LIST_WARNING])
assert_type(GeneralStatus.INVALID_OBJECT_INSTANCE, Literal[GeneralStatus.INVALID_SOP_INSTANCE])
assert_type(CStoreStatus.INVALID_OBJECT_INSTANCE, Literal[CStoreStatus.INVALID_SOP_INSTANCE])
assert_type(
    CFindStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
    Literal[CFindStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS],
)
assert_type(
    CGetStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
    Literal[CGetStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS],
)
assert_type(
    CMoveStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
    Literal[CMoveStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS],
)
assert_type(
    NEventReportStatus.INVALID_OBJECT_INSTANCE,
    Literal[NEventReportStatus.INVALID_SOP_INSTANCE],
)
assert_type(NGetStatus.ATTRIBUTE_LIST_ERROR, Literal[NGetStatus.ATTRIBUTE_LIST_WARNING])
assert_type(NGetStatus.INVALID_OBJECT_INSTANCE, Literal[NGetStatus.INVALID_SOP_INSTANCE])
assert_type(NSetStatus.ATTRIBUTE_LIST_ERROR, Literal[NSetStatus.ATTRIBUTE_LIST_WARNING])
assert_type(NSetStatus.INVALID_OBJECT_INSTANCE, Literal[NSetStatus.INVALID_SOP_INSTANCE])
assert_type(NActionStatus.INVALID_OBJECT_INSTANCE, Literal[NActionStatus.INVALID_SOP_INSTANCE])
assert_type(NCreateStatus.ATTRIBUTE_LIST_ERROR, Literal[NCreateStatus.ATTRIBUTE_LIST_WARNING])
assert_type(NCreateStatus.INVALID_OBJECT_INSTANCE, Literal[NCreateStatus.INVALID_SOP_INSTANCE])
assert_type(NDeleteStatus.INVALID_OBJECT_INSTANCE, Literal[NDeleteStatus.INVALID_SOP_INSTANCE])


def describe(code: int) -> str:
    """An exhaustive match that spells a member by its earlier name."""
    member = Status(code, Command.C_STORE).member
    match member:
        case None:
            return "unknown"
        case CStoreStatus.INVALID_OBJECT_INSTANCE:  # the earlier INVALID_SOP_INSTANCE
            return "bad instance"
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
            | CStoreStatus.NOT_AUTHORIZED
            | CStoreStatus.DUPLICATE_INVOCATION
            | CStoreStatus.MISTYPED_ARGUMENT
            | CStoreStatus.UNRECOGNIZED_OPERATION
        ):
            return "other"
        case _:
            assert_never(member)


def on_find(code: int) -> str:
    """Old and new names mixed: the match is still exhaustive."""
    member = Status(code, Command.C_FIND).member
    match member:
        case None:
            return "unknown"
        case CFindStatus.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS:
            return "identifier does not match"
        case (
            CFindStatus.PENDING
            | CFindStatus.PENDING_OPTIONAL_KEYS_NOT_SUPPORTED
            | CFindStatus.SUCCESS
            | CFindStatus.CANCEL
            | CFindStatus.OUT_OF_RESOURCES
            | CFindStatus.UNABLE_TO_PROCESS
            | CFindStatus.LEGACY_SOP_CLASS_NOT_SUPPORTED
            | CFindStatus.SOP_CLASS_NOT_SUPPORTED
            | CFindStatus.NOT_AUTHORIZED
        ):
            return "other"
        case _:
            assert_never(member)


def n_get_error(member: NGetStatus) -> bool:
    return member is NGetStatus.ATTRIBUTE_LIST_ERROR
