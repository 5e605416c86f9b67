"""The committed enums and docs are what tools/generate.py writes from tools/standard.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_files_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--check"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr


def test_pattern_parsing() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from generate import parse_pattern

    assert parse_pattern("A7xx") == (0xA700, 0xFF00)
    assert parse_pattern("Cxxx") == (0xC000, 0xF000)
    assert parse_pattern("0110") == (0x0110, 0xFFFF)
