"""dimse-status against the reference implementations, side by side in one run.

    pip install -e ".[bench]"
    python benchmarks/bench.py [--quick]

Prints each figure as ratios measured in the same run (no timed assertions
anywhere), with the interpreter's floor beside it: what the cheapest code of
the same shape costs on this interpreter, so that a ratio out of reach shows
what stops it.  Loops are timed in per-thread CPU time (other load on the
machine does not count), the candidates of a figure interleaved round by
round, best of each.  The six figures of issue 13, then three kept from
earlier issues:

1. ``Status(code, command)`` warm, on a mix of exact, masked and unknown
   codes: against an empty class called the same way (``Status``'s
   metaclass ``__call__``: target <= 1.35x), against pynetdicom2 0.9.8's
   ``Status(code, command)`` (target >= 2.5x faster), pynetdicom 3's
   ``code_to_category`` + its status dict and a bare dict lookup.  Floor:
   the empty class that only returns ``memo[command][code]``, the two dict
   lookups any per-command memo needs, without checking anything;
2. the per-enum lookup ``CStoreStatus.lookup(code)`` on the same codes
   against pynetdicom2's ``Status(code, command)`` (target >= 5x faster).
   Floor: reading ``CStoreStatus.lookup`` without calling it;
3. reading ``.is_success`` ... ``.is_pending``, ``.type``, ``.description``
   and ``.member`` against a plain instance attribute of an ordinary object
   (target <= 1.5x).  Floor: the same read on an ``int`` subclass with a
   ``__dict__`` (a ``Status`` is an ``int``; CPython specialises attribute
   reads only for objects whose ``__dict__`` it manages, which an ``int``
   subclass's is not);
4. cold: 4,096 distinct random codes per command, all commands interleaved,
   so that the memo (256 statuses per command) thrashes: against the warm
   cost of figure 1 (target <= 3x) and pynetdicom's ``code_to_category`` +
   its dict on the same codes (target: at least as fast).  Floor: making an
   ``int`` subclass instance with a given ``__dict__``, what every new
   status costs;
5. whole-process import, bytecode caching on: ``import dimse_status``
   (target <= 2.0x ``python -c pass``), ``import dimse_status.compat``
   (target <= 2.3x), and the first use of a service (target <= 3 ms: the
   import of the service enums and the first ``Status(code, command,
   service)``), best of several processes.  Floor: ``import enum``, which
   any package of ``IntEnum``s pays;
6. the memory a million mixed (code, command, service) resolutions leave
   behind (target <= 1 MB);
7. ``Status(code, command)`` with 10,000 custom ranges registered, against
   none (target <= 1.2x);
8. ``Status(code, command, service=...)`` on a mix of service-specific,
   inherited and unknown codes, against the same references (pynetdicom: its
   service's dict), with the custom-range and plain-call ratios (targets: >=
   3x faster than pynetdicom2, <= 1.2x with 10,000 ranges), and the floor: a
   class that does nothing, called the same way.  CPython builds a dict for a
   keyword argument to a class call, so with ``service=`` by keyword that
   floor alone can exceed the 3x budget; the positional spelling
   ``Status(code, command, service)`` avoids it;
9. registration: 20,000 single ``add()`` calls against 10,000, each into a
   new registry (target <= 2.4x: the cost of one registration does not grow
   with the number already made), and 2,400 ``compat.add_status`` calls from
   16 threads against pynetdicom2 0.9.8's ``add_status`` doing the same
   (target: within 10x).  Figure 9 counts the process's CPU time.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import subprocess
import sys
import threading
import time
import timeit
from collections.abc import Callable

from dimse_status import (
    COMMAND_ENUMS,
    Command,
    CustomStatus,
    Service,
    Status,
    StatusEnum,
    StatusRegistry,
    StatusType,
    compat,
    default_registry,
)

MIX: list[tuple[int, Command]] = [
    (0x0000, Command.C_STORE),  # exact
    (0xB000, Command.C_STORE),  # exact
    (0xA7F3, Command.C_STORE),  # masked A7xx
    (0xC123, Command.C_STORE),  # masked Cxxx
    (0xFF00, Command.C_FIND),  # exact
    (0xC001, Command.C_FIND),  # masked
    (0xA702, Command.C_MOVE),  # exact
    (0x0110, Command.N_SET),  # exact
    (0x1234, Command.C_STORE),  # unknown
    (0xB123, Command.C_GET),  # unknown, Annex C class
    (0x0105, Command.C_ECHO),  # general, not the command's
    (0xD000, Command.N_ACTION),  # unknown
]

SERVICE_MIX: list[tuple[int, Command, Service]] = [
    (0xC310, Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP),  # service's own
    (0xB300, Command.N_CREATE, Service.UNIFIED_PROCEDURE_STEP),  # service's own
    (0x0123, Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP),  # the command's
    (0xD000, Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP),  # unknown
    (0x0110, Command.N_SET, Service.PROCEDURE_STEP),  # service's own, overrides
    (0xB605, Command.N_CREATE, Service.PRINT_MANAGEMENT),  # service's own
    (0xC605, Command.N_SET, Service.PRINT_MANAGEMENT),  # service's own
    (0xC123, Command.C_FIND, Service.QUERY_RETRIEVE),  # the command's mask
    (0xA710, Command.C_FIND, Service.QUERY_RETRIEVE),  # service's own
    (0xA801, Command.C_MOVE, Service.QUERY_RETRIEVE),  # no own: the command's
    (0xC100, Command.C_FIND, Service.RELEVANT_PATIENT_INFORMATION_QUERY),  # own
    (0xFF01, Command.C_FIND, Service.BASIC_WORKLIST_MANAGEMENT),  # the command's
]


def interleaved(
    fns: dict[str, Callable[[], object]], calls: int, repeat: int, per: int = len(MIX)
) -> dict[str, float]:
    """ns per item (``per`` items per call), the best of ``repeat`` rounds in
    which every function runs once, ``calls`` times, in per-thread CPU time."""
    timers = {name: timeit.Timer(fn, timer=time.thread_time) for name, fn in fns.items()}
    best = dict.fromkeys(fns, float("inf"))
    for timer in timers.values():
        timer.timeit(max(1, calls // 10))  # warm up: memos, specialisation
    for _ in range(repeat):
        for name, timer in timers.items():
            best[name] = min(best[name], timer.timeit(calls))
    return {name: seconds / calls / per * 1e9 for name, seconds in best.items()}


def show(rows: dict[str, float]) -> None:
    for name, ns in rows.items():
        print(f"   {name:16s} {ns:8.1f} ns")


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def ranges_registry(command: Command) -> StatusRegistry:
    """A registry with 10,000 custom two-code ranges, every other one for
    ``command`` and the rest for no command in particular."""
    registry = StatusRegistry()
    registry.add_many(
        CustomStatus(0x1000 + 3 * i, 0x1000 + 3 * i + 1, StatusType.WARNING, f"vendor {i}",
                     command if i % 2 else None)
        for i in range(10_000)
    )
    return registry


def pynetdicom2_mix() -> list[tuple[int, object]]:
    """:data:`MIX` as pynetdicom2 takes it: (code, response message class)."""
    import pynetdicom2.dimsemessages as d2

    msg = {
        Command.C_STORE: d2.CStoreRSPMessage, Command.C_FIND: d2.CFindRSPMessage,
        Command.C_MOVE: d2.CMoveRSPMessage, Command.C_GET: d2.CGetRSPMessage,
        Command.N_SET: d2.NSetRSPMessage, Command.C_ECHO: d2.CEchoRSPMessage,
        Command.N_ACTION: d2.NActionRSPMessage,
    }
    return [(code, msg[command]) for code, command in MIX]


def figure_resolution(calls: int, repeat: int) -> dict[str, float]:
    import pynetdicom2.statuses as s2
    from pynetdicom.status import STORAGE_SERVICE_CLASS_STATUS, code_to_category

    ours = list(MIX)
    theirs = pynetdicom2_mix()
    codes = [code for code, _ in MIX]
    plain = {code: ("Failure", "x") for code in codes[:6]}
    floor: Callable[..., object] = _Floor  # typed by its metaclass's __call__
    lookups: Callable[..., object] = _FloorLookups
    for code, command in MIX:
        _FLOOR_MEMO[command][code] = Status(code, command)
    store = Command.C_STORE

    def run_ours() -> None:
        for code, command in ours:
            Status(code, command)

    def run_floor() -> None:
        for code, command in ours:
            floor(code, command)

    def run_lookups() -> None:
        for code, command in ours:
            lookups(code, command)

    def run_bound() -> None:
        for code in codes:
            Status(code, store)

    def run_spelled() -> None:
        for code in codes:
            Status(code, Command.C_STORE)

    def run_p2() -> None:
        for code, command in theirs:
            s2.Status(code, command)

    def run_p3() -> None:
        for code in codes:
            code_to_category(code)
            STORAGE_SERVICE_CLASS_STATUS.get(code)

    def run_dict() -> None:
        for code in codes:
            plain.get(code)

    return interleaved({
        "dimse_status": run_ours,
        "floor": run_floor,
        "floor+lookups": run_lookups,
        "C-STORE, bound": run_bound,
        "Command.C_STORE": run_spelled,
        "pynetdicom2": run_p2,
        "pynetdicom": run_p3,
        "dict": run_dict,
    }, calls, repeat)


def figure_lookup(calls: int, repeat: int) -> dict[str, float]:
    import pynetdicom2.statuses as s2

    pairs: list[tuple[int, type[StatusEnum]]] = [
        (code, COMMAND_ENUMS[command]) for code, command in MIX
    ]
    theirs = pynetdicom2_mix()

    def run_lookup() -> None:
        for code, enum in pairs:
            enum.lookup(code)

    def run_attribute() -> None:
        for _, enum in pairs:
            enum.lookup  # noqa: B018

    def run_p2() -> None:
        for code, command in theirs:
            s2.Status(code, command)

    return interleaved({"lookup": run_lookup, "enum.lookup": run_attribute,
                        "pynetdicom2": run_p2}, calls, repeat)


ATTRIBUTES = ("is_success", "is_warning", "is_failure", "is_cancel", "is_pending", "type",
              "description", "member")


class _Plain:
    """An ordinary object with a plain instance attribute."""

    def __init__(self) -> None:
        self.value = 1


class _IntWithDict(int):
    """An int subclass with a plain instance attribute: what a Status is."""


def _read_loop(objects: list[object], name: str) -> Callable[[], None]:
    """A loop reading ``name`` of every object, as user code spells it."""
    namespace: dict[str, object] = {"objects": objects}
    exec(f"def run():\n    for o in objects:\n        o.{name}\n", namespace)
    run: Callable[[], None] = namespace["run"]  # type: ignore[assignment]
    return run


def figure_attributes(calls: int, repeat: int) -> dict[str, float]:
    statuses: list[object] = [Status(code, command) for code, command in MIX]
    # Its __dict__ made as a Status's is: a plain dict, given whole.
    with_dict = _IntWithDict(5)
    _IntWithDict.__dict__["__dict__"].__set__(with_dict, {"value": 1})
    fns = {name: _read_loop(statuses, name) for name in ATTRIBUTES}
    fns["plain object"] = _read_loop([_Plain() for _ in MIX], "value")
    fns["int subclass"] = _read_loop([with_dict for _ in MIX], "value")
    return interleaved(fns, calls, repeat)


def figure_cold(calls: int, repeat: int) -> dict[str, float]:
    from pynetdicom.status import STORAGE_SERVICE_CLASS_STATUS, code_to_category

    # Each command's codes in turn, in the order drawn (the order the int
    # objects were made in, so that the loop reads them from memory in order,
    # as a program reads codes it has just parsed, not from all over a
    # working set larger than the cache): 4,096 codes cycling through a
    # memo of 256, none found in it.
    rng = random.Random(4096)
    pairs: list[tuple[int, Command | None]] = [
        (code, command) for command in (None, *Command)
        for code in rng.sample(range(0x10000), 4096)
    ]
    codes = [code for code, _ in pairs]
    template = vars(Status(0xA7F3, Command.C_STORE))
    new, set_dict = int.__new__, _IntWithDict.__dict__["__dict__"].__set__

    def run_ours() -> None:
        for code, command in pairs:
            Status(code, command)

    def run_p3() -> None:
        for code in codes:
            code_to_category(code)
            STORAGE_SERVICE_CLASS_STATUS.get(code)

    def run_floor() -> None:
        for code, _ in pairs:
            set_dict(new(_IntWithDict, code), template)

    return interleaved({"dimse_status": run_ours, "pynetdicom": run_p3, "new status": run_floor},
                       max(1, calls // 4000), repeat, per=len(pairs))


class _EmptyCall(type):
    """The metaclass of :class:`_Floor`: a call that does nothing."""

    def __call__(
        cls, code: object, command: object = None, service: object = None, *,
        registry: object = None,
    ) -> None:
        return None


class _Floor(metaclass=_EmptyCall):
    """The cheapest class call with ``Status``'s signature (which is also
    answered by its metaclass's ``__call__``)."""


