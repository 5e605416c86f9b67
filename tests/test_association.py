"""dimse_status.association: the codes of PS3.8 9.3.4, 9.3.8 and 9.3.3.2
(read in PS3.8 2024c), Rejection and Abort, and ``explain``'s options."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dimse_status.association import (
    Abort,
    AbortReason,
    AbortSource,
    ContextResult,
    OutcomeEnum,
    RejectACSEReason,
    Rejection,
    RejectPresentationReason,
    RejectResult,
    RejectSource,
    RejectUserReason,
)
from dimse_status.cli import main

# Table 9-21: (source, reason) -> term; every defined pair.
DEFINED_REJECTIONS = {
    (1, 1): "no-reason-given",
    (1, 2): "application-context-name-not-supported",
    (1, 3): "calling-AE-title-not-recognized",
    (1, 7): "called-AE-title-not-recognized",
    (2, 1): "no-reason-given",
    (2, 2): "protocol-version-not-supported",
    (3, 1): "temporary-congestion",
    (3, 2): "local-limit-exceeded",
}
RESERVED_REJECTIONS = [(1, r) for r in (4, 5, 6, 8, 9, 10)] + [(3, r) for r in (0, 3, 4, 5, 6, 7)]


def test_the_tables_as_the_standard_writes_them() -> None:
    assert {(int(m), m.term) for m in RejectResult} == {
        (1, "rejected-permanent"), (2, "rejected-transient")}
    assert [int(m) for m in RejectSource] == [1, 2, 3]
    for source in RejectSource:
        assert {(int(source), int(r)): r.term for r in source.reasons} == {
            k: v for k, v in DEFINED_REJECTIONS.items() if k[0] == int(source)}
    assert {int(m): m.term for m in AbortSource} == {
        0: "DICOM UL service-user (initiated abort)",
        2: "DICOM UL service-provider (initiated abort)"}
    assert {int(m): m.term for m in AbortReason} == {
        0: "reason-not-specified", 1: "unrecognized-PDU", 2: "unexpected-PDU",
        4: "unrecognized-PDU parameter", 5: "unexpected-PDU parameter",
        6: "invalid-PDU-parameter value"}
    assert [int(m) for m in ContextResult] == [0, 1, 2, 3, 4]
    assert [m.is_provider_rejection for m in ContextResult] == [False, False, True, True, True]


@pytest.mark.parametrize("enum", [RejectResult, RejectSource, RejectUserReason, RejectACSEReason,
                                  RejectPresentationReason, AbortSource, AbortReason,
                                  ContextResult])
def test_every_member_has_its_meaning_section_and_edition(enum: type[OutcomeEnum]) -> None:
    for member in enum:
        assert isinstance(member, int) and member.term and member.phrase and member.description
        assert member.section in ("PS3.8 9.3.4", "PS3.8 9.3.8", "PS3.8 9.3.3.2")
        assert "PS3.8 2024c" in member.verified and "Table 9-" in member.verified
        assert member.edition == "2024c"
        assert str(member) == str(int(member)) and f"{member:02d}" == f"{int(member):02d}"
        assert enum.parse(member.term) is member and enum.parse(str(int(member))) is member


@pytest.mark.parametrize(("source", "reason"), sorted(DEFINED_REJECTIONS))
@pytest.mark.parametrize("result", [1, 2])
def test_every_defined_rejection(result: int, source: int, reason: int) -> None:
    rejection = Rejection(result, source, reason)
    assert isinstance(rejection.reason, RejectSource(source).reasons)
    assert rejection.reason.term == DEFINED_REJECTIONS[source, reason]
    assert rejection.is_transient is (result == 2)
    assert not rejection.is_reserved and rejection.check_sendable() is rejection
    assert rejection == (result, source, reason) == Rejection.parse(f"{result},{source},{reason}")
    text = str(rejection)
    assert "\n" not in text and text.endswith("[PS3.8 9.3.4]")
    assert rejection.reason.phrase in text


def test_str_reads_as_one_line() -> None:
    assert str(Rejection(2, 3, 1)) == ("Rejected (transient) by the service provider "
                                        "(presentation): temporary congestion [PS3.8 9.3.4]")
    assert str(Rejection(1, 1, 7)) == ("Rejected (permanent) by the service user: "
                                        "called AE title not recognized [PS3.8 9.3.4]")
    assert str(Abort(2, 6)) == ("Aborted by the service provider: invalid PDU parameter value "
                                "[PS3.8 9.3.8]")
    assert str(Abort(0)) == "Aborted by the service user [PS3.8 9.3.8]"


@pytest.mark.parametrize(("source", "reason"), RESERVED_REJECTIONS)
def test_reserved_reasons_are_kept_shown_and_never_sent(source: int, reason: int) -> None:
    rejection = Rejection(2, source, reason)  # read from the wire: no exception
    assert rejection.reason == reason and type(rejection.reason) is int
    assert rejection.reserved_fields == ("reason",)
    assert f"reserved reason {reason}" in str(rejection)
    with pytest.raises(ValueError, match=f"reason {reason} for source {source} is reserved"):
        rejection.check_sendable()


def test_reserved_result_source_and_abort_values() -> None:
    odd = Rejection(3, 4, 9)
    assert odd.reserved_fields == ("result", "source", "reason")
    assert str(odd) == ("Rejected (reserved result 3) by a reserved source 4: reserved reason 9 "
                        "[PS3.8 9.3.4]")
    with pytest.raises(ValueError, match="result 3"):
        odd.check_sendable()
    assert Abort(1).reserved_fields == ("source",)
    with pytest.raises(ValueError, match="A-ABORT source 1"):
        Abort(1).check_sendable()
    assert Abort(2, 3).reason == 3 and "reserved reason 3" in str(Abort(2, 3))
    with pytest.raises(ValueError, match="A-ABORT reason 3"):
        Abort(2, 3).check_sendable()
    # from the service-user the reason is not significant: kept, never sent
    assert str(Abort(0, 5)) == ("Aborted by the service user (reason 5, not significant) "
                                "[PS3.8 9.3.8]")
    with pytest.raises(ValueError, match="reason 5 from the service-user"):
        Abort(0, 5).check_sendable()


def test_abort_reasons_are_typed_for_the_provider_only() -> None:
    assert Abort(2, 6).reason is AbortReason.INVALID_PDU_PARAMETER_VALUE and Abort(2).is_provider
    assert type(Abort(0, 0).reason) is int and not Abort(0).is_provider
    assert Abort.parse("provider,invalid-PDU-parameter-value") == Abort(2, 6) == (2, 6)
    assert Abort.parse("a-abort") == Abort(0, 0)
    with pytest.raises(TypeError, match="service-provider reason"):
        Abort(0, AbortReason.UNEXPECTED_PDU)


def test_names_parse_as_well_as_numbers() -> None:
    assert Rejection.parse("transient,presentation,1") == Rejection(2, 3, 1)
    assert Rejection.parse("permanent, user, called-AE-title-not-recognized") == (1, 1, 7)
    assert Rejection.parse("REJECTED_PERMANENT,acse,PROTOCOL_VERSION_NOT_SUPPORTED") == (1, 2, 2)
    assert Rejection.parse("1,1,5") == (1, 1, 5)  # reserved numbers are read


@pytest.mark.parametrize(("bad", "error", "match"), [
    (lambda: Rejection(True, 1, 1), TypeError, "result must be an int"),
    (lambda: Rejection(1, "1", 1),  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
     TypeError, "source must be an int"),
    (lambda: Rejection(1, 1, 256), ValueError, "reason 256 is not a one-byte value"),
    (lambda: Rejection(1, 1, RejectACSEReason.PROTOCOL_VERSION_NOT_SUPPORTED), TypeError,
     "not a reason of source 1"),
    (lambda: Rejection.parse("1,9"), ValueError, "RESULT,SOURCE,REASON"),
    (lambda: Rejection.parse("soon,1,1"), ValueError, "^result: unknown RejectResult 'soon'"),
    (lambda: Rejection.parse("1,1,busy"), ValueError, "^reason: unknown RejectUserReason"),
    (lambda: Abort.parse("2,6,1"), ValueError, "SOURCE"),
    (lambda: Abort(-1), ValueError, "source -1"),
])
def test_bad_input_names_the_field(bad: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        bad()  # type: ignore[operator]


def test_equality_and_hash() -> None:
    assert Rejection(2, 3, 1) == Rejection(2, 3, 1) and len({Rejection(2, 3, 1), (2, 3, 1)}) == 1
    assert Rejection(2, 3, 1) != Rejection(1, 3, 1) and Abort(2, 1) != Abort(2, 2)
    assert repr(Abort(2, 1)) == ("Abort(<AbortSource.SERVICE_PROVIDER: 2>, "
                                 "<AbortReason.UNRECOGNIZED_PDU: 1>)")
    assert repr(Rejection(1, 1, 4)) == ("Rejection(<RejectResult.REJECTED_PERMANENT: 1>, "
                                        "<RejectSource.SERVICE_USER: 1>, 4)")


def test_importing_the_package_does_not_load_the_module() -> None:
    code = "import sys, dimse_status; print('dimse_status.association' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert out.strip() == "False"


# --- explain ---------------------------------------------------------------------------


def test_explain_reject(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--reject", "2,3,1"]) == 0
    numeric = capsys.readouterr().out
    assert main(["explain", "--reject", "transient,presentation,1"]) == 0
    assert capsys.readouterr().out == numeric
    assert numeric.splitlines()[0] == str(Rejection(2, 3, 1))
    assert "  reason: 1 temporary-congestion" in numeric and "transient: yes" in numeric
    assert main(["explain", "--reject", "1,1,4"]) == 0
    assert "reason: 4 (reserved" in capsys.readouterr().out


def test_explain_abort_and_context_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--abort", "2,6"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == str(Abort(2, 6))
    assert "reason: 6 invalid-PDU-parameter value" in out
    assert main(["explain", "--context-result", "3"]) == 0
    out = capsys.readouterr().out
    assert "abstract-syntax-not-supported" in out and "[PS3.8 9.3.3.2]" in out
    assert "accepted: no, by the service provider" in out


def test_explain_json_of_a_rejection(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--reject", "transient,presentation,1", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert json.loads(out) == {
        "outcome": "A-ASSOCIATE-RJ",
        "result": 2, "result_term": "rejected-transient",
        "source": 3, "source_term": RejectSource.SERVICE_PROVIDER_PRESENTATION.term,
        "reason": 1, "reason_term": "temporary-congestion",
        "description": Rejection(2, 3, 1).description, "section": "PS3.8 9.3.4",
        "is_transient": True, "reserved": []}
    assert main(["explain", "--reject", "1,1,4", "--json"]) == 0
    reserved = json.loads(capsys.readouterr().out)
    assert (reserved["reason"], reserved["reason_term"], reserved["is_transient"],
            reserved["reserved"]) == (4, None, False, ["reason"])


def test_explain_json_of_an_abort_and_a_context_result(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--abort", "2,6", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "outcome": "A-ABORT", "source": 2, "source_term": AbortSource.SERVICE_PROVIDER.term,
        "reason": 6, "reason_term": AbortReason.INVALID_PDU_PARAMETER_VALUE.term,
        "description": Abort(2, 6).description, "section": "PS3.8 9.3.8",
        "is_provider": True, "reserved": []}
    assert main(["explain", "--abort", "0", "--json"]) == 0
    user = json.loads(capsys.readouterr().out)
    assert (user["source"], user["reason"], user["reason_term"]) == (0, 0, None)
    assert main(["explain", "--context-result", "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "outcome": "presentation-context-result", "result": 3,
        "term": ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED.term, "accepted": False,
        "provider_rejection": True,
        "description": ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED.description,
        "section": "PS3.8 9.3.3.2"}
    assert main(["explain", "--context-result", "acceptance", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["accepted"] is True


@pytest.mark.parametrize("argv", [
    ["--reject", "1,9"], ["--reject", "2,3,busy"], ["--abort", "2,x"], ["--abort", "9,9,9"],
    ["--context-result", "9"], ["--reject", "2,3,1", "--abort", "2,6"], [],
    ["A7F3", "--reject", "1,1,1"], ["--abort", "2,6", "--command", "C-ECHO"],
    ["--reject", "2,3,1", "--json", "--pack", "dcmtk"], ["--context-result", "9", "--json"],
])
def test_explain_bad_input_is_one_line_and_exit_2(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["explain", *argv])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("dimse-status: error: ")
