"""Read-only queries for the reports (scorecard, e-mail). Nothing here writes.

Kept apart from `repo.Store` so that reports can run against a database that a
nightly audit is writing at the same time: plain SELECTs, no migrations, no locks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from portal_lint.store.models import (
    CounterReadingRow,
    EmailSendRow,
    FindingRow,
    RunRow,
    SiteRow,
)


@dataclass(frozen=True)
class FindingView:
    rule: str
    status: str
    message: str
    message_en: str = ""
    evidence: tuple[str, ...] = ()
    value: Any = None

    def text(self, lang: str) -> str:
        return self.message_en if lang == "en" and self.message_en else self.message


@dataclass(frozen=True)
class RunView:
    """One stored run with what a report needs, detached from the session."""

    id: int
    site_id: str
    site_name: str
    site_url: str
    as_of: date
    started_at: datetime
    home_ok: bool
    requests: int
    failed: int
    fetch_failures: tuple[dict[str, Any], ...] = ()
    stats: dict[str, Any] = field(default_factory=dict)
    findings: tuple[FindingView, ...] = ()


def read_engine(db_url: str) -> Engine:
    """An engine for reading only (no migrations are run from here)."""
    if db_url.startswith("sqlite"):
        return create_engine(db_url, connect_args={"timeout": 30})
    return create_engine(db_url, pool_pre_ping=True)


def latest_as_of(engine: Engine) -> date | None:
    """The most recent `as_of` of any run, or None on an empty database."""
    with Session(engine) as s:
        return s.scalar(select(func.max(RunRow.as_of)))


def latest_runs_until(
    engine: Engine, end: date, *, with_findings: bool = True
) -> dict[str, RunView]:
    """Per site, its latest run with `as_of <= end` (ties: latest started, then highest id)."""
    ranked = (
        select(
            RunRow.id.label("run_id"),
            func.row_number()
            .over(
                partition_by=RunRow.site_id,
                order_by=(RunRow.as_of.desc(), RunRow.started_at.desc(), RunRow.id.desc()),
            )
            .label("rn"),
        )
        .where(RunRow.as_of <= end)
        .subquery()
    )
    with Session(engine) as s:
        rows = s.execute(
            select(RunRow, SiteRow)
            .join(ranked, ranked.c.run_id == RunRow.id)
            .join(SiteRow, SiteRow.id == RunRow.site_id, isouter=True)
            .where(ranked.c.rn == 1)
            .order_by(RunRow.site_id)
        ).all()
        findings: dict[int, list[FindingView]] = {}
        if with_findings and rows:
            ids = [run.id for run, _ in rows]
            for f in s.scalars(
                select(FindingRow).where(FindingRow.run_id.in_(ids)).order_by(FindingRow.id)
            ):
                findings.setdefault(f.run_id, []).append(
                    FindingView(
                        rule=f.rule,
                        status=f.status,
                        message=f.message or "",
                        message_en=f.message_en or "",
                        evidence=tuple(str(e) for e in (f.evidence or []) if e),
                        value=f.value,
                    )
                )
        out: dict[str, RunView] = {}
        for run, site in rows:
            stats = dict(run.stats or {})
            name = (site.name if site is not None else "") or stats.get("site_name") or run.site_id
            out[run.site_id] = RunView(
                id=run.id,
                site_id=run.site_id,
                site_name=str(name),
                site_url=site.url if site is not None else "",
                as_of=run.as_of,
                started_at=run.started_at,
                home_ok=bool(run.home_ok),
                requests=run.requests or 0,
                failed=run.failed or 0,
                fetch_failures=tuple(
                    dict(x) for x in (run.fetch_failures or []) if isinstance(x, dict)
                ),
                stats=stats,
                findings=tuple(findings.get(run.id, [])),
            )
        return out


def counter_series(
    engine: Engine, until: datetime, site_ids: list[str] | None = None
) -> dict[str, list[tuple[datetime, int]]]:
    """Visitor counter readings (with a value) up to `until`, per site, oldest first."""
    q = select(CounterReadingRow.site_id, CounterReadingRow.at, CounterReadingRow.value).where(
        CounterReadingRow.at <= until, CounterReadingRow.value.is_not(None)
    )
    if site_ids is not None:
        q = q.where(CounterReadingRow.site_id.in_(site_ids))
    out: dict[str, list[tuple[datetime, int]]] = {}
    with Session(engine) as s:
        for site_id, at, value in s.execute(
            q.order_by(CounterReadingRow.site_id, CounterReadingRow.at)
        ):
            out.setdefault(site_id, []).append((at, int(value)))
    return out


def week_sent(engine: Engine, week: str) -> EmailSendView | None:
    """The first recorded send of the scorecard for `week`, if any."""
    with Session(engine) as s:
        row = s.scalars(
            select(EmailSendRow).where(EmailSendRow.week == week).order_by(EmailSendRow.id)
        ).first()
        if row is None:
            return None
        return EmailSendView(
            week=row.week,
            sent_at=row.sent_at,
            recipients=tuple(row.recipients or []),
            message_id=row.message_id,
        )


@dataclass(frozen=True)
class EmailSendView:
    week: str
    sent_at: datetime
    recipients: tuple[str, ...]
    message_id: str
