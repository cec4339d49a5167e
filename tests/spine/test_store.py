"""Storage: migrations on a fresh database, incremental article upserts, atomic runs."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal_lint.snapshot import Article, CounterReading, Finding, RunContext, Snapshot
from portal_lint.store.models import ArticleRow, FindingRow, RunRow
from portal_lint.store.repo import Store


def snap_with(articles: list[Article], at: datetime) -> Snapshot:
    s = Snapshot("s1", "https://s1.example.vn/", at, at, home_ok=True)
    s.articles = articles
    s.counter_readings = [CounterReading(at, 100, "https://s1.example.vn/")]
    return s


def save(store: Store, snap: Snapshot, findings: list[Finding], as_of: date) -> int:
    return store.save_run(
        site_id="s1",
        site_name="BHXH tỉnh Thử",
        site_url="https://s1.example.vn/",
        snap=snap,
        findings=findings,
        ctx=RunContext(as_of),
        stats={"complete_since": "2026-06-01"},
        requests=5,
        cached=0,
    )


def test_fresh_database_is_migrated_and_history_accumulates(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    a1 = Article(
        "https://s1.example.vn/a1",
        "Bài 1",
        datetime(2026, 10, 2),
        body_text="x",
        word_count=1,
        content_hash="h1",
    )
    save(
        store,
        snap_with([a1], datetime(2026, 11, 1, 1, 30)),
        [Finding("freshness", "pass", "ok")],
        date(2026, 11, 1),
    )
    a1b = Article(
        "https://s1.example.vn/a1",
        "Bài 1 (sửa)",
        datetime(2026, 10, 2),
        body_text="y",
        word_count=2,
        content_hash="h2",
    )
    a2 = Article(
        "https://s1.example.vn/a2",
        "Bài 2",
        datetime(2026, 11, 1),
        body_text="z",
        word_count=3,
        content_hash="h3",
    )
    save(store, snap_with([a1b, a2], datetime(2026, 11, 2, 1, 30)), [], date(2026, 11, 2))
    with store.session() as s:
        rows = {r.url: r for r in s.scalars(select(ArticleRow))}
        assert len(rows) == 2
        assert rows["https://s1.example.vn/a1"].title == "Bài 1 (sửa)"
        assert rows["https://s1.example.vn/a1"].first_seen == datetime(2026, 11, 1, 1, 30)
        assert rows["https://s1.example.vn/a1"].last_seen == datetime(2026, 11, 2, 1, 30)
    hist = store.history("s1", date(2026, 11, 2))
    assert [r.value for r in hist.counter_readings] == [100, 100]
    assert hist.complete_since == date(2026, 6, 1)
    # replaying an earlier date ignores later readings
    assert len(store.history("s1", date(2026, 11, 1)).counter_readings) == 1


def test_a_run_that_dies_half_way_leaves_previous_results_intact(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    save(
        store,
        snap_with([], datetime(2026, 11, 1)),
        [Finding("freshness", "pass", "ok")],
        date(2026, 11, 1),
    )
    bad = Finding("freshness", "fail", "x", value={"unserialisable": object()})
    with pytest.raises(Exception):
        save(
            store,
            snap_with([Article("https://s1.example.vn/n", "n", None)], datetime(2026, 11, 2)),
            [bad],
            date(2026, 11, 2),
        )
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(RunRow)) == 1
        assert s.scalar(select(func.count()).select_from(FindingRow)) == 1
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == 0


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    Store(url).close()
    Store(url).close()  # second upgrade is a no-op, not an error
