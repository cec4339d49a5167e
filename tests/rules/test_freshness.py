from __future__ import annotations

from datetime import date, datetime, timedelta

from portal_lint.rules.freshness import Freshness
from portal_lint.snapshot import (
    Article,
    Coverage,
    FetchRecord,
    History,
    RunContext,
    Snapshot,
    StoredArticle,
)

AS_OF = date(2026, 9, 10)


def at(d: date, i: int = 0) -> Article:
    return Article(
        url=f"https://bhxh.example/tin-{d.isoformat()}-{i}",
        title="Tin",
        published=datetime(d.year, d.month, d.day, 8),
    )


def daily(start: date, end: date, step: int = 1) -> list[Article]:
    """Posts every `step` days from `end` back to `start` (so `end` is always a post day)."""
    out, d = [], end
    while d >= start:
        out.append(at(d))
        d -= timedelta(days=step)
    return out


def snap(arts, cs: date | None = date(2026, 1, 1), home_ok: bool = True, log=()) -> Snapshot:
    return Snapshot(
        site_id="x",
        base_url="https://bhxh.example/",
        started_at=datetime(2026, 9, 10),
        home_ok=home_ok,
        home_url="https://bhxh.example/",
        articles=list(arts),
        coverage=Coverage(complete_since=cs),
        fetch_log=list(log),
    )


def run(s: Snapshot, h: History | None = None, as_of: date = AS_OF, **p):
    r = Freshness()
    (f,) = r.check(s, h or History(), RunContext(as_of=as_of), r.Params(**p))
    return f


def test_pass_recent_and_regular():
    f = run(snap(daily(date(2026, 5, 1), date(2026, 9, 7), step=3)))
    assert f.status == "pass"
    assert f.value["days_since_last"] == (AS_OF - date(2026, 9, 7)).days == 3
    assert f.value["last_post"] == "2026-09-07"
    assert f.value["longest_gap_days"] == 3


def test_thresholds_7_8_14_15_days():
    f = run(snap(daily(date(2026, 6, 1), AS_OF - timedelta(days=7), step=2)))
    assert f.status == "pass" and f.value["days_since_last"] == 7
    f = run(snap(daily(date(2026, 6, 1), AS_OF - timedelta(days=8), step=2)))
    assert f.status == "warn" and f.value["days_since_last"] == 8
    f = run(snap(daily(date(2026, 6, 1), AS_OF - timedelta(days=14), step=1)))
    assert f.status == "warn" and f.value["days_since_last"] == 14
    f = run(snap(daily(date(2026, 6, 1), AS_OF - timedelta(days=15), step=1)))
    assert f.status == "fail" and f.value["days_since_last"] == 15
    assert "15 ngày" in f.message and f.evidence == [
        f"https://bhxh.example/tin-{(AS_OF - timedelta(days=15)).isoformat()}-0"
    ]


def test_future_posts_ignored():
    arts = daily(date(2026, 7, 1), date(2026, 8, 20), step=2) + [at(date(2026, 9, 30))]
    f = run(snap(arts))
    assert f.value["last_post"] == "2026-08-20" and f.status == "fail"


def test_gap_warns_when_covered():
    arts = daily(date(2026, 6, 15), date(2026, 7, 1)) + daily(date(2026, 7, 21), date(2026, 9, 9))
    f = run(snap(arts))
    assert f.status == "warn"
    assert f.value["longest_gap_days"] == 20 and f.value["gap"] == ["2026-07-01", "2026-07-21"]
    assert set(f.evidence) == {at(date(2026, 7, 1)).url, at(date(2026, 7, 21)).url}
    # the same gap on a stretch the crawler did not fully cover is not held against the site
    f = run(snap(arts, cs=date(2026, 7, 15)))
    assert f.status == "pass" and f.value["gap_covered"] is False


def test_gap_window_edge():
    # a 30-day gap that ended just before the 90-day window: outside; inside when the window is longer
    arts = [at(date(2026, 5, 1)), at(date(2026, 5, 31))] + daily(
        date(2026, 6, 12), date(2026, 9, 9), step=5
    )
    f = run(snap(arts))
    assert f.status == "pass" and f.value["longest_gap_days"] <= 14
    f = run(snap(arts), gap_window_days=200)
    assert f.status == "warn" and f.value["gap"] == ["2026-05-01", "2026-05-31"]


def test_no_dated_article():
    undated = [Article(url="https://bhxh.example/a", title="x", published=None)]
    f = run(snap(undated, cs=date(2026, 6, 1)))
    assert f.status == "fail"
    f = run(snap(undated, cs=None))
    assert f.status == "unknown"


def test_home_down_unknown():
    assert run(snap(daily(date(2026, 6, 1), date(2026, 7, 1)), home_ok=False)).status == "unknown"


def test_failed_listing_without_coverage_is_unknown():
    arts = daily(date(2026, 6, 1), date(2026, 8, 1))
    log = [FetchRecord(url="https://bhxh.example/tin-tuc", outcome="timeout", purpose="listing")]
    f = run(snap(arts, cs=None, log=log))
    assert f.status == "unknown" and f.value["days_since_last"] == 40
    # with complete coverage the staleness stands
    assert run(snap(arts, log=log)).status == "fail"
    # and without failed listings the home page is evidence enough
    assert run(snap(arts, cs=None)).status == "fail"
    # a deep listing page skipped for budget does not hide the newest posts
    skipped = [
        FetchRecord(
            url="https://bhxh.example/tin-tuc?p=9", outcome="budget_exhausted", purpose="listing"
        )
    ]
    assert run(snap(arts, cs=None, log=skipped)).status == "fail"


def test_history_supplies_last_post():
    stored = [
        StoredArticle(
            url="https://bhxh.example/old",
            title="Cũ",
            published=datetime(2026, 9, 8),
            category_label=None,
            word_count=300,
            first_seen=datetime(2026, 9, 8),
        )
    ]
    f = run(
        snap(daily(date(2026, 7, 1), date(2026, 8, 1)), cs=date(2026, 1, 1)),
        History(articles=stored),
    )
    assert f.value["last_url"] == "https://bhxh.example/old" and f.value["days_since_last"] == 2
