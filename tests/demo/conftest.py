from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from portal_lint.demo.farm import Farm, RunningFarm, build_farm, default_specs

AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="session")
def farm() -> Farm:
    return build_farm(default_specs(), as_of=AS_OF)


@pytest.fixture(scope="module")
def running(farm: Farm) -> Iterator[RunningFarm]:
    with farm.serve() as r:
        yield r
