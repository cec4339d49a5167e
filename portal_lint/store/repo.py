"""The only code that writes the database: open, migrate, read history, save a run."""

from __future__ import annotations

import os
from collections.abc import Collection, Container, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from portal_lint.snapshot import (
    Article,
    CounterReading,
    Finding,
    History,
    RunContext,
    Snapshot,
    StoredArticle,
    to_jsonable,
)
from portal_lint.store.models import (
    ArticleRow,
    CounterReadingRow,
    FindingRow,
    NonArticleRow,
    RunRow,
    SiteRow,
)

ENV_DB = "PORTAL_LINT_DB"


def default_db_url() -> str:
    """`PORTAL_LINT_DB` if set, else an SQLite file in the user's data directory."""
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("portal-lint", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'portal-lint.db'}"


def migrations_dir() -> Path:
    """Alembic scripts: inside the installed package, or db/migrations in a checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_migrations"
    if (packaged / "env.py").is_file():
        return packaged
    return here.parent / "db" / "migrations"


def _alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, engine: Engine | None = None) -> None:
    """Run Alembic migrations up to head (idempotent)."""
    from alembic import command

    cfg = _alembic_config(url)
    if engine is not None:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    else:
        command.upgrade(cfg, "head")


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")  # readers never block the nightly writer
            # With WAL, NORMAL syncs at checkpoints, not at every commit: a crashed process
            # loses nothing committed and the file stays consistent (SQLite's own guidance);
            # only a power cut may lose the last commits, which the next audit redoes.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Store:
    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = _make_engine(url)
        if migrate:
            upgrade(url, self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any error."""
        with self._sessions.begin() as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ reading
    def history(self, site_id: str, as_of: date, lookback_days: int = 400) -> History:
        """Stored history up to the end of `as_of` (later data is ignored for replays)."""
        end = datetime.combine(as_of, datetime.max.time())
        start = end - timedelta(days=lookback_days)
        with self.session() as s:
            readings = [
                CounterReading(at=r.at, value=r.value, source_url=r.source_url, method=r.method)
                for r in s.scalars(
                    select(CounterReadingRow)
                    .where(CounterReadingRow.site_id == site_id, CounterReadingRow.at <= end)
                    .order_by(CounterReadingRow.at)
                )
            ]
            articles = [
                StoredArticle(
                    url=a.url,
                    title=a.title,
                    published=a.published,
                    category_label=a.category_label,
                    word_count=a.word_count,
                    first_seen=a.first_seen,
                    content_hash=a.content_hash,
                )
                for a in s.scalars(
                    select(ArticleRow).where(
                        ArticleRow.site_id == site_id,
                        ArticleRow.published >= start,
                    )
                )
            ]
            prior = s.scalars(
                select(RunRow)
                .where(RunRow.site_id == site_id, RunRow.as_of <= as_of)
                .order_by(RunRow.id)
            ).all()
            complete_since = None
            for run in prior:
                cs = (run.stats or {}).get("complete_since")
                if cs:
                    d = date.fromisoformat(cs)
                    complete_since = d if complete_since is None else min(complete_since, d)
        return History(counter_readings=readings, articles=articles, complete_since=complete_since)

    def known_articles(self, site_id: str) -> dict[str, dict[str, Any]]:
        """url -> stored article JSON, so the crawler can skip unchanged old articles.

        Aliases (other URLs that led to the same article, e.g. with a date parameter) map
        to the same entry, so a listing link that differs from the canonical URL still hits.
        """
        out: dict[str, dict[str, Any]] = {}
        with self.session() as s:
            for a in s.scalars(select(ArticleRow).where(ArticleRow.site_id == site_id)):
                data = dict(a.data or {}, content_hash=a.content_hash)
                out[a.url] = data
                for alias in data.get("aliases") or []:
                    out.setdefault(alias, data)
        return out

    def non_articles(self, site_id: str, checked_since: datetime) -> set[str]:
        """URLs of the site found not to be articles at or after `checked_since`."""
        with self.session() as s:
            return set(
                s.scalars(
                    select(NonArticleRow.url).where(
                        NonArticleRow.site_id == site_id,
                        NonArticleRow.checked_at >= checked_since,
                    )
                )
            )

    # ------------------------------------------------------------------ writing
    def save_run(
        self,
        *,
        site_id: str,
        site_name: str,
        site_url: str,
        snap: Snapshot,
        findings: list[Finding],
        ctx: RunContext,
        stats: dict[str, Any],
        requests: int,
        cached: int,
        already_stored: Collection[str] = (),
    ) -> int:
        """Write a complete run in ONE transaction: articles, readings, findings, run.
        Articles in `already_stored` were written during the crawl as they stand."""
        now = snap.finished_at or snap.started_at
        with self.session() as s:
            site = s.get(SiteRow, site_id)
            if site is None:
                site = SiteRow(id=site_id)
                s.add(site)
            site.name, site.url, site.updated_at = site_name, site_url, now
            s.flush()

            failures = snap.failed_fetches()
            run = RunRow(
                site_id=site_id,
                started_at=snap.started_at,
                finished_at=now,
                as_of=ctx.as_of,
                lang=ctx.lang,
                requests=requests,
                cached=cached,
                failed=len(failures),
                home_ok=snap.home_ok,
                fetch_failures=[
                    {"url": r.url, "outcome": r.outcome, "status": r.status, "reason": r.reason}
                    for r in failures[:500]
                ],
                stats=to_jsonable(stats),
            )
            s.add(run)
            s.flush()

            stored = set(already_stored)
            self._upsert_articles(
                s, site_id, [a for a in snap.articles if a.url not in stored], now
            )
            self._upsert_non_articles(s, site_id, snap.non_article_urls, now)

            for r in snap.counter_readings:
                s.add(
                    CounterReadingRow(
                        site_id=site_id,
                        run_id=run.id,
                        at=r.at,
                        value=r.value,
                        source_url=r.source_url,
                        method=r.method,
                    )
                )
            for f in findings:
                s.add(
                    FindingRow(
                        run_id=run.id,
                        site_id=site_id,
                        rule=f.rule,
                        status=f.status,
                        message=f.message,
                        message_en=f.message_en,
                        evidence=list(f.evidence),
                        value=to_jsonable(f.value),
                    )
                )
            return run.id

    @staticmethod
    def _ensure_site(s: Session, site_id: str, name: str, url: str, now: datetime) -> None:
        if s.get(SiteRow, site_id) is None:
            s.add(SiteRow(id=site_id, name=name, url=url, updated_at=now))
            s.flush()

    @staticmethod
    def _upsert_articles(s: Session, site_id: str, articles: list[Article], now: datetime) -> None:
        """Upsert by URL. A listing-only sighting (fetched=False) never overwrites an
        article whose page was read; it only refreshes last_seen. Bulk statements, not ORM
        objects: a checkpoint writes 20 articles, an audit of 63 portals some 24,000."""
        urls = list(dict.fromkeys(a.url for a in articles))
        existing: dict[str, tuple[int, dict[str, Any]]] = {}
        for chunk in range(0, len(urls), 500):
            for rid, url, data in s.execute(
                select(ArticleRow.id, ArticleRow.url, ArticleRow.data).where(
                    ArticleRow.site_id == site_id, ArticleRow.url.in_(urls[chunk : chunk + 500])
                )
            ):
                existing[url] = (rid, data or {})
        inserts: dict[str, dict[str, Any]] = {}
        updates: dict[int, dict[str, Any]] = {}
        touched: set[int] = set()
        for art in articles:
            if art.url in existing:
                rid, old = existing[art.url]
            elif art.url in inserts:
                rid, old = None, inserts[art.url]["data"]
            else:
                rid, old = None, None
            if old is not None and not art.fetched and old.get("fetched", True):
                if rid is not None:
                    touched.add(rid)
                continue
            data = to_jsonable(art)
            # Other URLs that led here in earlier audits stay known (a listing may link
            # either), so no audit fetches the article again under an old alias.
            old_aliases = (old or {}).get("aliases") or []
            if old_aliases:
                data["aliases"] = list(dict.fromkeys([*data.get("aliases", []), *old_aliases]))
            values = {
                "title": art.title[:2000],
                "published": art.published,
                "category_label": art.category_label,
                "word_count": art.word_count,
                "content_hash": art.content_hash,
                "last_seen": now,
                "data": data,
            }
            if rid is not None:
                updates[rid] = {"id": rid, **values}
                existing[art.url] = (rid, data)
            else:
                inserts[art.url] = {"site_id": site_id, "url": art.url, "first_seen": now, **values}
        if inserts:
            s.execute(insert(ArticleRow), list(inserts.values()))
        if updates:
            s.execute(update(ArticleRow), list(updates.values()))
        touched -= set(updates)
        if touched:
            s.execute(
                update(ArticleRow).where(ArticleRow.id.in_(sorted(touched))).values(last_seen=now)
            )

    @staticmethod
    def _upsert_non_articles(s: Session, site_id: str, urls: list[str], now: datetime) -> None:
        existing = {}
        for chunk in range(0, len(urls), 500):
            existing.update(
                (r.url, r)
                for r in s.scalars(
                    select(NonArticleRow).where(
                        NonArticleRow.site_id == site_id,
                        NonArticleRow.url.in_(urls[chunk : chunk + 500]),
                    )
                )
            )
        for url in dict.fromkeys(urls):
            row = existing.get(url)
            if row is None:
                s.add(NonArticleRow(site_id=site_id, url=url, checked_at=now))
            else:
                row.checked_at = now

    def checkpoint_articles(
        self, site_id: str, site_name: str, site_url: str, articles: list[Article], now: datetime
    ) -> None:
        """Store articles extracted so far, in a short transaction of their own.

        Articles are observations, not verdicts: keeping those of a run that dies later
        changes no stored result, and the next run need not fetch them again (resume).
        """
        with self.session() as s:
            self._ensure_site(s, site_id, site_name, site_url, now)
            self._upsert_articles(s, site_id, articles, now)

    def reference_texts(
        self,
        exclude_site: str,
        limit: int = 5000,
        have: Container[tuple[str, str]] | None = None,
    ) -> dict[str, tuple[str, str]] | dict[str, tuple[str, str | None, str]]:
        """(title, body) of other sites' recent articles, for re-post (đăng lại) detection.

        With `have` (e.g. a stats.SketchCache), (title, body, content hash) instead, the body
        left out (None) for articles whose (URL, content hash) is in `have`: their JSON is
        not even read.
        """
        if have is None:
            with self.session() as s:
                rows = s.execute(
                    select(ArticleRow.url, ArticleRow.title, ArticleRow.data)
                    .where(ArticleRow.site_id != exclude_site)
                    .order_by(ArticleRow.published.desc())
                    .limit(limit)
                ).all()
            return {
                url: (title, (data or {}).get("body_text", "")) for url, title, data in rows if data
            }
        with self.session() as s:
            heads = s.execute(
                select(ArticleRow.id, ArticleRow.url, ArticleRow.title, ArticleRow.content_hash)
                .where(ArticleRow.site_id != exclude_site)
                .order_by(ArticleRow.published.desc())
                .limit(limit)
            ).all()
            missing = [i for i, url, _t, h in heads if (url, h) not in have]
            bodies: dict[int, str] = {}
            for chunk in range(0, len(missing), 500):
                for i, data in s.execute(
                    select(ArticleRow.id, ArticleRow.data).where(
                        ArticleRow.id.in_(missing[chunk : chunk + 500])
                    )
                ):
                    bodies[i] = (data or {}).get("body_text", "")
        return {
            url: (title, bodies.get(i) if (url, h) not in have else None, h)
            for i, url, title, h in heads
        }
