"""Threads and fork (issue 12, items 7 and 8), each test bounded to a few seconds.

The interpreter is made to switch threads every few microseconds while these
run, so that races show within the time allowed rather than once a week.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from dimse_status import (
    Command,
    CustomStatus,
    Service,
    Status,
    StatusRegistry,
    StatusType,
    compat,
    default_registry,
)

THREADS = 16
SECONDS = 2.0


@pytest.fixture(autouse=True)
def busy_switching() -> Iterator[None]:
    default_registry.clear()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(interval)
    default_registry.clear()


Meaning = tuple[StatusType, str, object]


def _meaning(status: Status[Any]) -> Meaning:
    return (status.type, status.description, status.member)


def _service_cases(rng: random.Random, count: int) -> list[tuple[int, Command, Service]]:
    pairs = [(command, service) for service in Service for command in service.commands]
    return [(rng.randrange(0x10000), *rng.choice(pairs)) for _ in range(count)]


def _run(workers: list[Callable[[float], None]]) -> list[str]:
    """Run every worker in its own thread until the deadline; the errors they met."""
    errors: list[str] = []
    deadline = time.monotonic() + SECONDS

    def guarded(work: Callable[[float], None]) -> None:
        try:
            work(deadline)
        except BaseException as exc:  # every failure is reported
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=guarded, args=(w,), daemon=True) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 30)
    errors.extend(f"{t.name} still running" for t in threads if t.is_alive())
    return errors


def test_item7_threads_resolving_with_services_cold_and_warm() -> None:
    """16 threads resolve (code, command, service) with far more contexts than
    the service memo keeps, so it is evicted over and over; every answer is
    checked against one computed alone beforehand."""
    rng = random.Random(12)
    cases = _service_cases(rng, 3000)
    oracle = StatusRegistry()
    expected = [_meaning(Status(c, m, s, registry=oracle)) for c, m, s in cases]

    def resolve(seed: int) -> Callable[[float], None]:
        def work(deadline: float) -> None:
            order = list(range(len(cases)))
            random.Random(seed).shuffle(order)
            while time.monotonic() < deadline:
                for i in order[:500]:
                    code, command, service = cases[i]
                    got = _meaning(Status(code, command, service))
                    assert got == expected[i], (hex(code), command, service, got)
                    got = _meaning(Status(code, command, service=service))
                    assert got == expected[i]
                order = order[500:] + order[:500]
        return work

    assert _run([resolve(seed) for seed in range(THREADS)]) == []


def test_threads_resolve_register_and_use_compat_at_once() -> None:
    """Resolution with and without services, on the default and a custom
    registry, registration (all or nothing) and the compat drop-in, all at once."""
    rng = random.Random(7)
    # compat registers process-wide (for C-STORE): keep its codes out of the cases checked.
    compat_codes = range(0xE100, 0xE200)
    command_cases = [(rng.randrange(0x10000), rng.choice([None, *Command])) for _ in range(2000)]
    command_cases = [(c, m) for c, m in command_cases if c not in compat_codes]
    service_cases = [case for case in _service_cases(rng, 2000) if case[0] not in compat_codes]
    oracle = StatusRegistry()
    expected_command = [_meaning(Status(c, m, registry=oracle)) for c, m in command_cases]
    expected_service = [_meaning(Status(c, m, s, registry=oracle)) for c, m, s in service_cases]
    mine = StatusRegistry()

    def by_command(deadline: float) -> None:
        while time.monotonic() < deadline:
            for (code, command), want in zip(command_cases, expected_command, strict=True):
                assert _meaning(Status(code, command)) == want

    def by_service(deadline: float) -> None:
        while time.monotonic() < deadline:
            for (code, command, service), want in zip(service_cases, expected_service,
                                                      strict=True):
                assert _meaning(Status(code, command, service)) == want

    pairs = 0x800

    def register(deadline: float) -> None:
        for i in range(pairs):
            if time.monotonic() > deadline:
                break
            first = 0x2000 + 2 * i
            mine.add_many([CustomStatus(first, first, StatusType.WARNING, f"a{i}", Command.C_ECHO),
                           CustomStatus(first + 1, first + 1, StatusType.WARNING, f"b{i}",
                                        Command.C_ECHO)])

    def read_pairs(deadline: float) -> None:
        """A registration is seen whole or not at all: when its second code is
        known, its first is too."""
        local = random.Random(1)
        while time.monotonic() < deadline:
            i = local.randrange(pairs)
            first = 0x2000 + 2 * i
            second = Status(first + 1, Command.C_ECHO, registry=mine)
            if second.description == f"b{i}":
                assert Status(first, Command.C_ECHO, registry=mine).description == f"a{i}"

    def use_compat(seed: int) -> Callable[[float], None]:
        def work(deadline: float) -> None:
            local = random.Random(seed)
            while time.monotonic() < deadline:
                code = local.choice(compat_codes)
                compat.add_status(code, "Warning", f"compat {code:04X}", None, Command.C_STORE)
                status = compat.Status(code, Command.C_STORE)
                assert status.description == f"compat {code:04X}"
                assert compat.Status(0xA7F3, Command.C_STORE).is_failure
        return work

    workers: list[Callable[[float], None]] = [
        *(by_command for _ in range(4)), *(by_service for _ in range(4)),
        register, *(read_pairs for _ in range(3)), *(use_compat(s) for s in range(4)),
    ]
    assert len(workers) == THREADS
    assert _run(workers) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork() with threads running
def test_item8_fork_while_another_thread_registers() -> None:
    """Children forked while a thread registers can register too: none hangs.
    A child that has not finished within 10 s is killed and reported."""
    registry = StatusRegistry()
    stop = threading.Event()

    def register() -> None:
        i = 0
        while not stop.is_set():
            registry.add(0x1000 + i % 0x4000, "Warning", "parent", command=Command.C_ECHO)
            i += 1
            if i % 0x4000 == 0:
                registry.clear()

    writer = threading.Thread(target=register, daemon=True)
    writer.start()
    pids: list[int] = []
    try:
        for _ in range(10):
            time.sleep(0.02)
            pid = os.fork()
            if pid == 0:  # the child: register, resolve, report by exit status
                code = 1
                try:
                    registry.add(0xFFF0, "Warning", "child", command=Command.C_ECHO)
                    default_registry.add(0xFFF1, "Warning", "child", command=Command.C_ECHO)
                    ok = Status(0xFFF0, Command.C_ECHO, registry=registry).description == "child"
                    code = 0 if ok else 3
                finally:
                    os._exit(code)
            pids.append(pid)
    finally:
        stop.set()
        writer.join(timeout=10)
    deadline = time.monotonic() + 10
    outcome: dict[int, object] = {}
    for pid in pids:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                outcome[pid] = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                outcome[pid] = "hung: killed after 10 s"
                break
            time.sleep(0.01)
    assert list(outcome.values()) == [0] * len(pids), outcome
