"""Rejected: matches over the association enums that forget a member, and
calls with the wrong types."""

from __future__ import annotations

from typing_extensions import assert_never

from dimse_status.association import (
    Abort,
    AbortReason,
    ContextResult,
    Rejection,
    RejectPresentationReason,
    RejectResult,
)


def result(value: RejectResult) -> str:
    match value:
        case RejectResult.REJECTED_PERMANENT:
            return "give up"
        case _:
            assert_never(value)  # E: REJECTED_TRANSIENT is not handled


def presentation(value: RejectPresentationReason) -> str:
    match value:
        case RejectPresentationReason.TEMPORARY_CONGESTION:
            return "busy"
        case _:
            assert_never(value)  # E: LOCAL_LIMIT_EXCEEDED is not handled


def why(value: AbortReason) -> str:
    match value:
        case AbortReason.REASON_NOT_SPECIFIED | AbortReason.UNRECOGNIZED_PDU:
            return "a"
        case AbortReason.UNEXPECTED_PDU | AbortReason.UNRECOGNIZED_PDU_PARAMETER:
            return "b"
        case AbortReason.UNEXPECTED_PDU_PARAMETER:
            return "c"
        case _:
            assert_never(value)  # E: INVALID_PDU_PARAMETER_VALUE is not handled


def context(value: ContextResult) -> bool:
    match value:
        case ContextResult.ACCEPTANCE:
            return True
        case _:
            assert_never(value)  # E: the rejections are not handled


Rejection("2", 3, 1)  # E: a str is no result
Abort(2, reason=None)  # E: the reason is an int
flag: str = Rejection(2, 3, 1).is_transient  # E: a bool
