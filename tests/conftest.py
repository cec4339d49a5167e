from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the checkout (as in CI); PORTAL_LINT_SHARED points elsewhere.
SHARED = Path(os.environ.get("PORTAL_LINT_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (real pages, corpora, directives). Required, not optional."""
    if not (SHARED / "real-pages").is_dir():
        raise RuntimeError(
            f"missing {SHARED}/real-pages: the test suite reads real pages from there"
        )
    return SHARED


@pytest.fixture(scope="session")
def real_pages(shared_dir: Path) -> Path:
    return shared_dir / "real-pages"


# The survival count (tests/e2e/test_survival.py): defined here, not in tests/e2e/conftest.py,
# because under pytest-xdist only this conftest is loaded by the controller that prints the
# summary. Cases are recorded by the `survival` fixture of tests/e2e/conftest.py in
# `user_properties`, which xdist ships from the workers with each report.
def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    tried: list[str] = []
    lost: list[str] = []
    for outcome in ("passed", "failed"):
        for rep in terminalreporter.stats.get(outcome, []):
            if getattr(rep, "when", None) != "call":
                continue
            cases = [v for k, v in getattr(rep, "user_properties", ()) if k == "survival_case"]
            tried += cases
            if outcome == "failed":
                lost += cases
    if tried:
        terminalreporter.write_line(
            f"survival: {len(tried)} faults/hostile inputs tried, {len(tried) - len(lost)} survived"
        )
    if lost:
        terminalreporter.write_line("survival: not survived: " + ", ".join(lost))
