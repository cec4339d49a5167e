"""The code base stays ruff-clean (rules in pyproject.toml) and ruff-formatted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "portal_lint", "tests", "bench"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_check_is_clean() -> None:
    res = _ruff("check", "--no-cache")
    assert res.returncode == 0, res.stdout + res.stderr


def test_ruff_format_is_clean() -> None:
    res = _ruff("format", "--check", "--no-cache")
    assert res.returncode == 0, res.stdout + res.stderr
