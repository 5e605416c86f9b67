"""Accepted: an exhaustive match over each association enum, and over a
Rejection's reason (a member of one of the three reason enums, or a
reserved int)."""

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
