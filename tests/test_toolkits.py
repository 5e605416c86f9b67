"""tools/toolkits.py against the standard's data and against the toolkits.

* Every toolkit name resolves, in each context the toolkit uses it, to a
  member with the same code and type -- except the names whose recorded
  ``difference`` says why not, and those read with the same type.
* DCMTK's names are exactly the STATUS_* defines of the installed
  dcmnet/dimse.h (Debian's libdcmtk-dev), with the type DCMTK's own
  DICOM_*_STATUS() macros give.
* A toolkit's private codes do not redefine a standard status of the same
  command; where one lies in a standard masked range, it is recorded.
* Over 127.0.0.1, a misbehaving pynetdicom handler makes the SCP send exactly
  the code recorded for the situation, and a registry built from the
  pynetdicom rows explains it.
"""

# pynetdicom annotates its event handlers with a bare Callable.
# pyright: reportUnknownMemberType=false, reportUnknownParameterType=false

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from loopback import StartSCP, associate, instance
from pydicom import Dataset
from pydicom.uid import UID, CTImageStorage
from pynetdicom import build_role, evt
from pynetdicom.dimse_messages import C_STORE_RSP

import dimse_status
import dimse_status.names
from dimse_status import (
    COMMAND_ENUMS,
    SERVICE_ENUMS,
    Command,
    Service,
    Status,
    StatusEnum,
    StatusRegistry,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import toolkits
from toolkits import PRIVATE, RETIRED, STANDARD, Toolkit, ToolkitCode, ToolkitName, Where

DIMSE_H = Path("/usr/include/dcmtk/dcmnet/dimse.h")
BY_NAME = {toolkit.name: toolkit for toolkit in toolkits.TOOLKITS}
PYNETDICOM = BY_NAME["pynetdicom"]


def _code(code: str) -> int:
    """A recorded code as an int: a masked range by its lowest code."""
    return int(code.replace("x", "0"), 16)


def _status(code: int, where: Where, registry: StatusRegistry | None = None) -> Status[Any]:
    command = Command[where.command] if where.command else None
    service = Service[where.service] if where.service else None
    registry = registry or StatusRegistry()
    if command is None:  # (a service needs a command)
        return Status(code, registry=registry)
    return Status(code, command, service, registry=registry)


def _covers(member: StatusEnum, code: str) -> bool:
    """``member`` is the standard's status for ``code`` as the toolkit writes it."""
    if "x" in code:
        return member.is_masked and member.pattern == code
    return member.value == _code(code) or (member.is_masked and _code(code) in member.codes)


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

NAME_CASES = [
    pytest.param(toolkit, name, where,
                 id=f"{toolkit.name}:{name.name}@{where.service or '-'}/{where.command or '-'}")
    for toolkit in toolkits.TOOLKITS for name in toolkit.names for where in name.where
]


@pytest.mark.parametrize(("toolkit", "name", "where"), NAME_CASES)
def test_a_toolkit_name_resolves_to_a_member_with_its_code_and_type(
    toolkit: Toolkit, name: ToolkitName, where: Where
) -> None:
    status = _status(_code(name.code), where)
    assert status.type.value == name.type, f"{toolkit.name} {name.name}: {status}"
    if name.difference:
        assert status.member is None, (
            f"{name.name} now resolves to {status.member!r}: drop its difference")
    else:
        assert status.member is not None, f"{name.name} does not resolve: {status}"
        assert _covers(status.member, name.code), f"{name.name}: {status.member!r}"


def test_every_toolkit_records_its_source() -> None:
    assert [t.name for t in toolkits.TOOLKITS] == ["pynetdicom", "DCMTK", "dcm4che", "fo-dicom"]
    for toolkit in toolkits.TOOLKITS:
        assert re.fullmatch(r"[0-9a-f]{40}", toolkit.commit), toolkit.name
        assert re.fullmatch(r"\d+\.\d+\.\d+", toolkit.version), toolkit.name
        assert toolkit.files and toolkit.names and toolkit.repository.startswith("https://")
        # A name may stand for different codes for different commands (DCMTK's
        # -v text "Refused: OutOfResources" is A7xx for C-STORE, A700 for C-FIND).
        spelled = [(name.name, where) for name in toolkit.names for where in name.where]
        assert len(spelled) == len(set(spelled)), f"{toolkit.name} repeats a name"
        for name in toolkit.names:
            assert re.fullmatch(r"[0-9A-Fx]{4}", name.code), name
            assert name.where, name


def test_pynetdicom_names_are_the_status_enum() -> None:
    import pynetdicom.status as pst

    recorded = {name.name: _code(name.code) for name in PYNETDICOM.names}
    assert recorded == {f"Status.{m.name}": int(m) for m in pst.Status}


# ---------------------------------------------------------------------------
# DCMTK's header
# ---------------------------------------------------------------------------

_DEFINE = re.compile(r"^#define\s+(STATUS_\w+)\s+(?:/\*.*?\*/\s*)?(0x[0-9a-fA-F]{4})\b", re.M)
_CLASS = re.compile(r"^#define\s+DICOM_(\w+)_STATUS\(status\)\s+(.+)$", re.M)


def _dimse_h() -> str:
    if not DIMSE_H.exists():
        pytest.skip(f"{DIMSE_H} is not installed (Debian: apt-get install libdcmtk-dev)")
    return DIMSE_H.read_text(encoding="latin-1")


def _dcmtk_type(classes: dict[str, str], code: int) -> str:
    """The status type DCMTK's own DICOM_*_STATUS() macros give ``code``."""
    for name in ("SUCCESS", "FAILURE", "WARNING", "CANCEL", "PENDING"):
        # The macros are fully parenthesized C expressions of ==, !=, & and
        # the logical operators, which read the same in Python.
        expression = classes[name].replace("||", " or ").replace("&&", " and ")
        if eval(expression, {"__builtins__": {}}, {"status": code}):
            return name.capitalize()
    raise AssertionError(f"DCMTK gives 0x{code:04X} no status class")


def test_every_status_define_of_dimse_h_is_recorded_with_its_code_and_type() -> None:
    text = _dimse_h()
    defines = {name: int(value, 16) for name, value in _DEFINE.findall(text)}
    classes = dict(_CLASS.findall(text))
    assert len(defines) > 100 and set(classes) >= {"SUCCESS", "FAILURE", "WARNING", "CANCEL",
                                                    "PENDING"}
    recorded = {name.name: name for name in BY_NAME["DCMTK"].names
                if name.name.startswith("STATUS_")}
    missing = sorted(set(defines) - set(recorded))
    assert not missing, f"dimse.h defines names tools/toolkits.py does not record: {missing}"
    for define, value in defines.items():
        assert _code(recorded[define].code) == value, define
        assert recorded[define].type == _dcmtk_type(classes, value), define
    # Names the installed header lacks come from a newer DCMTK, and say so.
    for name in set(recorded) - set(defines):
        assert recorded[name].note.startswith("new in DCMTK"), name


# ---------------------------------------------------------------------------
# Private codes
# ---------------------------------------------------------------------------

CODE_CASES = [
    pytest.param(toolkit, row, id=f"{toolkit.name}:{row.code}")
    for toolkit in toolkits.TOOLKITS for row in toolkit.codes
]


def _enums(command: Command) -> list[type[StatusEnum]]:
    """The command's enum and every service's enum for the command."""
    by_service = [enums[command] for enums in SERVICE_ENUMS.values() if command in enums]
    return list(dict.fromkeys([COMMAND_ENUMS[command], *by_service]))


@pytest.mark.parametrize(("toolkit", "row"), CODE_CASES)
def test_a_private_code_redefines_no_standard_status_of_its_commands(
    toolkit: Toolkit, row: ToolkitCode
) -> None:
    code = _code(row.code)
    if row.kind == STANDARD:
        # A standard code: the standard's meaning for the command, or Annex C's.
        for name in row.commands:
            status = Status(code, Command[name])
            general = Status(code).member  # an Annex C general status
            assert status.member is not None or general is not None, (row, name)
            assert status.type.value == row.type
        assert row.refines == ()
        return
    assert row.kind in (PRIVATE, RETIRED)
    refined: list[str] = []
    for name in row.commands:
        for enum in _enums(Command[name]):
            exact = [m for m in enum if not m.is_masked and m.value == code]
            assert not exact, f"{toolkit.name} {row.code} redefines {exact} for {name}"
            masked = [m for m in enum if m.is_masked and code in m.codes]
            assert all(m.type.value == row.type for m in masked), (row, masked)
            if masked and enum is COMMAND_ENUMS[Command[name]]:
                refined.append(name)
    assert tuple(refined) == row.refines, f"{toolkit.name} {row.code}: refines {refined}"


def pack(toolkit: Toolkit) -> StatusRegistry:
    """The toolkit's private and retired codes, as the package ships them."""
    return dimse_status.names.pack(toolkit.name)


@pytest.mark.parametrize("toolkit", [t for t in toolkits.TOOLKITS
                                     if any(c.kind != STANDARD for c in t.codes)],
                         ids=lambda t: t.name)
def test_a_pack_registers_without_conflict_and_explains_each_code(toolkit: Toolkit) -> None:
    registry = pack(toolkit)
    for row in toolkit.codes:
        for name in row.commands:
            status = Status(_code(row.code), Command[name], registry=registry)
            assert status.type.value == row.type
            if row.kind != STANDARD:
                assert status.description == f"{row.description} ({toolkit.name})", (row.code, name)
                assert status.member is None  # a registered status, not the standard's


def test_the_pynetdicom_pack_changes_nothing_without_it() -> None:
    assert Status(0xC001, Command.N_ACTION).description.startswith("Unknown Failure")
    assert Status(0xC211, Command.C_STORE).description == "Error: Cannot understand"


# ---------------------------------------------------------------------------
# pynetdicom over 127.0.0.1: provoke every code it sends of its own.
# ---------------------------------------------------------------------------

FIND = UID("1.2.840.10008.5.1.4.1.2.1.1")  # Patient Root Q/R Information Model - FIND
MOVE = UID("1.2.840.10008.5.1.4.1.2.1.2")
GET = UID("1.2.840.10008.5.1.4.1.2.1.3")
VERIFICATION = UID("1.2.840.10008.1.1")
STORAGE_COMMITMENT = UID("1.2.840.10008.1.20.1")  # Storage Commitment Push Model (N-ACTION)


def _query() -> Dataset:
    query = Dataset()
    query.QueryRetrieveLevel = "PATIENT"
    query.PatientID = "1234"
    return query


def _unencodable() -> Dataset:
    """An Identifier pynetdicom cannot encode: text in a US element."""
    ds = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pydicom warns of the bad value
        ds.add_new(0x00280010, "US", "not a number")
    return ds


def _raise(*args: object) -> Any:
    raise RuntimeError("the handler failed")


def _returns(value: object) -> Callable[[Any], Any]:
    return lambda event: value


def _yields(*values: object) -> Callable[[Any], Iterator[Any]]:
    def handler(event: Any) -> Iterator[Any]:
        yield from values
    return handler


def _yields_then_raises(*values: object) -> Callable[[Any], Iterator[Any]]:
    def handler(event: Any) -> Iterator[Any]:
        yield from values
        raise RuntimeError("the handler's generator failed")
    return handler


@dataclass(frozen=True)
class Provocation:
    """A misbehaving SCP handler and the code the SCU receives for it."""

    code: int
    command: Command
    handler: Callable[[Any], Any]
    what: str


_DEST = ("127.0.0.1", 1)  # never associated with: the handler fails first
_STATUSLESS = Dataset()  # a status Dataset without (0000,0900)

PROVOCATIONS = [
    Provocation(0xC211, Command.C_STORE, _raise, "handler raises"),
    Provocation(0xC001, Command.C_STORE, _returns(_STATUSLESS), "Dataset without Status"),
    Provocation(0xC002, Command.C_STORE, _returns("Success"), "a str as status"),
    Provocation(0xC311, Command.C_FIND, _raise, "handler raises"),
    Provocation(0xC311, Command.C_FIND, _yields_then_raises(), "generator raises"),
    Provocation(0xC312, Command.C_FIND, _yields((0xFF00, _unencodable())),
                "unencodable Identifier"),
    Provocation(0xC001, Command.C_FIND, _yields((_STATUSLESS, None)), "Dataset without Status"),
    Provocation(0xC002, Command.C_FIND, _yields((None, None)), "None as status"),
    Provocation(0xC411, Command.C_GET, _raise, "handler raises"),
    Provocation(0xC411, Command.C_GET, _yields_then_raises(1), "generator raises"),
    Provocation(0xC413, Command.C_GET, _yields("many"), "count not an int"),
    Provocation(0xC416, Command.C_GET, _yields(65536), "count over 65535"),
    Provocation(0xC001, Command.C_GET, _yields(1, (_STATUSLESS, None)), "Dataset without Status"),
    Provocation(0xC002, Command.C_GET, _yields(1, (1.5, None)), "a float as status"),
    Provocation(0xC511, Command.C_MOVE, _raise, "handler raises"),
    Provocation(0xC514, Command.C_MOVE, _yields_then_raises(), "no destination"),
    Provocation(0xC515, Command.C_MOVE, _yields(104), "destination not a pair"),
    Provocation(0xC513, Command.C_MOVE, _yields(_DEST, "many"), "count not an int"),
    Provocation(0xC516, Command.C_MOVE, _yields(_DEST, 65536), "count over 65535"),
    Provocation(0x0110, Command.N_ACTION, _raise, "handler raises"),
    Provocation(0xC001, Command.N_ACTION, _returns((_STATUSLESS, None)),
                "Dataset without Status"),
    Provocation(0xC002, Command.N_ACTION, _returns(("Success", None)), "a str as status"),
    Provocation(0x0000, Command.C_ECHO, _raise, "handler raises"),
    Provocation(0x0000, Command.C_ECHO, _returns(_STATUSLESS), "Dataset without Status"),
]

_EVENTS = {
    Command.C_STORE: (evt.EVT_C_STORE, CTImageStorage),
    Command.C_FIND: (evt.EVT_C_FIND, FIND),
    Command.C_GET: (evt.EVT_C_GET, GET),
    Command.C_MOVE: (evt.EVT_C_MOVE, MOVE),
    Command.N_ACTION: (evt.EVT_N_ACTION, STORAGE_COMMITMENT),
    Command.C_ECHO: (evt.EVT_C_ECHO, VERIFICATION),
}


def _send(port: int, command: Command, context: UID) -> Dataset:
    """Send one request of ``command``; return the last response's status."""
    assoc = associate(port, [context])
    try:
        if command is Command.C_STORE:
            return assoc.send_c_store(instance())
        if command is Command.C_ECHO:
            return assoc.send_c_echo()
        if command is Command.N_ACTION:
            request = Dataset()  # Storage Commitment Request (an empty one is never answered)
            request.TransactionUID = "1.2.3.4"
            rsp, _ = assoc.send_n_action(request, 1, context, UID("1.2.840.10008.1.20.1.1"))
            return rsp
        if command is Command.C_FIND:
            responses = assoc.send_c_find(_query(), context)
        elif command is Command.C_GET:
            responses = assoc.send_c_get(_query(), context)
        else:
            responses = assoc.send_c_move(_query(), "NOWHERE", context)
        return [rsp for rsp, _ in responses][-1]
    finally:
        assoc.release()


@pytest.mark.usefixtures("bounded")
@pytest.mark.parametrize("case", PROVOCATIONS,
                         ids=lambda p: f"{p.command.label}:{p.code:04X}:{p.what}")
def test_pynetdicom_sends_the_recorded_code_and_the_pack_explains_it(
    scp: StartSCP, case: Provocation
) -> None:
    event, context = _EVENTS[case.command]
    port = scp([context], [(event, case.handler)])
    rsp = _send(port, case.command, context)
    assert rsp.Status == case.code

    rows = [row for row in PYNETDICOM.codes
            if _code(row.code) == case.code and case.command.name in row.commands]
    assert len(rows) == 1, f"pynetdicom sent 0x{case.code:04X}: recorded {rows}"
    (row,) = rows
    assert row.last_sent == ""  # the recorded version sends it
    status = Status.from_dataset(rsp, case.command, registry=pack(PYNETDICOM))
    assert status.type.value == row.type
    if row.kind != STANDARD:
        assert status.description == f"{row.description} (pynetdicom)"


def _by_apps(row: ToolkitCode) -> bool:
    """Sent by pynetdicom's apps (storescp, qrscp ...), not by the library."""
    return row.source.startswith("pynetdicom/apps/")


def test_every_code_pynetdicom_sends_is_provoked() -> None:
    provoked = {(p.code, p.command.name) for p in PROVOCATIONS}
    sent = {_code(row.code) for row in PYNETDICOM.codes
            if not row.last_sent and not _by_apps(row)}
    assert {code for code, _ in provoked} == sent
    for row in PYNETDICOM.codes:
        if not row.last_sent and not _by_apps(row):
            assert any((_code(row.code), name) in provoked for name in row.commands), row


@pytest.mark.usefixtures("bounded")
@pytest.mark.parametrize(("code", "scu_handler"), [
    (0xC211, _raise), (0xC001, _returns(_STATUSLESS)), (0xC002, _returns("Success")),
], ids=["handler raises", "Dataset without Status", "a str as status"])
def test_a_c_get_scu_answers_its_c_store_sub_operation_with_the_recorded_code(
    scp: StartSCP, code: int, scu_handler: Callable[[Any], Any]
) -> None:
    """A C-GET SCU is the SCP of the C-STORE sub-operations; pynetdicom's
    Association._c_store_scp() answers them with the same codes."""
    received: list[int] = []

    def on_received(event: Any) -> None:
        if isinstance(event.message, C_STORE_RSP):
            received.append(int(event.message.command_set.Status))

    port = scp([GET, CTImageStorage], [
        (evt.EVT_C_GET, _yields(1, (0xFF00, instance()))),
        (evt.EVT_DIMSE_RECV, on_received),
    ])
    assoc = associate(port, [GET, CTImageStorage], handlers=[(evt.EVT_C_STORE, scu_handler)],
                      roles=[build_role(CTImageStorage, scp_role=True)])
    try:
        final = [rsp for rsp, _ in assoc.send_c_get(_query(), GET)][-1]
    finally:
        assoc.release()
    assert received == [code]
    assert final.NumberOfFailedSuboperations == 1
    (row,) = [r for r in PYNETDICOM.codes if _code(r.code) == code and "C_STORE" in r.commands]
    assert "Association._c_store_scp()" in row.source
    status = Status(code, Command.C_STORE, registry=pack(PYNETDICOM))
    assert status.description == f"{row.description} (pynetdicom)"


def test_every_code_the_pynetdicom_apps_send_is_recorded() -> None:
    """The installed pynetdicom (the recorded version) is read: every
    ``0xCnnn`` its apps' handlers return or yield is a row, sent still,
    whose source names the handler's file and function."""
    import pynetdicom

    assert pynetdicom.__version__ == PYNETDICOM.version
    apps = Path(pynetdicom.__file__).parent / "apps"
    found: dict[int, set[str]] = {}
    for path in [apps / "common.py", apps / "qrscp" / "handlers.py"]:
        function = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("def "):
                function = line[4:line.index("(")]
            sent = re.search(r"\b(?:return|yield) 0x(C[0-9A-F]{3})\b", line)
            if sent:
                found.setdefault(int(sent[1], 16), set()).add(
                    f"pynetdicom/apps/{path.relative_to(apps).as_posix()} {function}()")
    assert set(found) == {0xC210, 0xC320, 0xC322, 0xC420, 0xC421, 0xC520, 0xC521}
    for code, places in found.items():
        (row,) = [r for r in PYNETDICOM.codes if _code(r.code) == code]
        assert row.last_sent == "" and _by_apps(row), row
        assert all(place in row.source for place in places), (row.source, places)
        status = Status(code, Command[row.commands[0]], registry=pack(PYNETDICOM))
        assert status.description == f"{row.description} (pynetdicom)"


@pytest.mark.parametrize("toolkit", ["dcm4che", "fo-dicom", "FO-DICOM"])
def test_a_toolkit_without_codes_of_its_own_has_no_pack(toolkit: str) -> None:
    with pytest.raises(ValueError, match=r"has no pack: .*\(packs: pynetdicom, DCMTK\)"):
        dimse_status.names.pack(toolkit)


@pytest.mark.parametrize(("code", "command", "absent", "present"), [
    (0x0122, Command.C_STORE, "STATUS_N_SOPClassNotSupported",
     "STATUS_STORE_Refused_SOPClassNotSupported"),
    (0xFE00, Command.C_FIND, "STATUS_N_Cancel", "STATUS_FIND_Cancel"),
    (0x0000, Command.C_MOVE, "STATUS_N_Success", "STATUS_MOVE_Success"),
    (0x0001, Command.N_GET, "", "STATUS_N_Warning_RequestedOptionalAttributesNotSupported"),
    (0x0107, Command.N_SET, "", "STATUS_N_AttributeListError"),
])
def test_dcmtk_names_are_offered_for_the_commands_dcmtk_uses_them_for(
    code: int, command: Command, absent: str, present: str
) -> None:
    """dimse.h's STATUS_N_* are the DIMSE-N commands' (issue 21 item 7)."""
    offered = [name.name for name in dimse_status.names.names_for(Status(code, command))
               if name.toolkit == "DCMTK"]
    assert present in offered and absent not in offered


def test_no_dcmtk_n_name_is_offered_for_a_c_command() -> None:
    for name in BY_NAME["DCMTK"].names:
        if name.name.startswith("STATUS_N_"):
            assert all(where.command.startswith("N_") for where in name.where), name


def test_a_name_newer_than_the_recorded_version_says_since_when() -> None:
    recorded = {n.name: n for n in dimse_status.names.NAMES if n.toolkit == "DCMTK"}
    assert recorded["STATUS_N_AttributeListWarning"].since == "3.7.0"
    assert recorded["STATUS_N_AttributeListError"].since == ""
    for name in BY_NAME["DCMTK"].names:
        assert (name.since != "") == name.note.startswith("new in DCMTK"), name
