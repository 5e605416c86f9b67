"""Accepted: an exhaustive match over each association enum, and over a
Rejection's reason (a member of one of the three reason enums, or a
reserved int); a Rejection built with a known source is generic in that
source's reason enum, and an exhaustive match over the reason of a
user-source rejection needs only RejectUserReason's members."""

from __future__ import annotations

from typing_extensions import assert_never, assert_type

from dimse_status.association import (
    Abort,
    AbortReason,
    AbortSource,
    ContextResult,
    RejectACSEReason,
    Rejection,
    RejectPresentationReason,
    RejectReason,
    RejectResult,
    RejectSource,
    RejectUserReason,
)


def result(value: RejectResult) -> str:
    match value:
        case RejectResult.REJECTED_PERMANENT:
            return "give up"
        case RejectResult.REJECTED_TRANSIENT:
            return "try again later"
        case _:
            assert_never(value)


def source(value: RejectSource) -> str:
    match value:
        case RejectSource.SERVICE_USER:
            return "application"
        case RejectSource.SERVICE_PROVIDER_ACSE | RejectSource.SERVICE_PROVIDER_PRESENTATION:
            return "upper layer"
        case _:
            assert_never(value)


def reason(value: RejectReason | int) -> str:
    match value:
        case (RejectUserReason.NO_REASON_GIVEN
              | RejectUserReason.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED
              | RejectUserReason.CALLING_AE_TITLE_NOT_RECOGNIZED
              | RejectUserReason.CALLED_AE_TITLE_NOT_RECOGNIZED):
            return "user"
        case RejectACSEReason.NO_REASON_GIVEN | RejectACSEReason.PROTOCOL_VERSION_NOT_SUPPORTED:
            return "acse"
        case RejectPresentationReason.TEMPORARY_CONGESTION:
            return "busy"
        case RejectPresentationReason.LOCAL_LIMIT_EXCEEDED:
            return "full"
        case int():
            return "reserved"
        case _:
            assert_never(value)


def abort(value: AbortSource, why: AbortReason) -> str:
    match value:
        case AbortSource.SERVICE_USER:
            return "A-ABORT"
        case AbortSource.SERVICE_PROVIDER:
            pass
        case _:
            assert_never(value)
    match why:
        case AbortReason.REASON_NOT_SPECIFIED | AbortReason.UNRECOGNIZED_PDU:
            return "A-P-ABORT"
        case AbortReason.UNEXPECTED_PDU | AbortReason.UNRECOGNIZED_PDU_PARAMETER:
            return "A-P-ABORT"
        case AbortReason.UNEXPECTED_PDU_PARAMETER | AbortReason.INVALID_PDU_PARAMETER_VALUE:
            return "A-P-ABORT"
        case _:
            assert_never(why)


def context(value: ContextResult) -> bool:
    match value:
        case ContextResult.ACCEPTANCE:
            return True
        case (ContextResult.USER_REJECTION | ContextResult.NO_REASON
              | ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED
              | ContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED):
            return False
        case _:
            assert_never(value)


rejection = Rejection.parse("2,3,1")
assert_type(rejection.result, RejectResult | int)
assert_type(rejection.is_transient, bool)
assert_type(Abort(2, 6).reason, AbortReason | int)
assert_type(RejectPresentationReason.TEMPORARY_CONGESTION.phrase, str)
reason(rejection.reason)


# The constructor's overloads on the source: a member of RejectSource, or its
# value as a literal, gives the Rejection of that source's reason enum.
busy = Rejection(RejectResult.REJECTED_TRANSIENT, RejectSource.SERVICE_PROVIDER_PRESENTATION,
                 RejectPresentationReason.TEMPORARY_CONGESTION)
assert_type(busy, Rejection[RejectPresentationReason])
busy_reason: RejectPresentationReason | int = busy.reason
assert_type(busy.reason, RejectPresentationReason | int)
assert_type(Rejection(2, 3, 1), Rejection[RejectPresentationReason])
assert_type(Rejection(1, 2, 2), Rejection[RejectACSEReason])
assert_type(Rejection(1, RejectSource.SERVICE_USER, 4), Rejection[RejectUserReason])
assert_type(busy.check_sendable(), Rejection[RejectPresentationReason])
# A source not known statically (an int read, Rejection.parse) gives any reason.
assert_type(Rejection(1, int("3"), 1).reason, RejectReason | int)
assert_type(Rejection.parse("2,3,1"), Rejection)
# Covariant: a Rejection of one source's reasons is a Rejection.
anything: Rejection = busy
anything_reason: Rejection[RejectReason] = busy


def user_reason(rejection: Rejection[RejectUserReason]) -> str:
    value = rejection.reason
    match value:
        case RejectUserReason.NO_REASON_GIVEN:
            return "no reason"
        case RejectUserReason.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED:
            return "application context"
        case RejectUserReason.CALLING_AE_TITLE_NOT_RECOGNIZED:
            return "calling AE title"
        case RejectUserReason.CALLED_AE_TITLE_NOT_RECOGNIZED:
            return "called AE title"
        case int():
            return "reserved"
        case _:
            assert_never(value)


user_reason(Rejection(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER,
                      RejectUserReason.CALLED_AE_TITLE_NOT_RECOGNIZED))
user_reason(Rejection(1, 1, 7))
