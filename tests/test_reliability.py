"""The edges of issue 12: copies, raw bytes, bad arguments, the drop-in, costs.

Each test is named after the item of the issue it pins (item1 ... item18);
the thread-stress and fork tests are in test_concurrency.py and the
hypothesis probes in test_probes.py.
"""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pynetdicom2.dimsemessages as d2
import pynetdicom2.statuses as p2
import pytest
from pydicom import Dataset
from pydicom.dataelem import RawDataElement
from pydicom.tag import Tag
from pynetdicom2_tables import fresh_tables

from dimse_status import (
    Command,
    CStoreStatus,
    CustomStatus,
    Service,
    Status,
    StatusRegistry,
    StatusType,
    add_status,
    compat,
    default_registry,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(autouse=True)
def clean_default_registry() -> Iterator[None]:
    default_registry.clear()
    yield
    default_registry.clear()


def _copies() -> list[Callable[[Any], Any]]:
    protocols = range(pickle.HIGHEST_PROTOCOL + 1)
    return [copy.copy, copy.deepcopy,
            *(lambda s, p=p: pickle.loads(pickle.dumps(s, protocol=p)) for p in protocols)]


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=60, check=False)


# --- 1. a copied or unpickled status keeps its type, meaning and details -----


@pytest.mark.parametrize("how", _copies())
def test_item1_a_copy_of_a_custom_registry_status_keeps_its_meaning(
    how: Callable[[Any], Any],
) -> None:
    mine = StatusRegistry()
    mine.add(0x1234, "Warning", "only in my registry", command=Command.C_ECHO)
    mine.add(0xC9F0, "Failure", "Vendor: bad compression", command=Command.C_STORE,
             related_attributes=[0x00000902])
    statuses: list[Status[Any]] = [
        Status(0x1234, Command.C_ECHO, registry=mine),
        Status(0xC9F0, Command.C_STORE, registry=mine).with_details(error_comment="x"),
    ]
    for status in statuses:
        copied: Status[Any] = how(status)
        assert type(copied) is Status
        assert (copied.code, copied.command, copied.service) == (
            status.code, status.command, status.service)
        assert (copied.type, copied.description, copied.member, copied.related_attributes) == (
            status.type, status.description, status.member, status.related_attributes)
        assert copied.details == status.details


@pytest.mark.parametrize("how", _copies())
def test_item1_a_copy_keeps_members_services_and_details(how: Callable[[Any], Any]) -> None:
    ups = Status(0xC310, Command.N_ACTION, service=Service.UNIFIED_PROCEDURE_STEP)
    store = Status(0xA7F3, Command.C_STORE).with_details(error_comment="full disk")
    for status in (ups, store, Status(0xB123)):
        copied = how(status)
        assert copied.member is status.member
        assert (copied.type, copied.description) == (status.type, status.description)
        assert copied.details == status.details


def test_item1_unpickled_in_a_fresh_interpreter_keeps_its_description() -> None:
    dump = _python(
        "import pickle, sys\n"
        "from dimse_status import Command, Status, add_status\n"
        "add_status(0xC9F0, 'Failure', 'Vendor: unsupported compression', "
        "command=Command.C_STORE)\n"
        "sys.stdout.write(pickle.dumps(Status(0xC9F0, Command.C_STORE)).hex())\n"
    )
    assert dump.returncode == 0, dump.stderr
    load = _python(
        "import pickle, sys\n"
        "s = pickle.loads(bytes.fromhex(sys.argv[1]))\n"
        "print(s.type.value, s.description, s.member, sep='|')\n",
        dump.stdout,
    )
    assert load.returncode == 0, load.stderr
    assert load.stdout.strip() == "Failure|Vendor: unsupported compression|None"


def test_item1_old_pickles_still_load() -> None:
    """A pickle made before meanings were pickled resolves the code again."""
    from dimse_status import resolve

    status = resolve._unpickle(0xA7F3, Command.C_STORE, None, ())  # pyright: ignore[reportPrivateUsage]
    assert status.member is CStoreStatus.OUT_OF_RESOURCES


# --- 2. out-of-range Command Fields are errors --------------------------------


@pytest.mark.parametrize("field", [0x18001, 0x18020, -0x7FFF, 0x10001, -1, 0x1_0000_8001])
def test_item2_command_field_out_of_range_is_an_error(field: int) -> None:
    with pytest.raises(ValueError, match="16-bit"):
        Command.from_field(field)


