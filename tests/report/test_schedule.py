from __future__ import annotations

import sys
import threading
import time
import types
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

from portal_lint import schedule
from portal_lint.config import ScheduleSettings

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_next_fire_times_in_vietnam_time() -> None:
    audit, scorecard = schedule.triggers(ScheduleSettings())
    start = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)  # a Wednesday noon
    nxt = audit.get_next_fire_time(None, start)
    assert nxt == datetime(2026, 11, 26, 1, 30, tzinfo=TZ)
    assert nxt.utcoffset().total_seconds() == 7 * 3600
    nxt = scorecard.get_next_fire_time(None, start)
    assert nxt == datetime(2026, 11, 30, 7, 30, tzinfo=TZ) and nxt.weekday() == 0


def test_jobs_persist_in_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    settings = ScheduleSettings(misfire_grace_seconds=1800)
    sched = schedule.build_scheduler(tmp_path / "sites.yaml", url, settings, blocking=False)
    sched.start(paused=True)
    sched.shutdown(wait=False)
    # a second build replaces the jobs instead of failing on duplicate ids
    again = schedule.build_scheduler(tmp_path / "sites.yaml", url, settings, blocking=False)
    again.start(paused=True)
    again.shutdown(wait=False)

    store = SQLAlchemyJobStore(url=url, tablename=schedule.JOBS_TABLE)
    store.start(None, "default")  # type: ignore[arg-type]
    jobs = {j.id: j for j in store.get_all_jobs()}
    assert set(jobs) == {"nightly-audit", "weekly-scorecard"}
    for job in jobs.values():
        assert job.coalesce is True
        assert job.max_instances == 1
        assert job.misfire_grace_time == 1800
        assert job.args == (str(tmp_path / "sites.yaml"), url)
    assert jobs["nightly-audit"].func is schedule.nightly_audit_job
    assert jobs["weekly-scorecard"].func is schedule.weekly_scorecard_job
    assert jobs["nightly-audit"].next_run_time.hour == 1
    assert jobs["nightly-audit"].next_run_time.minute == 30
    assert str(jobs["nightly-audit"].next_run_time.tzinfo) == "Asia/Ho_Chi_Minh"
    store.shutdown()


def test_no_overlapping_audits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    entered = threading.Event()
    calls: list[str] = []

    def slow_audit(config_path: str, db_url: str) -> int:
        calls.append(config_path)
        entered.set()
        time.sleep(0.5)
        return 0

    fake = types.ModuleType("portal_lint.runner")
    fake.audit_from_config = slow_audit  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "portal_lint.runner", fake)
    import portal_lint

    monkeypatch.setattr(portal_lint, "runner", fake, raising=False)

    results: dict[str, int | None] = {}
    first = threading.Thread(
        target=lambda: results.update(a=schedule.nightly_audit_job("a.yaml", url))
    )
    first.start()
    assert entered.wait(5)
    results["b"] = schedule.nightly_audit_job("b.yaml", url)  # while the first still runs
    first.join(5)
    assert results == {"a": 0, "b": None}
    assert calls == ["a.yaml"]
    # once released, the next audit runs
    assert schedule.guarded_audit("c.yaml", url) == 0
    assert calls == ["a.yaml", "c.yaml"]
    assert schedule.lock_path(url) == tmp_path / "audit.db.audit.lock"