_FLOOR_MEMO: dict[Command | None, dict[int, object]] = {key: {} for key in (None, *Command)}


class _LookupsCall(type):
    """The metaclass of :class:`_FloorLookups`: a call that only looks the
    status up in a per-command memo, checking nothing."""

    def __call__(
        cls, code: object, command: object = None, service: object = None, *,
        registry: object = None,
    ) -> object:
        return _FLOOR_MEMO[command][code]  # type: ignore[index]


class _FloorLookups(metaclass=_LookupsCall):
    """The cheapest memoized class call with ``Status``'s signature."""


def figure_service(calls: int, repeat: int) -> dict[str, float]:
    import pynetdicom.status as p3
    import pynetdicom2.dimsemessages as d2
    import pynetdicom2.statuses as s2

    msg = {
        Command.N_ACTION: d2.NActionRSPMessage, Command.N_CREATE: d2.NCreateRSPMessage,
        Command.N_SET: d2.NSetRSPMessage, Command.C_FIND: d2.CFindRSPMessage,
        Command.C_MOVE: d2.CMoveRSPMessage,
    }
    tables = {
        Service.UNIFIED_PROCEDURE_STEP: p3.UNIFIED_PROCEDURE_STEP_SERVICE_CLASS_STATUS,
        Service.PROCEDURE_STEP: p3.PROCEDURE_STEP_STATUS,
        Service.PRINT_MANAGEMENT: p3.PRINT_JOB_MANAGEMENT_SERVICE_CLASS_STATUS,
        Service.QUERY_RETRIEVE: p3.QR_FIND_SERVICE_CLASS_STATUS,
        Service.RELEVANT_PATIENT_INFORMATION_QUERY: p3.RELEVANT_PATIENT_SERVICE_CLASS_STATUS,
        Service.BASIC_WORKLIST_MANAGEMENT: p3.MODALITY_WORKLIST_SERVICE_CLASS_STATUS,
    }
    ours = list(SERVICE_MIX)
    theirs = [(code, msg[command]) for code, command, _ in SERVICE_MIX]
    p3_pairs = [(code, tables[service]) for code, _, service in SERVICE_MIX]
    plain_mix = [(code, command) for code, command, _ in SERVICE_MIX]
    loaded = ranges_registry(Command.N_ACTION)

    def run_ours() -> None:
        for code, command, service in ours:
            Status(code, command, service=service)

    def run_positional() -> None:
        for code, command, service in ours:
            Status(code, command, service)

    def run_loaded() -> None:
        for code, command, service in ours:
            Status(code, command, service=service, registry=loaded)

    def run_plain() -> None:
        for code, command in plain_mix:
            Status(code, command)

    floor: Callable[..., object] = _Floor  # typed by its metaclass's __call__

    def run_floor() -> None:
        for code, command, service in ours:
            floor(code, command, service=service)

    def run_floor_positional() -> None:
        for code, command, service in ours:
            floor(code, command, service)

    def run_p2() -> None:
        for code, command in theirs:
            s2.Status(code, command)

    def run_p3() -> None:
        for code, table in p3_pairs:
            p3.code_to_category(code)
            table.get(code)

    return interleaved({
        "dimse_status": run_ours,
        "positional": run_positional,
        "10k ranges": run_loaded,
        "no service": run_plain,
        "floor": run_floor,
        "floor, pos.": run_floor_positional,
        "pynetdicom2": run_p2,
        "pynetdicom": run_p3,
    }, calls, repeat)


