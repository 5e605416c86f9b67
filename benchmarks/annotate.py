"""dimse-status annotate's throughput against a pure-Python line copy (issue 21).

    python benchmarks/annotate.py [--mb 40] [--rounds 3]

Builds a log of ``--mb`` megabytes by repeating the captured logs of
``tests/fixtures/logs/`` (every sixth line or so shows a status or names a
SOP class: denser than most real logs), then runs, each in a fresh process
reading the log on standard input and writing to /dev/null:

- the floor: ``for line in sys.stdin.buffer: out.write(line)``, the cheapest
  Python filter of the same shape;
- ``dimse-status annotate``.

Each is timed in the child's CPU time (user + system, from
``os.wait4``), less the same process's start-up on empty input, best of
``--rounds``; prints MB/s and the ratio to the floor (issue 21's target: at
most 2x), and each process's peak memory for the log and for half of it
(flat: the same for both).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = "import sys\nout = sys.stdout.buffer\nfor line in sys.stdin.buffer:\n    out.write(line)\n"


def build_log(path: Path, megabytes: float) -> int:
    sample = b"".join(p.read_bytes() for p in sorted((ROOT / "tests/fixtures/logs").glob("*.log")))
    copies = max(1, int(megabytes * 1_000_000 // len(sample)))
    with path.open("wb") as out:
        for _ in range(copies):
            out.write(sample)
    return copies * len(sample)


def run(argv: list[str], source: Path) -> tuple[float, int]:
    """CPU seconds and peak kilobytes of one run of ``argv`` on ``source``."""
    with source.open("rb") as stdin, open(os.devnull, "wb") as stdout:
        child = subprocess.Popen(argv, stdin=stdin, stdout=stdout)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{argv} exited with {child.returncode}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def best(argv: list[str], source: Path, empty: Path, rounds: int) -> tuple[float, int]:
    """Best CPU time less start-up, and the peak memory of that run."""
    start_up = min(run(argv, empty)[0] for _ in range(rounds))
    runs = [run(argv, source) for _ in range(rounds)]
    seconds, peak = min(runs)
    return max(seconds - start_up, 1e-9), peak


def main() -> None:
    parser = argparse.ArgumentParser(description="annotate against a line copy")
    parser.add_argument("--mb", type=float, default=40.0, help="the log's size (default 40)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each, best kept")
    args = parser.parse_args()
    floor = [sys.executable, "-c", FLOOR]
    annotate = [sys.executable, "-m", "dimse_status", "annotate"]
    with tempfile.TemporaryDirectory() as tmp:
        log, half, empty = Path(tmp, "log"), Path(tmp, "half"), Path(tmp, "empty")
        size = build_log(log, args.mb)
        build_log(half, args.mb / 2)
        empty.write_bytes(b"")
        floor_s, floor_kb = best(floor, log, empty, args.rounds)
        ours_s, ours_kb = best(annotate, log, empty, args.rounds)
        _, half_kb = best(annotate, half, empty, 1)
    mb = size / 1e6
    ratio = ours_s / floor_s
    print(f"log: {mb:.1f} MB (tests/fixtures/logs repeated), CPU time less start-up")
    print(f"  line copy (floor)      {mb / floor_s:7.1f} MB/s   peak {floor_kb / 1024:5.1f} MB")
    print(f"  dimse-status annotate  {mb / ours_s:7.1f} MB/s   peak {ours_kb / 1024:5.1f} MB "
          f"(half the log: {half_kb / 1024:.1f} MB)")
    print(f"  => {ratio:.2f}x the line copy (target <= 2x: {'met' if ratio <= 2 else 'NOT met'})")


if __name__ == "__main__":
    main()
