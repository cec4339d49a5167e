"""Runs audits: crawl -> snapshot -> rules -> store, one site or all of them concurrently.

This is where the clock is read (once per run, into RunContext and the crawler's clock);
everything downstream receives dates.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from portal_lint.analysis import (
    Analyser,
    ProcessAnalyser,
    ThreadAnalyser,
    can_use_a_process,
)
from portal_lint.config import Config, Site, load_config
from portal_lint.engine import validate_config_rules
from portal_lint.fetch.client import Fetcher, host_key
from portal_lint.fetch.crawler import Crawler
from portal_lint.fetch.parse_pool import InlineParser, ParsePool, Parser
from portal_lint.memory import tune_malloc
from portal_lint.rulepack import RulePack, load_rulepack
from portal_lint.snapshot import Finding, RunContext, Snapshot
from portal_lint.store.repo import Store

log = logging.getLogger(__name__)
# A page found not to be an article is looked at again after this long (a CMS may turn an
# index into a post; a page that failed to parse may parse after a fix).
NON_ARTICLE_RECHECK_DAYS = 30
VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def vn_now() -> datetime:
    """Local Vietnam time, naive (the database stores local time)."""
    return datetime.now(VN_TZ).replace(tzinfo=None)


def default_cache_dir() -> Path:
    if os.environ.get("PORTAL_LINT_CACHE"):
        return Path(os.environ["PORTAL_LINT_CACHE"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("portal-lint", appauthor=False))


@dataclass
class SiteResult:
    site: Site
    ctx: RunContext
    snapshot: Snapshot | None = None
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    requests: int = 0
    cached: int = 0
    run_id: int | None = None
    error: str | None = None  # a tool error (not the site's fault)
    seconds: float = 0.0

    def as_json(self) -> dict[str, Any]:
        snap = self.snapshot
        return {
            "site": self.site.id,
            "url": self.site.url,
            "as_of": self.ctx.as_of.isoformat(),
            "findings": [f.as_json(self.ctx.lang) for f in self.findings],
            "fetch_failures": [
                {"url": r.url, "outcome": r.outcome, "status": r.status, "reason": r.reason}
                for r in (snap.failed_fetches() if snap else [])
            ][:200],
            "requests": self.requests,
            "error": self.error,
        }

    @property
    def failing(self) -> bool:
        return any(f.status == "fail" for f in self.findings)


async def audit_site(
    site: Site,
    cfg: Config | None,
    store: Store,
    ctx: RunContext,
    *,
    pack: RulePack | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    cache_dir: Path | None = None,
    clock: Callable[[], datetime] = vn_now,
    save: bool = True,
    keep_text: bool = True,
    parser: Parser | None = None,
    crawl_slot: asyncio.Semaphore | None = None,
    analyser: Analyser | None = None,
) -> SiteResult:
    """Crawl one site, judge it, store the run. `crawl_slot`, when given, is held during
    the crawl only: the next site's crawl starts while this one waits for the rules."""
    pack = pack or load_rulepack()
    result = SiteResult(site=site, ctx=ctx)
    started = time.monotonic()
    settings = cfg.crawl_for(site) if cfg is not None else Config().crawl_for(site)
    try:
        history = store.history(site.id, ctx.as_of)
        known = store.known_articles(site.id)
        hosts = {host_key(site.url)}
        site_cache = (cache_dir / site.id) if cache_dir else None
        async with (
            crawl_slot or contextlib.nullcontext(),
            Fetcher(settings, hosts, cache_dir=site_cache) as fetcher,
        ):
            crawler = Crawler(
                site,
                settings,
                fetcher,
                as_of=ctx.as_of,
                clock=clock,
                known_articles=known,
                non_articles=store.non_articles(
                    site.id, clock() - timedelta(days=NON_ARTICLE_RECHECK_DAYS)
                ),
                history_complete_since=history.complete_since,
                parser=parser,
                on_articles=(
                    (
                        lambda batch: store.checkpoint_articles(
                            site.id, site.name, site.url, batch, clock()
                        )
                    )
                    if save
                    else None
                ),
            )
            snap = await crawler.crawl()
            result.requests, result.cached = fetcher.network_requests, fetcher.cache_answers
        result.snapshot = snap
        # Off the event loop, so that the other sites' crawls go on meanwhile.
        analyser = analyser or ThreadAnalyser(store)
        result.findings, result.stats = await analyser.run(
            snap, history, ctx, site, pack, cfg, select, ignore
        )
        result.stats["requests"] = result.requests
        if save:
            result.run_id = store.save_run(
                site_id=site.id,
                site_name=site.name,
                site_url=site.url,
                snap=snap,
                findings=result.findings,
                ctx=ctx,
                stats=result.stats,
                requests=result.requests,
                cached=result.cached,
                already_stored=crawler.stored_urls,
            )
        if not keep_text:
            # Stored now: ~8 KB per article; findings, metadata and fetch records stay.
            for art in snap.articles:
                art.body_text, art.sapo = "", None
    except Exception as exc:  # noqa: BLE001 - one site's tool error never stops the others
        log.exception("audit of %s failed", site.id)
        result.error = f"{type(exc).__name__}: {exc}"
    result.seconds = round(time.monotonic() - started, 2)
    return result