def test_item2_out_of_range_field_in_a_dataset_or_message_class() -> None:
    ds = Dataset()
    ds.Status = 0
    ds.add_new(0x00000100, "UL", 0x18001)
    with pytest.raises(ValueError, match="16-bit"):
        Status.from_dataset(ds)

    class Message:
        command_field = 0x18001

    with pytest.raises(ValueError, match="16-bit"):
        compat.Status(0, Message)
    assert Command.from_field(0x8001) is Command.C_STORE


# --- 3 and 5. Error Comment: bytes decoded, non-ASCII refused -----------------


@pytest.mark.parametrize("vr", ["LO", "OB", "UN"])
def test_item3_error_comment_held_as_bytes_is_decoded(vr: str) -> None:
    ds = Dataset()
    ds.Status = 0xC001
    ds.add_new(0x00000902, vr, b"oops")
    assert Status.from_dataset(ds, Command.C_STORE).error_comment == "oops"


def test_item3_error_comment_bytes_outside_the_default_repertoire_are_refused() -> None:
    ds = Dataset()
    ds.Status = 0xC001
    ds.add_new(0x00000902, "OB", b"caf\xe9")
    with pytest.raises(ValueError, match=r"Error Comment \(0000,0902\).*ASCII"):
        Status.from_dataset(ds, Command.C_STORE)


def test_item5_non_ascii_error_comment_is_refused() -> None:
    status = Status(0xC001, Command.C_STORE)
    for text in ("café", "日本", "tab\there"):
        with pytest.raises(ValueError, match=r"Error Comment \(0000,0902\)"):
            status.with_details(error_comment=text)
    assert status.with_details(error_comment="plain ASCII ~!").error_comment == "plain ASCII ~!"


def test_item5_to_dataset_refuses_a_non_ascii_comment_read_from_a_peer() -> None:
    ds = Dataset()
    ds.Status = 0xC001
    ds.ErrorComment = "café"
    status = Status.from_dataset(ds, Command.C_STORE)
    assert status.error_comment == "café"  # read as sent
    with pytest.raises(ValueError, match=r"Error Comment \(0000,0902\)"):
        status.to_dataset()


# --- 4. the registry's type is checked before the memo ------------------------


def test_item4_registry_type_is_checked_before_the_fast_path() -> None:
    class Impostor:
        def __init__(self) -> None:
            self._memo = {Command.C_STORE: {0: "not a status"}, None: {0: "not a status"}}
            self._tables = None

    Status(0, Command.C_STORE)  # memoized in the default registry
    for command in (Command.C_STORE, None):
        with pytest.raises(TypeError, match="registry must be a StatusRegistry"):
            Status(0, command, registry=Impostor())  # type: ignore[call-overload]


# --- 6. compat overlapping registrations in pynetdicom2's order ---------------


@pytest.fixture
def p2_tables() -> Iterator[None]:
    with fresh_tables():
        yield


def test_item6_compat_follows_pynetdicom2s_order(p2_tables: None) -> None:
    store = d2.CStoreRSPMessage
    for module in (p2, compat):
        add: Any = module.add_status
        add(0xD005, "Warning", "vendor D005", None, store)
        add(0xD000, "Failure", "vendor D0xx", 0xD0FF, store)
        add(0xA700, "Warning", "vendor A7xx", 0xA7FF, store)
    for code in (0xD005, 0xD004, 0xA7F3):
        theirs, ours = p2.Status(code, store), compat.Status(code, store)
        assert (ours.status_type, ours.description) == (theirs.status_type, theirs.description)
    assert compat.Status(0xD005, store).status_type == "Warning"
    assert compat.Status(0xA7F3, store).description == "Refused: Out of Resources"


def test_item6_exact_codes_last_wins_ranges_first_wins(p2_tables: None) -> None:
    store = d2.CStoreRSPMessage
    for module in (p2, compat):
        add: Any = module.add_status
        add(0xD000, "Warning", "first range", 0xD0FF, store)
        add(0xD080, "Failure", "second range", 0xD17F, store)
        add(0xD0F0, "Failure", "exact", None, store)
        add(0xD0F0, "Pending", "exact again", None, store)
        add(0xD000, "Cancel", "range after exact", 0xD0FF, store)
        add(0xE000, "Warning", "any command", 0xE0FF)
        add(0xE010, "Failure", "any command, exact")
        add(0xE000, "Failure", "command range", 0xE01F, store)
        add(0xE080, "Pending", "any command, later range", 0xE1FF)
    expected = {
        (0xD0F0, store): "exact again", (0xD0F1, store): "first range",
        (0xD100, store): "second range", (0xE010, store): "command range",
        (0xE010, None): "any command, exact", (0xE011, None): "any command",
        (0xE021, store): "any command", (0xE180, store): "any command, later range",
    }
    for (code, command), description in expected.items():
        assert p2.Status(code, command).description == description
        assert compat.Status(code, command).description == description, hex(code)


