"""Rejected: matches over the association enums that forget a member, and
calls with the wrong types; a rejection of one source used as one of
another source.

What the types cannot promise: a member of another source's enum passed as
the reason (``Rejection(1, RejectSource.SERVICE_USER,
RejectPresentationReason.TEMPORARY_CONGESTION)``) type-checks, as IntEnum
members are ints and the reason takes an int (a reserved value read from the
wire); it raises TypeError at run time.  No line here claims otherwise."""

from __future__ import annotations

from typing_extensions import assert_never

from dimse_status.association import (
    Abort,
    AbortReason,
    ContextResult,
    Rejection,
    RejectPresentationReason,
    RejectResult,
    RejectSource,
    RejectUserReason,
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


user = Rejection(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER,
                 RejectUserReason.NO_REASON_GIVEN)
busy: Rejection[RejectPresentationReason] = user  # E: a user-source rejection
also_busy: Rejection[RejectPresentationReason] = Rejection(1, 1, 1)  # E: a user-source rejection  # X: pyrefly 2026-12-07 no upstream issue the declared type, not the overload's annotated self, gives the type arguments (like the closed facebook/pyrefly#120): through a variable (the line above) it is flagged
presentation(user.reason)  # E: a RejectUserReason (or int) is no RejectPresentationReason


def user_reason(rejection: Rejection[RejectUserReason]) -> str:
    value = rejection.reason
    if not isinstance(value, RejectUserReason):
        return "reserved"
    match value:
        case RejectUserReason.NO_REASON_GIVEN | RejectUserReason.CALLED_AE_TITLE_NOT_RECOGNIZED:
            return "a"
        case RejectUserReason.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED:
            return "b"
        case _:
            assert_never(value)  # E: CALLING_AE_TITLE_NOT_RECOGNIZED is not handled
