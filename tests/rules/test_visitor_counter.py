"""visitor-counter: readings this run + history; decreases and a stuck counter fail."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from portal_lint.rules.visitor_counter import VisitorCounter
from portal_lint.snapshot import CounterReading, History, RunContext, Snapshot

BASE = "https://bhxh-tinh.test/"
T0 = datetime(2024, 6, 15, 8, 0, tzinfo=UTC)
CTX = RunContext(as_of=date(2024, 6, 15))


def _r(value: int | None, minutes: float = 0, label: str = "Tổng lượt truy cập") -> CounterReading:
    return CounterReading(
        at=T0 + timedelta(minutes=minutes), value=value, source_url=BASE, label=label
    )


def _check(
    run: list[CounterReading],
    hist: list[CounterReading] | None = None,
    found: bool | None = True,
    home_ok: bool = True,
    **params,
):
    snap = Snapshot(
        site_id="t",
        base_url=BASE,
        started_at=T0,
        home_ok=home_ok,
        home_url=BASE,
        counter_readings=run,
        counter_found=found,
    )
    rule = VisitorCounter()
    (f,) = rule.check(snap, History(counter_readings=hist or []), CTX, rule.Params(**params))
    return f


def test_pass_when_counter_goes_up_in_run() -> None:
    f = _check([_r(2522696), _r(2522697, 1), _r(2522699, 2)])
    assert f.status == "pass"
    assert "2.522.696 → 2.522.699" in f.message
    assert f.value["readings"][0] == [T0.isoformat(), 2522696]
    assert len(f.value["readings"]) == 3 and f.evidence == [BASE]


def test_fail_when_no_counter() -> None:
    f = _check([], found=False)
    assert f.status == "fail" and "không có bộ đếm" in f.message


def test_unknown_cases() -> None:
    assert _check([], found=None).status == "unknown"
    f = _check([_r(None), _r(None, 1)], found=True)
    assert f.status == "unknown" and "không đọc được số" in f.message
    assert _check([_r(5)], found=True).status == "unknown"  # one reading, no history
    assert _check([_r(5), _r(6, 1)], home_ok=False).status == "unknown"


def test_fail_on_decrease_within_run() -> None:
    f = _check([_r(4798809), _r(4798800, 1)])
    assert f.status == "fail" and "bị giảm trong lần kiểm tra này" in f.message
    assert "4.798.809" in f.message and "4.798.800" in f.message
    assert f.value["decreases"][0]["from"][1] == 4798809


def test_fail_on_decrease_against_history_even_if_run_increases() -> None:
    hist = [_r(5000, -3 * 24 * 60)]
    f = _check([_r(100), _r(101, 1)], hist)
    assert f.status == "fail" and "giữa các lần kiểm tra" in f.message
    assert f.value["decreases"][0]["to"][1] == 100


def test_old_decrease_outside_history_window_is_ignored() -> None:
    hist = [_r(5000, -200 * 24 * 60), _r(100, -199 * 24 * 60)]
    assert _check([_r(300), _r(301, 1)], hist).status == "pass"
    assert _check([_r(300), _r(301, 1)], hist, history_days=365).status == "fail"


def test_different_counters_are_not_compared() -> None:
    hist = [_r(5000, -3 * 24 * 60, label="Tổng")]
    assert (
        _check([_r(100, label="Lượt truy cập"), _r(101, 1, label="Lượt truy cập")], hist).status
        == "pass"
    )


def test_warn_when_equal_in_run_without_history() -> None:
    f = _check([_r(332655), _r(332655, 2)])
    assert f.status == "warn"
    assert "chưa tăng trong lần kiểm tra này" in f.message and "cần xác nhận" in f.message
    assert f.value["unchanged_earlier_audits"] == 0


def test_fail_when_stuck_for_24h() -> None:
    hist = [_r(923442, -24 * 60)]  # one earlier audit exactly 24 h ago, same value
    f = _check([_r(923442), _r(923442, 1)], hist)
    assert f.status == "fail" and "Bộ đếm đứng yên" in f.message
    assert f.value["unchanged_hours"] == pytest.approx(24.0, abs=0.1)


def test_warn_when_same_value_one_earlier_audit_under_24h() -> None:
    hist = [_r(923442, -23 * 60), _r(923442, -23 * 60 + 1)]  # one audit, two readings
    f = _check([_r(923442), _r(923442, 1)], hist)
    assert f.status == "warn"
    assert f.value["unchanged_earlier_audits"] == 1


def test_fail_when_two_earlier_audits_same_value_within_a_day() -> None:
    hist = [_r(923442, -6 * 60), _r(923442, -3 * 60)]
    f = _check([_r(923442), _r(923442, 1)], hist)
    assert f.status == "fail"
    assert f.value["unchanged_earlier_audits"] == 2


def test_stuck_streak_stops_at_an_earlier_change() -> None:
    # Moved between the 2 earlier audits, then stood still only since the last one (6 h).
    hist = [_r(900000, -30 * 60), _r(923442, -6 * 60)]
    f = _check([_r(923442), _r(923442, 1)], hist)
    assert f.status == "warn"
    assert f.value["unchanged_since"] == (T0 - timedelta(hours=6)).isoformat()


def test_single_reading_this_run_compared_with_last_audit() -> None:
    assert _check([_r(1001)], [_r(1000, -60 * 24 * 2)]).status == "pass"
    assert _check([_r(1000)], [_r(1000, -60 * 5)]).status == "warn"
    assert _check([_r(1000)], [_r(1000, -60 * 30)]).status == "fail"


def test_history_copy_of_this_run_and_naive_times_are_handled() -> None:
    run = [_r(10), _r(10, 1)]
    naive = [
        CounterReading(at=(T0 - timedelta(hours=2)).replace(tzinfo=None), value=10, source_url=BASE)
    ]
    f = _check(run, naive + run)  # store already saved this run's readings
    assert f.status == "warn"
    assert f.value["history"] == [[(T0 - timedelta(hours=2)).isoformat(), 10]]