# --- 9. raw odd-length elements are ValueErrors -------------------------------


@pytest.mark.parametrize(
    ("tag", "name"),
    [(0x00000900, "Status"), (0x00000100, "Command Field"), (0x00000903, "Error ID"),
     (0x00001021, "Number of Completed Sub-operations")],
)
def test_item9_odd_length_raw_elements_are_value_errors(tag: int, name: str) -> None:
    ds = Dataset()
    if tag != 0x00000900:
        ds.Status = 0xFF00
    ds[tag] = RawDataElement(Tag(tag), "US", 3, b"\x00\x01\x02", 0, True, True)
    with pytest.raises(ValueError, match=name):
        Status.from_dataset(ds, Command.C_MOVE if tag != 0x00000100 else None)


# --- 10. counts out of range are refused by to_dataset() ----------------------


@pytest.mark.filterwarnings("ignore:Invalid value:UserWarning")  # pydicom's, on add_new
@pytest.mark.parametrize("count", [70_000, -1])
def test_item10_to_dataset_refuses_counts_outside_us(count: int) -> None:
    ds = Dataset()
    ds.Status = 0xFF00
    ds.add_new(0x00001020, "US", count)
    status = Status.from_dataset(ds, Command.C_MOVE)
    assert status.sub_operations.remaining == count  # read as the peer sent it
    with pytest.raises(ValueError, match=r"Number of Remaining Sub-operations \(0000,1020\)"):
        status.to_dataset()


# --- 11 and 14. the command line: unwritable stdout, huge arguments ----------


def _cli(shell_tail: str, *args: str) -> subprocess.CompletedProcess[str]:
    quoted = " ".join(f"'{a}'" for a in args)
    return subprocess.run(
        ["sh", "-c", f"exec '{sys.executable}' -m dimse_status {quoted} {shell_tail}"],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("explain", "A7F3"), ("table",), ("explain", "A7F3", "--json")])
def test_item11_stdout_full_gives_one_line_and_fails(args: tuple[str, ...]) -> None:
    done = _cli(">/dev/full", *args)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "standard output" in lines[0], done.stderr


def test_item11_stdout_closed_gives_one_line_and_fails() -> None:
    done = _cli(">&-", "explain", "A7F3")
    assert done.returncode != 0
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "standard output" in lines[0], done.stderr


def test_item11_broken_pipe_is_still_quiet() -> None:
    done = subprocess.run(
        ["sh", "-c", f"'{sys.executable}' -m dimse_status table | head -c 1 >/dev/null"],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
    )
    assert done.stderr == ""


def test_item14_cli_shortens_a_huge_argument() -> None:
    huge = "Z" * 100_000
    for args in (("explain", huge), ("explain", "A7F3", "--command", huge),
                 ("table", "--service", huge)):
        done = _cli("", *args)
        assert done.returncode == 2
        assert len(done.stderr.splitlines()) == 1
        assert "ZZZZ" in done.stderr and done.stderr.count("Z") < 100, len(done.stderr)


def test_item14_huge_code_is_reported_out_of_range() -> None:
    for code in (10**5000, -(10**5000), 2**70):
        with pytest.raises(ValueError, match=r"outside 0x0000\.\.0xFFFF") as info:
            Status(code)
        assert len(str(info.value)) < 200
    with pytest.raises(ValueError, match="16-bit") as info:
        Command.from_field(10**5000)
    assert len(str(info.value)) < 200


# --- 12. an argument whose repr() raises ---------------------------------------


class BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr exploded")


class BadReprStr(str):
    __slots__ = ()

    def __repr__(self) -> str:
        raise RuntimeError("repr exploded")


def test_item12_arguments_whose_repr_raises_get_our_errors() -> None:
    calls: list[tuple[type[Exception], Callable[[], object]]] = [
        (TypeError, lambda: Status(BadRepr())),  # type: ignore[call-overload]
        (TypeError, lambda: Status(0, BadRepr())),  # type: ignore[call-overload]
        (TypeError, lambda: Status(0, Command.C_STORE, BadRepr())),  # type: ignore[call-overload]
        (TypeError, lambda: Status(0, registry=BadRepr())),  # type: ignore[call-overload]
        (TypeError, lambda: Command.parse(BadRepr())),  # type: ignore[arg-type]
        (ValueError, lambda: Command.parse(BadReprStr("nope"))),
        (TypeError, lambda: Command.from_field(BadRepr())),  # type: ignore[arg-type]
        (ValueError, lambda: Service.parse(BadReprStr("nope"))),
        (ValueError, lambda: StatusType.parse(BadReprStr("nope"))),
        (TypeError, lambda: add_status(0x1, "Warning", BadRepr())),  # type: ignore[arg-type]
        (TypeError, lambda: compat.Status(0, BadRepr())),  # type: ignore[arg-type]
    ]
    for error, call in calls:
        with pytest.raises(error, match="BadRepr"):
            call()