async def audit_many(
    sites: list[Site],
    cfg: Config | None,
    store: Store,
    ctx: RunContext,
    *,
    parallel: int = 4,
    on_done: Callable[[SiteResult], None] | None = None,
    keep_text: bool = False,
    keep_snapshots: bool = True,
    parse_workers: int | None = None,
    **kwargs: Any,
) -> list[SiteResult]:
    """Audit `sites`, `parallel` at a time. Article bodies are dropped from the results once
    stored unless `keep_text` (a 63-portal audit would otherwise hold them all). Without
    `keep_snapshots`, a result keeps of its snapshot only the failed fetches (what reports
    show) once `on_done` has seen it whole.

    Pages are parsed in `parse_workers` processes (None: `default_parse_workers`), so that
    parsing runs beside the crawl instead of stalling it; 0 parses inline."""
    tune_malloc()
    crawling = asyncio.Semaphore(parallel)
    # Sites crawled and not yet stored hold their snapshot (article bodies and all): two of
    # them waiting for the analyser keep it busy while `parallel` others crawl.
    in_flight = asyncio.Semaphore(parallel + 2)
    if parse_workers is None:
        parse_workers = default_parse_workers(len(sites))
    parser: Parser = ParsePool(parse_workers) if parse_workers > 0 else InlineParser()
    # Worker processes for an audit of several sites: rules in one, parsing in others.
    analyser: Analyser = (
        ProcessAnalyser(store)
        if parse_workers > 0 and can_use_a_process(store)
        else ThreadAnalyser(store)
    )

    async def one(site: Site) -> SiteResult:
        async with in_flight:
            res = await audit_site(
                site,
                cfg,
                store,
                ctx,
                keep_text=keep_text,
                parser=parser,
                crawl_slot=crawling,
                analyser=analyser,
                **kwargs,
            )
        if on_done:
            on_done(res)
        if not keep_snapshots and res.snapshot is not None:
            res.snapshot = slim_snapshot(res.snapshot)
        return res

    try:
        return list(await asyncio.gather(*(one(s) for s in sites)))
    finally:
        parser.close()
        analyser.close()


def slim_snapshot(snap: Snapshot) -> Snapshot:
    """What a stored site's result still needs: its identity and its failed fetches."""
    return Snapshot(
        site_id=snap.site_id,
        base_url=snap.base_url,
        started_at=snap.started_at,
        finished_at=snap.finished_at,
        home_ok=snap.home_ok,
        home_url=snap.home_url,
        coverage=snap.coverage,
        fetch_log=snap.failed_fetches(),
    )


def default_parse_workers(sites: int) -> int:
    """One parser process per spare core (at most two) when several sites are audited; none
    for one site (a process costs ~60 MB and a second to start, and one portal's crawl is
    paced by politeness, not by parsing)."""
    if sites < 2:
        return 0
    return max(1, min(2, (os.cpu_count() or 2) - 1))


def audit_config(
    config_path: str | Path,
    db_url: str,
    ctx: RunContext,
    *,
    cache_dir: Path | None = None,
    parallel: int = 4,
    parse_workers: int | None = None,
    on_done: Callable[[SiteResult], None] | None = None,
    keep_snapshots: bool = False,
) -> list[SiteResult]:
    """Audit every site of a config file into the database at `db_url`. The results keep
    whole snapshots only with `keep_snapshots`; `on_done` sees each one whole."""
    cfg = load_config(config_path)
    pack = load_rulepack()
    validate_config_rules(cfg, pack)
    store = Store(db_url)
    try:
        return asyncio.run(
            audit_many(
                cfg.sites,
                cfg,
                store,
                ctx,
                pack=pack,
                cache_dir=cache_dir or default_cache_dir(),
                parallel=parallel,
                parse_workers=parse_workers,
                on_done=on_done,
                keep_snapshots=keep_snapshots,
            )
        )
    finally:
        store.close()


def audit_from_config(config_path: str, db_url: str, as_of: date | None = None) -> int:
    """Audit every site in a config (used by the scheduler). Returns the number of tool errors."""
    results = audit_config(config_path, db_url, RunContext(as_of=as_of or vn_now().date()))
    return sum(1 for r in results if r.error)