def figure_custom(calls: int, repeat: int) -> dict[str, float]:
    empty = StatusRegistry()
    loaded = ranges_registry(Command.C_STORE)

    def run(registry: StatusRegistry) -> Callable[[], None]:
        def go() -> None:
            for code, command in MIX:
                Status(code, command, registry=registry)
        return go

    return interleaved({"none": run(empty), "10k": run(loaded)}, calls, repeat)


def adds_seconds(count: int) -> float:
    """``count`` single ``add()`` calls into a new registry."""
    registry = StatusRegistry()
    start = time.process_time()
    for i in range(count):
        registry.add(0x1000 + i, "Warning", "vendor", command=None)
    return time.process_time() - start


def threaded_adds_seconds(add_status: Callable[..., object], messages: list[object]) -> float:
    """2,400 ``add_status`` calls from 16 threads, 150 each: a single code or
    a 4-code range, for each of ``messages`` in turn."""

    def work(thread: int) -> None:
        for i in range(150):
            code = 0x4000 + (thread * 150 + i) * 4
            add_status(code, "Warning", f"vendor {code:04X}", code + 3 if i % 2 else None,
                       messages[i % len(messages)])

    threads = [threading.Thread(target=work, args=(t,)) for t in range(16)]
    start = time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.process_time() - start


