"""Fixtures for report, mailer and schedule tests: a small audit database and Chromium."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from portal_lint.rules.base import RULE_IDS
from portal_lint.snapshot import CounterReading, FetchRecord, Finding, RunContext, Snapshot
from portal_lint.store.repo import Store

WEEK = "2026-W48"  # Monday 2026-11-23 .. Sunday 2026-11-29
XSS_TITLE = "<script>alert(1)</script>"


def _findings(statuses: dict[str, str], site_name: str) -> list[Finding]:
    out = []
    for rule, status in statuses.items():
        out.append(
            Finding(
                rule=rule,
                status=status,  # type: ignore[arg-type]
                message=f"Tiêu chí {rule}: kết quả {status} — bài “{site_name}”",
                message_en=f"Rule {rule}: {status}",
                evidence=[f"https://example.gov.vn/{rule}", "javascript:alert(2)"],
            )
        )
    return out


def save(
    store: Store,
    site_id: str,
    name: str,
    as_of: date,
    statuses: dict[str, str],
    *,
    stats: dict[str, Any] | None = None,
    counter: int | None = None,
    failures: int = 0,
    home_ok: bool = True,
) -> int:
    started = datetime.combine(as_of, datetime.min.time()) + timedelta(hours=1, minutes=30)
    snap = Snapshot(
        site_id=site_id,
        base_url=f"https://{site_id}.example.gov.vn/",
        started_at=started,
        finished_at=started + timedelta(minutes=5),
        home_ok=home_ok,
        counter_readings=(
            [
                CounterReading(
                    at=started, value=counter, source_url=f"https://{site_id}.example.gov.vn/"
                )
            ]
            if counter is not None
            else []
        ),
        fetch_log=[
            FetchRecord(
                url=f"https://{site_id}.example.gov.vn/page-{i}",
                outcome="timeout" if i % 2 == 0 else "connect_error",
                reason="quá thời gian chờ 20 s" if i % 2 == 0 else "Connection refused",
            )
            for i in range(failures)
        ],
    )
    return store.save_run(
        site_id=site_id,
        site_name=name,
        site_url=snap.base_url,
        snap=snap,
        findings=_findings(statuses, name),
        ctx=RunContext(as_of=as_of),
        stats=stats or {},
        requests=40,
        cached=0,
    )


def monthly(posts: dict[str, int], complete_from: str = "2026-06") -> dict[str, Any]:
    return {
        m: {
            "posts": n,
            "new": n - n // 5,
            "repost": n // 5,
            "bhyt": n // 4,
            "complete": m >= complete_from,
        }
        for m, n in posts.items()
    }


def _all(status: str) -> dict[str, str]:
    return {r: status for r in RULE_IDS}


def build_db(db_path: Path) -> str:
    """Four sites audited over five weeks; returns the SQLAlchemy URL.

    - bhxh-ha-tinh: all pass this week (100), a warn last week (changes upward)
    - bhxh-dak-nong: crawled name with a script tag, mixed results
    - bhxh-lao-cai: audited only in W46 (stale run reused in W48)
    - bhxh-quang-tri: site down this week: every rule unknown -> no score
    """
    url = f"sqlite:///{db_path}"
    store = Store(url)
    base_months = {f"2026-{m:02d}": 18 + (m % 5) for m in range(1, 12)}
    stats = {
        "monthly": monthly(base_months),
        "quota": 20,
        "quota_source": "QĐ 2474/QĐ-BHXH (giả định làm việc)",
        "quota_cited": False,
        "articles_total": 140,
        "complete_since": "2026-06-01",
    }
    for k, monday in enumerate(date(2026, 10, 26) + timedelta(weeks=n) for n in range(5)):
        day = monday + timedelta(days=1)  # audits on Tuesdays
        ht = _all("pass") | ({"freshness": "warn"} if k < 4 else {})
        save(
            store,
            "bhxh-ha-tinh",
            "BHXH tỉnh Hà Tĩnh",
            day,
            ht,
            stats=stats,
            counter=100_000 + 900 * k,
        )
        dn = _all("pass") | {
            "post-quota": "fail",
            "thin-content": "warn",
            "search-documents": "unknown",
        }
        if k == 4:
            dn |= {"category-mismatch": "fail"}
        save(
            store,
            "bhxh-dak-nong",
            f"BHXH tỉnh Đắk Nông {XSS_TITLE}",
            day,
            dn,
            stats=stats | {"monthly": monthly({m: n - 6 for m, n in base_months.items()})},
            counter=50_000 + 300 * k,
        )
        if k == 2:
            save(store, "bhxh-lao-cai", "BHXH tỉnh Lào Cai", day, _all("warn"), stats=stats)
        qt = _all("unknown") if k == 4 else _all("pass") | {"modern-media": "fail"}
        save(
            store,
            "bhxh-quang-tri",
            "BHXH tỉnh Quảng Trị",
            day,
            qt,
            stats=stats,
            failures=3 if k == 4 else 0,
            home_ok=k != 4,
        )
    store.close()
    return url


@pytest.fixture
def audit_db(tmp_path: Path) -> str:
    return build_db(tmp_path / "audit.db")


@pytest.fixture(scope="session")
def audit_db_session(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_db(tmp_path_factory.mktemp("db") / "audit.db")


@pytest.fixture(scope="session")
def scorecard_w48(audit_db_session: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Vietnamese scorecard of WEEK, built once (charts are the slow part)."""
    from portal_lint.report.scorecard import write_scorecard

    return write_scorecard(audit_db_session, tmp_path_factory.mktemp("scorecard"), week=WEEK)


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    """A migrated database with no runs (for e-mail bookkeeping)."""
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    Store(url).close()
    return url


# ----------------------------------------------------------------------------- chromium
def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of a headless Chromium, installing Debian's package if missing. FAILS if impossible."""
    path = _find_chromium()
    if path:
        return path
    try:
        subprocess.run(["apt-get", "update"], check=True, capture_output=True, timeout=600)
        subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
            check=True,
            capture_output=True,
            timeout=1200,
            env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.fail(f"Chromium is required and could not be installed with apt-get: {exc}")
    path = _find_chromium()
    if not path:
        pytest.fail("apt-get install chromium succeeded but no chromium binary was found")
    return path


ChromiumRun = Callable[..., subprocess.CompletedProcess[str]]