# --- 13. compat.Status pickles with every protocol ------------------------------


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_item13_compat_status_pickles_with_every_protocol(protocol: int) -> None:
    for status in (compat.SUCCESS, compat.C_STORE_OUT_OF_RESOURCES,
                   compat.Status(0xA7F3, d2.CStoreRSPMessage)):
        back = pickle.loads(pickle.dumps(status, protocol=protocol))
        assert type(back) is compat.Status and back == status
        assert (back.status_type, back.description) == (status.status_type, status.description)
        assert back.status.command is status.status.command
    assert pickle.loads(pickle.dumps(p2.SUCCESS, protocol=0)) == p2.SUCCESS  # as pynetdicom2's


# --- 15. the registry argument: name the real problem --------------------------


def test_item15_registry_argument_errors_name_the_problem() -> None:
    class MyRegistry(StatusRegistry):  # type: ignore[misc]  # pyright: ignore[reportGeneralTypeIssues]
        pass

    cases: list[tuple[object, str]] = [
        ("x", "registry must be a StatusRegistry .*not str 'x'"),
        (StatusRegistry, "the class StatusRegistry itself.*StatusRegistry\\(\\)"),
        (MyRegistry(), "subclass MyRegistry"),
    ]
    for registry, message in cases:
        with pytest.raises(TypeError, match=message):
            add_status(0x1234, "Warning", "x", registry=registry)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=message):
            Status(0x1234, registry=registry)  # type: ignore[call-overload]
    assert default_registry.custom_statuses == ()


# --- 16. wrong types in details; copying a registry ----------------------------


