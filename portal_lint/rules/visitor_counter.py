"""The visitor counter exists and counts: it goes up and never goes down.

**What it checks** The total-visits counter read on the home page several times during this run
(`snap.counter_readings`), together with the readings of earlier audits
(`history.counter_readings`). Fail when the home page has no counter, when the number ever goes
down between two consecutive readings (this run or history), or when it stands still both in this
run and across audits (same value for 24 hours or more, or in 2 or more earlier audits). Pass when
it went up during this run (or, with a single reading this run, since the last audit). Warn when
it did not move during this run but history cannot confirm it is stuck yet. Unknown when the
counter could not be looked for or read, or fewer than 2 readings have a value.

**Why** CV 2023 (Cổng TTĐT BHXH tỉnh), mục 1.3: "nâng cấp, điều chỉnh mục thống kê người truy cập
đảm bảo chính xác"; its opening paragraph lists "việc thống kê số lượng người truy cập chưa chính
xác ảnh hưởng đến công tác thống kê, tổng hợp báo cáo". The crawler's own visits must show: a
counter that does not move while being visited, or that goes back, is not counting.

**Example** pass: 2,522,696 then 2,522,699 during the run. fail: 4,798,809 at the last audit and
4,798,800 today; or 923,442 in every reading for two days. warn: 332,655 twice in this run, no
history yet.

**Parameters** stuck_hours (24): equal readings spanning at least this many hours mean a stuck
counter; stuck_audits (2): this many earlier audits with the same value also mean stuck;
history_days (90): only history this recent is compared (a counter reset long ago and fixed
since is not held against the site forever).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import CounterReading, Finding

# Readings closer than this belong to the same audit (a run reads the counter within minutes).
_SAME_AUDIT = timedelta(minutes=10)
# Times in messages are shown in Vietnam time (UTC+7, no daylight saving).
_ICT = timezone(timedelta(hours=7))


def _aware(dt: datetime) -> datetime:
    """Comparable instant: naive datetimes are taken as UTC (the store keeps UTC)."""
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def _vn(dt: datetime) -> str:
    return f"{_aware(dt).astimezone(_ICT):%H:%M %d/%m/%Y}"


def _fmt(n: int) -> str:
    """Vietnamese thousands separator: 4.798.809."""
    return f"{n:,}".replace(",", ".")


def _comparable(a: CounterReading, b: CounterReading) -> bool:
    """Two readings of the same counter (different labels = different counters, e.g. a site
    redesign that moved from 'Tổng' to 'Lượt truy cập'): never compare those."""
    la, lb = a.label.strip().lower(), b.label.strip().lower()
    return not la or not lb or la == lb


def _audits(readings: list[CounterReading]) -> int:
    """How many separate audits a chronological run of readings spans."""
    count = 0
    last: datetime | None = None
    for r in readings:
        t = _aware(r.at)
        if last is None or t - last > _SAME_AUDIT:
            count += 1
        last = t
    return count


@register
class VisitorCounter(Rule):
    id = "visitor-counter"
    title_vi = "Bộ đếm lượt truy cập chính xác"
    title_en = "Visitor counter counts"
    clause = (
        'CV 2023 BHXH-TT (Cổng TTĐT BHXH tỉnh), mục 1.3 ("nâng cấp, điều chỉnh mục thống kê '
        'người truy cập đảm bảo chính xác") và đoạn mở đầu'
    )

    class Params(Params):
        stuck_hours: float = 24.0
        stuck_audits: int = 2
        history_days: int = 90

    def check(self, snap, history, ctx, params) -> list[Finding]:  # type: ignore[no-untyped-def]
        home = snap.home_url or snap.base_url
        if not snap.home_ok:
            return [
                self.unknown(
                    "không tải được trang chủ nên chưa đọc được bộ đếm lượt truy cập",
                    "the home page could not be fetched, so the counter was not read",
                    [home],
                )
            ]
        run = sorted(
            (r for r in snap.counter_readings if r.value is not None), key=lambda r: _aware(r.at)
        )
        if snap.counter_found is False and not run:
            return [
                self.finding(
                    "fail",
                    "Trang chủ không có bộ đếm lượt truy cập. Bổ sung mục thống kê người truy cập "
                    "(tổng số lượt truy cập) và bảo đảm số liệu chính xác.",
                    "The home page has no visitor counter. Add one that counts accurately.",
                    [home],
                    {"counter_found": False, "readings": []},
                )
            ]
        if snap.counter_found is None and not run:
            return [
                self.unknown(
                    "chưa tìm được bộ đếm lượt truy cập (không xem được trang chứa bộ đếm)",
                    "the counter could not be looked for",
                    [home],
                )
            ]
        if not run:
            return [
                self.unknown(
                    "có bộ đếm lượt truy cập nhưng không đọc được số",
                    "a counter is shown but its number could not be read",
                    [r.source_url for r in snap.counter_readings] or [home],
                )
            ]

        first_at = _aware(run[0].at)
        run_keys = {(_aware(r.at), r.value) for r in run}
        # History may already hold this run's readings if the store saved them first: drop those.
        past = sorted(
            (
                r
                for r in history.counter_readings
                if r.value is not None
                and first_at - timedelta(days=params.history_days) <= _aware(r.at) < first_at
                and (_aware(r.at), r.value) not in run_keys
            ),
            key=lambda r: _aware(r.at),
        )
        seq = past + run
        value: dict[str, Any] = {
            "readings": [[_aware(r.at).isoformat(), r.value] for r in run],
            "history": [[_aware(r.at).isoformat(), r.value] for r in past[-10:]],
            "counter_found": snap.counter_found,
        }
        evidence = [r.source_url for r in run]
        if len(seq) < 2:
            return [
                self.unknown(
                    f"mới đọc được bộ đếm một lần ({_fmt(run[0].value or 0)}), chưa đủ để biết "
                    "bộ đếm có tăng hay không",
                    "only one counter reading: cannot tell whether it moves",
                    evidence,
                )
            ]

        drops = [
            (a, b)
            for a, b in zip(seq, seq[1:], strict=False)
            if _comparable(a, b) and (b.value or 0) < (a.value or 0)
        ]
        if drops:
            a, b = drops[0]
            value["decreases"] = [
                {
                    "from": [_aware(x.at).isoformat(), x.value],
                    "to": [_aware(y.at).isoformat(), y.value],
                }
                for x, y in drops
            ]
            when = "trong lần kiểm tra này" if a in run else "giữa các lần kiểm tra"
            return [
                self.finding(
                    "fail",
                    f"Bộ đếm lượt truy cập bị giảm {when}: {_fmt(a.value or 0)} lúc "
                    f"{_vn(a.at)} xuống {_fmt(b.value or 0)} lúc {_vn(b.at)}. Số lượt truy cập cộng dồn không thể "
                    "giảm: điều chỉnh mục thống kê người truy cập để số liệu chính xác.",
                    f"The visitor counter went down: {a.value} -> {b.value}. A cumulative count "
                    "cannot decrease.",
                    evidence + [a.source_url, b.source_url],
                    value,
                )
            ]

        last = run[-1]
        if len(run) >= 2 and (last.value or 0) > (run[0].value or 0):
            return [
                self.finding(
                    "pass",
                    f"Bộ đếm lượt truy cập có tăng trong lần kiểm tra này: {_fmt(run[0].value or 0)}"
                    f" → {_fmt(last.value or 0)}.",
                    f"The visitor counter went up during this run: {run[0].value} -> {last.value}.",
                    evidence,
                    value,
                )
            ]
        if len(run) == 1 and past and (last.value or 0) > (past[-1].value or 0):
            return [
                self.finding(
                    "pass",
                    f"Bộ đếm lượt truy cập tăng so với lần kiểm tra trước: {_fmt(past[-1].value or 0)}"
                    f" → {_fmt(last.value or 0)}.",
                    f"The visitor counter went up since the last audit: {past[-1].value} -> {last.value}.",
                    evidence,
                    value,
                )
            ]

        # The counter did not move now: how long has it shown this very value?
        streak = [last]
        for r in reversed(seq[:-1]):
            if r.value != last.value or not _comparable(r, last):
                break
            streak.insert(0, r)
        span = _aware(last.at) - _aware(streak[0].at)
        earlier_audits = _audits([r for r in streak if r in past])
        value["unchanged_since"] = _aware(streak[0].at).isoformat()
        value["unchanged_hours"] = round(span.total_seconds() / 3600, 1)
        value["unchanged_earlier_audits"] = earlier_audits
        if span >= timedelta(hours=params.stuck_hours) or earlier_audits >= params.stuck_audits:
            return [
                self.finding(
                    "fail",
                    f"Bộ đếm đứng yên: bộ đếm lượt truy cập giữ nguyên {_fmt(last.value or 0)} từ "
                    f"{_vn(streak[0].at)} qua {earlier_audits + 1} lần kiểm "
                    "tra dù Cổng vẫn có người truy cập. Điều chỉnh mục thống kê người truy cập để "
                    "đếm chính xác.",
                    f"The visitor counter is stuck at {last.value} since "
                    f"{_aware(streak[0].at).isoformat()} across {earlier_audits + 1} audits.",
                    evidence + [r.source_url for r in streak],
                    value,
                )
            ]
        since = (
            f"dù đã truy cập trang chủ {len(run)} lần"
            if len(run) >= 2
            else f"bằng số của lần kiểm tra trước lúc {_vn(past[-1].at)}"
        )
        return [
            self.finding(
                "warn",
                f"Bộ đếm lượt truy cập chưa tăng trong lần kiểm tra này (giữ nguyên "
                f"{_fmt(last.value or 0)}, {since}); cần xác nhận qua các lần kiểm tra sau.",
                f"The visitor counter did not go up during this run ({last.value}); to be "
                "confirmed by later audits.",
                evidence,
                value,
            )
        ]