def figure_registration(repeat: int) -> dict[str, float]:
    import pynetdicom2.dimsemessages as d2
    import pynetdicom2.statuses as s2

    tables = ("_status_dict", "_general_status_dict", "_status_ranges", "_general_status_ranges")
    original = {name: copy.deepcopy(getattr(s2, name)) for name in tables}
    messages: list[object] = [d2.CStoreRSPMessage, d2.CFindRSPMessage, None]
    best = {"10k": float("inf"), "20k": float("inf"), "compat": float("inf"),
            "pynetdicom2": float("inf")}
    for _ in range(repeat):  # alternated, best of each
        best["10k"] = min(best["10k"], adds_seconds(10_000))
        best["20k"] = min(best["20k"], adds_seconds(20_000))
        for name in tables:
            setattr(s2, name, copy.deepcopy(original[name]))
        best["pynetdicom2"] = min(best["pynetdicom2"],
                                  threaded_adds_seconds(s2.add_status, messages))
        default_registry.clear()
        best["compat"] = min(best["compat"], threaded_adds_seconds(compat.add_status, messages))
    default_registry.clear()
    for name in tables:
        setattr(s2, name, original[name])
    return best


def process_ms(code: str, runs: int) -> float:
    # As a user's interpreter runs it: bytecode caching on (some environments
    # set PYTHONDONTWRITEBYTECODE, which would recompile an editable install's
    # sources at every start while wheels keep their .pyc), after one warm-up.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    best = float("inf")
    for _ in range(runs):
        start = timeit.default_timer()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        best = min(best, timeit.default_timer() - start)
    return best * 1000


