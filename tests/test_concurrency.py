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


def _run(workers: list[Callable[[float], Any]]) -> tuple[list[str], list[Any]]:
    """Run every worker in its own thread until the deadline: the errors they
    met, and what each returned (its answers, compared afterwards with the
    ones computed in one thread: a wrong answer fails the test even where the
    worker's own checks would not have raised)."""
    errors: list[str] = []
    results: list[Any] = [None] * len(workers)
    deadline = time.monotonic() + SECONDS

    def guarded(i: int, work: Callable[[float], Any]) -> None:
        try:
            results[i] = work(deadline)
        except BaseException as exc:  # every failure is reported
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=guarded, args=(i, w), daemon=True)
               for i, w in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 30)
    errors.extend(f"{t.name} still running" for t in threads if t.is_alive())
    return errors, results


Answers = dict[int, set[Meaning]]  # case index -> every meaning a thread got for it


def _check_answers(answers: Answers, expected: list[Meaning]) -> None:
    """One thread's answers: some, and each the single-threaded one."""
    assert answers, "the thread resolved nothing"
    wrong = {i: got for i, got in answers.items() if got != {expected[i]}}
    assert not wrong, {i: (got, expected[i]) for i, got in list(wrong.items())[:5]}


def test_item7_threads_resolving_with_services_cold_and_warm() -> None:
    """16 threads resolve (code, command, service) with far more contexts than
    the service memo keeps, so it is evicted over and over; every answer is
    checked against one computed alone beforehand."""
    rng = random.Random(12)
    cases = _service_cases(rng, 3000)
    oracle = StatusRegistry()
    expected = [_meaning(Status(c, m, s, registry=oracle)) for c, m, s in cases]

    def resolve(seed: int) -> Callable[[float], Answers]:
        def work(deadline: float) -> Answers:
            answers: Answers = {}
            order = list(range(len(cases)))
            random.Random(seed).shuffle(order)
            while True:  # one pass at least, however late the thread starts
                for i in order[:500]:
                    code, command, service = cases[i]
                    got = _meaning(Status(code, command, service))
                    assert got == expected[i], (hex(code), command, service, got)
                    answers.setdefault(i, set()).add(got)
                    answers[i].add(_meaning(Status(code, command, service=service)))
                order = order[500:] + order[:500]
                if time.monotonic() >= deadline:
                    return answers
        return work

    errors, results = _run([resolve(seed) for seed in range(THREADS)])
    assert errors == []
    for answers in results:
        _check_answers(answers, expected)
    # What the threads left in the memos is right too.
    assert [_meaning(Status(c, m, s)) for c, m, s in cases] == expected


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

    def by_command(deadline: float) -> Answers:
        answers: Answers = {}
        while True:  # one pass at least, however late the thread starts
            for i, (code, command) in enumerate(command_cases):
                got = _meaning(Status(code, command))
                assert got == expected_command[i], (hex(code), command, got)
                answers.setdefault(i, set()).add(got)
            if time.monotonic() >= deadline:
                return answers

    def by_service(deadline: float) -> Answers:
        answers: Answers = {}
        while True:
            for i, (code, command, service) in enumerate(service_cases):
                got = _meaning(Status(code, command, service))
                assert got == expected_service[i], (hex(code), command, service, got)
                answers.setdefault(i, set()).add(got)
            if time.monotonic() >= deadline:
                return answers

    pairs = 0x800

    def register(deadline: float) -> list[int]:
        made: list[int] = []
        for i in range(pairs):
            first = 0x2000 + 2 * i
            mine.add_many([CustomStatus(first, first, StatusType.WARNING, f"a{i}", Command.C_ECHO),
                           CustomStatus(first + 1, first + 1, StatusType.WARNING, f"b{i}",
                                        Command.C_ECHO)])
            made.append(i)
            if time.monotonic() > deadline:
                break
        return made

    def read_pairs(deadline: float) -> list[tuple[int, str, str]]:
        """A registration is seen whole or not at all: when its second code is
        known, its first is too."""
        local = random.Random(1)
        seen: list[tuple[int, str, str]] = []
        while not seen or time.monotonic() < deadline:
            i = local.randrange(pairs)
            first = 0x2000 + 2 * i
            second = Status(first + 1, Command.C_ECHO, registry=mine).description
            before = Status(first, Command.C_ECHO, registry=mine).description
            if second == f"b{i}":
                assert before == f"a{i}"
            seen.append((i, before, second))
        return seen

    def use_compat(seed: int) -> Callable[[float], list[tuple[int, str, bool]]]:
        def work(deadline: float) -> list[tuple[int, str, bool]]:
            local = random.Random(seed)
            seen: list[tuple[int, str, bool]] = []
            while not seen or time.monotonic() < deadline:
                code = local.choice(compat_codes)
                compat.add_status(code, "Warning", f"compat {code:04X}", None, Command.C_STORE)
                status = compat.Status(code, Command.C_STORE)
                assert status.description == f"compat {code:04X}"
                seen.append((code, status.description,
                             compat.Status(0xA7F3, Command.C_STORE).is_failure))
            return seen
        return work

    workers: list[Callable[[float], Any]] = [
        *(by_command for _ in range(4)), *(by_service for _ in range(4)),
        register, *(read_pairs for _ in range(3)), *(use_compat(s) for s in range(4)),
    ]
    assert len(workers) == THREADS
    errors, results = _run(workers)
    assert errors == []
    for answers in results[:4]:
        _check_answers(answers, expected_command)
    for answers in results[4:8]:
        _check_answers(answers, expected_service)
    made = results[8]
    assert made, "no registration was made"
    # Every registration is there, in order, and resolves as registered.
    assert [s.description for s in mine.custom_statuses] == [
        f"{half}{i}" for i in made for half in "ab"]
    for i in made:
        first = 0x2000 + 2 * i
        assert Status(first, Command.C_ECHO, registry=mine).description == f"a{i}"
        assert Status(first + 1, Command.C_ECHO, registry=mine).description == f"b{i}"
    unknown = Status(0x2000 + 2 * pairs, Command.C_ECHO, registry=mine).description
    for seen in results[9:12]:
        assert seen, "the thread read nothing"
        for i, before, second in seen:
            assert second in (unknown, f"b{i}") and before in (unknown, f"a{i}")
            assert before == f"a{i}" or second == unknown, (i, before, second)
    for seen in results[12:]:
        assert seen, "the thread registered nothing"
        assert all(description == f"compat {code:04X}" and failure
                   for code, description, failure in seen)
        for code, _, _ in seen:
            assert compat.Status(code, Command.C_STORE).description == f"compat {code:04X}"
    # What the threads left in the memos is right too.
    assert [_meaning(Status(c, m)) for c, m in command_cases] == expected_command
    assert [_meaning(Status(c, m, s)) for c, m, s in service_cases] == expected_service


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
                    ok = (Status(0xFFF0, Command.C_ECHO, registry=registry).description
                          == Status(0xFFF1, Command.C_ECHO).description == "child")
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
    # What the children registered stayed in them; the parent's writer's last
    # registration is whole.
    assert Status(0xFFF0, Command.C_ECHO, registry=registry).description != "child"
    assert Status(0xFFF1, Command.C_ECHO).description != "child"
    for last in registry.custom_statuses[-1:]:  # none just after a clear()
        assert Status(last.code, Command.C_ECHO, registry=registry).description == "parent"
