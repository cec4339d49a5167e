from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from portal_lint.report.scoring import (
    competition_ranks,
    load_weights,
    previous_week,
    rule_statuses,
    score,
    week_bounds,
    week_of,
)
from portal_lint.rules.base import RULE_IDS


def test_weights_cover_every_rule_with_a_directive_source() -> None:
    w = load_weights()
    assert set(w.rules) == set(RULE_IDS)
    for rw in w.rules.values():
        assert rw.weight > 0
        assert any(doc in rw.source for doc in ("CV 2023 BHXH-TT", "CV 2071", "CV 1455", "KH 2728"))
        assert "mục" in rw.source


def test_iso_weeks() -> None:
    assert week_of(date(2026, 11, 23)) == "2026-W48"
    assert week_bounds("2026-W48") == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_of(date(2027, 1, 1)) == "2026-W53"  # ISO year differs from calendar year
    assert previous_week("2027-W01") == "2026-W53"
    with pytest.raises(ValueError):
        week_bounds("2026-48")
    with pytest.raises(ValueError):
        week_bounds("2025-W53")  # 2025 has 52 ISO weeks


def test_score_formula_and_unknown_excluded() -> None:
    w = load_weights()
    # post-quota weight 3 pass, search-articles weight 2 warn, freshness 2 fail, one unknown
    st = {
        "post-quota": "pass",
        "search-articles": "warn",
        "freshness": "fail",
        "visitor-counter": "unknown",
    }
    expected = 100 * (3 * 1 + 2 * 0.5 + 2 * 0) / (3 + 2 + 2)
    assert score(st, w) == round(expected, 1)
    assert score({"post-quota": "unknown", "freshness": "unknown"}, w) is None
    assert score({}, w) is None


def test_worst_status_per_rule() -> None:
    f = lambda r, s: SimpleNamespace(rule=r, status=s)
    st = rule_statuses(
        [f("a", "pass"), f("a", "fail"), f("a", "unknown"), f("b", "unknown"), f("c", "bogus")]
    )
    assert st == {"a": "fail", "b": "unknown", "c": "unknown"}


def test_competition_ranks() -> None:
    assert competition_ranks([90.0, 80.0, 80.0, 70.0]) == [1, 2, 2, 4]