_FIRST_SERVICE_USE = """
import time
import dimse_status
start = time.perf_counter()
ups = dimse_status.Service.UNIFIED_PROCEDURE_STEP
dimse_status.Status(0xC310, dimse_status.Command.N_ACTION, ups)
print(time.perf_counter() - start)
"""


def first_service_use_ms(runs: int) -> float:
    """The first ``Status(code, command, service)`` of a process, after
    ``import dimse_status``: importing the service enums and building the
    tables (best of ``runs`` processes, bytecode caching on)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    best = float("inf")
    for _ in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", _FIRST_SERVICE_USE], check=True, env=env,
                             capture_output=True, text=True)
        best = min(best, float(out.stdout))
    return best * 1000


def figure_import(runs: int) -> dict[str, float]:
    # Interleaved, best of each: the process times move together with the load.
    names = {"pass": "pass", "dimse_status": "import dimse_status",
             "dimse_status.compat": "import dimse_status.compat", "typing": "import typing",
             "pynetdicom2.statuses": "import pynetdicom2.statuses",
             # Floor: the enum module every IntEnum package needs (the contract's
             # enums are IntEnums); it is most of what import dimse_status adds.
             "floor: import enum": "import enum"}
    best = dict.fromkeys(names, float("inf"))
    for _ in range(runs):
        for name, code in names.items():
            best[name] = min(best[name], process_ms(code, 1))
    best["first service use"] = first_service_use_ms(runs)
    return best


_MEMORY = """
import random, sys
from dimse_status import Command, Service, Status
def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * {page}
commands = [None, *Command]
services = [None, *Service]
rng = random.Random(7)
def batch():
    out = []
    for _ in range(1000):
        command = rng.choice(commands)
        out.append((rng.randrange(0x10000), command,
                    None if command is None else rng.choice(services)))
    return out
