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
