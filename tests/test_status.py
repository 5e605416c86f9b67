"""The standard's tables, masked ranges, fallbacks and bad input."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from dimse_status import (
    COMMAND_ENUMS,
    CFindStatus,
    Command,
    CStoreStatus,
    GeneralStatus,
    NGetStatus,
    Status,
    StatusEnum,
    StatusRegistry,
    StatusType,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import standard

ALL_ENUMS: list[tuple[Command | None, type[StatusEnum]]] = [
    (None, GeneralStatus), *COMMAND_ENUMS.items()
]
TABLES = [(None, standard.GENERAL)] + [(Command[t.command], t.rows) for t in standard.COMMANDS]


@pytest.mark.parametrize(("command", "rows"), TABLES, ids=lambda x: getattr(x, "name", None))
def test_every_standard_row_is_a_member_that_resolves(
    command: Command | None, rows: tuple[standard.Row, ...]
) -> None:
    enum = GeneralStatus if command is None else COMMAND_ENUMS[command]
    assert [m.name for m in enum] == [row.name for row in rows]
    for row in rows:
        member = enum[row.name]
        low = int(row.code.replace("x", "0"), 16)
        assert member.value == low
        assert member.pattern == row.code
        assert member.type is StatusType(row.type)
        assert member.description == row.description
        assert member.related_attributes == row.related
        assert member.section == row.section
        assert member.section.startswith(("PS3.7 ", "PS3.4 "))
        assert member.__doc__ == f"{row.code} {row.type}: {row.description}. {row.section}."
        status = Status(low, command)
        assert status.member is member
        assert status.type is member.type
        assert status.description == member.description
        assert status.related_attributes == member.related_attributes


@pytest.mark.parametrize(("command", "enum"), ALL_ENUMS, ids=lambda x: getattr(x, "name", None))
def test_masked_members_cover_their_range_and_not_one_code_beyond(
    command: Command | None, enum: type[StatusEnum]
) -> None:
    for member in enum:
        if not member.is_masked:
            assert member.codes == range(member.value, member.value + 1)
            continue
        for code in member.codes:
            assert member.covers(code)
            assert Status(code, command).member is member, hex(code)
        for code in (member.codes[0] - 1, member.codes[-1] + 1):
            assert not member.covers(code)
            assert Status(code, command).member is not member


def test_masked_example_from_the_contract() -> None:
    status = Status(0xA7F3, Command.C_STORE)
    assert status.code == 0xA7F3
    assert int(status) == 0xA7F3
    assert status.member is CStoreStatus.OUT_OF_RESOURCES
    assert int(CStoreStatus.OUT_OF_RESOURCES) == 0xA700
    assert int(CStoreStatus.CANNOT_UNDERSTAND) == 0xC000
    assert CStoreStatus.OUT_OF_RESOURCES.codes == range(0xA700, 0xA800)
    assert str(status) == "(0xA7F3) Failure: Refused: Out of Resources"
    assert repr(status) == "Status(0xA7F3, Command.C_STORE)"
    assert status.related_attributes == (0x00000902,)
    assert status.related_attribute_names == ("(0000,0902)",)


def test_same_code_means_different_things_per_command() -> None:
    assert Status(0xC000, Command.C_STORE).description == "Error: Cannot understand"
    assert Status(0xC000, Command.C_FIND).description == "Failed: Unable to process"
    assert Status(0xC000, Command.C_FIND).member is CFindStatus.UNABLE_TO_PROCESS


def test_general_codes_without_a_command() -> None:
    assert Status(0x0110).member is GeneralStatus.PROCESSING_FAILURE
    assert Status(0x0112).description == "No Such SOP Instance"
    assert Status(0x0122).member is GeneralStatus.SOP_CLASS_NOT_SUPPORTED
    assert Status(0x0107).is_warning and Status(0x0116).is_warning
    assert Status(0xFE00).is_cancel


def test_general_code_not_listed_for_the_command_keeps_its_meaning_without_a_member() -> None:
    status = Status(0x0105, Command.C_STORE)
    assert status.member is None
    assert status.type is StatusType.FAILURE
    assert status.description == "No Such Attribute"


def test_0112_and_0122_both_resolve_for_the_c_services() -> None:
    for command in (Command.C_STORE, Command.C_FIND, Command.C_GET, Command.C_MOVE):
        enum = COMMAND_ENUMS[command]
        assert Status(0x0122, command).member is enum["SOP_CLASS_NOT_SUPPORTED"]
        assert Status(0x0112, command).member is enum["LEGACY_SOP_CLASS_NOT_SUPPORTED"]
        assert Status(0x0112, command).is_failure
    assert Status(0x0112, Command.N_GET).member is NGetStatus.NO_SUCH_SOP_INSTANCE


@pytest.mark.parametrize(
    ("code", "command", "expected"),
    [
        (0xB123, None, StatusType.WARNING),
        (0xB123, Command.C_STORE, StatusType.WARNING),
        (0x0001, Command.N_SET, StatusType.WARNING),
        (0xA7F3, Command.C_FIND, StatusType.FAILURE),
        (0xA123, None, StatusType.FAILURE),
        (0xC123, Command.N_SET, StatusType.FAILURE),
        (0xFF00, None, StatusType.PENDING),
        (0xFF01, Command.C_ECHO, StatusType.PENDING),
        (0x1234, Command.C_STORE, StatusType.FAILURE),
        (0xFFFF, None, StatusType.FAILURE),
    ],
)
def test_annex_c_class_fallback(code: int, command: Command | None, expected: StatusType) -> None:
    status = Status(code, command)
    assert status.member is None
    assert status.type is expected
    assert status.description


def test_unknown_code_is_the_seeds_unknown_failure() -> None:
    status = Status(0x1234, Command.C_STORE)
    assert (status.type, status.description) == (
        StatusType.FAILURE, "Unknown Status (no Annex C class: read as a Failure)")
    assert status.is_failure and not status.is_success


@pytest.mark.parametrize("command", [None, *Command], ids=str)
def test_every_code_resolves_for_every_command(command: Command | None) -> None:
    enum = GeneralStatus if command is None else COMMAND_ENUMS[command]
    for code in range(0x10000):
        status = Status(code, command)
        assert status.code == code
        assert isinstance(status.type, StatusType)
        member = status.member
        if member is not None:
            assert type(member) is enum
            assert member.covers(code)


def test_is_flags_match_type() -> None:
    for code, flag in [(0x0000, "is_success"), (0xB000, "is_warning"), (0xA701, "is_failure"),
                       (0xFE00, "is_cancel"), (0xFF00, "is_pending")]:
        status = Status(code, Command.C_GET)
        flags = [f for f in ("is_success", "is_warning", "is_failure", "is_cancel", "is_pending")
                 if getattr(status, f)]
        assert flags == [flag]
        assert getattr(status.member, flag)


@pytest.mark.parametrize(
    ("code", "error", "message"),
    [
        (True, TypeError, "bool True"),
        (1.0, TypeError, "float 1.0"),
        ("A7F3", TypeError, "'A7F3'"),
        (None, TypeError, "None"),
        (-1, ValueError, "-1"),
        (0x10000, ValueError, "65536"),
    ],
)
def test_bad_codes_are_named(code: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Status(code)  # type: ignore[call-overload]


@pytest.mark.parametrize("command", [1, "C-STORE", 0x8001, True, CStoreStatus.SUCCESS])
def test_bad_commands_are_type_errors(command: object) -> None:
    with pytest.raises(TypeError, match="command must be"):
        Status(0, command)  # type: ignore[call-overload]


def test_index_objects_are_accepted() -> None:
    class Code:
        def __index__(self) -> int:
            return 0xA801

    assert Status(Code(), Command.C_MOVE).code == 0xA801
    assert Status(CStoreStatus.ELEMENTS_DISCARDED, Command.C_STORE).member is (
        CStoreStatus.ELEMENTS_DISCARDED
    )
    assert type(Status(CStoreStatus.SUCCESS).code) is int


def test_status_is_immutable_hashable_and_pickles() -> None:
    status = Status(0xA7F3, Command.C_STORE)
    with pytest.raises(AttributeError):
        status.code = 1  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del status.description  # pyright: ignore[reportAttributeAccessIssue]
    assert status == Status(0xA7F3, Command.C_STORE)
    assert status != Status(0xA7F4, Command.C_STORE)
    assert len({status, Status(0xA7F3, Command.C_STORE)}) == 1
    copy: Status[CStoreStatus] = pickle.loads(pickle.dumps(status))
    assert copy == status and type(copy) is Status and repr(copy) == repr(status)
    assert copy.member is status.member and copy.command is Command.C_STORE


def test_members_are_plain_ints_for_pynetdicom_handlers() -> None:
    assert isinstance(CStoreStatus.OUT_OF_RESOURCES, int)
    assert CStoreStatus.OUT_OF_RESOURCES + 0 == 0xA700
    assert f"{CStoreStatus.CANNOT_UNDERSTAND:04X}" == "C000"


def test_command_lookups() -> None:
    assert Command.from_field(0x8001) is Command.C_STORE
    assert Command.from_field(0x0001) is Command.C_STORE
    assert Command.from_field(0x8FFF & 0x8130) is Command.N_ACTION
    for text in ("C-STORE", "c_store", "cstore", " C_STORE "):
        assert Command.parse(text) is Command.C_STORE
    assert Command.parse("n-event-report") is Command.N_EVENT_REPORT
    assert Command.C_STORE.label == "C-STORE"
    with pytest.raises(ValueError, match="0x0FFF"):
        Command.from_field(0x0FFF)
    with pytest.raises(ValueError, match="'C-FOO'"):
        Command.parse("C-FOO")
    with pytest.raises(TypeError):
        Command.from_field(True)


def test_status_type_values_and_parse() -> None:
    assert [t.value for t in StatusType] == ["Success", "Warning", "Failure", "Cancel", "Pending"]
    assert StatusType.parse("failure") is StatusType.FAILURE
    assert StatusType.parse(StatusType.PENDING) is StatusType.PENDING
    with pytest.raises(ValueError, match="'Broken'"):
        StatusType.parse("Broken")
    with pytest.raises(TypeError):
        StatusType.parse(1)  # type: ignore[arg-type]


def test_member_names_and_codes_are_unique_within_each_enum() -> None:
    for _command, enum in ALL_ENUMS:
        members = list(enum)
        assert len({m.value for m in members}) == len(members)
        # The only aliases are earlier member names kept for compatibility.
        aliases = {name for name, m in enum.__members__.items() if m.name != name}
        assert aliases <= {"ATTRIBUTE_LIST_ERROR", "INVALID_OBJECT_INSTANCE",
                           "IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS"}


def test_memoized_codes_do_not_admit_look_alike_arguments() -> None:
    """The fast path must not let a bool, a float or an int command through."""
    assert Status(1).code == 1 and Status(1, Command.C_STORE).code == 1  # now memoized
    for code in (True, 1.0):
        with pytest.raises(TypeError):
            Status(code)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="command must be"):
        Status(1, 1)  # type: ignore[call-overload]
    registry = StatusRegistry()
    assert Status(0xA7F3, Command.C_STORE, registry=registry).member is (
        CStoreStatus.OUT_OF_RESOURCES
    )
    with pytest.raises(TypeError, match="StatusRegistry"):
        Status(0xA7F3, Command.C_STORE, registry=object())  # type: ignore[call-overload]


def test_explicit_new_resolves_like_a_call() -> None:
    """``Status(...)`` is answered by the metaclass's fast path; an explicit
    ``Status.__new__`` takes the slow path and must give the same status."""
    for code, command in ((0xA7F3, Command.C_STORE), (0xC001, Command.C_FIND), (0x1234, None)):
        called = Status(code, command)
        assert Status(code, command) is called  # memoized
        direct = Status.__new__(Status, code, command)
        assert direct == called and direct.member is called.member
    with pytest.raises(TypeError, match="command must be"):
        Status.__new__(Status, 1, 1)  # type: ignore[call-overload]


def test_value_lookup_understands_masks_and_names_unknown_codes_in_hex() -> None:
    assert CStoreStatus(0xA700) is CStoreStatus.OUT_OF_RESOURCES
    assert CStoreStatus(0xA7F3) is CStoreStatus.OUT_OF_RESOURCES
    assert CStoreStatus(0xC123) is CStoreStatus.CANNOT_UNDERSTAND
    with pytest.raises(ValueError, match=r"^0x1234 is not a valid CStoreStatus$"):
        CStoreStatus(0x1234)
    with pytest.raises(ValueError, match=r"^65536 is not a valid CStoreStatus$"):
        CStoreStatus(0x10000)


@pytest.mark.parametrize("enum", [GeneralStatus, *COMMAND_ENUMS.values()])
def test_lookup_is_value_lookup_without_raising(enum: type[StatusEnum]) -> None:
    for code in range(0x10000):
        member = enum.lookup(code)
        try:
            assert enum(code) is member
        except ValueError:
            assert member is None
        if member is not None:
            assert member.covers(code)
    assert enum.lookup(-1) is None and enum.lookup(0x1C000) is None


def test_status_is_an_int_whose_value_is_the_code() -> None:
    status = Status(0xA7F3, Command.C_STORE)
    assert isinstance(status, int) and int(status) == 0xA7F3 and status.code == 0xA7F3
    assert Status(0, Command.C_STORE) == 0 and not Status(0, Command.C_STORE)
    assert f"{status:04X}" == "A7F3" and f"{status}" == str(status)
    assert str(status) == "(0xA7F3) Failure: Refused: Out of Resources"
    assert hash(status) == hash(0xA7F3) and {0xA7F3: "x"}[status] == "x"
    others: list[int] = [Status(0xA7F3, Command.C_FIND), Status(0xA7F3)]
    assert all(status == other for other in others)
    assert status.with_details(error_comment="x") == status
    assert type(status.code) is int and type(status.with_details(error_comment="y")) is Status


def test_members_print_in_hex_on_every_python() -> None:
    member = CStoreStatus.OUT_OF_RESOURCES
    assert str(member) == f"{member}" == "0xA700"
    assert repr(member) == "<CStoreStatus.OUT_OF_RESOURCES: 0xA7xx>"
    assert repr(CStoreStatus.SUCCESS) == "<CStoreStatus.SUCCESS: 0x0000>"
    assert format(member, "04X") == "A700" and format(member, "d") == "42752"
    assert int(member) == 0xA700 and f"{CStoreStatus.SUCCESS!s}" == "0x0000"


def test_a_member_without_a_command_reads_as_its_own() -> None:
    status = Status(CStoreStatus.OUT_OF_RESOURCES)
    assert status.member is CStoreStatus.OUT_OF_RESOURCES and status.command is Command.C_STORE
    assert Status(CFindStatus.PENDING).command is Command.C_FIND
    assert Status(GeneralStatus.PROCESSING_FAILURE).command is None
    # An explicit command wins; a plain int is as before.
    assert Status(CStoreStatus.CANNOT_UNDERSTAND, Command.C_FIND).member is (
        CFindStatus.UNABLE_TO_PROCESS)
    assert Status(0xA700).member is None


def test_import_needs_neither_typing_nor_the_services_module() -> None:
    """Nor what only some programs use: the toolkit, the debugging helpers,
    the test server, pydicom, pynetdicom, logging, re."""
    later = {"typing", "dimse_status.services", "dimse_status._signatures",
             "dimse_status.toolkit", "dimse_status.testing", "dimse_status.names",
             "dimse_status.cli", "dimse_status.dicomweb", "pydicom", "pynetdicom", "logging",
             "re", "csv", "argparse"}
    code = f"import sys, dimse_status; print(sorted({later!r} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_lookup_refuses_a_keyword_on_every_call() -> None:
    """``lookup``'s ``code`` is positional-only, as its signature says: on
    the first call (the classmethod) and every later one (the enum's own
    table, which then shadows it)."""
    from dimse_status.base import StatusEnum, StatusType

    class Fresh(StatusEnum):  # never looked up before
        BUSY = 0xA700, StatusType.FAILURE, "Busy", (), "test", 0xFF00

    for _ in range(3):
        with pytest.raises(TypeError):
            Fresh.lookup(code=0xA7F3)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
        assert Fresh.lookup(0xA7F3) is Fresh.BUSY


@pytest.mark.filterwarnings("ignore:in 3.12 __contains__:DeprecationWarning")
def test_has_code_is_membership_with_masks_on_every_version() -> None:
    assert CStoreStatus.has_code(0xA7F3)  # inside A7xx
    assert CStoreStatus.has_code(0xA700) and CStoreStatus.has_code(0x0000)
    assert not CStoreStatus.has_code(0x1234)
    assert not CStoreStatus.has_code(0xFF00)  # C-FIND's Pending, not C-STORE's
    # What ``in`` does, as docs/usage.md says: no masks, and no ints before 3.12.
    if sys.version_info >= (3, 12):
        assert 0xA700 in CStoreStatus and 0xA7F3 not in CStoreStatus
    else:
        with pytest.raises(TypeError):
            0xA7F3 in CStoreStatus  # type: ignore[operator]  # noqa: B015  # pyright: ignore[reportUnusedExpression]