for code, command, service in batch():  # warm up: first-touch allocations
    Status(code, command, service=service)
before = rss()
for _ in range(1000):
    for code, command, service in batch():
        Status(code, command, service=service)
print(rss() - before)
"""


def figure_memory() -> float:
    code = _MEMORY.replace("{page}", str(os.sysconf("SC_PAGE_SIZE")))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(out.stdout) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--only", type=lambda text: {int(n) for n in text.split(",")},
                        default=set(range(1, 10)), help="the figures to run, e.g. 1,4")
    args = parser.parse_args()
    only: set[int] = args.only
    calls, repeat, runs = (2_000, 3, 5) if args.quick else (20_000, 9, 25)
    print(f"Python {sys.version.split()[0]}, one run, best of {repeat} "
          "(per-thread CPU time, interleaved)")

    r: dict[str, float] = {}
    if 1 in only or 4 in only:
        r = figure_resolution(calls, repeat)
    if 1 in only:
        print("\n1. Status(code, command) warm, mixed exact/masked/unknown codes, ns per call")
        show(r)
        floor_ratio = r["dimse_status"] / r["floor"]
        speedup = r["pynetdicom2"] / r["dimse_status"]
        print(f"   => {floor_ratio:.2f}x an empty class called the same way (target <= 1.35x: "
              f"{verdict(floor_ratio <= 1.35)}); {speedup:.1f}x faster than pynetdicom2 "
              f"(target >= 2.5x: {verdict(speedup >= 2.5)})")
        print(f"   => floor: the two memo lookups alone, checking nothing, are "
              f"{r['floor+lookups'] / r['floor']:.2f}x the empty class; "
              f"{r['pynetdicom'] / r['dimse_status']:.1f}x vs pynetdicom; "
              f"{r['dimse_status'] / r['dict']:.1f}x a bare dict lookup; "
              f"Command.C_STORE at the call site {r['Command.C_STORE'] / r['C-STORE, bound']:.2f}x "
              "the command bound once")

    if 2 in only:
        lk = figure_lookup(calls, repeat)
        print("\n2. The per-enum lookup, CStoreStatus.lookup(code) ..., same codes, ns per call")
        show(lk)
        lookup_speedup = lk["pynetdicom2"] / lk["lookup"]
        print(f"   => {lookup_speedup:.1f}x faster than pynetdicom2's Status(code, command) "
              f"(target >= 5x: {verdict(lookup_speedup >= 5)}); floor: reading the "
              f"attribute lookup of an enum class alone costs {lk['enum.lookup']:.1f} ns "
              f"({lk['enum.lookup'] / lk['lookup']:.0%} of the call; 3.10 and 3.11's EnumMeta "
              "has a __getattr__, which slows every class attribute read)")

    if 3 in only:
        a = figure_attributes(calls, repeat)
        print("\n3. Attribute reads of a Status, ns per read (each row the same loop)")
        for name, ns in a.items():
            print(f"   {name:16s} {ns:8.1f} ns  {ns / a['plain object']:.2f}x a plain object's")
        worst = max(a[name] for name in ATTRIBUTES)
        print(f"   => slowest {worst / a['plain object']:.2f}x a plain instance attribute (target "
              f"<= 1.5x: {verdict(worst <= 1.5 * a['plain object'])}); floor: any attribute of an "
              f"int subclass is {a['int subclass'] / a['plain object']:.2f}x, and the slowest read "
              f"is {worst / a['int subclass']:.2f}x that")

    if 4 in only:
        c = figure_cold(calls, repeat)
        print("\n4. Cold: 4,096 distinct random codes per command, memos thrashing, ns per call")
        show(c)
        cold_ratio = c["dimse_status"] / r["dimse_status"]
        print(f"   => {cold_ratio:.2f}x the warm cost of figure 1 (target <= 3x: "
              f"{verdict(cold_ratio <= 3)}); {c['pynetdicom'] / c['dimse_status']:.2f}x as fast as "
              f"pynetdicom (target >= 1x: {verdict(c['dimse_status'] <= c['pynetdicom'])}); floor: "
              f"making a status at all is "
              f"{(r['dimse_status'] + c['new status']) / r['dimse_status']:.2f}x the warm cost")

    if 5 in only:
        i = figure_import(runs)
        print("\n5. Whole-process import (bytecode caching on), best of", runs)
        for name, ms in i.items():
            ratio = "" if name == "first service use" else f"  {ms / i['pass']:.2f}x python -c pass"
            print(f"   {name:22s} {ms:6.1f} ms{ratio}")
        core, compat_ratio = i["dimse_status"] / i["pass"], i["dimse_status.compat"] / i["pass"]
        print(f"   => import dimse_status {core:.2f}x (target <= 2.0x: {verdict(core <= 2.0)}); "
              f"dimse_status.compat {compat_ratio:.2f}x (target <= 2.3x: "
              f"{verdict(compat_ratio <= 2.3)}); first service use {i['first service use']:.2f} ms "
              f"(target <= 3 ms: {verdict(i['first service use'] <= 3)})")

    if 6 in only:
        m = figure_memory()
        print("\n6. Memory after a million mixed resolutions (services included)")
        print(f"   => {m:.2f} MB larger (target <= 1 MB: {verdict(m <= 1)})")

    if 7 in only:
        cu = figure_custom(calls, repeat)
        print("\n7. Status(code, command) with 10,000 custom ranges registered")
        print(f"   none {cu['none']:.1f} ns, 10k {cu['10k']:.1f} ns "
              f"=> {cu['10k'] / cu['none']:.2f}x (target <= 1.2x)")

    if 8 in only:
        sv = figure_service(calls, repeat)
        print("\n8. Status(code, command, service=...), mixed own/inherited/unknown, ns per call")
        show(sv)
        print(f"   => service=...: {sv['pynetdicom2'] / sv['dimse_status']:.1f}x faster than "
              f"pynetdicom2 (target >= 3x); positional: "
              f"{sv['pynetdicom2'] / sv['positional']:.1f}x; "
              f"{sv['pynetdicom'] / sv['dimse_status']:.1f}x vs pynetdicom's "
              f"service dicts; 10k ranges {sv['10k ranges'] / sv['dimse_status']:.2f}x "
              f"(target <= 1.2x); {sv['dimse_status'] / sv['no service']:.2f}x the same codes "
              "without a service")
        budget = sv["pynetdicom2"] / 3
        print(f"   => 3x budget {budget:.1f} ns; an empty class call taking service= by keyword "
              f"costs {sv['floor']:.1f} ns here ({sv['pynetdicom2'] / sv['floor']:.1f}x at best), "
              f"by position {sv['floor, pos.']:.1f} ns "
              f"({sv['pynetdicom2'] / sv['floor, pos.']:.1f}x at best)")

    if 9 in only:
        g = figure_registration(repeat)
        print("\n9. Registration, CPU time, best of", repeat)
        print(f"   10,000 single add() {g['10k'] * 1e3:.0f} ms, 20,000 {g['20k'] * 1e3:.0f} ms "
              f"=> {g['20k'] / g['10k']:.2f}x (target <= 2.4x)")
        print(f"   2,400 compat.add_status from 16 threads {g['compat'] * 1e3:.1f} ms, pynetdicom2 "
              f"{g['pynetdicom2'] * 1e3:.1f} ms => {g['compat'] / g['pynetdicom2']:.1f}x "
              "(target <= 10x)")


if __name__ == "__main__":
    main()
