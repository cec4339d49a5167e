"""A broken site never crashes an audit, never accuses the province, never corrupts history.

Each fault of the demo farm is switched on for one site (whole site, or one section), the
site is checked with the real CLI path, and the verdicts are compared with a healthy audit.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal_lint.config import load_config
from portal_lint.demo.farm import Fault, build_farm, default_specs
from portal_lint.demo_run import _loopback_crawl_settings
from portal_lint.runner import audit_site
from portal_lint.snapshot import RunContext
from portal_lint.store.models import ArticleRow, RunRow
from portal_lint.store.repo import Store

AS_OF = date(2026, 11, 23)
SITE = "bhxh-nghe-an"  # Liferay style: listings, feed, counter in HTML


@pytest.fixture(scope="module")
def farm_cfg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, object, Path]]:
    out = tmp_path_factory.mktemp("rel")
    farm = build_farm([s for s in default_specs() if s.site_id == SITE], as_of=AS_OF)
    with farm.serve() as running:
        path = out / "sites.yaml"
        running.write_sites_yaml(path)
        _loopback_crawl_settings(path)
        text = path.read_text(encoding="utf-8").replace(
            "max_pages: 600", "max_pages: 600\n    max_body_mb: 2"
        )
        path.write_text(text, encoding="utf-8")
        yield running, load_config(path), out


def audit(cfg: object, db: str, cache: Path, *, impatient: bool = False):
    site = cfg.sites[0]  # type: ignore[attr-defined]
    if impatient:  # short timeouts so the "slow" fault is a timeout, not a long wait
        site = site.model_copy(update={"crawl": {"timeout": 1.5, "retries": 1}})
    store = Store(db)
    try:
        return asyncio.run(audit_site(site, cfg, store, RunContext(AS_OF), cache_dir=cache))  # type: ignore[arg-type]
    finally:
        store.close()


WHOLE_SITE_FAULTS = [
    "down",
    "5xx",
    "reset",
    "truncated",
    "redirect-loop",
    "huge",
    "gzip-bomb",
    "foreign-redirect",
    "slow",
]


@pytest.fixture(scope="module")
def healthy_db(farm_cfg) -> tuple[Path, object]:
    """One healthy audit, copied for every fault case."""
    _, cfg, out = farm_cfg
    path = out / "healthy.db"
    healthy = audit(cfg, f"sqlite:///{path}", out / "cache-healthy")
    assert healthy.error is None and healthy.snapshot.home_ok
    return path, healthy


@pytest.mark.parametrize("kind", WHOLE_SITE_FAULTS)
def test_whole_site_fault_gives_unknown_and_keeps_history(
    farm_cfg, healthy_db, kind: str, tmp_path: Path
) -> None:
    running, cfg, _ = farm_cfg
    shutil.copy(healthy_db[0], tmp_path / "h.db")
    db = f"sqlite:///{tmp_path / 'h.db'}"
    with Store(db).session() as s:
        articles_before = s.scalar(select(func.count()).select_from(ArticleRow))
    assert articles_before > 50

    running.set_fault(SITE, Fault(kind, delay_s=3.0, size_mb=20))
    try:
        broken = audit(cfg, db, tmp_path / "cache-broken", impatient=True)
    finally:
        running.set_fault(SITE, None)
    assert broken.error is None, broken.error  # no crash
    assert not broken.snapshot.home_ok
    statuses = {f.rule: f.status for f in broken.findings}
    # Nothing is held against the province; live-site checks cannot be judged at all.
    # (A content rule may still pass from stored history: that accuses no one.)
    accusing = {r: s for r, s in statuses.items() if s in ("fail", "warn")}
    assert statuses and accusing == {}, accusing
    live = [
        "search-articles",
        "search-documents",
        "spokesperson-contact",
        "visitor-counter",
        "department-links",
        "social-channels",
        "freshness",
        "post-quota",
    ]
    assert {r: statuses[r] for r in live} == dict.fromkeys(live, "unknown")
    failures = broken.snapshot.failed_fetches()
    assert failures and failures[0].purpose == "home"
    with Store(db).session() as s:  # history intact, the failed run recorded apart
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == articles_before
        runs = s.scalars(select(RunRow).order_by(RunRow.id)).all()
        assert [r.home_ok for r in runs] == [True, False]
        assert runs[-1].fetch_failures


def test_malformed_feed_does_not_stop_discovery(farm_cfg, tmp_path: Path) -> None:
    running, cfg, _ = farm_cfg
    running.set_fault(SITE, Fault("malformed-feed"))
    try:
        res = audit(cfg, f"sqlite:///{tmp_path / 'f.db'}", tmp_path / "cache")
    finally:
        running.set_fault(SITE, None)
    assert res.error is None and res.snapshot.home_ok
    assert len(res.snapshot.articles) > 50  # found through listings anyway


def test_a_broken_section_is_unknown_not_fail(farm_cfg, healthy_db, tmp_path: Path) -> None:
    """A whole category section erroring (5xx) must not turn into missing posts or a failed quota."""
    running, cfg, _ = farm_cfg
    healthy = healthy_db[1]
    good = {f.rule: f.status for f in healthy.findings}
    running.set_fault(SITE, Fault("5xx", path_prefix="/chinh-sach-bhyt/"))
    try:
        res = audit(cfg, f"sqlite:///{tmp_path / 'b.db'}", tmp_path / "c2")
    finally:
        running.set_fault(SITE, None)
    assert res.error is None
    errored = [r for r in res.snapshot.failed_fetches() if r.status and r.status >= 500]
    assert len(errored) >= 3  # the fault really hit the section
    got = {f.rule: f.status for f in res.findings}
    worse = {
        r: (good[r], got[r]) for r in got if good.get(r) == "pass" and got[r] in ("warn", "fail")
    }
    assert worse == {}, worse


def test_compliant_site_with_a_broken_category_is_never_accused(tmp_path: Path) -> None:
    """The fully compliant demo site loses its BHYT category (5xx on listing and posts):
    nothing it does right may turn into warn/fail — the quota month is unknown instead."""
    farm = build_farm([s for s in default_specs() if s.site_id == "bhxh-ha-tinh"], as_of=AS_OF)
    with farm.serve() as running:
        path = tmp_path / "sites.yaml"
        running.write_sites_yaml(path)
        _loopback_crawl_settings(path)
        cfg = load_config(path)
        healthy = audit(cfg, f"sqlite:///{tmp_path / 'ok.db'}", tmp_path / "c1")
        running.set_fault(
            "bhxh-ha-tinh", Fault("5xx", path_prefix="/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx")
        )
        broken = audit(cfg, f"sqlite:///{tmp_path / 'b.db'}", tmp_path / "c2")
    good = {f.rule: f.status for f in healthy.findings}
    got = {f.rule: f.status for f in broken.findings}
    assert good["post-quota"] == "pass"
    assert len([r for r in broken.snapshot.failed_fetches() if (r.status or 0) >= 500]) >= 3
    worse = {
        r: (good[r], got[r]) for r in got if good.get(r) == "pass" and got[r] in ("warn", "fail")
    }
    assert worse == {}, worse
    assert got["post-quota"] in ("pass", "unknown")  # a month missing a category is not "short"