def test_item16_wrong_detail_types_are_named() -> None:
    status = Status(0xC001, Command.C_STORE)
    with pytest.raises(TypeError, match=r"Offending Element \(0000,0901\).*int 5"):
        status.with_details(offending_element=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Error Comment \(0000,0902\).*int 5"):
        status.with_details(error_comment=5)  # type: ignore[arg-type]
    ds = Dataset()
    ds.Status = 0xC001
    ds.add_new(0x00000902, "US", 5)
    with pytest.raises(ValueError, match=r"Error Comment \(0000,0902\) holds 5"):
        Status.from_dataset(ds, Command.C_STORE)


@pytest.mark.parametrize("how", _copies())
def test_item16_a_registry_can_be_copied_and_pickled(how: Callable[[Any], Any]) -> None:
    mine = StatusRegistry()
    mine.add(0xC9F0, "Failure", "vendor", command=Command.C_STORE)
    mine.add(0x0117, "Warning", "redefined", command=Command.C_STORE, override=True)
    mine.add(0xD000, "Warning", "range", end=0xD0FF)
    mine.add(0xD010, "Failure", "inside", command=Command.C_STORE)
    copied = how(mine)
    assert type(copied) is StatusRegistry and copied is not mine
    assert copied.custom_statuses == mine.custom_statuses
    for code, command in [(0xC9F0, Command.C_STORE), (0x0117, Command.C_STORE),
                          (0xD0F0, None), (0xD010, Command.C_STORE), (0xD011, Command.C_STORE)]:
        a, b = Status(code, command, registry=mine), Status(code, command, registry=copied)
        assert (a.type, a.description, a.member) == (b.type, b.description, b.member)
    copied.add(0x4444, "Warning", "only in the copy")
    assert Status(0x4444, registry=mine).is_failure


# --- 17. the drop-in beside pynetdicom2's own statuses -------------------------


def test_item17_compat_equals_pynetdicom2_statuses_by_code() -> None:
    assert compat.SUCCESS == p2.SUCCESS and p2.SUCCESS == compat.SUCCESS
    assert compat.Status(0xA7F3, Command.C_STORE) == p2.Status(0xA7F3, d2.CStoreRSPMessage)
    assert compat.SUCCESS != p2.PROCESSING_FAILURE and p2.PROCESSING_FAILURE != compat.SUCCESS
    assert hash(compat.C_STORE_OUT_OF_RESOURCES) == hash(p2.C_STORE_OUT_OF_RESOURCES)
    table: dict[object, str] = {compat.SUCCESS: "ok"}
    assert table[p2.SUCCESS] == "ok"


def test_item17_compat_does_not_import_pynetdicom2() -> None:
    done = _python(
        "import sys\n"
        "sys.modules['pynetdicom2'] = None\n"
        "from dimse_status import compat\n"
        "assert compat.SUCCESS == compat.Status(0) and compat.SUCCESS != 0\n"
        "assert not [m for m in sys.modules if m.startswith('pynetdicom2.')]\n"
    )
    assert done.returncode == 0, done.stderr


def test_item17_description_is_read_only() -> None:
    with pytest.raises(AttributeError, match="description"):
        compat.SUCCESS.description = "changed"  # type: ignore[misc]
    assert compat.SUCCESS.description == "Success"


def _loopback_echo(scp_status: object) -> object:
    """``pynetdicom2.verify()`` against a pynetdicom2 echo SCP on 127.0.0.1
    whose handler answers ``scp_status``; bounded in time."""
    import socketserver
    from functools import partial

    from pynetdicom2 import applicationentity, asceprovider, commands, sopclass

    class LoopbackAE(applicationentity.AE):
        def _create_server(self, port: int, bind_and_activate: bool,
                           max_pdu_length: int) -> socketserver.TCPServer:
            return applicationentity._ThreadingTCPServer(  # pyright: ignore[reportPrivateUsage]
                ("127.0.0.1", port),
                partial(applicationentity.RequestHandler, local_ae=self,
                        max_pdu_length=max_pdu_length),
                bind_and_activate,
            )

        def on_receive_echo(self, context: Any) -> Any:
            return scp_status

    ae = LoopbackAE("ECHOSCP", 0).add_scp(sopclass.verification_scp)
    ae.dcm_timeout = ae.artim_timeout = 5
    result: list[object] = []
    with ae:
        port = ae.server.server_address[1]
        remote = asceprovider.RemoteAEConfig("ECHOSCP", "127.0.0.1", port)
        worker = threading.Thread(
            target=lambda: result.append(commands.verify("ECHOSCU", remote)), daemon=True)
        worker.start()
        worker.join(timeout=20)
    assert result, "verify() did not answer within 20 s"
    return result[0]


def test_item17_loopback_verify_against_a_pynetdicom2_echo_server() -> None:
    result = _loopback_echo(compat.SUCCESS)  # the SCP answers with a compat status
    assert type(result) is p2.Status  # pynetdicom2's helper returns its own status
    assert result == compat.SUCCESS
    assert compat.SUCCESS == result  # noqa: SIM300 - both operand orders
    assert result != compat.PROCESSING_FAILURE
    failed = _loopback_echo(compat.PROCESSING_FAILURE)
    assert failed == compat.PROCESSING_FAILURE and failed != compat.SUCCESS


# --- 18. registration cost does not grow with the registrations ---------------


def _add_seconds(registry: StatusRegistry, first: int, count: int) -> float:
    """CPU seconds (other load on the machine does not count) for ``count`` adds."""
    best = float("inf")
    for attempt in range(3):
        start = time.process_time()
        for i in range(count):
            registry.add(first + 3 * (attempt * count + i), "Warning", "x",
                         command=Command.N_ACTION)
        best = min(best, time.process_time() - start)
    return best


def test_item18_a_registration_costs_the_same_with_30000_registered() -> None:
    empty, full = StatusRegistry(), StatusRegistry()
    full.add_many(CustomStatus(i, i, StatusType.WARNING, "x", command)
                  for command in (Command.N_ACTION, None) for i in range(0x1000, 0x1000 + 15_000))
    assert len(full.custom_statuses) == 30_000
    few = _add_seconds(empty, 0x5000, 300)
    many = _add_seconds(full, 0x5000, 300)
    assert many < 4 * few, (many, few)


def test_item18_copy_on_write_still_publishes_all_or_nothing() -> None:
    registry = StatusRegistry()
    registry.add_many(CustomStatus(i, i, StatusType.WARNING, "x", Command.C_ECHO)
                      for i in range(0x1000, 0x3000))
    before = Status(0x5000, Command.C_ECHO, registry=registry)
    with pytest.raises(ValueError):
        registry.add_many([CustomStatus(0x5000, 0x5000, StatusType.WARNING, "new", None),
                           CustomStatus(0x1000, 0x1000, StatusType.WARNING, "clash", None),
                           CustomStatus(0x2000, 0x2000, StatusType.WARNING, "clash",
                                        Command.C_ECHO)])
    assert Status(0x5000, Command.C_ECHO, registry=registry) is before
    assert len(registry.custom_statuses) == 0x2000

