"""Judging a crawled site: the rules, then the figures of the scorecard.

`analyse()` is all of it: a function of the snapshot, the stored history, the run context
and the rule pack, plus reads of the store (other sites' posts, for re-posts). It never
touches the network and writes nothing.

Where it runs:
- `ThreadAnalyser`: one dedicated thread of the auditing process, one site at a time.
  For `check` of one site, tests, and audits where a second process is not worth it.
- `ProcessAnalyser`: one separate process for a whole audit of many sites. The rules (the
  category classifier above all) are CPU work that holds the GIL for much of the time; on
  a thread they slowed the crawl of the other sites on the same interpreter (loopback farm,
  16 portals: the event loop waited on the GIL in every socket write). A process shares no
  GIL, keeps the classifier and the re-post sketches for the whole audit, and, if it dies,
  costs the site being judged a tool error, never the audit.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
import re
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from portal_lint.config import Config, Site
from portal_lint.engine import resolve_params, run_rules
from portal_lint.fetch.client import host_key
from portal_lint.fetch.parse_pool import init_worker
from portal_lint.rulepack import RulePack
from portal_lint.snapshot import Finding, History, RunContext, Snapshot
from portal_lint.stats import SketchCache
from portal_lint.store.repo import Store

log = logging.getLogger(__name__)

# C0/C1 control characters except tab and newline. Crawled text (titles, labels, names) can
# carry terminal escape sequences or BEL; findings quote it, and are printed on terminals,
# stored, and put into HTML and e-mail. Escaping is the renderer's job; these never belong.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    return _CONTROL_CHARS.sub("", text) if text else text


def printable_findings(findings: list[Finding]) -> list[Finding]:
    """The same findings with control characters removed from their text and evidence."""
    for f in findings:
        f.message = printable(f.message)
        f.message_en = printable(f.message_en)
        f.evidence = [printable(e) if isinstance(e, str) else e for e in f.evidence]
    return findings


# Re-post sketches of the articles met so far, shared by the sites this process judges
# (each site compares its posts with the others'). Used by one thread at a time.
_SKETCHES = SketchCache()


def site_stats(
    snap: Snapshot, store: Store, site: Site, ctx: RunContext, pack: RulePack, cfg: Config | None
) -> dict[str, Any]:
    """Per-month figures for the scorecard and Phụ lục 03 (never fatal)."""
    from portal_lint.rules.base import load_all

    stats: dict[str, Any] = {"site_name": site.name or site.id}
    quota_rule = load_all().get("post-quota")
    if quota_rule is not None:
        p = resolve_params(quota_rule, pack, cfg, site)
        stats["quota"] = getattr(p, "min_posts_per_month", None)
        stats["quota_cited"] = bool(getattr(p, "quota_cited", False))
        stats["quota_source"] = getattr(p, "quota_source", "")
    history = store.history(site.id, ctx.as_of)
    complete = snap.coverage.complete_since
    if history.complete_since and (complete is None or history.complete_since < complete):
        complete = history.complete_since
    stats["complete_since"] = (
        snap.coverage.complete_since.isoformat() if snap.coverage.complete_since else None
    )
    stats["articles_total"] = len(snap.articles)
    readings = [r.value for r in snap.counter_readings if r.value is not None]
    stats["counter_last"] = readings[-1] if readings else None
    try:
        from portal_lint import stats as st

        refs = store.reference_texts(site.id, limit=1500, have=_SKETCHES)
        reposts = st.find_reposts(
            snap.articles, refs, own_hosts=[host_key(site.url)], sketches=_SKETCHES
        )
        stats["monthly"] = st.monthly_stats(
            snap.articles,
            history.articles,
            complete,
            ctx.as_of,
            months=12,
            repost_of=reposts,
            bhyt_label_slugs=site.category_map,
        )
        stats["reposts"] = reposts
    except Exception as exc:  # noqa: BLE001 - statistics are auxiliary; the audit goes on
        log.warning("statistics failed for %s: %s", site.id, exc)
        stats["stats_error"] = f"{type(exc).__name__}: {exc}"
    return stats


def analyse(
    snap: Snapshot,
    history: History,
    ctx: RunContext,
    site: Site,
    pack: RulePack,
    cfg: Config | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    store: Store,
) -> tuple[list[Finding], dict[str, Any]]:
    """The findings of every selected rule, and the site's statistics."""
    findings = printable_findings(run_rules(snap, history, ctx, site, pack, cfg, select, ignore))
    return findings, site_stats(snap, store, site, ctx, pack, cfg)


class ThreadAnalyser:
    """Runs `analyse` on one thread of this process, one site at a time.

    One thread, not asyncio's default pool: glibc gives each thread its own malloc arena
    and keeps what a thread freed for that thread, so the classifier's transient arrays,
    spread over four pool threads, held four copies of their peak (8 x 1,500 farm: 554 MB).
    """

    _executor: ThreadPoolExecutor | None = None  # shared by every audit of the process

    def __init__(self, store: Store) -> None:
        self.store = store

    async def run(self, *args: Any) -> tuple[list[Finding], dict[str, Any]]:
        if ThreadAnalyser._executor is None:
            ThreadAnalyser._executor = ThreadPoolExecutor(1, thread_name_prefix="portal-lint-rules")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(ThreadAnalyser._executor, analyse, *args, self.store)

    def close(self) -> None:
        pass


# The worker process's own connection to the audit's database.
_WORKER_STORES: dict[str, Store] = {}


def _analyse_in_worker(*args: Any) -> tuple[list[Finding], dict[str, Any]]:
    *rest, db_url = args
    store = _WORKER_STORES.get(db_url)
    if store is None:
        store = _WORKER_STORES[db_url] = Store(db_url, migrate=False)
    return analyse(*rest, store)


class AnalysisFailed(Exception):
    """The analysis process died while judging a site (a tool error, not the site's)."""


class ProcessAnalyser:
    """Runs `analyse` in one separate process, sites one after another."""

    def __init__(self, store: Store) -> None:
        self.db_url = store.url
        self.crashes = 0
        self._executor: ProcessPoolExecutor | None = None

    async def run(self, *args: Any) -> tuple[list[Finding], dict[str, Any]]:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=mp.get_context("spawn"),
                initializer=init_worker,
                initargs=(os.getpid(),),
            )
        executor = self._executor
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(executor, _analyse_in_worker, *args, self.db_url)
        except BrokenProcessPool as exc:
            if self._executor is executor:  # the first to see it replaces it, once
                self.crashes += 1
                self._executor = None
                executor.shutdown(wait=False, cancel_futures=True)
            raise AnalysisFailed("the analysis process died") from exc

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


Analyser = ThreadAnalyser | ProcessAnalyser


def can_use_a_process(store: Store) -> bool:
    """A second process can open the same database (not an in-memory SQLite one)."""
    url = store.url
    return not (url.startswith("sqlite") and (url in ("sqlite://", "sqlite:///:memory:")))
