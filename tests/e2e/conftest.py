"""The survival count: how many faults and hostile inputs were tried, and how many survived.

A survival test calls the `survival` fixture with the names of the cases it exercises, before
it asserts anything. The names travel in the test report's `user_properties` (which
pytest-xdist ships from the workers to the controller), and the summary hook in
tests/conftest.py counts each case once per run of its test: "survived" means its test passed,
i.e. every assertion about it held.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

KEY = "survival_case"


@pytest.fixture
def survival(request: pytest.FixtureRequest) -> Callable[..., None]:
    def record(*cases: str) -> None:
        for case in cases:
            request.node.user_properties.append((KEY, case))

    return record
